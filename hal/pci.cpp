#include "hal/pci.h"

#include "kernel/arch/x86_64/cpu.h"
#include "kernel/mm/paging.h"
#include "kernel/power/acpi.h"

namespace hal::pci {
namespace {

namespace cpu = kernel::cpu;
using namespace kernel::pci;

constexpr uint16_t kConfigAddress = 0xcf8;
constexpr uint16_t kConfigData = 0xcfc;
constexpr size_t kMaxDevices = 256;

Device devices[kMaxDevices];
size_t count;
bool enumerated;

// ECAM: one mapped 1 MiB window per bus found (null: use mechanism #1).
volatile uint8_t* ecam_bus[256];
bool have_ecam;

// -- mechanism #1 --------------------------------------------------------------
uint32_t address(uint8_t bus, uint8_t slot, uint8_t func, uint16_t offset) {
    return 0x80000000u | uint32_t(bus) << 16 | uint32_t(slot) << 11 | uint32_t(func) << 8 |
           (offset & 0xfc);
}

uint32_t port_read(uint8_t bus, uint8_t slot, uint8_t func, uint16_t offset, int width) {
    cpu::InterruptGuard guard;  // the address/data pair must not be split
    cpu::outl(kConfigAddress, address(bus, slot, func, offset));
    uint16_t port = uint16_t(kConfigData + (offset & 3));
    switch (width) {
    case 1: return cpu::inb(port);
    case 2: return cpu::inw(port);
    default: return cpu::inl(kConfigData);
    }
}

void port_write(uint8_t bus, uint8_t slot, uint8_t func, uint16_t offset, int width,
    uint32_t value) {
    cpu::InterruptGuard guard;
    cpu::outl(kConfigAddress, address(bus, slot, func, offset));
    uint16_t port = uint16_t(kConfigData + (offset & 3));
    switch (width) {
    case 1: cpu::outb(port, uint8_t(value)); break;
    case 2: cpu::outw(port, uint16_t(value)); break;
    default: cpu::outl(kConfigData, value); break;
    }
}

// -- either mechanism, by location -------------------------------------------
uint32_t read_at(uint8_t bus, uint8_t slot, uint8_t func, uint16_t offset, int width) {
    if (volatile uint8_t* window = ecam_bus[bus]) {
        volatile uint8_t* p = window + (uint32_t(slot) << 15 | uint32_t(func) << 12 | offset);
        switch (width) {
        case 1: return *p;
        case 2: return *reinterpret_cast<volatile uint16_t*>(p);
        default: return *reinterpret_cast<volatile uint32_t*>(p);
        }
    }
    return port_read(bus, slot, func, offset, width);
}

void write_at(uint8_t bus, uint8_t slot, uint8_t func, uint16_t offset, int width,
    uint32_t value) {
    if (volatile uint8_t* window = ecam_bus[bus]) {
        volatile uint8_t* p = window + (uint32_t(slot) << 15 | uint32_t(func) << 12 | offset);
        switch (width) {
        case 1: *p = uint8_t(value); break;
        case 2: *reinterpret_cast<volatile uint16_t*>(p) = uint16_t(value); break;
        default: *reinterpret_cast<volatile uint32_t*>(p) = value; break;
        }
        return;
    }
    port_write(bus, slot, func, offset, width, value);
}

// -- BARs ------------------------------------------------------------------------
// Size probing: with memory and I/O decoding off (so the device never
// answers at the all-ones address meanwhile), write all-ones, read back,
// restore the original value, then the original Command register. Host
// bridges keep decoding on, as Linux does (on some chipsets that bit also
// gates the path to RAM).
void probe_bars(Device& d) {
    int slots = bar_count(d.header_type);
    d.bar_count = 0;
    if (slots == 0)
        return;
    cpu::InterruptGuard guard;
    uint16_t command = uint16_t(read_at(d.bus, d.slot, d.func, kCommand, 2));
    bool host_bridge = d.class_code == 0x06 && d.subclass == 0x00;
    if (!host_bridge)
        write_at(d.bus, d.slot, d.func, kCommand, 2,
            command & ~uint16_t(kCommandIo | kCommandMemory));
    for (int i = 0; i < slots; i++) {
        uint16_t off = uint16_t(kBar0 + 4 * i);
        uint32_t original = read_at(d.bus, d.slot, d.func, off, 4);
        write_at(d.bus, d.slot, d.func, off, 4, 0xffffffffu);
        uint32_t probe = read_at(d.bus, d.slot, d.func, off, 4);
        write_at(d.bus, d.slot, d.func, off, 4, original);
        uint32_t original_high = 0, probe_high = 0;
        bool wide = bar_is_64(original) && i + 1 < slots;
        if (wide) {
            uint16_t high = uint16_t(off + 4);
            original_high = read_at(d.bus, d.slot, d.func, high, 4);
            write_at(d.bus, d.slot, d.func, high, 4, 0xffffffffu);
            probe_high = read_at(d.bus, d.slot, d.func, high, 4);
            write_at(d.bus, d.slot, d.func, high, 4, original_high);
        }
        kernel::pci::Bar info = decode_bar(original, probe, original_high, probe_high);
        if (info.present)
            d.bars[d.bar_count++] = {i, info};
        if (wide)
            i++;  // the high half of a 64-bit BAR is not a BAR of its own
    }
    if (!host_bridge)
        write_at(d.bus, d.slot, d.func, kCommand, 2, command);
}

// -- enumeration ----------------------------------------------------------------
bool bus_seen[256];
bool probe_pass = true;  // false during the first pass (bus discovery only)

void scan_bus(uint8_t bus);

void add_function(uint8_t bus, uint8_t slot, uint8_t func) {
    if (count == kMaxDevices)
        return;
    Device& d = devices[count++];
    d = {};
    d.bus = bus;
    d.slot = slot;
    d.func = func;
    d.vendor = uint16_t(read_at(bus, slot, func, kVendorId, 2));
    d.device = uint16_t(read_at(bus, slot, func, kDeviceId, 2));
    d.revision = uint8_t(read_at(bus, slot, func, kRevision, 1));
    d.prog_if = uint8_t(read_at(bus, slot, func, kProgIf, 1));
    d.subclass = uint8_t(read_at(bus, slot, func, kSubclass, 1));
    d.class_code = uint8_t(read_at(bus, slot, func, kClassCode, 1));
    d.header_type = uint8_t(read_at(bus, slot, func, kHeaderType, 1));
    if ((d.header_type & 0x7f) == 0) {
        d.subsystem_vendor = uint16_t(read_at(bus, slot, func, kSubsystemVendor, 2));
        d.subsystem_id = uint16_t(read_at(bus, slot, func, kSubsystemId, 2));
    }
    d.irq_line = uint8_t(read_at(bus, slot, func, kInterruptLine, 1));
    d.irq_pin = uint8_t(read_at(bus, slot, func, kInterruptPin, 1));
    if (probe_pass)
        probe_bars(d);
    if ((d.header_type & 0x7f) == 1 && d.class_code == 0x06 && d.subclass == 0x04) {
        uint8_t secondary = uint8_t(read_at(bus, slot, func, kSecondaryBus, 1));
        if (secondary != 0)
            scan_bus(secondary);
    }
}

void scan_bus(uint8_t bus) {
    if (bus_seen[bus])
        return;  // a misconfigured bridge must not make us loop
    bus_seen[bus] = true;
    for (uint8_t slot = 0; slot < 32; slot++) {
        if (uint16_t(read_at(bus, slot, 0, kVendorId, 2)) == 0xffff)
            continue;
        bool multi = read_at(bus, slot, 0, kHeaderType, 1) & kHeaderMultifunction;
        for (uint8_t func = 0; func < (multi ? 8 : 1); func++) {
            if (uint16_t(read_at(bus, slot, func, kVendorId, 2)) == 0xffff)
                continue;
            add_function(bus, slot, func);
        }
    }
}

void scan_all() {
    // A multifunction host bridge at 00:00 means several host controllers:
    // function N owns bus N.
    if (read_at(0, 0, 0, kHeaderType, 1) & kHeaderMultifunction) {
        for (uint8_t func = 0; func < 8; func++)
            if (uint16_t(read_at(0, 0, func, kVendorId, 2)) != 0xffff)
                scan_bus(func);
    } else {
        scan_bus(0);
    }
}

struct [[gnu::packed]] McfgEntry {
    uint64_t base;
    uint16_t segment;
    uint8_t start_bus, end_bus;
    uint32_t reserved;
};

// Maps the ECAM window of every bus found by the first (mechanism #1) scan
// that the MCFG table covers for segment 0.
void map_ecam() {
    const kernel::acpi::SdtHeader* mcfg = kernel::acpi::find_table("MCFG");
    if (!mcfg || mcfg->length < 44 + sizeof(McfgEntry))
        return;
    auto* bytes = reinterpret_cast<const uint8_t*>(mcfg);
    size_t entries = (mcfg->length - 44) / sizeof(McfgEntry);
    for (size_t e = 0; e < entries; e++) {
        McfgEntry entry;
        __builtin_memcpy(&entry, bytes + 44 + e * sizeof(McfgEntry), sizeof entry);
        if (entry.segment != 0)
            continue;
        for (int bus = entry.start_bus; bus <= entry.end_bus; bus++) {
            if (!bus_seen[bus] || ecam_bus[bus])
                continue;
            uint64_t phys = entry.base + (uint64_t(bus - entry.start_bus) << 20);
            void* window = kernel::paging::map_mmio(phys, 1 << 20);
            if (!window)
                continue;
            // Trust the window only when it agrees with mechanism #1.
            auto* w = static_cast<volatile uint8_t*>(window);
            if (*reinterpret_cast<volatile uint32_t*>(w) != port_read(uint8_t(bus), 0, 0, 0, 4))
                continue;
            ecam_bus[bus] = w;
            have_ecam = true;
        }
    }
}

void enumerate() {
    if (enumerated)
        return;
    enumerated = true;
    // First pass with mechanism #1 only to learn which buses exist, then
    // map their ECAM windows, then the real pass (which may use them).
    probe_pass = false;
    scan_all();
    probe_pass = true;
    count = 0;
    map_ecam();
    for (bool& seen : bus_seen)
        seen = false;
    scan_all();
}

}  // namespace

size_t device_count() {
    enumerate();
    return count;
}

const Device& device(size_t index) {
    enumerate();
    return devices[index];
}

bool ecam_available() {
    enumerate();
    return have_ecam;
}

uint16_t config_size(const Device& d) { return ecam_bus[d.bus] ? 4096 : 256; }

uint32_t config_read(const Device& d, uint16_t offset, int width) {
    return read_at(d.bus, d.slot, d.func, offset, width);
}

void config_write(const Device& d, uint16_t offset, int width, uint32_t value) {
    write_at(d.bus, d.slot, d.func, offset, width, value);
}

}  // namespace hal::pci
