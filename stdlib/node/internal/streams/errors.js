// The errors of the stream modules, with Node's codes and messages.
'use strict';

var make = require('../coded_errors.js').make;

exports.pushAfterEof = function () {
    return make(Error, 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF');
};
exports.unshiftAfterEnd = function () {
    return make(Error, 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event');
};
exports.writeAfterEnd = function () {
    return make(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
};
exports.destroyed = function (method) {
    return make(Error, 'ERR_STREAM_DESTROYED', 'Cannot call ' + method +
        ' after a stream was destroyed');
};
exports.alreadyFinished = function (method) {
    return make(Error, 'ERR_STREAM_ALREADY_FINISHED', 'Cannot call ' + method +
        ' after a stream was finished');
};
exports.nullValues = function () {
    return make(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
};
exports.cannotPipe = function () {
    return make(Error, 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable');
};
exports.prematureClose = function () {
    return make(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close');
};
exports.notImplemented = function (method) {
    return make(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The ' + method +
        ' method is not implemented');
};
exports.multipleCallback = function () {
    return make(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times');
};
exports.unknownEncoding = function (encoding) {
    return make(TypeError, 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + encoding);
};
exports.missingArgs = function (name) {
    return make(TypeError, 'ERR_MISSING_ARGS', 'The "' + name + '" argument must be specified');
};
