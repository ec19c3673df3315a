// net.Socket: a Duplex stream over a non-blocking TCP socket fd. Reads wait
// on epoll readability (internal/loop.js watchReadable) and stop while the
// readable buffer is full; a write that the kernel does not take at once
// waits for writability; connect() waits for writability then reads
// SO_ERROR, as libuv does. The event order follows Node's: 'connect' and
// 'ready'; 'data'...; 'end'; 'finish'; 'close' (hadError) in the iteration's
// last phase, after 'error' if there was one.
'use strict';

var Duplex = require('../streams/duplex.js');
var Buffer = require('../../buffer.js').Buffer;
var sys = require('sys');
var loop = require('../loop.js');
var codedErrors = require('../coded_errors.js');
var errors = require('./errors.js');
var ip = require('./ip.js');

var READ_SIZE = 65536;
var MAX_READS_PER_WAKEUP = 16;  // fairness between sockets
// At most this much per send call: a kernel takes what fits in its send
// buffer anyway, and a stack that looks at the whole window it is given
// should not see megabytes each time.
var MAX_SEND = 262144;
var scratch = null;
// The errnos of every read and write, looked up once: sys.errno is a
// getter, and this is on the path of each request.
var EAGAIN = sys.errno.EAGAIN, EINTR = sys.errno.EINTR;

function Socket(options) {
    if (!(this instanceof Socket))
        return new Socket(options);
    if (typeof options === 'number')
        options = { fd: options };
    var copy = {};
    var key;
    for (key in options || {})
        copy[key] = options[key];
    options = copy;
    if (options.handle)
        throw codedErrors.notSupported('net.Socket({handle})');
    this.connecting = false;
    this._hadError = false;
    this._fd = -1;
    this._host = null;
    this._reading = false;
    this._refed = true;
    this._peer = null;
    this._sockname = null;
    this._bytesRead = 0;
    this._bytesWritten = 0;
    this._write_ = null;         // the write in progress: {data, offset, callback}
    this._timeoutMs = 0;
    this._timeoutTimer = null;
    this._activeAt = 0;     // the loop time of the last read or write (_armTimeout)
    this._closeEmitted = false;
    this.server = null;
    this._server = null;

    options.allowHalfOpen = !!options.allowHalfOpen;
    options.emitClose = false;   // 'close' comes from _destroy, with hadError
    options.autoDestroy = true;
    options.decodeStrings = false;
    Duplex.call(this, options);

    if (options.fd !== undefined) {
        this._fd = options.fd;
        if (options.readable !== false && !options.pauseOnCreate)
            this.read(0);  // start reading, as Node does for accepted sockets
    }
    this.on('end', onReadableEnd);
}
Socket.prototype = Object.create(Duplex.prototype, {
    constructor: { value: Socket, writable: true, configurable: true }
});
Object.setPrototypeOf(Socket, Duplex);

// After the peer's FIN, without allowHalfOpen, writing is an error.
function onReadableEnd() {
    if (!this.allowHalfOpen)
        this.write = writeAfterFIN;
}

function writeAfterFIN(chunk, encoding, callback) {
    if (typeof encoding === 'function')
        callback = encoding;
    var error = new Error('This socket has been ended by the other party');
    error.code = 'EPIPE';
    var self = this;
    process.nextTick(function () {
        self.destroy(error);
        if (typeof callback === 'function')
            callback(error);
    });
    return false;
}

Socket.prototype._watch = function (kind, callback) {
    var r = kind === 'readable' ? loop.watchReadable(this._fd, callback)
        : loop.watchWritable(this._fd, callback);
    if (r === 0)
        loop.setWatchRef(this._fd, this._refed);
    return r;
};

// -- reading ------------------------------------------------------------------

Socket.prototype._read = function () {
    if (this.connecting || this._fd < 0) {
        if (this.connecting)
            this.once('connect', function () { this._read(); });
        return;
    }
    if (!this._reading) {
        var self = this;
        this._reading = true;
        var r = this._watch('readable', function () { self._onReadable(); });
        if (r < 0)
            this.destroy(errors.errnoException(r, 'read'));
    }
};

Socket.prototype._stopReading = function () {
    if (this._reading) {
        this._reading = false;
        loop.unwatchReadable(this._fd);
    }
};

