// http.OutgoingMessage: the common half of ServerResponse and ClientRequest:
// the header table, the head (status or request line and headers, sent with
// the first body bytes), the body as is, with Content-Length, or in chunked
// transfer encoding, and 'finish' once the socket has taken the last bytes.
'use strict';

var Stream = require('../streams/legacy.js');
var Buffer = require('../../buffer.js').Buffer;
var codedErrors = require('../coded_errors.js');
var token = require('./token.js');
var emitKnown = require('../emit_known.js').emitKnown;  // emit() for the hot paths
var latin1Write = require('../buffer_codecs.js').latin1Write;

var HIGH_WATER_MARK = 16384;  // the socket's, for bytes held before it exists

// The state a message starts with is the prototype's (below): a
// constructor that wrote its twenty fields to every response made each
// one grow its property table twice; a field becomes the message's own
// when it is first set.
function OutgoingMessage() {
    Stream.call(this);
}
OutgoingMessage.prototype = Object.create(Stream.prototype, {
    constructor: { value: OutgoingMessage, writable: true, configurable: true }
});
var initial = OutgoingMessage.prototype;
initial._headerTable = null;     // lower-case name -> [name, value]
initial._header = null;          // the head, once built
initial._headerSent = false;
initial._last = false;           // close the connection after this message
initial.chunkedEncoding = false;
initial.useChunkedEncodingByDefault = true;
initial.sendDate = false;
initial.shouldKeepAlive = true;
initial._hasBody = true;
initial._contentLength = null;
initial._keepAliveTimeout = 0;
initial.finished = false;
initial.writableEnded = false;
initial.writableFinished = false;
initial.destroyed = false;
initial.socket = null;
initial._outbox = null;          // bytes waiting for a socket: [{data, callback}]
initial._outboxSize = 0;
initial._needDrain = false;      // a write returned false before the socket came
initial._drainWaiting = false;
Object.setPrototypeOf(OutgoingMessage, Stream);

Object.defineProperty(OutgoingMessage.prototype, 'headersSent', {
    get: function () { return this._header !== null; }, configurable: true });
Object.defineProperty(OutgoingMessage.prototype, 'connection', {
    get: function () { return this.socket; }, configurable: true });
Object.defineProperty(OutgoingMessage.prototype, 'writable', {
    get: function () { return !this.writableEnded && !this.destroyed; }, configurable: true });

function validateHeaderName(name) {
    if (typeof name !== 'string' || !name || !token.isToken(name))
        throw codedErrors.make(TypeError, 'ERR_INVALID_HTTP_TOKEN',
            'Header name must be a valid HTTP token ["' + name + '"]');
}

function validateHeaderValue(name, value) {
    if (value === void 0)
        throw codedErrors.make(TypeError, 'ERR_HTTP_INVALID_HEADER_VALUE',
            'Invalid value "' + value + '" for header "' + name + '"');
    // The usual values first: a number's text is always valid, a string is
    // checked as it is (no array made around it, no String() call).
    if (typeof value === 'number')
        return;
    if (typeof value === 'string') {
        if (!token.isValidValue(value))
            throw codedErrors.make(TypeError, 'ERR_INVALID_CHAR',
                'Invalid character in header content ["' + name + '"]');
        return;
    }
    var values = Array.isArray(value) ? value : [value];
    for (var i = 0; i < values.length; i++) {
        if (!token.isValidValue(String(values[i])))
            throw codedErrors.make(TypeError, 'ERR_INVALID_CHAR',
                'Invalid character in header content ["' + name + '"]');
    }
}

OutgoingMessage.prototype.setHeader = function (name, value) {
    if (this._header !== null)
        throw codedErrors.make(Error, 'ERR_HTTP_HEADERS_SENT',
            'Cannot set headers after they are sent to the client');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    if (this._headerTable === null)
        this._headerTable = {};
    this._headerTable[token.lowerCase(name)] = [name, value];
    return this;
};

OutgoingMessage.prototype.appendHeader = function (name, value) {
    var existing = this.getHeader(name);
    if (existing === void 0)
        return this.setHeader(name, value);
    return this.setHeader(name, [].concat(existing, value));
};

