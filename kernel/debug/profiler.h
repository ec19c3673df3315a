// A sampling profiler: where does the CPU's time go?
//
// While the profiler runs, the PIT interrupts `hz` times a second (1000 by
// default, up to 50000) and each interrupt records the interrupted instruction and the return
// addresses of its callers (the frame-pointer chain). The report names the
// functions with the most samples, by their own code ("self") and with what
// they call ("total"). Idle time (the CPU halted, waiting for an interrupt)
// is counted apart.
//
// `profile` (or `profile=HZ`) on the kernel command line profiles boot, from
// the moment the timer runs until the machine first goes idle, and prints
// the report then. From JavaScript: native:kernel's profileStart([hz]) and
// profileReport([top]). Under `-icount shift=0` (one instruction per
// nanosecond of guest time) the samples count instructions, the same in
// every run: `tools/jsk run --kernel --cmdline profile=20000
// --qemu=-icount --qemu=shift=0`.
#pragma once

#include <stdint.h>

#include "kernel/arch/x86_64/interrupts.h"

namespace kernel::profiler {

// Starts (or restarts) sampling at `hz` (the timer runs that fast until the
// report); false when there is no memory for samples or hz is out of range.
constexpr uint32_t kDefaultHz = 1000;
bool start(uint32_t hz = kDefaultHz);
bool running();

// Called from the timer interrupt with the interrupted context.
void sample(const InterruptFrame& frame);

// Stops sampling and prints the report (at most `top` lines per table).
void report(int top = 25);

// Boot profiling (`profile` on the command line): report on first idle.
void report_at_first_idle(bool on);
void on_idle();

}  // namespace kernel::profiler
