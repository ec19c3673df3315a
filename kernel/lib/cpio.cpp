// cpio "newc" reader; the format is described in cpio.h.
//
// open() checks every header once; after that, walking the entries (for
// index(), listings and lookups without an index) reads only the fields it
// needs, without checks. The boot archive is opened before the REPL's
// prompt, so every instruction here is boot time under emulation.
#include "kernel/lib/cpio.h"

namespace kernel {

namespace {

constexpr size_t kHeaderSize = 110;
constexpr size_t kFieldCount = 13;
constexpr const char kTrailer[] = "TRAILER!!!";

enum Field {
    Ino,
    Mode,
    Uid,
    Gid,
    Nlink,
    Mtime,
    FileSize,
    DevMajor,
    DevMinor,
    RdevMajor,
    RdevMinor,
    NameSize,
    Check
};

size_t align4(size_t n) { return (n + 3) & ~size_t(3); }

// The value of each byte as a hex digit, 0xff when it is not one: one load
// per digit instead of three range tests. The boot archive's few hundred
// headers are 13 fields of 8 digits each, and under emulation every
// instruction before the REPL prompt counts.
struct HexDigits {
    uint8_t value[256];
    constexpr HexDigits() : value() {
        for (int c = 0; c < 256; c++)
            value[c] = c >= '0' && c <= '9' ? uint8_t(c - '0')
                : c >= 'a' && c <= 'f'      ? uint8_t(c - 'a' + 10)
                : c >= 'A' && c <= 'F'      ? uint8_t(c - 'A' + 10)
                                            : uint8_t(0xff);
    }
};
constexpr HexDigits kHex;

bool parse_hex8(const uint8_t* p, uint32_t& out) {
    uint32_t value = 0;
    uint32_t bad = 0;  // any digit's 0xff shows in bit 4 and up
    for (int i = 0; i < 8; i++) {
        uint32_t digit = kHex.value[p[i]];
        bad |= digit;
        value = value << 4 | (digit & 15);
    }
    out = value;
    return bad < 16;
}

// A field of a header open() has already validated.
uint32_t hex8(const uint8_t* p) {
    uint32_t value = 0;
    for (int i = 0; i < 8; i++)
        value = value << 4 | kHex.value[p[i]];
    return value;
}

bool equal(const char* a, const char* b) {
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

// The query's length without its trailing "/"s ("stdlib/" -> 6).
size_t query_length(const char* query) {
    size_t n = 0;
    while (query[n])
        n++;
    while (n > 0 && query[n - 1] == '/')
        n--;
    return n;
}

// Whether the entry name (stripped) equals the query's first `length` bytes.
bool same_path(const char* name, const char* query, size_t length) {
    name = cpio_strip_path(name);
    for (size_t i = 0; i < length; i++)
        if (name[i] != query[i])
            return false;
    return name[length] == 0 || (name[length] == '/' && name[length + 1] == 0);
}

// Whether the query (`length` bytes) is a proper directory prefix of the
// entry name: "stdlib" of "stdlib/node/util.js".
bool is_parent(const char* query, size_t length, const char* name) {
    name = cpio_strip_path(name);
    for (size_t i = 0; i < length; i++)
        if (name[i] != query[i])
            return false;
    return name[length] == '/' && name[length + 1] != 0;
}

// Orders names as bytes, then by length: the order of the index. With
// `slash`, the key is the query followed by "/" (the first name under a
// directory).
int compare(const char* name, size_t name_length, const char* query, size_t length, bool slash) {
    size_t key_length = length + (slash ? 1 : 0);
    for (size_t i = 0; i < name_length && i < key_length; i++) {
        unsigned char a = uint8_t(name[i]);
        unsigned char b = i < length ? uint8_t(query[i]) : uint8_t('/');
        if (a != b)
            return a < b ? -1 : 1;
    }
    return name_length < key_length ? -1 : name_length > key_length ? 1 : 0;
}

bool slot_before(const CpioArchive::IndexSlot& a, const CpioArchive::IndexSlot& b) {
    int c = compare(a.name, a.length, b.name, b.length, false);
    return c < 0 || (c == 0 && a.order < b.order);
}

}  // namespace

const char* cpio_strip_path(const char* path) {
    for (;;) {
        if (path[0] == '/')
            path++;
        else if (path[0] == '.' && path[1] == '/')
            path += 2;
        else if (path[0] == '.' && path[1] == 0)
            path++;
        else
            return path;
    }
}

const char* CpioArchive::error_text(Error error) {
    switch (error) {
    case Error::None:
        return "no error";
    case Error::Empty:
        return "empty";
    case Error::BadMagic:
        return "bad magic (not a cpio newc archive)";
    case Error::BadHeader:
        return "header field is not hexadecimal";
    case Error::Truncated:
        return "truncated";
    case Error::BadName:
        return "malformed entry name";
    case Error::NoTrailer:
        return "no TRAILER!!! entry";
    }
    return "unknown error";
}

CpioArchive::Error CpioArchive::parse(size_t offset, Entry& out, size_t& next) const {
    if (offset > capacity_ || capacity_ - offset < kHeaderSize)
        return Error::Truncated;
    const uint8_t* h = base_ + offset;
    static constexpr char kMagic[] = "07070";
    for (int i = 0; i < 5; i++)
        if (h[i] != uint8_t(kMagic[i]))
            return Error::BadMagic;
    if (h[5] != '1' && h[5] != '2')  // 070702 is newc with checksums: same layout
        return Error::BadMagic;
    // Only the fields this reader uses are read (and must be hex): ino,
    // uid, gid, nlink, mtime, the device numbers and the checksum mean
    // nothing to it, as to Linux's own initramfs unpacker.
    static constexpr Field kUsed[] = { Mode, FileSize, NameSize };
    uint32_t fields[kFieldCount];
    for (Field f : kUsed)
        if (!parse_hex8(h + 6 + 8 * f, fields[f]))
            return Error::BadHeader;
    size_t name_size = fields[NameSize];
    if (name_size == 0)
        return Error::BadName;
    size_t name_at = offset + kHeaderSize;
    if (capacity_ - name_at < name_size)
        return Error::Truncated;
    const char* name = reinterpret_cast<const char*>(base_ + name_at);
    if (name[name_size - 1] != 0)
        return Error::BadName;
    for (size_t i = 0; i + 1 < name_size; i++)
        if (name[i] == 0)
            return Error::BadName;
    size_t data_at = align4(name_at + name_size);
    size_t data_size = fields[FileSize];
    if (data_at > capacity_ || capacity_ - data_at < data_size)
        return Error::Truncated;
    out.name = name;
    out.mode = fields[Mode];
    out.data = base_ + data_at;
    out.size = data_size;
    // The data's padding may be missing at the very end of the bytes (only
    // after the trailer, which has no data): clamp rather than fail.
    next = align4(data_at + data_size);
    if (next > capacity_)
        next = capacity_;
    return Error::None;
}

bool CpioArchive::open(const void* data, size_t size) {
    base_ = static_cast<const uint8_t*>(data);
    capacity_ = data ? size : 0;
    end_ = 0;
    count_ = 0;
    error_offset_ = 0;
    if (capacity_ == 0) {
        error_ = Error::Empty;
        return false;
    }
    size_t offset = 0;
    for (;;) {
        Entry entry;
        size_t next;
        Error e = parse(offset, entry, next);
        if (e != Error::None) {
            // Running out of bytes exactly between entries means the
            // trailer is missing, not that an entry is cut short.
            error_ = e == Error::Truncated && offset == capacity_ ? Error::NoTrailer : e;
            error_offset_ = offset;
            return false;
        }
        if (equal(entry.name, kTrailer)) {
            end_ = next;
            break;
        }
        count_++;
        offset = next;
    }
    error_ = Error::None;
    return true;
}

// open() validated every header up to the trailer, so walking the entries
// again only reads the three fields it needs.
void CpioArchive::read_valid(size_t offset, Entry& out, size_t& next) const {
    const uint8_t* h = base_ + offset;
    size_t name_at = offset + kHeaderSize;
    size_t data_at = align4(name_at + hex8(h + 6 + 8 * NameSize));
    out.name = reinterpret_cast<const char*>(base_ + name_at);
    out.mode = hex8(h + 6 + 8 * Mode);
    out.data = base_ + data_at;
    out.size = hex8(h + 6 + 8 * FileSize);
    next = align4(data_at + out.size);
}

bool CpioArchive::next(size_t& cursor, Entry& out) const {
    if (error_ != Error::None || cursor >= end_)
        return false;
    size_t following;
    read_valid(cursor, out, following);
    if (following >= end_ && equal(out.name, kTrailer))
        return false;
    cursor = following;
    return true;
}

bool CpioArchive::index(IndexSlot* slots, size_t capacity) {
    if (error_ != Error::None || capacity < count_)
        return false;
    size_t n = 0;
    size_t cursor = 0;
    Entry entry;
    while (next(cursor, entry)) {
        const char* name = cpio_strip_path(entry.name);
        slots[n] = IndexSlot { name, query_length(name), uint32_t(n), entry };
        n++;
    }
    // tools/mkinitrd.py writes the entries sorted already: then one pass
    // checks it. Otherwise a Shell sort (gaps 1, 4, 13, 40...): no
    // allocation, fast enough for thousands of names; `order` breaks ties so
    // duplicates keep archive order.
    bool sorted = true;
    for (size_t i = 1; i < n && sorted; i++)
        sorted = slot_before(slots[i - 1], slots[i]);
    size_t gap = 1;
    while (gap < n / 3)
        gap = gap * 3 + 1;
    for (; gap > 0 && !sorted; gap /= 3) {
        for (size_t i = gap; i < n; i++) {
            IndexSlot moving = slots[i];
            size_t j = i;
            for (; j >= gap && slot_before(moving, slots[j - gap]); j -= gap)
                slots[j] = slots[j - gap];
            slots[j] = moving;
        }
    }
    // Of several entries with one name, the last in the archive wins.
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        bool same_as_next = i + 1 < n
            && compare(slots[i].name, slots[i].length, slots[i + 1].name, slots[i + 1].length,
                   false)
                == 0;
        if (!same_as_next)
            slots[kept++] = slots[i];
    }
    index_ = slots;
    index_count_ = kept;
    return true;
}

// The first slot whose name is not below the key (query, or query + "/").
const CpioArchive::IndexSlot* CpioArchive::lower_bound(
    const char* query, size_t length, bool slash) const {
    size_t low = 0, high = index_count_;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        const IndexSlot& s = index_[middle];
        if (compare(s.name, s.length, query, length, slash) < 0)
            low = middle + 1;
        else
            high = middle;
    }
    return low < index_count_ ? &index_[low] : nullptr;
}

