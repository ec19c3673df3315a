// require('stream'): Readable, Writable, Duplex, Transform, PassThrough,
// pipeline and finished. The implementation is in internal/streams/, one
// concept per file; module.exports is the legacy Stream constructor, as
// in Node, with the classes as its properties.
'use strict';

var Stream = require('./internal/streams/legacy.js');
var Readable = require('./internal/streams/readable.js');
var Writable = require('./internal/streams/writable.js');
var Duplex = require('./internal/streams/duplex.js');
var Transform = require('./internal/streams/transform.js');
var PassThrough = require('./internal/streams/passthrough.js');
var pipeline = require('./internal/streams/pipeline.js');
var finished = require('./internal/streams/end_of_stream.js');
var from = require('./internal/streams/from.js');
var destroyImpl = require('./internal/streams/destroy.js');
var state = require('./internal/streams/state.js');
var codedErrors = require('./internal/coded_errors.js');

Readable.from = function (iterable, options) { return from(Readable, iterable, options); };

Stream.Stream = Stream;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.pipeline = pipeline;
Stream.finished = finished;
Stream.getDefaultHighWaterMark = state.defaultHighWaterMark;
Stream.setDefaultHighWaterMark = state.setDefaultHighWaterMark;

Stream.destroy = function (stream, error) {
    if (stream && typeof stream.destroy === 'function')
        stream.destroy(error);
};

Stream.isReadable = function (stream) {
    if (!finished.isReadableNodeStream(stream))
        return null;
    var r = stream._readableState;
    return !!(r && !r.destroyed && !r.endEmitted && stream.readable);
};
Stream.isErrored = function (stream) {
    return !!((stream._readableState && stream._readableState.errored) ||
        (stream._writableState && stream._writableState.errored));
};
Stream.isDisturbed = function (stream) {
    var r = stream._readableState;
    return !!(r && (r.dataEmitted || r.destroyed || r.endEmitted));
};

Stream.addAbortSignal = function () {
    throw codedErrors.notSupported('stream.addAbortSignal()');
};

Stream._isUint8Array = function (value) { return value instanceof Uint8Array; };
Stream._uint8ArrayToBuffer = function (chunk) {
    var Buffer = require('./buffer.js').Buffer;
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
};

// stream.promises needs a Promise: when unode has one, pipeline and
// finished are offered in promise form.
Object.defineProperty(Stream, 'promises', {
    enumerable: true,
    configurable: true,
    get: function () {
        if (typeof Promise !== 'function')
            throw codedErrors.notSupported('stream.promises (no Promise)');
        return {
            pipeline: function () {
                var streams = Array.prototype.slice.call(arguments);
                return new Promise(function (resolve, reject) {
                    pipeline.apply(null, streams.concat(function (error, value) {
                        if (error)
                            reject(error);
                        else
                            resolve(value);
                    }));
                });
            },
            finished: function (stream, options) {
                return new Promise(function (resolve, reject) {
                    finished(stream, options || {}, function (error) {
                        if (error)
                            reject(error);
                        else
                            resolve();
                    });
                });
            }
        };
    }
});

module.exports = Stream;
