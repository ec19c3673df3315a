// require('fs') and the file system calls under it. The same file runs
// hosted (Linux's own calls, in a temporary directory) and on bare metal
// (the VFS, /tmp is ramfs): the errno values checked are Linux's, so the
// hosted run checks the test and the bare-metal run checks the VFS.
'use strict';

var check = require('./lib/check.js');
var fs = require('fs');
var sys = require('sys');

var S = sys.syscall;
var E = sys.errno;
var kernel = sys.platform === 'jskernel';
var AT_FDCWD = -100, AT_REMOVEDIR = 0x200;
var O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_EXCL = 0x80, O_TRUNC = 0x200,
    O_APPEND = 0x400, O_DIRECTORY = 0x10000, O_CLOEXEC = 0x80000;
var NR = { read: 0, write: 1, open: 2, close: 3, stat: 4, fstat: 5, lseek: 8, pread64: 17,
    pwrite64: 18, access: 21, dup: 32, dup2: 33, ftruncate: 77, getcwd: 79, chdir: 80,
    fchdir: 81, rename: 82, mkdir: 83, rmdir: 84, unlink: 87, getdents64: 217, openat: 257,
    mkdirat: 258, unlinkat: 263, renameat: 264, faccessat: 269, dup3: 292 };

var dir = fs.mkdtempSync((kernel ? '/tmp' : (process.env.TMPDIR || '/tmp')) + '/unode-fs-');
function p(name) { return dir + '/' + name; }
function bytes(s) { return new TextEncoder().encode(s); }
function text(u8, n) { return new TextDecoder().decode(u8.subarray(0, n)); }

// -- system calls: results and errno ----------------------------------------------

var fd = S(NR.openat, AT_FDCWD, p('a'), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 420);
check.ok(fd >= 3, 'openat O_CREAT gives an fd');
check.equal(S(NR.write, fd, bytes('hello'), 5), 5, 'write');
check.equal(S(NR.lseek, fd, 0, 1), 5, 'lseek SEEK_CUR');
check.equal(S(NR.pwrite64, fd, bytes('J'), 1, 0), 1, 'pwrite64');
check.equal(S(NR.lseek, fd, 0, 1), 5, 'pwrite64 leaves the offset');
check.equal(S(NR.lseek, fd, 0, 0), 0, 'lseek SEEK_SET');
var buf = new Uint8Array(64);
check.equal(S(NR.read, fd, buf, 64), 5, 'read');
check.equal(text(buf, 5), 'Jello', 'read bytes');
check.equal(S(NR.read, fd, buf, 64), 0, 'read at EOF');
check.equal(S(NR.pread64, fd, buf, 3, 2), 3, 'pread64');
check.equal(text(buf, 3), 'llo', 'pread64 bytes');
check.equal(S(NR.lseek, fd, 10, 2), 15, 'lseek SEEK_END past the end');
check.equal(S(NR.write, fd, bytes('!'), 1), 1, 'write past the end');
check.equal(S(NR.pread64, fd, buf, 64, 0), 16, 'the file grew');
check.equal(buf[7], 0, 'the hole reads as zeros');
check.equal(S(NR.lseek, fd, 0, 7), -E.EINVAL, 'lseek bad whence');
check.equal(S(NR.lseek, fd, -1, 0), -E.EINVAL, 'lseek to a negative offset');
check.equal(S(NR.pread64, fd, buf, 1, -1), -E.EINVAL, 'pread64 negative position');
check.equal(S(NR.ftruncate, fd, 3), 0, 'ftruncate');
check.equal(S(NR.fstat, fd, new Uint8Array(144)), 0, 'fstat');
check.equal(fs.fstatSync(fd).size, 3, 'the size after ftruncate');
var fd2 = S(NR.dup, fd);
check.ok(fd2 > fd, 'dup');
check.equal(S(NR.lseek, fd2, 1, 0), 1, 'dup shares the offset (set)');
check.equal(S(NR.lseek, fd, 0, 1), 1, 'dup shares the offset (read)');
check.equal(S(NR.dup2, fd, fd), fd, 'dup2 onto itself');
check.equal(S(NR.dup3, fd, fd, 0), -E.EINVAL, 'dup3 onto itself');
check.equal(S(72 /* fcntl */, fd, 1 /* F_GETFD */), 1, 'O_CLOEXEC sets FD_CLOEXEC');
check.equal(S(72 /* fcntl */, fd2, 1 /* F_GETFD */), 0, 'dup clears FD_CLOEXEC');
check.equal(S(72 /* fcntl */, fd, 3 /* F_GETFL */) & 3, O_RDWR, 'F_GETFL gives the access mode');
check.equal(S(NR.close, fd2), 0, 'close the dup');
check.equal(S(NR.close, fd), 0, 'close');
check.equal(S(NR.close, fd), -E.EBADF, 'close twice');
check.equal(S(NR.read, fd, buf, 1), -E.EBADF, 'read a closed fd');
check.equal(S(NR.read, 999, buf, 1), -E.EBADF, 'read fd 999');

