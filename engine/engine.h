// The Duktape embedding shared by the kernel and the host (unode): one
// heap, evaluation with Node-style error reports, and the watchdog that
// cuts runaway JavaScript.
#pragma once

#include <stddef.h>

#include "duktape.h"

namespace engine {

class Engine {
public:
    Engine() = default;
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // False when the heap cannot be created (out of memory).
    bool create();
    duk_context* context() { return context_; }

    enum class Result { Ok, Error };
    // Compiles and runs `source` as a program named `filename`. An uncaught
    // error is printed to stderr like Node ("Uncaught Error: msg" and the
    // stack). With `print_result`, the completion value is printed to
    // stdout (`unode -p`, the kernel's `js=` command).
    Result evaluate(const char* source, size_t length, const char* filename, bool print_result);

    // The watchdog: JavaScript running longer than `budget_ms` in one
    // evaluation is interrupted with a RangeError. 0 turns it off.
    void set_time_budget(double budget_ms) { budget_ms_ = budget_ms; }

private:
    duk_context* context_ = nullptr;
    double budget_ms_ = 0;
};

// Writes a string to fd 1 or 2 through the platform.
void print(int fd, const char* text);

}  // namespace engine
