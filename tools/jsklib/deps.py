"""The Debian packages jskernel needs, and `jsk setup` which installs them.

Checked with dpkg-query on every build-ish command (it takes a few tens of
milliseconds), so a fresh machine only needs `tools/jsk test`. Installation goes
through apt-get: `apt-get update` runs once, only when something is missing, so
a machine that has everything never touches the network.
"""
import os
import shutil
import subprocess
import sys

PACKAGES = [
    "cmake", "ninja-build", "g++", "python3", "libgtest-dev",
    "qemu-system-x86", "qemu-utils",
    "grub-pc-bin", "grub-common", "xorriso", "mtools", "dosfstools",
    "bochs", "bochsbios", "vgabios", "bochs-term",
    "gdb", "duktape-dev", "musl-dev", "binutils", "clang-format",
    "cpio",                      # lists the boot-module archive in tests
    "duktape",                   # `duk`, plain Duktape, the reference of `jsk bench js`
    "wrk", "curl",               # HTTP clients of `jsk bench http`
]


def missing(packages=PACKAGES):
    """Packages not installed, per dpkg. None when dpkg-query is unavailable."""
    if not shutil.which("dpkg-query"):
        return None
    proc = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${db:Status-Abbrev}\n", *packages],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    installed = set()
    for line in proc.stdout.splitlines():
        name, _, status = line.partition(" ")
        if status.startswith("ii"):
            installed.add(name.split(":")[0])
    return [p for p in packages if p not in installed]


def _apt(args):
    """apt-get as root: directly when we are root, else through sudo."""
    cmd = ["apt-get", *args]
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            raise SystemExit("jsk: need root (or sudo) to run: " + " ".join(cmd))
        cmd = ["sudo", "env", "DEBIAN_FRONTEND=noninteractive", *cmd]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(cmd, env=env, check=True)


def ensure(verbose=False):
    """Install what is missing. Silent when nothing is (unless verbose)."""
    todo = missing()
    if todo is None:
        if verbose:
            print("jsk: no dpkg-query here (not Debian?); install these yourself: "
                  + " ".join(PACKAGES), file=sys.stderr)
        return
    if not todo:
        return
    print("jsk: installing " + " ".join(todo), file=sys.stderr, flush=True)
    try:
        _apt(["update"])
        _apt(["install", "-y", "--no-install-recommends", *todo])
    except subprocess.CalledProcessError as err:
        raise SystemExit(f"jsk: apt-get failed (exit {err.returncode})")
    still = missing(todo) or []
    if still:
        raise SystemExit("jsk: still missing after apt-get: " + " ".join(still))
