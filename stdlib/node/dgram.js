// require('dgram'): UDP sockets ('udp4' only) over the socket system calls.
// Received datagrams are read when epoll reports the fd readable and come
// out as 'message' (msg, rinfo); sends go straight to sendto, queued only if
// the kernel says EAGAIN.
'use strict';

var EventEmitter = require('./events.js');
var Buffer = require('./buffer.js').Buffer;
var sys = require('sys');
var loop = require('./internal/loop.js');
var codedErrors = require('./internal/coded_errors.js');
var errors = require('./internal/net/errors.js');
var ip = require('./internal/net/ip.js');

var MAX_DATAGRAM = 65536;
var MAX_READS_PER_WAKEUP = 32;
var scratch = null;

function Socket(type, listener) {
    if (!(this instanceof Socket))
        return new Socket(type, listener);
    EventEmitter.call(this);
    var options = typeof type === 'object' && type !== null ? type : { type: type };
    if (options.type === 'udp6')
        throw codedErrors.notSupported('IPv6 (udp6 sockets)');
    if (options.type !== 'udp4') {
        var error = new TypeError('Bad socket type specified. Valid types are: udp4, udp6');
        error.code = 'ERR_SOCKET_BAD_TYPE';
        throw error;
    }
    this.type = 'udp4';
    this._fd = -1;
    this._bindState = 'unbound';   // 'binding', 'bound'
    this._reuseAddr = !!options.reuseAddr;
    this._refed = true;
    this._queue = [];              // sends waiting for the bind or for EAGAIN
    this._connected = null;        // {address, port} after connect()
    if (typeof listener === 'function')
        this.on('message', listener);
}
Socket.prototype = Object.create(EventEmitter.prototype, {
    constructor: { value: Socket, writable: true, configurable: true }
});

function createSocket(type, listener) { return new Socket(type, listener); }

function notRunning() {
    return codedErrors.make(Error, 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
}

Socket.prototype._openFd = function () {
    if (this._fd >= 0)
        return 0;
    var fd = sys.socket(sys.AF_INET, sys.SOCK_DGRAM | sys.SOCK_NONBLOCK | sys.SOCK_CLOEXEC, 0);
    if (fd < 0)
        return fd;
    this._fd = fd;
    if (this._reuseAddr)
        sys.setsockopt(fd, sys.SOL_SOCKET, sys.SO_REUSEADDR, 1);
    return 0;
};

// bind([port][, address][, callback]) or bind(options[, callback])
Socket.prototype.bind = function (port, address, callback) {
    var self = this;
    if (this._bindState !== 'unbound')
        throw codedErrors.make(Error, 'ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound');
    if (typeof port === 'function') {
        callback = port;
        port = 0;
        address = undefined;
    } else if (port !== null && typeof port === 'object') {
        callback = address;
        address = port.address;
        port = port.port;
    }
    if (typeof address === 'function') {
        callback = address;
        address = undefined;
    }
    port = port === undefined || port === null ? 0 : port;
    if (typeof callback === 'function')
        this.once('listening', callback);
    this._bindState = 'binding';
    lookup(address || '0.0.0.0', function (err, resolved) {
        if (self._bindState !== 'binding')
            return;  // closed meanwhile
        if (err) {
            self._bindState = 'unbound';
            self.emit('error', err);
            return;
        }
        var r = self._openFd();
        if (r === 0)
            r = sys.bind(self._fd, resolved, port);
        if (r < 0) {
            self._bindState = 'unbound';
            self.emit('error', errors.exceptionWithHostPort(r, 'bind', resolved, port));
            return;
        }
        self._startListening();
    });
    return this;
};

// IPv4 literals at once (on the next tick, as dns.lookup does), names
// through dns.lookup.
function lookup(address, callback) {
    if (ip.isIPv4(address)) {
        process.nextTick(callback, null, address);
    } else if (ip.isIPv6(address)) {
        process.nextTick(callback, codedErrors.notSupported('IPv6 (' + address + ')'));
    } else {
        require('./dns.js').lookup(address, { family: 4 }, callback);
    }
}

Socket.prototype._startListening = function () {
    var self = this;
    this._bindState = 'bound';
    var r = loop.watchReadable(this._fd, function () { self._onReadable(); });
    if (r < 0) {
        this.emit('error', errors.errnoException(r, 'recvmsg'));
        return;
    }
    loop.setWatchRef(this._fd, this._refed);
    this.emit('listening');
    var queue = this._queue;
    this._queue = [];
    for (var i = 0; i < queue.length; i++)
        queue[i]();
};

Socket.prototype._onReadable = function () {
    if (scratch === null)
        scratch = new Uint8Array(MAX_DATAGRAM);
    for (var i = 0; i < MAX_READS_PER_WAKEUP && this._fd >= 0; i++) {
        var r = sys.recvfrom(this._fd, scratch, 0);
        if (r === -sys.errno.EAGAIN || r === -sys.errno.EINTR)
            return;
        if (typeof r === 'number') {
            this.emit('error', errors.errnoException(r, 'recvmsg'));
            return;
        }
        var msg = Buffer.alloc(r.bytes);
        msg.set(scratch.subarray(0, r.bytes));
        this.emit('message', msg, { address: r.address, family: r.family, port: r.port,
            size: r.bytes });
    }
};

function toBuffer(data) {
    if (typeof data === 'string')
        return Buffer.from(data);
    if (Buffer.isBuffer(data))
        return data;
    if (ArrayBuffer.isView(data))
        return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    throw codedErrors.invalidArgType('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'],
        data);
}

