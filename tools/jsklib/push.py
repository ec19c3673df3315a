"""`jsk push FILE`: hot-reload a driver in a running machine over COM2.

`jsk run` gives the machine a second serial port whose other end is a unix
socket QEMU listens on, BUILD/com2.sock by default (--com2 PATH elsewhere).
Several `jsk run` may share a build tree (CTest runs them in parallel): the
first one holds BUILD/com2.lock and gets BUILD/com2.sock, the others get
BUILD/com2-<pid>.sock, so no QEMU ever takes over another one's socket.
The guest side is js-drivers/core/reload_channel.js. Framing:

    host -> guest   PUSH <name> <length>\\n<length bytes of source>
    guest -> host   OK <name> <ms>\\n  or  ERR <name> <ms> <message>\\n

where <ms> is the reload as measured in the guest (quiesce, stop, close,
evaluate, start).
"""
import atexit
import fcntl
import os
import re
import socket
import sys
import time
from pathlib import Path

from .paths import BuildTree
from .qemu import UsageError

NAME_RE = re.compile(r"""\bname\s*:\s*['"]([^'"\s]+)['"]""")


def socket_path(tree, option):
    """The COM2 socket for `run`: option ('none' turns COM2 off), else
    BUILD/com2.sock, or BUILD/com2-<pid>.sock while another `jsk run` of
    this tree holds the default one. The lock lasts as long as this process
    (which outlives its QEMU); the socket file is removed at exit."""
    if option == "none":
        return None
    if option:
        return str(Path(option).resolve())
    path = tree.root / "com2.sock"
    if not _take_default_lock(tree):
        path = tree.root / f"com2-{os.getpid()}.sock"
    # A unix socket path holds at most 107 bytes: a deeper build directory
    # boots without COM2 rather than not at all (--com2 PATH still works).
    if len(str(path).encode()) > 100:
        return None
    atexit.register(_remove, path)
    return str(path)


_lock_file = None  # kept open: closing it would release the lock


def _take_default_lock(tree):
    global _lock_file
    if _lock_file:
        return True
    tree.root.mkdir(parents=True, exist_ok=True)
    f = open(tree.root / "com2.lock", "w")
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        f.close()
        return False
    _lock_file = f
    return True


def _remove(path):
    try:
        path.unlink()
    except OSError:
        pass


EXPORTS_RE = re.compile(r"\bmodule\.exports\s*=\s*\{")


def driver_name(path, source):
    """The driver's name: its module.exports' `name:`, else the first
    `name:` in the file, else the file's stem. (A driver also names the
    interfaces it provides, e1000's netif 'eth0', often before its exports.)"""
    text = source.decode("utf-8", "replace")
    exports = EXPORTS_RE.search(text)
    m = (exports and NAME_RE.search(text, exports.end())) or NAME_RE.search(text)
    return m.group(1) if m else Path(path).stem


class PushError(Exception):
    pass


def connect(path, timeout):
    """A connection to COM2's socket, retried until timeout (the machine may
    still be starting)."""
    deadline = time.monotonic() + timeout
    while True:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(path)
            return s
        except OSError as err:
            s.close()
            if time.monotonic() >= deadline:
                raise PushError(f"cannot connect to {path}: {err.strerror} "
                                "(is `jsk run` running with this build dir?)")
            time.sleep(0.05)


def push(sock, name, source, timeout):
    """Sends one frame and waits for the answer line: (ok, guest_ms, message,
    round_trip_ms)."""
    t0 = time.monotonic()
    sock.sendall(f"PUSH {name} {len(source)}\n".encode() + source)
    sock.settimeout(timeout)
    data = b""
    while b"\n" not in data:
        try:
            chunk = sock.recv(4096)
        except socket.timeout:
            raise PushError(f"no answer from the guest in {timeout:g} s")
        if not chunk:
            raise PushError("the machine closed COM2")
        data += chunk
    rtt = (time.monotonic() - t0) * 1000
    line = data.split(b"\n", 1)[0].decode("utf-8", "replace")
    m = re.match(r"^(OK|ERR) (\S+) ([\d.]+)(?: (.*))?$", line)
    if not m:
        raise PushError(f"unexpected answer: {line!r}")
    return m.group(1) == "OK", float(m.group(3)), m.group(4) or "", rtt


def cmd_push(args, extra):
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"push: {args.file}: no such file")
    source = path.read_bytes()
    name = args.name or driver_name(path, source)
    tree = BuildTree.at(args.build_dir)
    sock_path = args.socket or str(tree.root / "com2.sock")
    try:
        with connect(sock_path, min(args.timeout, 2.0)) as s:
            ok, guest_ms, message, rtt = push(s, name, source, args.timeout)
    except PushError as err:
        print(f"jsk push: {err}", file=sys.stderr)
        return 1
    if ok:
        print(f"reloaded {name} in {guest_ms:.3f} ms (in-guest), round trip {rtt:.0f} ms")
        return 0
    print(f"reload of {name} failed after {guest_ms:.3f} ms: {message} "
          f"(round trip {rtt:.0f} ms)")
    return 1
