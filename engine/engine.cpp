#include "engine/engine.h"

#include "engine/platform.h"

namespace engine {
namespace {

// The watchdog's deadline for the evaluation in progress (0: none). Duktape
// calls jsk_engine_timeout_check every few thousand bytecode instructions.
double deadline_ms;

void* duk_allocate(void*, duk_size_t size) { return platform::allocate(size); }
void* duk_reallocate(void*, void* pointer, duk_size_t size) {
    return platform::reallocate(pointer, size);
}
void duk_release(void*, void* pointer) { platform::release(pointer); }

// Pops the error on top of the stack and prints it the way Node reports an
// uncaught exception: "Uncaught " and the error's stack (which begins with
// "Name: message"), or its string form when it has no stack.
void report_uncaught(duk_context* ctx) {
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

// duk_safe_call target: compile and run the source on the stack.
duk_ret_t compile_and_run(duk_context* ctx, void*) {
    // Stack: [source filename]
    duk_compile(ctx, DUK_COMPILE_EVAL);  // eval semantics: the completion value is the result
    duk_call(ctx, 0);
    return 1;
}

}  // namespace

void print(int fd, const char* text) { platform::write(fd, text, __builtin_strlen(text)); }

Engine::~Engine() {
    if (context_)
        duk_destroy_heap(context_);
}

bool Engine::create() {
    context_ = duk_create_heap(duk_allocate, duk_reallocate, duk_release, this, nullptr);
    return context_ != nullptr;
}

Engine::Result Engine::evaluate(
    const char* source, size_t length, const char* filename, bool print_result) {
    duk_push_lstring(context_, source, length);
    duk_push_string(context_, filename);
    deadline_ms = budget_ms_ > 0 ? platform::monotonic_ms() + budget_ms_ : 0;
    duk_int_t rc = duk_safe_call(context_, compile_and_run, nullptr, 2, 1);
    deadline_ms = 0;
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
    return engine::deadline_ms > 0 && engine::platform::monotonic_ms() > engine::deadline_ms;
}

void jsk_engine_fatal(void*, const char* message) {
    engine::print(2, "FATAL (JavaScript engine): ");
    engine::print(2, message ? message : "no message");
    engine::print(2, "\n");
    engine::platform::fatal(message ? message : "JavaScript engine fatal error");
}

}  // extern "C"
