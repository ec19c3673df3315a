// Linux x86_64 system-call numbers of the entries js-drivers serve
// (arch/x86/entry/syscalls/syscall_64.tbl).
'use strict';

module.exports = {
    read: 0, write: 1, open: 2, close: 3, stat: 4, fstat: 5, lstat: 6, lseek: 8,
    ioctl: 16, pread64: 17, pwrite64: 18, readv: 19, writev: 20, access: 21,
    sched_yield: 24, dup: 32, dup2: 33, nanosleep: 35, getpid: 39, exit: 60, uname: 63,
    fcntl: 72, fsync: 74, fdatasync: 75, truncate: 76, ftruncate: 77, getcwd: 79,
    chdir: 80, fchdir: 81, rename: 82, mkdir: 83, rmdir: 84, creat: 85, unlink: 87,
    readlink: 89, chmod: 90, fchmod: 91, umask: 95,
    gettimeofday: 96, sysinfo: 99, getuid: 102, getgid: 104, geteuid: 107, getegid: 108,
    getppid: 110, statfs: 137, fstatfs: 138, sync: 162, gettid: 186, time: 201,
    sched_getaffinity: 204, epoll_create: 213, getdents64: 217,
    clock_gettime: 228, clock_getres: 229, clock_nanosleep: 230,
    exit_group: 231, epoll_wait: 232, epoll_ctl: 233, openat: 257, mkdirat: 258,
    newfstatat: 262, unlinkat: 263, renameat: 264, readlinkat: 267, fchmodat: 268,
    faccessat: 269, utimensat: 280, epoll_pwait: 281, epoll_create1: 291, dup3: 292,
    renameat2: 316, getrandom: 318, faccessat2: 439,
    // The network stack's (net/socket_syscalls.js).
    socket: 41, connect: 42, accept: 43, sendto: 44, recvfrom: 45, shutdown: 48, bind: 49,
    listen: 50, getsockname: 51, getpeername: 52, setsockopt: 54, getsockopt: 55, accept4: 288
};