check.equal(S(NR.openat, AT_FDCWD, p('missing'), O_RDONLY), -E.ENOENT, 'ENOENT');
check.equal(S(NR.openat, AT_FDCWD, p('missing/x'), O_RDWR | O_CREAT, 420), -E.ENOENT,
    'O_CREAT in a missing directory');
check.equal(S(NR.openat, AT_FDCWD, p('a'), O_RDWR | O_CREAT | O_EXCL, 420), -E.EEXIST, 'O_EXCL');
check.equal(S(NR.openat, AT_FDCWD, p('a/x'), O_RDONLY), -E.ENOTDIR, 'a file as a directory');
check.equal(S(NR.openat, AT_FDCWD, p('a/'), O_RDONLY), -E.ENOTDIR, 'a file with a trailing slash');
check.equal(S(NR.openat, AT_FDCWD, p('a'), O_RDONLY | O_DIRECTORY), -E.ENOTDIR, 'O_DIRECTORY on a file');
check.equal(S(NR.openat, AT_FDCWD, dir, O_WRONLY), -E.EISDIR, 'a directory for writing');
check.equal(S(NR.openat, AT_FDCWD, dir, O_RDONLY | O_CREAT, 420), -E.EISDIR, 'O_CREAT on a directory');
check.equal(S(NR.openat, AT_FDCWD, p('new/'), O_RDWR | O_CREAT, 420), -E.EISDIR,
    'O_CREAT with a trailing slash');
check.equal(S(NR.openat, AT_FDCWD, '', O_RDONLY), -E.ENOENT, 'the empty path');
check.equal(S(NR.openat, 12345, 'relative', O_RDONLY), -E.EBADF, 'a bad dirfd');

fd = S(NR.openat, AT_FDCWD, p('a'), O_RDONLY);
check.equal(S(NR.write, fd, bytes('x'), 1), -E.EBADF, 'write to O_RDONLY');
check.equal(S(NR.ftruncate, fd, 0), -E.EINVAL, 'ftruncate O_RDONLY');
check.equal(S(NR.openat, fd, 'x', O_RDONLY), -E.ENOTDIR, 'a file as dirfd');
check.equal(S(NR.getdents64, fd, buf, 64), -E.ENOTDIR, 'getdents64 of a file');
S(NR.close, fd);
fd = S(NR.openat, AT_FDCWD, p('a'), O_WRONLY | O_APPEND);
check.equal(S(NR.read, fd, buf, 1), -E.EBADF, 'read from O_WRONLY');
S(NR.lseek, fd, 0, 0);
check.equal(S(NR.write, fd, bytes('END'), 3), 3, 'O_APPEND write');
check.equal(S(NR.lseek, fd, 0, 1), 6, 'O_APPEND writes at the end');
S(NR.close, fd);
fd = S(NR.openat, AT_FDCWD, p('a'), O_WRONLY | O_TRUNC);
check.equal(fs.fstatSync(fd).size, 0, 'O_TRUNC');
S(NR.close, fd);

