// The guest of qemu.http_curl: an http server written as for Node (it runs
// as well under `node` or `build/unode`), on bare metal behind
// `tools/jsk run --forward HOSTPORT:PORT`, driven from the host by curl.
//
//   GET /bytes/N    N bytes of the pattern (Content-Length), written in
//                   pieces of PERIOD bytes with backpressure ('drain')
//   HEAD /bytes/N   the same head, no body
//   GET /chunked    no Content-Length: CHUNKS pieces written over time, so
//                   the body goes in chunked transfer encoding
//   POST /echo      the request body back (Content-Length)
//   GET /quit       answers, then closes the server: the program ends, 0
//   GET /tcp-stats  on bare metal, the JS TCP stack's counters as JSON
//                   (404 elsewhere): how many connections it opened
//   anything else   404 with a short text body
//
// The pattern: byte i of a body is block[i % PERIOD], block made by the
// Lehmer generator below (the host makes the same bytes in
// net_http.py). PERIOD is a prime, so a lost, repeated or shifted TCP
// segment (1460 bytes) or 64 KiB block changes the host's hash.
//
// argv[2]: the port (default 8080).
'use strict';

var http = require('http');

var PERIOD = 65521;
var CHUNKS = ['first chunk\n', 'the second, a little longer\n', 'x', 'last\n'];

function makeBlock() {
    var block = Buffer.alloc(PERIOD);
    var x = 1;
    for (var i = 0; i < PERIOD; i++) {
        x = (x * 48271) % 2147483647;   // Park and Miller's; exact in a double
        block[i] = (x >>> 8) & 0xff;
    }
    return block;
}
var block = makeBlock();

var port = +(process.argv[2] || 8080);
var served = 0;

// Writes n bytes of the pattern, waiting for 'drain' whenever the socket's
// buffer is full, as a Node program streaming a big body does.
function sendPattern(res, n) {
    var sent = 0;
    function pump() {
        while (sent < n) {
            var len = Math.min(PERIOD, n - sent);
            sent += len;
            if (!res.write(block.slice(0, len))) {
                res.once('drain', pump);
                return;
            }
        }
        res.end();
    }
    pump();
}

function sendChunked(res) {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    var k = 0;
    function next() {
        if (k === CHUNKS.length) {
            res.end();
            return;
        }
        res.write(CHUNKS[k++]);
        setTimeout(next, 20);
    }
    next();
}

// The counters of the stack behind the socket calls (js-drivers/net):
// only on bare metal; null under node or build/unode.
function tcpStats() {
    try {
        var machine = require('/js-drivers/net/socket_syscalls.js').current();
        return machine && machine.stack ? machine.stack.tcp.stats : null;
    } catch (e) {
        return null;
    }
}

function sendText(res, status, text, extra) {
    var headers = { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) };
    for (var name in extra || {})
        headers[name] = extra[name];
    res.writeHead(status, headers);
    res.end(text);
}

var server = http.createServer(function (req, res) {
    served++;
    var m = /^\/bytes\/(\d+)$/.exec(req.url);
    if (m && (req.method === 'GET' || req.method === 'HEAD')) {
        var n = +m[1];
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': n });
        if (req.method === 'HEAD')
            res.end();
        else
            sendPattern(res, n);
    } else if (req.url === '/chunked' && req.method === 'GET') {
        sendChunked(res);
    } else if (req.url === '/echo' && req.method === 'POST') {
        var parts = [];
        req.on('data', function (chunk) { parts.push(chunk); });
        req.on('end', function () {
            var body = Buffer.concat(parts);
            res.writeHead(200, { 'Content-Type': 'application/octet-stream',
                'Content-Length': body.length });
            res.end(body);
        });
    } else if (req.url === '/tcp-stats' && tcpStats()) {
        sendText(res, 200, JSON.stringify(tcpStats()) + '\n');
    } else if (req.url === '/quit') {
        res.on('finish', function () { server.close(); });
        sendText(res, 200, 'bye\n', { 'Connection': 'close' });
    } else {
        sendText(res, 404, 'not found: ' + req.method + ' ' + req.url + '\n');
    }
});

server.on('close', function () {
    console.log('http_server: closed after ' + served + ' requests');
    process.exit(0);
});

server.listen(port, function () {
    console.log('http_server: listening on port ' + port);
});
