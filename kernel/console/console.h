// The kernel console: everything printed goes to COM1 and the VGA screen.
#pragma once

#include <stdarg.h>
#include <stddef.h>

namespace kernel::console {

void init();
// '\n' becomes "\r\n" on the serial line.
void write(const char* data, size_t length);
void print(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
void vprint(const char* fmt, va_list args);

}  // namespace kernel::console
