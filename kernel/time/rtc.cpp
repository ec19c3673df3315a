#include "kernel/time/rtc.h"

#include "kernel/arch/x86_64/cpu.h"

namespace kernel::rtc {
namespace {

constexpr uint16_t kIndex = 0x70, kData = 0x71;
constexpr uint8_t kNmiDisable = 0x80;  // keep NMIs off while we select registers
constexpr uint8_t kStatusA = 0x0A, kStatusB = 0x0B;
constexpr uint8_t kUpdateInProgress = 0x80;

uint8_t read_register(uint8_t index) {
    cpu::outb(kIndex, kNmiDisable | index);
    return cpu::inb(kData);
}

RtcRegisters read_all(uint8_t century_register) {
    RtcRegisters r {};
    r.second = read_register(0x00);
    r.minute = read_register(0x02);
    r.hour = read_register(0x04);
    r.day = read_register(0x07);
    r.month = read_register(0x08);
    r.year = read_register(0x09);
    r.century = century_register ? read_register(century_register) : 0;
    r.status_b = read_register(kStatusB);
    return r;
}

bool same(const RtcRegisters& a, const RtcRegisters& b) {
    return a.second == b.second && a.minute == b.minute && a.hour == b.hour && a.day == b.day
        && a.month == b.month && a.year == b.year && a.century == b.century;
}

}  // namespace

bool read(uint8_t century_register, DateTime& out) {
    // The clock updates once a second; a read during the update can mix two
    // seconds. Read until two consecutive reads, both outside an update, agree.
    RtcRegisters previous {};
    for (int attempt = 0; attempt < 16; attempt++) {
        while (read_register(kStatusA) & kUpdateInProgress) { }
        RtcRegisters current = read_all(century_register);
        if (attempt > 0 && same(previous, current)) {
            out = decode_rtc(current);
            return is_valid(out);
        }
        previous = current;
    }
    return false;
}

}  // namespace kernel::rtc
