// Readable.from(iterable[, options]): a Readable of the values of an array,
// an array-like, a string or Buffer (one chunk), or an object with a
// Symbol.iterator method. Object mode by default. (Async iterables and
// generators need what Duktape lacks.) Values are read synchronously from
// _read, so their 'data' events can come a tick earlier than in Node.
'use strict';

var codedErrors = require('../coded_errors.js');

function from(Readable, iterable, options) {
    var next;
    if (typeof iterable === 'string' || iterable instanceof Uint8Array) {
        // One chunk, as Node does for strings and Buffers.
        var single = new Readable(withDefaults(options, null));
        single._read = function () {
            this.push(iterable);
            this.push(null);
        };
        return single;
    }
    if (iterable && typeof Symbol === 'function' && Symbol.iterator &&
        typeof iterable[Symbol.iterator] === 'function') {
        var iterator = iterable[Symbol.iterator]();
        next = function () { return iterator.next(); };
    } else if (iterable && typeof iterable.length === 'number') {
        var index = 0;
        next = function () {
            return index < iterable.length ? { done: false, value: iterable[index++] } :
                { done: true };
        };
    } else {
        throw codedErrors.invalidArgType('iterable', ['Iterable'], iterable);
    }
    var stream = new Readable(withDefaults(options, 1));
    stream._read = function () { pump(this, next); };
    return stream;
}

function withDefaults(options, highWaterMark) {
    var out = { objectMode: true };
    if (highWaterMark !== null)
        out.highWaterMark = highWaterMark;
    for (var key in options)
        out[key] = options[key];
    return out;
}

// Pushes values until the stream is full or the values run out.
function pump(stream, next) {
    for (;;) {
        var step;
        try {
            step = next();
        } catch (error) {
            stream.destroy(error);
            return;
        }
        if (step.done) {
            stream.push(null);
            return;
        }
        if (step.value === null) {
            stream.destroy(require('./errors.js').nullValues());
            return;
        }
        if (!stream.push(step.value))
            return;
    }
}

module.exports = from;
