// Options shared by the readable and writable sides: the high-water mark
// (how much a stream buffers before it asks its source to wait).
'use strict';

var errors = require('../coded_errors.js');

var defaults = { bytes: 16 * 1024, objects: 16 };  // Node 20's

function defaultHighWaterMark(objectMode) { return objectMode ? defaults.objects : defaults.bytes; }

// stream.setDefaultHighWaterMark(objectMode, value)
function setDefaultHighWaterMark(objectMode, value) {
    if (typeof value !== 'number' || value < 0 || value !== value)
        throw errors.invalidArgValue('value', value);
    if (objectMode)
        defaults.objects = value;
    else
        defaults.bytes = value;
}

// options.highWaterMark, or for one side of a Duplex
// options.readableHighWaterMark / options.writableHighWaterMark.
function highWaterMark(options, objectMode, duplexKey, isDuplex) {
    var value = options ? options.highWaterMark : void 0;
    if ((value === void 0 || value === null) && isDuplex && options)
        value = options[duplexKey];
    if (value === void 0 || value === null)
        return defaultHighWaterMark(objectMode);
    if (typeof value !== 'number' || Math.floor(value) !== value || value < 0) {
        var name = isDuplex ? 'options.' + duplexKey : 'options.highWaterMark';
        throw errors.invalidArgValue(name, value);
    }
    return value;
}

exports.highWaterMark = highWaterMark;
exports.defaultHighWaterMark = defaultHighWaterMark;
exports.setDefaultHighWaterMark = setDefaultHighWaterMark;
