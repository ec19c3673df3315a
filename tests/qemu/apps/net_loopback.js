// TCP and UDP over 127.0.0.1 through the raw socket system calls alone
// (require('sys').syscall): the same program runs hosted on Linux
// (tests/js: js.net_loopback) and on bare metal (qemu.net_loopback), so
// the stack in js-drivers/net answers as Linux does. Prints "ok NAME" per
// check, "FAIL NAME: ..." on a mismatch, and exits 1 if any failed.
'use strict';

var sys = require('sys');
var S = sys.syscall;
var NR = { read: 0, write: 1, close: 3, ioctl: 16, socket: 41, connect: 42, sendto: 44,
    recvfrom: 45, shutdown: 48, bind: 49, listen: 50, getsockname: 51, getpeername: 52,
    setsockopt: 54, getsockopt: 55, accept4: 288, epoll_create1: 291, epoll_ctl: 233,
    epoll_wait: 232, fcntl: 72 };
var AF_INET = 2, SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_NONBLOCK = 0x800, SOCK_CLOEXEC = 0x80000;
var EAGAIN = 11, EINPROGRESS = 115, ECONNREFUSED = 111, EADDRINUSE = 98, ENOTCONN = 107,
    ENOTSOCK = 88, EBADF = 9;
var EPOLLIN = 1, EPOLLOUT = 4, EPOLLRDHUP = 0x2000;

var failures = 0;
function out(text) { S(NR.write, 1, text, text.length); }
function check(name, got, want) {
    if (got === want) {
        out('ok ' + name + '\n');
    } else {
        failures++;
        out('FAIL ' + name + ': got ' + got + ', expected ' + want + '\n');
    }
}

function sockaddr(a, b, c, d, port) {
    var s = new Uint8Array(16);
    s[0] = AF_INET;
    s[2] = port >> 8; s[3] = port & 0xff;
    s[4] = a; s[5] = b; s[6] = c; s[7] = d;
    return s;
}
function portOf(s) { return (s[2] << 8) | s[3]; }
function ipOf(s) { return s[4] + '.' + s[5] + '.' + s[6] + '.' + s[7]; }
function int32(v) { var b = new Int32Array(1); b[0] = v; return b; }

function localName(fd) {
    var s = new Uint8Array(16), len = int32(16);
    var r = S(NR.getsockname, fd, s, len);
    return r < 0 ? r : s;
}

// epoll: the events of one fd within timeoutMs (0 if none).
var ep = S(NR.epoll_create1, 0);
function waitFor(fd, events, timeoutMs) {
    var ev = new Uint8Array(12);
    var dv = new DataView(ev.buffer);
    dv.setUint32(0, events, true);
    dv.setUint32(4, fd, true);
    S(NR.epoll_ctl, ep, 1, fd, ev);
    var got = new Uint8Array(12 * 4);
    var n = S(NR.epoll_wait, ep, got, 4, timeoutMs);
    S(NR.epoll_ctl, ep, 2, fd, ev);
    return n > 0 ? new DataView(got.buffer).getUint32(0, true) : n;
}

function readFull(fd, n) {
    var buf = new Uint8Array(n), got = 0;
    while (got < n) {
        var r = S(NR.read, fd, buf.subarray(got), n - got);
        if (r <= 0)
            return r === 0 ? buf.subarray(0, got) : r;
        got += r;
    }
    return buf;
}

