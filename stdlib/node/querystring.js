// require('querystring'): Node's parser and serializer of
// "a=1&b=x%20y" strings (not the WHATWG form encoding: see URLSearchParams).
'use strict';

var Buffer = require('./buffer.js').Buffer;
var errors = require('./internal/coded_errors.js');
var percentDecode = require('./internal/url_parser.js').percentDecode;

// Like encodeURIComponent (the same unreserved set: A-Z a-z 0-9 - _ . ! ~
// * ' ( )), with Node's error for a lone surrogate.
function escape(text) {
    if (typeof text !== 'string')
        text = typeof text === 'object' ? String(text) : text + '';
    try {
        return encodeURIComponent(text);
    } catch (error) {
        throw errors.make(URIError, 'ERR_INVALID_URI', 'URI malformed');
    }
}

// Decodes %XX sequences into bytes, leaving malformed ones as they are;
// with decodeSpaces, '+' is a space.
function unescapeBuffer(text, decodeSpaces) {
    text = String(text);
    if (decodeSpaces)
        text = text.replace(/\+/g, ' ');
    var bytes = percentDecode(text);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

function unescape(text, decodeSpaces) {
    try {
        return decodeURIComponent(text);
    } catch (error) {
        return unescapeBuffer(text, decodeSpaces).toString();
    }
}

// A value as the text stringify writes: strings and finite numbers,
// booleans; anything else is empty.
function stringifyValue(value, encode) {
    if (typeof value === 'string')
        return value.length ? encode(value) : '';
    if (typeof value === 'number' && isFinite(value))
        return Math.abs(value) < 1e21 ? '' + value : encode('' + value);
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    return '';
}

function stringify(object, sep, eq, options) {
    sep = sep || '&';
    eq = eq || '=';
    var encode = exports.escape;
    if (options && typeof options.encodeURIComponent === 'function')
        encode = options.encodeURIComponent;
    if (object === null || typeof object !== 'object')
        return '';
    var keys = Object.keys(object);
    var fields = '';
    for (var i = 0; i < keys.length; i++) {
        var key = keys[i];
        var value = object[key];
        var prefix = stringifyValue(key, encode) + eq;
        if (Array.isArray(value)) {
            if (value.length === 0)
                continue;
            for (var j = 0; j < value.length; j++) {
                if (fields)
                    fields += sep;
                fields += prefix + stringifyValue(value[j], encode);
            }
        } else {
            if (fields)
                fields += sep;
            fields += prefix + stringifyValue(value, encode);
        }
    }
    return fields;
}

function decodeWith(decode, text) {
    if (text.indexOf('+') !== -1)
        text = text.replace(/\+/g, ' ');
    if (decode === exports.unescape && text.indexOf('%') === -1)
        return text;  // nothing to decode
    try {
        return decode(text);
    } catch (error) {
        return exports.unescape(text, true);
    }
}

// 'a=1&a=2&b' -> { a: ['1', '2'], b: '' }, in an object without prototype
// (so that keys like __proto__ are plain data). maxKeys (default 1000, 0
// for no limit) counts the pieces between separators.
function parse(text, sep, eq, options) {
    var result = Object.create(null);
    if (typeof text !== 'string' || text.length === 0)
        return result;
    sep = sep ? String(sep) : '&';
    eq = eq ? String(eq) : '=';
    var maxKeys = 1000;
    if (options && typeof options.maxKeys === 'number')
        maxKeys = options.maxKeys;
    var decode = exports.unescape;
    if (options && typeof options.decodeURIComponent === 'function')
        decode = options.decodeURIComponent;
    var pieces = text.split(sep);
    if (maxKeys > 0 && pieces.length > maxKeys)
        pieces.length = maxKeys;
    for (var i = 0; i < pieces.length; i++) {
        var piece = pieces[i];
        if (piece.length === 0)
            continue;
        var at = piece.indexOf(eq);
        var key = decodeWith(decode, at === -1 ? piece : piece.slice(0, at));
        var value = at === -1 ? '' : decodeWith(decode, piece.slice(at + eq.length));
        if (!(key in result))
            result[key] = value;
        else if (Array.isArray(result[key]))
            result[key].push(value);
        else
            result[key] = [result[key], value];
    }
    return result;
}

exports.unescapeBuffer = unescapeBuffer;
exports.unescape = unescape;
exports.escape = escape;
exports.stringify = stringify;
exports.encode = stringify;
exports.parse = parse;
exports.decode = parse;
