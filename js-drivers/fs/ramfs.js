// ramfs: a file system in memory (what /tmp and /mnt are). A file's bytes
// are one Uint8Array that grows by doubling; a directory's entries are an
// object without a prototype, name -> node. Nothing survives a reboot.
//
// It implements the mounted-file-system interface of docs/fs.md: errors
// are negative errno numbers, never exceptions. Its only limit is the
// JavaScript heap: a write that cannot get memory is ENOSPC. An unlinked file that is
// still open keeps its bytes until the VFS drops its last reference (the
// node simply stops being reachable from a directory).
'use strict';

var E = require('../core/errno');

var S_IFDIR = 0x4000, S_IFREG = 0x8000;

function create(options) {
    options = options || {};
    var now = options.now || Date.now;
    var nextIno = 1;
    var fs = { type: 'ramfs', readOnly: false };

    function newNode(type, mode) {
        var t = now();
        var node = { ino: nextIno++, type: type, mode: mode & 0xfff, nlink: type === 'dir' ? 2 : 1,
            atimeMs: t, mtimeMs: t, ctimeMs: t, size: 0 };
        if (type === 'dir')
            node.children = Object.create(null);
        else
            node.data = new Uint8Array(0);
        return node;
    }

    function touch(node) { node.mtimeMs = node.ctimeMs = now(); }

    fs.root = newNode('dir', 0x1ff | 0x200);  // 1777 like /tmp

    function entry(dir, name) {
        if (dir.type !== 'dir')
            return -E.ENOTDIR;
        var child = dir.children[name];
        return child === undefined ? -E.ENOENT : child;
    }

    fs.lookup = entry;

    fs.readdir = function (dir) {
        if (dir.type !== 'dir')
            return -E.ENOTDIR;
        return Object.keys(dir.children).map(function (name) {
            var child = dir.children[name];
            return { name: name, ino: child.ino, type: child.type };
        });
    };

    function add(dir, name, node) {
        if (dir.type !== 'dir')
            return -E.ENOTDIR;
        if (dir.children[name] !== undefined)
            return -E.EEXIST;
        dir.children[name] = node;
        if (node.type === 'dir')
            dir.nlink++;
        touch(dir);
        return node;
    }

    fs.create = function (dir, name, mode) { return add(dir, name, newNode('file', mode)); };
    fs.mkdir = function (dir, name, mode) { return add(dir, name, newNode('dir', mode)); };

    function remove(dir, name, node) {
        delete dir.children[name];
        if (node.type === 'dir')
            dir.nlink--;
        node.nlink = node.type === 'dir' ? 0 : node.nlink - 1;
        node.ctimeMs = now();
        touch(dir);
    }

    fs.unlink = function (dir, name) {
        var node = entry(dir, name);
        if (typeof node === 'number')
            return node;
        if (node.type === 'dir')
            return -E.EISDIR;
        remove(dir, name, node);
        return 0;
    };

    fs.rmdir = function (dir, name) {
        var node = entry(dir, name);
        if (typeof node === 'number')
            return node;
        if (node.type !== 'dir')
            return -E.ENOTDIR;
        for (var k in node.children)  // eslint-disable-line no-unused-vars
            return -E.ENOTEMPTY;
        remove(dir, name, node);
        return 0;
    };

    // True when `dir` is `node` or lies below it (renaming a directory
    // into itself is EINVAL).
    function inside(dir, node) {
        if (dir === node)
            return true;
        for (var name in node.children) {
            var child = node.children[name];
            if (child.type === 'dir' && inside(dir, child))
                return true;
        }
        return false;
    }

    // POSIX rename: an existing target is replaced when the types agree
    // (a directory only by an empty one).
    fs.rename = function (oldDir, oldName, newDir, newName) {
        var node = entry(oldDir, oldName);
        if (typeof node === 'number')
            return node;
        if (newDir.type !== 'dir')
            return -E.ENOTDIR;
        var target = newDir.children[newName];
        if (target === node)
            return 0;
        if (node.type === 'dir' && inside(newDir, node))
            return -E.EINVAL;
        if (target !== undefined) {
            var r = target.type === 'dir' ? (node.type === 'dir' ? fs.rmdir(newDir, newName) : -E.EISDIR)
                : (node.type === 'dir' ? -E.ENOTDIR : fs.unlink(newDir, newName));
            if (r < 0)
                return r;
        }
        remove(oldDir, oldName, node);
        node.nlink = node.type === 'dir' ? 2 : node.nlink + 1;
        add(newDir, newName, node);
        return 0;
    };

    // Bytes past a file's size are always zero (new arrays are), so a
    // write past the end or a truncate up leaves zeros without filling;
    // only a truncate down clears what it cuts off. Through set() from a
    // zeroed array: Duktape's typed arrays have no fill().
    var ZEROS = new Uint8Array(65536);
    function zero(u8, from, to) {
        for (var at = from; at < to; at += ZEROS.length)
            u8.set(to - at < ZEROS.length ? ZEROS.subarray(0, to - at) : ZEROS, at);
    }

    // Room for `size` bytes; false when the heap has no more (the caller
    // says ENOSPC, as a full tmpfs does).
    function reserve(node, size) {
        if (size <= node.data.length)
            return true;
        var bigger;
        try {
            bigger = new Uint8Array(Math.max(size, node.data.length * 2, 64));
        } catch (e) {
            try {
                bigger = new Uint8Array(size);  // doubling was too much: exactly
            } catch (e2) {
                return false;
            }
        }
        bigger.set(node.data.subarray(0, node.size));
        node.data = bigger;
        return true;
    }

    fs.read = function (node, position, u8, offset, length) {
        if (node.type === 'dir')
            return -E.EISDIR;
        var n = Math.max(0, Math.min(length, node.size - position));
        if (n > 0)
            u8.set(node.data.subarray(position, position + n), offset);
        node.atimeMs = now();
        return n;
    };

    fs.write = function (node, position, u8, offset, length) {
        if (node.type === 'dir')
            return -E.EISDIR;
        if (!reserve(node, position + length))
            return -E.ENOSPC;  // (the hole up to position is zeros already)
        node.data.set(u8.subarray(offset, offset + length), position);
        node.size = Math.max(node.size, position + length);
        touch(node);
        return length;
    };

    fs.truncate = function (node, size) {
        if (node.type === 'dir')
            return -E.EISDIR;
        if (size > node.size && !reserve(node, size))
            return -E.ENOSPC;
        if (size < node.size) {
            if (node.data.length > 4 * size + 64) {  // give memory back on a big shrink
                var smaller = new Uint8Array(size);
                smaller.set(node.data.subarray(0, size));
                node.data = smaller;
            } else {
                zero(node.data, size, node.size);
            }
        }
        node.size = size;
        touch(node);
        return 0;
    };

    fs.getattr = function (node) {
        var isDir = node.type === 'dir';
        return { type: node.type, mode: (isDir ? S_IFDIR : S_IFREG) | node.mode,
            size: isDir ? 4096 : node.size, ino: node.ino, nlink: node.nlink, uid: 0, gid: 0,
            atimeMs: node.atimeMs, mtimeMs: node.mtimeMs, ctimeMs: node.ctimeMs,
            blksize: 4096, blocks: Math.ceil((isDir ? 4096 : node.size) / 4096) * 8, rdev: 0 };
    };

    fs.setattr = function (node, attrs) {
        if (attrs.mode !== undefined)
            node.mode = attrs.mode & 0xfff;
        if (attrs.atimeMs !== undefined)
            node.atimeMs = attrs.atimeMs;
        if (attrs.mtimeMs !== undefined)
            node.mtimeMs = attrs.mtimeMs;
        node.ctimeMs = now();
        return 0;
    };

    fs.fsync = function () { return 0; };
    fs.sync = function () { return 0; };
    fs.unmount = function () { return 0; };
    fs.statfs = function () {
        return { bsize: 4096, blocks: 0, bfree: 0, files: 0, ffree: 0, namemax: 255 };
    };
    return fs;
}

module.exports = { create: create };
