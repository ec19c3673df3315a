// require('string_decoder'): decodes a byte stream that arrives in chunks,
// keeping a character cut at the end of one chunk until the next completes
// it. The rules follow Node's decoder byte for byte: for UTF-8, a lead
// byte at the end waits for the continuation bytes it announces; a
// non-continuation byte arriving instead ends the waiting character (it
// decodes to U+FFFD) and starts a new one. UTF-16 waits for the second
// byte of a unit and for the low half of a surrogate pair; base64 waits
// for groups of 3 bytes.
'use strict';

var codecs = require('./internal/buffer_codecs.js');
var errors = require('./internal/coded_errors.js');

function StringDecoder(encoding) {
    var normalized = codecs.normalizeEncoding(encoding);
    if (normalized === undefined)
        throw errors.make(TypeError, 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + encoding);
    this.encoding = normalized;
    this._codec = codecs.codecs[normalized];
    this._pending = new Uint8Array(4);  // the start of a cut character
    this._buffered = 0;
    this._missing = 0;
}

function decodeBytes(decoder, bytes, start, end) {
    return decoder._codec.decode(bytes, start, end);
}

// How many bytes at the end of data[start..n) start a character that is not
// complete yet, and how many more it needs.
function cutAtEnd(encoding, data, start, n) {
    if (encoding === 'utf8') {
        if (!(data[n - 1] & 0x80))
            return null;
        var count = 0;
        for (var i = n - 1; ; i--) {
            count++;
            if ((data[i] & 0xc0) === 0x80) {
                if (count >= 4 || i === start)
                    return null;  // no lead byte close enough: nothing to keep
                continue;
            }
            var size = (data[i] & 0xe0) === 0xc0 ? 2 : (data[i] & 0xf0) === 0xe0 ? 3 :
                (data[i] & 0xf8) === 0xf0 ? 4 : 0;
            if (size === 0 || count >= size)
                return null;  // not a lead byte, or the character is whole
            return { buffered: count, missing: size - count };
        }
    }
    if (encoding === 'utf16le') {
        if ((n - start) % 2 === 1)
            return { buffered: 1, missing: 1 };
        if ((data[n - 1] & 0xfc) === 0xd8)
            return { buffered: 2, missing: 2 };  // a high surrogate
        return null;
    }
    if (encoding === 'base64' || encoding === 'base64url') {
        var rest = (n - start) % 3;
        return rest > 0 ? { buffered: rest, missing: 3 - rest } : null;
    }
    return null;
}

StringDecoder.prototype.write = function (buf) {
    if (typeof buf === 'string')
        return buf;
    if (!ArrayBuffer.isView(buf))
        throw errors.invalidArgType('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
    var data = buf instanceof Uint8Array ? buf :
        new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    var encoding = this.encoding;
    if (encoding === 'latin1' || encoding === 'ascii' || encoding === 'hex')
        return decodeBytes(this, data, 0, data.length);

    var start = 0;
    var n = data.length;
    var prepend = '';
    if (this._missing > 0) {
        var i;
        if (encoding === 'utf8') {
            for (i = 0; i < n && i < this._missing; i++) {
                if ((data[i] & 0xc0) !== 0x80) {
                    // Not a continuation byte: the waiting character ends here.
                    this._pending.set(data.subarray(0, i), this._buffered);
                    this._buffered += i;
                    this._missing = 0;
                    start = i;
                    break;
                }
            }
        }
        var found = Math.min(n - start, this._missing);
        this._pending.set(data.subarray(start, start + found), this._buffered);
        start += found;
        this._missing -= found;
        this._buffered += found;
        if (this._missing === 0) {
            prepend = decodeBytes(this, this._pending, 0, this._buffered);
            this._buffered = 0;
        }
    }
    if (start === n)
        return prepend;
    var cut = cutAtEnd(encoding, data, start, n);
    var end = n;
    if (cut) {
        end = n - cut.buffered;
        this._pending.set(data.subarray(end, n), 0);
        this._buffered = cut.buffered;
        this._missing = cut.missing;
    }
    return prepend + (end > start ? decodeBytes(this, data, start, end) : '');
};

// What is left: a cut character decodes to U+FFFD (UTF-8), itself (a lone
// UTF-16 surrogate) or a padded base64 group; a lone UTF-16 byte is dropped.
StringDecoder.prototype.end = function (buf) {
    var out = buf === undefined ? '' : this.write(buf);
    if (this.encoding === 'utf16le' && this._buffered % 2 === 1) {
        this._buffered--;
        this._missing--;
    }
    if (this._buffered > 0)
        out += decodeBytes(this, this._pending, 0, this._buffered);
    this._buffered = 0;
    this._missing = 0;
    return out;
};

// Node's legacy view of the decoder's state.
Object.defineProperty(StringDecoder.prototype, 'lastNeed', {
    get: function () { return this._missing; }
});
Object.defineProperty(StringDecoder.prototype, 'lastTotal', {
    get: function () { return this._buffered + this._missing; }
});
Object.defineProperty(StringDecoder.prototype, 'lastChar', {
    get: function () { return require('./buffer.js').Buffer.from(this._pending); }
});

exports.StringDecoder = StringDecoder;
