// require('punycode'): RFC 3492 Punycode, the encoding of Unicode domain
// labels in ASCII ("münchen" <-> "mnchen-3ya"), and toASCII/toUnicode of
// whole domain names ("xn--" labels). Strings are handled as code points,
// so characters outside the BMP (surrogate pairs) count as one.
'use strict';

var BASE = 36;
var T_MIN = 1;
var T_MAX = 26;
var SKEW = 38;
var DAMP = 700;
var INITIAL_BIAS = 72;
var INITIAL_N = 128;
var DELIMITER = '-';
var MAX_INT = 2147483647;

function fail(kind) {
    var messages = {
        overflow: 'Overflow: input needs wider integers to process',
        'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
        'invalid-input': 'Invalid input'
    };
    throw new RangeError(messages[kind]);
}

// A string's code points (surrogate pairs joined), and back.
function ucs2decode(string) {
    var output = [];
    for (var i = 0; i < string.length; i++) {
        var value = string.charCodeAt(i);
        if (value >= 0xd800 && value <= 0xdbff && i + 1 < string.length) {
            var next = string.charCodeAt(i + 1);
            if ((next & 0xfc00) === 0xdc00) {
                output.push(((value & 0x3ff) << 10) + (next & 0x3ff) + 0x10000);
                i++;
                continue;
            }
        }
        output.push(value);
    }
    return output;
}

function ucs2encode(codePoints) {
    var units = [];
    for (var i = 0; i < codePoints.length; i++) {
        var c = codePoints[i];
        if (c > 0xffff) {
            c -= 0x10000;
            units.push(0xd800 | (c >>> 10), 0xdc00 | (c & 0x3ff));
        } else {
            units.push(c);
        }
    }
    var parts = [];
    for (var j = 0; j < units.length; j += 8192)
        parts.push(String.fromCharCode.apply(null, units.slice(j, j + 8192)));
    return parts.join('');
}

// 0..25 -> 'a'..'z', 26..35 -> '0'..'9'.
function digitToBasic(digit) { return digit + 22 + 75 * (digit < 26); }

function basicToDigit(code) {
    if (code >= 0x30 && code < 0x3a)
        return 26 + (code - 0x30);
    if (code >= 0x41 && code < 0x5b)
        return code - 0x41;
    if (code >= 0x61 && code < 0x7b)
        return code - 0x61;
    return BASE;
}

// The bias adaptation of RFC 3492 section 6.1.
function adapt(delta, numPoints, firstTime) {
    var k = 0;
    delta = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
    delta += Math.floor(delta / numPoints);
    for (; delta > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE)
        delta = Math.floor(delta / (BASE - T_MIN));
    return Math.floor(k + (BASE - T_MIN + 1) * delta / (delta + SKEW));
}

function decode(input) {
    var output = [];
    var inputLength = input.length;
    var i = 0;
    var n = INITIAL_N;
    var bias = INITIAL_BIAS;
    var basic = input.lastIndexOf(DELIMITER);
    if (basic < 0)
        basic = 0;
    for (var j = 0; j < basic; ++j) {
        if (input.charCodeAt(j) >= 0x80)
            fail('not-basic');
        output.push(input.charCodeAt(j));
    }
    for (var index = basic > 0 ? basic + 1 : 0; index < inputLength;) {
        var oldi = i;
        for (var w = 1, k = BASE; ; k += BASE) {
            if (index >= inputLength)
                fail('invalid-input');
            var digit = basicToDigit(input.charCodeAt(index++));
            if (digit >= BASE)
                fail('invalid-input');
            if (digit > Math.floor((MAX_INT - i) / w))
                fail('overflow');
            i += digit * w;
            var t = k <= bias ? T_MIN : (k >= bias + T_MAX ? T_MAX : k - bias);
            if (digit < t)
                break;
            var baseMinusT = BASE - t;
            if (w > Math.floor(MAX_INT / baseMinusT))
                fail('overflow');
            w *= baseMinusT;
        }
        var out = output.length + 1;
        bias = adapt(i - oldi, out, oldi === 0);
        if (Math.floor(i / out) > MAX_INT - n)
            fail('overflow');
        n += Math.floor(i / out);
        i %= out;
        output.splice(i++, 0, n);
    }
    return ucs2encode(output);
}

function encode(input) {
    var output = [];
    var codePoints = ucs2decode(input);
    var inputLength = codePoints.length;
    var n = INITIAL_N;
    var delta = 0;
    var bias = INITIAL_BIAS;
    var c;
    var i;
    for (i = 0; i < inputLength; i++) {
        c = codePoints[i];
        if (c < 0x80)
            output.push(String.fromCharCode(c));
    }
    var basicLength = output.length;
    var handled = basicLength;
    if (basicLength)
        output.push(DELIMITER);
    while (handled < inputLength) {
        var m = MAX_INT;
        for (i = 0; i < inputLength; i++) {
            c = codePoints[i];
            if (c >= n && c < m)
                m = c;
        }
        var handledPlusOne = handled + 1;
        if (m - n > Math.floor((MAX_INT - delta) / handledPlusOne))
            fail('overflow');
        delta += (m - n) * handledPlusOne;
        n = m;
        for (i = 0; i < inputLength; i++) {
            c = codePoints[i];
            if (c < n && ++delta > MAX_INT)
                fail('overflow');
            if (c === n) {
                var q = delta;
                for (var k = BASE; ; k += BASE) {
                    var t = k <= bias ? T_MIN : (k >= bias + T_MAX ? T_MAX : k - bias);
                    if (q < t)
                        break;
                    var qMinusT = q - t;
                    var baseMinusT = BASE - t;
                    output.push(String.fromCharCode(digitToBasic(t + qMinusT % baseMinusT)));
                    q = Math.floor(qMinusT / baseMinusT);
                }
                output.push(String.fromCharCode(digitToBasic(q)));
                bias = adapt(delta, handledPlusOne, handled === basicLength);
                delta = 0;
                ++handled;
            }
        }
        ++delta;
        ++n;
    }
    return output.join('');
}

// Applies fn to each label of a domain (or of the domain part of an
// e-mail address), with the IDNA separators (. 。 ． ｡) read as dots.
function mapDomain(domain, fn) {
    var at = domain.split('@');
    var result = '';
    if (at.length > 1) {
        result = at[0] + '@';
        domain = at[1];
    }
    domain = domain.replace(/[\u3002\uFF0E\uFF61]/g, '.');
    var labels = domain.split('.');
    var mapped = [];
    for (var i = 0; i < labels.length; i++)
        mapped.push(fn(labels[i]));
    return result + mapped.join('.');
}

function toUnicode(input) {
    return mapDomain(input, function (label) {
        return /^xn--/.test(label) ? decode(label.slice(4).toLowerCase()) : label;
    });
}

function toASCII(input) {
    return mapDomain(input, function (label) {
        return /[^\0-\x7F]/.test(label) ? 'xn--' + encode(label) : label;
    });
}

exports.version = '2.1.0';
exports.ucs2 = { decode: ucs2decode, encode: ucs2encode };
exports.decode = decode;
exports.encode = encode;
exports.toASCII = toASCII;
exports.toUnicode = toUnicode;
