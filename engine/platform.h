// What the engine needs from the machine it runs on. kernel/ implements it
// on bare metal (kernel/engine_platform.cpp), sim/ on Linux
// (sim/linux_platform.cpp). Everything else in engine/ is shared.
#pragma once

#include <stddef.h>

namespace engine::platform {

void* allocate(size_t size);
void* reallocate(void* pointer, size_t size);
void release(void* pointer);

// Console output: fd 1 is standard output, fd 2 standard error.
void write(int fd, const char* data, size_t length);

double now_ms();        // wall clock, milliseconds since 1970-01-01 UTC
double monotonic_ms();  // never goes backwards

// An unrecoverable engine error (Duktape's fatal handler): report and stop.
[[noreturn]] void fatal(const char* message);

// Files for the module loader: the host's file system, or on bare metal the
// boot-module archive. `read_file` returns a buffer from allocate() (the
// caller releases it) or null when the file cannot be read.
enum class FileType { None, File, Directory };
FileType file_type(const char* path);
char* read_file(const char* path, size_t& length);

// Registers the platform's own native modules (e.g. `native:sys`) with
// engine::register_native_module; called once per heap before JS runs.
void register_native_modules();

}  // namespace engine::platform
