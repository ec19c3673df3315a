#include "kernel/lib/cmdline.h"

#include <gtest/gtest.h>

using kernel::cmdline_get;
using kernel::cmdline_has;

TEST(Cmdline, FlagsAndKeys) {
    const char* line = "quiet console=serial  log=debug\tnoapic";
    EXPECT_TRUE(cmdline_has(line, "quiet"));
    EXPECT_TRUE(cmdline_has(line, "console"));
    EXPECT_TRUE(cmdline_has(line, "log"));
    EXPECT_TRUE(cmdline_has(line, "noapic"));
    EXPECT_FALSE(cmdline_has(line, "apic"));    // no substring matches
    EXPECT_FALSE(cmdline_has(line, "consol"));  // prefix of a key
    EXPECT_FALSE(cmdline_has(line, "serial"));  // a value is not a key
    EXPECT_FALSE(cmdline_has(line, ""));
}

TEST(Cmdline, NullAndEmptyLines) {
    char out[8] = "keep";
    EXPECT_FALSE(cmdline_has(nullptr, "x"));
    EXPECT_FALSE(cmdline_has("", "x"));
    EXPECT_FALSE(cmdline_has("   ", "x"));
    EXPECT_FALSE(cmdline_get(nullptr, "x", out, sizeof out));
    EXPECT_FALSE(cmdline_get("", "x", out, sizeof out));
    EXPECT_STREQ(out, "keep");
}

TEST(Cmdline, GetValues) {
    const char* line = "quiet console=serial log=debug";
    char out[32];
    ASSERT_TRUE(cmdline_get(line, "console", out, sizeof out));
    EXPECT_STREQ(out, "serial");
    ASSERT_TRUE(cmdline_get(line, "log", out, sizeof out));
    EXPECT_STREQ(out, "debug");
    EXPECT_FALSE(cmdline_get(line, "quiet", out, sizeof out));  // a flag has no value
    EXPECT_FALSE(cmdline_get(line, "missing", out, sizeof out));
}

TEST(Cmdline, EmptyValue) {
    char out[8] = "x";
    ASSERT_TRUE(cmdline_get("init= quiet", "init", out, sizeof out));
    EXPECT_STREQ(out, "");
    EXPECT_TRUE(cmdline_has("init= quiet", "init"));
}

TEST(Cmdline, QuotedValuesKeepSpaces) {
    const char* line = "title=\"my little kernel\" run=\"a=1\" mixed=pre\"fix x\"post last";
    char out[64];
    ASSERT_TRUE(cmdline_get(line, "title", out, sizeof out));
    EXPECT_STREQ(out, "my little kernel");
    ASSERT_TRUE(cmdline_get(line, "run", out, sizeof out));
    EXPECT_STREQ(out, "a=1");
    ASSERT_TRUE(cmdline_get(line, "mixed", out, sizeof out));
    EXPECT_STREQ(out, "prefix xpost");
    EXPECT_TRUE(cmdline_has(line, "last"));
    EXPECT_FALSE(cmdline_has(line, "little"));  // inside quotes, not a word
}

TEST(Cmdline, UnterminatedQuoteRunsToTheEnd) {
    char out[32];
    ASSERT_TRUE(cmdline_get("a=\"open ended", "a", out, sizeof out));
    EXPECT_STREQ(out, "open ended");
}

TEST(Cmdline, TruncatesToBuffer) {
    char out[4];
    ASSERT_TRUE(cmdline_get("key=abcdefgh", "key", out, sizeof out));
    EXPECT_STREQ(out, "abc");
    char one[1] = { 'x' };
    ASSERT_TRUE(cmdline_get("key=abcdefgh", "key", one, sizeof one));
    EXPECT_EQ(one[0], '\0');
    EXPECT_TRUE(cmdline_get("key=abc", "key", nullptr, 0));
}

TEST(Cmdline, LastValueWins) {
    char out[16];
    ASSERT_TRUE(cmdline_get("log=info quiet log=trace log", "log", out, sizeof out));
    EXPECT_STREQ(out, "trace");
}
