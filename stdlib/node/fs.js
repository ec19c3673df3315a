// require('fs'): files through the system calls (stdlib/sys/fs.js), the
// same code hosted on Linux and on jskernel's VFS (docs/fs.md). The
// synchronous functions do the work; the callback forms run them and call
// back on a later turn of the loop (setImmediate), as Node's thread pool
// would; fs.promises wraps them when unode has Promise. Errors look like
// Node's: code, errno (negative), syscall, path, dest, and the message
// "ENOENT: no such file or directory, open '/x'".
'use strict';

var sys = require('sys');
var sysfs = require('../sys/fs.js');
var Buffer = require('./buffer.js').Buffer;
var pathModule = require('./path.js');
var loop = require('./internal/loop.js');
var codedErrors = require('./internal/coded_errors.js');
var statsModule = require('./internal/fs_stats.js');

var Stats = statsModule.Stats;
var Dirent = statsModule.Dirent;

var constants = {
    UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
    UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3,
    UV_DIRENT_FIFO: 4, UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
    S_IFMT: 0xf000, S_IFREG: 0x8000, S_IFDIR: 0x4000, S_IFCHR: 0x2000, S_IFBLK: 0x6000,
    S_IFIFO: 0x1000, S_IFLNK: 0xa000, S_IFSOCK: 0xc000,
    O_CREAT: 0x40, O_EXCL: 0x80, UV_FS_O_FILEMAP: 0, O_NOCTTY: 0x100, O_TRUNC: 0x200,
    O_APPEND: 0x400, O_DIRECTORY: 0x10000, O_NOATIME: 0x40000, O_NOFOLLOW: 0x20000,
    O_SYNC: 0x101000, O_DSYNC: 0x1000, O_DIRECT: 0x4000, O_NONBLOCK: 0x800,
    S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64, S_IRWXG: 56, S_IRGRP: 32,
    S_IWGRP: 16, S_IXGRP: 8, S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1,
    F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1,
    UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2, UV_FS_COPYFILE_FICLONE_FORCE: 4,
    COPYFILE_FICLONE_FORCE: 4
};
var O_CLOEXEC = 0x80000;
var C = constants;

// -- errors and arguments -------------------------------------------------------

function fsError(r, syscall, path, dest) {
    var code = sys.errnoName(r);
    var message = code + ': ' + sys.errnoMessage(r) + ', ' + syscall;
    if (path !== undefined)
        message += " '" + path + "'";
    if (dest !== undefined)
        message += " -> '" + dest + "'";
    var error = new Error(message);
    error.errno = r < 0 ? r : -r;
    error.code = code;
    error.syscall = syscall;
    if (path !== undefined)
        error.path = path;
    if (dest !== undefined)
        error.dest = dest;
    return error;
}

// Throws for a negative result; returns it otherwise.
function check(r, syscall, path, dest) {
    if (typeof r === 'number' && r < 0)
        throw fsError(r, syscall, path, dest);
    return r;
}

function toPath(path, name) {
    if (typeof path === 'string') {
        if (path.indexOf('\u0000') >= 0)
            throw codedErrors.invalidArgValue(name || 'path', path,
                'must be a string, Uint8Array, or URL without null bytes');
        return path;
    }
    if (Buffer.isBuffer(path))
        return path.toString();
    if (path && typeof path === 'object' && path.protocol === 'file:' && typeof path.pathname === 'string')
        return decodeURIComponent(path.pathname);
    throw codedErrors.invalidArgType(name || 'path', ['string', 'Buffer', 'URL'], path);
}

function toFd(fd) {
    if (typeof fd !== 'number' || fd !== (fd | 0))
        throw codedErrors.invalidArgType('fd', 'number', fd);
    if (fd < 0)
        throw codedErrors.outOfRange('fd', '>= 0 && <= 2147483647', fd);
    return fd;
}

