// jsbc: precompiles CommonJS modules to Duktape bytecode for the boot
// archive (tools/mkinitrd.py packs X.jsbc next to each X.js of stdlib/ and
// js-drivers/; engine/js/loader.js loads it instead of compiling X.js).
//
//   jsbc SOURCE NAME OUTPUT [SOURCE NAME OUTPUT ...]
//   jsbc --expression SOURCE NAME OUTPUT
//
// Each SOURCE is compiled exactly as the loader compiles a module: inside
// the CommonJS wrapper, as eval code named NAME (the path the module has at
// run time, e.g. /stdlib/node/util.js, which stack traces show), and the
// wrapper function is dumped (duk_dump_function) to OUTPUT. The Duktape
// here is built from the same sources and configuration (engine/
// duk_config.h) as the kernel's, so the bytecode format matches.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <string>

#include "duktape.h"

// The configuration's hooks (engine/duk_config.h); compiling needs no clock
// and no watchdog.
extern "C" {
double jsk_engine_now_ms(void) { return 0; }
double jsk_engine_monotonic_ms(void) { return 0; }
duk_bool_t jsk_engine_timeout_check(void*) { return 0; }
void jsk_engine_fatal(void*, const char* message) {
    fprintf(stderr, "jsbc: fatal: %s\n", message ? message : "no message");
    abort();
}
}

namespace {

bool read_file(const char* path, std::string& out) {
    FILE* f = fopen(path, "rb");
    if (!f)
        return false;
    char buffer[65536];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, f)) > 0)
        out.append(buffer, n);
    bool ok = !ferror(f);
    fclose(f);
    return ok;
}

// Stack: [source name] -> [bytecode buffer]: the function that the source,
// as eval code, evaluates to.
duk_ret_t compile_expression(duk_context* ctx, void*) {
    duk_compile(ctx, DUK_COMPILE_EVAL);
    duk_call(ctx, 0);
    duk_dump_function(ctx);
    return 1;
}

// Stack: [source name] -> [bytecode buffer]. Must match compileModule() in
// engine/js/loader.js (the wrapper keeps the module's line numbers).
duk_ret_t compile_module(duk_context* ctx, void*) {
    duk_push_string(ctx, "(function (exports, require, module, __filename, __dirname) {");
    duk_dup(ctx, 0);
    duk_push_string(ctx, "\n})");
    duk_concat(ctx, 3);
    duk_replace(ctx, 0);
    return compile_expression(ctx, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
    duk_safe_call_function compile = compile_module;
    if (argc > 1 && strcmp(argv[1], "--expression") == 0) {
        compile = compile_expression;
        argv++;
        argc--;
    }
    if (argc < 4 || (argc - 1) % 3 != 0) {
        fprintf(stderr, "usage: jsbc [--expression] SOURCE NAME OUTPUT [SOURCE NAME OUTPUT ...]\n");
        return 2;
    }
    duk_context* ctx = duk_create_heap_default();
    if (!ctx)
        return 1;
    for (int i = 1; i + 2 < argc; i += 3) {
        std::string source;
        if (!read_file(argv[i], source)) {
            fprintf(stderr, "jsbc: %s: cannot read\n", argv[i]);
            return 1;
        }
        if (source.size() >= 2 && source[0] == '#' && source[1] == '!')
            source.insert(0, "//");  // a shebang line, as the loader does
        duk_push_lstring(ctx, source.data(), source.size());
        duk_push_string(ctx, argv[i + 1]);
        if (duk_safe_call(ctx, compile, nullptr, 2, 1) != DUK_EXEC_SUCCESS) {
            fprintf(stderr, "jsbc: %s: %s\n", argv[i], duk_safe_to_string(ctx, -1));
            return 1;
        }
        duk_size_t size = 0;
        void* data = duk_get_buffer_data(ctx, -1, &size);
        FILE* out = fopen(argv[i + 2], "wb");
        if (!out || fwrite(data, 1, size, out) != size || fclose(out) != 0) {
            fprintf(stderr, "jsbc: %s: cannot write\n", argv[i + 2]);
            return 1;
        }
        duk_pop(ctx);
    }
    duk_destroy_heap(ctx);
    return 0;
}
