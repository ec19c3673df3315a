// stream.finished(stream[, options], callback): calls back once when the
// stream is done ('end' for reading, 'finish' for writing, after 'close'
// when one will come), errored, or closed too early (Premature close).
// Returns a function that removes the listeners. Node's rules from
// lib/internal/streams/end-of-stream.js.
'use strict';

var streamErrors = require('./errors.js');
var codedErrors = require('../coded_errors.js');

function isReadableNodeStream(stream) {
    return !!(stream && typeof stream.pipe === 'function' && typeof stream.on === 'function' &&
        (!stream._writableState ||
            (stream._readableState && stream._readableState.readable !== false)));
}

function isWritableNodeStream(stream) {
    return !!(stream && typeof stream.write === 'function' && typeof stream.on === 'function' &&
        (!stream._readableState ||
            (stream._writableState && stream._writableState.writable !== false)));
}

function isWritableFinished(stream, strict) {
    if (!isWritableNodeStream(stream))
        return null;
    if (stream.writableFinished === true)
        return true;
    var w = stream._writableState;
    if (!w || w.errored)
        return false;
    return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
}

function isReadableFinished(stream, strict) {
    if (!isReadableNodeStream(stream))
        return null;
    var r = stream._readableState;
    if (!r || r.errored)
        return false;
    return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
}

function isDestroyed(stream) {
    var w = stream._writableState;
    var r = stream._readableState;
    return !!(stream.destroyed || (w || r) && (w || r).destroyed);
}

function isReadable(stream) {
    if (typeof stream.readable !== 'boolean')
        return null;
    if (isDestroyed(stream))
        return false;
    return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}

function isWritable(stream) {
    if (typeof stream.writable !== 'boolean')
        return null;
    if (isDestroyed(stream))
        return false;
    var w = stream._writableState;
    return isWritableNodeStream(stream) && stream.writable && !(w && w.ended);
}

function erroredOf(stream) {
    return (stream._writableState && stream._writableState.errored) ||
        (stream._readableState && stream._readableState.errored) || null;
}

function isClosed(stream) {
    var w = stream._writableState;
    var r = stream._readableState;
    return !!((w && w.closed) || (r && r.closed));
}

function willEmitClose(stream) {
    var s = stream._writableState || stream._readableState;
    return !!(s && s.autoDestroy && s.emitClose && s.closed === false);
}

function nop() {}

function finished(stream, options, callback) {
    if (typeof options === 'function') {
        callback = options;
        options = {};
    } else if (options === undefined || options === null) {
        options = {};
    } else if (typeof options !== 'object') {
        throw codedErrors.invalidArgType('options', 'object', options);
    }
    if (typeof callback !== 'function')
        throw codedErrors.invalidArgType('callback', 'function', callback);
    var done = false;
    var userCallback = callback;
    callback = function (error) {
        if (done)
            return;
        done = true;
        userCallback.call(stream, error);
    };

    var readable = options.readable !== undefined && options.readable !== null ?
        options.readable : isReadableNodeStream(stream);
    var writable = options.writable !== undefined && options.writable !== null ?
        options.writable : isWritableNodeStream(stream);
    var w = stream._writableState;
    var r = stream._readableState;
    var closeWillCome = willEmitClose(stream) && isReadableNodeStream(stream) === readable &&
        isWritableNodeStream(stream) === writable;

    var writableFinished = isWritableFinished(stream, false);
    function onfinish() {
        writableFinished = true;
        if (stream.destroyed)
            closeWillCome = false;
        if (closeWillCome && (!stream.readable || readable))
            return;
        if (!readable || readableFinished)
            callback();
    }
    var readableFinished = isReadableFinished(stream, false);
    function onend() {
        readableFinished = true;
        if (stream.destroyed)
            closeWillCome = false;
        if (closeWillCome && (!stream.writable || writable))
            return;
        if (!writable || writableFinished)
            callback();
    }
    function onerror(error) { callback(error); }
    function onclose() {
        var errored = erroredOf(stream);
        if (errored && typeof errored !== 'boolean')
            return callback(errored);
        if (readable && !readableFinished && isReadableNodeStream(stream) &&
            !isReadableFinished(stream, false))
            return callback(streamErrors.prematureClose());
        if (writable && !writableFinished && !isWritableFinished(stream, false))
            return callback(streamErrors.prematureClose());
        callback();
    }
    function onclosed() {
        var errored = erroredOf(stream);
        if (errored && typeof errored !== 'boolean')
            return callback(errored);
        callback();
    }

    stream.on('end', onend);
    stream.on('finish', onfinish);
    if (options.error !== false)
        stream.on('error', onerror);
    stream.on('close', onclose);

    if (isClosed(stream)) {
        process.nextTick(onclose);
    } else if ((w && w.errorEmitted) || (r && r.errorEmitted)) {
        if (!closeWillCome)
            process.nextTick(onclosed);
    } else if (!readable && (!closeWillCome || isReadable(stream)) &&
        (writableFinished || isWritable(stream) === false)) {
        process.nextTick(onclosed);
    } else if (!writable && (!closeWillCome || isWritable(stream)) &&
        (readableFinished || isReadable(stream) === false)) {
        process.nextTick(onclosed);
    }

    return function cleanup() {
        callback = nop;
        stream.removeListener('end', onend);
        stream.removeListener('finish', onfinish);
        stream.removeListener('error', onerror);
        stream.removeListener('close', onclose);
    };
}

finished.isReadableNodeStream = isReadableNodeStream;
finished.isWritableNodeStream = isWritableNodeStream;
finished.isReadableFinished = isReadableFinished;

module.exports = finished;
