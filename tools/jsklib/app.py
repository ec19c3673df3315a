"""`jsk run app.js [args]`: run one JavaScript app in the kernel, headless.

1. Pack stdlib/, js-drivers/ (with their precompiled X.jsbc when build/jsbc
   exists) and the app (plus any --with files) into a
   per-run boot archive, build/run/initrd-PID.cpio (tools/mkinitrd.py), so
   runs in parallel never share one.
2. Boot build/jskernel.elf with QEMU -kernel, that archive as -initrd and
   the command line `app=/app/NAME.js args="..."` (kernel/main.cpp).
3. Stream the console to stdout, but only what comes after the ready line:
   the banner and the ready line are the kernel's, not the app's (--verbose
   shows them). The serial line turns every "\\n" into "\\r\\n"; that is
   undone, so stdout has the bytes the app wrote.
4. Exit with the app's status (isa-debug-exit), or 124 on --timeout.

Input piped into jsk reaches the app's stdin (COM1) once the kernel is
ready; from a terminal the app gets no input (QEMU would put the terminal in
raw mode under our output). The end of the input is not passed on: a serial
line has no end-of-file, so an app that reads until EOF waits forever.

Arguments reach the kernel inside one double-quoted command-line value,
split on spaces there. So that any argument survives, each is percent-
encoded: space, double quote, percent sign and control characters become
%XX, which the kernel decodes. An empty argument cannot be represented.
"""
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

from . import qemu
from .console import READY_RE
from .paths import TOOLS
from .qemu import UsageError

MAX_ARGS = 64            # kernel/main.cpp kMaxArgs
MAX_ARGS_BYTES = 2000    # its buffer for args= is 2048 bytes


