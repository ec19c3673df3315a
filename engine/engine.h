// The Duktape embedding shared by the kernel and the host (unode): one
// heap, the native-module registry, the CommonJS loader (engine/js/
// loader.js), Node-style reports of uncaught errors, and the watchdog that
// cuts runaway JavaScript.
#pragma once

#include <stddef.h>

#include "duktape.h"

namespace engine {

// How to start a program; everything here reaches JavaScript as
// require('native:engine').options.
struct StartOptions {
    const char* stdlib_dir = "";  // where stdlib/ is: the source tree, or /stdlib on bare metal
    const char* platform = "";    // process.platform: "linux" or "jskernel"
    const char* mode = "file";    // "file" (run argv[1]), "eval" (-e), "print" (-p), "repl"
    const char* code = "";        // the source for eval and print
    const char* cwd = "/";        // the working directory at start
    const char* init = "";        // bare metal: the services' init script, run first
    const char* const* argv = nullptr;  // process.argv: [execPath, script, args...]
    int argc = 0;
    const char* const* environment = nullptr;  // "NAME=value" strings, null-terminated; may be null
    double time_budget_ms = 0;  // watchdog budget per callback; 0 turns it off
    // Startup trace (kernel `boottrace`, unode --trace-startup): the loader
    // prints how long each module took to load, and native.trace(label)
    // prints a milestone, both on stderr with the platform's monotonic time.
    bool trace = false;
};

class Engine {
public:
    Engine() = default;
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // False when the heap cannot be created (out of memory).
    bool create();
    duk_context* context() { return context_; }

    // Runs a program: loads the CommonJS loader, which runs
    // stdlib/node/internal/main.js. Returns the exit status when the program
    // ends without calling exit (1 after an uncaught error in the loader).
    int run(const StartOptions& options);

    enum class Result { Ok, Error };
    // Compiles and runs `source` as a program named `filename`, without the
    // loader or the standard library. An uncaught error is printed to
    // stderr like Node ("Uncaught Error: msg" and the stack). With
    // `print_result`, the completion value is printed to stdout.
    Result evaluate(const char* source, size_t length, const char* filename, bool print_result);

private:
    duk_context* context_ = nullptr;
};

// Writes a string to fd 1 or 2 through the platform.
void print(int fd, const char* text);

// Pops the error on top of the stack and prints "Uncaught " and its stack.
void report_uncaught(duk_context* ctx);

}  // namespace engine
