// The character encodings of Buffer and StringDecoder: for each, how many
// bytes a string takes, how to write a string into bytes, and how to read
// bytes back into a string, with Node's rules for bad input (base64 skips
// characters outside its alphabet, hex stops at the first bad pair, UTF-8
// decodes bad sequences to U+FFFD by the WHATWG rules).
//
// Speed in Duktape: every string is interned, so building a long string a
// character at a time is slow. Decoders therefore produce byte arrays and
// turn them into strings in slices (String.fromCharCode.apply), and UTF-8
// goes through the engine's native TextEncoder/TextDecoder, which follow
// the WHATWG Encoding standard exactly as Node does (checked by
// tests/js/buffer.js and tests/differential/buffer_encodings.js).
'use strict';

var CHUNK = 8192;  // characters per String.fromCharCode.apply call
var rawSubarray = Uint8Array.prototype.subarray;

var utf8Encoder = new TextEncoder();
// ignoreBOM: a leading U+FEFF is data (the WHATWG default would drop it).
var utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

// Duktape's own base64 and hex codecs (Duktape.enc/dec), written in C and
// ~100 times faster than a byte loop here. They are used where they give
// Node's result: always for encoding; for decoding only on input they
// accept (they throw on what Node would skip, and then the lenient JS
// decoder below runs) and, for base64, when '=' appears only at the end
// (Duktape goes on decoding after a padding '=', Node stops there).
// tests/js/buffer.js and tests/differential/buffer_encodings.js compare
// both paths with Node.
var engine = typeof Duktape === 'object' && Duktape !== null &&
    typeof Duktape.dec === 'function' ? Duktape : null;

function engineDecode(format, string) {
    try {
        return Object(engine.dec(format, string));  // a Uint8Array over the result
    } catch (error) {
        return null;
    }
}

// 'UTF-8' -> 'utf8', 'binary' -> 'latin1'... or undefined if unknown.
function normalizeEncoding(encoding) {
    if (encoding === void 0 || encoding === null || encoding === '' || encoding === 'utf8')
        return 'utf8';
    if (codecs.hasOwnProperty(encoding))
        return encoding;  // already a normalized name
    switch (String(encoding).toLowerCase()) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'hex': return 'hex';
    case 'ascii': return 'ascii';
    default: return void 0;
    }
}

// The engine's native:codecs (engine/codecs.cpp): one character per byte
// in one native call (String.fromCharCode.apply costs about 500 guest
// instructions per byte under QEMU). bytesToStringJs is the definition,
// and what tests/js/buffer.js compares it with.
var nativeCodecs = null;
try {
    nativeCodecs = require('native:codecs');
} catch (e) {
    nativeCodecs = null;  // an engine without it: the JS definition does all
}

// A string of char codes bytes[start..end), each byte one character.
function bytesToString(bytes, start, end) {
    if (nativeCodecs !== null)
        return nativeCodecs.latin1(bytes, start, end);
    return bytesToStringJs(bytes, start, end);
}

function bytesToStringJs(bytes, start, end) {
    if (end - start <= CHUNK)
        return String.fromCharCode.apply(null, rawSubarray.call(bytes, start, end));
    var parts = [];
    for (var i = start; i < end; i += CHUNK)
        parts.push(String.fromCharCode.apply(null,
            rawSubarray.call(bytes, i, Math.min(i + CHUNK, end))));
    return parts.join('');
}

// ---- UTF-8 ---------------------------------------------------------------

function utf8Encode(string) { return utf8Encoder.encode(string); }

function utf8Decode(bytes, start, end) {
    if (start >= end)
        return '';
    return utf8Decoder.decode(rawSubarray.call(bytes, start, end));
}

