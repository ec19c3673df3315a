// The event loop: the same JS on Linux and on bare metal, since it only
// uses system calls (clock_gettime, epoll_*, nanosleep).
//
// One iteration, as in Node (libuv):
//   timers     expired timers, in Node's order (internal/timer_lists.js)
//   poll       epoll_wait on the watched fds; the timeout is the time to
//              the next timer, 0 if immediates are pending, -1 if only fds
//   check      the immediates queued before this phase
// process.nextTick callbacks, then microtasks (queueMicrotask and promise
// jobs, internal/promise.js), run after the main script and after every
// callback. The loop ends when no ref'ed timer,
// immediate or watched fd is left.
//
// Every callback runs through native.callWithBudget (the watchdog); an
// error that escapes one goes to the uncaught-exception handler that
// main.js installs with setUncaughtHandler.
'use strict';

var sys = require('sys');

var native = null;          // native:engine, set by init()
var uncaughtHandler = null;  // function (error)

// Loop time in milliseconds: read at the start of an iteration, after the
// poll and (as Node's getLibuvNow does) whenever a timer is created.
var loopNow = 0;

function monotonicMs() {
    var ms = sys.clockMs(sys.CLOCK_MONOTONIC);
    return ms === ms ? ms : 0;  // NaN: the call failed
}

function updateTime() { loopNow = monotonicMs(); }
updateTime();

// When the program started (main.js loads the loop before the program
// runs): process.uptime() counts from here, even though process.js itself
// may load much later.
exports.startedMs = loopNow;

exports.now = function () { return loopNow; };
exports.monotonicMs = monotonicMs;

exports.init = function (engine, onUncaught) {
    native = engine;
    uncaughtHandler = onUncaught;
};

// Runs fn under the watchdog (unless `unbudgeted`: a callback that puts
// its own budget on the work it does, like the REPL on each evaluation).
// Returns true if it completed; an escaping error is passed to the
// uncaught handler.
function invoke(fn, thisArg, args, unbudgeted) {
    try {
        if (native && !unbudgeted)
            native.callWithBudget(fn, thisArg, args || []);
        else
            fn.apply(thisArg, args || []);
        return true;
    } catch (error) {
        if (uncaughtHandler)
            uncaughtHandler(error);
        else
            throw error;
        return false;
    }
}
exports.invoke = invoke;

// -- process.nextTick and queueMicrotask -----------------------------------

// nextTick callbacks, two slots each (function, its arguments or null),
// consumed from tickHead: a shift() per tick would move the whole queue,
// and an object per tick costs more than the two slots.
var tickQueue = [];
var tickHead = 0;
var NO_ARGS = [];  // never written: apply() only reads it
// Microtasks, three slots each (function, argument, extra), consumed from
// microHead so that draining is not quadratic: queueMicrotask(cb) runs cb();
// a promise job runs fn(argument, extra). Both under the watchdog.
var microtasks = [];
var microHead = 0;
var rejectionProcessor = null;  // internal/promise.js, once loaded
var USER_MICROTASK = {};        // marks a queueMicrotask callback

exports.nextTick = function (callback) {
    if (typeof callback !== 'function')
        throw invalidCallback(callback);
    tickQueue.push(callback,
        arguments.length > 1 ? Array.prototype.slice.call(arguments, 1) : null);
};

// process.nextTick(callback, ...args) for unode's own modules, which know
// their arguments: `args` is an array, or null for none. Reading
// `arguments`, as nextTick must, builds an object at every call in
// Duktape, and slicing it makes another: about 9,000 guest instructions a
// tick, and a keep-alive http request takes four.
exports.queueTick = function (callback, args) {
    tickQueue.push(callback, args);
};

exports.queueMicrotask = function (callback) {
    if (typeof callback !== 'function')
        throw invalidCallback(callback);
    microtasks.push(callback, void 0, USER_MICROTASK);
};

// A promise reaction or thenable job: fn(argument, extra).
exports.enqueueJob = function (fn, argument, extra) {
    microtasks.push(fn, argument, extra);
};

exports.setRejectionProcessor = function (fn) { rejectionProcessor = fn; };

// An error that no code can catch any more (an unhandled rejection, whose
// reason may not be an Error: `error` wraps it).
exports.reportUncaught = function (error, origin, reason) {
    if (uncaughtHandler)
        uncaughtHandler(error, origin, reason);
    else
        throw error;
};

