#include "kernel/time/clock.h"

#include "kernel/arch/x86_64/cpu.h"
#include "kernel/arch/x86_64/pit.h"
#include "kernel/power/acpi.h"
#include "kernel/time/rtc.h"

namespace kernel::clock {
namespace {

// At least 2 ms of PIT ticks: reading the PIT costs a few microseconds
// under emulation, so this keeps the error near 0.1%.
constexpr uint16_t kMinimumCalibrationTicks = pit::kFrequencyHz / 500;

uint64_t calibration_start_tsc;
uint64_t tsc_frequency;
bool wall_clock_read;
uint64_t realtime_at_boot_ns;  // wall clock at kernel entry
DateTime wall_time_at_boot;

}  // namespace

void start_init() {
    pit::start_stopwatch();
    calibration_start_tsc = cpu::rdtsc();
}

void finish_init() {
    uint16_t ticks = 0;
    uint64_t end_tsc;
    bool running;
    do {  // normally boot has already taken longer than the minimum
        running = pit::stopwatch_ticks(ticks);
        end_tsc = cpu::rdtsc();
    } while (running && ticks < kMinimumCalibrationTicks);
    if (!running) {  // more than 55 ms went by: measure again, waiting this time
        start_init();
        do {
            running = pit::stopwatch_ticks(ticks);
            end_tsc = cpu::rdtsc();
        } while (running && ticks < kMinimumCalibrationTicks);
    }
    tsc_frequency = (end_tsc - calibration_start_tsc) * pit::kFrequencyHz / ticks;
}

namespace {

// The RTC is read on first use rather than at boot: it needs ACPI (for the
// century register), and boot should do only what being ready requires.
void ensure_wall_clock() {
    if (wall_clock_read)
        return;
    wall_clock_read = true;
    if (rtc::read(acpi::century_register(), wall_time_at_boot)) {
        uint64_t rtc_read_tsc = cpu::rdtsc();
        uint64_t now_ns = uint64_t(to_unix_seconds(wall_time_at_boot)) * 1000000000ull;
        realtime_at_boot_ns = now_ns - tsc_to_ns(rtc_read_tsc - boot_tsc);
    }
}

}  // namespace

uint64_t tsc_hz() { return tsc_frequency; }

uint64_t tsc_to_ns(uint64_t delta) {
    // Split to avoid overflowing 64 bits: whole seconds, then the remainder.
    uint64_t seconds = delta / tsc_frequency;
    uint64_t remainder = delta % tsc_frequency;
    return seconds * 1000000000ull + remainder * 1000000000ull / tsc_frequency;
}

uint64_t monotonic_ns() { return tsc_to_ns(cpu::rdtsc() - boot_tsc); }

uint64_t realtime_ns() {
    ensure_wall_clock();
    return realtime_at_boot_ns ? realtime_at_boot_ns + monotonic_ns() : 0;
}

const DateTime& boot_wall_time() {
    ensure_wall_clock();
    return wall_time_at_boot;
}

}  // namespace kernel::clock
