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

// The fields a message starts with are the prototype's (below), made the
// message's own when first set (the parser sets a few): a constructor
// writing all of them made each request's message grow its property table
// more than once. The arrays are each message's own; the trailers object
// is made when asked for.
function IncomingMessage(socket) {
    Readable.call(this);
    this.socket = socket;
    this.rawHeaders = [];
    this.rawTrailers = [];
}
IncomingMessage.prototype = Object.create(Readable.prototype, {
    constructor: { value: IncomingMessage, writable: true, configurable: true }
});
var initial = IncomingMessage.prototype;
initial.httpVersionMajor = null;
initial.httpVersionMinor = null;
initial.httpVersion = null;
initial.complete = false;
initial.aborted = false;
initial.upgrade = null;
initial.url = '';
initial.method = null;
initial.statusCode = null;
initial.statusMessage = null;
initial._headers = null;
initial._trailers = null;
initial._expect = void 0;  // headers.expect, from the parser (server.js)
initial._socketPaused = false;
Object.defineProperty(IncomingMessage.prototype, 'trailers', {
    get: function () {
        if (this._trailers === null)
            this._trailers = {};
        return this._trailers;
    },
    set: function (value) { this._trailers = value; },
    configurable: true
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
    if (info.method !== void 0) {
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
