#include "kernel/lib/heap.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <string>
#include <vector>

using kernel::Heap;

namespace {

// Stands in for the kernel's page allocator and panic handler, recording
// every call so tests can check what the heap asked for.
struct Backing {
    std::map<void*, size_t> chunks;  // live chunks from the source
    std::vector<void*> order;        // every chunk ever handed out, in order
    size_t source_calls = 0;
    size_t release_calls = 0;
    size_t fail_after = SIZE_MAX;  // source calls that succeed before failing
    std::vector<std::string> errors;
    std::vector<const void*> error_pointers;

    static void* source(size_t bytes, void* context) {
        auto* self = static_cast<Backing*>(context);
        EXPECT_EQ(bytes % 4096, 0u);
        if (self->source_calls >= self->fail_after)
            return nullptr;
        ++self->source_calls;
        void* chunk = std::aligned_alloc(4096, bytes);
        memset(chunk, 0xCD, bytes);  // fresh memory is not zeroed in the kernel either
        self->chunks[chunk] = bytes;
        self->order.push_back(chunk);
        return chunk;
    }
    static void release(void* chunk, size_t bytes, void* context) {
        auto* self = static_cast<Backing*>(context);
        ++self->release_calls;
        auto it = self->chunks.find(chunk);
        ASSERT_NE(it, self->chunks.end()) << "released a chunk the source never gave";
        EXPECT_EQ(it->second, bytes);
        self->chunks.erase(it);
        std::free(chunk);
    }
    static void error(const char* message, const void* pointer, void* context) {
        auto* self = static_cast<Backing*>(context);
        self->errors.push_back(message);
        self->error_pointers.push_back(pointer);
    }

    size_t reserved() const {
        size_t total = 0;
        for (auto& [chunk, bytes] : chunks)
            total += bytes;
        return total;
    }

    ~Backing() {
        for (auto& [chunk, bytes] : chunks)
            std::free(chunk);
    }
};

struct HeapTest : ::testing::Test {
    void SetUp() override {
        heap.init(Backing::source, Backing::release, Backing::error, &backing);
    }
    Backing backing;
    Heap heap;
};

bool aligned(const void* p) { return reinterpret_cast<uintptr_t>(p) % Heap::kAlignment == 0; }

}  // namespace

TEST_F(HeapTest, AllocationsAreAlignedAndUsable) {
    std::vector<void*> blocks;
    for (size_t size = 0; size <= 9000; size += size < 300 ? 1 : 97) {
        void* p = heap.allocate(size);
        ASSERT_NE(p, nullptr) << size;
        EXPECT_TRUE(aligned(p)) << size;
        EXPECT_GE(heap.usable_size(p), size);
        memset(p, 0xAA, size);
        blocks.push_back(p);
    }
    for (void* p : blocks)
        heap.free(p);
    EXPECT_TRUE(backing.errors.empty());
    EXPECT_EQ(heap.stats().live_blocks, 0u);
    EXPECT_EQ(heap.stats().bytes_in_use, 0u);
}

TEST_F(HeapTest, ZeroSizeGivesUniqueFreeablePointers) {
    void* a = heap.allocate(0);
    void* b = heap.allocate(0);
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_NE(a, b);
    heap.free(a);
    heap.free(b);
    heap.free(nullptr);  // harmless
    EXPECT_TRUE(backing.errors.empty());
    EXPECT_EQ(heap.stats().frees, 2u);
}

TEST_F(HeapTest, SizeClassesRoundUp) {
    EXPECT_EQ(heap.usable_size(heap.allocate(1)), 16u);
    EXPECT_EQ(heap.usable_size(heap.allocate(16)), 16u);
    EXPECT_EQ(heap.usable_size(heap.allocate(17)), 32u);
    EXPECT_EQ(heap.usable_size(heap.allocate(129)), 160u);
    EXPECT_EQ(heap.usable_size(heap.allocate(257)), 512u);
    EXPECT_EQ(heap.usable_size(heap.allocate(4096)), 4096u);
    // Large: whole pages including the 16-byte header.
    EXPECT_EQ(heap.usable_size(heap.allocate(4097)), 8192u - 16);
    EXPECT_EQ(heap.usable_size(heap.allocate(8176)), 8192u - 16);
    EXPECT_EQ(heap.usable_size(heap.allocate(8177)), 12288u - 16);
    EXPECT_EQ(heap.usable_size(nullptr), 0u);
}