function utf8ByteLength(string) {
    var n = string.length;
    if (n > 64)
        return utf8Encoder.encode(string).length;  // native: faster than the loop
    var bytes = n;
    for (var i = 0; i < n; i++) {
        var c = string.charCodeAt(i);
        if (c < 0x80)
            continue;
        if (c < 0x800) {
            bytes += 1;
        } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n &&
            (string.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            bytes += 2;  // a surrogate pair: 4 bytes for 2 code units
            i++;
        } else {
            bytes += 2;  // 3 bytes (lone surrogates become EF BF BD)
        }
    }
    return bytes;
}

// Writes at most `length` bytes, never part of a character.
function utf8Write(target, string, offset, length) {
    var bytes = utf8Encode(string);
    var n = bytes.length;
    if (n > length) {
        // If the first byte left out continues a character, leave out
        // that whole character (the encoder's output is valid UTF-8).
        n = length;
        while (n > 0 && (bytes[n] & 0xc0) === 0x80)
            n--;
    }
    target.set(rawSubarray.call(bytes, 0, n), offset);
    return n;
}

// ---- latin1 and ascii ----------------------------------------------------

// One byte per character: the low 8 bits of each UTF-16 code unit. The
// engine's native:codecs does it in one call (an http response's head goes
// out this way); latin1WriteJs is the definition, and what tests/js/buffer.js
// compares it with.
function latin1Write(target, string, offset, length) {
    if (nativeCodecs !== null)
        return nativeCodecs.latin1Write(target, string, offset, length);
    return latin1WriteJs(target, string, offset, length);
}

// ASCII text is the same in UTF-8: the native encoder writes it faster
// than a loop of charCodeAt in Duktape. Whether the text was ASCII shows
// in the result's length (any other character takes two or more bytes),
// which costs less than asking a RegExp first.
function latin1WriteJs(target, string, offset, length) {
    var n = string.length < length ? string.length : length;
    if (n > 16) {
        var utf8 = utf8Encoder.encode(n < string.length ? string.slice(0, n) : string);
        if (utf8.length === n) {
            target.set(utf8, offset);
            return n;
        }
    }
    for (var i = 0; i < n; i++)
        target[offset + i] = string.charCodeAt(i);  // the typed array keeps the low 8 bits
    return n;
}

function latin1Decode(bytes, start, end) { return bytesToString(bytes, start, end); }

function asciiDecode(bytes, start, end) {
    for (var i = start; i < end; i++) {
        if (bytes[i] > 0x7f)
            break;
    }
    if (i === end)
        return bytesToString(bytes, start, end);
    var copy = new Uint8Array(end - start);
    for (var j = start; j < end; j++)
        copy[j - start] = bytes[j] & 0x7f;
    return bytesToString(copy, 0, copy.length);
}

// ---- UTF-16LE ------------------------------------------------------------

function utf16leWrite(target, string, offset, length) {
    var n = Math.min(string.length, length >>> 1);
    for (var i = 0; i < n; i++) {
        var c = string.charCodeAt(i);
        target[offset + 2 * i] = c & 0xff;
        target[offset + 2 * i + 1] = c >>> 8;
    }
    return 2 * n;
}

function utf16leDecode(bytes, start, end) {
    var count = (end - start) >>> 1;
    var parts = [];
    for (var done = 0; done < count; done += CHUNK) {
        var n = Math.min(CHUNK, count - done);
        var units = new Uint16Array(n);
        var p = start + 2 * done;
        for (var i = 0; i < n; i++, p += 2)
            units[i] = bytes[p] | (bytes[p + 1] << 8);
        parts.push(String.fromCharCode.apply(null, units));
    }
    return parts.join('');
}

// ---- hex -----------------------------------------------------------------

var HEX_DIGITS = '0123456789abcdef';
var hexPairs = new Uint16Array(256);  // byte -> its two ASCII digits, little-endian
var hexValue = new Int8Array(256);    // ASCII code -> digit value, or -1
(function () {
    for (var i = 0; i < 256; i++) {
        hexPairs[i] = HEX_DIGITS.charCodeAt(i >>> 4) | (HEX_DIGITS.charCodeAt(i & 15) << 8);
        hexValue[i] = -1;
    }
    for (var d = 0; d < 16; d++) {
        hexValue[HEX_DIGITS.charCodeAt(d)] = d;
        hexValue[HEX_DIGITS.toUpperCase().charCodeAt(d)] = d;
    }
})();

