// Host parsing and serialization of the WHATWG URL standard: IPv6 in
// brackets, IPv4 in any of its historic forms (0x7f.1 is 127.0.0.1), opaque
// hosts of non-special schemes, and domains converted to ASCII.
//
// Domain to ASCII is a subset of UTS #46: lowercasing, the code points
// the mapping table deletes (soft hyphen, zero-width space...), full-width
// ASCII and dots, and Punycode for non-ASCII labels. The full mapping
// table and NFC normalization are not available in Duktape, so rare
// compatibility characters may map differently from Node.
'use strict';

var punycode = require('../punycode.js');

var FAILURE = null;

function isForbiddenHost(c) {
    return c === 0 || c === 9 || c === 10 || c === 13 || c === 32 || c === 35 || c === 47 ||
        c === 58 || c === 60 || c === 62 || c === 63 || c === 64 || c === 91 || c === 92 ||
        c === 93 || c === 94 || c === 124;
}

function isForbiddenDomain(c) {
    return isForbiddenHost(c) || c <= 0x1f || c === 37 || c === 127;
}

// ---- IPv4 ----------------------------------------------------------------

// One part of an IPv4 address: decimal, 0x hexadecimal or 0 octal.
// Returns NaN on failure.
function parseIPv4Number(text) {
    if (text === '')
        return NaN;
    var radix = 10;
    if (text.length >= 2 && (text.slice(0, 2) === '0x' || text.slice(0, 2) === '0X')) {
        text = text.slice(2);
        radix = 16;
    } else if (text.length >= 2 && text.charAt(0) === '0') {
        text = text.slice(1);
        radix = 8;
    }
    if (text === '')
        return 0;
    var pattern = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
    if (!pattern.test(text))
        return NaN;
    return parseInt(text, radix);
}

function endsInNumber(text) {
    var parts = text.split('.');
    if (parts[parts.length - 1] === '') {
        if (parts.length === 1)
            return false;
        parts.pop();
    }
    var last = parts[parts.length - 1];
    if (last !== '' && /^[0-9]+$/.test(last))
        return true;
    return parseIPv4Number(last) === parseIPv4Number(last);  // not NaN
}

function parseIPv4(text) {
    var parts = text.split('.');
    if (parts[parts.length - 1] === '' && parts.length > 1)
        parts.pop();
    if (parts.length > 4)
        return FAILURE;
    var numbers = [];
    for (var i = 0; i < parts.length; i++) {
        var n = parseIPv4Number(parts[i]);
        if (n !== n)
            return FAILURE;
        numbers.push(n);
    }
    for (var j = 0; j < numbers.length - 1; j++) {
        if (numbers[j] > 255)
            return FAILURE;
    }
    var last = numbers[numbers.length - 1];
    if (last >= Math.pow(256, 5 - numbers.length))
        return FAILURE;
    var address = last;
    for (var k = 0; k < numbers.length - 1; k++)
        address += numbers[k] * Math.pow(256, 3 - k);
    return address;
}

function serializeIPv4(address) {
    var parts = [];
    for (var i = 0; i < 4; i++) {
        parts.unshift(String(address % 256));
        address = Math.floor(address / 256);
    }
    return parts.join('.');
}

// ---- IPv6 ----------------------------------------------------------------

function hexValue(c) {
    if (c >= 48 && c <= 57)
        return c - 48;
    if (c >= 65 && c <= 70)
        return c - 55;
    if (c >= 97 && c <= 102)
        return c - 87;
    return -1;
}

// Eight 16-bit pieces, or FAILURE.
function parseIPv6(input) {
    var address = [0, 0, 0, 0, 0, 0, 0, 0];
    var pieceIndex = 0;
    var compress = null;
    var p = 0;
    var n = input.length;
    function at(i) { return i < n ? input.charCodeAt(i) : -1; }
    if (at(p) === 58) {
        if (at(p + 1) !== 58)
            return FAILURE;
        p += 2;
        pieceIndex++;
        compress = pieceIndex;
    }
    while (at(p) !== -1) {
        if (pieceIndex === 8)
            return FAILURE;
        if (at(p) === 58) {
            if (compress !== null)
                return FAILURE;
            p++;
            pieceIndex++;
            compress = pieceIndex;
            continue;
        }
        var value = 0;
        var length = 0;
        while (length < 4 && hexValue(at(p)) !== -1) {
            value = value * 16 + hexValue(at(p));
            p++;
            length++;
        }
        if (at(p) === 46) {
            // An IPv4 address in the last 32 bits.
            if (length === 0)
                return FAILURE;
            p -= length;
            if (pieceIndex > 6)
                return FAILURE;
            var numbersSeen = 0;
            while (at(p) !== -1) {
                var ipv4Piece = null;
                if (numbersSeen > 0) {
                    if (at(p) === 46 && numbersSeen < 4)
                        p++;
                    else
                        return FAILURE;
                }
                if (!(at(p) >= 48 && at(p) <= 57))
                    return FAILURE;
                while (at(p) >= 48 && at(p) <= 57) {
                    var number = at(p) - 48;
                    if (ipv4Piece === null)
                        ipv4Piece = number;
                    else if (ipv4Piece === 0)
                        return FAILURE;
                    else
                        ipv4Piece = ipv4Piece * 10 + number;
                    if (ipv4Piece > 255)
                        return FAILURE;
                    p++;
                }
                address[pieceIndex] = address[pieceIndex] * 256 + ipv4Piece;
                numbersSeen++;
                if (numbersSeen === 2 || numbersSeen === 4)
                    pieceIndex++;
            }
            if (numbersSeen !== 4)
                return FAILURE;
            break;
        } else if (at(p) === 58) {
            p++;
            if (at(p) === -1)
                return FAILURE;
        } else if (at(p) !== -1) {
            return FAILURE;
        }
        address[pieceIndex] = value;
        pieceIndex++;
    }
    if (compress !== null) {
        var swaps = pieceIndex - compress;
        pieceIndex = 7;
        while (pieceIndex !== 0 && swaps > 0) {
            var t = address[pieceIndex];
            address[pieceIndex] = address[compress + swaps - 1];
            address[compress + swaps - 1] = t;
            pieceIndex--;
            swaps--;
        }
    } else if (pieceIndex !== 8) {
        return FAILURE;
    }
    return address;
}

