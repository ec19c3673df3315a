// require('net'): TCP servers and clients over the socket system calls
// (internal/net/): IPv4 only; IPC paths and IPv6 are "not supported in
// unode" errors. Same code on Linux and on bare metal.
'use strict';

var Socket = require('./internal/net/socket.js');
var Server = require('./internal/net/server.js');
var ip = require('./internal/net/ip.js');

function createServer(options, connectionListener) {
    return new Server(options, connectionListener);
}

// connect(port[, host][, listener]) or connect(options[, listener])
function connect() {
    var normalized = Socket.normalizeArgs(arguments);
    var options = normalized[0];
    var socket = new Socket(options);
    if (options.timeout)
        socket.setTimeout(options.timeout);
    return socket.connect.apply(socket, arguments);
}

exports.createServer = createServer;
exports.Server = Server;
exports.Socket = Socket;
exports.Stream = Socket;
exports.connect = connect;
exports.createConnection = connect;
exports.isIP = ip.isIP;
exports.isIPv4 = ip.isIPv4;
exports.isIPv6 = ip.isIPv6;
exports.getDefaultAutoSelectFamily = function () { return false; };
exports.setDefaultAutoSelectFamily = function () {};
