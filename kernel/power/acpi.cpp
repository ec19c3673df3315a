#include "kernel/power/acpi.h"

#include "kernel/arch/x86_64/cpu.h"
#include "kernel/mm/paging.h"

namespace kernel::acpi {
namespace {

struct [[gnu::packed]] Rsdp {
    char signature[8];  // "RSD PTR "
    uint8_t checksum;   // over the first 20 bytes
    char oem_id[6];
    uint8_t revision;  // 0: ACPI 1.0 (RSDT only), 2+: XSDT fields valid
    uint32_t rsdt_address;
    uint32_t length;
    uint64_t xsdt_address;
    uint8_t extended_checksum;
    uint8_t reserved[3];
};

// Offsets into the FADT ("FACP") we use (ACPI 6.4, 5.2.9).
constexpr size_t kFadtDsdt = 40;
constexpr size_t kFadtSmiCommand = 48;
constexpr size_t kFadtAcpiEnable = 52;
constexpr size_t kFadtPm1aControl = 64;
constexpr size_t kFadtPm1bControl = 68;
constexpr size_t kFadtCentury = 108;
constexpr size_t kFadtXDsdt = 140;

constexpr uint16_t kSciEnable = 1 << 0;  // PM1 control: ACPI mode on
constexpr uint16_t kSleepEnable = 1 << 13;

// Parsed on first use, not at boot: boot stays fast, and most runs never
// need ACPI until they power off.
const void* loader_rsdp_copy;
bool parsed;
uint64_t root_address;  // physical address of the RSDT or XSDT, 0 if none
bool root_is_xsdt;
uint8_t century;
uint32_t smi_command;
uint8_t acpi_enable_value;
uint16_t pm1a_control, pm1b_control;
bool have_s5;
bool s5_searched;
uint64_t dsdt_address;
uint8_t s5_type_a, s5_type_b;

bool checksum_ok(const void* data, size_t length) {
    uint8_t sum = 0;
    for (size_t i = 0; i < length; i++)
        sum += static_cast<const uint8_t*>(data)[i];
    return sum == 0;
}

template <typename T> T read_field(const SdtHeader* table, size_t offset) {
    T value {};
    if (offset + sizeof(T) <= table->length)
        __builtin_memcpy(&value, reinterpret_cast<const char*>(table) + offset, sizeof(T));
    return value;
}

const SdtHeader* map_table(uint64_t phys) {
    if (!phys)
        return nullptr;
    auto* header = static_cast<const SdtHeader*>(paging::map_physical(phys, sizeof(SdtHeader)));
    if (!header || header->length < sizeof(SdtHeader))
        return nullptr;
    header = static_cast<const SdtHeader*>(paging::map_physical(phys, header->length));
    if (!header || !checksum_ok(header, header->length))
        return nullptr;
    return header;
}

const Rsdp* valid_rsdp(const void* candidate) {
    auto* rsdp = static_cast<const Rsdp*>(candidate);
    // One 8-byte compare per probe: the BIOS area scan makes thousands.
    constexpr uint64_t kSignature = 0x2052545020445352;  // "RSD PTR " little endian
    if (*reinterpret_cast<const uint64_t*>(rsdp->signature) != kSignature || !checksum_ok(rsdp, 20))
        return nullptr;
    if (rsdp->revision >= 2 && !checksum_ok(rsdp, sizeof(Rsdp)))
        return nullptr;
    return rsdp;
}

const Rsdp* search_bios_areas() {
    // The first KiB of the Extended BIOS Data Area, then the BIOS ROM area,
    // on 16-byte boundaries (ACPI 5.2.5.1).
    // The BIOS data area keeps the EBDA's segment at 0x40E, in page 0, which
    // is unmapped to catch null pointers: map it just for this read. (The
    // asm hides the constant address from the compiler, which would flag it.)
    auto* ebda_segment = static_cast<const volatile uint16_t*>(paging::map_physical(0x40E, 2));
    asm("" : "+r"(ebda_segment));
    uint64_t ebda = ebda_segment ? uint64_t(*ebda_segment) << 4 : 0;
    paging::unmap(0, 4096);
    if (ebda >= 0x80000 && ebda < 0xA0000) {
        for (uint64_t p = ebda; p < ebda + 1024; p += 16)
            if (auto* rsdp = valid_rsdp(reinterpret_cast<const void*>(p)))
                return rsdp;
    }
    for (uint64_t p = 0xE0000; p < 0x100000; p += 16)
        if (auto* rsdp = valid_rsdp(reinterpret_cast<const void*>(p)))
            return rsdp;
    return nullptr;
}

// Finds `Name(_S5_, Package() { a, b, ... })` in the DSDT's AML and takes
// the first two values: the SLP_TYP codes for PM1a and PM1b.
void find_s5(const SdtHeader* dsdt) {
    const uint8_t* aml = reinterpret_cast<const uint8_t*>(dsdt) + sizeof(SdtHeader);
    size_t length = dsdt->length - sizeof(SdtHeader);
    for (size_t i = 1; i + 8 < length; i++) {
        if (__builtin_memcmp(aml + i, "_S5_", 4) != 0)
            continue;
        bool named = aml[i - 1] == 0x08 || (i >= 2 && aml[i - 2] == 0x08 && aml[i - 1] == '\\');
        if (!named || aml[i + 4] != 0x12)  // NameOp ... PackageOp
            continue;
        size_t p = i + 5;
        p += 1 + (aml[p] >> 6);  // PkgLength: bits 7-6 count the extra bytes
        p += 1;                  // NumElements
        uint8_t values[2];
        for (uint8_t& value : values) {
            if (p >= length)
                return;
            if (aml[p] == 0x0A) {  // BytePrefix
                value = aml[p + 1];
                p += 2;
            } else {  // ZeroOp (0), OneOp (1), or a bare small constant
                value = aml[p] == 0x01 ? 1 : (aml[p] == 0x00 ? 0 : aml[p]);
                p += 1;
            }
        }
        s5_type_a = values[0];
        s5_type_b = values[1];
        have_s5 = true;
        return;
    }
}

const SdtHeader* find_table_in_root(const char* signature, size_t index) {
    // Mapped again on every call: the page tables may have been replaced
    // since init() (the boot mapping is gone once paging::init has run).
    const SdtHeader* root = map_table(root_address);
    if (!root)
        return nullptr;
    size_t entry_size = root_is_xsdt ? 8 : 4;
    size_t count = (root->length - sizeof(SdtHeader)) / entry_size;
    const char* entries = reinterpret_cast<const char*>(root) + sizeof(SdtHeader);
    for (size_t i = 0; i < count; i++) {
        uint64_t phys = 0;
        __builtin_memcpy(&phys, entries + i * entry_size, entry_size);
        const SdtHeader* table = map_table(phys);
        if (table && __builtin_memcmp(table->signature, signature, 4) == 0 && index-- == 0)
            return table;
    }
    return nullptr;
}

void parse() {
    parsed = true;
    const Rsdp* rsdp = loader_rsdp_copy ? valid_rsdp(loader_rsdp_copy) : nullptr;
    if (!rsdp)
        rsdp = search_bios_areas();
    if (!rsdp)
        return;
    if (rsdp->revision >= 2 && map_table(rsdp->xsdt_address)) {
        root_address = rsdp->xsdt_address;
        root_is_xsdt = true;
    } else if (map_table(rsdp->rsdt_address)) {
        root_address = rsdp->rsdt_address;
    } else {
        return;
    }

    const SdtHeader* fadt = find_table_in_root("FACP", 0);
    if (!fadt)
        return;
    century = read_field<uint8_t>(fadt, kFadtCentury);
    smi_command = read_field<uint32_t>(fadt, kFadtSmiCommand);
    acpi_enable_value = read_field<uint8_t>(fadt, kFadtAcpiEnable);
    pm1a_control = uint16_t(read_field<uint32_t>(fadt, kFadtPm1aControl));
    pm1b_control = uint16_t(read_field<uint32_t>(fadt, kFadtPm1bControl));
    dsdt_address = read_field<uint64_t>(fadt, kFadtXDsdt);
    if (!dsdt_address)
        dsdt_address = read_field<uint32_t>(fadt, kFadtDsdt);
}

void ensure_parsed() {
    if (!parsed)
        parse();
}

// The DSDT's AML is scanned only when the machine powers off: the clock
// needs the FADT's century register at boot, not \_S5.
void ensure_s5_searched() {
    ensure_parsed();
    if (s5_searched)
        return;
    s5_searched = true;
    if (const SdtHeader* dsdt = map_table(dsdt_address))
        find_s5(dsdt);
}

}  // namespace

void init(const void* loader_rsdp) { loader_rsdp_copy = loader_rsdp; }

bool available() {
    ensure_parsed();
    return root_address != 0;
}

const SdtHeader* find_table(const char* signature, size_t index) {
    ensure_parsed();
    return find_table_in_root(signature, index);
}

uint8_t century_register() {
    ensure_parsed();
    return century;
}

void power_off() {
    ensure_s5_searched();
    if (!have_s5 || !pm1a_control)
        return;
    if (smi_command && acpi_enable_value && !(cpu::inw(pm1a_control) & kSciEnable)) {
        cpu::outb(uint16_t(smi_command), acpi_enable_value);
        for (int i = 0; i < 100000 && !(cpu::inw(pm1a_control) & kSciEnable); i++)
            cpu::io_wait();
    }
    cpu::outw(pm1a_control, uint16_t(s5_type_a << 10) | kSleepEnable);
    if (pm1b_control)
        cpu::outw(pm1b_control, uint16_t(s5_type_b << 10) | kSleepEnable);
    for (int i = 0; i < 100000; i++)  // the power goes away during this loop
        cpu::io_wait();
}

}  // namespace kernel::acpi
