// stdlib/sys: the system-call wrappers and their struct layouts.
'use strict';

var check = require('./lib/check.js');
var sys = require('sys');

// clock_gettime: struct timespec decoded; the monotonic clock never goes back.
var a = sys.clock_gettime(sys.CLOCK_MONOTONIC);
check.equal(typeof a.sec, 'number', 'timespec sec');
check.ok(a.nsec >= 0 && a.nsec < 1e9, 'timespec nsec in range');
sys.nanosleep(2);
var b = sys.clock_gettime(sys.CLOCK_MONOTONIC);
var elapsed = (b.sec - a.sec) * 1e3 + (b.nsec - a.nsec) / 1e6;
check.ok(elapsed >= 2, 'nanosleep(2) took ' + elapsed + ' ms');
var wall = sys.clock_gettime(sys.CLOCK_REALTIME);
check.ok(Math.abs(wall.sec * 1000 - Date.now()) < 5000, 'realtime clock agrees with Date');
check.equal(sys.clock_gettime(12345), -sys.errno.EINVAL, 'bad clock id');

// uname: six 65-byte fields.
var uts = sys.uname();
check.equal(uts.sysname, sys.platform === 'linux' ? 'Linux' : uts.sysname, 'sysname');
check.equal(uts.machine, 'x86_64', 'machine');
check.equal(typeof uts.release, 'string', 'release');

// getrandom fills the whole buffer.
var random = new Uint8Array(64);
check.equal(sys.getrandom(random), 64, 'getrandom length');
var nonzero = 0;
for (var i = 0; i < random.length; i++)
    nonzero += random[i] !== 0 ? 1 : 0;
check.ok(nonzero > 32, 'getrandom gave random bytes');

check.equal(sys.getpid(), process.pid, 'getpid');
check.ok(sys.getpid() > 0, 'pid positive');

// write returns the byte count (UTF-8), errors are negative errno numbers.
check.equal(sys.write(1, ''), 0, 'empty write');
check.equal(sys.write(999, 'x'), -sys.errno.EBADF, 'write to a bad fd');
check.equal(sys.close(999), -9, 'close a bad fd');
check.equal(sys.errnoName(-9), 'EBADF', 'errnoName(-9)');
check.equal(sys.errnoName(2), 'ENOENT', 'errnoName(2)');
check.equal(sys.errnoName(11), 'EAGAIN', 'errnoName(11)');
check.equal(sys.errnoName(100000), 'E100000', 'unknown errno');
check.equal(sys.errno.ENOSYS, 38, 'ENOSYS');
check.equal(sys.syscall(100000), -sys.errno.ENOSYS, 'unknown system call');
check.equal(sys.encodeUtf8('é✓').length, 5, 'UTF-8 encoding');

// epoll over a pipe: nothing ready, then readable after a write.
var fds = new Int32Array(2);
check.equal(sys.syscall(293 /* pipe2 */, fds, 0), 0, 'pipe2');
var ep = sys.epoll_create1(sys.EPOLL_CLOEXEC);
check.ok(ep >= 0, 'epoll_create1');
check.equal(sys.epoll_ctl(ep, sys.EPOLL_CTL_ADD, fds[0], sys.EPOLLIN, 4242), 0, 'epoll_ctl add');
check.deepEqual(sys.epoll_wait(ep, 8, 0), [], 'nothing ready');
check.equal(sys.write(fds[1], 'hey'), 3, 'write to pipe');
var events = sys.epoll_wait(ep, 8, 100);
check.equal(events.length, 1, 'one event');
check.equal(events[0].data, 4242, 'epoll data round trip (packed struct)');
check.equal(events[0].events & sys.EPOLLIN, sys.EPOLLIN, 'EPOLLIN');
var buf = new Uint8Array(16);
check.equal(sys.read(fds[0], buf), 3, 'read from pipe');
check.equal(sys.decodeUtf8(buf.subarray(0, 3)), 'hey', 'bytes read');
check.equal(sys.epoll_ctl(ep, sys.EPOLL_CTL_DEL, fds[0], 0), 0, 'epoll_ctl del');
check.equal(sys.epoll_ctl(ep, sys.EPOLL_CTL_DEL, fds[0], 0), -sys.errno.ENOENT, 'del twice');
sys.close(fds[0]);
sys.close(fds[1]);
sys.close(ep);

// ioctl: TCGETS on a pipe is not a tty.
check.equal(sys.ioctl(ep, 0x5401, new Uint8Array(64)), -sys.errno.EBADF, 'ioctl on closed fd');
