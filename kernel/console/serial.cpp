#include "kernel/console/serial.h"

#include "kernel/arch/x86_64/cpu.h"

namespace kernel::serial {
namespace {

// Register offsets from the base port (PC16550D datasheet).
constexpr uint16_t kData = 0;             // THR/RBR; divisor low when DLAB=1
constexpr uint16_t kInterruptEnable = 1;  // divisor high when DLAB=1
constexpr uint16_t kFifoControl = 2;
constexpr uint16_t kLineControl = 3;
constexpr uint16_t kModemControl = 4;
constexpr uint16_t kLineStatus = 5;
constexpr uint16_t kScratch = 7;

constexpr uint8_t kInterruptReceivedData = 0x01;  // IER bit 0
constexpr uint8_t kFifoEnableTrigger1 = 0x01;  // FIFOs on (not cleared: keep early input), 1-byte trigger
constexpr uint8_t kLineStatusDataReady = 0x01;
constexpr uint8_t kLineStatusTransmitEmpty = 0x20;  // THR empty: the FIFO can take 16 bytes
constexpr size_t kFifoDepth = 16;

}  // namespace

bool init(uint16_t port) {
    cpu::outb(port + kScratch, 0x5A);
    if (cpu::inb(port + kScratch) != 0x5A)
        return false;
    cpu::outb(port + kInterruptEnable, 0x00);
    cpu::outb(port + kLineControl, 0x80);  // DLAB on: next two are the divisor
    cpu::outb(port + kData, 1);            // 115200 / 1
    cpu::outb(port + kInterruptEnable, 0);
    cpu::outb(port + kLineControl, 0x03);   // 8 data bits, no parity, 1 stop bit
    cpu::outb(port + kFifoControl, 0xC7);   // enable + clear FIFOs, 14-byte trigger
    cpu::outb(port + kModemControl, 0x0B);  // DTR, RTS, OUT2
    return true;
}

void write(uint16_t port, const char* data, size_t length) {
    // Waiting for "THR empty" once per FIFO-full rather than once per byte
    // halves the port accesses; under emulation each one is costly.
    size_t i = 0;
    while (i < length) {
        while (!(cpu::inb(port + kLineStatus) & kLineStatusTransmitEmpty)) { }
        for (size_t n = 0; n < kFifoDepth && i < length; n++, i++)
            cpu::outb(port + kData, uint8_t(data[i]));
    }
}

int read_byte(uint16_t port) {
    if (!(cpu::inb(port + kLineStatus) & kLineStatusDataReady))
        return -1;
    return cpu::inb(port + kData);
}

void enable_receive_interrupt(uint16_t port) {
    cpu::outb(port + kFifoControl, kFifoEnableTrigger1);
    cpu::outb(port + kInterruptEnable, kInterruptReceivedData);
}

size_t drain_receive(uint16_t port, void (*sink)(uint8_t byte, void* context), void* context) {
    // Reading RBR until "data ready" clears also clears the interrupt
    // (both the trigger-level and the character-timeout kind).
    size_t count = 0;
    while (cpu::inb(port + kLineStatus) & kLineStatusDataReady) {
        sink(cpu::inb(port + kData), context);
        count++;
    }
    return count;
}

}  // namespace kernel::serial
