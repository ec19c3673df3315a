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

// A small part of the ANSI/VT100 escape sequences, enough for the line
// editor of the REPL (stdlib/node/internal/line_editor.js), which writes the
// same bytes to VGA and serial: CSI n A/B/C/D (cursor up/down/right/left),
// CSI r;c H and f (position, 1-based), CSI K (erase to the end of the line;
// 1K to the start, 2K the line), CSI J (0J to the end of the screen, 2J all).
// Other sequences (colours: CSI ... m) are consumed and ignored; ESC and
// any other byte is dropped.
enum class Escape { kNone, kEsc, kCsi } escape_state;
constexpr int kMaxParams = 4;
int params[kMaxParams];
int param_count;

void clear_cells(int from, int to) {  // [from, to) as row * kColumns + column
    for (int i = from; i < to; i++)
        kScreen[i] = kAttribute | ' ';
}

int param(int i, int fallback) {
    return i < param_count && params[i] > 0 ? params[i] : fallback;
}

void csi(char final) {
    int here = row * kColumns + column;
    switch (final) {
    case 'A': row -= param(0, 1); break;
    case 'B': row += param(0, 1); break;
    case 'C': column += param(0, 1); break;
    case 'D': column -= param(0, 1); break;
    case 'H':
    case 'f':
        row = param(0, 1) - 1;
        column = param(1, 1) - 1;
        break;
    case 'K': {
        int mode = param_count > 0 ? params[0] : 0;
        int start = row * kColumns;
        if (mode == 0) clear_cells(here, start + kColumns);
        else if (mode == 1) clear_cells(start, here + 1);
        else clear_cells(start, start + kColumns);
        break;
    }
    case 'J': {
        int mode = param_count > 0 ? params[0] : 0;
        if (mode == 0) clear_cells(here, kRows * kColumns);
        else if (mode == 1) clear_cells(0, here + 1);
        else clear_cells(0, kRows * kColumns);
        break;
    }
    default: break;
    }
    if (row < 0) row = 0;
    if (row >= kRows) row = kRows - 1;
    if (column < 0) column = 0;
    if (column >= kColumns) column = kColumns - 1;
}

// Returns true when c belonged to an escape sequence.
bool escape(char c) {
    switch (escape_state) {
    case Escape::kNone:
        if (c != 0x1b)
            return false;
        escape_state = Escape::kEsc;
        return true;
    case Escape::kEsc:
        if (c == '[') {
            escape_state = Escape::kCsi;
            param_count = 0;
            params[0] = 0;
        } else {
            escape_state = Escape::kNone;  // ESC x: dropped
        }
        return true;
    case Escape::kCsi:
        if (c >= '0' && c <= '9') {
            if (param_count == 0)
                param_count = 1;
            if (param_count <= kMaxParams && params[param_count - 1] < 10000)
                params[param_count - 1] = params[param_count - 1] * 10 + (c - '0');
        } else if (c == ';') {
            if (param_count == 0)
                param_count = 1;
            if (param_count < kMaxParams)
                params[param_count] = 0;
            param_count++;
        } else if (c >= 0x40 && c <= 0x7e) {
            if (param_count > kMaxParams)
                param_count = kMaxParams;
            escape_state = Escape::kNone;
            csi(c);
        }  // '?' and other intermediates: ignored
        return true;
    }
    return false;
}

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
    if (escape(c))
        return;
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
