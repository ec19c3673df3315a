// native:inet: the per-byte work of the network stack that Duktape does
// slowly (js-drivers/net/checksum.js uses it when present; docs/net.md).
//
//   sum(buffer, offset, length, initial) -> the Internet checksum's running
//     sum of buffer[offset, offset + length) added to `initial`, folded to
//     16 bits (not complemented). RangeError outside the buffer.
#include "engine/inet.h"

#include "engine/internet_checksum.h"
#include "engine/natives.h"

namespace engine {
namespace {

duk_ret_t native_sum(duk_context* ctx) {
    if (!duk_is_buffer_data(ctx, 0))
        return duk_type_error(ctx, "inet.sum: expected a buffer");
    duk_size_t size = 0;
    auto* data = static_cast<const uint8_t*>(duk_get_buffer_data(ctx, 0, &size));
    double offset = duk_require_number(ctx, 1);
    double length = duk_require_number(ctx, 2);
    double initial = duk_opt_number(ctx, 3, 0);
    if (!(offset >= 0 && length >= 0 && offset + length <= double(size)) ||
        offset != double(size_t(offset)) || length != double(size_t(length)))
        return duk_range_error(ctx, "inet.sum: %g bytes at %g outside a buffer of %lu",
                               length, offset, static_cast<unsigned long>(size));
    if (!(initial >= 0 && initial < 4294967296.0))
        return duk_range_error(ctx, "inet.sum: initial sum %g is not a uint32", initial);
    // The initial sum may be unfolded (up to 32 bits): fold it first.
    uint32_t start = uint32_t(initial);
    start = (start & 0xffff) + (start >> 16);
    duk_push_uint(ctx, internet_sum(data + size_t(offset), size_t(length), start));
    return 1;
}

void init_inet_module(duk_context* ctx) { put_function(ctx, "sum", native_sum, 4); }

}  // namespace

void register_inet_module() { register_native_module("inet", init_inet_module); }

}  // namespace engine
