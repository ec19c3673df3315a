// The socket system calls with struct sockaddr_in in Linux's layout. Only
// IPv4 (AF_INET): addresses are dotted-quad strings, ports numbers. As in
// index.js the wrappers never throw: they return a number (a negative errno
// on failure) or, for calls that produce an address, an object.
'use strict';

var NR = {
    socket: 41, connect: 42, sendto: 44, recvfrom: 45, shutdown: 48, bind: 49, listen: 50,
    getsockname: 51, getpeername: 52, setsockopt: 54, getsockopt: 55, accept4: 288
};

exports.install = function (target, syscall) {
    var name;
    for (name in NR)
        target.NR[name] = NR[name];

    // Constants (Linux x86_64 values).
    target.AF_INET = 2;
    target.AF_INET6 = 10;
    target.SOCK_STREAM = 1;
    target.SOCK_DGRAM = 2;
    target.SOCK_NONBLOCK = 0x800;
    target.SOCK_CLOEXEC = 0x80000;
    target.SOL_SOCKET = 1;
    target.SO_REUSEADDR = 2;
    target.SO_ERROR = 4;
    target.SO_BROADCAST = 6;
    target.SO_SNDBUF = 7;
    target.SO_RCVBUF = 8;
    target.SO_KEEPALIVE = 9;
    target.IPPROTO_TCP = 6;
    target.IPPROTO_UDP = 17;
    target.TCP_NODELAY = 1;
    target.TCP_KEEPIDLE = 4;
    target.MSG_DONTWAIT = 0x40;
    target.MSG_NOSIGNAL = 0x4000;
    target.SHUT_RD = 0;
    target.SHUT_WR = 1;
    target.SHUT_RDWR = 2;
    target.SOCKADDR_IN_SIZE = 16;

    target.socket = function (domain, type, protocol) {
        return syscall(NR.socket, domain, type, protocol || 0);
    };
    target.bind = function (fd, address, port) {
        var sa = encodeSockaddrIn(address, port);
        return sa === null ? -22 /* EINVAL */ : syscall(NR.bind, fd, sa, sa.length);
    };
    target.connect = function (fd, address, port) {
        var sa = encodeSockaddrIn(address, port);
        return sa === null ? -22 : syscall(NR.connect, fd, sa, sa.length);
    };
    target.listen = function (fd, backlog) { return syscall(NR.listen, fd, backlog); };
    target.shutdown = function (fd, how) { return syscall(NR.shutdown, fd, how); };

    // accept4(fd, flags) -> {fd, address, port}, or -errno.
    target.accept4 = function (fd, flags) {
        var sa = new Uint8Array(16);
        var length = new Uint32Array([16]);
        var r = syscall(NR.accept4, fd, sa, length, flags || 0);
        if (r < 0)
            return r;
        var peer = decodeSockaddrIn(sa);
        peer.fd = r;
        return peer;
    };

    // sendto(fd, data, offset, length, flags[, address, port]): data is a
    // Uint8Array; the address is left out on a connected socket.
    target.sendto = function (fd, data, offset, length, flags, address, port) {
        var bytes = offset || length !== data.byteLength
            ? data.subarray(offset, offset + length) : data;
        if (address === void 0)
            return syscall(NR.sendto, fd, bytes, length, flags || 0, 0, 0);
        var sa = encodeSockaddrIn(address, port);
        if (sa === null)
            return -22;
        return syscall(NR.sendto, fd, bytes, length, flags || 0, sa, sa.length);
    };

    // recv(fd, buffer, flags) -> byte count (0 at end of stream) or -errno.
    target.recv = function (fd, buffer, flags) {
        return syscall(NR.recvfrom, fd, buffer, buffer.byteLength, flags || 0, 0, 0);
    };

    // recvfrom(fd, buffer, flags) -> {bytes, address, port} or -errno.
    target.recvfrom = function (fd, buffer, flags) {
        var sa = new Uint8Array(16);
        var length = new Uint32Array([16]);
        var r = syscall(NR.recvfrom, fd, buffer, buffer.byteLength, flags || 0, sa, length);
        if (r < 0)
            return r;
        var peer = decodeSockaddrIn(sa);
        peer.bytes = r;
        return peer;
    };

    // getsockname/getpeername(fd) -> {family, address, port} or -errno.
    target.getsockname = function (fd) { return nameCall(NR.getsockname, fd); };
    target.getpeername = function (fd) { return nameCall(NR.getpeername, fd); };
    function nameCall(nr, fd) {
        var sa = new Uint8Array(16);
        var length = new Uint32Array([16]);
        var r = syscall(nr, fd, sa, length);
        return r < 0 ? r : decodeSockaddrIn(sa);
    }

    // Integer options only (the ones unode uses).
    target.setsockopt = function (fd, level, name, value) {
        var v = new Int32Array([value | 0]);
        return syscall(NR.setsockopt, fd, level, name, v, 4);
    };
    target.getsockopt = function (fd, level, name) {
        var v = new Int32Array(1);
        var length = new Uint32Array([4]);
        var r = syscall(NR.getsockopt, fd, level, name, v, length);
        return r < 0 ? r : v[0];
    };

    target.encodeSockaddrIn = encodeSockaddrIn;
    target.decodeSockaddrIn = decodeSockaddrIn;
    target.parseIPv4 = parseIPv4;
};

// 'a.b.c.d' -> [a, b, c, d], or null if it is not a dotted quad.
function parseIPv4(text) {
    var parts = String(text).split('.');
    if (parts.length !== 4)
        return null;
    var bytes = [];
    for (var i = 0; i < 4; i++) {
        if (!/^(0|[1-9][0-9]{0,2})$/.test(parts[i]) || Number(parts[i]) > 255)
            return null;
        bytes.push(Number(parts[i]));
    }
    return bytes;
}

// struct sockaddr_in { u16 family; u16 port (big-endian); u8 addr[4]; u8 zero[8]; }
function encodeSockaddrIn(address, port) {
    var bytes = parseIPv4(address);
    if (bytes === null || !(port >= 0 && port <= 65535))
        return null;
    var sa = new Uint8Array(16);
    sa[0] = 2;  // AF_INET, little-endian
    sa[2] = (port >> 8) & 255;
    sa[3] = port & 255;
    sa.set(bytes, 4);
    return sa;
}

function decodeSockaddrIn(sa) {
    var family = sa[0] | (sa[1] << 8);
    return {
        family: family === 2 ? 'IPv4' : family === 10 ? 'IPv6' : family,
        address: sa[4] + '.' + sa[5] + '.' + sa[6] + '.' + sa[7],
        port: (sa[2] << 8) | sa[3]
    };
}
