// dgram: a UDP echo on 127.0.0.1 printing events in order.
'use strict';

var dgram = require('dgram');

var server = dgram.createSocket('udp4');
server.on('listening', function () {
    console.log('server: listening', server.address().address, server.address().family);
});
server.on('message', function (msg, rinfo) {
    console.log('server: message', JSON.stringify(msg.toString()), rinfo.address, rinfo.family,
        rinfo.size);
    server.send('re:' + msg, rinfo.port, rinfo.address, function (err, bytes) {
        console.log('server: sent', err, bytes);
    });
});
server.on('close', function () { console.log('server: close'); });
server.bind(0, '127.0.0.1', function () {
    var client = dgram.createSocket('udp4');
    client.on('message', function (msg) {
        console.log('client: message', JSON.stringify(msg.toString()));
        client.close(function () {
            console.log('client: close');
            server.close();
        });
    });
    client.send(Buffer.from('ping'), server.address().port, '127.0.0.1', function (err, bytes) {
        console.log('client: sent', err, bytes);
    });
});
