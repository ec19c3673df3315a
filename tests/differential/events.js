// EventEmitter: order of listeners, once, newListener/removeListener, the
// 'error' rule and errorMonitor.
var EventEmitter = require('events');
var e = new EventEmitter();
e.on('newListener', function (name) { console.log('newListener', String(name)); });
e.on('removeListener', function (name) { console.log('removeListener', String(name)); });
function a(v) { console.log('a', v); }
function b(v) { console.log('b', v); }
e.on('x', a);
e.prependListener('x', b);
e.once('x', function (v) { console.log('once', v); });
e.prependOnceListener('x', function (v) { console.log('prepended once', v); });
console.log(e.listenerCount('x'), e.eventNames(), e.listeners('x').length);
console.log(e.emit('x', 1), e.emit('x', 2), e.emit('nothing'));
e.off('x', a);
e.removeAllListeners('x');
console.log(e.eventNames());
try {
    e.emit('error', new Error('plain error'));
} catch (err) {
    console.log('thrown:', err.message);
}
[42, 'text', { code: 1 }, [1, 2], undefined, null].forEach(function (value) {
    try {
        new EventEmitter().emit('error', value);
    } catch (err) {
        console.log(err.message, err.code, err.context === value);
    }
});
e.on(EventEmitter.errorMonitor, function (err) { console.log('monitor', err.message); });
e.on('error', function (err) { console.log('handler', err.message); });
e.emit('error', new Error('watched'));
console.log(EventEmitter.defaultMaxListeners, e.getMaxListeners(), typeof EventEmitter.once,
    typeof EventEmitter.errorMonitor);
var m = new EventEmitter();
m.setMaxListeners(1);
m.on('warned', a);
m.on('warned', b);
process.on('warning', function (w) {
    console.log(w.name, w.message, w.count, w.type, w.emitter === m);
});
function Base() { EventEmitter.call(this); }
require('util').inherits(Base, EventEmitter);
var base = new Base();
base.on('hi', function () { console.log('this is the subclass', this instanceof Base); });
base.emit('hi');
// Node's internal layout, as console.log shows it: one listener unwrapped,
// two or more in an array, once wrappers bound with .listener.
var shape = new EventEmitter();
console.log(shape);
shape.on('x', function f() {});
shape.once('y', function g() {});
shape.on('x', function h() {});
console.log(shape);
shape.removeAllListeners('x');
console.log(shape._events, shape._eventsCount);
