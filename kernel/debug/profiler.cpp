#include "kernel/debug/profiler.h"

#include "engine/js_profiler.h"

#include "kernel/arch/x86_64/pit.h"
#include "kernel/console/console.h"
#include "kernel/debug/backtrace.h"
#include "kernel/lib/symbolizer.h"
#include "kernel/mm/kernel_heap.h"
#include "kernel/time/clock.h"

extern "C" char boot_stack_bottom[], boot_stack_top[];

namespace kernel::profiler {
namespace {

// One sample: the interrupted instruction, then up to kDepth - 1 return
// addresses. 8192 samples are 8 s at 1 kHz; later samples are counted
// as lost, not recorded.
constexpr int kDepth = 32;
constexpr uint32_t kMaxSamples = 8192;

struct Sample {
    uint64_t pc[kDepth];
};

Sample* samples;
uint32_t sample_count;
uint32_t lost_count;
uint32_t idle_count;
uint64_t started_ns;
uint32_t rate_hz;
bool active;
bool report_when_idle;

bool on_stack(uint64_t address) {
    return address >= uint64_t(boot_stack_bottom) && address + 16 <= uint64_t(boot_stack_top)
        && (address & 7) == 0;
}

// The interrupted code was `hlt`: the CPU was idle, not busy.
bool was_halted(uint64_t rip) { return *reinterpret_cast<const uint8_t*>(rip - 1) == 0xF4; }

// Per-function counts for the report, keyed by the symbol's name pointer
// (one per function in the symbol table).
struct Tally {
    const char* name;
    uint32_t self;
    uint32_t total;
};
constexpr int kMaxFunctions = 1024;

Tally* find(Tally* table, int& count, const char* name, int capacity = kMaxFunctions) {
    for (int i = 0; i < count; i++)
        if (table[i].name == name)
            return &table[i];
    if (count == capacity)
        return nullptr;
    table[count] = Tally { name, 0, 0 };
    return &table[count++];
}

void print_table(const char* title, Tally* table, int count, bool by_self, int top) {
    console::print("profile: %s\n", title);
    // Selection of the top entries, one pass per line: n is small.
    for (int line = 0; line < top && line < count; line++) {
        int best = line;
        for (int i = line + 1; i < count; i++) {
            uint32_t a = by_self ? table[i].self : table[i].total;
            uint32_t b = by_self ? table[best].self : table[best].total;
            if (a > b)
                best = i;
        }
        Tally t = table[best];
        table[best] = table[line];
        table[line] = t;
        uint32_t n = by_self ? t.self : t.total;
        if (n == 0)
            break;
        uint32_t permille = n * 1000 / (sample_count - idle_count);
        console::print("profile: %6u %3u.%u%%  %s\n", n, permille / 10, permille % 10, t.name);
    }
}

// For the `functions` busiest functions (table[0..functions), sorted by
// self): which functions their samples were called from, the most
// frequent first. A hot leaf (a memmove, a lookup) says little until one
// knows who calls it so often.
void print_callers(Tally* table, int count, int functions) {
    const Symbolizer& symbols = debug::symbols();
    constexpr int kCallers = 64, kShown = 4;
    for (int line = 0; line < functions && line < count && table[line].self > 0; line++) {
        Tally callers[kCallers];
        int caller_count = 0;
        for (uint32_t i = 0; i < sample_count; i++) {
            const Sample& s = samples[i];
            const char* name;
            uint64_t offset;
            if (was_halted(s.pc[0]) || !symbols.lookup(s.pc[0], name, offset)
                || name != table[line].name)
                continue;
            if (!s.pc[1] || !symbols.lookup(s.pc[1] - 1, name, offset))
                name = "?";
            Tally* t = find(callers, caller_count, name, kCallers);
            if (t)
                t->self++;
        }
        console::print("profile: %s, called from:", table[line].name);
        for (int shown = 0; shown < kShown && shown < caller_count; shown++) {
            int best = shown;
            for (int i = shown + 1; i < caller_count; i++)
                if (callers[i].self > callers[best].self)
                    best = i;
            Tally t = callers[best];
            callers[best] = callers[shown];
            callers[shown] = t;
            console::print("%s %s (%u)", shown ? "," : "", t.name, t.self);
        }
        console::print("\n");
    }
}

}  // namespace

bool start(uint32_t hz) {
    if (hz < 100 || hz > 50000)
        return false;
    if (!samples)
        samples = static_cast<Sample*>(memory::heap().allocate(sizeof(Sample) * kMaxSamples));
    if (!samples)
        return false;
    sample_count = lost_count = idle_count = 0;
    started_ns = clock::monotonic_ns();
    rate_hz = hz;
    pit::start_periodic(hz);
    active = true;
    engine::js_profiler::start();
    return true;
}

bool running() { return active; }

void sample(const InterruptFrame& frame) {
    if (!active)
        return;
    if (sample_count == kMaxSamples) {
        lost_count++;
        return;
    }
    Sample& s = samples[sample_count++];
    s.pc[0] = frame.rip;
    if (was_halted(frame.rip)) {
        idle_count++;
        s.pc[1] = 0;
        return;
    }
    engine::js_profiler::request_sample();  // taken at the next bytecode instruction
    // The frame-pointer chain of the interrupted code: [rbp] the caller's
    // rbp, [rbp + 8] the return address. Code without frame pointers (musl)
    // may leave rbp pointing anywhere, so every step is checked to stay on
    // the kernel stack and go up.
    uint64_t rbp = frame.rbp;
    int depth = 1;
    while (depth < kDepth && on_stack(rbp)) {
        const uint64_t* words = reinterpret_cast<const uint64_t*>(rbp);
        s.pc[depth++] = words[1];
        if (words[0] <= rbp)
            break;
        rbp = words[0];
    }
    if (depth < kDepth)
        s.pc[depth] = 0;
}

void report(int top) {
    if (active)
        pit::start_periodic(kDefaultHz);  // the kernel's usual tick
    active = false;
    report_when_idle = false;
    engine::js_profiler::stop();
    uint64_t ms = (clock::monotonic_ns() - started_ns) / 1000000;
    static Tally table[kMaxFunctions];
    int count = 0;
    uint32_t unknown = 0;
    const Symbolizer& symbols = debug::symbols();
    for (uint32_t i = 0; i < sample_count; i++) {
        const Sample& s = samples[i];
        if (was_halted(s.pc[0]))
            continue;
        // A function counts once per sample in "total", however many times
        // it appears in the chain (recursion).
        const char* seen[kDepth];
        int seen_count = 0;
        for (int d = 0; d < kDepth && s.pc[d]; d++) {
            const char* name;
            uint64_t offset;
            // Return addresses point after the call: look up the call itself.
            if (!symbols.lookup(d == 0 ? s.pc[d] : s.pc[d] - 1, name, offset)) {
                if (d == 0)
                    unknown++;
                continue;
            }
            Tally* t = find(table, count, name);
            if (!t)
                continue;
            if (d == 0)
                t->self++;
            bool counted = false;
            for (int k = 0; k < seen_count; k++)
                counted = counted || seen[k] == name;
            if (!counted) {
                t->total++;
                seen[seen_count++] = name;
            }
        }
    }
    console::print("profile: %u samples in %lu ms (%u per second): %u busy, %u idle, %u lost, "
                   "%u outside known functions\n",
        sample_count, ms, rate_hz, sample_count - idle_count, idle_count, lost_count, unknown);
    if (sample_count == idle_count)
        return;
    print_table("self (samples, % of busy, function)", table, count, true, top);
    print_callers(table, count, 10);
    print_table("total, with callees (samples, % of busy, function)", table, count, false, top);
    engine::js_profiler::report(top, [](const char* text) { console::print("%s\n", text); });
}

void report_at_first_idle(bool on) { report_when_idle = on; }

void on_idle() {
    if (!report_when_idle)
        return;
    report_when_idle = false;
    report();
}

}  // namespace kernel::profiler
