#include "kernel/debug/self_test.h"

#include <stdint.h>

#include "kernel/arch/x86_64/cpu.h"
#include "kernel/arch/x86_64/interrupts.h"
#include "kernel/arch/x86_64/pit.h"
#include "kernel/console/console.h"
#include "kernel/mm/kernel_heap.h"
#include "kernel/mm/paging.h"
#include "kernel/mm/physical_memory.h"
#include "kernel/power/acpi.h"
#include "kernel/time/clock.h"

extern "C" char boot_stack_guard[];

namespace kernel {
namespace {

int passed, failed;

void check(bool ok, const char* name, const char* detail = "") {
    console::print(
        "selftest: %-34s %s%s%s\n", name, ok ? "ok" : "FAILED", *detail ? " - " : "", detail);
    (ok ? passed : failed)++;
}

// IRQ 0 must arrive (the PIC, IDT, IST stack and EOI all work) and agree
// with the TSC-based clock.
void test_timer_interrupts() {
    uint64_t start_ticks = pit::ticks();
    uint64_t start_ns = clock::monotonic_ns();
    while (pit::ticks() - start_ticks < 50 && clock::monotonic_ns() - start_ns < 500000000)
        cpu::enable_interrupts_and_halt();
    uint64_t ticks = pit::ticks() - start_ticks;
    uint64_t elapsed_ms = (clock::monotonic_ns() - start_ns) / 1000000;
    check(ticks >= 50, "timer IRQ 0 arrives");
    // 50 ticks at 1000 Hz is 50 ms; emulation jitter allows a wide margin.
    check(elapsed_ms >= 40 && elapsed_ms <= 150, "TSC agrees with the PIT");
    check(interrupts::irq_count(0) >= ticks, "IRQ count recorded");
}

// memcpy/memset/memmove (kernel/runtime.cpp) against byte loops, for every
// small size and misalignment.
void test_memory_primitives() {
    static uint8_t source[64], destination[80], expected[80];
    bool ok = true;
    for (size_t i = 0; i < sizeof(source); i++)
        source[i] = uint8_t(i * 7 + 1);
    for (size_t offset = 0; offset < 8; offset++) {
        for (size_t size = 0; size <= 40; size++) {
            for (size_t i = 0; i < sizeof(destination); i++)
                destination[i] = expected[i] = 0xEE;
            for (size_t i = 0; i < size; i++)
                expected[offset + i] = source[(offset + 3 + i) % 64];
            __builtin_memcpy(destination + offset, source + offset + 3, size);
            ok = ok && __builtin_memcmp(destination, expected, sizeof(destination)) == 0;
            for (size_t i = 0; i < size; i++)
                expected[offset + i] = uint8_t(size);
            __builtin_memset(destination + offset, int(size), size);
            ok = ok && __builtin_memcmp(destination, expected, sizeof(destination)) == 0;
        }
    }
    check(ok, "memcpy/memset: sizes 0-40, offsets 0-7");
    for (size_t i = 0; i < 16; i++)
        destination[i] = uint8_t(i);
    __builtin_memmove(destination + 3, destination, 10);  // overlapping, forwards
    bool moved = destination[3] == 0 && destination[12] == 9 && destination[2] == 2;
    __builtin_memmove(destination, destination + 3, 10);  // overlapping, backwards
    moved = moved && destination[0] == 0 && destination[9] == 9;
    check(moved, "memmove: overlapping both ways");
}

void test_heap() {
    Heap& heap = memory::heap();
    size_t live_before = heap.stats().live_blocks;
    constexpr int kBlocks = 4000;
    static uint8_t* blocks[kBlocks];
    bool ok = true;
    for (int i = 0; i < kBlocks; i++) {
        size_t size = 1 + (i * 37) % 700;
        blocks[i] = static_cast<uint8_t*>(heap.allocate(size));
        if (!blocks[i] || (uintptr_t(blocks[i]) & 15)) {
            ok = false;
            break;
        }
        __builtin_memset(blocks[i], uint8_t(i), size);
    }
    for (int i = 0; ok && i < kBlocks; i++) {
        size_t size = 1 + (i * 37) % 700;
        for (size_t j = 0; j < size; j++)
            if (blocks[i][j] != uint8_t(i))
                ok = false;
    }
    for (int i = 0; i < kBlocks; i++)
        heap.free(blocks[i]);
    check(ok, "heap: 4000 small blocks intact");
    void* large = heap.allocate(1 << 20);
    if (large)
        __builtin_memset(large, 0xA5, 1 << 20);
    heap.free(large);
    check(large != nullptr, "heap: 1 MiB block");
    check(heap.stats().live_blocks == live_before, "heap: all blocks freed");
}

void test_frames() {
    FrameAllocator& frames = memory::frames();
    size_t free_before = frames.free_frames();
    uint64_t run = frames.allocate(16, 16, 4ull << 30);
    check(run != FrameAllocator::kNoFrame && run % (16 * 4096) == 0
            && run + 16 * 4096 <= (4ull << 30),
        "frames: aligned run below 4 GiB");
    check(run >= memory::kernel_end() || run + 16 * 4096 <= memory::kernel_start(),
        "frames: run is not the kernel");
    check(frames.free(run, 16) && !frames.free(run, 16), "frames: double free refused");
    check(frames.free_frames() == free_before, "frames: count restored");
}

void test_paging() {
    check(!paging::is_mapped(0), "paging: page 0 unmapped");
    check(!paging::is_mapped(uint64_t(boot_stack_guard)), "paging: stack guard unmapped");
    check(paging::is_mapped(memory::kernel_start()), "paging: kernel mapped");
    // The local APIC sits at 0xFEE00000 on every PC; its version register
    // (offset 0x30) reads 0x1X for an integrated APIC. Reading it proves the
    // on-demand uncached mapping reaches a device.
    constexpr uint64_t kLocalApic = 0xFEE00000;
    bool was_mapped = paging::is_mapped(kLocalApic);
    auto* apic = static_cast<volatile uint32_t*>(paging::map_mmio(kLocalApic, 4096));
    uint32_t version = apic ? apic[0x30 / 4] & 0xFF : 0;
    check(
        !was_mapped && apic && version >= 0x10 && version < 0x20, "paging: MMIO mapped on demand");
    paging::unmap(kLocalApic, 4096);
    check(!paging::is_mapped(kLocalApic), "paging: MMIO unmapped");
}

void test_firmware() {
    check(acpi::find_table("FACP") != nullptr, "acpi: FADT found");
    check(!paging::is_mapped(0), "acpi: page 0 unmapped again");
    check(clock::boot_wall_time().year >= 2024, "rtc: plausible date");
    uint64_t a = clock::monotonic_ns();
    uint64_t b = clock::monotonic_ns();
    check(b >= a && clock::tsc_hz() > 100000000, "clock: monotonic, TSC > 100 MHz");
}

}  // namespace

int run_self_test() {
    passed = failed = 0;
    test_timer_interrupts();
    test_memory_primitives();
    test_heap();
    test_frames();
    test_paging();
    test_firmware();
    console::print("selftest: %d checks, %d failed\n", passed + failed, failed);
    return failed;
}

}  // namespace kernel
