#include "kernel/debug/fault.h"

#include "kernel/arch/x86_64/cpu.h"
#include "kernel/console/console.h"
#include "kernel/debug/backtrace.h"
#include "kernel/power/exit.h"

extern "C" char boot_stack_guard[];

namespace kernel::fault {
namespace {

struct ExceptionName {
    const char* mnemonic;
    const char* description;
};

// Intel SDM vol. 3, table 6-1.
constexpr ExceptionName kExceptions[32] = {
    { "#DE", "Divide error" },
    { "#DB", "Debug" },
    { "NMI", "Non-maskable interrupt" },
    { "#BP", "Breakpoint" },
    { "#OF", "Overflow" },
    { "#BR", "BOUND range exceeded" },
    { "#UD", "Invalid opcode" },
    { "#NM", "Device not available" },
    { "#DF", "Double fault" },
    { "#MF", "Coprocessor segment overrun" },
    { "#TS", "Invalid TSS" },
    { "#NP", "Segment not present" },
    { "#SS", "Stack-segment fault" },
    { "#GP", "General protection" },
    { "#PF", "Page fault" },
    { "#15", "Reserved" },
    { "#MF", "x87 floating-point error" },
    { "#AC", "Alignment check" },
    { "#MC", "Machine check" },
    { "#XM", "SIMD floating-point exception" },
    { "#VE", "Virtualization exception" },
    { "#CP", "Control protection" },
    { "#22", "Reserved" },
    { "#23", "Reserved" },
    { "#24", "Reserved" },
    { "#25", "Reserved" },
    { "#26", "Reserved" },
    { "#27", "Reserved" },
    { "#HV", "Hypervisor injection" },
    { "#VC", "VMM communication" },
    { "#SX", "Security exception" },
    { "#31", "Reserved" },
};

void describe_page_fault(uint64_t error, uint64_t address) {
    console::print(" [%s, %s, %s%s]", error & 1 ? "protection violation" : "not present",
        error & 2 ? "write" : "read", error & 4 ? "user" : "kernel",
        error & 16 ? ", instruction fetch" : "");
    console::print("\ncr2=0x%016lx", address);
    uint64_t guard = uint64_t(boot_stack_guard);
    if (address >= guard && address < guard + 4096)
        console::print(" (kernel stack overflow: the guard page below the stack)");
    else if (address < 4096)
        console::print(" (null pointer)");
}

void print_registers(const InterruptFrame& f) {
    console::print("rax=%016lx rbx=%016lx rcx=%016lx rdx=%016lx\n", f.rax, f.rbx, f.rcx, f.rdx);
    console::print("rsi=%016lx rdi=%016lx rbp=%016lx rsp=%016lx\n", f.rsi, f.rdi, f.rbp, f.rsp);
    console::print("r8 =%016lx r9 =%016lx r10=%016lx r11=%016lx\n", f.r8, f.r9, f.r10, f.r11);
    console::print("r12=%016lx r13=%016lx r14=%016lx r15=%016lx\n", f.r12, f.r13, f.r14, f.r15);
    console::print("rip=%016lx rflags=%08lx cs=%04lx ss=%04lx\n", f.rip, f.rflags, f.cs, f.ss);
    console::print(
        "cr0=%016lx cr3=%016lx cr4=%016lx\n", cpu::read_cr0(), cpu::read_cr3(), cpu::read_cr4());
}

}  // namespace

void report_exception(const InterruptFrame& frame) {
    static bool reporting;
    if (reporting) {  // the report itself faulted: do not loop
        console::print("\nKERNEL FAULT while reporting a fault (vector %lu at %#lx)\n",
            frame.vector, frame.rip);
        power::exit(power::kExitKernelFault);
    }
    reporting = true;

    const ExceptionName& name = kExceptions[frame.vector & 31];
    console::print("\nKERNEL FAULT: %s %s (vector %lu) error %#lx", name.mnemonic, name.description,
        frame.vector, frame.error_code);
    if (frame.vector == 14)
        describe_page_fault(frame.error_code, cpu::read_cr2());
    console::print("\nat ");
    debug::print_symbolized(frame.rip);
    console::print("\n");
    print_registers(frame);
    debug::print_backtrace(frame.rip, frame.rbp, frame.rsp);
    power::exit(power::kExitKernelFault);
}

}  // namespace kernel::fault
