// require('sys'): the system-call table, the one door from unode to the
// machine. syscall(nr, a0..a5) is the Linux system call when hosted, and
// the table the js-drivers services fill on bare metal.
//
// The wrappers below only give the numbers names and the structs Linux
// layouts; they return the raw result (a number, or a negative errno) and
// never throw, so callers decide what an error means.
'use strict';

var native = require('native:sys');

// The errno names and messages (./errno.js) load with the first error
// that needs them: the bare-metal REPL's prompt comes right after this
// module, and needs none.
var errnoTable = null;
function errno() { return errnoTable || (errnoTable = require('./errno.js')); }

var syscall = native.syscall;

exports.syscall = syscall;
exports.platform = native.platform;

// Linux x86_64 system-call numbers used by unode.
var NR = {
    read: 0, write: 1, close: 3, ioctl: 16, nanosleep: 35, getpid: 39, uname: 63,
    clock_gettime: 228, exit_group: 231, epoll_wait: 232, epoll_ctl: 233,
    epoll_create1: 291, getrandom: 318
};
exports.NR = NR;

Object.defineProperty(exports, 'errno', {  // errno.EINTR === 4 (built on first use)
    get: function () { return errno().numbers; }, enumerable: true });
exports.errnoName = function (n) { return errno().errnoName(n); };
exports.errnoMessage = function (n) { return errno().errnoMessage(n); };

// Constants for the calls below (Linux values).
exports.CLOCK_REALTIME = 0;
exports.CLOCK_MONOTONIC = 1;
exports.EPOLL_CLOEXEC = 0x80000;
exports.EPOLL_CTL_ADD = 1;
exports.EPOLL_CTL_DEL = 2;
exports.EPOLL_CTL_MOD = 3;
exports.EPOLLIN = 0x001;
exports.EPOLLPRI = 0x002;
exports.EPOLLOUT = 0x004;
exports.EPOLLERR = 0x008;
exports.EPOLLHUP = 0x010;
exports.EPOLLRDHUP = 0x2000;
exports.GRND_NONBLOCK = 1;

// read(fd, buffer[, length]): buffer is a typed array or ArrayBuffer; the
// kernel gets a pointer to its bytes.
exports.read = function (fd, buffer, length) {
    return syscall(NR.read, fd, buffer, length === void 0 ? buffer.byteLength : length);
};

// write(fd, data[, length]): data is a buffer, or a string written as UTF-8.
exports.write = function (fd, data, length) {
    if (typeof data === 'string')
        data = encodeUtf8(data);
    return syscall(NR.write, fd, data, length === void 0 ? data.byteLength : length);
};

// writeAll(fd, data): write until every byte is out (a short write, EINTR
// and EAGAIN go on); 0, or the negative errno that stopped it.
exports.writeAll = function (fd, data) {
    var bytes = typeof data === 'string' ? encodeUtf8(data) : data;
    var offset = 0;
    while (offset < bytes.length) {
        var n = exports.write(fd, offset === 0 ? bytes : bytes.subarray(offset));
        if (n === -4 || n === -11)  // EINTR, EAGAIN
            continue;
        if (n <= 0)
            return n < 0 ? n : -5;  // a write of 0 bytes: EIO
        offset += n;
    }
    return 0;
};

exports.close = function (fd) { return syscall(NR.close, fd); };
exports.exit_group = function (status) { return syscall(NR.exit_group, status); };
exports.getpid = function () { return syscall(NR.getpid); };
exports.ioctl = function (fd, request, arg) { return syscall(NR.ioctl, fd, request, arg || 0); };

// A 64-bit integer field of a struct (timespec, epoll_event's data),
// little-endian.
function writeInt64(view, offset, value) {
    if (value >= 0 && value < 4294967296) {  // most values: no division needed
        view.setUint32(offset, value, true);
        view.setUint32(offset + 4, 0, true);
        return;
    }
    var high = Math.floor(value / 4294967296);
    view.setUint32(offset, value - high * 4294967296, true);
    view.setInt32(offset + 4, high, true);
}

// clock_gettime(clock) -> {sec, nsec}, or a negative errno. The event
// loop asks several times per turn, so the struct's buffer is one kept for
// this call (made at the first, not before the REPL's prompt): it is read
// out before anything else can call again.
// The struct is read through 32-bit views in the machine's own byte order,
// which is the struct's (both unode's hosts are x86-64): indexing them
// costs a fraction of a DataView call.
var timespecBytes = null, timespecWords = null, timespecHigh = null;
function readClock(clock) {
    if (timespecBytes === null) {
        timespecBytes = new Uint8Array(16);
        timespecWords = new Uint32Array(timespecBytes.buffer);
        timespecHigh = new Int32Array(timespecBytes.buffer);
    }
    return syscall(NR.clock_gettime, clock, timespecBytes);
}

