#include "engine/js_profiler.h"

extern "C" void jsk_duk_request_interrupt(duk_context* ctx);  // engine/duktape_unit.c

namespace engine::js_profiler {
namespace {

// Counts keyed by text. Keys are copied (truncated) into the table, so
// nothing in it points into the JS heap. Open addressing; a full table
// counts further new keys as dropped.
constexpr int kKeyBytes = 96;
constexpr int kSlots = 1024;
constexpr int kDepth = 24;  // stack levels looked at per sample

struct Entry {
    char key[kKeyBytes];
    uint32_t self;
    uint32_t total;
    uint32_t last_sample;  // the sample that last counted it in "total"
};

struct Table {
    Entry slots[kSlots];
    int used;
};

Table functions, lines;
duk_context* heap_ctx;
volatile bool sampling;
volatile bool pending;
uint32_t samples, dropped;

uint32_t hash(const char* s) {
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ uint8_t(*s)) * 16777619u;
    return h;
}

Entry* find(Table& t, const char* key) {
    uint32_t i = hash(key) % kSlots;
    for (int probe = 0; probe < kSlots; probe++, i = (i + 1) % kSlots) {
        Entry& e = t.slots[i];
        if (e.key[0] == '\0') {
            if (t.used >= kSlots * 3 / 4)
                return nullptr;
            int n = 0;
            while (key[n] && n < kKeyBytes - 1) {
                e.key[n] = key[n];
                n++;
            }
            e.key[n] = '\0';
            t.used++;
            return &e;
        }
        if (__builtin_strncmp(e.key, key, kKeyBytes - 1) == 0)
            return &e;
    }
    return nullptr;
}

void clear(Table& t) {
    for (int i = 0; i < kSlots; i++)
        t.slots[i] = Entry {};
    t.used = 0;
}

// The basename-ish tail of a path: the last two components, enough to
// tell js-drivers/net/tcp.js from stdlib/node/net.js.
const char* short_path(const char* path) {
    const char* last = nullptr;
    const char* before = nullptr;
    for (const char* p = path; *p; p++)
        if (*p == '/') {
            before = last;
            last = p;
        }
    return before ? before + 1 : path;
}

// Pushes "name file" for the function of the entry on top of the stack and
// "file:line" when `with_line`; leaves the strings below the entry.
void record(duk_context* ctx, int level) {
    // [... entry]
    duk_get_prop_string(ctx, -1, "function");
    duk_get_prop_string(ctx, -1, "name");
    const char* name = duk_is_string(ctx, -1) ? duk_get_string(ctx, -1) : "";
    duk_get_prop_string(ctx, -2, "fileName");
    const char* file = duk_is_string(ctx, -1) ? short_path(duk_get_string(ctx, -1)) : "native";
    duk_get_prop_string(ctx, -4, "lineNumber");
    int line = duk_get_int(ctx, -1);
    // [... entry function name file line]
    duk_push_sprintf(ctx, "%s %s", name[0] ? name : "(anonymous)", file);
    Entry* f = find(functions, duk_get_string(ctx, -1));
    if (!f) {
        dropped++;
    } else {
        if (level == -1)
            f->self++;
        if (f->last_sample != samples) {  // recursion counts once
            f->total++;
            f->last_sample = samples;
        }
    }
    if (level == -1) {
        duk_push_sprintf(ctx, "%s:%d", file, line);
        Entry* l = find(lines, duk_get_string(ctx, -1));
        if (l)
            l->self++;
        else
            dropped++;
        duk_pop(ctx);
    }
    duk_pop_n(ctx, 5);
}

void print_table(const char* title, Table& t, bool by_self, int top, void (*line)(const char*)) {
    duk_context* ctx = heap_ctx;
    duk_push_sprintf(ctx, "profile: JavaScript, %s", title);
    line(duk_get_string(ctx, -1));
    duk_pop(ctx);
    // Selection of the best remaining entry, once per printed line.
    static bool shown[kSlots];
    for (int i = 0; i < kSlots; i++)
        shown[i] = false;
    for (int n = 0; n < top; n++) {
        int best = -1;
        for (int i = 0; i < kSlots; i++) {
            const Entry& e = t.slots[i];
            if (e.key[0] == '\0' || shown[i])
                continue;
            if (best < 0 || (by_self ? e.self > t.slots[best].self : e.total > t.slots[best].total))
                best = i;
        }
        if (best < 0)
            break;
        const Entry& e = t.slots[best];
        uint32_t count = by_self ? e.self : e.total;
        if (count == 0)
            break;
        shown[best] = true;
        uint32_t permille = count * 1000 / samples;
        duk_push_sprintf(ctx, "profile: %6lu %3lu.%lu%%  %s", (unsigned long) count,
            (unsigned long) (permille / 10), (unsigned long) (permille % 10), e.key);
        line(duk_get_string(ctx, -1));
        duk_pop(ctx);
    }
}

}  // namespace

void attach(duk_context* ctx) { heap_ctx = ctx; }

void start() {
    clear(functions);
    clear(lines);
    samples = dropped = 0;
    pending = false;
    sampling = true;
}

void stop() {
    sampling = false;
    pending = false;
}

bool running() { return sampling; }

void request_sample() {
    if (!sampling || !heap_ctx)
        return;
    pending = true;
    jsk_duk_request_interrupt(heap_ctx);
}

void take_pending_sample() {
    if (!pending || !sampling)
        return;
    pending = false;
    duk_context* ctx = heap_ctx;
    // The interrupt runs with the executor's value stack: make room first
    // (false, not an error, when there is none; the sample is skipped).
    if (!duk_check_stack(ctx, 16))
        return;
    samples++;
    for (int level = -1; level >= -kDepth; level--) {
        duk_inspect_callstack_entry(ctx, level);
        if (duk_is_undefined(ctx, -1)) {
            duk_pop(ctx);
            break;
        }
        record(ctx, level);
        duk_pop(ctx);
    }
}

void report(int top, void (*line)(const char*)) {
    if (!heap_ctx || samples == 0)
        return;
    duk_context* ctx = heap_ctx;
    duk_push_sprintf(ctx, "profile: JavaScript: %lu samples of the JS call stack (%lu keys dropped)",
        (unsigned long) samples, (unsigned long) dropped);
    line(duk_get_string(ctx, -1));
    duk_pop(ctx);
    print_table("self (samples, % of JS samples, function file)", functions, true, top, line);
    print_table("total, with callees (samples, %, function file)", functions, false, top, line);
    print_table("self by line (samples, %, file:line)", lines, true, top, line);
}

}  // namespace engine::js_profiler
