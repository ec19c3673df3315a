// The kernel command line: space-separated words, either `flag` or
// `key=value`. Values may be double-quoted to contain spaces.
#pragma once

#include <stddef.h>

namespace kernel {

// True when `key` appears as a bare flag or as `key=...`.
bool cmdline_has(const char* cmdline, const char* key);

// Copies the value of `key=value` into `out` (NUL-terminated, truncated to
// `out_size`). Returns false when the key is absent or has no `=value`.
bool cmdline_get(const char* cmdline, const char* key, char* out, size_t out_size);

}  // namespace kernel
