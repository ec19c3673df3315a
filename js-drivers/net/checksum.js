// The Internet checksum (RFC 1071): the ones'-complement sum of 16-bit
// big-endian words, folded and complemented. IPv4 headers, ICMP, UDP and
// TCP (with their pseudo-header) use it. Byte loops are slow in Duktape
// (about 3.5 MiB/s hosted): every sum goes to the engine's native:inet sum
// (engine/inet.cpp) when it exists; even a 20-byte header costs several
// times a native call in the JS loop. The JS loop is the definition, and
// what tests compare the native one against.
'use strict';

var inet = null;
try {
    inet = require('native:inet');
} catch (e) {
    inet = null;  // an engine without it: the JS loop does all
}

// Adds `length` bytes of `u8` from `offset` to a running 32-bit sum
// (unfolded; callers fold with finish()). An odd last byte is padded
// with a zero, as the RFC says.
function add(sum, u8, offset, length) {
    if (inet !== null && sum >= 0 && sum < 4294967296)
        return inet.sum(u8, offset, length, sum);
    return addJs(sum, u8, offset, length);
}

function addJs(sum, u8, offset, length) {
    var end = offset + length;
    var i = offset;
    for (; i + 1 < end; i += 2) {
        sum += (u8[i] << 8) | u8[i + 1];
        if (sum > 0x3fffffff)
            sum = (sum & 0xffff) + (sum >>> 16);
    }
    if (i < end)
        sum += u8[i] << 8;
    return sum;
}

// Folds the carries in and complements: the value to store.
function finish(sum) {
    while (sum > 0xffff)
        sum = (sum & 0xffff) + Math.floor(sum / 65536);
    return (~sum) & 0xffff;
}

// The checksum of `length` bytes of `u8`: what to store, or 0 when they
// include a right checksum. (compute and transport are finish(add(...))
// in one call: each JS call costs about 2,000 instructions in Duktape, and
// the native sum comes back folded already.)
function compute(u8, offset, length) {
    if (inet !== null)
        return (~inet.sum(u8, offset, length, 0)) & 0xffff;
    return finish(addJs(0, u8, offset, length));
}

// The TCP/UDP pseudo-header (RFC 793 3.1, RFC 768): source and
// destination address, protocol, transport length.
function pseudo(src, dst, protocol, length) {
    return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + protocol + length;
}

// A TCP or UDP checksum: the pseudo-header's sum and the segment's bytes
// (their length is the pseudo-header's length).
function transport(src, dst, protocol, u8, offset, length) {
    var sum = (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + protocol + length;
    if (inet !== null)
        return (~inet.sum(u8, offset, length, sum)) & 0xffff;
    return finish(addJs(sum, u8, offset, length));
}

module.exports = { add: add, addJs: addJs, finish: finish, compute: compute, pseudo: pseudo,
    transport: transport, native: inet !== null };
