// require('http'): HTTP/1.1 servers and clients over net (internal/http/):
// a hand-written incremental parser, keep-alive, chunked transfer encoding
// and Node's header rules. No TLS (https), no upgrades (101 / CONNECT).
'use strict';

var server = require('./internal/http/server.js');
var client = require('./internal/http/client.js');
var IncomingMessage = require('./internal/http/incoming.js');
var OutgoingMessage = require('./internal/http/outgoing.js');
var STATUS_CODES = require('./internal/http/status_codes.js');

var METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK',
    'LOCK', 'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY',
    'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'QUERY', 'REBIND',
    'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK',
    'UNSUBSCRIBE'];

exports.METHODS = METHODS;
exports.STATUS_CODES = STATUS_CODES;
exports.Agent = client.Agent;
exports.ClientRequest = client.ClientRequest;
exports.IncomingMessage = IncomingMessage;
exports.OutgoingMessage = OutgoingMessage;
exports.Server = server.Server;
exports.ServerResponse = server.ServerResponse;
exports.createServer = server.createServer;
exports.request = client.request;
exports.get = client.get;
exports.globalAgent = client.globalAgent;
exports.maxHeaderSize = 16384;
exports.validateHeaderName = function (name) {
    new OutgoingMessage().setHeader(name, '');
};
exports.validateHeaderValue = function (name, value) {
    new OutgoingMessage().setHeader('x', value);
    void name;
};
