#include "engine/natives.h"

namespace engine {
namespace {

constexpr int kMaxModules = 16;

struct NativeModule {
    const char* name;
    NativeModuleInit init;
};
NativeModule modules[kMaxModules];
int module_count;

// "native:NAME", the module's key in the heap stash.
void push_stash_key(duk_context* ctx, const char* name) {
    duk_push_string(ctx, "native:");
    duk_push_string(ctx, name);
    duk_concat(ctx, 2);
}

}  // namespace

void register_native_module(const char* name, NativeModuleInit init) {
    for (int i = 0; i < module_count; i++) {
        if (__builtin_strcmp(modules[i].name, name) == 0) {
            modules[i].init = init;
            return;
        }
    }
    if (module_count < kMaxModules)
        modules[module_count++] = { name, init };
}

bool push_native_module(duk_context* ctx, const char* name) {
    for (int i = 0; i < module_count; i++) {
        if (__builtin_strcmp(modules[i].name, name) != 0)
            continue;
        // Built once per heap and kept in the heap stash, like a module cache.
        // (The key is joined, not formatted: the C library's printf is
        // a few hundred blocks of code for QEMU to translate before the
        // REPL's prompt, which needs it for nothing else.)
        duk_push_heap_stash(ctx);
        push_stash_key(ctx, name);
        if (!duk_get_prop(ctx, -2)) {
            duk_pop(ctx);
            duk_push_object(ctx);
            modules[i].init(ctx);
            push_stash_key(ctx, name);
            duk_dup(ctx, -2);
            duk_put_prop(ctx, -4);
        }
        duk_remove(ctx, -2);  // the stash
        return true;
    }
    return false;
}

bool has_native_module(const char* name) {
    for (int i = 0; i < module_count; i++)
        if (__builtin_strcmp(modules[i].name, name) == 0)
            return true;
    return false;
}

void put_function(duk_context* ctx, const char* name, duk_c_function function, duk_idx_t nargs) {
    duk_push_c_function(ctx, function, nargs);
    duk_put_prop_string(ctx, -2, name);
}

}  // namespace engine
