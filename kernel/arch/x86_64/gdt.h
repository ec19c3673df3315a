// The Global Descriptor Table and the Task State Segment.
//
// Long mode barely uses segments, but it still needs a code segment to run
// in and a TSS for its Interrupt Stack Table: interrupts switch to known
// good stacks (see the IST indices) so that a fault on a broken stack, or
// an interrupt arriving in code that uses the red zone below rsp (libgcc,
// musl), cannot corrupt anything.
#pragma once

#include <stdint.h>

namespace kernel::gdt {

constexpr uint16_t kKernelCode = 0x08;
constexpr uint16_t kKernelData = 0x10;
constexpr uint16_t kUserData = 0x18;  // user selectors: for later ring-3 work,
constexpr uint16_t kUserCode = 0x20;  //   in the order sysret expects
constexpr uint16_t kTss = 0x28;

// Interrupt Stack Table slots (1-based, as the IDT encodes them).
constexpr uint8_t kIstIrq = 1;          // hardware interrupts
constexpr uint8_t kIstException = 2;    // CPU exceptions
constexpr uint8_t kIstDoubleFault = 3;  // #DF, NMI, #MC: when everything else broke

void init();

// True when `address` lies inside one of the kernel's known stacks; the
// backtrace walker uses it to stop at a corrupt frame pointer.
bool is_kernel_stack_address(uint64_t address);

}  // namespace kernel::gdt