var FLAGS = {
    'r': C.O_RDONLY, 'rs': C.O_RDONLY | C.O_SYNC, 'sr': C.O_RDONLY | C.O_SYNC,
    'r+': C.O_RDWR, 'rs+': C.O_RDWR | C.O_SYNC, 'sr+': C.O_RDWR | C.O_SYNC,
    'w': C.O_TRUNC | C.O_CREAT | C.O_WRONLY, 'wx': C.O_TRUNC | C.O_CREAT | C.O_WRONLY | C.O_EXCL,
    'xw': C.O_TRUNC | C.O_CREAT | C.O_WRONLY | C.O_EXCL,
    'w+': C.O_TRUNC | C.O_CREAT | C.O_RDWR, 'wx+': C.O_TRUNC | C.O_CREAT | C.O_RDWR | C.O_EXCL,
    'xw+': C.O_TRUNC | C.O_CREAT | C.O_RDWR | C.O_EXCL,
    'a': C.O_APPEND | C.O_CREAT | C.O_WRONLY, 'ax': C.O_APPEND | C.O_CREAT | C.O_WRONLY | C.O_EXCL,
    'xa': C.O_APPEND | C.O_CREAT | C.O_WRONLY | C.O_EXCL,
    'as': C.O_APPEND | C.O_CREAT | C.O_WRONLY | C.O_SYNC, 'sa': C.O_APPEND | C.O_CREAT | C.O_WRONLY | C.O_SYNC,
    'a+': C.O_APPEND | C.O_CREAT | C.O_RDWR, 'ax+': C.O_APPEND | C.O_CREAT | C.O_RDWR | C.O_EXCL,
    'xa+': C.O_APPEND | C.O_CREAT | C.O_RDWR | C.O_EXCL,
    'as+': C.O_APPEND | C.O_CREAT | C.O_RDWR | C.O_SYNC, 'sa+': C.O_APPEND | C.O_CREAT | C.O_RDWR | C.O_SYNC
};

function toFlags(flags, fallback) {
    if (flags === undefined || flags === null)
        flags = fallback;
    if (typeof flags === 'number')
        return flags;
    if (typeof flags === 'string' && FLAGS.hasOwnProperty(flags))
        return FLAGS[flags];
    throw codedErrors.invalidArgValue('flags', flags);
}

function toMode(mode, fallback) {
    if (mode === undefined || mode === null)
        return fallback;
    if (typeof mode === 'string' && /^[0-7]+$/.test(mode))
        return parseInt(mode, 8);
    if (typeof mode !== 'number' || mode !== (mode >>> 0))
        throw codedErrors.invalidArgType('mode', ['number', 'string'], mode);
    return mode;
}

// options given as an encoding string or an object.
function optionsOf(options, defaults) {
    var out = {};
    for (var k in defaults)
        out[k] = defaults[k];
    if (typeof options === 'string')
        out.encoding = options;
    else if (options && typeof options === 'object')
        for (var key in options)
            out[key] = options[key];
    return out;
}

