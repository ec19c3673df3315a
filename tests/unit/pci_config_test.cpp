#include "kernel/lib/pci_config.h"

#include <gtest/gtest.h>
#include <stdint.h>
#include <string>

using namespace kernel::pci;

namespace {

// A 256-byte configuration space with a probing model: writing all-ones to
// a BAR reads back its size mask (what hal/pci.cpp sees on real hardware).
struct FakeConfig {
    uint8_t bytes[256] = {};
    void put8(uint16_t off, uint8_t v) { bytes[off] = v; }
    void put16(uint16_t off, uint16_t v) {
        put8(off, uint8_t(v));
        put8(off + 1, uint8_t(v >> 8));
    }
    static uint8_t read(void* self, uint16_t off) {
        return static_cast<FakeConfig*>(self)->bytes[off];
    }
};

}  // namespace

TEST(PciConfig, BarCount) {
    EXPECT_EQ(bar_count(0x00), 6);
    EXPECT_EQ(bar_count(0x80), 6);  // multifunction bit ignored
    EXPECT_EQ(bar_count(0x01), 2);  // PCI-PCI bridge
    EXPECT_EQ(bar_count(0x81), 2);
    EXPECT_EQ(bar_count(0x02), 0);  // CardBus
}

TEST(PciConfig, Memory32Bar) {
    // e1000 BAR0: 128 KiB non-prefetchable memory at 0xfebc0000.
    Bar bar = decode_bar(0xfebc0000, 0xfffe0000);
    EXPECT_TRUE(bar.present);
    EXPECT_FALSE(bar.io);
    EXPECT_FALSE(bar.is64);
    EXPECT_FALSE(bar.prefetchable);
    EXPECT_EQ(bar.base, 0xfebc0000u);
    EXPECT_EQ(bar.size, 0x20000u);
}

TEST(PciConfig, Memory32PrefetchableBar) {
    // std VGA BAR0: 16 MiB prefetchable framebuffer.
    Bar bar = decode_bar(0xfd000008, 0xff000008);
    EXPECT_TRUE(bar.present);
    EXPECT_TRUE(bar.prefetchable);
    EXPECT_FALSE(bar.is64);
    EXPECT_EQ(bar.base, 0xfd000000u);
    EXPECT_EQ(bar.size, 0x1000000u);
}

TEST(PciConfig, Memory64PrefetchableBar) {
    uint32_t low = 0xc000000c;  // 64-bit (type 2), prefetchable
    EXPECT_TRUE(bar_is_64(low));
    Bar bar = decode_bar(low, 0xffffc00c, 0x00000008, 0xffffffff);
    EXPECT_TRUE(bar.present);
    EXPECT_TRUE(bar.is64);
    EXPECT_TRUE(bar.prefetchable);
    EXPECT_EQ(bar.base, 0x8c0000000ull);
    EXPECT_EQ(bar.size, 0x4000u);
}

TEST(PciConfig, Memory64BarLargerThan4GiB) {
    Bar bar = decode_bar(0x0000000c, 0x0000000c, 0x00000010, 0xfffffffe);
    EXPECT_TRUE(bar.present);
    EXPECT_EQ(bar.base, 0x1000000000ull);
    EXPECT_EQ(bar.size, 0x200000000ull);
}

TEST(PciConfig, IoBar) {
    // e1000 BAR1: 64 I/O ports at 0xc000; the upper 16 bits read back 0.
    Bar bar = decode_bar(0x0000c001, 0x0000ffc1);
    EXPECT_TRUE(bar.present);
    EXPECT_TRUE(bar.io);
    EXPECT_FALSE(bar.prefetchable);
    EXPECT_FALSE(bar.is64);
    EXPECT_EQ(bar.base, 0xc000u);
    EXPECT_EQ(bar.size, 64u);
    EXPECT_FALSE(bar_is_64(0x0000c001));
    // The same with all 32 bits implemented.
    EXPECT_EQ(decode_bar(0x0000c001, 0xffffffc1).size, 64u);
}

TEST(PciConfig, UnimplementedBar) {
    EXPECT_FALSE(decode_bar(0, 0).present);
    EXPECT_EQ(decode_bar(0, 0).size, 0u);
    EXPECT_FALSE(decode_bar(0, 0, 0, 0).present);
}

