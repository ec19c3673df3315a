// `jsk bench http`'s guest program: a Node-style http server written for
// unode (it runs as well under `node` or `build/unode`), listening on the
// port given as argv (default 8080). Routes:
//   /         a 13-byte "hello, world\n" (what wrk asks for)
//   /16m      16 MiB in 256 blocks of 64 KiB: byte k of a block is
//             (k * 7) & 0xff but its first 4 bytes hold the block's number
//             (big-endian), so a shifted, lost or repeated block shows on
//             the host, which hashes the same bytes
//   /quit     answers, then closes the server so the program ends (status 0)
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

var server = http.createServer(function (req, res) {
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
