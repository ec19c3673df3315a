// Linux x86_64 system-call numbers of the entries js-drivers serve
// (arch/x86/entry/syscalls/syscall_64.tbl).
'use strict';

module.exports = {
    read: 0, write: 1, close: 3, fstat: 5, ioctl: 16, sched_yield: 24,
    nanosleep: 35, getpid: 39, exit: 60, uname: 63, fcntl: 72, sysinfo: 99,
    gettimeofday: 96, getuid: 102, getgid: 104, geteuid: 107, getegid: 108,
    getppid: 110, gettid: 186, time: 201, sched_getaffinity: 204, epoll_create: 213,
    clock_gettime: 228, clock_getres: 229, clock_nanosleep: 230,
    exit_group: 231, epoll_wait: 232, epoll_ctl: 233, epoll_pwait: 281,
    epoll_create1: 291, getrandom: 318,
    // The network stack's (net/socket_syscalls.js).
    socket: 41, connect: 42, accept: 43, sendto: 44, recvfrom: 45, shutdown: 48, bind: 49,
    listen: 50, getsockname: 51, getpeername: 52, setsockopt: 54, getsockopt: 55, accept4: 288
};
