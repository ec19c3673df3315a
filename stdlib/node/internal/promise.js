// The global Promise (Duktape 2.7 has none), written after the algorithms
// of ECMAScript 2021 section 27.2 so that the order in which reactions run
// is the one V8 gives: a reaction is a job on the loop's microtask queue;
// resolving with a thenable costs one job to call its then() and one more
// when that settles, as in the spec.
//
// Unhandled rejections follow Node 20's default ("throw" mode): after the
// nextTick and microtask queues are drained, a promise that is still
// rejected with no handler emits process 'unhandledRejection'; with no
// listener its reason becomes an uncaught exception (exit status 1).
// A handler added later emits 'rejectionHandled'.
'use strict';

var loop = require('./loop.js');

// A promise's internal slots live in one record under a symbol key, which
// keeps them out of Object.keys() and JSON, and costs one plain property.
var slots = typeof Symbol === 'function' ? Symbol('promise state') : '__promise_state__';
exports.slots = slots;

var PENDING = 0;
var FULFILLED = 1;
var REJECTED = 2;

function isObject(value) {
    return value !== null && (typeof value === 'object' || typeof value === 'function');
}

function isPromise(value) {
    return isObject(value) && value[slots] !== undefined && value[slots].promise === value;
}
exports.isPromise = isPromise;

// 'pending' | 'fulfilled' | 'rejected', and the value or reason (util.inspect).
exports.inspectState = function (promise) {
    var record = promise[slots];
    return { state: ['pending', 'fulfilled', 'rejected'][record.state], value: record.value };
};

function typeError(message) {
    return new TypeError(message);
}

// -- unhandled rejections --------------------------------------------------

var pendingUnhandled = [];  // records rejected with no handler, in order
var reported = [];          // records reported as unhandled (for 'rejectionHandled')
var handledLate = [];       // reported ones that got a handler since

function trackRejection(record) {
    if (!record.handled)
        pendingUnhandled.push(record);
}

function markHandled(record) {
    if (record.handled)
        return;
    record.handled = true;
    var index = reported.indexOf(record);
    if (index !== -1) {
        reported.splice(index, 1);
        handledLate.push(record);
    }
}

// Node's ERR_UNHANDLED_REJECTION, for a reason that is not an Error.
function unhandledRejectionError(reason) {
    var text;
    try {
        text = String(reason);
    } catch (e) {
        text = Object.prototype.toString.call(reason);  // a throwing toString
    }
    var error = new Error('This error originated either by throwing inside of an async ' +
        'function without a catch block, or by rejecting a promise which was not handled ' +
        'with .catch(). The promise rejected with the reason "' + text + '".');
    error.name = 'UnhandledPromiseRejection';
    error.code = 'ERR_UNHANDLED_REJECTION';
    return error;
}

// Called by the loop once the tick and microtask queues are empty, as
// Node's processPromiseRejections: first 'rejectionHandled' for reported
// rejections that got a handler since, then the new unhandled ones. Returns
// true when listeners ran (they may have queued more work).
function processRejections() {
    if (pendingUnhandled.length === 0 && handledLate.length === 0)
        return false;
    var process = require('../process.js');
    while (handledLate.length > 0)
        loop.invoke(process.emit, process, ['rejectionHandled', handledLate.shift().promise]);
    var list = pendingUnhandled;
    pendingUnhandled = [];
    for (var i = 0; i < list.length; i++) {
        var record = list[i];
        if (record.handled)
            continue;
        reported.push(record);
        if (process.listenerCount('unhandledRejection') > 0) {
            loop.invoke(process.emit, process, ['unhandledRejection', record.value,
                record.promise]);
        } else {
            var reason = record.value;
            var error = reason instanceof Error ? reason : unhandledRejectionError(reason);
            loop.reportUncaught(error, 'unhandledRejection', reason);
        }
    }
    return true;
}

// -- jobs ------------------------------------------------------------------

// A reaction: the handler for one outcome and the capability of the
// promise then() returned, which the handler's result settles.
function Reaction(capability, type, handler) {
    this.capability = capability;
    this.type = type;
    this.handler = handler;
}

