"""The network stack (js-drivers/net) under hostile input and across a NIC
driver reload, with a unode http server (tests/qemu/apps/net_hostile_http.js)
as the guest program.

qemu.net_hostile_frames: the guest's e1000 is on a socket netdev whose
host end is a Python host made of raw frames (tools/jsklib/rawhost.py: it
answers DHCP and ARP and is a small TCP client); it injects more than
10,000 malformed frames (tools/jsklib/hostile_frames.py), 2,000 more into
an established connection, and GETs pages before and after.

qemu.http_reload: the host talks to the same server through a forward of
QEMU's user networking (restrict=on, 127.0.0.1) and reloads the e1000
driver over COM2 (the way `tools/jsk push` does) while a download goes on
over a keep-alive connection, which then serves one more request.
"""
import contextlib
import http.client
import json
import os
import re
import socket
import tempfile
import threading
import time
from pathlib import Path

from scenario import APPS, REPO, Skip, dump, machine, needs_services, ready, scenario, wait_exit
from jsklib import app as jsk_app
from jsklib import guest_app, hostile_frames, netpeer, push, rawhost
from jsklib.qemu import free_port

APP = APPS / "net_hostile_http.js"
PORT = 8080
SEED = int(os.environ.get("JSK_HOSTILE_SEED", "9"))   # another seed: other frames
FRAMES = 10000
IN_CONNECTION = 2000   # more, into one established connection
BATCH = 500     # frames between two pings, so the guest's receive queue keeps up
E1000 = REPO / "js-drivers" / "dev" / "e1000.js"
BIG = 16 << 20                  # qemu.http_reload's download, read at
READ_RATE = 2 << 20             # at most this many bytes/s (several seconds)
PATTERN = bytes(k % 251 for k in range(251)) * 300   # /big's bytes: k % 251

# What a crash looks like on the console: an uncaught JS error (the program
# dies with it), an error thrown by a timer or deferred call (where the
# stack processes received frames: js-drivers/core/timers.js says it and
# goes on), the kernel's fault or panic report, or a driver the manager had
# to stop or restart.
CRASH_RE = re.compile(r"^(Uncaught |timers: |KERNEL (FAULT|PANIC)|.*execution timeout|"
                      r"drivers: .*(restart|failed|crash)).*", re.M)


def needs_e1000():
    if not E1000.exists():
        raise Skip("js-drivers/dev/e1000.js is not in this tree")


def crash_lines(text):
    return [m.group(0) for m in CRASH_RE.finditer(text)]


@contextlib.contextmanager
def peer_machine(c, tree):
    """QEMU running the http app, its e1000 on a stream socket netdev to a
    netpeer.StreamPeer; yields (m, RawHost) once the guest has its lease."""
    needs_services()
    needs_e1000()
    peer = netpeer.StreamPeer()
    with tempfile.TemporaryDirectory(prefix="jsk-hostile-") as tmp:
        archive = Path(tmp) / "initrd.cpio"
        jsbc = tree.root / "jsbc"
        jsk_app._mkinitrd().build(archive, app=APP, extras=[],
                                  jsbc=jsbc if jsbc.exists() else None)
        try:
            with machine(tree, kernel=True, cmdline=jsk_app.app_cmdline(APP, [], None),
                         initrd=[archive], net=peer.net, nic="e1000") as m:
                peer.accept(30)
                ready(c, m)
                host = rawhost.RawHost(peer, seed=SEED)
                c.check(host.serve_dhcp(60), "the guest took a DHCP lease from the peer",
                        f"guest MAC {host.guest_mac and host.guest_mac.hex(':')}")
                hit = m.console.expect(r"^net_hostile_http: listening on port (\d+)", 60)
                c.check(hit is not None, "the http server listens")
                yield m, host
        finally:
            peer.close()


def get(c, host, path, what, timeout=60):
    """One GET through the raw TCP client: (status, body) or (None, None)."""
    try:
        status, headers, body = host.http_get(path, PORT, timeout=timeout)
    except rawhost.ProtocolError as err:
        c.check(False, what, str(err))
        return None, None
    return status, body


