// require('events'): Node's EventEmitter, with Node's own layout (some
// libraries read it, and console.log(emitter) shows it): this._events maps
// an event name to its one listener, or to an array of two or more;
// this._eventsCount counts the names.
//
// The rules that programs rely on:
// - emit() calls a copy of the list, so listeners added or removed during
//   an emit take effect for the next one;
// - 'error' with no listener throws (the Error itself, or
//   ERR_UNHANDLED_ERROR "Unhandled error. (x)"); errorMonitor listeners
//   see it first;
// - 'newListener' fires before a listener is added, 'removeListener'
//   after one is removed;
// - past getMaxListeners() listeners for one name, one
//   MaxListenersExceededWarning per name and emitter.
'use strict';

var defaultMaxListeners = 10;

// A Symbol, as in Node, when Duktape has them.
var errorMonitor = typeof Symbol === 'function' ? Symbol('events.errorMonitor') :
    '__events_errorMonitor__';

// Node's per-emitter flags, shown by inspect(); unode only stores them.
var kShapeMode = typeof Symbol === 'function' ? Symbol('shapeMode') : '__shapeMode__';
var kCapture = typeof Symbol === 'function' ? Symbol('kCapture') : '__kCapture__';

function EventEmitter(options) {
    EventEmitter.init.call(this, options);
}

EventEmitter.init = function (options) {
    if (this._events === void 0 || this._events === Object.getPrototypeOf(this)._events) {
        this._events = Object.create(null);
        this._eventsCount = 0;
        this[kShapeMode] = false;
    } else {
        this[kShapeMode] = true;
    }
    this._maxListeners = this._maxListeners || void 0;
    if (options && options.captureRejections)
        throw new Error('EventEmitter captureRejections is not supported in unode');
    this[kCapture] = false;
};

EventEmitter.prototype._events = void 0;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = void 0;

function checkListener(listener) {
    if (typeof listener !== 'function') {
        var error = new TypeError('The "listener" argument must be of type function. Received ' +
            describeReceived(listener));
        error.code = 'ERR_INVALID_ARG_TYPE';
        throw error;
    }
}

function describeReceived(value) {
    if (value === null || value === void 0)
        return String(value);
    if (typeof value === 'object')
        return 'an instance of ' + (value.constructor && value.constructor.name || 'Object');
    return 'type ' + typeof value + ' (' + require('./util.js').inspect(value) + ')';
}

function checkCount(n, name) {
    var error;
    if (typeof n !== 'number') {
        error = new TypeError('The "' + name + '" argument must be of type number. Received ' +
            describeReceived(n));
        error.code = 'ERR_INVALID_ARG_TYPE';
        throw error;
    }
    if (n < 0 || n !== n) {
        error = new RangeError('The value of "' + name + '" is out of range. It must be >= 0. ' +
            'Received ' + require('./util.js').inspect(n));
        error.code = 'ERR_OUT_OF_RANGE';
        throw error;
    }
}

Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
    enumerable: true,
    get: function () { return defaultMaxListeners; },
    set: function (n) {
        checkCount(n, 'defaultMaxListeners');
        defaultMaxListeners = n;
    }
});

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
    checkCount(n, 'setMaxListeners');
    this._maxListeners = n;
    return this;
};

function maxListenersOf(emitter) {
    return emitter._maxListeners === void 0 ? defaultMaxListeners : emitter._maxListeners;
}

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
    return maxListenersOf(this);
};

function eventsOf(emitter) {
    if (emitter._events === void 0) {
        emitter._events = Object.create(null);
        emitter._eventsCount = 0;
    }
    return emitter._events;
}

function addListener(emitter, name, listener, prepend) {
    checkListener(listener);
    var events = eventsOf(emitter);
    if (events.newListener !== void 0) {
        emitter.emit('newListener', name, listener.listener ? listener.listener : listener);
        events = eventsOf(emitter);  // a newListener listener may have reset it
    }
    var existing = events[name];
    if (existing === void 0) {
        events[name] = listener;
        emitter._eventsCount++;
        return emitter;
    }
    if (typeof existing === 'function')
        existing = events[name] = prepend ? [listener, existing] : [existing, listener];
    else if (prepend)
        existing.unshift(listener);
    else
        existing.push(listener);
    var max = maxListenersOf(emitter);
    if (max > 0 && existing.length > max && !existing.warned) {
        existing.warned = true;
        warnTooMany(emitter, name, existing.length, max);
    }
    return emitter;
}

