// Errors with Node's `code` property and message shape, for the modules
// that validate their arguments (buffer, path, url, stream...). A program
// that checks `err.code === 'ERR_OUT_OF_RANGE'` works the same on unode.
'use strict';

// String(error) and the first line of error.stack read
// "RangeError [ERR_OUT_OF_RANGE]: message", as Node's do (Duktape builds
// the stack's first line from the error's toString).
function codedToString() { return this.name + ' [' + this.code + ']: ' + this.message; }

function make(Type, code, message) {
    var error = new Type(message);
    error.code = code;
    Object.defineProperty(error, 'toString', { value: codedToString, writable: true,
        configurable: true });
    return error;
}

// How Node describes the value it received: "Received type number (42)",
// "Received an instance of Array", "Received null"...
function describeReceived(value) {
    if (value === null || value === undefined)
        return ' Received ' + value;
    if (typeof value === 'function')
        return ' Received function ' + (value.name || '<anonymous>');
    if (typeof value === 'object') {
        if (value.constructor && value.constructor.name)
            return ' Received an instance of ' + value.constructor.name;
        return ' Received ' + require('../util.js').inspect(value, { depth: -1 });
    }
    var shown = require('../util.js').inspect(value, { colors: false });
    if (shown.length > 28)
        shown = shown.slice(0, 25) + '...';
    return ' Received type ' + typeof value + ' (' + shown + ')';
}

var PRIMITIVE_TYPES = ['string', 'function', 'number', 'object', 'Function', 'Object',
    'boolean', 'bigint', 'symbol'];

// "The "name" argument must be of type string or an instance of Buffer.
// Received ...": expected names are primitive types (lowercase), classes
// (capitalized) or other descriptions ('Array-like Object'), as in Node.
function invalidArgType(name, expected, value) {
    var message = / argument$/.test(name) ? 'The ' + name + ' ' :
        'The "' + name + '" ' + (name.indexOf('.') !== -1 ? 'property' : 'argument') + ' ';
    message += 'must be ';
    var list = [].concat(expected);
    var types = [];
    var instances = [];
    var other = [];
    for (var i = 0; i < list.length; i++) {
        if (PRIMITIVE_TYPES.indexOf(list[i]) !== -1)
            types.push(list[i].toLowerCase());
        else if (/^([A-Z][a-z0-9]*)+$/.test(list[i]))
            instances.push(list[i]);
        else
            other.push(list[i]);
    }
    // 'object' next to classes reads better as one more class.
    if (instances.length > 0 && types.indexOf('object') !== -1) {
        types.splice(types.indexOf('object'), 1);
        instances.push('Object');
    }
    if (types.length > 0) {
        message += (types.length > 1 ? 'one of type ' : 'of type ') + listOf(types);
        if (instances.length > 0 || other.length > 0)
            message += ' or ';
    }
    if (instances.length > 0) {
        message += 'an instance of ' + listOf(instances);
        if (other.length > 0)
            message += ' or ';
    }
    if (other.length > 0) {
        if (other.length === 1 && other[0].toLowerCase() !== other[0])
            message += 'an ';
        message += listOf(other);
    }
    return make(TypeError, 'ERR_INVALID_ARG_TYPE', message + '.' + describeReceived(value));
}

function listOf(items) {
    if (items.length === 1)
        return items[0];
    if (items.length === 2)
        return items[0] + ' or ' + items[1];
    return items.slice(0, -1).join(', ') + ', or ' + items[items.length - 1];
}

// 1234567890123 -> "1_234_567_890_123", as Node shows big integers.
function withSeparators(text) {
    var sign = text.charAt(0) === '-' ? '-' : '';
    var digits = sign ? text.slice(1) : text;
    var out = '';
    while (digits.length > 3) {
        out = '_' + digits.slice(-3) + out;
        digits = digits.slice(0, -3);
    }
    return sign + digits + out;
}

function outOfRange(name, range, value) {
    var received;
    if (typeof value === 'number' && isFinite(value) && Math.floor(value) === value &&
        Math.abs(value) > 4294967296)
        received = withSeparators(String(value));
    else
        received = require('../util.js').inspect(value);
    return make(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "' + name +
        '" is out of range. It must be ' + range + '. Received ' + received);
}

function invalidArgValue(name, value, reason) {
    var shown = require('../util.js').inspect(value);
    if (shown.length > 128)
        shown = shown.slice(0, 128) + '...';
    var what = name.indexOf('.') !== -1 ? 'property' : 'argument';
    return make(TypeError, 'ERR_INVALID_ARG_VALUE', 'The ' + what + " '" + name + "' " +
        (reason || 'is invalid') + '. Received ' + shown);
}

function notSupported(what) {
    return make(Error, 'ERR_NOT_SUPPORTED_IN_UNODE', what + ' is not supported in unode');
}

exports.make = make;
exports.invalidArgType = invalidArgType;
exports.outOfRange = outOfRange;
exports.invalidArgValue = invalidArgValue;
exports.notSupported = notSupported;
