// The frame bitmap. Searches work a 64-bit word at a time: a word that is
// all ones (all used) is skipped whole, and in any other word
// __builtin_ctzll finds the first interesting bit in one instruction.
#include "kernel/lib/frame_allocator.h"

namespace kernel {

namespace {

constexpr uint64_t kAllOnes = ~(uint64_t)0;

size_t word_count(size_t frames) { return (frames + 63) / 64; }

// Set bits in a word. Not __builtin_popcountll: without -mpopcnt GCC turns
// that into a call to libgcc's __popcountdi2, which the kernel does not link.
size_t count_ones(uint64_t x) {
    x = x - ((x >> 1) & 0x5555555555555555);                         // 2-bit sums
    x = (x & 0x3333333333333333) + ((x >> 2) & 0x3333333333333333);  // 4-bit sums
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0F;                         // 8-bit sums
    return (x * 0x0101010101010101) >> 56;                           // add the bytes
}

// Bits [from, to) of one word, 0 <= from < to <= 64.
uint64_t bit_mask(size_t from, size_t to) {
    uint64_t upper = to == 64 ? kAllOnes : ((uint64_t)1 << to) - 1;
    return upper & ~(((uint64_t)1 << from) - 1);
}

}  // namespace

void FrameAllocator::init(uint64_t* bitmap, size_t frame_count) {
    bitmap_ = bitmap;
    frame_count_ = frame_count;
    free_count_ = 0;
    next_hint_ = 1;
    for (size_t i = 0; i < word_count(frame_count); ++i)
        bitmap_[i] = kAllOnes;
}

// Index of the first frame in [from, to) whose bit equals `used`, or `to`.
size_t FrameAllocator::find(size_t from, size_t to, bool used) const {
    while (from < to) {
        size_t word = from / 64;
        // Flip the word so the bits we look for are ones.
        uint64_t bits = used ? bitmap_[word] : ~bitmap_[word];
        bits &= ~(((uint64_t)1 << (from % 64)) - 1);  // ignore bits below `from`
        if (bits) {
            size_t found = word * 64 + __builtin_ctzll(bits);
            return found < to ? found : to;
        }
        from = (word + 1) * 64;
    }
    return to;
}

// Sets the frames [from, to) to `used`; returns how many actually changed.
size_t FrameAllocator::set_range(size_t from, size_t to, bool used) {
    size_t changed = 0;
    while (from < to) {
        size_t word = from / 64;
        size_t bit_end = to - word * 64 < 64 ? to - word * 64 : 64;
        uint64_t mask = bit_mask(from % 64, bit_end);
        uint64_t before = bitmap_[word];
        bitmap_[word] = used ? before | mask : before & ~mask;
        changed += count_ones(before ^ bitmap_[word]);
        from = word * 64 + bit_end;
    }
    return changed;
}

void FrameAllocator::mark_free(uint64_t base, uint64_t length) {
    // Round inward: a partial frame may hold something else.
    uint64_t end = length > UINT64_MAX - base ? UINT64_MAX : base + length;
    uint64_t first = base / kFrameSize + (base % kFrameSize != 0);
    uint64_t last = end / kFrameSize;
    if (first < 1)
        first = 1;  // frame 0 stays used forever: 0 means "no memory"
    if (last > frame_count_)
        last = frame_count_;
    if (first >= last)
        return;
    free_count_ += set_range(first, last, false);
}

void FrameAllocator::mark_used(uint64_t base, uint64_t length) {
    // Round outward: a frame that is partly in use is in use.
    uint64_t end = length > UINT64_MAX - base ? UINT64_MAX : base + length;
    uint64_t first = base / kFrameSize;
    uint64_t last = end / kFrameSize + (end % kFrameSize != 0);
    if (last > frame_count_)
        last = frame_count_;
    if (first >= last)
        return;
    free_count_ -= set_range(first, last, true);
}

uint64_t FrameAllocator::allocate(size_t count, size_t align_frames, uint64_t limit) {
    if (count == 0 || align_frames == 0 || (align_frames & (align_frames - 1)) != 0)
        return kNoFrame;
    if (count > free_count_)
        return kNoFrame;
    // Frames must end at or below `limit`, and exist.
    size_t end = limit / kFrameSize < frame_count_ ? limit / kFrameSize : frame_count_;

    if (count == 1 && align_frames == 1) {
        // Next fit: continue after the last frame handed out, so a frame that
        // was just freed is not reused at once (a stale pointer into it is
        // then more likely to hit unused memory than a new owner's data).
        size_t start = next_hint_ < end ? next_hint_ : 1;
        size_t frame = find(start, end, false);
        if (frame == end) {
            frame = find(1, start, false);  // wrap around to the bottom
            if (frame == start)
                return kNoFrame;
        }
        set_range(frame, frame + 1, true);
        --free_count_;
        next_hint_ = frame + 1;
        return frame * kFrameSize;
    }

    // First fit for runs: jump to the next free frame, round up to the
    // alignment, and if a used frame interrupts the run, restart after it.
    size_t candidate = 1;
    for (;;) {
        candidate = find(candidate, end, false);
        candidate = (candidate + align_frames - 1) & ~(align_frames - 1);
        if (candidate >= end || count > end - candidate)
            return kNoFrame;
        size_t used = find(candidate, candidate + count, true);
        if (used == candidate + count)
            break;
        candidate = used + 1;
    }
    set_range(candidate, candidate + count, true);
    free_count_ -= count;
    return candidate * kFrameSize;
}

bool FrameAllocator::free(uint64_t phys, size_t count) {
    if (count == 0 || phys % kFrameSize != 0)
        return false;
    uint64_t first = phys / kFrameSize;
    if (first == 0 || first >= frame_count_ || count > frame_count_ - first)
        return false;
    if (find(first, first + count, false) != first + count)
        return false;  // some frame is already free: a double free
    set_range(first, first + count, false);
    free_count_ += count;
    return true;
}

bool FrameAllocator::is_used(uint64_t phys) const {
    uint64_t frame = phys / kFrameSize;
    if (frame >= frame_count_)
        return true;  // memory we do not manage is never ours to give
    return (bitmap_[frame / 64] >> (frame % 64)) & 1;
}

}  // namespace kernel
