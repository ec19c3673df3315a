// engine/internet_checksum.h: the Internet checksum's running sum (RFC 1071).
#include "engine/internet_checksum.h"

#include <gtest/gtest.h>

#include <vector>

using engine::internet_sum;

namespace {

// The plain definition, word by word, for comparison.
uint32_t reference(const std::vector<uint8_t>& d, size_t off, size_t len, uint32_t sum) {
    uint64_t acc = sum;
    for (size_t i = 0; i < len; i += 2)
        acc += (uint32_t(d[off + i]) << 8) | (i + 1 < len ? d[off + i + 1] : 0);
    while (acc >> 16)
        acc = (acc & 0xffff) + (acc >> 16);
    return uint32_t(acc);
}

}  // namespace

TEST(InternetChecksum, Rfc1071Example) {
    // RFC 1071 section 3: 0001 f203 f4f5 f6f7 sums to ddf2.
    const uint8_t d[] = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
    EXPECT_EQ(internet_sum(d, 8, 0), 0xddf2u);
}

TEST(InternetChecksum, Ipv4Header) {
    const uint8_t h[] = {0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
                         0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7};
    EXPECT_EQ(internet_sum(h, 20, 0), 0xffffu);  // a valid header sums to all ones
}

TEST(InternetChecksum, OddLengthsOffsetsAndInitialSums) {
    std::vector<uint8_t> d(3000);
    uint32_t x = 12345;
    for (auto& b : d) {
        x = x * 1103515245 + 12345;
        b = uint8_t(x >> 16);
    }
    for (size_t off : {0u, 1u, 7u}) {
        for (size_t len : {0u, 1u, 2u, 7u, 8u, 9u, 15u, 1499u, 2993u}) {
            for (uint32_t init : {0u, 0xffffu, 0x1234u}) {
                EXPECT_EQ(internet_sum(d.data() + off, len, init), reference(d, off, len, init))
                    << "off " << off << " len " << len << " init " << init;
            }
        }
    }
}

TEST(InternetChecksum, AllOnesDoesNotOverflow) {
    std::vector<uint8_t> d(1 << 20, 0xff);
    EXPECT_EQ(internet_sum(d.data(), d.size(), 0xffff), 0xffffu);
}
