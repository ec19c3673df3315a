// The file system calls for unode's fs (stdlib/node/fs.js): numbers named,
// structs decoded. Like the wrappers in index.js they return the raw
// result (a number or a negative errno) and never throw. Paths are
// strings: hosted, the Linux call gets them as NUL-terminated bytes; on
// jskernel the VFS (js-drivers/fs/) gets the string itself.
'use strict';

var syscall = require('native:sys').syscall;

var NR = {
    read: 0, write: 1, close: 3, fstat: 5, lseek: 8, pread64: 17, pwrite64: 18,
    fsync: 74, fdatasync: 75, truncate: 76, ftruncate: 77, getcwd: 79, chdir: 80,
    fchmod: 91, getdents64: 217, openat: 257, mkdirat: 258, newfstatat: 262,
    unlinkat: 263, renameat: 264, readlinkat: 267, fchmodat: 268, faccessat: 269,
    utimensat: 280
};
exports.NR = NR;

var AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100, AT_REMOVEDIR = 0x200;
exports.AT_FDCWD = AT_FDCWD;
exports.AT_REMOVEDIR = AT_REMOVEDIR;

var TWO32 = 4294967296;
function int64(dv, offset) { return dv.getInt32(offset + 4, true) * TWO32 + dv.getUint32(offset, true); }
function setInt64(dv, offset, value) {
    var high = Math.floor(value / TWO32);
    dv.setUint32(offset, value - high * TWO32, true);
    dv.setInt32(offset + 4, high, true);
}
function timeMs(dv, offset) { return int64(dv, offset) * 1000 + int64(dv, offset + 8) / 1e6; }

exports.open = function (path, flags, mode) { return syscall(NR.openat, AT_FDCWD, path, flags, mode); };
exports.close = function (fd) { return syscall(NR.close, fd); };

// read/write at the file position (position null or undefined) or at
// `position` (pread64/pwrite64): `length` bytes of `u8` from `offset`.
exports.read = function (fd, u8, offset, length, position) {
    var window = u8.subarray(offset, offset + length);
    if (position === null || position === undefined || position < 0)
        return syscall(NR.read, fd, window, length);
    return syscall(NR.pread64, fd, window, length, position);
};
exports.write = function (fd, u8, offset, length, position) {
    var window = u8.subarray(offset, offset + length);
    if (position === null || position === undefined || position < 0)
        return syscall(NR.write, fd, window, length);
    return syscall(NR.pwrite64, fd, window, length, position);
};
exports.lseek = function (fd, offset, whence) { return syscall(NR.lseek, fd, offset, whence); };

// struct stat (x86_64, 144 bytes) -> plain object, or -errno.
function decodeStat(buf) {
    var dv = new DataView(buf.buffer, buf.byteOffset, 144);
    return {
        dev: int64(dv, 0), ino: int64(dv, 8), nlink: int64(dv, 16), mode: dv.getUint32(24, true),
        uid: dv.getUint32(28, true), gid: dv.getUint32(32, true), rdev: int64(dv, 40),
        size: int64(dv, 48), blksize: int64(dv, 56), blocks: int64(dv, 64),
        atimeMs: timeMs(dv, 72), mtimeMs: timeMs(dv, 88), ctimeMs: timeMs(dv, 104)
    };
}
exports.fstat = function (fd) {
    var buf = new Uint8Array(144);
    var r = syscall(NR.fstat, fd, buf);
    return r < 0 ? r : decodeStat(buf);
};
// stat(path[, noFollow]): lstat when noFollow.
exports.stat = function (path, noFollow) {
    var buf = new Uint8Array(144);
    var r = syscall(NR.newfstatat, AT_FDCWD, path, buf, noFollow ? AT_SYMLINK_NOFOLLOW : 0);
    return r < 0 ? r : decodeStat(buf);
};

// getdents64 over an open directory -> [{name, type (DT_*)}] without '.'
// and '..', or -errno.
exports.readdir = function (fd) {
    var buf = new Uint8Array(8192);
    var dv = new DataView(buf.buffer);
    var decoder = new TextDecoder();
    var out = [];
    for (;;) {
        var n = syscall(NR.getdents64, fd, buf, buf.length);
        if (n < 0)
            return n;
        if (n === 0)
            return out;
        for (var off = 0; off < n; off += dv.getUint16(off + 16, true)) {
            var end = off + 19;
            while (buf[end] !== 0)
                end++;
            var name = decoder.decode(buf.subarray(off + 19, end));
            if (name !== '.' && name !== '..')
                out.push({ name: name, type: buf[off + 18] });
        }
    }
};

exports.mkdir = function (path, mode) { return syscall(NR.mkdirat, AT_FDCWD, path, mode); };
exports.unlink = function (path) { return syscall(NR.unlinkat, AT_FDCWD, path, 0); };
exports.rmdir = function (path) { return syscall(NR.unlinkat, AT_FDCWD, path, AT_REMOVEDIR); };
exports.rename = function (from, to) { return syscall(NR.renameat, AT_FDCWD, from, AT_FDCWD, to); };
exports.truncate = function (path, length) { return syscall(NR.truncate, path, length); };
exports.ftruncate = function (fd, length) { return syscall(NR.ftruncate, fd, length); };
exports.fsync = function (fd) { return syscall(NR.fsync, fd); };
exports.fdatasync = function (fd) { return syscall(NR.fdatasync, fd); };
exports.access = function (path, mode) { return syscall(NR.faccessat, AT_FDCWD, path, mode, 0); };
exports.chmod = function (path, mode) { return syscall(NR.fchmodat, AT_FDCWD, path, mode, 0); };
exports.fchmod = function (fd, mode) { return syscall(NR.fchmod, fd, mode); };
exports.chdir = function (path) { return syscall(NR.chdir, path); };

// utimensat with times in milliseconds (fd given: futimens).
exports.utimes = function (pathOrFd, atimeMs, mtimeMs) {
    var buf = new Uint8Array(32);
    var dv = new DataView(buf.buffer);
    [atimeMs, mtimeMs].forEach(function (ms, i) {
        var sec = Math.floor(ms / 1000);
        setInt64(dv, i * 16, sec);
        setInt64(dv, i * 16 + 8, Math.round((ms - sec * 1000) * 1e6));
    });
    if (typeof pathOrFd === 'number')
        return syscall(NR.utimensat, pathOrFd, 0, buf, 0);
    return syscall(NR.utimensat, AT_FDCWD, pathOrFd, buf, 0);
};

// readlink(path) -> the target string, or -errno (-EINVAL: not a link).
exports.readlink = function (path) {
    var buf = new Uint8Array(4096);
    var n = syscall(NR.readlinkat, AT_FDCWD, path, buf, buf.length);
    return n < 0 ? n : new TextDecoder().decode(buf.subarray(0, n));
};

exports.getcwd = function () {
    var buf = new Uint8Array(4096);
    var n = syscall(NR.getcwd, buf, buf.length);
    return n < 0 ? n : new TextDecoder().decode(buf.subarray(0, n - 1));
};
