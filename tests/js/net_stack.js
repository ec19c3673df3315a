// js-drivers/net on a virtual clock: two stacks wired by a fake Ethernet
// link (tests/js/lib/net_harness.js), which can lose, duplicate and
// reorder frames. Checksums against known vectors, ARP, ICMP, UDP, IPv4
// fragments, and TCP: handshake, transfer (1 MiB under 5% loss), close,
// RST, TIME_WAIT, backlog, Nagle, window scale, keep-alive, timeouts.
'use strict';

var check = require('./lib/check.js');
var h = require('./lib/net_harness.js');
var checksum = require('../../js-drivers/net/checksum.js');
var S = require('../../js-drivers/net/tcp_segment.js');
var Rto = require('../../js-drivers/net/tcp_rto.js').Rto;
var arp = require('../../js-drivers/net/arp.js');
var ipv4 = require('../../js-drivers/net/ipv4.js');

function bytes(list) { return new Uint8Array(list); }
function pattern(n, seed) {
    var d = new Uint8Array(n);
    var x = seed || 7;
    for (var i = 0; i < n; i++) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        d[i] = x >> 16;
    }
    return d;
}
function same(a, b) {
    if (a.length !== b.length)
        return false;
    for (var i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}

// An IPv4 packet (no options, TTL 64) as a peer may send or forge it:
// `payload` for protocol `proto`, with an ID and a fragment field.
function ipPacket(src, dst, proto, payload, id, fragField) {
    var p = new Uint8Array(20 + payload.length);
    var dv = new DataView(p.buffer);
    p[0] = 0x45;
    dv.setUint16(2, p.length);
    dv.setUint16(4, id || 0);
    dv.setUint16(6, fragField || 0);
    p[8] = 64;
    p[9] = proto;
    dv.setUint32(12, src);
    dv.setUint32(16, dst);
    dv.setUint16(10, checksum.compute(p, 0, 20));
    p.set(payload, 20);
    return p;
}
function tcpPacket(src, dst, seg) { return ipPacket(src, dst, 6, seg); }

// --- checksums ----------------------------------------------------------
// RFC 1071 section 3's example: the sum of 0001 f203 f4f5 f6f7 is ddf2.
check.equal(checksum.compute(bytes([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]), 0, 8),
    (~0xddf2) & 0xffff, 'RFC 1071 example');
// An IPv4 header whose checksum is b861 (192.168.0.1 -> 192.168.0.199, UDP).
var hdr = bytes([0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0, 0,
    0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7]);
check.equal(checksum.compute(hdr, 0, 20), 0xb861, 'IPv4 header checksum');
hdr[10] = 0xb8; hdr[11] = 0x61;
check.equal(checksum.compute(hdr, 0, 20), 0, 'a header with its checksum sums to 0');
check.equal(checksum.compute(bytes([0x12, 0x34, 0x56]), 0, 3), (~(0x1234 + 0x5600)) & 0xffff,
    'an odd byte is padded with zero');
// native:inet's sum (engine/inet.cpp) against the JS definition.
check.ok(checksum.native, 'the engine has native:inet');
var rnd = pattern(5000, 21);
var agree = true;
[[0, 5000, 0], [1, 4001, 0], [3, 32, 0x1ffff], [7, 1499, 0xfffe], [0, 33, 123456789]].forEach(function (t) {
    var a = checksum.finish(checksum.add(t[2], rnd, t[0], t[1]));
    var b = checksum.finish(checksum.addJs(t[2], rnd, t[0], t[1]));
    if (a !== b) {
        agree = false;
        check.fail('native and JS sums differ at ' + t.join(',') + ': ' + a + ' vs ' + b);
    }
});
check.ok(agree, 'native and JS sums agree (odd offsets and lengths, unfolded initial sums)');
// compute and transport (one call each) against finish(add(...)) in JS.
[[0, 5000], [1, 4001], [3, 32], [7, 1499], [0, 0]].forEach(function (t) {
    var byJs = checksum.finish(checksum.addJs(0, rnd, t[0], t[1]));
    check.equal(checksum.compute(rnd, t[0], t[1]), byJs, 'compute at ' + t.join(','));
    var src = 0xc0a80001, dst = 0x0a00020f;
    byJs = checksum.finish(checksum.addJs(checksum.pseudo(src, dst, 6, t[1]), rnd, t[0], t[1]));
    check.equal(checksum.transport(src, dst, 6, rnd, t[0], t[1]), byJs, 'transport at ' + t.join(','));
});
check.throws(function () { require('native:inet').sum(rnd, 4990, 20, 0); }, /outside a buffer/,
    'native sum outside the buffer: RangeError');
// A TCP segment built here parses back, and one flipped bit fails.
var seg = S.build(0x0a000001, 0x0a000002, { sport: 1234, dport: 80, seq: 0xfffffff0, ack: 5,
    flags: S.SYN | S.ACK, window: 1000, mss: 1460, wscale: 7, data: bytes([1, 2, 3]) });
var back = S.parse(0x0a000001, 0x0a000002, seg);
check.equal(back && [back.sport, back.dport, back.seq, back.ack, back.flags, back.window, back.mss,
    back.wscale, back.data.length].join(), '1234,80,4294967280,5,18,1000,1460,7,3', 'segment round trip');
seg[seg.length - 1] ^= 1;
check.equal(S.parse(0x0a000001, 0x0a000002, seg), null, 'a corrupted segment is refused');
check.ok(S.lt(0xfffffff0, 5) && S.gt(5, 0xfffffff0) && S.diff(5, 0xfffffff0) === 21,
    'sequence numbers wrap');
check.equal(ipv4.format(ipv4.parse('10.0.2.15')), '10.0.2.15', 'address parse/format');
check.equal(ipv4.parse('10.0.2.256'), -1, 'a bad address');

// --- RTO (RFC 6298) -------------------------------------------------------
var rto = new Rto();
check.equal(rto.rto, 1000, 'initial RTO 1 s');
rto.sample(100);
check.equal(rto.srtt + ' ' + rto.rttvar + ' ' + rto.rto, '100 50 300', 'first sample: SRTT=R, RTTVAR=R/2');
rto.sample(200);
check.equal(rto.srtt + ' ' + rto.rttvar + ' ' + rto.rto, '112.5 62.5 362.5', 'second sample');
rto.backoff();
rto.backoff();
check.equal(rto.rto, 1450, 'backoff doubles');
rto.sample(1);
check.equal(rto.rto >= 200, true, 'never below the minimum');
var rto2 = new Rto();
rto2.sample(100);
rto2.sample(50);  // below SRTT: |SRTT - R| = 50
check.equal(rto2.srtt + ' ' + rto2.rttvar + ' ' + rto2.rto, '93.75 50 293.75', 'a shorter sample');
rto2.sample(500000);
check.equal(rto2.rto, 120000, 'never above the maximum');
rto2.sample(-5);
check.equal(rto2.srtt, 0.875 * (0.875 * 93.75 + 0.125 * 500000), 'a negative sample counts as 0');

// --- ARP and ICMP ---------------------------------------------------------
(function () {
    var w = h.pair();
    var result = null;
    w.a.icmp.ping(ipv4.parse('10.0.0.2'), { timeoutMs: 1000 }, function (err, r) { result = err || r; });
    check.ok(w.run(function () { return result !== null; }, 5000), 'ping answered');
    check.equal(result && ipv4.format(result.from), '10.0.0.2', 'echo reply from 10.0.0.2');
    check.equal(w.ea.arp.table().map(function (e) { return e.ip + ' ' + e.mac; }).join(),
        '10.0.0.2 52:54:00:00:00:02', 'ARP resolved the peer');
    check.equal(w.eb.arp.table().map(function (e) { return e.ip; }).join(), '10.0.0.1',
        'the peer learned the asker (RFC 826 merge)');
    check.equal(w.ea.arp.stats.requests, 1, 'one ARP request');
    // Entries expire; then a new request is made.
    w.clock.t += arp.CACHE_MS + 1;
    check.equal(w.ea.arp.lookup(ipv4.parse('10.0.0.2')), null, 'the entry expired');
    result = null;
    w.a.icmp.ping(ipv4.parse('10.0.0.2'), { seq: 2 }, function (err, r) { result = err || r; });
    w.run(function () { return result !== null; }, 5000);
    check.equal(w.ea.arp.stats.requests, 2, 'resolved again after expiry');
    // Nobody at .9: three requests, then the queued packet is dropped
    // and the ping times out.
    result = null;
    w.a.icmp.ping(ipv4.parse('10.0.0.9'), { timeoutMs: 5000 }, function (err, r) { result = err || r; });
    w.run(function () { return result !== null; }, 10000);
    check.ok(result instanceof Error && /timeout/.test(result.message), 'ping to nobody times out');
    check.equal(w.ea.arp.stats.requests, 2 + arp.TRIES, 'ARP retried ' + arp.TRIES + ' times');
    check.equal(w.ea.arp.stats.dropped, 1, 'the waiting packet was dropped');
    // Off-link goes to the gateway (10.0.0.254, absent): ARP asks for it.
    var asked = [];
    w.link.capture = function (from, f) {
        if (f[12] === 8 && f[13] === 6)
            asked.push(ipv4.format(new DataView(f.buffer, f.byteOffset).getUint32(14 + 24)));
    };
    w.a.icmp.ping(ipv4.parse('192.0.2.1'), { timeoutMs: 100 }, function () {});
    w.run(function () { return false; }, 200);
    check.equal(asked[0], '10.0.0.254', 'off-link traffic goes to the default gateway');
    var s = h.single();
    result = null;
    s.s.icmp.ping(ipv4.parse('127.0.0.1'), {}, function (err, r) { result = err || r; });
    s.run(function () { return result !== null; }, 1000);
    check.equal(result && result.bytes, 56, 'ping 127.0.0.1 over loopback');
})();

// --- UDP and IPv4 fragments ----------------------------------------------
(function () {
    var w = h.pair();
    var ua = w.a.udp.open(), ub = w.b.udp.open();
    check.equal(ub.bind(0, 5353), 0, 'UDP bind');
    check.equal(ua.sendto(bytes([104, 105]), ipv4.parse('10.0.0.2'), 5353), 2, 'UDP sendto');
    w.run(function () { return ub.queue.length > 0; }, 5000);
    var m = ub.receive();
    check.equal(m && String.fromCharCode.apply(null, m.data) + ' ' + ipv4.format(m.addr) + ' ' +
        (m.port === ua.localPort), 'hi 10.0.0.1 true', 'UDP datagram with its source');
    // 4000 bytes cross a 1500-byte MTU as 3 fragments and come back whole.
    var big = pattern(4000, 3);
    ua.sendto(big, ipv4.parse('10.0.0.2'), 5353);
    w.run(function () { return ub.queue.length > 0; }, 5000);
    m = ub.receive();
    check.ok(m && same(m.data, big), 'a fragmented datagram is reassembled');
    check.equal(w.a.ipv4.stats.fragmentsSent, 3, 'three fragments');
    check.equal(w.b.ipv4.stats.reassembled, 1, 'one reassembly');
    // One fragment lost: nothing is delivered; the partial datagram goes
    // after the reassembly timeout.
    var dropped = false;
    var origDeliver = w.link.deliver;
    w.link.deliver = function () {
        if (!dropped && this.queue.length >= 3) {
            this.queue.splice(1, 1);  // the second fragment is lost
            dropped = true;
        }
        return origDeliver.call(this);
    };
    ua.sendto(big, ipv4.parse('10.0.0.2'), 5353);
    w.run(function () { return false; }, 40000);
    check.equal(ub.queue.length, 0, 'an incomplete datagram is not delivered');
    check.equal(w.b.ipv4.stats.reassemblyDropped, 1, 'and is dropped after the timeout');
    w.link.deliver = origDeliver;
    // A closed port: ICMP port unreachable; a connected socket gets ECONNREFUSED.
    var uc = w.a.udp.open();
    uc.connect(ipv4.parse('10.0.0.2'), 9);
    uc.sendto(bytes([1]), 0, 0);
    w.run(function () { return uc.error !== 0; }, 5000);
    check.equal(uc.error, -111, 'UDP to a closed port: ECONNREFUSED');
    check.equal(w.b.icmp.stats.unreachableSent, 1, 'one port unreachable sent');
})();

// --- hostile fragments (found by qemu.net_hostile_frames) -----------------
// An IPv4 fragment from 10.0.0.1 to 10.0.0.2 (UDP), as a peer may forge it.
function fragment(id, fragField, data) {
    return ipPacket(ipv4.parse('10.0.0.1'), ipv4.parse('10.0.0.2'), 17, data, id, fragField);
}
(function () {
    var w = h.pair();
    var MF = 0x2000;
    var ub = w.b.udp.open();
    ub.bind(0, 5353);
    function feed(list) {
        list.forEach(function (f) { w.b.ipv4.input(w.eb, fragment(f[0], f[1], f[2])); });
    }
    // [0,32) with MF, [24,40) with MF, then a last fragment [8,16): it says
    // the datagram ends at 16, before pieces already kept. Reassembly
    // copied [24,40) past the end of a 16-byte buffer: RangeError, thrown
    // out of the receive queue (the program died with "timers: RangeError").
    var threw = null;
    try {
        feed([[7, MF | 0, pattern(32, 1)], [7, MF | 3, pattern(16, 2)], [7, 1, pattern(8, 3)]]);
    } catch (e) {
        threw = e;
    }
    check.equal(threw, null, 'a last fragment ending before kept pieces does not throw');
    check.equal(w.b.ipv4.stats.reassemblyDropped, 1, 'it drops the datagram (as Linux)');
    // A piece ending past the end a last fragment set, and two last
    // fragments that disagree: dropped as well.
    feed([[8, 2, pattern(8, 4)], [8, MF | 2, pattern(16, 5)]]);
    feed([[9, 2, pattern(8, 4)], [9, 4, pattern(8, 6)]]);
    check.equal(w.b.ipv4.stats.reassemblyDropped, 3, 'pieces past the end, disagreeing ends');
    // Overlapping pieces that agree still make the datagram (RFC 791): a
    // UDP header of 8 + 16 bytes, checksum 0 (none), cut as [0,16) [8,24).
    var whole = new Uint8Array(24);
    var dv = new DataView(whole.buffer);
    dv.setUint16(0, 1000);
    dv.setUint16(2, 5353);
    dv.setUint16(4, 24);
    whole.set(pattern(16, 9), 8);
    feed([[10, MF | 1, whole.subarray(8, 24)], [10, MF | 0, whole.subarray(0, 16)],
        [10, 2, whole.subarray(16, 24)]]);
    var m = ub.receive();
    check.ok(m && same(m.data, pattern(16, 9)), 'overlapping fragments that agree are reassembled');
    // Endless duplicates of one piece: bounded (the datagram is dropped
    // once it holds twice the largest datagram's bytes).
    var before = w.b.ipv4.stats.reassemblyDropped;
    var piece = pattern(1400, 11);
    for (var i = 0; i < 120; i++)
        w.b.ipv4.input(w.eb, fragment(11, MF | 0, piece));
    check.equal(w.b.ipv4.stats.reassemblyDropped, before + 1, 'duplicates are bounded');
})();

// Martian sources (found by hand after qemu.net_hostile_frames; Linux's
// ip_route_input_slow drops them): a SYN "from" our own address to our own
// listening port (the LAND attack) made the listener answer itself, and
// the two ends of that connection, both ours, ACKed each other's ACKs over
// loopback forever. Nor may 0.0.0.0 (but to a broadcast), loopback,
// multicast or broadcast sources come in from the wire.
(function () {
    var w = h.pair();
    var l = w.b.tcp.open();
    l.bind(0, 80);
    l.listen(8);
    var me = ipv4.parse('10.0.0.2');
    function syn(src, dst) {
        return tcpPacket(src, dst, S.build(src, dst, { sport: 80, dport: 80, seq: 1000, ack: 0,
            flags: S.SYN, window: 1000, mss: 0, wscale: -1 }));
    }
    var sources = ['10.0.0.2', '0.0.0.0', '127.0.0.1', '224.0.0.1', '255.255.255.255',
        '10.0.0.255'];
    sources.forEach(function (a) {
        w.b.ipv4.input(w.eb, syn(ipv4.parse(a), me));
    });
    w.b.flush();
    check.equal(w.b.tcp.stats.segmentsReceived, 0, 'SYNs from martian sources reach no TCP');
    check.equal(w.b.ipv4.stats.martians, sources.length, 'they are counted as martians');
    check.equal(w.b.tcp.stats.segmentsSent, 0, 'and nothing answers them');
    // 0.0.0.0 to the broadcast address is fine (a DHCP client's packets).
    w.b.ipv4.input(w.eb, syn(0, 0xffffffff));
    check.equal(w.b.ipv4.stats.martians, sources.length, '0.0.0.0 to 255.255.255.255 passes');
    // A source found fine is not checked again for the next packets, until
    // the addresses change: 10.0.0.3 is a host on a /24, the broadcast
    // address of a /30.
    var before = w.b.tcp.stats.segmentsReceived;
    w.b.ipv4.input(w.eb, syn(ipv4.parse('10.0.0.3'), me));
    w.b.ipv4.input(w.eb, syn(ipv4.parse('10.0.0.3'), me));
    check.equal(w.b.tcp.stats.segmentsReceived, before + 2, 'a host\'s packets come in');
    w.b.configure(w.eb, '10.0.0.2', '255.255.255.252', 0);
    w.b.ipv4.input(w.eb, syn(ipv4.parse('10.0.0.3'), me));
    check.equal(w.b.ipv4.stats.martians, sources.length + 1,
        'the same source, now the subnet\'s broadcast address: a martian');
})();

// The subnet's broadcast address (10.0.0.255): out as one broadcast frame,
// in as a broadcast. (`dst | mask` is a signed number in JS, so comparing
// it with 0xffffffff never held: the datagram went to ARP, which asked
// three times for 10.0.0.255, and it was lost.)
(function () {
    var w = h.pair();
    var ua = w.a.udp.open(), ub = w.b.udp.open();
    ub.bind(0, 5000);
    ua.broadcast = true;
    var frames = [];
    w.link.capture = function (from, f) { frames.push(f); };
    check.equal(ua.sendto(bytes([1, 2]), ipv4.parse('10.0.0.255'), 5000), 2,
        'sendto 10.0.0.255');
    w.run(function () { return ub.queue.length > 0; }, 5000);
    check.equal(frames.length, 1, 'one frame, no ARP');
    check.equal(frames[0] && Array.prototype.slice.call(frames[0], 0, 6).join(), '255,255,255,255,255,255',
        'to the broadcast MAC');
    check.equal(ub.queue.length, 1, 'a socket bound to 0.0.0.0 receives it');
})();

// ARP requests for our address from ever new senders (each one is learned,
// RFC 826): the cache stays within CACHE_MAX, and a real neighbour still
// resolves.
(function () {
    var w = h.pair();
    var req = new Uint8Array(28);
    var dv = new DataView(req.buffer);
    dv.setUint16(0, 1);
    dv.setUint16(2, 0x0800);
    req[4] = 6;
    req[5] = 4;
    dv.setUint16(6, 1);
    dv.setUint32(24, ipv4.parse('10.0.0.2'));
    for (var i = 0; i < arp.CACHE_MAX + 100; i++) {
        req.set([2, 0, 0, i >> 16, (i >> 8) & 0xff, i & 0xff], 8);
        dv.setUint32(14, (0x0b000000 + i) >>> 0);   // 11.0.x.y
        w.eb.arp.input(req);
    }
    check.equal(w.eb.arp.size(), arp.CACHE_MAX, 'the ARP cache stays at CACHE_MAX entries');
    check.equal(w.eb.arp.stats.evicted, 100, 'the oldest entries made room');
    var result = null;
    w.b.icmp.ping(ipv4.parse('10.0.0.1'), {}, function (err, r) { result = err || r; });
    w.run(function () { return result !== null; }, 5000);
    check.ok(result && !(result instanceof Error), 'a full cache still resolves a neighbour');
})();

// --- TCP ------------------------------------------------------------------
// A connected pair: client on a, server on b, port 80.
function connected(w, options) {
    options = options || {};
    var L = w.b.tcp.open();
    L.bind(0, 80);
    L.listen(options.backlog || 8);
    var C = w.a.tcp.open();
    if (options.before)
        options.before(C, L);
    var r = C.connect(ipv4.parse('10.0.0.2'), 80);
    w.run(function () { return C.state === 'ESTABLISHED' && L.acceptQueue.length > 0; }, 60000);
    return { L: L, C: C, A: L.accept(), r: r };
}

// Moves `data` from src to dst pcb; returns what arrived.
function transfer(w, src, dst, data, limitMs) {
    var sent = 0, got = new Uint8Array(data.length), have = 0;
    var buf = new Uint8Array(65536);
    w.run(function () {
        if (sent < data.length) {
            var k = src.send(data, sent, data.length - sent);
            if (k > 0)
                sent += k;
        }
        for (;;) {
            var r = dst.receive(buf, 0, buf.length);
            if (r <= 0)
                break;
            got.set(buf.subarray(0, r), have);
            have += r;
        }
        return have === data.length;
    }, limitMs || 600000);
    return got.subarray(0, have);
}

(function handshakeAndClose() {
    var w = h.pair();
    var segs = [];
    w.link.capture = function (from, f) {
        if (f[23] === 6)
            segs.push(from + ':' + (f[14 + 20 + 13] & 0x3f));
    };
    var c = connected(w);
    check.equal(c.r, 0, 'connect starts');
    check.equal(c.A && c.A.state, 'ESTABLISHED', 'accepted connection established');
    check.equal(segs.slice(0, 3).join(' '), '0:2 1:18 0:16', 'three-way handshake SYN, SYN|ACK, ACK');
    check.equal(c.C.mss + ' ' + c.A.mss, '1460 1460', 'MSS 1460 both ways');
    check.equal(c.C.sndScale + ' ' + c.A.sndScale, '3 3', 'window scale negotiated');
    var data = pattern(100000, 5);
    check.ok(same(transfer(w, c.C, c.A, data), data), '100 kB client -> server');
    var reply = pattern(50000, 9);
    check.ok(same(transfer(w, c.A, c.C, reply), reply), '50 kB server -> client');
    // Active close by the client: FIN_WAIT_2, then the server's close
    // puts the client in TIME_WAIT for 2 MSL.
    c.C.close();
    w.run(function () { return c.C.state === 'FIN_WAIT_2' && c.A.state === 'CLOSE_WAIT'; }, 1000);
    check.equal(c.C.state + ' ' + c.A.state, 'FIN_WAIT_2 CLOSE_WAIT', 'half closed');
    // The server goes on sending into the half-closed connection: the
    // client ACKs it (FIN_WAIT_2 still receives) before anything is read.
    var late = pattern(3000, 3);
    c.A.send(late, 0, late.length);
    w.run(function () { return c.A.sendBuf.length === 0; }, 1000);
    check.equal(c.A.sendBuf.length, 0, 'data sent in FIN_WAIT_2 is ACKed without a read (' +
        w.clock.t + ' ms)');
    check.equal(w.b.tcp.stats.retransmits, 0, 'and not retransmitted');
    var got = new Uint8Array(3000);
    check.equal(c.C.receive(got, 0, 3000), 3000, 'the client reads it');
    check.ok(same(got, late), 'intact');
    var buf = new Uint8Array(10);
    check.equal(c.A.receive(buf, 0, 10), 0, 'server reads end of stream');
    c.A.close();
    w.run(function () { return c.A.state === 'CLOSED' && c.C.state === 'TIME_WAIT'; }, 1000);
    check.equal(c.C.state + ' ' + c.A.state, 'TIME_WAIT CLOSED', 'client in TIME_WAIT, server closed');
    var t0 = w.clock.t;
    w.run(function () { return c.C.state === 'CLOSED'; }, 120000);
    check.equal(w.clock.t - t0, 60000, 'TIME_WAIT lasts 2 MSL (60 s)');
    // The port is free again; the listener still accepts.
    var c2 = w.a.tcp.open();
    c2.connect(ipv4.parse('10.0.0.2'), 80);
    w.run(function () { return c2.state === 'ESTABLISHED'; }, 5000);
    check.equal(c2.state, 'ESTABLISHED', 'a second connection to the listener');
})();

(function resets() {
    var w = h.pair();
    var C = w.a.tcp.open();
    C.connect(ipv4.parse('10.0.0.2'), 81);
    w.run(function () { return C.state === 'CLOSED'; }, 5000);
    check.equal(C.error, -111, 'SYN to a closed port: RST, ECONNREFUSED');
    // close() with unread data resets the connection (RFC 2525 2.17).
    var c = connected(w);
    c.C.send(bytes([1, 2, 3]), 0, 3);
    w.run(function () { return c.A.bytesReadable() === 3; }, 1000);
    c.A.close();
    w.run(function () { return c.C.state === 'CLOSED'; }, 1000);
    check.equal(c.C.error, -104, 'the peer sees ECONNRESET');
    check.equal(c.C.send(bytes([1]), 0, 1), -104, 'the error is reported once');
    check.equal(c.C.send(bytes([1]), 0, 1), -32, 'then EPIPE');
    var buf = new Uint8Array(4);
    check.equal(c.C.receive(buf, 0, 4), 0, 'and reads give end of stream');
    // Bind conflicts.
    var x = w.b.tcp.open(), y = w.b.tcp.open();
    check.equal(x.bind(0, 7000), 0, 'bind 7000');
    check.equal(y.bind(0, 7000), -98, 'EADDRINUSE');
    check.equal(y.bind(ipv4.parse('10.9.9.9'), 7001), -99, 'EADDRNOTAVAIL');
})();

(function synInTimeWait() {
    // The server closes first and keeps TIME_WAIT; the client comes back
    // from the same port at once (the host's Linux reuses loopback ports
    // that way behind QEMU's forward). A SYN above the old connection's
    // sequence numbers opens a new one (RFC 1122 4.2.2.13); before, it got
    // the old connection's ACK, the peer answered with a reset and sent its
    // SYN again a second (slirp: 6 s) later.
    var w = h.pair();
    var c = connected(w, { before: function (C) { C.bind(0, 40000); } });
    var oldSndNxt = c.A.sndNxt, oldRcvNxt = c.A.rcvNxt;
    c.A.close();
    w.run(function () { return c.C.state === 'CLOSE_WAIT'; }, 1000);
    c.C.close();
    w.run(function () { return c.C.state === 'CLOSED' && c.A.state === 'TIME_WAIT'; }, 1000);
    check.equal(c.A.state + ' ' + c.C.state, 'TIME_WAIT CLOSED', 'the server in TIME_WAIT');
    oldSndNxt = c.A.sndNxt;  // after its FIN
    var segs = [];
    w.link.capture = function (from, f) {
        if (f[23] === 6)
            segs.push(from + ':' + (f[14 + 20 + 13] & 0x3f));
    };
    var again = w.a.tcp.open();
    check.equal(again.bind(0, 40000), 0, 'the client binds its old port');
    again.iss = again.sndUna = again.sndNxt = again.sndMax = (oldRcvNxt + 100000) >>> 0;
    again.sndBase = (again.iss + 1) >>> 0;
    var t0 = w.clock.t;
    again.connect(ipv4.parse('10.0.0.2'), 80);
    w.run(function () { return again.state === 'ESTABLISHED' && c.L.acceptQueue.length > 0; },
        10000);
    check.equal(again.state, 'ESTABLISHED', 'the new connection is set up');
    check.ok(w.clock.t - t0 < 100, 'at once (' + (w.clock.t - t0) + ' ms)');
    check.equal(segs.slice(0, 3).join(' '), '0:2 1:18 0:16', 'SYN, SYN|ACK, ACK: no reset');
    check.equal(w.b.tcp.stats.timeWaitReused, 1, 'counted in timeWaitReused');
    var A2 = c.L.accept();
    check.ok(A2 !== null && A2.iss === ((oldSndNxt + 0x40000000) >>> 0),
        'its ISS 2^30 above what the old one sent');
    var data = pattern(5000, 4);
    check.ok(A2 !== null && same(transfer(w, again, A2, data), data), 'and it carries data');
    // An old duplicate SYN (below the old connection's numbers) does not.
    var w2 = h.pair();
    var d = connected(w2, { before: function (C) { C.bind(0, 40001); } });
    var rcvNxt = d.A.rcvNxt;
    d.A.close();
    w2.run(function () { return d.C.state === 'CLOSE_WAIT'; }, 1000);
    d.C.close();
    w2.run(function () { return d.C.state === 'CLOSED' && d.A.state === 'TIME_WAIT'; }, 1000);
    check.equal(d.A.state, "TIME_WAIT", "second pair: the server in TIME_WAIT");
    var answers = [];
    w2.link.capture = function (from, f) {
        if (from === 1 && f[23] === 6)
            answers.push(f[14 + 20 + 13] & 0x3f);
    };
    var old = w2.a.tcp.open();
    check.equal(old.bind(0, 40001), 0, 'the old port again');
    old.iss = old.sndUna = old.sndNxt = old.sndMax = (rcvNxt - 1000) >>> 0;
    old.sndBase = (old.iss + 1) >>> 0;
    old.connect(ipv4.parse('10.0.0.2'), 80);
    w2.run(function () { return answers.length > 0; }, 50);
    check.equal(answers[0], 16, 'a SYN below them gets the old connection\'s ACK');
    check.equal(w2.b.tcp.stats.timeWaitReused + ' ' + d.L.acceptQueue.length, '0 0',
        'and no new connection');
})();

(function passiveCloseThenSamePort() {
    // The client closes first (its side keeps TIME_WAIT, ours ends) and
    // comes back from the same port: the new connection's initial sequence
    // number is 2^30 above the old one's last, so a peer still holding the
    // old connection (slirp, 10 s) takes the SYN-ACK as a new one's.
    var w = h.pair();
    var c = connected(w, { before: function (C) { C.bind(0, 40002); } });
    var data = pattern(3000, 8);
    check.ok(same(transfer(w, c.A, c.C, data), data), 'the server sends 3000 bytes');
    c.C.close();
    w.run(function () { return c.A.state === 'CLOSE_WAIT'; }, 1000);
    c.A.close();
    w.run(function () { return c.A.state === 'CLOSED' && c.C.state === 'TIME_WAIT'; }, 1000);
    var ended = c.A.sndMax;
    w.a.tcp.T.destroy(c.C);  // the client's side lets the port go (as the host's Linux does)
    var again = w.a.tcp.open();
    check.equal(again.bind(0, 40002), 0, 'the client binds its old port');
    again.connect(ipv4.parse('10.0.0.2'), 80);
    w.run(function () { return again.state === 'ESTABLISHED' && c.L.acceptQueue.length > 0; },
        5000);
    var A2 = c.L.accept();
    check.ok(A2 !== null && A2.iss === ((ended + 0x40000000) >>> 0),
        'the new connection starts 2^30 above the old one\'s last sequence number');
    check.ok(A2 !== null && same(transfer(w, A2, again, data), data), 'and carries data');
    // Another port: a random initial sequence number as always.
    var other = w.a.tcp.open();
    other.connect(ipv4.parse('10.0.0.2'), 80);
    w.run(function () { return other.state === 'ESTABLISHED' && c.L.acceptQueue.length > 0; },
        5000);
    var A3 = c.L.accept();
    check.ok(A3 !== null && A3.iss !== ((ended + 0x40000000) >>> 0), 'another port: its own');
})();

(function timeWaitQueue() {
    // A server's connections in TIME_WAIT wait in one queue under one
    // timer: each leaves 2 MSL after it entered, one whose wait restarted
    // 2 MSL after that; and one the user closed keeps no buffers.
    var w = h.pair();
    var L = w.b.tcp.open();
    L.bind(0, 80);
    L.listen(8);
    function closedByServer() {
        var C = w.a.tcp.open();
        C.connect(ipv4.parse('10.0.0.2'), 80);
        w.run(function () { return C.state === 'ESTABLISHED' && L.acceptQueue.length > 0; }, 5000);
        var A = L.accept();
        A.close();
        w.run(function () { return C.state === 'CLOSE_WAIT'; }, 1000);
        C.close();
        w.run(function () { return C.state === 'CLOSED' && A.state === 'TIME_WAIT'; }, 1000);
        return { pcb: A, at: w.clock.t, ends: [] };
    }
    var a = closedByServer();
    w.clock.t += 10000;
    var b = closedByServer();
    w.clock.t += 10000;
    var c = closedByServer();
    check.ok(a.pcb.sendBuf === c.pcb.recvBuf && a.pcb.recvBuf.length === 0 && a.pcb.path === null &&
        a.pcb.ooo.length === 0, 'closed by the user: one shared empty buffer, no path');
    w.clock.t += 10000;
    b.at = w.clock.t;
    w.b.tcp.T.enterTimeWait(b.pcb);  // b's wait starts again
    var all = [a, b, c];
    w.run(function () {
        all.forEach(function (x) {
            if (x.pcb.state === 'CLOSED' && x.ends.length === 0)
                x.ends.push(w.clock.t - x.at);
        });
        return a.ends.length + b.ends.length + c.ends.length === 3;
    }, 200000);
    check.equal(a.ends + ' ' + b.ends + ' ' + c.ends, '60000 60000 60000',
        'each leaves TIME_WAIT 2 MSL after it entered it (the restarted one: after the restart)');
    var d = closedByServer();
    w.run(function () { return d.pcb.state === 'CLOSED'; }, 200000);
    check.equal(w.clock.t - d.at, 60000, 'and the queue serves the next one alike');
})();

(function endedConnectionsForgotten() {
    // The record of ended connections (their last sequence numbers, for
    // the next connection on the same four numbers) keeps each for a
    // minute and at most 4096 of them, forgetting the oldest first.
    var w = h.pair();
    var T = w.b.tcp.T;
    function fromPort(port) {  // a pcb for 10.0.0.1:port -> 10.0.0.2:80
        var pcb = T.newPcb();
        pcb.localAddr = ipv4.parse('10.0.0.2');
        pcb.localPort = 80;
        pcb.remoteAddr = ipv4.parse('10.0.0.1');
        pcb.remotePort = port;
        return pcb;
    }
    function ended(port) {  // a connection from port that ends
        var pcb = fromPort(port);
        pcb.state = 'ESTABLISHED';
        pcb.everConnected = true;
        T.destroy(pcb);
        return pcb;
    }
    function next(port) {  // the ISS for a new connection on the same four numbers
        var pcb = fromPort(port);
        return { iss: pcb.iss, next: T.issAfterRecent(pcb) };
    }
    for (var i = 0; i < 5000; i++)
        ended(10000 + i);
    check.equal(T.recentCount(), 4096, 'at most 4096 kept');
    var first = next(10000), kept = next(10000 + 4999);
    check.equal(first.next, first.iss, 'the oldest forgotten: the new one\'s own ISS');
    check.ok(kept.next !== kept.iss, 'the newest remembered');
    w.clock.t += 30000;
    var late = ended(20000);
    w.clock.t += 30001;  // the 4096 are a minute old; the last one half that
    var again = next(10000 + 4999);
    check.equal(again.next, again.iss, 'a minute later: forgotten');
    check.equal(T.recentCount(), 1, 'all but the last');
    check.equal(next(20000).next, (late.sndMax + 0x40000000) >>> 0, 'which is still there');
    var later = ended(20001);
    check.equal(next(20001).next, (later.sndMax + 0x40000000) >>> 0, 'and so is one after it');
})();

(function reuseAddr() {
    // A server restarts on its port while a connection it accepted lives on.
    var w = h.pair();
    var c = connected(w, { before: function (C, L) { L.reuseAddr = true; } });
    check.equal(c.A.reuseAddr, true, 'an accepted socket inherits SO_REUSEADDR');
    c.L.close();
    var plain = w.b.tcp.open();
    check.equal(plain.bind(0, 80), -98, 'without SO_REUSEADDR: EADDRINUSE');
    var again = w.b.tcp.open();
    again.reuseAddr = true;
    check.equal(again.bind(0, 80), 0, 'with SO_REUSEADDR: the port binds again');
    check.equal(again.listen(4), 0, 'and listens');
    var third = w.b.tcp.open();
    third.reuseAddr = true;
    check.equal(third.bind(0, 80), -98, 'but never next to a listener');
})();

(function backlog() {
    var w = h.pair();
    var L = w.b.tcp.open();
    L.bind(0, 90);
    L.listen(1);
    var c1 = w.a.tcp.open(), c2 = w.a.tcp.open();
    c1.connect(ipv4.parse('10.0.0.2'), 90);
    w.run(function () { return L.acceptQueue.length === 1; }, 1000);
    c2.connect(ipv4.parse('10.0.0.2'), 90);
    w.run(function () { return w.b.tcp.stats.listenDrops > 0; }, 500);
    check.equal(c2.state, 'SYN_SENT', 'a full backlog drops the SYN');
    L.accept();
    w.run(function () { return c2.state === 'ESTABLISHED'; }, 10000);
    check.equal(c2.state, 'ESTABLISHED', 'the retransmitted SYN gets in after accept');
    check.ok(w.a.tcp.stats.retransmits >= 1, 'the SYN was retransmitted');
})();

(function nagle() {
    var w = h.pair();
    var c = connected(w);
    var dataSegs = 0;
    w.link.capture = function (from, f) {
        if (from === 0 && f[23] === 6 && f.length > 14 + 20 + 20 && (f[16] << 8 | f[17]) > 40)
            dataSegs++;
    };
    c.C.send(bytes([1]), 0, 1);
    c.C.send(bytes([2]), 0, 1);
    c.C.send(bytes([3]), 0, 1);
    check.equal(dataSegs, 1, 'Nagle: small writes wait while one is unacknowledged');
    w.run(function () { return c.A.bytesReadable() === 3; }, 1000);
    check.equal(dataSegs, 2, 'the rest goes in one segment when the ACK comes');
    dataSegs = 0;
    c.C.setNoDelay(true);
    c.C.send(bytes([4]), 0, 1);
    c.C.send(bytes([5]), 0, 1);
    check.equal(dataSegs, 2, 'TCP_NODELAY: each write leaves at once');
})();

// Requests and answers on a connection without window scaling (QEMU's
// slirp does not scale). Reading a request must not send an ACK of its
// own: the answer carries it. The rule for window updates once compared the
// free buffer (256 KiB) with what an unscaled window can say (64 KiB), and
// so sent a pure ACK after every read: one frame more per http request.
(function requestsWithoutWindowScaling() {
    var w = h.pair();
    var c = connected(w, { before: function (C) { C.offerScale = false; } });
    check.equal(c.C.sndScale + ' ' + c.A.sndScale, '0 0', 'no window scaling');
    var fromServer = 0;
    w.link.capture = function (from, f) {
        if (from === 1 && f[23] === 6)
            fromServer++;
    };
    var buf = new Uint8Array(1000);
    var answers = 0;
    for (var i = 0; i < 5; i++) {
        c.C.send(pattern(27, i + 1), 0, 27);
        w.run(function () { return c.A.bytesReadable() === 27; }, 1000);
        if (c.A.receive(buf, 0, 1000) !== 27)
            break;
        c.A.send(pattern(125, i + 1), 0, 125);
        w.run(function () { return c.C.bytesReadable() === 125; }, 1000);
        if (c.C.receive(buf, 0, 1000) === 125)
            answers++;
    }
    check.equal(answers, 5, 'five requests answered');
    check.equal(fromServer, 5, 'the server sends one segment per answer, which carries the ACK');
    // When unread bytes have shrunk the window below 64 KiB, a read that
    // opens it by two segments' worth still says so at once.
    var big = pattern(240000, 3);
    var sent = c.C.send(big, 0, big.length);
    w.run(function () { return c.A.bytesReadable() === sent; }, 5000);
    check.ok(sent > c.A.rcvbuf - 65535, 'the unread bytes shrink the window (' + sent + ' sent)');
    fromServer = 0;
    c.A.receive(new Uint8Array(sent), 0, sent);
    check.equal(fromServer, 1, 'reading them sends a window update');
})();

// The delayed ACK's timer is not cancelled when an answer carries the ACK.
// When it fires while a later request waits for its answer, that request's
// ACK still has its own 100 ms: the answer carries it, no pure ACK goes
// (it used to go at the old timer's time, just before the answer).
(function delayedAckWaitsItsOwnDelay() {
    var w = h.pair();
    var c = connected(w);
    var env = w.clock.env(5);
    function until(t) {
        var reached = false;
        env.setTimer(t - w.clock.t, function () { reached = true; });
        w.run(function () { return reached; }, 1000);
    }
    var pureAcks = 0;
    w.link.capture = function (from, f) {
        if (from === 1 && f[23] === 6 && (f[16] << 8 | f[17]) === 40)
            pureAcks++;
    };
    var buf = new Uint8Array(100), t0 = w.clock.t;
    function request(i) {
        c.C.send(pattern(27, i), 0, 27);
        w.run(function () { return c.A.bytesReadable() === 27; }, 1000);
        return c.A.receive(buf, 0, 100);
    }
    // The first read opens the window from the SYN's unscaled 64 KiB to
    // the whole buffer: that window update is due, and not counted here.
    check.equal(request(0), 27, 'a first request');
    c.A.send(pattern(125, 0), 0, 125);
    w.run(function () { return c.C.bytesReadable() === 125; }, 1000);
    c.C.receive(new Uint8Array(125), 0, 125);
    until(w.clock.t + 500);
    pureAcks = 0;
    t0 = w.clock.t;
    check.equal(request(1), 27, 'request 1 at 0 ms');
    c.A.send(pattern(125, 1), 0, 125);       // answered at once
    until(t0 + 95);
    check.equal(request(2), 27, 'request 2 at 95 ms');
    until(t0 + 105);                         // the first timer has fired (100 ms)
    c.A.send(pattern(125, 2), 0, 125);       // answered at 105 ms
    w.run(function () { return c.C.bytesReadable() === 250; }, 1000);
    check.equal(c.C.bytesReadable(), 250, 'both answers arrive');
    check.equal(pureAcks, 0, 'no pure ACK from the server: the answers carry them');
    // Unanswered, a request is still ACKed after its own delay.
    var t1 = w.clock.t;
    check.equal(request(3), 27, 'request 3, never answered');
    var ackedAt = -1;
    w.link.capture = function (from, f) {
        if (from === 1 && f[23] === 6 && (f[16] << 8 | f[17]) === 40 && ackedAt < 0)
            ackedAt = w.clock.t - t1;
    };
    until(t1 + 300);
    check.equal(ackedAt, 100, 'its ACK goes alone after 100 ms');
})();

// FINs that cross, the way QEMU's slirp closes: its FIN comes before ours
// arrives, then comes again carrying the ACK of ours. The second copy is a
// duplicate (it ends before rcvNxt), but its ACK is news and must be taken,
// as BSD and Linux do: dropping the whole segment left us in CLOSING until
// our FIN was retransmitted, one RTO later.
(function crossingFinsAckedByARetransmittedFin() {
    var w = h.pair();
    var c = connected(w);
    c.A.close();
    w.b.flush();
    check.equal(c.A.state, 'FIN_WAIT_1', 'the server closes first');
    w.link.queue.length = 0;  // its FIN is on its way (and will be lost)
    c.C.close();
    w.run(function () { return c.A.state !== 'FIN_WAIT_1'; }, 100);
    check.equal(c.A.state, 'CLOSING', 'the client\'s FIN crossed ours');
    var client = ipv4.parse('10.0.0.1'), server = ipv4.parse('10.0.0.2');
    function finWithAck(seq) {
        return tcpPacket(client, server, S.build(client, server, { sport: c.C.localPort,
            dport: 80, seq: seq >>> 0, ack: c.A.sndNxt, flags: S.FIN | S.ACK, window: 1000,
            mss: 0, wscale: -1 }));
    }
    // An older sequence number is no way in for an ACK (a forged one).
    w.b.ipv4.input(w.eb, finWithAck(c.C.sndNxt - 100));
    w.b.flush();
    check.equal(c.A.state, 'CLOSING', 'a copy ending before rcvNxt: its ACK is not taken');
    var finAgain = finWithAck(c.C.sndNxt - 1);
    var retransmits = w.b.tcp.stats.retransmits;
    w.b.ipv4.input(w.eb, finAgain);
    w.b.flush();
    check.equal(c.A.state, 'TIME_WAIT', 'the client\'s FIN again, with the ACK of ours: TIME_WAIT');
    check.equal(w.b.tcp.stats.retransmits, retransmits, 'without retransmitting our FIN');
})();

(function segmentationOffload() {
    // A NIC that segments (the harness plays the 8254x's part): the sender
    // hands it large segments, and 1 MiB still arrives intact under loss.
    // Each large segment reaches the NIC in the one buffer it was written
    // in: on the connection's prepared path (ipv4.frame: link and IPv4
    // headers first, then TCP's), and through output() too, where the IPv4
    // and Ethernet headers go in front of what S.build made (TSO_HEADROOM).
    [true, false].forEach(function (prepared) {
        var how = prepared ? 'TSO, prepared path: ' : 'TSO, through output(): ';
        var w = h.pair({ tso: true, loss: 0.02, reorder: 0.02, seed: 777 });
        var c = connected(w);
        var S = require('../../js-drivers/net/tcp_segment.js'), build = S.build;
        var frame = w.a.ipv4.frame, prepare = w.a.ipv4.prepare;
        var made = [], inPlace = 0;
        if (prepared) {
            w.a.ipv4.frame = function (path, length, segmented) {
                var f = frame.apply(null, arguments);
                if (segmented)
                    made.push(f.buffer);
                return f;
            };
        } else {
            w.a.ipv4.prepare = function () {
                var path = prepare.apply(null, arguments);
                path.template = null;  // as for loopback: output() it is
                return path;
            };
            S.build = function (src, dst, s, local, segmented) {
                var p = build.apply(null, arguments);
                if (segmented)
                    made.push(p.buffer);
                return p;
            };
        }
        c.C.path = null;  // (the handshake prepared one)
        w.link.onSegmented = function (f) {
            if (made.indexOf(f.buffer) >= 0 && f.byteOffset === 0)
                inPlace++;
            made = [];
        };
        var data = pattern(1 << 20, 5);
        var got = transfer(w, c.C, c.A, data, 3600000);
        S.build = build;
        w.a.ipv4.frame = frame;
        w.a.ipv4.prepare = prepare;
        check.ok(same(got, data), how + '1 MiB intact under loss and reordering');
        check.ok(w.a.tcp.stats.segmentsOffloaded > 10, how + 'the sender made large segments (' +
            w.a.tcp.stats.segmentsOffloaded + ')');
        check.ok(w.link.stats.segmented > 10, how + 'the NIC cut them');
        check.equal(inPlace, w.link.stats.segmented, how + 'each in the buffer it was written in');
        check.ok(w.a.tcp.stats.retransmits > 0, how + 'losses were repaired');
    });
})();

(function preparedPaths() {
    // A connection's segments go on a path prepared once (ipv4.prepare):
    // prepared again when the ARP answer for the peer changes (and the
    // frames then carry the new MAC), when the routes change, and after a
    // retransmission timeout (the neighbour is looked up again).
    var w = h.pair();
    var c = connected(w);
    var prepares = 0, prepare = w.a.ipv4.prepare;
    w.a.ipv4.prepare = function () {
        prepares++;
        return prepare.apply(null, arguments);
    };
    var macs = [];
    w.link.capture = function (from, f) {
        if (from === 0 && f[12] === 8 && f[13] === 0)
            macs.push(require('../../js-drivers/net/ethernet.js').formatMac(f.subarray(0, 6)));
    };
    function sendSome(n) {
        macs = [];
        c.C.send(pattern(n, 1), 0, n);
        w.run(function () { return c.C.sndUna === c.C.sndMax && c.A.recvBuf.length >= n; }, 60000);
        var buf = new Uint8Array(n);
        c.A.receive(buf, 0, n);
    }
    var lookups = 0, lookup = w.b.tcp.ports.lookup;
    w.b.tcp.ports.lookup = function () {
        lookups++;
        return lookup.apply(null, arguments);
    };
    sendSome(100);
    sendSome(100);
    check.equal(lookups, 0, 'segments for the connection of the one before: no port lookup');
    w.b.tcp.ports.lookup = lookup;
    check.equal(prepares, 0, 'the handshake prepared the path: data uses it');
    check.equal(macs[0], '52:54:00:00:00:02', 'to the peer\'s MAC');
    // The peer's ARP answer changes (a reply from a new MAC for 10.0.0.2).
    var reply = new Uint8Array(28), dv = new DataView(reply.buffer);
    dv.setUint16(0, 1);
    dv.setUint16(2, 0x0800);
    reply[4] = 6;
    reply[5] = 4;
    dv.setUint16(6, 2);
    reply.set([0x52, 0x54, 0, 0, 0, 0x77], 8);
    dv.setUint32(14, ipv4.parse('10.0.0.2'));
    reply.set([0x52, 0x54, 0, 0, 0, 1], 18);
    dv.setUint32(24, ipv4.parse('10.0.0.1'));
    w.ea.arp.input(reply);
    sendSome(100);
    check.equal(prepares, 1, 'a new ARP answer: prepared again');
    check.equal(macs[0], '52:54:00:00:00:77', 'the data goes to the new MAC');
    // The routes change (a new mask).
    w.a.configure(w.ea, '10.0.0.1', '255.255.0.0', '10.0.0.254');
    sendSome(100);
    check.equal(prepares, 2, 'the routes changed: prepared again');
    sendSome(100);
    check.equal(prepares, 2, 'and then kept');
    // A retransmission timeout: the first lost segment's resend prepares again.
    w.link.opt.loss = 1;
    c.C.send(pattern(100, 2), 0, 100);
    var timeouts = w.a.tcp.stats.timeouts;
    w.run(function () { return w.a.tcp.stats.timeouts > timeouts; }, 60000);
    w.link.opt.loss = 0;
    check.equal(prepares, 3, 'a retransmission timeout: prepared again');
    w.a.ipv4.prepare = prepare;
})();

(function synBeforeTheAddress() {
    // A listener whose interface has no address yet (DHCP still running;
    // QEMU's forwards deliver a host's SYN all the same): its SYN-ACK
    // leaves as soon as the address is there (not at its retransmission, a
    // second later), with the route's MSS and offload, not those of no
    // route (536 bytes a segment, no TSO).
    var w = h.pair({ tso: true });
    w.b.configure(w.eb, 0, 0, 0);
    // a knows b's MAC already (as slirp learns the guest's from its DHCP
    // DISCOVER): an ARP reply from b, which without an address answers none.
    w.ea.arp.input(bytes([0, 1, 8, 0, 6, 4, 0, 2].concat(w.eb.mac, [10, 0, 0, 2], w.ea.mac,
        [10, 0, 0, 1])));
    var L = w.b.tcp.open();
    L.bind(0, 80);
    L.listen(8);
    var C = w.a.tcp.open();
    C.connect(ipv4.parse('10.0.0.2'), 80);
    w.run(function () { return w.b.tcp.stats.segmentsReceived > 0; }, 2000);
    check.equal(w.b.tcp.stats.segmentsReceived, 1, 'the SYN came before the address');
    var t0 = w.clock.t;
    w.b.configure(w.eb, '10.0.0.2', '255.255.255.0', 0);
    w.run(function () { return C.state === 'ESTABLISHED' && L.acceptQueue.length > 0; }, 10000);
    var A = L.accept();
    check.ok(A !== null, 'connected once the address is there');
    check.ok(w.clock.t - t0 < 100, 'at once, not at the SYN-ACK\'s retransmission: ' +
        (w.clock.t - t0) + ' ms');
    check.equal(w.b.tcp.stats.retransmits, 0, 'the SYN-ACK was sent, not retransmitted');
    check.equal(A && A.mss, 1460, 'with the route\'s MSS');
    check.equal(A && A.tsoMax, 65535, 'and its segmentation offload');
    check.equal(C.mss, 1460, 'the client\'s MSS too');
})();

(function portLookup() {
    // ports.js: connected pcbs (indexed by port and peer) before bound ones,
    // a specific address before the wildcard; connect/unbind refile them.
    var ports = require('../../js-drivers/net/ports.js').create();
    var A = 0x0a000001, B = 0x0a000002, PEER = 0x0a000063;
    var wild = {}, specific = {}, conn = { localAddr: A, localPort: 80, remoteAddr: PEER,
        remotePort: 5000 };
    check.equal(ports.bind(wild, 0, 80, function () { return true; }), 0, 'bind *:80');
    check.equal(ports.bind(specific, A, 80, function () { return true; }), 0, 'bind A:80');
    ports.add(conn);
    check.ok(ports.lookup(A, 80, PEER, 5000) === conn, 'the connection for its own peer');
    check.ok(ports.lookup(A, 80, PEER, 5001) === specific, 'A:80 for another peer');
    check.ok(ports.lookup(B, 80, PEER, 5000) === wild, 'the wildcard for another address');
    check.ok(ports.lookup(A, 81, PEER, 5000) === null, 'nothing on another port');
    check.ok(ports.lookup(A, 80, PEER, 5000, function (p) { return p !== conn; }) === specific,
        'accept() filters');
    ports.unbind(conn);
    check.ok(ports.lookup(A, 80, PEER, 5000) === specific, 'after unbind: the listener');
    var client = {};
    check.equal(ports.bind(client, B, 0, null), 0, 'an ephemeral port');
    check.ok(client.localPort >= 32768, 'in Linux\'s range');
    ports.connect(client, PEER, 443);
    check.ok(ports.lookup(B, client.localPort, PEER, 443) === client, 'found by its peer after connect');
    ports.connect(client, 0, 0);
    check.ok(ports.lookup(B, client.localPort, PEER, 9) === client, 'unconnected again: any peer');

    // A server's many connections on its port (TIME_WAIT keeps them a
    // minute): each one unbound leaves the others, and the port, as they were.
    var many = [];
    for (var i = 0; i < 300; i++) {
        many.push({ localAddr: A, localPort: 80, remoteAddr: PEER, remotePort: 6000 + i });
        ports.add(many[i]);
    }
    check.equal(ports.all().length, 3 + 300, 'all(): the listeners, the client and the 300');
    for (i = 0; i < 300; i += 2)
        ports.unbind(many[i]);
    check.equal(ports.all().length, 3 + 150, 'half of them unbound');
    check.ok(ports.lookup(A, 80, PEER, 6001) === many[1], 'the others are still found');
    check.ok(ports.lookup(A, 80, PEER, 6000) === specific, 'an unbound one\'s peer: the listener');
    ports.unbind(many[1]);
    ports.unbind(many[1]);  // twice: nothing more happens
    check.equal(ports.all().length, 3 + 149, 'unbinding twice removes it once');
    var other = {};
    check.equal(ports.bind(other, A, 80, null), -98, 'the port is still taken: EADDRINUSE');
    ports.unbind(wild);
    ports.unbind(specific);
    for (i = 3; i < 300; i += 2)
        ports.unbind(many[i]);
    check.equal(ports.bind(other, A, 80, null), 0, 'free again once all of them went');
    var left = ports.all();
    check.ok(left.length === 2 && left.indexOf(client) >= 0 && left.indexOf(other) >= 0,
        'what is left: the client and the new one');
})();

(function ackCoalescing() {
    // Pure ACKs of one connection in a row: the earlier are skipped when a
    // later one acknowledges more; duplicates (fast retransmit's signal) stay.
    var co = require('../../js-drivers/net/ack_coalesce.js');
    function ackFrame(ack, flags, port) {
        var f = new Uint8Array(60);
        f[12] = 8; f[14] = 0x45; f[17] = 40; f[23] = 6;
        f[26] = 10; f[29] = 2; f[30] = 10; f[33] = 15;
        f[34] = 0x1f; f[35] = port || 0x90; f[37] = 80;
        f[42] = ack >>> 24; f[43] = (ack >> 16) & 255; f[44] = (ack >> 8) & 255; f[45] = ack & 255;
        f[46] = 0x50; f[47] = flags === undefined ? 0x10 : flags;
        return f;
    }
    check.ok(co.superseded(ackFrame(1000), ackFrame(2460)), 'a later, larger ACK supersedes');
    check.ok(!co.superseded(ackFrame(1000), ackFrame(1000)), 'a duplicate ACK does not');
    check.ok(!co.superseded(ackFrame(2460), ackFrame(1000)), 'an older ACK does not');
    check.ok(!co.superseded(ackFrame(1000), ackFrame(2460, 0x11)), 'an ACK with FIN is not pure');
    check.ok(!co.superseded(ackFrame(1000, 0x18), ackFrame(2460)), 'an ACK with PSH is kept');
    check.ok(!co.superseded(ackFrame(1000), ackFrame(2460, 0x10, 0x91)), 'another connection');
    check.ok(co.superseded(ackFrame(0xfffffff0), ackFrame(0x10)), 'across sequence wrap-around');
    var data = ackFrame(1000);
    data[17] = 41;  // one byte of data
    check.ok(!co.superseded(data, ackFrame(2460)), 'a segment with data is not a pure ACK');

    // A batch: the earlier of each superseded pair becomes null, the rest stay.
    var batch = [ackFrame(1000), ackFrame(2460), ackFrame(3920), data, ackFrame(5000),
        ackFrame(5000), ackFrame(6000, 0x10, 0x91), ackFrame(7000)];
    var kept = batch.slice();
    check.equal(co.coalesceJs(kept), 2, 'two ACKs superseded in the batch');
    check.equal(kept.map(function (f) { return f === null ? '-' : 'f'; }).join(''), '--ffffff',
        'the first two of a run; duplicates, data and other connections stay');

    // native:inet coalesceAcks, which coalesce() uses, against the JS rule:
    // random runs of ACKs over two connections with data, duplicates,
    // going back and other frames mixed in.
    var inet = require('native:inet');
    var seed = 7;
    function rand(n) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
    }
    var differences = 0, packedDifferences = 0, total = 0;
    for (var round = 0; round < 200; round++) {
        var frames = [], ack = [1000, 90000];
        for (var k = rand(12); k >= 0; k--) {
            var conn = rand(2), kind = rand(10);
            if (kind < 6)
                ack[conn] += 1460 * rand(3);     // forward, or a duplicate
            else if (kind === 6)
                ack[conn] -= 1460;               // back
            var f = ackFrame(ack[conn] >>> 0, kind === 7 ? 0x18 : 0x10, conn ? 0x91 : 0x90);
            if (kind === 8)
                f[17] = 52;                      // data
            frames.push(kind === 9 ? new Uint8Array(f.subarray(0, 40)) : f);
        }
        var js = frames.slice(), native = frames.slice();
        var nJs = co.coalesceJs(js), nNative = inet.coalesceAcks(native);
        // the same frames packed, as the e1000's 'receivePacked' gives them
        var packed = h.pack(frames), data = packed.data, lengths = packed.lengths, m;
        var skipNative = new Uint8Array(frames.length + 1), skipJs = new Uint8Array(frames.length);
        skipNative[frames.length] = 7;  // past the count: left alone
        var nPackedNative = inet.coalescePacked(data, lengths, frames.length, skipNative);
        var nPackedJs = co.coalescePackedJs(data, lengths, frames.length, skipJs);
        for (m = 0; m < frames.length; m++)
            if (skipNative[m] !== (js[m] === null ? 1 : 0) || skipJs[m] !== skipNative[m])
                packedDifferences++;
        if (nPackedNative !== nJs || nPackedJs !== nJs || skipNative[frames.length] !== 7)
            packedDifferences++;
        total += nJs;
        for (var j = 0; j < frames.length; j++)
            if (js[j] !== native[j])
                differences++;
        if (nJs !== nNative)
            differences++;
    }
    check.equal(differences, 0, 'native coalesceAcks agrees with the JS rule');
    check.equal(packedDifferences, 0, 'coalescePacked, native and JS, agrees with coalesceJs');
    check.ok(total > 50, 'random batches had ACKs to coalesce (' + total + ')');
    check.equal(inet.coalesceAcks([ackFrame(1), 'not a frame', ackFrame(2)]), 0,
        'entries that are not frames are left alone');
    check.throws(function () { inet.coalesceAcks(ackFrame(1)); }, /expected an array/,
        'coalesceAcks wants an array');
    check.throws(function () {
        inet.coalescePacked(new Uint8Array(100), new Uint32Array([60, 60]), 2, new Uint8Array(2));
    }, /frame 1 \(60 bytes at 60\) outside 100 bytes/, 'coalescePacked: lengths past the data');
    check.throws(function () {
        inet.coalescePacked(new Uint8Array(100), new Uint32Array([60]), 2, new Uint8Array(2));
    }, /count 2: 1 lengths/, 'coalescePacked: a count past the lengths');
})();

