"""Network scenarios driven from the host: unode programs written as for
Node, on bare metal (the JS e1000 driver and TCP/IP stack), reached through
QEMU's user networking with restrict=on and forwards on 127.0.0.1
(docs/net.md, "Tests"):

qemu.http_curl           curl against a unode http server (--forward)
qemu.net_guest_to_host   the guest connects out to a host server (--guestfwd)
qemu.net_udp_echo        UDP both ways (--forward udp: and a socket netdev peer)
"""
import hashlib
import json
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from scenario import APPS, JSK, REPO, Skip, scenario
from jsklib import guest_app, netpeer, packets, rawhost
from jsklib.qemu import free_port


def needs_e1000():
    if not (REPO / "js-drivers" / "dev" / "e1000.js").exists():
        raise Skip("js-drivers/dev/e1000.js is not in this tree")


def GuestApp(tree, app, args=(), options=(), timeout=120):
    """tests/qemu/apps/APP on bare metal in the background (jsklib.guest_app)."""
    return guest_app.GuestApp(tree.root, APPS / app, args, options, timeout)


# -- qemu.http_curl ---------------------------------------------------------------
PERIOD = 65521          # http_server.js's pattern: block[i % PERIOD]
BIG = 16 * 1024 * 1024
CHUNKS = [b"first chunk\n", b"the second, a little longer\n", b"x", b"last\n"]
GUEST_HTTP_PORT = 8080


def pattern_block():
    """http_server.js's block: the Lehmer generator x = x * 48271 mod
    2^31 - 1 from x = 1, byte (x >> 8) & 0xff."""
    out = bytearray(PERIOD)
    x = 1
    for i in range(PERIOD):
        x = x * 48271 % 2147483647
        out[i] = (x >> 8) & 0xFF
    return bytes(out)


BLOCK = pattern_block()


