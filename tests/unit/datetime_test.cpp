#include "kernel/lib/datetime.h"

#include <ctime>
#include <gtest/gtest.h>

using namespace kernel;

namespace {

DateTime at(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) {
    return { year, month, day, hour, minute, second };
}

void expect_same(const DateTime& a, const DateTime& b) {
    EXPECT_EQ(a.year, b.year);
    EXPECT_EQ(a.month, b.month);
    EXPECT_EQ(a.day, b.day);
    EXPECT_EQ(a.hour, b.hour);
    EXPECT_EQ(a.minute, b.minute);
    EXPECT_EQ(a.second, b.second);
}

}  // namespace

TEST(DateTime, KnownDays) {
    EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
    EXPECT_EQ(days_from_civil(1970, 1, 2), 1);
    EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
    EXPECT_EQ(days_from_civil(2000, 1, 1), 10957);
    EXPECT_EQ(days_from_civil(2000, 2, 29), 11016);
    EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
    EXPECT_EQ(days_from_civil(1900, 3, 1) - days_from_civil(1900, 2, 28), 1);  // 1900 not leap
    EXPECT_EQ(days_from_civil(2100, 3, 1) - days_from_civil(2100, 2, 28), 1);
    EXPECT_EQ(days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 28), 2);
    EXPECT_EQ(days_from_civil(1, 1, 1), -719162);
    EXPECT_EQ(days_from_civil(0, 3, 1), -719468);
}

TEST(DateTime, KnownSeconds) {
    EXPECT_EQ(to_unix_seconds(at(1970, 1, 1)), 0);
    EXPECT_EQ(to_unix_seconds(at(2038, 1, 19, 3, 14, 8)), int64_t(1) << 31);
    EXPECT_EQ(to_unix_seconds(at(2000, 2, 29, 12, 0, 0)), 951825600);
    EXPECT_EQ(to_unix_seconds(at(1969, 12, 31, 23, 59, 59)), -1);
    EXPECT_EQ(to_unix_seconds(at(2106, 2, 7, 6, 28, 16)), int64_t(1) << 32);

    expect_same(from_unix_seconds(0), at(1970, 1, 1));
    expect_same(from_unix_seconds(int64_t(1) << 31), at(2038, 1, 19, 3, 14, 8));
    expect_same(from_unix_seconds(951825600), at(2000, 2, 29, 12));
    expect_same(from_unix_seconds(-1), at(1969, 12, 31, 23, 59, 59));
    expect_same(from_unix_seconds(-86400), at(1969, 12, 31));
    expect_same(from_unix_seconds(253402300799), at(9999, 12, 31, 23, 59, 59));
}

TEST(DateTime, RoundTripsEveryDayOverCenturies) {
    // Day by day across 1600..2400: every leap rule, both directions.
    int64_t first = days_from_civil(1600, 1, 1);
    int64_t last = days_from_civil(2400, 12, 31);
    DateTime previous = from_unix_seconds(first * 86400 - 86400);
    for (int64_t day = first; day <= last; ++day) {
        DateTime t = from_unix_seconds(day * 86400);
        ASSERT_TRUE(is_valid(t)) << day;
        ASSERT_EQ(days_from_civil(t.year, t.month, t.day), day);
        // Consecutive days: either the next day of the month, or the 1st.
        bool next_day
            = t.year == previous.year && t.month == previous.month && t.day == previous.day + 1;
        bool next_month = t.day == 1
            && ((t.year == previous.year && t.month == previous.month + 1)
                || (t.year == previous.year + 1 && t.month == 1 && previous.month == 12));
        ASSERT_TRUE(next_day || next_month) << t.year << "-" << t.month << "-" << t.day;
        previous = t;
    }
}

TEST(DateTime, AgreesWithTheHostLibrary) {
    // Every 9999.7 hours or so from 1902 to 2100, against gmtime_r.
    for (int64_t s = -2000000000; s < 4102444800; s += 35999003) {
        time_t host_time = s;
        tm host {};
        ASSERT_NE(gmtime_r(&host_time, &host), nullptr);
        DateTime t = from_unix_seconds(s);
        ASSERT_EQ(t.year, host.tm_year + 1900) << s;
        ASSERT_EQ(t.month, host.tm_mon + 1) << s;
        ASSERT_EQ(t.day, host.tm_mday) << s;
        ASSERT_EQ(t.hour, host.tm_hour) << s;
        ASSERT_EQ(t.minute, host.tm_min) << s;
        ASSERT_EQ(t.second, host.tm_sec) << s;
        ASSERT_EQ(to_unix_seconds(t), s);
    }
}

