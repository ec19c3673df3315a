// unode on Linux: the engine with the Linux platform.
//
//   unode [--watchdog MS] FILE [ARGS...]   run a program
//   unode -e CODE [ARGS...]                evaluate CODE
//   unode -p EXPR [ARGS...]                evaluate EXPR and print the result
//   unode                                  the REPL
//   unode --trace-startup ...              print each module's load time
//
// What happens next is JavaScript: engine/js/loader.js loads
// stdlib/node/internal/main.js, which sets up process, console and timers,
// runs the program and its event loop, and exits through exit_group.
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "engine/engine.h"

extern char** environ;

namespace {

int usage(const char* message) {
    engine::print(2, "unode: ");
    engine::print(2, message);
    engine::print(2, "\nusage: unode [--watchdog MS] [--trace-startup] [FILE | -e CODE | -p EXPR] [ARGS...]\n");
    return 9;  // Node's status for invalid arguments
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
    int i = 1;
    for (; i < argc; i++) {
        const char* arg = argv[i];
        if (strcmp(arg, "--watchdog") == 0) {
            if (++i >= argc)
                return usage("--watchdog requires a number of milliseconds");
            options.time_budget_ms = atof(argv[i]);
        } else if (strcmp(arg, "--trace-startup") == 0) {
            options.trace = true;
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
    return js.run(options);
}