Socket.prototype._onReadable = function () {
    if (scratch === null)
        scratch = new Uint8Array(READ_SIZE);
    for (var i = 0; i < MAX_READS_PER_WAKEUP && this._reading; i++) {
        var n = sys.recv(this._fd, scratch, 0);
        if (n === -EAGAIN || n === -EINTR)
            return;
        if (n < 0) {
            this._stopReading();
            this.destroy(errors.errnoException(n, 'read'));
            return;
        }
        if (n === 0) {  // the peer's FIN
            this._stopReading();
            this.push(null);
            this.read(0);
            return;
        }
        this._bytesRead += n;
        this._activity();
        var chunk = Buffer.alloc(n);
        chunk.set(scratch.subarray(0, n));
        if (!this.push(chunk)) {
            this._stopReading();  // _read() starts again when there is room
            return;
        }
        // A read that did not fill the buffer took all there was: the next
        // one would say EAGAIN. As libuv does, wait for the next readiness
        // (epoll is level-triggered: data that came since is reported).
        if (n < READ_SIZE)
            return;
    }
};

// -- writing ------------------------------------------------------------------

Socket.prototype._write = function (chunk, encoding, callback) {
    var self = this;
    if (this.connecting) {
        this.once('connect', function () { self._write(chunk, encoding, callback); });
        return;
    }
    if (this._fd < 0) {
        callback(codedErrors.make(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
        return;
    }
    var data = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    this._write_ = { data: data, offset: 0, callback: callback, watching: false };
    this._flush();
};

// Sends what the kernel takes; waits for writability for the rest. As
// libuv does, a send the kernel took only part of is not tried again at
// once: the buffer is full, and the try would only say EAGAIN (a wasted
// system call each time the buffer drains during a large write).
Socket.prototype._flush = function () {
    var w = this._write_;
    if (w === null || this._fd < 0)
        return;
    while (w.offset < w.data.length) {
        var left = w.data.length - w.offset;
        var asked = left < MAX_SEND ? left : MAX_SEND;
        var n = sys.sendto(this._fd, w.data, w.offset, asked, sys.MSG_NOSIGNAL | sys.MSG_DONTWAIT);
        if (n < 0 && n !== -EAGAIN && n !== -EINTR) {
            this._write_ = null;
            loop.unwatchWritable(this._fd);
            w.callback(errors.errnoException(n, 'write'));
            return;
        }
        if (n > 0) {
            w.offset += n;
            this._bytesWritten += n;
        }
        if (n < asked) {  // (then bytes are left: asked <= what was left)
            if (!w.watching) {
                var self = this;
                w.watching = true;
                this._watch('writable', function () { self._flush(); });
            }
            return;
        }
    }
    this._write_ = null;
    if (w.watching)  // (most writes go at once: no watch to end, no call)
        loop.unwatchWritable(this._fd);
    this._activity();
    w.callback();
};

// end(): after the last write, shutdown(SHUT_WR) once the socket is
// writable (libuv's uv_shutdown), so 'finish' comes in a later poll phase.
Socket.prototype._final = function (callback) {
    var self = this;
    if (this.connecting) {
        this.once('connect', function () { self._final(callback); });
        return;
    }
    if (this._fd < 0) {
        callback();
        return;
    }
    this._watch('writable', function () {
        loop.unwatchWritable(self._fd);
        var r = sys.shutdown(self._fd, sys.SHUT_WR);
        if (r < 0 && r !== -sys.errno.ENOTCONN)
            callback(errors.errnoException(r, 'shutdown'));
        else
            callback();
    });
};

// -- connecting ---------------------------------------------------------------

// Node's normalizeArgs: (options[, cb]), (port[, host][, cb]), (path[, cb]).
function normalizeArgs(args) {
    var options = {};
    var callback = null;
    if (args.length === 0)
        return [options, callback];
    var arg0 = args[0];
    if (arg0 !== null && typeof arg0 === 'object') {
        options = arg0;
    } else if (typeof arg0 === 'string' && Number(arg0) !== Number(arg0)) {
        options.path = arg0;
    } else {
        options.port = arg0;
        if (args.length > 1 && typeof args[1] === 'string')
            options.host = args[1];
    }
    if (typeof args[args.length - 1] === 'function')
        callback = args[args.length - 1];
    return [options, callback];
}
Socket.normalizeArgs = normalizeArgs;

function validatePort(port, name) {
    if ((typeof port !== 'number' && typeof port !== 'string') ||
        (typeof port === 'string' && port.trim().length === 0) ||
        +port !== (+port >>> 0) || +port > 0xFFFF) {
        var error = new RangeError(name + ' should be >= 0 and < 65536. Received ' +
            (typeof port === 'string' ? 'type string (\'' + port + '\')'
                : 'type ' + typeof port + ' (' + port + ')') + '.');
        error.code = 'ERR_SOCKET_BAD_PORT';
        throw error;
    }
    return +port;
}
Socket.validatePort = validatePort;

Socket.prototype.connect = function () {
    var normalized = normalizeArgs(arguments);
    var options = normalized[0];
    var callback = normalized[1];
    if (options.path)
        throw codedErrors.notSupported('IPC sockets (connect to a path)');
    if (this.write !== Socket.prototype.write)
        this.write = Socket.prototype.write;
    if (this.destroyed)
        throw codedErrors.make(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed');
    if (options.port === undefined || options.port === null)
        throw codedErrors.make(TypeError, 'ERR_MISSING_ARGS', 'The "options" or "port" or ' +
            '"path" argument must be specified');
    var port = validatePort(options.port, 'Port');
    var host = options.host || 'localhost';
    if (callback)
        this.once('connect', callback);
    if (options.timeout)
        this.setTimeout(options.timeout);
    this.connecting = true;
    this._host = host;
    var self = this;
    if (this._fd < 0) {
        var fd = sys.socket(sys.AF_INET, sys.SOCK_STREAM | sys.SOCK_NONBLOCK | sys.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            process.nextTick(function () { self.destroy(errors.errnoException(fd, 'socket')); });
            return this;
        }
        this._fd = fd;
    }
    if (ip.isIPv6(host)) {
        process.nextTick(function () {
            self.destroy(codedErrors.notSupported('IPv6 (connect to ' + host + ')'));
        });
    } else if (ip.isIPv4(host)) {
        process.nextTick(function () {
            if (self.connecting)
                self._connectTo(host, port, options);
        });
    } else {
        require('../../dns.js').lookup(host, { family: 4 }, function (err, address, family) {
            self.emit('lookup', err, address, family, host);
            if (!self.connecting)
                return;
            if (err)
                self.destroy(err);
            else
                self._connectTo(address, port, options);
        });
    }
    return this;
};

Socket.prototype._connectTo = function (address, port, options) {
    var self = this;
    if (options.localAddress || options.localPort) {
        var b = sys.bind(this._fd, options.localAddress || '0.0.0.0', options.localPort || 0);
        if (b < 0) {
            this.destroy(errors.exceptionWithHostPort(b, 'bind', options.localAddress || '0.0.0.0',
                options.localPort || 0));
            return;
        }
    }
    var r = sys.connect(this._fd, address, port);
    if (r === 0) {
        this._afterConnect();
    } else if (r === -sys.errno.EINPROGRESS || r === -sys.errno.EINTR) {
        this._watch('writable', function () {
            loop.unwatchWritable(self._fd);
            var err = sys.getsockopt(self._fd, sys.SOL_SOCKET, sys.SO_ERROR);
            if (err !== 0)
                self.destroy(errors.exceptionWithHostPort(err, 'connect', address, port));
            else
                self._afterConnect();
        });
    } else {
        this.destroy(errors.exceptionWithHostPort(r, 'connect', address, port));
    }
};

Socket.prototype._afterConnect = function () {
    this.connecting = false;
    this._sockname = null;
    this._activity();
    this.emit('connect');
    this.emit('ready');
    if (this.readable && !this.isPaused())
        this.read(0);
};

// -- closing ------------------------------------------------------------------

Socket.prototype._destroy = function (exception, callback) {
    var self = this;
    this.connecting = false;
    this._clearTimeout();
    var hadError = !!exception;
    if (this._fd >= 0) {
        loop.unwatch(this._fd);
        sys.close(this._fd);
        this._fd = -1;
        this._reading = false;
        callback(exception);
        // libuv reports a closed handle in the loop's close phase, after
        // the immediates of this iteration.
        setImmediate(function () { self._emitClose(hadError); });
    } else {
        callback(exception);
        process.nextTick(function () { self._emitClose(hadError); });
    }
    if (this._server) {
        this._server._connections--;
        this._server._emitCloseIfDrained();
    }
};

Socket.prototype._emitClose = function (hadError) {
    if (this._closeEmitted)
        return;
    this._closeEmitted = true;
    this._readableState.closed = true;
    this._writableState.closed = true;
    this._readableState.closeEmitted = true;
    this._writableState.closeEmitted = true;
    this.emit('close', hadError);
};

Socket.prototype.destroySoon = function () {
    if (this.writable)
        this.end();
    if (this.writableFinished)
        this.destroy();
    else
        this.once('finish', this.destroy);
};

Socket.prototype.resetAndDestroy = function () {
    if (this._fd >= 0) {
        // SO_LINGER {on, 0}: close() sends a RST.
        sys.syscall(sys.NR.setsockopt, this._fd, sys.SOL_SOCKET, 13 /* SO_LINGER */,
            new Int32Array([1, 0]), 8);
    }
    return this.destroy();
};

// -- timeouts, options ---------------------------------------------------------

Socket.prototype.setTimeout = function (msecs, callback) {
    if (typeof msecs !== 'number' || msecs < 0 || msecs !== msecs)
        throw codedErrors.outOfRange('msecs', 'a non-negative finite number', msecs);
    this._timeoutMs = msecs;
    if (msecs === 0) {
        // The timer stays pending, disarmed: it does nothing when it runs.
        // An http server turns a keep-alive socket's timeout off for each
        // request and on again after it: a pending timer only needs the
        // time noted (_armTimeout), where a stopped one is linked into its
        // list anew. destroy() stops it.
        if (callback)
            this.removeListener('timeout', callback);
    } else {
        this._armTimeout();  // counts from now
        if (callback)
            this.once('timeout', callback);
    }
    return this;
};

// The idle timer: one Timeout for the socket's life, disarmed by
// setTimeout(0) and stopped by destroy(). It counts from the socket's last
// activity, noted in _activeAt (the loop's time: no clock read) at every
// read and write; a pending timer of the right duration is left where it
// is, and when it runs early it starts again for the rest. (Moving it in
// its list at every activity cost ~17,000 instructions; an http server
// starts it again after every response.)
Socket.prototype._armTimeout = function () {
    var timer = this._timeoutTimer;
    if (timer === null) {
        var self = this;
        timer = this._timeoutTimer = new loop.Timeout(function () {
            if (self._timeoutMs <= 0)
                return;  // disarmed
            var idle = loop.now() - self._activeAt;
            if (idle < self._timeoutMs)
                loop.startTimer(timer, self._timeoutMs - idle);
            else
                self.emit('timeout');
        }, this._timeoutMs, [], false);
        timer.unref();
    }
    this._activeAt = loop.now();
    if (!loop.timerPending(timer) || timer._idleTimeout !== this._timeoutMs)
        loop.startTimer(timer, this._timeoutMs);
};

Socket.prototype._clearTimeout = function () {
    if (this._timeoutTimer !== null)
        loop.stopTimer(this._timeoutTimer);
};

// Data in either direction restarts the idle timer (even after it fired).
Socket.prototype._activity = function () {
    if (this._timeoutMs > 0 && !this.destroyed)
        this._armTimeout();
};

Object.defineProperty(Socket.prototype, 'timeout', {
    get: function () { return this._timeoutMs || undefined; }, configurable: true });

Socket.prototype.setNoDelay = function (enable) {
    if (this._fd >= 0)
        sys.setsockopt(this._fd, sys.IPPROTO_TCP, sys.TCP_NODELAY,
            enable === undefined || enable ? 1 : 0);
    return this;
};

Socket.prototype.setKeepAlive = function (enable, initialDelay) {
    if (this._fd >= 0) {
        sys.setsockopt(this._fd, sys.SOL_SOCKET, sys.SO_KEEPALIVE, enable ? 1 : 0);
        if (enable && initialDelay >= 1000)
            sys.setsockopt(this._fd, sys.IPPROTO_TCP, sys.TCP_KEEPIDLE,
                Math.floor(initialDelay / 1000));
    }
    return this;
};

require('./watch_ref.js').install(Socket.prototype);

// -- addresses and counters ------------------------------------------------

function sockname(socket) {
    if (!socket._sockname && socket._fd >= 0) {
        var name = sys.getsockname(socket._fd);
        if (typeof name !== 'number')
            socket._sockname = name;
    }
    return socket._sockname;
}

function peername(socket) {
    if (!socket._peer && socket._fd >= 0) {
        var name = sys.getpeername(socket._fd);
        if (typeof name !== 'number')
            socket._peer = name;
    }
    return socket._peer;
}

Socket.prototype.address = function () {
    var name = sockname(this);
    return name ? { address: name.address, family: name.family, port: name.port } : {};
};

function getter(name, fn) {
    Object.defineProperty(Socket.prototype, name, { get: fn, configurable: true });
}
getter('remoteAddress', function () { var p = peername(this); return p ? p.address : undefined; });
getter('remoteFamily', function () { var p = peername(this); return p ? p.family : undefined; });
getter('remotePort', function () { var p = peername(this); return p ? p.port : undefined; });
getter('localAddress', function () { var s = sockname(this); return s ? s.address : undefined; });
getter('localPort', function () { var s = sockname(this); return s ? s.port : undefined; });
getter('localFamily', function () { var s = sockname(this); return s ? s.family : undefined; });
getter('bytesRead', function () { return this._bytesRead; });
// As Node: what was sent plus what is still queued.
getter('bytesWritten', function () {
    var pending = this._write_ ? this._write_.data.length - this._write_.offset : 0;
    return this._bytesWritten + pending + (this._writableState ? this._writableState.length : 0);
});
getter('pending', function () { return this._fd < 0 || this.connecting; });
getter('readyState', function () {
    if (this.connecting)
        return 'opening';
    if (this.readable && this.writable)
        return 'open';
    if (this.readable && !this.writable)
        return 'readOnly';
    if (!this.readable && this.writable)
        return 'writeOnly';
    return 'closed';
});
getter('bufferSize', function () { return this.writableLength; });

module.exports = Socket;
