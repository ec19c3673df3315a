// native:codecs: the per-byte work of Buffer's encodings that Duktape does
// slowly (stdlib/node/internal/buffer_codecs.js uses it when present; its
// JS definition stays beside it, and tests/js/buffer.js compares the two).
//
//   latin1(bytes, start, end) -> the string with one character per byte of
//     bytes[start, end), U+0000-U+00FF (Node's 'latin1'/'binary'). In JS
//     that is String.fromCharCode.apply over the bytes: about 1,000 guest
//     instructions per byte under QEMU, against a few here.
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

void init_codecs_module(duk_context* ctx) { put_function(ctx, "latin1", native_latin1, 3); }

}  // namespace

void register_codecs_module() { register_native_module("codecs", init_codecs_module); }

}  // namespace engine