OutgoingMessage.prototype.getHeader = function (name) {
    if (typeof name !== 'string')
        throw codedErrors.invalidArgType('name', 'string', name);
    var entry = this._headerTable && this._headerTable[token.lowerCase(name)];
    return entry ? entry[1] : void 0;
};

OutgoingMessage.prototype.getHeaders = function () {
    var result = Object.create(null);
    for (var key in this._headerTable || {})
        result[key] = this._headerTable[key][1];
    return result;
};

OutgoingMessage.prototype.getHeaderNames = function () {
    return Object.keys(this._headerTable || {});
};

OutgoingMessage.prototype.getRawHeaderNames = function () {
    var table = this._headerTable || {};
    return Object.keys(table).map(function (key) { return table[key][0]; });
};

OutgoingMessage.prototype.hasHeader = function (name) {
    return !!(this._headerTable && this._headerTable[token.lowerCase(String(name))]);
};

OutgoingMessage.prototype.removeHeader = function (name) {
    if (this._header !== null)
        throw codedErrors.make(Error, 'ERR_HTTP_HEADERS_SENT',
            'Cannot remove headers after they are sent to the client');
    if (this._headerTable)
        delete this._headerTable[token.lowerCase(String(name))];
};

// Builds the head: firstLine, the headers as set, then `headers` (an
// object of name: value, writeHead's, not in the table: Node's fast path
// when nothing was set before), then the ones Node adds (Date, Connection,
// Keep-Alive, Content-Length or Transfer-Encoding).
OutgoingMessage.prototype._storeHeader = function (firstLine, headers) {
    var head = firstLine, seen = 0, key, name, value, i;
    var table = this._headerTable;
    if (table !== null) {
        for (key in table) {
            name = table[key][0];
            value = table[key][1];
            head += headerLines(name, value);
            if (FRAMING[key.length] === true)  // (most names need no compare)
                seen |= framing(this, key, value);
        }
    }
    if (headers) {
        var keys = Object.keys(headers);
        for (i = 0; i < keys.length; i++) {
            name = keys[i];
            value = headers[name];
            if (value === void 0)
                continue;
            validateHeaderName(name);
            validateHeaderValue(name, value);
            head += headerLines(name, value);
            if (FRAMING[name.length] === true)
                seen |= framing(this, token.lowerCase(name), value);
        }
    }
    if (this.sendDate && !(seen & SEEN_DATE))
        head += dateLine();
    if (!(seen & SEEN_CONNECTION)) {
        var keepAlive = this.shouldKeepAlive &&
            ((seen & SEEN_LENGTH) || this.useChunkedEncodingByDefault || this.agent);
        if (keepAlive) {
            head += keepAliveLines(this._keepAliveTimeout);
        } else {
            this._last = true;
            head += 'Connection: close\r\n';
        }
    }
    if (!(seen & (SEEN_LENGTH | SEEN_TE))) {
        if (!this._hasBody) {
            this.chunkedEncoding = false;
        } else if (!this.useChunkedEncodingByDefault) {
            this._last = this._last || !this.shouldKeepAlive;
        } else if (typeof this._contentLength === 'number') {
            head += 'Content-Length: ' + this._contentLength + '\r\n';
        } else {
            head += 'Transfer-Encoding: chunked\r\n';
            this.chunkedEncoding = true;
        }
    }
    this._header = head + '\r\n';
};

// "name: value\r\n", a line per value of an array.
function headerLines(name, value) {
    if (typeof value !== 'object' || !Array.isArray(value))  // (strings skip the call)
        return name + ': ' + value + '\r\n';
    var lines = '';
    for (var i = 0; i < value.length; i++)
        lines += name + ': ' + value[i] + '\r\n';
    return lines;
}

// The headers that decide the framing, by the lengths of their names:
// date, connection, content-length, transfer-encoding.
var SEEN_DATE = 1, SEEN_CONNECTION = 2, SEEN_LENGTH = 4, SEEN_TE = 8;
var FRAMING = [];
FRAMING[4] = FRAMING[10] = FRAMING[14] = FRAMING[17] = true;

