// fs.Stats and fs.Dirent, shaped like Node's: the same own properties in
// the same order (dev ... blocks, atimeMs ... birthtimeMs, then the Dates)
// and the is*() methods on the prototype.
'use strict';

var S_IFMT = 0xf000, S_IFREG = 0x8000, S_IFDIR = 0x4000, S_IFCHR = 0x2000, S_IFBLK = 0x6000,
    S_IFIFO = 0x1000, S_IFLNK = 0xa000, S_IFSOCK = 0xc000;

function Stats(raw) {
    this.dev = raw.dev;
    this.mode = raw.mode;
    this.nlink = raw.nlink;
    this.uid = raw.uid;
    this.gid = raw.gid;
    this.rdev = raw.rdev;
    this.blksize = raw.blksize;
    this.ino = raw.ino;
    this.size = raw.size;
    this.blocks = raw.blocks;
    this.atimeMs = raw.atimeMs;
    this.mtimeMs = raw.mtimeMs;
    this.ctimeMs = raw.ctimeMs;
    this.birthtimeMs = 0;  // fstat has no birth time (Node shows 0 where statx has none)
    this.atime = new Date(raw.atimeMs);
    this.mtime = new Date(raw.mtimeMs);
    this.ctime = new Date(raw.ctimeMs);
    this.birthtime = new Date(0);
}

function typeTest(bits) {
    return function () { return (this.mode & S_IFMT) === bits; };
}

Stats.prototype.isFile = typeTest(S_IFREG);
Stats.prototype.isDirectory = typeTest(S_IFDIR);
Stats.prototype.isCharacterDevice = typeTest(S_IFCHR);
Stats.prototype.isBlockDevice = typeTest(S_IFBLK);
Stats.prototype.isFIFO = typeTest(S_IFIFO);
Stats.prototype.isSymbolicLink = typeTest(S_IFLNK);
Stats.prototype.isSocket = typeTest(S_IFSOCK);

// d_type values of getdents64 -> the mode bits they stand for.
var DT_TO_MODE = { 1: S_IFIFO, 2: S_IFCHR, 4: S_IFDIR, 6: S_IFBLK, 8: S_IFREG, 10: S_IFLNK,
    12: S_IFSOCK };

function Dirent(name, dtype, parentPath) {
    this.name = name;
    this.parentPath = parentPath;
    this.path = parentPath;
    Object.defineProperty(this, 'mode', { value: DT_TO_MODE[dtype] || 0, enumerable: false,
        writable: true });
}

Dirent.prototype.isFile = typeTest(S_IFREG);
Dirent.prototype.isDirectory = typeTest(S_IFDIR);
Dirent.prototype.isCharacterDevice = typeTest(S_IFCHR);
Dirent.prototype.isBlockDevice = typeTest(S_IFBLK);
Dirent.prototype.isFIFO = typeTest(S_IFIFO);
Dirent.prototype.isSymbolicLink = typeTest(S_IFLNK);
Dirent.prototype.isSocket = typeTest(S_IFSOCK);

exports.Stats = Stats;
exports.Dirent = Dirent;
