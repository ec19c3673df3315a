// The engine's platform on Linux: the C library's allocator and clocks,
// and write(2) for the console.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "engine/platform.h"

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

}  // namespace engine::platform
