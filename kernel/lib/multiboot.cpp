// Multiboot 1 and 2 parsing into BootInfo.
//
// The raw structures are read field by field at byte offsets, through
// memcpy, instead of being overlaid with C structs: the offsets below are
// exactly the ones in the specifications, nothing depends on how our
// compiler would pad a struct, and unaligned data (a hand-built test buffer,
// a sloppy loader) cannot trap.
#include "kernel/lib/multiboot.h"

namespace kernel {

namespace {

uint32_t read32(const uint8_t* p) {
    uint32_t v;
    __builtin_memcpy(&v, p, sizeof v);
    return v;
}

uint64_t read64(const uint8_t* p) {
    uint64_t v;
    __builtin_memcpy(&v, p, sizeof v);
    return v;
}

// A physical address inside the boot information, as a pointer.
template <typename T> const T* at_phys(uintptr_t phys_base, uint64_t address) {
    return reinterpret_cast<const T*>(phys_base + address);
}

// Both protocols use the same numbering for the types they define.
MemoryType to_memory_type(uint32_t raw) {
    if (raw >= (uint32_t)MemoryType::Available && raw <= (uint32_t)MemoryType::BadRam)
        return (MemoryType)raw;
    return MemoryType::Reserved;  // unknown memory is never handed out
}

void add_region(BootInfo& out, uint64_t base, uint64_t length, uint32_t raw_type) {
    if (length == 0)
        return;  // some firmware lists empty entries; they mean nothing
    if (out.region_count == BootInfo::kMaxRegions) {
        ++out.regions_dropped;
        return;
    }
    out.regions[out.region_count++] = { base, length, to_memory_type(raw_type) };
}

void add_module(BootInfo& out, uint64_t start, uint64_t end, const char* cmdline) {
    if (out.module_count == BootInfo::kMaxModules) {
        ++out.modules_dropped;
        return;
    }
    out.modules[out.module_count++] = { start, end, cmdline ? cmdline : "" };
}

// Without a memory map both protocols still report the two classic RAM
// ranges in KiB: conventional memory from 0 and extended memory from 1 MiB.
void add_basic_memory(BootInfo& out, uint32_t lower_kib, uint32_t upper_kib) {
    add_region(out, 0, (uint64_t)lower_kib * 1024, (uint32_t)MemoryType::Available);
    add_region(out, 0x100000, (uint64_t)upper_kib * 1024, (uint32_t)MemoryType::Available);
}

// ---- Multiboot 1 -------------------------------------------------------

// Byte offsets in the multiboot1 information structure.
constexpr size_t kMb1Flags = 0;
constexpr size_t kMb1MemLower = 4;
constexpr size_t kMb1MemUpper = 8;
constexpr size_t kMb1Cmdline = 16;
constexpr size_t kMb1ModsCount = 20;
constexpr size_t kMb1ModsAddr = 24;
constexpr size_t kMb1MmapLength = 44;
constexpr size_t kMb1MmapAddr = 48;
constexpr size_t kMb1LoaderName = 64;
// The fixed part, up to and including the framebuffer fields, is what
// info_start/info_end cover. The module list, memory map and strings it
// points to live elsewhere, wherever the loader put them: BootInfo's
// strings point there, so the kernel must copy them (or keep those pages)
// before it reuses that memory.
constexpr size_t kMb1InfoSize = 116;

constexpr uint32_t kMb1FlagMemory = 1 << 0;
constexpr uint32_t kMb1FlagCmdline = 1 << 2;
constexpr uint32_t kMb1FlagModules = 1 << 3;
constexpr uint32_t kMb1FlagMmap = 1 << 6;
constexpr uint32_t kMb1FlagLoaderName = 1 << 9;

constexpr size_t kMb1ModuleSize = 16;  // mod_start, mod_end, string, reserved
// A memory map entry is {u32 size; u64 base; u64 length; u32 type}; `size`
// counts the bytes after itself, so entries may grow in later versions.
constexpr size_t kMb1MmapEntryMin = 20;

const char* mb1_string(uintptr_t phys_base, uint32_t address) {
    return address ? at_phys<char>(phys_base, address) : "";
}

// ---- Multiboot 2 -------------------------------------------------------

enum Mb2Tag : uint32_t {
    kTagEnd = 0,
    kTagCmdline = 1,
    kTagLoaderName = 2,
    kTagModule = 3,
    kTagBasicMemory = 4,
    kTagMmap = 6,
    kTagAcpiOld = 14,
    kTagAcpiNew = 15,
};

constexpr size_t kMb2HeaderSize = 8;     // total_size, reserved
constexpr size_t kTagHeaderSize = 8;     // type, size
constexpr size_t kRsdpV1Size = 20;       // ACPI 1.0 RSDP
constexpr size_t kRsdpV2Size = 36;       // ACPI 2.0+ XSDP
constexpr size_t kMb2MmapEntryMin = 24;  // u64 base, u64 length, u32 type, u32 reserved

// A string that must end inside its tag; null when it does not.
const char* tag_string(const uint8_t* text, size_t length) {
    if (length == 0)
        return "";
    for (size_t i = 0; i < length; ++i) {
        if (text[i] == '\0')
            return reinterpret_cast<const char*>(text);
    }
    return nullptr;
}

}  // namespace

bool parse_multiboot1(const void* info, uintptr_t phys_base, BootInfo& out) {
    out = BootInfo {};
    if (!info)
        return false;
    out.protocol = 1;
    const auto* base = static_cast<const uint8_t*>(info);
    out.info_start = reinterpret_cast<uintptr_t>(info) - phys_base;
    out.info_end = out.info_start + kMb1InfoSize;

    uint32_t flags = read32(base + kMb1Flags);

    if (flags & kMb1FlagCmdline)
        out.cmdline = mb1_string(phys_base, read32(base + kMb1Cmdline));
    if (flags & kMb1FlagLoaderName)
        out.loader_name = mb1_string(phys_base, read32(base + kMb1LoaderName));

    if (flags & kMb1FlagModules) {
        uint32_t count = read32(base + kMb1ModsCount);
        const auto* list = at_phys<uint8_t>(phys_base, read32(base + kMb1ModsAddr));
        for (uint32_t i = 0; i < count; ++i) {
            if (out.module_count == BootInfo::kMaxModules) {
                // Count the rest without reading them: nothing bounds the list.
                out.modules_dropped += count - i;
                break;
            }
            const uint8_t* mod = list + i * kMb1ModuleSize;
            add_module(out, read32(mod), read32(mod + 4), mb1_string(phys_base, read32(mod + 8)));
        }
    }

    if (flags & kMb1FlagMmap) {
        uint32_t length = read32(base + kMb1MmapLength);
        const auto* map = at_phys<uint8_t>(phys_base, read32(base + kMb1MmapAddr));
        size_t offset = 0;
        while (offset < length) {
            if (length - offset < 4)
                return false;
            uint32_t entry_size = read32(map + offset);
            if (entry_size < kMb1MmapEntryMin || entry_size > length - offset - 4)
                return false;
            const uint8_t* entry = map + offset + 4;
            add_region(out, read64(entry), read64(entry + 8), read32(entry + 16));
            offset += 4 + (size_t)entry_size;
        }
    } else if (flags & kMb1FlagMemory) {
        add_basic_memory(out, read32(base + kMb1MemLower), read32(base + kMb1MemUpper));
    }
    return true;
}

bool parse_multiboot2(const void* info, uintptr_t phys_base, BootInfo& out) {
    out = BootInfo {};
    if (!info)
        return false;
    out.protocol = 2;
    const auto* base = static_cast<const uint8_t*>(info);
    uint32_t total_size = read32(base);
    if (total_size < kMb2HeaderSize + kTagHeaderSize)
        return false;  // not even room for the end tag
    out.info_start = reinterpret_cast<uintptr_t>(info) - phys_base;
    out.info_end = out.info_start + total_size;

    bool have_mmap = false;
    bool have_basic_memory = false;
    uint32_t mem_lower = 0, mem_upper = 0;
    bool have_new_rsdp = false;

    size_t offset = kMb2HeaderSize;
    // Every tag is checked to lie inside total_size before anything in it
    // is read; a tag list without an end tag is malformed.
    while (offset <= total_size - kTagHeaderSize) {
        const uint8_t* tag = base + offset;
        uint32_t type = read32(tag);
        uint32_t size = read32(tag + 4);
        if (size < kTagHeaderSize || size > total_size - offset)
            return false;
        const uint8_t* body = tag + kTagHeaderSize;
        size_t body_size = size - kTagHeaderSize;

        switch (type) {
        case kTagEnd:
            if (!have_mmap && have_basic_memory)
                add_basic_memory(out, mem_lower, mem_upper);
            return true;
        case kTagCmdline:
        case kTagLoaderName: {
            const char* text = tag_string(body, body_size);
            if (!text)
                return false;
            (type == kTagCmdline ? out.cmdline : out.loader_name) = text;
            break;
        }
        case kTagModule: {
            if (body_size < 8)
                return false;
            const char* text = tag_string(body + 8, body_size - 8);
            if (!text)
                return false;
            add_module(out, read32(body), read32(body + 4), text);
            break;
        }
        case kTagBasicMemory:
            if (body_size < 8)
                return false;
            have_basic_memory = true;
            mem_lower = read32(body);
            mem_upper = read32(body + 4);
            break;
        case kTagMmap: {
            if (body_size < 8)
                return false;
            uint32_t entry_size = read32(body);
            // entry_version (body + 4) is 0 today; newer versions only append fields.
            if (entry_size < kMb2MmapEntryMin)
                return false;
            have_mmap = true;
            for (size_t e = 8; body_size - e >= entry_size; e += entry_size) {
                const uint8_t* entry = body + e;
                add_region(out, read64(entry), read64(entry + 8), read32(entry + 16));
            }
            break;
        }
        case kTagAcpiOld:
        case kTagAcpiNew:
            if (body_size < (type == kTagAcpiNew ? kRsdpV2Size : kRsdpV1Size))
                return false;
            // The ACPI 2.0 RSDP also reaches the 64-bit XSDT; prefer it.
            if (type == kTagAcpiNew || !have_new_rsdp)
                out.rsdp = body;
            if (type == kTagAcpiNew)
                have_new_rsdp = true;
            break;
        default:
            break;  // framebuffer, ELF sections, EFI, ...: not needed
        }
        offset += (size + 7) & ~(size_t)7;  // tags start on 8-byte boundaries
    }
    return false;
}

bool parse_boot_info(uint32_t magic, const void* info, uintptr_t phys_base, BootInfo& out) {
    if (magic == kMultiboot1Magic)
        return parse_multiboot1(info, phys_base, out);
    if (magic == kMultiboot2Magic)
        return parse_multiboot2(info, phys_base, out);
    out = BootInfo {};
    return false;
}

const char* memory_type_name(MemoryType type) {
    switch (type) {
    case MemoryType::Available:
        return "available";
    case MemoryType::Reserved:
        return "reserved";
    case MemoryType::AcpiReclaimable:
        return "ACPI reclaimable";
    case MemoryType::AcpiNvs:
        return "ACPI NVS";
    case MemoryType::BadRam:
        return "bad RAM";
    }
    return "reserved";
}

}  // namespace kernel
