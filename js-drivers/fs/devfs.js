// devfs: the device nodes under /dev. Character devices: null, zero,
// full, random, urandom, tty and console (the console tty, a new open
// file per open). Block devices: one node per disk of the `blockdev`
// interface (js-drivers/dev/ahci.js), added as the disks appear; reading
// /dev/sda reads the disk, sector-aligned through a bounce buffer.
//
// Each node has node.device = {read(u8, off, len, position), write(...),
// ioctl?, open?, size?} (docs/fs.md); the VFS calls it instead of
// fs.read/fs.write. Nodes cannot be created or removed by programs (EPERM).
'use strict';

var E = require('../core/errno');
var tty = require('../tty/console');

var MAX_SECTORS = 128;  // per command of a block-device read or write

function encodeDev(major, minor) { return (minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12); }

function create(kernel) {
    var fs = { type: 'devfs', readOnly: false };
    var nextIno = 2;
    var boot = kernel.realtimeNs() / 1e6;
    fs.root = { ino: 1, type: 'dir', mode: 0x1ed, children: Object.create(null) };

    function add(name, type, mode, major, minor, device) {
        fs.root.children[name] = { ino: nextIno++, type: type, mode: mode,
            rdev: encodeDev(major, minor), device: device };
    }

    function sink(u8, off, len) { return len; }
    function fill(value) {
        return function (u8, off, len) {
            for (var i = off; i < off + len; i++)  // Duktape's typed arrays have no fill()
                u8[i] = value;
            return len;
        };
    }
    function random(u8, off, len) { return kernel.randomBytes(u8, off, len); }

    add('null', 'chr', 0x1b6, 1, 3, { read: function () { return 0; }, write: sink });
    add('zero', 'chr', 0x1b6, 1, 5, { read: fill(0), write: sink });
    add('full', 'chr', 0x1b6, 1, 7, { read: fill(0), write: function () { return -E.ENOSPC; } });
    add('random', 'chr', 0x1b6, 1, 8, { read: random, write: sink });
    add('urandom', 'chr', 0x1b6, 1, 9, { read: random, write: sink });
    function openTty(flags) {
        var file = tty.create(kernel);
        file.flags = flags;
        return file;
    }
    add('tty', 'chr', 0x1b6, 5, 0, { open: openTty });
    add('console', 'chr', 0x180, 5, 1, { open: openTty });

    fs.lookup = function (dir, name) {
        if (dir.type !== 'dir')
            return -E.ENOTDIR;
        return dir.children[name] || -E.ENOENT;
    };
    fs.readdir = function (dir) {
        if (dir.type !== 'dir')
            return -E.ENOTDIR;
        return Object.keys(dir.children).map(function (name) {
            var n = dir.children[name];
            return { name: name, ino: n.ino, type: n.type };
        });
    };
    function denied() { return -E.EPERM; }
    fs.create = fs.mkdir = fs.unlink = fs.rmdir = fs.rename = denied;
    fs.read = fs.write = function () { return -E.EINVAL; };  // nodes all have a device
    fs.truncate = function () { return 0; };  // O_TRUNC on /dev/null is fine
    fs.getattr = function (n) {
        return { type: n.type, mode: n.mode, size: 0, ino: n.ino, nlink: n.type === 'dir' ? 2 : 1,
            uid: 0, gid: 0, atimeMs: boot, mtimeMs: boot, ctimeMs: boot, blksize: 4096, blocks: 0,
            rdev: n.rdev || 0 };
    };
    fs.setattr = function (n, attrs) {
        if (attrs.mode !== undefined)
            n.mode = attrs.mode & 0xfff;
        return 0;
    };
    // fsync flushes a disk's cache; a character device cannot (EINVAL, as on Linux).
    fs.fsync = function (n) {
        if (n && n.disk)
            return flush(n.disk);
        return n && n.type === 'chr' ? -E.EINVAL : 0;
    };
    fs.sync = fs.unmount = function () { return 0; };

    // -- block devices ------------------------------------------------------

    function flush(disk) {
        try {
            disk.flushSync();
            return 0;
        } catch (e) {
            return -E.EIO;
        }
    }

    // Calls fn(lba, count, bytes) over the sectors covering [position,
    // position + len), at most MAX_SECTORS at a time; fn returns false on
    // an error.
    function blockDevice(disk) {
        var ss = disk.sectorSize;
        var size = disk.sectorCount * ss;
        function transfer(u8, off, len, position, writing) {
            if (position >= size)
                return writing && len > 0 ? -E.ENOSPC : 0;
            len = Math.min(len, size - position);
            var done = 0;
            try {
                while (done < len) {
                    var at = position + done;
                    var lba = Math.floor(at / ss);
                    var skip = at - lba * ss;
                    var count = Math.min(MAX_SECTORS, Math.ceil((skip + len - done) / ss));
                    var bounce = new Uint8Array(count * ss);
                    var n = Math.min(count * ss - skip, len - done);
                    if (!writing || skip !== 0 || n !== count * ss)
                        disk.readSync(lba, count, bounce);
                    if (writing) {
                        bounce.set(u8.subarray(off + done, off + done + n), skip);
                        disk.writeSync(lba, count, bounce);
                    } else {
                        u8.set(bounce.subarray(skip, skip + n), off + done);
                    }
                    done += n;
                }
            } catch (e) {
                return done > 0 ? done : -E.EIO;
            }
            return done;
        }
        return {
            size: size,
            read: function (u8, off, len, position) { return transfer(u8, off, len, position, false); },
            write: function (u8, off, len, position) { return transfer(u8, off, len, position, true); }
        };
    }

    // A disk of the blockdev interface becomes /dev/<name> (sda: major 8,
    // minor 16 per disk, as Linux numbers SCSI disks).
    fs.addBlockDevice = function (disk) {
        var name = disk.name;
        if (!/^[a-z0-9]+$/.test(name) || fs.root.children[name])
            return;
        var index = name.charCodeAt(2) - 97;
        add(name, 'blk', 0x1b0, 8, (index >= 0 ? index : 0) * 16, blockDevice(disk));
        fs.root.children[name].disk = disk;
    };

    return fs;
}

module.exports = { create: create };
