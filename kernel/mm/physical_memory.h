// Physical memory at boot: builds the frame allocator from the loader's
// memory map, keeping out everything already in use (the first MiB, the
// kernel image, the boot information, boot modules and their strings).
#pragma once

#include <stdint.h>

#include "kernel/lib/frame_allocator.h"
#include "kernel/lib/multiboot.h"

namespace kernel::memory {

void init(const BootInfo& boot);
FrameAllocator& frames();

uint64_t kernel_start();
uint64_t kernel_end();    // end of .bss, page aligned
uint64_t usable_bytes();  // available RAM according to the memory map

// True for RAM: the first MiB (BIOS data, EBDA, ROMs, the VGA window the
// console owns) and every available or ACPI region of the memory map, mapped
// or not (the stack guard page is RAM too). Device memory is everything else.
bool is_ram(uint64_t phys);

// Prints the one-line summary (`memory: ...`), preceded by the whole memory
// map when `with_map` (the `memmap` command-line flag: the console is slow
// under emulation, so boot prints only the summary by default).
void print_summary(const BootInfo& boot, bool with_map);

}  // namespace kernel::memory