function reactionJob(reaction, argument) {
    var handler = reaction.handler;
    var capability = reaction.capability;
    var result;
    if (typeof handler !== 'function') {
        if (reaction.type === FULFILLED)
            capability.resolve(argument);
        else
            capability.reject(argument);
        return;
    }
    try {
        result = handler(argument);
    } catch (error) {
        capability.reject(error);
        return;
    }
    capability.resolve(result);
}

function triggerReactions(reactions, argument) {
    for (var i = 0; i < reactions.length; i++)
        loop.enqueueJob(reactionJob, reactions[i], argument);
}

function fulfill(record, value) {
    var reactions = record.fulfillReactions;
    record.state = FULFILLED;
    record.value = value;
    record.fulfillReactions = record.rejectReactions = null;
    triggerReactions(reactions, value);
}

function reject(record, reason) {
    var reactions = record.rejectReactions;
    record.state = REJECTED;
    record.value = reason;
    record.fulfillReactions = record.rejectReactions = null;
    if (!record.handled)
        trackRejection(record);
    triggerReactions(reactions, reason);
}

// NewPromiseResolveThenableJob: then() of the thenable, called in a job
// with a fresh resolve/reject pair.
function resolveThenableJob(job) {
    var resolver = new Resolver(job.record);
    if (isPromise(job.thenable) && job.then === Promise.prototype.then &&
        job.thenable.constructor === Promise) {
        // then() of one of our own promises: the same reaction it would
        // register, without making the two functions (no visible difference).
        performThen(job.thenable[slots], undefined, undefined, resolver);
        return;
    }
    var functions = resolver.functions();
    try {
        job.then.call(job.thenable, functions.resolve, functions.reject);
    } catch (error) {
        resolver.reject(error);
    }
}

// A promise's "resolving functions" as one object: only the first resolve
// or reject counts. Internal reactions call its methods; code that needs
// real functions (an executor, a foreign thenable) gets them from
// functions(). (Closures are what costs most in Duktape: a then() makes
// none.)
function Resolver(record) {
    this.record = record;
    this.promise = record.promise;
    this.done = false;
}

Resolver.prototype.resolve = function (resolution) {
    if (this.done)
        return;
    this.done = true;
    resolveRecord(this.record, resolution);
};

Resolver.prototype.reject = function (reason) {
    if (this.done)
        return;
    this.done = true;
    reject(this.record, reason);
};

Resolver.prototype.functions = function () {
    var self = this;
    return {
        resolve: function (resolution) { self.resolve(resolution); },
        reject: function (reason) { self.reject(reason); }
    };
};

function resolveRecord(record, resolution) {
    if (resolution === record.promise) {
        reject(record, typeError('Chaining cycle detected for promise #<Promise>'));
        return;
    }
    if (!isObject(resolution)) {
        fulfill(record, resolution);
        return;
    }
    var then;
    try {
        then = resolution.then;
    } catch (error) {
        reject(record, error);
        return;
    }
    if (typeof then !== 'function') {
        fulfill(record, resolution);
        return;
    }
    loop.enqueueJob(resolveThenableJob, { record: record, thenable: resolution, then: then });
}

// -- the constructor -------------------------------------------------------

function newRecord(promise) {
    return { promise: promise, state: PENDING, value: undefined, handled: false,
        fulfillReactions: [], rejectReactions: [] };
}

function Promise(executor) {
    if (!(this instanceof Promise) || this[slots] !== undefined)
        throw typeError("Promise constructor cannot be invoked without 'new'");
    if (typeof executor !== 'function')
        throw typeError('Promise resolver ' + describe(executor) + ' is not a function');
    var record = newRecord(this);
    this[slots] = record;
    var resolver = new Resolver(record);
    var functions = resolver.functions();
    try {
        executor(functions.resolve, functions.reject);
    } catch (error) {
        resolver.reject(error);
    }
}

function describe(value) {
    if (value === undefined || value === null)
        return String(value);
    if (typeof value === 'object')
        return Array.isArray(value) ? '[object Array]' : '#<Object>';
    return typeof value === 'string' ? value : String(value);
}