function same(a, b) {
    if (a.length !== b.length)
        return false;
    for (var i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}

// --- TCP -------------------------------------------------------------------
var lfd = S(NR.socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
check('socket', lfd >= 0, true);
check('setsockopt SO_REUSEADDR', S(NR.setsockopt, lfd, 1, 2, int32(1), 4), 0);
check('bind 127.0.0.1:0', S(NR.bind, lfd, sockaddr(127, 0, 0, 1, 0), 16), 0);
check('listen', S(NR.listen, lfd, 8), 0);
var name = localName(lfd);
var port = portOf(name);
check('getsockname address', ipOf(name), '127.0.0.1');
check('ephemeral port', port >= 1024, true);

var other = S(NR.socket, AF_INET, SOCK_STREAM, 0);
check('EADDRINUSE', S(NR.bind, other, sockaddr(127, 0, 0, 1, port), 16), -EADDRINUSE);
S(NR.close, other);

check('fcntl O_NONBLOCK', S(NR.fcntl, lfd, 4, 0x800), 0);
check('EAGAIN on non-blocking accept', S(NR.accept4, lfd, null, null, 0), -EAGAIN);
S(NR.fcntl, lfd, 4, 0);  // blocking again

var cfd = S(NR.socket, AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
check('non-blocking connect: EINPROGRESS', S(NR.connect, cfd, sockaddr(127, 0, 0, 1, port), 16),
    -EINPROGRESS);
check('epoll: listener readable', waitFor(lfd, EPOLLIN, 2000) & EPOLLIN, EPOLLIN);
var peer = new Uint8Array(16), peerLen = int32(16);
var afd = S(NR.accept4, lfd, peer, peerLen, 0);
check('accept4', afd >= 0, true);
check('accept4 peer address', ipOf(peer) + ' ' + peerLen[0], '127.0.0.1 16');
check('epoll: connecting socket writable', waitFor(cfd, EPOLLOUT, 2000) & EPOLLOUT, EPOLLOUT);
var err = int32(-1), errLen = int32(4);
check('SO_ERROR after connect', S(NR.getsockopt, cfd, 1, 4, err, errLen) + ' ' + err[0], '0 0');
var pname = new Uint8Array(16);
check('getpeername', S(NR.getpeername, cfd, pname, int32(16)) + ' ' + portOf(pname), '0 ' + port);
check('accepted port = connecting port', portOf(peer), portOf(localName(cfd)));
check('TCP_NODELAY', S(NR.setsockopt, cfd, 6, 1, int32(1), 4), 0);

var rbuf = new Uint8Array(64);
check('EAGAIN on empty non-blocking read', S(NR.read, cfd, rbuf, 64), -EAGAIN);

// Echo 256 KiB in 16 KiB pieces: client -> server -> client.
var total = 256 * 1024, piece = 16384, intact = true;
for (var off = 0; off < total; off += piece) {
    var chunk = new Uint8Array(piece);
    for (var i = 0; i < piece; i++)
        chunk[i] = (off + i * 31) & 0xff;
    var w = S(NR.write, cfd, chunk, piece);
    if (w !== piece) { intact = false; out('write ' + w + '\n'); break; }
    var got = readFull(afd, piece);
    if (typeof got === 'number' || !same(got, chunk)) { intact = false; break; }
    check.quiet = S(NR.write, afd, got, piece);
    waitFor(cfd, EPOLLIN, 2000);
    var back = new Uint8Array(piece), have = 0;
    while (have < piece) {
        var r = S(NR.read, cfd, back.subarray(have), piece - have);
        if (r === -EAGAIN) { waitFor(cfd, EPOLLIN, 2000); continue; }
        if (r <= 0) break;
        have += r;
    }
    if (!same(back, chunk)) { intact = false; break; }
}
check('echo 256 KiB intact', intact, true);

var nread = int32(-1);
S(NR.write, afd, 'abc', 3);
waitFor(cfd, EPOLLIN, 2000);
check('FIONREAD', S(NR.ioctl, cfd, 0x541b, nread) + ' ' + nread[0], '0 3');
check('read 3', S(NR.read, cfd, rbuf, 64), 3);

// Half close: the server reads end-of-stream, answers, closes.
check('shutdown SHUT_WR', S(NR.shutdown, cfd, 1), 0);
check('server reads EOF', S(NR.read, afd, rbuf, 64), 0);
check('server writes after peer FIN', S(NR.write, afd, 'bye', 3), 3);
check('close server side', S(NR.close, afd), 0);
check('epoll: EPOLLIN|EPOLLRDHUP at the end', waitFor(cfd, EPOLLIN | EPOLLRDHUP, 2000) & (EPOLLIN | EPOLLRDHUP),
    EPOLLIN | EPOLLRDHUP);
var tail = readFull(cfd, 16);
check('client reads the last bytes then EOF', typeof tail === 'number' ? tail :
    String.fromCharCode.apply(null, tail), 'bye');
check('close client', S(NR.close, cfd), 0);

// A closed port: the connection is refused (RST).
var rfd = S(NR.socket, AF_INET, SOCK_STREAM, 0);
var closedPort = port === 65535 ? port - 1 : port + 1;
check('ECONNREFUSED', S(NR.connect, rfd, sockaddr(127, 0, 0, 1, closedPort), 16), -ECONNREFUSED);
S(NR.close, rfd);
var nfd = S(NR.socket, AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
var nr = S(NR.connect, nfd, sockaddr(127, 0, 0, 1, closedPort), 16);
check('non-blocking connect to a closed port', nr === -EINPROGRESS || nr === -ECONNREFUSED, true);
if (nr === -EINPROGRESS) {
    var EPOLLERR = 8, EPOLLHUP = 0x10;
    check('epoll: refused connect is EPOLLERR|EPOLLHUP|EPOLLOUT',
        waitFor(nfd, EPOLLOUT, 2000) & (EPOLLERR | EPOLLHUP | EPOLLOUT), EPOLLERR | EPOLLHUP | EPOLLOUT);
    var e2 = int32(-1);
    check('SO_ERROR is ECONNREFUSED', S(NR.getsockopt, nfd, 1, 4, e2, int32(4)) + ' ' + e2[0], '0 ' + ECONNREFUSED);
    check('SO_ERROR is read once', S(NR.getsockopt, nfd, 1, 4, e2, int32(4)) + ' ' + e2[0], '0 0');
}
S(NR.close, nfd);
var ufd0 = S(NR.socket, AF_INET, SOCK_STREAM, 0);
// A connection closed with unread data is reset (RFC 2525 2.17): the peer
// reads ECONNRESET once, then end of stream; accept4's SOCK_NONBLOCK.
var lfd2 = S(NR.socket, AF_INET, SOCK_STREAM, 0);
S(NR.bind, lfd2, sockaddr(127, 0, 0, 1, 0), 16);
S(NR.listen, lfd2, 2);
var c2 = S(NR.socket, AF_INET, SOCK_STREAM, 0);
check('blocking connect', S(NR.connect, c2, sockaddr(127, 0, 0, 1, portOf(localName(lfd2))), 16), 0);
var a2 = S(NR.accept4, lfd2, null, null, SOCK_NONBLOCK);
check('accept4 SOCK_NONBLOCK sets O_NONBLOCK', S(NR.fcntl, a2, 3, 0) & 0x800, 0x800);
check('MSG_PEEK', S(NR.write, c2, 'peek', 4) + ' ' + (waitFor(a2, EPOLLIN, 2000) & EPOLLIN) + ' ' +
    S(NR.recvfrom, a2, rbuf, 64, 2, null, null) + ' ' + S(NR.read, a2, rbuf, 64), '4 1 4 4');
S(NR.write, c2, 'unread', 6);
waitFor(a2, EPOLLIN, 2000);
S(NR.close, a2);
var EPOLLERR_ = 8, EPOLLHUP_ = 0x10;
check('epoll after a reset: EPOLLIN|EPOLLERR|EPOLLHUP', waitFor(c2, EPOLLIN, 2000) &
    (EPOLLIN | EPOLLERR_ | EPOLLHUP_), EPOLLIN | EPOLLERR_ | EPOLLHUP_);
check('read after a reset: ECONNRESET', S(NR.read, c2, rbuf, 64), -104);
check('then end of stream', S(NR.read, c2, rbuf, 64), 0);
check('write after a reset: EPIPE', S(NR.sendto, c2, 'x', 1, 0x4000, null, 0), -32);
S(NR.close, c2);
S(NR.close, lfd2);
check('ENOTCONN from getpeername', S(NR.getpeername, ufd0, new Uint8Array(16), int32(16)), -ENOTCONN);
S(NR.close, ufd0);
check('ENOTSOCK', S(NR.listen, 1, 1), -ENOTSOCK);
check('EBADF', S(NR.listen, 999, 1), -EBADF);
check('close listener', S(NR.close, lfd), 0);

// --- errnos of bad calls, as Linux gives them ----------------------------------
var t = S(NR.socket, AF_INET, SOCK_STREAM, 0), u = S(NR.socket, AF_INET, SOCK_DGRAM, 0);
var lo = sockaddr(127, 0, 0, 1, 0);
var MSG_NOSIGNAL = 0x4000;  // Linux would also raise SIGPIPE
check('send on an unconnected TCP socket: EPIPE', S(NR.sendto, t, 'x', 1, MSG_NOSIGNAL, null, 0), -32);
check('read on an unconnected TCP socket: ENOTCONN', S(NR.read, t, rbuf, 4), -ENOTCONN);
check('shutdown unconnected: ENOTCONN', S(NR.shutdown, t, 1), -ENOTCONN);
check('socket(9999): EAFNOSUPPORT', S(NR.socket, 9999, SOCK_STREAM, 0), -97);
check('socket type 99: EINVAL', S(NR.socket, AF_INET, 99, 0), -22);
check('SOCK_STREAM with IPPROTO_UDP: EPROTONOSUPPORT', S(NR.socket, AF_INET, SOCK_STREAM, 17), -93);
check('bind with addrlen 8: EINVAL', S(NR.bind, t, lo, 8), -22);
var six = new Uint8Array(16);
six[0] = 10;
check('bind AF_INET6 address: EAFNOSUPPORT', S(NR.bind, t, six, 16), -97);
check('listen on UDP: EOPNOTSUPP', S(NR.listen, u, 1), -95);
check('getsockopt unknown: ENOPROTOOPT', S(NR.getsockopt, t, 1, 999, int32(0), int32(4)), -92);
check('setsockopt optlen 2: EINVAL', S(NR.setsockopt, t, 1, 2, int32(1), 2), -22);
check('UDP connect AF_UNSPEC: 0', S(NR.connect, u, new Uint8Array(16), 16), 0);
check('UDP send without address: EDESTADDRREQ', S(NR.sendto, u, 'x', 1, 0, null, 0), -89);
check('connect to port 0: ECONNREFUSED', S(NR.connect, t, lo, 16), -ECONNREFUSED);
var unbound = new Uint8Array(16), t2 = S(NR.socket, AF_INET, SOCK_STREAM, 0);
for (var b = 0; b < 16; b++)
    unbound[b] = 9;
check('getsockname unbound: 0.0.0.0:0', S(NR.getsockname, t2, unbound, int32(16)) + ' ' +
    Array.prototype.slice.call(unbound, 0, 8).join(','), '0 2,0,0,0,0,0,0,0');
S(NR.close, t);
S(NR.close, t2);
S(NR.close, u);

// --- UDP -------------------------------------------------------------------
var u1 = S(NR.socket, AF_INET, SOCK_DGRAM, 0);
var u2 = S(NR.socket, AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
check('udp bind', S(NR.bind, u1, sockaddr(127, 0, 0, 1, 0), 16), 0);
var uport = portOf(localName(u1));
check('udp EAGAIN', S(NR.recvfrom, u2, rbuf, 64, 0, null, null), -EAGAIN);
check('udp sendto', S(NR.sendto, u2, 'datagram one', 12, 0, sockaddr(127, 0, 0, 1, uport), 16), 12);
check('epoll: udp readable', waitFor(u1, EPOLLIN, 2000) & EPOLLIN, EPOLLIN);
var from = new Uint8Array(16), fromLen = int32(16);
var n = S(NR.recvfrom, u1, rbuf, 64, 0, from, fromLen);
check('udp recvfrom', n + ' ' + String.fromCharCode.apply(null, rbuf.subarray(0, n)), '12 datagram one');
check('udp source = sender', portOf(from), portOf(localName(u2)));
check('udp reply', S(NR.sendto, u1, 'two', 3, 0, from, 16), 3);
waitFor(u2, EPOLLIN, 2000);
check('udp reply received', S(NR.recvfrom, u2, rbuf, 64, 0, null, null), 3);
check('udp connect', S(NR.connect, u2, sockaddr(127, 0, 0, 1, uport), 16), 0);
check('udp write when connected', S(NR.write, u2, 'three', 5), 5);
check('udp read', S(NR.read, u1, rbuf, 64), 5);
S(NR.close, u1);
S(NR.close, u2);

out(failures ? 'net_loopback: ' + failures + ' failed\n' : 'net_loopback: all passed\n');
S(231, failures ? 1 : 0);
