#include "kernel/lib/multiboot.h"

#include <cstring>
#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace kernel;

namespace {

// A fake stretch of physical memory: "physical address" = offset into it,
// which is what the parsers compute with phys_base = memory.base().
class FakeMemory {
public:
    FakeMemory()
        : bytes_(64 * 1024, 0) { }
    uintptr_t base() const { return reinterpret_cast<uintptr_t>(bytes_.data()); }
    uint8_t* at(uint32_t phys) { return bytes_.data() + phys; }
    void put32(uint32_t phys, uint32_t v) { memcpy(at(phys), &v, 4); }
    void put64(uint32_t phys, uint64_t v) { memcpy(at(phys), &v, 8); }
    void put_string(uint32_t phys, const char* s) { memcpy(at(phys), s, strlen(s) + 1); }

private:
    std::vector<uint8_t> bytes_;
};

// Multiboot1 info at a fixed place; its pointers lead elsewhere in memory.
constexpr uint32_t kInfo = 0x100;
constexpr uint32_t kStrings = 0x1000;
constexpr uint32_t kModules = 0x2000;
constexpr uint32_t kMmap = 0x3000;

void put_mb1_mmap_entry(FakeMemory& m, uint32_t& at, uint64_t base, uint64_t length, uint32_t type,
    uint32_t size = 20) {
    m.put32(at, size);
    m.put64(at + 4, base);
    m.put64(at + 12, length);
    m.put32(at + 20, type);
    at += 4 + size;
}

// Builds a multiboot2 tag list: 8-byte header, tags padded to 8 bytes.
class Mb2Builder {
public:
    Mb2Builder()
        : bytes_(8, 0) { }

    void tag(uint32_t type, const std::vector<uint8_t>& body) {
        size_t start = bytes_.size();
        append32(type);
        append32(uint32_t(8 + body.size()));
        bytes_.insert(bytes_.end(), body.begin(), body.end());
        while (bytes_.size() % 8)
            bytes_.push_back(0xEE);  // padding garbage must be ignored
        (void)start;
    }
    void string_tag(uint32_t type, const std::string& s) {
        tag(type, std::vector<uint8_t>(s.c_str(), s.c_str() + s.size() + 1));
    }
    void module(uint32_t start, uint32_t end, const std::string& cmdline) {
        std::vector<uint8_t> body;
        put(body, start);
        put(body, end);
        body.insert(body.end(), cmdline.c_str(), cmdline.c_str() + cmdline.size() + 1);
        tag(3, body);
    }
    struct Entry {
        uint64_t base, length;
        uint32_t type;
    };
    void mmap(const std::vector<Entry>& entries, uint32_t entry_size = 24) {
        std::vector<uint8_t> body;
        put(body, entry_size);
        put(body, uint32_t(0));
        for (const Entry& e : entries) {
            size_t start = body.size();
            put(body, e.base);
            put(body, e.length);
            put(body, e.type);
            body.resize(start + entry_size, 0);
        }
        tag(6, body);
    }
    void end() { tag(0, {}); }

    // Finishes the block: total_size covers everything appended so far.
    std::vector<uint64_t> finish() {
        uint32_t total = uint32_t(bytes_.size());
        memcpy(bytes_.data(), &total, 4);
        return storage();
    }
    // The raw bytes, in 8-byte aligned storage as a loader would provide.
    std::vector<uint64_t> storage() const {
        std::vector<uint64_t> words((bytes_.size() + 7) / 8 + 1, 0);
        memcpy(words.data(), bytes_.data(), bytes_.size());
        return words;
    }
    size_t size() const { return bytes_.size(); }

    template <typename T> static void put(std::vector<uint8_t>& v, T value) {
        auto* p = reinterpret_cast<const uint8_t*>(&value);
        v.insert(v.end(), p, p + sizeof value);
    }

private:
    void append32(uint32_t v) { put(bytes_, v); }
    std::vector<uint8_t> bytes_;
};

std::vector<uint8_t> bytes(size_t n, uint8_t fill) { return std::vector<uint8_t>(n, fill); }

uint32_t& total_size_of(std::vector<uint64_t>& block) {
    return *reinterpret_cast<uint32_t*>(block.data());
}

}  // namespace

