// `jsk bench http`'s guest program: a Node-style http server written for
// unode (it runs as well under `node` or `build/unode`), listening on the
// port given as argv (default 8080). Routes:
//   /         a 13-byte "hello, world\n" (what wrk asks for)
//   /16m      16 MiB in 256 blocks of 64 KiB: byte k of a block is
//             (k * 7) & 0xff but its first 4 bytes hold the block's number
//             (big-endian), so a shifted, lost or repeated block shows on
//             the host, which hashes the same bytes
//   /quit     answers, then closes the server so the program ends (status 0)
//   /clock    with --clock before the port: "<ms> <n>", the n requests
//             since the last /clock and the guest time from the first's
//             start to the last's end (under QEMU's -icount shift=0 a guest
//             ns is an instruction: `jsk bench http --icount`)
'use strict';

var http = require('http');

var port = +process.argv[process.argv.length - 1] || 8080;
var BIG = 16 * 1024 * 1024;
var BLOCK = 65536;
var big = Buffer.alloc(BIG);
for (var k = 0; k < BLOCK; k++)
    big[k] = (k * 7) & 0xff;
for (var at = BLOCK; at < BIG; at += BLOCK)
    big.copy(big, at, 0, BLOCK);
for (var b = 0; b < BIG / BLOCK; b++)
    big.writeUInt32BE(b, b * BLOCK);

// The phase clock costs as little as it can, since its cost counts in
// every request it times: Date.now() (a native call; whole milliseconds,
// against phases of seconds) and one shared 'finish' listener. It was two
// process.hrtime() calls (system calls, 41,000 instructions each until
// November 2026, 16,000 after) and a closure per request.
var timing = process.argv.indexOf('--clock') >= 0;
var phase = { first: -1, last: -1, count: 0 };
function answered() { phase.last = Date.now(); }

var server = http.createServer(function (req, res) {
    if (timing && req.url === '/clock') {
        var span = phase.count > 0 ? phase.last - phase.first : 0;
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end(span.toFixed(3) + ' ' + phase.count + '\n');
        phase = { first: -1, last: -1, count: 0 };
        return;
    }
    if (timing) {
        if (phase.first < 0)
            phase.first = Date.now();
        phase.count++;
        res.on('finish', answered);
    }
    if (req.url === '/16m') {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': BIG });
        res.end(big);
    } else if (req.url === '/quit') {
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Connection': 'close' });
        res.end('bye\n');
        server.close();
    } else {
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': 13 });
        res.end('hello, world\n');
    }
});
server.listen(port, function () {
    console.log('listening on ' + port);
});
