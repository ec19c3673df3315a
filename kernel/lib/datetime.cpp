// Calendar arithmetic without tables of years: the idea (after Howard
// Hinnant's chrono date algorithms) is to start the year on March 1st.
// Then the leap day is the very last day of the year, every month before
// it has a fixed length, and the Gregorian cycle repeats exactly every 400
// years (146097 days). A date becomes: whole 400-year eras, plus years in
// the era, plus the day in a March-based year.
#include "kernel/lib/datetime.h"

namespace kernel {

namespace {

constexpr int64_t kDaysPerEra = 146097;     // 400 years: 97 of them leap
constexpr int64_t kDaysPerCentury = 36524;  // 100 years: 24 leap (not the century year)
constexpr int64_t kDaysPerOlympiad = 1461;  // 4 years: 1 leap
constexpr int64_t kDaysPerYear = 365;
constexpr int64_t kSecondsPerDay = 86400;
// Days from 0000-03-01, the start of era 0, to 1970-01-01.
constexpr int64_t kUnixEpochDay = 719468;

// Days before each month in a year that starts in March (index 0 = March).
constexpr int kDaysBeforeMonth[12] = { 0, 31, 61, 92, 122, 153, 184, 214, 245, 275, 306, 337 };

// Division rounding towards minus infinity, for dates before the epoch.
int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool is_leap(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int64_t year, int month) {
    constexpr int kLengths[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return month == 2 && is_leap(year) ? 29 : kLengths[month - 1];
}

}  // namespace

int64_t days_from_civil(int year, int month, int day) {
    // January and February belong to the previous March-based year.
    int64_t y = month <= 2 ? (int64_t)year - 1 : year;
    int march_month = month >= 3 ? month - 3 : month + 9;
    int64_t era = floor_div(y, 400);
    int64_t year_of_era = y - era * 400;  // 0..399
    int64_t day_of_year = kDaysBeforeMonth[march_month] + day - 1;
    int64_t day_of_era
        = year_of_era * kDaysPerYear + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * kDaysPerEra + day_of_era - kUnixEpochDay;
}

int64_t to_unix_seconds(const DateTime& t) {
    return days_from_civil(t.year, t.month, t.day) * kSecondsPerDay + t.hour * 3600 + t.minute * 60
        + t.second;
}

DateTime from_unix_seconds(int64_t seconds) {
    int64_t days = floor_div(seconds, kSecondsPerDay);
    int64_t second_of_day = seconds - days * kSecondsPerDay;

    int64_t shifted = days + kUnixEpochDay;
    int64_t era = floor_div(shifted, kDaysPerEra);
    int64_t day = shifted - era * kDaysPerEra;  // 0..146096

    // Peel off centuries, four-year groups and years. The last one of each
    // may be a day longer than the others (the era's final century and a
    // group's final year end with a leap day), hence the clamps to 3.
    int64_t centuries = day / kDaysPerCentury;
    if (centuries > 3)
        centuries = 3;
    day -= centuries * kDaysPerCentury;
    int64_t olympiads = day / kDaysPerOlympiad;
    day -= olympiads * kDaysPerOlympiad;
    int64_t years = day / kDaysPerYear;
    if (years > 3)
        years = 3;
    day -= years * kDaysPerYear;  // now the day of the March-based year, 0..365

    int march_month = 11;
    while (kDaysBeforeMonth[march_month] > day)
        --march_month;
    int month = march_month < 10 ? march_month + 3 : march_month - 9;
    int64_t year = era * 400 + centuries * 100 + olympiads * 4 + years + (month <= 2 ? 1 : 0);

    DateTime t;
    t.year = (int)year;
    t.month = month;
    t.day = (int)(day - kDaysBeforeMonth[march_month]) + 1;
    t.hour = (int)(second_of_day / 3600);
    t.minute = (int)(second_of_day / 60 % 60);
    t.second = (int)(second_of_day % 60);
    return t;
}

uint8_t bcd_to_binary(uint8_t bcd) { return (uint8_t)((bcd >> 4) * 10 + (bcd & 0x0F)); }

DateTime decode_rtc(const RtcRegisters& r) {
    bool binary = r.status_b & 0x04;
    bool twenty_four_hour = r.status_b & 0x02;
    auto decode = [binary](uint8_t value) -> int { return binary ? value : bcd_to_binary(value); };

    DateTime t;
    t.second = decode(r.second);
    t.minute = decode(r.minute);
    t.day = decode(r.day);
    t.month = decode(r.month);
    // The PM flag is bit 7 in both encodings; strip it before decoding.
    t.hour = decode(r.hour & 0x7F);
    if (!twenty_four_hour) {
        bool pm = r.hour & 0x80;
        if (t.hour == 12)
            t.hour = 0;  // 12 AM is midnight, 12 PM is noon
        if (pm)
            t.hour += 12;
    }
    int century = r.century ? decode(r.century) : 20;
    t.year = century * 100 + decode(r.year);
    return t;
}

bool is_valid(const DateTime& t) {
    // Four-digit years: what the RTC can hold and ISO 8601 prints plainly.
    if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12)
        return false;
    return t.day >= 1 && t.day <= days_in_month(t.year, t.month) && t.hour >= 0 && t.hour <= 23
        && t.minute >= 0 && t.minute <= 59 && t.second >= 0 && t.second <= 59;
}

}  // namespace kernel