function warnTooMany(emitter, name, count, max) {
    var label = typeof name === 'symbol' ? String(name) : name;
    var warning = new Error('Possible EventEmitter memory leak detected. ' + count + ' ' +
        label + ' listeners added to ' + describeEmitter(emitter) + '. MaxListeners is ' + max +
        '. Use emitter.setMaxListeners() to increase limit');
    warning.name = 'MaxListenersExceededWarning';
    warning.emitter = emitter;
    warning.type = name;
    warning.count = count;
    process.emitWarning(warning);
}

// "[EventEmitter]", "[Server]": the constructor name, as Node's inspect at depth -1.
function describeEmitter(emitter) {
    var proto = Object.getPrototypeOf(emitter);
    var name = proto && proto.constructor && proto.constructor.name;
    return '[' + (name || 'Object') + ']';
}

EventEmitter.prototype.addListener = function addListener_(name, listener) {
    return addListener(this, name, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener = function prependListener(name, listener) {
    return addListener(this, name, listener, true);
};

// once: Node's bound onceWrapper, which removes itself before calling the
// listener; wrapper.listener lets removeListener(name, listener) find it.
function onceWrapper() {
    if (this.fired)
        return void 0;
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    return this.listener.apply(this.target, arguments);
}

function onceWrap(target, type, listener) {
    var state = { fired: false, wrapFn: void 0, target: target, type: type,
        listener: listener };
    var wrapped = onceWrapper.bind(state);
    wrapped.listener = listener;
    state.wrapFn = wrapped;
    return wrapped;
}

EventEmitter.prototype.once = function once(name, listener) {
    checkListener(listener);
    return this.on(name, onceWrap(this, name, listener));
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(name, listener) {
    checkListener(listener);
    return this.prependListener(name, onceWrap(this, name, listener));
};

EventEmitter.prototype.removeListener = function removeListener(name, listener) {
    checkListener(listener);
    var events = this._events;
    if (events === void 0)
        return this;
    var list = events[name];
    if (list === void 0)
        return this;
    if (list === listener || list.listener === listener) {
        if (--this._eventsCount === 0)
            this._events = Object.create(null);
        else
            delete events[name];
        if (events.removeListener !== void 0)
            this.emit('removeListener', name, list.listener || listener);
        return this;
    }
    if (typeof list === 'function')
        return this;
    for (var i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) {
            var removed = list[i];
            if (i === 0)
                list.shift();
            else
                list.splice(i, 1);
            if (list.length === 1)
                events[name] = list[0];
            if (events.removeListener !== void 0)
                this.emit('removeListener', name, removed.listener || listener);
            break;
        }
    }
    return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(name) {
    var events = this._events;
    if (events === void 0)
        return this;
    if (events.removeListener === void 0) {
        if (arguments.length === 0) {
            this._events = Object.create(null);
            this._eventsCount = 0;
        } else if (events[name] !== void 0) {
            if (--this._eventsCount === 0)
                this._events = Object.create(null);
            else
                delete events[name];
        }
        this[kShapeMode] = false;
        return this;
    }
    // With 'removeListener' listeners: remove one by one so they hear of
    // each, the removeListener event itself last.
    if (arguments.length === 0) {
        var names = this.eventNames();
        for (var i = 0; i < names.length; i++) {
            if (names[i] !== 'removeListener')
                this.removeAllListeners(names[i]);
        }
        this.removeAllListeners('removeListener');
        this._events = Object.create(null);
        this._eventsCount = 0;
        this[kShapeMode] = false;
        return this;
    }
    var list = events[name];
    if (typeof list === 'function') {
        this.removeListener(name, list);
    } else if (list !== void 0) {
        for (var j = list.length - 1; j >= 0; j--)
            this.removeListener(name, list[j]);
    }
    return this;
};

// emit(name, ...args). The first three arguments are named so the common
// calls read them as locals; `arguments` is touched once, for its length
// (and copied only for longer calls), which is what it costs Duktape.
EventEmitter.prototype.emit = function emit(name, a, b, c) {
    var n = arguments.length;
    var args = n > 4 ? Array.prototype.slice.call(arguments, 1) : null;
    var events = this._events;
    if (name === 'error') {
        if (events !== void 0 && events[errorMonitor] !== void 0)
            callListeners(this, events[errorMonitor], n, a, b, c, args);
        if (events === void 0 || events.error === void 0)
            throw unhandledError(a);
    }
    var handler = events === void 0 ? void 0 : events[name];
    if (handler === void 0)
        return false;
    callListeners(this, handler, n, a, b, c, args);
    return true;
};

// emit.length is 1 in Node (emit(eventName, ...args)).
Object.defineProperty(EventEmitter.prototype.emit, 'length', { value: 1 });

// Calls one listener, or each of a copy of the array (a listener may add
// or remove others: that takes effect at the next emit).
function callListeners(emitter, handler, n, a, b, c, args) {
    if (typeof handler === 'function') {
        callOne(emitter, handler, n, a, b, c, args);
        return;
    }
    var list = handler.slice();
    for (var i = 0; i < list.length; i++)
        callOne(emitter, list[i], n, a, b, c, args);
}

function callOne(emitter, listener, n, a, b, c, args) {
    if (n === 1)
        listener.call(emitter);
    else if (n === 2)
        listener.call(emitter, a);
    else if (n === 3)
        listener.call(emitter, a, b);
    else if (n === 4)
        listener.call(emitter, a, b, c);
    else
        listener.apply(emitter, args);
}

function unhandledError(value) {
    if (value instanceof Error)
        return value;
    var text;
    try {
        text = require('./util.js').inspect(value);
    } catch (e) {
        text = String(value);
    }
    var error = new Error('Unhandled error. (' + text + ')');
    error.code = 'ERR_UNHANDLED_ERROR';
    error.context = value;
    return error;
}

function listenerArray(emitter, name) {
    var handler = emitter._events === void 0 ? void 0 : emitter._events[name];
    if (handler === void 0)
        return [];
    return typeof handler === 'function' ? [handler] : handler.slice();
}

EventEmitter.prototype.listeners = function listeners(name) {
    var list = listenerArray(this, name);
    for (var i = 0; i < list.length; i++)
        list[i] = list[i].listener || list[i];
    return list;
};

EventEmitter.prototype.rawListeners = function rawListeners(name) {
    return listenerArray(this, name);
};

// listenerCount(name[, listener]): all listeners, or those that are listener.
function listenerCount(name, listener) {
    var list = listenerArray(this, name);
    if (listener === void 0 || listener === null)
        return list.length;
    var count = 0;
    for (var i = 0; i < list.length; i++) {
        if (list[i] === listener || list[i].listener === listener)
            count++;
    }
    return count;
}
EventEmitter.prototype.listenerCount = listenerCount;

// events.listenerCount(emitter, name), deprecated in Node but still there.
EventEmitter.listenerCount = function (emitter, name) {
    if (typeof emitter.listenerCount === 'function')
        return emitter.listenerCount(name);
    return listenerCount.call(emitter, name);
};

EventEmitter.prototype.eventNames = function eventNames() {
    if (this._events === void 0 || this._eventsCount === 0)
        return [];
    var names = Object.keys(this._events);
    if (typeof Object.getOwnPropertySymbols === 'function')
        names = names.concat(Object.getOwnPropertySymbols(this._events));
    return names;
};

// events.once(emitter, name): a Promise of the arguments of the next
// emit; an 'error' emitted first rejects it.
// (Node's once is an async function: its promise adopts the inner one,
// which costs two more microtask turns; the outer promise keeps that order.)
function once(emitter, name) {
    var inner = new Promise(function (resolve, reject) {
        function onError(error) {
            emitter.removeListener(name, resolver);
            reject(error);
        }
        function resolver() {
            if (name !== 'error')
                emitter.removeListener('error', onError);
            resolve(Array.prototype.slice.call(arguments));
        }
        emitter.once(name, resolver);
        if (name !== 'error')
            emitter.once('error', onError);
    });
    return new Promise(function (resolve) { resolve(inner); });
}

EventEmitter.once = once;
EventEmitter.on = function () {
    throw new Error('events.on (async iteration) is not supported in unode');
};
EventEmitter.getEventListeners = function (emitter, name) { return emitter.listeners(name); };
EventEmitter.getMaxListeners = function (emitter) { return emitter.getMaxListeners(); };
EventEmitter.setMaxListeners = function (n) {
    checkCount(n, 'n');
    if (arguments.length < 2) {
        defaultMaxListeners = n;
        return;
    }
    for (var i = 1; i < arguments.length; i++)
        arguments[i].setMaxListeners(n);
};
EventEmitter.errorMonitor = errorMonitor;
EventEmitter.captureRejections = false;
EventEmitter.EventEmitter = EventEmitter;
module.exports = EventEmitter;
// unode's own modules emit through internal/emit_known.js when they know
// their arguments: it calls the listeners as emit() does.
require('./internal/emit_known.js').register(EventEmitter.prototype.emit, callListeners);
