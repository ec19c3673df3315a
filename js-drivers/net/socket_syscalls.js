// The socket system calls over the stack (Linux x86_64 ABI): socket, bind,
// listen, accept/accept4, connect, sendto, recvfrom, shutdown,
// getsockname, getpeername, setsockopt, getsockopt; sockets are files in
// the fd table, so read, write, close, ioctl (FIONREAD, FIONBIO), fcntl
// (O_NONBLOCK) and epoll work on them (core/fdtable.js, core/epoll.js).
//
// Blocking calls loop: flush the stack, check, wait through
// native:kernel.waitForEvent (drivers and timers keep running). The
// stack's readiness changes that happen inside a wait (a timer, a frame
// from the NIC) end the wait through timers.wake(), so epoll_wait looks
// again. AF_INET only; sendmsg/recvmsg are not served (their msghdr holds
// pointers, which a JS caller cannot pass).
'use strict';

var abi = require('../core/abi');
var fdtable = require('../core/fdtable');
var timers = require('../core/timers');
var E = require('./errno');

var AF_UNSPEC = 0, AF_INET = 2;
var SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_NONBLOCK = 0x800, SOCK_CLOEXEC = 0x80000;
var IPPROTO_TCP = 6, IPPROTO_UDP = 17;
var SOL_SOCKET = 1;
var SO_REUSEADDR = 2, SO_TYPE = 3, SO_ERROR = 4, SO_BROADCAST = 6, SO_SNDBUF = 7,
    SO_RCVBUF = 8, SO_KEEPALIVE = 9, SO_REUSEPORT = 15, SO_ACCEPTCONN = 30,
    SO_PROTOCOL = 38, SO_DOMAIN = 39;
var TCP_NODELAY = 1, TCP_MAXSEG = 2, TCP_KEEPIDLE = 4, TCP_KEEPINTVL = 5, TCP_KEEPCNT = 6;
var MSG_PEEK = 2, MSG_TRUNC = 0x20, MSG_DONTWAIT = 0x40, MSG_WAITALL = 0x100, MSG_NOSIGNAL = 0x4000;
var SHUT_RD = 0, SHUT_WR = 1, SHUT_RDWR = 2;
var FIONREAD = 0x541b, FIONBIO = 0x5421;
var EPOLLIN = 0x001, EPOLLOUT = 0x004, EPOLLERR = 0x008, EPOLLHUP = 0x010,
    EPOLLRDNORM = 0x040, EPOLLWRNORM = 0x100, EPOLLRDHUP = 0x2000;
var SOCKADDR_IN = 16;

// env for the stack on bare metal: the kernel's clock and core/timers.js.
function kernelEnv(kernel) {
    timers.install(kernel);
    var seed = new Uint8Array(4);
    return {
        now: function () { return kernel.monotonicNs() / 1e6; },
        setTimer: function (ms, fn) { return timers.after(ms, fn); },
        clearTimer: function (t) { timers.cancel(t); },
        defer: function (fn) { return timers.soon(fn); },
        random32: function () {
            kernel.randomBytes(seed);
            return ((seed[0] << 24) | (seed[1] << 16) | (seed[2] << 8) | seed[3]) >>> 0;
        }
    };
}

// A struct sockaddr_in argument: {addr, port}, {unspec: true}, or -errno.
function readAddr(buf, len) {
    var u8 = abi.bytes(buf);
    len = abi.size(len);
    if (u8 === null || len < 0 || len > u8.length)
        return -E.EFAULT;
    if (len < 2)
        return -E.EINVAL;
    var family = u8[0] | (u8[1] << 8);
    if (family === AF_UNSPEC)
        return { unspec: true };
    if (family !== AF_INET)
        return -E.EAFNOSUPPORT;
    if (len < SOCKADDR_IN)
        return -E.EINVAL;
    return { port: (u8[2] << 8) | u8[3],
        addr: ((u8[4] << 24) | (u8[5] << 16) | (u8[6] << 8) | u8[7]) >>> 0 };
}