TEST_F(HeapTest, FreedBlocksAreReusedWithoutNewChunks) {
    void* p = heap.allocate(40);
    size_t calls = backing.source_calls;
    heap.free(p);
    EXPECT_EQ(heap.allocate(48), p);  // same class, served from the free list
    EXPECT_EQ(backing.source_calls, calls);
}

TEST_F(HeapTest, SmallBlocksShareChunks) {
    for (int i = 0; i < 1000; ++i)
        ASSERT_NE(heap.allocate(32), nullptr);
    // 1000 blocks of 48 bytes fit in one 64 KiB chunk.
    EXPECT_EQ(backing.source_calls, 1u);
    EXPECT_EQ(heap.stats().bytes_reserved, Heap::kChunkSize);
}

TEST_F(HeapTest, ChunkTailIsNotWasted) {
    // 15 blocks of 4096 (+16 header) fill 61680 bytes of the first chunk;
    // the 16th needs a second chunk, and the first chunk's 3856-byte tail
    // becomes free blocks of smaller classes.
    for (int i = 0; i < 16; ++i)
        ASSERT_NE(heap.allocate(4096), nullptr);
    EXPECT_EQ(backing.source_calls, 2u);
    // Tail: 2048 + 1024 + 512 + 192 byte blocks; none needs the source.
    void* a = heap.allocate(2048);
    void* b = heap.allocate(1000);
    void* c = heap.allocate(500);
    void* d = heap.allocate(170);
    EXPECT_EQ(backing.source_calls, 2u);
    auto in_first_chunk = [&](void* p) {
        auto* base = static_cast<char*>(backing.order[0]);
        return p >= base && p < base + Heap::kChunkSize;
    };
    EXPECT_TRUE(in_first_chunk(a) && in_first_chunk(b) && in_first_chunk(c) && in_first_chunk(d));
}

TEST_F(HeapTest, LargeBlocksGoBackToTheSource) {
    void* p = heap.allocate(10000);
    ASSERT_NE(p, nullptr);
    EXPECT_TRUE(aligned(p));
    EXPECT_EQ(backing.source_calls, 1u);
    EXPECT_EQ(backing.chunks.begin()->second, 12288u);  // 10000 + 16, in pages
    EXPECT_EQ(heap.stats().bytes_reserved, 12288u);
    memset(p, 0x5A, 10000);
    heap.free(p);
    EXPECT_EQ(backing.release_calls, 1u);
    EXPECT_TRUE(backing.chunks.empty());
    EXPECT_EQ(heap.stats().bytes_reserved, 0u);
    EXPECT_EQ(heap.stats().live_blocks, 0u);
}

TEST_F(HeapTest, DoubleFreeIsReported) {
    void* p = heap.allocate(24);
    heap.free(p);
    Heap::Stats before = heap.stats();
    heap.free(p);
    ASSERT_EQ(backing.errors.size(), 1u);
    EXPECT_NE(backing.errors[0].find("already freed"), std::string::npos) << backing.errors[0];
    EXPECT_NE(backing.errors[0].find("free"), std::string::npos);
    EXPECT_EQ(backing.error_pointers[0], p);
    EXPECT_EQ(heap.stats().frees, before.frees);
    EXPECT_EQ(heap.stats().live_blocks, before.live_blocks);

    // The free list is intact: two allocations give two distinct blocks.
    void* a = heap.allocate(24);
    void* b = heap.allocate(24);
    EXPECT_NE(a, b);
}

TEST_F(HeapTest, ReallocateOfFreedBlockIsReported) {
    void* p = heap.allocate(24);
    heap.free(p);
    EXPECT_EQ(heap.reallocate(p, 100), nullptr);
    ASSERT_EQ(backing.errors.size(), 1u);
    EXPECT_NE(backing.errors[0].find("reallocate"), std::string::npos);
}

TEST_F(HeapTest, WildPointersAreReported) {
    alignas(16) unsigned char junk[64];
    memset(junk, 0x42, sizeof junk);
    heap.free(junk + 32);
    ASSERT_EQ(backing.errors.size(), 1u);
    EXPECT_NE(backing.errors[0].find("no heap block header"), std::string::npos);

    void* p = heap.allocate(64);
    heap.free(static_cast<char*>(p) + 8);
    ASSERT_EQ(backing.errors.size(), 2u);
    EXPECT_NE(backing.errors[1].find("aligned"), std::string::npos);
    EXPECT_EQ(heap.stats().frees, 0u);
}

