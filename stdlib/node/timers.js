// require('timers'): the loop's timers (internal/loop.js has the ordering).
'use strict';

var loop = require('./internal/loop.js');

exports.setTimeout = loop.setTimeout;
exports.clearTimeout = loop.clearTimeout;
exports.setInterval = loop.setInterval;
exports.clearInterval = loop.clearInterval;
exports.setImmediate = loop.setImmediate;
exports.clearImmediate = loop.clearImmediate;

// timers.promises, loaded when first used.
Object.defineProperty(exports, 'promises', {
    enumerable: true,
    configurable: true,
    get: function () { return require('./timers/promises.js'); }
});
