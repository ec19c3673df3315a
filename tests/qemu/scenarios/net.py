"""Network scenarios: the TCP/IP stack in js-drivers/net serving the socket
system calls on bare metal (docs/net.md). tests/qemu/apps/net_loopback.js
uses only raw system calls and also runs hosted on Linux (js.net_loopback),
so both answer alike."""
import socket
import time

from scenario import APPS, REPO, Skip, app_transcript, jsk_run, scenario
from jsklib import guest_app
from jsklib.qemu import free_port


@scenario("qemu.net_loopback")
def net_loopback(c, tree):
    """TCP echo, half close, errnos (ECONNREFUSED, EADDRINUSE, EAGAIN,
    ENOTCONN), epoll readiness and UDP over 127.0.0.1."""
    status, out, err = jsk_run(c, tree, "net_loopback.js")
    lines = out.decode("utf-8", "replace").splitlines()
    failed = [l for l in lines if l.startswith("FAIL")]
    c.check(status == 0, "status 0", app_transcript(status, out, err))
    c.check(not failed, "no check failed", "\n".join(failed))
    c.check("net_loopback: all passed" in lines, "all passed", app_transcript(status, out, err))
    c.check(sum(1 for l in lines if l.startswith("ok ")) >= 40, "40 checks or more ran",
            str(len(lines)))
    return out.decode("utf-8", "replace")


@scenario("qemu.net_user_tcp")
def net_user_tcp(c, tree):
    """The e1000 driver under QEMU user networking (restrict=on, host forward
    on 127.0.0.1 only): DHCP gives 10.0.2.15, and a host client reaches a
    guest TCP server (tests/qemu/apps/net_user.js) through the forward,
    sends 100 kB, half-closes, and reads the answer."""
    if not (REPO / "js-drivers" / "dev" / "e1000.js").exists():
        raise Skip("js-drivers/dev/e1000.js (branch e1000) is not in this tree yet")
    port = free_port()
    app = guest_app.GuestApp(tree.root, APPS / "net_user.js", ["1"],
                             ["--forward", f"{port}:7000"], timeout=90)
    lines = app.lines
    status = None
    try:
        c.check(app.wait_line("listening", 60), "the guest listens", app.transcript(10))
        payload = bytes((i * 7 + 3) % 26 + 97 for i in range(100000))
        answer = b""
        for attempt in range(40):  # DHCP and ARP may still be under way
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                    s.settimeout(30)
                    s.sendall(payload)
                    s.shutdown(socket.SHUT_WR)
                    while True:
                        chunk = s.recv(65536)
                        if not chunk:
                            break
                        answer += chunk
                break
            except (ConnectionError, socket.timeout) as e:
                print(f"  connect attempt {attempt}: {e}", flush=True)
                answer = b""
                time.sleep(0.5)
        c.check(answer == b"echo: " + payload.upper(), "the host gets the echo of 100 kB",
                f"{len(answer)} bytes: {answer[:40]!r}")
        status = app.wait(60)
    finally:
        app.stop()
    c.check(status == 0, "status 0", f"status {status}\n" + "\n".join(lines[-20:]))
    c.check("accepted 10.0.2.2 -> 10.0.2.15:7000" in lines,
            "DHCP gave 10.0.2.15; the connection came from QEMU's side, 10.0.2.2",
            "\n".join(lines[-20:]))
    return "\n".join(lines)


@scenario("qemu.net_ping")
def net_ping(c, tree):
    """js-drivers/tools/ping.js run as a program: ICMP echo over loopback,
    Linux-like lines, exit status 0 when all were answered."""
    status, out, err = jsk_run(c, tree, "../../../js-drivers/tools/ping.js", "-c", "3", "127.0.0.1")
    lines = out.decode("utf-8", "replace").splitlines()
    c.check(status == 0, "status 0", app_transcript(status, out, err))
    replies = [l for l in lines if l.startswith("64 bytes from 127.0.0.1: icmp_seq=")]
    c.check(len(replies) == 3, "three replies", "\n".join(lines))
    c.check("3 packets transmitted, 3 received, 0% packet loss" in lines, "summary line",
            "\n".join(lines))
    return "\n".join(lines)
