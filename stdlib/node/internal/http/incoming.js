// http.IncomingMessage: a request on the server or a response on the
// client; a Readable fed by the connection's parser. Header names are
// lower-cased into `headers` with Node's rules for duplicates; rawHeaders
// keeps them as received.
'use strict';

var Readable = require('../streams/readable.js');
var lowerCase = require('./token.js').lowerCase;

// Duplicates of these are dropped (the first wins), as in Node.
var SINGLE = ['age', 'authorization', 'content-length', 'content-type', 'etag', 'expires',
    'from', 'host', 'if-modified-since', 'if-unmodified-since', 'last-modified', 'location',
    'max-forwards', 'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent'];

function IncomingMessage(socket) {
    Readable.call(this);
    this.socket = socket;
    this.httpVersionMajor = null;
    this.httpVersionMinor = null;
    this.httpVersion = null;
    this.complete = false;
    this.rawHeaders = [];
    this.rawTrailers = [];
    this.trailers = {};
    this.aborted = false;
    this.upgrade = null;
    this.url = '';
    this.method = null;
    this.statusCode = null;
    this.statusMessage = null;
    this._headers = null;
    this._expect = undefined;  // headers.expect, from the parser (server.js)
    this._socketPaused = false;
}
IncomingMessage.prototype = Object.create(Readable.prototype, {
    constructor: { value: IncomingMessage, writable: true, configurable: true }
});
Object.setPrototypeOf(IncomingMessage, Readable);

Object.defineProperty(IncomingMessage.prototype, 'headers', {
    get: function () {
        if (this._headers === null)
            this._headers = headersObject(this.rawHeaders);
        return this._headers;
    },
    set: function (value) { this._headers = value; },
    configurable: true
});
Object.defineProperty(IncomingMessage.prototype, 'connection', {
    get: function () { return this.socket; }, configurable: true });

function headersObject(raw) {
    var headers = {};
    for (var i = 0; i < raw.length; i += 2) {
        var name = lowerCase(raw[i]);
        var value = raw[i + 1];
        if (!Object.prototype.hasOwnProperty.call(headers, name)) {
            headers[name] = name === 'set-cookie' ? [value] : value;
        } else if (name === 'set-cookie') {
            headers[name].push(value);
        } else if (SINGLE.indexOf(name) === -1) {
            headers[name] += (name === 'cookie' ? '; ' : ', ') + value;
        }
    }
    return headers;
}

IncomingMessage.prototype._setInfo = function (info) {
    this.httpVersionMajor = info.versionMajor;
    this.httpVersionMinor = info.versionMinor;
    this.httpVersion = info.versionMajor + '.' + info.versionMinor;
    this.rawHeaders = info.rawHeaders;
    this._expect = info.expect;
    if (info.method !== undefined) {
        this.method = info.method;
        this.url = info.url;
    } else {
        this.statusCode = info.statusCode;
        this.statusMessage = info.statusMessage;
    }
};

// Back-pressure: the connection pauses the socket when push() says the
// body's buffer is full (_pushBody); reading from the body resumes it.
IncomingMessage.prototype._read = function () {
    if (this._socketPaused) {
        this._socketPaused = false;
        this.socket.resume();
    }
};

IncomingMessage.prototype._pushBody = function (chunk) {
    if (!this.push(chunk) && !this._socketPaused) {
        this._socketPaused = true;
        this.socket.pause();
    }
};

IncomingMessage.prototype.setTimeout = function (msecs, callback) {
    if (this.socket)
        this.socket.setTimeout(msecs, callback);
    return this;
};

// Consumes a body nobody listens to, so the connection can go on.
IncomingMessage.prototype._dump = function () {
    if (!this._dumped) {
        this._dumped = true;
        this.resume();
    }
};

module.exports = IncomingMessage;
