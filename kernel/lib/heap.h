// The kernel heap: what new/delete and Duktape allocate from.
//
// Duktape makes a great many small allocations, so small sizes are served
// from per-size-class free lists carved out of 64 KiB chunks: allocate and
// free are a few instructions in the common case. Larger blocks get their
// own chunk straight from the chunk source (whole pages) and give it back
// on free. Every block carries a 16-byte header (magic, class, size) so
// free/realloc know the size and bad or double frees are caught.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace kernel {

class Heap {
public:
    static constexpr size_t kAlignment = 16;
    static constexpr size_t kChunkSize = 64 * 1024;
    static constexpr size_t kLargestSmallBlock = 4096;  // payload bytes

    // Returns `bytes` (a multiple of 4096) of memory aligned to 4096, or null.
    using ChunkSource = void* (*)(size_t bytes, void* context);
    using ChunkRelease = void (*)(void* chunk, size_t bytes, void* context);
    // Called on a bad pointer or double free, with a message; may not return.
    using ErrorHandler = void (*)(const char* message, const void* pointer, void* context);

    void init(ChunkSource source, ChunkRelease release, ErrorHandler on_error, void* context);

    // 16-byte aligned; null when out of memory. allocate(0) returns a
    // unique pointer that may be freed.
    void* allocate(size_t size);
    // realloc semantics: null `p` allocates; size 0 frees and returns null.
    void* reallocate(void* p, size_t size);
    void free(void* p);  // null is fine
    size_t usable_size(const void* p) const;

    struct Stats {
        size_t bytes_in_use;    // payload bytes the callers asked for
        size_t bytes_reserved;  // chunk bytes taken from the source
        size_t allocations;     // total successful allocate calls
        size_t frees;
        size_t live_blocks;
    };
    Stats stats() const { return stats_; }

private:
    // See heap.cpp for the layout; kept here so the object needs no heap.
    static constexpr size_t kClassCount = 16;
    struct FreeBlock;

    void* carve(size_t class_index);
    void retire_bump_tail();
    void push_free(size_t class_index, void* payload);
    bool check(const void* p, const char* operation) const;
    void report(const char* operation, const char* problem, const void* p) const;

    FreeBlock* free_lists_[kClassCount] {};
    char* bump_ = nullptr;  // unused tail of the current small chunk
    char* bump_end_ = nullptr;
    ChunkSource source_ = nullptr;
    ChunkRelease release_ = nullptr;
    ErrorHandler on_error_ = nullptr;
    void* context_ = nullptr;
    Stats stats_ {};
};

}  // namespace kernel
