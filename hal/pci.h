// PCI on bare metal: configuration access (mechanism #1 through ports
// 0xCF8/0xCFC; ECAM from the ACPI MCFG table when present, for the whole
// 4 KiB space of each function), enumeration of every bus through PCI-PCI
// bridges, and BAR decoding by size probing. hal/pci_js.cpp makes this the
// native module `hal_pci` (hal.pci in JavaScript). See docs/hal.md.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/pci_config.h"

namespace hal::pci {

struct Bar {
    int index;  // BAR slot (the low slot of a 64-bit pair)
    kernel::pci::Bar info;
};

struct Device {
    uint8_t bus, slot, func;
    uint16_t vendor, device;
    uint8_t class_code, subclass, prog_if, revision, header_type;
    uint16_t subsystem_vendor, subsystem_id;
    uint8_t irq_line, irq_pin;
    int bar_count;  // entries used in bars
    Bar bars[6];
};

// Enumerates on the first call (later calls return the same list).
size_t device_count();
const Device& device(size_t index);

// 256 bytes per function with mechanism #1, 4096 with ECAM.
uint16_t config_size(const Device& d);
bool ecam_available();

// Exact-width accesses; `offset` must be in range and aligned.
uint32_t config_read(const Device& d, uint16_t offset, int width);
void config_write(const Device& d, uint16_t offset, int width, uint32_t value);

// The native module `hal_pci`; call once at boot (kernel/js/natives.cpp).
void register_native();

}  // namespace hal::pci
