// Symbol lookup in the table tools/mksyms.py writes (layout in the header).
//
// The table is checked once in init(), so lookup() can trust every offset
// in it: a backtrace printed while the kernel is dying must not fault on a
// bad table.
#include "kernel/lib/symbolizer.h"

namespace kernel {

namespace {

constexpr size_t kHeaderSize = 8;  // magic + count
static_assert(sizeof(SymbolEntry) == 16, "the table layout is fixed");

}  // namespace

// Entries are copied out rather than dereferenced in place, because the
// embedded table need not be 8-byte aligned.
SymbolEntry Symbolizer::entry(size_t index) const {
    SymbolEntry e;
    __builtin_memcpy(&e, entries_ + index * sizeof(SymbolEntry), sizeof e);
    return e;
}

bool Symbolizer::init(const void* table, size_t length) {
    entries_ = nullptr;
    names_ = nullptr;
    names_length_ = 0;
    count_ = 0;

    const auto* bytes = static_cast<const unsigned char*>(table);
    if (!bytes || length < kHeaderSize || __builtin_memcmp(bytes, "KSYM", 4) != 0)
        return false;
    uint32_t count;
    __builtin_memcpy(&count, bytes + 4, sizeof count);
    if (count > (length - kHeaderSize) / sizeof(SymbolEntry))
        return false;  // the entries would run past the end

    size_t names_start = kHeaderSize + (size_t)count * sizeof(SymbolEntry);
    const char* names = reinterpret_cast<const char*>(bytes + names_start);
    size_t names_length = length - names_start;
    // With a NUL as the last byte of names[], every name that starts inside
    // it also ends inside it.
    if (count > 0 && (names_length == 0 || names[names_length - 1] != '\0'))
        return false;

    entries_ = bytes + kHeaderSize;
    count_ = count;
    uint64_t previous = 0;
    for (size_t i = 0; i < count_; ++i) {
        SymbolEntry e = entry(i);
        // Binary search needs ascending addresses.
        if (e.name_offset >= names_length || (i > 0 && e.address <= previous)) {
            entries_ = nullptr;
            count_ = 0;
            return false;
        }
        previous = e.address;
    }
    names_ = names;
    names_length_ = names_length;
    return true;
}

bool Symbolizer::lookup(uint64_t address, const char*& name, uint64_t& offset) const {
    // Find the first entry that starts above `address`; the one before it
    // is the candidate.
    size_t low = 0, high = count_;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (entry(middle).address <= address)
            low = middle + 1;
        else
            high = middle;
    }
    if (low == 0)
        return false;  // below the first symbol (or no table)

    SymbolEntry candidate = entry(low - 1);
    uint64_t distance = address - candidate.address;
    if (candidate.size != 0) {
        if (distance >= candidate.size)
            return false;  // in a gap between functions
    } else if (low == count_) {
        return false;  // unsized and last: nothing bounds it
    }
    name = names_ + candidate.name_offset;
    offset = distance;
    return true;
}

}  // namespace kernel
