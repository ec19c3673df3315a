// process.stdin until unode's stream module (stream.Readable) replaces it:
// an EventEmitter with the flowing-mode part of a Readable. Adding a
// 'data' listener (or resume()) starts reading fd 0 through the event
// loop; pause() stops; end of input emits 'end' then 'close'. Chunks are
// Uint8Arrays (Buffers once buffer.js is there), or strings after
// setEncoding('utf8').
'use strict';

var sys = require('sys');
var EventEmitter = require('../events.js');
var loop = require('./loop.js');

function ReadStream(fd) {
    EventEmitter.call(this);
    this.fd = fd;
    this.readable = true;
    this.isTTY = sys.ioctl(fd, 0x5401 /* TCGETS */, new Uint8Array(64)) === 0;
    this._encoding = null;
    this._flowing = false;
    this._ended = false;
    var self = this;
    this.on('newListener', function (name) {
        if (name === 'data' && !self._flowing && !self._paused)
            loop.nextTick(function () { self.resume(); });
    });
}
ReadStream.prototype = Object.create(EventEmitter.prototype);
ReadStream.prototype.constructor = ReadStream;

ReadStream.prototype.setEncoding = function (encoding) {
    var name = String(encoding).toLowerCase();
    if (name !== 'utf8' && name !== 'utf-8')
        throw new Error('process.stdin.setEncoding(' + JSON.stringify(encoding) +
            ') is not supported in unode (only utf8)');
    this._encoding = 'utf8';
    return this;
};

ReadStream.prototype._readOnce = function () {
    var buffer = new Uint8Array(65536);
    var n = sys.read(this.fd, buffer, buffer.length);
    if (n === -sys.errno.EINTR || n === -sys.errno.EAGAIN)
        return;
    if (n <= 0) {
        this._finish();
        return;
    }
    var chunk = buffer.subarray(0, n);
    if (this._encoding !== null)
        chunk = sys.decodeUtf8(chunk);
    else if (typeof Buffer === 'function' && typeof Buffer.from === 'function')
        chunk = Buffer.from(chunk.buffer, 0, n);
    this.emit('data', chunk);
};

ReadStream.prototype._finish = function () {
    if (this._ended)
        return;
    this._ended = true;
    this.readable = false;
    this.pause();
    var self = this;
    loop.nextTick(function () {
        self.emit('end');
        self.emit('close');
    });
};

ReadStream.prototype.resume = function () {
    this._paused = false;
    if (this._flowing || this._ended)
        return this;
    this._flowing = true;
    var self = this;
    loop.watchReadable(this.fd, function () { self._readOnce(); });
    this.emit('resume');
    return this;
};

ReadStream.prototype.pause = function () {
    this._paused = true;
    if (this._flowing) {
        this._flowing = false;
        loop.unwatch(this.fd);
        this.emit('pause');
    }
    return this;
};

ReadStream.prototype.isPaused = function () { return !this._flowing; };
ReadStream.prototype.ref = function () { loop.setWatchRef(this.fd, true); return this; };
ReadStream.prototype.unref = function () { loop.setWatchRef(this.fd, false); return this; };
ReadStream.prototype.destroy = function () { this._finish(); return this; };
ReadStream.prototype.setRawMode = function () {
    throw new Error('process.stdin.setRawMode is not supported in unode (use readline)');
};

exports.ReadStream = ReadStream;
