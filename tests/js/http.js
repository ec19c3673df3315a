// http: servers and clients on 127.0.0.1 in one process; raw net peers
// check the bytes on the wire (status lines, framing, pipelining, errors).
'use strict';

var check = require('./lib/check.js');
var http = require('http');
var net = require('net');

check.equal(http.STATUS_CODES[404], 'Not Found', 'STATUS_CODES');
check.ok(http.METHODS.indexOf('GET') !== -1 && http.METHODS.length === 35, 'METHODS');

// Header checks, each twice: the names and values that passed are
// remembered (internal/http/token.js), and a bad one never is.
(function headerChecks() {
    var message = new http.OutgoingMessage();
    function code(fn) {
        try {
            fn();
        } catch (error) {
            return error.code;
        }
        return 'no error';
    }
    for (var round = 0; round < 2; round++) {
        message.setHeader('X-Good', 'text/plain');
        message.setHeader('X-Number', 13);
        check.equal(code(function () { message.setHeader('X Bad', 'v'); }),
            'ERR_INVALID_HTTP_TOKEN', 'a name with a space');
        check.equal(code(function () { message.setHeader('', 'v'); }),
            'ERR_INVALID_HTTP_TOKEN', 'an empty name');
        check.equal(code(function () { message.setHeader('X-Good', 'a\nb'); }),
            'ERR_INVALID_CHAR', 'a value with a newline');
        check.equal(code(function () { message.setHeader('X-Good', ['ok', 'a\rb']); }),
            'ERR_INVALID_CHAR', 'a newline in the second value');
    }
    check.equal(message.getHeader('x-good'), 'text/plain', 'the good header stays');
}());

var server = http.createServer(function (req, res) {
    var body = '';
    req.setEncoding('utf8');
    req.on('data', function (d) { body += d; });
    req.on('end', function () {
        if (req.url === '/echo') {
            res.setHeader('X-Method', req.method);
            res.setHeader('Set-Cookie', ['a=1', 'b=2']);
            check.equal(res.getHeader('x-method'), req.method, 'getHeader');
            check.ok(res.hasHeader('X-METHOD'), 'hasHeader');
            check.deepEqual(res.getHeaderNames(), ['x-method', 'set-cookie'], 'getHeaderNames');
            res.end(JSON.stringify({ body: body, headers: req.headers, raw: req.rawHeaders,
                version: req.httpVersion, url: req.url }));
        } else if (req.url === '/chunked') {
            res.write('abc');
            res.write(Buffer.from('defg'));
            res.end('h');
        } else if (req.url === '/status') {
            res.writeHead(418, ['X-A', '1', 'X-A', '2']);
            check.equal(res.headersSent, true, 'headersSent');
            check.throws(function () { res.setHeader('X-B', 'late'); },
                /Cannot set headers after they are sent/, 'setHeader after head');
            res.end();
        } else if (req.url === '/onewrite') {
            // unode's end(body) hands head and body to the socket in one
            // write, with 'finish' on it (Node writes an empty string after
            // them for that), and does not go through res.write (Node's end
            // calls its internal write too).
            var writes = 0, socket = res.socket, socketWrite = socket.write;
            socket.write = function () {
                writes++;
                return socketWrite.apply(this, arguments);
            };
            res.write = function () { throw new Error('end() called res.write'); };
            res.on('finish', function () {
                socket.write = socketWrite;
                check.equal(writes, 1, 'end(body): one socket write, then finish');
            });
            res.end('one write');
        } else if (req.url === '/large') {
            // A body above the size the head is joined with: head and body
            // go as two socket writes, the head first, 'finish' after both.
            var writesLarge = 0, socketLarge = res.socket, socketWriteLarge = socketLarge.write;
            socketLarge.write = function () {
                writesLarge++;
                return socketWriteLarge.apply(this, arguments);
            };
            res.on('finish', function () {
                socketLarge.write = socketWriteLarge;
                check.equal(writesLarge, 2, 'end(large body): head and body apart');
            });
            res.setHeader('Content-Length', LARGE.length);
            res.end(LARGE);
        } else if (req.url === '/sum') {
            res.end(body.length + ' ' + checksumOf(Buffer.from(body, 'utf8')));
        } else if (req.url === '/nocontent') {
            res.statusCode = 204;
            res.end();
        } else {
            res.writeHead(404, 'Nope', { 'Content-Type': 'text/plain' });
            res.end('no ' + req.url);
        }
    });
});

// 200,000 bytes, each one's value from its position, so a lost, doubled or
// shifted piece shows.
var LARGE = Buffer.alloc(200000);
for (var at = 0; at < LARGE.length; at++)
    LARGE[at] = 0x41 + (at * 7 + (at >> 10)) % 26;