(function packedReceive() {
    // A NIC with 'receivePacked' (the e1000): ethernet.js takes the batch
    // as one buffer, skips the superseded ACKs without making them frames,
    // and delivers the rest; a megabyte crosses intact under loss.
    var w = h.pair({ packed: true, tso: true, loss: 0.02, reorder: 0.02, seed: 77 });
    var c = connected(w);
    var data = pattern(1 << 20, 5);
    var got = transfer(w, c.C, c.A, data, 3600000);
    check.equal(got.length, data.length, 'packed: 1 MiB arrived');
    check.ok(same(got, data), 'packed: 1 MiB intact');
    check.ok(w.ea.stats.rxCoalesced > 0, 'packed: ACKs coalesced (' + w.ea.stats.rxCoalesced + ')');
    check.equal(w.ea.stats.rxDropped + w.eb.stats.rxDropped, 0, 'packed: nothing dropped');
})();

(function routesFollowConfiguration() {
    // route() keeps its last answer; a new address, mask or gateway
    // (stack.configure) must still change what it says.
    var w = h.pair();
    var far = ipv4.parse('10.0.5.5'), near = ipv4.parse('10.0.0.2');
    var r = w.a.ipv4.route(far);
    check.ok(r && r.iface === w.ea && r.nextHop === ipv4.parse('10.0.0.254'), 'far: via the gateway');
    check.equal(w.a.ipv4.route(far), r, 'the same answer again');
    check.equal(w.a.ipv4.route(near).nextHop, near, 'near: direct');
    w.a.configure(w.ea, '10.0.0.1', '255.255.0.0', 0);
    r = w.a.ipv4.route(far);
    check.ok(r && r.nextHop === far, 'a wider mask: far is direct (' + (r && r.nextHop) + ')');
    w.a.configure(w.ea, '10.0.0.1', '255.255.255.0', 0);
    check.equal(w.a.ipv4.route(far), null, 'no gateway: far is unreachable');
    check.equal(w.a.ipv4.route(ipv4.parse('10.0.0.1')).iface, w.a.loopback, 'our own address: loopback');
})();