// Writes a sockaddr_in to buf, truncated to *lenBuf bytes, and sets
// *lenBuf to 16, as Linux does. Both may be null (the caller wants none).
function writeAddr(buf, lenBuf, addr, port) {
    if (buf === null || buf === void 0 || buf === 0)
        return 0;
    var lv = abi.view(lenBuf, 4);
    var u8 = abi.bytes(buf);
    if (lv === null || u8 === null)
        return -E.EFAULT;
    var cap = lv.getInt32(0, true);
    if (cap < 0)
        return -E.EINVAL;
    var a = new Uint8Array(SOCKADDR_IN);
    a[0] = AF_INET;
    a[2] = port >> 8; a[3] = port & 0xff;
    a[4] = addr >>> 24; a[5] = (addr >>> 16) & 0xff; a[6] = (addr >>> 8) & 0xff; a[7] = addr & 0xff;
    var n = Math.min(cap, SOCKADDR_IN, u8.length);
    u8.set(a.subarray(0, n));
    lv.setInt32(0, SOCKADDR_IN, true);
    return 0;
}

// The machine's service (and stack), made once: the system-call table and
// tools (js-drivers/tools/ping.js) share it.
var machine = null;

// create(kernel): the machine's service. create(kernel, stack): one over
// a given stack (tests).
function create(kernel, stack) {
    if (!stack) {
        if (machine)
            return machine;
        stack = require('./stack').create(kernelEnv(kernel));
        attachNics(kernel, stack);
        machine = service(kernel, stack);
        return machine;
    }
    return service(kernel, stack);
}

