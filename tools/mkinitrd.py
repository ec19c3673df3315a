#!/usr/bin/env python3
"""Builds the boot-module archive: a cpio "newc" archive of stdlib/,
js-drivers/ and, optionally, an app under app/.

    mkinitrd.py --output build/initrd.cpio [--repo DIR] [--jsbc build/jsbc]
                [--app app.js [--with FILE_OR_DIR ...]] [--depfile FILE]

Inside the archive the paths are relative (`stdlib/node/util.js`,
`js-drivers/core/init.js`, `app/hello.js`); the kernel serves them as
absolute paths (`/stdlib/node/util.js`). Directories get their own entries,
so `cpio -t < build/initrd.cpio` lists the tree as a file system would.

The app file goes to app/NAME.js; each --with FILE goes to app/BASENAME and
each --with DIR to app/BASENAME/... (recursively). A tree that does not
exist yet (js-drivers/ early in the project) is skipped.

With --jsbc (the build's jsbc tool, sim/jsbc_main.cpp), each X.js of
stdlib/ and js-drivers/ also gets X.jsbc: the module precompiled to Duktape
bytecode under its run-time path (/stdlib/...), which the loader uses
instead of compiling the source. Apps are not precompiled.

js-drivers/dev/index.json is generated: a JSON array of the .js files in
js-drivers/dev, which the driver manager loads at boot (the kernel cannot
list the archive).

The output is reproducible: entries sorted by path, mtime 0, uid/gid 0,
inode numbers in order. Hidden files and editor leftovers (*~, *.swp,
__pycache__) are left out. The file is replaced atomically, so a kernel
booting from it never sees half an archive.
"""
import argparse
import json
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TREES = ("stdlib", "js-drivers")
MAGIC = b"070701"
TRAILER = "TRAILER!!!"


def skipped(name):
    return (name.startswith(".") or name.endswith("~") or name.endswith(".swp")
            or name == "__pycache__")


def walk(root, prefix):
    """(archive path, host path or None for a directory) for a tree."""
    entries = [(prefix, None)]
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not skipped(d))
        rel = Path(dirpath).relative_to(root)
        base = prefix if str(rel) == "." else f"{prefix}/{rel.as_posix()}"
        for d in dirnames:
            entries.append((f"{base}/{d}", None))
        for f in sorted(filenames):
            if not skipped(f):
                entries.append((f"{base}/{f}", Path(dirpath) / f))
    return entries


def header(ino, mode, size, namesize, nlink=1):
    fields = [ino, mode, 0, 0, nlink, 0, size, 0, 0, 0, 0, namesize, 0]
    return MAGIC + b"".join(b"%08X" % f for f in fields)


def pad4(n):
    return b"\0" * (-n % 4)


def archive(entries):
    """The newc bytes for [(path, data or None[, mode])]: None makes a
    directory; a file's permissions are `mode`, by default 0644 (the Linux
    reference of `jsk bench http` packs programs, 0755)."""
    out = bytearray()
    for ino, (path, data, *mode) in enumerate(entries, start=1):
        name = path.encode("utf-8") + b"\0"
        if data is None:
            out += header(ino, stat.S_IFDIR | 0o755, 0, len(name), nlink=2)
        else:
            out += header(ino, stat.S_IFREG | (mode[0] if mode else 0o644), len(data),
                          len(name))
        out += name + pad4(len(out) + len(name))
        if data:
            out += data + pad4(len(data))
    name = TRAILER.encode() + b"\0"
    out += header(0, 0, 0, len(name), nlink=1) + name
    out += pad4(len(out))
    out += b"\0" * (-len(out) % 512)     # what cpio(1) writes: whole blocks
    return bytes(out)


def collect(repo, app=None, extras=()):
    """[(archive path, host path or None)], sorted, without duplicates."""
    entries = {}
    for tree in TREES:
        root = Path(repo) / tree
        if root.is_dir():
            entries.update(walk(root, tree))
    if app:
        app = Path(app)
        if not app.is_file():
            raise SystemExit(f"mkinitrd: {app}: no such file")
        entries["app"] = None
        entries[f"app/{app.name}"] = app
        for extra in extras:
            extra = Path(extra)
            if extra.is_dir():
                entries.update(walk(extra, f"app/{extra.resolve().name}"))
            elif extra.is_file():
                entries[f"app/{extra.name}"] = extra
            else:
                raise SystemExit(f"mkinitrd: {extra}: no such file or directory")
    elif extras:
        raise SystemExit("mkinitrd: --with needs --app")
    return sorted(entries.items())


DRIVER_DIR = "js-drivers/dev"
DRIVER_INDEX = DRIVER_DIR + "/index.json"


def driver_index(files):
    """The generated js-drivers/dev/index.json: every .js file directly in
    js-drivers/dev, so the driver manager loads all drivers found there at
    boot (the archive itself cannot be listed by the kernel)."""
    names = sorted(path[len(DRIVER_DIR) + 1:] for path, host in files
                   if host is not None and path.startswith(DRIVER_DIR + "/")
                   and path.endswith(".js") and "/" not in path[len(DRIVER_DIR) + 1:])
    return json.dumps(names).encode()


def precompile(jsbc, files, tmp):
    """{archive path of X.jsbc: host path} for the modules of TREES, written
    into the directory tmp by one run of jsbc."""
    out = {}
    args = [str(jsbc)]
    for path, host in files:
        if host is not None and path.endswith(".js") and path.split("/")[0] in TREES:
            target = Path(tmp) / f"{len(out)}.jsbc"
            out[path + "bc"] = target
            args += [str(host), "/" + path, str(target)]
    if out:
        subprocess.run(args, check=True)
    return out


def build(output, repo=REPO, app=None, extras=(), depfile=None, jsbc=None):
    files = collect(repo, app, extras)
    with tempfile.TemporaryDirectory() as scratch:
        packed = files
        if jsbc:
            packed = sorted(files + list(precompile(jsbc, files, scratch).items()))
        packed = [(path, host) for path, host in packed if path != DRIVER_INDEX]
        generated = {}
        if any(path == DRIVER_DIR for path, _ in packed):
            generated[DRIVER_INDEX] = driver_index(files)
            packed = sorted(packed + [(DRIVER_INDEX, None)])
        data = archive([(path, generated[path] if path in generated
                         else None if host is None else Path(host).read_bytes())
                        for path, host in packed])
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, output)
    if depfile:
        deps = " ".join(str(h).replace(" ", "\\ ") for _, h in files if h is not None)
        Path(depfile).write_text(f"{output}: {deps}\n")
    # (path, host file): None for directories and generated files; the host
    # paths of .jsbc files were temporary.
    return packed


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output", "-o", required=True, help="the archive to write")
    ap.add_argument("--repo", default=str(REPO),
                    help="where stdlib/ and js-drivers/ are (default: this checkout)")
    ap.add_argument("--app", help="the app's main file, packed as app/NAME")
    ap.add_argument("--with", dest="extras", action="append", default=[],
                    metavar="PATH", help="another file or directory for app/ (repeatable)")
    ap.add_argument("--jsbc", help="the jsbc tool: also pack precompiled X.jsbc for each "
                    "X.js of stdlib/ and js-drivers/")
    ap.add_argument("--depfile", help="write a Makefile-style dependency file")
    ap.add_argument("--list", action="store_true", help="print the archive's paths")
    args = ap.parse_args()
    files = build(args.output, args.repo, args.app, args.extras, args.depfile,
                  args.jsbc)
    if args.list:
        for path, _ in files:
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
