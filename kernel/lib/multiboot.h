// Multiboot 1 and 2 boot information, parsed into one neutral BootInfo.
//
// GRUB boots us through multiboot2 (the ISO); QEMU's `-kernel` path speaks
// multiboot1. Everything after early boot uses BootInfo and never looks at
// the raw structures again.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace kernel {

constexpr uint32_t kMultiboot1Magic = 0x2BADB002;  // in eax from the loader
constexpr uint32_t kMultiboot2Magic = 0x36D76289;

enum class MemoryType : uint32_t {
    Available = 1,
    Reserved = 2,
    AcpiReclaimable = 3,
    AcpiNvs = 4,
    BadRam = 5,
};

struct MemoryRegion {
    uint64_t base;
    uint64_t length;
    MemoryType type;
};

struct BootModule {
    uint64_t start;       // physical, inclusive
    uint64_t end;         // physical, exclusive
    const char* cmdline;  // never null ("" when absent)
};

struct BootInfo {
    static constexpr size_t kMaxRegions = 64;
    static constexpr size_t kMaxModules = 16;

    int protocol = 0;              // 1 or 2
    const char* cmdline = "";      // never null
    const char* loader_name = "";  // never null
    MemoryRegion regions[kMaxRegions] {};
    size_t region_count = 0;  // extra entries are dropped (counted below)
    size_t regions_dropped = 0;
    BootModule modules[kMaxModules] {};
    size_t module_count = 0;
    size_t modules_dropped = 0;
    const void* rsdp = nullptr;  // ACPI RSDP copy from multiboot2, else null
    uint64_t info_start = 0;     // physical extent of the raw info block,
    uint64_t info_end = 0;       //   so the frame allocator keeps it
};

// Physical addresses inside the boot information (multiboot1 strings,
// module lists, memory map) are turned into pointers as
// `(const char*)phys_base + address`. The kernel identity-maps RAM and
// passes 0; host tests pass the base of a buffer.
bool parse_multiboot1(const void* info, uintptr_t phys_base, BootInfo& out);
bool parse_multiboot2(const void* info, uintptr_t phys_base, BootInfo& out);

// Dispatches on the magic value the loader left in eax; false when the
// magic is unknown or the structure is malformed.
bool parse_boot_info(uint32_t magic, const void* info, uintptr_t phys_base, BootInfo& out);

const char* memory_type_name(MemoryType type);

}  // namespace kernel
