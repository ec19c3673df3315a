/*
 * jskernel's Duktape configuration.
 *
 * Debian's duktape-dev ships Duktape's default configuration; we start from
 * it (included by absolute path, JSK_DUK_ORIGINAL_CONFIG) and override what
 * must differ. The build stages duktape.c/duktape.h next to this file (see
 * engine/CMakeLists.txt) so that their `#include "duk_config.h"` finds it.
 *
 * What we change, for both the kernel and the host (same engine, same
 * behaviour):
 *   - time comes from the platform (jsk_engine_now_ms), not gettimeofday;
 *     the local time zone is UTC; no strftime/strptime (they would pull the
 *     C library's time-zone files into the kernel);
 *   - the execution-timeout check (the watchdog) is compiled in;
 *   - a fatal error goes to the engine's handler, which prints it;
 *   - no reference counting: garbage is found by mark-and-sweep alone.
 *     The counts cost 5% of the guest's instructions (every copy of a
 *     value writes to the object it names, every temporary is freed on
 *     its own), and under QEMU's TCG more than that of its time: a 16 MiB
 *     download's median went from 1.26 to 1.03 s (docs/engine.md).
 *     Duktape starts a collection after a number of allocations; the
 *     engine's allocator adds one after every 64 MiB (engine/engine.cpp).
 */
#if !defined(JSK_DUK_CONFIG_H)
#define JSK_DUK_CONFIG_H

#include JSK_DUK_ORIGINAL_CONFIG

#if defined(__cplusplus)
extern "C" {
#endif
double jsk_engine_now_ms(void);           /* wall clock, ms since 1970 */
double jsk_engine_monotonic_ms(void);     /* monotonic clock, ms */
duk_bool_t jsk_engine_timeout_check(void* udata);
void jsk_engine_fatal(void* udata, const char* message);
#if defined(__cplusplus)
}
#endif

#undef DUK_USE_DATE_NOW_GETTIMEOFDAY
#undef DUK_USE_DATE_NOW_TIME
#undef DUK_USE_DATE_TZO_GMTIME_R
#undef DUK_USE_DATE_TZO_GMTIME
#undef DUK_USE_DATE_PRS_STRPTIME
#undef DUK_USE_DATE_FMT_STRFTIME
#undef DUK_USE_DATE_PARSE_STRING  /* Date parsing and formatting: ISO 8601 only */
#undef DUK_USE_DATE_FORMAT_STRING
#undef DUK_USE_DATE_GET_NOW
#undef DUK_USE_DATE_GET_LOCAL_TZOFFSET
#undef DUK_USE_GET_MONOTONIC_TIME
#undef DUK_USE_GET_MONOTONIC_TIME_CLOCK_GETTIME
#define DUK_USE_DATE_GET_NOW(ctx)          jsk_engine_now_ms()
#define DUK_USE_DATE_GET_LOCAL_TZOFFSET(d) 0
#define DUK_USE_GET_MONOTONIC_TIME(ctx)    jsk_engine_monotonic_ms()

#undef DUK_USE_INTERRUPT_COUNTER
#define DUK_USE_INTERRUPT_COUNTER
#undef DUK_USE_EXEC_TIMEOUT_CHECK
#define DUK_USE_EXEC_TIMEOUT_CHECK(udata) jsk_engine_timeout_check(udata)

#undef DUK_USE_FATAL_HANDLER
#define DUK_USE_FATAL_HANDLER(udata, msg) jsk_engine_fatal((udata), (msg))

/* An object's property table grows by (used + ADD) / DIVISOR entries when
 * full. Duktape's 16 / 8 grows a constructor's object through 2, 4, 6, 8,
 * 11, 14, 17... entries: ten copies (and rehashes) for 30 properties.
 * With 16 / 2 (8, 20, 38, 65...) it is three: 5% fewer instructions to the
 * REPL prompt and 1% fewer per http request, for 15% more heap at start
 * (2.36 -> 2.72 MB). With 32 / 2 (16, 40, 68...) two: 2% fewer per http
 * request again, for 3.30 MB at start (docs/engine.md). */
#undef DUK_USE_HOBJECT_ENTRY_MINGROW_ADD
#undef DUK_USE_HOBJECT_ENTRY_MINGROW_DIVISOR
#define DUK_USE_HOBJECT_ENTRY_MINGROW_ADD 32
#define DUK_USE_HOBJECT_ENTRY_MINGROW_DIVISOR 2

/* A hash part from 4 property slots on, not 8: a lookup in a small object
 * was a linear scan, and most lookups on a prototype chain are misses,
 * which scan every key (docs/engine.md). */
#undef DUK_USE_HOBJECT_HASH_PROP_LIMIT
#define DUK_USE_HOBJECT_HASH_PROP_LIMIT 4
#undef DUK_USE_REFERENCE_COUNTING
#undef DUK_USE_DOUBLE_LINKED_HEAP /* only reference counting uses the back links */

/* ToInt32 of a number in [-2^31, 2^32), without Duktape's general path
 * (duk_js_tonumber, floor, fmod): 0 for anything else (NaN, infinities,
 * larger numbers), which then takes that path. The staged duktape.c calls
 * it for the bitwise operators (engine/CMakeLists.txt). */
static inline int jsk_fast_toint32(double d, duk_int32_t* out) {
    if (d >= 0.0) {
        if (d < 4294967296.0) {
            *out = (duk_int32_t) (duk_uint32_t) d; /* truncated; wraps past 2^31 */
            return 1;
        }
        return 0;
    }
    if (d >= -2147483648.0) {
        *out = (duk_int32_t) d; /* truncated towards zero */
        return 1;
    }
    return 0;
}

#if defined(JSK_KERNEL)
#undef DUK_USE_OS_STRING
#define DUK_USE_OS_STRING "jskernel"
#endif

#endif /* JSK_DUK_CONFIG_H */
