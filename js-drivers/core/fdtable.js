// The file-descriptor table and the system calls that only look a file up
// in it and hand the call to the file: read, write, close, ioctl, fstat,
// fcntl, dup, dup2, dup3. A file (an "open file description") is an object:
//
//   kind        'tty', 'epoll', ... (for diagnostics)
//   flags       status flags (O_NONBLOCK, O_RDWR...), F_GETFL/F_SETFL
//   read(u8, count)          -> bytes or -errno   (missing: -EBADF/-EINVAL)
//   write(u8, count)         -> bytes or -errno
//   ioctl(request, arg)      -> 0 or -errno      (missing: -ENOTTY)
//   stat(dataView144)        fills struct stat
//   poll()                   -> EPOLL* bits ready now (for epoll)
//   wakeOn(events)           -> native:kernel.waitForEvent wake bits that
//                               may make `events` ready (for epoll)
//   release()                called when the last fd referring to it closes
//
// Several fds may share one file (fds 0-2 share the console, as after
// dup2 on Linux), so O_NONBLOCK set through one shows through the others.
'use strict';

var abi = require('./abi');
var E = require('./errno');

var O_ACCMODE = 3, O_NONBLOCK = 0x800, O_APPEND = 0x400, O_CLOEXEC = 0x80000;
var FD_CLOEXEC = 1;
var F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_DUPFD_CLOEXEC = 1030;
var MAX_FDS = 1024;  // RLIMIT_NOFILE's usual soft limit

var slots = [];      // fd -> {file, fdFlags}
// Closes so far: epoll checks that its watched fds still name their files
// only after one (core/epoll.js), not at every look.
var closes = 0;

function get(fd) {
    if (typeof fd !== 'number' || fd !== (fd | 0) || fd < 0 || fd >= MAX_FDS)
        return null;
    var slot = slots[fd];
    return slot ? slot.file : null;
}

function installAt(fd, file, fdFlags) {
    if (slots[fd])
        close(fd);
    slots[fd] = { file: file, fdFlags: fdFlags || 0 };
    file._refs = (file._refs || 0) + 1;
    return fd;
}

// The lowest free fd >= min, or -EMFILE.
function install(file, fdFlags, min) {
    for (var fd = min || 0; fd < MAX_FDS; fd++) {
        if (!slots[fd])
            return installAt(fd, file, fdFlags);
    }
    return -E.EMFILE;
}

function close(fd) {
    var file = get(fd);
    if (!file)
        return -E.EBADF;
    slots[fd] = void 0;
    closes++;
    if (--file._refs === 0 && file.release)
        file.release();
    return 0;
}

function read(fd, buffer, count) {
    var file = get(fd);
    if (!file)
        return -E.EBADF;
    if (!file.read || (file.flags & O_ACCMODE) === 1)  // O_WRONLY
        return file.read ? -E.EBADF : -E.EINVAL;
    var u8 = abi.bytes(buffer);
    var n = abi.size(count);
    if (u8 === null || n < 0 || n > u8.byteLength)
        return -E.EFAULT;
    return file.read(u8, n);
}

function write(fd, buffer, count) {
    var file = get(fd);
    if (!file)
        return -E.EBADF;
    if (!file.write || (file.flags & O_ACCMODE) === 0)  // O_RDONLY
        return file.write ? -E.EBADF : -E.EINVAL;
    var n = abi.size(count);
    // Strings are accepted (as their UTF-8 bytes), like the hosted syscall
    // passes them as pointers.
    if (typeof buffer === 'string')
        return n < 0 ? -E.EFAULT : file.write(buffer, n);
    var u8 = abi.bytes(buffer);
    if (u8 === null || n < 0 || n > u8.byteLength)
        return -E.EFAULT;
    return file.write(u8, n);
}

function ioctl(fd, request, arg) {
    var file = get(fd);
    if (!file)
        return -E.EBADF;
    if (!file.ioctl)
        return -E.ENOTTY;
    return file.ioctl(request >>> 0, arg);
}

function fstat(fd, statbuf) {
    var file = get(fd);
    if (!file)
        return -E.EBADF;
    var dv = abi.view(statbuf, 144);
    if (dv === null)
        return -E.EFAULT;
    for (var i = 0; i < 144; i += 4)
        dv.setUint32(i, 0, true);
    if (file.stat)
        file.stat(dv);
    return 0;
}

function fcntl(fd, cmd, arg) {
    var file = get(fd);
    if (!file)
        return -E.EBADF;
    arg = abi.int(arg);
    switch (abi.int(cmd)) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
        if (!(arg >= 0 && arg < MAX_FDS))
            return -E.EINVAL;
        return install(file, cmd === F_DUPFD_CLOEXEC ? FD_CLOEXEC : 0, arg);
    case F_GETFD:
        return slots[fd].fdFlags;
    case F_SETFD:
        slots[fd].fdFlags = arg & FD_CLOEXEC;
        return 0;
    case F_GETFL:
        return file.flags;
    case F_SETFL:
        // Only O_APPEND and O_NONBLOCK (and O_ASYNC etc., ignored) change.
        file.flags = (file.flags & ~(O_NONBLOCK | O_APPEND)) | (arg & (O_NONBLOCK | O_APPEND));
        return 0;
    default:
        return -E.EINVAL;
    }
}

// dup(fd): the lowest free fd for the same open file (offset and status
// flags shared), without FD_CLOEXEC.
function dup(fd) {
    var file = get(fd);
    return file ? install(file, 0) : -E.EBADF;
}

// dup3(oldfd, newfd, flags): newfd (closed first if open) for the same
// file; flags 0 or O_CLOEXEC; the same fd twice is EINVAL.
function dup3(oldfd, newfd, flags) {
    var file = get(oldfd);
    if (!file)
        return -E.EBADF;
    flags = abi.int(flags);
    if (flags & ~O_CLOEXEC)
        return -E.EINVAL;
    if (oldfd === newfd)
        return -E.EINVAL;
    if (!(typeof newfd === 'number' && newfd === (newfd | 0) && newfd >= 0 && newfd < MAX_FDS))
        return -E.EBADF;
    return installAt(newfd, file, flags ? FD_CLOEXEC : 0);
}

// dup2: like dup3 without flags, and the same fd twice is that fd.
function dup2(oldfd, newfd) {
    if (!get(oldfd))
        return -E.EBADF;
    return oldfd === newfd ? newfd : dup3(oldfd, newfd, 0);
}

module.exports = {
    O_NONBLOCK: O_NONBLOCK, O_RDWR: 2, FD_CLOEXEC: FD_CLOEXEC,
    get: get, install: install, installAt: installAt, close: close,
    closes: function () { return closes; },
    entries: { read: read, write: write, close: close, ioctl: ioctl, fstat: fstat, fcntl: fcntl,
        dup: dup, dup2: dup2, dup3: dup3 }
};
