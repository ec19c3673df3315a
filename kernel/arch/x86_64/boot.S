/*
 * The first code that runs: the loader (GRUB via multiboot2, or QEMU's
 * -kernel via multiboot1) jumps to _start32 in 32-bit protected mode with
 * paging off, eax = magic, ebx = physical address of the boot information.
 *
 * We record the TSC (boot time is measured from here), build temporary page
 * tables that identity-map the first 4 GiB with 2 MiB pages, switch to long
 * mode, enable SSE and call kernel_main(magic, info). kernel/mm/paging.cpp
 * replaces these tables with the final ones soon after.
 */

#define MB1_MAGIC        0x1BADB002
#define MB1_FLAGS        ((1 << 0) | (1 << 1) | (1 << 16)) /* page-align modules, mem info, a.out kludge */
#define MB2_MAGIC        0xE85250D6
#define MB2_ARCH_I386    0

#define CR0_PE  (1 << 0)
#define CR0_MP  (1 << 1)
#define CR0_EM  (1 << 2)
#define CR0_WP  (1 << 16)
#define CR0_PG  (1 << 31)
#define CR4_PAE        (1 << 5)
#define CR4_OSFXSR     (1 << 9)
#define CR4_OSXMMEXCPT (1 << 10)
#define MSR_EFER       0xC0000080
#define EFER_LME       (1 << 8)

#define PAGE_PRESENT_WRITE 0x3
#define PAGE_LARGE         0x80

    .section .multiboot1, "a"
    .balign 4
multiboot1_header:
    /* QEMU's -kernel loads only ELF32 or the "a.out kludge": the addresses
     * below tell it where our (ELF64) image goes without parsing the ELF. */
    .long MB1_MAGIC
    .long MB1_FLAGS
    .long -(MB1_MAGIC + MB1_FLAGS)
    .long multiboot1_header     /* header_addr */
    .long __kernel_start        /* load_addr */
    .long __load_end            /* load_end_addr: end of file-backed data */
    .long __kernel_end          /* bss_end_addr: zeroed up to here */
    .long _start32              /* entry_addr */

    .section .multiboot2, "a"
    .balign 8
multiboot2_header:
    .long MB2_MAGIC
    .long MB2_ARCH_I386
    .long multiboot2_header_end - multiboot2_header
    .long -(MB2_MAGIC + MB2_ARCH_I386 + (multiboot2_header_end - multiboot2_header))
    /* Information request tag (flag 1 = optional: GRUB boots us even when
     * it lacks one): command line, loader name, modules, basic memory info,
     * memory map, ACPI RSDP old and new (types 1, 2, 3, 4, 6, 14, 15). */
    .balign 8
    .short 1, 1
    .long 7 * 4 + 8
    .long 1, 2, 3, 4, 6, 14, 15
    /* End tag. */
    .balign 8
    .short 0, 0
    .long 8
multiboot2_header_end:

    .section .boot.text, "ax"
    .code32
    .global _start32
_start32:
    cli
    cld
    /* Keep the loader's arguments in edi/esi: they become the first two
     * arguments of kernel_main under the System V ABI. */
    mov %eax, %edi
    mov %ebx, %esi
    rdtsc
    mov %eax, boot_tsc
    mov %edx, boot_tsc + 4
    mov $boot_stack_top, %esp

    /* Long mode needs CPUID leaf 0x80000001, EDX bit 29. */
    mov $0x80000000, %eax
    cpuid
    cmp $0x80000001, %eax
    jb no_long_mode
    mov $0x80000001, %eax
    cpuid
    test $(1 << 29), %edx
    jz no_long_mode

    /* PML4[0] -> PDPT; PDPT[0..3] -> four page directories of 2 MiB pages. */
    mov $boot_pdpt, %eax
    or $PAGE_PRESENT_WRITE, %eax
    mov %eax, boot_pml4
    mov $boot_pd, %eax
    or $PAGE_PRESENT_WRITE, %eax
    xor %ecx, %ecx
1:  mov %eax, boot_pdpt(, %ecx, 8)
    add $4096, %eax
    inc %ecx
    cmp $4, %ecx
    jne 1b
    /* 2048 entries: entry i maps physical i * 2 MiB. */
    mov $(PAGE_PRESENT_WRITE | PAGE_LARGE), %eax
    xor %edx, %edx          /* high half of the physical address */
    xor %ecx, %ecx
2:  mov %eax, boot_pd(, %ecx, 8)
    mov %edx, boot_pd + 4(, %ecx, 8)
    add $0x200000, %eax
    adc $0, %edx
    inc %ecx
    cmp $2048, %ecx
    jne 2b

    mov $boot_pml4, %eax
    mov %eax, %cr3
    mov %cr4, %eax
    or $(CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT), %eax
    mov %eax, %cr4
    mov $MSR_EFER, %ecx
    rdmsr
    or $EFER_LME, %eax
    wrmsr
    mov %cr0, %eax
    and $~CR0_EM, %eax
    or $(CR0_PE | CR0_MP | CR0_WP | CR0_PG), %eax
    mov %eax, %cr0

    lgdt boot_gdt_pointer
    ljmp $0x08, $start64

no_long_mode:
    /* Say so on the VGA text screen and stop: nothing else can run. */
    mov $no_long_mode_message, %esi
    mov $0xB8000, %edi
3:  lodsb
    test %al, %al
    jz 4f
    mov $0x4F, %ah
    stosw
    jmp 3b
4:  hlt
    jmp 4b

    .code64
start64:
    mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    xor %ax, %ax
    mov %ax, %fs
    mov %ax, %gs
    mov $boot_stack_top, %rsp
    fninit
    mov %esi, %esi          /* zero-extend the info address */
    xor %ebp, %ebp          /* backtraces stop at a null frame pointer */
    call kernel_main
5:  cli
    hlt
    jmp 5b

    .section .rodata
no_long_mode_message:
    .asciz "jskernel: this CPU has no 64-bit long mode; cannot boot."

    .balign 8
boot_gdt:
    .quad 0                        /* null */
    .quad 0x00AF9A000000FFFF       /* 0x08: 64-bit code, ring 0 */
    .quad 0x00CF92000000FFFF       /* 0x10: data, ring 0 */
boot_gdt_end:
boot_gdt_pointer:
    .short boot_gdt_end - boot_gdt - 1
    .quad boot_gdt

    .section .data
    .balign 8
    .global boot_tsc
boot_tsc:
    .quad 0

    .section .bss
    .balign 4096
boot_pml4:
    .skip 4096
boot_pdpt:
    .skip 4096
boot_pd:
    .skip 4 * 4096
    /* The kernel stack. A guard page below it is left unmapped by
     * paging.cpp, so an overflow faults instead of corrupting memory.
     * 2 MiB: JavaScript runs on it, and Duktape's own recursion limits
     * (1000 native call levels, 10000 regexp executor levels at ~130
     * bytes each) must trip before the guard page does
     * (tests/qemu/apps/deep_recursion.js). It is .bss: free at boot. */
    .global boot_stack_guard, boot_stack_bottom, boot_stack_top
boot_stack_guard:
    .skip 4096
boot_stack_bottom:
    .skip 2 * 1024 * 1024
boot_stack_top:
