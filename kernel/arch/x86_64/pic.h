// The two cascaded 8259A Programmable Interrupt Controllers.
//
// We use the PIC rather than the IOAPIC because it works the same on QEMU's
// q35 and pc machines and on Bochs, and the firmware has already routed PCI
// INTx pins to PIC lines (the Interrupt Line register in configuration space).
// Lines 0-7 are on the master, 8-15 on the slave (cascaded through line 2).
#pragma once

#include <stdint.h>

namespace kernel::pic {

// Remaps the lines to vectors `base`..`base + 15` and masks every line.
void init(uint8_t base);
void mask(uint8_t line);
void unmask(uint8_t line);
bool is_masked(uint8_t line);
void end_of_interrupt(uint8_t line);
// A spurious IRQ 7 or 15 (the line dropped before the CPU acknowledged it)
// must not get an end-of-interrupt of its own; see the 8259A datasheet.
bool is_spurious(uint8_t line);

}  // namespace kernel::pic
