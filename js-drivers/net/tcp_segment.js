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
    var off = (p[12] >> 4) * 4;
    if (off < HEADER || off > p.length)
        return null;
    if (!trusted &&
        checksum.transport(src, dst, 6, p, 0, p.length) !== 0)
        return null;
    var s = {  // (read a byte at a time, as build() writes)
        sport: (p[0] << 8) | p[1], dport: (p[2] << 8) | p[3],
        seq: ((p[4] << 24) | (p[5] << 16) | (p[6] << 8) | p[7]) >>> 0,
        ack: ((p[8] << 24) | (p[9] << 16) | (p[10] << 8) | p[11]) >>> 0,
        flags: p[13] & 0x3f, window: (p[14] << 8) | p[15],
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
            s.mss = (p[i + 2] << 8) | p[i + 3];
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
    var n = length(s), p;
    if (segmented)  // with room in front for the IPv4 and link headers (ipv4.js)
        p = new Uint8Array(TSO_HEADROOM + n).subarray(TSO_HEADROOM);
    else
        p = new Uint8Array(n);
    write(p, 0, src, dst, s, local, segmented);
    return p;
}

// The bytes segment s takes: header, options and data.
function length(s) {
    return HEADER + (s.mss ? 4 : 0) + (s.wscale >= 0 ? 4 : 0) + (s.data ? s.data.length : 0);
}

// Writes segment s into p from `at` on (every one of its length(s) bytes),
// checksum and all (see build for `local` and `segmented`): into a buffer
// of its own, or a frame a prepared IPv4 path started (ipv4.frame).
function write(p, at, src, dst, s, local, segmented) {
    var optLen = (s.mss ? 4 : 0) + (s.wscale >= 0 ? 4 : 0);
    var data = s.data;
    var dlen = data ? data.length : 0;
    // (A byte at a time, big-endian: a DataView costs an object and a
    // built-in call per field, several times these stores.)
    var sport = s.sport, dport = s.dport, seq = s.seq, ack = s.ack, window = s.window;
    p[at] = sport >>> 8;
    p[at + 1] = sport & 0xff;
    p[at + 2] = dport >>> 8;
    p[at + 3] = dport & 0xff;
    p[at + 4] = seq >>> 24;
    p[at + 5] = (seq >>> 16) & 0xff;
    p[at + 6] = (seq >>> 8) & 0xff;
    p[at + 7] = seq & 0xff;
    p[at + 8] = ack >>> 24;
    p[at + 9] = (ack >>> 16) & 0xff;
    p[at + 10] = (ack >>> 8) & 0xff;
    p[at + 11] = ack & 0xff;
    p[at + 12] = ((HEADER + optLen) / 4) << 4;
    p[at + 13] = s.flags;
    p[at + 14] = window >>> 8;
    p[at + 15] = window & 0xff;
    p[at + 16] = p[at + 17] = 0;  // the checksum, computed over a zero field
    p[at + 18] = p[at + 19] = 0;  // no urgent pointer
    var i = at + HEADER;
    if (s.mss) {
        p[i] = 2; p[i + 1] = 4;
        p[i + 2] = s.mss >>> 8;
        p[i + 3] = s.mss & 0xff;
        i += 4;
    }
    if (s.wscale >= 0) {
        p[i] = 1; p[i + 1] = 3; p[i + 2] = 3; p[i + 3] = s.wscale;
        i += 4;
    }
    if (dlen) {
        if (data.queue !== void 0)  // a ByteQueue's slice: copied from the queue
            data.queue.peek(data.offset, p, i, dlen);
        else
            p.set(data, i);
    }
    var sum = -1;
    if (segmented)
        sum = (~checksum.finish(checksum.pseudo(src, dst, 6, 0))) & 0xffff;
    else if (!local)
        sum = checksum.transport(src, dst, 6, p, at, HEADER + optLen + dlen);
    if (sum >= 0) {
        p[at + 16] = sum >>> 8;
        p[at + 17] = sum & 0xff;
    }
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
    parse: parse, build: build, length: length, write: write, flagNames: flagNames
};
