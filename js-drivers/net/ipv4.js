// IPv4 (RFC 791): header checks and checksum on input, routing and
// fragmentation on output, fragment reassembly (RFC 815's hole idea, kept
// simple: fragments sorted by offset) with limits, and delivery to the
// transport protocols by number (1 ICMP, 6 TCP, 17 UDP).
//
// Addresses are unsigned 32-bit numbers (127.0.0.1 is 0x7f000001).
// Routing: 127.0.0.0/8 and the interfaces' own addresses go to loopback;
// an address on an interface's subnet goes there directly; anything else
// to the default gateway's interface. No forwarding: this is a host.
'use strict';

var checksum = require('./checksum');
var E = require('./errno');

var HEADER = 20;
// A TCP packet the NIC segments (output's options.tsoMss, up to 64 KiB) is
// built with TSO_HEADROOM free bytes in front of it, in the same buffer:
// the IPv4 header and then the link's (LINK_HEADROOM: Ethernet's 14) are
// written there instead of copying the packet into a new one at each layer.
var LINK_HEADROOM = 14;
var TSO_HEADROOM = HEADER + LINK_HEADROOM;
var DEFAULT_TTL = 64;
var FLAG_DF = 0x4000, FLAG_MF = 0x2000;
var REASM_MAX_DATAGRAMS = 16;      // concurrent reassemblies
var REASM_MAX_BYTES = 65535;       // the largest datagram
var REASM_TIMEOUT_MS = 30000;      // Linux's ipfrag_time

function parse(text) {
    var m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
    if (!m)
        return -1;
    var v = 0;
    for (var i = 1; i <= 4; i++) {
        var b = +m[i];
        if (b > 255)
            return -1;
        v = v * 256 + b;
    }
    return v;
}

function format(a) {
    return [a >>> 24, (a >>> 16) & 0xff, (a >>> 8) & 0xff, a & 0xff].join('.');
}

function isLoopback(a) { return (a >>> 24) === 127; }