function toBuffer(data, encoding) {
    if (typeof data === 'string')
        return Buffer.from(data, encoding || 'utf8');
    if (data instanceof Uint8Array)
        return data;
    if (ArrayBuffer.isView(data))
        return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    throw codedErrors.invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

// -- open, close, read, write ------------------------------------------------------

function openSync(path, flags, mode) {
    path = toPath(path);
    return check(sysfs.open(path, toFlags(flags, 'r') | O_CLOEXEC, toMode(mode, 438)), 'open', path);
}

function closeSync(fd) { check(sysfs.close(toFd(fd)), 'close'); }

// readSync(fd, buffer, offset, length, position) or (fd, buffer, {offset, length, position}).
function readSync(fd, buffer, offset, length, position) {
    toFd(fd);
    if (!ArrayBuffer.isView(buffer))
        throw codedErrors.invalidArgType('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
    var u8 = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    if (offset !== null && typeof offset === 'object') {
        position = offset.position;
        length = offset.length;
        offset = offset.offset;
    }
    offset = offset === undefined ? 0 : offset;
    length = length === undefined ? u8.length - offset : length;
    if (!(offset >= 0 && offset <= u8.length))
        throw codedErrors.outOfRange('offset', '>= 0 && <= ' + u8.length, offset);
    if (!(length >= 0 && offset + length <= u8.length))
        throw codedErrors.outOfRange('length', '>= 0 && <= ' + (u8.length - offset), length);
    if (length === 0)
        return 0;
    return check(sysfs.read(fd, u8, offset, length, position), 'read');
}

// writeSync(fd, buffer[, offset[, length[, position]]]) or (fd, string[, position[, encoding]]).
function writeSync(fd, data, offset, length, position) {
    toFd(fd);
    var u8;
    if (typeof data === 'string') {
        position = offset;
        u8 = Buffer.from(data, typeof length === 'string' ? length : 'utf8');
        offset = 0;
        length = u8.length;
    } else {
        u8 = toBuffer(data);
        if (offset !== null && typeof offset === 'object') {
            position = offset.position;
            length = offset.length;
            offset = offset.offset;
        }
        offset = offset === undefined || offset === null ? 0 : offset;
        length = length === undefined || length === null ? u8.length - offset : length;
        if (!(offset >= 0 && offset <= u8.length))
            throw codedErrors.outOfRange('offset', '>= 0 && <= ' + u8.length, offset);
        if (!(length >= 0 && offset + length <= u8.length))
            throw codedErrors.outOfRange('length', '>= 0 && <= ' + (u8.length - offset), length);
    }
    if (typeof position !== 'number')
        position = null;
    var r = sysfs.write(fd, u8, offset, length, position);
    if (r < 0) {
        // Node's writeSync error has its keys in this order: errno, syscall, code.
        var error = fsError(r, 'write');
        delete error.code;
        error.code = sys.errnoName(r);
        throw error;
    }
    return r;
}

function writeAll(fd, u8, syscall) {
    var done = 0;
    while (done < u8.length)
        done += check(sysfs.write(fd, u8, done, u8.length - done, null), syscall || 'write');
}

// -- whole files ------------------------------------------------------------------

function readAll(fd) {
    var chunks = [];
    var total = 0;
    var st = sysfs.fstat(fd);
    var size = typeof st === 'object' && (st.mode & C.S_IFMT) === C.S_IFREG ? st.size : 0;
    for (;;) {
        var chunk = Buffer.allocUnsafe(Math.max(size - total, 0) + 8192);
        var n = check(sysfs.read(fd, chunk, 0, chunk.length, null), 'read');
        if (n === 0)
            break;
        chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
        total += n;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

function readFileSync(path, options) {
    options = optionsOf(options, { flag: 'r', encoding: null });
    var isFd = typeof path === 'number';
    var fd = isFd ? path : openSync(path, options.flag, 438);
    var data;
    try {
        if (!isFd) {
            var st = sysfs.fstat(fd);
            if (typeof st === 'object' && (st.mode & C.S_IFMT) === C.S_IFDIR)
                throw fsError(-21, 'read');  // EISDIR, as Node says it
        }
        data = readAll(fd);
    } finally {
        if (!isFd)
            sysfs.close(fd);
    }
    return options.encoding ? data.toString(options.encoding) : data;
}

function writeFileSync(file, data, options) {
    options = optionsOf(options, { encoding: 'utf8', mode: 438, flag: 'w' });
    var u8 = toBuffer(data, options.encoding);
    var isFd = typeof file === 'number';
    var fd = isFd ? file : openSync(file, options.flag, options.mode);
    try {
        writeAll(fd, u8);
    } finally {
        if (!isFd)
            sysfs.close(fd);
    }
}

function appendFileSync(file, data, options) {
    options = optionsOf(options, { encoding: 'utf8', mode: 438, flag: 'a' });
    writeFileSync(file, data, options);
}

function copyFileSync(src, dest, mode) {
    src = toPath(src, 'src');
    dest = toPath(dest, 'dest');
    mode = mode || 0;
    var from = check(sysfs.open(src, C.O_RDONLY | O_CLOEXEC, 0), 'copyfile', src, dest);
    var data, st;
    try {
        st = check(sysfs.fstat(from), 'copyfile', src, dest);
        data = readAll(from);
    } finally {
        sysfs.close(from);
    }
    var flags = C.O_WRONLY | C.O_CREAT | C.O_TRUNC | O_CLOEXEC | (mode & C.COPYFILE_EXCL ? C.O_EXCL : 0);
    var fd = check(sysfs.open(dest, flags, st.mode & 0xfff), 'copyfile', src, dest);
    try {
        writeAll(fd, data, 'copyfile');
    } finally {
        sysfs.close(fd);
    }
}

// -- metadata ---------------------------------------------------------------------

// stat and lstat: throwIfNoEntry false gives undefined for ENOENT/ENOTDIR.
function statWith(syscall, noFollow) {
    return function (path, options) {
        path = toPath(path);
        var raw = sysfs.stat(path, noFollow);
        if (typeof raw === 'number') {
            if (options && options.throwIfNoEntry === false && (raw === -2 || raw === -20))
                return undefined;
            throw fsError(raw, syscall, path);
        }
        return new Stats(raw);
    };
}
var statSync = statWith('stat', false);
var lstatSync = statWith('lstat', true);

function fstatSync(fd) { return new Stats(check(sysfs.fstat(toFd(fd)), 'fstat')); }

function existsSync(path) {
    try {
        path = toPath(path);
    } catch (e) {
        return false;
    }
    return sysfs.access(path, 0) === 0;
}

function accessSync(path, mode) {
    path = toPath(path);
    check(sysfs.access(path, mode === undefined ? 0 : mode), 'access', path);
}

function toMs(time, name) {
    if (time instanceof Date)
        return time.getTime();
    if (typeof time === 'number' && isFinite(time))
        return time * 1000;
    if (typeof time === 'string' && +time === +time)
        return +time * 1000;
    throw codedErrors.invalidArgType(name, ['string', 'number', 'Date'], time);
}

function utimesSync(path, atime, mtime) {
    path = toPath(path);
    check(sysfs.utimes(path, toMs(atime, 'atime'), toMs(mtime, 'mtime')), 'utime', path);
}
function futimesSync(fd, atime, mtime) {
    check(sysfs.utimes(toFd(fd), toMs(atime, 'atime'), toMs(mtime, 'mtime')), 'futime');
}

function chmodSync(path, mode) {
    path = toPath(path);
    check(sysfs.chmod(path, toMode(mode)), 'chmod', path);
}
function fchmodSync(fd, mode) { check(sysfs.fchmod(toFd(fd), toMode(mode)), 'fchmod'); }

function truncateSync(path, len) {
    if (typeof path === 'number')
        return ftruncateSync(path, len);
    path = toPath(path);
    check(sysfs.truncate(path, len || 0), 'open', path);  // Node opens, then ftruncates
}
function ftruncateSync(fd, len) { check(sysfs.ftruncate(toFd(fd), len || 0), 'ftruncate'); }
function fsyncSync(fd) { check(sysfs.fsync(toFd(fd)), 'fsync'); }
function fdatasyncSync(fd) { check(sysfs.fdatasync(toFd(fd)), 'fdatasync'); }

function readlinkSync(path) {
    path = toPath(path);
    return check(sysfs.readlink(path), 'readlink', path);
}

// -- directories -------------------------------------------------------------------

function readdirSync(path, options) {
    path = toPath(path);
    options = optionsOf(options, { encoding: 'utf8', withFileTypes: false, recursive: false });
    var fd = check(sysfs.open(path, C.O_RDONLY | C.O_DIRECTORY | O_CLOEXEC, 0), 'scandir', path);
    var entries;
    try {
        entries = check(sysfs.readdir(fd), 'scandir', path);
    } finally {
        sysfs.close(fd);
    }
    var out = [];
    entries.forEach(function (e) {
        var type = e.type;
        if (type === 0) {  // DT_UNKNOWN: the file system did not say
            var st = sysfs.stat(pathModule.join(path, e.name), true);
            type = typeof st === 'number' ? 0 : (st.mode & C.S_IFMT) >> 12;
        }
        if (options.withFileTypes)
            out.push(new Dirent(e.name, type, path));
        else
            out.push(options.encoding === 'buffer' ? Buffer.from(e.name) : e.name);
        if (options.recursive && type === 4) {
            var below = readdirSync(pathModule.join(path, e.name), options);
            below.forEach(function (b) {
                out.push(options.withFileTypes ? b : pathModule.join(e.name, String(b)));
            });
        }
    });
    return out;
}

// mkdirSync(path[, {recursive, mode}]): with recursive, returns the first
// directory created (undefined when it already existed).
function mkdirSync(path, options) {
    path = toPath(path);
    var mode = 511, recursive = false;
    if (typeof options === 'number' || typeof options === 'string')
        mode = toMode(options);
    else if (options) {
        recursive = !!options.recursive;
        mode = toMode(options.mode, 511);
    }
    if (!recursive) {
        check(sysfs.mkdir(path, mode), 'mkdir', path);
        return undefined;
    }
    var absolute = pathModule.resolve(path);
    var r = sysfs.mkdir(absolute, mode);
    if (r === 0)
        return absolute;
    if (r === -17) {  // EEXIST: fine when it is a directory
        var st = sysfs.stat(absolute);
        if (typeof st === 'object' && (st.mode & C.S_IFMT) === C.S_IFDIR)
            return undefined;
        throw fsError(-17, 'mkdir', path);
    }
    if (r !== -2)
        throw fsError(r, 'mkdir', path);
    var parent = pathModule.dirname(absolute);
    if (parent === absolute)
        throw fsError(r, 'mkdir', path);
    var first = mkdirSync(parent, { recursive: true, mode: mode });
    check(sysfs.mkdir(absolute, mode), 'mkdir', path);
    return first || absolute;
}

function removeTree(path) {
    var st = sysfs.stat(path, true);
    if (typeof st === 'number')
        return st;
    if ((st.mode & C.S_IFMT) !== C.S_IFDIR)
        return sysfs.unlink(path);
    var fd = sysfs.open(path, C.O_RDONLY | C.O_DIRECTORY | O_CLOEXEC, 0);
    if (fd < 0)
        return fd;
    var entries = sysfs.readdir(fd);
    sysfs.close(fd);
    if (typeof entries === 'number')
        return entries;
    for (var i = 0; i < entries.length; i++) {
        var r = removeTree(path + '/' + entries[i].name);
        if (r < 0)
            return r;
    }
    return sysfs.rmdir(path);
}

function rmdirSync(path, options) {
    path = toPath(path);
    if (options && options.recursive)
        return rmSync(path, { recursive: true });
    check(sysfs.rmdir(path), 'rmdir', path);
}

// rmSync(path[, {recursive, force}]): like `rm -r[f]`.
function rmSync(path, options) {
    path = toPath(path);
    options = options || {};
    var st = sysfs.stat(path, true);
    if (typeof st === 'number') {
        if (st === -2 && options.force)
            return;
        throw fsError(st, 'lstat', path);  // what Node's rm reports
    }
    if ((st.mode & C.S_IFMT) === C.S_IFDIR && !options.recursive) {
        var e = new Error('Path is a directory: rm returned EISDIR (is a directory) ' + path);
        e.code = 'ERR_FS_EISDIR';
        e.errno = 21;
        e.syscall = 'rm';
        e.path = path;
        e.name = 'SystemError';
        throw e;
    }
    var r = removeTree(path);
    if (r < 0 && !(r === -2 && options.force))
        throw fsError(r, (st.mode & C.S_IFMT) === C.S_IFDIR ? 'rmdir' : 'unlink', path);
}

function unlinkSync(path) {
    path = toPath(path);
    check(sysfs.unlink(path), 'unlink', path);
}

function renameSync(from, to) {
    from = toPath(from, 'oldPath');
    to = toPath(to, 'newPath');
    check(sysfs.rename(from, to), 'rename', from, to);
}

var TEMP_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function mkdtempSync(prefix) {
    prefix = toPath(prefix, 'prefix');
    var random = new Uint8Array(6);
    for (var attempt = 0; attempt < 100; attempt++) {
        sys.getrandom(random);
        var name = prefix;
        for (var i = 0; i < 6; i++)
            name += TEMP_CHARS.charAt(random[i] % TEMP_CHARS.length);
        var r = sysfs.mkdir(name, 448);
        if (r === 0)
            return name;
        if (r !== -17)
            throw fsError(r, 'mkdtemp', prefix + 'XXXXXX');
    }
    throw fsError(-17, 'mkdtemp', prefix + 'XXXXXX');
}

// realpathSync: the absolute path with '.', '..' and symbolic links
// resolved (jskernel has no links; hosted Linux does).
function realpathSync(path) {
    path = toPath(path);
    var rest = pathModule.resolve(path).split('/').filter(Boolean);
    var resolved = '/';
    var links = 0;
    while (rest.length) {
        var name = rest.shift();
        var next = pathModule.join(resolved, name);
        var st = sysfs.stat(next, true);
        if (typeof st === 'number')
            throw fsError(st, 'lstat', next);
        if ((st.mode & C.S_IFMT) === C.S_IFLNK) {
            if (++links > 40)
                throw fsError(-40, 'realpath', path);
            var target = check(sysfs.readlink(next), 'readlink', next);
            rest = target.split('/').filter(Boolean).concat(rest);
            if (target.charAt(0) === '/')
                resolved = '/';
            continue;
        }
        resolved = next;
    }
    return resolved;
}
realpathSync.native = realpathSync;

// -- callback forms ----------------------------------------------------------------

function later(fn) { loop.setImmediate(fn); }

function callbackOf(args) {
    var cb = args[args.length - 1];
    if (typeof cb !== 'function')
        throw codedErrors.invalidArgType('cb', 'function', cb);
    return cb;
}

// The callback form of a synchronous function: (args..., cb(err, result)).
function withCallback(sync) {
    return function () {
        var args = Array.prototype.slice.call(arguments);
        var cb = callbackOf(args);
        args.pop();
        var result, error = null;
        try {
            result = sync.apply(null, args);
        } catch (e) {
            if (e && e.code && e.code.indexOf('ERR_INVALID_ARG') === 0 || e instanceof TypeError)
                throw e;  // argument errors are thrown at once, as in Node
            error = e;
        }
        later(function () {
            if (error)
                cb(error);
            else
                cb(null, result);
        });
    };
}

var fs = exports;
fs.constants = constants;
fs.F_OK = 0;
fs.R_OK = 4;
fs.W_OK = 2;
fs.X_OK = 1;
fs.Stats = Stats;
fs.Dirent = Dirent;

var syncs = {
    open: openSync, close: closeSync, readFile: readFileSync, writeFile: writeFileSync,
    appendFile: appendFileSync, copyFile: copyFileSync, stat: statSync, lstat: lstatSync,
    fstat: fstatSync, access: accessSync, utimes: utimesSync, futimes: futimesSync,
    chmod: chmodSync, fchmod: fchmodSync, truncate: truncateSync, ftruncate: ftruncateSync,
    fsync: fsyncSync, fdatasync: fdatasyncSync, readlink: readlinkSync, readdir: readdirSync,
    mkdir: mkdirSync, rmdir: rmdirSync, rm: rmSync, unlink: unlinkSync, rename: renameSync,
    mkdtemp: mkdtempSync, realpath: realpathSync
};
Object.keys(syncs).forEach(function (name) {
    fs[name + 'Sync'] = syncs[name];
    fs[name] = withCallback(syncs[name]);
});
fs.realpath.native = fs.realpath;
fs.existsSync = existsSync;
fs.exists = function (path, cb) {
    var result = existsSync(path);
    later(function () { cb(result); });
};

// read(fd, buffer, offset, length, position, cb(err, bytesRead, buffer)).
fs.readSync = readSync;
fs.read = function (fd, buffer) {
    var args = Array.prototype.slice.call(arguments);
    var cb = callbackOf(args);
    args.pop();
    if (args.length === 1 || (args.length === 2 && !ArrayBuffer.isView(buffer))) {
        var opts = args[1] || {};  // read(fd[, options], cb)
        args = [fd, opts.buffer || Buffer.alloc(16384), opts];
    }
    var error = null, n;
    try {
        n = readSync.apply(null, args);
    } catch (e) {
        if (e instanceof TypeError || e instanceof RangeError)
            throw e;
        error = e;
    }
    later(function () { cb(error, error ? undefined : n, args[1]); });
};

fs.writeSync = writeSync;
fs.write = function (fd, data) {
    var args = Array.prototype.slice.call(arguments);
    var cb = callbackOf(args);
    args.pop();
    var error = null, n;
    try {
        n = writeSync.apply(null, args);
    } catch (e) {
        if (e instanceof TypeError || e instanceof RangeError)
            throw e;
        error = e;
    }
    later(function () { cb(error, error ? undefined : n, data); });
};

// -- streams and promises -----------------------------------------------------------

var streams = null;
function fileStreams() {
    if (!streams)
        streams = require('./internal/fs_streams.js')(fs);
    return streams;
}
fs.createReadStream = function (path, options) { return new (fileStreams().ReadStream)(path, options); };
fs.createWriteStream = function (path, options) { return new (fileStreams().WriteStream)(path, options); };
Object.defineProperty(fs, 'ReadStream', { enumerable: true,
    get: function () { return fileStreams().ReadStream; } });
Object.defineProperty(fs, 'WriteStream', { enumerable: true,
    get: function () { return fileStreams().WriteStream; } });

var promises = null;
Object.defineProperty(fs, 'promises', { enumerable: true, get: function () {
    if (typeof Promise !== 'function')
        throw codedErrors.notSupported('fs.promises (no Promise)');
    if (!promises) {
        promises = { constants: constants };
        Object.keys(syncs).forEach(function (name) {
            if (name === 'open' || name === 'close' || name === 'fstat' || name === 'ftruncate' ||
                name === 'fsync' || name === 'fdatasync' || name === 'futimes' || name === 'fchmod')
                return;  // FileHandle is not implemented
            promises[name] = function () {
                var args = arguments;
                return new Promise(function (resolve, reject) {
                    later(function () {
                        try {
                            resolve(syncs[name].apply(null, args));
                        } catch (e) {
                            reject(e);
                        }
                    });
                });
            };
        });
    }
    return promises;
} });
