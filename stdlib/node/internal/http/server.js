// http.Server and http.ServerResponse. Each connection has a parser;
// requests are answered one at a time in order (a pipelined request waits
// for the response before it), and the connection stays open after a
// response when both sides keep it alive, closing after keepAliveTimeout
// of idleness. server.close() also closes the idle connections, as Node 19+.
'use strict';

var net = require('../../net.js');
var Buffer = require('../../buffer.js').Buffer;
var codedErrors = require('../coded_errors.js');
var HTTPParser = require('./parser.js');
var IncomingMessage = require('./incoming.js');
var OutgoingMessage = require('./outgoing.js');
var STATUS_CODES = require('./status_codes.js');
var emitKnown = require('../emit_known.js').emitKnown;  // emit() for the hot paths

function ServerResponse(req) {
    OutgoingMessage.call(this);
    this.req = req;
    if (req.method === 'HEAD')
        this._hasBody = false;
    if (req.httpVersionMajor < 1 || (req.httpVersionMajor === 1 && req.httpVersionMinor < 1)) {
        this.useChunkedEncodingByDefault = /(^|,)\s*chunked\s*(,|$)/i.test(req.headers.te || '');
    }
}
ServerResponse.prototype = Object.create(OutgoingMessage.prototype, {
    constructor: { value: ServerResponse, writable: true, configurable: true }
});
// Starting values, as OutgoingMessage's (outgoing.js): the response's own
// once set.
ServerResponse.prototype._connection = null;  // the server's connection state (next())
ServerResponse.prototype.statusCode = 200;
ServerResponse.prototype.statusMessage = void 0;
ServerResponse.prototype.sendDate = true;
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

// writeHead(statusCode[, statusMessage][, headers])
ServerResponse.prototype.writeHead = function (statusCode, reason, headers) {
    if (this._header !== null)
        throw codedErrors.make(Error, 'ERR_HTTP_HEADERS_SENT',
            'Cannot write headers after they are sent to the client');
    if (typeof reason !== 'string') {
        headers = reason;
        reason = void 0;
    }
    statusCode |= 0;
    if (statusCode < 100 || statusCode > 999)
        throw codedErrors.make(RangeError, 'ERR_HTTP_INVALID_STATUS_CODE',
            'Invalid status code: ' + statusCode);
    this.statusCode = statusCode;
    this.statusMessage = reason || this.statusMessage || STATUS_CODES[statusCode] || 'unknown';
    var i, direct;
    if (Array.isArray(headers)) {
        for (i = 0; i + 1 < headers.length; i += 2)
            this.appendHeader(headers[i], headers[i + 1]);
    } else if (headers && this._headerTable !== null) {  // merged with those set before
        var keys = Object.keys(headers);
        for (i = 0; i < keys.length; i++) {
            if (headers[keys[i]] !== void 0)
                this.setHeader(keys[i], headers[keys[i]]);
        }
    } else if (headers) {
        // Only writeHead's: they go into the head as they are, not into the
        // table (Node's fast path: getHeader() does not see them either).
        direct = headers;
    }
    if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode < 200))
        this._hasBody = false;
    this._storeHeader(statusLine(statusCode, this.statusMessage), direct);
    return this;
};

// 'HTTP/1.1 200 OK\r\n', made again only when the status changes.
var lastCode = 0, lastMessage = '', lastLine = '';
function statusLine(code, message) {
    if (code !== lastCode || message !== lastMessage) {
        lastCode = code;
        lastMessage = message;
        lastLine = 'HTTP/1.1 ' + code + ' ' + message + '\r\n';
    }
    return lastLine;
}

ServerResponse.prototype._implicitHeader = function () { this.writeHead(this.statusCode); };

ServerResponse.prototype._finishCallback = function () {
    return this._connection !== null ? this._connection.finishActive :
        OutgoingMessage.prototype._finishCallback.call(this);
};

ServerResponse.prototype.writeContinue = function (callback) {
    this.socket.write('HTTP/1.1 100 Continue\r\n\r\n', callback);
};

function Server(options, requestListener) {
    if (!(this instanceof Server))
        return new Server(options, requestListener);
    if (typeof options === 'function') {
        requestListener = options;
        options = {};
    }
    options = options || {};
    net.Server.call(this, { noDelay: options.noDelay !== false,
        keepAlive: !!options.keepAlive, allowHalfOpen: true });
    if (requestListener)
        this.on('request', requestListener);
    this.keepAliveTimeout = options.keepAliveTimeout === void 0 ? 5000
        : options.keepAliveTimeout;
    this.timeout = 0;
    this.requestTimeout = 300000;
    this.headersTimeout = 60000;
    this.maxHeadersCount = null;
    this._httpConnections = [];
    this.on('connection', onConnection);
}
Server.prototype = Object.create(net.Server.prototype, {
    constructor: { value: Server, writable: true, configurable: true }
});
Object.setPrototypeOf(Server, net.Server);

Server.prototype.setTimeout = function (msecs, callback) {
    this.timeout = msecs;
    if (callback)
        this.on('timeout', callback);
    return this;
};

Server.prototype.close = function () {
    this.closeIdleConnections();
    return net.Server.prototype.close.apply(this, arguments);
};

