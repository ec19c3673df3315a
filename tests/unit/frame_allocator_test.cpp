#include "kernel/lib/frame_allocator.h"

#include <gtest/gtest.h>
#include <set>
#include <vector>

using kernel::FrameAllocator;

namespace {

constexpr uint64_t kFrame = FrameAllocator::kFrameSize;

// An allocator over `frames` frames with its own bitmap, all of it free
// (except frame 0, which mark_free never frees).
struct TestAllocator {
    explicit TestAllocator(size_t frames, bool all_free = true)
        : bitmap((frames + 63) / 64, 0) {
        allocator.init(bitmap.data(), frames);
        if (all_free)
            allocator.mark_free(0, frames * kFrame);
    }
    FrameAllocator* operator->() { return &allocator; }

    std::vector<uint64_t> bitmap;
    FrameAllocator allocator;
};

}  // namespace

TEST(FrameAllocator, InitMarksEverythingUsed) {
    TestAllocator a(100, false);
    EXPECT_EQ(a->total_frames(), 100u);
    EXPECT_EQ(a->free_frames(), 0u);
    for (uint64_t f = 0; f < 100; ++f)
        EXPECT_TRUE(a->is_used(f * kFrame));
    EXPECT_EQ(a->allocate(), FrameAllocator::kNoFrame);
}

TEST(FrameAllocator, FrameZeroIsNeverFree) {
    TestAllocator a(10);
    EXPECT_EQ(a->free_frames(), 9u);
    EXPECT_TRUE(a->is_used(0));
    EXPECT_FALSE(a->free(0));
    std::set<uint64_t> seen;
    for (int i = 0; i < 9; ++i) {
        uint64_t frame = a->allocate();
        ASSERT_NE(frame, FrameAllocator::kNoFrame);
        EXPECT_NE(frame, 0u);
        EXPECT_TRUE(seen.insert(frame).second) << "handed out twice: " << frame;
    }
    EXPECT_EQ(a->allocate(), FrameAllocator::kNoFrame);
    EXPECT_EQ(a->free_frames(), 0u);
}

TEST(FrameAllocator, MarkFreeRoundsInward) {
    TestAllocator a(16, false);
    // [1.5, 5.5) frames: only frames 2, 3, 4 are wholly inside.
    a->mark_free(kFrame + kFrame / 2, 4 * kFrame);
    EXPECT_EQ(a->free_frames(), 3u);
    EXPECT_TRUE(a->is_used(1 * kFrame));
    EXPECT_FALSE(a->is_used(2 * kFrame));
    EXPECT_FALSE(a->is_used(4 * kFrame));
    EXPECT_TRUE(a->is_used(5 * kFrame));
    // Less than a frame frees nothing; freeing twice counts once.
    a->mark_free(8 * kFrame + 1, kFrame);
    a->mark_free(2 * kFrame, 3 * kFrame);
    EXPECT_EQ(a->free_frames(), 3u);
}

TEST(FrameAllocator, MarkUsedRoundsOutward) {
    TestAllocator a(16);
    // [2.5, 4.25) frames touches frames 2, 3, 4.
    a->mark_used(2 * kFrame + kFrame / 2, kFrame + 3 * kFrame / 4);
    EXPECT_EQ(a->free_frames(), 12u);
    EXPECT_FALSE(a->is_used(1 * kFrame));
    EXPECT_TRUE(a->is_used(2 * kFrame));
    EXPECT_TRUE(a->is_used(4 * kFrame));
    EXPECT_FALSE(a->is_used(5 * kFrame));
    // One byte is a whole frame; overlapping marks count once.
    a->mark_used(9 * kFrame + 100, 1);
    a->mark_used(3 * kFrame, 2 * kFrame);
    EXPECT_EQ(a->free_frames(), 11u);
    EXPECT_TRUE(a->is_used(9 * kFrame));
    a->mark_used(5 * kFrame, 0);  // empty range: nothing
    EXPECT_EQ(a->free_frames(), 11u);
}

