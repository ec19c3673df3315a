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
    this.atime = new Date(Math.round(raw.atimeMs));  // rounded, as Node's dateFromMs does
    this.mtime = new Date(Math.round(raw.mtimeMs));
    this.ctime = new Date(Math.round(raw.ctimeMs));
    this.birthtime = new Date(0);
}

function typeTest(bits) {
    return function () { return (this.mode & S_IFMT) === bits; };
}

// isFile() ... isSocket() on a prototype whose objects have `mode`.
function addTypeTests(proto) {
    proto.isFile = typeTest(S_IFREG);
    proto.isDirectory = typeTest(S_IFDIR);
    proto.isCharacterDevice = typeTest(S_IFCHR);
    proto.isBlockDevice = typeTest(S_IFBLK);
    proto.isFIFO = typeTest(S_IFIFO);
    proto.isSymbolicLink = typeTest(S_IFLNK);
    proto.isSocket = typeTest(S_IFSOCK);
}

addTypeTests(Stats.prototype);

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

addTypeTests(Dirent.prototype);

exports.Stats = Stats;
exports.Dirent = Dirent;
