// require('util'): format() and inspect() with Node 20's output, plus the
// small helpers programs still use (inherits, isArray, ...).
//
// inspect() follows the structure of Node's lib/internal/util/inspect.js
// (formatValue -> formatRaw -> reduceToSingleString, groupArrayElements)
// so that line breaking, grouping of array items and circular markers
// come out byte-identical. No colors; no Map/Set (Duktape has none).
'use strict';

var kObjectType = 0;       // a property of an object: "key: value"
var kArrayType = 1;        // an array item: the value alone
var kArrayExtrasType = 2;  // a non-index property of an array: "key: value" 

var keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
var numberRegExp = /^(0|[1-9][0-9]*)$/;

// Escapes for characters below 0xA0, as Node writes them.
var meta = [];
(function () {
    for (var c = 0; c < 0xa0; c++) {
        if (c < 0x20 || c >= 0x7f) {
            var hex = c.toString(16).toUpperCase();
            meta[c] = '\\x' + (hex.length < 2 ? '0' + hex : hex);
        } else {
            meta[c] = '';
        }
    }
    meta[8] = '\\b';
    meta[9] = '\\t';
    meta[10] = '\\n';
    meta[12] = '\\f';
    meta[13] = '\\r';
    meta[39] = "\\'";
    meta[92] = '\\\\';
})();

// Quotes a string the way Node does: single quotes unless the string has
// some and no double quotes (then ""), or both but no backticks (then ``).
function strEscape(str) {
    var quote = "'";
    if (str.indexOf("'") !== -1) {
        if (str.indexOf('"') === -1)
            quote = '"';
        else if (str.indexOf('`') === -1 && str.indexOf('${') === -1)
            quote = '`';
    }
    var result = '';
    var last = 0;
    for (var i = 0; i < str.length; i++) {
        var c = str.charCodeAt(i);
        var escaped = null;
        if (c === 39 && quote !== "'") {
            continue;
        } else if (c < 0xa0) {
            if (meta[c] !== '')
                escaped = meta[c];
        } else if (c >= 0xd800 && c <= 0xdfff) {
            // A lone surrogate is escaped; a valid pair is kept.
            var next = str.charCodeAt(i + 1);
            if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
                i++;
                continue;
            }
            escaped = '\\u' + c.toString(16);
        }
        if (escaped !== null) {
            result += str.slice(last, i) + escaped;
            last = i + 1;
        }
    }
    return quote + result + str.slice(last) + quote;
}

function repeat(s, n) {
    var out = '';
    for (var i = 0; i < n; i++)
        out += s;
    return out;
}

function padStart(s, n) { return s.length >= n ? s : repeat(' ', n - s.length) + s; }
function padEnd(s, n) { return s.length >= n ? s : s + repeat(' ', n - s.length); }

