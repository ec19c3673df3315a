// The Internet checksum's running sum (RFC 1071) over bytes, for the
// network stack in JavaScript (js-drivers/net/checksum.js), where it is
// what costs most per byte in Duktape. Header-only and freestanding: the
// engine's `native:inet` module and the unit tests use it.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace engine {

// Adds `length` bytes as big-endian 16-bit words (the first byte is the
// high half; an odd last byte is padded with zero) to `sum`, and returns
// the sum folded to 16 bits (carries added back in): the value
// checksum.js's add() would give, folded. Four words at a time in 64 bits.
inline uint32_t internet_sum(const uint8_t* data, size_t length, uint32_t sum) {
    uint64_t acc = sum;
    size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        acc += (uint32_t(data[i]) << 8 | data[i + 1]) + (uint32_t(data[i + 2]) << 8 | data[i + 3]) +
               (uint32_t(data[i + 4]) << 8 | data[i + 5]) + (uint32_t(data[i + 6]) << 8 | data[i + 7]);
    }
    for (; i + 1 < length; i += 2)
        acc += uint32_t(data[i]) << 8 | data[i + 1];
    if (i < length)
        acc += uint32_t(data[i]) << 8;
    while (acc >> 16)
        acc = (acc & 0xffff) + (acc >> 16);
    return uint32_t(acc);
}

}  // namespace engine