function checksumOf(bytes) {
    var sum = 0;
    for (var i = 0; i < bytes.length; i++)
        sum = (sum * 31 + bytes[i]) >>> 0;
    return sum;
}

var port = 0;
var tests = [clientEcho, keepAliveReuse, chunkedUpload, rawStatusLines, rawPipelining,
    rawBadRequest, rawChunkedResponse, rawUntilClose, agentFalse, backPressure, rawOneWrite,
    rawExpectContinue, rawLargeBody, largeUpload];
function runNext() {
    var test = tests.shift();
    if (test)
        test(runNext);
    else
        server.close(check.expectCall('server closed'));
}

server.listen(0, '127.0.0.1', function () {
    port = server.address().port;
    runNext();
});

function collect(res, callback) {
    var body = '';
    res.setEncoding('utf8');
    res.on('data', function (d) { body += d; });
    res.on('end', function () { callback(body); });
}

function clientEcho(done) {
    var req = http.request({ host: '127.0.0.1', port: port, path: '/echo', method: 'POST',
        headers: { 'X-Dup': 'one', 'Content-Type': 'text/plain' } });
    req.setHeader('x-dup', ['one', 'two']);
    req.on('response', check.expectCall('echo response', function (res) {
        check.equal(res.statusCode, 200, 'statusCode');
        check.equal(res.statusMessage, 'OK', 'statusMessage');
        check.equal(res.httpVersion, '1.1', 'httpVersion');
        check.deepEqual(res.headers['set-cookie'], ['a=1', 'b=2'], 'set-cookie array');
        check.equal(res.headers['x-method'], 'POST', 'custom header');
        check.equal(res.headers.connection, 'keep-alive', 'keep-alive by default');
        check.equal(res.headers['keep-alive'], 'timeout=5', 'Keep-Alive timeout');
        collect(res, function (body) {
            var echoed = JSON.parse(body);
            check.equal(echoed.body, 'hello world', 'request body');
            check.equal(echoed.headers['x-dup'], 'one, two', 'duplicates joined');
            check.equal(echoed.headers.host, '127.0.0.1:' + port, 'Host header');
            check.equal(echoed.headers['transfer-encoding'], 'chunked', 'chunked upload');
            check.ok(echoed.raw.indexOf('Content-Type') !== -1, 'rawHeaders keep the case');
            check.equal(echoed.raw[echoed.raw.indexOf('x-dup') + 3], 'two',
                'rawHeaders keep each line');
            check.equal(echoed.version, '1.1', 'request version');
            done();
        });
    }));
    req.write('hello ');
    req.end('world');
}

// The second request goes over the first one's connection (agent keep-alive).
function keepAliveReuse(done) {
    var firstSocket = null;
    http.get({ host: '127.0.0.1', port: port, path: '/chunked' }, function (res) {
        firstSocket = res.socket;
        check.equal(res.headers['transfer-encoding'], 'chunked', 'chunked response');
        collect(res, function (body) {
            check.equal(body, 'abcdefgh', 'chunked body decoded');
            setImmediate(function () {
                var req = http.get('http://127.0.0.1:' + port + '/nocontent', function (res2) {
                    check.equal(res2.statusCode, 204, '204');
                    check.equal(req.reusedSocket, true, 'socket reused');
                    check.equal(res2.socket, firstSocket, 'same socket');
                    collect(res2, function (body2) {
                        check.equal(body2, '', '204 has no body');
                        done();
                    });
                });
            });
        });
    });
}

function chunkedUpload(done) {
    var req = http.request({ host: '127.0.0.1', port: port, path: '/missing', method: 'PUT' },
        function (res) {
            check.equal(res.statusCode, 404, '404');
            check.equal(res.statusMessage, 'Nope', 'custom reason');
            collect(res, function (body) {
                check.equal(body, 'no /missing', '404 body');
                done();
            });
        });
    for (var i = 0; i < 5; i++)
        req.write('x');
    req.end();
}

// A raw client: the bytes the server sends, exactly.
function raw(request, callback) {
    var socket = net.connect(port, '127.0.0.1', function () { socket.end(request); });
    var data = '';
    socket.setEncoding('latin1');
    socket.on('data', function (d) { data += d; });
    socket.on('close', function () {
        callback(data.replace(/\r\nDate: [^\r]*/g, ''));
    });
}

function rawStatusLines(done) {
    raw('GET /status HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', function (data) {
        check.equal(data, 'HTTP/1.1 418 I\'m a Teapot\r\nX-A: 1\r\nX-A: 2\r\n' +
            'Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', '418 bytes');
        raw('HEAD /echo HTTP/1.0\r\n\r\n', function (head) {
            check.ok(/^HTTP\/1\.1 200 OK\r\n/.test(head), 'HEAD status');
            check.ok(/Connection: close\r\n/.test(head), 'HTTP/1.0 closes');
            check.ok(/\r\n\r\n$/.test(head), 'HEAD has no body');
            done();
        });
    });
}