function runMicrotasks() {
    while (microHead < microtasks.length) {
        var fn = microtasks[microHead];
        var argument = microtasks[microHead + 1];
        var extra = microtasks[microHead + 2];
        microtasks[microHead] = microtasks[microHead + 1] = microtasks[microHead + 2] = void 0;
        microHead += 3;
        if (extra === USER_MICROTASK)
            invoke(fn, void 0, []);
        else
            invoke(fn, void 0, [argument, extra]);
    }
    microtasks.length = 0;
    microHead = 0;
}

// As Node's processTicksAndRejections: the whole nextTick queue, then every
// microtask (including ones they queue), again until both are empty; then
// the rejections still unhandled, whose listeners may queue more.
function runTicks() {
    // Most calls find nothing queued: three names looked at, and out.
    if (tickQueue.length === 0 && microtasks.length === 0 &&
            (rejectionProcessor === null || !rejectionProcessor()))
        return;
    // (The queue in a local, and tickHead read and written once a tick: a
    // module-level name costs a scope lookup at every use. tickHead stays
    // module-level so that a callback that throws leaves the rest queued.)
    var queue = tickQueue;
    do {
        while (tickHead < queue.length) {
            var at = tickHead;
            tickHead = at + 2;
            var callback = queue[at], args = queue[at + 1];
            queue[at] = queue[at + 1] = void 0;
            invoke(callback, void 0, args === null ? NO_ARGS : args);
        }
        queue.length = 0;
        tickHead = 0;
        runMicrotasks();
    } while (queue.length > 0 || (rejectionProcessor !== null && rejectionProcessor()));
}
exports.runTicks = runTicks;

function invalidCallback(value) {
    var error = new TypeError('The "callback" argument must be of type function. Received ' +
        (value === void 0 ? 'undefined' : typeof value));
    error.code = 'ERR_INVALID_ARG_TYPE';
    return error;
}

// -- timers ----------------------------------------------------------------

// The pending timers, by duration and start order (internal/timer_lists.js).
var TimerLists = require('./timer_lists').TimerLists;
var timers = new TimerLists();
var nextTimerId = 1;

// Node turns delays outside [1, 2^31-1] (and NaN) into 1 ms.
function delay(after) {
    after = Number(after);
    return after >= 1 && after <= 2147483647 ? after : 1;
}

function Timeout(callback, after, args, repeat) {
    after = delay(after);
    this._idleTimeout = after;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = repeat ? after : null;
    this._destroyed = false;
    this._ref = true;
    this._id = nextTimerId++;
    this._deadline = 0;
    this._sequence = 0;
    this._list = null;  // timer_lists.js: the list while pending, and the links
    this._idlePrev = null;
    this._idleNext = null;
}

Timeout.prototype.ref = function () { timers.setRef(this, true); return this; };
Timeout.prototype.unref = function () { timers.setRef(this, false); return this; };
Timeout.prototype.hasRef = function () { return this._ref; };
Timeout.prototype.refresh = function () {
    if (!this._destroyed) {
        updateTime();
        timers.restart(this, loopNow);
    }
    return this;
};
Timeout.prototype.close = function () { clearTimer(this); return this; };
if (typeof Symbol === 'function' && Symbol.toPrimitive) {
    Timeout.prototype[Symbol.toPrimitive] = function () { return this._id; };
}

exports.Timeout = Timeout;

function clearTimer(timer) {
    if (timer && typeof timer === 'object' && timer instanceof Timeout) {
        timer._destroyed = true;
        timers.remove(timer);
    } else if (typeof timer === 'number' || typeof timer === 'string') {
        var found = timers.findById(Number(timer));
        if (found !== null)
            clearTimer(found);
    }
}

function addTimer(callback, after, args, repeat) {
    if (typeof callback !== 'function')
        throw invalidCallback(callback);
    var timer = new Timeout(callback, after, args, repeat);
    updateTime();
    timers.add(timer, loopNow);
    return timer;
}

exports.setTimeout = function (callback, after) {
    return addTimer(callback, after, Array.prototype.slice.call(arguments, 2), false);
};
exports.setInterval = function (callback, after) {
    return addTimer(callback, after, Array.prototype.slice.call(arguments, 2), true);
};
exports.clearTimeout = clearTimer;
exports.clearInterval = clearTimer;

