// require('native:sys') on Linux: the real system call.
//
// syscall(nr, a0..a5) passes each argument as the kernel expects a
// register: numbers and booleans as integers, null/undefined as 0, strings
// as pointers to NUL-terminated bytes, buffers (ArrayBuffer, typed arrays,
// Buffer) as pointers to their first byte, without copying. The result is
// the kernel's: a number, or a negative errno.
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "engine/engine.h"
#include "engine/js_profiler.h"
#include "engine/natives.h"
#include "sim/linux_syscall.h"

namespace sim {
namespace {

long argument(duk_context* ctx, duk_idx_t index) {
    if (duk_is_number(ctx, index))
        return long(duk_get_number(ctx, index));
    if (duk_is_boolean(ctx, index))
        return duk_get_boolean(ctx, index) ? 1 : 0;
    if (duk_is_null_or_undefined(ctx, index))
        return 0;
    if (duk_is_string(ctx, index))
        return long(duk_get_string(ctx, index));
    if (duk_is_buffer_data(ctx, index))
        return long(duk_get_buffer_data(ctx, index, nullptr));
    return duk_type_error(ctx, "syscall argument %d: expected a number, string or buffer",
        int(index));
}

duk_ret_t native_syscall(duk_context* ctx) {
    duk_idx_t count = duk_get_top(ctx);
    long nr = long(duk_require_number(ctx, 0));
    long args[6] = {};
    for (duk_idx_t i = 1; i < count && i <= 6; i++)
        args[i - 1] = argument(ctx, i);
    if (nr == SYS_exit_group && engine::js_profiler::running()) {  // unode --cpu-prof
        engine::js_profiler::stop();
        engine::js_profiler::report(40, [](const char* line) {
            engine::print(2, line);
            engine::print(2, "\n");
        });
    }
    long result = syscall(nr, args[0], args[1], args[2], args[3], args[4], args[5]);
    duk_push_number(ctx, result == -1 ? -double(errno) : double(result));
    return 1;
}

void init_sys_module(duk_context* ctx) {
    engine::put_function(ctx, "syscall", native_syscall, DUK_VARARGS);
    duk_push_string(ctx, "linux");
    duk_put_prop_string(ctx, -2, "platform");
}

}  // namespace

void register_linux_syscall() { engine::register_native_module("sys", init_sys_module); }

}  // namespace sim
