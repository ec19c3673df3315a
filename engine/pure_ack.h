// Pure TCP ACKs that a later one makes redundant, for the coalescing of a
// batch of received frames (js-drivers/net/ack_coalesce.js holds the same
// rule in JavaScript, which defines it; docs/net.md). Every received frame
// goes through this test, and in Duktape its ~30 byte reads cost more than
// the rest of a skipped frame's path, so the engine's `native:inet` runs it.
// Header-only and freestanding: `native:inet` and the unit tests use it.
//
// A pure ACK here is the obvious case only: Ethernet + IPv4 without options
// (IHL 5, total length 40, not a fragment) + TCP without options (data
// offset 5), flags exactly ACK. Offsets in the Ethernet frame:
//   12-13 EtherType 0x0800 | 14 version/IHL 0x45 | 16-17 total length 40
//   20-21 flags/fragment offset (DF allowed) | 23 protocol 6
//   26-33 addresses | 34-37 ports | 42-45 acknowledgment number
//   46 data offset 0x50 | 47 flags 0x10
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace engine {

inline bool is_pure_ack(const uint8_t* f, size_t length) {
    return length >= 54 && f[12] == 0x08 && f[13] == 0x00 && f[14] == 0x45 && f[23] == 6
        && (f[20] & 0x3f) == 0 && f[21] == 0 && f[16] == 0 && f[17] == 40 && f[46] == 0x50
        && f[47] == 0x10;
}

// Given two pure ACKs, `next` received right after `frame`: true when `next`
// is of the same connection (addresses and ports) and acknowledges strictly
// more, in sequence-number arithmetic. A duplicate ACK (the same number) does
// not supersede: fast retransmit counts duplicates.
inline bool ack_supersedes(const uint8_t* next, const uint8_t* frame) {
    for (size_t i = 26; i < 38; i++)
        if (next[i] != frame[i])
            return false;
    auto ack = [](const uint8_t* f) {
        return uint32_t(f[42]) << 24 | uint32_t(f[43]) << 16 | uint32_t(f[44]) << 8 | f[45];
    };
    return int32_t(ack(next) - ack(frame)) > 0;
}

}  // namespace engine
