// The engine's platform on bare metal: the kernel heap, the console, the
// TSC clock and the RTC.
#include "engine/platform.h"

#include "kernel/console/console.h"
#include "kernel/debug/panic.h"
#include "kernel/mm/kernel_heap.h"
#include "kernel/time/clock.h"

namespace engine::platform {

void* allocate(size_t size) { return kernel::memory::heap().allocate(size); }
void* reallocate(void* pointer, size_t size) {
    return kernel::memory::heap().reallocate(pointer, size);
}
void release(void* pointer) { kernel::memory::heap().free(pointer); }

// Both standard output and standard error are the console for now; the tty
// service will tell them apart.
void write(int, const char* data, size_t length) { kernel::console::write(data, length); }

double now_ms() { return double(kernel::clock::realtime_ns()) / 1e6; }
double monotonic_ms() { return double(kernel::clock::monotonic_ns()) / 1e6; }

void fatal(const char* message) { kernel::panic("JavaScript engine: %s", message); }

}  // namespace engine::platform

namespace engine::platform {

// The boot-module archive is not wired up yet: no files on bare metal.
FileType file_type(const char*) { return FileType::None; }
char* read_file(const char*, size_t&) { return nullptr; }
void register_native_modules() {}

}  // namespace engine::platform
