#include "kernel/debug/deliberate_faults.h"

#include <stdint.h>

#include "kernel/console/console.h"
#include "kernel/debug/panic.h"

namespace kernel {

[[gnu::noinline]] void deliberate_page_fault() {
    volatile uint64_t* null = nullptr;
    *null = 0xDEAD;  // page 0 is never mapped
}

[[gnu::noinline]] void deliberate_invalid_opcode() { asm volatile("ud2"); }

[[gnu::noinline]] void deliberate_general_protection() {
    // A non-canonical address (bits 63..47 not all equal) is a #GP, not a #PF.
    volatile uint64_t* non_canonical = reinterpret_cast<volatile uint64_t*>(0x8000000000000000ull);
    *non_canonical = 1;
}

[[gnu::noinline]] void deliberate_divide_error() {
    volatile uint64_t divisor = 0;
    uint64_t quotient;
    asm volatile("xor %%edx, %%edx\n"
                 "div %1"
                 : "=a"(quotient)
                 : "r"(uint64_t(divisor)), "a"(uint64_t(1))
                 : "rdx");
    (void)quotient;
}

[[gnu::noinline]] void deliberate_panic() { panic("deliberate panic"); }

#pragma GCC diagnostic ignored "-Winfinite-recursion"  // that is the point

namespace {
// Not a tail call and not foldable: each level keeps a live buffer.
[[gnu::noinline]] uint64_t recurse(uint64_t depth) {
    volatile char buffer[256];
    buffer[0] = char(depth);
    return recurse(depth + 1) + buffer[0];
}
}  // namespace

[[gnu::noinline]] void deliberate_stack_overflow() {
    volatile uint64_t sink = recurse(0);
    (void)sink;
}

void run_deliberate_fault(const char* kind) {
    struct Kind {
        const char* name;
        void (*trigger)();
    };
    static const Kind kinds[] = {
        { "pagefault", deliberate_page_fault },
        { "ud", deliberate_invalid_opcode },
        { "gp", deliberate_general_protection },
        { "divide", deliberate_divide_error },
        { "panic", deliberate_panic },
        { "stackoverflow", deliberate_stack_overflow },
    };
    for (const Kind& k : kinds)
        if (__builtin_strcmp(k.name, kind) == 0)
            k.trigger();
    console::print("fault=%s: unknown kind; known kinds:", kind);
    for (const Kind& k : kinds)
        console::print(" %s", k.name);
    console::print("\n");
}

}  // namespace kernel
