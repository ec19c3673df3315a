// dgram: UDP echo on 127.0.0.1 in one process: send callbacks, rinfo,
// lists of buffers, an implicit bind, connect(), errors.
'use strict';

var check = require('./lib/check.js');
var dgram = require('dgram');

var server = dgram.createSocket('udp4');
server.on('message', function (msg, rinfo) {
    check.equal(rinfo.address, '127.0.0.1', 'rinfo.address');
    check.equal(rinfo.family, 'IPv4', 'rinfo.family');
    check.equal(rinfo.size, msg.length, 'rinfo.size');
    server.send(Buffer.concat([Buffer.from('echo:'), msg]), rinfo.port, rinfo.address);
});
check.throws(function () { server.address(); }, /getsockname EBADF/, 'address before bind');
server.bind(0, '127.0.0.1', check.expectCall('bind', function () {
    var port = server.address().port;
    check.ok(port > 0, 'bound to a real port');
    check.equal(server.address().address, '127.0.0.1', 'bound address');

    // An unbound socket binds itself on the first send.
    var client = dgram.createSocket('udp4');
    var replies = [];
    client.on('message', function (msg) {
        replies.push(msg.toString());
        if (replies.length === 3)
            connected();
    });
    client.send('one', port, '127.0.0.1', check.expectCall('send cb', function (err, bytes) {
        check.equal(err, null, 'send error');
        check.equal(bytes, 3, 'bytes sent');
        check.equal(client.address().address, '0.0.0.0', 'implicit bind address');
    }));
    client.send([Buffer.from('tw'), 'o'], port, '127.0.0.1');
    client.send(Buffer.from('xthreex'), 1, 5, port, '127.0.0.1');

    function connected() {
        check.deepEqual(replies.sort(), ['echo:one', 'echo:three', 'echo:two'], 'replies');
        var peer = dgram.createSocket({ type: 'udp4' });
        peer.connect(port, '127.0.0.1', check.expectCall('connect', function () {
            check.deepEqual(peer.remoteAddress(), { address: '127.0.0.1', family: 'IPv4',
                port: port }, 'remoteAddress');
            peer.send('four');
        }));
        peer.on('message', check.expectCall('connected reply', function (msg) {
            check.equal(msg.toString(), 'echo:four', 'reply on a connected socket');
            client.close();
            peer.close(check.expectCall('close cb'));
            server.close();
            check.throws(function () { server.close(); }, /Not running/, 'close twice');
        }));
    }
}));

// Binding a port in use: EADDRINUSE as Node words it.
var first = dgram.createSocket('udp4');
first.bind(0, '127.0.0.1', function () {
    var port = first.address().port;
    var second = dgram.createSocket('udp4');
    second.on('error', check.expectCall('bind error', function (error) {
        check.equal(error.message, 'bind EADDRINUSE 127.0.0.1:' + port, 'EADDRINUSE message');
        check.equal(error.code, 'EADDRINUSE', 'code');
        first.close();
        second.close();
    }));
    second.bind(port, '127.0.0.1');
});
check.throws(function () { dgram.createSocket('udp5'); }, /Bad socket type/, 'bad type');
