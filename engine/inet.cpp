// native:inet: the per-byte work of the network stack that Duktape does
// slowly (js-drivers/net/checksum.js uses it when present; docs/net.md).
//
//   sum(buffer, offset, length, initial) -> the Internet checksum's running
//     sum of buffer[offset, offset + length) added to `initial`, folded to
//     16 bits (not complemented). RangeError outside the buffer.
//   coalesceAcks(frames) -> how many frames of the array it replaced by
//     null: each pure TCP ACK the next frame supersedes (engine/pure_ack.h;
//     js-drivers/net/ack_coalesce.js). Entries that are not buffers are
//     left alone and never supersede.
//   coalescePacked(data, lengths, count, skip) -> the same for a packed
//     batch (the frames back to back in `data`, their lengths in the
//     Uint32Array `lengths`, as the e1000's 'receivePacked' gives them):
//     sets skip[k] = 1 for each frame it skips, 0 for the others, and
//     returns how many it skipped. RangeError when the lengths add up to
//     more than `data`.
#include "engine/inet.h"

#include "engine/internet_checksum.h"
#include "engine/natives.h"
#include "engine/pure_ack.h"

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
    if (!(offset >= 0 && length >= 0 && offset + length <= double(size))
        || offset != double(size_t(offset)) || length != double(size_t(length)))
        return duk_range_error(ctx, "inet.sum: %g bytes at %g outside a buffer of %lu", length,
            offset, static_cast<unsigned long>(size));
    if (!(initial >= 0 && initial < 4294967296.0))
        return duk_range_error(ctx, "inet.sum: initial sum %g is not a uint32", initial);
    // The initial sum may be unfolded (up to 32 bits): fold it first.
    uint32_t start = uint32_t(initial);
    start = (start & 0xffff) + (start >> 16);
    duk_push_uint(ctx, internet_sum(data + size_t(offset), size_t(length), start));
    return 1;
}

// Pushes frames[index] and returns its bytes when it is a pure ACK, else
// null. The frame stays on the value stack while its bytes are in use, so
// nothing the array does meanwhile (a getter, say) can free them.
const uint8_t* push_pure_ack(duk_context* ctx, duk_uarridx_t index) {
    duk_get_prop_index(ctx, 0, index);
    if (!duk_is_buffer_data(ctx, -1))
        return nullptr;
    duk_size_t size = 0;
    auto* data = static_cast<const uint8_t*>(duk_get_buffer_data(ctx, -1, &size));
    return data && is_pure_ack(data, size) ? data : nullptr;
}

duk_ret_t native_coalesce_acks(duk_context* ctx) {
    if (!duk_is_array(ctx, 0))
        return duk_type_error(ctx, "inet.coalesceAcks: expected an array of frames");
    duk_set_top(ctx, 1);
    auto n = duk_uarridx_t(duk_get_length(ctx, 0));
    unsigned skipped = 0;
    if (n > 1) {
        const uint8_t* frame = push_pure_ack(ctx, 0);  // at index 1
        for (duk_uarridx_t i = 0; i + 1 < n; i++) {
            const uint8_t* next = push_pure_ack(ctx, i + 1);  // at index 2
            if (frame && next && ack_supersedes(next, frame)) {
                duk_push_null(ctx);
                duk_put_prop_index(ctx, 0, i);
                skipped++;
            }
            duk_remove(ctx, 1);  // next becomes frame
            frame = next;
        }
    }
    duk_push_uint(ctx, skipped);
    return 1;
}

duk_ret_t native_coalesce_packed(duk_context* ctx) {
    duk_size_t size = 0, lengths_size = 0, skip_size = 0;
    auto* data = static_cast<const uint8_t*>(duk_require_buffer_data(ctx, 0, &size));
    const void* lengths_data = duk_require_buffer_data(ctx, 1, &lengths_size);
    double n = duk_require_number(ctx, 2);
    auto* skip = static_cast<uint8_t*>(duk_require_buffer_data(ctx, 3, &skip_size));
    if (!(n >= 0 && n * 4 <= double(lengths_size) && n <= double(skip_size))
        || n != double(size_t(n)))
        return duk_range_error(ctx, "inet.coalescePacked: count %g: %lu lengths, %lu skip flags", n,
            static_cast<unsigned long>(lengths_size / 4), static_cast<unsigned long>(skip_size));
    auto count = size_t(n);
    unsigned skipped = 0;
    const uint8_t* frame = nullptr;  // the previous frame, when it is a pure ACK
    size_t at = 0;
    for (size_t k = 0; k < count; k++) {
        uint32_t length;
        __builtin_memcpy(&length, static_cast<const uint8_t*>(lengths_data) + 4 * k, 4);
        if (length > size - at)
            return duk_range_error(ctx,
                "inet.coalescePacked: frame %lu (%u bytes at %lu) "
                "outside %lu bytes of data",
                static_cast<unsigned long>(k), length, static_cast<unsigned long>(at),
                static_cast<unsigned long>(size));
        const uint8_t* next = data + at;
        bool pure = is_pure_ack(next, length);
        skip[k] = 0;
        if (frame && pure && ack_supersedes(next, frame)) {
            skip[k - 1] = 1;
            skipped++;
        }
        frame = pure ? next : nullptr;
        at += length;
    }
    duk_push_uint(ctx, skipped);
    return 1;
}

void init_inet_module(duk_context* ctx) {
    put_function(ctx, "sum", native_sum, 4);
    put_function(ctx, "coalesceAcks", native_coalesce_acks, 1);
    put_function(ctx, "coalescePacked", native_coalesce_packed, 4);
}

}  // namespace

void register_inet_module() { register_native_module("inet", init_inet_module); }

}  // namespace engine
