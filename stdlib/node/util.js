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

// numericSeparator: 1_000_000.123_4, digits grouped by three away from
// the point of the number's usual text (exponents included, as Node does).
function groupDigits(value) {
    var text = String(value);
    if (value !== value || !isFinite(value))
        return text;
    var dot = text.indexOf('.');
    if (dot === -1 && text.indexOf('e') !== -1)
        return text;
    var head = dot === -1 ? text : text.slice(0, dot);
    var start = head.charAt(0) === '-' ? 1 : 0;
    var grouped = '';
    var i = head.length;
    for (; i >= start + 4; i -= 3)
        grouped = '_' + head.slice(i - 3, i) + grouped;
    head = head.slice(0, i) + grouped;
    if (dot === -1)
        return head;
    var fraction = text.slice(dot + 1);
    var tail = '';
    var j = 0;
    for (; j < fraction.length - 3; j += 3)
        tail += fraction.slice(j, j + 3) + '_';
    return head + '.' + tail + fraction.slice(j);
}

function formatNumber(value, numericSeparator) {
    if (numericSeparator)
        return groupDigits(value);
    if (value === 0 && 1 / value < 0)
        return '-0';
    return String(value);
}

function formatPrimitive(ctx, value) {
    if (typeof value === 'string') {
        var trailer = '';
        if (ctx.maxStringLength !== undefined && value.length > ctx.maxStringLength) {
            var remaining = value.length - ctx.maxStringLength;
            value = value.slice(0, ctx.maxStringLength);
            trailer = '... ' + remaining + ' more character' + (remaining > 1 ? 's' : '');
        }
        return formatString(ctx, value) + trailer;
    }
    if (typeof value === 'number')
        return formatNumber(value, ctx.numericSeparator);
    if (typeof value === 'boolean')
        return String(value);
    if (typeof value === 'undefined')
        return 'undefined';
    return String(value);  // symbol
}

