// The file system calls: open, stat, getdents64, mkdir, unlink, rename,
// truncate, the cwd... over the VFS (fs/vfs.js) and its open files
// (fs/file.js). read, write, close, fstat and fcntl stay in
// core/fdtable.js, which calls the open files. Arguments are checked the
// way Linux checks them, in the same order where it shows in the errno.
//
// Paths are JavaScript strings (what unode passes), or buffers holding a
// NUL-terminated UTF-8 path. struct layouts are Linux x86_64.
'use strict';

var abi = require('../core/abi');
var E = require('../core/errno');
var fdtable = require('../core/fdtable');
var vfs = require('./vfs');
var file = require('./file');

var AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100, AT_REMOVEDIR = 0x200,
    AT_EACCESS = 0x200, AT_NO_AUTOMOUNT = 0x800, AT_EMPTY_PATH = 0x1000;
var O_ACCMODE = 3, O_CREAT = 0x40, O_EXCL = 0x80, O_TRUNC = 0x200, O_APPEND = 0x400,
    O_DIRECTORY = 0x10000, O_CLOEXEC = 0x80000, O_PATH = 0x200000, O_TMPFILE_BIT = 0x400000;
var SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2, SEEK_DATA = 3, SEEK_HOLE = 4;
var RENAME_NOREPLACE = 1;
var UTIME_NOW = 0x3fffffff, UTIME_OMIT = 0x3ffffffe;
var FS_MAGIC = { ramfs: 0x01021994, devfs: 0x1373, archive: 0x858458f6, vfat: 0x4d44 };
var MAX_OFFSET = 9007199254740991;  // 2^53 - 1: what a double holds exactly

