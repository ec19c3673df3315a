// Coalescing of pure TCP ACKs within a batch of received frames, a small
// cousin of Linux's GRO. A peer that acknowledges every segment (QEMU's
// slirp does) sends a 16 MiB download's sender about 11,500 ACKs; each costs
// the whole input path (IPv4, TCP, timers). When a batch holds several pure
// ACKs of one connection in a row, each later one says all the earlier one
// says (the acknowledgment is cumulative, the window the newest), so the
// earlier one is skipped.
//
// Only the obvious case is taken: Ethernet + IPv4 without options + TCP
// without options, no data, flags exactly ACK, and the next frame an ACK of
// the same addresses and ports whose acknowledgment number is strictly
// further. Duplicate ACKs (the same number) are all kept: fast retransmit
// counts them. A frame skipped here was never checksummed; if the frame that
// superseded it turns out corrupt, the next ACK covers the loss, as when an
// ACK is lost on the wire.
'use strict';

var ETH = 14, IP = ETH, TCP = ETH + 20;
var PURE_ACK_LENGTH = ETH + 20 + 20;

function isPureAck(f) {
    return f.length >= PURE_ACK_LENGTH && f[12] === 0x08 && f[13] === 0x00 &&
        f[IP] === 0x45 && f[IP + 9] === 6 && (f[IP + 6] & 0x3f) === 0 && f[IP + 7] === 0 &&
        f[IP + 2] === 0 && f[IP + 3] === 40 && f[TCP + 12] === 0x50 && f[TCP + 13] === 0x10;
}

function ackNumber(f) {
    return ((f[TCP + 8] << 24) | (f[TCP + 9] << 16) | (f[TCP + 10] << 8) | f[TCP + 11]) >>> 0;
}

// Given two pure ACKs (isPureAck), `next` right after `frame`: true when
// `next` makes `frame` redundant.
function supersedes(next, frame) {
    for (var i = IP + 12; i < TCP + 4; i++)  // addresses and ports
        if (frame[i] !== next[i])
            return false;
    return ((ackNumber(next) - ackNumber(frame)) | 0) > 0;
}

// The same for any two frames.
function superseded(frame, next) {
    return isPureAck(frame) && isPureAck(next) && supersedes(next, frame);
}

module.exports = { superseded: superseded, supersedes: supersedes, isPureAck: isPureAck };
