// Writable: a destination of chunks. write() hands one chunk at a time to
// _write(chunk, encoding, callback) and buffers the others meanwhile (all
// of them go to _writev at once if the stream has one); write() returns
// false once the buffer reaches the high-water mark, and 'drain' says when
// it emptied. end() waits for pending writes, runs _final, then emits
// 'finish'. Follows Node's lib/internal/streams/writable.js.
'use strict';

var Stream = require('./legacy.js');
var Buffer = require('../../buffer.js').Buffer;
var destroyImpl = require('./destroy.js');
var streamErrors = require('./errors.js');
var codedErrors = require('../coded_errors.js');
var state = require('./state.js');
var loop = require('../loop.js');  // queueTick: process.nextTick for the hot paths

var Duplex;  // set by duplex.js

function nop() {}

function WritableState(options, stream, isDuplex) {
    this.objectMode = !!(options && options.objectMode);
    if (isDuplex)
        this.objectMode = this.objectMode || !!(options && options.writableObjectMode);
    this.highWaterMark = state.highWaterMark(options, this.objectMode,
        'writableHighWaterMark', isDuplex);
    this.finalCalled = false;
    this.needDrain = false;
    this.ending = false;  // end() was called
    this.ended = false;   // end() has returned
    this.finished = false;  // 'finish' was emitted
    this.destroyed = false;
    this.decodeStrings = !(options && options.decodeStrings === false);
    this.defaultEncoding = (options && options.defaultEncoding) || 'utf8';
    this.length = 0;  // bytes (or objects) written and not yet done
    this.writing = false;
    this.corked = 0;
    this.sync = true;  // inside _write: its callback's effects wait a tick
    this.bufferProcessing = false;
    this.onwrite = function (error) { onwrite(stream, error); };
    this.writecb = null;
    this.writelen = 0;
    this.afterWriteTickInfo = null;
    this.buffered = [];
    this.bufferedIndex = 0;
    this.allBuffers = true;
    this.allNoop = true;
    this.pendingcb = 0;
    this.constructed = true;
    this.prefinished = false;
    this.errorEmitted = false;
    this.emitClose = !options || options.emitClose !== false;
    this.autoDestroy = !options || options.autoDestroy !== false;
    this.errored = null;
    this.closed = false;
    this.closeEmitted = false;
    this.onFinished = [];  // end() callbacks
}

WritableState.prototype.getBuffer = function () {
    return this.buffered.slice(this.bufferedIndex);
};

function Writable(options) {
    var isDuplex = Duplex !== void 0 && this instanceof Duplex;
    if (!isDuplex && !(this instanceof Writable))
        return new Writable(options);
    this._writableState = new WritableState(options, this, isDuplex);
    if (options) {
        if (typeof options.write === 'function')
            this._write = options.write;
        if (typeof options.writev === 'function')
            this._writev = options.writev;
        if (typeof options.destroy === 'function')
            this._destroy = options.destroy;
        if (typeof options.final === 'function')
            this._final = options.final;
        if (typeof options.construct === 'function')
            this._construct = options.construct;
    }
    Stream.call(this, options);
    destroyImpl.construct(this, afterConstruct);
}

// After options.construct called back (destroy.js construct).
function afterConstruct(stream) {
    var s = stream._writableState;
    if (!s.writing)
        clearBuffer(stream, s);
    finishMaybe(stream, s);
}
Writable.prototype = Object.create(Stream.prototype, {
    constructor: { value: Writable, writable: true, configurable: true }
});
Object.setPrototypeOf(Writable, Stream);
Writable.WritableState = WritableState;

// A Duplex is also a Writable for instanceof, as in Node.
if (typeof Symbol === 'function' && Symbol.hasInstance) {
    Object.defineProperty(Writable, Symbol.hasInstance, {
        value: function (object) {
            if (Function.prototype[Symbol.hasInstance].call(this, object))
                return true;
            if (this !== Writable)
                return false;
            return !!(object && object._writableState instanceof WritableState);
        }
    });
}

Writable.prototype.pipe = function () {
    destroyImpl.errorOrDestroy(this, streamErrors.cannotPipe());
};