function hasOwn(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

function objectToString(value) { return Object.prototype.toString.call(value); }
function isError(value) {
    return value instanceof Error || objectToString(value) === '[object Error]';
}
function isDate(value) { return objectToString(value) === '[object Date]'; }
function isRegExp(value) { return objectToString(value) === '[object RegExp]'; }

function formatNumber(value) {
    if (value === 0 && 1 / value < 0)
        return '-0';
    return String(value);
}

function formatPrimitive(ctx, value) {
    if (typeof value === 'string') {
        // Long strings inside objects are split after each newline.
        if (value.length > 16 && value.length > ctx.breakLength - ctx.indentationLvl - 4 &&
            value.indexOf('\n') !== -1 && value.indexOf('\n') !== value.length - 1) {
            var lines = value.split(/\n/);
            var parts = [];
            for (var i = 0; i < lines.length; i++) {
                var line = i < lines.length - 1 ? lines[i] + '\n' : lines[i];
                if (line !== '')
                    parts.push(strEscape(line));
            }
            return parts.join(' +\n' + repeat(' ', ctx.indentationLvl + 2));
        }
        return strEscape(value);
    }
    if (typeof value === 'number')
        return formatNumber(value);
    if (typeof value === 'boolean')
        return String(value);
    if (typeof value === 'undefined')
        return 'undefined';
    return String(value);  // symbol
}

// The name of the first constructor on the prototype chain, as Node finds
// it; null for an object without a prototype.
function getConstructorName(obj) {
    var proto = obj;
    while (proto !== null && proto !== undefined) {
        var descriptor = Object.getOwnPropertyDescriptor(proto, 'constructor');
        if (descriptor !== undefined && typeof descriptor.value === 'function' &&
            descriptor.value.name !== '' && isInstanceof(obj, descriptor.value))
            return descriptor.value.name;
        proto = Object.getPrototypeOf(proto);
    }
    return null;
}

function isInstanceof(object, constructor) {
    try {
        return object instanceof constructor;
    } catch (e) {
        return false;
    }
}

function getPrefix(constructor, tag, fallback, size) {
    size = size || '';
    if (constructor === null) {
        if (tag !== '' && fallback !== tag)
            return '[' + fallback + size + ': null prototype] [' + tag + '] ';
        return '[' + fallback + size + ': null prototype] ';
    }
    if (tag !== '' && constructor !== tag)
        return constructor + size + ' [' + tag + '] ';
    return constructor + size + ' ';
}

function getKeys(value, showHidden) {
    var keys = showHidden ? Object.getOwnPropertyNames(value) : Object.keys(value);
    if (typeof Object.getOwnPropertySymbols === 'function') {
        var symbols = Object.getOwnPropertySymbols(value);
        for (var i = 0; i < symbols.length; i++) {
            if (showHidden || Object.prototype.propertyIsEnumerable.call(value, symbols[i]))
                keys.push(symbols[i]);
        }
    }
    return keys;
}

// Own properties that are not array indices (e.g. arr.foo = 1).
function getNonIndexKeys(value, showHidden) {
    var all = getKeys(value, showHidden);
    var keys = [];
    for (var i = 0; i < all.length; i++) {
        if (typeof all[i] !== 'string' || !numberRegExp.test(all[i]) || +all[i] > 4294967294)
            keys.push(all[i]);
    }
    return keys;
}

function getFunctionBase(value, constructor) {
    var base = '[Function';
    if (constructor === null)
        base += ' (null prototype)';
    var name = typeof value.name === 'string' ? value.name : '';
    base += name === '' ? ' (anonymous)' : ': ' + name;
    base += ']';
    if (constructor !== 'Function' && constructor !== null)
        base += ' ' + constructor;
    return base;
}

function formatError(err, ctx) {
    var stack = err.stack ? String(err.stack) : Error.prototype.toString.call(err);
    // Node wraps an error without stack frames in brackets.
    if (stack.indexOf('\n    at') === -1)
        stack = '[' + stack + ']';
    if (ctx.indentationLvl !== 0)
        stack = stack.replace(/\n/g, '\n' + repeat(' ', ctx.indentationLvl));
    return stack;
}

function formatValue(ctx, value, recurseTimes) {
    if (typeof value !== 'object' && typeof value !== 'function')
        return formatPrimitive(ctx, value);
    if (value === null)
        return 'null';
    if (ctx.seen.indexOf(value) !== -1) {
        var index = ctx.circular.indexOf(value);
        if (index === -1) {
            ctx.circular.push(value);
            index = ctx.circular.length - 1;
        }
        return '[Circular *' + (index + 1) + ']';
    }
    return formatRaw(ctx, value, recurseTimes);
}

function formatRaw(ctx, value, recurseTimes) {
    var constructor = getConstructorName(value);
    var keys;
    var base = '';
    var formatter = null;
    var braces;
    var extrasType = kObjectType;
    var tag = '';

    if (Array.isArray(value)) {
        var prefix = constructor !== 'Array' ? getPrefix(constructor, tag, 'Array',
            '(' + value.length + ')') : '';
        keys = getNonIndexKeys(value, ctx.showHidden);
        braces = [prefix + '[', ']'];
        if (value.length === 0 && keys.length === 0)
            return braces[0] + ']';
        extrasType = kArrayExtrasType;
        formatter = formatArray;
    } else if (isTypedArray(value)) {
        keys = getNonIndexKeys(value, ctx.showHidden);
        var name = constructor === 'Buffer' ? 'Buffer' : typedArrayName(value);
        if (name === 'Buffer' && keys.length === 0)
            return formatBuffer(value);
        braces = [getPrefix(constructor === null ? null : name, tag, name,
            '(' + value.length + ')') + '[', ']'];
        if (value.length === 0 && keys.length === 0)
            return braces[0] + ']';
        extrasType = kArrayExtrasType;
        formatter = formatTypedArray;
    } else {
        keys = getKeys(value, ctx.showHidden);
        braces = ['{', '}'];
        if (constructor === 'Object') {
            if (objectToString(value) === '[object Arguments]')
                braces[0] = '[Arguments] {';  // what Node 20 prints
            if (keys.length === 0)
                return braces[0] + '}';
        } else if (typeof value === 'function') {
            base = getFunctionBase(value, constructor);
            if (keys.length === 0)
                return base;
        } else if (isRegExp(value)) {
            base = RegExp.prototype.toString.call(value);
            if (keys.length === 0 || recurseTimes > ctx.depth)
                return base;
        } else if (isDate(value)) {
            var time = value.getTime();
            base = time !== time ? Date.prototype.toString.call(value) :
                Date.prototype.toISOString.call(value);
            if (keys.length === 0)
                return base;
        } else if (isError(value)) {
            base = formatError(value, ctx);
            if (keys.length === 0)
                return base;
        } else if (isBoxed(value)) {
            base = formatBoxed(value, ctx);
            if (typeof value.valueOf() === 'string')
                keys = getNonIndexKeys(value, ctx.showHidden);  // not its characters
            if (keys.length === 0)
                return base;
        } else {
            if (keys.length === 0)
                return getPrefix(constructor, tag, 'Object') + '{}';
            braces[0] = getPrefix(constructor, tag, 'Object') + '{';
        }
    }

    if (recurseTimes > ctx.depth) {
        var ctxName = getPrefix(constructor, tag, 'Object').slice(0, -1);
        return constructor !== null ? '[' + ctxName + ']' : ctxName;
    }
    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    var output = formatter ? formatter(ctx, value, recurseTimes) : [];
    for (var i = 0; i < keys.length; i++)
        output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
    var circularIndex = ctx.circular.indexOf(value);
    if (circularIndex !== -1) {
        var reference = '<ref *' + (circularIndex + 1) + '>';
        base = base === '' ? reference : reference + ' ' + base;
    }
    ctx.seen.pop();
    return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
}

var boxedTypes = ['Number', 'String', 'Boolean', 'Symbol'];

function isBoxed(value) {
    var tag = objectToString(value).slice(8, -1);
    return boxedTypes.indexOf(tag) !== -1 && typeof value === 'object';
}

function formatBoxed(value, ctx) {
    var type = objectToString(value).slice(8, -1);
    var primitive = value.valueOf();
    var saved = ctx.indentationLvl;
    return '[' + type + ': ' + formatPrimitive({ breakLength: Infinity, indentationLvl: saved },
        primitive) + ']';
}

function isTypedArray(value) {
    return typeof ArrayBuffer === 'function' && ArrayBuffer.isView &&
        ArrayBuffer.isView(value) && !(value instanceof DataView);
}

function typedArrayName(value) { return objectToString(value).slice(8, -1); }

function formatBuffer(value) {
    var parts = [];
    var max = Math.min(value.length, 50);
    for (var i = 0; i < max; i++) {
        var hex = value[i].toString(16);
        parts.push(hex.length < 2 ? '0' + hex : hex);
    }
    var rest = value.length - max;
    return '<Buffer' + (parts.length ? ' ' + parts.join(' ') : '') +
        (rest > 0 ? ' ... ' + rest + ' more byte' + (rest > 1 ? 's' : '') : '') + '>';
}

function formatTypedArray(ctx, value) {
    var length = Math.min(ctx.maxArrayLength, value.length);
    var output = [];
    for (var i = 0; i < length; i++)
        output.push(formatNumber(value[i]));
    if (value.length > length) {
        var remaining = value.length - length;
        output.push('... ' + remaining + ' more item' + (remaining > 1 ? 's' : ''));
    }
    return output;
}

function formatArray(ctx, value, recurseTimes) {
    var valLen = value.length;
    var len = Math.min(Math.max(0, ctx.maxArrayLength), valLen);
    var remaining = valLen - len;
    var output = [];
    for (var i = 0; i < len; i++) {
        if (!hasOwn(value, i))
            return formatSpecialArray(ctx, value, recurseTimes, len, output, i);
        output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
    }
    if (remaining > 0)
        output.push('... ' + remaining + ' more item' + (remaining > 1 ? 's' : ''));
    return output;
}

// Arrays with holes: runs of missing items become <N empty items>.
function formatSpecialArray(ctx, value, recurseTimes, maxLength, output, i) {
    var keys = Object.keys(value);
    var index = i;
    for (; i < keys.length && output.length < maxLength; i++) {
        var key = keys[i];
        var tmp = +key;
        if (tmp > 4294967294)
            break;
        if (String(index) !== key) {
            if (!numberRegExp.test(key))
                break;
            var emptyItems = tmp - index;
            output.push('<' + emptyItems + ' empty item' + (emptyItems > 1 ? 's' : '') + '>');
            index = tmp;
            if (output.length === maxLength)
                break;
        }
        output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
        index++;
    }
    var remaining = value.length - index;
    if (output.length !== maxLength) {
        if (remaining > 0)
            output.push('<' + remaining + ' empty item' + (remaining > 1 ? 's' : '') + '>');
    } else if (remaining > 0) {
        output.push('... ' + remaining + ' more item' + (remaining > 1 ? 's' : ''));
    }
    return output;
}

function formatProperty(ctx, value, recurseTimes, key, type) {
    var name;
    var str;
    var desc = Object.getOwnPropertyDescriptor(value, key) ||
        { value: value[key], enumerable: true };
    if (desc.value !== undefined) {
        ctx.indentationLvl += 2;
        str = formatValue(ctx, desc.value, recurseTimes);
        ctx.indentationLvl -= 2;
    } else if (desc.get !== undefined) {
        str = desc.set !== undefined ? '[Getter/Setter]' : '[Getter]';
    } else if (desc.set !== undefined) {
        str = '[Setter]';
    } else {
        str = 'undefined';
    }
    if (type === kArrayType)
        return str;
    if (typeof key === 'symbol')
        name = '[' + String(key) + ']';
    else if (key === '__proto__')
        name = "['__proto__']";
    else if (desc.enumerable === false)
        name = '[' + key + ']';
    else if (keyStrRegExp.test(key))
        name = key;
    else
        name = strEscape(key);
    return name + ': ' + str;
}

function isBelowBreakLength(ctx, output, start, base) {
    var totalLength = output.length + start;
    if (totalLength + output.length > ctx.breakLength)
        return false;
    for (var i = 0; i < output.length; i++) {
        totalLength += output[i].length;
        if (totalLength > ctx.breakLength)
            return false;
    }
    return base === '' || base.indexOf('\n') === -1;
}

// Node's compact=3 mode: an object goes on one line when it fits in
// breakLength and its most recently formatted descendant is fewer than
// three levels deeper; otherwise one entry per line. Arrays of more than
// six items are first grouped into columns.
function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
    var entries = output.length;
    if (extrasType === kArrayExtrasType && entries > 6)
        output = groupArrayElements(ctx, output, value);
    if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        var start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
            var joined = output.join(', ');
            if (joined.indexOf('\n') === -1)
                return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
        }
    }
    var indentation = '\n' + repeat(' ', ctx.indentationLvl);
    return (base ? base + ' ' : '') + braces[0] + indentation + '  ' +
        output.join(',' + indentation + '  ') + indentation + braces[1];
}