TEST(PciConfig, BridgeHeader) {
    FakeConfig c;
    c.put8(kHeaderType, 0x01);
    c.put8(kClassCode, 0x06);
    c.put8(kSubclass, 0x04);
    c.put8(kSecondaryBus, 2);
    EXPECT_EQ(bar_count(c.bytes[kHeaderType]), 2);
    EXPECT_EQ(c.bytes[kSecondaryBus], 2);
    EXPECT_STREQ(class_name(0x06, 0x04, 0x00), "PCI bridge");
    EXPECT_EQ(walk_capabilities(FakeConfig::read, &c, nullptr, 0), 0u);  // no list
}

TEST(PciConfig, CapabilityChain) {
    FakeConfig c;
    c.put16(kStatus, kStatusCapabilities);
    c.put8(kCapabilitiesPtr, 0x40);
    c.put8(0x40, 0x01);  // power management
    c.put8(0x41, 0x50);
    c.put8(0x50, 0x05);  // MSI
    c.put8(0x51, 0x73);  // reserved low bits are ignored: 0x70
    c.put8(0x70, 0x10);  // PCI Express
    c.put8(0x71, 0x00);
    Capability caps[8];
    ASSERT_EQ(walk_capabilities(FakeConfig::read, &c, caps, 8), 3u);
    EXPECT_EQ(caps[0].id, 0x01);
    EXPECT_EQ(caps[0].offset, 0x40);
    EXPECT_EQ(caps[1].id, 0x05);
    EXPECT_EQ(caps[1].offset, 0x50);
    EXPECT_EQ(caps[2].id, 0x10);
    EXPECT_EQ(caps[2].offset, 0x70);
    // `max` bounds what is written.
    EXPECT_EQ(walk_capabilities(FakeConfig::read, &c, caps, 2), 2u);
}

TEST(PciConfig, CapabilityListWithoutStatusBit) {
    FakeConfig c;
    c.put8(kCapabilitiesPtr, 0x40);
    c.put8(0x40, 0x01);
    Capability caps[4];
    EXPECT_EQ(walk_capabilities(FakeConfig::read, &c, caps, 4), 0u);
}

TEST(PciConfig, CapabilityLoopTerminates) {
    FakeConfig c;
    c.put16(kStatus, kStatusCapabilities);
    c.put8(kCapabilitiesPtr, 0x40);
    c.put8(0x40, 0x09);
    c.put8(0x41, 0x60);
    c.put8(0x60, 0x11);
    c.put8(0x61, 0x40);  // back to the first: a loop
    Capability caps[64];
    ASSERT_EQ(walk_capabilities(FakeConfig::read, &c, caps, 64), 2u);
    EXPECT_EQ(caps[1].offset, 0x60);
    // A capability pointing at itself.
    c.put8(0x41, 0x40);
    EXPECT_EQ(walk_capabilities(FakeConfig::read, &c, caps, 64), 1u);
    // A pointer into the header ends the list.
    c.put8(0x41, 0x20);
    EXPECT_EQ(walk_capabilities(FakeConfig::read, &c, caps, 64), 1u);
}

TEST(PciConfig, CapabilityEveryByteFilledTerminates) {
    FakeConfig c;
    for (int i = 0x40; i < 256; i++)
        c.bytes[i] = 0xff;  // every next pointer is 0xfc
    c.put16(kStatus, kStatusCapabilities);
    c.put8(kCapabilitiesPtr, 0x44);
    Capability caps[64];
    EXPECT_EQ(walk_capabilities(FakeConfig::read, &c, caps, 64), 2u);  // 0x44, 0xfc
}

TEST(PciConfig, ClassNames) {
    EXPECT_STREQ(class_name(0x02, 0x00, 0x00), "Ethernet controller");
    EXPECT_STREQ(class_name(0x01, 0x06, 0x01), "SATA controller");
    EXPECT_STREQ(class_name(0x01, 0x01, 0x80), "IDE interface");
    EXPECT_STREQ(class_name(0x06, 0x00, 0x00), "Host bridge");
    EXPECT_STREQ(class_name(0x06, 0x01, 0x00), "ISA bridge");
    EXPECT_STREQ(class_name(0x06, 0x80, 0x00), "Bridge");
    EXPECT_STREQ(class_name(0x03, 0x00, 0x00), "VGA compatible controller");
    EXPECT_STREQ(class_name(0x0c, 0x05, 0x00), "SMBus");
    EXPECT_STREQ(class_name(0x02, 0x42, 0x00), "Network controller");  // class fallback
    EXPECT_STREQ(class_name(0x42, 0x00, 0x00), "Unclassified device");
}
