// The TCP segment on the wire (RFC 793 3.1; options MSS, RFC 879, and
// window scale, RFC 7323) and sequence-number arithmetic modulo 2^32.
'use strict';

var checksum = require('./checksum');
var TSO_HEADROOM = require('./ipv4').TSO_HEADROOM;

var FIN = 1, SYN = 2, RST = 4, PSH = 8, ACK = 16, URG = 32;
var HEADER = 20;

// a - b as a signed 32-bit difference: the distance from b to a.
function diff(a, b) { return (a - b) | 0; }
function lt(a, b) { return diff(a, b) < 0; }
function le(a, b) { return diff(a, b) <= 0; }
function gt(a, b) { return diff(a, b) > 0; }
function ge(a, b) { return diff(a, b) >= 0; }
function add(a, n) { return (a + n) >>> 0; }

// Parses a segment (checksum checked against the pseudo-header of
// src/dst, unless `trusted`: it came over loopback); null when it is
// malformed or its checksum is wrong.
function parse(src, dst, p, trusted) {
    if (p.length < HEADER)
        return null;
    var dv = new DataView(p.buffer, p.byteOffset, p.length);
    var off = (p[12] >> 4) * 4;
    if (off < HEADER || off > p.length)
        return null;
    if (!trusted &&
        checksum.transport(src, dst, 6, p, 0, p.length) !== 0)
        return null;
    var s = {
        sport: dv.getUint16(0), dport: dv.getUint16(2),
        seq: dv.getUint32(4), ack: dv.getUint32(8),
        flags: p[13] & 0x3f, window: dv.getUint16(14),
        mss: 0, wscale: -1,
        data: p.subarray(off)
    };
    for (var i = HEADER; i < off;) {
        var kind = p[i];
        if (kind === 0)
            break;
        if (kind === 1) {
            i++;
            continue;
        }
        var len = p[i + 1];
        if (i + 1 >= off || len < 2 || i + len > off)
            return null;
        if (kind === 2 && len === 4)
            s.mss = dv.getUint16(i + 2);
        else if (kind === 3 && len === 3)
            s.wscale = Math.min(p[i + 2], 14);  // RFC 7323 2.3: at most 14
        i += len;
    }
    return s;
}

// Builds a segment: s = {sport, dport, seq, ack, flags, window, mss?,
// wscale? (>= 0 to send it), data?} from src to dst; data is a Uint8Array or
// a ByteQueue's slice(). `local`: it goes
// over loopback and is never checksummed (as Linux's lo, whose packets
// carry CHECKSUM_UNNECESSARY): the field stays 0. `segmented`: the NIC cuts
// it into MSS-sized segments and checksums each (TCP segmentation offload):
// the field holds the pseudo-header's sum without the length, which the NIC
// adds per segment (8254x SDM 3.5.1); such a segment is built with
// ipv4.TSO_HEADROOM free bytes in front of it, where the lower layers put
// their headers.
function build(src, dst, s, local, segmented) {
    var optLen = 0;
    if (s.mss)
        optLen += 4;
    if (s.wscale >= 0)
        optLen += 4;
    var data = s.data;
    var dlen = data ? data.length : 0;
    var p, dv;
    if (segmented) {  // with room in front for the IPv4 and link headers (ipv4.js)
        p = new Uint8Array(TSO_HEADROOM + HEADER + optLen + dlen).subarray(TSO_HEADROOM);
        dv = new DataView(p.buffer, TSO_HEADROOM);
    } else {
        p = new Uint8Array(HEADER + optLen + dlen);
        dv = new DataView(p.buffer);
    }
    dv.setUint16(0, s.sport);
    dv.setUint16(2, s.dport);
    dv.setUint32(4, s.seq >>> 0);
    dv.setUint32(8, s.ack >>> 0);
    p[12] = ((HEADER + optLen) / 4) << 4;
    p[13] = s.flags;
    dv.setUint16(14, s.window);
    var i = HEADER;
    if (s.mss) {
        p[i] = 2; p[i + 1] = 4;
        dv.setUint16(i + 2, s.mss);
        i += 4;
    }
    if (s.wscale >= 0) {
        p[i] = 1; p[i + 1] = 3; p[i + 2] = 3; p[i + 3] = s.wscale;
        i += 4;
    }
    if (dlen) {
        if (data.queue !== undefined)  // a ByteQueue's slice: copied from the queue
            data.queue.peek(data.offset, p, i, dlen);
        else
            p.set(data, i);
    }
    if (segmented)
        dv.setUint16(16, (~checksum.finish(checksum.pseudo(src, dst, 6, 0))) & 0xffff);
    else if (!local)
        dv.setUint16(16, checksum.transport(src, dst, 6, p, 0, p.length));
    return p;
}

function flagNames(f) {
    var names = [];
    if (f & SYN) names.push('SYN');
    if (f & ACK) names.push('ACK');
    if (f & FIN) names.push('FIN');
    if (f & RST) names.push('RST');
    if (f & PSH) names.push('PSH');
    return names.join('|');
}

module.exports = {
    FIN: FIN, SYN: SYN, RST: RST, PSH: PSH, ACK: ACK, URG: URG, HEADER: HEADER,
    diff: diff, lt: lt, le: le, gt: gt, ge: ge, add: add,
    parse: parse, build: build, flagNames: flagNames
};
