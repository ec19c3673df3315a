#include "kernel/power/exit.h"

#include "kernel/arch/x86_64/cpu.h"
#include "kernel/console/console.h"
#include "kernel/power/acpi.h"

namespace kernel::power {

constexpr uint16_t kDebugExitPort = 0xF4;

void exit(int status) {
    cpu::disable_interrupts();
    cpu::outb(kDebugExitPort, uint8_t(status));
    // Still here: no debug-exit device (real hardware, Bochs, a plain QEMU).
    acpi::power_off();
    console::print("jskernel: exit status %d; no way to power off, halted\n", status);
    cpu::halt_forever();
}

}  // namespace kernel::power
