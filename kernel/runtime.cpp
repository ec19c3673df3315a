// What the compiler expects from a C/C++ runtime, for a kernel with none:
// the memory and string primitives it may emit calls to, and the C++ ABI
// hooks (operator new/delete, pure virtual calls).
#include <stddef.h>
#include <stdint.h>

#include "kernel/debug/panic.h"
#include "kernel/mm/kernel_heap.h"

// Copies and fills use `rep movsq` / `rep stosq` for the bulk and the byte
// forms for the tail. They are single instructions, so the optimizer cannot
// turn them back into calls to memcpy/memset (which a C loop here could
// be); and under QEMU's TCG, which runs a `rep` string instruction one
// element per iteration, moving 8 bytes per element beats `rep movsb`
// (building a 20000-character string in Duktape went from 1159 to 376 ms).
extern "C" {

void* memcpy(void* destination, const void* source, size_t count) {
    void* d = destination;
    size_t words = count / 8;
    size_t bytes = count % 8;
    asm volatile("rep movsq\n"
                 "mov %3, %%rcx\n"
                 "rep movsb"
                 : "+D"(d), "+S"(source), "+c"(words)
                 : "r"(bytes)
                 : "memory");
    return destination;
}

void* memmove(void* destination, const void* source, size_t count) {
    if (destination <= source || static_cast<const char*>(source) + count <= destination)
        return memcpy(destination, source, count);
    // Overlapping with the destination above the source: copy backwards.
    char* d = static_cast<char*>(destination) + count - 1;
    const char* s = static_cast<const char*>(source) + count - 1;
    asm volatile("std; rep movsb; cld" : "+D"(d), "+S"(s), "+c"(count) : : "memory");
    return destination;
}

void* memset(void* destination, int value, size_t count) {
    void* d = destination;
    uint64_t pattern = uint8_t(value) * 0x0101010101010101ull;
    size_t words = count / 8;
    size_t bytes = count % 8;
    asm volatile("rep stosq\n"
                 "mov %3, %%rcx\n"
                 "rep stosb"
                 : "+D"(d), "+c"(words)
                 : "a"(pattern), "r"(bytes)
                 : "memory");
    return destination;
}

int memcmp(const void* a, const void* b, size_t count) {
    auto* x = static_cast<const unsigned char*>(a);
    auto* y = static_cast<const unsigned char*>(b);
    for (size_t i = 0; i < count; i++)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}

size_t strlen(const char* s) {
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

int strcmp(const char* a, const char* b) {
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return static_cast<unsigned char>(*a) - static_cast<unsigned char>(*b);
}

int strncmp(const char* a, const char* b, size_t count) {
    for (size_t i = 0; i < count; i++) {
        if (a[i] != b[i] || !a[i])
            return static_cast<unsigned char>(a[i]) - static_cast<unsigned char>(b[i]);
    }
    return 0;
}

void __cxa_pure_virtual() { kernel::panic("pure virtual function called"); }

// Global constructors, listed by the linker between these symbols.
extern void (*__init_array_start[])();
extern void (*__init_array_end[])();

}  // extern "C"

namespace kernel {

void run_global_constructors() {
    for (auto* constructor = __init_array_start; constructor != __init_array_end; constructor++)
        (*constructor)();
}

}  // namespace kernel

// A failed allocation panics: the kernel has no exceptions to throw, and
// kernel code that can cope with failure calls memory::heap() directly.
void* operator new(size_t size) {
    void* p = kernel::memory::heap().allocate(size);
    if (!p)
        kernel::panic("out of memory: operator new(%zu)", size);
    return p;
}
void* operator new[](size_t size) { return operator new(size); }
void operator delete(void* p) noexcept { kernel::memory::heap().free(p); }
void operator delete[](void* p) noexcept { kernel::memory::heap().free(p); }
void operator delete(void* p, size_t) noexcept { kernel::memory::heap().free(p); }
void operator delete[](void* p, size_t) noexcept { kernel::memory::heap().free(p); }
