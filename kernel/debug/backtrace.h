// Backtraces by walking the frame-pointer chain (the kernel is compiled
// with -fno-omit-frame-pointer): [rbp] is the caller's rbp, [rbp + 8] the
// return address. Names come from the embedded symbol table.
#pragma once

#include <stdint.h>

namespace kernel {
class Symbolizer;
}

namespace kernel::debug {

// The kernel's own symbol table (embedded at link time), loaded on first use.
const Symbolizer& symbols();

// Prints "backtrace:" then one line per frame: first `rip` itself (the
// faulting instruction), then the return addresses found from `rbp`. When
// `rip` is the first instruction of a function, that function has not
// pushed its frame yet: its return address is still at `rsp`, so it is
// printed before the rbp chain (which starts at the caller's caller).
void print_backtrace(uint64_t rip, uint64_t rbp, uint64_t rsp);

// The same for the code that calls this: starts with the return address
// in the frame `rbp` points to (the caller of the function that owns it).
void print_caller_backtrace(uint64_t rbp);

// Prints `address` as "0x... function+0xoffset" (or just the address).
void print_symbolized(uint64_t address);

bool symbols_loaded();

}  // namespace kernel::debug
