// System calls about the process and the machine rather than files:
// clocks, sleeping, random bytes, uname, ids, exit.
'use strict';

var abi = require('./abi');
var E = require('./errno');

var CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2,
    CLOCK_THREAD_CPUTIME_ID = 3, CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5,
    CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7;
var TIMER_ABSTIME = 1;
var GRND_NONBLOCK = 1, GRND_RANDOM = 2, GRND_INSECURE = 4;
var UTS_LENGTH = 65;

// hooks.beforeExit (optional) runs before exit and exit_group end the machine.
function create(kernel, hooks) {
    // Which kernel clock a clock id reads: 0 realtime, 1 monotonic, -1 none.
    // One process on one CPU that never stops: its CPU time and the time
    // since boot are the monotonic clock.
    function source(id) {
        switch (abi.int(id)) {
        case CLOCK_REALTIME:
        case CLOCK_REALTIME_COARSE:
            return 0;
        case CLOCK_MONOTONIC:
        case CLOCK_MONOTONIC_RAW:
        case CLOCK_MONOTONIC_COARSE:
        case CLOCK_BOOTTIME:
        case CLOCK_PROCESS_CPUTIME_ID:
        case CLOCK_THREAD_CPUTIME_ID:
            return 1;
        default:
            return -1;
        }
    }

    // The view of the last struct written: a caller (unode's event loop)
    // passes the same buffer again and again, and making a DataView is a
    // third of this call's cost.
    // The kernel writes the struct itself (kernel.timespec with a view):
    // this call came to 29,000 instructions when it wrote the two 64-bit
    // fields through DataView calls.
    var lastTp = null, lastView = null;
    function clock_gettime(id, tp) {
        var which = id === CLOCK_MONOTONIC ? 1 : source(id);  // the event loop's clock first
        if (which < 0)
            return -E.EINVAL;
        var dv = tp === lastTp && tp !== null ? lastView : abi.view(tp, 16);
        if (dv === null)
            return -E.EFAULT;
        lastTp = tp;
        lastView = dv;
        kernel.timespec(which, dv);
        return 0;
    }

    function clock_getres(id, res) {
        if (source(id) < 0)
            return -E.EINVAL;
        if (res === null || res === undefined || res === 0)
            return 0;
        var dv = abi.view(res, 16);
        if (dv === null)
            return -E.EFAULT;
        abi.setInt64(dv, 0, 0);
        abi.setInt64(dv, 8, 1);  // the TSC clock counts nanoseconds
        return 0;
    }

    // A struct timespec argument as nanoseconds, or a negative errno.
    function duration(req) {
        var dv = abi.view(req, 16);
        if (dv === null)
            return -E.EFAULT;
        var sec = abi.getInt64(dv, 0), nsec = abi.getInt64(dv, 8);
        if (sec < 0 || nsec < 0 || nsec > 999999999)
            return -E.EINVAL;
        return sec * 1e9 + nsec;
    }

    // Sleeps until the monotonic clock reaches `deadline` (ns); the pump
    // keeps dispatching events meanwhile. Never interrupted (no signals),
    // so `rem` is never written.
    function sleepUntil(deadline) {
        for (;;) {
            var left = deadline - kernel.monotonicNs();
            if (left <= 0)
                return 0;
            kernel.waitForEvent(left / 1e6, 0);
        }
    }

    function nanosleep(req, rem) {
        var ns = duration(req);
        return ns < 0 ? ns : sleepUntil(kernel.monotonicNs() + ns);
    }

    function clock_nanosleep(id, flags, req, rem) {
        var which = source(id);
        if (which < 0 || abi.int(id) === CLOCK_THREAD_CPUTIME_ID)
            return E.EINVAL;  // clock_nanosleep returns a positive error number
        var ns = duration(req);
        if (ns < 0)
            return -ns;
        if (!(abi.int(flags) & TIMER_ABSTIME))
            return sleepUntil(kernel.monotonicNs() + ns);
        var now = which === 0 ? kernel.realtimeNs() : kernel.monotonicNs();
        return sleepUntil(kernel.monotonicNs() + (ns - now));
    }

    function gettimeofday(tv, tz) {
        if (tv !== null && tv !== undefined && tv !== 0) {
            var dv = abi.view(tv, 16);
            if (dv === null)
                return -E.EFAULT;
            var t = kernel.timespec(0);
            abi.setInt64(dv, 0, t[0]);
            abi.setInt64(dv, 8, Math.floor(t[1] / 1000));
        }
        if (tz !== null && tz !== undefined && tz !== 0) {
            var z = abi.view(tz, 8);
            if (z === null)
                return -E.EFAULT;
            z.setInt32(0, 0, true);  // UTC
            z.setInt32(4, 0, true);
        }
        return 0;
    }

    function time(tloc) {
        var sec = kernel.timespec(0)[0];
        if (tloc !== null && tloc !== undefined && tloc !== 0) {
            var dv = abi.view(tloc, 8);
            if (dv === null)
                return -E.EFAULT;
            abi.setInt64(dv, 0, sec);
        }
        return sec;
    }

    // Random bytes from native:kernel.randomBytes: RDRAND when the CPU has
    // it, else a TSC-seeded xorshift. NOT vetted as cryptographic.
    function getrandom(buffer, count, flags) {
        flags = abi.int(flags);
        if (flags !== (flags & (GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)) ||
            (flags & GRND_RANDOM && flags & GRND_INSECURE))
            return -E.EINVAL;
        var u8 = abi.bytes(buffer);
        var n = abi.size(count);
        if (u8 === null || n < 0 || n > u8.byteLength)
            return -E.EFAULT;
        if (n > 33554431)  // Linux returns at most 32 MiB - 1 per call
            n = 33554431;
        return kernel.randomBytes(u8, 0, n);
    }

    function uname(buf) {
        var u8 = abi.bytes(buf);
        if (u8 === null || u8.byteLength < 6 * UTS_LENGTH)
            return -E.EFAULT;
        var info = kernel.uname();
        var fields = [info.sysname, info.nodename, info.release, info.version, info.machine,
            info.domainname];
        for (var i = 0; i < fields.length; i++)
            abi.setString(u8, i * UTS_LENGTH, UTS_LENGTH, fields[i]);
        return 0;
    }

    // struct sysinfo (112 bytes on x86_64): uptime, loads[3], totalram,
    // freeram, sharedram, bufferram, totalswap, freeswap, procs (u16),
    // totalhigh, freehigh, mem_unit (u32). No swap, no load average (one
    // process that never waits in a run queue), one process.
    function sysinfo(info) {
        var dv = abi.view(info, 112);
        if (dv === null)
            return -E.EFAULT;
        for (var off = 0; off < 112; off += 4)
            dv.setUint32(off, 0, true);
        var memory = kernel.memory();
        abi.setInt64(dv, 0, Math.floor(kernel.monotonicNs() / 1e9));
        abi.setInt64(dv, 32, memory.totalBytes);
        abi.setInt64(dv, 40, memory.freeBytes);
        dv.setUint16(80, 1, true);
        dv.setUint32(104, 1, true);
        return 0;
    }

    // One CPU: the mask has bit 0 set; returns the bytes written, as Linux.
    function sched_getaffinity(pid, size, mask) {
        var u8 = abi.bytes(mask);
        var n = abi.size(size);
        if (n < 8 || n % 8 !== 0)
            return -E.EINVAL;
        if (u8 === null || n > u8.byteLength)
            return -E.EFAULT;
        for (var i = 0; i < 8; i++)
            u8[i] = i === 0 ? 1 : 0;
        return 8;
    }

    function exit_group(status) {
        if (hooks && hooks.beforeExit)
            hooks.beforeExit();  // the VFS writes its file systems back
        kernel.exit(abi.int(status) & 0xff);
        return 0;  // not reached
    }

    function constant(value) { return function () { return value; }; }

    function sched_yield() {
        kernel.waitForEvent(0, 0);  // let the pump dispatch what is queued
        return 0;
    }

    return {
        clock_gettime: clock_gettime, clock_getres: clock_getres, nanosleep: nanosleep,
        clock_nanosleep: clock_nanosleep, gettimeofday: gettimeofday, time: time,
        getrandom: getrandom, uname: uname, sysinfo: sysinfo,
        sched_getaffinity: sched_getaffinity, exit_group: exit_group,
        exit: exit_group,  // one thread: ending it ends the process
        getpid: constant(1), gettid: constant(1), getppid: constant(0),
        getuid: constant(0), geteuid: constant(0), getgid: constant(0), getegid: constant(0),
        sched_yield: sched_yield
    };
}

module.exports = { create: create };
