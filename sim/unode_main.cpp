// unode on Linux: `unode FILE`, `unode -e CODE`, `unode -p EXPR`.
//
// This is the first slice of unode: it evaluates programs with the shared
// engine and reports errors like Node. require(), process, the console
// module and the REPL arrive with the rest of the engine issue.
#include <stdio.h>
#include <string.h>

#include <string>

#include "engine/engine.h"

namespace {

int usage() {
    engine::print(2, "usage: unode FILE | unode -e CODE | unode -p EXPR\n");
    return 9;  // Node's status for invalid arguments
}

bool read_file(const char* path, std::string& out) {
    FILE* f = fopen(path, "rb");
    if (!f)
        return false;
    char buffer[65536];
    size_t n;
    while ((n = fread(buffer, 1, sizeof(buffer), f)) > 0)
        out.append(buffer, n);
    bool ok = !ferror(f);
    fclose(f);
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2)
        return usage();
    engine::Engine js;
    if (!js.create()) {
        engine::print(2, "unode: cannot create the JavaScript heap\n");
        return 1;
    }
    const char* option = argv[1];
    if (strcmp(option, "-e") == 0 || strcmp(option, "-p") == 0) {
        if (argc < 3) {
            engine::print(2, "unode: ");
            engine::print(2, option);
            engine::print(2, " requires an argument\n");
            return 9;
        }
        bool print = option[1] == 'p';
        auto result = js.evaluate(argv[2], strlen(argv[2]), "[eval]", print);
        return result == engine::Engine::Result::Ok ? 0 : 1;
    }
    std::string source;
    if (!read_file(option, source)) {
        engine::print(2, "unode: cannot open ");
        engine::print(2, option);
        engine::print(2, "\n");
        return 1;
    }
    auto result = js.evaluate(source.data(), source.size(), option, false);
    return result == engine::Engine::Result::Ok ? 0 : 1;
}