check.equal(S(NR.mkdirat, AT_FDCWD, p('d'), 493), 0, 'mkdir');
check.equal(S(NR.mkdirat, AT_FDCWD, p('d'), 493), -E.EEXIST, 'mkdir EEXIST');
check.equal(S(NR.mkdirat, AT_FDCWD, p('a'), 493), -E.EEXIST, 'mkdir over a file');
check.equal(S(NR.mkdirat, AT_FDCWD, p('nope/d'), 493), -E.ENOENT, 'mkdir in a missing directory');
fd = S(NR.openat, AT_FDCWD, p('d/f'), O_WRONLY | O_CREAT, 420);
S(NR.close, fd);
check.equal(S(NR.unlinkat, AT_FDCWD, p('d'), AT_REMOVEDIR), -E.ENOTEMPTY, 'rmdir ENOTEMPTY');
check.equal(S(NR.unlinkat, AT_FDCWD, p('d'), 0), -E.EISDIR, 'unlink a directory');
check.equal(S(NR.unlinkat, AT_FDCWD, p('a'), AT_REMOVEDIR), -E.ENOTDIR, 'rmdir a file');
check.equal(S(NR.unlinkat, AT_FDCWD, p('a'), 0x4000), -E.EINVAL, 'unlinkat bad flags');
check.equal(S(NR.unlinkat, AT_FDCWD, p('d/.'), AT_REMOVEDIR), -E.EINVAL, 'rmdir "."');
check.equal(S(NR.unlinkat, AT_FDCWD, p('missing'), 0), -E.ENOENT, 'unlink ENOENT');
check.equal(S(NR.renameat, AT_FDCWD, p('d'), AT_FDCWD, p('d/sub')), -E.EINVAL, 'rename into itself');
check.equal(S(NR.renameat, AT_FDCWD, p('a'), AT_FDCWD, p('d')), -E.EISDIR, 'rename a file over a directory');
check.equal(S(NR.renameat, AT_FDCWD, p('d'), AT_FDCWD, p('a')), -E.ENOTDIR, 'rename a directory over a file');
check.equal(S(NR.renameat, AT_FDCWD, p('missing'), AT_FDCWD, p('b')), -E.ENOENT, 'rename ENOENT');
check.equal(S(NR.renameat, AT_FDCWD, p('a'), AT_FDCWD, p('d/f')), 0, 'rename over a file');
check.equal(fs.existsSync(p('a')), false, 'the old name is gone');
check.equal(S(NR.renameat, AT_FDCWD, p('d/f'), AT_FDCWD, p('a')), 0, 'rename back');
check.equal(S(NR.faccessat, AT_FDCWD, p('a'), 8, 0), -E.EINVAL, 'faccessat bad mode');
check.equal(S(262 /* newfstatat */, AT_FDCWD, p('a'), new Uint8Array(144), 0x4), -E.EINVAL,
    'newfstatat bad flags');
check.equal(S(262 /* newfstatat */, AT_FDCWD, p('zz'), new Uint8Array(144), 0), -E.ENOENT,
    'newfstatat ENOENT');
check.equal(S(NR.getdents64, 999, buf, 64), -E.EBADF, 'getdents64 bad fd');
check.equal(S(NR.faccessat, AT_FDCWD, p('a'), 0, 0), 0, 'faccessat F_OK');
check.equal(S(NR.faccessat, AT_FDCWD, p('zz'), 0, 0), -E.ENOENT, 'faccessat ENOENT');

