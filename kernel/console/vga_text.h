// The VGA text screen: 80x25 cells at physical 0xB8000, two bytes each
// (character, colour attribute). Scrolls when full.
#pragma once

#include <stddef.h>

namespace kernel::vga_text {

void init();  // clears the screen
void write(const char* data, size_t length);

}  // namespace kernel::vga_text
