"""The host's side of tests/qemu/apps/fat_workout.js: the tree put on a FAT
image before the guest (or hosted unode) runs, the same changes it makes,
applied to a dict, and the lines it must print. Used by
tests/qemu/scenarios/fat.py and tests/js/fat_host.py.
"""
import random

from jsklib import fatimage


def pattern(length, seed):
    """fat_workout.js pattern()."""
    return bytes((i * 31 + seed * 7 + (i >> 8)) & 0xFF for i in range(length))


def initial_tree(big_size=5 << 20):
    """{path: bytes | None (a directory)} written with mtools."""
    rnd = random.Random(8)
    tree = {
        "hello.txt": b"Hello, FAT!\n",
        "A Long File Name With Spaces.txt": pattern(3000, 1),
        "UPPER.TXT": b"upper\n",
        "mixed.Case.Name.md": b"# mixed\n",
        "\u00dcn\u00efc\u00f6d\u00e9 \u00f1ame.txt": "\u00fcn\u00efc\u00f6d\u00e9\n".encode(),
        "dir1": None, "dir1/sub dir": None, "dir1/sub dir/deep": None,
        "dir1/sub dir/deep/file.bin": rnd.randbytes(3000),
        "many": None,
        "big.bin": rnd.randbytes(big_size),
        "replace_me.txt": b"old contents\n",
    }
    for i in range(60):
        tree[f"many/file_{i:03d}.txt"] = f"file {i}\n".encode()
    return tree


def apply_changes(tree):
    """fat_workout.js modify(), on the dict."""
    t = dict(tree)
    t["copy of big.bin"] = t["big.bin"]
    t["new"] = None
    t["new/created with a long name.txt"] = pattern(10000, 2)
    t["hello.txt"] += b"more\n"
    big = t["big.bin"][:1048576 + 123]
    t["big.bin"] = big + bytes(1048576 + 123 - len(big))
    t["new/renamed long.txt"] = t.pop("A Long File Name With Spaces.txt")
    for name in [n for n in t if n == "dir1/sub dir" or n.startswith("dir1/sub dir/")]:
        t["moved dir" + name[len("dir1/sub dir"):]] = t.pop(name)
    t["moved dir/deep/after move.txt"] = b"after\n"
    del t["UPPER.TXT"]
    for i in range(30):
        del t[f"many/file_{i:03d}.txt"]
    t["replace_me.txt"] = b"replacement\n"
    t["hole.bin"] = bytes(70000) + b"end"
    t["MIXED.case.name.md"] = t.pop("mixed.Case.Name.md")
    t["grow.bin"] = pattern(300000, 3)
    for k in range(40):
        t[f"new/entry number {k} with a long name"] = f"n{k}\n".encode()
    return t


MODIFY_LINES = [
    "case-insensitive lookup: hello.txt",
    "errors: lookup missing ENOENT, create existing EEXIST, name of 256 ENAMETOOLONG, "
    "name with * EINVAL, unlink a directory EISDIR, rmdir a file ENOTDIR, "
    "rmdir not empty ENOTEMPTY, move into itself EINVAL, file over directory EISDIR",
]


def compare_trees(c, got, want, what):
    """Checks that two {path: bytes | None} trees are the same, naming the
    first differences."""
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    wrong = sorted(n for n in set(want) & set(got) if want[n] != got[n])
    c.check(not missing and not extra and not wrong, what,
            f"missing {missing[:5]}, extra {extra[:5]}, different {wrong[:5]}")


def check_workout(c, lines, name, before, after):
    got_before = [l[len(name) + 1:] for l in lines if l.startswith(name + " ") and
                  not l.startswith(name + " after ")]
    got_after = [l[len(name) + 7:] for l in lines if l.startswith(name + " after ")]
    want_before, want_after = fatimage.listing(before), fatimage.listing(after)
    c.check(got_before == want_before, f"{name}: the guest lists the host's tree byte-exact "
            f"({len(want_before)} entries)", first_difference(got_before, want_before))
    c.check(got_after == want_after, f"{name}: the tree after the changes, as the guest sees it",
            first_difference(got_after, want_after))
    for line in MODIFY_LINES:
        c.check(line in lines, line[:90])


def first_difference(got, want):
    for i in range(max(len(got), len(want))):
        g = got[i] if i < len(got) else None
        w = want[i] if i < len(want) else None
        if g != w:
            return f"line {i}: got {g!r}, expected {w!r}"
    return None


def check_image(c, image, offset, sectors, want, what):
    clean, report = fatimage.fsck(image, offset, sectors)
    c.check(clean, f"{what}: fsck.fat -n is clean", report.strip()[-600:])
    compare_trees(c, fatimage.read_tree(image, offset), want,
                  f"{what}: mtools reads back exactly the expected tree")


def check_fill(c, lines, image):
    """The lines of fat_workout.js fill() and the image after it: ENOSPC when
    the FAT is full, nothing kept by a write that fits no byte, fsck clean,
    the bytes written read back by mtools."""
    fill = [l for l in lines if l.startswith("fill: wrote ")]
    c.check(len(fill) == 1 and fill[0].endswith(
        "then ENOSPC; free clusters 0; one more byte: ENOSPC"),
        "writes end with ENOSPC when the FAT is full, and so does the next", fill)
    c.check("fill: write 1 MiB into an empty file: ENOSPC, free clusters kept: true, size 0"
            in lines, "a write that cannot place one byte: ENOSPC, and it keeps no cluster")
    size = int(fill[0].split()[2]) - 8192 if fill else -1   # 8 KiB given back after
    clean, report = fatimage.fsck(image)
    c.check(clean, "fill: fsck.fat -n is clean", report[-600:])
    tree = fatimage.read_tree(image, 0)
    data = tree.get("fill.bin", b"")
    block = pattern(65536, 4)
    c.check(size > 3 << 20 and data == (block * (size // 65536 + 1))[:size],
            f"mtools reads the {size} bytes written to fill.bin", len(data))
    c.check(tree.get("one more.txt") == b"", "the empty file made when full is there")
