// js-drivers/core/timer_heap.js: the kernel-side timer queue. Earliest
// first, ties in insertion order, cancelled timers never run, and the
// order holds through many random insertions and cancellations (checked
// against a plain sort).
'use strict';

var check = require('./lib/check.js');
var TimerHeap = require('../../js-drivers/core/timer_heap.js');

function drain(h, now) {
    var out = [];
    for (var fn = h.takeDue(now); fn !== null; fn = h.takeDue(now))
        out.push(fn());
    return out;
}
function tag(x) { return function () { return x; }; }

(function order() {
    var h = new TimerHeap();
    h.add(30, tag('c'));
    h.add(10, tag('a'));
    h.add(20, tag('b1'));
    h.add(20, tag('b2'));
    check.equal(h.first().due, 10, 'first() is the earliest');
    check.deepEqual(drain(h, 15), ['a'], 'only what is due');
    check.deepEqual(drain(h, 100), ['b1', 'b2', 'c'], 'ties in the order added');
    check.ok(h.first() === null, 'empty');
})();

(function cancelling() {
    var h = new TimerHeap();
    var a = h.add(10, tag('a'));
    h.add(20, tag('b'));
    h.cancel(a);
    h.cancel(a);  // twice: nothing more
    check.equal(h.first().due, 20, 'a cancelled timer at the top is skipped');
    check.deepEqual(drain(h, 100), ['b'], 'a cancelled timer never runs');
    var c = h.add(5, tag('c'));
    drain(h, 100);
    h.cancel(c);  // after it ran: nothing
    check.equal(h.cancelled, 0, 'cancelling a timer that ran counts nothing');
})();

(function randomized() {
    // 5000 timers, a third cancelled (enough to force rebuilds); what runs
    // is the live ones in (due, insertion) order.
    var h = new TimerHeap();
    var x = 12345, expected = [], timers = [];
    function rnd() { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) % 1000; }
    for (var i = 0; i < 5000; i++) {
        var due = rnd();
        timers.push({ t: h.add(due, tag(i)), due: due, i: i });
    }
    for (var k = 0; k < timers.length; k += 3) {
        h.cancel(timers[k].t);
        timers[k].gone = true;
    }
    timers.forEach(function (e) { if (!e.gone) expected.push(e); });
    expected.sort(function (a, b) { return a.due - b.due || a.i - b.i; });
    var got = drain(h, 1000);
    check.equal(got.length, expected.length, 'every live timer ran');
    check.deepEqual(got, expected.map(function (e) { return e.i; }), 'in order');
})();
