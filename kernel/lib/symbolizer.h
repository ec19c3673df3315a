// Turns code addresses into function names for backtraces.
//
// The build links the kernel twice: the second link embeds a table made
// by tools/mksyms.py from the first link's symbols (function addresses do
// not move between the two links; see kernel/arch/x86_64/linker.ld).
//
// Table layout (little endian):
//   char     magic[4] = "KSYM"
//   uint32_t count
//   count x { uint64_t address; uint32_t size; uint32_t name_offset; }
//            sorted by address; name_offset is from the start of names
//   char     names[]  NUL-terminated, demangled C++ names
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace kernel {

struct SymbolEntry {
    uint64_t address;
    uint32_t size;
    uint32_t name_offset;
};

class Symbolizer {
public:
    // False (and lookups fail) when the table is missing or malformed.
    bool init(const void* table, size_t length);

    // Finds the function containing `address`: the last symbol starting at or
    // below it, accepted when address < start + size (or size is 0 and
    // the next symbol starts above). Sets `name` and `offset` from its start.
    bool lookup(uint64_t address, const char*& name, uint64_t& offset) const;

    size_t count() const { return count_; }

private:
    SymbolEntry entry(size_t index) const;

    // Bytes, not SymbolEntry*: the table may sit at any alignment.
    const unsigned char* entries_ = nullptr;
    const char* names_ = nullptr;
    size_t names_length_ = 0;
    size_t count_ = 0;
};

}  // namespace kernel
