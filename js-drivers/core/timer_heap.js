// A queue of timers ordered by due time: a binary min-heap (the earliest at
// index 0; ties in the order they were added). A server keeps one 60 s
// TIME_WAIT timer per closed connection, so the queue holds thousands while
// short timers come and go; in a sorted array every insertion, removal and
// shift moved them all (Duktape's splice and shift go element by element).
//
// Cancelling marks the timer (fn = null); it leaves the heap when it comes
// to the top, or when cancelled ones are over half of the heap and it is
// rebuilt.
'use strict';

function TimerHeap() {
    this.items = [];   // {due, seq, fn}
    this.seq = 0;
    this.cancelled = 0;
}

function earlier(a, b) { return a.due < b.due || (a.due === b.due && a.seq < b.seq); }

TimerHeap.prototype.add = function (due, fn) {
    var t = { due: due, seq: this.seq++, fn: fn };
    var items = this.items, i = items.length;
    items.push(t);
    while (i > 0) {                      // sift up
        var parent = (i - 1) >> 1;
        if (!earlier(t, items[parent]))
            break;
        items[i] = items[parent];
        i = parent;
    }
    items[i] = t;
    return t;
};

TimerHeap.prototype.cancel = function (t) {
    if (!t || t.fn === null)
        return;
    t.fn = null;
    if (++this.cancelled > 64 && this.cancelled * 2 > this.items.length)
        this.rebuild();
};

TimerHeap.prototype.removeTop = function () {
    var items = this.items, top = items[0], last = items.pop();
    if (items.length > 0) {
        var i = 0, n = items.length;
        for (;;) {                       // sift down
            var child = 2 * i + 1;
            if (child >= n)
                break;
            if (child + 1 < n && earlier(items[child + 1], items[child]))
                child++;
            if (!earlier(items[child], last))
                break;
            items[i] = items[child];
            i = child;
        }
        items[i] = last;
    }
    return top;
};

// The earliest live timer, or null; cancelled ones at the top go.
TimerHeap.prototype.first = function () {
    while (this.items.length > 0 && this.items[0].fn === null) {
        this.removeTop();
        this.cancelled--;
    }
    return this.items.length > 0 ? this.items[0] : null;
};

// Takes the earliest live timer if it is due at `now`: its fn, or null.
TimerHeap.prototype.takeDue = function (now) {
    var t = this.first();
    if (t === null || t.due > now)
        return null;
    this.removeTop();
    var fn = t.fn;
    t.fn = null;  // cancelling it later does nothing
    return fn;
};

TimerHeap.prototype.rebuild = function () {
    var live = this.items.filter(function (t) { return t.fn !== null; });
    live.sort(function (a, b) { return earlier(a, b) ? -1 : 1; });  // sorted is a heap
    this.items = live;
    this.cancelled = 0;
};

module.exports = TimerHeap;