// The checks and conversions of write(); returns write's result, or the
// error when the write was refused.
function writeChunk(stream, chunk, encoding, callback) {
    var s = stream._writableState;
    if (typeof encoding === 'function') {
        callback = encoding;
        encoding = s.defaultEncoding;
    } else {
        if (!encoding)
            encoding = s.defaultEncoding;
        else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding))
            throw streamErrors.unknownEncoding(encoding);
        if (typeof callback !== 'function')
            callback = nop;
    }
    if (chunk === null)
        throw streamErrors.nullValues();
    if (!s.objectMode) {
        if (typeof chunk === 'string') {
            if (s.decodeStrings !== false) {
                chunk = Buffer.from(chunk, encoding);
                encoding = 'buffer';
            }
        } else if (chunk instanceof Buffer) {
            encoding = 'buffer';
        } else if (chunk instanceof Uint8Array) {
            chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
            encoding = 'buffer';
        } else {
            throw codedErrors.invalidArgType('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
        }
    }
    var error;
    if (s.ending)
        error = streamErrors.writeAfterEnd();
    else if (s.destroyed)
        error = streamErrors.destroyed('write');
    if (error) {
        process.nextTick(callback, error);
        destroyImpl.errorOrDestroy(stream, error, true);
        return error;
    }
    s.pendingcb++;
    return writeOrBuffer(stream, s, chunk, encoding, callback);
}

Writable.prototype.write = function (chunk, encoding, callback) {
    return writeChunk(this, chunk, encoding, callback) === true;
};

Writable.prototype.cork = function () { this._writableState.corked++; };

Writable.prototype.uncork = function () {
    var s = this._writableState;
    if (s.corked) {
        s.corked--;
        if (!s.writing)
            clearBuffer(this, s);
    }
};

Writable.prototype.setDefaultEncoding = function (encoding) {
    if (typeof encoding === 'string')
        encoding = encoding.toLowerCase();
    if (!Buffer.isEncoding(encoding))
        throw streamErrors.unknownEncoding(encoding);
    this._writableState.defaultEncoding = encoding;
    return this;
};

function writeOrBuffer(stream, s, chunk, encoding, callback) {
    var length = s.objectMode ? 1 : chunk.length;
    s.length += length;
    var belowMark = s.length < s.highWaterMark;
    if (!belowMark)
        s.needDrain = true;
    if (s.writing || s.corked || s.errored || !s.constructed) {
        s.buffered.push({ chunk: chunk, encoding: encoding, callback: callback });
        if (s.allBuffers && encoding !== 'buffer')
            s.allBuffers = false;
        if (s.allNoop && callback !== nop)
            s.allNoop = false;
    } else {
        s.writelen = length;
        s.writecb = callback;
        s.writing = true;
        s.sync = true;
        stream._write(chunk, encoding, s.onwrite);
        s.sync = false;
    }
    return belowMark && !s.errored && !s.destroyed;
}

function doWrite(stream, s, writev, length, chunk, encoding, callback) {
    s.writelen = length;
    s.writecb = callback;
    s.writing = true;
    s.sync = true;
    if (s.destroyed)
        s.onwrite(streamErrors.destroyed('write'));
    else if (writev)
        stream._writev(chunk, s.onwrite);
    else
        stream._write(chunk, encoding, s.onwrite);
    s.sync = false;
}

function onwriteError(stream, s, error, callback) {
    --s.pendingcb;
    callback(error);
    errorBuffer(s);
    destroyImpl.errorOrDestroy(stream, error);
}

// The callback _write calls when a chunk is done.
function onwrite(stream, error) {
    var s = stream._writableState;
    var sync = s.sync;
    var callback = s.writecb;
    if (typeof callback !== 'function') {
        destroyImpl.errorOrDestroy(stream, streamErrors.multipleCallback());
        return;
    }
    s.writing = false;
    s.writecb = null;
    s.length -= s.writelen;
    s.writelen = 0;
    if (error) {
        if (!s.errored)
            s.errored = error;
        if (stream._readableState && !stream._readableState.errored)
            stream._readableState.errored = error;
        if (sync)
            process.nextTick(onwriteError, stream, s, error, callback);
        else
            onwriteError(stream, s, error, callback);
        return;
    }
    if (s.buffered.length > s.bufferedIndex)
        clearBuffer(stream, s);
    if (sync) {
        // Many synchronous writes in a row share one tick of callbacks.
        if (s.afterWriteTickInfo !== null && s.afterWriteTickInfo.callback === callback) {
            s.afterWriteTickInfo.count++;
        } else {
            s.afterWriteTickInfo = { count: 1, callback: callback, stream: stream, state: s };
            loop.queueTick(afterWriteTick, [s.afterWriteTickInfo]);
        }
    } else {
        afterWrite(stream, s, 1, callback);
    }
}

