// net: a server and clients on 127.0.0.1 in one process: echo both ways,
// event order, half-open, errors shaped like Node's, timeouts, a large
// transfer through back-pressure, maxConnections, isIP.
'use strict';

var check = require('./lib/check.js');
var net = require('net');

// isIP family
check.equal(net.isIP('127.0.0.1'), 4, 'isIP v4');
check.equal(net.isIP('::1'), 6, 'isIP v6');
check.equal(net.isIP('fe80::1%eth0'), 6, 'isIP v6 zone');
check.equal(net.isIP('1:2:3:4:5:6:7:8'), 6, 'isIP v6 full');
check.equal(net.isIP('::ffff:1.2.3.4'), 6, 'isIP v6 v4 tail');
check.equal(net.isIP('1:2:3:4:5:6:7:8:9'), 0, 'isIP v6 too long');
check.equal(net.isIP('256.0.0.1'), 0, 'isIP bad v4');
check.equal(net.isIP('01.2.3.4'), 0, 'isIP leading zero');
check.equal(net.isIP('example.com'), 0, 'isIP name');
check.ok(net.isIPv4('10.0.2.15') && !net.isIPv4('::1'), 'isIPv4');
check.ok(net.isIPv6('::') && !net.isIPv6('1.2.3.4'), 'isIPv6');

var steps = [];
function step(name) { steps.push(name); }

var tests = [echo, refused, halfOpen, bigTransfer, oneLargeWrite, timeout, timeoutRestarts,
    timeoutOffWhilePending, maxConnections, listenErrors];
function runNext() {
    var test = tests.shift();
    if (test)
        test(runNext);
}

// Echo: event order on both sides, addresses and counters.
function echo(done) {
    var serverClosed = false;
    var clientClosed = false;
    // Which side's event comes first between the two sides depends on the
    // order epoll reports the fds in; each side's own order is fixed.
    function finish() {
        if (!serverClosed || !clientClosed)
            return;
        function side(prefix) {
            return steps.filter(function (s) { return s.indexOf(prefix) === 0; });
        }
        check.deepEqual(side('server'), ['server connection', 'server data hello', 'server end',
            'server close false'], 'server event order');
        check.deepEqual(side('client'), ['client connect', 'client data echo:hello',
            'client end', 'client close false'], 'client event order');
        check.equal(steps[0], 'listening', 'listening first');
        done();
    }
    var server = net.createServer(function (socket) {
        step('server connection');
        check.equal(socket.remoteAddress, '127.0.0.1', 'remoteAddress');
        check.equal(socket.remoteFamily, 'IPv4', 'remoteFamily');
        check.equal(socket.localPort, server.address().port, 'localPort');
        socket.on('data', function (data) {
            step('server data ' + data);
            socket.write('echo:' + data);
        });
        socket.on('end', function () { step('server end'); });
        socket.on('close', function (hadError) {
            step('server close ' + hadError);
            server.getConnections(function (err, count) {
                check.equal(count, 0, 'no connections left');
                server.close(check.expectCall('server close cb', function (err2) {
                    check.equal(err2, undefined, 'close without error');
                    serverClosed = true;
                    finish();
                }));
            });
        });
    });
    check.equal(server.listening, false, 'not listening yet');
    server.listen(0, '127.0.0.1', check.expectCall('listening', function () {
        step('listening');
        check.equal(server.listening, true, 'listening');
        var address = server.address();
        check.equal(address.address, '127.0.0.1', 'server address');
        check.equal(address.family, 'IPv4', 'server family');
        check.ok(address.port > 0, 'port 0 became a real port');
        var client = net.connect(address.port, '127.0.0.1', function () {
            step('client connect');
            check.equal(client.remotePort, address.port, 'client remotePort');
            check.equal(client.readyState, 'open', 'readyState open');
            client.write('hello');
        });
        check.equal(client.connecting, true, 'connecting');
        check.equal(client.readyState, 'opening', 'readyState opening');
        client.setEncoding('utf8');
        client.setNoDelay(true);
        client.on('data', function (data) {
            step('client data ' + data);
            check.equal(typeof data, 'string', 'setEncoding gives strings');
            client.end();
        });
        client.on('end', function () { step('client end'); });
        client.on('close', function (hadError) {
            step('client close ' + hadError);
            check.equal(client.bytesRead, 10, 'bytesRead');
            check.equal(client.bytesWritten, 5, 'bytesWritten');
            clientClosed = true;
            finish();
        });
    }));
}

// A refused connection: Node's error shape, 'close' with hadError.
function refused(done) {
    var probe = net.createServer();
    probe.listen(0, '127.0.0.1', function () {
        var port = probe.address().port;
        probe.close(function () {
            var socket = net.createConnection({ port: port, host: '127.0.0.1' });
            socket.on('connect', function () { check.fail('connected to a closed port'); });
            socket.on('error', check.expectCall('refused error', function (error) {
                check.equal(error.message, 'connect ECONNREFUSED 127.0.0.1:' + port, 'message');
                check.equal(error.code, 'ECONNREFUSED', 'code');
                check.equal(error.errno, -111, 'errno');
                check.equal(error.syscall, 'connect', 'syscall');
                check.equal(error.address, '127.0.0.1', 'address');
                check.equal(error.port, port, 'port');
            }));
            socket.on('close', check.expectCall('refused close', function (hadError) {
                check.equal(hadError, true, 'hadError');
                done();
            }));
        });
    });
}

