// The cpio "newc" reader (kernel/lib/cpio.cpp), on archives built here
// byte by byte and on one written by tools/mkinitrd.py at build time.
#include "kernel/lib/cpio.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <string>
#include <vector>

using kernel::CpioArchive;

namespace {

constexpr uint32_t kFile = 0100644;
constexpr uint32_t kDir = 0040755;

struct Builder {
    std::string bytes;
    uint32_t ino = 1;

    void pad() {
        while (bytes.size() % 4)
            bytes += '\0';
    }
    Builder& add(const std::string& name, const std::string& data, uint32_t mode = kFile,
        const char* magic = "070701") {
        char header[111];
        std::snprintf(header, sizeof(header),
            "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", magic, ino++, mode, 0, 0, 1,
            0, unsigned(data.size()), 0, 0, 0, 0, unsigned(name.size() + 1), 0);
        bytes += std::string(header, 110);
        bytes += name;
        bytes += '\0';
        pad();
        bytes += data;
        pad();
        return *this;
    }
    Builder& dir(const std::string& name) { return add(name, "", kDir); }
    Builder& trailer() { return add("TRAILER!!!", "", 0); }
};

std::string contents(const CpioArchive::Entry& e) {
    return std::string(reinterpret_cast<const char*>(e.data), e.size);
}

TEST(Cpio, ReadsFilesAndDirectories) {
    Builder b;
    b.dir("stdlib").dir("stdlib/node").add("stdlib/node/util.js", "exports.x = 1;\n");
    b.add("app/hello.js", "console.log('hi')").add("app/empty", "").trailer();
    CpioArchive a;
    ASSERT_TRUE(a.open(b.bytes.data(), b.bytes.size()));
    EXPECT_EQ(a.entry_count(), 5u);
    EXPECT_EQ(a.size(), b.bytes.size());

    CpioArchive::Entry e;
    ASSERT_TRUE(a.find_file("/stdlib/node/util.js", e));
    EXPECT_EQ(contents(e), "exports.x = 1;\n");
    EXPECT_EQ(
        reinterpret_cast<uintptr_t>(e.data) % 4, reinterpret_cast<uintptr_t>(b.bytes.data()) % 4);
    ASSERT_TRUE(a.find_file("stdlib/node/util.js", e));
    ASSERT_TRUE(a.find_file("app/hello.js", e));
    EXPECT_EQ(contents(e), "console.log('hi')");
    ASSERT_TRUE(a.find_file("/app/empty", e));
    EXPECT_EQ(e.size, 0u);

    EXPECT_FALSE(a.find_file("/stdlib/node", e));  // a directory, not a file
    ASSERT_TRUE(a.find("/stdlib/node", e));
    EXPECT_TRUE(e.is_directory());
    EXPECT_FALSE(a.find_file("/stdlib/node/util", e));
    EXPECT_FALSE(a.find_file("/stdlib/node/util.js.bak", e));
    EXPECT_FALSE(a.find_file("/std", e));

    EXPECT_TRUE(a.is_directory("/"));
    EXPECT_TRUE(a.is_directory(""));
    EXPECT_TRUE(a.is_directory("/stdlib"));  // explicit entry
    EXPECT_TRUE(a.is_directory("/stdlib/node/"));
    EXPECT_TRUE(a.is_directory("/app"));  // implied by app/hello.js
    EXPECT_FALSE(a.is_directory("/ap"));  // a prefix, but not of a component
    EXPECT_FALSE(a.is_directory("/app/hello.js"));
    EXPECT_FALSE(a.is_directory("/stdlib/node/util.js"));
    EXPECT_FALSE(a.is_directory("/nothing"));
}

// for_each_child, collected as "name:f" (file), "name:d" (directory
// entry) or "name:-" (implied), in the order visited.
std::string children(const CpioArchive& a, const char* path) {
    std::string out;
    a.for_each_child(path, [](void* context, const char* name, size_t length,
                               const CpioArchive::Entry* e) {
        std::string& s = *static_cast<std::string*>(context);
        s += (s.empty() ? "" : " ") + std::string(name, length) + ":";
        s += e == nullptr ? "-" : e->is_directory() ? "d" : "f";
    }, &out);
    return out;
}

TEST(Cpio, ListsTheChildrenOfADirectory) {
    Builder b;
    b.dir("stdlib").dir("stdlib/node").add("stdlib/node/util.js", "x");
    b.add("./app/hello.js", "y").add("app/sub/deep.js", "z").add("apple", "").trailer();
    CpioArchive a;
    ASSERT_TRUE(a.open(b.bytes.data(), b.bytes.size()));
    EXPECT_EQ(children(a, "/"), "stdlib:d stdlib:- stdlib:- app:- app:- apple:f");
    EXPECT_EQ(children(a, "/stdlib"), "node:d node:-");
    EXPECT_EQ(children(a, "/stdlib/node/"), "util.js:f");
    EXPECT_EQ(children(a, "app"), "hello.js:f sub:-");
    EXPECT_EQ(children(a, "/app/hello.js"), "");
    EXPECT_EQ(children(a, "/nothing"), "");
}

TEST(Cpio, IteratesInOrderWithoutTheTrailer) {
    Builder b;
    b.add("a", "1").add("b", "22").dir("c").trailer();
    CpioArchive a;
    ASSERT_TRUE(a.open(b.bytes.data(), b.bytes.size()));
    std::vector<std::string> names;
    size_t cursor = 0;
    CpioArchive::Entry e;
    while (a.next(cursor, e))
        names.push_back(e.name);
    EXPECT_EQ(names, (std::vector<std::string> { "a", "b", "c" }));
}

TEST(Cpio, DotSlashNamesAndTrailingPadding) {
    // GNU cpio run as `find . | cpio -o -H newc` stores "./x" and "." and
    // pads the archive to 512-byte blocks.
    Builder b;
    b.dir(".").add("./js-drivers/core/init.js", "init").trailer();
    b.bytes.append(512 - b.bytes.size() % 512, '\0');
    CpioArchive a;
    ASSERT_TRUE(a.open(b.bytes.data(), b.bytes.size()));
    CpioArchive::Entry e;
    ASSERT_TRUE(a.find_file("/js-drivers/core/init.js", e));
    EXPECT_EQ(contents(e), "init");
    EXPECT_TRUE(a.is_directory("/js-drivers"));
    EXPECT_TRUE(a.is_directory("/js-drivers/core"));
}

TEST(Cpio, LastEntryWithANameWins) {
    Builder b;
    b.add("x.js", "old").add("x.js", "new").trailer();
    CpioArchive a;
    ASSERT_TRUE(a.open(b.bytes.data(), b.bytes.size()));
    CpioArchive::Entry e;
    ASSERT_TRUE(a.find_file("/x.js", e));
    EXPECT_EQ(contents(e), "new");
}

TEST(Cpio, AcceptsTheChecksumVariant) {
    Builder b;
    b.add("a", "1", kFile, "070702").add("TRAILER!!!", "", 0, "070702");
    CpioArchive a;
    EXPECT_TRUE(a.open(b.bytes.data(), b.bytes.size()));
}

CpioArchive::Error open_error(const std::string& bytes, size_t* offset = nullptr) {
    CpioArchive a;
    EXPECT_FALSE(a.open(bytes.data(), bytes.size()));
    if (offset)
        *offset = a.error_offset();
    // A rejected archive answers nothing.
    CpioArchive::Entry e;
    EXPECT_FALSE(a.find("a", e));
    EXPECT_FALSE(a.is_directory("/"));
    size_t cursor = 0;
    EXPECT_FALSE(a.next(cursor, e));
    return a.error();
}

// Header fields are read through a table of hex digit values: every byte
// value, in the namesize field, is either a digit of either case or a
// BadHeader. Fields the reader does not use are not read at all.
TEST(Cpio, EveryByteOfAFieldIsADigitOrAnError) {
    Builder good;
    good.add("a", "hello").trailer();
    for (int c = 0; c < 256; c++) {
        std::string bytes = good.bytes;
        bytes[6 + 8 * 11] = char(c);  // namesize's first digit (of "00000002")
        CpioArchive a;
        a.open(bytes.data(), bytes.size());
        bool digit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (digit)  // a valid number, though a wrong name size for this archive
            EXPECT_NE(a.error(), CpioArchive::Error::BadHeader) << "byte " << c;
        else
            EXPECT_EQ(a.error(), CpioArchive::Error::BadHeader) << "byte " << c;
    }
    std::string unused = good.bytes;
    for (int i = 0; i < 8; i++)
        unused[6 + 8 * 2 + i] = 'z';  // uid
    CpioArchive tolerant;
    EXPECT_TRUE(tolerant.open(unused.data(), unused.size()));
    // Lower-case digits read as upper-case ones do: a size of 0xab bytes.
    std::string lower = Builder().add("a", std::string(0xab, 'x')).trailer().bytes;
    for (char& ch : lower)
        if (&ch < &lower[110] && ch >= 'A' && ch <= 'F')
            ch = char(ch - 'A' + 'a');
    CpioArchive a;
    ASSERT_TRUE(a.open(lower.data(), lower.size()));
    CpioArchive::Entry e;
    ASSERT_TRUE(a.find_file("a", e));
    EXPECT_EQ(e.size, 0xabu);
}

TEST(Cpio, RejectsMalformedArchives) {
    using E = CpioArchive::Error;
    EXPECT_EQ(open_error(""), E::Empty);

    Builder good;
    good.add("a", "hello").trailer();

    std::string old_format = good.bytes;
    old_format[5] = '7';  // 070707: the old portable format
    EXPECT_EQ(open_error(old_format), E::BadMagic);
    EXPECT_EQ(open_error(std::string(200, '\0')), E::BadMagic);

    std::string bad_hex = good.bytes;
    bad_hex[6 + 8 * 6 + 3] = 'g';  // inside filesize
    EXPECT_EQ(open_error(bad_hex), E::BadHeader);

    size_t offset = 0;
    Builder second_bad;
    second_bad.add("a", "hello").add("b", "x").trailer();
    size_t second = 112 + 8;  // header + "a\0" padded, then "hello" padded
    ASSERT_EQ(second_bad.bytes.substr(second, 6), "070701");
    second_bad.bytes[second + 2] = 'X';
    EXPECT_EQ(open_error(second_bad.bytes, &offset), E::BadMagic);
    EXPECT_EQ(offset, second);

    EXPECT_EQ(open_error(good.bytes.substr(0, 50)), E::Truncated);   // inside a header
    EXPECT_EQ(open_error(good.bytes.substr(0, 111)), E::Truncated);  // inside the name
    EXPECT_EQ(open_error(good.bytes.substr(0, 115)), E::Truncated);  // inside the data

    Builder no_trailer;
    no_trailer.add("a", "hello");
    EXPECT_EQ(open_error(no_trailer.bytes, &offset), E::NoTrailer);
    EXPECT_EQ(offset, no_trailer.bytes.size());

    std::string zero_name = good.bytes;
    std::memcpy(&zero_name[6 + 8 * 11], "00000000", 8);  // namesize 0
    EXPECT_EQ(open_error(zero_name), E::BadName);

    std::string unterminated = good.bytes;
    unterminated[110 + 1] = 'x';  // the name's NUL
    EXPECT_EQ(open_error(unterminated), E::BadName);

    std::string huge = good.bytes;
    std::memcpy(&huge[6 + 8 * 6], "FFFFFFFF", 8);  // filesize far past the end
    EXPECT_EQ(open_error(huge), E::Truncated);
}

TEST(Cpio, ErrorTexts) {
    EXPECT_STREQ(CpioArchive::error_text(CpioArchive::Error::NoTrailer), "no TRAILER!!! entry");
    EXPECT_STRNE(CpioArchive::error_text(CpioArchive::Error::BadMagic), "");
}

TEST(Cpio, ReadsWhatMkinitrdWrites) {
    std::ifstream in(MKINITRD_SAMPLE, std::ios::binary);
    ASSERT_TRUE(in) << MKINITRD_SAMPLE;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.size() % 512, 0u);
    CpioArchive a;
    ASSERT_TRUE(a.open(bytes.data(), bytes.size())) << CpioArchive::error_text(a.error());
    CpioArchive::Entry e;
    ASSERT_TRUE(a.find_file("/stdlib/sys/index.js", e));
    EXPECT_GT(e.size, 0u);
    EXPECT_TRUE(a.find("/stdlib", e) && e.is_directory());
    EXPECT_TRUE(a.is_directory("/stdlib/node"));
    // The app and its extra file.
    ASSERT_TRUE(a.find_file("/app/nm_sample.txt", e));
    EXPECT_GT(e.size, 0u);
    // The app is this file: its bytes come back exactly.
    ASSERT_TRUE(a.find_file("/app/cpio_test.cpp", e));
    std::ifstream source(
        std::string(PROJECT_SOURCE_DIR) + "/tests/unit/cpio_test.cpp", std::ios::binary);
    std::string expected(
        (std::istreambuf_iterator<char>(source)), std::istreambuf_iterator<char>());
    EXPECT_EQ(contents(e), expected);
    EXPECT_TRUE(a.is_directory("/app"));
}

