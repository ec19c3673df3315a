#include "kernel/arch/x86_64/gdt.h"

extern "C" char boot_stack_bottom[], boot_stack_top[];

namespace kernel::gdt {
namespace {

struct [[gnu::packed]] TaskStateSegment {
    uint32_t reserved0;
    uint64_t rsp[3];  // stacks for privilege changes (ring 3 -> 0 later)
    uint64_t reserved1;
    uint64_t ist[7];
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t io_map_base;
};
static_assert(sizeof(TaskStateSegment) == 104);

struct [[gnu::packed]] DescriptorPointer {
    uint16_t limit;
    uint64_t base;
};

constexpr uint64_t kStackSize = 16 * 1024;
alignas(16) char ist_stacks[3][kStackSize];

TaskStateSegment tss;

// Access byte and flags per the Intel SDM vol. 3, 3.4.5. The base and limit
// of code/data segments are ignored in long mode.
constexpr uint64_t kCode64 = 0x00AF9A000000FFFF;      // present, ring 0, code, L=1
constexpr uint64_t kData = 0x00CF92000000FFFF;        // present, ring 0, data, writable
constexpr uint64_t kUserData64 = 0x00CFF2000000FFFF;  // present, ring 3, data
constexpr uint64_t kUserCode64 = 0x00AFFA000000FFFF;  // present, ring 3, code, L=1

uint64_t gdt_entries[7];

}  // namespace

void init() {
    for (int i = 0; i < 3; i++)
        tss.ist[i] = uint64_t(ist_stacks[i] + kStackSize);
    tss.io_map_base = sizeof(TaskStateSegment);  // no I/O permission bitmap

    // A 64-bit TSS descriptor takes two GDT slots (SDM 7.2.3).
    uint64_t base = uint64_t(&tss);
    uint64_t limit = sizeof(TaskStateSegment) - 1;
    uint64_t low = (limit & 0xFFFF) | ((base & 0xFFFFFF) << 16)
        | (uint64_t(0x89) << 40)  // present, available 64-bit TSS
        | (((limit >> 16) & 0xF) << 48) | (((base >> 24) & 0xFF) << 56);
    gdt_entries[0] = 0;
    gdt_entries[1] = kCode64;
    gdt_entries[2] = kData;
    gdt_entries[3] = kUserData64;
    gdt_entries[4] = kUserCode64;
    gdt_entries[5] = low;
    gdt_entries[6] = base >> 32;

    DescriptorPointer pointer { sizeof(gdt_entries) - 1, uint64_t(gdt_entries) };
    asm volatile("lgdt %0" ::"m"(pointer));
    // Reload cs with a far return, then the data segments and the task register.
    asm volatile("pushq %0\n"
                 "leaq 1f(%%rip), %%rax\n"
                 "pushq %%rax\n"
                 "lretq\n"
                 "1:\n"
                 "movw %1, %%ax\n"
                 "movw %%ax, %%ds\n"
                 "movw %%ax, %%es\n"
                 "movw %%ax, %%ss\n"
                 "xorw %%ax, %%ax\n"
                 "movw %%ax, %%fs\n"
                 "movw %%ax, %%gs\n"
                 "ltr %w2\n" ::"i"(uint64_t(kKernelCode)),
                 "i"(kKernelData), "r"(kTss)
                 : "rax", "memory");
}

bool is_kernel_stack_address(uint64_t address) {
    if (address >= uint64_t(boot_stack_bottom) && address < uint64_t(boot_stack_top))
        return true;
    uint64_t ist_start = uint64_t(ist_stacks);
    return address >= ist_start && address < ist_start + sizeof(ist_stacks);
}

}  // namespace kernel::gdt
