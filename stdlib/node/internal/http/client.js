// http.ClientRequest: the request line and headers set before the first
// write, the body, then the response parsed from the connection into an
// IncomingMessage ('response'). Connections come from an Agent (keep-alive
// reuse) or, with agent: false, are opened for this request alone.
'use strict';

var Buffer = require('../../buffer.js').Buffer;
var net = require('../../net.js');
var codedErrors = require('../coded_errors.js');
var token = require('./token.js');
var HTTPParser = require('./parser.js');
var IncomingMessage = require('./incoming.js');
var OutgoingMessage = require('./outgoing.js');
var Agent = require('./agent.js');

var globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// Methods whose requests have no body by default (no chunked encoding).
var NO_BODY_METHODS = ['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'];

// url.parse-like split of 'http://host:port/path?query'.
function urlToOptions(text) {
    var URL = require('../../url.js').URL;
    var url = new URL(text);
    if (url.protocol !== 'http:') {
        var error = new TypeError('Protocol "' + url.protocol +
            '" not supported. Expected "http:"');
        error.code = 'ERR_INVALID_PROTOCOL';
        throw error;
    }
    var host = url.hostname.charAt(0) === '[' ? url.hostname.slice(1, -1) : url.hostname;
    var options = { protocol: url.protocol, hostname: host, host: host,
        path: (url.pathname || '/') + (url.search || ''), href: url.href };
    if (url.port !== '')
        options.port = Number(url.port);
    if (url.username || url.password)
        options.auth = decodeURIComponent(url.username) + ':' + decodeURIComponent(url.password);
    return options;
}

function ClientRequest(input, options, callback) {
    OutgoingMessage.call(this);
    if (typeof input === 'string' || (input && typeof input.href === 'string' &&
        typeof input.protocol === 'string' && !input.path)) {
        input = urlToOptions(String(input.href || input));
    } else {
        callback = options;
        options = input;
        input = null;
    }
    if (typeof options === 'function') {
        callback = options;
        options = null;
    }
    var merged = {};
    var key;
    for (key in input || {})
        merged[key] = input[key];
    for (key in options || {})
        merged[key] = options[key];
    options = merged;
    if (options.protocol && options.protocol !== 'http:') {
        var bad = new TypeError('Protocol "' + options.protocol +
            '" not supported. Expected "http:"');
        bad.code = 'ERR_INVALID_PROTOCOL';
        throw bad;
    }
    var agent = options.agent;
    if (agent === undefined)
        agent = globalAgent;
    this.agent = agent || null;
    var defaultPort = options.defaultPort || 80;
    var port = options.port === undefined || options.port === null ? defaultPort : +options.port;
    var host = options.hostname || options.host || 'localhost';
    var method = (options.method || 'GET').toUpperCase();
    if (!token.isToken(method))
        throw codedErrors.make(TypeError, 'ERR_INVALID_HTTP_TOKEN',
            'Method must be a valid HTTP token ["' + options.method + '"]');
    var path = options.path || '/';
    if (/[\u0000-\u0020]/.test(path))
        throw codedErrors.make(TypeError, 'ERR_UNESCAPED_CHARACTERS',
            'Request path contains unescaped characters');
    this.method = method;
    this.path = path;
    this.host = host;
    this.port = port;
    this.protocol = 'http:';
    this.reusedSocket = false;
    this.aborted = false;
    this.res = null;
    this.maxHeadersCount = null;
    this.shouldKeepAlive = !!(this.agent && this.agent.keepAlive);
    this.useChunkedEncodingByDefault = NO_BODY_METHODS.indexOf(method) === -1;
    if (callback)
        this.once('response', callback);
    var headers = options.headers;
    if (Array.isArray(headers)) {
        for (var i = 0; i + 1 < headers.length; i += 2)
            this.appendHeader(headers[i], headers[i + 1]);
    } else if (headers) {
        for (key in headers)
            this.setHeader(key, headers[key]);
    }
    if (!this.hasHeader('host') && options.setHost !== false)
        this.setHeader('Host', port !== defaultPort ? host + ':' + port : host);
    if (options.auth && !this.hasHeader('authorization'))
        this.setHeader('Authorization', 'Basic ' + Buffer.from(options.auth).toString('base64'));
    if (options.timeout !== undefined)
        this.setTimeout(options.timeout);

    var connectOptions = { host: host, port: port, localAddress: options.localAddress };
    if (this.agent) {
        this.agent.addRequest(this, connectOptions);
    } else if (typeof options.createConnection === 'function') {
        this.onSocket(options.createConnection(connectOptions));
    } else {
        this.onSocket(net.createConnection(connectOptions));
    }
}
ClientRequest.prototype = Object.create(OutgoingMessage.prototype, {
    constructor: { value: ClientRequest, writable: true, configurable: true }
});
Object.setPrototypeOf(ClientRequest, OutgoingMessage);