Server.prototype.closeIdleConnections = function () {
    this._httpConnections.slice().forEach(function (connection) {
        if (connection.idle())
            connection.socket.destroy();
    });
};

Server.prototype.closeAllConnections = function () {
    this._httpConnections.slice().forEach(function (connection) {
        connection.socket.destroy();
    });
};

// One connection's state: its parser, the requests waiting for their turn,
// the response being written.
function Connection(server, socket) {
    var connection = this;
    this.server = server;
    this.socket = socket;
    // The finish callback of every response on this connection (one at a
    // time: the next one is emitted after the last one's 'finish').
    this.finishActive = function () {
        if (connection.active !== null)
            connection.active._onFinish();
    };
    this.parser = new HTTPParser('request');
    this.waiting = [];   // [req, res] pairs parsed but not yet emitted
    this.active = null;  // the response being produced
    this.request = null; // the request being parsed
}

Connection.prototype.idle = function () {
    return this.active === null && this.waiting.length === 0 && this.parser.isIdle();
};

function onConnection(socket) {
    var server = this;
    var connection = new Connection(server, socket);
    server._httpConnections.push(connection);
    var parser = connection.parser;
    if (server.timeout)
        socket.setTimeout(server.timeout);
    parser.onHeaders = function (info) {
        var req = new IncomingMessage(socket);
        req._setInfo(info);
        req.shouldKeepAlive = info.shouldKeepAlive;
        connection.request = req;
        var res = new ServerResponse(req);
        res.shouldKeepAlive = info.shouldKeepAlive;
        res._keepAliveTimeout = server.keepAliveTimeout;
        if (connection.active === null && connection.waiting.length === 0)
            start(connection, req, res);  // (the usual case: no queue)
        else
            connection.waiting.push([req, res]);
    };
    parser.onBody = function (chunk) {
        connection.request._pushBody(Buffer.from(chunk));
    };
    parser.onComplete = function () {
        var req = connection.request;
        req.complete = true;
        req.push(null);
    };
    socket.on('data', function (data) {
        var error = parser.feed(data);
        if (error !== null) {
            socket.removeAllListeners('data');
            if (server.listenerCount('clientError') > 0) {
                server.emit('clientError', error, socket);
            } else {
                socket.end(error.code === 'HPE_HEADER_OVERFLOW'
                    ? 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n'
                    : 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
                socket.destroySoon();
            }
        }
    });
    socket.on('end', function () {
        // The client is done sending; answer what it asked, then close.
        if (connection.idle())
            socket.end();
        else
            connection.closeAfter = true;
    });
    socket.on('timeout', function () {
        if (connection.idle()) {  // keepAliveTimeout between requests
            socket.destroy();
            return;
        }
        var req = connection.active && connection.active.req;
        var handled = (connection.active && connection.active.emit('timeout', socket)) ||
            (req && req.emit('timeout', socket)) || server.emit('timeout', socket);
        if (!handled)
            socket.destroy();
    });
    socket.on('error', function (error) {
        if (server.listenerCount('clientError') > 0)
            server.emit('clientError', error, socket);
        else
            socket.destroy();
    });
    socket.on('close', function () {
        var index = server._httpConnections.indexOf(connection);
        if (index !== -1)
            server._httpConnections.splice(index, 1);
        var res = connection.active;
        if (res !== null) {
            if (!res.req.complete) {
                res.req.aborted = true;
                res.req.emit('aborted');
            }
            res.req.emit('close');
            res.emit('close');
        }
    });
}

// Emits 'request' for the next parsed request of the connection.
function next(connection) {
    var pair = connection.waiting.shift();
    if (pair)
        start(connection, pair[0], pair[1]);
}

function start(connection, req, res) {
    var socket = connection.socket;
    connection.active = res;
    res.socket = socket;
    res._connection = connection;
    if (connection.server.keepAliveTimeout && socket.timeout === connection.server.keepAliveTimeout)
        socket.setTimeout(connection.server.timeout || 0);
    res.on('finish', onResponseFinish);
    // Expect, from the parser unless `headers` exists already: building
    // `headers` for every request costs more than most requests' reading.
    var expect = req._headers === null ? req._expect : req.headers.expect;
    if (expect && /^100-continue$/i.test(expect) && req.httpVersion === '1.1') {
        if (connection.server.listenerCount('checkContinue') > 0) {
            connection.server.emit('checkContinue', req, res);
            return;
        }
        res.writeContinue();
    }
    emitKnown(connection.server, 2, 'request', req, res);
}

// A response's 'finish' (`this` is the response; a function shared by all
// of them, not a closure per request): the next request's turn, or the
// keep-alive wait, or the end of the connection.
function onResponseFinish() {
    var res = this, req = res.req, connection = res._connection, socket = connection.socket;
    connection.active = null;
    if (!req.complete)
        req._dump();
    emitKnown(req, 0, 'close');
    emitKnown(res, 0, 'close');
    if (res._last || connection.closeAfter) {
        socket.destroySoon();
    } else if (connection.waiting.length > 0) {
        next(connection);
    } else if (connection.server.keepAliveTimeout) {
        socket.setTimeout(connection.server.keepAliveTimeout);
    }
}

function createServer(options, requestListener) {
    return new Server(options, requestListener);
}

exports.Server = Server;
exports.ServerResponse = ServerResponse;
exports.createServer = createServer;
