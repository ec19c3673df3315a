#include "kernel/console/vga_text.h"

#include <stdint.h>

#include "kernel/arch/x86_64/cpu.h"

namespace kernel::vga_text {
namespace {

constexpr int kColumns = 80;
constexpr int kRows = 25;
constexpr uint16_t kAttribute = 0x07 << 8;  // light grey on black
volatile uint16_t* const kScreen = reinterpret_cast<volatile uint16_t*>(0xB8000);
constexpr uint16_t kCrtcIndex = 0x3D4, kCrtcData = 0x3D5;

int row, column;

void scroll() {
    for (int i = 0; i < (kRows - 1) * kColumns; i++)
        kScreen[i] = kScreen[i + kColumns];
    for (int i = (kRows - 1) * kColumns; i < kRows * kColumns; i++)
        kScreen[i] = kAttribute | ' ';
    row = kRows - 1;
}

void move_cursor() {
    uint16_t position = uint16_t(row * kColumns + column);
    cpu::outb(kCrtcIndex, 0x0F);
    cpu::outb(kCrtcData, uint8_t(position));
    cpu::outb(kCrtcIndex, 0x0E);
    cpu::outb(kCrtcData, uint8_t(position >> 8));
}

void put(char c) {
    switch (c) {
    case '\n':
        column = 0;
        row++;
        break;
    case '\r':
        column = 0;
        break;
    case '\b':
        if (column > 0)
            column--;
        break;
    case '\t':
        column = (column + 8) & ~7;
        break;
    default:
        kScreen[row * kColumns + column] = kAttribute | uint8_t(c);
        column++;
    }
    if (column >= kColumns) {
        column = 0;
        row++;
    }
    if (row >= kRows)
        scroll();
}

}  // namespace

void init() {
    for (int i = 0; i < kRows * kColumns; i++)
        kScreen[i] = kAttribute | ' ';
    row = column = 0;
    move_cursor();
}

void write(const char* data, size_t length) {
    for (size_t i = 0; i < length; i++)
        put(data[i]);
    move_cursor();
}

}  // namespace kernel::vga_text
