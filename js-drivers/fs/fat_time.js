// FAT timestamps (the spec §6.3): a date word (bits 15-9 years since 1980,
// 8-5 month, 4-0 day), a time word (15-11 hours, 10-5 minutes, 4-0 seconds
// / 2) and, for creation, a count of 10 ms units (0-199) that refines the
// 2-second time. FAT stores local time and has no time zone; there is none
// on the machine either, so the clock's UTC is stored and read back as UTC.
'use strict';

// {date, time, tenths} of a time in ms since 1970 (clamped to 1980..2107).
function encode(ms) {
    var d = new Date(ms);
    var year = d.getUTCFullYear();
    if (year < 1980)
        return {date: (0 << 9) | (1 << 5) | 1, time: 0, tenths: 0};
    if (year > 2107)
        return {date: (127 << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29, tenths: 199};
    return {
        date: (year - 1980) << 9 | (d.getUTCMonth() + 1) << 5 | d.getUTCDate(),
        time: d.getUTCHours() << 11 | d.getUTCMinutes() << 5 | d.getUTCSeconds() >> 1,
        tenths: (d.getUTCSeconds() & 1) * 100 + Math.floor(d.getUTCMilliseconds() / 10)
    };
}

// ms since 1970 of a date word, a time word and 10 ms units (0 for a zero
// date: "not recorded").
function decode(date, time, tenths) {
    if (date === 0)
        return 0;
    var month = (date >> 5 & 0x0F) || 1, day = (date & 0x1F) || 1;
    return Date.UTC(1980 + (date >> 9), month - 1, day, time >> 11, time >> 5 & 0x3F,
        (time & 0x1F) * 2) + Math.min(tenths || 0, 199) * 10;
}

module.exports = {encode: encode, decode: decode};
