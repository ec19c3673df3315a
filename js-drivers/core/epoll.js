// epoll over the fd table: epoll_create/epoll_create1, epoll_ctl,
// epoll_wait/epoll_pwait. Readiness is asked of each watched file
// (file.poll()); waiting is native:kernel.waitForEvent with the wake bits
// the watched files name (file.wakeOn(events)), so a wait on an epoll
// with no files (unode's pure timers) is a plain sleep.
//
// A file may count its changes (file.changes, a number bumped whenever
// its readiness may have changed: sockets do). Such a file is asked again
// only when it changed since the last look or was ready then, as Linux's
// ready list does: a server with many idle connections asks the few that
// moved, not all of them, each time it waits (an ask costs a socket
// ~10,000 instructions).
//
// struct epoll_event is packed on x86_64: {uint32 events; uint64 data} in
// 12 bytes; data is copied back unchanged. Every watch is level-triggered:
// EPOLLET is accepted and treated as level-triggered (a program that
// reads until EAGAIN works the same); EPOLLONESHOT disables the watch after
// one report, as on Linux.
'use strict';

var abi = require('./abi');
var E = require('./errno');
var fdtable = require('./fdtable');

var EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CTL_MOD = 3;
var EPOLLERR = 0x008, EPOLLHUP = 0x010;
var EPOLLEXCLUSIVE = 1 << 28, EPOLLONESHOT = 1 << 30;
var EPOLL_CLOEXEC = 0x80000;
var EVENT_SIZE = 12;
var MAX_EVENTS = 0x7fffffff / EVENT_SIZE | 0;  // Linux's EP_MAX_EVENTS

