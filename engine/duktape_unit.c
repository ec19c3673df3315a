/*
 * Duktape (Debian's /usr/share/duktape/duktape.c, staged next to our
 * duk_config.h) compiled as one unit with the two jskernel helpers that need
 * its internals. Nothing of Duktape is copied here; the #include below is
 * the whole engine.
 */
#include "duktape.c"

/*
 * Makes the running bytecode executor stop at its next instruction and run
 * its interrupt (duk__executor_interrupt), which calls our execution-timeout
 * check (duk_config.h). The JS profiler (engine/js_profiler.cpp) samples
 * the call stack there, a point where the engine's state is consistent;
 * this function itself only stores one integer, so an interrupt handler
 * (the kernel's timer) or a signal handler (the host) may call it.
 */
void jsk_duk_request_interrupt(duk_context* ctx) {
	duk_hthread* thr = (duk_hthread*) ctx;
	duk_hthread* running = thr->heap->curr_thread;
	if (running != NULL)
		running->interrupt_counter = 0;
}

/*
 * Puts Duktape's next voluntary mark-and-sweep `allocations` allocations
 * away. Without reference counts (duk_config.h) Duktape collects after
 * a number of allocations in proportion to the live objects (four times
 * as many as there are, as engine/CMakeLists.txt stages it), so a growing
 * heap is collected again and again while a program starts, when nearly
 * all it makes (module functions, prototypes) stays alive. After the next
 * collection Duktape's rule applies again.
 */
void jsk_duk_postpone_collection(duk_context* ctx, duk_int_t allocations) {
	duk_hthread* thr = (duk_hthread*) ctx;
#if defined(DUK_USE_VOLUNTARY_GC)
	thr->heap->ms_trigger_counter = allocations;
#else
	(void) thr;
	(void) allocations;
#endif
}