(function acrossSequenceWrap() {
    // Initial sequence numbers 512 KiB below 2^32: a megabyte each way
    // crosses zero, under loss, so every compare of sequence numbers (also
    // those written inline on the per-segment paths) meets the wrap.
    var k = 0;
    var w = h.pair({ loss: 0.03, reorder: 0.03, seed: 99, random32: function () {
        return (0xfff80000 + 4099 * k++) >>> 0;
    } });
    var c = connected(w);
    check.ok(c.C.iss >= 0xfff80000 && c.A.iss >= 0xfff80000, 'both ends start near 2^32');
    var there = pattern(1 << 20, 21), back = pattern(1 << 20, 22);
    check.ok(same(transfer(w, c.C, c.A, there, 3600000), there), 'wrap: 1 MiB one way intact');
    check.ok(same(transfer(w, c.A, c.C, back, 3600000), back), 'wrap: 1 MiB back intact');
    check.ok(c.C.sndNxt < c.C.iss && c.A.sndNxt < c.A.iss, 'both ends\' sequence numbers wrapped');
    check.ok(w.link.stats.lost > 0 && w.a.tcp.stats.retransmits > 0,
        'with losses and retransmissions (' + w.link.stats.lost + ' lost)');
})();

(function lossyMegabyte() {
    var w = h.pair({ loss: 0.05, duplicate: 0.02, reorder: 0.05, seed: 4242 });
    var c = connected(w);
    check.equal(c.C.state, 'ESTABLISHED', 'handshake under loss');
    var data = pattern(1 << 20, 11);
    var got = transfer(w, c.C, c.A, data, 3600000);
    check.equal(got.length, data.length, '1 MiB arrived under 5% loss');
    check.ok(same(got, data), '1 MiB intact under loss, duplication and reordering');
    check.ok(w.link.stats.lost > 20, 'frames were lost (' + w.link.stats.lost + ')');
    check.ok(w.a.tcp.stats.retransmits > 0, 'retransmissions happened');
    check.ok(w.a.tcp.stats.fastRetransmits > 0, 'fast retransmit on 3 duplicate ACKs');
    check.ok(w.b.tcp.stats.outOfOrder > 0, 'out-of-order segments were kept');
    c.C.close();
    w.run(function () { return c.A.finReceived; }, 600000);
    check.ok(c.A.finReceived, 'FIN arrives under loss');
})();

