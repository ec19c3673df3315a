// The basic URL parser of the WHATWG URL standard, as a state machine over
// the input's code points, with the "state override" entry points that
// the URL setters use, and the URL serializer. A URL record is
//   { scheme, username, password, host (null or serialized string),
//     port (null or number), path (array of segments, or a string when
//     opaque), opaque, query (null or string), fragment (null or string) }
// The states and their names follow the standard's text, so each branch
// can be checked against it.
'use strict';

var hostParser = require('./url_host.js');
var punycode = require('../punycode.js');

var FAILURE = null;

var SPECIAL = { 'ftp': 21, 'file': null, 'http': 80, 'https': 443, 'ws': 80, 'wss': 443 };

function isSpecialScheme(scheme) {
    return Object.prototype.hasOwnProperty.call(SPECIAL, scheme);
}

function defaultPort(scheme) { return isSpecialScheme(scheme) ? SPECIAL[scheme] : null; }

// ---- percent-encoding ----------------------------------------------------

// Each set is every code point above U+007E, the C0 controls, and the
// ASCII characters listed; membership of ASCII is a table lookup (the
// parser asks for every character it copies).
function encodeSet(base, extra) {
    var table = new Uint8Array(128);
    for (var c = 0; c < 0x20; c++)
        table[c] = 1;
    table[0x7f] = 1;
    if (base)
        table.set(base.table);
    for (var i = 0; i < extra.length; i++)
        table[extra.charCodeAt(i)] = 1;
    var set = function (code) { return code > 0x7e || table[code] === 1; };
    set.table = table;
    return set;
}

var inC0ControlSet = encodeSet(null, '');
var inFragmentSet = encodeSet(inC0ControlSet, ' "<>`');
var inQuerySet = encodeSet(inC0ControlSet, ' "#<>');
var inSpecialQuerySet = encodeSet(inQuerySet, "'");
// Node 20 (ada) leaves '^' in paths, from the standard before 2024.
var inPathSet = encodeSet(inQuerySet, '?`{}');
var inUserinfoSet = encodeSet(inPathSet, '/:;=@[\\]^|');
var inComponentSet = encodeSet(inUserinfoSet, '$%&+,');
var inFormSet = encodeSet(inComponentSet, "!'()~");

var HEX = '0123456789ABCDEF';
var utf8Encoder = new TextEncoder();
// ignoreBOM: a leading U+FEFF is data (the WHATWG default would drop it).
var utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function percentByte(b) { return '%' + HEX.charAt(b >> 4) + HEX.charAt(b & 15); }

// Lone surrogates become U+FFFD (URLs are made of scalar values).
function toUSVString(text) {
    text = String(text);
    if (!/[\ud800-\udfff]/.test(text))
        return text;
    var out = [];
    for (var i = 0; i < text.length; i++) {
        var c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length &&
            (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            out.push(text.slice(i, i + 2));
            i++;
        } else if (c >= 0xd800 && c <= 0xdfff) {
            out.push('\ufffd');
        } else {
            out.push(text.charAt(i));
        }
    }
    return out.join('');
}

// Percent-encodes the code points of `text` that are in `set`.
function percentEncode(text, set) {
    var out = '';
    var start = 0;
    for (var i = 0; i < text.length; i++) {
        var c = text.charCodeAt(i);
        if (!set(c))
            continue;
        var end = i + 1;
        if (c >= 0xd800 && c <= 0xdbff && end < text.length)
            end++;
        var bytes = utf8Encoder.encode(text.slice(i, end));
        out += text.slice(start, i);
        for (var k = 0; k < bytes.length; k++)
            out += percentByte(bytes[k]);
        start = end;
        i = end - 1;
    }
    return start === 0 ? text : out + text.slice(start);
}

function isHexDigit(c) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

// The bytes of `text` (UTF-8), with %XX sequences decoded.
function percentDecode(text) {
    var bytes = utf8Encoder.encode(text);
    var out = new Uint8Array(bytes.length);
    var n = 0;
    for (var i = 0; i < bytes.length; i++) {
        var b = bytes[i];
        if (b === 37 && i + 2 < bytes.length && isHexDigit(bytes[i + 1]) &&
            isHexDigit(bytes[i + 2])) {
            out[n++] = parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16);
            i += 2;
        } else {
            out[n++] = b;
        }
    }
    return out.subarray(0, n);
}