// ---- Multiboot 1 -----------------------------------------------------------

TEST(Multiboot1, FullInformation) {
    FakeMemory m;
    m.put32(kInfo + 0, (1 << 0) | (1 << 2) | (1 << 3) | (1 << 6) | (1 << 9));
    m.put32(kInfo + 4, 639);
    m.put32(kInfo + 8, 130048);
    m.put_string(kStrings, "console=serial quiet");
    m.put32(kInfo + 16, kStrings);
    m.put_string(kStrings + 0x100, "GRUB 2.06");
    m.put32(kInfo + 64, kStrings + 0x100);

    m.put_string(kStrings + 0x200, "/boot/init.js");
    m.put32(kModules + 0, 0x200000);
    m.put32(kModules + 4, 0x201234);
    m.put32(kModules + 8, kStrings + 0x200);
    m.put32(kModules + 16, 0x300000);
    m.put32(kModules + 20, 0x300010);
    m.put32(kModules + 24, 0);  // no string
    m.put32(kInfo + 20, 2);
    m.put32(kInfo + 24, kModules);

    uint32_t at = kMmap;
    put_mb1_mmap_entry(m, at, 0, 0x9FC00, 1);
    put_mb1_mmap_entry(m, at, 0x9FC00, 0, 2);  // empty: dropped
    put_mb1_mmap_entry(m, at, 0xF0000, 0x10000, 2);
    put_mb1_mmap_entry(m, at, 0x100000, 0x7EE0000, 1, 24);  // a longer entry
    put_mb1_mmap_entry(m, at, 0x7FE0000, 0x20000, 3);
    put_mb1_mmap_entry(m, at, 0xFEC00000, 0x1000, 4);
    put_mb1_mmap_entry(m, at, 0xFED00000, 0x1000, 5);
    put_mb1_mmap_entry(m, at, 0x100000000, 0x40000000, 12);  // unknown type
    m.put32(kInfo + 44, at - kMmap);
    m.put32(kInfo + 48, kMmap);

    BootInfo info;
    ASSERT_TRUE(parse_boot_info(kMultiboot1Magic, m.at(kInfo), m.base(), info));
    EXPECT_EQ(info.protocol, 1);
    EXPECT_STREQ(info.cmdline, "console=serial quiet");
    EXPECT_STREQ(info.loader_name, "GRUB 2.06");
    EXPECT_EQ(info.rsdp, nullptr);
    EXPECT_EQ(info.info_start, kInfo);
    EXPECT_EQ(info.info_end, kInfo + 116u);

    ASSERT_EQ(info.module_count, 2u);
    EXPECT_EQ(info.modules[0].start, 0x200000u);
    EXPECT_EQ(info.modules[0].end, 0x201234u);
    EXPECT_STREQ(info.modules[0].cmdline, "/boot/init.js");
    EXPECT_EQ(info.modules[1].start, 0x300000u);
    EXPECT_STREQ(info.modules[1].cmdline, "");
    EXPECT_EQ(info.modules_dropped, 0u);

    // The memory map wins over mem_lower/mem_upper; order is kept.
    ASSERT_EQ(info.region_count, 7u);
    EXPECT_EQ(info.regions_dropped, 0u);
    EXPECT_EQ(info.regions[0].base, 0u);
    EXPECT_EQ(info.regions[0].length, 0x9FC00u);
    EXPECT_EQ(info.regions[0].type, MemoryType::Available);
    EXPECT_EQ(info.regions[1].base, 0xF0000u);
    EXPECT_EQ(info.regions[1].type, MemoryType::Reserved);
    EXPECT_EQ(info.regions[2].base, 0x100000u);
    EXPECT_EQ(info.regions[2].length, 0x7EE0000u);
    EXPECT_EQ(info.regions[3].type, MemoryType::AcpiReclaimable);
    EXPECT_EQ(info.regions[4].type, MemoryType::AcpiNvs);
    EXPECT_EQ(info.regions[5].type, MemoryType::BadRam);
    EXPECT_EQ(info.regions[6].base, 0x100000000u);
    EXPECT_EQ(info.regions[6].type, MemoryType::Reserved);
}