(function parkedRetransmitTimer() {
    // Once everything sent is acknowledged the retransmission timer is
    // parked, not cancelled (tcp.js armRetransmit): data sent later must
    // still be retransmitted one RTO after it was sent, not when the parked
    // timer goes off, and a parked timer going off sends nothing.
    var w = h.pair();
    var c = connected(w);
    var dataAt = [];
    w.link.capture = function (from, f) {
        if (from === 0 && f[23] === 6 && f.length > 54)
            dataAt.push(w.clock.t);
    };
    c.C.send(bytes([1, 2, 3]), 0, 3);
    w.run(function () { return S.diff(c.C.sndMax, c.C.sndUna) === 0; }, 10000);
    check.ok(c.C.rtxTimer !== null && c.C.rtxDue === 0, 'all acknowledged: the timer is parked');
    var rto = c.C.rto.rto;
    var waitUntil = w.clock.t + Math.floor(rto / 2);
    w.run(function () { return w.clock.t >= waitUntil; }, rto);
    w.link.opt.loss = 1;  // the next data segment is lost once
    var sentAt = w.clock.t;
    c.C.send(bytes([4, 5, 6]), 0, 3);
    w.a.flush();
    w.link.opt.loss = 0;
    w.run(function () { return S.diff(c.C.sndMax, c.C.sndUna) === 0; }, 10 * rto);
    check.equal(dataAt.length, 3, 'the first segment, the lost one and its retransmission');
    check.ok(dataAt[2] - sentAt >= rto,
        'retransmitted one RTO after it was sent (' + (dataAt[2] - sentAt) + ' ms, RTO ' + rto +
        '), not when the parked timer went off');
    var retransmits = w.a.tcp.stats.retransmits;
    w.run(function () { return false; }, 3 * rto);  // the parked timer goes off
    check.equal(w.a.tcp.stats.retransmits, retransmits, 'a parked timer sends nothing');
    check.equal(c.C.rtxTimer, null, 'and is gone once it went off');
})();

(function timeouts() {
    // Nothing answers: the SYN is retried tcp_syn_retries times with
    // doubling timeouts, then ETIMEDOUT.
    var w = h.pair();
    var C = w.a.tcp.open();
    var sent = [];
    w.link.capture = function (from, f) { if (f[23] === 6) sent.push(w.clock.t); };
    w.link.opt.loss = 1;
    C.connect(ipv4.parse('10.0.0.2'), 80);
    // ARP cannot resolve under full loss: seed the cache by hand.
    w.run(function () { return C.state === 'CLOSED'; }, 1000000);
    check.equal(C.error, -110, 'connect times out: ETIMEDOUT');
    // Data: the connection dies after tcp_retries2 with backoff.
    var w2 = h.pair({ stack: { tcp: { retries: 4 } } });
    var c = connected(w2);
    w2.link.opt.loss = 1;
    c.C.send(bytes([1, 2, 3]), 0, 3);
    var t0 = w2.clock.t;
    w2.run(function () { return c.C.state === 'CLOSED'; }, 10000000);
    check.equal(c.C.error, -110, 'unacknowledged data: ETIMEDOUT');
    check.ok(w2.clock.t - t0 >= 200 * (1 + 2 + 4 + 8 + 16), 'after backed-off retransmissions');
    // Keep-alive: an idle connection whose peer vanished times out.
    var w3 = h.pair({ stack: { tcp: { keepIdleMs: 10000, keepIntervalMs: 1000, keepCount: 3 } } });
    var k = connected(w3);
    k.C.setKeepAlive(true);
    var probes = 0;
    w3.link.capture = function (from, f) { if (from === 0 && f[23] === 6) probes++; };
    w3.run(function () { return probes > 0; }, 20000);
    check.ok(probes > 0 && k.C.state === 'ESTABLISHED', 'a keep-alive probe, answered');
    w3.link.opt.loss = 1;
    w3.run(function () { return k.C.state === 'CLOSED'; }, 100000);
    check.equal(k.C.error, -110, 'unanswered keep-alives: ETIMEDOUT');
})();

