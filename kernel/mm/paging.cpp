#include "kernel/mm/paging.h"

#include "kernel/arch/x86_64/cpu.h"
#include "kernel/debug/panic.h"
#include "kernel/mm/physical_memory.h"

extern "C" char boot_stack_guard[];

namespace kernel::paging {
namespace {

constexpr uint64_t kPresent = 1 << 0;
constexpr uint64_t kWritable = 1 << 1;
constexpr uint64_t kWriteThrough = 1 << 3;
constexpr uint64_t kCacheDisable = 1 << 4;
constexpr uint64_t kLargePage = 1 << 7;  // in a page-directory entry: maps 2 MiB
constexpr uint64_t kAddressMask = 0x000FFFFFFFFFF000ull;
constexpr uint64_t kCachingBits = kWriteThrough | kCacheDisable;

constexpr uint64_t kSmallPage = 4096;
constexpr uint64_t kLargePageSize = 2 * 1024 * 1024;
constexpr uint64_t kBootMapLimit = 4ull << 30;  // what boot.S maps

using Table = uint64_t[512];

Table* pml4;  // null until init() has built the final tables
bool active;  // the final tables are in CR3
Stats counters;

uint64_t flags_for(Caching caching) {
    return kPresent | kWritable | (caching == Caching::Uncached ? kCachingBits : 0);
}

Table* new_table() {
    // Before the switch only the boot mapping (first 4 GiB) is reachable.
    uint64_t limit = active ? UINT64_MAX : kBootMapLimit;
    uint64_t frame = memory::frames().allocate(1, 1, limit);
    if (frame == FrameAllocator::kNoFrame)
        return nullptr;
    auto* table = reinterpret_cast<Table*>(frame);
    __builtin_memset(table, 0, sizeof(Table));
    counters.table_frames++;
    return table;
}

// Returns the next-level table behind `entry`, creating it if asked.
Table* next_level(uint64_t& entry, bool create) {
    if (entry & kPresent)
        return reinterpret_cast<Table*>(entry & kAddressMask);
    if (!create)
        return nullptr;
    Table* table = new_table();
    if (table)
        entry = uint64_t(table) | kPresent | kWritable;
    return table;
}

// The page-directory entry for `address` (each maps 2 MiB).
uint64_t* directory_entry(uint64_t address, bool create) {
    Table* pdpt = next_level((*pml4)[(address >> 39) & 511], create);
    if (!pdpt)
        return nullptr;
    Table* directory = next_level((*pdpt)[(address >> 30) & 511], create);
    if (!directory)
        return nullptr;
    return &(*directory)[(address >> 21) & 511];
}

// Replaces a 2 MiB mapping by 512 equivalent 4 KiB ones, so part of it can
// change (a guard page, an uncached register page inside RAM's range).
bool split_large_page(uint64_t& entry) {
    Table* table = new_table();
    if (!table)
        return false;
    uint64_t base = entry & kAddressMask & ~(kLargePageSize - 1);
    uint64_t flags = entry & (kPresent | kWritable | kCachingBits);
    for (uint64_t i = 0; i < 512; i++)
        (*table)[i] = (base + i * kSmallPage) | flags;
    entry = uint64_t(table) | kPresent | kWritable;
    counters.large_pages--;
    counters.small_pages += 512;
    return true;
}

uint64_t* page_entry(uint64_t address, bool create) {
    uint64_t* pde = directory_entry(address, create);
    if (!pde)
        return nullptr;
    if ((*pde & kPresent) && (*pde & kLargePage) && !split_large_page(*pde))
        return nullptr;
    Table* table = next_level(*pde, create);
    return table ? &(*table)[(address >> 12) & 511] : nullptr;
}

void flush(uint64_t address) {
    if (active)
        cpu::invlpg(address);
}

bool map_large(uint64_t address, uint64_t flags) {
    uint64_t* pde = directory_entry(address, true);
    if (!pde)
        return false;
    if ((*pde & kPresent) && !(*pde & kLargePage)) {
        // A table of small pages is being replaced: give its frame back.
        Table* old = reinterpret_cast<Table*>(*pde & kAddressMask);
        for (uint64_t entry : *old)
            if (entry & kPresent)
                counters.small_pages--;
        memory::frames().free(uint64_t(old));
        counters.table_frames--;
    } else if (*pde & kPresent) {
        counters.large_pages--;
    }
    *pde = address | flags | kLargePage;
    counters.large_pages++;
    flush(address);
    return true;
}

bool map_small(uint64_t address, uint64_t flags) {
    uint64_t* pte = page_entry(address, true);
    if (!pte)
        return false;
    if (!(*pte & kPresent))
        counters.small_pages++;
    *pte = address | flags;
    flush(address);
    return true;
}

// True when every page of the range is already mapped with `flags`.
bool already_mapped(uint64_t start, uint64_t end, uint64_t flags) {
    const uint64_t mask = kPresent | kWritable | kCachingBits;
    for (uint64_t address = start; address < end;) {
        uint64_t* pde = directory_entry(address, false);
        if (!pde || !(*pde & kPresent))
            return false;
        if (*pde & kLargePage) {
            if ((*pde & mask) != flags)
                return false;
            address = (address & ~(kLargePageSize - 1)) + kLargePageSize;
            continue;
        }
        uint64_t* pte = page_entry(address, false);
        if (!pte || (*pte & mask) != flags)
            return false;
        address += kSmallPage;
    }
    return true;
}

bool map_range(uint64_t start, uint64_t end, uint64_t flags) {
    start &= ~(kSmallPage - 1);
    end = (end + kSmallPage - 1) & ~(kSmallPage - 1);
    if (already_mapped(start, end, flags))
        return true;
    for (uint64_t address = start; address < end;) {
        bool large = (address & (kLargePageSize - 1)) == 0 && end - address >= kLargePageSize;
        if (!(large ? map_large(address, flags) : map_small(address, flags)))
            return false;
        address += large ? kLargePageSize : kSmallPage;
    }
    return true;
}

bool is_ram(MemoryType type) {
    return type == MemoryType::Available || type == MemoryType::AcpiReclaimable
        || type == MemoryType::AcpiNvs;
}

}  // namespace

void init(const BootInfo& boot) {
    pml4 = new_table();
    if (!pml4)
        panic("paging: no memory for the top-level page table");
    constexpr uint64_t kOneMiB = 1 << 20;
    bool ok
        = map_range(kSmallPage, 0xA0000, flags_for(Caching::WriteBack))  // page 0 stays unmapped
        && map_range(0xA0000, 0xC0000, flags_for(Caching::Uncached))     // VGA memory
        && map_range(0xC0000, kOneMiB, flags_for(Caching::WriteBack));   // option and BIOS ROMs
    for (size_t i = 0; ok && i < boot.region_count; i++) {
        const MemoryRegion& region = boot.regions[i];
        if (!is_ram(region.type) || region.base + region.length <= kOneMiB)
            continue;
        uint64_t start = region.base < kOneMiB ? kOneMiB : region.base;
        ok = map_range(start, region.base + region.length, flags_for(Caching::WriteBack));
    }
    // The kernel image is RAM in every memory map, but be explicit: it must be mapped.
    ok = ok && map_range(kOneMiB, memory::kernel_end(), flags_for(Caching::WriteBack));
    if (!ok)
        panic("paging: out of memory while building the page tables");

    uint64_t* guard = page_entry(uint64_t(boot_stack_guard), true);
    if (!guard)
        panic("paging: cannot place the stack guard page");
    *guard = 0;
    counters.small_pages--;

    cpu::write_cr3(uint64_t(pml4));
    active = true;
}

void* map_physical(uint64_t phys, size_t length, Caching caching) {
    if (length == 0)
        length = 1;
    if (!active)
        return phys + length <= kBootMapLimit ? reinterpret_cast<void*>(phys) : nullptr;
    cpu::InterruptGuard guard;
    return map_range(phys, phys + length, flags_for(caching)) ? reinterpret_cast<void*>(phys)
                                                              : nullptr;
}

void unmap(uint64_t address, size_t length) {
    if (!active)
        return;
    cpu::InterruptGuard guard;
    uint64_t end = (address + length + kSmallPage - 1) & ~(kSmallPage - 1);
    for (address &= ~(kSmallPage - 1); address < end; address += kSmallPage) {
        uint64_t* pde = directory_entry(address, false);
        if (!pde || !(*pde & kPresent))
            continue;
        uint64_t* pte = page_entry(address, false);
        if (pte && (*pte & kPresent)) {
            *pte = 0;
            counters.small_pages--;
            flush(address);
        }
    }
}

bool is_mapped(uint64_t address) {
    if (!active)
        return address < kBootMapLimit;
    uint64_t* pde = directory_entry(address, false);
    if (!pde || !(*pde & kPresent))
        return false;
    if (*pde & kLargePage)
        return true;
    Table* table = reinterpret_cast<Table*>(*pde & kAddressMask);
    return (*table)[(address >> 12) & 511] & kPresent;
}

void flush_all() { cpu::write_cr3(cpu::read_cr3()); }

Stats stats() { return counters; }

}  // namespace kernel::paging