function create(kernel) {
    function newEpoll() {
        return {
            kind: 'epoll',
            flags: 2,
            watches: [],  // {fd, file, events, data0, data1, seen, ready}
            checkedAt: -1,  // fdtable.closes() when collect last checked every fd
            stat: function (dv) {
                dv.setUint32(16, 1, true);      // st_nlink
                dv.setUint32(24, 0x180, true);  // st_mode: 0600, an anonymous inode
                dv.setUint32(56, 4096, true);   // st_blksize
            },
            // An epoll fd is readable when one of its watches is ready.
            poll: function () { return collect(this, null, 0) > 0 ? 1 : 0; },
            wakeOn: function () { return wakeBits(this); },
            release: function () { this.watches = []; }
        };
    }

    function epoll_create1(flags) {
        flags = abi.int(flags);
        if (flags !== (flags & EPOLL_CLOEXEC))
            return -E.EINVAL;
        return fdtable.install(newEpoll(), flags ? fdtable.FD_CLOEXEC : 0);
    }

    function epoll_create(size) {
        return abi.int(size) > 0 ? epoll_create1(0) : -E.EINVAL;
    }

    function find(ep, fd) {
        for (var i = 0; i < ep.watches.length; i++)
            if (ep.watches[i].fd === fd)
                return i;
        return -1;
    }

    function epoll_ctl(epfd, op, fd, event) {
        var ep = fdtable.get(epfd);
        var file = fdtable.get(fd);
        if (!ep || !file)
            return -E.EBADF;
        if (ep.kind !== 'epoll' || fd === epfd)
            return -E.EINVAL;
        if (!file.poll)
            return -E.EPERM;  // what Linux says of regular files
        op = abi.int(op);
        var dv = null;
        if (op === EPOLL_CTL_ADD || op === EPOLL_CTL_MOD) {
            dv = abi.view(event, EVENT_SIZE);
            if (dv === null)
                return -E.EFAULT;
        }
        var at = find(ep, fd);
        // A watch whose fd was closed (or now names another file) is gone.
        if (at >= 0 && ep.watches[at].file !== file) {
            ep.watches.splice(at, 1);
            at = -1;
        }
        switch (op) {
        case EPOLL_CTL_ADD:
            if (at >= 0)
                return -E.EEXIST;
            if (file.kind === 'epoll' && watchesEpoll(file, ep))
                return -E.EINVAL;  // would loop (Linux: ELOOP for deep nests)
            // seen: file.changes at the last look (-1: never looked);
            // ready: what that look found
            ep.watches.push({ fd: fd, file: file, events: dv.getUint32(0, true),
                data0: dv.getUint32(4, true), data1: dv.getUint32(8, true), seen: -1, ready: 0 });
            return 0;
        case EPOLL_CTL_MOD:
            if (at < 0)
                return -E.ENOENT;
            if (dv.getUint32(0, true) & EPOLLEXCLUSIVE)
                return -E.EINVAL;
            var w = ep.watches[at];
            w.events = dv.getUint32(0, true);
            w.seen = -1;  // other events: look again
            w.data0 = dv.getUint32(4, true);
            w.data1 = dv.getUint32(8, true);
            return 0;
        case EPOLL_CTL_DEL:
            if (at < 0)
                return -E.ENOENT;
            ep.watches.splice(at, 1);
            return 0;
        default:
            return -E.EINVAL;
        }
    }

    function watchesEpoll(outer, target) {
        for (var i = 0; i < outer.watches.length; i++) {
            var f = outer.watches[i].file;
            if (f === target || (f.kind === 'epoll' && watchesEpoll(f, target)))
                return true;
        }
        return false;
    }

    // Writes up to `max` ready events into `out` (a DataView, a Uint32Array
    // when the caller's array is 4-aligned, or null to only count) and
    // returns how many.
    // A watch whose fd was closed goes away; whether each fd still names its
    // file is checked only after an fd was closed (fdtable.closes()), and
    // until the check got through all the watches.
    function collect(ep, out, max) {
        var words = out instanceof Uint32Array;
        var n = 0, closes = fdtable.closes(), check = ep.checkedAt !== closes, i;
        for (i = 0; i < ep.watches.length && (out === null || n < max); i++) {
            var w = ep.watches[i], file = w.file;
            if (check && fdtable.get(w.fd) !== file) {  // closed: the watch goes away
                ep.watches.splice(i--, 1);
                continue;
            }
            var changes = file.changes;
            if (changes !== void 0 && w.ready === 0 && w.seen === changes)
                continue;  // not ready at the last look, and nothing changed since
            w.seen = changes;  // (before poll(), which may change the file again)
            var ready = file.poll() & (w.events | EPOLLERR | EPOLLHUP);
            w.ready = ready;
            if (!ready)
                continue;
            if (words) {  // (the fields are 4-aligned: EVENT_SIZE is 12)
                out[3 * n] = ready;
                out[3 * n + 1] = w.data0;
                out[3 * n + 2] = w.data1;
            } else if (out !== null) {
                out.setUint32(n * EVENT_SIZE, ready, true);
                out.setUint32(n * EVENT_SIZE + 4, w.data0, true);
                out.setUint32(n * EVENT_SIZE + 8, w.data1, true);
            }
            if (out !== null) {
                if (w.events & EPOLLONESHOT)
                    w.events = 0;
            }
            n++;
        }
        if (i === ep.watches.length)
            ep.checkedAt = closes;
        return n;
    }

    function wakeBits(ep) {
        var bits = 0;
        for (var i = 0; i < ep.watches.length; i++) {
            var w = ep.watches[i];
            if (w.file.wakeOn)
                bits |= w.file.wakeOn(w.events);
        }
        return bits;
    }

    // Where epoll_wait writes: index stores into a Uint32Array when the
    // caller's array is 4-aligned (x86 is little-endian, as the struct),
    // else a DataView. The event loop passes the same array every time:
    // the last view is kept for it.
    var lastEvents = null, lastMax = 0, lastOut = null;
    function eventsView(events, maxevents) {
        if (events === lastEvents && maxevents === lastMax && events !== null)
            return lastOut;
        var b = abi.bytes(events);
        if (b === null || b.byteLength < maxevents * EVENT_SIZE)
            return null;
        var out = (b.byteOffset & 3) === 0 ? new Uint32Array(b.buffer, b.byteOffset, maxevents * 3)
            : new DataView(b.buffer, b.byteOffset, maxevents * EVENT_SIZE);
        lastEvents = events;
        lastMax = maxevents;
        lastOut = out;
        return out;
    }

    function epoll_wait(epfd, events, maxevents, timeout) {
        var ep = fdtable.get(epfd);
        if (!ep)
            return -E.EBADF;
        if (ep.kind !== 'epoll')
            return -E.EINVAL;
        maxevents = abi.int(maxevents);
        if (!(maxevents > 0 && maxevents <= MAX_EVENTS))
            return -E.EINVAL;
        var out = eventsView(events, maxevents);
        if (out === null)
            return -E.EFAULT;
        timeout = abi.int(timeout);
        if (timeout !== timeout)
            return -E.EINVAL;
        var deadline = timeout < 0 ? -1 : kernel.monotonicNs() + timeout * 1e6;
        for (;;) {
            var n = collect(ep, out, maxevents);
            if (n > 0)
                return n;
            var left = deadline < 0 ? -1 : (deadline - kernel.monotonicNs()) / 1e6;
            if (deadline >= 0 && left <= 0)
                return 0;
            // With nothing watched and no timeout this sleeps for good,
            // as on Linux (drivers still run: the pump dispatches).
            kernel.waitForEvent(left, wakeBits(ep));
        }
    }

    function epoll_pwait(epfd, events, maxevents, timeout, sigmask, sigsetsize) {
        return epoll_wait(epfd, events, maxevents, timeout);  // no signals yet
    }

    return {
        epoll_create: epoll_create, epoll_create1: epoll_create1, epoll_ctl: epoll_ctl,
        epoll_wait: epoll_wait, epoll_pwait: epoll_pwait
    };
}

module.exports = { create: create };