ClientRequest.prototype._implicitHeader = function () {
    this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n');
};

// The connection for this request (from the agent or opened for it).
ClientRequest.prototype.onSocket = function (socket) {
    var req = this;
    process.nextTick(function () {
        if (req.destroyed) {
            socket.destroy();
            return;
        }
        req.socket = socket;
        req._attach(socket);
        req.emit('socket', socket);
        if (socket.connecting)
            socket.once('connect', function () { req._flushOutbox(); });
        else
            req._flushOutbox();
    });
};

ClientRequest.prototype._attach = function (socket) {
    var req = this;
    var parser = new HTTPParser('response');
    parser.headResponse = this.method === 'HEAD';
    var res = null;
    var done = false;
    function onHeaders(info) {
        if (info.statusCode >= 100 && info.statusCode < 200 && info.statusCode !== 101) {
            // An interim response: 'continue' / 'information', then the real one.
            if (info.statusCode === 100)
                req.emit('continue');
            req.emit('information', { statusCode: info.statusCode,
                statusMessage: info.statusMessage, httpVersion: info.versionMajor + '.' +
                info.versionMinor, rawHeaders: info.rawHeaders });
            parser._state = 'head';
            return;
        }
        res = new IncomingMessage(socket);
        res._setInfo(info);
        res.req = req;
        req.res = res;
        res._keepAlive = info.shouldKeepAlive;
        if (!req.emit('response', res))
            res._dump();
    }
    parser.onHeaders = onHeaders;
    parser.onBody = function (chunk) { res._pushBody(Buffer.from(chunk)); };
    parser.onComplete = function () {
        if (res === null)
            return;  // the end of an interim response
        done = true;
        res.complete = true;
        res.push(null);
        detach();
        var reusable = res._keepAlive && req.shouldKeepAlive && !req._last &&
            req.writableFinished;
        function release() {
            if (req.agent)
                req.agent.releaseSocket(socket, reusable);
            else
                socket.destroySoon();
            res.emit('close');
            req.emit('close');
        }
        if (req.writableFinished)
            res.once('end', release);
        else
            req.once('finish', function () { res.once('end', release); });
        if (res.readableEnded)
            release();
    };
    function onData(data) {
        var error = parser.feed(data);
        if (error !== null) {
            detach();
            socket.destroy();
            req.emit('error', error);
        }
    }
    // The peer's FIN: it ends a body that runs to the end of the connection;
    // a message cut short is reported when the socket closes (onClose).
    function onEnd() { parser.finish(); }
    function onError(error) {
        if (!done) {
            detach();
            req.emit('error', error);
        }
    }
    function onClose() {
        detach();
        if (!done) {
            if (res === null) {
                var hangUp = new Error('socket hang up');
                hangUp.code = 'ECONNRESET';
                if (!req.destroyed || req.listenerCount('error') > 0)
                    req.emit('error', hangUp);
            } else if (!res.complete) {
                res.aborted = true;
                res.emit('aborted');
                var error = new Error('aborted');
                error.code = 'ECONNRESET';
                res.destroy(error);
            }
            req.emit('close');
        }
    }
    function onTimeout() { req.emit('timeout'); }
    function detach() {
        socket.removeListener('data', onData);
        socket.removeListener('end', onEnd);
        socket.removeListener('error', onError);
        socket.removeListener('close', onClose);
        socket.removeListener('timeout', onTimeout);
    }
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('error', onError);
    socket.on('close', onClose);
    socket.on('timeout', onTimeout);
};

ClientRequest.prototype.abort = function () {
    this.aborted = true;
    this.emit('abort');
    this.destroy();
};

function request(url, options, callback) {
    return new ClientRequest(url, options, callback);
}

function get(url, options, callback) {
    var req = request(url, options, callback);
    req.end();
    return req;
}

exports.ClientRequest = ClientRequest;
exports.Agent = Agent;
exports.globalAgent = globalAgent;
exports.request = request;
exports.get = get;
