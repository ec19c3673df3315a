// Kernel time: a monotonic clock from the TSC (calibrated against the PIT
// at boot) and the wall clock from the RTC, read once and then advanced by
// the TSC.
#pragma once

#include <stdint.h>

#include "kernel/lib/datetime.h"

extern "C" uint64_t boot_tsc;  // TSC at kernel entry, stored by boot.S

namespace kernel::clock {

// Calibration runs across early boot: start it first thing, finish it
// when the clock is needed. The RTC is read on first use.
void start_init();
void finish_init();

uint64_t tsc_hz();
// Nanoseconds since kernel entry (the first instruction of boot.S).
uint64_t monotonic_ns();
uint64_t tsc_to_ns(uint64_t tsc_delta);
// Nanoseconds since 1970-01-01 UTC; 0 when the RTC could not be read.
uint64_t realtime_ns();
// The RTC reading (taken on first use of the wall clock).
const DateTime& boot_wall_time();

}  // namespace kernel::clock
