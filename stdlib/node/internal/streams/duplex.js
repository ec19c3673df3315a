// Duplex: both a Readable and a Writable (a socket, a transform). It
// inherits Readable and borrows Writable's methods; `instanceof Writable`
// holds through Writable's Symbol.hasInstance. allowHalfOpen: false ends
// the writable side when the readable side ends.
'use strict';

var Readable = require('./readable.js');
var Writable = require('./writable.js');

function Duplex(options) {
    if (!(this instanceof Duplex))
        return new Duplex(options);
    Readable.call(this, options);
    Writable.call(this, options);
    if (options) {
        this.allowHalfOpen = options.allowHalfOpen !== false;
        if (options.readable === false) {
            this._readableState.readable = false;
            this._readableState.ended = true;
            this._readableState.endEmitted = true;
        }
        if (options.writable === false) {
            this._writableState.writable = false;
            this._writableState.ending = true;
            this._writableState.ended = true;
            this._writableState.finished = true;
        }
    } else {
        this.allowHalfOpen = true;
    }
}
Duplex.prototype = Object.create(Readable.prototype, {
    constructor: { value: Duplex, writable: true, configurable: true }
});
Object.setPrototypeOf(Duplex, Readable);

// Writable's methods that Readable lacks (write, end, cork...; pipe and
// destroy stay Readable's, as in Node) and its writable* properties.
Object.getOwnPropertyNames(Writable.prototype).forEach(function (name) {
    var descriptor = Object.getOwnPropertyDescriptor(Writable.prototype, name);
    if (descriptor.get) {
        if (name.indexOf('writable') === 0)
            Object.defineProperty(Duplex.prototype, name, descriptor);
    } else if (typeof descriptor.value === 'function' && !(name in Duplex.prototype)) {
        Object.defineProperty(Duplex.prototype, name, descriptor);
    }
});

function bothSides(name, get, set) {
    Object.defineProperty(Duplex.prototype, name, { get: get, set: set, enumerable: false,
        configurable: true });
}
bothSides('destroyed', function () {
    var r = this._readableState;
    var w = this._writableState;
    if (r === undefined || w === undefined)
        return false;
    return r.destroyed && w.destroyed;
}, function (value) {
    if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
    }
});
bothSides('closed', function () {
    return !!(this._readableState && this._readableState.closed &&
        this._writableState && this._writableState.closed);
});
bothSides('errored', function () {
    return (this._readableState && this._readableState.errored) ||
        (this._writableState && this._writableState.errored) || null;
});

Readable.setDuplex(Duplex);
Writable.setDuplex(Duplex);

module.exports = Duplex;