function groupArrayElements(ctx, output, value) {
    var totalLength = 0;
    var maxLength = 0;
    var i = 0;
    var outputLength = output.length;
    if (ctx.maxArrayLength < output.length)
        outputLength--;  // leaves out the "... more items" entry
    var separatorSpace = 2;
    var dataLen = new Array(outputLength);
    for (; i < outputLength; i++) {
        var len = output[i].length;
        dataLen[i] = len;
        totalLength += len + separatorSpace;
        if (maxLength < len)
            maxLength = len;
    }
    var actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
        (totalLength / actualMax > 5 || maxLength <= 6)) {
        var approxCharHeights = 2.5;
        var averageBias = Math.sqrt(actualMax - totalLength / output.length);
        var biasedMax = Math.max(actualMax - 3 - averageBias, 1);
        var columns = Math.min(
            Math.round(Math.sqrt(approxCharHeights * biasedMax * outputLength) / biasedMax),
            Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
            ctx.compact * 4,
            15);
        if (columns <= 1)
            return output;
        var tmp = [];
        var maxLineLength = [];
        for (i = 0; i < columns; i++) {
            var lineLength = 0;
            for (var j = i; j < output.length; j += columns) {
                if (dataLen[j] > lineLength)
                    lineLength = dataLen[j];
            }
            maxLineLength.push(lineLength + separatorSpace);
        }
        // Numbers are right-aligned, everything else left-aligned.
        var order = padStart;
        if (value !== undefined) {
            for (i = 0; i < output.length; i++) {
                if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
                    order = padEnd;
                    break;
                }
            }
        }
        for (i = 0; i < outputLength; i += columns) {
            var max = Math.min(i + columns, outputLength);
            var str = '';
            var k = i;
            for (; k < max - 1; k++)
                str += order(output[k] + ', ', maxLineLength[k - i]);
            if (order === padStart)
                str += padStart(output[k], maxLineLength[k - i] - separatorSpace);
            else
                str += output[k];
            tmp.push(str);
        }
        if (ctx.maxArrayLength < output.length)
            tmp.push(output[outputLength]);
        output = tmp;
    }
    return output;
}

