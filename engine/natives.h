// The registry of native modules: C++ functions that build a module's
// exports object. JavaScript reaches them as require('native:NAME'); the
// platform registers its own (`native:sys` with the syscall function,
// later `hal`), the engine registers `native:engine` (for the loader).
#pragma once

#include "duktape.h"

namespace engine {

// `init` receives an empty object at the top of the stack and fills it.
using NativeModuleInit = void (*)(duk_context* ctx);

void register_native_module(const char* name, NativeModuleInit init);

// Pushes the exports of native module `name`, building them the first
// time; returns false (pushing nothing) when there is no such module.
bool push_native_module(duk_context* ctx, const char* name);

bool has_native_module(const char* name);

// Sets `name` on the object at the top of the stack to a native function.
void put_function(duk_context* ctx, const char* name, duk_c_function function, duk_idx_t nargs);

}  // namespace engine
