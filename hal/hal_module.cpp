// The native module "hal": port ranges, MMIO regions, DMA buffers and IRQ
// lines as JavaScript objects with owners, bounds checks, close() and
// tracing. The bookkeeping lives here in fixed C++ tables; a JavaScript
// object only holds its slot number and generation (hidden properties), so
// a closed or reused slot is always noticed. See docs/hal.md.
#include "hal/hal_module.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "duktape.h"
#include "engine/natives.h"

#include "kernel/arch/x86_64/cpu.h"
#include "kernel/arch/x86_64/interrupts.h"
#include "kernel/arch/x86_64/pic.h"
#include "kernel/console/console.h"
#include "kernel/js/event_pump.h"
#include "kernel/lib/ring_buffer.h"
#include "kernel/mm/paging.h"
#include "kernel/mm/physical_memory.h"
#include "kernel/time/clock.h"

namespace hal {
namespace {

using namespace kernel;

constexpr int kMaxOwners = 256;  // slots are not reused (an owner object keeps its id)
constexpr int kMaxResources = 256;
constexpr uint64_t kPage = 4096;
constexpr uint64_t kMaxDma = 64ull << 20;     // one buffer, at most 64 MiB
constexpr uint64_t kMaxMmio = 256ull << 20;   // one region, at most 256 MiB
constexpr uint64_t kDmaLimit = 1ull << 32;    // DMA memory ends below 4 GiB
constexpr uint64_t kMaxDelayUs = 1000000;     // delayMicros: at most 1 s

#define HIDDEN(name) DUK_HIDDEN_SYMBOL(name)
constexpr const char* kStashIrq = "hal:irq";  // id -> [handler, IrqLine]
constexpr const char* kStashDma = "hal:dma";  // id -> external plain buffer
constexpr const char* kStashPci = "hal:pci";  // [native:hal_pci, wrap function]

// The owner's `pci` (hal/js/pci_wrap.js, embedded as bytecode).
extern "C" const unsigned char hal_pci_wrap_bytecode[];
extern "C" const unsigned long hal_pci_wrap_bytecode_length;

struct Owner {
    bool used;
    bool closed;
    bool trace;
    char name[40];
};

enum class Kind : uint8_t { Free, Port, Mmio, Dma, Irq };

struct Resource {
    Kind kind;
    bool open;
    bool shared;
    uint8_t line;
    uint32_t gen;
    int owner;
    uint64_t base;    // port, physical address, or line
    uint64_t length;  // ports or bytes
    uint64_t count;   // IrqLine: handler calls
};

Owner owners[kMaxOwners];
Resource resources[kMaxResources];
duk_context* heap_ctx;
bool source_added;

// Ports the kernel itself drives: claiming them from JavaScript would break it.
struct Reserved {
    uint16_t base, count;
    const char* holder;
};
constexpr Reserved kKernelPorts[] = {
    {0x20, 2, "kernel (PIC master)"},
    {0xA0, 2, "kernel (PIC slave)"},
    {0x40, 4, "kernel (PIT)"},
    {0x3F8, 8, "kernel (COM1)"},
    {0x4D0, 2, "kernel (PIC ELCR)"},
    {0xCF8, 8, "kernel (PCI configuration)"},
};
const char* kernel_line_holder(int line) {
    switch (line) {
    case 0: return "kernel (PIT)";
    case 2: return "kernel (PIC cascade)";
    case 4: return "kernel (COM1)";
    default: return nullptr;
    }
}

// -- IRQ: interrupt-context half ---------------------------------------------

RingBuffer<uint8_t, 256> irq_events;
volatile uint64_t line_interrupts[interrupts::kIrqLines];
uint64_t unclaimed_events;  // events for a line nobody held any more
bool level_triggered[interrupts::kIrqLines];

void on_irq(uint8_t line, void*) {
    line_interrupts[line] = line_interrupts[line] + 1;
    if (level_triggered[line])
        pic::mask(line);  // until every handler returned (dispatch unmasks)
    if (!irq_events.push(line) && level_triggered[line])
        pic::unmask(line);  // dropped: do not leave the line masked for good
}

bool line_claimed(int line) {
    for (const Resource& r : resources)
        if (r.open && r.kind == Kind::Irq && r.line == line)
            return true;
    return false;
}

void release_hardware(Resource& r);

// -- small helpers -----------------------------------------------------------

int new_owner(const char* name) {
    for (int i = 0; i < kMaxOwners; i++) {
        if (!owners[i].used) {
            owners[i] = Owner {true, false, false, {}};
            strncpy(owners[i].name, name, sizeof(owners[i].name) - 1);
            return i;
        }
    }
    return -1;
}

int new_resource(Kind kind, int owner) {
    for (int i = 0; i < kMaxResources; i++) {
        Resource& r = resources[i];
        if (r.kind == Kind::Free) {
            uint32_t gen = r.gen + 1;
            r = Resource {};
            r.kind = kind;
            r.open = true;
            r.gen = gen;
            r.owner = owner;
            return i;
        }
    }
    return -1;
}

const char* kind_name(Kind kind) {
    switch (kind) {
    case Kind::Port: return "PortRange";
    case Kind::Mmio: return "MmioRegion";
    case Kind::Dma: return "DmaBuffer";
    case Kind::Irq: return "IrqLine";
    default: return "resource";
    }
}

// "PortRange 0x70+2", "MmioRegion 0xfee00000+0x1000", "IrqLine 8", "DmaBuffer 0x...+0x1000"
void describe(const Resource& r, char* out, size_t size) {
    switch (r.kind) {
    case Kind::Port: snprintf(out, size, "PortRange 0x%lx+%lu", r.base, r.length); break;
    case Kind::Irq: snprintf(out, size, "IrqLine %u", unsigned(r.line)); break;
    default: snprintf(out, size, "%s 0x%lx+0x%lx", kind_name(r.kind), r.base, r.length);
    }
}

// Fetches the open resource of kind `kind` behind `this`; throws when it is
// closed (or not such an object).
// (Every register access starts here: the keys are literals, which
// Duktape's literal cache interns once, where duk_get_prop_string hashes
// the key at each call.)
Resource& this_resource(duk_context* ctx, Kind kind, const char* method) {
    duk_push_this(ctx);
    duk_get_prop_literal(ctx, -1, HIDDEN("id"));
    duk_get_prop_literal(ctx, -2, HIDDEN("gen"));
    duk_get_prop_literal(ctx, -3, HIDDEN("kind"));
    bool valid = duk_is_number(ctx, -3) && duk_get_int(ctx, -1) == int(kind);
    int id = duk_get_int(ctx, -3);
    uint32_t gen = duk_get_uint(ctx, -2);
    duk_pop_n(ctx, 4);
    if (!valid || id < 0 || id >= kMaxResources)
        duk_type_error(ctx, "%s.%s: not a %s", kind_name(kind), method, kind_name(kind));
    Resource& r = resources[id];
    if (!r.open || r.gen != gen || r.kind != kind) {
        duk_error(ctx, DUK_ERR_TYPE_ERROR, "%s.%s: closed", kind_name(kind), method);
    }
    return r;
}

// Reads an integer argument in [min, max]; anything else is a RangeError
// naming `what`.
uint64_t require_integer(duk_context* ctx, duk_idx_t idx, const char* what, double min, double max,
    const char* prefix) {
    if (!duk_is_number(ctx, idx))
        duk_type_error(ctx, "%s: %s must be a number", prefix, what);
    double v = duk_get_number(ctx, idx);
    if (!(v >= min && v <= max) || v != double(int64_t(v)))
        duk_range_error(ctx, "%s: %s %s out of range", prefix, what,
            duk_safe_to_string(ctx, idx));
    return uint64_t(v);
}

void set_hidden(duk_context* ctx, int id, Kind kind) {
    duk_push_int(ctx, id);
    duk_put_prop_string(ctx, -2, HIDDEN("id"));
    duk_push_uint(ctx, resources[id].gen);
    duk_put_prop_string(ctx, -2, HIDDEN("gen"));
    duk_push_int(ctx, int(kind));
    duk_put_prop_string(ctx, -2, HIDDEN("kind"));
}

void put_number(duk_context* ctx, const char* name, double v) {
    duk_push_number(ctx, v);
    duk_put_prop_string(ctx, -2, name);
}

// The owner id of the namespace object (`this` of hal.io.claim and friends).
int this_owner(duk_context* ctx, const char* what) {
    duk_push_this(ctx);
    duk_get_prop_string(ctx, -1, HIDDEN("owner"));
    int owner = duk_is_number(ctx, -1) ? duk_get_int(ctx, -1) : -1;
    duk_pop_2(ctx);
    if (owner < 0 || owner >= kMaxOwners || !owners[owner].used)
        duk_type_error(ctx, "%s: call it as a method of hal or of an owner", what);
    if (owners[owner].closed)
        duk_error(ctx, DUK_ERR_ERROR, "%s: owner '%s' is closed", what, owners[owner].name);
    return owner;
}

// -- closing -----------------------------------------------------------------

bool mmio_page_shared(uint64_t page, int except) {
    for (int i = 0; i < kMaxResources; i++) {
        const Resource& r = resources[i];
        if (i == except || !r.open || r.kind != Kind::Mmio)
            continue;
        uint64_t first = r.base & ~(kPage - 1);
        uint64_t end = (r.base + r.length + kPage - 1) & ~(kPage - 1);
        if (page >= first && page < end)
            return true;
    }
    return false;
}

// Undoes what the resource holds in the machine (no JavaScript).
void release_hardware(Resource& r) {
    int id = int(&r - resources);
    r.open = false;
    switch (r.kind) {
    case Kind::Port: break;
    case Kind::Mmio: {
        uint64_t first = r.base & ~(kPage - 1);
        uint64_t end = (r.base + r.length + kPage - 1) & ~(kPage - 1);
        for (uint64_t page = first; page < end; page += kPage)
            if (!mmio_page_shared(page, id))
                paging::unmap(page, kPage);
        break;
    }
    case Kind::Dma:
        memory::frames().free(r.base, (r.length + kPage - 1) / kPage);
        break;
    case Kind::Irq:
        if (!line_claimed(r.line))
            interrupts::set_irq_handler(r.line, nullptr, nullptr);  // masks it
        break;
    default: break;
    }
    r.kind = Kind::Free;
}

void stash_delete(duk_context* ctx, const char* key, int id) {
    duk_push_heap_stash(ctx);
    duk_get_prop_string(ctx, -1, key);
    if (duk_is_object(ctx, -1)) {
        if (strcmp(key, kStashDma) == 0) {
            // The ArrayBuffer stays reachable from JavaScript: take its memory away.
            if (duk_get_prop_index(ctx, -1, duk_uarridx_t(id)) && duk_is_buffer_data(ctx, -1))
                duk_config_buffer(ctx, -1, nullptr, 0);
            duk_pop(ctx);
        }
        duk_del_prop_index(ctx, -1, duk_uarridx_t(id));
    }
    duk_pop_2(ctx);
}

void close_resource(duk_context* ctx, int id) {
    Resource& r = resources[id];
    if (!r.open)
        return;
    Kind kind = r.kind;
    uint64_t final_count = r.count;
    release_hardware(r);
    if (kind == Kind::Dma)
        stash_delete(ctx, kStashDma, id);
    if (kind == Kind::Irq) {
        // The IrqLine keeps its final count (the slot may be reused).
        duk_push_heap_stash(ctx);
        duk_get_prop_string(ctx, -1, kStashIrq);
        if (duk_get_prop_index(ctx, -1, duk_uarridx_t(id)) && duk_get_prop_index(ctx, -1, 1)) {
            duk_push_number(ctx, double(final_count));
            duk_put_prop_string(ctx, -2, HIDDEN("count"));
        }
        duk_pop_n(ctx, 4);
        stash_delete(ctx, kStashIrq, id);
    }
}

duk_ret_t resource_close(duk_context* ctx) {
    duk_push_this(ctx);
    duk_get_prop_string(ctx, -1, HIDDEN("id"));
    duk_get_prop_string(ctx, -2, HIDDEN("gen"));
    if (duk_is_number(ctx, -2)) {
        int id = duk_get_int(ctx, -2);
        if (id >= 0 && id < kMaxResources && resources[id].open &&
            resources[id].gen == duk_get_uint(ctx, -1))
            close_resource(ctx, id);
    }
    return 0;
}

// -- trace -------------------------------------------------------------------

void trace_access(const Resource& r, const char* space, const char* op, int width,
    uint64_t offset, uint64_t value, bool write) {
    const Owner& o = owners[r.owner];
    if (!o.trace)
        return;
    int digits = width * 2;
    if (r.kind == Kind::Port)
        console::print("[%s] io %s%d 0x%lx+%lx %s 0x%0*lx\n", o.name, op, width * 8, r.base, offset,
            write ? "<-" : "->", digits, value);
    else
        console::print("[%s] %s %s%d 0x%lx+0x%04lx %s 0x%0*lx\n", o.name, space, op, width * 8,
            r.base, offset, write ? "<-" : "->", digits, value);
}

// -- PortRange ---------------------------------------------------------------

// The checks run on every register access; the resource's name is
// formatted (snprintf) only for the error, on the cold path. `format` gets
// the name, then what the message is about (a RangeError: the argument as
// written; a TypeError, whose argument is no number: the method), then the
// method.
[[noreturn]] void access_error(duk_context* ctx, const Resource& r, duk_errcode_t code,
    const char* format, const char* method, duk_idx_t argument) {
    char name[64];
    describe(r, name, sizeof(name));
    const char* about = code == DUK_ERR_TYPE_ERROR ? method : duk_safe_to_string(ctx, argument);
    duk_error(ctx, code, format, name, about, method);
    __builtin_unreachable();
}

// The offset argument at `idx`: the first one, but for in8While's status port.
uint64_t check_offset(
    duk_context* ctx, const Resource& r, int width, const char* method, duk_idx_t idx = 0) {
    if (!duk_is_number(ctx, idx))
        access_error(ctx, r, DUK_ERR_TYPE_ERROR, "%s: %s offset must be a number", method, idx);
    double v = duk_get_number(ctx, idx);
    if (!(v >= 0 && v + width <= double(r.length)) || v != double(int64_t(v)))
        access_error(ctx, r, DUK_ERR_RANGE_ERROR, "%s: offset %s out of range", method, idx);
    if (r.kind == Kind::Mmio && (uint64_t(v) + r.base) % width != 0)
        access_error(ctx, r, DUK_ERR_RANGE_ERROR, "%s: offset %s misaligned for %s", method, idx);
    return uint64_t(v);
}

uint64_t check_value(duk_context* ctx, const Resource& r, int width, const char* method) {
    if (!duk_is_number(ctx, 1))
        access_error(ctx, r, DUK_ERR_TYPE_ERROR, "%s: %s value must be a number", method, 1);
    double v = duk_get_number(ctx, 1);
    double max = width == 4 ? 4294967295.0 : width == 2 ? 65535.0 : 255.0;
    if (!(v >= 0 && v <= max) || v != double(int64_t(v)))
        access_error(ctx, r, DUK_ERR_RANGE_ERROR, "%s: value %s out of range for %s", method, 1);
    return uint64_t(v);
}

template <int Width> duk_ret_t port_in(duk_context* ctx) {
    static constexpr const char* kNames[] = {"", "in8", "in16", "", "in32"};
    Resource& r = this_resource(ctx, Kind::Port, kNames[Width]);
    uint64_t off = check_offset(ctx, r, Width, kNames[Width]);
    uint16_t port = uint16_t(r.base + off);
    uint32_t v = Width == 1 ? cpu::inb(port) : Width == 2 ? cpu::inw(port) : cpu::inl(port);
    trace_access(r, "io", "in", Width, off, v, false);
    duk_push_uint(ctx, v);
    return 1;
}

template <int Width> duk_ret_t port_out(duk_context* ctx) {
    static constexpr const char* kNames[] = {"", "out8", "out16", "", "out32"};
    Resource& r = this_resource(ctx, Kind::Port, kNames[Width]);
    uint64_t off = check_offset(ctx, r, Width, kNames[Width]);
    uint64_t v = check_value(ctx, r, Width, kNames[Width]);
    uint16_t port = uint16_t(r.base + off);
    trace_access(r, "io", "out", Width, off, v, true);
    if (Width == 1)
        cpu::outb(port, uint8_t(v));
    else if (Width == 2)
        cpu::outw(port, uint16_t(v));
    else
        cpu::outl(port, uint32_t(v));
    return 0;
}

// in8While(dataOffset, statusOffset, mask, buffer) -> count: reads the data
// port into buffer while the status port has a bit of mask set, as a UART's
// receive FIFO is emptied. One native loop, where from JS each byte cost two
// register accesses of about 4,000 guest instructions each under TCG. At
// most buffer's length bytes, so a status bit that never clears ends too.
duk_ret_t port_in8_while(duk_context* ctx) {
    static constexpr const char* kName = "in8While";
    Resource& r = this_resource(ctx, Kind::Port, kName);
    uint64_t data = check_offset(ctx, r, 1, kName, 0);
    uint64_t status = check_offset(ctx, r, 1, kName, 1);
    if (!duk_is_number(ctx, 2))
        access_error(ctx, r, DUK_ERR_TYPE_ERROR, "%s: %s mask must be a number", kName, 2);
    double mask = duk_get_number(ctx, 2);
    if (!(mask >= 1 && mask <= 255) || mask != double(int64_t(mask)))
        access_error(ctx, r, DUK_ERR_RANGE_ERROR, "%s: mask %s out of range for %s", kName, 2);
    if (!duk_is_buffer_data(ctx, 3))
        access_error(ctx, r, DUK_ERR_TYPE_ERROR,
            "%s: %s buffer must be a typed array or an ArrayBuffer", kName, 3);
    duk_size_t size = 0;
    auto* bytes = static_cast<uint8_t*>(duk_get_buffer_data(ctx, 3, &size));
    duk_size_t count = 0;
    while (count < size) {
        uint8_t s = cpu::inb(uint16_t(r.base + status));
        trace_access(r, "io", "in", 1, status, s, false);
        if (!(s & uint8_t(mask)))
            break;
        bytes[count] = cpu::inb(uint16_t(r.base + data));
        trace_access(r, "io", "in", 1, data, bytes[count], false);
        count++;
    }
    duk_push_uint(ctx, duk_uint_t(count));
    return 1;
}

const char* owner_name(int owner) { return owners[owner].name; }

duk_ret_t io_claim(duk_context* ctx) {
    int owner = this_owner(ctx, "io.claim");
    uint64_t base = require_integer(ctx, 0, "base", 0, 0xFFFF, "io.claim");
    uint64_t count = require_integer(ctx, 1, "count", 1, 0x10000 - double(base), "io.claim");
    for (const Reserved& k : kKernelPorts)
        if (base < uint64_t(k.base) + k.count && k.base < base + count)
            duk_error(ctx, DUK_ERR_ERROR, "io.claim(0x%lx, %lu): ports 0x%x+%u are held by %s", base,
                count, k.base, k.count, k.holder);
    for (const Resource& r : resources)
        if (r.open && r.kind == Kind::Port && base < r.base + r.length && r.base < base + count)
            duk_error(ctx, DUK_ERR_ERROR, "io.claim(0x%lx, %lu): PortRange 0x%lx+%lu is held by %s",
                base, count, r.base, r.length, owner_name(r.owner));
    int id = new_resource(Kind::Port, owner);
    if (id < 0)
        duk_error(ctx, DUK_ERR_ERROR, "io.claim: too many open HAL objects (%d)", kMaxResources);
    resources[id].base = base;
    resources[id].length = count;
    duk_push_object(ctx);
    set_hidden(ctx, id, Kind::Port);
    put_number(ctx, "base", double(base));
    put_number(ctx, "count", double(count));
    engine::put_function(ctx, "in8", port_in<1>, 1);
    engine::put_function(ctx, "in16", port_in<2>, 1);
    engine::put_function(ctx, "in32", port_in<4>, 1);
    engine::put_function(ctx, "out8", port_out<1>, 2);
    engine::put_function(ctx, "out16", port_out<2>, 2);
    engine::put_function(ctx, "out32", port_out<4>, 2);
    engine::put_function(ctx, "in8While", port_in8_while, 4);
    engine::put_function(ctx, "close", resource_close, 0);
    return 1;
}

// -- MmioRegion --------------------------------------------------------------

template <int Width> duk_ret_t mmio_read(duk_context* ctx) {
    static constexpr const char* kNames[] = {"", "read8", "read16", "", "read32"};
    Resource& r = this_resource(ctx, Kind::Mmio, kNames[Width]);
    uint64_t off = check_offset(ctx, r, Width, kNames[Width]);
    uint64_t address = r.base + off;
    uint32_t v;
    if (Width == 1)
        v = *reinterpret_cast<volatile uint8_t*>(address);
    else if (Width == 2)
        v = *reinterpret_cast<volatile uint16_t*>(address);
    else
        v = *reinterpret_cast<volatile uint32_t*>(address);
    trace_access(r, "mmio", "read", Width, off, v, false);
    duk_push_uint(ctx, v);
    return 1;
}

template <int Width> duk_ret_t mmio_write(duk_context* ctx) {
    static constexpr const char* kNames[] = {"", "write8", "write16", "", "write32"};
    Resource& r = this_resource(ctx, Kind::Mmio, kNames[Width]);
    uint64_t off = check_offset(ctx, r, Width, kNames[Width]);
    uint64_t v = check_value(ctx, r, Width, kNames[Width]);
    uint64_t address = r.base + off;
    trace_access(r, "mmio", "write", Width, off, v, true);
    if (Width == 1)
        *reinterpret_cast<volatile uint8_t*>(address) = uint8_t(v);
    else if (Width == 2)
        *reinterpret_cast<volatile uint16_t*>(address) = uint16_t(v);
    else
        *reinterpret_cast<volatile uint32_t*>(address) = uint32_t(v);
    return 0;
}

duk_ret_t mmio_map(duk_context* ctx) {
    int owner = this_owner(ctx, "mmio.map");
    uint64_t phys = require_integer(ctx, 0, "phys", 0, double(1ull << 46), "mmio.map");
    uint64_t length = require_integer(ctx, 1, "length", 1, double(kMaxMmio), "mmio.map");
    for (const Resource& r : resources)
        if (r.open && r.kind == Kind::Mmio && phys < r.base + r.length && r.base < phys + length)
            duk_error(ctx, DUK_ERR_ERROR,
                "mmio.map(0x%lx, 0x%lx): MmioRegion 0x%lx+0x%lx is held by %s", phys, length, r.base,
                r.length, owner_name(r.owner));
    uint64_t first = phys & ~(kPage - 1);
    uint64_t end = (phys + length + kPage - 1) & ~(kPage - 1);
    for (uint64_t page = first; page < end; page += kPage)
        if (memory::is_ram(page) || (paging::is_mapped(page) && !mmio_page_shared(page, -1)))
            duk_error(ctx, DUK_ERR_ERROR,
                "mmio.map(0x%lx, 0x%lx): 0x%lx is RAM or already mapped by the kernel", phys, length,
                page);
    int id = new_resource(Kind::Mmio, owner);
    if (id < 0)
        duk_error(ctx, DUK_ERR_ERROR, "mmio.map: too many open HAL objects (%d)", kMaxResources);
    if (!paging::map_mmio(first, end - first)) {
        resources[id].kind = Kind::Free;
        resources[id].open = false;
        duk_error(ctx, DUK_ERR_ERROR, "mmio.map(0x%lx, 0x%lx): cannot map it", phys, length);
    }
    resources[id].base = phys;
    resources[id].length = length;
    duk_push_object(ctx);
    set_hidden(ctx, id, Kind::Mmio);
    put_number(ctx, "phys", double(phys));
    put_number(ctx, "length", double(length));
    engine::put_function(ctx, "read8", mmio_read<1>, 1);
    engine::put_function(ctx, "read16", mmio_read<2>, 1);
    engine::put_function(ctx, "read32", mmio_read<4>, 1);
    engine::put_function(ctx, "write8", mmio_write<1>, 2);
    engine::put_function(ctx, "write16", mmio_write<2>, 2);
    engine::put_function(ctx, "write32", mmio_write<4>, 2);
    engine::put_function(ctx, "close", resource_close, 0);
    return 1;
}

// -- DmaBuffer ---------------------------------------------------------------

// copyOut(offset, length) -> a new Uint8Array holding a copy of those bytes:
// a received frame taken out of its ring buffer before the device reuses
// it. One native call, where new Uint8Array(buffer.slice(a, b)) made an
// ArrayBuffer, zeroed it, copied and wrapped it (about 7,000 guest
// instructions a frame under TCG).
duk_ret_t dma_copy_out(duk_context* ctx) {
    static constexpr const char* kName = "copyOut";
    Resource& r = this_resource(ctx, Kind::Dma, kName);
    uint64_t offset = check_offset(ctx, r, 0, kName, 0);
    if (!duk_is_number(ctx, 1))
        access_error(ctx, r, DUK_ERR_TYPE_ERROR, "%s: %s length must be a number", kName, 1);
    double length = duk_get_number(ctx, 1);
    if (!(length >= 0 && double(offset) + length <= double(r.length)) ||
        length != double(int64_t(length)))
        access_error(ctx, r, DUK_ERR_RANGE_ERROR, "%s: length %s out of range", kName, 1);
    void* copy = duk_push_buffer_raw(ctx, duk_size_t(length), DUK_BUF_FLAG_NOZERO);
    __builtin_memcpy(copy, reinterpret_cast<const void*>(r.base + offset), size_t(length));
    duk_push_buffer_object(ctx, -1, 0, duk_size_t(length), DUK_BUFOBJ_UINT8ARRAY);
    return 1;
}

// gather(starts, lengths, count) -> a new Uint8Array holding the ranges
// [starts[k], starts[k] + lengths[k]) for k < count, back to back: a walk's
// received frames taken out of their ring buffers in one copy, as one
// object (per frame, copyOut's call and Uint8Array cost ~4,400 guest
// instructions). starts and lengths are Uint32Arrays.
uint32_t* require_u32_array(duk_context* ctx, const Resource& r, duk_idx_t idx, uint64_t count,
    const char* method, const char* what) {
    duk_size_t size = 0;
    void* data = duk_is_buffer_data(ctx, idx) ? duk_get_buffer_data(ctx, idx, &size) : nullptr;
    if (!data || size < count * 4) {
        char name[64];
        describe(r, name, sizeof(name));
        duk_error(ctx, DUK_ERR_TYPE_ERROR, "%s: %s: %s must be a Uint32Array of at least %lu", name,
            method, what, static_cast<unsigned long>(count));
    }
    return static_cast<uint32_t*>(data);
}

duk_ret_t dma_gather(duk_context* ctx) {
    static constexpr const char* kName = "gather";
    Resource& r = this_resource(ctx, Kind::Dma, kName);
    if (!duk_is_number(ctx, 2))
        access_error(ctx, r, DUK_ERR_TYPE_ERROR, "%s: %s count must be a number", kName, 2);
    double n = duk_get_number(ctx, 2);
    if (!(n >= 0 && n <= 1048576) || n != double(int64_t(n)))
        access_error(ctx, r, DUK_ERR_RANGE_ERROR, "%s: count %s out of range", kName, 2);
    auto count = uint64_t(n);
    const uint32_t* starts = require_u32_array(ctx, r, 0, count, kName, "starts");
    const uint32_t* lengths = require_u32_array(ctx, r, 1, count, kName, "lengths");
    uint64_t base = r.base, limit = r.length, total = 0;
    for (uint64_t k = 0; k < count; k++) {
        if (uint64_t(starts[k]) + lengths[k] > limit) {
            char name[64];
            describe(r, name, sizeof(name));
            duk_error(ctx, DUK_ERR_RANGE_ERROR, "%s: gather: range %lu (%u+%u) out of range", name,
                static_cast<unsigned long>(k), starts[k], lengths[k]);
        }
        total += lengths[k];
    }
    // (Allocating may collect garbage, which never moves a buffer's data:
    // the arrays, held at indexes 0 and 1, stay valid.)
    auto* out
        = static_cast<uint8_t*>(duk_push_buffer_raw(ctx, duk_size_t(total), DUK_BUF_FLAG_NOZERO));
    for (uint64_t k = 0, at = 0; k < count; at += lengths[k], k++)
        __builtin_memcpy(out + at, reinterpret_cast<const void*>(base + starts[k]), lengths[k]);
    duk_push_buffer_object(ctx, -1, 0, duk_size_t(total), DUK_BUFOBJ_UINT8ARRAY);
    return 1;
}

// walkDone(first, limit, layout, starts, lengths, counts): a driver's
// receive walk over a ring of descriptors in this buffer, done natively
// (in JavaScript it cost ~3,800 guest instructions a descriptor, and a
// 16 MiB download brings ~11,500 ACK frames). From descriptor `first` on,
// wrapping after layout.entries, it takes up to `limit` descriptors whose
// status word has a bit of layout.done set, and stops at the first that
// has none. A taken descriptor is kept when (status & layout.check) is
// layout.want and its length (the word at layout.length, masked with
// layout.lengthMask) is at least layout.minLength and at most
// layout.buffer: then starts[k] = index * layout.buffer (where its data
// lies in the driver's buffers) and lengths[k] = its length. counts[0] is
// how many were taken, counts[1] how many kept. The descriptors are only
// read: giving them back to the device stays the driver's work.
struct RingLayout {
    uint32_t entries, size, status, done, check, want, length, length_mask, min_length, buffer;
};

// The layout's fields are read at every walk, through Duktape's cache of
// literal strings (duk_get_prop_literal): no string is interned per call.
uint32_t layout_field(duk_context* ctx, const char* what, double max) {
    auto v = uint32_t(require_integer(ctx, -1, what, 0, max, "walkDone"));
    duk_pop(ctx);
    return v;
}
#define JSK_LAYOUT_FIELD(ctx, field, max)                                                          \
    (duk_get_prop_literal(ctx, 2, field), layout_field(ctx, "layout." field, max))

RingLayout read_layout(duk_context* ctx, const Resource& r) {
    if (!duk_is_object(ctx, 2))
        access_error(ctx, r, DUK_ERR_TYPE_ERROR, "%s: %s layout must be an object", "walkDone", 2);
    RingLayout l;
    l.entries = JSK_LAYOUT_FIELD(ctx, "entries", 65536);
    l.size = JSK_LAYOUT_FIELD(ctx, "size", 4096);
    l.status = JSK_LAYOUT_FIELD(ctx, "status", 4092);
    l.done = JSK_LAYOUT_FIELD(ctx, "done", 0xFFFFFFFF);
    l.check = JSK_LAYOUT_FIELD(ctx, "check", 0xFFFFFFFF);
    l.want = JSK_LAYOUT_FIELD(ctx, "want", 0xFFFFFFFF);
    l.length = JSK_LAYOUT_FIELD(ctx, "length", 4092);
    l.length_mask = JSK_LAYOUT_FIELD(ctx, "lengthMask", 0xFFFFFFFF);
    l.min_length = JSK_LAYOUT_FIELD(ctx, "minLength", 0xFFFFFFFF);
    l.buffer = JSK_LAYOUT_FIELD(ctx, "buffer", 65536);
    // Whole 32-bit words inside each descriptor, all descriptors inside the buffer.
    if (l.entries == 0 || l.size < 4 || l.status % 4 || l.length % 4 || l.status + 4 > l.size
        || l.length + 4 > l.size || uint64_t(l.entries) * l.size > r.length || l.done == 0) {
        char name[64];
        describe(r, name, sizeof(name));
        duk_error(ctx, DUK_ERR_RANGE_ERROR,
            "%s: walkDone: layout of %u descriptors of %u bytes (status at %u, length at %u, "
            "done 0x%x) does not fit",
            name, l.entries, l.size, l.status, l.length, l.done);
    }
    return l;
}
#undef JSK_LAYOUT_FIELD

duk_ret_t dma_walk_done(duk_context* ctx) {
    static constexpr const char* kName = "walkDone";
    Resource& r = this_resource(ctx, Kind::Dma, kName);
    RingLayout l = read_layout(ctx, r);
    uint32_t first = uint32_t(require_integer(ctx, 0, "first", 0, l.entries - 1.0, kName));
    uint32_t limit = uint32_t(require_integer(ctx, 1, "limit", 0, l.entries, kName));
    uint32_t* starts = require_u32_array(ctx, r, 3, limit, kName, "starts");
    uint32_t* lengths = require_u32_array(ctx, r, 4, limit, kName, "lengths");
    uint32_t* counts = require_u32_array(ctx, r, 5, 2, kName, "counts");
    uint32_t taken = 0, kept = 0;
    for (uint32_t i = first; taken < limit; taken++) {
        auto* desc = reinterpret_cast<const volatile uint8_t*>(r.base + uint64_t(i) * l.size);
        uint32_t status = *reinterpret_cast<const volatile uint32_t*>(desc + l.status);
        if (!(status & l.done))
            break;
        // The device writes the status last: the rest is read after it.
        asm volatile("" ::: "memory");
        uint32_t length
            = *reinterpret_cast<const volatile uint32_t*>(desc + l.length) & l.length_mask;
        if ((status & l.check) == l.want && length >= l.min_length && length <= l.buffer) {
            starts[kept] = i * l.buffer;
            lengths[kept++] = length;
        }
        if (++i == l.entries)
            i = 0;
    }
    counts[0] = taken;
    counts[1] = kept;
    return 0;
}

duk_ret_t dma_alloc(duk_context* ctx) {
    int owner = this_owner(ctx, "dma.alloc");
    uint64_t length = require_integer(ctx, 0, "length", 1, double(kMaxDma), "dma.alloc");
    uint64_t align = kPage;
    if (duk_is_object(ctx, 1) && duk_get_prop_string(ctx, 1, "align")) {
        align = require_integer(ctx, -1, "align", 1, double(16ull << 20), "dma.alloc");
        if (align & (align - 1))
            duk_range_error(ctx, "dma.alloc: align %lu is not a power of two", align);
        if (align < kPage)
            align = kPage;
    }
    uint64_t frames = (length + kPage - 1) / kPage;
    uint64_t phys = memory::frames().allocate(frames, align / kPage, kDmaLimit);
    if (phys == FrameAllocator::kNoFrame) {
        // JavaScript's garbage may hold the memory until a collection gives
        // its large blocks back (engine/duk_config.h: no reference counts).
        duk_gc(ctx, 0);
        phys = memory::frames().allocate(frames, align / kPage, kDmaLimit);
    }
    if (phys == FrameAllocator::kNoFrame)
        duk_error(ctx, DUK_ERR_ERROR, "dma.alloc(%lu): no contiguous memory below 4 GiB", length);
    int id = new_resource(Kind::Dma, owner);
    if (id < 0) {
        memory::frames().free(phys, frames);
        duk_error(ctx, DUK_ERR_ERROR, "dma.alloc: too many open HAL objects (%d)", kMaxResources);
    }
    memset(reinterpret_cast<void*>(phys), 0, frames * kPage);
    resources[id].base = phys;
    resources[id].length = length;
    duk_push_object(ctx);  // the DmaBuffer
    set_hidden(ctx, id, Kind::Dma);
    put_number(ctx, "phys", double(phys));
    put_number(ctx, "length", double(length));
    duk_push_external_buffer(ctx);
    duk_config_buffer(ctx, -1, reinterpret_cast<void*>(phys), length);
    duk_push_heap_stash(ctx);  // keep the plain buffer, to detach it at close
    duk_get_prop_string(ctx, -1, kStashDma);
    duk_dup(ctx, -3);
    duk_put_prop_index(ctx, -2, duk_uarridx_t(id));
    duk_pop_2(ctx);
    duk_push_buffer_object(ctx, -1, 0, length, DUK_BUFOBJ_ARRAYBUFFER);
    duk_put_prop_string(ctx, -3, "buffer");
    duk_pop(ctx);
    engine::put_function(ctx, "close", resource_close, 0);
    engine::put_function(ctx, "copyOut", dma_copy_out, 2);
    engine::put_function(ctx, "gather", dma_gather, 3);
    engine::put_function(ctx, "walkDone", dma_walk_done, 6);
    return 1;
}

// -- IrqLine -----------------------------------------------------------------

duk_ret_t irq_count_getter(duk_context* ctx) {
    duk_push_this(ctx);
    duk_get_prop_string(ctx, -1, HIDDEN("id"));
    duk_get_prop_string(ctx, -2, HIDDEN("count"));  // final count once closed
    int id = duk_get_int(ctx, -2);
    duk_get_prop_string(ctx, -3, HIDDEN("gen"));
    if (id >= 0 && id < kMaxResources && resources[id].open && resources[id].kind == Kind::Irq &&
        resources[id].gen == duk_get_uint(ctx, -1)) {
        duk_push_number(ctx, double(resources[id].count));
        return 1;
    }
    duk_pop(ctx);
    return 1;
}

bool read_elcr(int line) {
    uint16_t port = line < 8 ? 0x4D0 : 0x4D1;
    return (cpu::inb(port) >> (line & 7)) & 1;
}

duk_ret_t irq_claim(duk_context* ctx) {
    int owner = this_owner(ctx, "irq.claim");
    int line = int(require_integer(ctx, 0, "line", 0, interrupts::kIrqLines - 1, "irq.claim"));
    duk_require_function(ctx, 1);
    bool shared = false;
    if (duk_is_object(ctx, 2)) {
        duk_get_prop_string(ctx, 2, "shared");
        shared = duk_to_boolean(ctx, -1);
        duk_pop(ctx);
    }
    if (const char* holder = kernel_line_holder(line))
        duk_error(ctx, DUK_ERR_ERROR, "irq.claim(%d): IRQ %d is held by %s", line, line, holder);
    for (const Resource& r : resources)
        if (r.open && r.kind == Kind::Irq && r.line == line && !(shared && r.shared))
            duk_error(ctx, DUK_ERR_ERROR, "irq.claim(%d): IrqLine %d is held by %s%s", line, line,
                owner_name(r.owner), shared ? " (not shared)" : "");
    int id = new_resource(Kind::Irq, owner);
    if (id < 0)
        duk_error(ctx, DUK_ERR_ERROR, "irq.claim: too many open HAL objects (%d)", kMaxResources);
    Resource& r = resources[id];
    r.line = uint8_t(line);
    r.base = uint64_t(line);
    r.shared = shared;
    duk_push_object(ctx);  // the IrqLine
    set_hidden(ctx, id, Kind::Irq);
    put_number(ctx, "line", line);
    duk_push_string(ctx, "count");
    duk_push_c_function(ctx, irq_count_getter, 0);
    duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_SET_ENUMERABLE);
    engine::put_function(ctx, "close", resource_close, 0);
    duk_push_heap_stash(ctx);
    duk_get_prop_string(ctx, -1, kStashIrq);
    duk_push_array(ctx);
    duk_dup(ctx, 1);
    duk_put_prop_index(ctx, -2, 0);
    duk_dup(ctx, -4);
    duk_put_prop_index(ctx, -2, 1);
    duk_put_prop_index(ctx, -2, duk_uarridx_t(id));
    duk_pop_2(ctx);
    // The first claim of the line installs the kernel handler.
    int holders = 0;
    for (const Resource& other : resources)
        if (other.open && other.kind == Kind::Irq && other.line == line)
            holders++;
    if (holders == 1) {
        level_triggered[line] = read_elcr(line);
        interrupts::set_irq_handler(uint8_t(line), on_irq, nullptr);  // unmasks
    }
    return 1;
}

// The pump's side: runs JavaScript handlers for the queued interrupts.
bool irq_pending(void*) { return !irq_events.empty(); }

void irq_dispatch(void*) {
    duk_context* ctx = heap_ctx;
    uint8_t line;
    while (irq_events.pop(line)) {
        bool delivered = false;
        for (int id = 0; id < kMaxResources && ctx; id++) {
            Resource& r = resources[id];
            if (!r.open || r.kind != Kind::Irq || r.line != line)
                continue;
            delivered = true;
            r.count++;
            uint32_t gen = r.gen;
            duk_push_heap_stash(ctx);
            duk_get_prop_string(ctx, -1, kStashIrq);
            if (duk_get_prop_index(ctx, -1, duk_uarridx_t(id))) {
                duk_get_prop_index(ctx, -1, 0);  // handler
                duk_get_prop_index(ctx, -2, 1);  // this: the IrqLine
                duk_push_int(ctx, line);
                if (duk_pcall_method(ctx, 1) != DUK_EXEC_SUCCESS) {
                    const char* owner =
                        resources[id].gen == gen ? owner_name(resources[id].owner) : "?";
                    if (duk_is_error(ctx, -1) && duk_get_prop_string(ctx, -1, "stack")) {
                        console::print("hal: IRQ %u handler of %s threw: %s\n", unsigned(line), owner,
                            duk_safe_to_string(ctx, -1));
                        duk_pop(ctx);
                    } else {
                        duk_pop(ctx);
                        console::print("hal: IRQ %u handler of %s threw: %s\n", unsigned(line), owner,
                            duk_safe_to_string(ctx, -1));
                    }
                }
                duk_pop(ctx);
            }
            duk_pop_3(ctx);
        }
        if (!delivered)
            unclaimed_events++;
        if (level_triggered[line] && line_claimed(line))
            pic::unmask(line);
    }
}

duk_ret_t irq_stats(duk_context* ctx) {
    duk_push_object(ctx);
    put_number(ctx, "spurious", double(interrupts::spurious_count()));
    put_number(ctx, "unclaimed", double(unclaimed_events));
    put_number(ctx, "overflows", double(irq_events.overflows()));
    duk_push_array(ctx);
    for (int line = 0; line < interrupts::kIrqLines; line++) {
        duk_push_number(ctx, double(interrupts::irq_count(uint8_t(line))));
        duk_put_prop_index(ctx, -2, duk_uarridx_t(line));
    }
    duk_put_prop_string(ctx, -2, "lines");
    // Per line: level-triggered (from the ELCR) and masked at the PIC right
    // now; a level line stays masked while its handlers run.
    duk_push_array(ctx);
    duk_push_array(ctx);
    for (int line = 0; line < interrupts::kIrqLines; line++) {
        duk_push_boolean(ctx, level_triggered[line]);
        duk_put_prop_index(ctx, -3, duk_uarridx_t(line));
        duk_push_boolean(ctx, pic::is_masked(uint8_t(line)));
        duk_put_prop_index(ctx, -2, duk_uarridx_t(line));
    }
    duk_put_prop_string(ctx, -3, "masked");
    duk_put_prop_string(ctx, -2, "levelTriggered");
    return 1;
}

// -- owners ------------------------------------------------------------------

void put_owner_api(duk_context* ctx, int owner) {
    struct {
        const char* ns;
        const char* fn;
        duk_c_function f;
        duk_idx_t nargs;
    } const kApi[] = {
        {"io", "claim", io_claim, 2},
        {"mmio", "map", mmio_map, 2},
        {"dma", "alloc", dma_alloc, 2},
        {"irq", "claim", irq_claim, 3},
    };
    for (const auto& api : kApi) {
        duk_push_object(ctx);
        duk_push_int(ctx, owner);
        duk_put_prop_string(ctx, -2, HIDDEN("owner"));
        engine::put_function(ctx, api.fn, api.f, api.nargs);
        if (strcmp(api.ns, "irq") == 0)
            engine::put_function(ctx, "stats", irq_stats, 0);
        duk_put_prop_string(ctx, -2, api.ns);
    }
    duk_push_int(ctx, owner);
    duk_put_prop_string(ctx, -2, HIDDEN("owner"));
    duk_push_string(ctx, owners[owner].name);
    duk_put_prop_string(ctx, -2, "name");
    duk_push_heap_stash(ctx);
    if (duk_get_prop_string(ctx, -1, kStashPci)) {  // [pci, wrap]
        duk_get_prop_index(ctx, -1, 1);
        duk_get_prop_index(ctx, -2, 0);
        duk_dup(ctx, -5);  // the owner object
        duk_push_array(ctx);  // the devices it makes bus masters, for owner_close
        duk_dup(ctx, -1);
        duk_put_prop_string(ctx, -3, HIDDEN("busMasters"));
        duk_call(ctx, 3);
        duk_put_prop_string(ctx, -4, "pci");
    }
    duk_pop_2(ctx);
}

duk_ret_t owner_close(duk_context* ctx) {
    duk_push_this(ctx);
    duk_get_prop_string(ctx, -1, HIDDEN("owner"));
    int owner = duk_get_int(ctx, -1);
    if (owner <= 0 || owner >= kMaxOwners || !owners[owner].used || owners[owner].closed)
        return 0;
    for (int id = 0; id < kMaxResources; id++)
        if (resources[id].open && resources[id].owner == owner)
            close_resource(ctx, id);
    // Devices this owner made bus masters stop mastering (see hal/js/pci_wrap.js).
    duk_get_prop_string(ctx, -2, HIDDEN("busMasters"));
    duk_size_t count = duk_is_array(ctx, -1) ? duk_get_length(ctx, -1) : 0;
    for (duk_size_t i = 0; i < count; i++) {
        duk_get_prop_index(ctx, -1, duk_uarridx_t(i));
        duk_push_string(ctx, "enable");
        duk_push_object(ctx);
        duk_push_false(ctx);
        duk_put_prop_string(ctx, -2, "busMaster");
        duk_pcall_prop(ctx, -3, 1);  // a device that cannot be written stays as it is
        duk_pop_2(ctx);
    }
    duk_pop(ctx);
    owners[owner].closed = true;
    owners[owner].trace = false;
    return 0;
}

duk_ret_t hal_owner(duk_context* ctx) {
    const char* name = duk_require_string(ctx, 0);
    if (!*name)
        duk_range_error(ctx, "hal.owner: empty name");
    int owner = new_owner(name);
    if (owner < 0)
        duk_error(ctx, DUK_ERR_ERROR, "hal.owner: too many owners (%d)", kMaxOwners);
    duk_push_object(ctx);
    put_owner_api(ctx, owner);
    engine::put_function(ctx, "close", owner_close, 0);
    return 1;
}

// hal.trace(owner, on): owner is an owner object (or hal for "app") or a name.
duk_ret_t hal_trace(duk_context* ctx) {
    bool on = duk_to_boolean(ctx, 1);
    if (duk_is_string(ctx, 0)) {
        const char* name = duk_get_string(ctx, 0);
        bool found = false;
        for (Owner& o : owners)
            if (o.used && !o.closed && strcmp(o.name, name) == 0) {
                o.trace = on;
                found = true;
            }
        if (!found)
            duk_error(ctx, DUK_ERR_ERROR, "hal.trace: no owner named '%s'", name);
        return 0;
    }
    if (duk_is_object(ctx, 0) && duk_get_prop_string(ctx, 0, HIDDEN("owner"))) {
        int owner = duk_get_int(ctx, -1);
        if (owner >= 0 && owner < kMaxOwners && owners[owner].used && !owners[owner].closed) {
            owners[owner].trace = on;
            return 0;
        }
        duk_error(ctx, DUK_ERR_ERROR, "hal.trace: the owner is closed");
    }
    return duk_type_error(ctx, "hal.trace(owner, on): owner must be an owner object or a name");
}

// -- clock -------------------------------------------------------------------

duk_ret_t clock_now(duk_context* ctx) {
    duk_push_number(ctx, double(clock::monotonic_ns()) / 1e6);
    return 1;
}

duk_ret_t clock_delay_micros(duk_context* ctx) {
    uint64_t us = require_integer(ctx, 0, "us", 0, double(kMaxDelayUs), "clock.delayMicros");
    uint64_t end = clock::monotonic_ns() + us * 1000;
    while (clock::monotonic_ns() < end)
        asm volatile("pause");
    return 0;
}

// -- the module --------------------------------------------------------------

// A new heap (the REPL recreates it after a watchdog timeout) starts with
// nothing claimed: whatever the old one held is released.
void reset() {
    for (Resource& r : resources)
        if (r.open)
            release_hardware(r);
    for (Owner& o : owners)
        o = Owner {};
    new_owner("app");  // owner 0
}

void init_hal(duk_context* ctx) {
    reset();
    heap_ctx = ctx;
    if (!source_added)
        source_added = js::pump::add_source({irq_pending, irq_dispatch, nullptr});
    duk_push_heap_stash(ctx);
    duk_push_object(ctx);
    duk_put_prop_string(ctx, -2, kStashIrq);
    duk_push_object(ctx);
    duk_put_prop_string(ctx, -2, kStashDma);
    duk_pop(ctx);

    if (engine::push_native_module(ctx, "hal_pci")) {
        duk_push_heap_stash(ctx);
        duk_push_array(ctx);
        duk_dup(ctx, -3);
        duk_put_prop_index(ctx, -2, 0);
        void* bytecode = duk_push_fixed_buffer(ctx, hal_pci_wrap_bytecode_length);
        __builtin_memcpy(bytecode, hal_pci_wrap_bytecode, hal_pci_wrap_bytecode_length);
        duk_load_function(ctx);
        duk_put_prop_index(ctx, -2, 1);
        duk_put_prop_string(ctx, -2, kStashPci);
        duk_pop_2(ctx);
    }
    put_owner_api(ctx, 0);  // hal.io.claim ... belong to "app"
    engine::put_function(ctx, "owner", hal_owner, 1);
    engine::put_function(ctx, "trace", hal_trace, 2);
    duk_push_object(ctx);
    engine::put_function(ctx, "now", clock_now, 0);
    engine::put_function(ctx, "delayMicros", clock_delay_micros, 1);
    duk_put_prop_string(ctx, -2, "clock");
}

}  // namespace

void register_native() { engine::register_native_module("hal", init_hal); }

}  // namespace hal