function utf8Decode(bytes) { return utf8Decoder.decode(bytes); }

var hostHelpers = {
    percentEncode: percentEncode,
    percentDecode: percentDecode,
    utf8Decode: utf8Decode,
    inC0ControlSet: inC0ControlSet
};

// ---- helpers of the states -----------------------------------------------

function isAlpha(c) { return (c >= 65 && c <= 90) || (c >= 97 && c <= 122); }
function isDigit(c) { return c >= 48 && c <= 57; }

function isWindowsDriveLetter(text, normalizedOnly) {
    return text.length === 2 && isAlpha(text.charCodeAt(0)) &&
        (text.charAt(1) === ':' || (!normalizedOnly && text.charAt(1) === '|'));
}

// The code points from `p` on start with a Windows drive letter.
function startsWithDriveLetter(cps, p) {
    if (cps.length - p < 2)
        return false;
    if (!isAlpha(cps[p]) || (cps[p + 1] !== 58 && cps[p + 1] !== 124))
        return false;
    if (cps.length - p === 2)
        return true;
    var c = cps[p + 2];
    return c === 47 || c === 92 || c === 63 || c === 35;
}

function isSingleDot(text) { return text === '.' || text.toLowerCase() === '%2e'; }
function isDoubleDot(text) {
    switch (text.toLowerCase()) {
    case '..': case '.%2e': case '%2e.': case '%2e%2e': return true;
    default: return false;
    }
}

function shortenPath(url) {
    var path = url.path;
    if (url.scheme === 'file' && path.length === 1 && isWindowsDriveLetter(path[0], true))
        return;
    path.pop();
}

function copyAuthority(url, base) {
    url.username = base.username;
    url.password = base.password;
    url.host = base.host;
    url.port = base.port;
}

function hasCredentials(url) { return url.username !== '' || url.password !== ''; }

// The code points of `text`: its code units when it has no surrogates.
function codePoints(text) {
    if (/[\ud800-\udfff]/.test(text))
        return punycode.ucs2.decode(text);
    var n = text.length;
    var out = new Array(n);
    for (var i = 0; i < n; i++)
        out[i] = text.charCodeAt(i);
    return out;
}

function fromCodePoint(c) {
    return c < 0x10000 ? String.fromCharCode(c) : punycode.ucs2.encode([c]);
}

function newRecord() {
    return { scheme: '', username: '', password: '', host: null, port: null, path: [],
        opaque: false, query: null, fragment: null };
}

// ---- the parser ----------------------------------------------------------

var S = {
    SCHEME_START: 1, SCHEME: 2, NO_SCHEME: 3, SPECIAL_RELATIVE_OR_AUTHORITY: 4,
    PATH_OR_AUTHORITY: 5, RELATIVE: 6, RELATIVE_SLASH: 7, SPECIAL_AUTHORITY_SLASHES: 8,
    SPECIAL_AUTHORITY_IGNORE_SLASHES: 9, AUTHORITY: 10, HOST: 11, HOSTNAME: 12, PORT: 13,
    FILE: 14, FILE_SLASH: 15, FILE_HOST: 16, PATH_START: 17, PATH: 18, OPAQUE_PATH: 19,
    QUERY: 20, FRAGMENT: 21
};

