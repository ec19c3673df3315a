// The kernel heap: segregated free lists for small blocks, whole chunks for
// large ones.
//
// Every block starts with a 16-byte header, so the payload after it keeps
// the 16-byte alignment of the chunk:
//
//   +--------+--------+----------------+---------------------------+
//   | magic  | class  | requested size | payload ...               |
//   +--------+--------+----------------+---------------------------+
//     u32      u32      u64
//
// Small blocks (payload <= 4096) come in 16 size classes. They are cut from
// 64 KiB chunks with a bump pointer and, once freed, go onto their class's
// singly linked free list (the link lives in the dead payload), from which
// the next allocation of that class is served. Small memory is recycled,
// never returned to the chunk source: Duktape's allocation pattern reuses
// the same sizes over and over.
//
// Large blocks get a chunk of their own, rounded up to whole pages, with
// the header at its start; free() gives the chunk straight back.
//
// A freed block keeps its header with a "freed" magic: freeing it again, or
// freeing a pointer whose header has neither magic, is reported through the
// error handler instead of silently corrupting the lists.
#include "kernel/lib/heap.h"

namespace kernel {

namespace {

// Chosen to read as text in a memory dump.
constexpr uint32_t kLiveMagic = 0x50414548;   // "HEAP"
constexpr uint32_t kFreedMagic = 0x45455246;  // "FREE"
constexpr uint32_t kLargeClass = 0xFFFFFFFF;
constexpr size_t kPageSize = 4096;

struct BlockHeader {
    uint32_t magic;
    uint32_t size_class;  // index into kClassSizes, or kLargeClass
    uint64_t requested;   // what the caller asked for, for stats and realloc
};
static_assert(sizeof(BlockHeader) == Heap::kAlignment, "header must keep payloads aligned");

// Fine steps for the small sizes Duktape uses most, coarser above.
constexpr size_t kClassSizes[]
    = { 16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 512, 1024, 2048, 4096 };
constexpr size_t kClassCount = sizeof(kClassSizes) / sizeof(kClassSizes[0]);
static_assert(kClassSizes[kClassCount - 1] == Heap::kLargestSmallBlock);

uint32_t class_for(size_t size) {
    uint32_t index = 0;
    while (kClassSizes[index] < size)
        ++index;
    return index;
}

size_t round_up(size_t value, size_t to) { return (value + to - 1) & ~(to - 1); }

// Pages a large block of `size` payload bytes occupies, header included.
size_t large_chunk_bytes(size_t size) { return round_up(sizeof(BlockHeader) + size, kPageSize); }

BlockHeader* header_of(const void* payload) {
    return static_cast<BlockHeader*>(const_cast<void*>(payload)) - 1;
}

void* payload_of(BlockHeader* header) { return header + 1; }

// Payload bytes the block can hold, which may exceed what was requested.
size_t capacity(const BlockHeader* header) {
    if (header->size_class == kLargeClass)
        return large_chunk_bytes(header->requested) - sizeof(BlockHeader);
    return kClassSizes[header->size_class];
}

}  // namespace

// A block on a free list: the link is stored in the payload.
struct Heap::FreeBlock {
    FreeBlock* next;
};

void Heap::init(ChunkSource source, ChunkRelease release, ErrorHandler on_error, void* context) {
    for (auto& list : free_lists_)
        list = nullptr;
    bump_ = bump_end_ = nullptr;
    source_ = source;
    release_ = release;
    on_error_ = on_error;
    context_ = context;
    stats_ = {};
    static_assert(kClassCount == Heap::kClassCount, "heap.h sizes the free list array");
}

// True when `p` is a live block of this heap; otherwise reports why not.
bool Heap::check(const void* p, const char* operation) const {
    if (reinterpret_cast<uintptr_t>(p) % kAlignment != 0) {
        report(operation, "pointer is not 16-byte aligned, so not from the heap", p);
        return false;
    }
    const BlockHeader* header = header_of(p);
    if (header->magic == kFreedMagic) {
        report(operation, "block was already freed (double free or use after free)", p);
        return false;
    }
    if (header->magic != kLiveMagic
        || (header->size_class >= kClassCount && header->size_class != kLargeClass)) {
        report(operation, "no heap block header (wild pointer or overwritten header)", p);
        return false;
    }
    return true;
}

void Heap::report(const char* operation, const char* problem, const void* p) const {
    if (!on_error_)
        return;
    // Compose "heap: <operation>: <problem>" in a fixed buffer; the error
    // path must not allocate.
    char message[128];
    size_t used = 0;
    const char* parts[] = { "heap: ", operation, ": ", problem };
    for (const char* part : parts) {
        for (; *part && used + 1 < sizeof message; ++part)
            message[used++] = *part;
    }
    message[used] = '\0';
    on_error_(message, p, context_);
}

// Takes a fresh block of class `index` from the bump region, starting a
// new chunk when the current one is used up.
void* Heap::carve(size_t index) {
    size_t block = sizeof(BlockHeader) + kClassSizes[index];
    if ((size_t)(bump_end_ - bump_) < block) {
        retire_bump_tail();
        char* chunk = static_cast<char*>(source_(kChunkSize, context_));
        if (!chunk)
            return nullptr;
        stats_.bytes_reserved += kChunkSize;
        bump_ = chunk;
        bump_end_ = chunk + kChunkSize;
    }
    auto* header = reinterpret_cast<BlockHeader*>(bump_);
    bump_ += block;
    return payload_of(header);
}

// Before a chunk is abandoned, its unused tail is cut into the largest
// blocks that fit and put on their free lists, so no memory is wasted.
void Heap::retire_bump_tail() {
    while ((size_t)(bump_end_ - bump_) >= sizeof(BlockHeader) + kClassSizes[0]) {
        size_t room = bump_end_ - bump_ - sizeof(BlockHeader);
        size_t index = kClassCount - 1;
        while (kClassSizes[index] > room)
            --index;
        auto* header = reinterpret_cast<BlockHeader*>(bump_);
        *header = { kFreedMagic, (uint32_t)index, 0 };
        push_free(index, payload_of(header));
        bump_ += sizeof(BlockHeader) + kClassSizes[index];
    }
    bump_ = bump_end_ = nullptr;
}

void Heap::push_free(size_t index, void* payload) {
    auto* block = static_cast<FreeBlock*>(payload);
    block->next = free_lists_[index];
    free_lists_[index] = block;
}

void* Heap::allocate(size_t size) {
    if (!source_)
        return nullptr;
    BlockHeader* header;
    if (size <= kLargestSmallBlock) {
        uint32_t index = class_for(size);
        void* payload;
        if (FreeBlock* block = free_lists_[index]) {
            free_lists_[index] = block->next;
            payload = block;
        } else {
            payload = carve(index);
            if (!payload)
                return nullptr;
        }
        header = header_of(payload);
        *header = { kLiveMagic, index, size };
    } else {
        if (size > SIZE_MAX - sizeof(BlockHeader) - kPageSize)
            return nullptr;  // the rounding below would overflow
        size_t bytes = large_chunk_bytes(size);
        void* chunk = source_(bytes, context_);
        if (!chunk)
            return nullptr;
        stats_.bytes_reserved += bytes;
        header = static_cast<BlockHeader*>(chunk);
        *header = { kLiveMagic, kLargeClass, size };
    }
    stats_.bytes_in_use += size;
    ++stats_.allocations;
    ++stats_.live_blocks;
    return payload_of(header);
}

void Heap::free(void* p) {
    if (!p)
        return;
    if (!check(p, "free"))
        return;
    BlockHeader* header = header_of(p);
    stats_.bytes_in_use -= header->requested;
    ++stats_.frees;
    --stats_.live_blocks;
    header->magic = kFreedMagic;
    if (header->size_class != kLargeClass) {
        push_free(header->size_class, p);
        return;
    }
    size_t bytes = large_chunk_bytes(header->requested);
    if (release_) {
        stats_.bytes_reserved -= bytes;
        release_(header, bytes, context_);
    }
    // Without a release function the chunk stays reserved: nothing to give it back to.
}

void* Heap::reallocate(void* p, size_t size) {
    if (!p)
        return allocate(size);
    if (size == 0) {
        free(p);
        return nullptr;
    }
    if (!check(p, "reallocate"))
        return nullptr;
    BlockHeader* header = header_of(p);

    // Stay in place when the new size maps to the same class (or, for a
    // large block, the same number of pages): only the bookkeeping changes.
    bool same_home = header->size_class == kLargeClass
        ? size > kLargestSmallBlock && size <= SIZE_MAX - sizeof(BlockHeader) - kPageSize
            && large_chunk_bytes(size) == large_chunk_bytes(header->requested)
        : size <= kLargestSmallBlock && class_for(size) == header->size_class;
    if (same_home) {
        stats_.bytes_in_use = stats_.bytes_in_use - header->requested + size;
        header->requested = size;
        return p;
    }

    void* moved = allocate(size);
    if (!moved)
        return nullptr;  // like realloc: the old block stays valid
    size_t keep = header->requested < size ? header->requested : size;
    __builtin_memcpy(moved, p, keep);
    free(p);
    return moved;
}

size_t Heap::usable_size(const void* p) const {
    if (!p)
        return 0;
    return check(p, "usable_size") ? capacity(header_of(p)) : 0;
}

}  // namespace kernel
