// `jsk bench net-loopback`'s guest program (also run hosted by build/unode
// for Linux's figures): TCP over 127.0.0.1 through the raw socket calls,
// one sender and one receiver in this one process, both non-blocking and
// driven by epoll; then UDP datagrams. Prints per run:
//   pass tcp BYTES MS
//   pass udp DATAGRAMS MS
// argv: runs, MiB per TCP run.
'use strict';

var S = require('sys').syscall;
var argv = require('native:engine').options.argv;
var runs = +argv[argv.length - 2] || 3;
var mib = +argv[argv.length - 1] || 8;

function out(t) { S(1, 1, t, t.length); }
function die(what, r) { out('FAIL ' + what + ': ' + r + '\n'); S(231, 1); }
var ts = new Uint8Array(16), tdv = new DataView(ts.buffer);
function nowMs() {
    S(228, 1, ts);
    return tdv.getUint32(0, true) * 1000 + tdv.getUint32(8, true) / 1e6;
}
function sockaddr(port) {
    var s = new Uint8Array(16);
    s[0] = 2; s[2] = port >> 8; s[3] = port & 0xff; s[4] = 127; s[7] = 1;
    return s;
}
function portOf(fd) {
    var s = new Uint8Array(16);
    S(51, fd, s, new Int32Array([16]));
    return (s[2] << 8) | s[3];
}
var ep = S(291, 0);
var ev = new Uint8Array(12), evs = new Uint8Array(12 * 4);
function watch(fd, events, op) {
    var dv = new DataView(ev.buffer);
    dv.setUint32(0, events, true);
    dv.setUint32(4, fd, true);
    return S(233, ep, op, fd, ev);
}

function tcpRun(bytes) {
    var l = S(41, 2, 1, 0);
    S(49, l, sockaddr(0), 16);
    S(50, l, 1);
    var c = S(41, 2, 1 | 0x800, 0);
    var r = S(42, c, sockaddr(portOf(l)), 16);
    if (r !== 0 && r !== -115) die('connect', r);
    var a = S(43, l, null, null);
    if (a < 0) die('accept', a);
    S(72, a, 4, 0x800);
    var chunk = new Uint8Array(65536), sink = new Uint8Array(65536);
    for (var i = 0; i < chunk.length; i++) chunk[i] = i & 0xff;
    watch(c, 4, 1);
    watch(a, 1, 1);
    var sent = 0, got = 0, t0 = nowMs();
    while (got < bytes) {
        var n = S(232, ep, evs, 4, 5000);
        if (n <= 0) die('epoll_wait', n);
        while (sent < bytes) {
            var w = S(1, c, chunk, Math.min(chunk.length, bytes - sent));
            if (w === -11) break;
            if (w < 0) die('write', w);
            sent += w;
        }
        for (;;) {
            var k = S(0, a, sink, sink.length);
            if (k === -11) break;
            if (k <= 0) die('read', k);
            got += k;
        }
        if (sent >= bytes)
            watch(c, 0, 2);
    }
    var ms = nowMs() - t0;
    watch(a, 0, 2);
    S(3, c); S(3, a); S(3, l);
    return ms;
}

function udpRun(count) {
    var u1 = S(41, 2, 2, 0), u2 = S(41, 2, 2, 0);
    S(49, u1, sockaddr(0), 16);
    var to = sockaddr(portOf(u1));
    var msg = new Uint8Array(512), buf = new Uint8Array(2048);
    var t0 = nowMs();
    for (var i = 0; i < count; i++) {
        var w = S(44, u2, msg, msg.length, 0, to, 16);
        if (w !== msg.length) die('sendto', w);
        var r = S(45, u1, buf, buf.length, 0, null, null);
        if (r !== msg.length) die('recvfrom', r);
    }
    var ms = nowMs() - t0;
    S(3, u1); S(3, u2);
    return ms;
}

for (var run = 0; run < runs; run++) {
    var bytes = mib * 1048576;
    out('pass tcp ' + bytes + ' ' + tcpRun(bytes).toFixed(3) + '\n');
    out('pass udp 5000 ' + udpRun(5000).toFixed(3) + '\n');
}
S(231, 0);
