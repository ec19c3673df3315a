#include "kernel/debug/backtrace.h"

#include "kernel/arch/x86_64/gdt.h"
#include "kernel/console/console.h"
#include "kernel/lib/symbolizer.h"

extern "C" char __ksyms_start[], __ksyms_end[];

namespace kernel::debug {
namespace {

constexpr int kMaxFrames = 32;

Symbolizer symbolizer;
bool symbols_ready;

}  // namespace

const Symbolizer& symbols() {
    // Lazily, so backtraces work even if the very first thing to fail is early boot.
    if (!symbols_ready) {
        symbolizer.init(__ksyms_start, size_t(__ksyms_end - __ksyms_start));
        symbols_ready = true;
    }
    return symbolizer;
}

namespace {

// Prints " name+0xoffset" for the function containing `lookup_address`,
// with the offset counted to `shown_address`.
void print_name(uint64_t lookup_address, uint64_t shown_address) {
    const char* name;
    uint64_t offset;
    if (symbols().lookup(lookup_address, name, offset))
        console::print(" %s+%#lx", name, offset + (shown_address - lookup_address));
}

}  // namespace

bool symbols_loaded() { return symbols().count() > 0; }

void print_symbolized(uint64_t address) {
    console::print("0x%016lx", address);
    print_name(address, address);
}

namespace {

// Walks the frame-pointer chain from `rbp`, numbering frames from `depth`.
void print_frames(uint64_t rbp, int depth) {
    for (; depth < kMaxFrames; depth++) {
        // Stop at the end of the chain (boot.S clears rbp) or at anything
        // that is not a plausible frame on one of our stacks.
        if (rbp == 0 || (rbp & 7) || !gdt::is_kernel_stack_address(rbp)
            || !gdt::is_kernel_stack_address(rbp + 15))
            return;
        auto* frame = reinterpret_cast<const uint64_t*>(rbp);
        uint64_t return_address = frame[1];
        if (return_address == 0)
            return;
        console::print("  #%-2d 0x%016lx", depth, return_address);
        // A return address points after the call; the call itself (one
        // byte back) is what belongs to the calling function.
        print_name(return_address - 1, return_address);
        console::print("\n");
        uint64_t caller_rbp = frame[0];
        if (caller_rbp <= rbp)  // frames live at increasing addresses
            return;
        rbp = caller_rbp;
    }
    console::print("  ... (more frames not shown)\n");
}

}  // namespace

void print_backtrace(uint64_t rip, uint64_t rbp, uint64_t rsp) {
    console::print("backtrace:\n  #0  ");
    print_symbolized(rip);
    console::print("\n");
    int depth = 1;
    const char* name;
    uint64_t offset;
    if (symbols().lookup(rip, name, offset) && offset == 0 && gdt::is_kernel_stack_address(rsp)
        && gdt::is_kernel_stack_address(rsp + 7)) {
        uint64_t return_address = *reinterpret_cast<const uint64_t*>(rsp);
        console::print("  #1  0x%016lx", return_address);
        print_name(return_address - 1, return_address);
        console::print("\n");
        depth = 2;
    }
    print_frames(rbp, depth);
}

void print_caller_backtrace(uint64_t rbp) {
    console::print("backtrace:\n");
    print_frames(rbp, 0);
}

}  // namespace kernel::debug
