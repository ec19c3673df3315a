// The event loop's pending timers (internal/loop.js), kept the way Node
// keeps them (lib/internal/timers.js): timers of the same duration expire
// in the order they were started, so each duration has a list of its timers
// in that order, and only the lists' first timers compete, in a binary heap
// ordered by the first timer's (deadline, sequence).
//
// Starting a timer appends it to its list and stopping one unlinks it: a
// few property writes, and the heap moves only when a list's first timer
// changes. That matters because unode restarts a socket's idle timer at
// every read and write; a sorted array of all timers cost two searches and
// two splices per restart (about 30,000 guest instructions in Duktape).
//
// A timer (loop.js's Timeout) has _idleTimeout (its duration), _ref, and
// the fields kept here: _deadline, _sequence and its links, _list (null
// when not pending: a new timer starts so), _idlePrev, _idleNext (the
// names Node gives them).
'use strict';

function TimerList(duration) {
    this.duration = duration;
    this.head = null;
    this.tail = null;
    this.heapIndex = -1;
    this.deadline = 0;  // the first timer's, its key in the heap
    this.sequence = 0;
}

function TimerLists() {
    this.heap = [];        // the non-empty lists
    this.byDuration = {};  // duration -> its list (a few empty ones are kept)
    this.emptyKept = 0;    // how many of those are empty
    this.refed = 0;        // pending timers with _ref set
    this.sequence = 0;     // start order, for timers due at the same time
}

// Up to this many emptied lists stay in byDuration: a socket's idle timer
// alone in its list empties it at every stop and fills it at every start,
// and a list made anew costs an object and a property added and deleted.
var EMPTY_KEPT_MAX = 16;

// Whether list a's first timer is due before list b's.
function before(a, b) {
    return a.deadline < b.deadline || (a.deadline === b.deadline && a.sequence < b.sequence);
}

// The list's first timer changed: its key follows.
function keyFromHead(list) {
    list.deadline = list.head._deadline;
    list.sequence = list.head._sequence;
}

function place(heap, list, i) {
    heap[i] = list;
    list.heapIndex = i;
}

function siftUp(heap, i) {
    var list = heap[i];
    while (i > 0) {
        var parent = (i - 1) >> 1;
        if (!before(list, heap[parent]))
            break;
        place(heap, heap[parent], i);
        i = parent;
    }
    place(heap, list, i);
}

function siftDown(heap, i) {
    var list = heap[i], n = heap.length;
    for (;;) {
        var child = 2 * i + 1;
        if (child >= n)
            break;
        if (child + 1 < n && before(heap[child + 1], heap[child]))
            child++;
        if (!before(heap[child], list))
            break;
        place(heap, heap[child], i);
        i = child;
    }
    place(heap, list, i);
}

// The list's first timer changed: its place in the heap may have too.
function reposition(heap, list) {
    var i = list.heapIndex;
    if (i > 0 && before(list, heap[(i - 1) >> 1]))
        siftUp(heap, i);
    else
        siftDown(heap, i);
}

function removeFromHeap(heap, list) {
    var i = list.heapIndex, last = heap.pop();
    list.heapIndex = -1;
    if (last !== list) {
        place(heap, last, i);
        reposition(heap, last);
    }
}

// The timer due first, or null.
TimerLists.prototype.first = function () {
    return this.heap.length > 0 ? this.heap[0].head : null;
};

// Makes a timer that is not pending due `_idleTimeout` ms after `start`.
TimerLists.prototype.add = function (timer, start) {
    var duration = timer._idleTimeout;
    timer._deadline = start + duration;
    timer._sequence = this.sequence++;
    var list = this.byDuration[duration];
    if (list === void 0)
        list = this.byDuration[duration] = new TimerList(duration);
    else if (list.head === null)
        this.emptyKept--;
    timer._list = list;
    timer._idleNext = null;
    timer._idlePrev = list.tail;
    if (timer._ref)
        this.refed++;
    if (list.tail !== null) {
        list.tail._idleNext = timer;
        list.tail = timer;
        return;
    }
    list.head = list.tail = timer;
    keyFromHead(list);
    list.heapIndex = this.heap.length;
    this.heap.push(list);
    siftUp(this.heap, list.heapIndex);
};

// Makes a timer not pending (nothing if it is not).
TimerLists.prototype.remove = function (timer) {
    var list = timer._list;
    if (list === null)
        return;
    var wasFirst = list.head === timer;
    if (timer._idlePrev !== null)
        timer._idlePrev._idleNext = timer._idleNext;
    else
        list.head = timer._idleNext;
    if (timer._idleNext !== null)
        timer._idleNext._idlePrev = timer._idlePrev;
    else
        list.tail = timer._idlePrev;
    timer._list = timer._idlePrev = timer._idleNext = null;
    if (timer._ref)
        this.refed--;
    if (!wasFirst)
        return;
    if (list.head === null) {
        removeFromHeap(this.heap, list);
        if (this.emptyKept < EMPTY_KEPT_MAX)
            this.emptyKept++;
        else
            delete this.byDuration[list.duration];
    } else {
        keyFromHead(list);
        reposition(this.heap, list);
    }
};

// remove() then add(), where a pending timer whose duration stays moves to
// the tail of its list (its new deadline is the list's latest), and the
// heap changes only when it was the list's first (a socket's idle timer,
// restarted at every read and write, moves this way).
TimerLists.prototype.restart = function (timer, start) {
    var list = timer._list;
    if (list === null || list.duration !== timer._idleTimeout) {
        this.remove(timer);
        this.add(timer, start);
        return;
    }
    var wasFirst = list.head === timer;
    if (list.tail !== timer) {  // unlink (it has a next), then link at the tail
        if (timer._idlePrev !== null)
            timer._idlePrev._idleNext = timer._idleNext;
        else
            list.head = timer._idleNext;
        timer._idleNext._idlePrev = timer._idlePrev;
        timer._idlePrev = list.tail;
        timer._idleNext = null;
        list.tail._idleNext = timer;
        list.tail = timer;
    }
    timer._deadline = start + timer._idleTimeout;
    timer._sequence = this.sequence++;
    if (wasFirst) {
        keyFromHead(list);
        reposition(this.heap, list);
    }
};

TimerLists.prototype.pending = function (timer) {
    return timer._list !== null;
};

// Sets a timer's _ref, keeping the count of pending ref'ed timers.
TimerLists.prototype.setRef = function (timer, ref) {
    if (this.pending(timer) && timer._ref !== ref)
        this.refed += ref ? 1 : -1;
    timer._ref = ref;
};

// The pending timer whose _id is `id`, or null (clearTimeout(number)).
TimerLists.prototype.findById = function (id) {
    for (var i = 0; i < this.heap.length; i++) {
        for (var t = this.heap[i].head; t !== null; t = t._idleNext) {
            if (t._id === id)
                return t;
        }
    }
    return null;
};

module.exports = { TimerLists: TimerLists };
