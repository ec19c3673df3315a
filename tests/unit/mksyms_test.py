#!/usr/bin/env python3
"""Checks tools/mksyms.py: the exact table it writes for data/nm_sample.txt,
its --elf mode, and that bad input fails loudly.

Usage: mksyms_test.py MKSYMS_PY NM_SAMPLE
"""

import os
import stat
import struct
import subprocess
import sys
import tempfile

# What nm_sample.txt must turn into: functions only, sorted, one per
# address, the first sized alias preferred over unsized ones.
EXPECTED = [
    (0x100000, 0, "_start"),
    (0x100040, 0x20, "boot_alias"),
    (0x101000, 0x80, "kernel_main"),
    (0x101080, 0x40, "kernel::Heap::allocate(unsigned long)"),
    (0x1010C0, 0x100,
     "void kernel::RingBuffer<kernel::KeyEvent, 256ul>::push(kernel::KeyEvent const&)"),
    (0x1011C0, 0x30, "(anonymous namespace)::emit_number(Output&, Spec const&, unsigned long, "
                     "unsigned int, bool, char const*)"),
    (0x101200, 0x20, "operator new(unsigned long)"),
    (0x104000, 0, "weak_unsized_last"),
]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def decode(blob):
    """Parses a KSYM blob independently of mksyms.py's own code."""
    if blob[:4] != b"KSYM":
        raise ValueError(f"bad magic {blob[:4]!r}")
    (count,) = struct.unpack_from("<I", blob, 4)
    names = blob[8 + 16 * count:]
    symbols = []
    for i in range(count):
        address, size, offset = struct.unpack_from("<QII", blob, 8 + 16 * i)
        end = names.index(b"\0", offset)
        symbols.append((address, size, names[offset:end].decode()))
    return symbols


def run(mksyms, *args):
    return subprocess.run([sys.executable, mksyms, *args], capture_output=True, text=True)


def main():
    mksyms, sample = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.ksym")

        result = run(mksyms, sample, out)
        check(result.returncode == 0, f"sample: exit {result.returncode}: {result.stderr}")
        check(result.stdout == "" and result.stderr == "", "sample: printed something")
        if result.returncode == 0:
            symbols = decode(open(out, "rb").read())
            check(symbols == EXPECTED, f"sample: got {symbols}")

        # --elf runs nm itself; a stand-in nm checks its arguments and
        # prints the sample.
        fake_nm = os.path.join(tmp, "fake-nm")
        with open(fake_nm, "w") as f:
            f.write('#!/bin/sh\n[ "$*" = "-C -n -S --defined-only kernel.elf" ] || exit 3\n'
                    f'cat "{sample}"\n')
        os.chmod(fake_nm, os.stat(fake_nm).st_mode | stat.S_IXUSR)
        out2 = os.path.join(tmp, "out2.ksym")
        result = run(mksyms, "--nm", fake_nm, "--elf", "kernel.elf", out2)
        check(result.returncode == 0, f"--elf: exit {result.returncode}: {result.stderr}")
        if result.returncode == 0:
            check(open(out2, "rb").read() == open(out, "rb").read(), "--elf: different table")

        # Failures: non-zero exit, a message, and no output file left behind.
        bad = os.path.join(tmp, "bad.txt")
        with open(bad, "w") as f:
            f.write("0000000000100000 T ok\nthis is not nm output\n")
        missing_out = os.path.join(tmp, "never.ksym")
        for label, args, needle in [
            ("malformed line", [bad, missing_out], "line 2"),
            ("missing input", [os.path.join(tmp, "absent.txt"), missing_out], "cannot read"),
            ("no functions", [os.devnull, missing_out], "no function symbols"),
            ("nm fails", ["--nm", "false", "--elf", "kernel.elf", missing_out], "failed"),
            ("wrong arguments", [sample], "expected"),
        ]:
            result = run(mksyms, *args)
            check(result.returncode != 0, f"{label}: exit 0")
            check(needle in result.stderr, f"{label}: stderr {result.stderr!r}")
            check(not os.path.exists(missing_out), f"{label}: wrote output")

    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
