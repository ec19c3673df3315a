#!/usr/bin/env python3
"""Runs a command and checks its exit status, stdout and stderr.

    expect.py --status N [--stdout TEXT | --no-stdout] [--stderr-re REGEX] -- COMMAND...

--stdout is compared exactly (a trailing newline is added); --no-stdout
expects nothing on stdout; --stderr-re is searched in stderr. Prints what differed; exit 0 when everything matched.
"""
import argparse
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--status", type=int, required=True)
    ap.add_argument("--stdout")
    ap.add_argument("--no-stdout", action="store_true")
    ap.add_argument("--stderr-re")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    proc = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=60)
    failures = []
    if proc.returncode != args.status:
        failures.append(f"exit status {proc.returncode}, expected {args.status}")
    expected = "" if args.no_stdout else None if args.stdout is None else args.stdout + "\n"
    if expected is not None and proc.stdout != expected:
        failures.append(f"stdout {proc.stdout!r}, expected {expected!r}")
    if args.stderr_re and not re.search(args.stderr_re, proc.stderr, re.M):
        failures.append(f"stderr {proc.stderr!r} does not match {args.stderr_re!r}")
    for f in failures:
        print("FAIL " + f)
    if not failures:
        print("ok " + " ".join(command))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
