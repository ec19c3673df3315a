// Port numbers of one transport protocol: which sockets are bound where,
// the bind conflict rule and ephemeral ports (Linux's default range
// 32768-60999, ip_local_port_range).
'use strict';

var E = require('./errno');

var EPHEMERAL_LOW = 32768, EPHEMERAL_HIGH = 60999;

function create() {
    var bound = [];  // pcbs with localPort set
    var next = EPHEMERAL_LOW;

    // Whether `pcb` may bind addr:port next to `other`. Two sockets share
    // a port only on different specific addresses, or when `shares`
    // (protocol's rule: SO_REUSEADDR) says so.
    function conflicts(pcb, addr, port, shares) {
        for (var i = 0; i < bound.length; i++) {
            var o = bound[i];
            if (o === pcb || o.localPort !== port)
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
        if (bound.indexOf(pcb) < 0)
            bound.push(pcb);
        return 0;
    }

    function unbind(pcb) {
        var i = bound.indexOf(pcb);
        if (i >= 0)
            bound.splice(i, 1);
    }

    // The best match for a packet to addr:port from raddr:rport: a pcb
    // connected to that peer first, then bound ones (a specific address
    // before the wildcard). `accept(pcb)` filters.
    function lookup(addr, port, raddr, rport, accept) {
        var best = null, score = -1;
        for (var i = 0; i < bound.length; i++) {
            var o = bound[i];
            if (o.localPort !== port || (o.localAddr !== 0 && o.localAddr !== addr))
                continue;
            if (o.remotePort && (o.remotePort !== rport || o.remoteAddr !== raddr))
                continue;
            if (accept && !accept(o))
                continue;
            var s = (o.remotePort ? 2 : 0) + (o.localAddr ? 1 : 0);
            if (s > score) {
                best = o;
                score = s;
            }
        }
        return best;
    }

    return { bind: bind, unbind: unbind, lookup: lookup, all: function () { return bound; } };
}

module.exports = { create: create, EPHEMERAL_LOW: EPHEMERAL_LOW, EPHEMERAL_HIGH: EPHEMERAL_HIGH };