// NewPromiseCapability(C): a promise from constructor C and its resolve
// and reject, called as capability.resolve(x) / capability.reject(r). For
// Promise itself: a Resolver, without the executor round trip.
function newCapability(C) {
    if (C === Promise) {
        var promise = Object.create(Promise.prototype);
        var record = newRecord(promise);
        promise[slots] = record;
        return new Resolver(record);
    }
    if (typeof C !== 'function')
        throw typeError('Promise resolve or reject function is not callable');
    var capability = { promise: undefined, resolve: undefined, reject: undefined };
    capability.promise = new C(function (resolve, rejectFn) {
        if (capability.resolve !== undefined || capability.reject !== undefined)
            throw typeError('Promise executor has already been invoked with non-undefined ' +
                'arguments');
        capability.resolve = resolve;
        capability.reject = rejectFn;
    });
    if (typeof capability.resolve !== 'function' || typeof capability.reject !== 'function')
        throw typeError('Promise resolve or reject function is not callable');
    return capability;
}

function speciesConstructor(promise) {
    var C = promise.constructor;
    if (C === undefined)
        return Promise;
    if (!isObject(C))
        throw typeError('The .constructor property is not an object');
    var species = typeof Symbol === 'function' && Symbol.species ? C[Symbol.species] : C;
    if (species === undefined || species === null)
        return Promise;
    if (typeof species === 'function')
        return species;
    throw typeError('object.constructor[Symbol.species] is not a constructor');
}

function performThen(record, onFulfilled, onRejected, capability) {
    var fulfillReaction = new Reaction(capability, FULFILLED, onFulfilled);
    var rejectReaction = new Reaction(capability, REJECTED, onRejected);
    if (record.state === PENDING) {
        record.fulfillReactions.push(fulfillReaction);
        record.rejectReactions.push(rejectReaction);
    } else if (record.state === FULFILLED) {
        loop.enqueueJob(reactionJob, fulfillReaction, record.value);
    } else {
        loop.enqueueJob(reactionJob, rejectReaction, record.value);
    }
    markHandled(record);
}

function thisRecord(promise, method) {
    if (!isPromise(promise))
        throw typeError('Method Promise.prototype.' + method +
            ' called on incompatible receiver ' + describe(promise));
    return promise[slots];
}

Promise.prototype.then = function then(onFulfilled, onRejected) {
    var record = thisRecord(this, 'then');
    var capability = newCapability(speciesConstructor(this));
    performThen(record, onFulfilled, onRejected, capability);
    return capability.promise;
};

Promise.prototype['catch'] = function (onRejected) {
    return this.then(undefined, onRejected);
};

Promise.prototype['finally'] = function (onFinally) {
    if (!isObject(this))
        throw typeError('Method Promise.prototype.finally called on incompatible receiver ' +
            describe(this));
    if (typeof onFinally !== 'function')
        return this.then(onFinally, onFinally);
    var C = speciesConstructor(this);
    return this.then(function (value) {
        return promiseResolve(C, onFinally()).then(function () { return value; });
    }, function (reason) {
        return promiseResolve(C, onFinally()).then(function () { throw reason; });
    });
};

Object.defineProperty(Promise.prototype, 'constructor', { value: Promise, writable: true,
    configurable: true, enumerable: false });
['then', 'catch', 'finally'].forEach(function (name) {
    Object.defineProperty(Promise.prototype, name, { enumerable: false });
});
if (typeof Symbol === 'function' && Symbol.toStringTag) {
    Object.defineProperty(Promise.prototype, Symbol.toStringTag, { value: 'Promise',
        configurable: true });
}

// -- statics ---------------------------------------------------------------

function promiseResolve(C, value) {
    if (isPromise(value) && value.constructor === C)
        return value;
    var capability = newCapability(C);
    capability.resolve(value);
    return capability.promise;
}

function defineStatic(name, fn) {
    Object.defineProperty(Promise, name, { value: fn, writable: true, configurable: true,
        enumerable: false });
}

defineStatic('resolve', function resolve(value) {
    if (!isObject(this))
        throw typeError('PromiseResolve called on non-object');
    return promiseResolve(this, value);
});

defineStatic('reject', function reject(reason) {
    var capability = newCapability(this);
    capability.reject(reason);
    return capability.promise;
});

