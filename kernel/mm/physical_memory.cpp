#include "kernel/mm/physical_memory.h"

#include "kernel/console/console.h"
#include "kernel/debug/panic.h"

extern "C" char __kernel_start[], __kernel_end[];

namespace kernel::memory {
namespace {

constexpr uint64_t kPage = FrameAllocator::kFrameSize;
constexpr uint64_t kLowMemoryEnd = 1 << 20;  // BIOS data, EBDA, ROMs: never handed out

FrameAllocator allocator;
uint64_t available_bytes;
const BootInfo* memory_map;  // the boot information lives as long as the kernel

uint64_t align_down(uint64_t v) { return v & ~(kPage - 1); }
uint64_t align_up(uint64_t v) { return (v + kPage - 1) & ~(kPage - 1); }

struct Range {
    uint64_t start, end;
};

// What must survive until the kernel is done with it, collected once.
struct InUse {
    Range ranges[BootInfo::kMaxModules * 2 + 8];
    size_t count = 0;

    void add(uint64_t start, uint64_t end) {
        if (end > start && count < sizeof(ranges) / sizeof(ranges[0]))
            ranges[count++] = { align_down(start), align_up(end) };
    }
    void add_string(const char* s) {
        if (s && *s)
            add(uint64_t(s), uint64_t(s) + __builtin_strlen(s) + 1);
    }
    // The end of a range overlapping [start, end), or 0 if none does.
    uint64_t overlap_end(uint64_t start, uint64_t end) const {
        for (size_t i = 0; i < count; i++)
            if (start < ranges[i].end && ranges[i].start < end)
                return ranges[i].end;
        return 0;
    }
};

InUse collect_in_use(const BootInfo& boot) {
    InUse in_use;
    in_use.add(0, kLowMemoryEnd);
    in_use.add(uint64_t(__kernel_start), uint64_t(__kernel_end));
    in_use.add(boot.info_start, boot.info_end);
    in_use.add_string(boot.cmdline);
    in_use.add_string(boot.loader_name);
    for (size_t i = 0; i < boot.module_count; i++) {
        in_use.add(boot.modules[i].start, boot.modules[i].end);
        in_use.add_string(boot.modules[i].cmdline);
    }
    return in_use;
}

// First page-aligned spot of `size` bytes in available RAM that is not in use.
uint64_t find_free_range(const BootInfo& boot, const InUse& in_use, uint64_t size) {
    for (size_t i = 0; i < boot.region_count; i++) {
        const MemoryRegion& region = boot.regions[i];
        if (region.type != MemoryType::Available)
            continue;
        uint64_t start = align_up(region.base);
        uint64_t end = align_down(region.base + region.length);
        while (start + size <= end) {
            uint64_t skip = in_use.overlap_end(start, start + size);
            if (!skip)
                return start;
            start = skip;
        }
    }
    return 0;
}

}  // namespace

void init(const BootInfo& boot) {
    memory_map = &boot;
    uint64_t highest = 0;
    for (size_t i = 0; i < boot.region_count; i++) {
        const MemoryRegion& region = boot.regions[i];
        if (region.type != MemoryType::Available)
            continue;
        available_bytes += region.length;
        if (region.base + region.length > highest)
            highest = region.base + region.length;
    }
    if (!highest)
        panic("memory: the boot loader reported no available memory");

    size_t frame_count = align_up(highest) / kPage;
    uint64_t bitmap_bytes = align_up((frame_count + 63) / 64 * 8);
    InUse in_use = collect_in_use(boot);
    uint64_t bitmap = find_free_range(boot, in_use, bitmap_bytes);
    // The bitmap is written through the boot page tables, which map 4 GiB.
    if (!bitmap || bitmap + bitmap_bytes > (4ull << 30))
        panic("memory: no room for the frame bitmap (%lu bytes)", bitmap_bytes);

    allocator.init(reinterpret_cast<uint64_t*>(bitmap), frame_count);
    for (size_t i = 0; i < boot.region_count; i++)
        if (boot.regions[i].type == MemoryType::Available)
            allocator.mark_free(boot.regions[i].base, boot.regions[i].length);
    for (size_t i = 0; i < in_use.count; i++)
        allocator.mark_used(in_use.ranges[i].start, in_use.ranges[i].end - in_use.ranges[i].start);
    allocator.mark_used(bitmap, bitmap_bytes);
}

FrameAllocator& frames() { return allocator; }

bool is_ram(uint64_t phys) {
    if (phys < kLowMemoryEnd)
        return true;
    for (size_t i = 0; memory_map && i < memory_map->region_count; i++) {
        const MemoryRegion& r = memory_map->regions[i];
        bool ram = r.type == MemoryType::Available || r.type == MemoryType::AcpiReclaimable
            || r.type == MemoryType::AcpiNvs;
        if (ram && phys >= r.base && phys - r.base < r.length)
            return true;
    }
    return false;
}
uint64_t kernel_start() { return uint64_t(__kernel_start); }
uint64_t kernel_end() { return uint64_t(__kernel_end); }
uint64_t usable_bytes() { return available_bytes; }

void print_summary(const BootInfo& boot, bool with_map) {
    for (size_t i = 0; with_map && i < boot.region_count; i++) {
        const MemoryRegion& region = boot.regions[i];
        console::print("  0x%012lx-0x%012lx %s\n", region.base, region.base + region.length - 1,
            memory_type_name(region.type));
    }
    console::print("memory: %lu MiB available (%zu map entries), %lu MiB free, kernel %#lx-%#lx\n",
        available_bytes >> 20, boot.region_count, uint64_t(allocator.free_frames()) * kPage >> 20,
        kernel_start(), kernel_end() - 1);
}

}  // namespace kernel::memory