function service(kernel, stack) {

    // Readiness may have changed (maybe inside a wait): the file counts it
    // (epoll asks it again, core/epoll.js), and epoll_wait should look.
    // Every call on the socket counts too: the stack's notes (pcb.onChange)
    // cover what the network does, the calls what the program does.
    function newFile(sock, flags) {
        var file = {
            kind: 'socket',
            flags: 2 | (flags & SOCK_NONBLOCK ? fdtable.O_NONBLOCK : 0),
            sock: sock,
            changes: 0,
            read: function (u8, n) {
                file.changes++;
                return receive(file, u8, n, 0, null, null);
            },
            write: function (data, n) {
                file.changes++;
                if (typeof data === 'string')
                    data = utf8(data, n);
                return send(file, data, n, 0);
            },
            ioctl: function (request, arg) {
                file.changes++;
                return ioctl(file, request, arg);
            },
            stat: function (dv) {
                dv.setUint32(16, 1, true);              // st_nlink
                dv.setUint32(24, 0xc000 | 0x1ff, true); // S_IFSOCK | 0777
                dv.setUint32(56, 4096, true);           // st_blksize
            },
            poll: function () { stack.flush(); return poll(sock); },
            wakeOn: function () { return 0; },  // pcb.onChange ends the waits
            release: function () {
                sock.pcb.onChange = null;
                sock.pcb.close();
                stack.flush();
            }
        };
        sock.pcb.onChange = function () {
            file.changes++;
            timers.wake();
        };
        return file;
    }

    function utf8(text, n) {
        var bytes = [];
        for (var i = 0; i < text.length && bytes.length < n; i++) {
            var c = text.charCodeAt(i);
            if (c < 0x80) bytes.push(c);
            else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
            else bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
        }
        return new Uint8Array(bytes.slice(0, n));
    }

    function poll(sock) {
        var pcb = sock.pcb;
        var r = 0;
        if (sock.type === SOCK_DGRAM) {
            r = EPOLLOUT | EPOLLWRNORM;
            if (pcb.queue.length > 0 || pcb.error)
                r |= EPOLLIN | EPOLLRDNORM;
            if (pcb.error)
                r |= EPOLLERR;
            return r;
        }
        if (pcb.state === 'LISTEN')
            return pcb.acceptQueue.length > 0 ? EPOLLIN | EPOLLRDNORM : 0;
        if (pcb.error)
            r |= EPOLLERR;
        if (pcb.state === 'CLOSED' && (pcb.everConnected || pcb.error || sock.connecting))
            r |= EPOLLHUP | EPOLLIN | EPOLLRDNORM | EPOLLRDHUP | EPOLLOUT | EPOLLWRNORM;
        if (pcb.state === 'SYN_SENT' || pcb.state === 'SYN_RECEIVED')
            return r;
        if (pcb.readable())
            r |= EPOLLIN | EPOLLRDNORM;
        if (pcb.finReceived)
            r |= EPOLLRDHUP;
        if (pcb.writable())
            r |= EPOLLOUT | EPOLLWRNORM;
        if (pcb.finReceived && pcb.finQueued)
            r |= EPOLLHUP;
        if (pcb.state === 'CLOSED' && !pcb.everConnected && !sock.connecting)
            r |= EPOLLOUT | EPOLLWRNORM | EPOLLHUP;  // a fresh socket, as Linux reports it
        return r;
    }

    // Runs check() until it gives a result; waits between tries unless
    // the file is non-blocking (then -EAGAIN).
    // A non-blocking TCP send or receive (all of unode's) skips this loop:
    // it is one try, and a closure for `check` on every call would cost
    // more than the try (docs/architecture.md, op_costs).
    function block(file, nonblock, check) {
        for (;;) {
            stack.flush();
            var r = check();
            if (r !== void 0)
                return r;
            if (nonblock || (file.flags & fdtable.O_NONBLOCK))
                return -E.EAGAIN;
            kernel.waitForEvent(-1, 0);
        }
    }

    // The entry for a call whose first argument is a socket's fd: fn gets
    // the socket's file instead (or the call gives EBADF, ENOTSOCK).
    // Socket calls take at most six arguments: passed on as they are (no
    // arguments array: this is on every send and receive).
    function onSocket(fn) {
        return function (fd, a, b, c, d, e) {
            var file = fdtable.get(fd);
            if (!file)
                return -E.EBADF;
            if (file.kind !== 'socket')
                return -E.ENOTSOCK;
            file.changes++;
            return fn(file, a, b, c, d, e);
        };
    }

    function socket(domain, type, protocol) {
        domain = abi.int(domain);
        type = abi.int(type);
        protocol = abi.int(protocol);
        if (domain !== AF_INET)
            return -E.EAFNOSUPPORT;
        var flags = type & (SOCK_NONBLOCK | SOCK_CLOEXEC);
        var kind = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (kind !== SOCK_STREAM && kind !== SOCK_DGRAM)
            return kind >= 1 && kind <= 10 ? -E.ESOCKTNOSUPPORT : -E.EINVAL;
        if (protocol !== 0 && protocol !== (kind === SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP))
            return -E.EPROTONOSUPPORT;
        var sock = { type: kind, pcb: kind === SOCK_STREAM ? stack.tcp.open() : stack.udp.open(),
            connecting: false };
        return fdtable.install(newFile(sock, flags), flags & SOCK_CLOEXEC ? fdtable.FD_CLOEXEC : 0);
    }

    function bind(file, addr, addrlen) {
        var a = readAddr(addr, addrlen);
        if (typeof a === 'number')
            return a;
        if (a.unspec)
            return -E.EAFNOSUPPORT;
        var r = file.sock.pcb.bind(a.addr, a.port);
        stack.flush();
        return r;
    }

    function listen(file, backlog) {
        if (file.sock.type !== SOCK_STREAM)
            return -E.EOPNOTSUPP;
        return file.sock.pcb.listen(abi.int(backlog));
    }

    function accept4(file, addr, addrlen, flags) {
        flags = abi.int(flags);
        if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
            return -E.EINVAL;
        var sock = file.sock;
        if (sock.type !== SOCK_STREAM)
            return -E.EOPNOTSUPP;
        if (sock.pcb.state !== 'LISTEN')
            return -E.EINVAL;
        var pcb = block(file, false, function () {
            if (sock.pcb.state !== 'LISTEN')
                return -E.EINVAL;  // closed meanwhile
            return sock.pcb.accept() || void 0;
        });
        if (typeof pcb === 'number')
            return pcb;
        var child = { type: SOCK_STREAM, pcb: pcb, connecting: false };
        var w = writeAddr(addr, addrlen, pcb.remoteAddr, pcb.remotePort);
        var nfd = fdtable.install(newFile(child, flags), flags & SOCK_CLOEXEC ? fdtable.FD_CLOEXEC : 0);
        if (nfd < 0) {
            pcb.close();
            return nfd;
        }
        if (w < 0) {
            fdtable.close(nfd);
            return w;
        }
        return nfd;
    }

    function accept(file, addr, addrlen) { return accept4(file, addr, addrlen, 0); }

    function connect(file, addr, addrlen) {
        var a = readAddr(addr, addrlen);
        if (typeof a === 'number')
            return a;
        var sock = file.sock, pcb = sock.pcb;
        if (sock.type === SOCK_DGRAM) {
            if (a.unspec) {
                pcb.disconnect();
                return 0;
            }
            return pcb.connect(a.addr, a.port);
        }
        if (a.unspec)
            return -E.EAFNOSUPPORT;
        // A non-blocking connect that failed reports its error once.
        if (sock.connecting && pcb.state === 'CLOSED' && pcb.error) {
            sock.connecting = false;
            return pcb.takeError();
        }
        if (sock.connecting && pcb.state === 'SYN_SENT')
            return -E.EALREADY;
        if (sock.connecting && pcb.everConnected) {
            sock.connecting = false;
            return -E.EISCONN;
        }
        var r = pcb.connect(a.addr, a.port);
        if (r < 0)
            return r;
        sock.connecting = true;
        if (file.flags & fdtable.O_NONBLOCK) {
            stack.flush();
            return -E.EINPROGRESS;
        }
        return block(file, false, function () {
            if (pcb.state === 'SYN_SENT' || pcb.state === 'SYN_RECEIVED')
                return void 0;
            sock.connecting = false;
            if (pcb.everConnected)
                return 0;
            return pcb.error ? pcb.takeError() : -E.ECONNREFUSED;
        });
    }

    function send(file, u8, n, flags) {
        var sock = file.sock, pcb = sock.pcb;
        var nonblock = (flags & MSG_DONTWAIT) !== 0;
        if (sock.type === SOCK_DGRAM) {
            var r0 = pcb.error ? pcb.takeError() : pcb.sendto(u8.subarray(0, n), 0, 0);
            stack.flush();
            return r0;
        }
        if (nonblock || (file.flags & fdtable.O_NONBLOCK)) {  // one try (see block)
            stack.flush();
            var k = pcb.send(u8, 0, n);
            return k === 0 && n > 0 ? -E.EAGAIN : k;
        }
        var done = 0;
        var r = block(file, nonblock, function () {
            var k = pcb.send(u8, done, n - done);
            if (k < 0)
                return done > 0 ? done : k;
            done += k;
            if (done === n || (done > 0 && (nonblock || (file.flags & fdtable.O_NONBLOCK))))
                return done;
            return void 0;
        });
        if (r === -E.EAGAIN && done > 0)
            return done;
        return r;
    }

    function receive(file, u8, n, flags, addrBuf, lenBuf) {
        var sock = file.sock, pcb = sock.pcb;
        var nonblock = (flags & MSG_DONTWAIT) !== 0;
        if (sock.type === SOCK_DGRAM) {
            return block(file, nonblock, function () {
                if (pcb.error)
                    return pcb.takeError();
                var m = (flags & MSG_PEEK) ? pcb.queue[0] : pcb.receive();
                if (!m)
                    return void 0;
                var k = Math.min(n, m.data.length);
                u8.set(m.data.subarray(0, k));
                var w = writeAddr(addrBuf, lenBuf, m.addr, m.port);
                if (w < 0)
                    return w;
                return (flags & MSG_TRUNC) ? m.data.length : k;
            });
        }
        if (pcb.state === 'LISTEN' || (pcb.state === 'CLOSED' && !pcb.everConnected && !pcb.error))
            return -E.ENOTCONN;
        if (n === 0)
            return 0;
        if (!(flags & MSG_PEEK) && (nonblock || (file.flags & fdtable.O_NONBLOCK))) {
            stack.flush();  // one try (see block): a count, 0 at the end, or -errno
            return pcb.receive(u8, 0, n);
        }
        var got = 0;
        return block(file, nonblock, function () {
            if (flags & MSG_PEEK)
                return pcb.recvBuf.length ? pcb.recvBuf.peek(0, u8, 0, n) : pcb.receive(u8, 0, 0) || void 0;
            var k = pcb.receive(u8, got, n - got);
            if (k === -E.EAGAIN)
                return (got > 0 && !(flags & MSG_WAITALL)) ? got : void 0;
            if (k < 0)
                return got > 0 ? got : k;
            if (k === 0)
                return got;
            got += k;
            if (got === n || !(flags & MSG_WAITALL))
                return got;
            return void 0;
        });
    }

    function sendto(file, buf, len, flags, addr, addrlen) {
        var u8 = typeof buf === 'string' ? utf8(buf, abi.size(len)) : abi.bytes(buf);
        var n = abi.size(len);
        if (u8 === null || n < 0 || n > u8.length)
            return -E.EFAULT;
        flags = abi.int(flags);
        var sock = file.sock;
        if (addr && sock.type === SOCK_DGRAM) {
            var a = readAddr(addr, addrlen);
            if (typeof a === 'number')
                return a;
            if (a.unspec)
                return -E.EAFNOSUPPORT;
            var r = sock.pcb.sendto(u8.subarray(0, n), a.addr, a.port);
            stack.flush();
            return r;
        }
        return send(file, u8, n, flags);
    }

    function recvfrom(file, buf, len, flags, addr, addrlen) {
        var u8 = abi.bytes(buf);
        var n = abi.size(len);
        if (u8 === null || n < 0 || n > u8.length)
            return -E.EFAULT;
        return receive(file, u8, n, abi.int(flags), addr || null, addrlen || null);
    }

    function shutdown(file, how) {
        how = abi.int(how);
        if (how !== SHUT_RD && how !== SHUT_WR && how !== SHUT_RDWR)
            return -E.EINVAL;
        var sock = file.sock, pcb = sock.pcb;
        if (sock.type === SOCK_DGRAM)
            return pcb.remotePort ? 0 : -E.ENOTCONN;
        if (pcb.state === 'LISTEN' || pcb.state === 'CLOSED' || pcb.state === 'SYN_SENT')
            return -E.ENOTCONN;
        if (how !== SHUT_WR)
            pcb.shutdownRead();
        var r = how !== SHUT_RD ? pcb.shutdownWrite() : 0;
        stack.flush();
        return r;
    }

    function getsockname(file, addr, addrlen) {
        var p = file.sock.pcb;
        return writeAddr(addr, addrlen, p.localAddr, p.localPort) || 0;
    }

    function getpeername(file, addr, addrlen) {
        var p = file.sock.pcb;
        var connected = file.sock.type === SOCK_DGRAM ? p.remotePort !== 0 :
            p.state !== 'LISTEN' && p.state !== 'SYN_SENT' && p.state !== 'CLOSED' || p.everConnected && p.state !== 'CLOSED';
        if (!connected)
            return -E.ENOTCONN;
        return writeAddr(addr, addrlen, p.remoteAddr, p.remotePort) || 0;
    }

    function intArg(optval, optlen) {
        var n = abi.size(optlen);
        var dv = abi.view(optval, 4);
        if (n < 4)
            return -E.EINVAL;
        if (dv === null)
            return -E.EFAULT;
        return { v: dv.getInt32(0, true) };
    }

    function setsockopt(file, level, name, optval, optlen) {
        var a = intArg(optval, optlen);
        if (typeof a === 'number')
            return a;
        var v = a.v, sock = file.sock, pcb = sock.pcb, tcp = sock.type === SOCK_STREAM;
        level = abi.int(level);
        name = abi.int(name);
        if (level === SOL_SOCKET) {
            switch (name) {
            case SO_REUSEADDR: pcb.reuseAddr = v !== 0; return 0;
            case SO_BROADCAST: pcb.broadcast = v !== 0; return 0;
            case SO_KEEPALIVE:
                if (tcp)
                    pcb.setKeepAlive(v !== 0);
                return 0;
            // Linux doubles the value (room for its bookkeeping) and has minimums.
            case SO_SNDBUF: if (tcp) pcb.sndbuf = Math.max(4608, Math.min(v, 4194304) * 2); return 0;
            case SO_RCVBUF: pcb.rcvbuf = Math.max(2304, Math.min(v, 6291456) * 2); return 0;
            }
            return -E.ENOPROTOOPT;
        }
        if (level === IPPROTO_TCP && tcp) {
            switch (name) {
            case TCP_NODELAY: pcb.setNoDelay(v !== 0); stack.flush(); return 0;
            case TCP_KEEPIDLE:
            case TCP_KEEPINTVL:
                if (v < 1 || v > 32767)
                    return -E.EINVAL;
                pcb[name === TCP_KEEPIDLE ? 'keepIdleMs' : 'keepIntervalMs'] = v * 1000;
                pcb.setKeepAlive(pcb.keepAlive);
                return 0;
            case TCP_KEEPCNT:
                if (v < 1 || v > 127)
                    return -E.EINVAL;
                pcb.keepCount = v;
                return 0;
            }
            return -E.ENOPROTOOPT;
        }
        return -E.ENOPROTOOPT;
    }

    function getsockopt(file, level, name, optval, optlen) {
        var lv = abi.view(optlen, 4);
        if (lv === null)
            return -E.EFAULT;
        var sock = file.sock, pcb = sock.pcb, tcp = sock.type === SOCK_STREAM;
        var v;
        level = abi.int(level);
        name = abi.int(name);
        if (level === SOL_SOCKET) {
            switch (name) {
            case SO_REUSEADDR: v = pcb.reuseAddr ? 1 : 0; break;
            case SO_TYPE: v = sock.type; break;
            case SO_ERROR: v = pcb.error ? -pcb.takeError() : 0; break;
            case SO_BROADCAST: v = pcb.broadcast ? 1 : 0; break;
            case SO_SNDBUF: v = tcp ? pcb.sndbuf : stack.udp.SNDBUF; break;
            case SO_RCVBUF: v = pcb.rcvbuf; break;
            case SO_KEEPALIVE: v = tcp && pcb.keepAlive ? 1 : 0; break;
            case SO_ACCEPTCONN: v = tcp && pcb.state === 'LISTEN' ? 1 : 0; break;
            case SO_PROTOCOL: v = tcp ? IPPROTO_TCP : IPPROTO_UDP; break;
            case SO_DOMAIN: v = AF_INET; break;
            default: return -E.ENOPROTOOPT;
            }
        } else if (level === IPPROTO_TCP && tcp) {
            var params = stack.tcp.params;
            switch (name) {
            case TCP_NODELAY: v = pcb.nodelay ? 1 : 0; break;
            case TCP_MAXSEG: v = pcb.mss; break;
            case TCP_KEEPIDLE: v = (pcb.keepIdleMs || params.keepIdleMs) / 1000; break;
            case TCP_KEEPINTVL: v = (pcb.keepIntervalMs || params.keepIntervalMs) / 1000; break;
            case TCP_KEEPCNT: v = pcb.keepCount || params.keepCount; break;
            default: return -E.ENOPROTOOPT;
            }
        } else {
            return -E.ENOPROTOOPT;
        }
        var cap = lv.getInt32(0, true);
        if (cap < 0)
            return -E.EINVAL;
        var b = new Uint8Array(4);
        new DataView(b.buffer).setInt32(0, v, true);
        var out = abi.bytes(optval);
        if (out === null && cap > 0)
            return -E.EFAULT;
        var n = Math.min(cap, 4, out ? out.length : 0);
        if (n > 0)
            out.set(b.subarray(0, n));
        lv.setInt32(0, n, true);
        return 0;
    }

    function ioctl(file, request, arg) {
        var dv = abi.view(arg, 4);
        if (request === FIONREAD) {
            if (dv === null)
                return -E.EFAULT;
            stack.flush();
            var pcb = file.sock.pcb;
            var n = file.sock.type === SOCK_DGRAM ? (pcb.queue.length ? pcb.queue[0].data.length : 0) :
                pcb.state === 'LISTEN' ? -1 : pcb.bytesReadable();
            if (n < 0)
                return -E.EINVAL;
            dv.setInt32(0, n, true);
            return 0;
        }
        if (request === FIONBIO) {
            if (dv === null)
                return -E.EFAULT;
            file.flags = dv.getInt32(0, true) ? file.flags | fdtable.O_NONBLOCK :
                file.flags & ~fdtable.O_NONBLOCK;
            return 0;
        }
        return -E.ENOTTY;
    }

    // Before the machine ends (exit_group): what sockets still have to send
    // (data, FIN) goes out, as Linux goes on sending after a process died,
    // for at most timeoutMs. Returns how many connections still had some.
    function drain(timeoutMs) {
        var deadline = kernel.monotonicNs() + timeoutMs * 1e6;
        for (;;) {
            stack.flush();
            var busy = stack.tcp.ports.all().filter(function (p) {
                return (p.state === 'ESTABLISHED' || p.state === 'CLOSE_WAIT' ||
                        p.state === 'FIN_WAIT_1' || p.state === 'CLOSING' || p.state === 'LAST_ACK') &&
                    (p.sendBuf.length > 0 || (p.finQueued && !p.finAcked));
            }).length;
            if (busy === 0 || kernel.monotonicNs() >= deadline)
                return busy;
            kernel.waitForEvent(Math.min(20, (deadline - kernel.monotonicNs()) / 1e6), 0);
        }
    }

    return {
        drain: drain,
        entries: {
            socket: socket, bind: onSocket(bind), listen: onSocket(listen),
            accept: onSocket(accept), accept4: onSocket(accept4), connect: onSocket(connect),
            sendto: onSocket(sendto), recvfrom: onSocket(recvfrom), shutdown: onSocket(shutdown),
            getsockname: onSocket(getsockname), getpeername: onSocket(getpeername),
            setsockopt: onSocket(setsockopt), getsockopt: onSocket(getsockopt)
        },
        stack: stack
    };
}

// NICs the driver manager provides (an `netif` interface, e.g. the e1000
// driver) join the stack; DHCP configures them (dhcp.js) when present.
function attachNics(kernel, stack) {
    var drivers;
    try {
        drivers = require('native:drivers');
    } catch (e) {
        return;
    }
    if (!drivers || typeof drivers.whenProvided !== 'function')
        return;
    drivers.whenProvided('netif', function (netif) {
        if (stack.iface(netif.name || 'eth0'))
            return;
        var iface = require('./ethernet').attach(stack, netif);
        var dhcp;
        try {
            dhcp = require('./dhcp');
        } catch (e) {
            return;
        }
        // Quiet when it works (programs' output stays theirs); a failure is
        // said on the console.
        iface.dhcp = dhcp.start(stack, iface, function (err) {
            if (err)
                kernel.consoleWrite('net: ' + iface.name + ': DHCP: ' + err.message + '\n');
        });
    });
}

// The machine's service if a program has used the network, else null.
function current() { return machine; }

module.exports = { create: create, current: current, readAddr: readAddr, writeAddr: writeAddr };
