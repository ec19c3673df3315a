// The ES2015+ typed-array methods that Duktape 2.7's Uint8Array.prototype
// lacks (it has only set and subarray), defined on Buffer.prototype so
// that buffers behave as in Node: forEach, map, filter, reduce,
// reduceRight, every, some, find, findIndex, findLast, findLastIndex,
// join, reverse, sort, at, copyWithin. map and filter return Buffers, as
// Node's do (the species of a Buffer is Buffer).
'use strict';

function callable(fn) {
    if (typeof fn !== 'function')
        throw new TypeError(String(fn) + ' is not a function');
    return fn;
}

function relativeIndex(value, length, fallback) {
    if (value === undefined)
        return fallback;
    value = +value || 0;
    value = value < 0 ? Math.ceil(value) : Math.floor(value);
    if (value < 0)
        return Math.max(length + value, 0);
    return Math.min(value, length);
}

function install(proto, allocate) {
    proto.forEach = function (fn, thisArg) {
        callable(fn);
        for (var i = 0; i < this.length; i++)
            fn.call(thisArg, this[i], i, this);
    };

    proto.map = function (fn, thisArg) {
        callable(fn);
        var out = allocate(this.length);
        for (var i = 0; i < this.length; i++)
            out[i] = fn.call(thisArg, this[i], i, this);
        return out;
    };

    proto.filter = function (fn, thisArg) {
        callable(fn);
        var kept = [];
        for (var i = 0; i < this.length; i++) {
            if (fn.call(thisArg, this[i], i, this))
                kept.push(this[i]);
        }
        var out = allocate(kept.length);
        for (var k = 0; k < kept.length; k++)
            out[k] = kept[k];
        return out;
    };

    function reducer(forward) {
        return function (fn, initial) {
            callable(fn);
            var length = this.length;
            var i = forward ? 0 : length - 1;
            var step = forward ? 1 : -1;
            var accumulator;
            if (arguments.length >= 2) {
                accumulator = initial;
            } else {
                if (length === 0)
                    throw new TypeError('Reduce of empty array with no initial value');
                accumulator = this[i];
                i += step;
            }
            for (; i >= 0 && i < length; i += step)
                accumulator = fn(accumulator, this[i], i, this);
            return accumulator;
        };
    }
    proto.reduce = reducer(true);
    proto.reduceRight = reducer(false);

    proto.every = function (fn, thisArg) {
        callable(fn);
        for (var i = 0; i < this.length; i++) {
            if (!fn.call(thisArg, this[i], i, this))
                return false;
        }
        return true;
    };

    proto.some = function (fn, thisArg) {
        callable(fn);
        for (var i = 0; i < this.length; i++) {
            if (fn.call(thisArg, this[i], i, this))
                return true;
        }
        return false;
    };

    // find/findIndex and their Last forms: the index of the first match.
    function finder(forward, wantIndex) {
        return function (fn, thisArg) {
            callable(fn);
            var length = this.length;
            for (var n = 0; n < length; n++) {
                var i = forward ? n : length - 1 - n;
                if (fn.call(thisArg, this[i], i, this))
                    return wantIndex ? i : this[i];
            }
            return wantIndex ? -1 : undefined;
        };
    }
    proto.find = finder(true, false);
    proto.findIndex = finder(true, true);
    proto.findLast = finder(false, false);
    proto.findLastIndex = finder(false, true);

    proto.join = function (separator) {
        return Array.prototype.join.call(this, separator === undefined ? ',' : separator);
    };

    proto.reverse = function () {
        for (var a = 0, b = this.length - 1; a < b; a++, b--) {
            var t = this[a];
            this[a] = this[b];
            this[b] = t;
        }
        return this;
    };

    // Numeric order by default (not the string order of Array.sort).
    proto.sort = function (compare) {
        if (compare !== undefined)
            callable(compare);
        var values = Array.prototype.slice.call(this);
        values.sort(compare || function (x, y) { return x - y; });
        for (var i = 0; i < values.length; i++)
            this[i] = values[i];
        return this;
    };

    proto.at = function (index) {
        index = +index || 0;
        index = index < 0 ? Math.ceil(index) : Math.floor(index);
        if (index < 0)
            index += this.length;
        return index >= 0 && index < this.length ? this[index] : undefined;
    };

    proto.copyWithin = function (target, start, end) {
        var length = this.length;
        var to = relativeIndex(target, length, 0);
        var from = relativeIndex(start, length, 0);
        var last = relativeIndex(end, length, length);
        var count = Math.min(last - from, length - to);
        if (count > 0)
            this.set(Uint8Array.prototype.subarray.call(this, from, from + count), to);
        return this;
    };
}

exports.install = install;
