// Ending the machine with a status, so a test run under QEMU reports its
// result as the QEMU process's exit status.
#pragma once

namespace kernel::power {

// Exit statuses the kernel itself uses.
constexpr int kExitSuccess = 0;
constexpr int kExitKernelFault = 70;  // EX_SOFTWARE: a CPU exception or a panic

// QEMU's isa-debug-exit device (port 0xf4) when present: QEMU exits with
// (status << 1) | 1, which tools/jsk maps back to `status`. Otherwise ACPI
// power-off, otherwise halt with interrupts off.
[[noreturn]] void exit(int status);

}  // namespace kernel::power
