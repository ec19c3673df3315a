// Thin wrappers over x86 instructions that C++ cannot express.
#pragma once

#include <stdint.h>

namespace kernel::cpu {

inline void outb(uint16_t port, uint8_t value) {
    asm volatile("outb %0, %1" ::"a"(value), "Nd"(port));
}
inline void outw(uint16_t port, uint16_t value) {
    asm volatile("outw %0, %1" ::"a"(value), "Nd"(port));
}
inline void outl(uint16_t port, uint32_t value) {
    asm volatile("outl %0, %1" ::"a"(value), "Nd"(port));
}

inline uint8_t inb(uint16_t port) {
    uint8_t value;
    asm volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
    return value;
}
inline uint16_t inw(uint16_t port) {
    uint16_t value;
    asm volatile("inw %1, %0" : "=a"(value) : "Nd"(port));
    return value;
}
inline uint32_t inl(uint16_t port) {
    uint32_t value;
    asm volatile("inl %1, %0" : "=a"(value) : "Nd"(port));
    return value;
}

// A write to an unused port: about 1 µs on real hardware, for old devices
// (the PIC, the CMOS) that need a pause between accesses.
inline void io_wait() { outb(0x80, 0); }

inline uint64_t rdtsc() {
    uint32_t low, high;
    asm volatile("rdtsc" : "=a"(low), "=d"(high));
    return (uint64_t(high) << 32) | low;
}

inline uint64_t read_cr0() {
    uint64_t v;
    asm volatile("mov %%cr0, %0" : "=r"(v));
    return v;
}
inline uint64_t read_cr2() {
    uint64_t v;
    asm volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}
inline uint64_t read_cr3() {
    uint64_t v;
    asm volatile("mov %%cr3, %0" : "=r"(v));
    return v;
}
inline uint64_t read_cr4() {
    uint64_t v;
    asm volatile("mov %%cr4, %0" : "=r"(v));
    return v;
}
inline void write_cr3(uint64_t v) { asm volatile("mov %0, %%cr3" ::"r"(v) : "memory"); }
inline void invlpg(uint64_t address) { asm volatile("invlpg (%0)" ::"r"(address) : "memory"); }

inline uint64_t read_rbp() {
    uint64_t v;
    asm volatile("mov %%rbp, %0" : "=r"(v));
    return v;
}

inline void enable_interrupts() { asm volatile("sti" ::: "memory"); }
inline void disable_interrupts() { asm volatile("cli" ::: "memory"); }
inline bool interrupts_enabled() {
    uint64_t flags;
    asm volatile("pushfq; popq %0" : "=r"(flags));
    return flags & (1 << 9);
}
// Sleeps until the next interrupt. `sti; hlt` back to back cannot lose a
// wake-up: the interrupt shadow of sti delays interrupts until after hlt.
inline void enable_interrupts_and_halt() { asm volatile("sti; hlt" ::: "memory"); }
inline void halt() { asm volatile("hlt" ::: "memory"); }

[[noreturn]] inline void halt_forever() {
    for (;;)
        asm volatile("cli; hlt");
}

inline void cpuid(
    uint32_t leaf, uint32_t subleaf, uint32_t& a, uint32_t& b, uint32_t& c, uint32_t& d) {
    asm volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(leaf), "c"(subleaf));
}

// Saves the interrupt flag and disables interrupts for a scope.
class InterruptGuard {
public:
    InterruptGuard()
        : were_enabled_(interrupts_enabled()) {
        disable_interrupts();
    }
    ~InterruptGuard() {
        if (were_enabled_)
            enable_interrupts();
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    bool were_enabled_;
};

}  // namespace kernel::cpu