// allowHalfOpen: the server reads the client's FIN, keeps writing, then ends.
function halfOpen(done) {
    var server = net.createServer({ allowHalfOpen: true }, function (socket) {
        var received = '';
        socket.on('data', function (d) { received += d; });
        socket.on('end', function () {
            check.equal(received, 'question', 'server read before FIN');
            setTimeout(function () {
                socket.end('answer after FIN');  // still writable
            }, 10);
        });
    });
    server.listen(0, '127.0.0.1', function () {
        var client = net.connect({ port: server.address().port, host: '127.0.0.1',
            allowHalfOpen: true });
        var reply = '';
        client.on('connect', function () { client.end('question'); });
        client.on('data', function (d) { reply += d; });
        client.on('end', check.expectCall('half-open end', function () {
            check.equal(reply, 'answer after FIN', 'reply after half-close');
        }));
        client.on('close', function () { server.close(done); });
    });
}

// 4 MiB each way through a paused reader: back-pressure and 'drain'.
function bigTransfer(done) {
    var SIZE = 4 * 1024 * 1024;
    var server = net.createServer(function (socket) {
        var total = 0;
        var sum = 0;
        socket.pause();
        setTimeout(function () { socket.resume(); }, 50);  // let the sender block
        socket.on('data', function (d) {
            // Chunks arrive cut anywhere: sample the bytes at absolute
            // offsets that are multiples of 4096, as the sender summed them.
            for (var i = (4096 - total % 4096) % 4096; i < d.length; i += 4096)
                sum = (sum + d[i]) % 65521;
            total += d.length;
        });
        socket.on('end', function () {
            check.equal(total, SIZE, 'all bytes arrived');
            socket.end(String(sum));
        });
    });
    server.listen(0, '127.0.0.1', function () {
        var client = net.connect(server.address().port, '127.0.0.1');
        var chunk = Buffer.alloc(65536);
        var sent = 0;
        var expected = 0;
        var drains = 0;
        function pump() {
            while (sent < SIZE) {
                for (var i = 0; i < chunk.length; i += 4096) {
                    chunk[i] = (sent / 65536 + i) & 255;
                    expected = (expected + chunk[i]) % 65521;
                }
                sent += chunk.length;
                if (!client.write(Buffer.from(chunk))) {
                    client.once('drain', function () { drains++; pump(); });
                    return;
                }
            }
            client.end();
        }
        client.on('connect', pump);
        var reply = '';
        client.on('data', function (d) { reply += d; });
        client.on('close', check.expectCall('big close', function () {
            check.equal(reply, String(expected), 'checksum of the bytes');
            check.ok(drains > 0, 'writes waited for drain');
            server.close(done);
        }));
    });
}

// One write far larger than the socket's buffer: it goes in pieces, and
// after a piece the kernel took only part of, the socket waits for
// writability instead of trying again at once (as libuv does: that try
// would only fail with EAGAIN). A piece taken whole may be followed by
// EAGAIN: nothing said the buffer was full then.
function oneLargeWrite(done) {
    var SIZE = 4 * 1024 * 1024;
    var sys = require('sys');
    var sendto = sys.sendto;
    var partial = 0, again = 0, afterPartial = {};
    sys.sendto = function (fd, data, offset, length) {
        var n = sendto.apply(this, arguments);
        if (n === -sys.errno.EAGAIN && afterPartial[fd])
            again++;
        afterPartial[fd] = n >= 0 && n < length;
        if (afterPartial[fd])
            partial++;
        return n;
    };
    var server = net.createServer(function (socket) {
        var total = 0;
        var sum = 0;
        socket.pause();
        setTimeout(function () { socket.resume(); }, 50);  // the sender's buffer fills
        socket.on('data', function (d) {
            // every 61st byte, by its absolute offset (a prime stride: a
            // shifted piece changes the sum)
            for (var i = (61 - total % 61) % 61; i < d.length; i += 61)
                sum = (sum + d[i] * ((total + i) % 251 + 1)) % 65521;
            total += d.length;
        });
        socket.on('end', function () {
            check.equal(total, SIZE, 'one large write: all bytes arrived');
            socket.end(String(sum));
        });
    });
    server.listen(0, '127.0.0.1', function () {
        var client = net.connect(server.address().port, '127.0.0.1');
        var data = Buffer.alloc(SIZE);
        var expected = 0;
        for (var i = 0; i < SIZE; i++)
            data[i] = (i * 13 + (i >> 12)) & 255;
        for (i = 0; i < SIZE; i += 61)
            expected = (expected + data[i] * (i % 251 + 1)) % 65521;
        client.on('connect', function () {
            client.write(data, check.expectCall('one large write: its callback'));
            client.end();
        });
        var reply = '';
        client.on('data', function (d) { reply += d; });
        client.on('close', check.expectCall('one large write: close', function () {
            sys.sendto = sendto;
            check.equal(reply, String(expected), 'one large write: the bytes, in order');
            check.ok(partial > 0, 'one large write: the kernel took it in parts');
            check.equal(again, 0, 'one large write: no send tried again at once after a partial one');
            server.close(done);
        }));
    });
}

