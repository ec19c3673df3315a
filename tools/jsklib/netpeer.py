"""A host-side Ethernet peer for the guest's NIC, over QEMU's socket netdevs.

Everything is on 127.0.0.1 (the project's network rule). Two transports:

StreamPeer   listens on 127.0.0.1:PORT; QEMU runs with `--net connect:PORT`
             (`-netdev socket,connect=...`) and connects to it. QEMU's
             framing: each frame is a 4-byte big-endian length, then the
             frame (no FCS). A stream never loses a frame: when the guest
             cannot take more, QEMU stops reading and TCP pushes back.
DgramPeer    binds 127.0.0.1:PORT; QEMU runs with `--net dgram:QPORT:PORT`
             (`-netdev dgram`), one UDP datagram per frame. Datagrams can be
             lost in the host's socket buffers when the guest falls behind.

Both collect the frames QEMU sends in a thread; `recv(timeout)` takes the
next one in arrival order. The frame formats the test app
(tests/qemu/apps/e1000_peer.js) and `jsk bench net-raw` share are here too:
data frames (EtherType 0x88B5) carry a sequence number and a pattern derived
from it, control frames (0x88B6) a JSON message.
"""
import json
import socket
import struct
import threading
import time
from collections import deque

DATA_TYPE = 0x88B5       # IEEE 802 local experimental EtherType 1
CONTROL_TYPE = 0x88B6    # local experimental EtherType 2
PEER_MAC = bytes.fromhex("020000000002")   # locally administered
BROADCAST = b"\xff" * 6
HEADER = 14
MAX_FRAME = 1514


def mac_bytes(text):
    return bytes(int(h, 16) for h in text.split(":"))


def pattern_byte(seq, k):
    """Byte k (from the start of the frame, k >= 18) of data frame seq."""
    return (seq * 31 + k) & 0xFF


def data_frame(dst, seq, size, src=PEER_MAC):
    """A data frame of `size` bytes (18..1514): header, seq (4 bytes, big
    endian), then the pattern."""
    if not 18 <= size <= MAX_FRAME:
        raise ValueError(f"data frame size {size} outside 18..{MAX_FRAME}")
    body = bytes(pattern_byte(seq, k) for k in range(18, size))
    return dst + src + struct.pack(">HI", DATA_TYPE, seq) + body


def parse_data(frame):
    """(seq, intact) of a data frame, or None if it is not one."""
    if len(frame) < 18 or struct.unpack(">H", frame[12:14])[0] != DATA_TYPE:
        return None
    seq = struct.unpack(">I", frame[14:18])[0]
    expect = bytes(pattern_byte(seq, k) for k in range(18, len(frame)))
    return seq, frame[18:] == expect


def control_frame(dst, message, src=PEER_MAC):
    frame = dst + src + struct.pack(">H", CONTROL_TYPE) + json.dumps(message).encode()
    if len(frame) > MAX_FRAME:
        raise ValueError("control message too long")
    return frame


def parse_control(frame):
    if len(frame) < HEADER or struct.unpack(">H", frame[12:14])[0] != CONTROL_TYPE:
        return None
    return json.loads(frame[HEADER:].rstrip(b"\0").decode())


class _Peer:
    def __init__(self):
        self.frames = deque()
        self.cond = threading.Condition()
        self.closed = False
        self.error = None
        self.received = 0

    def _deliver(self, frame):
        with self.cond:
            self.frames.append((time.monotonic(), frame))
            self.received += 1
            self.cond.notify_all()

    def _reader(self):
        """The receiving thread: frames in arrival order until the socket
        closes (the subclass's _read_frame raises then)."""
        try:
            while True:
                self._deliver(self._read_frame())
        except (OSError, EOFError) as err:
            self.error = err
        finally:
            with self.cond:
                self.closed = True
                self.cond.notify_all()

    def recv(self, timeout):
        """The next frame QEMU sent, or None after `timeout` seconds."""
        return (self.recv_timed(timeout) or (None, None))[1]

    def recv_timed(self, timeout):
        """(arrival time, frame) or None."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while not self.frames:
                left = deadline - time.monotonic()
                if left <= 0 or self.closed:
                    return None
                self.cond.wait(left)
            return self.frames.popleft()

    def drain(self):
        with self.cond:
            out = list(self.frames)
            self.frames.clear()
            return out

    def control(self, dst, message, timeout=30, want=None):
        """Sends a control message and waits for the answer whose `re`
        field is message['cmd'] (or `want`); data frames met meanwhile are
        kept in self.skipped."""
        self.send(control_frame(dst, message))
        return self.wait_control(want or message["cmd"], timeout)

    def wait_control(self, name, timeout=30):
        deadline = time.monotonic() + timeout
        self.skipped = getattr(self, "skipped", [])
        for i, frame in enumerate(self.skipped):
            msg = parse_control(frame)
            if msg is not None and msg.get("re") == name:
                del self.skipped[i]
                return msg
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            frame = self.recv(left)
            if frame is None:
                return None
            msg = parse_control(frame)
            if msg is not None and msg.get("re") == name:
                return msg
            self.skipped.append(frame)


class StreamPeer(_Peer):
    """QEMU connects (`--net connect:PORT`) to self.port."""

    def __init__(self):
        super().__init__()
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(1)
        self.port = self.listener.getsockname()[1]
        self.sock = None
        self.net = f"connect:{self.port}"
        self.send_lock = threading.Lock()

    def accept(self, timeout=30):
        self.listener.settimeout(timeout)
        self.sock, _ = self.listener.accept()
        self.sock.settimeout(None)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=self._reader, daemon=True).start()
        return self

    def _read_exact(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise EOFError
            buf += chunk
        return buf

    def _read_frame(self):
        (length,) = struct.unpack(">I", self._read_exact(4))
        return self._read_exact(length)

    def send(self, frame):
        with self.send_lock:
            self.sock.sendall(struct.pack(">I", len(frame)) + frame)

    def send_many(self, frames):
        with self.send_lock:
            self.sock.sendall(b"".join(struct.pack(">I", len(f)) + f for f in frames))

    def close(self):
        for s in (self.sock, self.listener):
            if s is not None:
                try:
                    s.close()
                except OSError:
                    pass


class DgramPeer(_Peer):
    """QEMU receives on 127.0.0.1:self.qemu_port and sends to self.port
    (`--net dgram:QEMU_PORT:PORT`)."""

    def __init__(self):
        super().__init__()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.bind(("127.0.0.1", 0))
            self.qemu_port = probe.getsockname()[1]
        self.net = f"dgram:{self.qemu_port}:{self.port}"
        threading.Thread(target=self._reader, daemon=True).start()

    def accept(self, timeout=30):
        return self

    def _read_frame(self):
        return self.sock.recvfrom(65536)[0]

    def send(self, frame):
        self.sock.sendto(frame, ("127.0.0.1", self.qemu_port))

    def send_many(self, frames):
        for f in frames:
            self.send(f)

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass
