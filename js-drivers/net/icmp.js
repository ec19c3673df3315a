// ICMP (RFC 792): answers echo requests, sends destination-unreachable
// (port unreachable for UDP to a closed port, protocol unreachable), and
// ping(): an echo request whose reply calls back with the round-trip time.
'use strict';

var checksum = require('./checksum');

var ECHO_REPLY = 0, UNREACHABLE = 3, ECHO_REQUEST = 8;

function create(stack) {
    var pings = {};  // 'id:seq' -> {done, sent, timer}
    var nextId = 1;
    var stats = { echoRequests: 0, echoReplies: 0, unreachableSent: 0, unreachableReceived: 0,
        badChecksum: 0 };
    var listeners = [];  // fn(info, type, code, quotedPacket): unreachable reports

    function message(type, code, rest, body) {
        var m = new Uint8Array(8 + body.length);
        m[0] = type;
        m[1] = code;
        new DataView(m.buffer).setUint32(4, rest >>> 0);
        m.set(body, 8);
        var c = checksum.compute(m, 0, m.length);
        m[2] = c >> 8;
        m[3] = c & 0xff;
        return m;
    }

    function input(info, p) {
        if (p.length < 8)
            return;
        if (checksum.compute(p, 0, p.length) !== 0) {
            stats.badChecksum++;
            return;
        }
        var dv = new DataView(p.buffer, p.byteOffset, p.length);
        if (p[0] === ECHO_REQUEST && !info.broadcast) {
            stats.echoRequests++;
            stack.ipv4.output(info.dst, info.src, 1,
                message(ECHO_REPLY, 0, dv.getUint32(4), p.subarray(8)));
        } else if (p[0] === ECHO_REPLY) {
            var key = dv.getUint16(4) + ':' + dv.getUint16(6);
            var w = pings[key];
            if (w) {
                delete pings[key];
                stack.env.clearTimer(w.timer);
                stats.echoReplies++;
                w.done(null, { from: info.src, ms: stack.env.now() - w.sent, bytes: p.length - 8 });
            }
        } else if (p[0] === UNREACHABLE) {
            stats.unreachableReceived++;
            for (var i = 0; i < listeners.length; i++)
                listeners[i](info, p[0], p[1], p.subarray(8));
        }
    }

    // Destination unreachable about `packet` (the IP packet received):
    // its header and 8 bytes of its payload go back, as RFC 792 says.
    function unreachable(info, packet, code) {
        var ihl = (packet[0] & 15) * 4;
        stats.unreachableSent++;
        stack.ipv4.output(info.dst, info.src, 1,
            message(UNREACHABLE, code, 0, packet.subarray(0, Math.min(packet.length, ihl + 8))));
    }

    // Echo request to `dst`; done(err, {from, ms, bytes}) on the reply or
    // done(Error('timeout')) after timeoutMs.
    function ping(dst, options, done) {
        options = options || {};
        var id = options.id || nextId;
        nextId = (nextId + 1) & 0xffff || 1;
        var seq = options.seq || 1;
        var size = options.size === undefined ? 56 : options.size;
        var body = new Uint8Array(size);
        for (var i = 0; i < size; i++)
            body[i] = i & 0xff;
        var key = id + ':' + seq;
        var w = pings[key] = { done: done, sent: stack.env.now(), timer: null };
        w.timer = stack.env.setTimer(options.timeoutMs || 1000, function () {
            if (pings[key] === w) {
                delete pings[key];
                done(new Error('ping ' + stack.ipv4.format(dst) + ': timeout'));
            }
        });
        var r = stack.ipv4.output(0, dst, 1, message(ECHO_REQUEST, 0, (id << 16) | seq, body));
        if (r < 0) {
            delete pings[key];
            stack.env.clearTimer(w.timer);
            done(new Error('ping ' + stack.ipv4.format(dst) + ': errno ' + -r));
        }
    }

    return { input: input, unreachable: unreachable, ping: ping, stats: stats,
        onUnreachable: function (fn) { listeners.push(fn); } };
}

module.exports = { create: create };
