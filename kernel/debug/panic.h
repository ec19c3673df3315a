// Kernel panic: an unrecoverable error in the kernel's own logic. Prints
// the message and a backtrace, then ends the machine with a failure status.
#pragma once

namespace kernel {

[[noreturn]] void panic(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace kernel

// Checks an invariant in every build; a failure is a panic naming the spot.
#define VERIFY(condition)                                                                          \
    do {                                                                                           \
        if (!(condition)) [[unlikely]]                                                             \
            ::kernel::panic("VERIFY(%s) failed at %s:%d", #condition, __FILE__, __LINE__);         \
    } while (0)
