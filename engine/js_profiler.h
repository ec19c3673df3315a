// The JavaScript profiler: which JS functions and lines the time goes to.
//
// The kernel's sampling profiler (kernel/debug/profiler.h) names C++ and
// Duktape functions: it says what the engine does (making closures, looking
// up properties), not for which JS code. This one samples the JS call
// stack. A timer (the kernel's profiling tick, or a host signal) calls
// request_sample(), which only asks the bytecode executor to stop at its
// next instruction; there, in Duktape's interrupt, where the engine's state
// is consistent, take_pending_sample() reads the stack through the public
// duk_inspect_callstack_entry() and counts:
//   - per function ("name file"), samples where it runs ("self") and where
//     it is anywhere on the stack ("total");
//   - per line ("file:line"), samples where it runs.
// Time spent in native code (a system call, a typed-array copy) lands on
// the JS instruction that runs next, usually the line after the call, so
// "self" of a JS function includes the natives it calls.
#pragma once

#include "duktape.h"

namespace engine::js_profiler {

// The heap whose executor request_sample() interrupts (Engine::run sets it).
void attach(duk_context* ctx);

// Starts counting (clearing earlier counts) / stops; running() says which.
void start();
void stop();
bool running();

// From a timer interrupt or signal handler: sample at the next bytecode
// instruction. Only stores two words.
void request_sample();

// From Duktape's interrupt (jsk_engine_timeout_check): takes the sample
// request_sample() asked for, if any.
void take_pending_sample();

// Prints the tables, `top` lines each, one line per call of `line`.
// Nothing when there were no samples.
void report(int top, void (*line)(const char* text));

}  // namespace engine::js_profiler