// getdents64: '.', '..' and the entries, then 0; a buffer too small for one entry.
fd = S(NR.openat, AT_FDCWD, dir, O_RDONLY | O_DIRECTORY);
check.equal(S(NR.read, fd, buf, 1), -E.EISDIR, 'read a directory');
check.equal(S(NR.getdents64, fd, buf, 10), -E.EINVAL, 'getdents64 buffer too small');
var names = [];
var big = new Uint8Array(4096), dv = new DataView(big.buffer);
var n = S(NR.getdents64, fd, big, big.length);
for (var off = 0; off < n; off += dv.getUint16(off + 16, true)) {
    var end = off + 19;
    while (big[end])
        end++;
    names.push(text(big.subarray(off + 19), end - off - 19) + ':' + big[off + 18]);
}
check.deepEqual(names.sort(), ['..:4', '.:4', 'a:8', 'd:4'], 'getdents64 entries and d_type');
check.equal(S(NR.getdents64, fd, big, big.length), 0, 'getdents64 at the end');
check.equal(S(NR.fchdir, fd), 0, 'fchdir');
S(NR.close, fd);
var cwd = new Uint8Array(4096);
check.equal(text(cwd, S(NR.getcwd, cwd, 4096) - 1), fs.realpathSync(dir), 'getcwd after fchdir');
check.equal(S(NR.getcwd, cwd, 2), -E.ERANGE, 'getcwd ERANGE');
check.equal(S(NR.chdir, 'd'), 0, 'chdir relative');
check.equal(S(NR.access, '../a', 0), 0, 'a path relative to the cwd');
check.equal(S(NR.access, './../d/./../a', 0), 0, '"." and ".."');
check.equal(S(NR.chdir, '../a'), -E.ENOTDIR, 'chdir to a file');
check.equal(S(NR.chdir, '/'), 0, 'chdir /');

// /dev/null and /dev/zero, as both systems have them.
fd = S(NR.openat, AT_FDCWD, '/dev/null', O_RDWR);
check.equal(S(NR.read, fd, buf, 8), 0, '/dev/null reads nothing');
check.equal(S(NR.write, fd, bytes('gone'), 4), 4, '/dev/null takes everything');
check.equal(S(74 /* fsync */, fd), -E.EINVAL, 'fsync of a character device: EINVAL');
check.equal(S(NR.openat, AT_FDCWD, '/dev/null/x', O_RDONLY), -E.ENOTDIR, 'a device as a directory');
S(NR.close, fd);
fd = S(NR.openat, AT_FDCWD, '/dev/zero', O_RDONLY);
buf[0] = 9;
check.equal(S(NR.read, fd, buf, 8), 8, '/dev/zero fills the buffer');
check.equal(buf[0], 0, '/dev/zero gives zeros');
S(NR.close, fd);

// -- the fs module ---------------------------------------------------------------

fs.writeFileSync(p('t.txt'), 'héllo');
check.equal(fs.readFileSync(p('t.txt'), 'utf8'), 'héllo', 'writeFileSync/readFileSync utf8');
check.equal(fs.readFileSync(p('t.txt')).length, 6, 'readFileSync gives the bytes');
fs.appendFileSync(p('t.txt'), Buffer.from(' world'));
check.equal(fs.readFileSync(p('t.txt'), { encoding: 'latin1' }).length, 12, 'appendFileSync');
var st = fs.statSync(p('t.txt'));
check.equal(st.size, 12, 'Stats.size');
check.ok(st.isFile() && !st.isDirectory() && !st.isSymbolicLink(), 'Stats.isFile');
check.equal(st.mode & 0xf000, 0x8000, 'Stats.mode S_IFREG');
check.ok(st.mtime instanceof Date, 'Stats.mtime is a Date');
check.equal(st.mtime.getTime(), Math.round(st.mtimeMs), 'Stats.mtime is mtimeMs rounded, as in Node');
check.deepEqual(Object.keys(st), ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino',
    'size', 'blocks', 'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs', 'atime', 'mtime', 'ctime',
    'birthtime'], 'Stats keys in Node order');