(function zeroWindow() {
    // The receiver does not read: the window closes, the sender probes,
    // and the transfer completes once the receiver reads.
    var w = h.pair({ stack: { tcp: { rcvbuf: 8192 } } });
    var c = connected(w);
    var data = pattern(40000, 13);
    var sent = 0;
    w.run(function () {
        var k = c.C.send(data, sent, data.length - sent);
        if (k > 0)
            sent += k;
        return false;
    }, 30000);
    check.ok(c.A.bytesReadable() > 8192 - 8, 'the receive buffer fills (to the window scale\'s 8 bytes)');
    check.equal(c.C.sndWnd, 0, 'the window is zero');
    check.ok(w.a.tcp.stats.windowProbes > 0, 'the persist timer probed');
    check.equal(w.b.tcp.stats.outOfOrder, 0, 'probes carry no data (nothing out of order)');
    var before = w.a.tcp.stats.windowProbes;
    w.run(function () { return false; }, 3000000);  // 50 minutes: RTO backs off to 120 s
    check.ok(w.a.tcp.stats.windowProbes > before + w.a.tcp.params.retries && c.C.state === 'ESTABLISHED',
        'a peer that answers probes is probed on, past the retry limit\'s count');
    var got = transfer(w, { send: function (d, o, n) { var k = c.C.send(data, sent, data.length - sent); if (k > 0) sent += k; return 0; } },
        c.A, data, 600000);
    check.ok(same(got, data), 'all bytes after the window reopens');
})();

