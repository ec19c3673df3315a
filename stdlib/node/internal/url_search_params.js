// URLSearchParams: the name/value list of a query string, in the
// application/x-www-form-urlencoded format ('+' for spaces). One that
// belongs to a URL (url.searchParams) writes every change back to the
// URL's query.
'use strict';

var parser = require('./url_parser.js');
var errors = require('./coded_errors.js');

function missingArgs(names) {
    var text = names.length === 1 ? 'The "' + names[0] + '" argument must be specified' :
        'The "' + names[0] + '" and "' + names[1] + '" arguments must be specified';
    return errors.make(TypeError, 'ERR_MISSING_ARGS', text);
}

function invalidTuple() {
    return errors.make(TypeError, 'ERR_INVALID_TUPLE',
        'Each query pair must be an iterable [name, value] tuple');
}

function checkThis(self) {
    if (!(self instanceof URLSearchParams))
        throw errors.make(TypeError, 'ERR_INVALID_THIS',
            'Value of "this" must be of type URLSearchParams');
}

// 'a=1&b=x+y' -> [['a', '1'], ['b', 'x y']]
function parseForm(input) {
    var list = [];
    var sequences = input.split('&');
    for (var i = 0; i < sequences.length; i++) {
        var sequence = sequences[i];
        if (sequence === '')
            continue;
        var eq = sequence.indexOf('=');
        var name = eq === -1 ? sequence : sequence.slice(0, eq);
        var value = eq === -1 ? '' : sequence.slice(eq + 1);
        list.push([decodeFormPart(name), decodeFormPart(value)]);
    }
    return list;
}

function decodeFormPart(text) {
    if (text.indexOf('+') !== -1)
        text = text.replace(/\+/g, ' ');
    if (text.indexOf('%') === -1)
        return text;
    return parser.utf8Decode(parser.percentDecode(text));
}

function inFormSetExceptSpace(c) { return c !== 32 && parser.sets.form(c); }

function encodeFormPart(text) {
    return parser.percentEncode(text, inFormSetExceptSpace).replace(/ /g, '+');
}

function serializeForm(list) {
    var out = [];
    for (var i = 0; i < list.length; i++)
        out.push(encodeFormPart(list[i][0]) + '=' + encodeFormPart(list[i][1]));
    return out.join('&');
}

function isIterable(value) {
    return Array.isArray(value) || (value !== null && (typeof value === 'object' ||
        typeof value === 'function') && typeof Symbol === 'function' && Symbol.iterator &&
        typeof value[Symbol.iterator] === 'function');
}

function toArray(iterable) {
    if (Array.isArray(iterable))
        return iterable;
    var out = [];
    var iterator = iterable[Symbol.iterator]();
    for (var step = iterator.next(); !step.done; step = iterator.next())
        out.push(step.value);
    return out;
}

function URLSearchParams(init) {
    if (!(this instanceof URLSearchParams))
        throw new TypeError("Class constructor URLSearchParams cannot be invoked without 'new'");
    // Hidden state, as Node's private fields: Object.keys(params) is [].
    Object.defineProperty(this, '_list', { value: [], writable: true });
    Object.defineProperty(this, '_url', { value: null, writable: true });  // the URL record
    if (init === undefined || init === null) {
        return;
    } else if (init instanceof URLSearchParams) {
        for (var c = 0; c < init._list.length; c++)
            this._list.push([init._list[c][0], init._list[c][1]]);
    } else if (typeof init === 'object' || typeof init === 'function') {
        if (isIterable(init)) {
            var pairs = toArray(init);
            for (var i = 0; i < pairs.length; i++) {
                if (!isIterable(pairs[i]))
                    throw invalidTuple();
                var pair = toArray(pairs[i]);
                if (pair.length !== 2)
                    throw invalidTuple();
                this._list.push([parser.toUSVString(pair[0]), parser.toUSVString(pair[1])]);
            }
        } else {
            var keys = Object.keys(init);
            for (var k = 0; k < keys.length; k++)
                this._list.push([parser.toUSVString(keys[k]),
                    parser.toUSVString(init[keys[k]])]);
        }
    } else {
        var text = parser.toUSVString(init);
        this._list = parseForm(text.charAt(0) === '?' ? text.slice(1) : text);
    }
}

// Writes the list back into the owning URL's query.
function update(params) {
    if (!params._url)
        return;
    var serialized = serializeForm(params._list);
    params._url.query = serialized === '' ? null : serialized;
}

URLSearchParams.prototype.append = function (name, value) {
    checkThis(this);
    if (arguments.length < 2)
        throw missingArgs(['name', 'value']);
    this._list.push([parser.toUSVString(name), parser.toUSVString(value)]);
    update(this);
};

URLSearchParams.prototype['delete'] = function (name, value) {
    checkThis(this);
    if (arguments.length < 1)
        throw missingArgs(['name']);
    name = parser.toUSVString(name);
    if (value !== undefined)
        value = parser.toUSVString(value);
    this._list = this._list.filter(function (pair) {
        return !(pair[0] === name && (value === undefined || pair[1] === value));
    });
    update(this);
};