TEST_F(HeapTest, ReallocateKeepsDataAcrossClassesAndIntoLarge) {
    size_t sizes[] = { 1, 10, 17, 100, 250, 300, 1500, 4096, 4097, 9000, 70000, 300000 };
    unsigned char* p = nullptr;
    size_t old_size = 0;
    for (size_t size : sizes) {
        p = static_cast<unsigned char*>(heap.reallocate(p, size));
        ASSERT_NE(p, nullptr);
        EXPECT_TRUE(aligned(p));
        for (size_t i = 0; i < old_size; ++i)
            ASSERT_EQ(p[i], uint8_t(i * 7 + 1)) << "size " << size << " byte " << i;
        for (size_t i = old_size; i < size; ++i)
            p[i] = uint8_t(i * 7 + 1);
        old_size = size;
        EXPECT_EQ(heap.stats().bytes_in_use, size);
        EXPECT_EQ(heap.stats().live_blocks, 1u);
    }
    // And back down again, across the same boundaries.
    for (size_t size : { 5000u, 4000u, 33u, 3u }) {
        p = static_cast<unsigned char*>(heap.reallocate(p, size));
        ASSERT_NE(p, nullptr);
        for (size_t i = 0; i < size; ++i)
            ASSERT_EQ(p[i], uint8_t(i * 7 + 1)) << "size " << size;
    }
    EXPECT_EQ(heap.reallocate(p, 0), nullptr);
    EXPECT_EQ(heap.stats().live_blocks, 0u);
    EXPECT_EQ(heap.stats().bytes_in_use, 0u);
    EXPECT_TRUE(backing.errors.empty());
    // Every large block along the way was given back.
    EXPECT_EQ(heap.stats().bytes_reserved, backing.reserved());
    EXPECT_EQ(backing.reserved() % Heap::kChunkSize, 0u);
}

TEST_F(HeapTest, ReallocateInPlaceWhenTheClassFits) {
    void* p = heap.allocate(20);  // class 32
    EXPECT_EQ(heap.reallocate(p, 32), p);
    EXPECT_EQ(heap.reallocate(p, 17), p);
    EXPECT_EQ(heap.stats().bytes_in_use, 17u);
    void* moved = heap.reallocate(p, 33);
    EXPECT_NE(moved, p);

    void* big = heap.allocate(5000);  // two pages
    size_t calls = backing.source_calls;
    EXPECT_EQ(heap.reallocate(big, 8176), big);
    EXPECT_EQ(heap.reallocate(big, 4100), big);
    EXPECT_EQ(backing.source_calls, calls);
    EXPECT_EQ(heap.stats().bytes_in_use, 33u + 4100);
    void* bigger = heap.reallocate(big, 8177);
    EXPECT_NE(bigger, big);
    EXPECT_EQ(backing.release_calls, 1u);
    heap.free(moved);
    heap.free(bigger);
    EXPECT_TRUE(backing.errors.empty());
}

TEST_F(HeapTest, ReallocateNullAllocates) {
    void* p = heap.reallocate(nullptr, 50);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(heap.stats().allocations, 1u);
    heap.free(p);
}

TEST_F(HeapTest, OutOfMemory) {
    backing.fail_after = 1;
    void* small = heap.allocate(100);
    ASSERT_NE(small, nullptr);
    memset(small, 0x77, 100);
    EXPECT_EQ(heap.allocate(100000), nullptr);
    EXPECT_EQ(heap.allocate(SIZE_MAX), nullptr);
    EXPECT_EQ(heap.allocate(SIZE_MAX - 4096), nullptr);
    // A failed reallocate leaves the old block alone.
    EXPECT_EQ(heap.reallocate(small, 100000), nullptr);
    for (int i = 0; i < 100; ++i)
        EXPECT_EQ(static_cast<unsigned char*>(small)[i], 0x77);
    EXPECT_EQ(heap.stats().live_blocks, 1u);
    EXPECT_EQ(heap.stats().allocations, 1u);
    heap.free(small);
    EXPECT_TRUE(backing.errors.empty());
}