// setTimeout: 'timeout' fires on an idle socket and does not close it.
function timeout(done) {
    var server = net.createServer(function (socket) {
        socket.on('close', function () { server.close(done); });
    });
    server.listen(0, '127.0.0.1', function () {
        var client = net.connect(server.address().port, '127.0.0.1');
        client.setTimeout(30, check.expectCall('timeout', function () {
            check.equal(client.destroyed, false, 'timeout does not destroy');
            check.equal(client.timeout, 30, 'socket.timeout');
            client.destroy();
        }));
    });
}

// The idle timer starts again with each read: while the server writes
// every 20 ms, a 200 ms timeout stays quiet; it fires once the writes
// stop, again after the next data (it ran, and starts again), and not at
// all after setTimeout(0).
function timeoutRestarts(done) {
    var WRITES = 20;
    var server = net.createServer(function (socket) {
        var writes = 0;
        var timer = setInterval(function () {
            socket.write('x');
            if (++writes === WRITES)
                clearInterval(timer);
        }, 20);
        socket.on('data', function () { socket.write('z'); });
        socket.on('error', function () {});
        socket.on('close', function () {
            clearInterval(timer);
            server.close(done);
        });
    });
    server.listen(0, '127.0.0.1', function () {
        var client = net.connect(server.address().port, '127.0.0.1');
        var received = '';
        var fired = 0;
        client.on('data', function (data) { received += data; });
        client.setTimeout(200);
        client.on('timeout', function () {
            fired++;
            if (fired === 1) {
                check.equal(received.length, WRITES, 'no timeout while data comes');
                client.write('y');
            } else if (fired === 2) {
                check.equal(received.slice(WRITES), 'z', 'timeout again after new data');
                client.setTimeout(0);
                setTimeout(function () {
                    check.equal(fired, 2, 'no timeout after setTimeout(0)');
                    client.destroy();
                }, 400);
            }
        });
    });
}

// setTimeout(0) while the idle timer is pending (an http server does it for
// every request on a keep-alive socket): no 'timeout' when the old deadline
// passes, nor after data; setTimeout(ms) later arms it again, from then.
function timeoutOffWhilePending(done) {
    var server = net.createServer(function (socket) {
        socket.on('data', function () { socket.write('z'); });
        socket.on('error', function () {});
        socket.on('close', function () { server.close(done); });
    });
    server.listen(0, '127.0.0.1', function () {
        var client = net.connect(server.address().port, '127.0.0.1');
        var fired = [], started = 0;
        client.on('timeout', function () { fired.push(Date.now() - started); });
        client.on('connect', function () {
            client.setTimeout(100);
            setTimeout(function () {
                client.setTimeout(0);
                client.write('y');  // activity while off: arms nothing
            }, 30);
            setTimeout(function () {
                check.equal(fired.length, 0, 'no timeout once off, past the old deadline');
                started = Date.now();
                client.setTimeout(80);
            }, 250);
            setTimeout(function () {
                check.equal(fired.length, 1, 'one timeout once on again');
                check.ok(fired[0] >= 70, 'counted from when it was turned on (' + fired[0] + ' ms)');
                client.destroy();
            }, 450);
        });
    });
}

// maxConnections: the extra connection is dropped.
function maxConnections(done) {
    var server = net.createServer(function (socket) { socket.on('error', function () {}); });
    server.maxConnections = 1;
    server.on('drop', check.expectCall('drop', function (info) {
        check.equal(info.remoteAddress, '127.0.0.1', 'drop remoteAddress');
    }));
    server.listen(0, '127.0.0.1', function () {
        var port = server.address().port;
        var first = net.connect(port, '127.0.0.1');
        first.on('connect', function () {
            var second = net.connect(port, '127.0.0.1');
            second.on('error', function () {});
            second.on('close', function () {
                first.destroy();
                first.on('close', function () { server.close(done); });
            });
            second.resume();
        });
    });
}

// EADDRINUSE as Node words it; a bad port throws.
function listenErrors(done) {
    var server = net.createServer();
    server.listen(0, '127.0.0.1', function () {
        var port = server.address().port;
        var other = net.createServer();
        other.on('error', check.expectCall('EADDRINUSE', function (error) {
            check.equal(error.message, 'listen EADDRINUSE: address already in use 127.0.0.1:' +
                port, 'EADDRINUSE message');
            check.equal(error.code, 'EADDRINUSE', 'EADDRINUSE code');
            check.equal(other.listening, false, 'not listening after the error');
            check.throws(function () { net.connect(70000, '127.0.0.1'); }, /Port should be/,
                'bad port');
            server.close(done);
        }));
        other.listen(port, '127.0.0.1');
    });
}

runNext();