TEST(DateTime, Validity) {
    EXPECT_TRUE(is_valid(at(2026, 1, 31, 23, 59, 59)));
    EXPECT_TRUE(is_valid(at(2024, 2, 29)));
    EXPECT_TRUE(is_valid(at(2000, 2, 29)));
    EXPECT_FALSE(is_valid(at(2023, 2, 29)));
    EXPECT_FALSE(is_valid(at(1900, 2, 29)));
    EXPECT_FALSE(is_valid(at(2026, 4, 31)));
    EXPECT_TRUE(is_valid(at(2026, 12, 31)));
    EXPECT_FALSE(is_valid(at(2026, 13, 1)));
    EXPECT_FALSE(is_valid(at(2026, 0, 1)));
    EXPECT_FALSE(is_valid(at(2026, 1, 0)));
    EXPECT_FALSE(is_valid(at(2026, 1, 32)));
    EXPECT_FALSE(is_valid(at(2026, 1, 1, 24)));
    EXPECT_FALSE(is_valid(at(2026, 1, 1, -1)));
    EXPECT_FALSE(is_valid(at(2026, 1, 1, 0, 60)));
    EXPECT_FALSE(is_valid(at(2026, 1, 1, 0, 0, 60)));
    EXPECT_FALSE(is_valid(at(0, 1, 1)));
    EXPECT_FALSE(is_valid(at(10000, 1, 1)));
}

TEST(DateTime, Bcd) {
    EXPECT_EQ(bcd_to_binary(0x00), 0);
    EXPECT_EQ(bcd_to_binary(0x09), 9);
    EXPECT_EQ(bcd_to_binary(0x10), 10);
    EXPECT_EQ(bcd_to_binary(0x59), 59);
    EXPECT_EQ(bcd_to_binary(0x99), 99);
}

TEST(DateTime, DecodeRtcBcd24Hour) {
    RtcRegisters r {};
    r.second = 0x45;
    r.minute = 0x30;
    r.hour = 0x23;
    r.day = 0x31;
    r.month = 0x12;
    r.year = 0x26;
    r.century = 0;
    r.status_b = 0x02;  // BCD, 24-hour
    expect_same(decode_rtc(r), at(2026, 12, 31, 23, 30, 45));

    r.century = 0x19;
    r.year = 0x99;
    expect_same(decode_rtc(r), at(1999, 12, 31, 23, 30, 45));
}

TEST(DateTime, DecodeRtcBinary) {
    RtcRegisters r {};
    r.second = 7;
    r.minute = 59;
    r.hour = 13;
    r.day = 29;
    r.month = 2;
    r.year = 24;
    r.century = 20;
    r.status_b = 0x06;  // binary, 24-hour
    expect_same(decode_rtc(r), at(2024, 2, 29, 13, 59, 7));
    r.century = 0;  // no century register: 20xx
    expect_same(decode_rtc(r), at(2024, 2, 29, 13, 59, 7));
}

TEST(DateTime, DecodeRtc12Hour) {
    RtcRegisters r {};
    r.day = 0x01;
    r.month = 0x01;
    r.year = 0x25;
    r.status_b = 0x00;  // BCD, 12-hour

    struct Case {
        uint8_t raw;
        int hour;
    } bcd_cases[] = {
        { 0x12, 0 },          // 12 AM: midnight
        { 0x01, 1 },          // 1 AM
        { 0x11, 11 },         // 11 AM
        { 0x80 | 0x12, 12 },  // 12 PM: noon
        { 0x80 | 0x01, 13 },  // 1 PM
        { 0x80 | 0x11, 23 },  // 11 PM
    };
    for (const Case& c : bcd_cases) {
        r.hour = c.raw;
        EXPECT_EQ(decode_rtc(r).hour, c.hour) << std::hex << int(c.raw);
    }

    r.status_b = 0x04;  // binary, 12-hour
    r.day = 1;
    r.month = 1;
    r.year = 25;
    Case binary_cases[] = { { 12, 0 }, { 0x80 | 12, 12 }, { 0x80 | 10, 22 }, { 9, 9 } };
    for (const Case& c : binary_cases) {
        r.hour = c.raw;
        EXPECT_EQ(decode_rtc(r).hour, c.hour) << std::hex << int(c.raw);
    }
    EXPECT_EQ(decode_rtc(r).year, 2025);
}
