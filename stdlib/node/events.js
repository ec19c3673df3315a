// require('events'): a small EventEmitter (on, once, off, emit,
// listeners). process uses it for 'exit' and 'uncaughtException'.
'use strict';

function EventEmitter() {
    this._events = {};
}

EventEmitter.prototype._listenersOf = function (name) {
    if (!this._events)
        this._events = {};
    if (!Object.prototype.hasOwnProperty.call(this._events, name))
        this._events[name] = [];
    return this._events[name];
};

EventEmitter.prototype.on = function (name, listener) {
    if (typeof listener !== 'function')
        throw new TypeError('The "listener" argument must be of type function');
    if (this._events && this._events.newListener && name !== 'newListener')
        this.emit('newListener', name, listener);
    this._listenersOf(name).push(listener);
    return this;
};
EventEmitter.prototype.addListener = EventEmitter.prototype.on;

EventEmitter.prototype.prependListener = function (name, listener) {
    this._listenersOf(name).unshift(listener);
    return this;
};

EventEmitter.prototype.once = function (name, listener) {
    var self = this;
    function wrapper() {
        self.removeListener(name, wrapper);
        return listener.apply(this, arguments);
    }
    wrapper.listener = listener;
    return this.on(name, wrapper);
};

EventEmitter.prototype.removeListener = function (name, listener) {
    var list = this._listenersOf(name);
    for (var i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) {
            list.splice(i, 1);
            break;
        }
    }
    return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function (name) {
    if (name === undefined)
        this._events = {};
    else
        delete this._events[name];
    return this;
};

EventEmitter.prototype.emit = function (name) {
    var list = this._events && Object.prototype.hasOwnProperty.call(this._events, name) ?
        this._events[name].slice() : [];
    if (name === 'error' && list.length === 0) {
        var error = arguments[1];
        throw error instanceof Error ? error : new Error('Unhandled error. (' + error + ')');
    }
    var args = Array.prototype.slice.call(arguments, 1);
    for (var i = 0; i < list.length; i++)
        list[i].apply(this, args);
    return list.length > 0;
};

EventEmitter.prototype.listeners = function (name) {
    var list = this._listenersOf(name);
    var out = [];
    for (var i = 0; i < list.length; i++)
        out.push(list[i].listener || list[i]);
    return out;
};

EventEmitter.prototype.listenerCount = function (name) { return this._listenersOf(name).length; };
EventEmitter.prototype.eventNames = function () {
    var names = [];
    for (var key in this._events) {
        if (this._events[key].length > 0)
            names.push(key);
    }
    return names;
};
EventEmitter.prototype.setMaxListeners = function () { return this; };
EventEmitter.prototype.getMaxListeners = function () { return 10; };

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.defaultMaxListeners = 10;
module.exports = EventEmitter;