// The index (binary search over sorted names) answers every lookup exactly
// as the walk over the archive does.
void expect_index_agrees(const std::string& bytes, const std::vector<std::string>& queries) {
    CpioArchive walked, indexed;
    ASSERT_TRUE(walked.open(bytes.data(), bytes.size()));
    ASSERT_TRUE(indexed.open(bytes.data(), bytes.size()));
    std::vector<CpioArchive::IndexSlot> slots(indexed.entry_count());
    EXPECT_FALSE(indexed.index(slots.data(), slots.size() - 1));  // too few slots
    ASSERT_TRUE(indexed.index(slots.data(), slots.size()));
    EXPECT_TRUE(indexed.indexed());
    for (const std::string& q : queries) {
        CpioArchive::Entry a {}, b {};
        bool found_a = walked.find(q.c_str(), a), found_b = indexed.find(q.c_str(), b);
        EXPECT_EQ(found_a, found_b) << q;
        if (found_a && found_b) {
            EXPECT_EQ(a.data, b.data) << q;
            EXPECT_EQ(a.mode, b.mode) << q;
        }
        EXPECT_EQ(walked.find_file(q.c_str(), a), indexed.find_file(q.c_str(), b)) << q;
        EXPECT_EQ(walked.is_directory(q.c_str()), indexed.is_directory(q.c_str())) << q;
    }
}

