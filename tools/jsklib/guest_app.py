"""A program on bare metal in the background: `tools/jsk run OPTIONS APP
ARGS` with its output lines collected by a thread, for host-side code that
talks to it meanwhile (network scenarios, `jsk bench http`)."""
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

JSK = Path(__file__).resolve().parents[1] / "jsk"


class GuestApp:
    """`echo`: print each line as it comes (`  guest| ...`), as scenarios do.
    `com2`: COM2's socket (for jsk push), by default none: the default
    socket is one path per build tree, which a program running at the same
    time may need."""

    def __init__(self, build_dir, app, args=(), options=(), timeout=120, echo=True,
                 com2="none"):
        self.cmd = [sys.executable, str(JSK), "run", "--no-build", "--build-dir", str(build_dir),
                    "--timeout", str(timeout), "--com2", com2, *options, str(app),
                    *map(str, args)]
        self.echo = echo
        if echo:
            print("  run " + " ".join(self.cmd), flush=True)
        self.lines = []
        # A process group of its own: stop() ends jsk run and the QEMU it
        # started together (killing jsk run alone left QEMU running, with
        # nothing left to enforce its timeout).
        self.proc = subprocess.Popen(self.cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for raw in self.proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            self.lines.append(line)
            if self.echo:
                print("  guest| " + line, flush=True)

    def wait_line(self, text, seconds):
        """True once a line containing `text` was printed."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if any(text in l for l in self.lines):
                return True
            if self.proc.poll() is not None:
                self.reader.join(timeout=5)
                return any(text in l for l in self.lines)
            time.sleep(0.1)
        return False

    def wait(self, seconds):
        """The exit status of jsk run (the guest's), or None if it was
        still running after `seconds` (then it is killed)."""
        try:
            status = self.proc.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            status = None
        self.stop()
        return status

    def stop(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
        self.reader.join(timeout=5)

    def transcript(self, n=30):
        return "\n".join(self.lines[-n:])
