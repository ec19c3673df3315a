#include "kernel/arch/x86_64/interrupts.h"

#include "kernel/arch/x86_64/cpu.h"
#include "kernel/arch/x86_64/gdt.h"
#include "kernel/arch/x86_64/pic.h"
#include "kernel/debug/fault.h"
#include "kernel/debug/profiler.h"

extern "C" const uint64_t interrupt_stub_table[48];

namespace kernel::interrupts {
namespace {

struct [[gnu::packed]] IdtEntry {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t ist;
    uint8_t type_attributes;
    uint16_t offset_middle;
    uint32_t offset_high;
    uint32_t reserved;
};
static_assert(sizeof(IdtEntry) == 16);

struct [[gnu::packed]] IdtPointer {
    uint16_t limit;
    uint64_t base;
};

constexpr uint8_t kInterruptGate = 0x8E;  // present, ring 0, 64-bit interrupt gate (clears IF)

IdtEntry idt[256];

struct IrqSlot {
    IrqHandler handler;
    void* context;
    uint64_t count;
};
IrqSlot irq_slots[kIrqLines];
uint64_t spurious_interrupts;

void set_gate(uint8_t vector, uint64_t handler, uint8_t ist) {
    idt[vector] = IdtEntry {
        .offset_low = uint16_t(handler),
        .selector = gdt::kKernelCode,
        .ist = ist,
        .type_attributes = kInterruptGate,
        .offset_middle = uint16_t(handler >> 16),
        .offset_high = uint32_t(handler >> 32),
        .reserved = 0,
    };
}

void dispatch_irq(uint8_t line) {
    if (pic::is_spurious(line)) {
        spurious_interrupts++;
        return;
    }
    IrqSlot& slot = irq_slots[line];
    slot.count++;
    if (slot.handler)
        slot.handler(line, slot.context);
    pic::end_of_interrupt(line);
}

}  // namespace

void init() {
    for (uint8_t vector = 0; vector < 48; vector++) {
        uint8_t ist = vector >= kIrqBase ? gdt::kIstIrq : gdt::kIstException;
        if (vector == 2 || vector == 8 || vector == 18)  // NMI, #DF, #MC
            ist = gdt::kIstDoubleFault;
        set_gate(vector, interrupt_stub_table[vector], ist);
    }
    IdtPointer pointer { sizeof(idt) - 1, uint64_t(idt) };
    asm volatile("lidt %0" ::"m"(pointer));
}

void set_irq_handler(uint8_t line, IrqHandler handler, void* context) {
    if (line >= kIrqLines)
        return;
    cpu::InterruptGuard guard;
    irq_slots[line].handler = handler;
    irq_slots[line].context = context;
    if (handler)
        pic::unmask(line);
    else
        pic::mask(line);
}

uint64_t irq_count(uint8_t line) { return line < kIrqLines ? irq_slots[line].count : 0; }
uint64_t spurious_count() { return spurious_interrupts; }

}  // namespace kernel::interrupts

// Called from interrupt_common (interrupt_stubs.S) with interrupts disabled.
extern "C" void interrupt_dispatch(kernel::InterruptFrame* frame) {
    using namespace kernel;
    if (frame->vector < interrupts::kIrqBase)
        fault::report_exception(*frame);  // does not return
    if (frame->vector == interrupts::kIrqBase && profiler::running())
        profiler::sample(*frame);  // the timer tick samples what it interrupted
    interrupts::dispatch_irq(uint8_t(frame->vector - interrupts::kIrqBase));
}
