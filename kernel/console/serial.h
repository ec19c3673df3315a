// A 16550 UART (COM1 is the console; COM2, the hot-reload channel, is set up
// here and then driven from JavaScript).
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace kernel::serial {

constexpr uint16_t kCom1 = 0x3F8;
constexpr uint16_t kCom2 = 0x2F8;

// 115200 baud, 8N1, FIFOs on, UART interrupts off. Returns false when no
// UART answers at `port` (the scratch register does not hold a value).
bool init(uint16_t port);
// Writes bytes as they are ('\n' is not translated here).
void write(uint16_t port, const char* data, size_t length);
// -1 when no byte is waiting.
int read_byte(uint16_t port);

// Turns on the "received data available" interrupt (IER bit 0; OUT2, which
// gates the UART's interrupt line on PCs, is already set by init). The
// FIFO trigger level drops to 1 byte so typed characters arrive at once.
// The caller must have a handler on the port's IRQ line (COM1: IRQ 4).
void enable_receive_interrupt(uint16_t port);
// Interrupt context: moves every byte waiting in the receive FIFO to
// `sink` and returns how many there were.
size_t drain_receive(uint16_t port, void (*sink)(uint8_t byte, void* context), void* context);

}  // namespace kernel::serial