// send(msg[, offset, length], port[, address][, callback]); msg may be a
// list of buffers, sent as one datagram.
Socket.prototype.send = function (buffer, offset, length, port, address, callback) {
    var list;
    if (typeof offset === 'number' && typeof length === 'number' && arguments.length >= 4 &&
        typeof port === 'number') {
        list = [toBuffer(buffer).subarray(offset, offset + length)];
    } else {
        callback = port;
        address = length;
        port = offset;
        list = Array.isArray(buffer) ? buffer.map(toBuffer) : [toBuffer(buffer)];
    }
    if (typeof address === 'function') {
        callback = address;
        address = undefined;
    }
    if (this._connected !== null) {
        if (typeof port === 'function')
            callback = port;
        port = this._connected.port;
        address = this._connected.address;
    }
    port = require('./internal/net/socket.js').validatePort(port, 'Port');
    if (port === 0) {
        var bad = new RangeError('Port should be > 0 and < 65536. Received ' + port + '.');
        bad.code = 'ERR_SOCKET_BAD_PORT';
        throw bad;
    }
    if (this._bindState === 'closed')
        throw notRunning();
    var data = list.length === 1 ? list[0] : Buffer.concat(list);
    var self = this;
    function send() {
        lookup(address || '127.0.0.1', function (err, resolved) {
            if (err) {
                self._afterSend(err, 0, callback);
                return;
            }
            self._sendNow(data, resolved, port, callback);
        });
    }
    if (this._bindState === 'unbound')
        this.bind({ port: 0 });
    if (this._bindState === 'binding')
        this._queue.push(send);
    else
        send();
};

Socket.prototype._sendNow = function (data, address, port, callback) {
    if (this._fd < 0)
        return;
    var self = this;
    var r = sys.sendto(this._fd, data, 0, data.length, sys.MSG_DONTWAIT, address, port);
    if (r === -sys.errno.EAGAIN) {
        // Wait for room in the send buffer; keep the order of sends.
        this._queue.push(function () { self._sendNow(data, address, port, callback); });
        if (this._queue.length === 1) {
            loop.watchWritable(this._fd, function () {
                loop.unwatchWritable(self._fd);
                var queue = self._queue;
                self._queue = [];
                for (var i = 0; i < queue.length; i++)
                    queue[i]();
            });
        }
        return;
    }
    var error = r < 0 ? errors.exceptionWithHostPort(r, 'send', address, port) : null;
    this._afterSend(error, r < 0 ? 0 : r, callback);
};

Socket.prototype._afterSend = function (error, bytes, callback) {
    var self = this;
    process.nextTick(function () {
        if (typeof callback === 'function')
            callback(error, bytes);
        else if (error)
            self.emit('error', error);
    });
};

// connect(port[, address][, callback]): later sends go there without an
// address.
Socket.prototype.connect = function (port, address, callback) {
    var self = this;
    if (typeof address === 'function') {
        callback = address;
        address = undefined;
    }
    if (this._connected !== null)
        throw codedErrors.make(Error, 'ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected');
    port = require('./internal/net/socket.js').validatePort(port, 'Port');
    if (typeof callback === 'function')
        this.once('connect', callback);
    function doConnect() {
        lookup(address || '127.0.0.1', function (err, resolved) {
            var r = err ? 0 : sys.connect(self._fd, resolved, port);
            if (err || r < 0) {
                self.emit('error',
                    err || errors.exceptionWithHostPort(r, 'connect', resolved, port));
                return;
            }
            self._connected = { address: resolved, port: port };
            self.emit('connect');
        });
    }
    if (this._bindState === 'unbound')
        this.bind({ port: 0 });
    if (this._bindState === 'binding')
        this._queue.push(doConnect);
    else
        doConnect();
};

Socket.prototype.remoteAddress = function () {
    if (this._connected === null)
        throw codedErrors.make(Error, 'ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
    return { address: this._connected.address, family: 'IPv4', port: this._connected.port };
};

Socket.prototype.close = function (callback) {
    var self = this;
    if (this._bindState === 'closed')
        throw notRunning();
    if (typeof callback === 'function')
        this.once('close', callback);
    this._bindState = 'closed';
    this._queue = [];
    if (this._fd >= 0) {
        loop.unwatch(this._fd);
        sys.close(this._fd);
        this._fd = -1;
    }
    process.nextTick(function () { self.emit('close'); });
    return this;
};

Socket.prototype.address = function () {
    if (this._bindState === 'closed')
        throw notRunning();
    if (this._fd < 0)
        throw errors.errnoException(-sys.errno.EBADF, 'getsockname');
    var name = sys.getsockname(this._fd);
    if (typeof name === 'number')
        throw errors.errnoException(name, 'getsockname');
    return { address: name.address, family: name.family, port: name.port };
};

function intOption(name, level, option) {
    return function (value) {
        if (this._fd < 0)
            throw notRunning();
        var r = sys.setsockopt(this._fd, level, option, typeof value === 'boolean' ? (value ? 1 : 0)
            : value);
        if (r < 0)
            throw errors.errnoException(r, name);
        return value;
    };
}
Socket.prototype.setBroadcast = intOption('setBroadcast', 1 /* SOL_SOCKET */, 6 /* SO_BROADCAST */);
Socket.prototype.setTTL = intOption('setTTL', 0 /* IPPROTO_IP */, 2 /* IP_TTL */);
Socket.prototype.setRecvBufferSize = intOption('setRecvBufferSize', 1, 8 /* SO_RCVBUF */);
Socket.prototype.setSendBufferSize = intOption('setSendBufferSize', 1, 7 /* SO_SNDBUF */);

require('./internal/net/watch_ref.js').install(Socket.prototype);

exports.createSocket = createSocket;
exports.Socket = Socket;