// For a timer unode itself starts again at every event, like a socket's
// idle timeout (every read and write): startTimer(timer, after) arms it
// again, whether it is pending, stopped or has run, with its deadline
// counted from the loop time, as libuv's uv_timer_start does. The loop
// time is at most one iteration's callbacks old; a fresh clock read (a
// system call) each time would cost more than the read or write.
// (A number in range skips delay()'s Number() call; stopTimer takes a
// Timeout only, without clearTimeout's checks: both run twice a request
// on a keep-alive connection.)
exports.startTimer = function (timer, after) {
    timer._destroyed = false;
    timer._idleTimeout = typeof after === 'number' && after >= 1 && after <= 2147483647 ?
        after : delay(after);
    timers.restart(timer, loopNow);
};
exports.timerPending = function (timer) { return timers.pending(timer); };
exports.stopTimer = function (timer) {
    timer._destroyed = true;
    timers.remove(timer);
};

// Runs the timers due at the start of the phase (so ones created by these
// callbacks wait for the next iteration), then the ticks after each one.
function runTimers() {
    var now = loopNow;
    for (var timer = timers.first(); timer !== null && timer._deadline <= now;
        timer = timers.first()) {
        timers.remove(timer);
        if (timer._repeat !== null)
            timers.add(timer, now);
        else
            timer._destroyed = true;
        invoke(timer._onTimeout, timer, timer._timerArgs);
        runTicks();
    }
}

// -- immediates ------------------------------------------------------------

var immediates = [];

function Immediate(callback, args) {
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this._ref = true;
}
Immediate.prototype.ref = function () { this._ref = true; return this; };
Immediate.prototype.unref = function () { this._ref = false; return this; };
Immediate.prototype.hasRef = function () { return this._ref; };

exports.setImmediate = function (callback) {
    if (typeof callback !== 'function')
        throw invalidCallback(callback);
    var immediate = new Immediate(callback, Array.prototype.slice.call(arguments, 1));
    immediates.push(immediate);
    return immediate;
};

exports.clearImmediate = function (immediate) {
    if (!immediate || immediate._destroyed)
        return;
    immediate._destroyed = true;
    var index = immediates.indexOf(immediate);
    if (index !== -1)
        immediates.splice(index, 1);
};

// Runs the immediates queued so far; ones queued meanwhile wait for the
// next iteration, as in Node.
function runImmediates() {
    var queue = immediates;
    immediates = [];
    for (var i = 0; i < queue.length; i++) {
        var immediate = queue[i];
        if (immediate._destroyed)
            continue;
        immediate._destroyed = true;
        invoke(immediate._onImmediate, immediate, immediate._argv);
        runTicks();
    }
}

// -- watched file descriptors (the REPL's stdin, sockets) --------------------

var epollFd = -1;
// fd -> {readable, writable (callbacks or null), ref, always, budget, mask}
var watched = {};
var watchedCount = 0;
// Counted as they change, so that no turn of the loop walks `watched`
// (a for-in makes an enumerator of all the keys: some 30,000 instructions
// for ten sockets in Duktape): entries with ref set, and entries always
// ready.
var refedWatchCount = 0;
var alwaysCount = 0;

function ensureEpoll() {
    if (epollFd < 0)
        epollFd = sys.epoll_create1(sys.EPOLL_CLOEXEC);
    return epollFd;
}

// Registers what fd's entry wants (EPOLLIN for a readable callback,
// EPOLLOUT for a writable one) with epoll: level-triggered, one
// registration per fd. Returns 0 or a negative errno.
function register(fd, entry, isNew) {
    var mask = (entry.readable ? sys.EPOLLIN : 0) | (entry.writable ? sys.EPOLLOUT : 0);
    if (entry.always || (!isNew && mask === entry.mask))
        return 0;
    var r = sys.epoll_ctl(epollFd, isNew ? sys.EPOLL_CTL_ADD : sys.EPOLL_CTL_MOD, fd, mask, fd);
    if (r < 0 && isNew && r === -sys.errno.EPERM) {
        entry.always = true;  // a regular file or /dev/null: always ready
        return 0;
    }
    if (r === 0)
        entry.mask = mask;
    return r;
}

function watch(fd, kind, callback, options) {
    if (ensureEpoll() < 0)
        return epollFd;
    var entry = watched[fd];
    var isNew = !entry;
    if (isNew) {
        entry = { readable: null, writable: null, ref: true, always: false, mask: 0,
            budget: !(options && options.budget === false) };
    }
    entry[kind] = callback;
    var r = register(fd, entry, isNew);
    if (r < 0) {
        entry[kind] = null;
        return r;
    }
    if (isNew) {
        watched[fd] = entry;
        watchedCount++;
        refedWatchCount++;
        if (entry.always)
            alwaysCount++;
    }
    return 0;
}

