// One-shot timers below the system-call table (js-drivers cannot use the
// stdlib's): the driver manager's restart backoff. They run from the
// waits: install(kernel) wraps native:kernel.waitForEvent, which every
// blocking service (epoll_wait, nanosleep, the console's read) goes
// through, so a wait is cut at the next due timer, runs it and goes on
// waiting for what it was asked. A program that never waits (a busy loop)
// delays them, as it delays IRQ handlers.
'use strict';

var TimerHeap = require('./timer_heap');

var pending = new TimerHeap();  // {due (ms, monotonic), fn}, earliest first
var clock = null;
// A timer can be added while a wait is under way (a driver's IRQ handler
// fails during it, from the pump), and nothing then ends the native wait
// early: while sliced() is true, waits are cut into SLICE_MS pieces so such
// a timer is late by SLICE_MS at most.
var SLICE_MS = 20;
var sliced = function () { return false; };
// wake(): a service whose file became ready from a timer or an IRQ
// handler (the network stack) ends the current wait, so epoll_wait looks
// again (a wait otherwise returns only for its own wake bits or deadline).
var woken = false;
var wrapper = null;

function now() { return clock.monotonicNs() / 1e6; }

// (Compares here and in the wait loop, not Math.max/min: the network
// stack sets and the loop checks timers at every turn, and each Math call
// is a built-in call in Duktape.)
function after(ms, fn) {
    return pending.add(now() + (ms > 0 ? ms : 0), fn);
}

// fn() at the next turn of the wait loop, at once: the native wait is
// asked to return after the events it is dispatching (kernel.wakeSoon), so
// an IRQ handler can hand work to code that must not run inside it (a
// driver's completion callbacks: they would count against its budget).
function soon(fn) {
    var t = after(0, fn);
    if (clock && clock.wakeSoon)
        clock.wakeSoon();
    return t;
}

function cancel(t) { pending.cancel(t); }

function runDue() {
    for (var fn = pending.takeDue(now()); fn !== null; fn = pending.takeDue(now())) {
        try {
            fn();
        } catch (e) {
            clock.consoleWrite('timers: ' + e + '\n');
        }
    }
}

function install(kernel) {
    if (clock === kernel && kernel.waitForEvent === wrapper)
        return;  // installed already (the network stack may come first)
    clock = kernel;
    var wait = kernel.waitForEvent;
    kernel.waitForEvent = wrapper = function (timeout, wakeOn) {
        if (typeof timeout !== 'number' || timeout !== timeout)
            timeout = -1;
        var end = timeout < 0 ? -1 : now() + timeout;
        for (;;) {
            runDue();
            if (woken) {
                woken = false;
                return 0;
            }
            var t;
            var first = pending.first();
            // The time, read once for what follows (a clock read is a call
            // and a native call; the loop turns at every wait).
            var at = now();
            if (first === null) {
                if (!sliced()) {
                    var left = end - at;
                    var r0 = wait(end < 0 ? -1 : left > 0 ? left : 0, wakeOn);
                    if (r0 || (end >= 0 && now() >= end))
                        return r0;
                    continue;  // woken early (kernel.wakeSoon): run what is due
                }
                t = SLICE_MS;
            } else {
                t = first.due - at;
                t = t > SLICE_MS ? SLICE_MS : t > 0 ? t : 0;
            }
            var last = false;
            if (end >= 0 && end - at <= t) {
                t = end - at;
                if (t < 0)
                    t = 0;
                last = true;
            }
            var r = wait(t, wakeOn);
            if (r || (last && now() >= end)) {
                runDue();
                return r;
            }
        }
    };
}

function wake() {
    woken = true;
    if (clock && clock.wakeSoon)
        clock.wakeSoon();
}

module.exports = {after: after, soon: soon, cancel: cancel, install: install, wake: wake,
    sliceWhile: function (fn) { sliced = fn; }, now: function () { return now(); }};