// parse(input, base) -> record or FAILURE; with url and stateOverride it
// modifies url (a setter) and returns url, FAILURE or undefined
// ("return" in the standard: nothing changed further).
function basicParse(input, base, url, stateOverride) {
    if (!url) {
        url = newRecord();
        input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
    }
    input = input.replace(/[\t\n\r]/g, '');
    var cps = codePoints(input);
    var state = stateOverride || S.SCHEME_START;
    var buffer = '';
    var atSignSeen = false;
    var insideBrackets = false;
    var passwordTokenSeen = false;
    var special = isSpecialScheme(url.scheme);
    var host;

    for (var p = 0; p <= cps.length; p++) {
        var c = p < cps.length ? cps[p] : -1;  // -1: EOF
        switch (state) {
        case S.SCHEME_START:
            if (isAlpha(c)) {
                buffer += String.fromCharCode(c | 0x20);  // lowercase
                state = S.SCHEME;
            } else if (!stateOverride) {
                state = S.NO_SCHEME;
                p--;
            } else {
                return FAILURE;
            }
            break;

        case S.SCHEME:
            if (isAlpha(c) || isDigit(c) || c === 43 || c === 45 || c === 46) {
                buffer += String.fromCharCode(isAlpha(c) ? c | 0x20 : c);
            } else if (c === 58) {
                if (stateOverride) {
                    if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer))
                        return undefined;
                    if ((hasCredentials(url) || url.port !== null) && buffer === 'file')
                        return undefined;
                    if (url.scheme === 'file' && url.host === '')
                        return undefined;
                }
                url.scheme = buffer;
                special = isSpecialScheme(buffer);
                if (stateOverride) {
                    if (url.port === defaultPort(url.scheme))
                        url.port = null;
                    return undefined;
                }
                buffer = '';
                if (url.scheme === 'file') {
                    state = S.FILE;
                } else if (special && base && base.scheme === url.scheme) {
                    state = S.SPECIAL_RELATIVE_OR_AUTHORITY;
                } else if (special) {
                    state = S.SPECIAL_AUTHORITY_SLASHES;
                } else if (cps[p + 1] === 47) {
                    state = S.PATH_OR_AUTHORITY;
                    p++;
                } else {
                    url.path = '';
                    url.opaque = true;
                    state = S.OPAQUE_PATH;
                }
            } else if (!stateOverride) {
                buffer = '';
                state = S.NO_SCHEME;
                p = -1;
            } else {
                return FAILURE;
            }
            break;

        case S.NO_SCHEME:
            if (!base || (base.opaque && c !== 35))
                return FAILURE;
            if (base.opaque && c === 35) {
                url.scheme = base.scheme;
                special = isSpecialScheme(url.scheme);
                url.path = base.path;
                url.opaque = true;
                url.query = base.query;
                url.fragment = '';
                state = S.FRAGMENT;
            } else if (base.scheme !== 'file') {
                state = S.RELATIVE;
                p--;
            } else {
                state = S.FILE;
                p--;
            }
            break;

        case S.SPECIAL_RELATIVE_OR_AUTHORITY:
            if (c === 47 && cps[p + 1] === 47) {
                state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
                p++;
            } else {
                state = S.RELATIVE;
                p--;
            }
            break;

        case S.PATH_OR_AUTHORITY:
            if (c === 47) {
                state = S.AUTHORITY;
            } else {
                state = S.PATH;
                p--;
            }
            break;

        case S.RELATIVE:
            url.scheme = base.scheme;
            special = isSpecialScheme(url.scheme);
            if (c === 47 || (special && c === 92)) {
                state = S.RELATIVE_SLASH;
            } else {
                copyAuthority(url, base);
                url.path = base.path.slice();
                url.query = base.query;
                if (c === 63) {
                    url.query = '';
                    state = S.QUERY;
                } else if (c === 35) {
                    url.fragment = '';
                    state = S.FRAGMENT;
                } else if (c !== -1) {
                    url.query = null;
                    shortenPath(url);
                    state = S.PATH;
                    p--;
                }
            }
            break;

        case S.RELATIVE_SLASH:
            if (special && (c === 47 || c === 92)) {
                state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
            } else if (c === 47) {
                state = S.AUTHORITY;
            } else {
                copyAuthority(url, base);
                state = S.PATH;
                p--;
            }
            break;

        case S.SPECIAL_AUTHORITY_SLASHES:
            if (c === 47 && cps[p + 1] === 47) {
                state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
                p++;
            } else {
                state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
                p--;
            }
            break;

        case S.SPECIAL_AUTHORITY_IGNORE_SLASHES:
            if (c !== 47 && c !== 92) {
                state = S.AUTHORITY;
                p--;
            }
            break;

        case S.AUTHORITY:
            if (c === 64) {
                if (atSignSeen)
                    buffer = '%40' + buffer;
                atSignSeen = true;
                var bufferCps = codePoints(buffer);
                for (var i = 0; i < bufferCps.length; i++) {
                    if (bufferCps[i] === 58 && !passwordTokenSeen) {
                        passwordTokenSeen = true;
                        continue;
                    }
                    var encoded = percentEncode(fromCodePoint(bufferCps[i]), inUserinfoSet);
                    if (passwordTokenSeen)
                        url.password += encoded;
                    else
                        url.username += encoded;
                }
                buffer = '';
            } else if (c === -1 || c === 47 || c === 63 || c === 35 || (special && c === 92)) {
                if (atSignSeen && buffer === '')
                    return FAILURE;
                p -= codePoints(buffer).length + 1;
                buffer = '';
                state = S.HOST;
            } else {
                buffer += fromCodePoint(c);
            }
            break;

        case S.HOST:
        case S.HOSTNAME:
            if (stateOverride && url.scheme === 'file') {
                p--;
                state = S.FILE_HOST;
            } else if (c === 58 && !insideBrackets) {
                if (buffer === '')
                    return FAILURE;
                if (stateOverride === S.HOSTNAME)
                    return undefined;
                host = hostParser.parseHost(buffer, !special, hostHelpers);
                if (host === FAILURE)
                    return FAILURE;
                url.host = host;
                buffer = '';
                state = S.PORT;
            } else if (c === -1 || c === 47 || c === 63 || c === 35 || (special && c === 92)) {
                p--;
                if (special && buffer === '')
                    return FAILURE;
                if (stateOverride && buffer === '' && (hasCredentials(url) || url.port !== null))
                    return undefined;
                host = hostParser.parseHost(buffer, !special, hostHelpers);
                if (host === FAILURE)
                    return FAILURE;
                url.host = host;
                buffer = '';
                state = S.PATH_START;
                if (stateOverride)
                    return undefined;
            } else {
                if (c === 91)
                    insideBrackets = true;
                if (c === 93)
                    insideBrackets = false;
                buffer += fromCodePoint(c);
            }
            break;

        case S.PORT:
            if (isDigit(c)) {
                buffer += String.fromCharCode(c);
            } else if (c === -1 || c === 47 || c === 63 || c === 35 || (special && c === 92) ||
                stateOverride) {
                if (buffer !== '') {
                    var port = parseInt(buffer, 10);
                    if (port > 65535)
                        return FAILURE;
                    url.port = port === defaultPort(url.scheme) ? null : port;
                    buffer = '';
                }
                if (stateOverride)
                    return undefined;
                state = S.PATH_START;
                p--;
            } else {
                return FAILURE;
            }
            break;

        case S.FILE:
            url.scheme = 'file';
            special = true;
            url.host = '';
            if (c === 47 || c === 92) {
                state = S.FILE_SLASH;
            } else if (base && base.scheme === 'file') {
                url.host = base.host;
                url.path = base.path.slice();
                url.query = base.query;
                if (c === 63) {
                    url.query = '';
                    state = S.QUERY;
                } else if (c === 35) {
                    url.fragment = '';
                    state = S.FRAGMENT;
                } else if (c !== -1) {
                    url.query = null;
                    if (!startsWithDriveLetter(cps, p))
                        shortenPath(url);
                    else
                        url.path = [];
                    state = S.PATH;
                    p--;
                }
            } else {
                state = S.PATH;
                p--;
            }
            break;

        case S.FILE_SLASH:
            if (c === 47 || c === 92) {
                state = S.FILE_HOST;
            } else {
                if (base && base.scheme === 'file') {
                    url.host = base.host;
                    if (!startsWithDriveLetter(cps, p) && base.path.length > 0 &&
                        isWindowsDriveLetter(base.path[0], true))
                        url.path.push(base.path[0]);
                }
                state = S.PATH;
                p--;
            }
            break;

        case S.FILE_HOST:
            if (c === -1 || c === 47 || c === 92 || c === 63 || c === 35) {
                p--;
                if (!stateOverride && isWindowsDriveLetter(buffer, false)) {
                    state = S.PATH;  // the buffer is the drive letter, kept for the path
                } else if (buffer === '') {
                    url.host = '';
                    if (stateOverride)
                        return undefined;
                    state = S.PATH_START;
                } else {
                    host = hostParser.parseHost(buffer, !special, hostHelpers);
                    if (host === FAILURE)
                        return FAILURE;
                    if (host === 'localhost')
                        host = '';
                    url.host = host;
                    if (stateOverride)
                        return undefined;
                    buffer = '';
                    state = S.PATH_START;
                }
            } else {
                buffer += fromCodePoint(c);
            }
            break;

        case S.PATH_START:
            if (special) {
                state = S.PATH;
                if (c !== 47 && c !== 92)
                    p--;
            } else if (!stateOverride && c === 63) {
                url.query = '';
                state = S.QUERY;
            } else if (!stateOverride && c === 35) {
                url.fragment = '';
                state = S.FRAGMENT;
            } else if (c !== -1) {
                state = S.PATH;
                if (c !== 47)
                    p--;
            } else if (stateOverride && url.host === null) {
                url.path.push('');
            }
            break;

        case S.PATH:
            if (c === -1 || c === 47 || (special && c === 92) ||
                (!stateOverride && (c === 63 || c === 35))) {
                var slash = c === 47 || (special && c === 92);
                if (isDoubleDot(buffer)) {
                    shortenPath(url);
                    if (!slash)
                        url.path.push('');
                } else if (isSingleDot(buffer) && !slash) {
                    url.path.push('');
                } else if (!isSingleDot(buffer)) {
                    if (url.scheme === 'file' && url.path.length === 0 &&
                        isWindowsDriveLetter(buffer, false))
                        buffer = buffer.charAt(0) + ':';
                    url.path.push(buffer);
                }
                buffer = '';
                if (c === 63) {
                    url.query = '';
                    state = S.QUERY;
                }
                if (c === 35) {
                    url.fragment = '';
                    state = S.FRAGMENT;
                }
            } else {
                buffer += inPathSet(c) ? percentEncode(fromCodePoint(c), inPathSet) :
                    String.fromCharCode(c);
            }
            break;

        case S.OPAQUE_PATH:
            if (c === 63) {
                url.query = '';
                state = S.QUERY;
            } else if (c === 35) {
                url.fragment = '';
                state = S.FRAGMENT;
            } else if (c !== -1) {
                url.path += percentEncode(fromCodePoint(c), inC0ControlSet);
            }
            break;

        case S.QUERY:
            if ((!stateOverride && c === 35) || c === -1) {
                url.query += percentEncode(buffer, special ? inSpecialQuerySet : inQuerySet);
                buffer = '';
                if (c === 35) {
                    url.fragment = '';
                    state = S.FRAGMENT;
                }
            } else if (c !== -1) {
                buffer += fromCodePoint(c);
            }
            break;

        case S.FRAGMENT:
            if (c !== -1)
                url.fragment += inFragmentSet(c) ? percentEncode(fromCodePoint(c), inFragmentSet) :
                    String.fromCharCode(c);
            break;
        }
    }
    return url;
}