// watchReadable(fd, callback[, {budget: false}]): callback(fd, events) runs
// whenever fd is readable (or has an error or hang-up to report), under the
// watchdog unless budget is false. Files that epoll refuses (EPERM: regular
// files, /dev/null) are always readable, as with poll(2). Returns 0 or a
// negative errno.
exports.watchReadable = function (fd, callback, options) {
    return watch(fd, 'readable', callback, options);
};

// watchWritable(fd, callback): callback(fd, events) runs whenever fd can be
// written (or has an error or hang-up): a socket's pending writes, a
// connect in progress.
exports.watchWritable = function (fd, callback, options) {
    return watch(fd, 'writable', callback, options);
};

function unwatchKind(fd, kind) {
    var entry = watched[fd];
    if (!entry || !entry[kind])
        return;
    entry[kind] = null;
    if (!entry.readable && !entry.writable)
        exports.unwatch(fd);
    else
        register(fd, entry, false);
}
exports.unwatchReadable = function (fd) { unwatchKind(fd, 'readable'); };
exports.unwatchWritable = function (fd) { unwatchKind(fd, 'writable'); };

// Forgets fd altogether (call it before closing fd).
exports.unwatch = function (fd) {
    var entry = watched[fd];
    if (!entry)
        return;
    if (!entry.always)
        sys.epoll_ctl(epollFd, sys.EPOLL_CTL_DEL, fd, 0);
    delete watched[fd];
    watchedCount--;
    if (entry.ref)
        refedWatchCount--;
    if (entry.always)
        alwaysCount--;
};

// A watched fd that should not keep the process alive on its own.
exports.setWatchRef = function (fd, ref) {
    var entry = watched[fd];
    if (entry && entry.ref !== !!ref) {
        entry.ref = !!ref;
        refedWatchCount += entry.ref ? 1 : -1;
    }
};

function hasRefedWatch() { return refedWatchCount > 0; }

function hasRefedTimer() { return timers.refed > 0; }

function hasRefedImmediate() {
    for (var i = 0; i < immediates.length; i++) {
        if (immediates[i]._ref)
            return true;
    }
    return false;
}

function alive() {
    return hasRefedTimer() || hasRefedImmediate() || hasRefedWatch();
}
exports.alive = alive;

// Waits for fds or the next timer, then runs the ready fds' callbacks.
function poll() {
    var timeout = -1;
    if (immediates.length > 0) {
        timeout = 0;
    } else if (timers.first() !== null) {
        // From the loop's time, read at the start of this turn (libuv's
        // uv_backend_timeout does the same): a clock read costs a system
        // call, and this runs every turn.
        var wait = timers.first()._deadline - loopNow;
        timeout = wait > 0 ? Math.ceil(wait) : 0;
    } else if (!hasRefedWatch()) {
        return;
    }
    var ready = [];  // fd, events, fd, events...
    if (alwaysCount > 0) {
        for (var fd in watched) {
            if (watched[fd].always)
                ready.push(Number(fd), sys.EPOLLIN | sys.EPOLLOUT);
        }
        timeout = 0;
    }
    if (epollFd >= 0 && watchedCount > 0) {
        var events = sys.epoll_wait(epollFd, 64, timeout);
        if (typeof events !== 'number') {
            for (var i = 0; i < events.length; i++)
                ready.push(events[i].data, events[i].events);
        }
    } else if (timeout > 0) {
        sys.nanosleep(timeout);
    }
    updateTime();
    var problem = sys.EPOLLERR | sys.EPOLLHUP;
    for (var j = 0; j < ready.length; j += 2) {
        // Each callback is looked up again: an earlier one may have
        // unwatched (or closed) this fd.
        var entry = watched[ready[j]];
        if (entry && entry.readable && (ready[j + 1] & (sys.EPOLLIN | problem))) {
            invoke(entry.readable, void 0, [ready[j], ready[j + 1]], !entry.budget);
            runTicks();
        }
        entry = watched[ready[j]];
        if (entry && entry.writable && (ready[j + 1] & (sys.EPOLLOUT | problem))) {
            invoke(entry.writable, void 0, [ready[j], ready[j + 1]], !entry.budget);
            runTicks();
        }
    }
}

// Runs the loop until nothing keeps it alive. onEmpty() (process
// 'beforeExit') may schedule more work, which continues the loop.
exports.run = function (onEmpty) {
    runTicks();
    for (;;) {
        while (alive()) {
            updateTime();
            runTimers();
            poll();
            runImmediates();
        }
        if (!onEmpty)
            return;
        onEmpty();
        runTicks();
        if (!alive())
            return;
    }
};
