// The 8254 Programmable Interval Timer: 1.193182 MHz, three channels.
// Channel 0 drives IRQ 0 (the periodic tick); channel 2, whose output can be
// polled through port 0x61, measures the TSC frequency at boot.
#pragma once

#include <stdint.h>

namespace kernel::pit {

constexpr uint32_t kFrequencyHz = 1193182;

// Channel 2 as a stopwatch for calibrating the TSC: start it counting down
// from 65535 (55 ms), read how far it got later. Boot work runs in between,
// so calibration costs no waiting.
void start_stopwatch();
// Ticks since start_stopwatch(); false once it ran out (after 55 ms).
bool stopwatch_ticks(uint16_t& ticks);

// Channel 0 in rate-generator mode: IRQ 0 fires `hz` times a second.
void start_periodic(uint32_t hz);
uint64_t ticks();  // IRQ 0 interrupts seen since start_periodic

}  // namespace kernel::pit
