// Reports a CPU exception loudly: which one, the error code decoded, all
// registers, CR2 for page faults, and a symbolized backtrace; then ends the
// machine with a failure status. An exception in the kernel is a bug.
#pragma once

#include "kernel/arch/x86_64/interrupts.h"

namespace kernel::fault {

[[noreturn]] void report_exception(const InterruptFrame& frame);

}  // namespace kernel::fault
