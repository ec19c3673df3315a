// kernel_main: the order in which the machine is brought up.
//
// boot.S enters here in 64-bit mode on the boot stack, with the first 4 GiB
// identity-mapped, SSE on and interrupts off. Each step below may rely on
// the ones before it and on nothing after it.
#include <stdint.h>

#include "engine/engine.h"

#include "kernel/boot_archive.h"

#include "kernel/arch/x86_64/cpu.h"
#include "kernel/arch/x86_64/gdt.h"
#include "kernel/arch/x86_64/interrupts.h"
#include "kernel/arch/x86_64/pic.h"
#include "kernel/arch/x86_64/pit.h"
#include "kernel/arch/x86_64/thread_block.h"
#include "kernel/console/console.h"
#include "kernel/console/serial.h"
#include "kernel/debug/deliberate_faults.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/profiler.h"
#include "kernel/debug/self_test.h"
#include "kernel/lib/cmdline.h"
#include "kernel/lib/multiboot.h"
#include "kernel/mm/kernel_heap.h"
#include "kernel/mm/paging.h"
#include "kernel/mm/physical_memory.h"
#include "kernel/power/acpi.h"
#include "kernel/power/exit.h"
#include "kernel/time/clock.h"

namespace kernel {

void run_global_constructors();  // runtime.cpp

namespace {

constexpr uint32_t kTimerHz = 1000;

BootInfo boot_info;

// Boot stage timestamps, printed with `boottrace` on the command line so
// the cost of each step of boot is visible (tools/jsk bench boot shows it).
struct Stage {
    const char* name;
    uint64_t tsc;
};
Stage stages[16];
size_t stage_count;

void mark(const char* name) {
    if (stage_count < sizeof(stages) / sizeof(stages[0]))
        stages[stage_count++] = { name, cpu::rdtsc() };
}

void print_boot_trace() {
    uint64_t mhz_x10 = clock::tsc_hz() / 100000;
    console::print(
        "boottrace: TSC %lu.%lu MHz (measured against the PIT)\n", mhz_x10 / 10, mhz_x10 % 10);
    uint64_t previous = boot_tsc;
    for (size_t i = 0; i < stage_count; i++) {
        uint64_t us = clock::tsc_to_ns(stages[i].tsc - previous) / 1000;
        console::print("boottrace: %-10s %5lu.%03lu ms\n", stages[i].name, us / 1000, us % 1000);
        previous = stages[i].tsc;
    }
}

// Kept short on purpose: under emulation every console byte costs
// microseconds, and boot time is a feature. `memmap` adds the memory map
// and the boot modules.
void print_banner() {
    console::print("jskernel 0.1 x86_64, multiboot%d from %s%s%s\n", boot_info.protocol,
        *boot_info.loader_name ? boot_info.loader_name : "an unnamed loader",
        *boot_info.cmdline ? ", cmdline: " : "", boot_info.cmdline);
    bool verbose = cmdline_has(boot_info.cmdline, "memmap");
    memory::print_summary(boot_info, verbose);
    for (size_t i = 0; verbose && i < boot_info.module_count; i++) {
        const BootModule& m = boot_info.modules[i];
        console::print("module: %#lx-%#lx (%lu KiB) %s\n", m.start, m.end - 1,
            (m.end - m.start) >> 10, m.cmdline);
    }
}

// `js=EXPR`: evaluates EXPR with the engine and prints its value; the
// status is 0, or 1 after an uncaught error. The first use of the engine
// on bare metal, until the REPL and init scripts arrive.
int evaluate_javascript(const char* source) {
    engine::Engine js;
    if (!js.create()) {
        console::print("js: cannot create the JavaScript heap\n");
        return 1;
    }
    auto result = js.evaluate(source, __builtin_strlen(source), "[cmdline]", true);
    return result == engine::Engine::Result::Ok ? 0 : 1;
}

// -- the program: the engine, run over the boot archive ---------------------
//
// Unless the command line asks for one of the test commands below, the
// kernel runs JavaScript once booted:
//
//   app=/app/NAME.js   run that file as the main module ('file' mode), with
//                      process.argv = ["/bin/unode", "/app/NAME.js", args...];
//                      without app=, the REPL.
//   args="a b c"       the app's arguments, split on spaces. Inside a
//                      quoted value there is no way to write a double quote,
//                      so each argument is percent-decoded after the split:
//                      %20 is a space, %22 a double quote, %25 a percent
//                      sign (tools/jsk run encodes arguments this way).
//   init=PATH          the services' init script (default
//                      /js-drivers/core/init.js); when the file is absent
//                      the program runs without it, with a note.
//   watchdog=MS        the engine's per-callback time budget; 0 turns it
//                      off. Default: 5000 for the REPL (a runaway line
//                      gives an error and the prompt comes back), 0 for an
//                      app (like Node, which has no such limit: a long
//                      computation is not an error).
//
// When the program ends, so does the machine, with its exit status.

constexpr size_t kMaxArgs = 64;
constexpr const char* kDefaultInit = "/js-drivers/core/init.js";
constexpr const char* kExecPath = "/bin/unode";

int hex_digit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Splits `text` in place on spaces into `out` (at most `max`), percent-
// decoding each word. Returns the number of words.
int split_arguments(char* text, const char** out, int max) {
    int count = 0;
    char* p = text;
    while (*p && count < max) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        char* word = p;
        char* write = p;
        while (*p && *p != ' ') {
            int high, low;
            if (*p == '%' && (high = hex_digit(p[1])) >= 0 && (low = hex_digit(p[2])) >= 0) {
                *write++ = char(high << 4 | low);
                p += 3;
            } else {
                *write++ = *p++;
            }
        }
        bool more = *p != 0;
        *write = 0;
        if (more)
            p++;
        out[count++] = word;
    }
    return count;
}

unsigned long parse_decimal(const char* text) {
    unsigned long value = 0;
    for (const char* p = text; *p >= '0' && *p <= '9'; p++)
        value = value * 10 + unsigned(*p - '0');
    return value;
}

// Runs the program the command line names (app=..., else the REPL) and
// returns its exit status.
int run_program() {
    static char app[256], arguments[2048], init[256], value[32];
    static const char* argv[kMaxArgs + 2];

    engine::StartOptions options;
    options.stdlib_dir = "/stdlib";
    options.platform = "jskernel";
    options.cwd = "/";

    bool explicit_init = cmdline_get(boot_info.cmdline, "init", init, sizeof(init));
    if (!explicit_init)
        __builtin_strcpy(init, kDefaultInit);
    if (!*init) {
        options.init = "";  // init= (empty): deliberately none
    } else if (boot_archive::type(init) == boot_archive::Type::File) {
        options.init = init;
    } else {
        console::print("jskernel: no init script %s in the boot archive; running without "
                       "services\n",
            init);
        options.init = "";
    }

    bool has_app = cmdline_get(boot_info.cmdline, "app", app, sizeof(app)) && *app;
    int argc = 0;
    argv[argc++] = kExecPath;
    if (has_app) {
        options.mode = "file";
        argv[argc++] = app;
        if (cmdline_get(boot_info.cmdline, "args", arguments, sizeof(arguments)))
            argc += split_arguments(arguments, argv + argc, kMaxArgs);
    } else {
        options.mode = "repl";
    }
    argv[argc] = nullptr;
    options.argv = argv;
    options.argc = argc;

    options.time_budget_ms = has_app ? 0 : 5000;
    if (cmdline_get(boot_info.cmdline, "watchdog", value, sizeof(value)))
        options.time_budget_ms = double(parse_decimal(value));

    options.trace = cmdline_has(boot_info.cmdline, "boottrace");

    engine::Engine js;
    uint64_t heap_started_ns = clock::monotonic_ns();
    if (!js.create()) {
        console::print("jskernel: cannot create the JavaScript heap\n");
        return 1;
    }
    if (options.trace) {
        uint64_t us = (clock::monotonic_ns() - heap_started_ns) / 1000;
        console::print("boottrace: %-44s %4lu.%03lu ms\n", "JavaScript heap (Duktape built-ins)",
            us / 1000, us % 1000);
    }
    return js.run(options);
}

// What the command line asks for once boot is complete (tests use these).
[[noreturn]] void run_boot_commands() {
    if (cmdline_has(boot_info.cmdline, "selftest"))
        power::exit(run_self_test() == 0 ? 0 : 1);
    static char script[1024];
    if (cmdline_get(boot_info.cmdline, "js", script, sizeof(script)))
        power::exit(evaluate_javascript(script));
    char value[32];
    if (cmdline_get(boot_info.cmdline, "fault", value, sizeof(value)))
        run_deliberate_fault(value);
    if (cmdline_get(boot_info.cmdline, "exit", value, sizeof(value)))
        power::exit(int(parse_decimal(value)));
    power::exit(run_program());
}

}  // namespace

