// net: a client's event order over a whole connection (connect, ready,
// data, end, finish, close), the server side's, and a refused connection's
// error. Each side runs while the other waits, so the order is fixed.
'use strict';

var net = require('net');

var server = net.createServer(function (socket) {
    console.log('server: connection', socket.remoteAddress, socket.remoteFamily);
    socket.setEncoding('utf8');
    socket.on('data', function (data) {
        console.log('server: data', JSON.stringify(data));
        socket.end('bye ' + data);
    });
    socket.on('end', function () { console.log('server: end'); });
    socket.on('finish', function () { console.log('server: finish'); });
    socket.on('close', function (hadError) {
        console.log('server: close', hadError);
        server.close(function () {
            console.log('server: closed');
            refused(port);
        });
    });
});

var port = 0;
server.on('listening', function () { console.log('server: listening'); });
server.listen(0, '127.0.0.1', function () {
    port = server.address().port;
    var client = net.connect({ port: port, host: '127.0.0.1' });
    console.log('client: connecting', client.connecting, client.readyState);
    client.on('connect', function () {
        console.log('client: connect', client.readyState, client.remoteAddress);
    });
    client.on('ready', function () {
        console.log('client: ready');
        client.write('hello', function () { console.log('client: write callback'); });
    });
    client.on('data', function (data) {
        console.log('client: data', data.toString(), client.bytesRead);
    });
    client.on('end', function () { console.log('client: end', client.readyState); });
    client.on('finish', function () { console.log('client: finish'); });
    client.on('close', function (hadError) {
        console.log('client: close', hadError, client.bytesRead, client.bytesWritten,
            client.destroyed);
    });
});

function refused(closedPort) {
    var socket = net.connect(closedPort, '127.0.0.1');
    socket.on('error', function (error) {
        console.log('refused: error', error.message.replace(/:\d+$/, ':PORT'), error.code, error.errno, error.syscall,
            error.address, error.port === closedPort);
    });
    socket.on('close', function (hadError) { console.log('refused: close', hadError); });
}
