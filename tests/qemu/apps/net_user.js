// A TCP server on the guest's NIC: the e1000 driver, DHCP from QEMU's user
// networking (restrict=on), and the host connecting through a host forward
// (tools/jsk run --forward HOSTPORT:7000; qemu.net_user_tcp). Each
// connection gets back "echo: " and what it sent, in upper case; after
// `count` connections (argv[0], default 1) the program exits 0.
'use strict';

var S = require('sys').syscall;
var argv = require('native:engine').options.argv;
var count = +(argv[argv.length - 1]) || 1;
function out(t) { S(1, 1, t, t.length); }
function dotted(sa) { return Array.prototype.slice.call(sa, 4, 8).join('.'); }

var l = S(41, 2, 1, 0);
var any = new Uint8Array(16);
any[0] = 2;
any[2] = 7000 >> 8;
any[3] = 7000 & 0xff;
var r = S(49, l, any, 16);
r = r || S(50, l, 4);
if (r < 0) {
    out('bind/listen failed: ' + r + '\n');
    S(231, 1);
}
out('listening on 0.0.0.0:7000\n');
var buf = new Uint8Array(4096);
for (var i = 0; i < count; i++) {
    var peer = new Uint8Array(16), len = new Int32Array([16]);
    var a = S(43, l, peer, len);
    if (a < 0) {
        out('accept failed: ' + a + '\n');
        S(231, 1);
    }
    var mine = new Uint8Array(16);
    S(51, a, mine, new Int32Array([16]));
    out('accepted ' + dotted(peer) + ' -> ' + dotted(mine) + ':' +
        ((mine[2] << 8) | mine[3]) + '\n');
    // Read until the client half-closes, then answer.
    var got = [];
    for (;;) {
        var n = S(0, a, buf, buf.length);
        if (n <= 0)
            break;
        for (var j = 0; j < n; j++)
            got.push(buf[j]);
    }
    var text = String.fromCharCode.apply(null, got).toUpperCase();
    var reply = 'echo: ' + text;
    var w = S(1, a, reply, reply.length);
    out('connection ' + (i + 1) + ': ' + got.length + ' bytes in, ' + w + ' out\n');
    S(3, a);
}
S(3, l);
// Exits at once: exit_group lets the last bytes leave first (docs/net.md).
out('done\n');
S(231, 0);
