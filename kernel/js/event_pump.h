// The event pump (DESIGN, event model): the one place where the JS thread
// waits. Interrupt handlers queue work in fixed rings and never run
// JavaScript; the pump, running outside interrupt context, lets each event
// source dispatch what is queued (a source may call into JavaScript), then
// sleeps with `hlt` until the next interrupt. The PIT's 1 kHz tick bounds
// every sleep to a millisecond, which is how timeouts are noticed.
//
// Blocking system calls are loops in the JavaScript services around
// native:kernel.waitForEvent(timeoutMs), which is wait() below.
#pragma once

#include <stdint.h>

namespace kernel::js::pump {

// What woke the pump, as a bit set.
enum Wake : int {
    kTimeout = 0,
    kInput = 1,  // console input is queued (console_input::available() > 0)
};

// An event source: `pending` is checked with interrupts disabled and must
// only look at its ring; `dispatch` runs with interrupts enabled and may
// run JavaScript (e.g. JS IRQ handlers, later through the HAL). Either may
// be null.
struct Source {
    bool (*pending)(void* context);
    void (*dispatch)(void* context);
    void* context;
};
// Returns false when the fixed table of sources is full.
bool add_source(const Source& source);

// Dispatches queued events, then returns at once when a condition in
// `wake_on` holds (kInput: console input is available), else sleeps until
// one does or until `timeout_ms` has passed (negative: no limit; 0: just
// poll). Returns the Wake bits that hold (kTimeout = 0 when none).
// wake_on = 0 is a plain sleep that still dispatches events (nanosleep).
int wait(double timeout_ms, int wake_on = kInput);

// Dispatches queued events without waiting.
void poll();

// Makes the current wait (or the next one) return kTimeout right after it
// has dispatched the queued events: JavaScript that an event handler
// deferred (js-drivers/core/timers.js soon(), e.g. a disk driver's
// completion callbacks, which must not run inside the driver's handler)
// then runs at once instead of at the end of the sleep.
void request_wake();

uint64_t sleeps();  // hlt instructions executed by the pump (statistics)

}  // namespace kernel::js::pump
