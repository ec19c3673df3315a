#include "kernel/js/event_pump.h"

#include "kernel/arch/x86_64/cpu.h"
#include "kernel/console/input.h"
#include "kernel/debug/profiler.h"
#include "kernel/mm/paging.h"
#include "kernel/time/clock.h"

namespace kernel::js::pump {
namespace {

constexpr int kMaxSources = 16;
Source sources[kMaxSources];
int source_count;
uint64_t sleep_count;
volatile bool wake_requested;

// QEMU's TCG keeps a software TLB per CPU and resizes it only when the
// guest flushes it: it doubles when more than 70% of the entries filled
// since the last flush, and shrinks when under 30% were. This kernel maps
// everything once and never switches address spaces, so without these
// flushes the TLB stays at its initial 256 entries (1 MiB), too few for
// Duktape's heap: during an http benchmark, refilling it took about 4% of
// QEMU's time. A flush every 50 ms of the pump's turns lets it grow (and
// costs nothing measurable on hardware). docs/architecture.md.
constexpr uint64_t kTlbFlushIntervalNs = 50'000'000;
uint64_t last_tlb_flush_ns;

void flush_tlb_now_and_then(uint64_t now_ns) {
    if (now_ns - last_tlb_flush_ns >= kTlbFlushIntervalNs) {
        last_tlb_flush_ns = now_ns;
        paging::flush_all();
    }
}

// Interrupts disabled: is anything queued that would make the pump return
// or dispatch?
bool anything_pending(int wake_on) {
    if ((wake_on & kInput) && console_input::available() > 0)
        return true;
    for (int i = 0; i < source_count; i++)
        if (sources[i].pending && sources[i].pending(sources[i].context))
            return true;
    return false;
}

int ready_bits(int wake_on) {
    return (wake_on & kInput) && console_input::available() > 0 ? kInput : kTimeout;
}

}  // namespace

bool add_source(const Source& source) {
    if (source_count == kMaxSources)
        return false;
    sources[source_count++] = source;
    return true;
}

void poll() {
    for (int i = 0; i < source_count; i++) {
        const Source& s = sources[i];
        if (s.dispatch && (!s.pending || s.pending(s.context)))
            s.dispatch(s.context);
    }
}

int wait(double timeout_ms, int wake_on) {
    uint64_t deadline = 0;
    bool forever = timeout_ms < 0;
    uint64_t now = clock::monotonic_ns();
    flush_tlb_now_and_then(now);
    if (!forever) {
        // Clamp far-away deadlines (and NaN) rather than overflow.
        double ns = timeout_ms > 1e15 ? 1e21 : timeout_ms * 1e6;
        deadline = ns >= double(UINT64_MAX - now) ? UINT64_MAX : now + uint64_t(ns > 0 ? ns : 0);
    }
    for (;;) {
        poll();
        int bits = ready_bits(wake_on);
        if (bits != kTimeout)
            return bits;
        if (wake_requested) {
            wake_requested = false;
            return kTimeout;
        }
        if (!forever && clock::monotonic_ns() >= deadline)
            return kTimeout;
        // Check and sleep with interrupts off, so a wake-up that lands
        // between the check and the hlt is not lost: `sti; hlt` opens the
        // window only once the CPU is halted.
        cpu::disable_interrupts();
        if (anything_pending(wake_on)) {
            cpu::enable_interrupts();
            continue;
        }
        profiler::on_idle();  // `profile`: boot ends when the machine first idles
        sleep_count++;
        cpu::enable_interrupts_and_halt();
    }
}

void request_wake() { wake_requested = true; }

uint64_t sleeps() { return sleep_count; }

}  // namespace kernel::js::pump
