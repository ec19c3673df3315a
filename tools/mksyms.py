#!/usr/bin/env python3
"""Build the kernel symbol table (the "KSYM" blob) from nm output.

Usage:
    mksyms.py NM_OUTPUT OUT_BIN             # NM_OUTPUT may be '-' for stdin
    mksyms.py --elf ELF [--nm NM] OUT_BIN   # runs `NM -C -n -S --defined-only ELF`

The blob layout is documented in kernel/lib/symbolizer.h (little endian):
    char magic[4] = "KSYM"; u32 count;
    count x {u64 address; u32 size; u32 name_offset};  sorted by address
    names: NUL-terminated demangled names

Only functions are kept (nm types t, T, w, W). Prints nothing on success.
"""

import argparse
import os
import struct
import subprocess
import sys

FUNCTION_TYPES = {"t", "T", "w", "W"}
MAX_U32 = 0xFFFFFFFF


class InputError(Exception):
    pass


def is_hex(text):
    return len(text) > 0 and all(c in "0123456789abcdefABCDEF" for c in text)


def parse_line(line):
    """Returns (address, size, type, name) for one nm line, or None to skip it.

    nm prints `ADDRESS [SIZE] TYPE NAME`; SIZE is missing when the symbol has
    none. The name is everything after TYPE: demangled C++ names contain
    spaces. SIZE is told apart from a one-letter TYPE that happens to be a
    hex digit (b, d) by its width, which nm pads to the address's width.
    """
    fields = line.split(None, 3)
    if len(fields) == 4 and len(fields[1]) == len(fields[0]) and is_hex(fields[1]) \
            and len(fields[2]) == 1:
        address, size, kind, name = fields
    else:
        fields = line.split(None, 2)
        if len(fields) != 3 or len(fields[1]) != 1:
            raise InputError("expected 'ADDRESS [SIZE] TYPE NAME'")
        address, kind, name = fields
        size = "0"
    if not is_hex(address):
        raise InputError(f"bad address {address!r}")
    return int(address, 16), int(size, 16), kind, name.strip()


def read_symbols(lines):
    symbols = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            address, size, kind, name = parse_line(line.rstrip("\n"))
        except InputError as error:
            raise InputError(f"line {number}: {error}: {line.rstrip()!r}") from None
        if kind in FUNCTION_TYPES and name:
            symbols.append((address, min(size, MAX_U32), name))
    return symbols


def deduplicate(symbols):
    """Sorts by address and keeps one symbol per address.

    Aliases (a C1/C2 constructor pair, a weak and a strong name) share an
    address; the first one with a size wins, since a size lets the kernel
    tell a function's end from the gap after it.
    """
    symbols = sorted(symbols, key=lambda s: s[0])  # stable: ties keep nm's order
    chosen = []
    for symbol in symbols:
        if chosen and chosen[-1][0] == symbol[0]:
            if chosen[-1][1] == 0 and symbol[1] != 0:
                chosen[-1] = symbol
            continue
        chosen.append(symbol)
    return chosen


def build_blob(symbols):
    names = bytearray()
    offsets = {}  # identical names (overloads print alike) are stored once
    entries = bytearray()
    for address, size, name in symbols:
        if address > 0xFFFFFFFFFFFFFFFF:
            raise InputError(f"address {address:#x} does not fit 64 bits")
        if name not in offsets:
            offsets[name] = len(names)
            names += name.encode("utf-8", "surrogateescape") + b"\0"
        if offsets[name] > MAX_U32:
            raise InputError("symbol names exceed 4 GiB")
        entries += struct.pack("<QII", address, size, offsets[name])
    return b"KSYM" + struct.pack("<I", len(symbols)) + bytes(entries) + bytes(names)


def run_nm(nm, elf):
    command = [nm, "-C", "-n", "-S", "--defined-only", elf]
    try:
        result = subprocess.run(command, capture_output=True, check=False,
                                encoding="utf-8", errors="surrogateescape")
    except OSError as error:
        raise InputError(f"cannot run {nm}: {error.strerror}") from None
    if result.returncode != 0:
        raise InputError(f"{' '.join(command)} failed: {result.stderr.strip()}")
    return result.stdout.splitlines()


def read_nm_file(path):
    try:
        if path == "-":
            return sys.stdin.read().splitlines()
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            return f.read().splitlines()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None


def write_atomically(path, data):
    # A half-written table must never be mistaken for a finished one by make/ninja.
    temporary = path + ".tmp"
    try:
        with open(temporary, "wb") as f:
            f.write(data)
        os.replace(temporary, path)
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}") from None


def main(argv):
    parser = argparse.ArgumentParser(
        prog="mksyms.py", description="Build the kernel's KSYM symbol table from nm output.")
    parser.add_argument("--elf", help="run nm on this ELF file instead of reading NM_OUTPUT")
    parser.add_argument("--nm", default="nm", help="the nm program to run with --elf")
    parser.add_argument("paths", nargs="+", metavar="[NM_OUTPUT] OUT_BIN")
    args = parser.parse_args(argv)

    expected = 1 if args.elf else 2
    if len(args.paths) != expected:
        parser.error("expected NM_OUTPUT OUT_BIN, or --elf ELF OUT_BIN")

    try:
        lines = run_nm(args.nm, args.elf) if args.elf else read_nm_file(args.paths[0])
        symbols = deduplicate(read_symbols(lines))
        if not symbols:
            raise InputError("no function symbols (types t, T, w, W) in the input")
        write_atomically(args.paths[-1], build_blob(symbols))
    except InputError as error:
        print(f"mksyms.py: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
