// Calendar arithmetic for the RTC and Date: proleptic Gregorian, UTC.
#pragma once

#include <stdint.h>

namespace kernel {

struct DateTime {
    int year;    // e.g. 2026
    int month;   // 1..12
    int day;     // 1..31
    int hour;    // 0..23
    int minute;  // 0..59
    int second;  // 0..59
};

// The RTC's registers as read from CMOS, before decoding.
struct RtcRegisters {
    uint8_t second, minute, hour, day, month, year;
    uint8_t century;   // 0 when the machine has no century register
    uint8_t status_b;  // bit 2: binary (else BCD); bit 1: 24-hour (else 12h, PM in hour bit 7)
};

int64_t days_from_civil(int year, int month, int day);  // days since 1970-01-01
int64_t to_unix_seconds(const DateTime& t);
DateTime from_unix_seconds(int64_t seconds);
uint8_t bcd_to_binary(uint8_t bcd);
// Decodes BCD/binary and 12/24-hour forms; years without a century are 20xx.
DateTime decode_rtc(const RtcRegisters& r);
bool is_valid(const DateTime& t);

}  // namespace kernel