TEST(Multiboot1, NothingFlagged) {
    FakeMemory m;
    m.put32(kInfo + 16, 0xDEAD);  // ignored without the flag
    BootInfo info;
    ASSERT_TRUE(parse_multiboot1(m.at(kInfo), m.base(), info));
    EXPECT_STREQ(info.cmdline, "");
    EXPECT_STREQ(info.loader_name, "");
    EXPECT_EQ(info.region_count, 0u);
    EXPECT_EQ(info.module_count, 0u);
}

TEST(Multiboot1, BasicMemoryWithoutMap) {
    FakeMemory m;
    m.put32(kInfo + 0, 1 << 0);
    m.put32(kInfo + 4, 640);
    m.put32(kInfo + 8, 0);  // no extended memory: that region is dropped
    BootInfo info;
    ASSERT_TRUE(parse_multiboot1(m.at(kInfo), m.base(), info));
    ASSERT_EQ(info.region_count, 1u);
    EXPECT_EQ(info.regions[0].length, 640u * 1024);

    m.put32(kInfo + 8, 31 * 1024);
    ASSERT_TRUE(parse_multiboot1(m.at(kInfo), m.base(), info));
    ASSERT_EQ(info.region_count, 2u);
    EXPECT_EQ(info.regions[1].base, 0x100000u);
    EXPECT_EQ(info.regions[1].length, 31u * 1024 * 1024);
    EXPECT_EQ(info.regions[1].type, MemoryType::Available);
}

TEST(Multiboot1, MalformedMemoryMap) {
    FakeMemory m;
    m.put32(kInfo + 0, 1 << 6);
    m.put32(kInfo + 48, kMmap);
    BootInfo info;

    uint32_t at = kMmap;
    put_mb1_mmap_entry(m, at, 0, 0x1000, 1, 16);  // size too small for the fields
    m.put32(kInfo + 44, at - kMmap);
    EXPECT_FALSE(parse_multiboot1(m.at(kInfo), m.base(), info));

    at = kMmap;
    put_mb1_mmap_entry(m, at, 0, 0x1000, 1);
    m.put32(kInfo + 44, at - kMmap - 1);  // the entry runs past mmap_length
    EXPECT_FALSE(parse_multiboot1(m.at(kInfo), m.base(), info));

    m.put32(kInfo + 44, at - kMmap + 2);  // stray bytes after the last entry
    EXPECT_FALSE(parse_multiboot1(m.at(kInfo), m.base(), info));

    m.put32(kInfo + 44, at - kMmap);
    EXPECT_TRUE(parse_multiboot1(m.at(kInfo), m.base(), info));
    EXPECT_EQ(info.region_count, 1u);
}

TEST(Multiboot1, TooManyRegionsAndModules) {
    FakeMemory m;
    m.put32(kInfo + 0, (1 << 3) | (1 << 6));
    uint32_t at = kMmap;
    for (int i = 0; i < 70; ++i)
        put_mb1_mmap_entry(m, at, uint64_t(i) << 20, 0x1000, 1);
    m.put32(kInfo + 44, at - kMmap);
    m.put32(kInfo + 48, kMmap);
    m.put32(kInfo + 20, 20);
    m.put32(kInfo + 24, kModules);
    for (uint32_t i = 0; i < 16; ++i) {
        m.put32(kModules + 16 * i, 0x1000 * i);
        m.put32(kModules + 16 * i + 4, 0x1000 * i + 10);
    }

    BootInfo info;
    ASSERT_TRUE(parse_multiboot1(m.at(kInfo), m.base(), info));
    EXPECT_EQ(info.region_count, BootInfo::kMaxRegions);
    EXPECT_EQ(info.regions_dropped, 6u);
    EXPECT_EQ(info.regions[63].base, uint64_t(63) << 20);
    EXPECT_EQ(info.module_count, BootInfo::kMaxModules);
    EXPECT_EQ(info.modules_dropped, 4u);
    EXPECT_EQ(info.modules[15].end, 0xF00Au);
}

