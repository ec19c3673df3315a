// The Interrupt Descriptor Table and the first C++ stop of every interrupt.
//
// CPU exceptions (vectors 0-31) are fatal in the kernel: they are reported
// loudly (kernel/debug/fault.cpp) and end the machine. Hardware interrupts
// (vectors 32-47, PIC lines 0-15) go to the handler registered for their
// line. Handlers run in interrupt context with interrupts disabled: they
// must be short and must never run JavaScript (see DESIGN, event model).
#pragma once

#include <stdint.h>

namespace kernel {

// What interrupt_common pushed, lowest address first.
struct InterruptFrame {
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
    uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
    uint64_t vector, error_code;
    // Pushed by the CPU.
    uint64_t rip, cs, rflags, rsp, ss;
};

namespace interrupts {

constexpr uint8_t kIrqBase = 32;  // PIC line n arrives as vector 32 + n
constexpr uint8_t kIrqLines = 16;

void init();

using IrqHandler = void (*)(uint8_t line, void* context);
// One handler per line in the kernel; the HAL multiplexes shared lines.
// Registering also unmasks the line at the PIC; null masks it again.
void set_irq_handler(uint8_t line, IrqHandler handler, void* context);

uint64_t irq_count(uint8_t line);
uint64_t spurious_count();

}  // namespace interrupts
}  // namespace kernel
