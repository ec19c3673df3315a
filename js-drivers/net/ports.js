// Port numbers of one transport protocol: which sockets are bound where,
// the bind conflict rule and ephemeral ports (Linux's default range
// 32768-60999, ip_local_port_range).
'use strict';

var E = require('./errno');

var EPHEMERAL_LOW = 32768, EPHEMERAL_HIGH = 60999;

function create() {
    // Bound pcbs (localPort set) by local port, each port's in an object
    // keyed by the pcb's name in this table (pcb.portsId): unbinding is a
    // delete. (An array of them all took an indexOf and a splice over every
    // bound pcb, and a server keeps each connection it closed in TIME_WAIT
    // for a minute: thousands of them, so every connection that ended cost
    // more the longer the server had run.)
    var byPort = {};  // localPort -> {count, pcbs: {portsId: pcb}}
    var nextId = 1;
    var next = EPHEMERAL_LOW;
    // For lookup(): connected pcbs (a remote port set) by their local port
    // and remote address and port, and the others (listeners, unconnected
    // UDP) in a list. A server that closes first keeps each connection in
    // TIME_WAIT for a minute; looking through all of them for every packet
    // made each packet cost more the longer the server ran.
    var connected = {};   // key(port, raddr, rport) -> [pcb]
    var unconnected = [];

    function key(port, raddr, rport) { return port + ' ' + raddr + ' ' + rport; }

    function unindex(pcb) {
        var list = pcb.portsKey === null ? unconnected : connected[pcb.portsKey];
        var i = list ? list.indexOf(pcb) : -1;
        if (i >= 0)
            list.splice(i, 1);
        if (pcb.portsKey !== null && list && list.length === 0)
            delete connected[pcb.portsKey];
        pcb.portsKey = void 0;
    }

    // Files a bound pcb under its current addresses.
    function index(pcb) {
        if (pcb.portsKey !== void 0)
            unindex(pcb);
        if (pcb.remotePort) {
            pcb.portsKey = key(pcb.localPort, pcb.remoteAddr, pcb.remotePort);
            (connected[pcb.portsKey] || (connected[pcb.portsKey] = [])).push(pcb);
        } else {
            pcb.portsKey = null;
            unconnected.push(pcb);
        }
    }

    function addBound(pcb) {
        if (pcb.portsId === void 0)
            pcb.portsId = '#' + nextId++;
        var b = byPort[pcb.localPort] || (byPort[pcb.localPort] = { count: 0, pcbs: {} });
        b.pcbs[pcb.portsId] = pcb;
        b.count++;
        pcb.boundPort = pcb.localPort;
    }

    function removeBound(pcb) {
        var port = pcb.boundPort;
        var b = port === void 0 ? void 0 : byPort[port];
        pcb.boundPort = void 0;
        if (b === void 0 || b.pcbs[pcb.portsId] !== pcb)
            return;
        delete b.pcbs[pcb.portsId];
        if (--b.count === 0)  // (a counter: a for-in lists every key first)
            delete byPort[port];
    }

    // Every bound pcb, in no particular order.
    function all() {
        var list = [];
        for (var port in byPort) {
            var pcbs = byPort[port].pcbs;
            for (var id in pcbs)
                list.push(pcbs[id]);
        }
        return list;
    }

    // Whether `pcb` may bind addr:port next to `other`. Two sockets share
    // a port only on different specific addresses, or when `shares`
    // (protocol's rule: SO_REUSEADDR) says so.
    function conflicts(pcb, addr, port, shares) {
        var pcbs = byPort[port] === void 0 ? null : byPort[port].pcbs;
        for (var id in pcbs) {
            var o = pcbs[id];
            if (o === pcb)
                continue;
            if (o.localAddr !== 0 && addr !== 0 && o.localAddr !== addr)
                continue;
            if (shares && shares(pcb, o))
                continue;
            return true;
        }
        return false;
    }

    // Binds pcb to addr:port (port 0: an ephemeral one); 0 or -errno.
    function bind(pcb, addr, port, shares) {
        if (port === 0) {
            for (var n = 0; n <= EPHEMERAL_HIGH - EPHEMERAL_LOW; n++) {
                var p = next;
                next = next >= EPHEMERAL_HIGH ? EPHEMERAL_LOW : next + 1;
                if (!conflicts(pcb, addr, p, null)) {
                    port = p;
                    break;
                }
            }
            if (port === 0)
                return -E.EADDRINUSE;
        } else if (conflicts(pcb, addr, port, shares)) {
            return -E.EADDRINUSE;
        }
        pcb.localAddr = addr;
        pcb.localPort = port;
        removeBound(pcb);
        addBound(pcb);
        index(pcb);
        return 0;
    }

    // A pcb that shares a bound port without binding it (an accepted
    // connection: its listener's port), its addresses already set.
    function add(pcb) {
        addBound(pcb);
        index(pcb);
    }

    // Sets (or, with 0, 0, clears) the peer of a bound pcb.
    function connect(pcb, raddr, rport) {
        pcb.remoteAddr = raddr;
        pcb.remotePort = rport;
        if (pcb.portsKey !== void 0)
            index(pcb);
    }

    function unbind(pcb) {
        removeBound(pcb);
        if (pcb.portsKey !== void 0)
            unindex(pcb);
    }

    // The best match for a packet to addr:port from raddr:rport: a pcb
    // connected to that peer first, then bound ones (a specific address
    // before the wildcard). `accept(pcb)` filters.
    function lookup(addr, port, raddr, rport, accept) {
        var best = null, score = -1, i, o, s;
        var peers = connected[key(port, raddr, rport)];
        for (i = 0; peers && i < peers.length; i++) {
            o = peers[i];
            if ((o.localAddr !== 0 && o.localAddr !== addr) || (accept && !accept(o)))
                continue;
            s = 2 + (o.localAddr ? 1 : 0);
            if (s > score) {
                best = o;
                score = s;
            }
        }
        if (score === 3)
            return best;
        for (i = 0; i < unconnected.length; i++) {
            o = unconnected[i];
            if (o.localPort !== port || (o.localAddr !== 0 && o.localAddr !== addr))
                continue;
            if (accept && !accept(o))
                continue;
            s = o.localAddr ? 1 : 0;
            if (s > score) {
                best = o;
                score = s;
            }
        }
        return best;
    }

    return { bind: bind, add: add, connect: connect, unbind: unbind, lookup: lookup, all: all };
}

module.exports = { create: create, EPHEMERAL_LOW: EPHEMERAL_LOW, EPHEMERAL_HIGH: EPHEMERAL_HIGH };
