// Command line lookup. The line is scanned afresh on every query: it is
// short and queried a handful of times at boot, so there is nothing to
// cache and no copy to keep.
//
// A word is `key` or `key=value`. Inside a value, double quotes group
// spaces and are themselves dropped: `title="my kernel"` has the value
// `my kernel`. When a key is repeated, the last `key=value` wins, so a boot
// entry can override a default by appending to the line.
#include "kernel/lib/cmdline.h"

namespace kernel {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// One word of the line, as pointers into it. `value` is null for a bare flag.
struct Word {
    const char* key;
    size_t key_length;
    const char* value;  // first byte after '='
    const char* end;    // one past the word, quotes included
};

// Reads the word starting at or after `p`; returns false at the end of the line.
bool next_word(const char*& p, Word& word) {
    while (is_space(*p))
        ++p;
    if (!*p)
        return false;

    word.key = p;
    while (*p && *p != '=' && !is_space(*p))
        ++p;
    word.key_length = p - word.key;
    word.value = nullptr;
    if (*p == '=') {
        word.value = ++p;
        bool quoted = false;
        while (*p && (quoted || !is_space(*p))) {
            if (*p == '"')
                quoted = !quoted;
            ++p;
        }
    }
    word.end = p;
    return true;
}

bool key_matches(const Word& word, const char* key, size_t key_length) {
    return word.key_length == key_length && __builtin_memcmp(word.key, key, key_length) == 0;
}

}  // namespace

bool cmdline_has(const char* cmdline, const char* key) {
    if (!cmdline || !key || !*key)
        return false;
    size_t key_length = __builtin_strlen(key);
    Word word;
    for (const char* p = cmdline; next_word(p, word);) {
        if (key_matches(word, key, key_length))
            return true;
    }
    return false;
}

bool cmdline_get(const char* cmdline, const char* key, char* out, size_t out_size) {
    if (!cmdline || !key || !*key)
        return false;
    size_t key_length = __builtin_strlen(key);

    bool found = false;
    Word word, match;
    for (const char* p = cmdline; next_word(p, word);) {
        if (word.value && key_matches(word, key, key_length)) {
            match = word;
            found = true;
        }
    }
    if (!found)
        return false;

    if (out_size == 0)
        return true;
    size_t used = 0;
    for (const char* v = match.value; v < match.end; ++v) {
        if (*v == '"')
            continue;
        if (used + 1 < out_size)
            out[used++] = *v;
    }
    out[used] = '\0';
    return true;
}

}  // namespace kernel
