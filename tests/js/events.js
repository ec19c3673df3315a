// events: EventEmitter's listener bookkeeping, the 'error' rule, the
// max-listeners warning and events.once.
'use strict';

var check = require('./lib/check.js');
var EventEmitter = require('events');
var util = require('util');

check.equal(EventEmitter.EventEmitter, EventEmitter);
check.equal(require('node:events'), EventEmitter);
check.equal(EventEmitter.defaultMaxListeners, 10);

var e = new EventEmitter();
var calls = [];
function a(x) { calls.push('a' + x); }
function b(x) { calls.push('b' + x); }
function c(x) { calls.push('c' + x); }
check.equal(e.emit('x', 1), false, 'emit without listeners');
check.equal(e.on('x', a), e, 'on returns this');
e.addListener('x', b);
e.prependListener('x', c);
check.equal(e.emit('x', 1), true);
check.deepEqual(calls, ['c1', 'a1', 'b1'], 'prependListener first');
check.equal(e.listenerCount('x'), 3);
check.equal(EventEmitter.listenerCount(e, 'x'), 3);
check.equal(e.listenerCount('x', a), 1, 'listenerCount(name, listener)');
check.equal(e.listenerCount('x', function () {}), 0);
check.deepEqual(e.listeners('x'), [c, a, b]);
e.off('x', a);
check.deepEqual(e.listeners('x'), [c, b], 'off removes one');
e.removeListener('x', function () {});
check.equal(e.listenerCount('x'), 2, 'removing an unknown listener is harmless');

// Same listener twice: removed one at a time, the last added first.
var twice = new EventEmitter();
twice.on('t', a);
twice.on('t', a);
twice.removeListener('t', a);
check.equal(twice.listenerCount('t'), 1);

// once and prependOnceListener
var o = new EventEmitter();
var onceCalls = [];
o.once('y', function (v) { onceCalls.push('once' + v); });
o.prependOnceListener('y', function (v) { onceCalls.push('ponce' + v); });
check.equal(o.rawListeners('y').length, 2);
check.equal(typeof o.rawListeners('y')[0].listener, 'function', 'raw wrapper has .listener');
o.emit('y', 1);
o.emit('y', 2);
check.deepEqual(onceCalls, ['ponce1', 'once1']);
check.deepEqual(o.eventNames(), [], 'once listeners gone');
function onceListener() {}
o.once('z', onceListener);
check.equal(o.listeners('z')[0], onceListener, 'listeners() unwraps once');
o.removeListener('z', onceListener);
check.equal(o.listenerCount('z'), 0, 'removeListener finds the once wrapper');

// this and arguments
var t = new EventEmitter();
t.on('args', function () {
    check.equal(this, t, 'this is the emitter');
    check.deepEqual(Array.prototype.slice.call(arguments), [1, 'two', 3, 4]);
});
t.emit('args', 1, 'two', 3, 4);

// Listeners added or removed during emit affect the next emit only.
var m = new EventEmitter();
var seen = [];
function m2() { seen.push('m2'); }
m.on('e', function () { seen.push('m1'); m.removeListener('e', m2); m.on('e', function () {
    seen.push('m3');
}); });
m.on('e', m2);
m.emit('e');
check.deepEqual(seen, ['m1', 'm2'], 'the list is copied for emit');

// newListener / removeListener events
var n = new EventEmitter();
var meta = [];
n.on('newListener', function (name, listener) {
    meta.push('new:' + name + ':' + (listener === a));
    check.equal(n.listenerCount(name), name === 'q' && meta.length > 2 ? 1 : 0,
        'newListener fires before adding');
});
n.on('removeListener', function (name, listener) { meta.push('rm:' + name + ':' + (listener === a)); });
n.on('q', a);
n.once('q', a);
n.removeListener('q', a);
check.deepEqual(meta, ['new:removeListener:false', 'new:q:true', 'new:q:true', 'rm:q:true']);
n.removeAllListeners('q');
check.equal(n.listenerCount('q'), 0);
n.removeAllListeners();
check.deepEqual(n.eventNames(), []);

// eventNames with symbols
var s = new EventEmitter();
var sym = Symbol('sym');
s.on('str', a);
s.on(sym, b);
check.equal(s.eventNames().length, 2);
check.equal(s.eventNames()[1], sym);
s.emit(sym, 9);
check.equal(calls[calls.length - 1], 'b9', 'symbol event names');

