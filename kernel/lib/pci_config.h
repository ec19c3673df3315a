// Portable PCI configuration-space logic, free of any hardware access:
// decoding a Base Address Register from the values read before and after
// writing all-ones to it, walking the capability list through a read
// callback, and the class-code names used by lspci. hal/pci.cpp does the
// port and ECAM accesses; tests/unit/pci_config_test.cpp drives this with a
// fake configuration space.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace kernel::pci {

// Configuration-space offsets and bits (PCI Local Bus 3.0, section 6).
constexpr uint16_t kVendorId = 0x00;
constexpr uint16_t kDeviceId = 0x02;
constexpr uint16_t kCommand = 0x04;
constexpr uint16_t kStatus = 0x06;
constexpr uint16_t kRevision = 0x08;
constexpr uint16_t kProgIf = 0x09;
constexpr uint16_t kSubclass = 0x0a;
constexpr uint16_t kClassCode = 0x0b;
constexpr uint16_t kHeaderType = 0x0e;
constexpr uint16_t kBar0 = 0x10;
constexpr uint16_t kSecondaryBus = 0x19;     // header type 1 (PCI-PCI bridge)
constexpr uint16_t kSubsystemVendor = 0x2c;  // header type 0
constexpr uint16_t kSubsystemId = 0x2e;
constexpr uint16_t kCapabilitiesPtr = 0x34;  // header types 0 and 1
constexpr uint16_t kCardbusCapabilitiesPtr = 0x14;  // header type 2
constexpr uint16_t kInterruptLine = 0x3c;
constexpr uint16_t kInterruptPin = 0x3d;

constexpr uint16_t kCommandIo = 1 << 0;
constexpr uint16_t kCommandMemory = 1 << 1;
constexpr uint16_t kCommandBusMaster = 1 << 2;
constexpr uint16_t kStatusCapabilities = 1 << 4;
constexpr uint8_t kHeaderMultifunction = 0x80;

// How many BARs a header type has: 6 (device), 2 (PCI-PCI bridge), 0.
int bar_count(uint8_t header_type);

struct Bar {
    bool present = false;  // false: not implemented (reads back 0)
    bool io = false;       // I/O space; otherwise memory
    bool is64 = false;     // memory BAR taking this slot and the next
    bool prefetchable = false;
    uint64_t base = 0;
    uint64_t size = 0;
};

// Decodes one BAR. `original` is its value, `probe` what it read back after
// writing 0xffffffff; for a 64-bit memory BAR, `original_high`/`probe_high`
// are the same for the next slot (ignored otherwise).
Bar decode_bar(uint32_t original, uint32_t probe, uint32_t original_high = 0,
    uint32_t probe_high = 0);

// True when the low dword of a BAR says it is a 64-bit memory BAR.
inline bool bar_is_64(uint32_t value) { return !(value & 1) && ((value >> 1) & 3) == 2; }

struct Capability {
    uint8_t id;
    uint8_t offset;
};

using ConfigRead8 = uint8_t (*)(void* context, uint16_t offset);

// Walks the capability list (when the status register says there is one)
// into `out`, at most `max` entries; returns how many. Stops at a pointer
// outside 0x40..0xff, at an offset seen before (a loop), or after 48 entries
// (the most that fit in 192 bytes), so a broken list always ends.
size_t walk_capabilities(ConfigRead8 read8, void* context, Capability* out, size_t max);

// The class name lspci prints ("Ethernet controller"), most specific
// first: class, subclass and programming interface, then class and
// subclass, then the class alone. "Unclassified device" when unknown.
const char* class_name(uint8_t class_code, uint8_t subclass, uint8_t prog_if);

}  // namespace kernel::pci
