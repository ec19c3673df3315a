// eventemitter3@4.0.7: its API on top of unode (context argument, once,
// removeListener by fn/context/once, listeners, prefixed names).
var EE = require('eventemitter3');
var ee = new EE();
var context = { name: 'ctx' };
ee.on('data', function (a, b) { console.log('data', a, b, this.name); }, context);
ee.once('data', function (a) { console.log('once', a); });
console.log(ee.emit('data', 1, 2), ee.emit('data', 3), ee.emit('none'));
console.log(ee.listenerCount('data'), ee.eventNames(), ee.listeners('data').length);
function handler() { console.log('removed handler ran'); }
ee.on('x', handler);
ee.removeListener('x', handler);
console.log(ee.emit('x'));
ee.removeAllListeners();
console.log(ee.eventNames(), typeof EE.prefixed, EE.EventEmitter === EE);
function Sub() { EE.call(this); }
Sub.prototype = Object.create(EE.prototype);
Sub.prototype.constructor = Sub;
var sub = new Sub();
sub.on('ok', function () { console.log('subclass ok'); });
sub.emit('ok');
var sym = typeof Symbol === 'function' ? Symbol('s') : 's';
sub.on(sym, function () { console.log('symbol event'); });
sub.emit(sym);
