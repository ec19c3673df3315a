// require('tty'): isatty(fd), and the stream classes of process.stdin,
// process.stdout and process.stderr (Node's tty.ReadStream and
// tty.WriteStream; unode uses them for files and pipes too, as the fd is
// all they need).
//
// WriteStream is a stream.Writable whose writes are synchronous, as Node's
// are for terminals and files: each chunk is written to the fd before
// write() returns, so nothing is left to flush at exit. ReadStream is a
// stream.Readable that reads the fd when the event loop (internal/loop.js)
// says it is readable, and only while the stream wants data: back-pressure
// stops the watching, _read() starts it again. Raw mode is readline's job
// (it sets the termios itself): setRawMode is not supported.
'use strict';

var sys = require('sys');
var stream = require('./stream.js');
var loop = require('./internal/loop.js');

var TCGETS = 0x5401;
var TIOCGWINSZ = 0x5413;

function isatty(fd) {
    if (typeof fd !== 'number' || fd !== (fd | 0) || fd < 0)
        return false;
    return sys.ioctl(fd, TCGETS, new Uint8Array(64)) === 0;
}

function systemError(syscall, errno) {
    var name = sys.errnoName(errno);
    var error = new Error(syscall + ' ' + name);
    error.errno = errno;
    error.code = name;
    error.syscall = syscall;
    return error;
}

function WriteStream(fd) {
    if (!(this instanceof WriteStream))
        return new WriteStream(fd);
    stream.Writable.call(this, { decodeStrings: false, emitClose: false });
    this.fd = fd;
    this.isTTY = isatty(fd);
    this._type = this.isTTY ? 'tty' : 'fs';
}
WriteStream.prototype = Object.create(stream.Writable.prototype);
WriteStream.prototype.constructor = WriteStream;

WriteStream.prototype._write = function (chunk, encoding, callback) {
    var bytes;
    if (typeof chunk !== 'string')
        bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    else if (!encoding || encoding === 'utf8' || encoding === 'utf-8')
        bytes = sys.encodeUtf8(chunk);
    else
        bytes = Buffer.from(chunk, encoding);
    var r = sys.writeAll(this.fd, bytes);
    callback(r < 0 ? systemError('write', r) : null);
};

// The terminal's size (TIOCGWINSZ: rows, columns as u16 at offsets 0, 2);
// a console without one (bare metal's serial line) reports 80x24.
WriteStream.prototype.getWindowSize = function () {
    var size = new Uint16Array(4);
    if (this.isTTY && sys.ioctl(this.fd, TIOCGWINSZ, size) === 0 && size[1] > 0)
        return [size[1], size[0]];
    return [80, 24];
};
Object.defineProperty(WriteStream.prototype, 'columns', {
    get: function () { return this.isTTY ? this.getWindowSize()[0] : undefined; } });
Object.defineProperty(WriteStream.prototype, 'rows', {
    get: function () { return this.isTTY ? this.getWindowSize()[1] : undefined; } });
WriteStream.prototype.hasColors = function () { return false; };
WriteStream.prototype.getColorDepth = function () { return 1; };

function ReadStream(fd) {
    if (!(this instanceof ReadStream))
        return new ReadStream(fd);
    stream.Readable.call(this, { highWaterMark: 65536 });
    this.fd = fd;
    this.isTTY = isatty(fd);
    this.isRaw = false;
    this._watching = false;
    this._ref = true;
}
ReadStream.prototype = Object.create(stream.Readable.prototype);
ReadStream.prototype.constructor = ReadStream;

ReadStream.prototype._read = function () {
    if (this._watching)
        return;
    var self = this;
    this._watching = true;
    loop.watchReadable(this.fd, function () { self._readable(); });
    loop.setWatchRef(this.fd, this._ref);
};

ReadStream.prototype._stopWatching = function () {
    if (this._watching) {
        this._watching = false;
        loop.unwatch(this.fd);
    }
};

// The fd is readable: one read, pushed; a full buffer (push false) stops
// the watching until the consumer asks again.
ReadStream.prototype._readable = function () {
    var buffer = new Uint8Array(65536);
    var n = sys.read(this.fd, buffer, buffer.length);
    if (n === -sys.errno.EINTR || n === -sys.errno.EAGAIN)
        return;
    if (n < 0) {
        this._stopWatching();
        this.destroy(systemError('read', n));
        return;
    }
    if (n === 0) {
        this._stopWatching();
        this.push(null);
        return;
    }
    var chunk = buffer.subarray(0, n);
    if (!this.push(typeof Buffer === 'function' ? Buffer.from(chunk.buffer, 0, n) : chunk))
        this._stopWatching();
};

ReadStream.prototype._destroy = function (error, callback) {
    this._stopWatching();
    callback(error);
};

ReadStream.prototype.ref = function () {
    this._ref = true;
    loop.setWatchRef(this.fd, true);
    return this;
};
ReadStream.prototype.unref = function () {
    this._ref = false;
    loop.setWatchRef(this.fd, false);
    return this;
};
ReadStream.prototype.setRawMode = function () {
    throw new Error('process.stdin.setRawMode is not supported in unode (readline puts ' +
        'the terminal in raw mode itself)');
};

exports.isatty = isatty;
exports.ReadStream = ReadStream;
exports.WriteStream = WriteStream;