TEST(Multiboot, UnknownMagicAndNullInfo) {
    FakeMemory m;
    BootInfo info;
    info.protocol = 7;
    EXPECT_FALSE(parse_boot_info(0x12345678, m.at(kInfo), m.base(), info));
    EXPECT_EQ(info.protocol, 0);
    EXPECT_FALSE(parse_boot_info(kMultiboot1Magic, nullptr, 0, info));
    EXPECT_FALSE(parse_boot_info(kMultiboot2Magic, nullptr, 0, info));
}

// ---- Multiboot 2 -----------------------------------------------------------

TEST(Multiboot2, FullInformation) {
    Mb2Builder b;
    b.string_tag(1, "console=vga");
    b.string_tag(2, "GRUB 2.12");
    b.module(0x400000, 0x400800, "init.js");
    b.module(0x500000, 0x500001, "");
    b.tag(4, { 0x7F, 0x02, 0, 0, 0x00, 0xFC, 0x01, 0 });  // ignored: there is a map
    b.tag(8, bytes(24, 0xAB));                            // framebuffer: skipped
    std::vector<uint8_t> old_rsdp = bytes(20, 1);
    std::vector<uint8_t> new_rsdp = bytes(36, 2);
    b.tag(14, old_rsdp);
    b.tag(15, new_rsdp);
    b.mmap({ { 0, 0x9F000, 1 }, { 0x9F000, 0, 2 }, { 0x100000, 0x3FF00000, 1 },
        { 0x3FFF0000, 0x10000, 3 }, { 0xFFFC0000, 0x40000, 9 } });
    b.end();
    auto block = b.finish();

    auto phys_base = reinterpret_cast<uintptr_t>(block.data()) - 0x10000;  // info at 64 KiB
    BootInfo info;
    ASSERT_TRUE(parse_boot_info(kMultiboot2Magic, block.data(), phys_base, info));
    EXPECT_EQ(info.protocol, 2);
    EXPECT_STREQ(info.cmdline, "console=vga");
    EXPECT_STREQ(info.loader_name, "GRUB 2.12");
    EXPECT_EQ(info.info_start, 0x10000u);
    EXPECT_EQ(info.info_end, 0x10000u + b.size());

    ASSERT_EQ(info.module_count, 2u);
    EXPECT_EQ(info.modules[0].start, 0x400000u);
    EXPECT_EQ(info.modules[0].end, 0x400800u);
    EXPECT_STREQ(info.modules[0].cmdline, "init.js");
    EXPECT_STREQ(info.modules[1].cmdline, "");

    ASSERT_NE(info.rsdp, nullptr);
    EXPECT_EQ(*static_cast<const uint8_t*>(info.rsdp), 2);  // the ACPI 2.0 copy

    ASSERT_EQ(info.region_count, 4u);
    EXPECT_EQ(info.regions[0].length, 0x9F000u);
    EXPECT_EQ(info.regions[1].base, 0x100000u);
    EXPECT_EQ(info.regions[1].type, MemoryType::Available);
    EXPECT_EQ(info.regions[2].type, MemoryType::AcpiReclaimable);
    EXPECT_EQ(info.regions[3].type, MemoryType::Reserved);  // unknown type 9
    EXPECT_EQ(info.regions_dropped, 0u);
}

TEST(Multiboot2, NewRsdpPreferredWhateverTheOrder) {
    Mb2Builder b;
    b.tag(15, bytes(36, 2));
    b.tag(14, bytes(20, 1));
    b.end();
    auto block = b.finish();
    BootInfo info;
    ASSERT_TRUE(parse_multiboot2(block.data(), 0, info));
    ASSERT_NE(info.rsdp, nullptr);
    EXPECT_EQ(*static_cast<const uint8_t*>(info.rsdp), 2);
}

