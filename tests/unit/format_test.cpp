#include "kernel/lib/format.h"

#include <cstring>
#include <gtest/gtest.h>
#include <stdint.h>
#include <string>

using kernel::format_to;

namespace {

// Formats with a generous buffer and checks the returned length matches.
template <typename... Args> std::string fmt(const char* format, Args... args) {
    char buffer[256];
    size_t length = format_to(buffer, sizeof buffer, format, args...);
    EXPECT_EQ(length, strlen(buffer)) << "format: " << format;
    return buffer;
}

}  // namespace

#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

TEST(Format, PlainText) {
    EXPECT_EQ(fmt("hello"), "hello");
    EXPECT_EQ(fmt(""), "");
    EXPECT_EQ(fmt("100%%"), "100%");
}

TEST(Format, SignedIntegers) {
    EXPECT_EQ(fmt("%d", 0), "0");
    EXPECT_EQ(fmt("%d", -42), "-42");
    EXPECT_EQ(fmt("%i", 2147483647), "2147483647");
    EXPECT_EQ(fmt("%d", INT32_MIN), "-2147483648");
    EXPECT_EQ(fmt("%ld", INT64_MAX), "9223372036854775807");
    EXPECT_EQ(fmt("%lld", (long long)INT64_MIN), "-9223372036854775808");
    EXPECT_EQ(fmt("%jd", (intmax_t)-1), "-1");
    EXPECT_EQ(fmt("%zd", (ptrdiff_t)-5), "-5");
    EXPECT_EQ(fmt("%td", (ptrdiff_t)-6), "-6");
    EXPECT_EQ(fmt("%+d %+d", 5, -5), "+5 -5");
    EXPECT_EQ(fmt("% d", 5), " 5");
}

TEST(Format, LengthModifiersTruncate) {
    EXPECT_EQ(fmt("%hhd", 0x1FF), "-1");
    EXPECT_EQ(fmt("%hhu", 0x1FF), "255");
    EXPECT_EQ(fmt("%hd", 0x18000), "-32768");
    EXPECT_EQ(fmt("%hu", 0x18000), "32768");
    EXPECT_EQ(fmt("%u", 0xFFFFFFFFu), "4294967295");
}

TEST(Format, UnsignedBases) {
    EXPECT_EQ(fmt("%x", 0xBEEFu), "beef");
    EXPECT_EQ(fmt("%X", 0xBEEFu), "BEEF");
    EXPECT_EQ(fmt("%o", 8u), "10");
    EXPECT_EQ(fmt("%lx", 0xFEDCBA9876543210ul), "fedcba9876543210");
    EXPECT_EQ(fmt("%llu", 18446744073709551615ull), "18446744073709551615");
    EXPECT_EQ(fmt("%zu", (size_t)123456789012ull), "123456789012");
    EXPECT_EQ(fmt("%llo", ~0ull), "1777777777777777777777");
}

TEST(Format, AlternateForms) {
    EXPECT_EQ(fmt("%#x", 255u), "0xff");
    EXPECT_EQ(fmt("%#X", 255u), "0XFF");
    EXPECT_EQ(fmt("%#x", 0u), "0");
    EXPECT_EQ(fmt("%#o", 8u), "010");
    EXPECT_EQ(fmt("%#o", 0u), "0");
    EXPECT_EQ(fmt("%#.3o", 8u), "010");
    EXPECT_EQ(fmt("%#10x", 255u), "      0xff");
    EXPECT_EQ(fmt("%#010x", 255u), "0x000000ff");
}

TEST(Format, WidthAndFlags) {
    EXPECT_EQ(fmt("[%5d]", 42), "[   42]");
    EXPECT_EQ(fmt("[%-5d]", 42), "[42   ]");
    EXPECT_EQ(fmt("[%05d]", 42), "[00042]");
    EXPECT_EQ(fmt("[%05d]", -42), "[-0042]");
    EXPECT_EQ(fmt("[%+05d]", 42), "[+0042]");
    EXPECT_EQ(fmt("[%-05d]", 42), "[42   ]");  // '-' beats '0'
    EXPECT_EQ(fmt("[%2d]", 12345), "[12345]");
    EXPECT_EQ(fmt("[%*d]", 4, 7), "[   7]");
    EXPECT_EQ(fmt("[%*d]", -4, 7), "[7   ]");
}

