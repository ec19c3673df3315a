"""A guest's console output, read in the background and matched with deadlines.

Reading a child's pipe line by line blocks for as long as the guest stays
silent, so a hung kernel would hang the test too. Instead a thread feeds every
byte into a Console, and callers wait for a pattern with a deadline:

    con = Console()
    con.follow_pipe(proc.stdout)
    hit = con.expect(r"^jskernel ready in (\\d+\\.\\d{3}) ms$", timeout=60)

Lines are stored without their line ending ("\\r\\n" from the kernel), so
patterns can anchor with ^ and $.
"""
import os
import re
import threading
import time
from collections import namedtuple

READY_RE = re.compile(r"^jskernel ready in (\d+\.\d{3}) ms\r?$")

# One matched line: the re.Match, the line's index and when it arrived
# (time.monotonic()).
Hit = namedtuple("Hit", "match index at")


class Console:
    """Collected output lines, with expect()-style waiting."""

    def __init__(self, echo=None, hide=None):
        """echo: a binary stream that receives every byte as it arrives, or,
        with hide (a regex), every complete line that does not match it."""
        self.echo = echo
        self.hide = re.compile(hide) if hide else None
        self._cond = threading.Condition()
        self._lines = []
        self._times = []
        self._partial = b""
        self._partial_at = None  # when the unfinished last line last grew
        self._closed = False
        self._cursor = 0

    # -- producers -------------------------------------------------------
    def feed(self, data):
        if self.hide is None:
            self._echo(data)
        with self._cond:
            now = time.monotonic()
            buf = self._partial + data
            *complete, self._partial = buf.split(b"\n")
            self._partial_at = now if self._partial else None
            for raw in complete:
                line = raw.decode("utf-8", "replace").rstrip("\r")
                self._lines.append(line)
                self._times.append(now)
                if self.hide is not None and not self.hide.search(line):
                    self._echo(raw + b"\n")
            self._cond.notify_all()

    def _echo(self, data):
        if self.echo is not None:
            try:
                self.echo.write(data)
                self.echo.flush()
            except (OSError, ValueError):
                self.echo = None

    def close(self):
        """The stream ended: a trailing partial line becomes a line."""
        with self._cond:
            if self._partial:
                if self.hide is not None:
                    self._echo(self._partial)
                self._lines.append(self._partial.decode("utf-8", "replace").rstrip("\r"))
                self._times.append(time.monotonic())
                self._partial = b""
            self._closed = True
            self._cond.notify_all()

    def follow_pipe(self, pipe):
        """Feed from a pipe (a file object or fd) until EOF, in a daemon thread."""
        fd = pipe if isinstance(pipe, int) else pipe.fileno()

        def pump():
            try:
                while True:
                    data = os.read(fd, 65536)
                    if not data:
                        break
                    self.feed(data)
            except OSError:
                pass
            finally:
                self.close()

        return _start(pump)

    def follow_file(self, path, done):
        """Feed from a file another process appends to (e.g. Bochs's serial
        log), until done() returns true and the file has been drained."""

        def pump():
            f = None
            try:
                while True:
                    finished = done()
                    if f is None and os.path.exists(path):
                        f = open(path, "rb")
                    data = f.read(65536) if f else b""
                    if data:
                        self.feed(data)
                    elif finished:
                        break
                    else:
                        time.sleep(0.02)
            finally:
                if f:
                    f.close()
                self.close()

        return _start(pump)

    # -- consumers -------------------------------------------------------
    @property
    def closed(self):
        with self._cond:
            return self._closed

    def lines(self):
        with self._cond:
            return list(self._lines) + ([self._partial.decode("utf-8", "replace")]
                                        if self._partial else [])

    def text(self):
        return "\n".join(self.lines())

    def tail(self, n=80):
        return "\n".join(self.lines()[-n:])

    def find(self, pattern):
        """First line matching pattern anywhere in the output so far, or None."""
        rx = re.compile(pattern)
        with self._cond:
            for i, line in enumerate(self._lines):
                m = rx.search(line)
                if m:
                    return Hit(m, i, self._times[i])
        return None

    def expect(self, pattern, timeout):
        """Wait for a line matching pattern after the previous expect's match.

        Returns a Hit, or None when the deadline passes or the stream ends
        first. Like expect(1), a match consumes the lines up to it."""
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                while self._cursor < len(self._lines):
                    i = self._cursor
                    self._cursor += 1
                    m = rx.search(self._lines[i])
                    if m:
                        return Hit(m, i, self._times[i])
                left = deadline - time.monotonic()
                if self._closed or left <= 0:
                    return None
                self._cond.wait(min(left, 0.5))

    def expect_prompt(self, prompt, timeout):
        """Wait until the unfinished last line ends with `prompt` (a prompt
        such as the REPL's "> " is printed without a newline). Returns when
        it arrived (time.monotonic()), or None at the deadline."""
        tail = prompt.encode()
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                if self._partial.endswith(tail):
                    return self._partial_at
                left = deadline - time.monotonic()
                if self._closed or left <= 0:
                    return None
                self._cond.wait(min(left, 0.5))

    def wait_closed(self, timeout):
        deadline = time.monotonic() + timeout
        with self._cond:
            while not self._closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
            return True


def _start(fn):
    t = threading.Thread(target=fn, daemon=True)
    t.start()
    return t

