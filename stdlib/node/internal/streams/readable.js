// Readable: a source of chunks. The implementation calls _read(size) when
// its buffer is below the high-water mark; _read answers with push(chunk)
// (push(null) at the end). Consumers either pull with read() after
// 'readable', or let the stream flow ('data' events, pipe()). The state
// machine and the tick on which each event fires follow Node's
// lib/internal/streams/readable.js so that programs see the same order.
'use strict';

var Stream = require('./legacy.js');
var Buffer = require('../../buffer.js').Buffer;
var StringDecoder = require('../../string_decoder.js').StringDecoder;
var destroyImpl = require('./destroy.js');
var streamErrors = require('./errors.js');
var codedErrors = require('../coded_errors.js');
var state = require('./state.js');
var loop = require('../loop.js');  // queueTick: process.nextTick for the hot paths
var emitKnown = require('../emit_known.js').emitKnown;  // emit() for the hot paths

var Duplex;  // set by duplex.js (it needs Readable first)

// The state's flags start out as the defaults on ReadableState.prototype,
// below, and become the state's own properties when first set: as in Node
// 20, whose ReadableState keeps them in a bit field behind the prototype's
// accessors, a new state has only a few own properties. (Every property a
// constructor adds costs Duktape about 1,000 instructions: a request's
// IncomingMessage is a Readable.)
function ReadableState(options, stream, isDuplex) {
    var objectMode = !!(options && options.objectMode);
    if (isDuplex)
        objectMode = objectMode || !!(options && options.readableObjectMode);
    if (objectMode)
        this.objectMode = true;
    this.highWaterMark = state.highWaterMark(options, objectMode,
        'readableHighWaterMark', isDuplex);
    this.buffer = [];
    this.length = 0;  // bytes (or objects) in buffer
    if (options) {
        if (options.emitClose === false)
            this.emitClose = false;
        if (options.autoDestroy === false)
            this.autoDestroy = false;
        if (options.defaultEncoding)
            this.defaultEncoding = options.defaultEncoding;
        if (options.encoding) {
            this.decoder = new StringDecoder(options.encoding);
            this.encoding = this.decoder.encoding;
        }
    }
}
var defaults = ReadableState.prototype;
defaults.objectMode = false;
defaults.flowing = null;  // null: nobody asked yet; false: paused; true: flowing
defaults.ended = false;  // push(null) happened
defaults.endEmitted = false;
defaults.reading = false;  // _read was called and has not pushed yet
defaults.constructed = true;
defaults.sync = true;  // inside _read: push() must not emit 'data' synchronously
defaults.needReadable = false;
defaults.emittedReadable = false;
defaults.readableListening = false;
defaults.resumeScheduled = false;
defaults.paused = null;
defaults.errorEmitted = false;
defaults.emitClose = true;
defaults.autoDestroy = true;
defaults.destroyed = false;
defaults.errored = null;
defaults.closed = false;
defaults.closeEmitted = false;
defaults.defaultEncoding = 'utf8';
defaults.readingMore = false;
defaults.dataEmitted = false;
defaults.decoder = null;
defaults.encoding = null;
// The pipe destinations and those whose 'drain' the flow waits for: most
// streams never pipe, so these start as one shared empty array, never
// added to (a state gets arrays of its own when it first pipes or waits).
var NONE = Object.freeze([]);
defaults.pipes = NONE;
defaults.awaitDrainWriters = NONE;

function Readable(options) {
    if (!(this instanceof Readable))
        return new Readable(options);
    var isDuplex = Duplex !== void 0 && this instanceof Duplex;
    this._readableState = new ReadableState(options, this, isDuplex);
    if (options) {
        if (typeof options.read === 'function')
            this._read = options.read;
        if (typeof options.destroy === 'function')
            this._destroy = options.destroy;
        if (typeof options.construct === 'function')
            this._construct = options.construct;
    }
    Stream.call(this, options);
    destroyImpl.construct(this, afterConstruct);
}

// After options.construct called back (destroy.js construct).
function afterConstruct(stream) {
    if (stream._readableState.needReadable)
        maybeReadMore(stream, stream._readableState);
}
Readable.prototype = Object.create(Stream.prototype, {
    constructor: { value: Readable, writable: true, configurable: true }
});
Object.setPrototypeOf(Readable, Stream);
Readable.ReadableState = ReadableState;

Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._destroy = function (error, callback) { callback(error); };
Readable.prototype._read = function () { throw streamErrors.notImplemented('_read()'); };

Readable.prototype.push = function (chunk, encoding) {
    return addChunkFrom(this, chunk, encoding, false);
};

