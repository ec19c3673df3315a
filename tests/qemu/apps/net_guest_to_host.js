// The guest of qemu.net_guest_to_host: a Node-style TCP client that
// connects out of the guest to a test server on the host, through QEMU's
// user networking with restrict=on and a guest forward
// (`tools/jsk run --guestfwd PORT:HOSTPORT`: the guest's connections to
// 10.0.2.100:PORT reach 127.0.0.1:HOSTPORT; docs/net.md, "Tests").
//
// QEMU's guest forward is one byte stream to the host server, shared by
// the guest's successive connections and never closed, so the exchange is
// framed and a connection gets no end of stream from the host: the guest
// sends "N SEED\n" and N bytes of the pattern below; the server checks
// them and answers "N\n" and the same bytes reversed, each plus 1 (mod
// 256). The guest checks every byte and prints one line per exchange. Two
// connections, one after the other, with the sizes of SIZES each.
//
// argv[2]: the port, argv[3]: the address (default 10.0.2.100).
'use strict';

var net = require('net');

var port = +(process.argv[2] || 7001);
var host = process.argv[3] || '10.0.2.100';
var SIZES = [1, 1460, 65536, 300001];
var CONNECTIONS = 2;
var CONNECT_TRIES = 120;     // ENETUNREACH until DHCP is done (milliseconds)
var RETRY_MS = 250;

function pattern(n, seed) {
    var b = Buffer.alloc(n);
    for (var i = 0; i < n; i++)
        b[i] = (i * 13 + seed * 7 + (i >>> 8)) & 0xff;
    return b;
}

// The first byte where `got` differs from what the server must answer for
// `sent`, or -1.
function firstWrong(sent, got) {
    if (got.length !== sent.length)
        return Math.min(got.length, sent.length);
    var n = sent.length;
    for (var i = 0; i < n; i++) {
        if (got[i] !== ((sent[n - 1 - i] + 1) & 0xff))
            return i;
    }
    return -1;
}

function fail(text) {
    console.log('FAIL ' + text);
    process.exit(1);
}

// Connects, retrying while the network is not configured yet.
function connect(tries, done) {
    var socket = net.connect(port, host);
    socket.once('connect', function () {
        socket.removeAllListeners('error');
        done(socket);
    });
    socket.once('error', function (err) {
        if (tries <= 1 || (err.code !== 'ENETUNREACH' && err.code !== 'ECONNREFUSED'))
            fail('connect to ' + host + ':' + port + ': ' + err.message);
        setTimeout(function () { connect(tries - 1, done); }, RETRY_MS);
    });
}

// One exchange on `socket`: sends the frame, reads the answer's frame.
function exchange(socket, size, seed, done) {
    var sent = pattern(size, seed);
    var parts = [];
    var have = 0;
    var want = -1;
    function onData(data) {
        parts.push(data);
        have += data.length;
        var all = Buffer.concat(parts);
        if (want < 0) {
            var nl = all.indexOf(10);
            if (nl < 0)
                return;
            want = +all.slice(0, nl).toString('latin1');
            all = all.slice(nl + 1);
            parts = [all];
            have = all.length;
        }
        if (have < want)
            return;
        if (have > want)
            fail('the server sent ' + (have - want) + ' bytes more than it said');
        socket.removeListener('data', onData);
        done(sent, Buffer.concat(parts));
    }
    socket.on('data', onData);
    socket.write(size + ' ' + seed + '\n');
    socket.write(sent);
}

function run(connection) {
    if (connection > CONNECTIONS) {
        console.log('net_guest_to_host: all passed');
        process.exit(0);
    }
    connect(CONNECT_TRIES, function (socket) {
        console.log('connection ' + connection + ': ' + socket.localAddress + ':' +
            socket.localPort + ' -> ' + socket.remoteAddress + ':' + socket.remotePort);
        socket.on('error', function (err) { fail('connection ' + connection + ': ' + err.message); });
        var k = 0;
        function next() {
            if (k === SIZES.length) {
                // The guest forward never closes its side (its host end is
                // QEMU's one stream), so no 'end' will come: the socket is
                // closed from here (a FIN goes out; all was answered).
                socket.destroy();
                run(connection + 1);
                return;
            }
            var size = SIZES[k++];
            exchange(socket, size, connection * 10 + k, function (sent, got) {
                var wrong = firstWrong(sent, got);
                if (wrong >= 0)
                    fail('connection ' + connection + ': ' + size + ' bytes sent, ' + got.length +
                        ' back, first wrong byte at ' + wrong);
                console.log('ok connection ' + connection + ': sent ' + size + ' bytes, got ' +
                    got.length + ' back, transformed right');
                next();
            });
        }
        next();
    });
}

run(1);