def pattern(n):
    return (BLOCK * (n // PERIOD + 1))[:n]


def pattern_sha256(n):
    h = hashlib.sha256()
    for at in range(0, n, PERIOD):
        h.update(BLOCK[:min(PERIOD, n - at)])
    return h.hexdigest()


class Reply:
    def __init__(self, rc, status, headers, body, stderr):
        self.rc, self.status, self.headers, self.body, self.stderr = rc, status, headers, body, stderr

    def __repr__(self):
        return (f"curl rc {self.rc}, status {self.status}, headers {self.headers}, "
                f"{len(self.body)} bytes, {self.stderr.strip()[:200]}")


def parse_head(text):
    """(status, {lower-case name: value}) of the last response head in a
    curl -D dump."""
    status, headers = None, {}
    for line in text.splitlines():
        if line.startswith("HTTP/"):
            status, headers = int(line.split()[1]), {}
        elif ":" in line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    return status, headers


def curl(port, path, *extra, timeout=60, workdir):
    """One curl request to the guest: a Reply with the last head and body."""
    tag = f"{time.monotonic_ns()}-{threading.get_ident()}"
    head, body = Path(workdir) / f"h{tag}", Path(workdir) / f"b{tag}"
    r = subprocess.run(["curl", "-sS", "-m", str(timeout), "-D", str(head), "-o", str(body),
                        *extra, f"http://127.0.0.1:{port}{path}"],
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout + 30)
    status, headers = parse_head(head.read_text("latin1")) if head.exists() else (None, {})
    data = body.read_bytes() if body.exists() else b""
    return Reply(r.returncode, status, headers, data, r.stderr.decode("utf-8", "replace"))


def check_bytes(c, r, n, what):
    c.check(r.rc == 0 and r.status == 200 and r.headers.get("content-length") == str(n) and
            r.headers.get("connection") == "keep-alive" and r.body == pattern(n),
            f"{what}: 200, Content-Length {n}, Connection: keep-alive, the pattern's bytes",
            repr(r))


@scenario("qemu.http_curl")
def http_curl(c, tree):
    """curl gets the right bytes from a unode http server on bare metal
    through --forward: small bodies, HEAD, chunked, 404, a POST echoed, a
    16 MiB body (sha256 on the host), keep-alive, 20 concurrent clients."""
    needs_e1000()
    port = free_port()
    app = GuestApp(tree, "http_server.js", [GUEST_HTTP_PORT],
                   ["--forward", f"{port}:{GUEST_HTTP_PORT}"], timeout=500)
    status = None
    with tempfile.TemporaryDirectory() as work:
        try:
            c.check(app.wait_line("http_server: listening on port", 90), "the guest listens",
                    app.transcript())
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:   # DHCP and ARP may still be under way
                r = curl(port, "/bytes/0", timeout=10, workdir=work)
                if r.rc == 0 and r.status == 200:
                    break
                time.sleep(0.5)
            http_curl_checks(c, port, work)
            r = curl(port, "/quit", workdir=work)
            c.check(r.rc == 0 and r.status == 200 and r.body == b"bye\n" and
                    r.headers.get("connection") == "close", "/quit: 200, Connection: close",
                    repr(r))
            status = app.wait(60)
        finally:
            app.stop()
    c.check(status == 0, "the server ends with status 0", f"status {status}")
    c.check(any(l.startswith("http_server: closed after ") for l in app.lines),
            "the server closed", app.transcript())
    return "\n".join(app.lines)


def http_curl_checks(c, port, work):
    for n in (0, 1, 2, 1000, 1460, 1461, PERIOD, 100000):
        check_bytes(c, curl(port, f"/bytes/{n}", workdir=work), n, f"GET /bytes/{n}")

    # HEAD, then a GET on the same connection: a body sent after the head
    # would be read as the second response's start.
    after = Path(work) / "after-head"
    r = subprocess.run(["curl", "-sS", "-m", "60", "--head", "-w", "[%{num_connects}]",
                        f"http://127.0.0.1:{port}/bytes/12345", "--next", "-sS", "-m", "60",
                        "-o", str(after), "-w", "[%{num_connects} %{http_code}]",
                        f"http://127.0.0.1:{port}/bytes/777"],
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=90)
    head, _, tail = r.stdout.decode("latin1").partition("\r\n\r\n")
    status, headers = parse_head(head)
    c.check(r.returncode == 0 and status == 200 and headers.get("content-length") == "12345" and
            tail == "[1][0 200]" and after.read_bytes() == pattern(777),
            "HEAD /bytes/12345: 200, Content-Length 12345, no body (the next GET on the "
            "connection gets its own bytes)", f"rc {r.returncode}: {r.stdout!r} {r.stderr!r}")

    r = curl(port, "/chunked", workdir=work)
    c.check(r.rc == 0 and r.status == 200 and r.headers.get("transfer-encoding") == "chunked" and
            "content-length" not in r.headers and r.body == b"".join(CHUNKS),
            "GET /chunked: Transfer-Encoding: chunked, no Content-Length, the body", repr(r))
    raw = b"".join(b"%x\r\n%s\r\n" % (len(k), k) for k in CHUNKS) + b"0\r\n\r\n"
    r = curl(port, "/chunked", "--raw", workdir=work)
    c.check(r.rc == 0 and r.body == raw, "GET /chunked --raw: one chunk per write, then 0",
            f"{r.body!r}")

    r = curl(port, "/nope", workdir=work)
    text = b"not found: GET /nope\n"
    c.check(r.rc == 0 and r.status == 404 and r.body == text and
            r.headers.get("content-length") == str(len(text)),
            "GET /nope: 404 with its text and Content-Length", repr(r))

    upload = Path(work) / "upload"
    sent = bytes((i * 31 + (i >> 10)) & 0xFF for i in range(200000))
    upload.write_bytes(sent)
    r = curl(port, "/echo", "--data-binary", f"@{upload}", "-H",
             "Content-Type: application/octet-stream", workdir=work)
    c.check(r.rc == 0 and r.status == 200 and r.body == sent and
            r.headers.get("content-length") == str(len(sent)),
            "POST /echo of 200000 bytes: the same bytes back", repr(r))

    # Expect: 100-continue: the interim answer first, then the body is sent.
    big_upload = Path(work) / "upload-1m"
    sent = bytes((i * 7 + (i >> 12)) & 0xFF for i in range(1 << 20))
    big_upload.write_bytes(sent)
    head = Path(work) / "continue-head"
    r = subprocess.run(["curl", "-sS", "-m", "120", "-D", str(head), "-o", "-",
                        "--data-binary", f"@{big_upload}", "-H", "Expect: 100-continue",
                        f"http://127.0.0.1:{port}/echo"],
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=150)
    heads = head.read_bytes().decode("latin1") if head.exists() else ""
    c.check(r.returncode == 0 and heads.startswith("HTTP/1.1 100 Continue\r\n") and
            parse_head(heads)[0] == 200 and r.stdout == sent,
            "POST /echo of 1 MiB with Expect: 100-continue: 100 Continue, then 200 and the bytes",
            f"rc {r.returncode}, {len(r.stdout)} bytes, heads {heads[:300]!r}")

    # HTTP/1.0 knows no chunked encoding: the body ends with the connection.
    r = curl(port, "/chunked", "--http1.0", workdir=work)
    c.check(r.rc == 0 and r.status == 200 and "transfer-encoding" not in r.headers and
            r.headers.get("connection") == "close" and r.body == b"".join(CHUNKS),
            "GET /chunked over HTTP/1.0: no chunked encoding, Connection: close, the body",
            repr(r))

    keep_alive(c, port, work)
    port_reuse(c, port, work)
    concurrent(c, port, work, 20)
    big_download(c, port, work)


def raw_get(port, local_port, path, close):
    """GET `path` from host port `local_port` (bound with SO_REUSEADDR, as
    the host's Linux reuses a loopback port a second after its side
    closed); the client closes first unless `close` asks the server to.
    -> the body, or an OSError's text."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.settimeout(30)
        s.bind(("127.0.0.1", local_port))
        s.connect(("127.0.0.1", port))
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n"
                  f"{'Connection: close' if close else 'X: y'}\r\n\r\n".encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        status, headers = parse_head(head.decode("latin1"))
        want = int(headers.get("content-length", "0"))
        while len(body) < want:
            chunk = s.recv(65536)
            if not chunk:
                break
            body += chunk
        return body
    except OSError as e:
        return str(e)
    finally:
        s.close()


def port_reuse(c, port, work):
    """Three connections from one host port, one after the other: after the
    first the guest has closed its side (the client closed first, slirp
    holds TIME_WAIT), after the second it holds TIME_WAIT itself (the server
    closed first). Each new connection must be set up at once: a SYN-ACK
    within the old connection's window made slirp reset it and send its
    SYN again 6 s later, which shows as a second passive open per
    connection (tcp.stats.passiveOpens)."""
    r = curl(port, "/tcp-stats", workdir=work)
    before = json.loads(r.body) if r.rc == 0 and r.status == 200 else None
    local = free_port()
    bodies = []
    for close in (False, True, False):
        bodies.append(raw_get(port, local, "/bytes/1000", close))
        time.sleep(1.5)
    if any(isinstance(b, str) for b in bodies):
        c.note(f"port reuse: the host refused to reuse port {local}: {bodies}")
        return
    c.check(all(b == pattern(1000) for b in bodies),
            "three connections from one host port get their bytes",
            f"{[len(b) for b in bodies]} bytes")
    r = curl(port, "/tcp-stats", workdir=work)
    after = json.loads(r.body) if r.rc == 0 and r.status == 200 else None
    c.check(before is not None and after is not None and
            after["passiveOpens"] - before["passiveOpens"] == 4 and
            after.get("timeWaitReused", 0) - before.get("timeWaitReused", 0) == 1,
            "the port's 3 connections and one /tcp-stats opened 4 connections in the guest, "
            "one of them over TIME_WAIT", f"before {before} after {after}")


def keep_alive(c, port, work):
    """One curl, five URLs: the first transfer connects, the others reuse it."""
    sizes = [10, 5000, 0, 70000, 3]
    cmd = ["curl", "-sS", "-m", "60", "-w", "%{num_connects} %{http_code} %{size_download}\\n"]
    for k, n in enumerate(sizes):
        cmd += ["-o", str(Path(work) / f"ka{k}"), f"http://127.0.0.1:{port}/bytes/{n}"]
    r = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=90)
    lines = r.stdout.split()
    rows = [lines[i:i + 3] for i in range(0, len(lines), 3)]
    c.check(r.returncode == 0 and len(rows) == len(sizes), "keep-alive: curl fetched 5 URLs",
            f"rc {r.returncode}: {r.stdout!r} {r.stderr!r}")
    c.check([row[0] for row in rows] == ["1", "0", "0", "0", "0"],
            "keep-alive: one connection made, reused by the next 4 transfers",
            f"num_connects: {[row[0] for row in rows]}")
    c.check(all(row[1] == "200" for row in rows) and
            all((Path(work) / f"ka{k}").read_bytes() == pattern(n) for k, n in enumerate(sizes)),
            "keep-alive: each transfer 200 with its pattern bytes", r.stdout)


def concurrent(c, port, work, clients):
    """`clients` curl processes at once, each with its own size."""
    sizes = [3000 + 7919 * k for k in range(clients)]
    results = [None] * clients

    def one(k):
        results[k] = curl(port, f"/bytes/{sizes[k]}", timeout=120, workdir=work)

    threads = [threading.Thread(target=one, args=(k,)) for k in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=180)
    took = time.monotonic() - t0
    bad = [f"{k}: {r!r}" for k, r in enumerate(results)
           if r is None or r.rc != 0 or r.status != 200 or r.body != pattern(sizes[k]) or
           r.headers.get("content-length") != str(sizes[k])]
    c.check(not bad, f"{clients} concurrent curl processes all get their bytes "
            f"({sum(sizes)} bytes in {took:.1f} s)", "\n".join(bad[:5]))


def big_download(c, port, work):
    want = pattern_sha256(BIG)
    t0 = time.monotonic()
    r = curl(port, f"/bytes/{BIG}", timeout=120, workdir=work)
    took = time.monotonic() - t0
    got = hashlib.sha256(r.body).hexdigest()
    c.check(r.rc == 0 and r.status == 200 and r.headers.get("content-length") == str(BIG) and
            got == want, f"16 MiB body, sha256 checked on the host ({took:.1f} s, "
            f"{len(r.body) / 1e6 / took:.2f} MB/s)",
            f"curl rc {r.rc}, status {r.status}, {len(r.body)} bytes, sha256 {got}, want {want}, "
            f"{r.stderr.strip()[:200]}")
    print(f"  16 MiB download: {took:.1f} s, {len(r.body) / 1e6 / took:.2f} MB/s", flush=True)


# -- qemu.net_guest_to_host ---------------------------------------------------------
GUESTFWD_PORT = 7001
G2H_FRAMES = 8          # net_guest_to_host.js: 2 connections x 4 sizes


def g2h_pattern(n, seed):
    """net_guest_to_host.js's pattern."""
    return bytes((i * 13 + seed * 7 + (i >> 8)) & 0xFF for i in range(n))


def g2h_answer(data):
    """The server's transform: the bytes reversed, each plus 1."""
    return bytes((b + 1) & 0xFF for b in reversed(data))


class FramedServer:
    """The host's test server behind --guestfwd: QEMU connects to it once,
    when it starts, and every guest connection's bytes come through that
    one stream, framed by the guest ("N SEED\\n" + N bytes). Each frame is
    checked and answered ("N\\n" + g2h_answer); results in self.frames."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(1)
        self.port = self.listener.getsockname()[1]
        self.frames = []          # (size, seed, intact)
        self.error = None
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        try:
            self.listener.settimeout(60)
            conn, _ = self.listener.accept()
            conn.settimeout(120)
            buf = b""
            while len(self.frames) < G2H_FRAMES:
                while b"\n" not in buf:
                    chunk = conn.recv(65536)
                    if not chunk:
                        raise EOFError("QEMU closed the stream")
                    buf += chunk
                head, _, buf = buf.partition(b"\n")
                size, seed = (int(x) for x in head.split())
                while len(buf) < size:
                    chunk = conn.recv(65536)
                    if not chunk:
                        raise EOFError("QEMU closed the stream")
                    buf += chunk
                data, buf = buf[:size], buf[size:]
                self.frames.append((size, seed, data == g2h_pattern(size, seed)))
                conn.sendall(b"%d\n" % size + g2h_answer(data))
            self.extra = buf
        except (OSError, EOFError, ValueError) as err:
            self.error = err

    def close(self):
        self.listener.close()


@scenario("qemu.net_guest_to_host")
def net_guest_to_host(c, tree):
    """The guest connects out to a TCP server on the host through a guest
    forward (restrict=on; slirp refuses one on 10.0.2.2, so 10.0.2.100):
    8 exchanges on 2 connections, bytes checked on both sides."""
    needs_e1000()
    server = FramedServer()
    app = GuestApp(tree, "net_guest_to_host.js", [GUESTFWD_PORT],
                   ["--guestfwd", f"{GUESTFWD_PORT}:{server.port}"], timeout=150)
    try:
        status = app.wait(170)
    finally:
        app.stop()
        server.close()
    server.thread.join(timeout=10)
    c.check(status == 0, "the guest ends with status 0", f"status {status}\n{app.transcript()}")
    c.check("net_guest_to_host: all passed" in app.lines, "the guest checked every answer",
            app.transcript())
    c.check(sum(1 for l in app.lines if l.startswith("ok connection ")) == G2H_FRAMES,
            f"{G2H_FRAMES} exchanges", app.transcript())
    c.check(any(l.startswith("connection 1: 10.0.2.15:") and
                l.endswith(f" -> 10.0.2.100:{GUESTFWD_PORT}") for l in app.lines),
            "from the DHCP address to the forward's", app.transcript())
    c.check(server.error is None and len(server.frames) == G2H_FRAMES and
            all(ok for _, _, ok in server.frames),
            f"the host got {G2H_FRAMES} intact frames", f"{server.error}; {server.frames}")
    return "\n".join(app.lines)


# -- qemu.net_udp_echo -------------------------------------------------------------
UDP_GUEST_PORT = 7002
UDP_HOST_ECHO_PORT = 9000
UDP_QUIT = 0xFFFFFFFF


def udp_datagram(seq, size):
    """net_udp_echo.js's datagram: seq (big-endian), then (seq * 31 + i) & 0xff."""
    return seq.to_bytes(4, "big") + bytes((seq * 31 + i) & 0xFF for i in range(4, size))


def udp_through_forward(c, tree):
    """Host -> guest through `--forward udp:`: each datagram (some larger
    than the MTU, so slirp fragments them) is resent until the guest says
    it came intact. The guest's echoes go nowhere: with restrict=on slirp
    drops every UDP datagram the guest sends (DHCP aside), answers
    included."""
    port = free_port(socket.SOCK_DGRAM)
    app = GuestApp(tree, "net_udp_echo.js", [UDP_GUEST_PORT],
                   ["--forward", f"udp:{port}:{UDP_GUEST_PORT}"], timeout=120)
    sizes = [4, 100, 1472, 4000, 9000]
    status = None
    try:
        c.check(app.wait_line("echo server on port", 60), "forward: the guest's echo server is up",
                app.transcript())
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            for k, size in enumerate(sizes):
                line = f"received seq {k + 1}: {size} bytes from 10.0.2.2, intact"
                for attempt in range(20):            # DHCP, ARP, and UDP may lose it
                    s.sendto(udp_datagram(k + 1, size), ("127.0.0.1", port))
                    if app.wait_line(line, 0.5):
                        break
                c.check(line in app.lines, f"forward: {size} bytes reach the guest intact",
                        app.transcript(5))
            for attempt in range(20):
                s.sendto(UDP_QUIT.to_bytes(4, "big"), ("127.0.0.1", port))
                if app.proc.poll() is not None or app.wait_line("all passed", 0.5):
                    break
            s.setblocking(False)
            echoes = 0
            try:
                while echoes < 1000:
                    s.recv(65536)
                    echoes += 1
            except OSError:
                pass
            c.note(f"forward: {echoes} echoes reached the host (slirp with restrict=on drops "
                   "the guest's UDP)")
        status = app.wait(30)
    finally:
        app.stop()
    c.check(status == 0 and "net_udp_echo: all passed" in app.lines,
            "forward: the guest ends with status 0", f"status {status}\n{app.transcript()}")
    return app.lines


class UdpEchoHost(rawhost.RawHost):
    """rawhost's DHCP/ARP host on a socket netdev, plus UDP: an echo server
    on its port UDP_HOST_ECHO_PORT and a client of the guest's."""

    def __init__(self, peer):
        super().__init__(peer)
        self.echoed = []          # (size, intact) of the datagrams echoed
        self.replies = {}         # seq -> bytes, echoes from the guest

    def handle(self, frame):
        f = packets.parse_frame(frame)
        ip = f and f.get("ip")
        u = ip and ip.get("udp")
        if u and ip["dst"] == self.ip and u["dport"] == UDP_HOST_ECHO_PORT:
            data = u["data"]
            seq = int.from_bytes(data[:4], "big") if len(data) >= 4 else -1
            self.echoed.append((len(data), data == udp_datagram(seq, len(data))))
            self.send_ip(packets.PROTO_UDP, packets.udp(self.ip, self.guest_ip, u["dport"],
                                                        u["sport"], data))
        elif u and ip["dst"] == self.ip and u["sport"] == UDP_GUEST_PORT:
            self.replies[int.from_bytes(u["data"][:4], "big")] = u["data"]
        else:
            super().handle(frame)

    def send_udp(self, data, sport=40000):
        self.send_ip(packets.PROTO_UDP, packets.udp(self.ip, self.guest_ip, sport,
                                                    UDP_GUEST_PORT, data))


def udp_with_peer(c, tree):
    """Both ways on a socket netdev whose host end is a Python peer
    (rawhost: DHCP, ARP) at 10.0.2.2: the peer's datagrams to the guest's
    echo server come back intact, and the guest's datagrams to the peer's
    echo server too."""
    peer = netpeer.StreamPeer()
    app = GuestApp(tree, "net_udp_echo.js",
                   [UDP_GUEST_PORT, "10.0.2.2", UDP_HOST_ECHO_PORT], ["--net", peer.net],
                   timeout=150)
    status = None
    try:
        peer.accept(60)
        host = UdpEchoHost(peer)
        c.check(host.serve_dhcp(60), "peer: the guest took a DHCP lease from the peer",
                app.transcript())
        c.check(app.wait_line("echo server on port", 60), "peer: the guest's echo server is up",
                app.transcript())
        sizes = [4, 64, 512, 1472]
        for k, size in enumerate(sizes):
            seq = 100 + k
            sent = udp_datagram(seq, size)
            for attempt in range(20):
                host.send_udp(sent)
                if host.pump(0.5, lambda: seq in host.replies):
                    break
            c.check(host.replies.get(seq) == sent,
                    f"peer -> guest: the echo of {size} bytes comes back intact",
                    f"{len(host.replies.get(seq, b''))} bytes back")
        last = "ok echo from 10.0.2.2:9000: 1472 bytes"
        c.check(host.pump(60, lambda: any(l.startswith(last) for l in app.lines)),
                "guest -> peer: the guest's last datagram came back", f"{host.echoed}")
        for attempt in range(20):
            if app.proc.poll() is not None or "net_udp_echo: all passed" in app.lines:
                break
            try:
                host.send_udp(UDP_QUIT.to_bytes(4, "big"))
            except OSError:       # QEMU has gone
                break
            host.pump(0.5)
        status = app.wait(30)
    finally:
        app.stop()
        peer.close()
    echoes = [l for l in app.lines if l.startswith("ok echo from 10.0.2.2:9000: ")]
    c.check(len(echoes) == 4, "guest -> peer: the guest got 4 echoes back, checked",
            app.transcript())
    c.check(all(ok for _, ok in host.echoed), "guest -> peer: every datagram intact on the peer",
            f"{host.echoed}")
    c.check(status == 0 and "net_udp_echo: all passed" in app.lines,
            "peer: the guest ends with status 0", f"status {status}\n{app.transcript()}")
    return app.lines


@scenario("qemu.net_udp_echo")
def net_udp_echo(c, tree):
    """UDP both ways with unode's dgram on bare metal: host -> guest through
    `--forward udp:` (user networking, restrict=on; fragmented datagrams
    too), and echoes both ways with a peer on a socket netdev (slirp with
    restrict=on drops the guest's UDP, echoes included)."""
    needs_e1000()
    lines = udp_through_forward(c, tree)
    lines += udp_with_peer(c, tree)
    return "\n".join(lines)
