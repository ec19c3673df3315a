// A blockdev (docs/ahci.md) over bytes in memory, for testing file systems
// hosted: the synchronous calls only, with the same argument checks that
// matter (whole sectors, inside the disk) and counters. load()/save() move
// a host image file in and out through Linux system calls (build/unode
// hosted; unode has no `fs` module yet).
'use strict';

var sys = require('sys');

var NR = {read: 0, write: 1, open: 2, close: 3, lseek: 8, pread64: 17, pwrite64: 18};
var O_RDONLY = 0, O_WRONLY = 1, O_CREAT = 0x40, O_TRUNC = 0x200, SEEK_END = 2;

function MemDisk(bytes, name, sectorSize) {
    this.bytes = bytes;
    this.name = name || 'mem';
    this.sectorSize = sectorSize || 512;
    this.sectorCount = Math.floor(bytes.length / this.sectorSize);
    this.counters = {reads: 0, writes: 0, flushes: 0, sectorsRead: 0, sectorsWritten: 0};
}

MemDisk.prototype._check = function (what, lba, count, buffer) {
    if (lba < 0 || count < 1 || lba + count > this.sectorCount || lba % 1 || count % 1)
        throw new RangeError('memdisk ' + this.name + ': ' + what + ': sectors ' + lba + '..' +
            (lba + count - 1) + ' outside the disk of ' + this.sectorCount);
    if (buffer.byteLength !== count * this.sectorSize)
        throw new RangeError('memdisk ' + this.name + ': ' + what + ': buffer of ' +
            buffer.byteLength + ' bytes for ' + count + ' sectors');
};

MemDisk.prototype.readSync = function (lba, count, buffer) {
    this._check('read', lba, count, buffer);
    var at = lba * this.sectorSize;
    new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
        .set(this.bytes.subarray(at, at + buffer.byteLength));
    this.counters.reads++;
    this.counters.sectorsRead += count;
};

MemDisk.prototype.writeSync = function (lba, count, buffer) {
    this._check('write', lba, count, buffer);
    this.bytes.set(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
        lba * this.sectorSize);
    this.counters.writes++;
    this.counters.sectorsWritten += count;
};

MemDisk.prototype.flushSync = function () { this.counters.flushes++; };

MemDisk.prototype.stats = function () {
    var c = this.counters;
    return {reads: c.reads, writes: c.writes, flushes: c.flushes, sectorsRead: c.sectorsRead,
        sectorsWritten: c.sectorsWritten};
};

function fail(what, path, r) {
    throw new Error('memdisk: ' + what + ' ' + path + ': ' + sys.errnoName(-r));
}

// The bytes of a host file.
function readFile(path) {
    var fd = sys.syscall(NR.open, path, O_RDONLY, 0);
    if (fd < 0)
        fail('open', path, fd);
    var size = sys.syscall(NR.lseek, fd, 0, SEEK_END);
    var bytes = new Uint8Array(size), done = 0;
    while (done < size) {
        var n = sys.syscall(NR.pread64, fd, bytes.subarray(done), size - done, done);
        if (n <= 0)
            fail('read', path, n || -5);
        done += n;
    }
    sys.syscall(NR.close, fd);
    return bytes;
}

function writeFile(path, bytes) {
    var fd = sys.syscall(NR.open, path, O_WRONLY | O_CREAT | O_TRUNC, 420);
    if (fd < 0)
        fail('open', path, fd);
    var done = 0;
    while (done < bytes.length) {
        var n = sys.syscall(NR.pwrite64, fd, bytes.subarray(done), bytes.length - done, done);
        if (n <= 0)
            fail('write', path, n || -5);
        done += n;
    }
    sys.syscall(NR.close, fd);
}

module.exports = {
    MemDisk: MemDisk,
    load: function (path, name) { return new MemDisk(readFile(path), name); },
    save: function (disk, path) { writeFile(path, disk.bytes); },
    readFile: readFile, writeFile: writeFile
};
