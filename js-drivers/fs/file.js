// Open files of the VFS ("open file descriptions" in POSIX words): what an
// fd of a file, a directory or a device node refers to. They have the
// fdtable interface (core/fdtable.js: read, write, stat, release) plus the
// offset and what the VFS calls need (pread, pwrite, seek, getdents).
// Several fds share one after dup(), offset included.
'use strict';

var abi = require('../core/abi');
var E = require('../core/errno');
var vfs = require('./vfs');

var O_ACCMODE = 3, O_APPEND = 0x400;
var S_IFMT = { file: 0x8000, dir: 0x4000, chr: 0x2000, blk: 0x6000, symlink: 0xa000 };
var DT = { file: 8, dir: 4, chr: 2, blk: 6, symlink: 10 };

function canRead(flags) { return (flags & O_ACCMODE) === 0 || (flags & O_ACCMODE) === 2; }
function canWrite(flags) { return (flags & O_ACCMODE) === 1 || (flags & O_ACCMODE) === 2; }

function setTime(dv, offset, ms) {
    var sec = Math.floor(ms / 1000);
    abi.setInt64(dv, offset, sec);
    abi.setInt64(dv, offset + 8, Math.round((ms - sec * 1000) * 1e6));
}

// Linux's new_encode_dev: major in bits 8-19, minor in 0-7 and 20-31.
function encodeDev(major, minor) {
    return (minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12);
}

// Fills struct stat (x86_64, 144 bytes) from an fs.getattr() result.
var ZERO_STAT = new Uint8Array(144);

function fillStat(dv, attr, dev) {
    new Uint8Array(dv.buffer, dv.byteOffset, 144).set(ZERO_STAT);  // the padding and reserved words
    abi.setInt64(dv, 0, dev);
    abi.setInt64(dv, 8, attr.ino || 0);
    abi.setInt64(dv, 16, attr.nlink || 1);
    dv.setUint32(24, (S_IFMT[attr.type] || 0) | (attr.mode & 0xfff), true);
    dv.setUint32(28, attr.uid || 0, true);
    dv.setUint32(32, attr.gid || 0, true);
    abi.setInt64(dv, 40, attr.rdev || 0);
    abi.setInt64(dv, 48, attr.size || 0);
    abi.setInt64(dv, 56, attr.blksize || 4096);
    abi.setInt64(dv, 64, attr.blocks || 0);
    setTime(dv, 72, attr.atimeMs || 0);
    setTime(dv, 88, attr.mtimeMs || 0);
    setTime(dv, 104, attr.ctimeMs || 0);
}

function toBytes(data, count) {
    if (typeof data !== 'string')
        return data;
    var u8 = new TextEncoder().encode(data);
    return count < u8.length ? u8.subarray(0, count) : u8;
}

// open(at, flags): `at` is a vfs.resolve() frame. Devices whose node has
// device.open (the tty) make their own file; the VFS adds its fields.
function open(at, flags) {
    var node = at.node, fs = at.fs;
    var attr = fs.getattr(node);
    if (typeof attr === 'number')
        return attr;
    var file;
    if (node.device && node.device.open) {
        file = node.device.open(flags);
        if (typeof file === 'number')
            return file;
    } else {
        file = { kind: attr.type, flags: flags, position: 0 };
        file.read = attr.type === 'dir' ? isDir : readAtPosition;
        file.write = attr.type === 'dir' ? isDir : writeAtPosition;
        file.stat = function (dv) { statFile(this, dv); };
        if (node.device && node.device.ioctl)
            file.ioctl = function (request, arg) { return node.device.ioctl(request, arg); };
    }
    file.fs = fs;
    file.node = node;
    file.path = at.path;
    file.mount = at.mount;
    file.isDirectory = attr.type === 'dir';
    file.seekable = !(node.device && node.device.open);
    file.pread = pread;
    file.pwrite = pwrite;
    at.mount.openFiles++;
    var release = file.release;
    file.release = function () {
        at.mount.openFiles--;
        if (release)
            release.call(file);
    };
    return file;
}

function isDir() { return -E.EISDIR; }

function statFile(file, dv) {
    var attr = file.fs.getattr(file.node);
    if (typeof attr === 'number')
        return;
    fillStat(dv, attr, file.mount.dev);
}

// Reads and writes go to the node's device when it has one (devfs), else
// to the file system.
function pread(u8, offset, count, position) {
    if (!canRead(this.flags))
        return -E.EBADF;
    if (this.isDirectory)
        return -E.EISDIR;
    var dev = this.node.device;
    if (dev)
        return dev.read(u8, offset, count, position);
    return this.fs.read(this.node, position, u8, offset, count);
}

function pwrite(u8, offset, count, position) {
    if (!canWrite(this.flags))
        return -E.EBADF;
    if (this.isDirectory)
        return -E.EISDIR;
    var dev = this.node.device;
    if (dev)
        return dev.write(u8, offset, count, position);
    if (this.fs.readOnly)
        return -E.EROFS;
    return this.fs.write(this.node, position, u8, offset, count);
}

function readAtPosition(u8, count) {
    var n = this.pread(u8, 0, count, this.position);
    if (n > 0)
        this.position += n;
    return n;
}

function writeAtPosition(data, count) {
    var u8 = toBytes(data, count);
    if (typeof data === 'string')
        count = u8.length;
    if ((this.flags & O_APPEND) && !this.node.device) {
        var attr = this.fs.getattr(this.node);
        this.position = attr.size;
    }
    var n = this.pwrite(u8, 0, count, this.position);
    if (n > 0)
        this.position += n;
    return n;
}

module.exports = {
    open: open, fillStat: fillStat, encodeDev: encodeDev, canRead: canRead,
    canWrite: canWrite, toBytes: toBytes, DT: DT, S_IFMT: S_IFMT
};