// The last step of boot, right before the ready line; a stable place for a
// debugger breakpoint (tests/qemu uses it).
[[gnu::noinline]] void boot_complete() { asm volatile("" ::: "memory"); }

}  // namespace kernel

extern "C" [[noreturn]] void kernel_main(uint32_t magic, uint64_t info) {
    using namespace kernel;
    mark("entry");
    clock::start_init();
    // The GDT and IDT come first, so that from here on a CPU exception is
    // reported (and ends QEMU with a failure status) instead of resetting
    // the machine with a triple fault.
    gdt::init();
    interrupts::init();
    thread_block::init();
    mark("cpu");
    run_global_constructors();
    console::init();
    // COM2, the hot-reload channel (js-drivers/core/reload_channel.js),
    // gets its FIFO here, long before the ready line after which the host
    // may push: turning the FIFO on later clears what has arrived, and
    // without it QEMU hands over one byte per turn of its main loop.
    serial::init(serial::kCom2);
    mark("console");

    if (!parse_boot_info(magic, reinterpret_cast<const void*>(info), 0, boot_info))
        panic(
            "unknown boot protocol (magic %#x) or malformed boot information at %#lx", magic, info);
    mark("bootinfo");
    acpi::init(boot_info.rsdp);  // tables are parsed on first use
    memory::init(boot_info);
    mark("frames");
    paging::init(boot_info);
    mark("paging");
    memory::init_heap();
    boot_archive::init(boot_info);  // notes the modules; checks them on first use

    pic::init(interrupts::kIrqBase);
    pit::start_periodic(kTimerHz);
    cpu::enable_interrupts();
    clock::finish_init();
    mark("clock");
    char hz[16];
    bool profile_rate = cmdline_get(boot_info.cmdline, "profile", hz, sizeof(hz));
    if (profile_rate || cmdline_has(boot_info.cmdline, "profile")) {
        if (profiler::start(profile_rate ? uint32_t(parse_decimal(hz)) : profiler::kDefaultHz))
            profiler::report_at_first_idle(true);
        else
            console::print("profile: cannot start (the rate is 100..50000 Hz)\n");
    }

    print_banner();
    mark("banner");
    if (cmdline_has(boot_info.cmdline, "boottrace"))
        print_boot_trace();
    boot_complete();
    uint64_t ready_ns = clock::monotonic_ns();
    console::print("jskernel ready in %lu.%03lu ms\n", ready_ns / 1000000, ready_ns / 1000 % 1000);

    run_boot_commands();  // does not return
}
