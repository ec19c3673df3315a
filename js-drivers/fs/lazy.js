// The file system calls load on their first use: fs/syscalls.js (with
// fs/file.js) is the largest module of the services, and a program that
// touches no file (the REPL, most of the time) never needs it. These are
// their names: js-drivers/core/init.js registers an entry per name that
// loads the module on the first call and puts the real entries in the
// table (registerOnFirstCall, which checks that fs/syscalls.js serves
// exactly these), so later calls go straight to them.
'use strict';

var NAMES = ['openat', 'open', 'creat', 'pread64', 'pwrite64', 'readv', 'writev', 'lseek',
    'newfstatat', 'stat', 'lstat', 'getdents64', 'mkdirat', 'mkdir', 'unlinkat', 'unlink',
    'rmdir', 'renameat', 'renameat2', 'rename', 'ftruncate', 'truncate', 'fsync', 'fdatasync',
    'sync', 'utimensat', 'chmod', 'fchmod', 'fchmodat', 'umask', 'getcwd', 'chdir', 'fchdir',
    'access', 'faccessat', 'faccessat2', 'readlink', 'readlinkat', 'statfs', 'fstatfs'];

module.exports = { NAMES: NAMES };
