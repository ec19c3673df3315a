#include "kernel/lib/pci_config.h"

namespace kernel::pci {

int bar_count(uint8_t header_type) {
    switch (header_type & 0x7f) {
    case 0: return 6;
    case 1: return 2;
    default: return 0;
    }
}

Bar decode_bar(uint32_t original, uint32_t probe, uint32_t original_high, uint32_t probe_high) {
    Bar bar;
    if (original & 1) {
        bar.io = true;
        bar.base = original & ~uint32_t(3);
        uint32_t mask = probe & ~uint32_t(3);
        if (mask == 0)
            return bar;
        // Devices may leave the upper 16 bits of an I/O BAR reading as 0.
        if ((mask & 0xffff0000u) == 0)
            mask |= 0xffff0000u;
        bar.size = uint32_t(~mask + 1);
        bar.present = true;
        return bar;
    }
    bar.prefetchable = original & 8;
    bar.is64 = ((original >> 1) & 3) == 2;
    uint64_t base = original & ~uint32_t(15);
    uint64_t mask = probe & ~uint32_t(15);
    if (bar.is64) {
        base |= uint64_t(original_high) << 32;
        mask |= uint64_t(probe_high) << 32;
    }
    bar.base = base;
    if (mask == 0)
        return bar;
    if (!bar.is64)
        mask |= 0xffffffff00000000ull;
    bar.size = ~mask + 1;
    bar.present = true;
    return bar;
}

size_t walk_capabilities(ConfigRead8 read8, void* context, Capability* out, size_t max) {
    uint16_t status = uint16_t(read8(context, kStatus) | (read8(context, kStatus + 1) << 8));
    if (!(status & kStatusCapabilities))
        return 0;
    uint8_t header = read8(context, kHeaderType) & 0x7f;
    uint8_t pointer = read8(context, header == 2 ? kCardbusCapabilitiesPtr : kCapabilitiesPtr);
    bool seen[64] = {};
    size_t count = 0;
    for (int steps = 0; steps < 48; steps++) {
        pointer &= 0xfc;  // the low two bits are reserved
        if (pointer < 0x40 || seen[pointer >> 2])
            break;
        seen[pointer >> 2] = true;
        if (count < max)
            out[count] = {read8(context, pointer), pointer};
        count++;
        pointer = read8(context, uint16_t(pointer + 1));
    }
    return count < max ? count : max;
}

namespace {

struct ClassName {
    int16_t class_code, subclass, prog_if;  // -1: any
    const char* name;
};

// The names lspci (pci.ids) uses for the classes that show up on PCs.
constexpr ClassName kNames[] = {
    {0x00, 0x01, -1, "VGA compatible unclassified device"},
    {0x00, -1, -1, "Unclassified device"},
    {0x01, 0x00, -1, "SCSI storage controller"},
    {0x01, 0x01, -1, "IDE interface"},
    {0x01, 0x02, -1, "Floppy disk controller"},
    {0x01, 0x04, -1, "RAID bus controller"},
    {0x01, 0x05, -1, "ATA controller"},
    {0x01, 0x06, 0x01, "SATA controller"},
    {0x01, 0x06, -1, "SATA controller"},
    {0x01, 0x07, -1, "Serial Attached SCSI controller"},
    {0x01, 0x08, -1, "Non-Volatile memory controller"},
    {0x01, -1, -1, "Mass storage controller"},
    {0x02, 0x00, -1, "Ethernet controller"},
    {0x02, -1, -1, "Network controller"},
    {0x03, 0x00, -1, "VGA compatible controller"},
    {0x03, 0x01, -1, "XGA compatible controller"},
    {0x03, 0x02, -1, "3D controller"},
    {0x03, -1, -1, "Display controller"},
    {0x04, 0x00, -1, "Multimedia video controller"},
    {0x04, 0x01, -1, "Multimedia audio controller"},
    {0x04, 0x03, -1, "Audio device"},
    {0x04, -1, -1, "Multimedia controller"},
    {0x05, 0x00, -1, "RAM memory"},
    {0x05, -1, -1, "Memory controller"},
    {0x06, 0x00, -1, "Host bridge"},
    {0x06, 0x01, -1, "ISA bridge"},
    {0x06, 0x04, -1, "PCI bridge"},
    {0x06, 0x80, -1, "Bridge"},
    {0x06, -1, -1, "Bridge"},
    {0x07, 0x00, -1, "Serial controller"},
    {0x07, -1, -1, "Communication controller"},
    {0x08, 0x00, -1, "PIC"},
    {0x08, 0x80, -1, "System peripheral"},
    {0x08, -1, -1, "Generic system peripheral"},
    {0x09, -1, -1, "Input device controller"},
    {0x0c, 0x03, -1, "USB controller"},
    {0x0c, 0x05, -1, "SMBus"},
    {0x0c, -1, -1, "Serial bus controller"},
    {0xff, -1, -1, "Unassigned class"},
};

}  // namespace

const char* class_name(uint8_t class_code, uint8_t subclass, uint8_t prog_if) {
    for (const ClassName& n : kNames) {
        if (n.class_code != class_code)
            continue;
        if (n.subclass >= 0 && n.subclass != subclass)
            continue;
        if (n.prog_if >= 0 && n.prog_if != prog_if)
            continue;
        return n.name;
    }
    return "Unclassified device";
}

}  // namespace kernel::pci
