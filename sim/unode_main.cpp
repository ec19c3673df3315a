// unode on Linux: the engine with the Linux platform.
//
//   unode [--watchdog MS] FILE [ARGS...]   run a program
//   unode -e CODE [ARGS...]                evaluate CODE
//   unode -p EXPR [ARGS...]                evaluate EXPR and print the result
//   unode                                  the REPL
//   unode --trace-startup ...              print each module's load time
//   unode --cpu-prof[=HZ] ...              sample the JS call stack (default
//                                          1000 times a second of CPU time) and
//                                          print the JS profile at exit, on stderr
//
// What happens next is JavaScript: engine/js/loader.js loads
// stdlib/node/internal/main.js, which sets up process, console and timers,
// runs the program and its event loop, and exits through exit_group.
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/time.h>
#include <string.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/js_profiler.h"

extern char** environ;

namespace {

int usage(const char* message) {
    engine::print(2, "unode: ");
    engine::print(2, message);
    engine::print(2, "\nusage: unode [--watchdog MS] [--trace-startup] [--cpu-prof[=HZ]] "
                     "[FILE | -e CODE | -p EXPR] [ARGS...]\n");
    return 9;  // Node's status for invalid arguments
}

// --cpu-prof: SIGPROF, every 1/hz s of the process's CPU time, asks the
// engine for a JS stack sample (engine/js_profiler.h); the report is printed
// when the program exits (sim/linux_syscall.cpp, exit_group).
void on_profiling_signal(int) { engine::js_profiler::request_sample(); }

bool start_cpu_profile(long hz) {
    struct sigaction action = {};
    action.sa_handler = on_profiling_signal;
    action.sa_flags = SA_RESTART;
    if (sigaction(SIGPROF, &action, nullptr) != 0)
        return false;
    struct itimerval every = {};
    every.it_interval.tv_usec = 1000000 / hz;
    every.it_value = every.it_interval;
    if (setitimer(ITIMER_PROF, &every, nullptr) != 0)
        return false;
    engine::js_profiler::start();
    return true;
}

std::string absolute(const char* path) {
    char resolved[PATH_MAX];
    if (realpath(path, resolved))
        return resolved;
    return path;
}

}  // namespace

int main(int argc, char** argv) {
    engine::StartOptions options;
    options.platform = "linux";
    const char* stdlib = getenv("UNODE_STDLIB");
    options.stdlib_dir = stdlib && *stdlib ? stdlib : JSK_STDLIB_DIR;
    options.environment = environ;
    options.mode = "repl";

    std::string exec_path = absolute("/proc/self/exe");
    std::vector<std::string> process_argv { exec_path };
    long profile_hz = 0;
    int i = 1;
    for (; i < argc; i++) {
        const char* arg = argv[i];
        if (strcmp(arg, "--watchdog") == 0) {
            if (++i >= argc)
                return usage("--watchdog requires a number of milliseconds");
            options.time_budget_ms = atof(argv[i]);
        } else if (strcmp(arg, "--trace-startup") == 0) {
            options.trace = true;
        } else if (strncmp(arg, "--cpu-prof", 10) == 0 && (arg[10] == '\0' || arg[10] == '=')) {
            profile_hz = arg[10] == '=' ? atol(arg + 11) : 1000;
            if (profile_hz < 10 || profile_hz > 10000)
                return usage("--cpu-prof=HZ wants 10..10000 samples a second");
        } else if (strcmp(arg, "-e") == 0 || strcmp(arg, "-p") == 0 || strcmp(arg, "--eval") == 0
            || strcmp(arg, "--print") == 0) {
            if (++i >= argc)
                return usage("-e and -p require an argument");
            options.mode = arg[1] == 'p' || arg[2] == 'p' ? "print" : "eval";
            options.code = argv[i];
            i++;
            break;
        } else if (arg[0] == '-' && arg[1] != '\0') {
            return usage((std::string("bad option: ") + arg).c_str());
        } else {
            options.mode = "file";
            process_argv.push_back(absolute(arg));
            i++;
            break;
        }
    }
    for (; i < argc; i++)
        process_argv.push_back(argv[i]);

    std::vector<const char*> pointers;
    for (auto& s : process_argv)
        pointers.push_back(s.c_str());
    options.argv = pointers.data();
    options.argc = int(pointers.size());
    char cwd[PATH_MAX];
    options.cwd = getcwd(cwd, sizeof(cwd)) ? cwd : "/";

    engine::Engine js;
    if (!js.create()) {
        engine::print(2, "unode: cannot create the JavaScript heap\n");
        return 1;
    }
    if (profile_hz && !start_cpu_profile(profile_hz)) {
        engine::print(2, "unode: --cpu-prof: cannot set up the profiling timer\n");
        return 1;
    }
    return js.run(options);
}
