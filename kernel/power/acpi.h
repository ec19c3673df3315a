// Just enough ACPI for a kernel that does not interpret AML: find the tables
// (RSDP -> RSDT/XSDT -> FADT, MCFG, ...), and power the machine off, which
// needs the sleep type of the \_S5 state, read from the DSDT's bytes.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace kernel::acpi {

struct [[gnu::packed]] SdtHeader {
    char signature[4];
    uint32_t length;
    uint8_t revision;
    uint8_t checksum;
    char oem_id[6];
    char oem_table_id[8];
    uint32_t oem_revision;
    uint32_t creator_id;
    uint32_t creator_revision;
};

// `loader_rsdp` is the RSDP copy multiboot2 hands over, or null, in which
// case the BIOS areas are searched (multiboot1 gives no RSDP).
void init(const void* loader_rsdp);
bool available();

// The `index`-th table with this signature (e.g. "MCFG"), checksum-verified
// and mapped; null when absent.
const SdtHeader* find_table(const char* signature, size_t index = 0);

// CMOS register holding the RTC century, 0 when there is none.
uint8_t century_register();

// Enters the S5 (soft-off) state. Returns only when that is not possible.
void power_off();

}  // namespace kernel::acpi
