// printf-style formatting without a C library, for the console and panics.
//
// Supported: %d %i %u %x %X %o %p %s %c %%, flags '-' '0' '+' ' ' '#',
// width and precision (also '*'), length modifiers hh h l ll z t j.
// No floating point: the kernel prints fixed-point numbers by hand.
#pragma once

#include <stdarg.h>
#include <stddef.h>

namespace kernel {

// Receives each output character; `context` is passed through unchanged.
using FormatSink = void (*)(char c, void* context);

// Formats into `sink`; returns the number of characters produced.
size_t vformat(FormatSink sink, void* context, const char* fmt, va_list args);

// Formats into `buffer` (always NUL-terminated when size > 0). Returns the
// length the full output would have had, like snprintf.
size_t vformat_to(char* buffer, size_t size, const char* fmt, va_list args);
size_t format_to(char* buffer, size_t size, const char* fmt, ...)
    __attribute__((format(printf, 3, 4)));

}  // namespace kernel