function create(stack) {
    var protocols = {};   // number -> handler(info, payload)
    var nextId = 1;
    var reassembly = [];  // {key, src, dst, proto, frags: [{off, data}], total, bytes, timer}
    var stats = { rx: 0, tx: 0, badChecksum: 0, badHeader: 0, martians: 0, notForUs: 0,
        noProto: 0, reassembled: 0, reassemblyDropped: 0, fragmentsSent: 0 };

    function register(proto, handler) { protocols[proto] = handler; }

    // (Every packet in and out asks: kept to one lookup per interface.)
    function isLocal(a) {
        if ((a >>> 24) === 127)  // isLoopback, inline
            return true;
        var ifs = stack.interfaces;
        for (var i = 0; i < ifs.length; i++) {
            var own = ifs[i].addr;
            if (own === a && own !== 0)
                return true;
        }
        return false;
    }

    // {iface, nextHop} for a destination, or null (unreachable). The
    // answer is shared (callers only read it): the last one is kept until
    // the interfaces or their addresses change (stack.routeGeneration), as
    // most packets go where the one before went.
    var lastDst = -1, lastRoute = null, lastGeneration = -1;
    function route(dst) {
        if (dst === lastDst && stack.routeGeneration === lastGeneration)
            return lastRoute;
        lastRoute = findRoute(dst);
        lastDst = dst;
        lastGeneration = stack.routeGeneration;
        return lastRoute;
    }

    function findRoute(dst) {
        var ifs = stack.interfaces, i;
        if (isLocal(dst))
            return stack.loopback ? { iface: stack.loopback, nextHop: dst } : null;
        if (dst === 0xffffffff) {
            for (i = 0; i < ifs.length; i++)
                if (ifs[i].kind === 'ethernet')
                    return { iface: ifs[i], nextHop: dst };
            return null;
        }
        for (i = 0; i < ifs.length; i++) {
            var f = ifs[i];
            if (f.kind === 'ethernet' && f.addr && ((dst ^ f.addr) & f.mask) === 0)
                return { iface: f, nextHop: dst };
        }
        for (i = 0; i < ifs.length; i++)
            if (ifs[i].kind === 'ethernet' && ifs[i].gateway)
                return { iface: ifs[i], nextHop: ifs[i].gateway };
        return null;
    }

    // The source address the stack uses toward `dst` (0 if none).
    function sourceFor(dst) {
        if (isLoopback(dst))
            return 0x7f000001;
        var r = route(dst);
        if (!r)
            return 0;
        return r.iface === stack.loopback ? dst : r.iface.addr;
    }

    // Sends `payload` (Uint8Array) as protocol `proto` from src to dst.
    // Returns 0 or -errno. Larger than the MTU: fragmented, unless
    // options.dontFragment (then -EMSGSIZE).
    function output(src, dst, proto, payload, options) {
        var r = options && options.iface ? { iface: options.iface, nextHop: dst } : route(dst);
        if (!r)
            return -E.ENETUNREACH;
        if (payload.length + HEADER > 65535)
            return -E.EMSGSIZE;
        if (src === 0)
            src = r.iface === stack.loopback ? (isLoopback(dst) ? 0x7f000001 : dst) : r.iface.addr;
        var id = nextId;
        nextId = (nextId + 1) & 0xffff;
        var ttl = options && options.ttl || DEFAULT_TTL;
        var mtu = r.iface.mtu;
        if (payload.length + HEADER <= mtu) {
            stats.tx++;
            r.iface.output(header(src, dst, proto, id, 0, ttl, payload), r.nextHop);
            return 0;
        }
        // A TCP packet the NIC segments (options.tsoMss, tcp_output.js): one
        // header, whose checksum the NIC computes for each frame it makes.
        if (options && options.tsoMss && payload.length + HEADER <= r.iface.tsoMax) {
            stats.tx++;
            r.iface.output(header(src, dst, proto, id, FLAG_DF, ttl, payload, true, true),
                r.nextHop, options.tsoMss);
            return 0;
        }
        if (options && options.dontFragment)
            return -E.EMSGSIZE;
        var per = (mtu - HEADER) & ~7;
        for (var off = 0; off < payload.length; off += per) {
            var part = payload.subarray(off, Math.min(payload.length, off + per));
            var more = off + per < payload.length ? FLAG_MF : 0;
            stats.fragmentsSent++;
            send(r, header(src, dst, proto, id, more | (off >> 3), ttl, part));
        }
        return 0;
    }

    function send(r, packet) {
        stats.tx++;
        r.iface.output(packet, r.nextHop);
    }

    // -- prepared paths: a connection's packets without output()'s lookups --
    // A connection sends every packet to the same place, so the route and
    // the neighbour's link header are looked up once (as Linux's cached
    // route and neighbour header, dst_entry and hh_cache, do): prepare()
    // makes a path, frame() starts a frame on it (link and IPv4 headers
    // written; the transport's part at TSO_HEADROOM), transmit() sends it.
    // A path is usable() until the routes or the interface's ARP answers
    // change; one with no template (loopback, no route, ARP not answered
    // yet) says to use output(), and is prepared again after such a change.
    // The neighbour is not looked up again as time passes: the connection's
    // progress confirms it (RFC 1122 2.3.2.1), and the transport drops its
    // path when that stops (TCP: at a retransmission timeout).
    function prepare(src, dst, proto) {
        var r = route(dst);
        var path = { generation: stack.routeGeneration, arp: null, answers: 0, iface: null,
            template: null, sum: 0 };
        if (!r || !r.iface.linkHeader)
            return path;
        path.arp = r.iface.arp;
        path.answers = path.arp.generation;
        var link = r.iface.linkHeader(r.nextHop);
        if (link === null)
            return path;
        var t = new Uint8Array(TSO_HEADROOM);
        t.set(link);
        var ip = LINK_HEADROOM;
        t[ip] = 0x45;
        t[ip + 8] = DEFAULT_TTL;
        t[ip + 9] = proto;
        for (var i = 0; i < 4; i++) {
            t[ip + 12 + i] = (src >>> (24 - 8 * i)) & 0xff;
            t[ip + 16 + i] = (dst >>> (24 - 8 * i)) & 0xff;
        }
        path.iface = r.iface;
        path.template = t;
        // The header checksum's sum of the words every packet shares
        // (version, TTL and protocol, addresses); frame() adds the rest.
        path.sum = 0x4500 + ((DEFAULT_TTL << 8) | proto) + (src >>> 16) + (src & 0xffff) +
            (dst >>> 16) + (dst & 0xffff);
        return path;
    }

    function usable(path) {
        return path.generation === stack.routeGeneration &&
            (path.arp === null || path.arp.generation === path.answers);
    }

    // A frame on `path` (which has a template) for a transport payload of
    // `length` bytes, written from TSO_HEADROOM on (every byte: the buffer
    // may not be new). `segmented`: a TCP packet for the NIC to cut (DF
    // set; the NIC checksums each header). Such a packet (up to 64 KiB) is
    // made in one buffer kept for them all: a NIC's send() copies the
    // frame before it returns (docs/net.md), and a new 64 KiB buffer each
    // time cost ~40,000 instructions to allocate, zero and collect.
    var tsoBuffer = null;
    function frame(path, length, segmented) {
        var size = TSO_HEADROOM + length, min = path.iface.minFrame, f;
        if (segmented && size > min) {
            if (tsoBuffer === null || tsoBuffer.length < size)
                tsoBuffer = new Uint8Array(size > 65536 + TSO_HEADROOM ? size : 65536 + TSO_HEADROOM);
            f = tsoBuffer.subarray(0, size);
        } else {
            f = new Uint8Array(size > min ? size : min);
        }
        f.set(path.template);
        var total = HEADER + length, id = nextId;
        nextId = (nextId + 1) & 0xffff;
        var ip = LINK_HEADROOM;
        f[ip + 2] = total >>> 8;
        f[ip + 3] = total & 0xff;
        f[ip + 4] = id >>> 8;
        f[ip + 5] = id & 0xff;
        if (segmented) {
            f[ip + 6] = FLAG_DF >>> 8;
        } else {  // (the words' sum, folded: the template's part plus length and id)
            var sum = path.sum + total + id;
            sum = (sum & 0xffff) + (sum >>> 16);
            sum = ~((sum & 0xffff) + (sum >>> 16)) & 0xffff;
            f[ip + 10] = sum >>> 8;
            f[ip + 11] = sum & 0xff;
        }
        return f;
    }

    function transmit(path, f, tsoMss) {
        stats.tx++;
        path.iface.transmit(f, tsoMss);
    }

    // `noChecksum`: left 0 for the NIC to fill in. `inFront`: the payload
    // has TSO_HEADROOM free bytes before it (see above), and the header goes
    // there; otherwise header and payload are copied into a new buffer.
    // (Fields are written a byte at a time, big-endian: a DataView costs
    // an object and a built-in call per field, several times these stores.)
    function header(src, dst, proto, id, fragField, ttl, payload, noChecksum, inFront) {
        var p;
        if (inFront && payload.byteOffset >= TSO_HEADROOM) {
            p = new Uint8Array(payload.buffer, payload.byteOffset - HEADER, HEADER + payload.length);
        } else {
            p = new Uint8Array(HEADER + payload.length);
            p.set(payload, HEADER);
        }
        var length = p.length;
        p[0] = 0x45;
        p[1] = 0;  // TOS
        p[2] = length >>> 8;
        p[3] = length & 0xff;
        p[4] = id >>> 8;
        p[5] = id & 0xff;
        p[6] = fragField >>> 8;
        p[7] = fragField & 0xff;
        p[8] = ttl;
        p[9] = proto;
        p[10] = p[11] = 0;  // the checksum, computed over a zero field
        p[12] = src >>> 24;
        p[13] = (src >>> 16) & 0xff;
        p[14] = (src >>> 8) & 0xff;
        p[15] = src & 0xff;
        p[16] = dst >>> 24;
        p[17] = (dst >>> 16) & 0xff;
        p[18] = (dst >>> 8) & 0xff;
        p[19] = dst & 0xff;
        if (!noChecksum) {
            var sum = checksum.compute(p, 0, HEADER);
            p[10] = sum >>> 8;
            p[11] = sum & 0xff;
        }
        return p;
    }

    function input(iface, p) {
        stats.rx++;
        if (p.length < HEADER || (p[0] >> 4) !== 4) {
            stats.badHeader++;
            return;
        }
        var ihl = (p[0] & 15) * 4;
        var total = (p[2] << 8) | p[3];  // (fields read a byte at a time, as header() writes)
        if (ihl < HEADER || total < ihl || total > p.length) {
            stats.badHeader++;
            return;
        }
        if (checksum.compute(p, 0, ihl) !== 0) {
            stats.badChecksum++;
            return;
        }
        p = p.subarray(0, total);  // Ethernet padding goes
        var src = ((p[12] << 24) | (p[13] << 16) | (p[14] << 8) | p[15]) >>> 0;
        var dst = ((p[16] << 24) | (p[17] << 16) | (p[18] << 8) | p[19]) >>> 0;
        // The source the interface's last packet came from, found no
        // martian, is not checked again until the addresses change (a
        // burst of packets comes from one peer).
        if (iface !== stack.loopback && !(src === iface.lastSource &&
                stack.routeGeneration === iface.lastSourceGeneration)) {
            if (martian(iface, src, dst)) {
                stats.martians++;
                return;
            }
            if ((src >>> 24) !== 0) {  // (for those, martian() looks at dst too)
                iface.lastSource = src;
                iface.lastSourceGeneration = stack.routeGeneration;
            }
        }
        var bcast = dst === 0xffffffff || (iface.mask && ((dst | iface.mask) >>> 0) === 0xffffffff &&
            ((dst ^ iface.addr) & iface.mask) === 0);
        // An unconfigured interface takes everything (DHCP's answers).
        // (Its own address first: what most packets are for.)
        if (!(iface === stack.loopback || (dst === iface.addr && dst !== 0) || isLocal(dst) ||
                bcast || iface.addr === 0)) {
            stats.notForUs++;
            return;
        }
        var info = { src: src, dst: dst, proto: p[9], iface: iface, ttl: p[8],
            broadcast: bcast, header: p.subarray(0, ihl) };
        var frag = (p[6] << 8) | p[7];
        var payload = p.subarray(ihl);
        if (frag & (FLAG_MF | 0x1fff)) {
            payload = reassemble(info, (p[4] << 8) | p[5], (frag & 0x1fff) * 8,
                (frag & FLAG_MF) !== 0, payload);
            if (!payload)
                return;
        }
        var h = protocols[info.proto];
        if (!h) {
            stats.noProto++;
            if (stack.icmp && !bcast)
                stack.icmp.unreachable(info, p, 2);  // protocol unreachable
            return;
        }
        h(info, payload);
    }

    // A source address no packet from the wire may have (RFC 1812 5.3.7;
    // Linux's ip_route_input_slow calls them martians): multicast, class E
    // and broadcast ones; 0.0.0.0/8 unless sent to the broadcast address
    // (a DHCP client's); loopback; one of our own addresses or our
    // subnet's broadcast. (Taken, a SYN "from" our own address to our own
    // listener, the LAND attack, made TCP's two ends of it, both ours, ACK
    // each other over loopback forever.)
    function martian(iface, src, dst) {
        if (src >= 0xe0000000)
            return true;
        if ((src >>> 24) === 0)
            return dst !== 0xffffffff;
        if (isLocal(src))
            return true;
        return iface.addr !== 0 && iface.mask !== 0 && iface.mask !== 0xffffffff &&
            ((src ^ iface.addr) & iface.mask) === 0 && ((src | iface.mask) >>> 0) === 0xffffffff;
    }

    // Keeps a fragment; returns the whole payload once all have come.
    function reassemble(info, id, off, more, data) {
        var key = info.src + ':' + info.dst + ':' + info.proto + ':' + id;
        var d = null, i;
        for (i = 0; i < reassembly.length; i++)
            if (reassembly[i].key === key)
                d = reassembly[i];
        if (!d) {
            if (reassembly.length >= REASM_MAX_DATAGRAMS)
                drop(reassembly[0]);  // the oldest goes
            d = { key: key, frags: [], total: -1, end: 0, bytes: 0, timer: null };
            d.timer = stack.env.setTimer(REASM_TIMEOUT_MS, function () { drop(d); });
            reassembly.push(d);
        }
        // Fragments that contradict each other drop the datagram, as
        // Linux's ip_frag_queue does: a piece ending past the end a last
        // fragment (MF clear) gave, a last fragment ending before pieces
        // already here, two last fragments that disagree. (Kept, a piece
        // past the end made the copy below throw.) Duplicates are bounded
        // by the bytes a datagram may hold.
        var end = off + data.length;
        if (end > REASM_MAX_BYTES || d.bytes + data.length > 2 * REASM_MAX_BYTES ||
            (d.total >= 0 && (more ? end > d.total : end !== d.total)) ||
            (!more && end < d.end)) {
            drop(d);
            return null;
        }
        d.end = Math.max(d.end, end);
        if (!more)
            d.total = end;
        var copy = new Uint8Array(data.length);
        copy.set(data);
        for (i = 0; i < d.frags.length && d.frags[i].off < off; i++) {}
        d.frags.splice(i, 0, { off: off, data: copy });
        d.bytes += copy.length;
        if (d.total < 0)
            return null;
        // Complete when the sorted fragments cover [0, total) without a
        // hole; none goes past total (checked above).
        var covered = 0;
        for (i = 0; i < d.frags.length; i++) {
            if (d.frags[i].off > covered)
                return null;
            covered = Math.max(covered, d.frags[i].off + d.frags[i].data.length);
        }
        if (covered < d.total)
            return null;
        var whole = new Uint8Array(d.total);
        for (i = 0; i < d.frags.length; i++)
            whole.set(d.frags[i].data, d.frags[i].off);
        stack.env.clearTimer(d.timer);
        reassembly.splice(reassembly.indexOf(d), 1);
        stats.reassembled++;
        return whole;
    }

    function drop(d) {
        var i = reassembly.indexOf(d);
        if (i < 0)
            return;
        stack.env.clearTimer(d.timer);
        reassembly.splice(i, 1);
        stats.reassemblyDropped++;
    }

    return { register: register, input: input, output: output, route: route,
        prepare: prepare, usable: usable, frame: frame, transmit: transmit,
        isLocal: isLocal, sourceFor: sourceFor, parse: parse, format: format, stats: stats };
}

module.exports = { create: create, parse: parse, format: format, isLoopback: isLoopback,
    HEADER: HEADER, LINK_HEADROOM: LINK_HEADROOM, TSO_HEADROOM: TSO_HEADROOM };
