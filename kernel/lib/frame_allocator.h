// Physical memory in 4 KiB frames, one bit each (1 = used).
//
// Starts with every frame used; the boot code then frees what the memory
// map calls available and re-reserves the kernel image, boot modules and
// the bitmap itself. Frame 0 is never handed out, so 0 means "no memory".
// Contiguous runs with alignment and an upper bound serve DMA buffers
// (which must sit below 4 GiB).
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace kernel {

class FrameAllocator {
public:
    static constexpr uint64_t kFrameSize = 4096;
    static constexpr uint64_t kNoFrame = 0;

    // `bitmap` must hold (frame_count + 63) / 64 words. Marks all used.
    void init(uint64_t* bitmap, size_t frame_count);

    // Frees the whole frames inside [base, base + length) (rounds inward).
    void mark_free(uint64_t base, uint64_t length);
    // Marks used every frame touching [base, base + length) (rounds outward).
    void mark_used(uint64_t base, uint64_t length);

    // `count` contiguous frames whose first frame number is a multiple of
    // `align_frames` (a power of two) and whose end is <= `limit` (a
    // physical address). Returns the physical address or kNoFrame.
    uint64_t allocate(size_t count = 1, size_t align_frames = 1, uint64_t limit = UINT64_MAX);

    // Returns false (changing nothing) when any frame in the run is already
    // free or out of range: a double free is reported, never hidden.
    bool free(uint64_t phys, size_t count = 1);

    bool is_used(uint64_t phys) const;
    size_t total_frames() const { return frame_count_; }
    size_t free_frames() const { return free_count_; }

private:
    size_t find(size_t from, size_t to, bool used) const;
    size_t set_range(size_t from, size_t to, bool used);

    uint64_t* bitmap_ = nullptr;
    size_t frame_count_ = 0;
    size_t free_count_ = 0;
    size_t next_hint_ = 1;  // where single-frame searches start
};

}  // namespace kernel
