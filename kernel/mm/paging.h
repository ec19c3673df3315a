// Four-level x86-64 paging, identity-mapped: a virtual address equals the
// physical address everywhere, so pointers, DMA addresses and the debugger
// all agree. What differs per range is whether it is mapped at all, and
// its caching: RAM is write-back; device memory (MMIO) is uncached.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/multiboot.h"

namespace kernel::paging {

enum class Caching {
    WriteBack,  // RAM, firmware tables
    Uncached,   // device registers: every access reaches the device, in order
};

// Replaces boot.S's temporary tables (first 4 GiB, all write-back) with the
// final ones: every RAM region of the memory map, the first MiB except
// page 0 (so null pointers fault), the VGA window uncached, and nothing
// else. The page below the kernel stack stays unmapped as a guard.
void init(const BootInfo& boot);

// Identity-maps [phys, phys + length) with the given caching and returns
// it as a pointer. Before init() the boot tables already map the first
// 4 GiB; above that, null. Null also when page tables cannot be allocated.
void* map_physical(uint64_t phys, size_t length, Caching caching = Caching::WriteBack);
inline void* map_mmio(uint64_t phys, size_t length) {
    return map_physical(phys, length, Caching::Uncached);
}
void unmap(uint64_t address, size_t length);
bool is_mapped(uint64_t address);

// Drops every cached translation (reloads CR3). Nothing needs this for
// correctness (mappings change page by page, with invlpg); the event pump
// calls it now and then for QEMU's sake: TCG sizes its software TLB only
// when the guest flushes, so a kernel that never does keeps the initial
// 256 entries (docs/architecture.md, "The TLB under TCG").
void flush_all();

struct Stats {
    size_t table_frames;  // frames used by page tables
    size_t large_pages;   // 2 MiB mappings
    size_t small_pages;   // 4 KiB mappings
};
Stats stats();

}  // namespace kernel::paging
