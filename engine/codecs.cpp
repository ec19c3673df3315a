// native:codecs: the per-byte work of Buffer's encodings that Duktape does
// slowly (stdlib/node/internal/buffer_codecs.js uses it when present; its
// JS definition stays beside it, and tests/js/buffer.js compares the two).
//
//   latin1(bytes, start, end) -> the string with one character per byte of
//     bytes[start, end), U+0000-U+00FF (Node's 'latin1'/'binary'). In JS
//     that is String.fromCharCode.apply over the bytes: about 1,000 guest
//     instructions per byte under QEMU, against a few here.
//   latin1Write(target, string, offset, length) -> n: writes the low byte
//     of each of the first n = min(string.length, length) UTF-16 code units
//     of string into target[offset, offset + n), as Buffer's 'latin1' and
//     'ascii' writes do (an http response's head goes out this way). In JS
//     that is a charCodeAt loop, or TextEncoder and a copy when the string
//     is ASCII: 13,000 instructions for a 150-byte head, against 2,500.
#include "engine/codecs.h"

#include "engine/natives.h"

namespace engine {
namespace {

duk_ret_t native_latin1(duk_context* ctx) {
    if (!duk_is_buffer_data(ctx, 0))
        return duk_type_error(ctx, "codecs.latin1: expected a buffer");
    duk_size_t size = 0;
    auto* data = static_cast<const uint8_t*>(duk_get_buffer_data(ctx, 0, &size));
    double start = duk_require_number(ctx, 1);
    double end = duk_require_number(ctx, 2);
    if (!(start >= 0 && start <= end && end <= double(size)) || start != double(size_t(start))
        || end != double(size_t(end)))
        return duk_range_error(ctx, "codecs.latin1: [%g, %g) outside a buffer of %lu", start, end,
            static_cast<unsigned long>(size));
    const uint8_t* bytes = data + size_t(start);
    size_t length = size_t(end) - size_t(start);
    // Duktape keeps strings in UTF-8: bytes 0x80-0xFF take two.
    size_t high = 0;
    for (size_t i = 0; i < length; i++)
        high += bytes[i] >> 7;
    if (high == 0) {
        duk_push_lstring(ctx, reinterpret_cast<const char*>(bytes), length);
        return 1;
    }
    // (Allocating may collect garbage, which never moves a buffer's data:
    // `bytes`, held at index 0, stays valid.)
    auto* out = static_cast<uint8_t*>(duk_push_fixed_buffer(ctx, length + high));
    size_t o = 0;
    for (size_t i = 0; i < length; i++) {
        uint8_t b = bytes[i];
        if (b < 0x80) {
            out[o++] = b;
        } else {
            out[o++] = uint8_t(0xC0 | (b >> 6));
            out[o++] = uint8_t(0x80 | (b & 0x3F));
        }
    }
    duk_buffer_to_string(ctx, -1);
    return 1;
}

duk_ret_t native_latin1_write(duk_context* ctx) {
    if (!duk_is_buffer_data(ctx, 0))
        return duk_type_error(ctx, "codecs.latin1Write: expected a buffer");
    duk_size_t size = 0;
    auto* target = static_cast<uint8_t*>(duk_get_buffer_data(ctx, 0, &size));
    duk_size_t bytes = 0;
    const char* text = duk_require_lstring(ctx, 1, &bytes);
    duk_size_t chars = duk_get_length(ctx, 1);
    double offset = duk_require_number(ctx, 2);
    double length = duk_require_number(ctx, 3);
    double n = length < double(chars) ? length : double(chars);
    if (!(offset >= 0 && n >= 0 && offset + n <= double(size)) || offset != double(size_t(offset))
        || n != double(size_t(n)))
        return duk_range_error(ctx, "codecs.latin1Write: %g characters at %g do not fit %lu bytes",
            n, offset, static_cast<unsigned long>(size));
    uint8_t* out = target + size_t(offset);
    if (bytes == chars) {  // ASCII: Duktape's UTF-8 is the bytes themselves
        __builtin_memcpy(out, text, size_t(n));
    } else {
        // Duktape keeps a cache of character offsets, so walking the string
        // in order costs no more than one pass over it.
        for (size_t i = 0; i < size_t(n); i++)
            out[i] = uint8_t(duk_char_code_at(ctx, 1, i));
    }
    duk_push_number(ctx, n);
    return 1;
}

void init_codecs_module(duk_context* ctx) {
    put_function(ctx, "latin1", native_latin1, 3);
    put_function(ctx, "latin1Write", native_latin1_write, 4);
}

}  // namespace

void register_codecs_module() { register_native_module("codecs", init_codecs_module); }

}  // namespace engine