URLSearchParams.prototype.get = function (name) {
    checkThis(this);
    if (arguments.length < 1)
        throw missingArgs(['name']);
    name = parser.toUSVString(name);
    for (var i = 0; i < this._list.length; i++) {
        if (this._list[i][0] === name)
            return this._list[i][1];
    }
    return null;
};

URLSearchParams.prototype.getAll = function (name) {
    checkThis(this);
    if (arguments.length < 1)
        throw missingArgs(['name']);
    name = parser.toUSVString(name);
    var out = [];
    for (var i = 0; i < this._list.length; i++) {
        if (this._list[i][0] === name)
            out.push(this._list[i][1]);
    }
    return out;
};

URLSearchParams.prototype.has = function (name, value) {
    checkThis(this);
    if (arguments.length < 1)
        throw missingArgs(['name']);
    name = parser.toUSVString(name);
    if (value !== undefined)
        value = parser.toUSVString(value);
    for (var i = 0; i < this._list.length; i++) {
        if (this._list[i][0] === name && (value === undefined || this._list[i][1] === value))
            return true;
    }
    return false;
};

URLSearchParams.prototype.set = function (name, value) {
    checkThis(this);
    if (arguments.length < 2)
        throw missingArgs(['name', 'value']);
    name = parser.toUSVString(name);
    value = parser.toUSVString(value);
    var found = false;
    var list = [];
    for (var i = 0; i < this._list.length; i++) {
        if (this._list[i][0] !== name) {
            list.push(this._list[i]);
        } else if (!found) {
            found = true;
            list.push([name, value]);
        }
    }
    if (!found)
        list.push([name, value]);
    this._list = list;
    update(this);
};

// Stable sort by name, comparing UTF-16 code units.
URLSearchParams.prototype.sort = function () {
    checkThis(this);
    var indexed = this._list.map(function (pair, index) { return [pair, index]; });
    indexed.sort(function (a, b) {
        if (a[0][0] < b[0][0])
            return -1;
        if (a[0][0] > b[0][0])
            return 1;
        return a[1] - b[1];
    });
    this._list = indexed.map(function (entry) { return entry[0]; });
    update(this);
};

URLSearchParams.prototype.forEach = function (callback, thisArg) {
    checkThis(this);
    if (typeof callback !== 'function')
        throw errors.invalidArgType('callback', 'function', callback);
    // The list may change while iterating, as the standard allows.
    for (var i = 0; i < this._list.length; i++)
        callback.call(thisArg, this._list[i][1], this._list[i][0], this);
};

function iterator(params, kind) {
    var index = 0;
    var it = {
        next: function () {
            if (index >= params._list.length)
                return { value: undefined, done: true };
            var pair = params._list[index++];
            return { value: kind === 'keys' ? pair[0] : kind === 'values' ? pair[1] :
                [pair[0], pair[1]], done: false };
        }
    };
    if (typeof Symbol === 'function' && Symbol.iterator)
        it[Symbol.iterator] = function () { return this; };
    return it;
}

URLSearchParams.prototype.keys = function () { return iterator(this, 'keys'); };
URLSearchParams.prototype.values = function () { return iterator(this, 'values'); };
URLSearchParams.prototype.entries = function () { return iterator(this, 'entries'); };
if (typeof Symbol === 'function' && Symbol.iterator)
    URLSearchParams.prototype[Symbol.iterator] = URLSearchParams.prototype.entries;

URLSearchParams.prototype.toString = function () {
    checkThis(this);
    return serializeForm(this._list);
};

Object.defineProperty(URLSearchParams.prototype, 'size', {
    get: function () { return this._list.length; },
    enumerable: true,
    configurable: true
});

// util.inspect: "URLSearchParams { 'a' => '1', 'b' => '2' }", as Node.
function inspectParams(depth, options) {
    var inspect = require('../util.js').inspect;
    var output = [];
    for (var i = 0; i < this._list.length; i++)
        output.push(inspect(this._list[i][0]) + ' => ' + inspect(this._list[i][1]));
    var length = -2;
    for (var j = 0; j < output.length; j++)
        length += output[j].length + 2;
    var breakLength = options && options.breakLength || 80;
    if (length > breakLength)
        return 'URLSearchParams {\n  ' + output.join(',\n  ') + ' }';
    if (output.length)
        return 'URLSearchParams { ' + output.join(', ') + ' }';
    return 'URLSearchParams {}';
}
if (typeof Symbol === 'function' && typeof Symbol['for'] === 'function')
    URLSearchParams.prototype[Symbol['for']('nodejs.util.inspect.custom')] = inspectParams;

// For url.js: make `params` the view of a URL record's query.
URLSearchParams.attach = function (params, record) {
    params._url = record;
    params._list = record.query === null ? [] : parseForm(record.query);
};

module.exports = URLSearchParams;