function inspect(value, options) {
    var ctx = {
        seen: [],
        circular: [],
        indentationLvl: 0,
        currentDepth: 0,
        depth: 2,
        compact: 3,
        breakLength: 80,
        maxArrayLength: 100,
        showHidden: false
    };
    if (options && typeof options === 'object') {
        for (var key in options) {
            if (hasOwn(options, key) && hasOwn(ctx, key) && options[key] !== undefined)
                ctx[key] = options[key];
        }
    }
    if (ctx.depth === null)
        ctx.depth = Infinity;
    if (ctx.maxArrayLength === null)
        ctx.maxArrayLength = Infinity;
    return formatValue(ctx, value, 0);
}

// Node's rule for %s: objects whose toString is a built-in one are
// inspected, others are converted with String().
var builtInConstructors = ['Object', 'Error', 'TypeError', 'RangeError', 'SyntaxError',
    'ReferenceError', 'EvalError', 'URIError', 'Array', 'Date', 'RegExp', 'Function',
    'Number', 'String', 'Boolean', 'Symbol'];

function hasBuiltInToString(value) {
    if (typeof value.toString !== 'function')
        return true;
    if (hasOwn(value, 'toString'))
        return false;
    var pointer = value;
    do {
        pointer = Object.getPrototypeOf(pointer);
    } while (pointer !== null && !hasOwn(pointer, 'toString'));
    if (pointer === null)
        return true;
    var descriptor = Object.getOwnPropertyDescriptor(pointer, 'constructor');
    return descriptor !== undefined && typeof descriptor.value === 'function' &&
        builtInConstructors.indexOf(descriptor.value.name) !== -1;
}