TEST_F(HeapTest, StatsCountCalls) {
    void* a = heap.allocate(10);
    void* b = heap.allocate(5000);
    Heap::Stats s = heap.stats();
    EXPECT_EQ(s.allocations, 2u);
    EXPECT_EQ(s.frees, 0u);
    EXPECT_EQ(s.live_blocks, 2u);
    EXPECT_EQ(s.bytes_in_use, 5010u);
    EXPECT_EQ(s.bytes_reserved, Heap::kChunkSize + 8192);
    heap.free(a);
    heap.free(b);
    s = heap.stats();
    EXPECT_EQ(s.allocations, 2u);
    EXPECT_EQ(s.frees, 2u);
    EXPECT_EQ(s.live_blocks, 0u);
    EXPECT_EQ(s.bytes_in_use, 0u);
    EXPECT_EQ(s.bytes_reserved, Heap::kChunkSize);  // small chunks are kept
}

// Many allocations, frees and reallocations in a random order, with every
// block filled with a pattern and checked before it goes away: a heap that
// hands out overlapping blocks, or scribbles on live ones, fails here.
TEST_F(HeapTest, RandomWorkloadKeepsContentsIntact) {
    struct Live {
        unsigned char* p;
        size_t size;
        uint8_t seed;
    };
    std::vector<Live> live;
    std::mt19937 rng(12345);
    size_t expected_in_use = 0;

    auto fill = [](const Live& b) {
        for (size_t i = 0; i < b.size; ++i)
            b.p[i] = uint8_t(b.seed + i * 13);
    };
    auto intact = [](const Live& b) {
        for (size_t i = 0; i < b.size; ++i) {
            if (b.p[i] != uint8_t(b.seed + i * 13))
                return false;
        }
        return true;
    };
    auto random_size = [&]() -> size_t {
        uint32_t r = rng() % 100;
        if (r < 70)
            return rng() % 129;  // mostly tiny, as with Duktape
        if (r < 95)
            return rng() % 4097;
        return 4097 + rng() % 40000;
    };

    for (int step = 0; step < 20000; ++step) {
        uint32_t action = rng() % 10;
        if (live.empty() || (action < 5 && live.size() < 600)) {
            Live b { nullptr, random_size(), uint8_t(rng()) };
            b.p = static_cast<unsigned char*>(heap.allocate(b.size));
            ASSERT_NE(b.p, nullptr);
            ASSERT_TRUE(aligned(b.p));
            fill(b);
            expected_in_use += b.size;
            live.push_back(b);
        } else if (action < 8) {
            size_t i = rng() % live.size();
            ASSERT_TRUE(intact(live[i])) << "block corrupted before free, step " << step;
            heap.free(live[i].p);
            expected_in_use -= live[i].size;
            live[i] = live.back();
            live.pop_back();
        } else {
            size_t i = rng() % live.size();
            Live& b = live[i];
            ASSERT_TRUE(intact(b)) << "block corrupted before realloc, step " << step;
            size_t new_size = random_size() + 1;
            auto* q = static_cast<unsigned char*>(heap.reallocate(b.p, new_size));
            ASSERT_NE(q, nullptr);
            size_t kept = std::min(b.size, new_size);
            for (size_t k = 0; k < kept; ++k)
                ASSERT_EQ(q[k], uint8_t(b.seed + k * 13)) << "realloc lost data, step " << step;
            expected_in_use = expected_in_use - b.size + new_size;
            b = { q, new_size, b.seed };
            fill(b);
        }
        ASSERT_EQ(heap.stats().live_blocks, live.size());
        ASSERT_EQ(heap.stats().bytes_in_use, expected_in_use);
    }
    for (const Live& b : live) {
        ASSERT_TRUE(intact(b));
        heap.free(b.p);
    }
    EXPECT_TRUE(backing.errors.empty());
    EXPECT_EQ(heap.stats().live_blocks, 0u);
    EXPECT_EQ(heap.stats().bytes_in_use, 0u);
    // Only the small-block chunks remain; every large block was returned.
    EXPECT_EQ(heap.stats().bytes_reserved, backing.reserved());
    for (auto& [chunk, bytes] : backing.chunks)
        EXPECT_EQ(bytes, Heap::kChunkSize);
    EXPECT_EQ(heap.stats().allocations, heap.stats().frees);
}