TEST(Format, Precision) {
    EXPECT_EQ(fmt("[%.3d]", 7), "[007]");
    EXPECT_EQ(fmt("[%6.3d]", -7), "[  -007]");
    EXPECT_EQ(fmt("[%06.3d]", 7), "[   007]");  // precision disables '0'
    EXPECT_EQ(fmt("[%.0d]", 0), "[]");
    EXPECT_EQ(fmt("[%3.0d]", 0), "[   ]");
    EXPECT_EQ(fmt("[%.*d]", 4, 5), "[0005]");
    EXPECT_EQ(fmt("[%.*d]", -1, 5), "[5]");
    EXPECT_EQ(fmt("[%.8x]", 0xABCu), "[00000abc]");
}

TEST(Format, Pointers) {
    EXPECT_EQ(fmt("%p", (void*)0x1234), "0x0000000000001234");
    EXPECT_EQ(fmt("%p", (void*)nullptr), "0x0000000000000000");
    EXPECT_EQ(fmt("%p", (void*)0xFFFF800000000000ull), "0xffff800000000000");
    EXPECT_EQ(fmt("[%20p]", (void*)0x1), "[  0x0000000000000001]");
    EXPECT_EQ(fmt("[%-20p]", (void*)0x1), "[0x0000000000000001  ]");
}

TEST(Format, Strings) {
    EXPECT_EQ(fmt("%s", "abc"), "abc");
    EXPECT_EQ(fmt("%s", (const char*)nullptr), "(null)");
    EXPECT_EQ(fmt("[%6s]", "abc"), "[   abc]");
    EXPECT_EQ(fmt("[%-6s]", "abc"), "[abc   ]");
    EXPECT_EQ(fmt("[%.2s]", "abc"), "[ab]");
    EXPECT_EQ(fmt("[%.*s]", 1, "abc"), "[a]");
    EXPECT_EQ(fmt("[%5.1s]", "abc"), "[    a]");
    // Precision means the bytes past it are never read: no terminator needed.
    const char unterminated[3] = { 'x', 'y', 'z' };
    EXPECT_EQ(fmt("[%.3s]", unterminated), "[xyz]");
}

TEST(Format, Characters) {
    EXPECT_EQ(fmt("%c%c", 'o', 'k'), "ok");
    EXPECT_EQ(fmt("[%3c]", 'x'), "[  x]");
    EXPECT_EQ(fmt("[%-3c]", 'x'), "[x  ]");
}

TEST(Format, UnknownAndTruncatedSpecsAreShown) {
    EXPECT_EQ(fmt("%q"), "%q");
    EXPECT_EQ(fmt("50%"), "50%");
    EXPECT_EQ(fmt("%-5"), "%-5");
}

TEST(Format, MixedArguments) {
    EXPECT_EQ(fmt("%s=%d (%#x) at %p%c", "irq", 14, 14u, (void*)0xB8000, '!'),
        "irq=14 (0xe) at 0x00000000000b8000!");
    EXPECT_EQ(fmt("%d %lld %d", 1, 1ll << 40, 3), "1 1099511627776 3");
}

TEST(Format, TruncatesLikeSnprintf) {
    char buffer[8];
    memset(buffer, 'X', sizeof buffer);
    EXPECT_EQ(format_to(buffer, sizeof buffer, "%s", "0123456789"), 10u);
    EXPECT_STREQ(buffer, "0123456");

    memset(buffer, 'X', sizeof buffer);
    EXPECT_EQ(format_to(buffer, 1, "abc"), 3u);
    EXPECT_EQ(buffer[0], '\0');
    EXPECT_EQ(buffer[1], 'X');

    // Size 0: nothing is written, not even the terminator.
    memset(buffer, 'X', sizeof buffer);
    EXPECT_EQ(format_to(buffer, 0, "abc"), 3u);
    EXPECT_EQ(buffer[0], 'X');
    EXPECT_EQ(format_to(nullptr, 0, "%d", 12345), 5u);
}

TEST(Format, SinkSeesEveryCharacter) {
    std::string collected;
    auto sink = [](char c, void* context) { static_cast<std::string*>(context)->push_back(c); };
    auto call = [&](const char* format, ...) {
        va_list args;
        va_start(args, format);
        size_t n = kernel::vformat(sink, &collected, format, args);
        va_end(args);
        return n;
    };
    EXPECT_EQ(call("%s-%05d", "id", 42), 8u);
    EXPECT_EQ(collected, "id-00042");
}