// What header `key` (lower case) says about the framing: its SEEN_ bit,
// 0 for another header.
function framing(message, key, value) {
    if (typeof value === 'object' && Array.isArray(value))
        value = value.join(',');
    if (key === 'connection') {
        if (/(^|,)\s*close\s*(,|$)/i.test(value))
            message._last = true;
        else
            message.shouldKeepAlive = true;
        return SEEN_CONNECTION;
    }
    if (key === 'content-length')
        return SEEN_LENGTH;
    if (key === 'transfer-encoding') {
        if (/(^|,)\s*chunked\s*$/i.test(value))
            message.chunkedEncoding = true;
        return SEEN_TE;
    }
    return key === 'date' ? SEEN_DATE : 0;
}

var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function two(n) { return (n < 10 ? '0' : '') + n; }

// RFC 9110's IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" (what V8's
// toUTCString prints; Duktape's differs).
function httpDate(date) {
    return DAYS[date.getUTCDay()] + ', ' + two(date.getUTCDate()) + ' ' +
        MONTHS[date.getUTCMonth()] + ' ' + date.getUTCFullYear() + ' ' +
        two(date.getUTCHours()) + ':' + two(date.getUTCMinutes()) + ':' +
        two(date.getUTCSeconds()) + ' GMT';
}
OutgoingMessage.httpDate = httpDate;

// The Date header changes once a second: its line is made once a second,
// as Node's utcDate() does, not for every response. (Each string made in
// Duktape is hashed and interned: the head is built from as few pieces as
// can be.)
var dateSecond = -1, dateText = '';
function dateLine() {
    var now = Date.now();
    var second = (now - now % 1000) / 1000;
    if (second !== dateSecond) {
        dateSecond = second;
        dateText = 'Date: ' + httpDate(new Date(now)) + '\r\n';
    }
    return dateText;
}

// "Connection: keep-alive" and, with a timeout, "Keep-Alive: timeout=N",
// made again only when the timeout changes.
var keepAliveFor = -1, keepAliveText = '';
function keepAliveLines(timeoutMs) {
    if (timeoutMs !== keepAliveFor) {
        keepAliveFor = timeoutMs;
        keepAliveText = 'Connection: keep-alive\r\n' +
            (timeoutMs ? 'Keep-Alive: timeout=' + Math.floor(timeoutMs / 1000) + '\r\n' : '');
    }
    return keepAliveText;
}

function toBuffer(chunk, encoding) {
    return typeof chunk === 'string' ? Buffer.from(chunk, encoding || 'utf8') : chunk;
}

// Hands bytes to the socket, the head first; without a socket yet, keeps
// them. Returns false (and 'drain' follows) when the socket's buffer, or
// the outbox, is full.
// The head is joined with the first bytes when they are few (one write,
// one segment), else written on its own (as Node does, with writev):
// joining copies the body, and a 16 MiB one costs ~13 M instructions to
// allocate and copy on bare metal.
var JOIN_MAX = 65536;
OutgoingMessage.prototype._send = function (data, callback) {
    if (!this._headerSent) {
        this._headerSent = true;
        var head = this._header;
        if (data.length <= JOIN_MAX) {
            var both = Buffer.allocUnsafe(head.length + data.length);
            latin1Write(both, head, 0, head.length);  // (Buffer#write would check its arguments)
            both.set(data, head.length);
            data = both;
        } else {
            this._writeRaw(Buffer.from(head, 'latin1'), void 0);
        }
    }
    return this._writeRaw(data, callback);
};

OutgoingMessage.prototype._writeRaw = function (data, callback) {
    if (this.socket !== null && this._outbox === null && !this.socket.connecting) {
        var ok = this.socket.write(data, callback);
        if (!ok)
            this._waitDrain();
        return ok;
    }
    if (this._outbox === null)
        this._outbox = [];
    this._outbox.push({ data: data, callback: callback });
    this._outboxSize += data.length;
    if (this._outboxSize >= HIGH_WATER_MARK) {
        this._needDrain = true;
        return false;
    }
    return true;
};

OutgoingMessage.prototype._waitDrain = function () {
    var self = this;
    if (this._drainWaiting)
        return;
    this._drainWaiting = true;
    this.socket.once('drain', function () {
        self._drainWaiting = false;
        self.emit('drain');
    });
};

