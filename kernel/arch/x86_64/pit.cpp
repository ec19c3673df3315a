#include "kernel/arch/x86_64/pit.h"

#include "kernel/arch/x86_64/cpu.h"
#include "kernel/arch/x86_64/interrupts.h"

namespace kernel::pit {
namespace {

constexpr uint16_t kChannel0 = 0x40, kChannel2 = 0x42, kCommand = 0x43;
constexpr uint16_t kSpeakerControl
    = 0x61;  // bit 0: channel 2 gate, bit 1: speaker, bit 5: channel 2 output
constexpr uint8_t kChannel2Mode0
    = 0xB0;  // channel 2, low then high byte, mode 0 (count down once), binary
constexpr uint8_t kChannel2Latch = 0x80;  // channel 2, counter latch command
constexpr uint8_t kChannel0Mode2
    = 0x34;  // channel 0, low then high byte, mode 2 (rate generator), binary

volatile uint64_t tick_count;

void on_tick(uint8_t, void*) { tick_count = tick_count + 1; }

}  // namespace

void start_stopwatch() {
    uint8_t control = cpu::inb(kSpeakerControl);
    cpu::outb(kSpeakerControl, uint8_t((control & ~0x02) | 0x01));  // gate on, speaker off
    cpu::outb(kCommand, kChannel2Mode0);
    cpu::outb(kChannel2, 0xFF);
    cpu::outb(kChannel2, 0xFF);  // counting starts now; the output goes high at zero
}

bool stopwatch_ticks(uint16_t& ticks) {
    cpu::outb(kCommand, kChannel2Latch);  // freeze a copy of the count, then read it
    uint8_t low = cpu::inb(kChannel2);
    uint8_t high = cpu::inb(kChannel2);
    ticks = uint16_t(0xFFFF - (low | (high << 8)));
    return !(cpu::inb(kSpeakerControl) & 0x20);
}

void start_periodic(uint32_t hz) {
    uint32_t divisor = kFrequencyHz / hz;
    cpu::outb(kCommand, kChannel0Mode2);
    cpu::outb(kChannel0, uint8_t(divisor));
    cpu::outb(kChannel0, uint8_t(divisor >> 8));
    interrupts::set_irq_handler(0, on_tick, nullptr);
}

uint64_t ticks() { return tick_count; }

}  // namespace kernel::pit
