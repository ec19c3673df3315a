// require('buffer'): Node's Buffer. A Buffer is a Uint8Array whose
// prototype is Buffer.prototype (itself inheriting Uint8Array.prototype),
// so `buf instanceof Uint8Array` holds and typed-array code accepts it.
// Duktape 2.7's Uint8Array.prototype has only subarray and set, so every
// method Node programs use is defined here, over plain byte loops.
// Encodings live in internal/buffer_codecs.js; BigInt reads and writes are
// absent because Duktape has no BigInt.
'use strict';

var codecs = require('./internal/buffer_codecs.js');
var errors = require('./internal/coded_errors.js');

var rawSubarray = Uint8Array.prototype.subarray;
var kMaxLength = 4294967296;
var kStringMaxLength = 536870888;
var INSPECT_MAX_BYTES = 50;

function codedError(Type, code, message) { return errors.make(Type, code, message); }

function unknownEncoding(encoding) {
    return codedError(TypeError, 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + encoding);
}

function outOfBounds(name) {
    return codedError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', name ?
        '"' + name + '" is outside of buffer bounds' :
        'Attempt to access memory outside buffer bounds');
}

function isUint8Array(value) { return value instanceof Uint8Array; }

function isArrayBuffer(value) {
    return value instanceof ArrayBuffer ||
        Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

// Makes `bytes` (a Uint8Array) a Buffer, without copying. (Every Buffer
// made comes here: the function and the prototype are kept in module
// variables rather than looked up as Object.setPrototypeOf and
// Buffer.prototype each time.)
var setPrototypeOf = Object.setPrototypeOf;
var bufferPrototype = null;  // Buffer.prototype, once made (below)
function asBuffer(bytes) {
    setPrototypeOf(bytes, bufferPrototype);
    return bytes;
}

function wrap(arrayBuffer, byteOffset, length) {
    return asBuffer(new Uint8Array(arrayBuffer, byteOffset, length));
}

// ---- creating buffers ----------------------------------------------------

var warnedDeprecated = false;

// Node's DEP0005 warning, once, where process.emitWarning exists.
function warnDeprecated() {
    if (warnedDeprecated || typeof process.emitWarning !== 'function')
        return;
    warnedDeprecated = true;
    process.emitWarning('Buffer() is deprecated due to security and usability issues. Please ' +
        'use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
        'DeprecationWarning', 'DEP0005');
}

// Buffer(arg) and new Buffer(arg): deprecated in Node but still working.
function Buffer(arg, encodingOrOffset, length) {
    warnDeprecated();
    if (typeof arg === 'number') {
        if (typeof encodingOrOffset === 'string')
            throw errors.invalidArgType('string', 'string', arg);
        return Buffer.alloc(arg);
    }
    return Buffer.from(arg, encodingOrOffset, length);
}
Buffer.prototype = Object.create(Uint8Array.prototype, {
    constructor: { value: Buffer, writable: true, configurable: true }
});
Object.setPrototypeOf(Buffer, Uint8Array);
bufferPrototype = Buffer.prototype;

function checkSize(size) {
    if (typeof size !== 'number')
        throw errors.invalidArgType('size', 'number', size);
    if (!(size >= 0 && size <= kMaxLength))
        throw errors.outOfRange('size', '>= 0 && <= ' + kMaxLength, size);
}

Buffer.alloc = function (size, fill, encoding) {
    checkSize(size);
    var buf = asBuffer(new Uint8Array(size));
    if (fill !== void 0 && fill !== 0 && size > 0)
        buf.fill(fill, 0, buf.length, encoding);
    return buf;
};

// Zero-filled as well: Duktape hands out zeroed memory anyway, and a
// buffer that leaks old data buys nothing here.
Buffer.allocUnsafe = function (size) {
    checkSize(size);
    return asBuffer(new Uint8Array(size));
};
Buffer.allocUnsafeSlow = Buffer.allocUnsafe;

function fromString(string, encoding) {
    var name = typeof encoding === 'string' && encoding.length ? encoding : 'utf8';
    var normalized = codecs.normalizeEncoding(name);
    if (normalized === void 0)
        throw unknownEncoding(name);
    var bytes = codecs.encode(string, normalized);
    if (bytes.byteOffset !== 0 || bytes.length !== bytes.buffer.byteLength)
        return wrap(bytes.buffer, bytes.byteOffset, bytes.length);
    return asBuffer(bytes);
}

function fromArrayLike(list) {
    var length = list.length >>> 0;
    var buf = asBuffer(new Uint8Array(length));
    for (var i = 0; i < length; i++)
        buf[i] = list[i];
    return buf;
}

function fromArrayBuffer(arrayBuffer, byteOffset, length) {
    var max = arrayBuffer.byteLength;
    if (byteOffset === void 0) {
        byteOffset = 0;
    } else {
        byteOffset = +byteOffset;
        if (byteOffset !== byteOffset)
            byteOffset = 0;
    }
    var available = max - byteOffset;
    if (available < 0)
        throw outOfBounds('offset');
    if (length === void 0) {
        length = available;
    } else {
        length = +length;
        if (length > 0) {
            if (length > available)
                throw outOfBounds('length');
        } else {
            length = 0;
        }
    }
    return wrap(arrayBuffer, byteOffset, length);
}

Buffer.from = function (value, encodingOrOffset, length) {
    if (typeof value === 'string')
        return fromString(value, encodingOrOffset);
    if (typeof value === 'object' && value !== null) {
        if (isArrayBuffer(value))
            return fromArrayBuffer(value, encodingOrOffset, length);
        var primitive = value.valueOf && value.valueOf();
        if (primitive !== null && primitive !== void 0 && primitive !== value &&
            (typeof primitive === 'string' || typeof primitive === 'object'))
            return Buffer.from(primitive, encodingOrOffset, length);
        if (isUint8Array(value)) {
            var copy = asBuffer(new Uint8Array(value.length));
            copy.set(value);
            return copy;
        }
        if (value.length !== void 0 || isArrayBuffer(value.buffer)) {
            if (typeof value.length !== 'number')
                return asBuffer(new Uint8Array(0));
            return fromArrayLike(value);
        }
        if (value.type === 'Buffer' && Array.isArray(value.data))
            return fromArrayLike(value.data);
    }
    throw errors.invalidArgType('first argument',
        ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.isBuffer = function (value) { return value instanceof Buffer; };

Buffer.isEncoding = function (encoding) {
    return typeof encoding === 'string' && encoding.length !== 0 &&
        codecs.normalizeEncoding(encoding) !== void 0;
};

Buffer.byteLength = function (value, encoding) {
    if (typeof value !== 'string') {
        if (isArrayBuffer(value) || ArrayBuffer.isView(value))
            return value.byteLength;
        throw errors.invalidArgType('string', ['string', 'Buffer', 'ArrayBuffer'], value);
    }
    var normalized = codecs.normalizeEncoding(encoding);
    return codecs.codecs[normalized === void 0 ? 'utf8' : normalized].byteLength(value);
};

function compareBytes(a, aStart, aEnd, b, bStart, bEnd) {
    var n = Math.min(aEnd - aStart, bEnd - bStart);
    for (var i = 0; i < n; i++) {
        var x = a[aStart + i];
        var y = b[bStart + i];
        if (x !== y)
            return x < y ? -1 : 1;
    }
    var la = aEnd - aStart;
    var lb = bEnd - bStart;
    return la < lb ? -1 : la > lb ? 1 : 0;
}

Buffer.compare = function (a, b) {
    if (!isUint8Array(a))
        throw errors.invalidArgType('buf1', ['Buffer', 'Uint8Array'], a);
    if (!isUint8Array(b))
        throw errors.invalidArgType('buf2', ['Buffer', 'Uint8Array'], b);
    return a === b ? 0 : compareBytes(a, 0, a.length, b, 0, b.length);
};

Buffer.concat = function (list, totalLength) {
    if (!Array.isArray(list))
        throw errors.invalidArgType('list', 'Array', list);
    var i;
    if (totalLength === void 0) {
        totalLength = 0;
        for (i = 0; i < list.length; i++) {
            if (!isUint8Array(list[i]))
                throw errors.invalidArgType('list[' + i + ']', ['Buffer', 'Uint8Array'],
                    list[i]);
            totalLength += list[i].length;
        }
    } else {
        if (typeof totalLength !== 'number')
            throw errors.invalidArgType('length', 'number', totalLength);
        if (!(totalLength >= 0 && totalLength <= kMaxLength))
            throw errors.outOfRange('length', '>= 0 && <= ' + kMaxLength, totalLength);
    }
    var out = asBuffer(new Uint8Array(totalLength));
    var position = 0;
    for (i = 0; i < list.length && position < totalLength; i++) {
        var item = list[i];
        if (!isUint8Array(item))
            throw errors.invalidArgType('list[' + i + ']', ['Buffer', 'Uint8Array'], item);
        if (position + item.length > totalLength)
            item = rawSubarray.call(item, 0, totalLength - position);
        out.set(item, position);
        position += item.length;
    }
    return out;
};

Buffer.poolSize = 8192;

// ---- views and copies ----------------------------------------------------

// Node's start/end rules for slice and subarray: negative counts from the
// end, the range is clamped to the buffer.
function clampIndex(value, length, fallback) {
    if (value === void 0)
        return fallback;
    if ((value | 0) !== value) {  // not already an int32 (most are): made one
        value = +value || 0;  // NaN and garbage count as 0
        value = value < 0 ? Math.ceil(value) : Math.floor(value);
    }
    if (value < 0) {
        value += length;
        return value < 0 ? 0 : value;
    }
    return value > length ? length : value;
}

Buffer.prototype.subarray = function (start, end) {
    var length = this.length;
    start = clampIndex(start, length, 0);
    end = clampIndex(end, length, length);
    if (end < start)
        end = start;
    return asBuffer(rawSubarray.call(this, start, end));
};
// In Node, buf.slice shares memory too (unlike Uint8Array's slice).
Buffer.prototype.slice = Buffer.prototype.subarray;

function toInteger(value, fallback) {
    value = +value;
    if (value !== value)
        return fallback;
    return value < 0 ? Math.ceil(value) : Math.floor(value);
}

Buffer.prototype.copy = function (target, targetStart, sourceStart, sourceEnd) {
    if (!isUint8Array(target))
        throw errors.invalidArgType('target', ['Buffer', 'Uint8Array'], target);
    targetStart = targetStart === void 0 ? 0 : toInteger(targetStart, 0);
    if (targetStart < 0)
        throw errors.outOfRange('targetStart', '>= 0', targetStart);
    sourceStart = sourceStart === void 0 ? 0 : toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > this.length)
        throw errors.outOfRange('sourceStart', '>= 0 && <= ' + this.length, sourceStart);
    sourceEnd = sourceEnd === void 0 ? this.length : toInteger(sourceEnd, 0);
    if (sourceEnd < 0)
        throw errors.outOfRange('sourceEnd', '>= 0', sourceEnd);
    if (sourceEnd > this.length)
        sourceEnd = this.length;
    if (targetStart >= target.length || sourceStart >= sourceEnd)
        return 0;
    var n = Math.min(sourceEnd - sourceStart, target.length - targetStart);
    // TypedArray.set copies as if through a temporary: overlap is safe.
    target.set(rawSubarray.call(this, sourceStart, sourceStart + n), targetStart);
    return n;
};

Buffer.prototype.equals = function (other) {
    if (!isUint8Array(other))
        throw errors.invalidArgType('otherBuffer', ['Buffer', 'Uint8Array'], other);
    return this === other || compareBytes(this, 0, this.length, other, 0, other.length) === 0;
};

// Node's validateOffset: an integer in [0, max] (`fallback` if undefined).
function rangeArg(value, name, fallback, max) {
    if (value === void 0 && fallback !== void 0)
        return fallback;
    if (typeof value !== 'number')
        throw errors.invalidArgType(name, 'number', value);
    if (value % 1 !== 0)  // a fraction, NaN or an infinity, as Number.isInteger says
        throw errors.outOfRange(name, 'an integer', value);
    if (value < 0 || value > max)
        throw errors.outOfRange(name, '>= 0 && <= ' + max, value);
    return value;
}

Buffer.prototype.compare = function (target, targetStart, targetEnd, sourceStart, sourceEnd) {
    if (!isUint8Array(target))
        throw errors.invalidArgType('target', ['Buffer', 'Uint8Array'], target);
    targetStart = rangeArg(targetStart, 'targetStart', 0, kMaxLength);
    targetEnd = rangeArg(targetEnd, 'targetEnd', target.length, target.length);
    sourceStart = rangeArg(sourceStart, 'sourceStart', 0, kMaxLength);
    sourceEnd = rangeArg(sourceEnd, 'sourceEnd', this.length, this.length);
    if (sourceStart >= sourceEnd)
        return targetStart >= targetEnd ? 0 : -1;
    if (targetStart >= targetEnd)
        return 1;
    return compareBytes(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
};

// ---- strings -------------------------------------------------------------

Buffer.prototype.toString = function (encoding, start, end) {
    var length = this.length;
    // (Not `arguments.length`: in Duktape that makes an arguments object.)
    if (encoding === void 0 && start === void 0 && end === void 0)
        return codecs.codecs.utf8.decode(this, 0, length);
    if (start === void 0 || start <= 0)
        start = 0;
    else if (start >= length)
        return '';
    else
        start = toInteger(start, 0);
    if (end === void 0 || end > length)
        end = length;
    else
        end = toInteger(end, 0);
    if (end <= start)
        return '';
    // Only undefined means UTF-8 here: toString(null) is an unknown encoding.
    var normalized = encoding === void 0 ? 'utf8' :
        encoding === null || encoding === '' ? void 0 : codecs.normalizeEncoding(encoding);
    if (normalized === void 0)
        throw unknownEncoding(encoding);
    return codecs.codecs[normalized].decode(this, start, end);
};

Buffer.prototype.toLocaleString = Buffer.prototype.toString;

Buffer.prototype.toJSON = function () {
    var data = new Array(this.length);
    for (var i = 0; i < this.length; i++)
        data[i] = this[i];
    return { type: 'Buffer', data: data };
};

// write(string[, offset[, length]][, encoding]) -> bytes written
Buffer.prototype.write = function (string, offset, length, encoding) {
    if (typeof string !== 'string')  // Node's message here is this short one
        throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
    if (offset === void 0) {
        encoding = 'utf8';
        offset = 0;
        length = this.length;
    } else if (typeof offset === 'string' && length === void 0) {
        encoding = offset;
        offset = 0;
        length = this.length;
    } else {
        offset = checkOffsetArg(offset, 'offset', this.length);
        var remaining = this.length - offset;
        if (length === void 0) {
            length = remaining;
        } else if (typeof length === 'string') {
            encoding = length;
            length = remaining;
        } else {
            length = checkOffsetArg(length, 'length', this.length);
            if (length > remaining)
                length = remaining;
        }
    }
    if (!encoding)
        encoding = 'utf8';
    var normalized = codecs.normalizeEncoding(encoding);
    if (normalized === void 0)
        throw unknownEncoding(encoding);
    return codecs.codecs[normalized].write(this, string, offset, length);
};

function checkOffsetArg(value, name, max) { return rangeArg(value, name, void 0, max); }

// ---- fill and search -----------------------------------------------------

Buffer.prototype.fill = function (value, offset, end, encoding) {
    var length = this.length;
    if (typeof value === 'string') {
        if (typeof offset === 'string') {
            encoding = offset;
            offset = 0;
            end = length;
        } else if (typeof end === 'string') {
            encoding = end;
            end = length;
        }
        var normalized = codecs.normalizeEncoding(encoding);
        if (normalized === void 0 || (encoding !== void 0 && typeof encoding !== 'string'))
            throw typeof encoding === 'string' ? unknownEncoding(encoding) :
                errors.invalidArgType('encoding', 'string', encoding);
        if (value.length === 0) {
            value = 0;
        } else if (value.length === 1 && normalized === 'utf8' && value.charCodeAt(0) < 128) {
            value = value.charCodeAt(0);
        } else {
            var bytes = codecs.encode(value, normalized);
            if (bytes.length === 0)
                throw errors.invalidArgValue('value', value);
            value = bytes;
        }
    }
    offset = offset === void 0 ? 0 : checkOffsetArg(offset, 'offset', kMaxLength);
    end = end === void 0 ? length : checkOffsetArg(end, 'end', length);
    if (offset >= end)
        return this;
    var i;
    if (typeof value === 'number' || typeof value === 'boolean') {
        var byte = value & 255;
        for (i = offset; i < end; i++)
            this[i] = byte;
    } else if (isUint8Array(value)) {
        if (value.length === 0)
            throw errors.invalidArgValue('value', value);
        // Doubling copies: log(n) calls to set instead of n stores.
        var first = Math.min(value.length, end - offset);
        this.set(rawSubarray.call(value, 0, first), offset);
        var done = first;
        while (done < end - offset) {
            var n = Math.min(done, end - offset - done);
            this.set(rawSubarray.call(this, offset, offset + n), offset + done);
            done += n;
        }
    } else {
        var number = +value & 255;
        for (i = offset; i < end; i++)
            this[i] = number;
    }
    return this;
};

function indexOfBytes(haystack, needle, from, forward) {
    var n = needle.length;
    var last = haystack.length - n;
    var first = needle[0];
    if (forward) {
        for (var i = from < 0 ? 0 : from; i <= last; i++) {
            if (haystack[i] !== first)
                continue;
            var j = 1;
            while (j < n && haystack[i + j] === needle[j])
                j++;
            if (j === n)
                return i;
        }
    } else {
        for (var k = from > last ? last : from; k >= 0; k--) {
            if (haystack[k] !== first)
                continue;
            var m = 1;
            while (m < n && haystack[k + m] === needle[m])
                m++;
            if (m === n)
                return k;
        }
    }
    return -1;
}

function search(buffer, value, byteOffset, encoding, forward) {
    if (typeof byteOffset === 'string') {
        encoding = byteOffset;
        byteOffset = void 0;
    } else if (byteOffset > 0x7fffffff) {
        byteOffset = 0x7fffffff;
    } else if (byteOffset < -0x80000000) {
        byteOffset = -0x80000000;
    }
    byteOffset = +byteOffset;
    var length = buffer.length;
    if (byteOffset !== byteOffset)
        byteOffset = forward ? 0 : length;
    byteOffset = toInteger(byteOffset, 0);
    if (byteOffset < 0)
        byteOffset += length;

    if (typeof value === 'number') {
        var byte = (value >>> 0) & 255;
        var i;
        if (forward) {
            for (i = byteOffset < 0 ? 0 : byteOffset; i < length; i++) {
                if (buffer[i] === byte)
                    return i;
            }
        } else {
            for (i = byteOffset >= length ? length - 1 : byteOffset; i >= 0; i--) {
                if (buffer[i] === byte)
                    return i;
            }
        }
        return -1;
    }
    var needle;
    if (typeof value === 'string') {
        var normalized = codecs.normalizeEncoding(encoding);
        if (normalized === void 0)
            throw unknownEncoding(encoding);
        needle = codecs.encode(value, normalized);
    } else if (isUint8Array(value)) {
        needle = value;
    } else {
        throw errors.invalidArgType('value', ['number', 'string', 'Buffer', 'Uint8Array'],
            value);
    }
    if (needle.length === 0) {
        // Node: an empty needle is found at the (clamped) offset.
        if (byteOffset < 0)
            return forward ? 0 : -1;
        return byteOffset > length ? length : byteOffset;
    }
    if (!forward && byteOffset < 0)
        return -1;
    return indexOfBytes(buffer, needle, byteOffset, forward);
}

Buffer.prototype.indexOf = function (value, byteOffset, encoding) {
    return search(this, value, byteOffset, encoding, true);
};
Buffer.prototype.lastIndexOf = function (value, byteOffset, encoding) {
    return search(this, value, byteOffset, encoding, false);
};
Buffer.prototype.includes = function (value, byteOffset, encoding) {
    return search(this, value, byteOffset, encoding, true) !== -1;
};

// ---- byte order ----------------------------------------------------------

function swapper(size) {
    return function () {
        var length = this.length;
        if (length % size !== 0)
            throw codedError(RangeError, 'ERR_INVALID_BUFFER_SIZE',
                'Buffer size must be a multiple of ' + size * 8 + '-bits');
        for (var i = 0; i < length; i += size) {
            for (var a = i, b = i + size - 1; a < b; a++, b--) {
                var t = this[a];
                this[a] = this[b];
                this[b] = t;
            }
        }
        return this;
    };
}
Buffer.prototype.swap16 = swapper(2);
Buffer.prototype.swap32 = swapper(4);
Buffer.prototype.swap64 = swapper(8);

// ---- iteration and inspection -------------------------------------------

function iterator(buffer, kind) {
    var index = 0;
    var it = {
        next: function () {
            if (index >= buffer.length)
                return { value: void 0, done: true };
            var i = index++;
            return { value: kind === 'keys' ? i : kind === 'values' ? buffer[i] :
                [i, buffer[i]], done: false };
        }
    };
    if (typeof Symbol === 'function' && Symbol.iterator)
        it[Symbol.iterator] = function () { return this; };
    return it;
}
Buffer.prototype.keys = function () { return iterator(this, 'keys'); };
Buffer.prototype.values = function () { return iterator(this, 'values'); };
Buffer.prototype.entries = function () { return iterator(this, 'entries'); };
if (typeof Symbol === 'function' && Symbol.iterator)
    Buffer.prototype[Symbol.iterator] = Buffer.prototype.values;

// '<Buffer 68 65 6c 6c 6f>'. util.inspect recognizes a Buffer by its
// constructor and prints the same; this method is for direct callers.
Buffer.prototype.inspect = function () {
    var max = Math.min(this.length, exports.INSPECT_MAX_BYTES);
    var text = codecs.codecs.hex.decode(this, 0, max).replace(/(.{2})(?!$)/g, '$1 ');
    var rest = this.length - max;
    return '<Buffer ' + text +
        (rest > 0 ? ' ... ' + rest + ' more byte' + (rest > 1 ? 's' : '') : '') + '>';
};

// Read and write methods of numbers: internal/buffer_numbers.js.
require('./internal/buffer_numbers.js').install(Buffer.prototype);
// forEach, map, reduce... that Duktape's Uint8Array.prototype lacks.
require('./internal/buffer_array_methods.js').install(Buffer.prototype, function (length) {
    return asBuffer(new Uint8Array(length));
});

// ---- the module ----------------------------------------------------------

function SlowBuffer(size) { return Buffer.allocUnsafeSlow(size); }

function transcode() { throw errors.notSupported('buffer.transcode()'); }

// Base64 helpers of the web platform, which Node also has.
// The DOMException of the web platform: name InvalidCharacterError, code 5.
function invalidCharacter(message) {
    var error = new Error(message);
    error.name = 'InvalidCharacterError';
    error.code = 5;
    return error;
}

function btoa(input) {
    input = String(input);
    for (var i = 0; i < input.length; i++) {
        if (input.charCodeAt(i) > 255)
            throw invalidCharacter('Invalid character');
    }
    return Buffer.from(input, 'latin1').toString('base64');
}

function atob(input) {
    input = String(input).replace(/[\t\n\f\r ]/g, '');
    if (input.length % 4 === 0)
        input = input.replace(/==?$/, '');
    if (input.length % 4 === 1 || /[^A-Za-z0-9+\/]/.test(input))
        throw invalidCharacter('The string to be decoded is not correctly encoded.');
    return Buffer.from(input, 'base64').toString('latin1');
}

exports.Buffer = Buffer;
exports.SlowBuffer = SlowBuffer;
exports.kMaxLength = kMaxLength;
exports.kStringMaxLength = kStringMaxLength;
exports.constants = { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength };
exports.INSPECT_MAX_BYTES = INSPECT_MAX_BYTES;
exports.transcode = transcode;
exports.btoa = btoa;
exports.atob = atob;
exports.isUtf8 = function (input) {
    var bytes = isArrayBuffer(input) ? new Uint8Array(input) : input;
    if (!isUint8Array(bytes))
        throw errors.invalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
    var text = codecs.codecs.utf8.decode(bytes, 0, bytes.length);
    return text.indexOf('\ufffd') === -1 ||
        codecs.encode(text, 'utf8').length === bytes.length &&
        compareBytes(codecs.encode(text, 'utf8'), 0, bytes.length, bytes, 0, bytes.length) === 0;
};
exports.isAscii = function (input) {
    var bytes = isArrayBuffer(input) ? new Uint8Array(input) : input;
    if (!isUint8Array(bytes))
        throw errors.invalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
    for (var i = 0; i < bytes.length; i++) {
        if (bytes[i] > 127)
            return false;
    }
    return true;
};
