// fs.ReadStream and fs.WriteStream over the synchronous fs calls: a file
// opened in _construct (events 'open' then 'ready'), read or written in
// chunks, closed in _destroy when autoClose (event 'close').
'use strict';

var Readable = require('../stream.js').Readable;
var Writable = require('../stream.js').Writable;
var Buffer = require('../buffer.js').Buffer;

module.exports = function (fs) {
    function openIn(stream, callback) {
        if (typeof stream.fd === 'number') {
            callback();
            return;
        }
        try {
            stream.fd = fs.openSync(stream.path, stream.flags, stream.mode);
        } catch (e) {
            callback(e);
            return;
        }
        stream.emit('open', stream.fd);
        stream.emit('ready');
        callback();
    }

    function closeIn(stream, error, callback) {
        if (stream.autoClose && typeof stream.fd === 'number') {
            try {
                fs.closeSync(stream.fd);
            } catch (e) {
                error = error || e;
            }
            stream.fd = null;
        }
        callback(error);
    }

    function ReadStream(path, options) {
        if (!(this instanceof ReadStream))
            return new ReadStream(path, options);
        options = typeof options === 'string' ? { encoding: options } : (options || {});
        Readable.call(this, { highWaterMark: options.highWaterMark || 65536,
            encoding: options.encoding, emitClose: options.emitClose !== false });
        this.path = typeof options.fd === 'number' ? undefined : path;
        this.fd = typeof options.fd === 'number' ? options.fd : null;
        this.flags = options.flags === undefined ? 'r' : options.flags;
        this.mode = options.mode === undefined ? 438 : options.mode;
        this.start = options.start;
        this.end = options.end === undefined ? Infinity : options.end;
        this.pos = this.start;
        this.autoClose = options.autoClose !== false;
        this.bytesRead = 0;
    }
    ReadStream.prototype = Object.create(Readable.prototype, {
        constructor: { value: ReadStream, writable: true, configurable: true },
        pending: { get: function () { return this.fd === null; } }
    });
    ReadStream.prototype._construct = function (callback) { openIn(this, callback); };
    ReadStream.prototype._read = function (size) {
        var want = size;
        if (this.end !== Infinity) {
            var at = this.pos === undefined ? this.bytesRead : this.pos;
            want = Math.min(size, this.end - at + 1);
        }
        if (want <= 0) {
            this.push(null);
            return;
        }
        var buffer = Buffer.allocUnsafe(want);
        var n;
        try {
            n = fs.readSync(this.fd, buffer, 0, want, this.pos === undefined ? null : this.pos);
        } catch (e) {
            this.destroy(e);
            return;
        }
        if (this.pos !== undefined)
            this.pos += n;
        this.bytesRead += n;
        this.push(n > 0 ? buffer.subarray(0, n) : null);
    };
    ReadStream.prototype._destroy = function (error, callback) { closeIn(this, error, callback); };
    ReadStream.prototype.close = function (callback) {
        if (callback)
            this.once('close', callback);
        this.destroy();
    };

    function WriteStream(path, options) {
        if (!(this instanceof WriteStream))
            return new WriteStream(path, options);
        options = typeof options === 'string' ? { encoding: options } : (options || {});
        Writable.call(this, { highWaterMark: options.highWaterMark,
            decodeStrings: true, defaultEncoding: options.encoding || 'utf8',
            emitClose: options.emitClose !== false });
        this.path = typeof options.fd === 'number' ? undefined : path;
        this.fd = typeof options.fd === 'number' ? options.fd : null;
        this.flags = options.flags === undefined ? 'w' : options.flags;
        this.mode = options.mode === undefined ? 438 : options.mode;
        this.start = options.start;
        this.pos = this.start;
        this.autoClose = options.autoClose !== false;
        this.bytesWritten = 0;
    }
    WriteStream.prototype = Object.create(Writable.prototype, {
        constructor: { value: WriteStream, writable: true, configurable: true },
        pending: { get: function () { return this.fd === null; } }
    });
    WriteStream.prototype._construct = function (callback) { openIn(this, callback); };
    WriteStream.prototype._write = function (chunk, encoding, callback) {
        try {
            var done = 0;
            while (done < chunk.length) {
                var n = fs.writeSync(this.fd, chunk, done, chunk.length - done,
                    this.pos === undefined ? null : this.pos + done);
                done += n;
            }
            if (this.pos !== undefined)
                this.pos += done;
            this.bytesWritten += done;
        } catch (e) {
            callback(e);
            return;
        }
        callback();
    };
    WriteStream.prototype._destroy = function (error, callback) { closeIn(this, error, callback); };
    WriteStream.prototype.close = function (callback) {
        if (callback)
            this.once('close', callback);
        this.end();
    };
    WriteStream.prototype.destroySoon = WriteStream.prototype.end;

    return { ReadStream: ReadStream, WriteStream: WriteStream };
};
