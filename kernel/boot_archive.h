// The boot-module archive: the cpio "newc" archives among the boot modules
// (build/initrd.cpio, from tools/mkinitrd.py), served read-only as one file
// tree. It holds /stdlib, /js-drivers and, for `tools/jsk run app.js`, /app.
//
// The loader passes the archive as a boot module: GRUB's `module2
// /boot/initrd.cpio` (kernel/grub.cfg) or QEMU's `-initrd` on the -kernel
// path. Every module that starts with the newc magic is checked in full on
// first use, not during boot (walking the headers costs about 0.3 ms under
// TCG, and a machine booted with exit= never looks); one that is malformed
// is reported on the console then and ignored. When
// several archives are given, a path is looked up in each in boot order and
// the first one that has it wins, so an extra archive can add files but
// not replace them.
//
// The modules stay where the loader put them (the frame allocator keeps
// them, paging identity-maps them): nothing is copied.
#pragma once

#include <stddef.h>

#include "kernel/lib/cpio.h"
#include "kernel/lib/multiboot.h"

namespace kernel::boot_archive {

// Notes the modules that start with the cpio magic (checked on first use).
void init(const BootInfo& boot);
// How many archives are valid (checks them now if not done yet).
size_t archive_count();

enum class Type { None, File, Directory };
// `path` is absolute ("/stdlib/node/util.js"); "/" is a directory whenever
// there is an archive.
Type type(const char* path);
// The file's bytes, in place (not NUL-terminated); false when it is not a
// regular file in any archive.
bool read(const char* path, const void*& data, size_t& length);
// The entry at `path` as the first archive that has it holds it (false
// for an implied directory or nothing); for the VFS's stat.
bool find(const char* path, CpioArchive::Entry& entry);
// The direct children of the directory `path` in every archive (see
// CpioArchive::for_each_child; names may repeat).
void for_each_child(const char* path, CpioArchive::ChildVisitor visit, void* context);

}  // namespace kernel::boot_archive
