#include "kernel/mm/kernel_heap.h"

#include "kernel/debug/panic.h"
#include "kernel/mm/physical_memory.h"

namespace kernel::memory {
namespace {

Heap kernel_heap;

void* take_chunk(size_t bytes, void*) {
    size_t count = bytes / FrameAllocator::kFrameSize;
    uint64_t phys = frames().allocate(count);
    return phys == FrameAllocator::kNoFrame ? nullptr : reinterpret_cast<void*>(phys);
}

void give_back_chunk(void* chunk, size_t bytes, void*) {
    if (!frames().free(uint64_t(chunk), bytes / FrameAllocator::kFrameSize))
        panic("heap: chunk %p of %zu bytes was already free", chunk, bytes);
}

void heap_error(const char* message, const void* pointer, void*) {
    panic("heap: %s (pointer %p)", message, pointer);
}

}  // namespace

void init_heap() { kernel_heap.init(take_chunk, give_back_chunk, heap_error, nullptr); }
Heap& heap() { return kernel_heap; }

}  // namespace kernel::memory
