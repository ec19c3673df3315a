"""GDB attached to QEMU's gdbstub: the `jsk debug` session.

QEMU starts paused (-S) with its gdbstub on 127.0.0.1 only (never `-s`, which
listens on every interface), in its own session so that Ctrl-C in gdb
interrupts the guest instead of killing QEMU. The guest's serial output goes
to a file so it does not fight gdb for the terminal. tools/gdbinit's
`jsk-connect` does the attach and the hbreak dance.
"""
import shutil
import signal
import subprocess

from .paths import GDBINIT

GDB = "gdb"


def argv(elf, port, serial_log, batch_file=None):
    """gdb command line: helpers, symbols, attach; batch_file runs after the
    stop at kernel_main, and gdb exits at its end."""
    a = [GDB, "-q"]
    if batch_file:
        a += ["-nx", "-batch"]      # no ~/.gdbinit: a test must not depend on it
    a += ["-x", str(GDBINIT), str(elf),
          "-ex", f'set $jsk_serial_log = "{serial_log}"',
          "-ex", f"jsk-connect {port}"]
    if batch_file:
        a += ["-x", str(batch_file)]
    return a


def run(args, timeout=None):
    """Run gdb in the foreground. Ctrl-C belongs to gdb while it runs, so we
    ignore SIGINT here and restore the default in the child."""
    if not shutil.which(GDB):
        raise SystemExit("jsk: gdb not found (tools/jsk setup)")
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        proc = subprocess.Popen(
            args, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        try:
            return proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise
    finally:
        signal.signal(signal.SIGINT, old)
