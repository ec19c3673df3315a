// The kernel's one heap (kernel/lib/heap.h) on top of the frame allocator;
// operator new/delete and, later, Duktape allocate from it.
#pragma once

#include "kernel/lib/heap.h"

namespace kernel::memory {

void init_heap();
Heap& heap();

}  // namespace kernel::memory
