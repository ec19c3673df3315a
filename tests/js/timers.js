// The event loop's ordering, as in Node: sync code, nextTicks, timers by
// deadline then creation order, immediates after the poll.
'use strict';

var check = require('./lib/check.js');

var order = [];
function log(name) { return function () { order.push(name); }; }

// The timers whose order is checked are created first and back to back: a
// timer's deadline is counted from when it is created, so on a slow machine
// (the kernel under emulation) work done in between could reorder them.
setTimeout(log('args'), 1);
setTimeout(log('timeout 200'), 200);  // long after the 10 ms one, even on a loaded emulator
setTimeout(log('timeout 5'), 5);
setTimeout(log('timeout 5 again'), 5);
setTimeout(function () {
    order.push('timeout 10');
    process.nextTick(log('tick in timeout'));
    setImmediate(log('immediate from timeout'));
    setTimeout(log('timeout 0 from timeout'), 0);
}, 10);
process.nextTick(function () {
    order.push('tick 1');
    process.nextTick(log('tick nested'));
});
queueMicrotask(log('microtask'));
process.nextTick(log('tick 2'));
order.push('sync');

var cleared = setTimeout(log('cleared'), 1);
clearTimeout(cleared);
var clearedImmediate = setImmediate(log('cleared immediate'));
clearImmediate(clearedImmediate);
setTimeout(log('unref never runs'), 10000).unref();

// An interval's repeats depend on how busy the machine is, so it is
// checked on its own rather than in the order list.
var count = 0;
var interval = setInterval(check.expectCall('interval', function (tag) {
    count++;
    check.equal(tag, 'a', 'interval argument');
    if (count === 3)
        clearInterval(interval);
    check.ok(count <= 3, 'cleared interval stops');
}), 2, 'a');

setTimeout(function (a, b) { check.equal(a + b, 3, 'timer arguments'); }, 1, 1, 2);
process.nextTick(check.expectCall('nextTick with arguments', function (a, b, c) {
    check.equal(arguments.length, 3, 'nextTick passes every argument');
    check.equal(a + b + c, 'xyz', 'nextTick arguments in order');
}), 'x', 'y', 'z');
process.nextTick(check.expectCall('nextTick without arguments', function () {
    check.equal(arguments.length, 0, 'nextTick(fn) passes none');
}));
process.nextTick(check.expectCall('nextTick with undefined', function () {
    check.equal(arguments.length, 1, 'nextTick(fn, undefined) passes one');
}), undefined);
setImmediate(function (x) { check.equal(x, 'y', 'immediate arguments'); }, 'y');

var started = Date.now();
setTimeout(check.expectCall('30 ms timer', function () {
    check.ok(Date.now() - started >= 29, 'timer waited at least its delay');
}), 30);

process.on('exit', function () {
    check.deepEqual(order, [
        'sync', 'tick 1', 'tick 2', 'tick nested', 'microtask',
        'args',
        'timeout 5', 'timeout 5 again',
        'timeout 10', 'tick in timeout', 'immediate from timeout', 'timeout 0 from timeout',
        'timeout 200'
    ], 'order');
});
