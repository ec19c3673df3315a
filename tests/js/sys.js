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

// Sockets: struct sockaddr_in, and a blocking TCP exchange on 127.0.0.1
// through the raw calls (socket, bind, listen, connect, accept4, sendto,
// recv, getsockname, getpeername, getsockopt, shutdown).
var sa = sys.encodeSockaddrIn('127.0.0.1', 0x1234);
check.deepEqual(Array.prototype.slice.call(sa), [2, 0, 0x12, 0x34, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0,
    0, 0], 'sockaddr_in layout');
check.deepEqual(sys.decodeSockaddrIn(sa), { family: 'IPv4', address: '127.0.0.1', port: 0x1234 },
    'sockaddr_in decoded');
check.equal(sys.encodeSockaddrIn('1.2.3', 1), null, 'bad address');
check.equal(sys.encodeSockaddrIn('1.2.3.4', 65536), null, 'bad port');
var listener = sys.socket(sys.AF_INET, sys.SOCK_STREAM | sys.SOCK_CLOEXEC, 0);
check.ok(listener >= 0, 'socket');
check.equal(sys.bind(listener, '127.0.0.1', 0), 0, 'bind');
check.equal(sys.listen(listener, 4), 0, 'listen');
var bound = sys.getsockname(listener);
check.equal(bound.address, '127.0.0.1', 'getsockname address');
check.ok(bound.port > 0, 'getsockname port');
var client = sys.socket(sys.AF_INET, sys.SOCK_STREAM, 0);
check.equal(sys.connect(client, '127.0.0.1', bound.port), 0, 'connect (backlog takes it)');
var accepted = sys.accept4(listener, sys.SOCK_CLOEXEC);
check.equal(accepted.address, '127.0.0.1', 'accept4 peer address');
check.equal(sys.getpeername(client).port, bound.port, 'getpeername');
check.equal(sys.getsockopt(client, sys.SOL_SOCKET, sys.SO_ERROR), 0, 'SO_ERROR');
check.equal(sys.setsockopt(client, sys.IPPROTO_TCP, sys.TCP_NODELAY, 1), 0, 'TCP_NODELAY');
check.equal(sys.getsockopt(client, sys.IPPROTO_TCP, sys.TCP_NODELAY), 1, 'TCP_NODELAY read back');
check.equal(sys.sendto(client, sys.encodeUtf8('xping'), 1, 4, sys.MSG_NOSIGNAL), 4, 'sendto');
check.equal(sys.shutdown(client, sys.SHUT_WR), 0, 'shutdown');
var got = new Uint8Array(8);
check.equal(sys.recv(accepted.fd, got, 0), 4, 'recv');
check.equal(sys.decodeUtf8(got.subarray(0, 4)), 'ping', 'bytes through the socket');
check.equal(sys.recv(accepted.fd, got, 0), 0, 'recv 0 after the FIN');
check.equal(sys.recv(accepted.fd, got, sys.MSG_DONTWAIT), 0, 'still at the end');
sys.close(accepted.fd);
sys.close(client);
sys.close(listener);
var refused = sys.socket(sys.AF_INET, sys.SOCK_STREAM | sys.SOCK_CLOEXEC, 0);
check.equal(sys.connect(refused, '127.0.0.1', bound.port), -sys.errno.ECONNREFUSED,
    'ECONNREFUSED after close');
sys.close(refused);