def _mkinitrd():
    spec = importlib.util.spec_from_file_location("mkinitrd", TOOLS / "mkinitrd.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def encode_argument(arg):
    """One argument as the kernel's args= wants it (see the module doc)."""
    if arg == "":
        raise UsageError("an empty argument cannot be passed to the app "
                         "(the kernel splits args= on spaces)")
    out = []
    for byte in arg.encode("utf-8", "surrogateescape"):
        if byte <= 0x20 or byte in (0x22, 0x25, 0x7F):
            out.append("%%%02X" % byte)
        else:
            out.append(chr(byte))
    return "".join(out)


def app_cmdline(app_path, app_args, extra=None):
    """The kernel command line for an app: app=/app/NAME args="..." [extra]."""
    name = Path(app_path).name
    if not re.fullmatch(r"[A-Za-z0-9._+@-]+", name):
        raise UsageError(f"app file name {name!r}: use letters, digits and ._+@- "
                         "(it goes on the kernel command line)")
    if len(app_args) > MAX_ARGS:
        raise UsageError(f"at most {MAX_ARGS} app arguments")
    words = [f"app=/app/{name}"]
    if app_args:
        encoded = " ".join(encode_argument(a) for a in app_args)
        if len(encoded) > MAX_ARGS_BYTES:
            raise UsageError(f"the app's arguments are too long ({len(encoded)} bytes "
                             f"encoded, at most {MAX_ARGS_BYTES})")
        words.append(f'args="{encoded}"')
    if extra:
        words.append(extra)
    return " ".join(words)


class AppOutput:
    """The guest console as the app's stdout: drops everything up to and
    including the ready line (unless verbose), turns "\\r\\n" back into "\\n".

    Whatever was held back is kept in `hidden`, for a report when the kernel
    never got to the app."""

    def __init__(self, out, verbose=False):
        self.out = out
        self.verbose = verbose
        self.started = False      # the ready line has been seen
        self.hidden = b""
        self._line = b""          # the partial line before the ready line
        self._cr = False          # a "\r" held back at the end of a chunk

    def write(self, data):
        if not self.started:
            self._line += data
            while b"\n" in self._line:
                line, self._line = self._line.split(b"\n", 1)
                self.hidden += line + b"\n"
                if self.verbose:
                    self._emit(line + b"\n")
                if READY_RE.match(line.decode("utf-8", "replace")):
                    self.started = True
                    rest, self._line = self._line, b""
                    self._emit(rest)
                    return
            return
        self._emit(data)

    def _emit(self, data):
        if self._cr:
            data = b"\r" + data
            self._cr = False
        if data.endswith(b"\r"):
            data, self._cr = data[:-1], True
        if data:
            self.out.write(data.replace(b"\r\n", b"\n"))

    def flush(self):
        try:
            self.out.flush()
        except (OSError, ValueError):
            pass

    def close(self):
        """The stream ended: emit a held-back "\\r" and any partial line."""
        if self._cr:
            self._cr = False
            self.out.write(b"\r")
        if not self.started and self._line:
            self.hidden += self._line
            if self.verbose:
                self.out.write(self._line)
            self._line = b""
        self.flush()


def run(args, tree, make_config):
    """Run args.app in QEMU; return the exit status for jsk."""
    app = Path(args.app)
    if not app.is_file():
        raise UsageError(f"{args.app}: no such file")
    for extra in args.with_files:
        if not Path(extra).exists():
            raise UsageError(f"--with {extra}: no such file or directory")
    cmdline = app_cmdline(app, args.app_args, args.cmdline)
    cfg = make_config(cmdline)
    tree.run_dir.mkdir(parents=True, exist_ok=True)
    archive = tree.run_dir / f"initrd-{os.getpid()}.cpio"
    try:
        jsbc = tree.root / "jsbc"  # precompiles stdlib/ and js-drivers/ (not the app)
        _mkinitrd().build(archive, repo=tree.source, app=app, extras=args.with_files,
                          jsbc=jsbc if jsbc.exists() else None)
        cfg.initrd = [archive]
        cfg.prepare()
        if args.verbose:
            print("jsk: " + cfg.shell(), file=sys.stderr)
        out = AppOutput(sys.stdout.buffer, verbose=args.verbose)
        # Piped input goes to the app's stdin (COM1). A terminal does not:
        # QEMU would switch it to raw mode while we print the output.
        piped = not sys.stdin.isatty()
        machine = qemu.Machine(cfg, capture_serial=True, echo=out, pass_stdin=piped)
        machine.start()
        if piped:
            machine.feed_stdin(sys.stdin.buffer, after=READY_RE.pattern, timeout=args.timeout)
        try:
            status = machine.wait(args.timeout)
        except subprocess.TimeoutExpired:
            machine.stop()
            machine.console.wait_closed(2)
            out.close()
            print(f"\njsk: timeout after {args.timeout:g} s", file=sys.stderr)
            _report_hidden(out)
            return qemu.STATUS_TIMEOUT
        except KeyboardInterrupt:
            machine.stop()
            out.close()
            return 130
        out.close()
    finally:
        try:
            archive.unlink()
        except FileNotFoundError:
            pass
    signalled = qemu.foreign_signal(machine.stderr.text())
    if status == qemu.STATUS_STARTUP_FAILED:
        print("jsk: qemu failed to start", file=sys.stderr)
    elif signalled and status == 128 + signalled[0]:
        print(f"jsk: QEMU was stopped by another process: {signalled[1]}", file=sys.stderr)
    elif status == qemu.STATUS_VM_ERROR:
        print("jsk: the virtual machine stopped with an accelerator error", file=sys.stderr)
    elif not out.started:
        _report_hidden(out)
    return status


def _report_hidden(out):
    """The kernel's own lines, when it never reached the app or crashed."""
    if out.verbose or not out.hidden:
        return
    if not out.started:
        print("jsk: the kernel did not reach the ready line; its console said:",
              file=sys.stderr)
        sys.stderr.write(out.hidden.decode("utf-8", "replace").replace("\r\n", "\n"))
        sys.stderr.flush()