// Lowercase hex pieces, the first longest run of two or more zero pieces
// written as '::'.
function serializeIPv6(address) {
    var bestStart = -1;
    var bestLength = 1;
    for (var i = 0; i < 8; i++) {
        if (address[i] !== 0)
            continue;
        var j = i;
        while (j < 8 && address[j] === 0)
            j++;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }
    var out = '';
    var ignore0 = false;
    for (var k = 0; k < 8; k++) {
        if (ignore0 && address[k] === 0)
            continue;
        ignore0 = false;
        if (k === bestStart) {
            out += k === 0 ? '::' : ':';
            ignore0 = true;
            continue;
        }
        out += address[k].toString(16);
        if (k !== 7)
            out += ':';
    }
    return '[' + out + ']';
}

// ---- domains -------------------------------------------------------------

// Code points UTS #46 maps to nothing.
var IGNORED = /[\u00ad\u034f\u180b-\u180d\u200b\u2060\ufe00-\ufe0f\ufeff]/g;

function domainToASCII(domain) {
    domain = domain.replace(IGNORED, '');
    // Full-width ASCII and the ideographic dots.
    domain = domain.replace(/[\uff01-\uff5e]/g, function (c) {
        return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    }).replace(/[\u3002\uff0e\uff61]/g, '.');
    domain = domain.toLowerCase();
    var labels = domain.split('.');
    for (var i = 0; i < labels.length; i++) {
        var label = labels[i];
        if (/^xn--/.test(label)) {
            // An A-label must decode, to something that is not ASCII only.
            var decoded;
            try {
                decoded = punycode.decode(label.slice(4));
            } catch (error) {
                return FAILURE;
            }
            if (decoded === '' || !/[^\x00-\x7f]/.test(decoded) ||
                /[\u0000-\u001f\u007f-\u009f]/.test(decoded) ||
                decoded.toLowerCase() !== decoded)
                return FAILURE;
        } else if (/[^\x00-\x7f]/.test(label)) {
            labels[i] = 'xn--' + punycode.encode(label);
        }
    }
    return labels.join('.');
}

function domainToUnicode(domain) {
    var labels = domain.toLowerCase().split('.');
    for (var i = 0; i < labels.length; i++) {
        if (/^xn--/.test(labels[i])) {
            try {
                labels[i] = punycode.decode(labels[i].slice(4));
            } catch (error) {
                // invalid labels stay as they are
            }
        }
    }
    return labels.join('.');
}

// ---- the host parser -----------------------------------------------------

// percentDecode(string) -> Uint8Array, utf8Decode(bytes) -> string and
// percentEncode(string, set) come from the URL parser.
function parseHost(input, isOpaque, helpers) {
    if (input.charAt(0) === '[') {
        if (input.charAt(input.length - 1) !== ']')
            return FAILURE;
        var address = parseIPv6(input.slice(1, -1));
        return address === FAILURE ? FAILURE : serializeIPv6(address);
    }
    var i;
    // The common case, a plain ASCII domain: nothing to decode or map.
    var lower = input.toLowerCase();
    if (!isOpaque && /^[a-z0-9.-]+$/.test(lower) && lower.indexOf('xn--') === -1) {
        if (endsInNumber(lower)) {
            var address4 = parseIPv4(lower);
            return address4 === FAILURE ? FAILURE : serializeIPv4(address4);
        }
        return lower;
    }
    if (isOpaque) {
        for (i = 0; i < input.length; i++) {
            if (isForbiddenHost(input.charCodeAt(i)))
                return FAILURE;
        }
        return helpers.percentEncode(input, helpers.inC0ControlSet);
    }
    var domain = helpers.utf8Decode(helpers.percentDecode(input));
    var ascii = domainToASCII(domain);
    if (ascii === FAILURE || ascii === '')
        return FAILURE;
    for (i = 0; i < ascii.length; i++) {
        if (isForbiddenDomain(ascii.charCodeAt(i)))
            return FAILURE;
    }
    if (endsInNumber(ascii)) {
        var ipv4 = parseIPv4(ascii);
        return ipv4 === FAILURE ? FAILURE : serializeIPv4(ipv4);
    }
    return ascii;
}

exports.parseHost = parseHost;
exports.domainToASCII = domainToASCII;
exports.domainToUnicode = domainToUnicode;
exports.FAILURE = FAILURE;
