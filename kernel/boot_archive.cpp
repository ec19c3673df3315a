#include "kernel/boot_archive.h"

#include "kernel/console/console.h"
#include "kernel/mm/kernel_heap.h"

namespace kernel::boot_archive {

namespace {

CpioArchive archives[BootInfo::kMaxModules];
size_t count;
BootModule candidates[BootInfo::kMaxModules];
size_t candidate_count;
bool checked;

bool looks_like_cpio(const BootModule& m) {
    const char* p = reinterpret_cast<const char*>(m.start);
    return m.end - m.start >= 6 && p[0] == '0' && p[1] == '7' && p[2] == '0' && p[3] == '7'
        && p[4] == '0' && (p[5] == '1' || p[5] == '2');
}

// Validates the candidates, once.
void check() {
    if (checked)
        return;
    checked = true;
    count = 0;
    for (size_t i = 0; i < candidate_count; i++) {
        const BootModule& m = candidates[i];
        CpioArchive& archive = archives[count];
        if (archive.open(reinterpret_cast<const void*>(m.start), m.end - m.start)) {
            count++;
            // Sorted names for binary-search lookups; without the memory
            // for them, lookups still work by walking the archive.
            size_t bytes = archive.entry_count() * sizeof(CpioArchive::IndexSlot);
            void* slots = memory::heap().allocate(bytes ? bytes : 1);
            if (slots)
                archive.index(static_cast<CpioArchive::IndexSlot*>(slots), archive.entry_count());
        } else {
            console::print("boot archive %s: %s at byte %lu; ignored\n", m.cmdline,
                CpioArchive::error_text(archive.error()), archive.error_offset());
        }
    }
}

}  // namespace

void init(const BootInfo& boot) {
    candidate_count = 0;
    checked = false;
    for (size_t i = 0; i < boot.module_count; i++)
        if (looks_like_cpio(boot.modules[i]))
            candidates[candidate_count++] = boot.modules[i];
}

size_t archive_count() {
    check();
    return count;
}

Type type(const char* path) {
    check();
    CpioArchive::Entry entry;
    for (size_t i = 0; i < count; i++) {
        if (archives[i].find(path, entry)) {
            if (entry.is_file())
                return Type::File;
            if (entry.is_directory())
                return Type::Directory;
        }
        if (archives[i].is_directory(path))
            return Type::Directory;
    }
    return Type::None;
}

bool read(const char* path, const void*& data, size_t& length) {
    check();
    CpioArchive::Entry entry;
    for (size_t i = 0; i < count; i++) {
        if (archives[i].find_file(path, entry)) {
            data = entry.data;
            length = entry.size;
            return true;
        }
    }
    return false;
}

bool find(const char* path, CpioArchive::Entry& entry) {
    check();
    for (size_t i = 0; i < count; i++)
        if (archives[i].find(path, entry))
            return true;
    return false;
}

void for_each_child(const char* path, CpioArchive::ChildVisitor visit, void* context) {
    check();
    for (size_t i = 0; i < count; i++)
        archives[i].for_each_child(path, visit, context);
}

}  // namespace kernel::boot_archive