check.ok(fs.statSync(dir).isDirectory(), 'statSync of a directory');
check.equal(fs.statSync(p('zz'), { throwIfNoEntry: false }), undefined, 'throwIfNoEntry: false');

function errorOf(fn) {
    try {
        fn();
    } catch (e) {
        return e;
    }
    return null;
}
var e = errorOf(function () { fs.readFileSync(p('zz')); });
check.equal(e && e.message, "ENOENT: no such file or directory, open '" + p('zz') + "'", 'error message');
check.equal(e && e.code, 'ENOENT', 'error code');
check.equal(e && e.errno, -2, 'error errno');
check.equal(e && e.syscall, 'open', 'error syscall');
check.equal(e && e.path, p('zz'), 'error path');
e = errorOf(function () { fs.renameSync(p('zz'), p('yy')); });
check.equal(e && e.dest, p('yy'), 'rename error dest');
check.equal(errorOf(function () { fs.mkdirSync(p('d')); }).code, 'EEXIST', 'mkdirSync EEXIST');
fs.writeFileSync(p('d/f'), '');
check.equal(errorOf(function () { fs.rmdirSync(p('d')); }).code, 'ENOTEMPTY', 'rmdirSync ENOTEMPTY');
check.equal(errorOf(function () { fs.readFileSync(dir); }).code, 'EISDIR', 'readFileSync of a directory');
check.equal(errorOf(function () { fs.openSync(p('t.txt'), 'zz'); }).code, 'ERR_INVALID_ARG_VALUE',
    'a bad flag string');
check.equal(errorOf(function () { fs.openSync(42); }).code, 'ERR_INVALID_ARG_TYPE', 'a bad path');

check.equal(fs.mkdirSync(p('m/n/o'), { recursive: true }), p('m'), 'mkdirSync recursive returns the first');
check.equal(fs.mkdirSync(p('m/n'), { recursive: true }), undefined, 'mkdirSync recursive existing');
check.deepEqual(fs.readdirSync(dir).sort(), ['a', 'd', 'm', 't.txt'], 'readdirSync');
var dirents = fs.readdirSync(dir, { withFileTypes: true }).sort(function (x, y) {
    return x.name < y.name ? -1 : 1;
});
check.deepEqual(dirents.map(function (d) { return d.name + (d.isDirectory() ? '/' : ''); }),
    ['a', 'd/', 'm/', 't.txt'], 'readdirSync withFileTypes');
check.equal(dirents[0].parentPath, dir, 'Dirent.parentPath');

var wfd = fs.openSync(p('rw'), 'w+');
check.equal(fs.writeSync(wfd, 'abcdef'), 6, 'writeSync string');
check.equal(fs.writeSync(wfd, Buffer.from('XY'), 0, 2, 1), 2, 'writeSync at a position');
var rb = Buffer.alloc(10);
check.equal(fs.readSync(wfd, rb, 0, 10, 0), 6, 'readSync at a position');
check.equal(rb.toString('utf8', 0, 6), 'aXYdef', 'readSync bytes');
fs.ftruncateSync(wfd, 2);
fs.fsyncSync(wfd);
check.equal(fs.fstatSync(wfd).size, 2, 'ftruncateSync');
fs.closeSync(wfd);
check.equal(errorOf(function () { fs.closeSync(wfd); }).code, 'EBADF', 'closeSync twice');

