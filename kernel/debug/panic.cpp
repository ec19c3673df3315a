#include "kernel/debug/panic.h"

#include <stdarg.h>

#include "kernel/arch/x86_64/cpu.h"
#include "kernel/console/console.h"
#include "kernel/debug/backtrace.h"
#include "kernel/power/exit.h"

namespace kernel {

void panic(const char* fmt, ...) {
    cpu::disable_interrupts();
    static bool panicking;
    if (panicking) {  // panicked while panicking: say so and stop at once
        console::print("\nKERNEL PANIC (nested)\n");
        power::exit(power::kExitKernelFault);
    }
    panicking = true;

    console::print("\nKERNEL PANIC: ");
    va_list args;
    va_start(args, fmt);
    console::vprint(fmt, args);
    va_end(args);
    console::print("\n");
    // Start from our caller: panic() itself is not interesting.
    debug::print_caller_backtrace(cpu::read_rbp());
    power::exit(power::kExitKernelFault);
}

}  // namespace kernel