function hexDecode(bytes, start, end) {
    if (engine && end - start > 16)
        return engine.enc('hex', rawSubarray.call(bytes, start, end));
    var out = new Uint8Array(2 * (end - start));
    for (var i = start, o = 0; i < end; i++, o += 2) {
        var pair = hexPairs[bytes[i]];
        out[o] = pair & 0xff;
        out[o + 1] = pair >>> 8;
    }
    return bytesToString(out, 0, out.length);
}

// Stops at the first pair that is not two hex digits, as Node does.
function hexWrite(target, string, offset, length) {
    var n = Math.min(string.length >>> 1, length);
    if (engine && n > 16) {
        var decoded = engineDecode('hex', string.length === 2 * n ? string : string.slice(0, 2 * n));
        if (decoded) {
            target.set(decoded, offset);
            return n;
        }
    }
    for (var i = 0; i < n; i++) {
        var a = string.charCodeAt(2 * i);
        var b = string.charCodeAt(2 * i + 1);
        var high = hexValue[a & 0xff];  // Node looks at the low byte only
        var low = hexValue[b & 0xff];
        if (high < 0 || low < 0)
            return i;
        target[offset + i] = (high << 4) | low;
    }
    return n;
}

// ---- base64 and base64url ------------------------------------------------

var BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
var BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function codes(alphabet) {
    var table = new Uint8Array(64);
    for (var i = 0; i < 64; i++)
        table[i] = alphabet.charCodeAt(i);
    return table;
}
var base64Codes = codes(BASE64);
var base64urlCodes = codes(BASE64URL);
// Decoding accepts both alphabets, as Node does.
var base64Value = new Int8Array(256);
(function () {
    for (var i = 0; i < 256; i++)
        base64Value[i] = -1;
    for (var v = 0; v < 64; v++) {
        base64Value[BASE64.charCodeAt(v)] = v;
        base64Value[BASE64URL.charCodeAt(v)] = v;
    }
})();

function base64Encode(bytes, start, end, url) {
    if (engine && end - start > 16) {
        var text = engine.enc('base64', rawSubarray.call(bytes, start, end));
        if (!url)
            return text;
        var eq = text.indexOf('=');
        if (eq !== -1)
            text = text.slice(0, eq);
        return text.split('+').join('-').split('/').join('_');
    }
    var table = url ? base64urlCodes : base64Codes;
    var length = end - start;
    var full = length - length % 3;
    var outLength = url ? Math.ceil(length * 4 / 3) : 4 * Math.ceil(length / 3);
    var out = new Uint8Array(outLength);
    var o = 0;
    var i = start;
    for (; i < start + full; i += 3) {
        var triple = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        out[o++] = table[triple >>> 18];
        out[o++] = table[(triple >>> 12) & 63];
        out[o++] = table[(triple >>> 6) & 63];
        out[o++] = table[triple & 63];
    }
    var rest = length - full;
    if (rest > 0) {
        var last = (bytes[i] << 16) | (rest === 2 ? bytes[i + 1] << 8 : 0);
        out[o++] = table[last >>> 18];
        out[o++] = table[(last >>> 12) & 63];
        if (rest === 2)
            out[o++] = table[(last >>> 6) & 63];
        while (!url && o < outLength)
            out[o++] = 61;  // '='
    }
    return bytesToString(out, 0, o);
}

// Node's estimate, used to size the buffer before decoding.
function base64ByteLength(string) {
    var n = string.length;
    if (n > 0 && string.charCodeAt(n - 1) === 61)
        n--;
    if (n > 1 && string.charCodeAt(n - 1) === 61)
        n--;
    return (n * 3) >>> 2;
}

