"""`jsk bench net-raw`: raw Ethernet frames through the e1000 driver.

Boots tests/qemu/apps/e1000_peer.js with the NIC on a socket netdev whose
other end is a host peer on 127.0.0.1 (tools/jsklib/netpeer.py, stream
framing by default), turns the app's echo and byte checks off, and for each
frame size measures:

guest -> peer   the app sends --frames frames as fast as send() takes them;
                frames/s from the guest's clock (first send to last accepted;
                QEMU's e1000 transmits inside the TDT write, so accepted is
                sent), and the host's count of arrivals as a check
peer -> guest   the peer writes --frames frames at once; frames/s from the
                guest's clock, first to last frame seen by the app

Then (unless --no-profile) the same with a quarter of the frames and the
driver's profile on (netif.profile()): the time per phase of its hot paths,
the app's time inside netif.send (the proxy and the driver), and the rest of
the guest's time (the app's loop, the event pump, the IRQ guard, idle).
"""
import struct
import tempfile
import time
from pathlib import Path

from . import app as jsk_app
from . import netpeer, qemu
from .bench import benchmark, machine_description

APP = Path(__file__).resolve().parents[2] / "tests" / "qemu" / "apps" / "e1000_peer.js"


def _args(p):
    p.add_argument("--frames", type=int, default=20000, help="frames per run (default 20000)")
    p.add_argument("--sizes", default="64,1514", help="frame sizes (default 64,1514)")
    p.add_argument("--transport", choices=("stream", "dgram"), default="stream",
                   help="the socket netdev (default stream: lossless)")
    p.add_argument("--nic", choices=qemu.NIC_MODELS, default="e1000")
    p.add_argument("--no-profile", dest="profile", action="store_false",
                   help="skip the profiled pass")
    p.add_argument("--boot-timeout", type=float, default=60)


class Guest:
    def __init__(self, peer, mac):
        self.peer, self.mac = peer, mac

    def control(self, message, timeout=120):
        r = self.peer.control(self.mac, message, timeout=timeout)
        if r is None:
            raise SystemExit(f"jsk: the guest did not answer {message['cmd']!r}")
        return r


def guest_to_peer(g, count, size, timed=False):
    """(guest ms, host frames received, host ms first to last, refused, the
    reply)."""
    g.peer.drain()
    g.peer.skipped = []
    r = g.control({"cmd": "send", "count": count, "sizes": [size], "fresh": False,
                   "timed": timed})
    arrivals = [t for t, f in g.peer.drain() if netpeer.parse_data(f) is not None]
    arrivals += [time.monotonic() for f in g.peer.skipped if netpeer.parse_data(f)]
    deadline = time.monotonic() + 60
    while len(arrivals) < count and time.monotonic() < deadline:
        got = g.peer.recv_timed(1)
        if got and netpeer.parse_data(got[1]) is not None:
            arrivals.append(got[0])
    host_ms = (max(arrivals) - min(arrivals)) * 1000 if len(arrivals) > 1 else 0
    return r["guestMs"], len(arrivals), host_ms, r["refused"], r


def peer_to_guest(g, count, size):
    """(guest ms first to last frame, frames the app received)."""
    g.control({"cmd": "reset"})
    template = netpeer.data_frame(g.mac, 0, size)
    for start in range(0, count, 1000):
        g.peer.send_many([template[:14] + struct.pack(">I", seq) + template[18:]
                          for seq in range(start, min(count, start + 1000))])
    s = g.control({"cmd": "stats"}, timeout=120)
    if s["received"] < count:
        n = s["netif"]
        print(f"jsk: {count - s['received']} of {count} {size}-byte frames lost: "
              f"device missed {n['hw']['missed']}, no buffers {n['hw']['noBuffers']}, "
              f"RXO interrupts {n['rxOverruns']}, rxErrors {n['rxErrors']}")
    return s["rxMs"], s["received"]


@benchmark("net-raw", "raw Ethernet frames through the e1000 driver: frames/s and MB/s both ways",
           _args)