@scenario("qemu.net_hostile_frames")
def net_hostile_frames(c, tree):
    """More than 10,000 malformed or random frames (truncated and lying
    headers of every layer, bad checksums, bad TCP options, hostile
    fragments, SYN floods, random bytes; seeded) to the guest's MAC, IPv4
    address and server port cause no crash; the stack answers pings between
    the batches; a unode http server then answers a GET from a raw-frame TCP
    client, and another on a connection into which 2,000 hostile segments
    were injected; the stack's drop counters are printed."""
    with peer_machine(c, tree) as (m, host):
        c.check(host.arp_resolve(), "the guest answers ARP")
        status, body = get(c, host, "/hello", "a GET before the flood")
        c.check(status == 200 and body.startswith(b"hello from unode 1 "),
                "before: GET /hello answers 200 and the body", f"{status} {body!r}")

        gen = hostile_frames.Generator(SEED, host.guest_mac, host.guest_ip, host.mac, host.ip,
                                       PORT)
        frames = gen.frames(FRAMES)
        lost_pings = []
        started = time.monotonic()
        sent = 0
        for start in range(0, len(frames), BATCH):
            host.peer.send_many(frames[start:start + BATCH])
            sent = min(len(frames), start + BATCH)
            seq = start // BATCH + 1
            # A guest that does not answer is dead or stuck (it was once,
            # in an endless ACK loop): no use sending more.
            if not host.ping(seq, timeout=30):
                lost_pings.append(seq)
                break
        took = time.monotonic() - started
        c.note(f"seed {SEED} (JSK_HOSTILE_SEED): {sent} frames in {took:.1f} s; "
               f"by kind {gen.counts}; what the guest sent back {host.seen}")
        c.check(sent >= 10000 and not host.peer.closed, f"{sent} hostile frames injected",
                f"QEMU closed the netdev: {host.peer.closed}")
        c.check(not lost_pings, "the guest answered a ping after every batch of "
                f"{BATCH}", f"no answer after batch {lost_pings} (frames "
                f"{(lost_pings or [1])[0] * BATCH - BATCH}..{sent - 1} of the seed)")
        c.check(not crash_lines(m.console.text()), "no uncaught error, fault or driver "
                "restart on the console", "\n".join(crash_lines(m.console.text())[:5]))
        if host.peer.closed or lost_pings:   # nothing more to ask
            if host.peer.closed:
                wait_exit(c, m, 0)
                dump("QEMU's stderr", m.stderr.text(), 20)
            dump("guest console", m.console.text(), 40)
            return m.console.text()

        c.check(host.arp_resolve(), "the guest still answers ARP")
        status, body = get(c, host, "/hello", "a GET after the flood")
        c.check(status == 200 and re.match(rb"^hello from unode \d+ request 1 ", body or b""),
                "after: GET /hello answers 200 and the body", f"{status} {body!r}")

        # Into an established connection: segments with its addresses and
        # ports, then the request.
        injected, lost_in_connection = [], []

        def inject(conn, request):
            segs = gen.in_connection(conn, request, IN_CONNECTION)
            for start in range(0, len(segs), BATCH):
                host.peer.send_many(segs[start:start + BATCH])
                if not host.ping(1000 + start // BATCH, timeout=30):
                    lost_in_connection.append(1000 + start // BATCH)
            injected.extend(segs)
        try:
            status, _, body = host.http_get("/hello", PORT, timeout=90, established=inject)
        except rawhost.ProtocolError as err:
            status, body = None, str(err).encode()
        c.check(len(injected) >= IN_CONNECTION and not lost_in_connection,
                f"{len(injected)} hostile segments injected into an established connection, "
                "pings answered between the batches", f"lost pings {lost_in_connection}")
        c.check(status == 200 and re.match(rb"^hello from unode \d+ request 1 ", body or b""),
                "that connection's GET /hello still answers 200 and the body",
                f"{status} {body!r}")
        status, body = get(c, host, "/stats", "GET /stats")
        stats = None
        try:
            stats = json.loads(body) if status == 200 else None
        except ValueError:
            pass
        c.check(stats is not None, "the guest reports its stack's counters",
                f"{status} {body!r}"[:300])
        if stats:
            for layer in ("eth0", "ipv4", "icmp", "udp", "tcp"):
                c.note(f"guest {layer}: {json.dumps(stats.get(layer), sort_keys=True)}")
            ip = stats["ipv4"]
            c.check(ip["badChecksum"] > 0 and ip["badHeader"] > 0 and ip["martians"] > 0 and
                    stats["tcp"]["badSegments"] > 0 and stats["udp"]["badChecksum"] > 0,
                    "the parsers saw and counted bad packets (IPv4 header and checksum, "
                    "martian sources, TCP, UDP)")
        status, body = get(c, host, "/bye", "GET /bye")
        c.check(status == 200 and body == b"bye\n", "GET /bye", f"{status} {body!r}")
        wait_exit(c, m, 0)
        c.check(not crash_lines(m.console.text()), "no crash to the end",
                "\n".join(crash_lines(m.console.text())[:5]))
        return m.console.text()


@scenario("qemu.http_reload")
def http_reload(c, tree):
    """A keep-alive http connection from the host (through `tools/jsk run
    --forward`, user networking with restrict=on) to a unode http server
    stays usable across a hot reload of js-drivers/dev/e1000.js pushed over
    COM2 during a 16 MiB download on it (every byte checked); the third
    request goes on the same host socket (the server counts it as the
    connection's third, from the same port); a new connection works too."""
    needs_e1000()
    hport = free_port()
    with tempfile.TemporaryDirectory(prefix="jsk-reload-") as tmp:
        com2 = str(Path(tmp) / "com2.sock")
        app = guest_app.GuestApp(tree.root, APP, options=["--forward", f"{hport}:{PORT}"],
                                 timeout=150, echo=False, com2=com2)
        lines = app.lines
        status = None
        try:
            c.check(app.wait_line("listening on", 90), "the guest server listens",
                    app.transcript(10))
            conn = first = None
            for attempt in range(40):   # DHCP may still be under way
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", hport, timeout=30)
                    conn.request("GET", "/hello")
                    first = conn.getresponse()
                    break
                except (ConnectionError, socket.timeout, http.client.HTTPException) as e:
                    print(f"  attempt {attempt}: {e!r}", flush=True)
                    conn.close()
                    time.sleep(0.5)
            body = first.read() if first else b""
            m1 = re.match(rb"^hello from unode \d+ request 1 on the connection from port (\d+)\n$",
                          body)
            c.check(first is not None and first.status == 200 and m1,
                    "request 1: 200 and the body", f"{first and first.status} {body!r}")
            local = conn.sock.getsockname() if conn.sock else None
            sock_before = conn.sock

            # Request 2: a download the host reads at a bounded rate, so it
            # is still under way (segments and window updates in flight)
            # while the driver is reloaded under it.
            download = {"bytes": 0, "intact": True, "status": None, "error": None}

            def fetch_big():
                try:
                    conn.request("GET", f"/big/{BIG}")
                    r = conn.getresponse()
                    download["status"] = r.status
                    started = time.monotonic()
                    while True:
                        chunk = r.read(65536)
                        if not chunk:
                            break
                        at = download["bytes"]
                        if chunk != PATTERN[at % 251:at % 251 + len(chunk)]:
                            download["intact"] = False
                        download["bytes"] += len(chunk)
                        ahead = download["bytes"] / READ_RATE - (time.monotonic() - started)
                        if ahead > 0:
                            time.sleep(ahead)
                except (ConnectionError, socket.timeout, http.client.HTTPException) as e:
                    download["error"] = repr(e)

            fetcher = threading.Thread(target=fetch_big, daemon=True)
            fetcher.start()
            deadline = time.monotonic() + 60
            while download["bytes"] < 1 << 20 and fetcher.is_alive() and \
                    time.monotonic() < deadline:
                time.sleep(0.05)
            at_push = download["bytes"]
            source = E1000.read_bytes()
            try:
                with push.connect(com2, 10) as s:
                    ok, guest_ms, message, rtt = push.push(s, "e1000", source, 60)
            except push.PushError as err:
                ok, guest_ms, message, rtt = False, 0, str(err), 0
            at_reloaded = download["bytes"]
            c.check(ok, "js-drivers/dev/e1000.js pushed over COM2: the driver reloaded",
                    f"in-guest {guest_ms:.1f} ms, round trip {rtt:.0f} ms {message}")
            fetcher.join(timeout=120)
            c.check(at_push >= 1 << 20 and at_reloaded < BIG,
                    "the reload came during the download",
                    f"{at_push} bytes read when the push started, {at_reloaded} when the "
                    f"guest said the reload was done, of {BIG}")
            c.check(download["status"] == 200 and download["bytes"] == BIG and
                    download["intact"] and not fetcher.is_alive(),
                    f"request 2: the {BIG >> 20} MiB download went on across the reload, "
                    "every byte right",
                    f"status {download['status']}, {download['bytes']} bytes, intact "
                    f"{download['intact']} {download['error'] or ''}")

            third = None
            try:
                conn.request("GET", "/hello")
                third = conn.getresponse()
                body3 = third.read()
            except (ConnectionError, socket.timeout, http.client.HTTPException) as e:
                body3 = repr(e).encode()
            c.check(conn.sock is sock_before and conn.sock is not None and
                    conn.sock.getsockname() == local,
                    "requests 2 and 3 went on the same host socket (no reconnection)",
                    f"{local} -> {conn.sock and conn.sock.getsockname()}")
            m3 = re.match(rb"^hello from unode \d+ request 3 on the connection from port (\d+)\n$",
                          body3)
            c.check(third is not None and third.status == 200 and m3 and m1 and
                    m3.group(1) == m1.group(1),
                    "request 3 after the reload: 200, the server's third request on the "
                    "same connection", f"{third and third.status} {body3!r}")
            conn.close()

            fresh = http.client.HTTPConnection("127.0.0.1", hport, timeout=30)
            try:
                fresh.request("GET", "/hello")
                r4 = fresh.getresponse()
                body4 = r4.read()
                fresh.request("GET", "/bye")
                bye = fresh.getresponse().read()
            except (ConnectionError, socket.timeout, http.client.HTTPException) as e:
                r4, body4, bye = None, repr(e).encode(), b""
            fresh.close()
            c.check(r4 is not None and r4.status == 200 and
                    re.match(rb"^hello from unode \d+ request 1 ", body4),
                    "a new connection after the reload: 200 and the body",
                    f"{r4 and r4.status} {body4!r}")
            c.check(bye == b"bye\n", "GET /bye ends the server", repr(bye))
            status = app.wait(60)
        finally:
            app.stop()
        text = "\n".join(lines)
        c.check(status == 0, "guest exit status 0", f"status {status}\n" + "\n".join(lines[-20:]))
        c.check(not crash_lines(text), "no uncaught error, fault or driver restart",
                "\n".join(crash_lines(text)[:5]))
        return text
