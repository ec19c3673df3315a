// The Internet checksum (RFC 1071): the ones'-complement sum of 16-bit
// big-endian words, folded and complemented. IPv4 headers, ICMP, UDP and
// TCP (with their pseudo-header) use it. Pure JS; at 1 MiB through
// loopback it is not what dominates (docs/net.md).
'use strict';

// Adds `length` bytes of `u8` from `offset` to a running 32-bit sum
// (unfolded; callers fold with finish()). An odd last byte is padded
// with a zero, as the RFC says.
function add(sum, u8, offset, length) {
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

function compute(u8, offset, length) {
    return finish(add(0, u8, offset, length));
}

// The TCP/UDP pseudo-header (RFC 793 3.1, RFC 768): source and
// destination address, protocol, transport length.
function pseudo(src, dst, protocol, length) {
    return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + protocol + length;
}

module.exports = { add: add, finish: finish, compute: compute, pseudo: pseudo };
