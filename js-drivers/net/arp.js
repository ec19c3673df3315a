// ARP (RFC 826) for one Ethernet interface: the IPv4 -> MAC cache. Entries
// expire after CACHE_MS; packets to an address being resolved wait in a
// small per-address queue (the oldest is dropped past QUEUE_MAX, as Linux's
// unres_qlen does) while requests are sent every RETRY_MS, at most TRIES
// times; then the queue is dropped and the address counts as unreachable.
'use strict';

var CACHE_MS = 60000, RETRY_MS = 1000, TRIES = 3, QUEUE_MAX = 8;
// Entries at most (Linux's gc_thresh3): every request for our address
// teaches its sender, so a peer inventing senders would otherwise grow the
// cache without bound (expired entries go only when looked up).
var CACHE_MAX = 1024;
var OP_REQUEST = 1, OP_REPLY = 2;

function create(stack, iface) {
    var entries = {};  // ip (number) -> {mac|null, expires, queue, tries, timer}
    var count = 0;
    var stats = { requests: 0, replies: 0, dropped: 0, evicted: 0 };
    // Bumped whenever an answer goes or is learned again: a path prepared
    // from an answer (ipv4.prepare) is then prepared again.
    var arp = { generation: 0 };

    // A new entry for `ip`, making room first when the cache is full.
    function add(ip) {
        if (count >= CACHE_MAX)
            makeRoom();
        count++;
        return (entries[ip] = { mac: null, expires: 0, queue: [], tries: 0, timer: null });
    }

    function remove(ip) {
        var e = entries[ip];
        if (!e)
            return;
        if (e.timer)
            stack.env.clearTimer(e.timer);
        stats.dropped += e.queue.length;
        delete entries[ip];
        count--;
        arp.generation++;
    }

    // The expired entries go; if none had, the resolved entry that
    // expires first (entries being resolved stay: packets wait on them,
    // and they end by themselves after TRIES seconds).
    function makeRoom() {
        var now = stack.env.now(), oldest = null;
        Object.keys(entries).forEach(function (k) {
            var e = entries[k];
            if (e.mac && e.expires <= now) {
                remove(+k);
                stats.evicted++;
            } else if (e.mac && (oldest === null || e.expires < entries[oldest].expires)) {
                oldest = k;
            }
        });
        if (count >= CACHE_MAX && oldest !== null) {
            remove(+oldest);
            stats.evicted++;
        }
    }

    function packet(op, targetMac, targetIp) {
        var p = new Uint8Array(28);
        var dv = new DataView(p.buffer);
        dv.setUint16(0, 1);        // hardware: Ethernet
        dv.setUint16(2, 0x0800);   // protocol: IPv4
        p[4] = 6;
        p[5] = 4;
        dv.setUint16(6, op);
        p.set(iface.mac, 8);
        dv.setUint32(14, iface.addr >>> 0);
        p.set(targetMac, 18);
        dv.setUint32(24, targetIp >>> 0);
        return p;
    }

    function request(ip) {
        stats.requests++;
        var eth = require('./ethernet');
        iface.sendFrame(eth.BROADCAST, eth.TYPE_ARP, packet(OP_REQUEST, [0, 0, 0, 0, 0, 0], ip));
    }

    function lookup(ip) {
        var e = entries[ip];
        if (e && e.mac && e.expires <= stack.env.now()) {
            remove(ip);
            return null;
        }
        return e || null;
    }

    // Sends `ipPacket` to the neighbour `ip`, resolving it first if needed
    // (`tsoMss`: for the NIC to segment, ethernet.js).
    function resolve(ip, ipPacket, tsoMss) {
        var e = lookup(ip);
        if (e && e.mac) {
            iface.sendFrame(e.mac, 0x0800, ipPacket, tsoMss);
            return;
        }
        if (!e) {
            e = add(ip);
            retry(ip, e);
        }
        if (e.queue.length >= QUEUE_MAX) {
            e.queue.shift();
            stats.dropped++;
        }
        e.queue.push({ packet: ipPacket, tsoMss: tsoMss });
    }

    function retry(ip, e) {
        if (e.tries >= TRIES) {
            remove(ip);
            return;
        }
        e.tries++;
        request(ip);
        e.timer = stack.env.setTimer(RETRY_MS, function () {
            if (entries[ip] === e && !e.mac)
                retry(ip, e);
        });
    }

    function learn(ip, mac) {
        var e = entries[ip] || add(ip);
        if (e.timer) {
            stack.env.clearTimer(e.timer);
            e.timer = null;
        }
        e.mac = mac;
        e.expires = stack.env.now() + CACHE_MS;
        arp.generation++;
        var q = e.queue;
        e.queue = [];
        for (var i = 0; i < q.length; i++)
            iface.sendFrame(mac, 0x0800, q[i].packet, q[i].tsoMss);
    }

    function input(p) {
        if (p.length < 28)
            return;
        var dv = new DataView(p.buffer, p.byteOffset, 28);
        if (dv.getUint16(0) !== 1 || dv.getUint16(2) !== 0x0800 || p[4] !== 6 || p[5] !== 4)
            return;
        var op = dv.getUint16(6);
        var senderMac = Array.prototype.slice.call(p, 8, 14);
        var senderIp = dv.getUint32(14);
        var targetIp = dv.getUint32(24);
        var forUs = iface.addr !== 0 && targetIp === iface.addr;
        // RFC 826's merge: update a known sender; add it when we are the target.
        if (senderIp !== 0 && (entries[senderIp] || forUs))
            learn(senderIp, senderMac);
        if (op === OP_REQUEST && forUs) {
            stats.replies++;
            iface.sendFrame(senderMac, 0x0806, packet(OP_REPLY, senderMac, senderIp));
        }
    }

    function table() {
        return Object.keys(entries).filter(function (k) { return entries[k].mac; })
            .map(function (k) {
                return { ip: stack.ipv4.format(+k), mac: require('./ethernet').formatMac(entries[k].mac),
                    expires: entries[k].expires };
            });
    }

    arp.resolve = resolve;
    arp.input = input;
    arp.table = table;
    arp.stats = stats;
    arp.lookup = lookup;
    arp.size = function () { return count; };
    return arp;
}

module.exports = { create: create, CACHE_MS: CACHE_MS, CACHE_MAX: CACHE_MAX, RETRY_MS: RETRY_MS,
    TRIES: TRIES };
