#!/usr/bin/env python3
"""Proves the kernel image issues no Linux system calls.

The kernel links musl's libc.a for Duktape; kernel/libc_glue.cpp replaces
the parts that would ask an OS for something. If a future change pulls in a
musl object that does (a `syscall` instruction), this test names it. The
kernel has no system-call entry of its own yet, so none is allowed.
"""
import re
import subprocess
import sys


def main():
    elf = sys.argv[1]
    disassembly = subprocess.run(["objdump", "-d", "--no-show-raw-insn", elf],
                                 capture_output=True, text=True, check=True).stdout
    function = "?"
    found = []
    for line in disassembly.splitlines():
        m = re.match(r"^[0-9a-f]+ <(.+)>:$", line)
        if m:
            function = m.group(1)
        elif re.search(r"\ssyscall\b", line):
            found.append(f"{line.strip()}   in {function}")
    if found:
        print("FAIL: syscall instructions in the kernel image:")
        print("\n".join("  " + f for f in found))
        return 1
    print(f"ok: no syscall instruction in {elf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