// Characters outside both alphabets are skipped; '=' ends the data.
// (Node reads a character above U+00FF as its low byte: so does this.)
// Duktape's decoder, when it agrees with Node's rules (see `engine`).
function engineBase64(string) {
    var eq = string.indexOf('=');
    if (eq !== -1 && !/^=*$/.test(string.slice(eq)))
        return null;
    if (string.indexOf('-') !== -1)
        string = string.split('-').join('+');
    if (string.indexOf('_') !== -1)
        string = string.split('_').join('/');
    return engineDecode('base64', string);
}

function base64Write(target, string, offset, length) {
    var n = string.length;
    if (engine && n > 16) {
        var decoded = engineBase64(string);
        if (decoded) {
            var count = Math.min(decoded.length, length);
            target.set(count === decoded.length ? decoded : rawSubarray.call(decoded, 0, count),
                offset);
            return count;
        }
    }
    var written = 0;
    var group = 0;
    var count = 0;
    for (var i = 0; i < n && written < length; i++) {
        var c = string.charCodeAt(i) & 0xff;  // Node looks at the low byte only
        if (c === 61)
            break;
        var v = base64Value[c];
        if (v < 0)
            continue;
        group = (group << 6) | v;
        count++;
        if (count === 4) {
            target[offset + written++] = group >>> 16;
            if (written < length)
                target[offset + written++] = (group >>> 8) & 0xff;
            if (written < length)
                target[offset + written++] = group & 0xff;
            group = 0;
            count = 0;
        }
    }
    if (count >= 2 && written < length) {
        group <<= 6 * (4 - count);
        target[offset + written++] = group >>> 16;
        if (count === 3 && written < length)
            target[offset + written++] = (group >>> 8) & 0xff;
    }
    return written;
}

// ---- the table -----------------------------------------------------------

// byteLength(string), write(target, string, offset, maxBytes) -> bytes
// written, decode(bytes, start, end) -> string.
var codecs = {
    utf8: {
        byteLength: utf8ByteLength,
        write: utf8Write,
        decode: utf8Decode
    },
    utf16le: {
        byteLength: function (string) { return string.length * 2; },
        write: utf16leWrite,
        decode: utf16leDecode
    },
    latin1: {
        byteLength: function (string) { return string.length; },
        write: latin1Write,
        decode: latin1Decode
    },
    ascii: {
        byteLength: function (string) { return string.length; },
        write: latin1Write,
        decode: asciiDecode
    },
    hex: {
        byteLength: function (string) { return string.length >>> 1; },
        write: hexWrite,
        decode: hexDecode
    },
    base64: {
        byteLength: base64ByteLength,
        write: base64Write,
        decode: function (bytes, start, end) { return base64Encode(bytes, start, end, false); }
    },
    base64url: {
        byteLength: base64ByteLength,
        write: base64Write,
        decode: function (bytes, start, end) { return base64Encode(bytes, start, end, true); }
    }
};

// The bytes of `string` in `encoding` (already normalized), as a plain
// Uint8Array.
function encode(string, encoding) {
    if (encoding === 'utf8')
        return utf8Encode(string);
    if (engine && string.length > 16) {
        var decoded = encoding === 'hex' && string.length % 2 === 0 ? engineDecode('hex', string) :
            encoding === 'base64' || encoding === 'base64url' ? engineBase64(string) : null;
        if (decoded)
            return decoded;
    }
    var codec = codecs[encoding];
    var bytes = new Uint8Array(codec.byteLength(string));
    var n = codec.write(bytes, string, 0, bytes.length);
    return n === bytes.length ? bytes : rawSubarray.call(bytes, 0, n);
}

exports.normalizeEncoding = normalizeEncoding;
exports.codecs = codecs;
exports.encode = encode;
exports.bytesToString = bytesToString;
exports.bytesToStringJs = bytesToStringJs;
exports.latin1Write = latin1Write;
exports.latin1WriteJs = latin1WriteJs;
