// The engine's platform on bare metal: the kernel heap, the console, the
// TSC clock and the RTC, files from the boot-module archive.
#include "engine/platform.h"

#include "kernel/boot_archive.h"
#include "kernel/console/console.h"
#include "kernel/debug/panic.h"
#include "kernel/js/natives.h"
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

// Files are the boot-module archive's (kernel/boot_archive.h): /stdlib,
// /js-drivers and /app, read-only.
FileType file_type(const char* path) {
    switch (kernel::boot_archive::type(path)) {
    case kernel::boot_archive::Type::File:
        return FileType::File;
    case kernel::boot_archive::Type::Directory:
        return FileType::Directory;
    case kernel::boot_archive::Type::None:
        return FileType::None;
    }
    return FileType::None;
}

char* read_file(const char* path, size_t& length) {
    const void* data;
    size_t size;
    if (!kernel::boot_archive::read(path, data, size))
        return nullptr;
    // The caller owns (and releases) a copy: one allocation even for an
    // empty file, since null means "cannot be read".
    char* copy = static_cast<char*>(allocate(size ? size : 1));
    if (!copy)
        return nullptr;
    __builtin_memcpy(copy, data, size);
    length = size;
    return copy;
}

// native:sys and native:kernel (kernel/js/natives.h).
void register_native_modules() { kernel::js::register_natives(); }

}  // namespace engine::platform
