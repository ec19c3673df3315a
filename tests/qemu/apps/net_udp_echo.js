// The guest of qemu.net_udp_echo: UDP with unode's dgram, as a Node
// program would use it.
//
// - An echo server on UDP port 7002: every datagram goes back to its
//   sender as it came, after its bytes are checked (one line each).
// - With a host and port in argv, a client too: it sends one datagram of
//   each size in SIZES to host:port, waits for the echo (resending every
//   RESEND_MS, a bounded number of times: UDP may lose them), checks its
//   bytes and prints one line each.
//
// A datagram is a 4-byte big-endian sequence number, then byte i (from the
// start) = (seq * 31 + i) & 0xff. The host ends the program with the
// sequence number 0xffffffff; it exits 0 once that came and the client (if
// any) is done, 1 on any wrong byte.
//
// argv[2]: the server's port (default 7002); argv[3], argv[4]: the host
// echo server's address and port (optional).
'use strict';

var dgram = require('dgram');

var serverPort = +(process.argv[2] || 7002);
var echoHost = process.argv[3];
var echoPort = +(process.argv[4] || 0);
var SIZES = [4, 100, 1000, 1472];
var RESEND_MS = 500;
var TRIES = 120;       // ENETUNREACH until DHCP is done, and losses
var QUIT = 0xffffffff;

var quitSeen = false;
var clientDone = !echoHost;

function datagram(seq, size) {
    var b = Buffer.alloc(size);
    b.writeUInt32BE(seq, 0);
    for (var i = 4; i < size; i++)
        b[i] = (seq * 31 + i) & 0xff;
    return b;
}

function intact(msg) {
    if (msg.length < 4)
        return false;
    var seq = msg.readUInt32BE(0);
    for (var i = 4; i < msg.length; i++) {
        if (msg[i] !== ((seq * 31 + i) & 0xff))
            return false;
    }
    return true;
}

function fail(text) {
    console.log('FAIL ' + text);
    process.exit(1);
}

function maybeExit() {
    if (quitSeen && clientDone) {
        console.log('net_udp_echo: all passed');
        process.exit(0);
    }
}

var server = dgram.createSocket('udp4');
server.on('error', function (err) { fail('server: ' + err.message); });
server.on('message', function (msg, rinfo) {
    var seq = msg.length >= 4 ? msg.readUInt32BE(0) : -1;
    if (seq === QUIT) {
        quitSeen = true;
        maybeExit();
        return;
    }
    if (!intact(msg))
        fail('datagram of ' + msg.length + ' bytes from ' + rinfo.address + ' is damaged');
    console.log('received seq ' + seq + ': ' + msg.length + ' bytes from ' + rinfo.address +
        ', intact');
    server.send(msg, rinfo.port, rinfo.address, function (err) {
        // A datagram can arrive while DHCP is still under way (an
        // unconfigured interface takes everything); no answer can leave yet.
        if (err && err.code !== 'ENETUNREACH')
            fail('echo to ' + rinfo.address + ':' + rinfo.port + ': ' + err.message);
    });
});
server.bind(serverPort, function () {
    console.log('net_udp_echo: echo server on port ' + serverPort);
    if (echoHost)
        client();
});

// Sends SIZES[k] (seq 1000 + k) until its echo comes back.
function client() {
    var socket = dgram.createSocket('udp4');
    var k = 0;
    var tries = 0;
    var timer = null;
    function send() {
        if (k === SIZES.length) {
            socket.close();
            clientDone = true;
            maybeExit();
            return;
        }
        if (++tries > TRIES)
            fail('no echo of ' + SIZES[k] + ' bytes from ' + echoHost + ':' + echoPort);
        socket.send(datagram(1000 + k, SIZES[k]), echoPort, echoHost, function (err) {
            if (err && err.code !== 'ENETUNREACH')
                fail('send to ' + echoHost + ':' + echoPort + ': ' + err.message);
        });
        timer = setTimeout(send, RESEND_MS);
    }
    socket.on('error', function (err) {
        if (err.code !== 'ENETUNREACH')
            fail('client: ' + err.message);
    });
    socket.on('message', function (msg, rinfo) {
        if (k === SIZES.length || msg.length < 4 || msg.readUInt32BE(0) !== 1000 + k)
            return;   // a late duplicate of an earlier echo
        if (!msg.equals(datagram(1000 + k, SIZES[k])))
            fail('the echo of ' + SIZES[k] + ' bytes from ' + rinfo.address + ' differs');
        console.log('ok echo from ' + rinfo.address + ':' + rinfo.port + ': ' + msg.length +
            ' bytes, intact');
        clearTimeout(timer);
        k++;
        tries = 0;
        send();
    });
    send();
}