TEST(Cpio, IndexAnswersLikeTheWalk) {
    Builder b;
    b.dir("stdlib").dir("./stdlib/node").add("stdlib/node/util.js", "one");
    b.add("stdlib/node/util.js", "two").add("stdlib/node-extra/x.js", "x");
    b.add("./app/hello.js", "hi").add("app/empty", "").dir("lonely/").add("a", "1");
    b.add("stdlib/node/util.json", "{}").add("b/c/d/e.js", "deep").trailer();
    expect_index_agrees(b.bytes,
        { "/", "", "stdlib", "/stdlib/", "stdlib/node", "stdlib/node/util.js", "stdlib/node/util",
            "stdlib/node/util.json", "stdlib/node-extra", "stdlib/nod", "./app/hello.js",
            "app", "app/empty", "lonely", "lonely/", "a", "b", "b/c", "b/c/d", "b/c/d/e.js",
            "b/c/d/e.js/", "c", "zzz", "stdlib/node/util.js/x" });
}

TEST(Cpio, IndexOfWhatMkinitrdWrites) {
    std::ifstream in(MKINITRD_SAMPLE, std::ios::binary);
    ASSERT_TRUE(in) << MKINITRD_SAMPLE;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CpioArchive a;
    ASSERT_TRUE(a.open(bytes.data(), bytes.size()));
    std::vector<std::string> queries { "/app", "/stdlib/x", "/stdlib/node/nothing.js" };
    size_t cursor = 0;
    CpioArchive::Entry e;
    while (a.next(cursor, e)) {
        std::string name = e.name;
        queries.push_back(name);
        queries.push_back(name + ".js");
        queries.push_back(name.substr(0, name.size() / 2));
    }
    expect_index_agrees(bytes, queries);
}

}  // namespace
