// Console input: the bytes typed on the serial console (COM1), queued by
// the IRQ 4 handler in a fixed ring and taken out by the tty service
// (js-drivers/tty/console.js) through native:kernel.consoleRead.
//
// The handler never runs JavaScript: it drains the UART's receive FIFO
// into the ring and returns. A full ring drops the new byte and counts it
// (overflows()); nothing is lost silently.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace kernel::console_input {

constexpr size_t kCapacity = 4096;

// Installs the IRQ 4 handler and turns on COM1's receive interrupt.
// Idempotent; needs the PIC set up. Before it runs, input waits in the
// UART's 16-byte FIFO.
void init();
bool initialized();

// Consumer side (outside interrupt context). Copies up to `length` bytes
// and returns how many; 0 when nothing is queued.
size_t read(uint8_t* out, size_t length);
size_t available();
uint64_t overflows();
uint64_t received();  // bytes ever accepted into the ring

// Producer side, for other input sources (a keyboard driver, tests).
// Callable from interrupt context and from the pump.
bool push(uint8_t byte);

}  // namespace kernel::console_input
