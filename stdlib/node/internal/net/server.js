// net.Server: a listening TCP socket. Connections are accepted when epoll
// reports the listening fd readable (accept4 until EAGAIN, bounded per
// wake-up) and handed out as net.Sockets in 'connection' events.
'use strict';

var EventEmitter = require('../../events.js');
var sys = require('sys');
var loop = require('../loop.js');
var codedErrors = require('../coded_errors.js');
var errors = require('./errors.js');
var ip = require('./ip.js');
var Socket = require('./socket.js');

var MAX_ACCEPTS_PER_WAKEUP = 64;

function Server(options, connectionListener) {
    if (!(this instanceof Server))
        return new Server(options, connectionListener);
    EventEmitter.call(this);
    if (typeof options === 'function') {
        connectionListener = options;
        options = {};
    } else if (options === undefined || options === null) {
        options = {};
    } else if (typeof options !== 'object') {
        throw codedErrors.invalidArgType('options', 'Object', options);
    }
    if (typeof connectionListener === 'function')
        this.on('connection', connectionListener);
    this._connections = 0;
    this._fd = -1;
    this._refed = true;
    this._listeningAddress = null;
    this.allowHalfOpen = !!options.allowHalfOpen;
    this.pauseOnConnect = !!options.pauseOnConnect;
    this.noDelay = !!options.noDelay;
    this.keepAlive = !!options.keepAlive;
    this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000) * 1000 || 0;
}
Server.prototype = Object.create(EventEmitter.prototype, {
    constructor: { value: Server, writable: true, configurable: true }
});
Object.setPrototypeOf(Server, EventEmitter);

// listen([port[, host[, backlog]]][, callback]) or listen(options[, callback]).
Server.prototype.listen = function () {
    var args = Array.prototype.slice.call(arguments);
    var callback = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    var options = {};
    if (args.length > 0 && args[0] !== null && typeof args[0] === 'object') {
        options = args[0];
    } else {
        if (args.length > 0)
            options.port = args[0];
        if (typeof args[1] === 'string')
            options.host = args[1];
        var backlog = typeof args[1] === 'number' ? args[1] : args[2];
        if (typeof backlog === 'number')
            options.backlog = backlog;
    }
    if (this._fd >= 0)
        throw codedErrors.make(Error, 'ERR_SERVER_ALREADY_LISTEN',
            'Listen method has been called more than once without closing.');
    if (options.path)
        throw codedErrors.notSupported('IPC servers (listen on a path)');
    if (callback)
        this.once('listening', callback);
    var port = options.port === undefined || options.port === null ? 0
        : Socket.validatePort(options.port, 'options.port');
    var backlogValue = options.backlog || 511;
    var host = options.host;
    var self = this;
    if (host === undefined || host === null || host === '' || host === '0.0.0.0') {
        this._listenOn('0.0.0.0', port, backlogValue);
    } else if (ip.isIPv4(host)) {
        this._listenOn(host, port, backlogValue);
    } else if (ip.isIPv6(host)) {
        throw codedErrors.notSupported('IPv6 (listen on ' + host + ')');
    } else {
        require('../../dns.js').lookup(host, { family: 4 }, function (err, address) {
            if (err)
                self.emit('error', err);
            else
                self._listenOn(address, port, backlogValue);
        });
    }
    return this;
};

Server.prototype._listenOn = function (address, port, backlog) {
    var self = this;
    function fail(r, fd) {
        if (fd >= 0)
            sys.close(fd);
        var error = errors.uvExceptionWithHostPort(r, 'listen', address, port);
        process.nextTick(function () { self.emit('error', error); });
    }
    var fd = sys.socket(sys.AF_INET, sys.SOCK_STREAM | sys.SOCK_NONBLOCK | sys.SOCK_CLOEXEC, 0);
    if (fd < 0)
        return fail(fd, -1);
    sys.setsockopt(fd, sys.SOL_SOCKET, sys.SO_REUSEADDR, 1);  // as libuv does
    var r = sys.bind(fd, address, port);
    if (r === 0)
        r = sys.listen(fd, backlog);
    if (r === 0)
        r = loop.watchReadable(fd, function () { self._accept(); });
    if (r < 0)
        return fail(r, fd);
    this._fd = fd;
    loop.setWatchRef(fd, this._refed);
    process.nextTick(function () {
        if (self._fd >= 0)
            self.emit('listening');
    });
};

Server.prototype._accept = function () {
    for (var i = 0; i < MAX_ACCEPTS_PER_WAKEUP && this._fd >= 0; i++) {
        var peer = sys.accept4(this._fd, sys.SOCK_NONBLOCK | sys.SOCK_CLOEXEC);
        if (peer === -sys.errno.EAGAIN || peer === -sys.errno.EINTR ||
            peer === -sys.errno.ECONNABORTED)
            return;
        if (typeof peer === 'number') {
            this.emit('error', errors.errnoException(peer, 'accept'));
            return;
        }
        if (this.maxConnections !== undefined && this._connections >= this.maxConnections) {
            var local = sys.getsockname(peer.fd);
            sys.close(peer.fd);
            this.emit('drop', { localAddress: local.address, localPort: local.port,
                localFamily: local.family, remoteAddress: peer.address,
                remotePort: peer.port, remoteFamily: peer.family });
            continue;
        }
        var socket = new Socket({ fd: peer.fd, allowHalfOpen: this.allowHalfOpen,
            pauseOnCreate: this.pauseOnConnect, readable: true, writable: true });
        socket._peer = { address: peer.address, family: peer.family, port: peer.port };
        if (this.noDelay)
            socket.setNoDelay(true);
        if (this.keepAlive)
            socket.setKeepAlive(true, this.keepAliveInitialDelay);
        this._connections++;
        socket.server = this;
        socket._server = this;
        this.emit('connection', socket);
    }
};

Server.prototype.address = function () {
    if (this._fd < 0)
        return null;
    var name = sys.getsockname(this._fd);
    return typeof name === 'number' ? null
        : { address: name.address, family: name.family, port: name.port };
};

Server.prototype.close = function (callback) {
    if (typeof callback === 'function') {
        if (this._fd < 0) {
            this.once('close', function () {
                callback(codedErrors.make(Error, 'ERR_SERVER_NOT_RUNNING',
                    'Server is not running.'));
            });
        } else {
            this.once('close', callback);
        }
    }
    if (this._fd >= 0) {
        loop.unwatch(this._fd);
        sys.close(this._fd);
        this._fd = -1;
    }
    this._emitCloseIfDrained();
    return this;
};

Server.prototype._emitCloseIfDrained = function () {
    if (this._fd >= 0 || this._connections > 0)
        return;
    var self = this;
    process.nextTick(function () { self.emit('close'); });
};

Server.prototype.getConnections = function (callback) {
    var count = this._connections;
    process.nextTick(function () { callback(null, count); });
    return this;
};

Object.defineProperty(Server.prototype, 'listening', {
    get: function () { return this._fd >= 0; }, configurable: true });

require('./watch_ref.js').install(Server.prototype);

module.exports = Server;