def net_raw(tree, args):
    sizes = [int(x) for x in args.sizes.split(",")]
    if any(not 60 <= s <= netpeer.MAX_FRAME for s in sizes) or args.frames < 2:
        raise SystemExit("jsk: sizes must be 60..1514 and --frames at least 2")
    accel = qemu.accel_from_env()
    tree.require(tree.elf, tree.initrd)
    peer = netpeer.StreamPeer() if args.transport == "stream" else netpeer.DgramPeer()
    rows, profiles = [], []
    with tempfile.TemporaryDirectory(prefix="jsk-bench-net-") as tmp:
        archive = Path(tmp) / "initrd.cpio"
        jsbc = tree.root / "jsbc"
        jsk_app._mkinitrd().build(archive, app=APP, extras=[],
                                  jsbc=jsbc if jsbc.exists() else None)
        cfg = qemu.QemuConfig(tree, kernel=True, accel=accel, serial="stdio",
                              cmdline=jsk_app.app_cmdline(APP, [], None), initrd=[archive],
                              net=peer.net, nic=args.nic)
        cfg.prepare()
        try:
            with qemu.Machine(cfg) as m:
                peer.accept(30)
                hit = m.console.expect(r"^e1000 peer app ready ([0-9a-f:]{17})",
                                       args.boot_timeout)
                if hit is None:
                    raise SystemExit("jsk: the app did not start; console:\n" +
                                     m.console.tail(40))
                g = Guest(peer, netpeer.mac_bytes(hit.match.group(1)))
                g.control({"cmd": "echo", "on": False, "verify": False})
                time.sleep(1.2)   # QEMU's e1000 holds frames for 1 s after RCTL is written
                for size in sizes:
                    ms, arrived, host_ms, refused, _ = guest_to_peer(g, args.frames, size)
                    rows.append(("guest -> peer", size, args.frames, ms, arrived, refused))
                    ms, received = peer_to_guest(g, args.frames, size)
                    rows.append(("peer -> guest", size, args.frames, ms, received, 0))
                if args.profile:
                    n = max(2, args.frames // 4)
                    for size in sizes:
                        for direction in ("guest -> peer", "peer -> guest"):
                            g.control({"cmd": "profile", "on": True})
                            table = {}
                            if direction == "guest -> peer":
                                ms, _, _, _, r = guest_to_peer(g, n, size, timed=True)
                                table["app: inside netif.send (proxy + driver)"] = {
                                    "calls": n, "ms": r["inSendMs"]}
                                print(f"(not in the figures: the app's setTimeout(0) from its "
                                      f"listener ran {r['hopMs']:.1f} ms later; docs/e1000.md, "
                                      f"the note on timers)")
                            else:
                                ms = peer_to_guest(g, n, size)[0]
                            p = g.control({"cmd": "profile", "on": False})
                            table.update(p["table"] or {})
                            profiles.append((direction, size, n, ms, table, p["clockReadMs"]))
                g.control({"cmd": "exit"})
                m.wait(30)
        finally:
            peer.close()

    print(f"jsk bench net-raw: {args.frames} frames per run, {args.nic} on a "
          f"{args.transport} socket netdev (127.0.0.1), echo and checks off")
    print("machine: " + machine_description(accel) + " (shared with other jobs: "
          "figures vary with the load)")
    head = f"{'direction':14} {'bytes':>5} {'frames/s':>10} {'MB/s':>8} {'guest ms':>9}   delivered"
    print(head)
    print("-" * len(head))
    for direction, size, count, ms, delivered, refused in rows:
        fps = (count - 1) / ms * 1000 if ms > 0 else 0
        note = f"{delivered}/{count}" + (f", {refused} refused" if refused else "")
        print(f"{direction:14} {size:>5} {fps:>10.0f} {fps * size / 1e6:>8.2f} {ms:>9.1f}   {note}")
    for direction, size, n, ms, table, clock_ms in profiles:
        print(f"\nprofile, {direction}, {size} bytes, {n} frames, {ms:.1f} ms in the guest "
              f"(a clock read costs {clock_ms * 1000:.2f} us, two per phase timed):")
        timed = 0.0
        # the phases not nested in one another (the tx phases are inside
        # netif.send, the rx ones inside pollRx)
        outer = {"app: inside netif.send (proxy + driver)", "irq: ICR read",
                 "irq: pollRx (all of it)"}
        for phase, v in sorted(table.items(), key=lambda kv: -kv[1]["ms"]):
            print(f"  {phase:42} {v['calls']:>8} calls {v['ms']:>9.1f} ms "
                  f"{v['ms'] * 1000 / max(1, v['calls']):>8.2f} us/call")
            if phase in outer:
                timed += v["ms"]
        print(f"  {'the rest (app loop, event pump, IRQ guard, idle)':42} {'':>14} "
              f"{max(0.0, ms - timed):>9.1f} ms")
    return 0
