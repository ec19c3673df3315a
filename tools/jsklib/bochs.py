"""Booting the ISO in Bochs (tools/bochsrc.txt), headless.

Debian's Bochs is built with its internal debugger and without the `nogui`
display, so a plain `bochs -f tools/bochsrc.txt` wants a terminal and stops at
a `<bochs:1>` prompt. To run it unattended, Bochs gets a private
pseudo-terminal for its `term` display (the VGA text screen, drawn with curses;
we keep only the last bytes for error reports) and a debugger script that says
`continue` then `quit`. COM1 goes to a file that a Console follows.

Bochs ignores SIGTERM under the debugger, so stopping it is a SIGKILL.
"""
import os
import pty
import re
import select
import shutil
import subprocess
import threading
import time

from .console import Console
from .paths import BOCHSRC

BOCHS = "bochs"
BXSHARE = "/usr/share/bochs"


class Bochs:
    def __init__(self, tree, echo=None):
        self.tree = tree
        self.serial_path = tree.root / "bochs-serial.log"
        self.log_path = tree.root / "bochs.log"
        self.rc_path = tree.root / "bochs-debugger.rc"
        self.console = Console(echo=echo)
        self.screen = b""          # what Bochs wrote to its terminal (tail)
        self.proc = None
        self.started_at = None

    def argv(self):
        return [BOCHS, "-q", "-rc", str(self.rc_path), "-f", str(BOCHSRC)]

    def env(self):
        return dict(os.environ, BXSHARE=BXSHARE, JSK_ISO=str(self.tree.iso),
                    JSK_SERIAL=str(self.serial_path), JSK_BOCHS_LOG=str(self.log_path),
                    TERM="xterm")

    def start(self):
        if not shutil.which(BOCHS):
            raise SystemExit("jsk: bochs not found (tools/jsk setup)")
        self.tree.require(self.tree.iso)
        for stale in (self.serial_path, self.log_path):
            if stale.exists():
                stale.unlink()
        self.rc_path.write_text("continue\nquit\n")
        master, slave = pty.openpty()
        self.started_at = time.monotonic()
        self.proc = subprocess.Popen(self.argv(), stdin=slave, stdout=slave, stderr=slave,
                                     env=self.env(), cwd=self.tree.root,
                                     start_new_session=True)
        os.close(slave)
        threading.Thread(target=self._drain, args=(master,), daemon=True).start()
        self.console.follow_file(str(self.serial_path), lambda: self.proc.poll() is not None)
        return self

    def _drain(self, fd):
        """Read Bochs's terminal so it never blocks on a full pty."""
        try:
            while True:
                r, _, _ = select.select([fd], [], [], 0.5)
                if r:
                    data = os.read(fd, 65536)
                    if not data:
                        break
                    self.screen = (self.screen + data)[-16384:]
                elif self.proc.poll() is not None:
                    break
        except OSError:
            pass
        finally:
            os.close(fd)

    def screen_text(self):
        """Bochs's terminal output with escape sequences removed."""
        text = self.screen.decode("utf-8", "replace")
        return re.sub(r"\x1b(\[[0-9;?]*[A-Za-z]|[()][A-Z0-9]|[=>])", "", text)

    def wait(self, timeout=None):
        rc = self.proc.wait(timeout)
        self.console.wait_closed(2)
        return rc

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.console.wait_closed(2)

    def __enter__(self):
        return self.start() if self.proc is None else self

    def __exit__(self, *exc):
        self.stop()