TEST(Multiboot2, OldRsdpAlone) {
    Mb2Builder b;
    b.tag(14, bytes(20, 1));
    b.end();
    auto block = b.finish();
    BootInfo info;
    ASSERT_TRUE(parse_multiboot2(block.data(), 0, info));
    ASSERT_NE(info.rsdp, nullptr);
    EXPECT_EQ(*static_cast<const uint8_t*>(info.rsdp), 1);
    // The pointer is to the copy inside the tag, after its 8-byte header.
    EXPECT_EQ(static_cast<const uint8_t*>(info.rsdp),
        reinterpret_cast<const uint8_t*>(block.data()) + 16);
}

TEST(Multiboot2, BasicMemoryWithoutMap) {
    Mb2Builder b;
    std::vector<uint8_t> body;
    Mb2Builder::put(body, uint32_t(639));
    Mb2Builder::put(body, uint32_t(64512));
    b.tag(4, body);
    b.end();
    auto block = b.finish();
    BootInfo info;
    ASSERT_TRUE(parse_multiboot2(block.data(), 0, info));
    ASSERT_EQ(info.region_count, 2u);
    EXPECT_EQ(info.regions[0].base, 0u);
    EXPECT_EQ(info.regions[0].length, 639u * 1024);
    EXPECT_EQ(info.regions[1].base, 0x100000u);
    EXPECT_EQ(info.regions[1].length, 64512u * 1024);
}

TEST(Multiboot2, MinimalBlock) {
    Mb2Builder b;
    b.end();
    auto block = b.finish();
    BootInfo info;
    ASSERT_TRUE(parse_multiboot2(block.data(), 0, info));
    EXPECT_STREQ(info.cmdline, "");
    EXPECT_STREQ(info.loader_name, "");
    EXPECT_EQ(info.region_count, 0u);
    EXPECT_EQ(info.rsdp, nullptr);
}

TEST(Multiboot2, LargerMmapEntries) {
    Mb2Builder b;
    b.mmap({ { 0x1000, 0x2000, 1 }, { 0x5000, 0x1000, 2 } }, 32);
    b.end();
    auto block = b.finish();
    BootInfo info;
    ASSERT_TRUE(parse_multiboot2(block.data(), 0, info));
    ASSERT_EQ(info.region_count, 2u);
    EXPECT_EQ(info.regions[1].base, 0x5000u);
    EXPECT_EQ(info.regions[1].type, MemoryType::Reserved);
}

TEST(Multiboot2, TooManyRegions) {
    std::vector<Mb2Builder::Entry> entries;
    for (int i = 0; i < 70; ++i)
        entries.push_back({ uint64_t(i) << 20, 0x1000, 1 });
    Mb2Builder b;
    b.mmap(entries);
    b.end();
    auto block = b.finish();
    BootInfo info;
    ASSERT_TRUE(parse_multiboot2(block.data(), 0, info));
    EXPECT_EQ(info.region_count, BootInfo::kMaxRegions);
    EXPECT_EQ(info.regions_dropped, 6u);
}

TEST(Multiboot2, TooManyModules) {
    Mb2Builder b;
    for (uint32_t i = 0; i < 18; ++i)
        b.module(i * 0x1000, i * 0x1000 + 1, "m");
    b.end();
    auto block = b.finish();
    BootInfo info;
    ASSERT_TRUE(parse_multiboot2(block.data(), 0, info));
    EXPECT_EQ(info.module_count, BootInfo::kMaxModules);
    EXPECT_EQ(info.modules_dropped, 2u);
}

TEST(Multiboot2, RejectsTinyTotalSize) {
    Mb2Builder b;
    b.end();
    auto block = b.finish();
    BootInfo info;
    for (uint32_t size : { 0u, 8u, 15u }) {
        total_size_of(block) = size;
        EXPECT_FALSE(parse_multiboot2(block.data(), 0, info)) << size;
    }
}

TEST(Multiboot2, RejectsMissingEndTag) {
    Mb2Builder b;
    b.string_tag(1, "abc");
    auto block = b.finish();
    BootInfo info;
    EXPECT_FALSE(parse_multiboot2(block.data(), 0, info));
}

