#!/usr/bin/env python3
"""Runs a script that uses real npm packages (tools/jsklib/npm_packages.py,
pinned and integrity-checked, fetched into BUILD/npm) under unode, and
compares its stdout and status with NAME.expected, recorded from node 20.

  run.py --build BUILD --unode UNODE script.js     compare (77 = registry unreachable)
  run.py --build BUILD --record script.js...       record with node

The script is copied next to BUILD/npm/node_modules and run there, so its
plain require('ms') finds the package as in any Node project.
"""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))
from tools.jsklib import npm_packages  # noqa: E402

SKIP = 77


def run(command, script, root):
    target = os.path.join(root, os.path.basename(script))
    shutil.copyfile(script, target)
    proc = subprocess.run(command + [os.path.basename(script)], cwd=root,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return proc.stdout, proc.returncode, proc.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--unode")
    parser.add_argument("--record", action="store_true")
    parser.add_argument("scripts", nargs="+")
    args = parser.parse_args()
    try:
        root = npm_packages.fetch_all(os.path.abspath(args.build))
    except npm_packages.Unreachable as error:
        print(f"SKIP: the npm registry is unreachable ({error})")
        return SKIP
    failed = 0
    for script in [os.path.abspath(s) for s in args.scripts]:
        expected_file = os.path.splitext(script)[0] + ".expected"
        if args.record:
            out, status, err = run(["node"], script, root)
            if status != 0:
                print(f"node failed on {script} ({status}):\n{err.decode()}")
                return 1
            with open(expected_file, "wb") as f:
                f.write(out)
            print(f"recorded {expected_file}")
            continue
        with open(expected_file, "rb") as f:
            expected = f.read()
        out, status, err = run([os.path.abspath(args.unode)], script, root)
        name = os.path.basename(script)
        if out == expected and status == 0:
            print(f"ok {name} (same stdout as node, status 0)")
            continue
        failed += 1
        print(f"FAIL {name}: status {status}")
        import difflib
        for line in difflib.unified_diff(expected.decode(errors="replace").splitlines(),
                                         out.decode(errors="replace").splitlines(),
                                         "node", "unode", lineterm=""):
            print(line)
        print(err.decode(errors="replace"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
