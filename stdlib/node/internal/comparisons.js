// Deep equality with Node 20's rules, shared by util.isDeepStrictEqual and
// assert.deepEqual / deepStrictEqual (Node: lib/internal/util/comparisons.js).
//
// strict: primitives by Object.is, same prototype, same [[Class]] tag,
//         own enumerable string and symbol keys.
// loose:  primitives by == (NaN equals NaN), prototypes ignored.
// Both:   Dates by time, RegExps by source/flags/lastIndex, boxed primitives
//         by value, errors also by name and message, typed arrays by
//         content, cycles compared by the pair of objects already entered.
'use strict';

var toString = Object.prototype.toString;
var hasOwn = Object.prototype.hasOwnProperty;

function isObjectLike(value) {
    return value !== null && (typeof value === 'object' || typeof value === 'function');
}

function objectIs(a, b) {
    if (a === b)
        return a !== 0 || 1 / a === 1 / b;
    return a !== a && b !== b;
}

function enumerableKeys(object, strict) {
    var keys = Object.keys(object);
    if (strict && typeof Object.getOwnPropertySymbols === 'function') {
        var symbols = Object.getOwnPropertySymbols(object);
        for (var i = 0; i < symbols.length; i++) {
            if (Object.prototype.propertyIsEnumerable.call(object, symbols[i]))
                keys.push(symbols[i]);
        }
    }
    return keys;
}

function isTypedArray(value) {
    return typeof ArrayBuffer === 'function' && ArrayBuffer.isView(value) &&
        !(value instanceof DataView);
}

function innerDeepEqual(a, b, strict, memos) {
    if (a === b)
        return a !== 0 || !strict || 1 / a === 1 / b;
    if (strict) {
        if (!isObjectLike(a) || !isObjectLike(b))
            return typeof a === 'number' && a !== a && b !== b;
        if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b))
            return false;
    } else {
        if (!isObjectLike(a)) {
            if (isObjectLike(b))
                return false;
            // eslint-disable-next-line eqeqeq
            return a == b || (a !== a && b !== b);
        }
        if (!isObjectLike(b))
            return false;
    }
    var tag = toString.call(a);
    if (tag !== toString.call(b))
        return false;
    if (Array.isArray(a)) {
        if (a.length !== b.length)
            return false;
    } else if (tag === '[object Date]') {
        if (!objectIs(a.getTime(), b.getTime()))
            return false;
    } else if (tag === '[object RegExp]') {
        if (String(a) !== String(b) || a.lastIndex !== b.lastIndex)
            return false;
    } else if (a instanceof Error || b instanceof Error) {
        if (a.message !== b.message || a.name !== b.name)
            return false;
    } else if (isTypedArray(a)) {
        if (a.length !== b.length)
            return false;
        for (var i = 0; i < a.length; i++) {
            if (strict ? !objectIs(a[i], b[i]) : a[i] != b[i])  // eslint-disable-line eqeqeq
                return false;
        }
    } else if (tag === '[object Number]' || tag === '[object String]' ||
               tag === '[object Boolean]') {
        if (!objectIs(a.valueOf(), b.valueOf()))
            return false;
    } else if (tag === '[object ArrayBuffer]') {
        if (a.byteLength !== b.byteLength ||
            !innerDeepEqual(new Uint8Array(a), new Uint8Array(b), strict, memos))
            return false;
    }
    return keysEqual(a, b, strict, memos);
}

function keysEqual(a, b, strict, memos) {
    var aKeys = enumerableKeys(a, strict);
    var bKeys = enumerableKeys(b, strict);
    if (aKeys.length !== bKeys.length)
        return false;
    for (var i = 0; i < aKeys.length; i++) {
        if (!Object.prototype.propertyIsEnumerable.call(b, aKeys[i]))
            return false;
    }
    // A pair already being compared further up is assumed equal (cycles).
    for (var m = 0; m < memos.length; m += 2) {
        if (memos[m] === a && memos[m + 1] === b)
            return true;
    }
    memos.push(a, b);
    var equal = true;
    for (var k = 0; k < aKeys.length && equal; k++) {
        var key = aKeys[k];
        if (!hasOwn.call(b, key) || !innerDeepEqual(a[key], b[key], strict, memos))
            equal = false;
    }
    memos.length -= 2;
    return equal;
}

exports.isDeepStrictEqual = function (a, b) { return innerDeepEqual(a, b, true, []); };
exports.isDeepEqual = function (a, b) { return innerDeepEqual(a, b, false, []); };