function afterWriteTick(info) {
    info.state.afterWriteTickInfo = null;
    afterWrite(info.stream, info.state, info.count, info.callback);
}

function afterWrite(stream, s, count, callback) {
    var needDrain = !s.ending && !stream.destroyed && s.length === 0 && s.needDrain;
    if (needDrain) {
        s.needDrain = false;
        stream.emit('drain');
    }
    while (count-- > 0) {
        s.pendingcb--;
        callback(null);
    }
    if (s.destroyed)
        errorBuffer(s);
    finishMaybe(stream, s);
}

// Fails every buffered write (the stream was destroyed or errored).
function errorBuffer(s) {
    if (s.writing)
        return;
    for (var n = s.bufferedIndex; n < s.buffered.length; ++n) {
        var entry = s.buffered[n];
        s.length -= s.objectMode ? 1 : entry.chunk.length;
        entry.callback(s.errored || streamErrors.destroyed('write'));
    }
    var callbacks = s.onFinished.splice(0);
    for (var i = 0; i < callbacks.length; i++)
        callbacks[i](s.errored || streamErrors.destroyed('end'));
    resetBuffer(s);
}

function resetBuffer(s) {
    s.buffered = [];
    s.bufferedIndex = 0;
    s.allBuffers = true;
    s.allNoop = true;
}

// Writes what was buffered while a write was in progress or corked.
function clearBuffer(stream, s) {
    if (s.corked || s.bufferProcessing || s.destroyed || !s.constructed)
        return;
    var buffered = s.buffered;
    var i = s.bufferedIndex;
    var count = buffered.length - i;
    if (!count)
        return;
    s.bufferProcessing = true;
    if (count > 1 && stream._writev) {
        s.pendingcb -= count - 1;
        var callback = s.allNoop ? nop : function (error) {
            for (var n = i; n < buffered.length; ++n)
                buffered[n].callback(error);
        };
        var chunks = s.allNoop && i === 0 ? buffered : buffered.slice(i);
        chunks.allBuffers = s.allBuffers;
        doWrite(stream, s, true, s.length, chunks, '', callback);
        resetBuffer(s);
    } else {
        do {
            var entry = buffered[i];
            buffered[i++] = null;
            doWrite(stream, s, false, s.objectMode ? 1 : entry.chunk.length, entry.chunk,
                entry.encoding, entry.callback);
        } while (i < buffered.length && !s.writing);
        if (i === buffered.length)
            resetBuffer(s);
        else if (i > 256) {
            buffered.splice(0, i);
            s.bufferedIndex = 0;
        } else {
            s.bufferedIndex = i;
        }
    }
    s.bufferProcessing = false;
}

Writable.prototype._write = function (chunk, encoding, callback) {
    if (this._writev)
        this._writev([{ chunk: chunk, encoding: encoding }], callback);
    else
        throw streamErrors.notImplemented('_write()');
};
Writable.prototype._writev = null;

Writable.prototype.end = function (chunk, encoding, callback) {
    var s = this._writableState;
    if (typeof chunk === 'function') {
        callback = chunk;
        chunk = null;
        encoding = null;
    } else if (typeof encoding === 'function') {
        callback = encoding;
        encoding = null;
    }
    var error;
    if (chunk !== null && chunk !== void 0) {
        var result = writeChunk(this, chunk, encoding);
        if (result instanceof Error)
            error = result;
    }
    if (s.corked) {
        s.corked = 1;
        this.uncork();
    }
    if (error) {
        // already reported by write
    } else if (!s.errored && !s.ending) {
        s.ending = true;
        finishMaybe(this, s, true);
        s.ended = true;
    } else if (s.finished) {
        error = streamErrors.alreadyFinished('end');
    } else if (s.destroyed) {
        error = streamErrors.destroyed('end');
    }
    if (typeof callback === 'function') {
        if (error || s.finished)
            process.nextTick(callback, error);
        else
            s.onFinished.push(callback);
    }
    return this;
};