fs.copyFileSync(p('t.txt'), p('copy'));
check.equal(fs.readFileSync(p('copy'), 'utf8'), 'héllo world', 'copyFileSync');
check.equal(errorOf(function () {
    fs.copyFileSync(p('t.txt'), p('copy'), fs.constants.COPYFILE_EXCL);
}).code, 'EEXIST', 'copyFileSync COPYFILE_EXCL');
fs.truncateSync(p('copy'), 3);
check.equal(fs.readFileSync(p('copy'), 'latin1').length, 3, 'truncateSync');
fs.utimesSync(p('copy'), 1000, new Date(2000000));
check.equal(fs.statSync(p('copy')).mtimeMs, 2000000, 'utimesSync mtime');
check.equal(fs.statSync(p('copy')).atimeMs, 1000000, 'utimesSync atime (seconds)');
check.equal(fs.existsSync(p('copy')), true, 'existsSync');
check.equal(fs.existsSync(p('nothing')), false, 'existsSync false');
fs.accessSync(p('copy'), fs.constants.R_OK | fs.constants.W_OK);
check.equal(fs.realpathSync(p('m/n/../../copy')), fs.realpathSync(dir) + '/copy', 'realpathSync');
fs.renameSync(p('copy'), p('m/moved'));
fs.unlinkSync(p('m/moved'));
check.equal(fs.existsSync(p('m/moved')), false, 'unlinkSync');
check.equal(errorOf(function () { fs.rmSync(p('m')); }).code, 'ERR_FS_EISDIR', 'rmSync a directory');
fs.rmSync(p('m'), { recursive: true });
fs.rmSync(p('m'), { recursive: true, force: true });
check.equal(fs.existsSync(p('m')), false, 'rmSync recursive');

// Callbacks run later, in order, with Node's arguments.
var order = [];
fs.writeFile(p('cb'), 'callback', check.expectCall('writeFile', function (err) {
    check.equal(err, null, 'writeFile callback');
    order.push('writeFile');
    fs.readFile(p('cb'), 'utf8', check.expectCall('readFile', function (err2, data) {
        check.equal(data, 'callback', 'readFile callback data');
        fs.stat(p('nope'), check.expectCall('stat error', function (err3) {
            check.equal(err3 && err3.code, 'ENOENT', 'stat callback error');
            streams();
        }));
    }));
}));
order.push('sync');
check.equal(order[0], 'sync', 'callbacks run after the caller returns');

function streams() {
    var out = fs.createWriteStream(p('stream'));
    out.write('one ');
    out.end('two', check.expectCall('WriteStream end', function () {
        check.equal(out.bytesWritten, 7, 'WriteStream.bytesWritten');
        var got = '';
        fs.createReadStream(p('stream'), { encoding: 'utf8', start: 2, end: 5 })
            .on('data', function (chunk) { got += chunk; })
            .on('end', check.expectCall('ReadStream end', function () {
                check.equal(got, 'e tw', 'ReadStream start/end');
                fs.rmSync(dir, { recursive: true });
                check.equal(fs.existsSync(dir), false, 'the test directory is gone');
            }));
    }));
}

// -- what only the VFS has --------------------------------------------------------

if (kernel) {
    check.equal(S(NR.openat, AT_FDCWD, '/new', O_WRONLY | O_CREAT, 420), -E.EROFS, 'EROFS at /');
    check.equal(S(NR.mkdir, '/stdlib/x', 493), -E.EROFS, 'mkdir EROFS');
    check.equal(S(NR.unlink, '/stdlib/node/fs.js'), -E.EROFS, 'unlink EROFS');
    check.equal(S(NR.openat, AT_FDCWD, '/stdlib/node/fs.js', O_RDWR), -E.EROFS, 'O_RDWR EROFS');
    fs.writeFileSync('/tmp/xdev', 'x');
    check.equal(S(NR.rename, '/tmp/xdev', '/mnt/xdev'), -E.EXDEV, 'rename across mounts: EXDEV');
    check.equal(S(NR.rmdir, '/tmp'), -E.EBUSY, 'rmdir a mount point: EBUSY');
    fs.unlinkSync('/tmp/xdev');
    check.equal(fs.readFileSync('/stdlib/node/fs.js', 'utf8').indexOf("require('fs')") > 0, true,
        'files of the boot archive read');
    check.ok(fs.readdirSync('/').indexOf('tmp') >= 0, 'mount points are listed in /');
    check.equal(fs.realpathSync('/tmp/../dev/./null'), '/dev/null', '".." across mount points');
}