// 'error'
var err = new EventEmitter();
var boom = new Error('boom');
try {
    err.emit('error', boom);
    check.fail('emit error without listener must throw');
} catch (thrown) {
    check.equal(thrown, boom, 'the Error itself is thrown');
}
try {
    err.emit('error', 42);
} catch (thrown) {
    check.equal(thrown.message, 'Unhandled error. (42)');
    check.equal(thrown.code, 'ERR_UNHANDLED_ERROR');
    check.equal(thrown.context, 42);
}
try {
    err.emit('error', { a: 'b' });
} catch (thrown) {
    check.equal(thrown.message, "Unhandled error. ({ a: 'b' })");
}
try {
    err.emit('error');
} catch (thrown) {
    check.equal(thrown.message, 'Unhandled error. (undefined)');
}
var monitored = [];
err.on(EventEmitter.errorMonitor, function (e) { monitored.push(e.message); });
check.throws(function () { err.emit('error', new Error('mon')); }, /mon/);
check.deepEqual(monitored, ['mon'], 'errorMonitor sees errors first');
err.on('error', function (e) { monitored.push('handled ' + e.message); });
check.equal(err.emit('error', new Error('ok')), true);
check.deepEqual(monitored, ['mon', 'ok', 'handled ok']);

// argument checks
check.throws(function () { e.on('x', 5); }, /"listener" argument must be of type function/);
check.throws(function () { e.setMaxListeners(-1); },
    /^The value of "setMaxListeners" is out of range. It must be >= 0. Received -1$/);
check.throws(function () { e.setMaxListeners('a'); },
    /^The "setMaxListeners" argument must be of type number. Received type string \('a'\)$/);

// max listeners: one warning per name
var w = new EventEmitter();
check.equal(w.getMaxListeners(), 10);
w.setMaxListeners(2);
check.equal(w.getMaxListeners(), 2);
check.equal(EventEmitter.getMaxListeners(w), 2);
check.deepEqual(EventEmitter.getEventListeners(e, 'x'), e.listeners('x'));
var warnings = [];
process.on('warning', function (warning) { warnings.push(warning); });
w.on('leak', a);
w.on('leak', b);
w.on('leak', c);
w.on('leak', a);
w.setMaxListeners(0);
var unlimited = new EventEmitter();
unlimited.setMaxListeners(0);
for (var i = 0; i < 20; i++)
    unlimited.on('many', a);
setTimeout(check.expectCall('max listeners warning', function () {
    check.equal(warnings.length, 1, 'one warning');
    var warning = warnings[0];
    check.equal(warning.name, 'MaxListenersExceededWarning');
    check.equal(warning.message, 'Possible EventEmitter memory leak detected. 3 leak ' +
        'listeners added to [EventEmitter]. MaxListeners is 2. Use emitter.setMaxListeners() ' +
        'to increase limit');
    check.equal(warning.emitter, w);
    check.equal(warning.type, 'leak');
    check.equal(warning.count, 3);
}), 5);

// Inheritance, the usual ES5 way.
function Thing() { EventEmitter.call(this); }
util.inherits(Thing, EventEmitter);
var thing = new Thing();
thing.on('ping', check.expectCall('subclass', function (v) { check.equal(v, 'pong'); }));
thing.emit('ping', 'pong');
check.ok(thing instanceof EventEmitter);

// An object that never called the constructor still works.
var bare = Object.create(EventEmitter.prototype);
bare.on('x', check.expectCall('bare emitter'));
bare.emit('x');

// events.once
var ready = new EventEmitter();
EventEmitter.once(ready, 'ready').then(check.expectCall('events.once', function (args) {
    check.deepEqual(args, [1, 2]);
}));
ready.emit('ready', 1, 2);
var failing = new EventEmitter();
EventEmitter.once(failing, 'ready').catch(check.expectCall('events.once rejects', function (e) {
    check.equal(e.message, 'bad');
    check.equal(failing.listenerCount('ready'), 0, 'listener removed');
}));
failing.emit('error', new Error('bad'));
if (process.versions.unode)
    check.throws(function () { EventEmitter.on(ready, 'x'); }, /not supported in unode/);
