// engine/pure_ack.h: which received pure TCP ACKs a later one supersedes
// (the rule js-drivers/net/ack_coalesce.js defines; tests/js/net_stack.js
// compares native:inet coalesceAcks with it on whole batches).
#include "engine/pure_ack.h"

#include <gtest/gtest.h>

#include <array>

using engine::ack_supersedes;
using engine::is_pure_ack;

namespace {

using Frame = std::array<uint8_t, 60>;

// Ethernet + IPv4 (10.0.2.2 -> 10.0.2.15) + TCP 8080 -> 80, 20-byte headers,
// no data, flags ACK, acknowledgment number `ack`.
Frame ack_frame(uint32_t ack, uint8_t flags = 0x10, uint8_t source_port_low = 0x90) {
    Frame f {};
    f[12] = 0x08;
    f[14] = 0x45;
    f[17] = 40;
    f[20] = 0x40;  // DF: still a whole datagram
    f[23] = 6;
    f[26] = 10, f[28] = 2, f[29] = 2;
    f[30] = 10, f[32] = 2, f[33] = 15;
    f[34] = 0x1f, f[35] = source_port_low, f[37] = 80;
    f[42] = uint8_t(ack >> 24), f[43] = uint8_t(ack >> 16), f[44] = uint8_t(ack >> 8);
    f[45] = uint8_t(ack);
    f[46] = 0x50;
    f[47] = flags;
    return f;
}

}  // namespace

TEST(PureAck, RecognizesOnlyTheSimpleCase) {
    Frame f = ack_frame(1000);
    EXPECT_TRUE(is_pure_ack(f.data(), f.size()));
    EXPECT_FALSE(is_pure_ack(f.data(), 53)) << "too short for the headers";
    Frame fin = ack_frame(1000, 0x11);
    EXPECT_FALSE(is_pure_ack(fin.data(), fin.size()));
    Frame psh = ack_frame(1000, 0x18);
    EXPECT_FALSE(is_pure_ack(psh.data(), psh.size()));
    Frame data = ack_frame(1000);
    data[17] = 41;  // one byte of data
    EXPECT_FALSE(is_pure_ack(data.data(), data.size()));
    Frame options = ack_frame(1000);
    options[46] = 0x80;  // 12 bytes of TCP options (timestamps)
    EXPECT_FALSE(is_pure_ack(options.data(), options.size()));
    Frame fragment = ack_frame(1000);
    fragment[20] = 0x20;  // more fragments
    EXPECT_FALSE(is_pure_ack(fragment.data(), fragment.size()));
    Frame udp = ack_frame(1000);
    udp[23] = 17;
    EXPECT_FALSE(is_pure_ack(udp.data(), udp.size()));
    Frame arp = ack_frame(1000);
    arp[13] = 0x06;
    EXPECT_FALSE(is_pure_ack(arp.data(), arp.size()));
}

TEST(PureAck, ALaterLargerAckOfTheSameConnectionSupersedes) {
    Frame a = ack_frame(1000), b = ack_frame(2460);
    EXPECT_TRUE(ack_supersedes(b.data(), a.data()));
    EXPECT_FALSE(ack_supersedes(a.data(), b.data())) << "an older ACK";
    EXPECT_FALSE(ack_supersedes(a.data(), a.data())) << "a duplicate: fast retransmit counts it";
    Frame other = ack_frame(2460, 0x10, 0x91);
    EXPECT_FALSE(ack_supersedes(other.data(), a.data())) << "another connection";
    Frame other_host = ack_frame(2460);
    other_host[29] = 3;
    EXPECT_FALSE(ack_supersedes(other_host.data(), a.data())) << "another source address";
}

TEST(PureAck, SequenceNumbersWrapAround) {
    Frame before = ack_frame(0xfffffff0u), after = ack_frame(0x10);
    EXPECT_TRUE(ack_supersedes(after.data(), before.data()));
    EXPECT_FALSE(ack_supersedes(before.data(), after.data()));
}