(function loopbackTcp() {
    // 127.0.0.1: 64 KiB segments (MSS 65495), no checksums, no stall.
    var w = h.single();
    var lo = ipv4.parse('127.0.0.1');
    var L = w.s.tcp.open();
    L.bind(lo, 8080);
    L.listen(4);
    var C = w.s.tcp.open();
    C.connect(lo, 8080);
    w.run(function () { return C.state === 'ESTABLISHED' && L.acceptQueue.length > 0; }, 1000);
    var A = L.accept();
    check.equal(C.mss, 65495, 'loopback MSS 65495');
    var data = pattern(1 << 20, 17);
    var t0 = w.clock.t;
    check.ok(same(transfer(w, C, A, data), data), '1 MiB over loopback');
    check.equal(w.clock.t - t0, 0, 'no timer was needed (no stall, no retransmission)');
    check.equal(w.s.tcp.stats.timeouts + w.s.tcp.stats.retransmits, 0, 'no timeouts');
})();

(function dhcp() {
    // A DHCP server on b hands a 10.0.2.15 with QEMU's gateway and DNS.
    var dhcpMod = require('../../js-drivers/net/dhcp.js');
    var w = h.pair();
    w.a.configure(w.ea, 0, 0, 0);
    var server = w.b.udp.open();
    server.broadcast = true;
    server.bind(0, 67);
    var seen = [];
    server.onChange = function () {
        var m;
        while ((m = server.receive()) !== null) {
            var opts = dhcpMod.parseOptions(m.data);
            var type = opts[53][0];
            seen.push(type);
            var reply = new Uint8Array(300);
            reply.set(m.data.subarray(0, 240));
            reply[0] = 2;
            reply.set([10, 0, 2, 15], 16);
            var o = [53, 1, type === dhcpMod.DISCOVER ? dhcpMod.OFFER : dhcpMod.ACK,
                54, 4, 10, 0, 0, 2, 1, 4, 255, 255, 255, 0, 3, 4, 10, 0, 2, 2,
                6, 4, 10, 0, 2, 3, 51, 4, 0, 0, 0x0e, 0x10, 255];
            reply.set(o, 240);
            if (seen.length > 1 || !w.dropFirst)
                server.sendto(reply, 0xffffffff, 68);
        }
    };
    w.dropFirst = true;  // the first DISCOVER goes unanswered: the client retries
    var lease = null;
    var client = dhcpMod.start(w.a, w.ea, function (err, l) { lease = err || l; });
    w.run(function () { return lease !== null; }, 60000);
    check.equal(seen.join(), '1,1,3', 'DISCOVER (retried), REQUEST');
    check.equal(lease && [ipv4.format(lease.addr), ipv4.format(lease.gateway), ipv4.format(lease.dns),
        ipv4.format(lease.mask), lease.leaseSeconds].join(' '),
        '10.0.2.15 10.0.2.2 10.0.2.3 255.255.255.0 3600', 'the lease');
    check.equal(ipv4.format(w.ea.addr) + ' ' + ipv4.format(w.ea.gateway), '10.0.2.15 10.0.2.2',
        'the interface is configured');
    check.equal(client.state(), 'BOUND', 'BOUND');
    w.run(function () { return seen.length > 3 && client.state() === 'BOUND'; }, 1900 * 1000);
    check.equal(seen[3], 3, 'renewed with a REQUEST at T1');
    check.equal(client.state(), 'BOUND', 'BOUND again after the renewal');
    client.stop();
})();
