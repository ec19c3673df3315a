// Promise: the statics, ordering against nextTick/timers/immediates, and
// unhandled rejections (the exiting case is tests/differential).
'use strict';

var check = require('./lib/check.js');

var order = [];
function log(what) { return function () { order.push(what); }; }

// Ordering: sync, nextTick, microtasks, then timers and immediates.
setTimeout(log('timeout'), 0);
setImmediate(log('immediate'));
Promise.resolve().then(log('then1')).then(log('then2'));
process.nextTick(log('tick'));
queueMicrotask(log('microtask'));
order.push('sync');
// Checked at exit: on a slow machine later timers may be due in the same
// timers phase as the first one.
process.on('exit', function () {
    check.deepEqual(order, ['sync', 'tick', 'then1', 'microtask', 'then2', 'timeout',
        'immediate'], 'order of ticks, microtasks and macrotasks');
});

// A tick queued by a microtask runs after the microtask queue drains.
var nested = [];
Promise.resolve().then(function () {
    process.nextTick(function () { nested.push('tick from then'); });
    nested.push('then a');
}).then(function () { nested.push('then b'); });
setTimeout(check.expectCall('nested', function () {
    check.deepEqual(nested, ['then a', 'then b', 'tick from then'], 'microtasks drain first');
}), 5);

// Each timer callback is followed by its own microtasks.
var perTimer = [];
setTimeout(function () {
    perTimer.push('t1');
    Promise.resolve().then(function () { perTimer.push('p1'); });
}, 1);
setTimeout(function () {
    perTimer.push('t2');
}, 1);
setTimeout(check.expectCall('per timer', function () {
    check.deepEqual(perTimer, ['t1', 'p1', 't2'], 'microtasks between timers');
}), 10);

// Statics and the prototype.
check.equal(typeof Promise, 'function');
check.equal(Object.prototype.toString.call(Promise.resolve()), '[object Promise]');
check.throws(function () { Promise(function () {}); }, /without 'new'/);
check.throws(function () { return new Promise(5); }, /resolver 5 is not a function/);
check.ok(Promise.resolve(1) instanceof Promise);
var p0 = Promise.resolve(7);
check.equal(Promise.resolve(p0), p0, 'resolve(promise) is the promise');
check.equal(Object.keys(p0).length, 0, 'no enumerable own keys');
check.equal(JSON.stringify(p0), '{}');

Promise.all([1, Promise.resolve(2), { then: function (r) { r(3); } }])
    .then(check.expectCall('all', function (v) { check.deepEqual(v, [1, 2, 3], 'all'); }));
Promise.all([]).then(check.expectCall('all empty', function (v) {
    check.deepEqual(v, [], 'all([])');
}));
Promise.all([Promise.reject(new Error('no')), new Promise(function () {})])
    .catch(check.expectCall('all reject', function (e) { check.equal(e.message, 'no'); }));
Promise.allSettled([1, Promise.reject(2)]).then(check.expectCall('allSettled', function (v) {
    check.deepEqual(v, [{ status: 'fulfilled', value: 1 }, { status: 'rejected', reason: 2 }]);
}));
Promise.race([new Promise(function () {}), Promise.resolve('fast')])
    .then(check.expectCall('race', function (v) { check.equal(v, 'fast'); }));
Promise.any([Promise.reject(1), Promise.resolve(2)])
    .then(check.expectCall('any', function (v) { check.equal(v, 2); }));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch(check.expectCall('any rejected',
    function (e) {
        check.ok(e instanceof AggregateError, 'AggregateError');
        check.ok(e instanceof Error, 'AggregateError is an Error');
        check.equal(e.message, 'All promises were rejected');
        check.deepEqual(e.errors, [1, 2]);
    }));
Promise.any([]).catch(check.expectCall('any empty', function (e) {
    check.deepEqual(e.errors, []);
}));
Promise.all(5).catch(check.expectCall('all non-iterable', function (e) {
    check.ok(e instanceof TypeError, 'TypeError for a non-iterable');
}));

// finally passes values and reasons through, and can replace a reason.
Promise.resolve(1).finally(function () { return 99; })
    .then(check.expectCall('finally value', function (v) { check.equal(v, 1); }));
Promise.reject(new Error('r')).finally(function () {})
    .catch(check.expectCall('finally reason', function (e) { check.equal(e.message, 'r'); }));
Promise.resolve(1).finally(function () { throw new Error('f'); })
    .catch(check.expectCall('finally throws', function (e) { check.equal(e.message, 'f'); }));

// Chaining cycle, thenables that throw, a then getter called once.
var cycle = Promise.resolve().then(function () { return cycle; });
cycle.catch(check.expectCall('cycle', function (e) {
    check.ok(e instanceof TypeError);
    check.equal(e.message, 'Chaining cycle detected for promise #<Promise>');
}));
var getterCalls = 0;
var thenable = {};
Object.defineProperty(thenable, 'then', { get: function () {
    getterCalls++;
    return function (resolve) { resolve('via getter'); };
} });
Promise.resolve(thenable).then(check.expectCall('then getter', function (v) {
    check.equal(v, 'via getter');
    check.equal(getterCalls, 1, 'then read once');
}));
new Promise(function (resolve) {
    resolve({ then: function () { throw new Error('then threw'); } });
}).catch(check.expectCall('then throws', function (e) { check.equal(e.message, 'then threw'); }));

// Executor errors reject; later resolve calls are ignored.
new Promise(function () { throw new RangeError('exec'); })
    .catch(check.expectCall('executor throws', function (e) { check.ok(e instanceof RangeError); }));
new Promise(function (resolve, reject) {
    resolve(1);
    reject(2);
    resolve(3);
}).then(check.expectCall('first wins', function (v) { check.equal(v, 1); }));

// A rejection handled in the same turn is not reported; unhandled ones go to
// 'unhandledRejection' and a later handler emits 'rejectionHandled'.
var unhandled = [];
var late = Promise.reject(new Error('late'));
process.on('unhandledRejection', function (reason, promise) {
    unhandled.push(reason.message);
    check.equal(promise, late, 'the promise is passed');
    setTimeout(function () { late.catch(function () {}); }, 1);
});
process.on('rejectionHandled', check.expectCall('rejectionHandled', function (promise) {
    check.equal(promise, late);
}));
Promise.reject(new Error('handled')).catch(function () {});
setTimeout(check.expectCall('unhandled', function () {
    check.deepEqual(unhandled, ['late'], 'only the unhandled one');
}), 20);

// util.inspect shows the state.
var util = require('util');
check.equal(util.inspect(Promise.resolve(42)), 'Promise { 42 }');
check.equal(util.inspect(new Promise(function () {})), 'Promise { <pending> }');
var rejected = Promise.reject(3);
rejected.catch(function () {});
check.equal(util.inspect(rejected), 'Promise { <rejected> 3 }');
check.ok(util.types.isPromise(rejected), 'types.isPromise');
check.ok(!util.types.isPromise({ then: function () {} }), 'a thenable is not a Promise');
