// What musl's libc.a (linked for Duktape: formatting, math, setjmp) expects
// from an operating system, provided by the kernel so that nothing in the
// image issues a Linux system call:
//   - malloc and friends on the kernel heap;
//   - errno in a plain variable (musl keeps it in thread-local storage,
//     reached through %fs, which the kernel does not set up);
//   - stdio and internal locking as no-ops (one CPU, one thread; stdio is
//     only used on in-memory strings by snprintf/sscanf);
//   - abort() as a kernel panic.
// tests/unit (the kernel_has_no_syscalls test) checks the linked image.
#include <stddef.h>

#include "kernel/debug/panic.h"
#include "kernel/mm/kernel_heap.h"

extern "C" {

void* malloc(size_t size) { return kernel::memory::heap().allocate(size); }
void free(void* pointer) { kernel::memory::heap().free(pointer); }
void* realloc(void* pointer, size_t size) {
    return kernel::memory::heap().reallocate(pointer, size);
}
void* calloc(size_t count, size_t size) {
    if (size && count > size_t(-1) / size)
        return nullptr;
    void* p = kernel::memory::heap().allocate(count * size);
    if (p)
        __builtin_memset(p, 0, count * size);
    return p;
}

[[noreturn]] void abort() { kernel::panic("abort() called"); }

int* __errno_location() {
    static int error_number;
    return &error_number;
}
// musl's own code calls errno through this alias.
int* ___errno_location() __attribute__((alias("__errno_location")));

struct _IO_FILE;
int __lockfile(_IO_FILE*) { return 0; }
void __unlockfile(_IO_FILE*) { }
// musl's internal locks (futex system calls when contended): one CPU, one
// thread, nothing to wait for.
void __lock(volatile int*) { }
void __unlock(volatile int*) { }

}  // extern "C"
