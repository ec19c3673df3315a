#include "kernel/arch/x86_64/thread_block.h"

#include <stdint.h>

#include "kernel/arch/x86_64/cpu.h"

namespace kernel::thread_block {
namespace {

constexpr uint32_t kMsrFsBase = 0xC0000100;

// The x86-64 System V layout that compilers and musl assume: the block
// begins with a pointer to itself; the stack-protector canary is at 0x28.
// musl's own thread structure would follow; nothing reads past the canary
// in the code we link (tests/qemu runs the engine, which exercises it).
struct alignas(64) Block {
    Block* self;
    uint64_t reserved[4];
    uint64_t stack_guard;  // offset 0x28
    uint64_t padding[58];
};
static_assert(__builtin_offsetof(Block, stack_guard) == 0x28);

Block block;

void write_msr(uint32_t msr, uint64_t value) {
    asm volatile("wrmsr" ::"c"(msr), "a"(uint32_t(value)), "d"(uint32_t(value >> 32)));
}

}  // namespace

void init() {
    block.self = &block;
    // Any value that changes from boot to boot will do; the low byte is
    // zero so that a string overflow cannot reproduce the canary.
    block.stack_guard = (cpu::rdtsc() * 0x9E3779B97F4A7C15ull) & ~0xFFull;
    write_msr(kMsrFsBase, uint64_t(&block));
}

}  // namespace kernel::thread_block