function tryStringify(value) {
    try {
        return JSON.stringify(value);
    } catch (err) {
        if (err instanceof TypeError && /circular|cyclic/i.test(err.message))
            return '[Circular]';
        throw err;
    }
}

function formatWithOptions(inspectOptions, args) {
    var first = args[0];
    var a = 0;
    var str = '';
    var join = '';
    if (typeof first === 'string') {
        if (args.length === 1)
            return first;
        var tempStr;
        var lastPos = 0;
        for (var i = 0; i < first.length - 1; i++) {
            if (first.charCodeAt(i) !== 37)  // '%'
                continue;
            var nextChar = first.charCodeAt(++i);
            if (a + 1 !== args.length) {
                var arg;
                switch (nextChar) {
                case 115:  // 's'
                    arg = args[++a];
                    if (typeof arg === 'number')
                        tempStr = formatNumber(arg);
                    else if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg))
                        tempStr = String(arg);
                    else
                        tempStr = inspect(arg, merge(inspectOptions, { depth: 0 }));
                    break;
                case 106:  // 'j'
                    tempStr = tryStringify(args[++a]);
                    break;
                case 100:  // 'd'
                    arg = args[++a];
                    tempStr = typeof arg === 'symbol' ? 'NaN' : formatNumber(Number(arg));
                    break;
                case 79:  // 'O'
                    tempStr = inspect(args[++a], inspectOptions);
                    break;
                case 111:  // 'o'
                    tempStr = inspect(args[++a], merge(inspectOptions,
                        { showHidden: true, depth: 4 }));
                    break;
                case 105:  // 'i'
                    arg = args[++a];
                    tempStr = typeof arg === 'symbol' ? 'NaN' : formatNumber(parseInt(arg));
                    break;
                case 102:  // 'f'
                    arg = args[++a];
                    tempStr = typeof arg === 'symbol' ? 'NaN' : formatNumber(parseFloat(arg));
                    break;
                case 99:  // 'c': CSS, ignored outside browsers
                    a += 1;
                    tempStr = '';
                    break;
                case 37:  // '%'
                    str += first.slice(lastPos, i);
                    lastPos = i + 1;
                    continue;
                default:
                    continue;
                }
                if (lastPos !== i - 1)
                    str += first.slice(lastPos, i - 1);
                str += tempStr;
                lastPos = i + 1;
            } else if (nextChar === 37) {
                str += first.slice(lastPos, i);
                lastPos = i + 1;
            }
        }
        if (lastPos !== 0) {
            a++;
            join = ' ';
            if (lastPos < first.length)
                str += first.slice(lastPos);
        }
    }
    while (a < args.length) {
        var value = args[a];
        str += join;
        str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
        join = ' ';
        a++;
    }
    return str;
}