TEST(FrameAllocator, RangesBeyondTheBitmapAreClipped) {
    TestAllocator a(100, false);
    a->mark_free(50 * kFrame, UINT64_MAX);  // would overflow base + length
    EXPECT_EQ(a->free_frames(), 50u);
    a->mark_used(99 * kFrame, 100 * kFrame);
    EXPECT_EQ(a->free_frames(), 49u);
    EXPECT_TRUE(a->is_used(1000 * kFrame));  // unmanaged memory counts as used
}

TEST(FrameAllocator, WordBoundaries) {
    // Ranges that start and end inside words and span full words.
    TestAllocator a(300, false);
    a->mark_free(60 * kFrame, (200 - 60) * kFrame);
    EXPECT_EQ(a->free_frames(), 140u);
    EXPECT_TRUE(a->is_used(59 * kFrame));
    EXPECT_FALSE(a->is_used(60 * kFrame));
    EXPECT_FALSE(a->is_used(199 * kFrame));
    EXPECT_TRUE(a->is_used(200 * kFrame));
    a->mark_used(63 * kFrame, 66 * kFrame);  // 63..128
    EXPECT_EQ(a->free_frames(), 140u - 66);
    EXPECT_FALSE(a->is_used(62 * kFrame));
    EXPECT_TRUE(a->is_used(128 * kFrame));
    EXPECT_FALSE(a->is_used(129 * kFrame));
}

TEST(FrameAllocator, SkipsFullWordsToFindFreeFrame) {
    TestAllocator a(64 * 100, false);
    a->mark_free(64 * 97 * kFrame + 5 * kFrame, kFrame);
    EXPECT_EQ(a->allocate(), (64 * 97 + 5) * kFrame);
    EXPECT_EQ(a->allocate(), FrameAllocator::kNoFrame);
}

TEST(FrameAllocator, NextFitDoesNotReuseAJustFreedFrame) {
    TestAllocator a(64);
    uint64_t first = a->allocate();
    uint64_t second = a->allocate();
    EXPECT_EQ(first, 1 * kFrame);
    EXPECT_EQ(second, 2 * kFrame);
    ASSERT_TRUE(a->free(first));
    EXPECT_EQ(a->allocate(), 3 * kFrame);
    // Once the top is reached the search wraps around to the freed frame.
    for (int i = 4; i < 64; ++i)
        EXPECT_EQ(a->allocate(), uint64_t(i) * kFrame);
    EXPECT_EQ(a->allocate(), first);
    EXPECT_EQ(a->allocate(), FrameAllocator::kNoFrame);
}

TEST(FrameAllocator, DoubleFreeIsRefusedAndChangesNothing) {
    TestAllocator a(64);
    uint64_t run = a->allocate(4);
    ASSERT_NE(run, FrameAllocator::kNoFrame);
    size_t free_before = a->free_frames();
    ASSERT_TRUE(a->free(run + kFrame));  // free the second frame alone
    EXPECT_EQ(a->free_frames(), free_before + 1);

    // Freeing the whole run now includes an already free frame: refused,
    // and the other three frames stay allocated.
    EXPECT_FALSE(a->free(run, 4));
    EXPECT_EQ(a->free_frames(), free_before + 1);
    EXPECT_TRUE(a->is_used(run));
    EXPECT_TRUE(a->is_used(run + 2 * kFrame));
    EXPECT_FALSE(a->free(run + kFrame));
}

TEST(FrameAllocator, BadFreesAreRefused) {
    TestAllocator a(64);
    uint64_t frame = a->allocate();
    size_t free_before = a->free_frames();
    EXPECT_FALSE(a->free(frame + 12));       // not frame aligned
    EXPECT_FALSE(a->free(frame, 0));         // nothing to free
    EXPECT_FALSE(a->free(64 * kFrame));      // past the end
    EXPECT_FALSE(a->free(63 * kFrame, 2));   // run crosses the end
    EXPECT_FALSE(a->free(frame, SIZE_MAX));  // count overflow
    EXPECT_EQ(a->free_frames(), free_before);
    EXPECT_TRUE(a->free(frame));
}

