// printf-style formatting. One pass over the format string: parse a
// conversion spec, fetch its argument, render digits into a small buffer,
// then emit padding, prefix, zeros, digits in the order printf defines.
#include "kernel/lib/format.h"

#include <stdint.h>

namespace kernel {

namespace {

// Counts what it emits, so every path returns the full length.
struct Output {
    FormatSink sink;
    void* context;
    size_t count;

    void put(char c) {
        sink(c, context);
        ++count;
    }
    void repeat(char c, int n) {
        for (int i = 0; i < n; ++i)
            put(c);
    }
};

struct Spec {
    bool left = false;       // '-'
    bool zero = false;       // '0'
    bool plus = false;       // '+'
    bool space = false;      // ' '
    bool alternate = false;  // '#'
    int width = 0;
    int precision = -1;  // -1: none given
};

enum class Length { Default, Char, Short, Long, LongLong, Size, PtrDiff, Max };

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Emits `text` (`length` bytes) padded to the field width.
void emit_padded(Output& out, const Spec& spec, const char* text, size_t length) {
    int pad = spec.width > (int)length ? spec.width - (int)length : 0;
    if (!spec.left)
        out.repeat(' ', pad);
    for (size_t i = 0; i < length; ++i)
        out.put(text[i]);
    if (spec.left)
        out.repeat(' ', pad);
}

// Emits an unsigned magnitude with an optional sign/prefix already decided
// by the caller. The layout is: [spaces] prefix [zeros] digits [spaces].
void emit_number(
    Output& out, const Spec& spec, uint64_t value, unsigned base, bool upper, const char* prefix) {
    const char* digit_chars = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char digits[24];  // 22 octal digits hold 64 bits
    int length = 0;
    // "%.0d" of zero prints no digits at all; that is what printf does.
    if (value != 0 || spec.precision != 0) {
        do {
            digits[length++] = digit_chars[value % base];
            value /= base;
        } while (value != 0);
    }

    int min_digits = spec.precision > length ? spec.precision : length;
    // '#' with octal guarantees a leading zero, unless the digits already have one.
    if (base == 8 && spec.alternate && (length == 0 || digits[length - 1] != '0')
        && min_digits <= length)
        min_digits = length + 1;

    int prefix_length = (int)__builtin_strlen(prefix);
    int body = prefix_length + min_digits;
    int pad = spec.width > body ? spec.width - body : 0;
    // A precision turns off '0' padding, as in C.
    bool zero_fill = spec.zero && !spec.left && spec.precision < 0;
    if (zero_fill) {
        min_digits += pad;
        pad = 0;
    }

    if (!spec.left)
        out.repeat(' ', pad);
    for (int i = 0; i < prefix_length; ++i)
        out.put(prefix[i]);
    out.repeat('0', min_digits - length);
    while (length > 0)
        out.put(digits[--length]);
    if (spec.left)
        out.repeat(' ', pad);
}

}  // namespace

size_t vformat(FormatSink sink, void* context, const char* fmt, va_list args) {
    Output out { sink, context, 0 };
    // va_list may be an array type; a local copy lets us pass it around.
    va_list ap;
    va_copy(ap, args);

    while (*fmt) {
        if (*fmt != '%') {
            out.put(*fmt++);
            continue;
        }
        const char* spec_start = fmt++;
        Spec spec;

        for (;; ++fmt) {
            if (*fmt == '-')
                spec.left = true;
            else if (*fmt == '0')
                spec.zero = true;
            else if (*fmt == '+')
                spec.plus = true;
            else if (*fmt == ' ')
                spec.space = true;
            else if (*fmt == '#')
                spec.alternate = true;
            else
                break;
        }

        if (*fmt == '*') {
            ++fmt;
            spec.width = va_arg(ap, int);
            if (spec.width < 0) {  // a negative '*' width means left-justify
                spec.left = true;
                spec.width = -spec.width;
            }
        } else {
            while (is_digit(*fmt))
                spec.width = spec.width * 10 + (*fmt++ - '0');
        }

        if (*fmt == '.') {
            ++fmt;
            spec.precision = 0;
            if (*fmt == '*') {
                ++fmt;
                spec.precision = va_arg(ap, int);
                if (spec.precision < 0)  // negative means "as if omitted"
                    spec.precision = -1;
            } else {
                while (is_digit(*fmt))
                    spec.precision = spec.precision * 10 + (*fmt++ - '0');
            }
        }

        Length length = Length::Default;
        switch (*fmt) {
        case 'h':
            ++fmt;
            length = Length::Short;
            if (*fmt == 'h') {
                ++fmt;
                length = Length::Char;
            }
            break;
        case 'l':
            ++fmt;
            length = Length::Long;
            if (*fmt == 'l') {
                ++fmt;
                length = Length::LongLong;
            }
            break;
        case 'z':
            ++fmt;
            length = Length::Size;
            break;
        case 't':
            ++fmt;
            length = Length::PtrDiff;
            break;
        case 'j':
            ++fmt;
            length = Length::Max;
            break;
        default:
            break;
        }

        char conversion = *fmt;
        if (conversion == '\0') {
            // A spec cut off by the end of the string is printed as is.
            while (spec_start < fmt)
                out.put(*spec_start++);
            break;
        }
        ++fmt;

        switch (conversion) {
        case 'd':
        case 'i': {
            int64_t value;
            switch (length) {
            case Length::Char:
                value = (signed char)va_arg(ap, int);
                break;
            case Length::Short:
                value = (short)va_arg(ap, int);
                break;
            case Length::Long:
                value = va_arg(ap, long);
                break;
            case Length::LongLong:
                value = va_arg(ap, long long);
                break;
            case Length::Size:
            case Length::PtrDiff:
                value = va_arg(ap, ptrdiff_t);  // signed type of size_t's width
                break;
            case Length::Max:
                value = va_arg(ap, intmax_t);
                break;
            default:
                value = va_arg(ap, int);
                break;
            }
            // Negate in unsigned arithmetic so INT64_MIN works.
            uint64_t magnitude = value < 0 ? 0 - (uint64_t)value : (uint64_t)value;
            const char* sign = value < 0 ? "-" : spec.plus ? "+" : spec.space ? " " : "";
            emit_number(out, spec, magnitude, 10, false, sign);
            break;
        }
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            uint64_t value;
            switch (length) {
            case Length::Char:
                value = (unsigned char)va_arg(ap, unsigned);
                break;
            case Length::Short:
                value = (unsigned short)va_arg(ap, unsigned);
                break;
            case Length::Long:
                value = va_arg(ap, unsigned long);
                break;
            case Length::LongLong:
                value = va_arg(ap, unsigned long long);
                break;
            case Length::Size:
            case Length::PtrDiff:
                value = va_arg(ap, size_t);
                break;
            case Length::Max:
                value = va_arg(ap, uintmax_t);
                break;
            default:
                value = va_arg(ap, unsigned);
                break;
            }
            unsigned base = conversion == 'u' ? 10 : conversion == 'o' ? 8 : 16;
            const char* prefix = "";
            if (spec.alternate && value != 0 && base == 16)
                prefix = conversion == 'X' ? "0X" : "0x";
            emit_number(out, spec, value, base, conversion == 'X', prefix);
            break;
        }
        case 'p': {
            // Always the full 64 bits, so addresses line up in dumps.
            uintptr_t value = (uintptr_t)va_arg(ap, void*);
            spec.precision = 16;
            emit_number(out, spec, value, 16, false, "0x");
            break;
        }
        case 's': {
            const char* text = va_arg(ap, const char*);
            if (!text)
                text = "(null)";
            // With a precision the string need not be NUL-terminated, so
            // never look past `precision` bytes.
            size_t text_length = 0;
            while (
                (spec.precision < 0 || text_length < (size_t)spec.precision) && text[text_length])
                ++text_length;
            emit_padded(out, spec, text, text_length);
            break;
        }
        case 'c': {
            char c = (char)va_arg(ap, int);
            emit_padded(out, spec, &c, 1);
            break;
        }
        case '%':
            out.put('%');
            break;
        default:
            // Unknown conversion: show it verbatim so the mistake is visible.
            while (spec_start < fmt)
                out.put(*spec_start++);
            break;
        }
    }

    va_end(ap);
    return out.count;
}

namespace {

struct BufferSink {
    char* buffer;
    size_t size;
    size_t used;
};

// Keeps one byte for the terminator and silently drops the rest.
void buffer_put(char c, void* context) {
    auto* b = static_cast<BufferSink*>(context);
    if (b->used + 1 < b->size)
        b->buffer[b->used++] = c;
}

}  // namespace

size_t vformat_to(char* buffer, size_t size, const char* fmt, va_list args) {
    BufferSink sink { buffer, size, 0 };
    size_t length = vformat(buffer_put, &sink, fmt, args);
    if (size > 0)
        buffer[sink.used] = '\0';
    return length;
}

size_t format_to(char* buffer, size_t size, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    size_t length = vformat_to(buffer, size, fmt, args);
    va_end(args);
    return length;
}

}  // namespace kernel
