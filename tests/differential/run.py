#!/usr/bin/env python3
"""Differential test: run one script under unode and compare its stdout
bytes and exit status with NAME.expected / NAME.status (recorded from Node
20), or, with --live, with `node` itself run now.

  run.py --unode CMD... -- script.js            compare with the recorded files
  run.py --live --unode CMD... -- script.js     compare with node (exit 77 = skip
                                                when node is not installed)
  run.py --record script.js...                  (re)record the files with node

--unode takes the command that runs a script (build/unode); --kernel BUILD
runs it on bare metal instead (`tools/jsk run --no-build --build-dir BUILD`),
so the same files check every platform.
NAME.status holds the exit status when it is not 0.
"""
import argparse
import os
import shutil
import subprocess
import sys

SKIP = 77


def run(command, script):
    # Scripts run from their own directory so relative paths agree.
    proc = subprocess.run(command + [os.path.basename(script)], cwd=os.path.dirname(script),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    return proc.stdout, proc.returncode, proc.stderr


def recorded(script):
    base = os.path.splitext(script)[0]
    with open(base + '.expected', 'rb') as f:
        stdout = f.read()
    status = 0
    if os.path.exists(base + '.status'):
        with open(base + '.status') as f:
            status = int(f.read().strip())
    return stdout, status


def record(script):
    stdout, status, _ = run(['node'], script)
    base = os.path.splitext(script)[0]
    with open(base + '.expected', 'wb') as f:
        f.write(stdout)
    if status != 0:
        with open(base + '.status', 'w') as f:
            f.write('%d\n' % status)
    elif os.path.exists(base + '.status'):
        os.remove(base + '.status')
    print('recorded %s (status %d)' % (script, status))


def show_difference(expected, actual):
    exp_lines = expected.decode('utf-8', 'replace').splitlines()
    act_lines = actual.decode('utf-8', 'replace').splitlines()
    import difflib
    for line in difflib.unified_diff(exp_lines, act_lines, 'expected', 'unode', lineterm=''):
        print(line)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--unode', nargs='+', help='command that runs a script')
    parser.add_argument('--kernel', metavar='BUILD', help='run scripts in QEMU with this build tree')
    parser.add_argument('--live', action='store_true', help='compare with node run now')
    parser.add_argument('--record', action='store_true', help='record outputs with node')
    parser.add_argument('scripts', nargs='+')
    args = parser.parse_args()
    scripts = [os.path.abspath(s) for s in args.scripts]
    if args.unode and os.path.exists(args.unode[0]):
        args.unode[0] = os.path.abspath(args.unode[0])  # scripts run in their directory
    if args.kernel:
        jsk = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools', 'jsk')
        args.unode = [sys.executable, os.path.abspath(jsk), 'run', '--no-build', '--build-dir',
                      os.path.abspath(args.kernel), '--timeout', '50']

    if args.record:
        if not shutil.which('node'):
            print('node is not installed')
            return 1
        for script in scripts:
            record(script)
        return 0

    failed = 0
    for script in scripts:
        if args.live:
            if not shutil.which('node'):
                print('SKIP: node is not installed')
                return SKIP
            expected, status, _ = run(['node'], script)
            source = 'node'
        else:
            expected, status = recorded(script)
            source = 'recorded'
        actual, actual_status, stderr = run(args.unode, script)
        name = os.path.basename(script)
        if actual != expected:
            print('FAIL %s: stdout differs from %s output' % (name, source))
            show_difference(expected, actual)
            failed += 1
        if actual_status != status:
            print('FAIL %s: exit status %d, %s gives %d' % (name, actual_status, source, status))
            failed += 1
        if actual == expected and actual_status == status:
            print('ok %s (same stdout as %s, status %d)' % (name, source, status))
        elif stderr:
            print('unode stderr:\n' + stderr.decode('utf-8', 'replace'))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
