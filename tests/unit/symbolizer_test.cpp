#include "kernel/lib/symbolizer.h"

#include <cstring>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <string>
#include <vector>

using kernel::Symbolizer;

namespace {

struct Symbol {
    uint64_t address;
    uint32_t size;
    std::string name;
};

template <typename T> void put(std::vector<uint8_t>& out, T value) {
    auto* p = reinterpret_cast<const uint8_t*>(&value);
    out.insert(out.end(), p, p + sizeof value);
}

// Lays out a table the way tools/mksyms.py does (see symbolizer.h).
std::vector<uint8_t> build_table(const std::vector<Symbol>& symbols) {
    std::vector<uint8_t> table = { 'K', 'S', 'Y', 'M' };
    put(table, uint32_t(symbols.size()));
    std::string names;
    for (const Symbol& s : symbols) {
        put(table, s.address);
        put(table, s.size);
        put(table, uint32_t(names.size()));
        names += s.name;
        names += '\0';
    }
    table.insert(table.end(), names.begin(), names.end());
    return table;
}

const std::vector<Symbol> kSymbols = {
    { 0x1000, 0x20, "first" },
    { 0x1020, 0x10, "second(int)" },
    { 0x1040, 0, "unsized" },  // bounded by the next symbol
    { 0x1100, 0x80, "kernel::Heap::allocate(unsigned long)" },
    { 0x2000, 0, "unsized_last" },
};

// Offsets of the fields of entry `i` inside a table.
size_t entry_field(size_t i, size_t field_offset) { return 8 + 16 * i + field_offset; }

std::string lookup_text(const Symbolizer& s, uint64_t address) {
    const char* name = nullptr;
    uint64_t offset = 0;
    if (!s.lookup(address, name, offset))
        return "?";
    return std::string(name) + "+" + std::to_string(offset);
}

}  // namespace

TEST(Symbolizer, LooksUpContainingFunction) {
    auto table = build_table(kSymbols);
    Symbolizer s;
    ASSERT_TRUE(s.init(table.data(), table.size()));
    EXPECT_EQ(s.count(), 5u);

    EXPECT_EQ(lookup_text(s, 0x0FFF), "?");  // below everything
    EXPECT_EQ(lookup_text(s, 0x1000), "first+0");
    EXPECT_EQ(lookup_text(s, 0x101F), "first+31");
    EXPECT_EQ(lookup_text(s, 0x1020), "second(int)+0");
    EXPECT_EQ(lookup_text(s, 0x102F), "second(int)+15");
    EXPECT_EQ(lookup_text(s, 0x1030), "?");  // the gap after second()
    EXPECT_EQ(lookup_text(s, 0x1040), "unsized+0");
    EXPECT_EQ(lookup_text(s, 0x10FF), "unsized+191");
    EXPECT_EQ(lookup_text(s, 0x1100), "kernel::Heap::allocate(unsigned long)+0");
    EXPECT_EQ(lookup_text(s, 0x117F), "kernel::Heap::allocate(unsigned long)+127");
    EXPECT_EQ(lookup_text(s, 0x1180), "?");
    EXPECT_EQ(lookup_text(s, 0x2000), "?");  // unsized and last: unbounded
    EXPECT_EQ(lookup_text(s, UINT64_MAX), "?");
}

TEST(Symbolizer, ManySymbolsMatchALinearScan) {
    std::vector<Symbol> symbols;
    for (uint64_t i = 0; i < 1000; ++i)
        symbols.push_back(
            { 0x100000 + i * 0x40, uint32_t(i % 3 == 0 ? 0 : 0x30), "f" + std::to_string(i) });
    auto table = build_table(symbols);
    Symbolizer s;
    ASSERT_TRUE(s.init(table.data(), table.size()));
    for (uint64_t address = 0xFFFF0; address < 0x100000 + 1000 * 0x40 + 0x10; address += 7) {
        std::string expected = "?";
        for (size_t i = 0; i < symbols.size(); ++i) {
            const Symbol& sym = symbols[i];
            if (address < sym.address)
                break;
            uint64_t offset = address - sym.address;
            bool bounded = sym.size ? offset < sym.size
                                    : i + 1 < symbols.size() && address < symbols[i + 1].address;
            expected = bounded ? sym.name + "+" + std::to_string(offset) : "?";
        }
        ASSERT_EQ(lookup_text(s, address), expected) << std::hex << address;
    }
}

TEST(Symbolizer, WorksOnAnUnalignedTable) {
    auto table = build_table(kSymbols);
    std::vector<uint8_t> shifted(table.size() + 3);
    memcpy(shifted.data() + 3, table.data(), table.size());
    Symbolizer s;
    ASSERT_TRUE(s.init(shifted.data() + 3, table.size()));
    EXPECT_EQ(lookup_text(s, 0x1021), "second(int)+1");
}

