// require('timers/promises'): setTimeout and setImmediate as promises.
// Options: {ref: false} lets the process exit meanwhile; {signal} is not
// supported (no AbortController in unode yet). setInterval's async
// iterator needs `for await`, which Duktape does not have.
'use strict';

var loop = require('../internal/loop.js');

function checkOptions(options) {
    if (options === undefined)
        return {};
    if (options === null || typeof options !== 'object') {
        var error = new TypeError('The "options" argument must be of type object. Received ' +
            require('../util.js').inspect(options));
        error.code = 'ERR_INVALID_ARG_TYPE';
        throw error;
    }
    if (options.signal !== undefined)
        throw new Error('timers/promises: the signal option is not supported in unode');
    return options;
}

exports.setTimeout = function (delay, value, options) {
    return new Promise(function (resolve) {
        options = checkOptions(options);
        var timer = loop.setTimeout(resolve, delay, value);
        if (options.ref === false)
            timer.unref();
    });
};

exports.setImmediate = function (value, options) {
    return new Promise(function (resolve) {
        options = checkOptions(options);
        var immediate = loop.setImmediate(resolve, value);
        if (options.ref === false)
            immediate.unref();
    });
};

exports.setInterval = function () {
    throw new Error('timers/promises.setInterval is not supported in unode');
};

exports.scheduler = {
    wait: function (delay, options) { return exports.setTimeout(delay, undefined, options); },
    'yield': function () { return exports.setImmediate(); }
};
