// archivefs: the boot archive (the cpio boot module holding stdlib/,
// js-drivers/ and the app) as a read-only file system, mounted at /.
// native:kernel answers archiveStat/archiveList/archiveRead from the
// archive in place (kernel/boot_archive.h); nothing is copied but what a
// read asks for. Every write says EROFS.
'use strict';

var E = require('../core/errno');

function create(kernel) {
    var nodes = Object.create(null);  // path -> node: one node (and inode number) per path
    var nextIno = 1;
    var fs = { type: 'archive', readOnly: true };

    function node(path, info) {
        var n = nodes[path];
        if (!n) {
            n = nodes[path] = { path: path, ino: nextIno++, type: info.type, size: info.size,
                mode: info.mode };
        }
        return n;
    }

    fs.root = node('/', { type: 'dir', size: 0, mode: 0x1ed });

    function childPath(dir, name) { return dir.path === '/' ? '/' + name : dir.path + '/' + name; }

    fs.lookup = function (dir, name) {
        if (dir.type !== 'dir')
            return -E.ENOTDIR;
        var path = childPath(dir, name);
        if (nodes[path])
            return nodes[path];
        var info = kernel.archiveStat(path);
        return info === null ? -E.ENOENT : node(path, info);
    };

    fs.readdir = function (dir) {
        if (dir.type !== 'dir')
            return -E.ENOTDIR;
        return kernel.archiveList(dir.path).map(function (name) {
            var child = fs.lookup(dir, name);
            return { name: name, ino: child.ino, type: child.type };
        });
    };

    fs.read = function (n, position, u8, offset, length) {
        if (n.type === 'dir')
            return -E.EISDIR;
        var r = kernel.archiveRead(n.path, position, u8, offset, length);
        return r < 0 ? -E.EIO : r;
    };

    function readOnly() { return -E.EROFS; }
    fs.create = fs.mkdir = fs.unlink = fs.rmdir = fs.rename = readOnly;
    fs.write = fs.truncate = fs.setattr = readOnly;

    fs.getattr = function (n) {
        return { type: n.type === 'other' ? 'file' : n.type, mode: n.mode, size: n.size,
            ino: n.ino, nlink: n.type === 'dir' ? 2 : 1, uid: 0, gid: 0,
            atimeMs: 0, mtimeMs: 0, ctimeMs: 0,  // mkinitrd writes mtime 0: reproducible
            blksize: 4096, blocks: Math.ceil(n.size / 512), rdev: 0 };
    };

    fs.fsync = fs.sync = fs.unmount = function () { return 0; };
    fs.statfs = function () {
        return { bsize: 4096, blocks: 0, bfree: 0, files: 0, ffree: 0, namemax: 255 };
    };
    return fs;
}

module.exports = { create: create };