function merge(a, b) {
    var out = {};
    var key;
    for (key in a)
        out[key] = a[key];
    for (key in b)
        out[key] = b[key];
    return out;
}

exports.format = function () {
    return formatWithOptions(undefined, Array.prototype.slice.call(arguments));
};
exports.formatWithOptions = function (options) {
    return formatWithOptions(options, Array.prototype.slice.call(arguments, 1));
};
exports.inspect = inspect;

exports.inherits = function (ctor, superCtor) {
    if (typeof ctor !== 'function' || typeof superCtor !== 'function' ||
        superCtor.prototype === undefined)
        throw new TypeError('The "ctor" and "superCtor" arguments must be functions');
    Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true,
        configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
};

exports.isArray = Array.isArray;
exports.isError = isError;
exports.isDate = isDate;
exports.isRegExp = isRegExp;
exports.isFunction = function (v) { return typeof v === 'function'; };
exports.isString = function (v) { return typeof v === 'string'; };
exports.isNumber = function (v) { return typeof v === 'number'; };
exports.isBoolean = function (v) { return typeof v === 'boolean'; };
exports.isObject = function (v) { return v !== null && typeof v === 'object'; };
exports.isPrimitive = function (v) {
    return v === null || (typeof v !== 'object' && typeof v !== 'function');
};
exports.isNullOrUndefined = function (v) { return v === null || v === undefined; };
exports.isUndefined = function (v) { return v === undefined; };
exports.types = { isDate: isDate, isRegExp: isRegExp, isNativeError: isError,
    isTypedArray: isTypedArray };