// Long strings inside objects are split after each newline.
function formatString(ctx, value) {
    if (ctx.compact !== true && value.length > 16 &&
        value.length > ctx.breakLength - ctx.indentationLvl - 4 &&
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
    if (showHidden && typeof value === 'function')
        keys = functionKeys(value, keys);
    if (typeof Object.getOwnPropertySymbols === 'function') {
        var symbols = Object.getOwnPropertySymbols(value);
        for (var i = 0; i < symbols.length; i++) {
            if (showHidden || Object.prototype.propertyIsEnumerable.call(value, symbols[i]))
                keys.push(symbols[i]);
        }
    }
    return keys;
}

// A function's hidden keys in V8's order (length, name, ..., prototype),
// without Duktape's own non-standard fileName, nor the throwing
// arguments/caller accessors ES5 gives strict functions (V8 has them on
// Function.prototype only).
var functionKeyOrder = ['length', 'name', 'arguments', 'caller', 'prototype'];
function functionKeys(fn, keys) {
    var ordered = [];
    var i;
    for (i = 0; i < functionKeyOrder.length; i++) {
        var key = functionKeyOrder[i];
        if (keys.indexOf(key) === -1)
            continue;
        if ((key === 'arguments' || key === 'caller') &&
            Object.getOwnPropertyDescriptor(fn, key).get !== undefined)
            continue;
        ordered.push(key);
    }
    for (i = 0; i < keys.length; i++) {
        if (functionKeyOrder.indexOf(keys[i]) === -1 && keys[i] !== 'fileName')
            ordered.push(keys[i]);
    }
    return ordered;
}

// Own properties that are not array indices (e.g. arr.foo = 1).
function getNonIndexKeys(value, showHidden) {
    var all = getKeys(value, showHidden);
    var keys = [];
    var i = 0;
    // Index keys come first (ascending): a dense array's first `length`
    // keys need no test.
    var length = value.length;
    if (!showHidden && length > 0 && all.length >= length && all[length - 1] === String(length - 1))
        i = length;
    for (; i < all.length; i++) {
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
    if (ctx.customInspect) {
        var custom = value[customInspectSymbol];
        if (typeof custom === 'function' && custom !== inspect) {
            var depth = ctx.depth === Infinity ? null : ctx.depth - recurseTimes;
            var options = merge(ctx.userOptions, { depth: depth, stylize: stylizeNoColor });
            var result = custom.call(value, depth, options, inspect);
            if (result !== value) {
                if (typeof result !== 'string')
                    return formatValue(ctx, result, recurseTimes);
                return result.replace(/\n/g, '\n' + repeat(' ', ctx.indentationLvl));
            }
        }
    }
    return formatRaw(ctx, value, recurseTimes);
}

function stylizeNoColor(str) { return str; }

// Symbol.for() keys shared with Node and libraries that support both.
var customInspectSymbol = typeof Symbol === 'function' ?
    Symbol['for']('nodejs.util.inspect.custom') : 'inspect';

// The promise module, only once the lazy global Promise was touched (no
// promise can exist before), so inspect() never loads it for nothing.
var globalObject = new Function('return this')();
var loadedPromises = null;
function promiseModule() {
    if (loadedPromises === null) {
        var descriptor = Object.getOwnPropertyDescriptor(globalObject, 'Promise');
        if (descriptor && 'value' in descriptor)
            loadedPromises = require('./internal/promise.js');
    }
    return loadedPromises;
}

// Symbol.toStringTag when it says something the constructor name does not.
// Namespace objects whose tag V8 defines and Duktape only has as [[Class]].
var builtinTags = { '[object Math]': 'Math', '[object JSON]': 'JSON' };

function getTag(value, constructor, showHidden) {
    if (typeof Symbol !== 'function' || !Symbol.toStringTag)
        return '';
    var tag = value[Symbol.toStringTag];
    // An own (enumerable) tag is listed as a property already.
    if (typeof tag === 'string' && (showHidden ? hasOwn(value, Symbol.toStringTag) :
        Object.prototype.propertyIsEnumerable.call(value, Symbol.toStringTag)))
        return '';
    if (tag === undefined)
        tag = builtinTags[objectToString(value)];
    if (typeof tag !== 'string' || tag === '' || tag === constructor)
        return '';
    return tag;
}

function formatRaw(ctx, value, recurseTimes) {
    var constructor = getConstructorName(value);
    var keys;
    var base = '';
    var formatter = null;
    var braces;
    var extrasType = kObjectType;
    var tag = getTag(value, constructor, ctx.showHidden);
    var promises = promiseModule();

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
            else if (tag !== '')
                braces[0] = getPrefix(constructor, tag, 'Object') + '{';
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
        } else if (promises !== null && promises.isPromise(value)) {
            tag = '';
            braces[0] = getPrefix(constructor, tag, 'Promise') + '{';
            keys = keys.filter(function (key) { return key !== promises.slots; });
            formatter = formatPromise;
        } else if (objectToString(value) === '[object ArrayBuffer]') {
            braces[0] = getPrefix(constructor, tag, 'ArrayBuffer') + '{';
            formatter = formatArrayBuffer;
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
    if (ctx.sorted) {
        var comparator = ctx.sorted === true ? undefined : ctx.sorted;
        if (extrasType === kObjectType) {
            output.sort(comparator);
        } else if (keys.length > 1) {
            var sortedKeys = output.slice(output.length - keys.length).sort(comparator);
            output.splice.apply(output, [output.length - keys.length, keys.length]
                .concat(sortedKeys));
        }
    }
    var circularIndex = ctx.circular.indexOf(value);
    if (circularIndex !== -1) {
        var reference = '<ref *' + (circularIndex + 1) + '>';
        base = base === '' ? reference : reference + ' ' + base;
    }
    ctx.seen.pop();
    return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
}

function formatArrayBuffer(ctx, value) {
    var bytes = new Uint8Array(value);
    var max = Math.min(ctx.maxArrayLength, bytes.length);
    var hex = [];
    for (var i = 0; i < max; i++) {
        var h = bytes[i].toString(16);
        hex.push(h.length < 2 ? '0' + h : h);
    }
    var remaining = bytes.length - max;
    var contents = hex.join(' ') + (remaining > 0 ? ' ... ' + remaining + ' more byte' +
        (remaining > 1 ? 's' : '') : '');
    return ['[Uint8Contents]: <' + contents + '>', 'byteLength: ' + formatNumber(value.byteLength)];
}

function formatPromise(ctx, value, recurseTimes) {
    var state = require('./internal/promise.js').inspectState(value);
    if (state.state === 'pending')
        return ['<pending>'];
    ctx.indentationLvl += 2;
    var str = formatValue(ctx, state.value, recurseTimes);
    ctx.indentationLvl -= 2;
    return [state.state === 'rejected' ? '<rejected> ' + str : str];
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
        output.push(formatNumber(value[i], ctx.numericSeparator));
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
        var label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
        if (ctx.getters && (ctx.getters === true ||
            (ctx.getters === 'get' && desc.set === undefined) ||
            (ctx.getters === 'set' && desc.set !== undefined))) {
            try {
                var got = desc.get.call(value);
                ctx.indentationLvl += 2;
                if (got === null)
                    str = '[' + label + ': null]';
                else if (typeof got === 'object')
                    str = '[' + label + '] ' + formatValue(ctx, got, recurseTimes);
                else
                    str = '[' + label + ': ' + formatPrimitiveOrNull(ctx, got) + ']';
                ctx.indentationLvl -= 2;
            } catch (err) {
                str = '[' + label + ': <Inspection threw (' + err.message + ')>]';
            }
        } else {
            str = '[' + label + ']';
        }
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

function formatPrimitiveOrNull(ctx, value) {
    return value === null ? 'null' : typeof value === 'function' ? formatValue(ctx, value, 0) :
        formatPrimitive(ctx, value);
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
    if (ctx.compact === true)
        return reduceCompactTrue(ctx, output, base, braces);
    var entries = output.length;
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
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
    }
    var indentation = '\n' + repeat(' ', ctx.indentationLvl);
    return (base ? base + ' ' : '') + braces[0] + indentation + '  ' +
        output.join(',' + indentation + '  ') + indentation + braces[1];
}

// compact: true, Node's pre-v12 layout: as much as fits on each line.
function reduceCompactTrue(ctx, output, base, braces) {
    if (isBelowBreakLength(ctx, output, 0, base))
        return braces[0] + (base ? ' ' + base : '') + ' ' + output.join(', ') + ' ' + braces[1];
    var indentation = repeat(' ', ctx.indentationLvl);
    var ln = base === '' && braces[0].length === 1 ? ' ' :
        (base ? ' ' + base : '') + '\n' + indentation + '  ';
    return braces[0] + ln + output.join(',\n' + indentation + '  ') + ' ' + braces[1];
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

// The defaults of every inspect() call; programs may change them, as in Node.
var defaultOptions = {
    showHidden: false,
    depth: 2,
    colors: false,
    customInspect: true,
    showProxy: false,
    maxArrayLength: 100,
    maxStringLength: 10000,
    breakLength: 80,
    compact: 3,
    sorted: false,
    getters: false,
    numericSeparator: false
};

// inspect(value[, options]) or the legacy inspect(value, showHidden, depth).
// (No `arguments`: creating it costs Duktape more than a small inspect.)
function inspect(value, options, legacyDepth) {
    var d = defaultOptions;
    var ctx = {
        seen: [],
        circular: [],
        indentationLvl: 0,
        currentDepth: 0,
        userOptions: undefined,
        showHidden: d.showHidden,
        depth: d.depth,
        colors: d.colors,
        customInspect: d.customInspect,
        showProxy: d.showProxy,
        maxArrayLength: d.maxArrayLength,
        maxStringLength: d.maxStringLength,
        breakLength: d.breakLength,
        compact: d.compact,
        sorted: d.sorted,
        getters: d.getters,
        numericSeparator: d.numericSeparator
    };
    var key;
    if (typeof options === 'boolean' || legacyDepth !== undefined) {
        if (typeof options === 'boolean')
            ctx.showHidden = options;
        if (legacyDepth !== undefined)
            ctx.depth = legacyDepth;
    } else if (options && typeof options === 'object') {
        for (key in options) {
            if (hasOwn(options, key) && hasOwn(defaultOptions, key) && options[key] !== undefined)
                ctx[key] = options[key];
        }
        ctx.userOptions = options;
    }
    if (ctx.depth === null)
        ctx.depth = Infinity;
    if (ctx.maxArrayLength === null)
        ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null)
        ctx.maxStringLength = Infinity;
    return formatValue(ctx, value, 0);
}
inspect.custom = customInspectSymbol;
inspect.defaultOptions = defaultOptions;

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
exports.isSymbol = function (v) { return typeof v === 'symbol'; };
exports.isBuffer = function (v) {
    return isTypedArray(v) && getConstructorName(v) === 'Buffer';
};

// util.types: what Duktape can tell apart. Maps, Sets, generators, async
// functions and proxies do not exist (or cannot be seen) here: false.
function tagIs(name) {
    var tag = '[object ' + name + ']';
    return function (v) { return objectToString(v) === tag; };
}
function isBoxedPrimitive(v) { return v !== null && typeof v === 'object' && isBoxed(v); }
function alwaysFalse() { return false; }
var types = {
    isDate: isDate,
    isRegExp: isRegExp,
    isNativeError: isError,
    isTypedArray: isTypedArray,
    isPromise: function (v) {
        var promises = promiseModule();
        return promises !== null && promises.isPromise(v);
    },
    isArrayBuffer: tagIs('ArrayBuffer'),
    isAnyArrayBuffer: tagIs('ArrayBuffer'),
    isSharedArrayBuffer: alwaysFalse,
    isDataView: function (v) { return typeof DataView === 'function' && v instanceof DataView; },
    isArrayBufferView: function (v) {
        return typeof ArrayBuffer === 'function' && ArrayBuffer.isView(v);
    },
    isArgumentsObject: tagIs('Arguments'),
    isBoxedPrimitive: isBoxedPrimitive,
    isNumberObject: function (v) { return isBoxedPrimitive(v) && tagIs('Number')(v); },
    isStringObject: function (v) { return isBoxedPrimitive(v) && tagIs('String')(v); },
    isBooleanObject: function (v) { return isBoxedPrimitive(v) && tagIs('Boolean')(v); },
    isSymbolObject: function (v) { return isBoxedPrimitive(v) && tagIs('Symbol')(v); },
    isBigIntObject: alwaysFalse,
    isMap: alwaysFalse,
    isSet: alwaysFalse,
    isWeakMap: alwaysFalse,
    isWeakSet: alwaysFalse,
    isMapIterator: alwaysFalse,
    isSetIterator: alwaysFalse,
    isGeneratorFunction: alwaysFalse,
    isGeneratorObject: alwaysFalse,
    isAsyncFunction: alwaysFalse,
    isModuleNamespaceObject: alwaysFalse,
    isProxy: alwaysFalse,
    isExternal: alwaysFalse,
    isKeyObject: alwaysFalse,
    isCryptoKey: alwaysFalse
};
['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array',
    'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'
].forEach(function (name) {
    types['is' + name] = function (v) { return isTypedArray(v) && typedArrayName(v) === name; };
});
exports.types = types;

exports.isDeepStrictEqual = function (a, b) {
    return require('./internal/comparisons.js').isDeepStrictEqual(a, b);
};

function invalidArgType(name, expected, value) {
    var received = value === null ? 'null' : value === undefined ? 'undefined' :
        typeof value === 'function' ? 'function ' + (value.name || '') :
        typeof value === 'object' ? 'an instance of ' + (getConstructorName(value) || 'Object') :
        'type ' + typeof value + ' (' + inspect(value) + ')';
    var error = new TypeError('The "' + name + '" argument must be of type ' + expected +
        '. Received ' + received);
    error.code = 'ERR_INVALID_ARG_TYPE';
    return error;
}
exports._invalidArgType = invalidArgType;

// promisify(fn): a function returning a Promise of fn's callback result;
// fn[promisify.custom] (a Symbol.for key shared with Node) wins.
var promisifyCustom = typeof Symbol === 'function' ?
    Symbol['for']('nodejs.util.promisify.custom') : '__promisify_custom__';

function promisify(original) {
    if (typeof original !== 'function')
        throw invalidArgType('original', 'function', original);
    var custom = original[promisifyCustom];
    if (custom !== undefined) {
        if (typeof custom !== 'function')
            throw invalidArgType('util.promisify.custom', 'function', custom);
        return custom;
    }
    function fn() {
        var self = this;
        var args = Array.prototype.slice.call(arguments);
        return new Promise(function (resolve, reject) {
            args.push(function (err, value) {
                if (err)
                    reject(err);
                else
                    resolve(value);
            });
            original.apply(self, args);
        });
    }
    Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
    Object.defineProperty(fn, promisifyCustom, { value: fn, configurable: true });
    return Object.defineProperties(fn, Object.getOwnPropertyDescriptors ?
        Object.getOwnPropertyDescriptors(original) : {});
}
promisify.custom = promisifyCustom;
exports.promisify = promisify;

// callbackify(async): calls back (err, value) on the next tick; a falsy
// rejection reason becomes ERR_FALSY_VALUE_REJECTION with .reason.
exports.callbackify = function (original) {
    if (typeof original !== 'function')
        throw invalidArgType('original', 'function', original);
    function callbackified() {
        var args = Array.prototype.slice.call(arguments);
        var callback = args.pop();
        if (typeof callback !== 'function')
            throw invalidArgType('last argument', 'function', callback);
        var self = this;
        original.apply(this, args).then(function (value) {
            process.nextTick(callback.bind(self, null, value));
        }, function (reason) {
            if (!reason) {
                var wrapped = new Error('Promise was rejected with falsy value');
                wrapped.code = 'ERR_FALSY_VALUE_REJECTION';
                wrapped.reason = reason;
                reason = wrapped;
            }
            process.nextTick(callback.bind(self, reason));
        });
    }
    Object.setPrototypeOf(callbackified, Object.getPrototypeOf(original));
    return callbackified;
};

// deprecate(fn, msg[, code]): fn that emits a DeprecationWarning on its
// first call (once per code, as in Node).
var deprecationCodes = {};
exports.deprecate = function (fn, msg, code) {
    if (typeof fn !== 'function')
        throw invalidArgType('fn', 'function', fn);
    if (process.noDeprecation === true)
        return fn;
    var warned = false;
    function deprecated() {
        if (!warned && !process.noDeprecation) {
            warned = true;
            if (code !== undefined) {
                if (!deprecationCodes[code]) {
                    deprecationCodes[code] = true;
                    process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
                }
            } else {
                process.emitWarning(msg, 'DeprecationWarning', deprecated);
            }
        }
        if (this instanceof deprecated) {
            var instance = Object.create(fn.prototype);
            var result = fn.apply(instance, arguments);
            return result !== null && typeof result === 'object' ? result : instance;
        }
        return fn.apply(this, arguments);
    }
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype)
        deprecated.prototype = fn.prototype;
    return deprecated;
};

// debuglog(section): logs to stderr when NODE_DEBUG names the section.
exports.debuglog = exports.debug = function (section) {
    var enabled = new RegExp('(^|,)\\s*' + String(section).replace(/[^\w]/g, '\\$&') +
        '\\s*(,|$)', 'i').test(process.env.NODE_DEBUG || '');
    function logger() {
        if (enabled) {
            process.stderr.write(String(section).toUpperCase() + ' ' + process.pid + ': ' +
                exports.format.apply(null, arguments) + '\n');
        }
    }
    logger.enabled = enabled;
    return logger;
};

exports.toUSVString = function (string) {
    return String(string).replace(/[\ud800-\udbff](?![\udc00-\udfff])|([^\ud800-\udbff]|^)[\udc00-\udfff]/g,
        function (match, before) {
            return (before === undefined ? '' : before) + '\ufffd';
        });
};

exports.stripVTControlCharacters = function (str) {
    return String(str).replace(/[\u001b\u009b][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d\/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d\/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g, '');
};

function notSupported(name) {
    return function () { throw new Error('util.' + name + ' is not supported in unode'); };
}
exports.getSystemErrorName = function (err) {
    return require('sys').errnoName(err < 0 ? err : -err);
};
exports.parseArgs = notSupported('parseArgs');
exports.TextEncoder = globalObject.TextEncoder;
exports.TextDecoder = globalObject.TextDecoder;
exports.MIMEType = notSupported('MIMEType');
