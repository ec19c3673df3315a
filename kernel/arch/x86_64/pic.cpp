#include "kernel/arch/x86_64/pic.h"

#include "kernel/arch/x86_64/cpu.h"

namespace kernel::pic {
namespace {

constexpr uint16_t kMasterCommand = 0x20, kMasterData = 0x21;
constexpr uint16_t kSlaveCommand = 0xA0, kSlaveData = 0xA1;
constexpr uint8_t kIcw1Init = 0x11;  // ICW1: initialise, ICW4 follows, edge-triggered, cascade
constexpr uint8_t kIcw4Mode8086 = 0x01;
constexpr uint8_t kEndOfInterrupt = 0x20;
constexpr uint8_t kReadIsr = 0x0B;  // OCW3: next read of the command port returns ISR
constexpr uint8_t kCascadeLine = 2;

uint16_t cached_mask = 0xFFFF;

void write_mask() {
    cpu::outb(kMasterData, uint8_t(cached_mask));
    cpu::outb(kSlaveData, uint8_t(cached_mask >> 8));
}

}  // namespace

void init(uint8_t base) {
    cpu::outb(kMasterCommand, kIcw1Init);
    cpu::io_wait();
    cpu::outb(kSlaveCommand, kIcw1Init);
    cpu::io_wait();
    cpu::outb(kMasterData, base);  // ICW2: vector offsets
    cpu::io_wait();
    cpu::outb(kSlaveData, base + 8);
    cpu::io_wait();
    cpu::outb(kMasterData, 1 << kCascadeLine);  // ICW3: slave on line 2
    cpu::io_wait();
    cpu::outb(kSlaveData, kCascadeLine);  // ICW3: slave identity
    cpu::io_wait();
    cpu::outb(kMasterData, kIcw4Mode8086);
    cpu::io_wait();
    cpu::outb(kSlaveData, kIcw4Mode8086);
    cpu::io_wait();
    // Everything masked except the cascade, which slave lines need.
    cached_mask = uint16_t(~(1u << kCascadeLine));
    write_mask();
}

void mask(uint8_t line) {
    cached_mask |= uint16_t(1u << line);
    write_mask();
}

void unmask(uint8_t line) {
    cached_mask &= uint16_t(~(1u << line));
    write_mask();
}

bool is_masked(uint8_t line) { return cached_mask & (1u << line); }

void end_of_interrupt(uint8_t line) {
    if (line >= 8)
        cpu::outb(kSlaveCommand, kEndOfInterrupt);
    cpu::outb(kMasterCommand, kEndOfInterrupt);
}

bool is_spurious(uint8_t line) {
    if (line != 7 && line != 15)
        return false;
    uint16_t port = line == 7 ? kMasterCommand : kSlaveCommand;
    cpu::outb(port, kReadIsr);
    bool in_service = cpu::inb(port) & 0x80;
    if (!in_service && line == 15)
        cpu::outb(kMasterCommand, kEndOfInterrupt);  // the master did see the cascade
    return !in_service;
}

}  // namespace kernel::pic
