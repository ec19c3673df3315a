// The engine's platform on Linux: the C library's allocator and clocks,
// and write(2) for the console.
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "engine/platform.h"
#include "sim/linux_syscall.h"

namespace engine::platform {

void* allocate(size_t size) { return malloc(size); }
void* reallocate(void* pointer, size_t size) { return realloc(pointer, size); }
void release(void* pointer) { free(pointer); }

void write(int fd, const char* data, size_t length) {
    while (length > 0) {
        ssize_t n = ::write(fd, data, length);
        if (n <= 0)
            return;  // a closed pipe: nothing more can be said
        data += n;
        length -= size_t(n);
    }
}

double now_ms() {
    timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

double monotonic_ms() {
    timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

void fatal(const char*) { abort(); }

FileType file_type(const char* path) {
    struct stat st;
    if (stat(path, &st) != 0)
        return FileType::None;
    return S_ISDIR(st.st_mode) ? FileType::Directory : FileType::File;
}

char* read_file(const char* path, size_t& length) {
    FILE* f = fopen(path, "rb");
    if (!f)
        return nullptr;
    size_t capacity = 65536;
    length = 0;
    char* data = static_cast<char*>(malloc(capacity));
    size_t n;
    while (data && (n = fread(data + length, 1, capacity - length, f)) > 0) {
        length += n;
        if (length == capacity) {
            capacity *= 2;
            char* bigger = static_cast<char*>(realloc(data, capacity));
            if (!bigger)
                free(data);
            data = bigger;
        }
    }
    bool failed = ferror(f) || !data;
    fclose(f);
    if (failed) {
        free(data);
        return nullptr;
    }
    return data;
}

void register_native_modules() { sim::register_linux_syscall(); }

}  // namespace engine::platform