// The items of an iterable: arrays and array-likes directly, others through
// their Symbol.iterator method (Duktape's built-ins have none).
function listFrom(iterable) {
    if (Array.isArray(iterable) || typeof iterable === 'string')
        return Array.prototype.slice.call(iterable);
    var iteratorMethod = isObject(iterable) && typeof Symbol === 'function' &&
        Symbol.iterator ? iterable[Symbol.iterator] : undefined;
    if (typeof iteratorMethod === 'function') {
        var iterator = iteratorMethod.call(iterable);
        var items = [];
        for (;;) {
            var step = iterator.next();
            if (step.done)
                return items;
            items.push(step.value);
        }
    }
    throw typeError(describeIterable(iterable) + ' is not iterable (cannot read property ' +
        'Symbol(Symbol.iterator))');
}

function describeIterable(value) {
    if (value === undefined || value === null)
        return String(value);
    if (typeof value === 'object')
        return 'object';
    return typeof value + ' ' + String(value);
}

// Runs body(items, capability, C) and turns a synchronous error into a
// rejection of the returned promise, as the spec's IfAbruptRejectPromise.
function combinator(C, iterable, body) {
    var capability = newCapability(C);
    // resolve and reject as functions, to be given to then() as handlers.
    var settle = capability instanceof Resolver ? capability.functions() : capability;
    try {
        var resolveFn = C.resolve;
        if (typeof resolveFn !== 'function')
            throw typeError('Promise resolve or reject function is not callable');
        body(listFrom(iterable), settle, function (item) { return resolveFn.call(C, item); });
    } catch (error) {
        capability.reject(error);
    }
    return capability.promise;
}

// The list all/allSettled/any build: element(i) is the one-shot function
// that stores item i's result; done(values) runs once every element was
// stored and finish() was called (after the loop, so an empty list ends too).
function collector(count, done) {
    var values = new Array(count);
    var remaining = count + 1;
    return {
        element: function (index) {
            var called = false;
            return function (value) {
                if (called)
                    return;
                called = true;
                values[index] = value;
                if (--remaining === 0)
                    done(values);
            };
        },
        finish: function () {
            if (--remaining === 0)
                done(values);
        }
    };
}

defineStatic('all', function all(iterable) {
    return combinator(this, iterable, function (items, capability, resolveItem) {
        var list = collector(items.length, capability.resolve);
        items.forEach(function (item, index) {
            resolveItem(item).then(list.element(index), capability.reject);
        });
        list.finish();
    });
});

defineStatic('allSettled', function allSettled(iterable) {
    return combinator(this, iterable, function (items, capability, resolveItem) {
        var list = collector(items.length, capability.resolve);
        items.forEach(function (item, index) {
            var settle = list.element(index);
            resolveItem(item).then(function (value) {
                settle({ status: 'fulfilled', value: value });
            }, function (reason) {
                settle({ status: 'rejected', reason: reason });
            });
        });
        list.finish();
    });
});

defineStatic('race', function race(iterable) {
    return combinator(this, iterable, function (items, capability, resolveItem) {
        for (var i = 0; i < items.length; i++)
            resolveItem(items[i]).then(capability.resolve, capability.reject);
    });
});

defineStatic('any', function any(iterable) {
    return combinator(this, iterable, function (items, capability, resolveItem) {
        var list = collector(items.length, function (errors) {
            capability.reject(new AggregateError(errors, 'All promises were rejected'));
        });
        items.forEach(function (item, index) {
            resolveItem(item).then(capability.resolve, list.element(index));
        });
        list.finish();
    });
});

// AggregateError (ES2021), which Promise.any rejects with.
function AggregateError(errors, message) {
    if (!(this instanceof AggregateError))
        return new AggregateError(errors, message);
    var error = new Error(message === undefined ? '' : String(message));
    Object.defineProperty(this, 'message', { value: error.message, writable: true,
        configurable: true, enumerable: false });
    Object.defineProperty(this, 'errors', { value: listFrom(errors), writable: true,
        configurable: true, enumerable: false });
    Object.defineProperty(this, 'stack', { value: 'AggregateError: ' + error.message +
        String(error.stack || '').replace(/^[^\n]*/, ''), writable: true, configurable: true,
        enumerable: false });
}
AggregateError.prototype = Object.create(Error.prototype, {
    constructor: { value: AggregateError, writable: true, configurable: true },
    name: { value: 'AggregateError', writable: true, configurable: true }
});

exports.Promise = Promise;
exports.AggregateError = AggregateError;
loop.setRejectionProcessor(processRejections);
