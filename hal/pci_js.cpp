// The native module `hal_pci` (require('native:hal_pci')), which the `hal`
// module exposes as hal.pci: devices(), find(filter), and PciDevice objects
// (fields from the configuration space, config access, capabilities(),
// enable()). className(class, subclass, progIf) serves lspci. See
// docs/hal.md.
#include "duktape.h"
#include "engine/natives.h"
#include "hal/pci.h"

namespace hal::pci {
namespace {

using namespace kernel::pci;

constexpr const char* kProtoKey = "jsk:pci_proto";
#define INDEX_KEY DUK_HIDDEN_SYMBOL("pci_index")

void format_address(const Device& d, char out[8]) {
    const char* hex = "0123456789abcdef";
    out[0] = hex[d.bus >> 4];
    out[1] = hex[d.bus & 15];
    out[2] = ':';
    out[3] = hex[d.slot >> 4];
    out[4] = hex[d.slot & 15];
    out[5] = '.';
    out[6] = char('0' + d.func);
    out[7] = 0;
}

// The device `this` stands for; throws TypeError for anything else.
const Device& this_device(duk_context* ctx) {
    duk_push_this(ctx);
    if (!duk_is_object(ctx, -1) || !duk_get_prop_string(ctx, -1, INDEX_KEY)) {
        duk_type_error(ctx, "not a PciDevice");
    }
    size_t index = size_t(duk_get_uint(ctx, -1));
    duk_pop_2(ctx);
    if (index >= device_count())
        duk_type_error(ctx, "not a PciDevice");
    return device(index);
}

// Checks an offset for a `width`-byte access; throws RangeError naming the
// device otherwise.
uint16_t checked_offset(duk_context* ctx, const Device& d, int width, const char* method) {
    char address[8];
    format_address(d, address);
    duk_double_t off = duk_require_number(ctx, 0);
    uint16_t size = config_size(d);
    if (off >= size && off < 4294967296.0 && off == duk_double_t(int64_t(off)))
        duk_range_error(ctx, "PciDevice %s: offset 0x%lx out of range 0-0x%x for %s", address,
            static_cast<unsigned long>(off), unsigned(size - 1), method);
    if (!(off >= 0 && off < size) || off != duk_double_t(int32_t(off)))
        duk_range_error(ctx, "PciDevice %s: offset %s out of range 0-0x%x for %s", address,
            duk_safe_to_string(ctx, 0), unsigned(size - 1), method);
    uint16_t offset = uint16_t(off);
    if (offset + width > size)
        duk_range_error(ctx, "PciDevice %s: offset 0x%x out of range for %s", address,
            unsigned(offset), method);
    if (offset % width)
        duk_range_error(ctx, "PciDevice %s: offset 0x%x not aligned for %s", address,
            unsigned(offset), method);
    return offset;
}

template <int Width> duk_ret_t config_read_fn(duk_context* ctx) {
    static constexpr const char* kNames[] = {"", "configRead8", "configRead16", "",
        "configRead32"};
    const Device& d = this_device(ctx);
    uint16_t offset = checked_offset(ctx, d, Width, kNames[Width]);
    duk_push_uint(ctx, config_read(d, offset, Width));
    return 1;
}

template <int Width> duk_ret_t config_write_fn(duk_context* ctx) {
    static constexpr const char* kNames[] = {"", "configWrite8", "configWrite16", "",
        "configWrite32"};
    const Device& d = this_device(ctx);
    uint16_t offset = checked_offset(ctx, d, Width, kNames[Width]);
    duk_double_t v = duk_require_number(ctx, 1);
    duk_double_t limit = Width == 4 ? 4294967295.0 : Width == 2 ? 65535.0 : 255.0;
    if (!(v >= 0 && v <= limit) || v != duk_double_t(int64_t(v))) {
        char address[8];
        format_address(d, address);
        duk_range_error(ctx, "PciDevice %s: value %s out of range 0-%.0f for %s", address,
            duk_safe_to_string(ctx, 1), limit, kNames[Width]);
    }
    config_write(d, offset, Width, uint32_t(v));
    return 0;
}

uint8_t read8_cb(void* context, uint16_t offset) {
    return uint8_t(config_read(*static_cast<const Device*>(context), offset, 1));
}

duk_ret_t capabilities_fn(duk_context* ctx) {
    const Device& d = this_device(ctx);
    Capability caps[48];
    size_t n = walk_capabilities(read8_cb, const_cast<Device*>(&d), caps, 48);
    duk_push_array(ctx);
    for (size_t i = 0; i < n; i++) {
        duk_push_object(ctx);
        duk_push_uint(ctx, caps[i].id);
        duk_put_prop_string(ctx, -2, "id");
        duk_push_uint(ctx, caps[i].offset);
        duk_put_prop_string(ctx, -2, "offset");
        duk_put_prop_index(ctx, -2, duk_uarridx_t(i));
    }
    return 1;
}

// enable({memory, io, busMaster}): true sets the Command bit, false clears
// it, absent leaves it. Returns the new Command register value.
duk_ret_t enable_fn(duk_context* ctx) {
    const Device& d = this_device(ctx);
    uint16_t command = uint16_t(config_read(d, kCommand, 2));
    if (!duk_is_undefined(ctx, 0)) {
        if (!duk_is_object(ctx, 0))
            duk_type_error(ctx, "enable: options must be an object {memory, io, busMaster}");
        struct {
            const char* name;
            uint16_t bit;
        } const flags[] = {{"memory", kCommandMemory}, {"io", kCommandIo},
            {"busMaster", kCommandBusMaster}};
        for (const auto& f : flags) {
            duk_get_prop_string(ctx, 0, f.name);
            if (!duk_is_undefined(ctx, -1))
                command = duk_to_boolean(ctx, -1) ? uint16_t(command | f.bit)
                                                  : uint16_t(command & ~f.bit);
            duk_pop(ctx);
        }
    }
    config_write(d, kCommand, 2, command);
    duk_push_uint(ctx, config_read(d, kCommand, 2));
    return 1;
}

void put_uint(duk_context* ctx, const char* name, duk_uint_t value) {
    duk_push_uint(ctx, value);
    duk_put_prop_string(ctx, -2, name);
}

void push_device(duk_context* ctx, size_t index) {
    const Device& d = device(index);
    duk_push_object(ctx);
    duk_push_heap_stash(ctx);
    duk_get_prop_string(ctx, -1, kProtoKey);
    duk_set_prototype(ctx, -3);
    duk_pop(ctx);
    duk_push_uint(ctx, duk_uint_t(index));
    duk_put_prop_string(ctx, -2, INDEX_KEY);
    char address[8];
    format_address(d, address);
    duk_push_string(ctx, address);
    duk_put_prop_string(ctx, -2, "address");
    put_uint(ctx, "bus", d.bus);
    put_uint(ctx, "slot", d.slot);
    put_uint(ctx, "func", d.func);
    put_uint(ctx, "vendor", d.vendor);
    put_uint(ctx, "device", d.device);
    put_uint(ctx, "classCode", d.class_code);
    put_uint(ctx, "subclass", d.subclass);
    put_uint(ctx, "progIf", d.prog_if);
    put_uint(ctx, "revision", d.revision);
    put_uint(ctx, "subsystemVendor", d.subsystem_vendor);
    put_uint(ctx, "subsystemId", d.subsystem_id);
    put_uint(ctx, "irqLine", d.irq_line);
    put_uint(ctx, "irqPin", d.irq_pin);
    duk_push_array(ctx);
    for (int i = 0; i < d.bar_count; i++) {
        const Bar& b = d.bars[i];
        duk_push_object(ctx);
        put_uint(ctx, "index", duk_uint_t(b.index));
        duk_push_string(ctx, b.info.io ? "io" : "mem");
        duk_put_prop_string(ctx, -2, "kind");
        duk_push_number(ctx, duk_double_t(b.info.base));
        duk_put_prop_string(ctx, -2, "base");
        duk_push_number(ctx, duk_double_t(b.info.size));
        duk_put_prop_string(ctx, -2, "size");
        duk_push_boolean(ctx, b.info.prefetchable);
        duk_put_prop_string(ctx, -2, "prefetchable");
        duk_push_boolean(ctx, b.info.is64);
        duk_put_prop_string(ctx, -2, "is64");
        duk_put_prop_index(ctx, -2, duk_uarridx_t(i));
    }
    duk_put_prop_string(ctx, -2, "bars");
}

duk_ret_t devices_fn(duk_context* ctx) {
    duk_push_array(ctx);
    for (size_t i = 0; i < device_count(); i++) {
        push_device(ctx, i);
        duk_put_prop_index(ctx, -2, duk_uarridx_t(i));
    }
    return 1;
}

// find({vendor, device} or {classCode, subclass, progIf}): every key given
// must match.
duk_ret_t find_fn(duk_context* ctx) {
    if (!duk_is_object(ctx, 0))
        return duk_type_error(ctx,
            "find: filter must be an object such as {vendor, device} or {classCode, subclass}");
    static const char* const keys[] = {"vendor", "device", "classCode", "subclass", "progIf"};
    int wanted[5];
    for (int k = 0; k < 5; k++) {
        duk_get_prop_string(ctx, 0, keys[k]);
        if (duk_is_undefined(ctx, -1)) {
            wanted[k] = -1;
        } else {
            duk_double_t v = duk_require_number(ctx, -1);
            if (!(v >= 0 && v <= 65535) || v != duk_double_t(int32_t(v)))
                return duk_range_error(ctx, "find: %s %s out of range", keys[k],
                    duk_safe_to_string(ctx, -1));
            wanted[k] = int(v);
        }
        duk_pop(ctx);
    }
    duk_push_array(ctx);
    duk_uarridx_t n = 0;
    for (size_t i = 0; i < device_count(); i++) {
        const Device& d = device(i);
        const int have[5] = {d.vendor, d.device, d.class_code, d.subclass, d.prog_if};
        bool match = true;
        for (int k = 0; k < 5; k++)
            if (wanted[k] >= 0 && wanted[k] != have[k])
                match = false;
        if (!match)
            continue;
        push_device(ctx, i);
        duk_put_prop_index(ctx, -2, n++);
    }
    return 1;
}

duk_ret_t class_name_fn(duk_context* ctx) {
    duk_push_string(ctx, class_name(uint8_t(duk_require_uint(ctx, 0)),
                             uint8_t(duk_to_uint(ctx, 1)), uint8_t(duk_to_uint(ctx, 2))));
    return 1;
}

duk_ret_t ecam_fn(duk_context* ctx) {
    duk_push_boolean(ctx, ecam_available());
    return 1;
}

void init_module(duk_context* ctx) {
    // The PciDevice prototype, kept in the heap stash.
    duk_push_heap_stash(ctx);
    duk_push_object(ctx);
    engine::put_function(ctx, "configRead8", config_read_fn<1>, 1);
    engine::put_function(ctx, "configRead16", config_read_fn<2>, 1);
    engine::put_function(ctx, "configRead32", config_read_fn<4>, 1);
    engine::put_function(ctx, "configWrite8", config_write_fn<1>, 2);
    engine::put_function(ctx, "configWrite16", config_write_fn<2>, 2);
    engine::put_function(ctx, "configWrite32", config_write_fn<4>, 2);
    engine::put_function(ctx, "capabilities", capabilities_fn, 0);
    engine::put_function(ctx, "enable", enable_fn, 1);
    duk_put_prop_string(ctx, -2, kProtoKey);
    duk_pop(ctx);

    engine::put_function(ctx, "devices", devices_fn, 0);
    engine::put_function(ctx, "find", find_fn, 1);
    engine::put_function(ctx, "className", class_name_fn, 3);
    engine::put_function(ctx, "ecam", ecam_fn, 0);
}

}  // namespace

void register_native() { engine::register_native_module("hal_pci", init_module); }

}  // namespace hal::pci