function parse(input, base) {
    return basicParse(toUSVString(input), base || null, null, 0);
}

// ---- serializing ---------------------------------------------------------

function serializePath(url) {
    if (url.opaque)
        return url.path;
    var out = '';
    for (var i = 0; i < url.path.length; i++)
        out += '/' + url.path[i];
    return out;
}

function serialize(url, excludeFragment) {
    var out = url.scheme + ':';
    if (url.host !== null) {
        out += '//';
        if (hasCredentials(url)) {
            out += url.username;
            if (url.password !== '')
                out += ':' + url.password;
            out += '@';
        }
        out += url.host;
        if (url.port !== null)
            out += ':' + url.port;
    } else if (!url.opaque && url.path.length > 1 && url.path[0] === '') {
        out += '/.';
    }
    out += serializePath(url);
    if (url.query !== null)
        out += '?' + url.query;
    if (!excludeFragment && url.fragment !== null)
        out += '#' + url.fragment;
    return out;
}

function origin(url) {
    switch (url.scheme) {
    case 'blob':
        var inner = parse(serializePath(url));
        if (inner && (inner.scheme === 'http' || inner.scheme === 'https'))
            return origin(inner);
        return 'null';
    case 'ftp': case 'http': case 'https': case 'ws': case 'wss':
        return url.scheme + '://' + url.host + (url.port !== null ? ':' + url.port : '');
    default:
        return 'null';
    }
}

exports.FAILURE = FAILURE;
exports.STATES = S;
exports.parse = parse;
exports.basicParse = basicParse;
exports.serialize = serialize;
exports.serializePath = serializePath;
exports.origin = origin;
exports.isSpecialScheme = isSpecialScheme;
exports.defaultPort = defaultPort;
exports.percentEncode = percentEncode;
exports.percentDecode = percentDecode;
exports.utf8Decode = utf8Decode;
exports.toUSVString = toUSVString;
exports.sets = {
    c0Control: inC0ControlSet,
    fragment: inFragmentSet,
    query: inQuerySet,
    specialQuery: inSpecialQuerySet,
    path: inPathSet,
    userinfo: inUserinfoSet,
    component: inComponentSet,
    form: inFormSet
};