function rawOneWrite(done) {
    raw('GET /onewrite HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', function (data) {
        check.equal(data, 'HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 9\r\n\r\n' +
            'one write', 'end(body): the head and the body');
        done();
    });
}

function rawLargeBody(done) {
    raw('GET /large HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', function (data) {
        var head = 'HTTP/1.1 200 OK\r\nContent-Length: 200000\r\nConnection: close\r\n\r\n';
        check.equal(data.slice(0, head.length), head, 'large body: the head first, once');
        check.equal(data.length, head.length + LARGE.length, 'large body: every byte');
        check.ok(data.slice(head.length) === LARGE.toString('latin1'), 'large body: in order');
        done();
    });
}

// A request body above the join size, ended before the socket connects:
// head and body wait in the outbox, in order.
function largeUpload(done) {
    var req = http.request({ host: '127.0.0.1', port: port, path: '/sum', method: 'POST',
        headers: { 'Content-Length': LARGE.length } }, function (res) {
        collect(res, function (body) {
            check.equal(body, LARGE.length + ' ' + checksumOf(LARGE), 'large upload arrived whole');
            done();
        });
    });
    req.end(LARGE);
}

function rawExpectContinue(done) {
    raw('POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n' +
        'Connection: close\r\n\r\nhi', function (data) {
        check.equal(data.indexOf('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n'), 0,
            'Expect: 100-continue gets 100 Continue before the answer');
        check.ok(data.indexOf('"body":"hi"') > 0, 'and the body was read');
        done();
    });
}

function rawPipelining(done) {
    raw('GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n', function (data) {
        var first = data.indexOf('no /a');
        var second = data.indexOf('no /b');
        check.ok(first > 0 && second > first, 'pipelined responses in order');
        check.equal(data.split('HTTP/1.1 404 Nope').length, 3, 'two responses');
        done();
    });
}