// The socket is ready: what was written before goes out now.
OutgoingMessage.prototype._flushOutbox = function () {
    var outbox = this._outbox || [];
    var ok = true;
    this._outbox = null;
    this._outboxSize = 0;
    for (var i = 0; i < outbox.length; i++)
        ok = this.socket.write(outbox[i].data, outbox[i].callback);
    if (this._needDrain) {
        this._needDrain = false;
        var self = this;
        if (ok)
            process.nextTick(function () { self.emit('drain'); });
        else
            this._waitDrain();
    }
};

function writeAfterEnd(message, callback) {
    var error = codedErrors.make(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
    process.nextTick(function () {
        message.emit('error', error);
        if (typeof callback === 'function')
            callback(error);
    });
}

OutgoingMessage.prototype.write = function (chunk, encoding, callback) {
    if (typeof encoding === 'function') {
        callback = encoding;
        encoding = null;
    }
    if (this.finished) {
        writeAfterEnd(this, callback);
        return true;
    }
    var data = this._bodyBytes(chunk, encoding, false);
    if (data === null) {
        if (typeof callback === 'function')
            process.nextTick(callback);
        return true;
    }
    return this._send(data, callback);
};

// The bytes that carry `chunk` (framed when the encoding is chunked), or
// null when there are none to send (an empty chunk, or a message without a
// body). The head is made first if it is not yet: when `ending`, the chunk
// is the whole body, and its length becomes Content-Length.
OutgoingMessage.prototype._bodyBytes = function (chunk, encoding, ending) {
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array))
        throw codedErrors.invalidArgType('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
    var data = toBuffer(chunk, encoding);
    if (this._header === null) {
        if (ending)
            this._contentLength = data.length;
        this._implicitHeader();
    }
    if (!this._hasBody || data.length === 0)
        return null;
    if (this.chunkedEncoding) {
        data = Buffer.concat([Buffer.from(data.length.toString(16) + '\r\n', 'latin1'), data,
            Buffer.from('\r\n', 'latin1')]);
    }
    return data;
};

// The last bytes (the body's, or the chunked encoding's terminator, or
// none) go to the socket with the callback that makes 'finish': one write
// for a whole response given to end(), head included.
OutgoingMessage.prototype.end = function (chunk, encoding, callback) {
    if (typeof chunk === 'function') {
        callback = chunk;
        chunk = null;
    } else if (typeof encoding === 'function') {
        callback = encoding;
        encoding = null;
    }
    if (this.finished) {
        if (typeof callback === 'function')
            process.nextTick(callback);
        return this;
    }
    var data = chunk !== null && chunk !== void 0 ? this._bodyBytes(chunk, encoding, true) : null;
    if (this._header === null) {
        this._contentLength = 0;
        this._implicitHeader();
    }
    if (typeof callback === 'function')
        this.once('finish', callback);
    this.finished = true;
    this.writableEnded = true;
    if (this.chunkedEncoding && this._hasBody) {
        var terminator = Buffer.from('0\r\n\r\n', 'latin1');
        data = data === null ? terminator : Buffer.concat([data, terminator]);
    }
    this._send(data !== null ? data : Buffer.alloc(0), this._finishCallback());
    return this;
};

// The callback of the write with the last bytes: it emits 'finish'. (A
// ServerResponse uses one its connection made once: a closure costs
// Duktape ~5,700 instructions, one per response.)
OutgoingMessage.prototype._finishCallback = function () {
    var self = this;
    return function () { self._onFinish(); };
};

OutgoingMessage.prototype._onFinish = function () {
    if (this.writableFinished)
        return;
    this.writableFinished = true;
    emitKnown(this, 0, 'finish');
};

OutgoingMessage.prototype.flushHeaders = function () {
    if (this._header === null)
        this._implicitHeader();
    this._send(Buffer.alloc(0));
};

OutgoingMessage.prototype.setTimeout = function (msecs, callback) {
    if (callback)
        this.on('timeout', callback);
    if (this.socket)
        this.socket.setTimeout(msecs);
    else
        this.once('socket', function (socket) { socket.setTimeout(msecs); });
    return this;
};

OutgoingMessage.prototype.destroy = function (error) {
    if (this.destroyed)
        return this;
    this.destroyed = true;
    if (this.socket)
        this.socket.destroy(error);
    else
        this.once('socket', function (socket) { socket.destroy(error); });
    return this;
};

module.exports = OutgoingMessage;