bool CpioArchive::find(const char* path, Entry& out) const {
    const char* query = cpio_strip_path(path);
    size_t length = query_length(query);
    if (index_) {
        const IndexSlot* s = lower_bound(query, length, false);
        if (!s || compare(s->name, s->length, query, length, false) != 0)
            return false;
        out = s->entry;
        return true;
    }
    size_t cursor = 0;
    Entry entry;
    // The last entry with the name wins, as when cpio extracts over itself.
    bool found = false;
    while (next(cursor, entry)) {
        if (same_path(entry.name, query, length)) {
            out = entry;
            found = true;
        }
    }
    return found;
}

bool CpioArchive::find_file(const char* path, Entry& out) const {
    Entry entry;
    if (!find(path, entry) || !entry.is_file())
        return false;
    out = entry;
    return true;
}

bool CpioArchive::is_directory(const char* path) const {
    if (error_ != Error::None)
        return false;
    const char* query = cpio_strip_path(path);
    size_t length = query_length(query);
    if (length == 0)
        return true;  // the root
    if (index_) {
        const IndexSlot* s = lower_bound(query, length, false);
        if (s && compare(s->name, s->length, query, length, false) == 0
            && s->entry.is_directory())
            return true;
        // Names under "query/" sort together, from the key "query/" on.
        s = lower_bound(query, length, true);
        return s && s->length > length + 1 && is_parent(query, length, s->name);
    }
    size_t cursor = 0;
    Entry entry;
    while (next(cursor, entry)) {
        if (same_path(entry.name, query, length) && entry.is_directory())
            return true;
        if (is_parent(query, length, entry.name))
            return true;
    }
    return false;
}

void CpioArchive::for_each_child(const char* path, ChildVisitor visit, void* context) const {
    if (error_ != Error::None)
        return;
    const char* query = cpio_strip_path(path);
    size_t length = query_length(query);
    size_t cursor = 0;
    Entry entry;
    while (next(cursor, entry)) {
        const char* name = cpio_strip_path(entry.name);
        const char* rest;
        if (length == 0) {
            rest = name;
        } else {
            if (!is_parent(query, length, name))
                continue;
            rest = name + length + 1;
        }
        size_t n = 0;
        while (rest[n] && rest[n] != '/')
            n++;
        if (n == 0)
            continue;  // the root's own entry (".")
        bool deeper = rest[n] == '/' && rest[n + 1] != 0;
        visit(context, rest, n, deeper ? nullptr : &entry);
    }
}

}  // namespace kernel