// options.cwd: the working directory at start (the engine's, '/').
function create(kernel, options) {
    var cwd = options && options.cwd || '/';
    var umaskBits = 0x12;  // 022, what a Linux login shell gives its children

    function nowMs() { return kernel.realtimeNs() / 1e6; }

    // A path argument as a string, or -EFAULT.
    function pathArg(value) {
        if (typeof value === 'string')
            return value;
        var u8 = abi.bytes(value);
        if (u8 === null)
            return -E.EFAULT;
        var end = 0;
        while (end < u8.length && u8[end] !== 0)
            end++;
        if (end === u8.length)
            return -E.EFAULT;  // runs off the buffer
        return new TextDecoder().decode(u8.subarray(0, end));
    }

    // The directory a relative path starts from: the cwd or dirfd's.
    function baseOf(dirfd, path) {
        if (path.charAt(0) === '/')
            return '/';
        dirfd = abi.int(dirfd);
        if (dirfd === AT_FDCWD)
            return cwd;
        var f = fdtable.get(dirfd);
        if (!f)
            return -E.EBADF;
        if (!f.isDirectory)
            return -E.ENOTDIR;
        return f.path;
    }

    // The walk of a path argument relative to dirfd: vfs.resolve (the
    // node) or vfs.resolveParent (its directory and last name).
    function walk(dirfd, pathValue, resolver) {
        var path = pathArg(pathValue);
        if (typeof path === 'number')
            return path;
        var base = baseOf(dirfd, path);
        if (typeof base === 'number')
            return base;
        return resolver(path, base);
    }

    function lookup(dirfd, pathValue) { return walk(dirfd, pathValue, vfs.resolve); }
    function lookupParent(dirfd, pathValue) { return walk(dirfd, pathValue, vfs.resolveParent); }

    // -- open ---------------------------------------------------------------

    function openat(dirfd, pathValue, flags, mode) {
        flags = abi.int(flags);
        mode = abi.int(mode) & 0xfff & ~umaskBits;
        if (flags !== flags)
            return -E.EINVAL;
        if ((flags & O_TMPFILE_BIT) || (flags & O_PATH))
            return -E.EOPNOTSUPP;
        if ((flags & (O_CREAT | O_DIRECTORY)) === (O_CREAT | O_DIRECTORY))
            return -E.EINVAL;  // Linux 6.4 and later
        var at = lookupParent(dirfd, pathValue);
        if (typeof at === 'number')
            return at;
        var node = at.node;
        if (typeof node === 'number') {
            if (node !== -E.ENOENT || !(flags & O_CREAT))
                return node;
            if (at.trailingSlash)
                return -E.EISDIR;
            if (at.dir.fs.readOnly)
                return -E.EROFS;
            var created = at.dir.fs.create(at.dir.node, at.name, mode);
            if (typeof created === 'number')
                return created;
            node = { mount: at.dir.mount, fs: at.dir.fs, node: created, path: at.path };
        } else {
            if ((flags & O_CREAT) && (flags & O_EXCL))
                return -E.EEXIST;
            var type = vfs.typeOf(node.fs, node.node);
            if (typeof type === 'number')
                return type;
            if (type === 'dir') {
                if ((flags & O_CREAT) || file.canWrite(flags) && (flags & O_ACCMODE) !== 3)
                    return -E.EISDIR;
            } else {
                if ((flags & O_DIRECTORY) || at.trailingSlash)
                    return -E.ENOTDIR;
            }
            if (file.canWrite(flags) || (flags & O_TRUNC)) {
                if (node.fs.readOnly && !node.node.device)
                    return -E.EROFS;
            }
            if ((flags & O_TRUNC) && type === 'file') {
                var t = node.fs.truncate(node.node, 0);
                if (t < 0)
                    return t;
            }
        }
        var f = file.open(node, flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC));
        if (typeof f === 'number')
            return f;
        var fd = fdtable.install(f, flags & O_CLOEXEC ? fdtable.FD_CLOEXEC : 0);
        if (fd < 0 && f.release)
            f.release();
        return fd;
    }

    function open(path, flags, mode) { return openat(AT_FDCWD, path, flags, mode); }
    function creat(path, mode) { return openat(AT_FDCWD, path, 0x241, mode); }  // O_CREAT|O_WRONLY|O_TRUNC

    // -- positioned I/O ------------------------------------------------------

    function vfsFile(fd) {
        var f = fdtable.get(abi.int(fd));
        return f ? f : null;
    }

    function offsetArg(value) {
        return typeof value === 'number' && value === Math.floor(value) ? value : NaN;
    }

    function pread64(fd, buffer, count, position) {
        var f = vfsFile(fd);
        if (!f)
            return -E.EBADF;
        if (!f.pread || !f.seekable)
            return -E.ESPIPE;
        var u8 = abi.bytes(buffer);
        var n = abi.size(count);
        if (u8 === null || n < 0 || n > u8.byteLength)
            return -E.EFAULT;
        position = offsetArg(position);
        if (!(position >= 0))
            return -E.EINVAL;
        return f.pread(u8, 0, n, position);
    }

    function pwrite64(fd, buffer, count, position) {
        var f = vfsFile(fd);
        if (!f)
            return -E.EBADF;
        if (!f.pwrite || !f.seekable)
            return -E.ESPIPE;
        var n = abi.size(count);
        var u8 = typeof buffer === 'string' ? file.toBytes(buffer, n) : abi.bytes(buffer);
        if (u8 === null || n < 0 || (typeof buffer !== 'string' && n > u8.byteLength))
            return -E.EFAULT;
        position = offsetArg(position);
        if (!(position >= 0))
            return -E.EINVAL;
        return f.pwrite(u8, 0, Math.min(n, u8.byteLength), position);
    }

    // readv/writev: on jskernel the iovec array is a JavaScript array of
    // buffers (a struct iovec cannot hold a reference to one).
    function vector(fd, iov, iovcnt, rw) {
        var count = abi.int(iovcnt);
        if (!(count >= 0 && count <= 1024))
            return -E.EINVAL;
        if (!(iov instanceof Array) || iov.length < count)
            return -E.EFAULT;
        var total = 0;
        for (var i = 0; i < count; i++) {
            var u8 = abi.bytes(iov[i]);
            if (u8 === null)
                return -E.EFAULT;
            var n = fdtable.entries[rw](fd, u8, u8.byteLength);
            if (n < 0)
                return total > 0 ? total : n;
            total += n;
            if (n < u8.byteLength)
                break;
        }
        return total;
    }

    function readv(fd, iov, iovcnt) { return vector(fd, iov, iovcnt, 'read'); }
    function writev(fd, iov, iovcnt) { return vector(fd, iov, iovcnt, 'write'); }

    function lseek(fd, offset, whence) {
        var f = vfsFile(fd);
        if (!f)
            return -E.EBADF;
        if (!f.seekable || f.position === undefined)
            return -E.ESPIPE;
        offset = offsetArg(offset);
        whence = abi.int(whence);
        if (offset !== offset)
            return -E.EINVAL;
        var size = 0;
        if (whence >= SEEK_END && whence <= SEEK_HOLE) {
            var attr = f.fs.getattr(f.node);
            size = f.node.device && f.node.device.size !== undefined ? f.node.device.size : attr.size;
        }
        var target;
        switch (whence) {
        case SEEK_SET: target = offset; break;
        case SEEK_CUR: target = f.position + offset; break;
        case SEEK_END: target = size + offset; break;
        case SEEK_DATA:
            if (offset >= size)
                return -E.ENXIO;
            target = offset;
            break;
        case SEEK_HOLE:
            if (offset >= size)
                return -E.ENXIO;
            target = size;
            break;
        default:
            return -E.EINVAL;
        }
        if (target < 0 || target > MAX_OFFSET)
            return -E.EINVAL;
        if (f.isDirectory && target === 0)
            f.listing = null;  // rewinddir: list again
        f.position = target;
        return target;
    }

    // -- stat ------------------------------------------------------------------

    function newfstatat(dirfd, pathValue, statbuf, flags) {
        flags = abi.int(flags);
        if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
            return -E.EINVAL;
        var dv = abi.view(statbuf, 144);
        if (dv === null)
            return -E.EFAULT;
        if ((flags & AT_EMPTY_PATH) && pathValue === '')
            return dirfd === AT_FDCWD ? statPath(cwd, dv) : fdtable.entries.fstat(dirfd, statbuf);
        var at = lookup(dirfd, pathValue);
        if (typeof at === 'number')
            return at;
        return fillFrom(at, dv);
    }

    function fillFrom(at, dv) {
        var attr = at.fs.getattr(at.node);
        if (typeof attr === 'number')
            return attr;
        file.fillStat(dv, attr, at.mount.dev);
        return 0;
    }

    function statPath(path, dv) {
        var at = vfs.resolve(path, '/');
        return typeof at === 'number' ? at : fillFrom(at, dv);
    }

    function stat(path, statbuf) { return newfstatat(AT_FDCWD, path, statbuf, 0); }
    function lstat(path, statbuf) { return newfstatat(AT_FDCWD, path, statbuf, AT_SYMLINK_NOFOLLOW); }

    // -- directories ------------------------------------------------------------

    // The entries of an open directory, listed when reading starts (and
    // again after a rewind): '.', '..', the fs's entries, the mount points.
    function listing(f) {
        var entries = f.fs.readdir(f.node);
        if (typeof entries === 'number')
            return entries;
        var attr = f.fs.getattr(f.node);
        var list = [{ name: '.', ino: attr.ino || 1, type: 'dir' },
            { name: '..', ino: 1, type: 'dir' }];
        var seen = Object.create(null);
        var mounted = vfs.mountsBelow(f.path);
        for (var i = 0; i < mounted.length; i++) {
            seen[mounted[i].name] = true;
            list.push({ name: mounted[i].name, ino: 1, type: 'dir' });
        }
        for (var j = 0; j < entries.length; j++) {
            if (!seen[entries[j].name])
                list.push(entries[j]);
        }
        return list;
    }

    // struct linux_dirent64 {u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type; char d_name[]},
    // each record padded to 8 bytes.
    function getdents64(fd, dirp, count) {
        var f = vfsFile(fd);
        if (!f)
            return -E.EBADF;
        if (!f.isDirectory)
            return -E.ENOTDIR;
        var u8 = abi.bytes(dirp);
        var n = abi.size(count);
        if (u8 === null || n < 0 || n > u8.byteLength)
            return -E.EFAULT;
        if (!f.listing || f.position === 0) {
            f.listing = listing(f);
            if (typeof f.listing === 'number') {
                var err = f.listing;
                f.listing = null;
                return err;
            }
        }
        var dv = new DataView(u8.buffer, u8.byteOffset, n);
        var used = 0;
        var encoder = new TextEncoder();
        while (f.position < f.listing.length) {
            var e = f.listing[f.position];
            var name = encoder.encode(e.name);
            var reclen = (19 + name.length + 1 + 7) & ~7;
            if (used + reclen > n) {
                if (used === 0)
                    return -E.EINVAL;  // the buffer cannot hold one entry
                break;
            }
            for (var k = used; k < used + reclen; k++)
                u8[k] = 0;
            abi.setInt64(dv, used, e.ino || 1);
            abi.setInt64(dv, used + 8, f.position + 1);
            dv.setUint16(used + 16, reclen, true);
            u8[used + 18] = file.DT[e.type] || 0;
            u8.set(name, used + 19);
            used += reclen;
            f.position++;
        }
        return used;
    }

    function mkdirat(dirfd, pathValue, mode) {
        var at = lookupParent(dirfd, pathValue);
        if (typeof at === 'number')
            return at;
        if (typeof at.node !== 'number')
            return -E.EEXIST;
        if (at.node !== -E.ENOENT)
            return at.node;
        if (at.dir.fs.readOnly)
            return -E.EROFS;
        var made = at.dir.fs.mkdir(at.dir.node, at.name, abi.int(mode) & 0xfff & ~umaskBits);
        return typeof made === 'number' ? made : 0;
    }

    function mkdir(path, mode) { return mkdirat(AT_FDCWD, path, mode); }

    function unlinkat(dirfd, pathValue, flags) {
        flags = abi.int(flags);
        if (flags & ~AT_REMOVEDIR)
            return -E.EINVAL;
        var at = lookupParent(dirfd, pathValue);
        if (typeof at === 'number')
            return at;
        if (flags & AT_REMOVEDIR) {
            if (at.name === '.')
                return -E.EINVAL;
            if (at.name === '..')
                return -E.ENOTEMPTY;
        } else if (at.name === '.' || at.name === '..') {
            return -E.EISDIR;
        }
        if (typeof at.node === 'number')
            return at.node;
        if (vfs.isMountPoint(at.path))
            return -E.EBUSY;
        var type = vfs.typeOf(at.node.fs, at.node.node);
        if (flags & AT_REMOVEDIR) {
            if (type !== 'dir')
                return -E.ENOTDIR;
        } else if (type === 'dir') {
            return -E.EISDIR;
        } else if (at.trailingSlash) {
            return -E.ENOTDIR;
        }
        if (at.dir.fs.readOnly)
            return -E.EROFS;
        // Removing the cwd is allowed, as on Linux; lookups from it then fail.
        if (flags & AT_REMOVEDIR)
            return at.dir.fs.rmdir(at.dir.node, at.name);
        return at.dir.fs.unlink(at.dir.node, at.name);
    }

    function unlink(path) { return unlinkat(AT_FDCWD, path, 0); }
    function rmdir(path) { return unlinkat(AT_FDCWD, path, AT_REMOVEDIR); }

    function renameat2(olddirfd, oldpath, newdirfd, newpath, flags) {
        flags = abi.int(flags);
        if (flags & ~RENAME_NOREPLACE)
            return -E.EINVAL;
        var from = lookupParent(olddirfd, oldpath);
        if (typeof from === 'number')
            return from;
        var to = lookupParent(newdirfd, newpath);
        if (typeof to === 'number')
            return to;
        if (from.name === '.' || from.name === '..' || to.name === '.' || to.name === '..')
            return -E.EBUSY;
        if (typeof from.node === 'number')
            return from.node;
        if (vfs.isMountPoint(from.path) || vfs.isMountPoint(to.path))
            return -E.EBUSY;
        if (from.dir.mount !== to.dir.mount)
            return -E.EXDEV;
        var fromType = vfs.typeOf(from.node.fs, from.node.node);
        if ((from.trailingSlash || to.trailingSlash) && fromType !== 'dir')
            return -E.ENOTDIR;
        if (typeof to.node !== 'number') {
            if (flags & RENAME_NOREPLACE)
                return -E.EEXIST;
            if (to.node.node === from.node.node)
                return 0;
            var toType = vfs.typeOf(to.node.fs, to.node.node);
            if (fromType === 'dir' && toType !== 'dir')
                return -E.ENOTDIR;
            if (fromType !== 'dir' && toType === 'dir')
                return -E.EISDIR;
        } else if (to.node !== -E.ENOENT) {
            return to.node;
        }
        if (fromType === 'dir' && (to.path + '/').indexOf(from.path + '/') === 0)
            return -E.EINVAL;  // into itself
        if (from.dir.fs.readOnly)
            return -E.EROFS;
        return from.dir.fs.rename(from.dir.node, from.name, to.dir.node, to.name);
    }

    function renameat(olddirfd, oldpath, newdirfd, newpath) {
        return renameat2(olddirfd, oldpath, newdirfd, newpath, 0);
    }
    function rename(oldpath, newpath) { return renameat2(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0); }

    // -- sizes, sync, times ------------------------------------------------------

    function ftruncate(fd, length) {
        var f = vfsFile(fd);
        if (!f)
            return -E.EBADF;
        length = offsetArg(length);
        if (!(length >= 0))
            return -E.EINVAL;
        if (!f.fs || f.isDirectory || f.node.device || !file.canWrite(f.flags))
            return -E.EINVAL;
        if (f.fs.readOnly)
            return -E.EROFS;
        return f.fs.truncate(f.node, length);
    }

    function truncate(pathValue, length) {
        length = offsetArg(length);
        var at = lookup(AT_FDCWD, pathValue);
        if (typeof at === 'number')
            return at;
        if (!(length >= 0))
            return -E.EINVAL;
        var type = vfs.typeOf(at.fs, at.node);
        if (type === 'dir')
            return -E.EISDIR;
        if (type !== 'file')
            return -E.EINVAL;
        if (at.fs.readOnly)
            return -E.EROFS;
        return at.fs.truncate(at.node, length);
    }

    function fsync(fd) {
        var f = vfsFile(fd);
        if (!f)
            return -E.EBADF;
        if (!f.fs)
            return -E.EINVAL;  // the console, epoll: nothing to sync (Linux says EINVAL)
        return f.fs.fsync ? f.fs.fsync(f.node) : 0;
    }

    function sync() {
        vfs.syncAll();
        return 0;
    }

    // struct timespec times[2] (atime, mtime); null: both now.
    function utimensat(dirfd, pathValue, times, flags) {
        flags = abi.int(flags);
        if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
            return -E.EINVAL;
        var attrs = {};
        if (times === null || times === undefined || times === 0) {
            attrs.atimeMs = attrs.mtimeMs = nowMs();
        } else {
            var dv = abi.view(times, 32);
            if (dv === null)
                return -E.EFAULT;
            var keys = ['atimeMs', 'mtimeMs'];
            for (var i = 0; i < 2; i++) {
                var sec = abi.getInt64(dv, i * 16), nsec = abi.getInt64(dv, i * 16 + 8);
                if (nsec === UTIME_NOW)
                    attrs[keys[i]] = nowMs();
                else if (nsec !== UTIME_OMIT) {
                    if (nsec < 0 || nsec > 999999999)
                        return -E.EINVAL;
                    attrs[keys[i]] = sec * 1000 + nsec / 1e6;
                }
            }
        }
        var at;
        if (pathValue === null || pathValue === undefined || pathValue === 0) {
            var f = vfsFile(dirfd);  // futimens
            if (!f)
                return -E.EBADF;
            if (!f.fs)
                return -E.EPERM;
            at = f;
        } else {
            at = lookup(dirfd, pathValue);
            if (typeof at === 'number')
                return at;
        }
        if (at.fs.readOnly)
            return -E.EROFS;
        return at.fs.setattr(at.node, attrs);
    }

    function fchmodat(dirfd, pathValue, mode) {
        var at = lookup(dirfd, pathValue);
        if (typeof at === 'number')
            return at;
        return at.fs.readOnly ? -E.EROFS : at.fs.setattr(at.node, { mode: abi.int(mode) & 0xfff });
    }
    function chmod(path, mode) { return fchmodat(AT_FDCWD, path, mode); }
    function fchmod(fd, mode) {
        var f = vfsFile(fd);
        if (!f)
            return -E.EBADF;
        if (!f.fs)
            return -E.EPERM;
        return f.fs.readOnly ? -E.EROFS : f.fs.setattr(f.node, { mode: abi.int(mode) & 0xfff });
    }

    function umask(mask) {
        var old = umaskBits;
        umaskBits = abi.int(mask) & 0x1ff;
        return old;
    }

    // -- cwd, access, readlink ----------------------------------------------------

    function getcwd(buffer, size) {
        var u8 = abi.bytes(buffer);
        var n = abi.size(size);
        if (u8 === null || n < 0 || n > u8.byteLength)
            return -E.EFAULT;
        var at = vfs.resolve(cwd, '/');
        if (typeof at === 'number')
            return -E.ENOENT;  // the cwd was removed
        var bytes = new TextEncoder().encode(cwd);
        if (bytes.length + 1 > n)
            return -E.ERANGE;
        u8.set(bytes, 0);
        u8[bytes.length] = 0;
        return bytes.length + 1;
    }

    function enter(at) {
        if (typeof at === 'number')
            return at;
        if (vfs.typeOf(at.fs, at.node) !== 'dir')
            return -E.ENOTDIR;
        cwd = at.path;
        return 0;
    }

    function chdir(path) { return enter(lookup(AT_FDCWD, path)); }
    function fchdir(fd) {
        var f = vfsFile(fd);
        if (!f)
            return -E.EBADF;
        if (!f.isDirectory)
            return -E.ENOTDIR;
        cwd = f.path;
        return 0;
    }

    // Everyone is root: R and W are granted (W not on a read-only fs), X
    // when some execute bit is set or the node is a directory.
    function faccessat2(dirfd, pathValue, mode, flags) {
        mode = abi.int(mode);
        flags = abi.int(flags);
        if (mode & ~7)
            return -E.EINVAL;
        if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
            return -E.EINVAL;
        var at = lookup(dirfd, pathValue);
        if (typeof at === 'number')
            return at;
        var attr = at.fs.getattr(at.node);
        if (typeof attr === 'number')
            return attr;
        if ((mode & 2) && at.fs.readOnly && !at.node.device)
            return -E.EROFS;
        if ((mode & 1) && attr.type !== 'dir' && !(attr.mode & 0x49))
            return -E.EACCES;
        return 0;
    }

    function faccessat(dirfd, path, mode) { return faccessat2(dirfd, path, mode, 0); }
    function access(path, mode) { return faccessat2(AT_FDCWD, path, mode, 0); }

    function readlinkat(dirfd, pathValue) {
        var at = lookup(dirfd, pathValue);
        return typeof at === 'number' ? at : -E.EINVAL;  // no symbolic links
    }
    function readlink(path) { return readlinkat(AT_FDCWD, path); }

    // -- statfs ---------------------------------------------------------------------

    // struct statfs (120 bytes): f_type, f_bsize, f_blocks, f_bfree,
    // f_bavail, f_files, f_ffree, f_fsid, f_namelen, f_frsize, f_flags, spare.
    function fillStatfs(fs, dev, buffer) {
        var dv = abi.view(buffer, 120);
        if (dv === null)
            return -E.EFAULT;
        var s = fs.statfs ? fs.statfs() : { bsize: 4096, blocks: 0, bfree: 0, files: 0, ffree: 0, namemax: 255 };
        if (typeof s === 'number')
            return s;
        var fields = [FS_MAGIC[fs.type] || 0, s.bsize, s.blocks, s.bfree, s.bfree, s.files,
            s.ffree, dev, s.namemax || 255, s.bsize, fs.readOnly ? 1 : 0];
        for (var i = 0; i < 15; i++)
            abi.setInt64(dv, i * 8, i < fields.length ? fields[i] || 0 : 0);
        return 0;
    }

    function statfs(pathValue, buffer) {
        var at = lookup(AT_FDCWD, pathValue);
        return typeof at === 'number' ? at : fillStatfs(at.fs, at.mount.dev, buffer);
    }

    function fstatfs(fd, buffer) {
        var f = vfsFile(fd);
        if (!f)
            return -E.EBADF;
        if (!f.fs)
            return -E.ENOSYS;
        return fillStatfs(f.fs, f.mount.dev, buffer);
    }

    return {
        openat: openat, open: open, creat: creat, pread64: pread64, pwrite64: pwrite64,
        readv: readv, writev: writev, lseek: lseek, newfstatat: newfstatat, stat: stat,
        lstat: lstat, getdents64: getdents64, mkdirat: mkdirat, mkdir: mkdir,
        unlinkat: unlinkat, unlink: unlink, rmdir: rmdir, renameat: renameat,
        renameat2: renameat2, rename: rename, ftruncate: ftruncate, truncate: truncate,
        fsync: fsync, fdatasync: fsync, sync: sync, utimensat: utimensat,
        chmod: chmod, fchmod: fchmod, fchmodat: fchmodat,
        umask: umask, getcwd: getcwd, chdir: chdir, fchdir: fchdir, access: access, faccessat: faccessat,
        faccessat2: faccessat2, readlink: readlink, readlinkat: readlinkat,
        statfs: statfs, fstatfs: fstatfs
    };
}

module.exports = { create: create };
