// native:sys and native:kernel on bare metal. See natives.h and
// docs/syscalls.md.
#include "kernel/js/natives.h"

#include <stdint.h>

#include "duktape.h"
#include "engine/natives.h"

#include "hal/hal_module.h"
#include "hal/pci.h"
#include "kernel/arch/x86_64/cpu.h"
#include "kernel/boot_archive.h"
#include "kernel/console/console.h"
#include "kernel/console/input.h"
#include "kernel/debug/profiler.h"
#include "kernel/js/event_pump.h"
#include "kernel/mm/kernel_heap.h"
#include "kernel/mm/physical_memory.h"
#include "kernel/power/exit.h"
#include "kernel/time/clock.h"

namespace kernel::js {
namespace {

// -- native:sys: the system-call table ----------------------------------------
//
// A C++ array indexed by number holding Duktape heap pointers of the
// registered functions; the functions are also kept in an array in the
// heap stash, which is what keeps them alive (a heap pointer is only valid
// while the object is reachable). Dispatch is one array load and a call.

constexpr int kTableSize = 512;  // Linux x86_64 numbers are below 512
constexpr int kMaxArgs = 6;
constexpr int kENOSYS = 38;
constexpr int kEIO = 5;
constexpr const char* kStashKey = "jsk:syscalls";

void* table[kTableSize];
bool deferred[kTableSize];  // table[nr] is a loader, not the entry (registerDeferred)
bool table_locked;

// Called when native:sys is built, once per heap: a new heap starts with an
// empty, unlocked table (syscall is only reachable through native:sys, so
// pointers left from a destroyed heap are never used).
void reset_table(duk_context* ctx) {
    for (void*& entry : table)
        entry = nullptr;
    for (bool& d : deferred)
        d = false;
    table_locked = false;
    duk_push_heap_stash(ctx);
    duk_push_array(ctx);
    duk_put_prop_string(ctx, -2, kStashKey);
    duk_pop(ctx);
}

// Stores the function at `fn_index` (or nothing, when it is null or
// undefined) as entry nr; the stash array keeps it alive.
duk_ret_t put_entry(duk_context* ctx, duk_int_t nr, duk_idx_t fn_index, bool is_deferred) {
    if (nr < 0 || nr >= kTableSize)
        return duk_range_error(ctx, "system call number %ld out of range 0-%d", long(nr),
            kTableSize - 1);
    bool remove = duk_is_null_or_undefined(ctx, fn_index);
    if (!remove)
        duk_require_function(ctx, fn_index);
    duk_push_heap_stash(ctx);
    duk_get_prop_string(ctx, -1, kStashKey);
    duk_dup(ctx, fn_index);
    duk_put_prop_index(ctx, -2, duk_uarridx_t(nr));
    duk_pop_2(ctx);
    table[nr] = remove ? nullptr : duk_get_heapptr(ctx, fn_index);
    deferred[nr] = is_deferred && !remove;
    return 0;
}

// register(nr, fn): fn null/undefined removes the entry.
duk_ret_t set_entry(duk_context* ctx) {
    return put_entry(ctx, duk_require_int(ctx, 0), 1, false);
}

// registerDeferred([nr...], loader): entries that a service provides once
// it is loaded. The first call to any of them calls loader(nr), which
// registers the real entries (through the registrar: the table is locked
// by then); the call then goes on to the entry registered for nr. One
// function for all the numbers: a stub per number would cost a function
// object each at boot (js-drivers/core/init.js defers the file system
// calls and epoll this way).
duk_ret_t native_register_deferred(duk_context* ctx) {
    if (table_locked)
        return duk_type_error(ctx,
            "the system-call table is locked (services register from js-drivers/core/init.js)");
    if (!duk_is_array(ctx, 0))
        return duk_type_error(ctx, "registerDeferred: an array of system call numbers");
    duk_require_function(ctx, 1);
    duk_size_t count = duk_get_length(ctx, 0);
    for (duk_size_t i = 0; i < count; i++) {
        duk_get_prop_index(ctx, 0, duk_uarridx_t(i));
        duk_int_t nr = duk_require_int(ctx, -1);
        duk_pop(ctx);
        put_entry(ctx, nr, 1, true);
    }
    return 0;
}

// sys.register(nr, fn): only until sys.lock().
duk_ret_t native_register(duk_context* ctx) {
    if (table_locked)
        return duk_type_error(ctx,
            "the system-call table is locked (services register from js-drivers/core/init.js)");
    return set_entry(ctx);
}

// sys.lock(): closes sys.register for everyone and returns a private
// registrar with the same signature, which the service manager keeps (hot
// reload of a service re-registers its entries through it).
duk_ret_t native_lock(duk_context* ctx) {
    table_locked = true;
    duk_push_c_function(ctx, set_entry, 2);
    return 1;
}

// duk_safe_call target: [fn args...] -> result.
duk_ret_t call_entry(duk_context* ctx, void* udata) {
    duk_call(ctx, *static_cast<duk_idx_t*>(udata));
    return 1;
}

bool is_watchdog_error(duk_context* ctx) {
    if (!duk_is_error(ctx, -1) || duk_get_error_code(ctx, -1) != DUK_ERR_RANGE_ERROR)
        return false;
    duk_get_prop_string(ctx, -1, "message");
    const char* message = duk_get_string(ctx, -1);
    bool timeout = message && __builtin_strcmp(message, "execution timeout") == 0;
    duk_pop(ctx);
    return timeout;
}

// A deferred entry's first call: loader(nr) registers the service's real
// entries. False when it failed (printed) or did not register nr.
bool load_deferred(duk_context* ctx, int nr) {
    duk_push_heapptr(ctx, table[nr]);
    duk_push_int(ctx, nr);
    duk_idx_t nargs = 1;
    if (duk_safe_call(ctx, call_entry, &nargs, 2, 1) != DUK_EXEC_SUCCESS) {
        if (is_watchdog_error(ctx))
            duk_throw(ctx);
        console::print("jskernel: loading the service of system call %d failed: %s\n", nr,
            duk_safe_to_string(ctx, -1));
        duk_pop(ctx);
        return false;
    }
    duk_pop(ctx);
    return table[nr] && !deferred[nr];
}

// syscall(nr, a0..a5): calls the registered function with the original
// arguments (buffers stay the same objects) and returns its number.
//   unknown or unregistered nr  -> -ENOSYS (38)
//   the service throws          -> the error is printed on the console and
//                                  the caller gets -EIO (5); the
//                                  watchdog's "execution timeout" is
//                                  rethrown, so the callback it cuts ends
//   the result is not a number  -> printed, -EIO
duk_ret_t native_syscall(duk_context* ctx) {
    duk_idx_t top = duk_get_top(ctx);
    double number = duk_get_number_default(ctx, 0, -1);
    int nr = int(number);
    if (top == 0 || double(nr) != number || nr < 0 || nr >= kTableSize || !table[nr]) {
        duk_push_int(ctx, -kENOSYS);
        return 1;
    }
    if (deferred[nr] && !load_deferred(ctx, nr)) {
        duk_push_int(ctx, -kENOSYS);
        return 1;
    }
    duk_idx_t nargs = top - 1 > kMaxArgs ? kMaxArgs : top - 1;
    duk_push_heapptr(ctx, table[nr]);
    for (duk_idx_t i = 1; i <= nargs; i++)
        duk_dup(ctx, i);
    if (duk_safe_call(ctx, call_entry, &nargs, nargs + 1, 1) != DUK_EXEC_SUCCESS) {
        if (is_watchdog_error(ctx))
            return duk_throw(ctx);
        duk_dup_top(ctx);
        if (duk_is_error(ctx, -1)) {
            duk_get_prop_string(ctx, -1, "stack");
            duk_remove(ctx, -2);
        }
        console::print("jskernel: system call %d failed, returning -EIO: %s\n", nr,
            duk_safe_to_string(ctx, -1));
        duk_push_int(ctx, -kEIO);
        return 1;
    }
    if (!duk_is_number(ctx, -1)) {
        console::print("jskernel: system call %d returned a non-number (%s); returning -EIO\n",
            nr, duk_safe_to_string(ctx, -1));
        duk_push_int(ctx, -kEIO);
    }
    return 1;
}

void init_sys_module(duk_context* ctx) {
    reset_table(ctx);
    engine::put_function(ctx, "syscall", native_syscall, DUK_VARARGS);
    engine::put_function(ctx, "register", native_register, 2);
    engine::put_function(ctx, "registerDeferred", native_register_deferred, 2);
    engine::put_function(ctx, "lock", native_lock, 0);
    duk_push_string(ctx, "jskernel");
    duk_put_prop_string(ctx, -2, "platform");
    duk_push_int(ctx, kTableSize);
    duk_put_prop_string(ctx, -2, "tableSize");
}

// -- native:kernel: what the services need from the kernel -------------------

// The bytes of a buffer argument (ArrayBuffer, typed array, Node Buffer,
// DataView: the view's own window); throws TypeError for anything else.
uint8_t* require_bytes(duk_context* ctx, duk_idx_t index, size_t& length) {
    if (!duk_is_buffer_data(ctx, index)) {
        duk_type_error(ctx, "argument %ld: expected a buffer", long(index));
        return nullptr;  // not reached
    }
    duk_size_t size = 0;
    void* data = duk_get_buffer_data(ctx, index, &size);
    length = size;
    return static_cast<uint8_t*>(data);
}

// The bytes of a string (UTF-8) or buffer argument.
const uint8_t* require_bytes_or_string(duk_context* ctx, duk_idx_t index, size_t& length) {
    if (duk_is_string(ctx, index)) {
        duk_size_t size = 0;
        const char* data = duk_get_lstring(ctx, index, &size);
        length = size;
        return reinterpret_cast<const uint8_t*>(data);
    }
    return require_bytes(ctx, index, length);
}

// Optional (offset, length) arguments at `index` narrow [data, length) to
// a window; both are clamped to what is there.
template <typename Byte> Byte* window(duk_context* ctx, duk_idx_t index, Byte* data, size_t& length) {
    double offset = duk_get_number_default(ctx, index, 0);
    double count = duk_get_number_default(ctx, index + 1, double(length));
    size_t start = offset > 0 ? (offset < double(length) ? size_t(offset) : length) : 0;
    size_t n = count > 0 ? (count < double(length - start) ? size_t(count) : length - start) : 0;
    length = n;
    return data + start;
}

// consoleWrite(stringOrBuffer[, offset, length]) -> bytes written. Strings
// are written as UTF-8; '\n' becomes "\r\n" on the serial line (the
// console's ONLCR).
duk_ret_t native_console_write(duk_context* ctx) {
    size_t length = 0;
    const uint8_t* data = require_bytes_or_string(ctx, 0, length);
    data = window(ctx, 1, data, length);
    console::write(reinterpret_cast<const char*>(data), length);
    duk_push_number(ctx, double(length));
    return 1;
}

// consoleRead(buffer[, offset, length]) -> bytes copied from the input
// ring (0 when empty).
duk_ret_t native_console_read(duk_context* ctx) {
    size_t length = 0;
    uint8_t* data = require_bytes(ctx, 0, length);
    data = window(ctx, 1, data, length);
    duk_push_number(ctx, double(console_input::read(data, length)));
    return 1;
}

duk_ret_t native_console_available(duk_context* ctx) {
    duk_push_number(ctx, double(console_input::available()));
    return 1;
}

// consoleInject(stringOrBuffer) -> bytes queued: feeds the input ring as if
// typed (tests, and later the keyboard driver).
duk_ret_t native_console_inject(duk_context* ctx) {
    size_t length = 0;
    const uint8_t* data = require_bytes_or_string(ctx, 0, length);
    size_t queued = 0;
    while (queued < length && console_input::push(data[queued]))
        queued++;
    duk_push_number(ctx, double(queued));
    return 1;
}

// waitForEvent(timeoutMs[, wakeOn = 1]) -> 1 when console input is
// available, 0 when the timeout passed. -1 (or any negative) waits without
// limit; 0 polls. wakeOn is a bit set of what ends the wait early (1:
// console input); 0 makes it a plain sleep (queued events are still
// dispatched), forever with a negative timeout.
duk_ret_t native_wait_for_event(duk_context* ctx) {
    double timeout = duk_get_number_default(ctx, 0, -1);
    if (timeout != timeout)  // NaN
        timeout = -1;
    int wake_on = duk_get_int_default(ctx, 1, pump::kInput);
    duk_push_int(ctx, pump::wait(timeout, wake_on));
    return 1;
}

// wakeSoon(): the current (or next) waitForEvent returns 0 once it has
// dispatched the queued events (pump::request_wake), so work deferred by
// an event handler runs without waiting for the sleep to end.
duk_ret_t native_wake_soon(duk_context*) {
    pump::request_wake();
    return 0;
}

duk_ret_t native_monotonic_ns(duk_context* ctx) {
    duk_push_number(ctx, double(clock::monotonic_ns()));
    return 1;
}

duk_ret_t native_realtime_ns(duk_context* ctx) {
    duk_push_number(ctx, double(clock::realtime_ns()));
    return 1;
}

// timespec(clockId) -> [seconds, nanoseconds], exact (a double cannot hold
// the wall clock in nanoseconds). 0 = realtime, 1 = monotonic.
// timespec(clockId, into) writes them instead as a struct timespec (two
// 64-bit integers, this machine's byte order) into the first 16 bytes of
// the buffer or view `into`, and returns nothing: clock_gettime's service
// fills its caller's struct in one call (js-drivers/core/system.js).
duk_ret_t native_timespec(duk_context* ctx) {
    uint64_t ns = duk_get_int(ctx, 0) == 0 ? clock::realtime_ns() : clock::monotonic_ns();
    if (!duk_is_undefined(ctx, 1)) {
        if (!duk_is_buffer_data(ctx, 1))
            return duk_type_error(ctx, "kernel.timespec: expected a buffer to write into");
        duk_size_t size = 0;
        void* data = duk_get_buffer_data(ctx, 1, &size);
        if (size < 16)
            return duk_range_error(ctx, "kernel.timespec: %lu bytes, a timespec needs 16",
                static_cast<unsigned long>(size));
        int64_t fields[2] = {int64_t(ns / 1000000000), int64_t(ns % 1000000000)};
        __builtin_memcpy(data, fields, sizeof fields);
        return 0;
    }
    duk_push_array(ctx);
    duk_push_number(ctx, double(ns / 1000000000));
    duk_put_prop_index(ctx, -2, 0);
    duk_push_number(ctx, double(ns % 1000000000));
    duk_put_prop_index(ctx, -2, 1);
    return 1;
}

// Random bytes: RDRAND when CPUID says the CPU has it, else xorshift64*
// seeded from the TSC. Neither path is vetted as cryptographic here
// (RDRAND is not whitened or mixed; the fallback is predictable).
bool rdrand_checked, rdrand_present;
uint64_t xorshift_state;

bool rdrand64(uint64_t& value) {
    for (int attempt = 0; attempt < 10; attempt++) {
        uint8_t ok;
        asm volatile("rdrand %0; setc %1" : "=r"(value), "=qm"(ok)::"cc");
        if (ok)
            return true;
    }
    return false;
}

uint64_t random64() {
    if (!rdrand_checked) {
        uint32_t a, b, c, d;
        cpu::cpuid(1, 0, a, b, c, d);
        rdrand_present = c & (1u << 30);
        rdrand_checked = true;
    }
    uint64_t value;
    if (rdrand_present && rdrand64(value))
        return value;
    if (xorshift_state == 0)
        xorshift_state = cpu::rdtsc() * 0x9E3779B97F4A7C15ull | 1;
    xorshift_state ^= xorshift_state >> 12;
    xorshift_state ^= xorshift_state << 25;
    xorshift_state ^= xorshift_state >> 27;
    return (xorshift_state * 0x2545F4914F6CDD1Dull) ^ cpu::rdtsc();
}

// randomBytes(buffer[, offset, length]) -> bytes filled.
duk_ret_t native_random_bytes(duk_context* ctx) {
    size_t length = 0;
    uint8_t* data = require_bytes(ctx, 0, length);
    data = window(ctx, 1, data, length);
    for (size_t i = 0; i < length; i += 8) {
        uint64_t r = random64();
        for (size_t j = 0; j < 8 && i + j < length; j++)
            data[i + j] = uint8_t(r >> (8 * j));
    }
    duk_push_number(ctx, double(length));
    return 1;
}

duk_ret_t native_random_source(duk_context* ctx) {
    random64();
    duk_push_string(ctx, rdrand_present ? "rdrand" : "xorshift");
    return 1;
}

duk_ret_t native_exit(duk_context* ctx) { power::exit(duk_get_int_default(ctx, 0, 0) & 0xFF); }

duk_ret_t native_uname(duk_context* ctx) {
    duk_push_object(ctx);
    const char* fields[][2] = {
        { "sysname", "jskernel" },
        { "nodename", "jskernel" },
        { "release", "0.1" },
        { "version", "#1 jskernel 0.1" },
        { "machine", "x86_64" },
        { "domainname", "(none)" },
    };
    for (auto& field : fields) {
        duk_push_string(ctx, field[1]);
        duk_put_prop_string(ctx, -2, field[0]);
    }
    return 1;
}

// memory() -> {totalBytes, freeBytes, heapBytes, heapAllocations}: usable
// RAM from the memory map, RAM not yet handed out by the frame allocator,
// the kernel heap's bytes in use and its allocations so far (the sysinfo
// system call and os.totalmem/freemem use it).
duk_ret_t native_memory(duk_context* ctx) {
    duk_push_object(ctx);
    duk_push_number(ctx, double(memory::usable_bytes()));
    duk_put_prop_string(ctx, -2, "totalBytes");
    double free_frames = double(memory::frames().free_frames());
    duk_push_number(ctx, free_frames * double(FrameAllocator::kFrameSize));
    duk_put_prop_string(ctx, -2, "freeBytes");
    duk_push_number(ctx, double(memory::heap().stats().bytes_in_use));
    duk_put_prop_string(ctx, -2, "heapBytes");
    duk_push_number(ctx, double(memory::heap().stats().allocations));
    duk_put_prop_string(ctx, -2, "heapAllocations");
    return 1;
}

// stats() -> counters for diagnostics and tests.
duk_ret_t native_stats(duk_context* ctx) {
    duk_push_object(ctx);
    duk_push_number(ctx, double(console_input::received()));
    duk_put_prop_string(ctx, -2, "inputBytes");
    duk_push_number(ctx, double(console_input::overflows()));
    duk_put_prop_string(ctx, -2, "inputOverflows");
    duk_push_number(ctx, double(pump::sleeps()));
    duk_put_prop_string(ctx, -2, "pumpSleeps");
    return 1;
}

// -- the boot archive, for the VFS's archivefs (js-drivers/fs/archivefs.js) --

// archiveStat(path) -> {type: 'file'|'dir'|'other', size, mode} or null.
// A directory only implied by deeper names has mode 0755.
duk_ret_t native_archive_stat(duk_context* ctx) {
    const char* path = duk_require_string(ctx, 0);
    CpioArchive::Entry entry;
    uint32_t mode;
    size_t size = 0;
    if (boot_archive::find(path, entry)) {
        mode = entry.mode;
        size = entry.is_file() ? entry.size : 0;
    } else if (boot_archive::type(path) == boot_archive::Type::Directory) {
        mode = CpioArchive::kDirectory | 0755;
    } else {
        duk_push_null(ctx);
        return 1;
    }
    duk_push_object(ctx);
    uint32_t kind = mode & CpioArchive::kTypeMask;
    duk_push_string(ctx, kind == CpioArchive::kRegular ? "file"
            : kind == CpioArchive::kDirectory ? "dir" : "other");
    duk_put_prop_string(ctx, -2, "type");
    duk_push_number(ctx, double(size));
    duk_put_prop_string(ctx, -2, "size");
    duk_push_uint(ctx, mode & 07777);
    duk_put_prop_string(ctx, -2, "mode");
    return 1;
}

// archiveList(path) -> [name, ...], the directory's direct children, each
// once, in archive order.
duk_ret_t native_archive_list(duk_context* ctx) {
    const char* path = duk_require_string(ctx, 0);
    duk_push_object(ctx);  // seen names
    duk_push_array(ctx);
    boot_archive::for_each_child(path, [](void* context, const char* name, size_t length,
                                            const CpioArchive::Entry*) {
        auto* c = static_cast<duk_context*>(context);
        duk_push_lstring(c, name, length);
        if (duk_has_prop(c, -3) == 0) {  // pops the key
            duk_push_lstring(c, name, length);
            duk_push_true(c);
            duk_put_prop(c, -4);
            auto index = duk_uarridx_t(duk_get_length(c, -1));
            duk_push_lstring(c, name, length);
            duk_put_prop_index(c, -2, index);
        }
    }, ctx);
    return 1;
}

// archiveRead(path, position, buffer[, offset, length]) -> bytes copied
// (0 at the end), or -1 when `path` is no regular file.
duk_ret_t native_archive_read(duk_context* ctx) {
    const char* path = duk_require_string(ctx, 0);
    double position = duk_require_number(ctx, 1);
    size_t length = 0;
    uint8_t* data = require_bytes(ctx, 2, length);
    data = window(ctx, 3, data, length);
    const void* bytes;
    size_t size;
    if (!boot_archive::read(path, bytes, size)) {
        duk_push_int(ctx, -1);
        return 1;
    }
    size_t start = position > 0 ? (position < double(size) ? size_t(position) : size) : 0;
    size_t n = size - start < length ? size - start : length;
    __builtin_memcpy(data, static_cast<const uint8_t*>(bytes) + start, n);
    duk_push_number(ctx, double(n));
    return 1;
}

// profileStart([hz]) -> false without memory for samples; profileReport([top])
// stops and prints the report (kernel/debug/profiler.h).
duk_ret_t native_profile_start(duk_context* ctx) {
    double hz = duk_is_number(ctx, 0) ? duk_get_number(ctx, 0) : profiler::kDefaultHz;
    if (!(hz >= 100 && hz <= 50000))
        return duk_range_error(ctx, "profileStart: hz must be 100..50000, not %g", hz);
    duk_push_boolean(ctx, profiler::start(uint32_t(hz)));
    return 1;
}

duk_ret_t native_profile_report(duk_context* ctx) {
    int top = duk_is_number(ctx, 0) ? duk_get_int(ctx, 0) : 25;
    if (top < 1 || top > 1000)
        return duk_range_error(ctx, "profileReport: top must be 1..1000, not %d", top);
    profiler::report(top);
    return 0;
}

void init_kernel_module(duk_context* ctx) {
    engine::put_function(ctx, "consoleWrite", native_console_write, 3);
    engine::put_function(ctx, "consoleRead", native_console_read, 3);
    engine::put_function(ctx, "consoleAvailable", native_console_available, 0);
    engine::put_function(ctx, "consoleInject", native_console_inject, 1);
    engine::put_function(ctx, "waitForEvent", native_wait_for_event, 2);
    engine::put_function(ctx, "wakeSoon", native_wake_soon, 0);
    engine::put_function(ctx, "monotonicNs", native_monotonic_ns, 0);
    engine::put_function(ctx, "realtimeNs", native_realtime_ns, 0);
    engine::put_function(ctx, "timespec", native_timespec, 2);
    engine::put_function(ctx, "randomBytes", native_random_bytes, 3);
    engine::put_function(ctx, "randomSource", native_random_source, 0);
    engine::put_function(ctx, "exit", native_exit, 1);
    engine::put_function(ctx, "uname", native_uname, 0);
    engine::put_function(ctx, "stats", native_stats, 0);
    engine::put_function(ctx, "profileStart", native_profile_start, 1);
    engine::put_function(ctx, "archiveStat", native_archive_stat, 1);
    engine::put_function(ctx, "archiveList", native_archive_list, 1);
    engine::put_function(ctx, "archiveRead", native_archive_read, 5);
    engine::put_function(ctx, "profileReport", native_profile_report, 1);
    engine::put_function(ctx, "memory", native_memory, 0);
}

}  // namespace

// native:drivers, bare 'drivers': an empty object that js-drivers/core/init.js
// fills with the driver manager's API (list, get, reload, start, stop).
static void init_drivers_module(duk_context*) {}

void register_natives() {
    console_input::init();
    engine::register_native_module("drivers", init_drivers_module);
    engine::register_native_module("sys", init_sys_module);
    engine::register_native_module("kernel", init_kernel_module);
    hal::pci::register_native();
    hal::register_native();
}

}  // namespace kernel::js