function rawBadRequest(done) {
    raw('NOT A REQUEST\r\n\r\n', function (data) {
        check.equal(data, 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n', '400');
        var huge = 'GET / HTTP/1.1\r\nX-Big: ' + new Array(20000).join('x') + '\r\n\r\n';
        raw(huge, function (data2) {
            check.equal(data2, 'HTTP/1.1 431 Request Header Fields Too Large\r\n' +
                'Connection: close\r\n\r\n', '431');
            done();
        });
    });
}

// A raw server: chunk extensions and trailers in a chunked response.
function rawServer(reply, onRequest) {
    var rawSrv = net.createServer(function (socket) {
        socket.once('data', function () {
            socket.end(reply);
        });
    });
    rawSrv.listen(0, '127.0.0.1', function () {
        http.get({ host: '127.0.0.1', port: rawSrv.address().port, agent: false }, function (res) {
            collect(res, function (body) {
                rawSrv.close();
                onRequest(res, body);
            });
        });
    });
}

function rawChunkedResponse(done) {
    rawServer('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' +
        '3;ext=1\r\nabc\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n', function (res, body) {
        check.equal(body, 'abc0123456789', 'chunk extensions and trailers');
        done();
    });
}

function rawUntilClose(done) {
    rawServer('HTTP/1.0 200 OK\r\nContent-Type: x\r\n\r\nall until close', function (res, body) {
        check.equal(res.httpVersion, '1.0', 'HTTP/1.0 response');
        check.equal(body, 'all until close', 'body runs to the end of the connection');
        done();
    });
}

function agentFalse(done) {
    http.get({ host: '127.0.0.1', port: port, path: '/echo', agent: false }, function (res) {
        collect(res, function (body) {
            check.equal(JSON.parse(body).headers.connection, 'close', 'agent: false closes');
            check.equal(res.headers.connection, 'close', 'the server closes too');
            done();
        });
    });
}

// 4 MiB uploaded to a handler that pauses the request: the socket pauses
// (the body buffer stays bounded) and the client's writes wait for 'drain'.
function backPressure(done) {
    var slow = http.createServer(function (req, res) {
        req.pause();
        setTimeout(function () {
            check.equal(req.socket.isPaused(), true, 'socket paused behind a full body');
            check.ok(req.readableLength <= 65536, 'body buffer bounded');
            var total = 0;
            req.on('data', function (d) { total += d.length; });
            req.on('end', function () { res.end(String(total)); });
            req.resume();
        }, 50);
    });
    slow.listen(0, '127.0.0.1', function () {
        var req = http.request({ host: '127.0.0.1', port: slow.address().port, method: 'POST',
            agent: false }, function (res) {
            collect(res, function (body) {
                check.equal(body, String(64 * 65536), 'all bytes arrived');
                check.ok(drains > 0, 'request writes waited for drain');
                slow.close(done);
            });
        });
        var chunk = Buffer.alloc(65536);
        var sent = 0;
        var drains = 0;
        function pump() {
            while (sent < 64) {
                sent++;
                if (!req.write(chunk)) {
                    req.once('drain', function () { drains++; pump(); });
                    return;
                }
            }
            req.end();
        }
        pump();
    });
}

(function parserFindsTheHeadEnd() {
    // The head ends at the first CRLF CRLF, wherever CRs and LFs sit around
    // it (the parser skips ahead by Horspool's rule): random header values
    // full of lone CRs and LFs, body bytes that look like CRLFs, fed whole
    // and one byte at a time.
    var HTTPParser = require('../../stdlib/node/internal/http/parser.js');
    var seed = 99;
    function rand(n) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
    }
    var alphabet = ['a', 'b', ' ', '\r', '\n', '\r\r', '\n\n'];
    var wrong = 0;
    for (var round = 0; round < 300; round++) {
        var value = '';
        for (var k = rand(12); k > 0; k--) {
            var piece = alphabet[rand(alphabet.length)];
            // a header value may not hold CR LF (that would end the line)
            if (!(piece.charAt(0) === '\n' && value.charAt(value.length - 1) === '\r'))
                value += piece;
        }
        value = value.replace(/^[\r\n ]+|[\r\n]+$/g, '').replace(/\r\n/g, '');
        var body = 'x\r\n\r\n'.slice(0, rand(6));
        var text = 'POST /p' + round + ' HTTP/1.1\r\nX-V: v' + value + '\r\nContent-Length: ' +
            body.length + '\r\n\r\n' + body;
        [true, false].forEach(function (whole) {
            var got = null, gotBody = '';
            var p = new HTTPParser('request');
            p.onHeaders = function (info) { got = info; };
            p.onBody = function (b) { gotBody += b.toString('latin1'); };
            p.onComplete = function () {};
            var bytes = Buffer.from(text, 'latin1');
            var r = null;
            if (whole)
                r = p.feed(bytes);
            else
                for (var i = 0; i < bytes.length && !(r instanceof Error); i++)
                    r = p.feed(bytes.subarray(i, i + 1));
            if (r instanceof Error || got === null || got.url !== '/p' + round || gotBody !== body)
                wrong++;
        });
    }
    check.equal(wrong, 0, 'the head ends at the first blank line, fed whole or byte by byte');
})();

(function requestLinesRemembered() {
    // Parsed request lines are remembered by their text (parser.js): a
    // repeat gives the same fields, and a bad line after good ones is
    // still an error.
    var HTTPParser = require('../../stdlib/node/internal/http/parser.js');
    function parse(line) {
        var got = null, p = new HTTPParser('request');
        p.onHeaders = function (info) { got = info; };
        p.onBody = function () {};
        p.onComplete = function () {};
        var r = p.feed(Buffer.from(line + '\r\nHost: x\r\n\r\n', 'latin1'));
        if (r instanceof Error)
            return r.code;
        got.method += '!';  // the info is the request's own: changing it changes no other
        return got.method + ' ' + got.url + ' ' + got.versionMajor + '.' + got.versionMinor;
    }
    var lines = ['GET / HTTP/1.1', 'GET / HTTP/1.1', 'PUT /a?b HTTP/1.0', 'GET  / HTTP/1.1',
        'get / HTTP/1.1', 'GET / HTTP/1.1', 'GET / HTTP/1.12', 'PUT /a?b HTTP/1.0'];
    check.equal(lines.map(parse).join(' | '),
        'GET! / 1.1 | GET! / 1.1 | PUT! /a?b 1.0 | HPE_INVALID_VERSION | get! / 1.1 | ' +
        'GET! / 1.1 | HPE_INVALID_VERSION | PUT! /a?b 1.0', 'request lines, again and again');
})();

(function lowerCaseNames() {
    // Header names lower-cased through token.lowerCase, remembered per
    // spelling: the same answers as toLowerCase, again and again.
    var lowerCase = require('../../stdlib/node/internal/http/token.js').lowerCase;
    var names = ['Content-Length', 'content-length', 'X-ÄÖ', '__proto__', 'constructor', 'HOST'];
    for (var round = 0; round < 2; round++) {
        names.forEach(function (n) {
            check.equal(lowerCase(n), n.toLowerCase(), 'lowerCase(' + n + '), round ' + round);
        });
    }
}());
