// A reader for cpio archives in the "newc" format (magic 070701, what
// `cpio -H newc` and the Linux initramfs use): the boot-module archive that
// carries stdlib/, js-drivers/ and the app (tools/mkinitrd.py writes it).
//
// Layout of one entry: a 110-byte ASCII header (the 6-byte magic, then 13
// fields of 8 hex digits: ino, mode, uid, gid, nlink, mtime, filesize,
// devmajor, devminor, rdevmajor, rdevminor, namesize, check), the name
// (namesize bytes including its NUL), zero padding to a multiple of 4 from
// the start of the archive, the data (filesize bytes), padding to 4 again.
// The entry named "TRAILER!!!" ends the archive; anything after it (the
// zero padding cpio adds to a 512-byte block) is ignored.
//
// The archive is read in place: names and data point into the caller's
// bytes, which must outlive the reader. Nothing is allocated.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace kernel {

class CpioArchive {
public:
    enum class Error {
        None,
        Empty,      // no bytes, or open() not called
        BadMagic,   // a header does not start with 070701 (or 070702)
        BadHeader,  // a header field is not 8 hex digits
        Truncated,  // a header, name or data runs past the end
        BadName,    // namesize 0, or the name is not NUL-terminated
        NoTrailer,  // the bytes end without a TRAILER!!! entry
    };

    // File types from the mode field (the S_IFMT bits).
    static constexpr uint32_t kTypeMask = 0170000;
    static constexpr uint32_t kRegular = 0100000;
    static constexpr uint32_t kDirectory = 0040000;
    static constexpr uint32_t kSymlink = 0120000;

    struct Entry {
        const char* name;  // as stored, NUL-terminated (may begin with "./")
        uint32_t mode;
        const uint8_t* data;  // filesize bytes (for a symlink: the target)
        size_t size;
        bool is_file() const { return (mode & kTypeMask) == kRegular; }
        bool is_directory() const { return (mode & kTypeMask) == kDirectory; }
    };

    // Validates the whole archive (every header, name, size and the trailer).
    // Returns false, with error() and error_offset() set, if it is malformed;
    // a malformed archive then answers no lookups.
    bool open(const void* data, size_t size);

    bool valid() const { return error_ == Error::None; }
    Error error() const { return error_; }
    size_t error_offset() const { return error_offset_; }
    static const char* error_text(Error error);

    size_t entry_count() const { return count_; }  // the trailer not counted
    size_t size() const { return end_; }           // bytes up to the trailer's end

    // Iteration: start with cursor = 0; each call returns the next entry
    // (never the trailer) and false after the last.
    bool next(size_t& cursor, Entry& out) const;

    // Lookup by path. Leading "/" and "./" are ignored on both sides, and a
    // trailing "/" on the query, so "/stdlib/node/util.js", "stdlib/node/util.js"
    // and an entry stored as "./stdlib/node/util.js" all match.
    bool find(const char* path, Entry& out) const;
    // A regular file at `path`.
    bool find_file(const char* path, Entry& out) const;

    // Lookups walk the archive, parsing every header on the way. index()
    // sorts the entries by name into `slots` (entry_count() of them, from
    // the caller, who keeps them alive) so that lookups become binary
    // searches: the boot archive answers a few hundred of them while the
    // module loader resolves require() at boot. Same answers either way.
    struct IndexSlot {
        const char* name;  // stripped of leading "/" and "./"
        size_t length;     // without a trailing "/"
        uint32_t order;    // position in the archive: the last duplicate wins
        Entry entry;
    };
    bool index(IndexSlot* slots, size_t capacity);
    bool indexed() const { return index_ != nullptr; }
    // True for an explicit directory entry, for a path that is a directory
    // prefix of some entry ("stdlib" when "stdlib/node/util.js" exists), and
    // for the root ("" or "/") of a valid archive.
    bool is_directory(const char* path) const;

    // Lists the directory `path`: calls visit(context, name, length, entry)
    // for each direct child; `entry` is the child's own entry, or null for
    // a directory only implied by a deeper name ("node" under "stdlib" when
    // only "stdlib/node/util.js" is stored). A name may be visited more
    // than once (its entry and names below it); callers drop duplicates.
    using ChildVisitor = void (*)(void* context, const char* name, size_t length,
        const Entry* entry);
    void for_each_child(const char* path, ChildVisitor visit, void* context) const;

private:
    // Parses the entry at `offset`; sets `next` to the following entry.
    Error parse(size_t offset, Entry& out, size_t& next) const;
    // The same for an entry of an archive open() accepted: no checks.
    void read_valid(size_t offset, Entry& out, size_t& next) const;

    const IndexSlot* lower_bound(const char* query, size_t length, bool slash) const;

    const IndexSlot* index_ = nullptr;
    size_t index_count_ = 0;
    const uint8_t* base_ = nullptr;
    size_t capacity_ = 0;  // bytes given to open()
    size_t end_ = 0;       // offset of the first byte after the trailer
    size_t count_ = 0;
    Error error_ = Error::Empty;
    size_t error_offset_ = 0;
};

// The path with leading "/" and "./" removed (the form names are compared in).
const char* cpio_strip_path(const char* path);

}  // namespace kernel
