// Promise ordering against process.nextTick, queueMicrotask, timers and
// immediates, as Node 20 (V8 + libuv) runs them.
console.log('start');
setTimeout(function () {
    console.log('timeout 1');
    Promise.resolve().then(function () { console.log('microtask in timeout 1'); });
    process.nextTick(function () { console.log('tick in timeout 1'); });
}, 0);
setTimeout(function () { console.log('timeout 2'); }, 0);
setImmediate(function () {
    console.log('immediate');
    Promise.resolve().then(function () { console.log('microtask in immediate'); });
});
Promise.resolve().then(function () {
    console.log('p1');
    process.nextTick(function () { console.log('tick in p1'); });
}).then(function () { console.log('p2'); });
process.nextTick(function () {
    console.log('tick 1');
    Promise.resolve().then(function () { console.log('promise in tick'); });
    process.nextTick(function () { console.log('tick in tick'); });
});
queueMicrotask(function () { console.log('queueMicrotask'); });
new Promise(function (resolve) {
    console.log('executor runs synchronously');
    resolve(Promise.resolve('adopted'));
}).then(function (v) { console.log('resolved with a promise:', v); });
Promise.resolve('a').then(function (v) { console.log('chain', v); return 'b'; })
    .then(function (v) { console.log('chain', v); throw new Error('c'); })
    .catch(function (e) { console.log('chain caught', e.message); return 'd'; })
    .finally(function () { console.log('chain finally'); })
    .then(function (v) { console.log('chain end', v); });
var thenable = { then: function (resolve) { console.log('thenable.then called'); resolve('t'); } };
Promise.resolve(thenable).then(function (v) { console.log('thenable value', v); });
Promise.all([1, Promise.resolve(2), thenable]).then(function (v) { console.log('all', v); });
Promise.allSettled([Promise.reject(new Error('x')), 1]).then(function (v) {
    console.log('allSettled', v[0].status, v[0].reason.message, v[1]);
});
Promise.race([new Promise(function (r) { setTimeout(r, 100, 'slow'); }), 'fast'])
    .then(function (v) { console.log('race', v); });
Promise.any([Promise.reject(1), Promise.reject(2)]).catch(function (e) {
    console.log('any', e.constructor.name, e.message, e.errors);
});
// Timers well after the immediates even when a loaded emulator runs the
// synchronous part slowly (the order is what is compared).
var util = require('util');
var sleep = util.promisify(function (ms, cb) { setTimeout(function () { cb(null, ms); }, ms); });
sleep(1000).then(function (v) { console.log('promisified', v); });
var failing = util.promisify(function (cb) { cb(new Error('cb error')); });
failing().catch(function (e) { console.log('promisify rejects', e.message); });
var callbackified = util.callbackify(function () { return Promise.resolve('cb value'); });
callbackified(function (err, v) { console.log('callbackify', err, v); });
var falsy = util.callbackify(function () { return Promise.reject(null); });
falsy(function (err) { console.log('callbackify falsy', err.code, err.message, err.reason); });
require('events').once(new (require('events'))(), 'never');
var em = new (require('events'))();
require('events').once(em, 'go').then(function (args) { console.log('events.once', args); });
em.emit('go', 1, 'two');
require('timers/promises').setTimeout(1100, 'timer value').then(function (v) {
    console.log('timers/promises', v);
});
process.on('exit', function (code) { console.log('exit', code); });
console.log('end of script');
