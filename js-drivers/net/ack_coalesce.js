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
//
// The JavaScript below is the definition. Every received frame is tested,
// and ~30 byte reads per frame cost more in Duktape than the rest of a
// skipped frame's path, so coalesce() hands the batch to the engine's
// native:inet coalesceAcks (engine/pure_ack.h, the same rule in C++) when
// it exists; tests compare the two. Offsets in the frame:
//   12-13 EtherType 0x0800 | 14 IPv4 version/IHL 0x45 | 16-17 total length 40
//   20-21 flags/fragment offset (DF allowed) | 23 protocol 6
//   26-33 addresses | 34-37 ports | 42-45 acknowledgment number
//   46 data offset 0x50 (20 bytes) | 47 flags 0x10 (ACK only)
'use strict';

var inet = null;
try {
    inet = require('native:inet');
} catch (e) {
    inet = null;  // an engine without it: the JS rule does all
}

function isPureAck(f) {
    return f.length >= 54 && f[12] === 0x08 && f[13] === 0x00 && f[14] === 0x45 &&
        f[23] === 6 && (f[20] & 0x3f) === 0 && f[21] === 0 && f[16] === 0 && f[17] === 40 &&
        f[46] === 0x50 && f[47] === 0x10;
}

// Given two pure ACKs (isPureAck), `next` right after `frame`: true when
// `next` makes `frame` redundant.
function supersedes(next, frame) {
    if (frame[26] !== next[26] || frame[27] !== next[27] || frame[28] !== next[28] ||
            frame[29] !== next[29] || frame[30] !== next[30] || frame[31] !== next[31] ||
            frame[32] !== next[32] || frame[33] !== next[33] || frame[34] !== next[34] ||
            frame[35] !== next[35] || frame[36] !== next[36] || frame[37] !== next[37])
        return false;
    var a = (frame[42] << 24) | (frame[43] << 16) | (frame[44] << 8) | frame[45];
    var b = (next[42] << 24) | (next[43] << 16) | (next[44] << 8) | next[45];
    return ((b - a) | 0) > 0;
}

// The same for any two frames.
function superseded(frame, next) {
    return isPureAck(frame) && isPureAck(next) && supersedes(next, frame);
}

// Replaces by null each frame of `batch` (an array of Uint8Arrays, in the
// order received) that the next one supersedes; returns how many.
function coalesceJs(batch) {
    var n = batch.length, skipped = 0;
    var pure = n > 1 && isPureAck(batch[0]);
    for (var i = 0; i + 1 < n; i++) {
        var nextPure = isPureAck(batch[i + 1]);
        if (pure && nextPure && supersedes(batch[i + 1], batch[i])) {
            batch[i] = null;
            skipped++;
        }
        pure = nextPure;
    }
    return skipped;
}

function coalesce(batch) {
    return inet !== null ? inet.coalesceAcks(batch) : coalesceJs(batch);
}

// The same for a packed batch (the frames back to back in `data`, their
// lengths in the Uint32Array `lengths`: the e1000's 'receivePacked'): sets
// skip[k] (a Uint8Array) to 1 for each frame the next one supersedes, to 0
// for the others; returns how many it skipped.
function coalescePackedJs(data, lengths, count, skip) {
    var frames = [];
    for (var k = 0, at = 0; k < count; at += lengths[k], k++)
        frames.push(data.subarray(at, at + lengths[k]));
    var skipped = coalesceJs(frames);
    for (k = 0; k < count; k++)
        skip[k] = frames[k] === null ? 1 : 0;
    return skipped;
}

function coalescePacked(data, lengths, count, skip) {
    return inet !== null ? inet.coalescePacked(data, lengths, count, skip) :
        coalescePackedJs(data, lengths, count, skip);
}

module.exports = {
    coalesce: coalesce, coalesceJs: coalesceJs,
    coalescePacked: coalescePacked, coalescePackedJs: coalescePackedJs,
    superseded: superseded, supersedes: supersedes, isPureAck: isPureAck
};