TEST(FrameAllocator, ContiguousAlignedRuns) {
    TestAllocator a(1024);
    uint64_t run = a->allocate(16, 16);
    ASSERT_NE(run, FrameAllocator::kNoFrame);
    EXPECT_EQ(run % (16 * kFrame), 0u);
    EXPECT_EQ(run, 16 * kFrame);  // frame 0 is used, so the first aligned run starts at 16
    for (uint64_t f = 0; f < 16; ++f)
        EXPECT_TRUE(a->is_used(run + f * kFrame));
    EXPECT_EQ(a->free_frames(), 1023u - 16);

    // Alignment larger than the run.
    uint64_t aligned = a->allocate(1, 256);
    EXPECT_EQ(aligned, 256 * kFrame);

    // A hole that is big enough but misaligned is skipped.
    TestAllocator b(256, false);
    b->mark_free(33 * kFrame, 40 * kFrame);  // frames 33..72
    EXPECT_EQ(b->allocate(8, 8), 40 * kFrame);
    EXPECT_EQ(b->allocate(32, 32), FrameAllocator::kNoFrame);  // 64..72 is too short
    EXPECT_EQ(b->allocate(7), 33 * kFrame);
}

TEST(FrameAllocator, RunsSkipUsedFramesInTheMiddle) {
    TestAllocator a(128);
    a->mark_used(5 * kFrame, kFrame);   // breaks 1..9
    a->mark_used(12 * kFrame, kFrame);  // breaks 6..15
    EXPECT_EQ(a->allocate(8), 13 * kFrame);
    EXPECT_EQ(a->allocate(6), 6 * kFrame);
    EXPECT_EQ(a->allocate(4), 1 * kFrame);
    EXPECT_EQ(a->allocate(4), 21 * kFrame);
}

TEST(FrameAllocator, LimitBoundsTheEndOfTheRun) {
    TestAllocator a(1024);
    a->mark_used(0, 100 * kFrame);
    // The run must end at or below the limit.
    EXPECT_EQ(a->allocate(4, 1, 104 * kFrame), 100 * kFrame);
    EXPECT_EQ(a->allocate(4, 1, 107 * kFrame), FrameAllocator::kNoFrame);
    EXPECT_EQ(a->allocate(1, 1, 105 * kFrame), 104 * kFrame);
    EXPECT_EQ(a->allocate(1, 1, 105 * kFrame), FrameAllocator::kNoFrame);
    EXPECT_EQ(a->allocate(1, 1, 105 * kFrame + kFrame - 1), FrameAllocator::kNoFrame);
    EXPECT_EQ(a->allocate(1, 1, 0), FrameAllocator::kNoFrame);
    EXPECT_EQ(a->allocate(1), 105 * kFrame);
}

TEST(FrameAllocator, LimitAlsoAppliesToTheNextFitHint) {
    TestAllocator a(1024);
    a->mark_used(0, 900 * kFrame);
    EXPECT_EQ(a->allocate(), 900 * kFrame);  // hint is now past 900
    a->mark_free(10 * kFrame, kFrame);
    EXPECT_EQ(a->allocate(1, 1, 512 * kFrame), 10 * kFrame);
}

TEST(FrameAllocator, InvalidRequests) {
    TestAllocator a(64);
    EXPECT_EQ(a->allocate(0), FrameAllocator::kNoFrame);
    EXPECT_EQ(a->allocate(1, 3), FrameAllocator::kNoFrame);  // not a power of two
    EXPECT_EQ(a->allocate(1, 0), FrameAllocator::kNoFrame);
    EXPECT_EQ(a->allocate(64), FrameAllocator::kNoFrame);  // frame 0 is never part of a run
    EXPECT_EQ(a->allocate(63), 1 * kFrame);
    EXPECT_EQ(a->free_frames(), 0u);
}

TEST(FrameAllocator, ExhaustAndRefill) {
    TestAllocator a(200);
    std::vector<uint64_t> frames;
    for (uint64_t f; (f = a->allocate()) != FrameAllocator::kNoFrame;)
        frames.push_back(f);
    EXPECT_EQ(frames.size(), 199u);
    EXPECT_EQ(a->free_frames(), 0u);
    for (uint64_t f : frames)
        ASSERT_TRUE(a->free(f));
    EXPECT_EQ(a->free_frames(), 199u);
    EXPECT_EQ(a->allocate(199), 1 * kFrame);
}