Readable.prototype.unshift = function (chunk, encoding) {
    return addChunkFrom(this, chunk, encoding, true);
};

function addChunkFrom(stream, chunk, encoding, toFront) {
    var s = stream._readableState;
    var error;
    if (!s.objectMode) {
        if (typeof chunk === 'string') {
            encoding = encoding || s.defaultEncoding;
            if (s.encoding !== encoding) {
                if (toFront && s.encoding) {
                    chunk = Buffer.from(chunk, encoding).toString(s.encoding);
                } else {
                    chunk = Buffer.from(chunk, encoding);
                    encoding = '';
                }
            }
        } else if (chunk instanceof Buffer) {
            encoding = '';
        } else if (chunk instanceof Uint8Array) {
            chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
            encoding = '';
        } else if (chunk !== null && chunk !== void 0) {
            error = codedErrors.invalidArgType('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
        }
    }
    if (error) {
        destroyImpl.errorOrDestroy(stream, error);
    } else if (chunk === null) {
        s.reading = false;
        onEndOfData(stream, s);
    } else if (s.objectMode || (chunk && chunk.length > 0)) {
        if (toFront) {
            if (s.endEmitted)
                destroyImpl.errorOrDestroy(stream, streamErrors.unshiftAfterEnd());
            else if (s.destroyed || s.errored)
                return false;
            else
                addChunk(stream, s, chunk, true);
        } else if (s.ended) {
            destroyImpl.errorOrDestroy(stream, streamErrors.pushAfterEof());
        } else if (s.destroyed || s.errored) {
            return false;
        } else {
            s.reading = false;
            if (s.decoder && !encoding) {
                chunk = s.decoder.write(chunk);
                if (s.objectMode || chunk.length !== 0)
                    addChunk(stream, s, chunk, false);
                else
                    maybeReadMore(stream, s);
            } else {
                addChunk(stream, s, chunk, false);
            }
        }
    } else if (!toFront) {
        s.reading = false;
        maybeReadMore(stream, s);
    }
    // true: the caller may push more now.
    return !s.ended && (s.length < s.highWaterMark || s.length === 0);
}

function addChunk(stream, s, chunk, toFront) {
    if (s.flowing && s.length === 0 && !s.sync && stream.listenerCount('data') > 0) {
        // Flowing with nothing buffered: hand the chunk straight over.
        if (s.awaitDrainWriters.length !== 0)
            s.awaitDrainWriters = NONE;
        s.dataEmitted = true;
        emitKnown(stream, 1, 'data', chunk);
    } else {
        s.length += s.objectMode ? 1 : chunk.length;
        if (toFront)
            s.buffer.unshift(chunk);
        else
            s.buffer.push(chunk);
        if (s.needReadable)
            emitReadable(stream);
    }
    maybeReadMore(stream, s);
}

Readable.prototype.isPaused = function () {
    var s = this._readableState;
    return s.paused === true || s.flowing === false;
};

Readable.prototype.setEncoding = function (encoding) {
    var s = this._readableState;
    var decoder = new StringDecoder(encoding);
    s.decoder = decoder;
    s.encoding = decoder.encoding;
    var content = '';
    for (var i = 0; i < s.buffer.length; i++)
        content += decoder.write(s.buffer[i]);
    s.buffer = content !== '' ? [content] : [];
    s.length = content.length;
    return this;
};

// How much read(n) returns: everything for NaN (one chunk when flowing),
// n if buffered, nothing until the end otherwise.
function howMuchToRead(n, s) {
    if (n <= 0 || (s.length === 0 && s.ended))
        return 0;
    if (s.objectMode)
        return 1;
    if (n !== n) {
        if (s.flowing && s.length)
            return s.buffer[0].length;
        return s.length;
    }
    if (n <= s.length)
        return n;
    return s.ended ? s.length : 0;
}

Readable.prototype.read = function (n) {
    if (n === void 0)
        n = NaN;
    else if (typeof n !== 'number' || Math.floor(n) !== n)
        n = parseInt(n, 10);
    var s = this._readableState;
    var requested = n;
    if (n > s.highWaterMark) {
        // Asked for more than the mark: raise it to the next power of 2.
        var mark = 1;
        while (mark < n)
            mark *= 2;
        s.highWaterMark = mark;
    }
    if (n !== 0)
        s.emittedReadable = false;
    if (n === 0 && s.needReadable &&
        ((s.highWaterMark !== 0 ? s.length >= s.highWaterMark : s.length > 0) || s.ended)) {
        if (s.length === 0 && s.ended)
            endReadable(this);
        else
            emitReadable(this);
        return null;
    }
    n = howMuchToRead(n, s);
    if (n === 0 && s.ended) {
        if (s.length === 0)
            endReadable(this);
        return null;
    }
    var doRead = s.needReadable;
    if (s.length === 0 || s.length - n < s.highWaterMark)
        doRead = true;
    if (s.ended || s.reading || s.destroyed || s.errored || !s.constructed) {
        doRead = false;
    } else if (doRead) {
        s.reading = true;
        s.sync = true;
        if (s.length === 0)
            s.needReadable = true;
        try {
            this._read(s.highWaterMark);
        } catch (error) {
            destroyImpl.errorOrDestroy(this, error);
        }
        s.sync = false;
        if (!s.reading)
            n = howMuchToRead(requested, s);
    }
    var result = n > 0 ? takeFromBuffer(n, s) : null;
    if (result === null) {
        s.needReadable = s.length <= s.highWaterMark;
        n = 0;
    } else {
        s.length -= n;
        if (s.awaitDrainWriters.length !== 0)
            s.awaitDrainWriters = NONE;
    }
    if (s.length === 0) {
        if (!s.ended)
            s.needReadable = true;
        if (requested !== n && s.ended)
            endReadable(this);
    }
    if (result !== null && !s.errorEmitted && !s.closeEmitted) {
        s.dataEmitted = true;
        this.emit('data', result);
    }
    return result;
};

// n bytes (or one object) off the front of the buffer.
function takeFromBuffer(n, s) {
    if (s.length === 0)
        return null;
    var list = s.buffer;
    if (s.objectMode)
        return list.shift();
    var result;
    if (!n || n >= s.length) {
        if (s.decoder)
            result = list.join('');
        else if (list.length === 1)
            result = list[0];
        else
            result = Buffer.concat(list, s.length);
        s.buffer = [];
        return result;
    }
    var first = list[0];
    if (n < first.length) {
        list[0] = first.slice(n);
        return first.slice(0, n);
    }
    if (n === first.length)
        return list.shift();
    if (s.decoder) {
        result = '';
        while (result.length < n) {
            var text = list[0];
            var want = n - result.length;
            if (text.length <= want) {
                result += list.shift();
            } else {
                result += text.slice(0, want);
                list[0] = text.slice(want);
            }
        }
        return result;
    }
    result = Buffer.allocUnsafe(n);
    var filled = 0;
    while (filled < n) {
        var chunk = list[0];
        var take = chunk.length < n - filled ? chunk.length : n - filled;
        result.set(take === chunk.length ? chunk : chunk.subarray(0, take), filled);
        filled += take;
        if (take === chunk.length)
            list.shift();
        else
            list[0] = chunk.slice(take);
    }
    return result;
}

function onEndOfData(stream, s) {
    if (s.ended)
        return;
    if (s.decoder) {
        var rest = s.decoder.end();
        if (rest && rest.length) {
            s.buffer.push(rest);
            s.length += s.objectMode ? 1 : rest.length;
        }
    }
    s.ended = true;
    if (s.sync) {
        emitReadable(stream);
    } else {
        s.needReadable = false;
        s.emittedReadable = true;
        emitReadableNT(stream);
    }
}

function emitReadable(stream) {
    var s = stream._readableState;
    s.needReadable = false;
    if (!s.emittedReadable) {
        s.emittedReadable = true;
        loop.queueTick(emitReadableNT, [stream]);
    }
}

function emitReadableNT(stream) {
    var s = stream._readableState;
    if (!s.destroyed && !s.errored && (s.length || s.ended)) {
        emitKnown(stream, 0, 'readable');
        s.emittedReadable = false;
    }
    s.needReadable = !s.flowing && !s.ended && s.length <= s.highWaterMark;
    flow(stream);
}

// Fill the buffer up to the mark ahead of demand, on the next tick.
function maybeReadMore(stream, s) {
    if (!s.readingMore && s.constructed) {
        s.readingMore = true;
        loop.queueTick(readMoreNT, [stream, s]);
    }
}

function readMoreNT(stream, s) {
    while (!s.reading && !s.ended &&
        (s.length < s.highWaterMark || (s.flowing && s.length === 0))) {
        var length = s.length;
        stream.read(0);
        if (length === s.length)
            break;  // nothing came: _read is asynchronous
    }
    s.readingMore = false;
}

Readable.prototype.on = function (event, listener) {
    var result = Stream.prototype.on.call(this, event, listener);
    var s = this._readableState;
    if (event === 'data') {
        s.readableListening = this.listenerCount('readable') > 0;
        if (s.flowing !== false)
            this.resume();
    } else if (event === 'readable') {
        if (!s.endEmitted && !s.readableListening) {
            s.readableListening = s.needReadable = true;
            s.flowing = false;
            s.emittedReadable = false;
            if (s.length)
                emitReadable(this);
            else if (!s.reading)
                process.nextTick(readZeroNT, this);
        }
    }
    return result;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function (event, listener) {
    var result = Stream.prototype.removeListener.call(this, event, listener);
    if (event === 'readable')
        process.nextTick(updateReadableListening, this);
    return result;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function (event) {
    var result = Stream.prototype.removeAllListeners.apply(this, arguments);
    if (event === 'readable' || event === void 0)
        process.nextTick(updateReadableListening, this);
    return result;
};

function updateReadableListening(stream) {
    var s = stream._readableState;
    s.readableListening = stream.listenerCount('readable') > 0;
    if (s.resumeScheduled && s.paused === false)
        s.flowing = true;
    else if (stream.listenerCount('data') > 0)
        stream.resume();
    else if (!s.readableListening)
        s.flowing = null;
}

function readZeroNT(stream) { stream.read(0); }

Readable.prototype.resume = function () {
    var s = this._readableState;
    if (!s.flowing) {
        // With a 'readable' listener the consumer reads; do not flow.
        s.flowing = !s.readableListening;
        if (!s.resumeScheduled) {
            s.resumeScheduled = true;
            process.nextTick(resumeNT, this, s);
        }
    }
    s.paused = false;
    return this;
};

function resumeNT(stream, s) {
    if (!s.reading)
        stream.read(0);
    s.resumeScheduled = false;
    stream.emit('resume');
    flow(stream);
    if (s.flowing && !s.reading)
        stream.read(0);
}

Readable.prototype.pause = function () {
    var s = this._readableState;
    if (s.flowing !== false) {
        s.flowing = false;
        this.emit('pause');
    }
    s.paused = true;
    return this;
};

function flow(stream) {
    var s = stream._readableState;
    while (s.flowing && stream.read() !== null) {
        // each read() emitted 'data'
    }
}

function endReadable(stream) {
    var s = stream._readableState;
    if (!s.endEmitted) {
        s.ended = true;
        process.nextTick(endReadableNT, s, stream);
    }
}

function endReadableNT(s, stream) {
    if (!s.errored && !s.closeEmitted && !s.endEmitted && s.length === 0) {
        s.endEmitted = true;
        stream.emit('end');
        if (stream.writable && stream.allowHalfOpen === false) {
            process.nextTick(endWritableNT, stream);
        } else if (s.autoDestroy) {
            // Destroy once both sides are done (a Duplex may still write).
            var w = stream._writableState;
            if (!w || (w.autoDestroy && (w.finished || w.writable === false)))
                stream.destroy();
        }
    }
}

function endWritableNT(stream) {
    if (stream.writable && !stream.writableEnded && !stream.destroyed)
        stream.end();
}

// ---- pipe ----------------------------------------------------------------

Readable.prototype.pipe = function (dest, options) {
    var src = this;
    var s = this._readableState;
    if (s.pipes === NONE)
        s.pipes = [];
    s.pipes.push(dest);
    var doEnd = (!options || options.end !== false) && dest !== process.stdout &&
        dest !== process.stderr;
    var endFn = doEnd ? onend : unpipe;
    if (s.endEmitted)
        process.nextTick(endFn);
    else
        src.once('end', endFn);

    dest.on('unpipe', onunpipe);
    function onunpipe(readable, info) {
        if (readable === src && info && info.hasUnpiped === false) {
            info.hasUnpiped = true;
            cleanup();
        }
    }

    function onend() { dest.end(); }

    var ondrain = null;
    var cleanedUp = false;
    function cleanup() {
        dest.removeListener('close', onclose);
        dest.removeListener('finish', onfinish);
        if (ondrain)
            dest.removeListener('drain', ondrain);
        dest.removeListener('error', onerror);
        dest.removeListener('unpipe', onunpipe);
        src.removeListener('end', onend);
        src.removeListener('end', unpipe);
        src.removeListener('data', ondata);
        cleanedUp = true;
        // If we were waiting for this destination's 'drain', stop waiting.
        if (ondrain && s.awaitDrainWriters.length &&
            (!dest._writableState || dest._writableState.needDrain))
            ondrain();
    }

    function pause() {
        if (!cleanedUp) {
            if (s.pipes.indexOf(dest) !== -1 && s.awaitDrainWriters.indexOf(dest) === -1) {
                if (s.awaitDrainWriters === NONE)
                    s.awaitDrainWriters = [];
                s.awaitDrainWriters.push(dest);
            }
            src.pause();
        }
        if (!ondrain) {
            ondrain = pipeOnDrain(src, dest);
            dest.on('drain', ondrain);
        }
    }

    src.on('data', ondata);
    function ondata(chunk) {
        if (dest.write(chunk) === false)
            pause();
    }

    // An error on the destination unpipes; it is rethrown if nobody else
    // listens for it.
    function onerror(error) {
        unpipe();
        dest.removeListener('error', onerror);
        if (dest.listenerCount('error') === 0) {
            var ds = dest._writableState || dest._readableState;
            if (ds && !ds.errorEmitted)
                destroyImpl.errorOrDestroy(dest, error);
            else
                dest.emit('error', error);
        }
    }
    dest.prependListener('error', onerror);

    function onclose() {
        dest.removeListener('finish', onfinish);
        unpipe();
    }
    dest.once('close', onclose);
    function onfinish() {
        dest.removeListener('close', onclose);
        unpipe();
    }
    dest.once('finish', onfinish);

    function unpipe() { src.unpipe(dest); }

    dest.emit('pipe', src);
    if (dest.writableNeedDrain === true)
        pause();
    else if (!s.flowing)
        src.resume();
    return dest;
};

function pipeOnDrain(src, dest) {
    return function () {
        var s = src._readableState;
        var index = s.awaitDrainWriters.indexOf(dest);
        if (index !== -1)
            s.awaitDrainWriters.splice(index, 1);
        if (s.awaitDrainWriters.length === 0 && src.listenerCount('data'))
            src.resume();
    };
}

Readable.prototype.unpipe = function (dest) {
    var s = this._readableState;
    if (s.pipes.length === 0)
        return this;
    if (!dest) {
        var dests = s.pipes;
        s.pipes = NONE;
        this.pause();
        for (var i = 0; i < dests.length; i++)
            dests[i].emit('unpipe', this, { hasUnpiped: false });
        return this;
    }
    var index = s.pipes.indexOf(dest);
    if (index === -1)
        return this;
    s.pipes.splice(index, 1);
    if (s.pipes.length === 0)
        this.pause();
    dest.emit('unpipe', this, { hasUnpiped: false });
    return this;
};

// Wraps an old-style stream (only 'data'/'end' events) as a Readable.
Readable.prototype.wrap = function (old) {
    var self = this;
    var paused = false;
    old.on('data', function (chunk) {
        if (!self.push(chunk) && old.pause) {
            paused = true;
            old.pause();
        }
    });
    old.on('end', function () { self.push(null); });
    old.on('error', function (error) { destroyImpl.errorOrDestroy(self, error); });
    old.on('close', function () { self.destroy(); });
    old.on('destroy', function () { self.destroy(); });
    this._read = function () {
        if (paused && old.resume) {
            paused = false;
            old.resume();
        }
    };
    return this;
};

// ---- properties ----------------------------------------------------------

function getter(name, get, set) {
    Object.defineProperty(Readable.prototype, name, { get: get, set: set, enumerable: false,
        configurable: true });
}
getter('readable', function () {
    var r = this._readableState;
    return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
}, function (value) {
    if (this._readableState)
        this._readableState.readable = !!value;
});
getter('readableDidRead', function () { return this._readableState.dataEmitted; });
getter('readableAborted', function () {
    var r = this._readableState;
    return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
});
getter('readableHighWaterMark', function () { return this._readableState.highWaterMark; });
getter('readableBuffer', function () {
    return this._readableState && this._readableState.buffer;
});
getter('readableFlowing', function () { return this._readableState.flowing; },
    function (value) {
        if (this._readableState)
            this._readableState.flowing = value;
    });
getter('readableLength', function () { return this._readableState.length; });
getter('readableObjectMode', function () {
    return this._readableState ? this._readableState.objectMode : false;
});
getter('readableEncoding', function () {
    return this._readableState ? this._readableState.encoding : null;
});
getter('errored', function () {
    return this._readableState ? this._readableState.errored : null;
});
getter('closed', function () {
    return this._readableState ? this._readableState.closed : false;
});
getter('destroyed', function () {
    return this._readableState ? this._readableState.destroyed : false;
}, function (value) {
    if (this._readableState)
        this._readableState.destroyed = value;
});
getter('readableEnded', function () {
    return this._readableState ? this._readableState.endEmitted : false;
});

Readable.setDuplex = function (constructor) { Duplex = constructor; };

module.exports = Readable;
