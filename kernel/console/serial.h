// A 16550 UART (COM1 is the console, COM2 later the hot-reload channel).
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

}  // namespace kernel::serial
