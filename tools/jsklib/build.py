"""Configuring and building the tree with CMake + Ninja.

`jsk build` streams the build output. Commands that build as a side effect
(run, test, debug, bench, bochs) capture it instead and print it only when the
build fails, so a no-op build does not clutter the console.
"""
import subprocess
import sys

from .paths import REPO


def configure(tree):
    """Configure `tree` unless it already has a Ninja build."""
    if tree.configured():
        return
    if tree.is_default:
        cmd = ["cmake", "--preset", "default"]
    else:
        cmd = ["cmake", "-S", str(REPO), "-B", str(tree.root), "-G", "Ninja",
               "-DCMAKE_BUILD_TYPE=RelWithDebInfo"]
    print("jsk: configuring " + str(tree.root), file=sys.stderr, flush=True)
    _run(cmd, stream=True, what="configure")


def build(tree, stream=True):
    """Configure if needed, then `cmake --build`. Exits on failure."""
    configure(tree)
    _run(["cmake", "--build", str(tree.root)], stream=stream, what="build")


def _run(cmd, stream, what):
    if stream:
        rc = subprocess.run(cmd, cwd=REPO).returncode
        if rc:
            raise SystemExit(f"jsk: {what} failed (exit {rc})")
        return
    proc = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, errors="replace")
    if proc.returncode:
        sys.stderr.write(proc.stdout)
        raise SystemExit(f"jsk: {what} failed (exit {proc.returncode})")
    steps = [l for l in proc.stdout.splitlines() if l.startswith("[")]
    if steps:
        print(f"jsk: built ({len(steps)} steps)", file=sys.stderr, flush=True)
