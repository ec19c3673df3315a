// http.Agent: where client requests get their connections. With keepAlive
// a connection whose response ended goes to a per-host free list (unref'ed,
// so it does not keep the process alive; closed after `timeout` idle ms)
// and the next request to the same host:port reuses it. There is no
// request queue: maxSockets is not enforced (every request without a free
// socket opens a new connection).
'use strict';

var EventEmitter = require('../../events.js');
var net = require('../../net.js');

function Agent(options) {
    if (!(this instanceof Agent))
        return new Agent(options);
    EventEmitter.call(this);
    options = options || {};
    this.options = options;
    this.keepAlive = !!options.keepAlive;
    this.keepAliveMsecs = options.keepAliveMsecs || 1000;
    this.maxSockets = options.maxSockets || Infinity;
    this.maxFreeSockets = options.maxFreeSockets || 256;
    this.maxTotalSockets = options.maxTotalSockets || Infinity;
    this.timeout = options.timeout;
    this.scheduling = options.scheduling || 'lifo';
    this.defaultPort = 80;
    this.protocol = 'http:';
    this.sockets = Object.create(null);
    this.freeSockets = Object.create(null);
    this.requests = Object.create(null);
}
Agent.prototype = Object.create(EventEmitter.prototype, {
    constructor: { value: Agent, writable: true, configurable: true }
});
Object.setPrototypeOf(Agent, EventEmitter);

Agent.prototype.getName = function (options) {
    return (options.host || 'localhost') + ':' + (options.port || '') + ':' +
        (options.localAddress || '');
};

function removeFrom(table, name, socket) {
    var list = table[name];
    if (!list)
        return;
    var index = list.indexOf(socket);
    if (index !== -1)
        list.splice(index, 1);
    if (list.length === 0)
        delete table[name];
}

function freeSocketError() { this.destroy(); }

Agent.prototype.createConnection = function (options) {
    return net.createConnection(options);
};

// Gives req a connection: a free one for the same name, or a new one.
Agent.prototype.addRequest = function (req, options) {
    var name = this.getName(options);
    var free = this.freeSockets[name];
    var socket;
    if (free && free.length > 0) {
        socket = this.scheduling === 'fifo' ? free.shift() : free.pop();
        if (free.length === 0)
            delete this.freeSockets[name];
        socket.removeListener('timeout', socket._agentIdle);
        socket.removeListener('error', freeSocketError);
        socket.setTimeout(0);
        socket.ref();
        req.reusedSocket = true;
    } else {
        socket = this.createConnection(options);
        var agent = this;
        socket.once('close', function () {
            removeFrom(agent.sockets, name, socket);
            removeFrom(agent.freeSockets, name, socket);
        });
    }
    socket._agentName = name;
    (this.sockets[name] = this.sockets[name] || []).push(socket);
    req.onSocket(socket);
};

// The response is over: keep the connection for the next request, or close it.
Agent.prototype.releaseSocket = function (socket, reusable) {
    var name = socket._agentName;
    removeFrom(this.sockets, name, socket);
    var free = this.freeSockets[name] || [];
    if (!this.keepAlive || !reusable || socket.destroyed || free.length >= this.maxFreeSockets) {
        socket.destroy();
        return;
    }
    free.push(socket);
    this.freeSockets[name] = free;
    socket.on('error', freeSocketError);  // a reset while idle is no one's error
    socket.setKeepAlive(true, this.keepAliveMsecs);
    socket.unref();
    if (this.timeout) {
        socket._agentIdle = function () { socket.destroy(); };
        socket.setTimeout(this.timeout, socket._agentIdle);
    }
    this.emit('free', socket, {});
};

Agent.prototype.destroy = function () {
    var tables = [this.sockets, this.freeSockets];
    for (var t = 0; t < tables.length; t++) {
        for (var name in tables[t])
            tables[t][name].slice().forEach(function (socket) { socket.destroy(); });
    }
};

Agent.defaultMaxSockets = Infinity;
module.exports = Agent;
