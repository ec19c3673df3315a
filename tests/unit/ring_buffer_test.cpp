#include "kernel/lib/ring_buffer.h"

#include <gtest/gtest.h>

using kernel::RingBuffer;

TEST(RingBuffer, StartsEmpty) {
    RingBuffer<int, 4> ring;
    int value = -1;
    EXPECT_TRUE(ring.empty());
    EXPECT_EQ(ring.size(), 0u);
    EXPECT_EQ(ring.capacity(), 4u);
    EXPECT_FALSE(ring.pop(value));
    EXPECT_EQ(value, -1);
}

TEST(RingBuffer, FifoOrder) {
    RingBuffer<int, 8> ring;
    for (int i = 0; i < 5; ++i)
        EXPECT_TRUE(ring.push(i));
    EXPECT_EQ(ring.size(), 5u);
    for (int i = 0; i < 5; ++i) {
        int value;
        ASSERT_TRUE(ring.pop(value));
        EXPECT_EQ(value, i);
    }
    EXPECT_TRUE(ring.empty());
}

TEST(RingBuffer, FullRingDropsNewItemsAndCountsThem) {
    RingBuffer<int, 4> ring;
    for (int i = 0; i < 4; ++i)
        EXPECT_TRUE(ring.push(i));
    EXPECT_FALSE(ring.push(100));
    EXPECT_FALSE(ring.push(101));
    EXPECT_EQ(ring.overflows(), 2u);
    EXPECT_EQ(ring.size(), 4u);
    // The old items survive; the dropped ones never appear.
    for (int i = 0; i < 4; ++i) {
        int value;
        ASSERT_TRUE(ring.pop(value));
        EXPECT_EQ(value, i);
    }
    EXPECT_TRUE(ring.push(7));
    EXPECT_EQ(ring.overflows(), 2u);
}

TEST(RingBuffer, WrapsAroundManyTimes) {
    RingBuffer<uint32_t, 16> ring;
    uint32_t next_in = 0, next_out = 0;
    // An uneven push/pop rhythm walks the indices around the ring often.
    for (int round = 0; round < 1000; ++round) {
        for (int i = 0; i < round % 7; ++i) {
            if (ring.size() < ring.capacity()) {
                EXPECT_TRUE(ring.push(next_in++));
            }
        }
        for (int i = 0; i < round % 5; ++i) {
            uint32_t value;
            if (ring.pop(value)) {
                EXPECT_EQ(value, next_out++);
            }
        }
        EXPECT_EQ(ring.size(), next_in - next_out);
    }
    EXPECT_EQ(ring.overflows(), 0u);
}

TEST(RingBuffer, HoldsStructs) {
    struct Event {
        uint8_t code;
        bool pressed;
        uint64_t time;
    };
    RingBuffer<Event, 2> ring;
    EXPECT_TRUE(ring.push({ 0x1C, true, 12345 }));
    Event e {};
    ASSERT_TRUE(ring.pop(e));
    EXPECT_EQ(e.code, 0x1C);
    EXPECT_TRUE(e.pressed);
    EXPECT_EQ(e.time, 12345u);
}