// tv_sec is words 0 (low) and 1 (high); tv_nsec, below 10^9, is word 2.
exports.clock_gettime = function (clock) {
    var r = readClock(clock);
    if (r < 0)
        return r;
    return { sec: timespecHigh[1] * 4294967296 + timespecWords[0], nsec: timespecWords[2] };
};

// clockMs(clock): the same clock in milliseconds (a double), or NaN when
// the call fails; no object to make, for the event loop's frequent reads.
exports.clockMs = function (clock) {
    if (readClock(clock) < 0)
        return NaN;
    return (timespecHigh[1] * 4294967296 + timespecWords[0]) * 1000 + timespecWords[2] / 1e6;
};

// nanosleep(ms): sleeps; returns 0 or a negative errno (-EINTR).
exports.nanosleep = function (ms) {
    var ts = new Uint8Array(16);
    var view = new DataView(ts.buffer);
    var sec = Math.floor(ms / 1000);
    writeInt64(view, 0, sec);
    writeInt64(view, 8, Math.round((ms - sec * 1000) * 1e6));
    return syscall(NR.nanosleep, ts, 0);
};

// getrandom(buffer[, flags]) fills buffer; returns the count or -errno.
exports.getrandom = function (buffer, flags) {
    return syscall(NR.getrandom, buffer, buffer.byteLength, flags || 0);
};

// uname() -> {sysname, nodename, release, version, machine, domainname}:
// struct utsname is six NUL-terminated 65-byte fields.
var UTS_FIELDS = ['sysname', 'nodename', 'release', 'version', 'machine', 'domainname'];
exports.uname = function () {
    var buf = new Uint8Array(65 * 6);
    var r = syscall(NR.uname, buf);
    if (r < 0)
        return r;
    var result = {};
    for (var i = 0; i < UTS_FIELDS.length; i++) {
        var field = buf.subarray(i * 65, (i + 1) * 65);
        var end = 0;
        while (end < 65 && field[end] !== 0)
            end++;
        result[UTS_FIELDS[i]] = decodeUtf8(field.subarray(0, end));
    }
    return result;
};

exports.epoll_create1 = function (flags) { return syscall(NR.epoll_create1, flags || 0); };

// struct epoll_event is packed on x86_64: uint32 events, uint64 data (12
// bytes). unode keeps the fd in data; 32 bits of it are enough.
var EPOLL_EVENT_SIZE = 12;
exports.EPOLL_EVENT_SIZE = EPOLL_EVENT_SIZE;

exports.epoll_ctl = function (epfd, op, fd, events, data) {
    var ev = new Uint8Array(EPOLL_EVENT_SIZE);
    var view = new DataView(ev.buffer);
    view.setUint32(0, events >>> 0, true);
    writeInt64(view, 4, data === void 0 ? fd : data);
    return syscall(NR.epoll_ctl, epfd, op, fd, ev);
};

// epoll_wait(epfd, maxEvents, timeoutMs) -> [{events, data}], or -errno.
// The event loop calls it at every turn: the array the kernel fills is
// kept (per size) and read through 32-bit views in the machine's byte
// order, the struct's (12 bytes each, so every field is 4-aligned).
var eventBytes = null, eventWords = null, eventHigh = null;
exports.epoll_wait = function (epfd, maxEvents, timeout) {
    if (eventBytes === null || eventBytes.length !== EPOLL_EVENT_SIZE * maxEvents) {
        eventBytes = new Uint8Array(EPOLL_EVENT_SIZE * maxEvents);
        eventWords = new Uint32Array(eventBytes.buffer);
        eventHigh = new Int32Array(eventBytes.buffer);
    }
    var n = syscall(NR.epoll_wait, epfd, eventBytes, maxEvents, timeout);
    if (n < 0)
        return n;
    var words = eventWords, result = [];
    for (var i = 0, w = 0; i < n; i++, w += 3)
        result.push({ events: words[w], data: words[w + 1] + eventHigh[w + 2] * 4294967296 });
    return result;
};

// UTF-8 through Duktape's TextEncoder/TextDecoder (WHATWG encoding API).
function encodeUtf8(text) { return new TextEncoder().encode(text); }
function decodeUtf8(bytes) { return new TextDecoder().decode(bytes); }
exports.encodeUtf8 = encodeUtf8;
exports.decodeUtf8 = decodeUtf8;

// openat(path, flags[, mode]) from the current directory; read-only use so far.
NR.openat = 257;
exports.AT_FDCWD = -100;
exports.O_RDONLY = 0;
exports.O_CLOEXEC = 0x80000;
exports.openat = function (path, flags, mode) {
    return syscall(NR.openat, exports.AT_FDCWD, String(path), flags || 0, mode || 0);
};

// socket, bind, listen, accept4, connect, sendto, recvfrom, ... (socket.js).
require('./socket.js').install(exports, syscall);
