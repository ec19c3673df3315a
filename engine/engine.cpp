#include "engine/engine.h"

#include "engine/codecs.h"
#include "engine/inet.h"
#include "engine/js_profiler.h"
#include "engine/natives.h"
#include "engine/platform.h"

// engine/js/loader.js, precompiled (build/jsbc) and embedded by the build.
extern "C" const unsigned char engine_loader_bytecode[];
extern "C" const unsigned long engine_loader_bytecode_length;
extern "C" void jsk_duk_postpone_collection(duk_context* ctx, duk_int_t allocations);

namespace engine {
namespace {

// The watchdog: the deadline of the callback in progress (0: none). Duktape
// calls jsk_engine_timeout_check every few thousand bytecode instructions;
// once it says yes, Duktape unwinds with a RangeError up to the native call
// that armed the deadline (call_with_budget below), which disarms it.
double deadline_ms;
const StartOptions* current_options;

// Garbage is found by mark-and-sweep alone (no reference counting:
// engine/duk_config.h), which Duktape starts after a number of allocations,
// not of bytes: a loop making 1 MiB buffers would pile up gigabytes of
// garbage first. So once kCollectEveryBytes have been asked for since the
// last time, one allocation answers "no memory": Duktape then collects
// garbage and asks again, which gets the memory (a failed first attempt is
// how Duktape's own GC torture option forces collections). Duktape makes
// no allocation it cannot retry after the heap exists, and none comes
// close to this count before.
constexpr duk_size_t kCollectEveryBytes = 64 * 1024 * 1024;
constexpr duk_int_t kStartupAllocations = 65536;
duk_size_t bytes_since_collect;

bool time_to_collect(duk_size_t size) {
    if (bytes_since_collect + size > kCollectEveryBytes && bytes_since_collect > 0) {
        bytes_since_collect = 0;
        return true;
    }
    bytes_since_collect += size;
    return false;
}

void* duk_allocate(void*, duk_size_t size) {
    return time_to_collect(size) ? nullptr : platform::allocate(size);
}
void* duk_reallocate(void*, void* pointer, duk_size_t size) {
    if (size > 0 && time_to_collect(size))
        return nullptr;  // the block stays as it was, as with a failed realloc
    return platform::reallocate(pointer, size);
}
void duk_release(void*, void* pointer) { platform::release(pointer); }

// duk_safe_call target: compile and run the source on the stack.
duk_ret_t compile_and_run(duk_context* ctx, void*) {
    // Stack: [source filename]
    duk_compile(ctx, DUK_COMPILE_EVAL);  // eval semantics: the completion value is the result
    duk_call(ctx, 0);
    return 1;
}

// -- native:engine, the loader's view of the platform ------------------------

// compile(source, filename) -> the value of the source evaluated as an
// expression; the loader passes a function wrapper, so this returns the
// module function with `filename` in its stack traces.
duk_ret_t native_compile(duk_context* ctx) {
    duk_require_string(ctx, 0);
    duk_require_string(ctx, 1);
    duk_dup(ctx, 0);
    duk_dup(ctx, 1);
    duk_compile(ctx, DUK_COMPILE_EVAL);
    duk_call(ctx, 0);
    return 1;
}

duk_ret_t native_read_file(duk_context* ctx) {
    size_t length = 0;
    char* data = platform::read_file(duk_require_string(ctx, 0), length);
    if (!data)
        return 0;  // undefined
    duk_push_lstring(ctx, data, length);
    platform::release(data);
    return 1;
}

// loadBytecode(path) -> the function dumped to the file by build/jsbc (a
// module's precompiled wrapper; see sim/jsbc_main.cpp), or undefined when
// the file cannot be read. The bytecode is trusted: the build writes it
// with the same Duktape configuration.
duk_ret_t native_load_bytecode(duk_context* ctx) {
    size_t length = 0;
    char* data = platform::read_file(duk_require_string(ctx, 0), length);
    if (!data)
        return 0;
    void* buffer = duk_push_fixed_buffer(ctx, length);
    __builtin_memcpy(buffer, data, length);
    platform::release(data);
    duk_load_function(ctx);
    return 1;
}

duk_ret_t native_stat(duk_context* ctx) {
    switch (platform::file_type(duk_require_string(ctx, 0))) {
    case platform::FileType::File:
        duk_push_string(ctx, "file");
        return 1;
    case platform::FileType::Directory:
        duk_push_string(ctx, "dir");
        return 1;
    case platform::FileType::None:
        return 0;
    }
    return 0;
}

duk_ret_t native_has_native(duk_context* ctx) {
    duk_push_boolean(ctx, has_native_module(duk_require_string(ctx, 0)));
    return 1;
}

duk_ret_t native_load_native(duk_context* ctx) {
    return push_native_module(ctx, duk_require_string(ctx, 0)) ? 1 : 0;
}

// callWithBudget(fn, thisArg, args[, budgetMs]): calls fn under the
// watchdog. args is an array or an array-like object (a function's own
// `arguments` passes through without a copy). Nested calls run under the outermost budget. budgetMs > 0 is
// used when the options' budget is 0 (the driver manager gives driver
// callbacks a budget even when apps run without one).
duk_ret_t native_call_with_budget(duk_context* ctx) {
    duk_set_top(ctx, 4);
    duk_require_function(ctx, 0);
    double budget = current_options ? current_options->time_budget_ms : 0;
    if (budget <= 0 && duk_is_number(ctx, 3))
        budget = duk_get_number(ctx, 3);
    bool armed_here = budget > 0 && deadline_ms == 0;
    if (armed_here)
        deadline_ms = platform::monotonic_ms() + budget;
    duk_dup(ctx, 0);
    duk_dup(ctx, 1);
    duk_idx_t nargs = 0;
    if (duk_is_object(ctx, 2)) {
        nargs = duk_idx_t(duk_get_length(ctx, 2));
        for (duk_idx_t i = 0; i < nargs; i++)
            duk_get_prop_index(ctx, 2, duk_uarridx_t(i));
    }
    duk_int_t rc = duk_pcall_method(ctx, nargs);
    if (armed_here)
        deadline_ms = 0;
    if (rc != DUK_EXEC_SUCCESS)
        return duk_throw(ctx);  // rethrown with the deadline gone: JS can catch it now
    return 1;
}

duk_ret_t native_monotonic_ms(duk_context* ctx) {
    duk_push_number(ctx, platform::monotonic_ms());
    return 1;
}

// native.trace(label[, ms[, at]]): "boottrace: LABEL  MS ms (at AT ms)"
// on stderr; AT defaults to now (the platform's monotonic clock: on bare
// metal, time since kernel entry). Used when options.trace is on.
duk_ret_t native_trace(duk_context* ctx) {
    const char* label = duk_require_string(ctx, 0);
    double at = duk_is_number(ctx, 2) ? duk_get_number(ctx, 2) : platform::monotonic_ms();
    if (duk_is_number(ctx, 1))
        duk_push_sprintf(ctx, "boottrace: %-44s %8.3f ms (at %.3f ms)\n", label,
            duk_get_number(ctx, 1), at);
    else
        duk_push_sprintf(ctx, "boottrace: %-44s %8s    (at %.3f ms)\n", label, "", at);
    print(2, duk_get_string(ctx, -1));
    return 0;
}

void push_string_array(duk_context* ctx, const char* const* strings, int count) {
    duk_push_array(ctx);
    for (int i = 0; strings && (count < 0 ? strings[i] != nullptr : i < count); i++) {
        duk_push_string(ctx, strings[i]);
        duk_put_prop_index(ctx, -2, duk_uarridx_t(i));
    }
}

void init_engine_module(duk_context* ctx) {
    put_function(ctx, "compile", native_compile, 2);
    put_function(ctx, "readFile", native_read_file, 1);
    put_function(ctx, "loadBytecode", native_load_bytecode, 1);
    put_function(ctx, "stat", native_stat, 1);
    put_function(ctx, "loadNative", native_load_native, 1);
    put_function(ctx, "hasNative", native_has_native, 1);
    put_function(ctx, "callWithBudget", native_call_with_budget, DUK_VARARGS);
    put_function(ctx, "trace", native_trace, 3);
    put_function(ctx, "monotonicMs", native_monotonic_ms, 0);
    // The global object, for the stdlib (without compiling
    // `new Function('return this')` at every start).
    duk_push_global_object(ctx);
    duk_put_prop_string(ctx, -2, "global");
    const StartOptions& o = *current_options;
    duk_push_object(ctx);
    const struct {
        const char* name;
        const char* value;
    } strings[] = { { "stdlib", o.stdlib_dir }, { "platform", o.platform }, { "mode", o.mode },
        { "code", o.code }, { "cwd", o.cwd }, { "init", o.init } };
    for (const auto& s : strings) {
        duk_push_string(ctx, s.value);
        duk_put_prop_string(ctx, -2, s.name);
    }
    push_string_array(ctx, o.argv, o.argc);
    duk_put_prop_string(ctx, -2, "argv");
    push_string_array(ctx, o.environment, -1);
    duk_put_prop_string(ctx, -2, "environment");
    duk_push_number(ctx, o.time_budget_ms);
    duk_put_prop_string(ctx, -2, "timeBudgetMs");
    duk_push_boolean(ctx, o.trace);
    duk_put_prop_string(ctx, -2, "trace");
    duk_put_prop_string(ctx, -2, "options");
}

// duk_safe_call target: load the loader (the function its source
// evaluates to) and call it with native:engine.
duk_ret_t start_loader(duk_context* ctx, void*) {
    void* buffer = duk_push_fixed_buffer(ctx, engine_loader_bytecode_length);
    __builtin_memcpy(buffer, engine_loader_bytecode, engine_loader_bytecode_length);
    duk_load_function(ctx);
    push_native_module(ctx, "engine");
    duk_call(ctx, 1);
    return 1;
}

}  // namespace

void print(int fd, const char* text) { platform::write(fd, text, __builtin_strlen(text)); }

void report_uncaught(duk_context* ctx) {
    // The error's stack begins with "Name: message"; a thrown non-error
    // value is printed as its string form.
    if (duk_is_error(ctx, -1)) {
        duk_get_prop_string(ctx, -1, "stack");
        if (!duk_is_string(ctx, -1)) {
            duk_pop(ctx);
            duk_dup(ctx, -1);
        }
    } else {
        duk_dup(ctx, -1);
    }
    const char* text = duk_safe_to_string(ctx, -1);
    print(2, "Uncaught ");
    print(2, text);
    print(2, "\n");
    duk_pop_2(ctx);
}

Engine::~Engine() {
    js_profiler::attach(nullptr);
    if (context_)
        duk_destroy_heap(context_);
}

bool Engine::create() {
    context_ = duk_create_heap(duk_allocate, duk_reallocate, duk_release, this, nullptr);
    if (!context_)
        return false;
    // Starting up (the loader, the services, the standard library) makes
    // objects that stay: no collection until well after it (booting to the
    // REPL and evaluating its first input make about 31,500 allocations,
    // `require('native:kernel').memory().heapAllocations`).
    jsk_duk_postpone_collection(context_, kStartupAllocations);
    js_profiler::attach(context_);
    register_native_module("engine", init_engine_module);
    register_inet_module();
    register_codecs_module();
    platform::register_native_modules();
    return true;
}

int Engine::run(const StartOptions& options) {
    current_options = &options;
    duk_int_t rc = duk_safe_call(context_, start_loader, nullptr, 0, 1);
    if (rc != DUK_EXEC_SUCCESS) {
        report_uncaught(context_);
        return 1;
    }
    int status = duk_is_number(context_, -1) ? duk_get_int(context_, -1) : 0;
    duk_pop(context_);
    return status;
}

Engine::Result Engine::evaluate(const char* source, size_t length, const char* filename,
    bool print_result) {
    duk_push_lstring(context_, source, length);
    duk_push_string(context_, filename);
    duk_int_t rc = duk_safe_call(context_, compile_and_run, nullptr, 2, 1);
    if (rc != DUK_EXEC_SUCCESS) {
        report_uncaught(context_);
        return Result::Error;
    }
    if (print_result) {
        print(1, duk_safe_to_string(context_, -1));
        print(1, "\n");
    }
    duk_pop(context_);
    return Result::Ok;
}

}  // namespace engine

extern "C" {

double jsk_engine_now_ms(void) { return engine::platform::now_ms(); }
double jsk_engine_monotonic_ms(void) { return engine::platform::monotonic_ms(); }

duk_bool_t jsk_engine_timeout_check(void*) {
    engine::js_profiler::take_pending_sample();
    return engine::deadline_ms > 0 && engine::platform::monotonic_ms() > engine::deadline_ms;
}

void jsk_engine_fatal(void*, const char* message) {
    engine::print(2, "FATAL (JavaScript engine): ");
    engine::print(2, message ? message : "no message");
    engine::print(2, "\n");
    engine::platform::fatal(message ? message : "JavaScript engine fatal error");
}

}  // extern "C"