TEST(Multiboot2, RejectsTagPastTotalSize) {
    Mb2Builder b;
    b.string_tag(1, "console=serial");
    b.end();
    auto block = b.finish();
    BootInfo info;
    ASSERT_TRUE(parse_multiboot2(block.data(), 0, info));
    // Cutting total_size anywhere inside the list truncates some tag.
    uint32_t full = total_size_of(block);
    for (uint32_t size = 16; size < full; ++size) {
        total_size_of(block) = size;
        EXPECT_FALSE(parse_multiboot2(block.data(), 0, info)) << size;
    }
}

TEST(Multiboot2, RejectsBadTagSizes) {
    BootInfo info;
    {
        Mb2Builder b;
        b.tag(1, bytes(8, 'a'));
        b.end();
        auto block = b.finish();
        reinterpret_cast<uint32_t*>(block.data())[3] = 4;  // tag smaller than its header
        EXPECT_FALSE(parse_multiboot2(block.data(), 0, info));
        reinterpret_cast<uint32_t*>(block.data())[3] = 0xFFFFFFF0;  // absurdly large
        EXPECT_FALSE(parse_multiboot2(block.data(), 0, info));
    }
    {
        Mb2Builder b;
        b.tag(1, bytes(8, 'a'));  // cmdline without a terminating NUL
        b.end();
        auto block = b.finish();
        EXPECT_FALSE(parse_multiboot2(block.data(), 0, info));
    }
    {
        Mb2Builder b;
        b.tag(3, bytes(4, 0));  // module tag too short for start and end
        b.end();
        auto block = b.finish();
        EXPECT_FALSE(parse_multiboot2(block.data(), 0, info));
    }
    {
        Mb2Builder b;
        b.mmap({ { 0, 0x1000, 1 } }, 16);  // entries too small for their fields
        b.end();
        auto block = b.finish();
        EXPECT_FALSE(parse_multiboot2(block.data(), 0, info));
    }
    {
        Mb2Builder b;
        b.tag(6, bytes(4, 0));  // mmap tag without entry_size/version
        b.end();
        auto block = b.finish();
        EXPECT_FALSE(parse_multiboot2(block.data(), 0, info));
    }
    {
        Mb2Builder b;
        b.tag(15, bytes(20, 2));  // an "ACPI 2.0" RSDP of ACPI 1.0 size
        b.end();
        auto block = b.finish();
        EXPECT_FALSE(parse_multiboot2(block.data(), 0, info));
    }
    {
        Mb2Builder b;
        b.tag(4, bytes(4, 0));  // basic meminfo without its two fields
        b.end();
        auto block = b.finish();
        EXPECT_FALSE(parse_multiboot2(block.data(), 0, info));
    }
}

TEST(Multiboot2, MmapTailShorterThanAnEntryIsIgnored) {
    Mb2Builder b;
    std::vector<uint8_t> body;
    Mb2Builder::put(body, uint32_t(24));
    Mb2Builder::put(body, uint32_t(0));
    Mb2Builder::put(body, uint64_t(0x1000));
    Mb2Builder::put(body, uint64_t(0x1000));
    Mb2Builder::put(body, uint32_t(1));
    Mb2Builder::put(body, uint32_t(0));
    body.resize(body.size() + 8, 0);  // a partial second entry
    b.tag(6, body);
    b.end();
    auto block = b.finish();
    BootInfo info;
    ASSERT_TRUE(parse_multiboot2(block.data(), 0, info));
    EXPECT_EQ(info.region_count, 1u);
}

TEST(Multiboot, MemoryTypeNames) {
    EXPECT_STREQ(memory_type_name(MemoryType::Available), "available");
    EXPECT_STREQ(memory_type_name(MemoryType::Reserved), "reserved");
    EXPECT_STREQ(memory_type_name(MemoryType::AcpiReclaimable), "ACPI reclaimable");
    EXPECT_STREQ(memory_type_name(MemoryType::AcpiNvs), "ACPI NVS");
    EXPECT_STREQ(memory_type_name(MemoryType::BadRam), "bad RAM");
    EXPECT_STREQ(memory_type_name(static_cast<MemoryType>(77)), "reserved");
}
