// stdlib/node/internal/timer_lists.js: the event loop's pending timers.
// Due first comes first, ties in start order; removing a timer from the
// head, the middle or the end of its list keeps the order; emptied lists
// are reused, and only a few kept; restart() is remove() then add(); the count of
// ref'ed pending timers follows add, remove and setRef; and the order
// holds through many random starts, restarts and stops (checked against a
// plain sort of the pending timers by deadline, then start order).
'use strict';

var check = require('./lib/check.js');
var TimerLists = require('../../stdlib/node/internal/timer_lists.js').TimerLists;

var nextId = 1;
function timer(duration, ref) {
    return { _id: nextId++, _idleTimeout: duration, _ref: ref !== false, _deadline: 0,
        _sequence: 0, _list: null, _idlePrev: null, _idleNext: null };
}
// Takes out the timers due at `now`, in order; returns their ids.
function drain(lists, now) {
    var out = [];
    for (var t = lists.first(); t !== null && t._deadline <= now; t = lists.first()) {
        lists.remove(t);
        out.push(t._id);
    }
    return out;
}

(function order() {
    var lists = new TimerLists();
    var a = timer(100), b = timer(50), c = timer(100), d = timer(50), e = timer(150);
    [a, b, c, d].forEach(function (t) { lists.add(t, 0); });
    lists.add(e, -50);  // due at 100 too, started last
    check.equal(lists.first(), b, 'the earliest deadline first');
    check.deepEqual(drain(lists, 49), [], 'nothing due before 50');
    check.deepEqual(drain(lists, 100), [b._id, d._id, a._id, c._id, e._id],
        'by deadline, ties in start order across durations');
    check.equal(lists.first(), null, 'empty');
    check.equal(lists.heap.length, 0, 'no list left in the heap');
    check.equal(Object.keys(lists.byDuration).length, 3, 'the emptied lists are kept, for reuse');
})();

(function emptyListsKept() {
    // A list emptied and filled again is reused; at most 16 empty ones stay.
    var lists = new TimerLists();
    var t = timer(5000);
    lists.add(t, 0);
    var list = t._list;
    lists.remove(t);
    lists.add(t, 1);
    check.equal(t._list, list, 'an emptied list is reused');
    for (var d = 1; d <= 100; d++) {
        var x = timer(d);
        lists.add(x, 0);
        lists.remove(x);
    }
    var empty = 0;
    Object.keys(lists.byDuration).forEach(function (k) {
        if (lists.byDuration[k].head === null)
            empty++;
    });
    check.equal(empty, 16, 'at most 16 empty lists kept (100 durations used)');
    check.equal(lists.emptyKept, 16, 'and counted');
    check.deepEqual(drain(lists, 10000), [t._id], 'the pending timer is still there');
})();

(function removal() {
    var lists = new TimerLists();
    var t = [timer(10), timer(10), timer(10), timer(10), timer(20)];
    t.forEach(function (x, i) { lists.add(x, i); });
    lists.remove(t[2]);  // the middle
    lists.remove(t[3]);  // the end
    lists.remove(t[0]);  // the head: the list's deadline moves
    lists.remove(t[0]);  // not pending any more: nothing
    check.equal(lists.pending(t[0]), false, 'a removed timer is not pending');
    check.equal(lists.first(), t[1], 'the next one leads');
    check.deepEqual(drain(lists, 100), [t[1]._id, t[4]._id], 'what is left, in order');
    lists.add(t[3], 200);  // a removed timer can start again
    check.deepEqual(drain(lists, 210), [t[3]._id], 'started again');
})();

(function refCount() {
    var lists = new TimerLists();
    var a = timer(10), b = timer(10, false), c = timer(30);
    lists.add(a, 0);
    lists.add(b, 0);
    lists.add(c, 0);
    check.equal(lists.refed, 2, 'two of three pending timers are ref\'ed');
    lists.setRef(a, false);
    lists.setRef(a, false);
    check.equal(lists.refed, 1, 'unref: one, however often');
    lists.setRef(b, true);
    check.equal(lists.refed, 2, 'ref');
    lists.remove(c);
    check.equal(lists.refed, 1, 'a removed ref\'ed timer no longer counts');
    lists.setRef(c, false);
    lists.setRef(c, true);
    check.equal(lists.refed, 1, 'setRef on a timer not pending changes no count');
    check.equal(c._ref, true, 'but sets its _ref');
    check.equal(lists.findById(b._id), b, 'findById: a pending timer');
    check.equal(lists.findById(c._id), null, 'findById: not pending');
    drain(lists, 100);
    check.equal(lists.refed, 0, 'none left');
})();

(function randomAgainstSort() {
    var random = require('./lib/random.js').seeded(12345);
    var lists = new TimerLists();
    var all = [];
    for (var i = 0; i < 60; i++)
        all.push(timer([5, 10, 10, 25, 40, 100][i % 6], i % 3 !== 0));
    var now = 0, mismatches = 0, ran = 0;
    for (var step = 0; step < 3000; step++) {
        now += random(4);  // starts happen at a time that never goes back
        var t = all[random(all.length)];
        var op = random(3);
        if (op === 0) {
            if (random(2) === 0) {
                lists.remove(t);
                lists.add(t, now);
            } else {
                lists.restart(t, now);  // the same; a pending timer moves within its list
            }
        } else if (op === 1) {
            lists.remove(t);
        } else {
            var expected = all.filter(function (x) { return lists.pending(x) && x._deadline <= now; });
            expected.sort(function (x, y) { return x._deadline - y._deadline || x._sequence - y._sequence; });
            var got = drain(lists, now);
            ran += got.length;
            if (got.join() !== expected.map(function (x) { return x._id; }).join())
                mismatches++;
        }
        var refed = all.filter(function (x) { return lists.pending(x) && x._ref; }).length;
        if (refed !== lists.refed)
            mismatches++;
    }
    check.equal(mismatches, 0, 'due timers in sorted order and the ref count right, 3000 random steps');
    check.ok(ran > 200, 'timers ran (' + ran + ')');
})();