function needFinish(s) {
    return s.ending && !s.destroyed && s.constructed && s.length === 0 && !s.errored &&
        s.buffered.length === 0 && !s.finished && !s.writing && !s.errorEmitted &&
        !s.closeEmitted;
}

function callFinal(stream, s) {
    var called = false;
    function onFinal(error) {
        if (called) {
            destroyImpl.errorOrDestroy(stream, error || streamErrors.multipleCallback());
            return;
        }
        called = true;
        s.pendingcb--;
        if (error) {
            var callbacks = s.onFinished.splice(0);
            for (var i = 0; i < callbacks.length; i++)
                callbacks[i](error);
            destroyImpl.errorOrDestroy(stream, error, s.sync);
        } else if (needFinish(s)) {
            s.prefinished = true;
            stream.emit('prefinish');
            s.pendingcb++;
            process.nextTick(finish, stream, s);
        }
    }
    s.sync = true;
    s.pendingcb++;
    try {
        stream._final(onFinal);
    } catch (thrown) {
        onFinal(thrown);
    }
    s.sync = false;
}

function prefinish(stream, s) {
    if (!s.prefinished && !s.finalCalled) {
        if (typeof stream._final === 'function' && !s.destroyed) {
            s.finalCalled = true;
            callFinal(stream, s);
        } else {
            s.prefinished = true;
            stream.emit('prefinish');
        }
    }
}

function finishMaybe(stream, s, sync) {
    if (!needFinish(s))
        return;
    prefinish(stream, s);
    if (s.pendingcb === 0) {
        if (sync) {
            s.pendingcb++;
            process.nextTick(function () {
                if (needFinish(s))
                    finish(stream, s);
                else
                    s.pendingcb--;
            });
        } else if (needFinish(s)) {
            s.pendingcb++;
            finish(stream, s);
        }
    }
}

function finish(stream, s) {
    s.pendingcb--;
    s.finished = true;
    var callbacks = s.onFinished.splice(0);
    for (var i = 0; i < callbacks.length; i++)
        callbacks[i](null);
    stream.emit('finish');
    if (s.autoDestroy) {
        // Destroy once both sides are done (a Duplex may still read).
        var r = stream._readableState;
        if (!r || (r.autoDestroy && (r.endEmitted || r.readable === false)))
            stream.destroy();
    }
}

Writable.prototype.destroy = function (error, callback) {
    var s = this._writableState;
    // Buffered writes fail now unless a write is in progress (its
    // callback will fail them).
    if (!s.destroyed && (s.bufferedIndex < s.buffered.length || s.onFinished.length))
        process.nextTick(errorBuffer, s);
    destroyImpl.destroy.call(this, error, callback);
    return this;
};
Writable.prototype._destroy = function (error, callback) { callback(error); };

// ---- properties ----------------------------------------------------------

function getter(name, get, set) {
    Object.defineProperty(Writable.prototype, name, { get: get, set: set, enumerable: false,
        configurable: true });
}
getter('closed', function () {
    return this._writableState ? this._writableState.closed : false;
});
getter('destroyed', function () {
    return this._writableState ? this._writableState.destroyed : false;
}, function (value) {
    if (this._writableState)
        this._writableState.destroyed = value;
});
getter('writable', function () {
    var w = this._writableState;
    return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
}, function (value) {
    if (this._writableState)
        this._writableState.writable = !!value;
});
getter('writableFinished', function () {
    return this._writableState ? this._writableState.finished : false;
});
getter('writableObjectMode', function () {
    return this._writableState ? this._writableState.objectMode : false;
});
getter('writableBuffer', function () {
    return this._writableState && this._writableState.getBuffer();
});
getter('writableEnded', function () {
    return this._writableState ? this._writableState.ending : false;
});
getter('writableNeedDrain', function () {
    var w = this._writableState;
    return w ? !w.destroyed && !w.ending && w.needDrain : false;
});
getter('writableHighWaterMark', function () {
    return this._writableState && this._writableState.highWaterMark;
});
getter('writableCorked', function () {
    return this._writableState ? this._writableState.corked : 0;
});
getter('writableLength', function () {
    return this._writableState && this._writableState.length;
});
getter('errored', function () {
    return this._writableState ? this._writableState.errored : null;
});

Writable.setDuplex = function (constructor) { Duplex = constructor; };

module.exports = Writable;
