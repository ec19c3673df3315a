// In-kernel checks of what only the real machine can show: interrupts
// arrive, the heap and frame allocator work on real memory, MMIO mappings
// reach the device. Run with `selftest` on the command line (tests/qemu).
#pragma once

namespace kernel {

// Prints one line per check and a closing "selftest: N passed, N failed";
// returns the number of failures.
int run_self_test();

}  // namespace kernel
