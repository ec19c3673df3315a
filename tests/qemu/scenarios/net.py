"""Network scenarios: the TCP/IP stack in js-drivers/net serving the socket
system calls on bare metal (docs/net.md). tests/qemu/apps/net_loopback.js
uses only raw system calls and also runs hosted on Linux (js.net_loopback),
so both answer alike."""
from scenario import app_transcript, jsk_run, scenario


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