TEST(Symbolizer, EmptyTableIsValidButFindsNothing) {
    auto table = build_table({});
    Symbolizer s;
    EXPECT_TRUE(s.init(table.data(), table.size()));
    EXPECT_EQ(s.count(), 0u);
    EXPECT_EQ(lookup_text(s, 0x1000), "?");
}

TEST(Symbolizer, UninitializedFindsNothing) {
    Symbolizer s;
    EXPECT_EQ(s.count(), 0u);
    EXPECT_EQ(lookup_text(s, 0), "?");
}

TEST(Symbolizer, RejectsMalformedTables) {
    const auto good = build_table(kSymbols);
    auto rejected = [](const std::vector<uint8_t>& table, size_t length) {
        Symbolizer s;
        // A good table first, so a failed init must also forget it.
        auto valid = build_table(kSymbols);
        EXPECT_TRUE(s.init(valid.data(), valid.size()));
        if (s.init(table.data(), length))
            return false;
        EXPECT_EQ(s.count(), 0u);
        EXPECT_EQ(lookup_text(s, 0x1000), "?");
        return true;
    };

    Symbolizer s;
    EXPECT_FALSE(s.init(nullptr, 100));
    EXPECT_TRUE(rejected(good, 7));  // shorter than the header

    auto bad_magic = good;
    bad_magic[0] = 'k';
    EXPECT_TRUE(rejected(bad_magic, bad_magic.size()));

    // More entries than fit in the length (also a huge count that would
    // overflow a careless size computation).
    uint32_t one_too_many = uint32_t((good.size() - 8) / 16 + 1);
    for (uint32_t count : { one_too_many, 0x10000000u, 0xFFFFFFFFu }) {
        auto too_many = good;
        memcpy(&too_many[4], &count, 4);
        EXPECT_TRUE(rejected(too_many, too_many.size())) << count;
    }
    // Entries present but the names cut off, or no names at all.
    EXPECT_TRUE(rejected(good, good.size() - 1));
    EXPECT_TRUE(rejected(good, 8 + 16 * kSymbols.size()));

    auto bad_offset = good;
    uint32_t past_end = uint32_t(good.size());  // beyond names[]
    memcpy(&bad_offset[entry_field(2, 12)], &past_end, 4);
    EXPECT_TRUE(rejected(bad_offset, bad_offset.size()));

    auto unterminated = good;
    unterminated.back() = 'x';
    EXPECT_TRUE(rejected(unterminated, unterminated.size()));

    auto unsorted = good;
    uint64_t early = 0x500;
    memcpy(&unsorted[entry_field(3, 0)], &early, 8);
    EXPECT_TRUE(rejected(unsorted, unsorted.size()));

    auto duplicate = good;
    uint64_t same = 0x1020;
    memcpy(&duplicate[entry_field(2, 0)], &same, 8);
    EXPECT_TRUE(rejected(duplicate, duplicate.size()));

    EXPECT_FALSE(rejected(good, good.size()));  // and the good one passes
}

// The table tools/mksyms.py built from tests/unit/data/nm_sample.txt at
// build time, read with the kernel's own reader.
TEST(Symbolizer, ReadsTableFromMksyms) {
    std::ifstream file(NM_SAMPLE_BLOB, std::ios::binary);
    ASSERT_TRUE(file) << "missing " << NM_SAMPLE_BLOB;
    std::vector<uint8_t> table(
        (std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    Symbolizer s;
    ASSERT_TRUE(s.init(table.data(), table.size()));
    EXPECT_EQ(s.count(), 8u);  // functions only, one per address

    EXPECT_EQ(lookup_text(s, 0x100000), "_start+0");
    EXPECT_EQ(lookup_text(s, 0x10003F), "_start+63");
    EXPECT_EQ(lookup_text(s, 0x100041), "boot_alias+1");  // the first sized alias
    EXPECT_EQ(lookup_text(s, 0x100060), "?");
    EXPECT_EQ(lookup_text(s, 0x101010), "kernel_main+16");
    EXPECT_EQ(lookup_text(s, 0x1010C8),
        "void kernel::RingBuffer<kernel::KeyEvent, 256ul>::push(kernel::KeyEvent const&)+8");
    EXPECT_EQ(lookup_text(s, 0x1011C0),
        "(anonymous namespace)::emit_number(Output&, Spec const&, unsigned long, unsigned int, "
        "bool, char const*)+0");
    EXPECT_EQ(lookup_text(s, 0x10121F), "operator new(unsigned long)+31");
    EXPECT_EQ(lookup_text(s, 0x102000), "?");  // boot_stack is data, not kept
    EXPECT_EQ(lookup_text(s, 0x104000), "?");  // unsized and last
}
