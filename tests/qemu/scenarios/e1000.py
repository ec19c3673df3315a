"""The e1000 driver (js-drivers/dev/e1000.js) against QEMU's device models,
with a host peer on a socket netdev bound to 127.0.0.1 (tools/jsklib/netpeer.py)
and the guest app tests/qemu/apps/e1000_peer.js, which the peer drives with
control frames."""
import contextlib
import tempfile
import time
from pathlib import Path

from scenario import APPS, APP_TIMEOUT, Qmp, machine, needs_services, ready, scenario, wait_exit
from jsklib import app as jsk_app
from jsklib import netpeer

APP = APPS / "e1000_peer.js"
SIZES = [60, 61, 64, 65, 100, 127, 128, 256, 511, 512, 1000, 1023, 1024, 1499, 1500, 1513, 1514]
FOREIGN = bytes.fromhex("020000000099")          # a unicast address not the guest's
GROUP = "01:00:5e:00:00:fb"                      # a multicast group the guest joins
OTHER_GROUP = "01:00:5e:7f:00:01"                # one it does not (another hash bit)


@contextlib.contextmanager
def nic_machine(c, tree, transport="stream", nic="e1000", machine_type="q35", qmp=False):
    """QEMU running the peer app, its NIC on a socket netdev whose other end
    is a StreamPeer or DgramPeer; yields (m, peer, guest MAC bytes, qmp)."""
    needs_services()
    peer = netpeer.StreamPeer() if transport == "stream" else netpeer.DgramPeer()
    with tempfile.TemporaryDirectory(prefix="jsk-e1000-") as tmp:
        archive = Path(tmp) / "initrd.cpio"
        jsbc = tree.root / "jsbc"
        jsk_app._mkinitrd().build(archive, app=APP, extras=[],
                                  jsbc=jsbc if jsbc.exists() else None)
        sock = Path(tmp) / "qmp.sock"
        extra = ["-qmp", f"unix:{sock},server=on,wait=off"] if qmp else []
        try:
            with machine(tree, kernel=True, cmdline=jsk_app.app_cmdline(APP, [], None),
                         initrd=[archive], machine=machine_type, net=peer.net, nic=nic,
                         extra=extra) as m:
                peer.accept(30)
                ready(c, m)
                hit = m.console.expect(r"^e1000 peer app ready ([0-9a-f:]{17}) link (\w+)",
                                       APP_TIMEOUT)
                c.check(hit is not None and hit.match.group(2) == "true",
                        "the app holds a netif with the link up", hit and hit.match.group(0))
                mac = netpeer.mac_bytes(hit.match.group(1)) if hit else netpeer.BROADCAST
                q = Qmp(sock) if qmp else None
                try:
                    yield m, peer, mac, q
                finally:
                    if q:
                        q.close()
        finally:
            peer.close()


def hello(c, peer, mac, model):
    h = peer.control(mac, {"cmd": "hello"})
    if not c.check(h is not None, "the app answers a control frame (hello)"):
        return None
    running = [d for d in h["drivers"] if d["name"] == "e1000"]
    c.check(running and running[0]["state"] == "running", "drivers.list(): e1000 running",
            running and f"{running[0]['state']} on {running[0]['device']}")
    c.check(h["name"] == "eth0" and h["mtu"] == 1500 and h["link"] is True,
            "netif name eth0, mtu 1500, link true", f"{h['name']} {h['mtu']} {h['link']}")
    c.check(h["mac"] == ":".join(f"{b:02x}" for b in mac), "netif.mac is the console's MAC")
    errors = h["errors"]
    c.check(errors["oversize"] == "RangeError: e1000: frame of 1515 bytes is longer than 1514 "
            "(MTU 1500 + 14-byte header, without FCS)", "a 1515-byte frame: RangeError",
            errors["oversize"])
    c.check(errors["undersize"] == "RangeError: e1000: frame of 13 bytes is shorter than an "
            "Ethernet header (14)", "a 13-byte frame: RangeError", errors["undersize"])
    c.check(errors["type"].startswith("TypeError: e1000: send(frame) wants a Uint8Array"),
            "a string: TypeError", errors["type"])
    c.check(errors["event"].startswith("Error: e1000: no event 'nope'"),
            "an unknown event: Error", errors["event"])
    return h


def burst(peer, mac, sizes, count, start=0):
    frames = [netpeer.data_frame(mac, start + i, sizes[i % len(sizes)]) for i in range(count)]
    peer.send_many(frames)
    return frames


def collect_echoes(peer, count, timeout, idle=20):
    """The next `count` data frames from the guest (control frames skipped),
    starting with those met while waiting for a control answer; gives up
    after `timeout` s, or `idle` s without a frame."""
    skipped = getattr(peer, "skipped", [])
    got = [f for f in skipped if netpeer.parse_data(f)][:count]
    peer.skipped = [f for f in skipped if not netpeer.parse_data(f)]
    deadline = time.monotonic() + timeout
    while len(got) < count:
        frame = peer.recv(max(0.0, min(idle, deadline - time.monotonic())))
        if frame is None:
            break
        if netpeer.parse_data(frame) is not None:
            got.append(frame)
        else:
            peer.skipped.append(frame)     # a control answer: wait_control finds it
    return got


def check_echoes(c, what, sent, echoes, guest_mac):
    c.check(len(echoes) == len(sent), f"{what}: every frame echoed",
            f"{len(echoes)} of {len(sent)}")
    wrong = []
    for i, (s, e) in enumerate(zip(sent, echoes)):
        if e[:6] != s[6:12] or e[6:12] != guest_mac or e[12:] != s[12:]:
            wrong.append(i)
    c.check(not wrong, f"{what}: echoes intact and in order (addresses swapped)",
            wrong and f"first wrong at {wrong[0]}: {len(wrong)} wrong")


def guest_stats(c, peer, mac):
    s = peer.control(mac, {"cmd": "stats"})
    c.check(s is not None, "the app reports its counters")
    return s or {}


@scenario("qemu.e1000_frames")
def e1000_frames(c, tree):
    """Frames of every size class (60..1514) and a 1200-frame burst from the
    peer reach the app intact and in order and come back echoed; frames the
    guest sends (all sizes, short ones padded to 60) reach the peer intact;
    the send() errors; unicast, promiscuous, broadcast and multicast
    filtering; the driver's counters against what was sent."""
    with nic_machine(c, tree) as (m, peer, mac, _):
        if hello(c, peer, mac, "82540EM") is None:
            return m.console.text()
        sent = burst(peer, mac, SIZES, 3 * len(SIZES))
        check_echoes(c, f"{len(sent)} frames of {len(SIZES)} sizes 60..1514", sent,
                     collect_echoes(peer, len(sent), 60), mac)
        sent2 = burst(peer, mac, SIZES, 1200, start=len(sent))
        check_echoes(c, "a burst of 1200 frames", sent2, collect_echoes(peer, 1200, 120), mac)
        s = guest_stats(c, peer, mac)
        total = len(sent) + len(sent2)
        c.check(s.get("received") == total and s.get("bad") == 0 and s.get("outOfOrder") == 0,
                f"the app saw all {total} frames intact, in order",
                f"received {s.get('received')} bad {s.get('bad')} "
                f"out of order {s.get('outOfOrder')}")
        n = s.get("netif", {})
        c.check(n.get("rxFrames", 0) >= total and n.get("rxErrors") == 0 and
                n.get("rxNoListener") == 0, "netif.stats(): rxFrames counts them, no errors",
                f"rxFrames {n.get('rxFrames')} rxErrors {n.get('rxErrors')}")
        rx_bytes = sum(len(f) for f in sent + sent2)
        c.check(n.get("rxBytes", 0) >= rx_bytes, "rxBytes counts their bytes",
                f"{n.get('rxBytes')} >= {rx_bytes}")
        c.check(n.get("hw", {}).get("rxGood", 0) >= total and n["hw"].get("txGood", 0) >= total,
                "the device's own counters (GPRC, GPTC) agree",
                f"rxGood {n.get('hw', {}).get('rxGood')} txGood {n.get('hw', {}).get('txGood')}")

        # guest -> peer: every size, each frame with its own pattern
        peer.drain()
        peer.skipped = []
        count = 4 * len(SIZES)
        r = peer.control(mac, {"cmd": "send", "count": count, "sizes": SIZES, "fresh": True},
                         timeout=60)
        got = collect_echoes(peer, count, 30)
        c.check(r is not None and r["refused"] == 0, "the guest sent them (no refusal)",
                r and f"refused {r['refused']}")
        ok = [netpeer.parse_data(f) for f in got]
        c.check(len(got) == count and all(x[1] for x in ok) and
                [x[0] for x in ok] == list(range(count)) and
                [len(f) for f in got] == [SIZES[i % len(SIZES)] for i in range(count)],
                f"{count} guest frames of every size arrive intact, in order, sizes exact",
                f"{len(got)} arrived")
        for length in (14, 20, 59):
            peer.skipped = []
            r = peer.control(mac, {"cmd": "raw", "length": length})
            f = collect_echoes(peer, 1, 10)
            want = None
            if f:
                want = f[0][14:length] == bytes((k - 13) & 0xFF for k in range(14, length)) \
                    and f[0][length:] == bytes(60 - length)
            c.check(r and r["result"] == "no error" and f and len(f[0]) == 60 and want,
                    f"a {length}-byte frame goes out padded with zeros to 60",
                    f and f"{len(f[0])} bytes")

        # filtering: foreign unicast, promiscuous, broadcast, multicast
        peer.control(mac, {"cmd": "reset"})

        def delivered(dst, seq):
            peer.skipped = []
            peer.send(netpeer.data_frame(dst, seq, 64))
            peer.control(mac, {"cmd": "stats"})   # answered after the frame above
            return bool(collect_echoes(peer, 1, 3))

        c.check(not delivered(FOREIGN, 0), "a frame to another unicast MAC is filtered out")
        r = peer.control(mac, {"cmd": "promisc", "on": True})
        c.check(r and r["on"] is True, "setPromiscuous(true)")
        time.sleep(1.2)   # QEMU's e1000 pauses receiving for 1 s after an RCTL write
        c.check(delivered(FOREIGN, 0), "promiscuous: the foreign frame is delivered")
        peer.control(mac, {"cmd": "promisc", "on": False})
        time.sleep(1.2)
        c.check(not delivered(FOREIGN, 1), "promiscuous off: filtered again")
        c.check(delivered(netpeer.BROADCAST, 1), "broadcast is delivered")
        c.check(not delivered(netpeer.mac_bytes(GROUP), 2), "an unjoined multicast group is not")
        r = peer.control(mac, {"cmd": "multicast", "list": [GROUP]})
        c.check(r and r["list"] == [GROUP], "setMulticast([group])")
        c.check(delivered(netpeer.mac_bytes(GROUP), 2), "the joined group is delivered")
        c.check(not delivered(netpeer.mac_bytes(OTHER_GROUP), 3), "another group is not")
        peer.control(mac, {"cmd": "exit"})
        wait_exit(c, m, 0)
        return m.console.text()


@scenario("qemu.e1000_link")
def e1000_link(c, tree):
    """QMP set_link net0 off/on: the driver sees the link status change
    interrupt (LSC) and netif users get 'link' events (false, then true);
    while the link is down send() returns false and counts txNoLink; traffic
    flows again once it is back."""
    with nic_machine(c, tree, qmp=True) as (m, peer, mac, qmp):
        if hello(c, peer, mac, "82540EM") is None:
            return m.console.text()
        qmp.execute("set_link", name="net0", up=False)
        hit = m.console.expect(r"^link false netif.link false", 20)
        c.check(hit is not None, "set_link off: a 'link' event (false), netif.link false")
        hit = m.console.expect(r"^send while down (\w+) txNoLink (\d+)", 20)
        c.check(hit is not None and hit.match.group(1) == "false" and hit.match.group(2) == "1",
                "send() while down returns false, counted in txNoLink",
                hit and hit.match.group(0).strip())
        qmp.execute("set_link", name="net0", up=True)
        hit = m.console.expect(r"^link true netif.link true", 20)
        c.check(hit is not None, "set_link on: a 'link' event (true), netif.link true")
        c.check(peer.wait_control("link", 20) is not None,
                "the app's first frame after the link came back reaches the peer")
        sent = burst(peer, mac, SIZES, 100)
        check_echoes(c, "traffic after the link came back", sent,
                     collect_echoes(peer, len(sent), 60), mac)
        s = guest_stats(c, peer, mac)
        c.check(s.get("links") == [False, True] and s.get("netif", {}).get("linkChanges") == 2,
                "the events were false, true; linkChanges 2",
                f"{s.get('links')} {s.get('netif', {}).get('linkChanges')}")
        peer.control(mac, {"cmd": "exit"})
        wait_exit(c, m, 0)
        return m.console.text()


@scenario("qemu.e1000_reload")
def e1000_reload(c, tree):
    """drivers.reload('e1000') twice during a 5000-frame burst (from inside
    the receive listener, i.e. the driver's own interrupt handler, and from
    a timer): every frame the peer sent reaches the app or is counted as
    dropped, every echo the old driver accepted reaches the peer or is
    counted in txDropped, in order; the counters survive the reload
    (handover) and traffic goes on with the new version. Then drivers.stop
    and start: the held netif throws meanwhile, then a cold start."""
    with nic_machine(c, tree) as (m, peer, mac, _):
        if hello(c, peer, mac, "82540EM") is None:
            return m.console.text()
        # The listener's reload comes first: a timer may only run once the
        # burst is over: a timer set from inside a driver callback runs when
        # the program's current wait (epoll_wait) ends, which does not notice
        # new timers (see docs/e1000.md).
        points = [{"at": 600, "sync": True}, {"at": 1000, "sync": False}]
        c.check(peer.control(mac, {"cmd": "reloadAt", "points": points}) is not None,
                "the app will reload the driver at frame 600 (from its receive listener) "
                "and at 1000 (from a timer)")
        total = 5000    # more than the receive ring: QEMU holds the rest during a reload
        sent = burst(peer, mac, SIZES, total)
        echoes = collect_echoes(peer, total, 120)
        reloaded = []
        while len(reloaded) < 2:
            r = peer.wait_control("reloaded", 30)
            if r is None:
                break
            reloaded.append(r["result"])
        for point in points:
            result = [r for r in reloaded if r.get("at") == point["at"]]
            result = result[0] if result else None
            c.check(result is not None and result.get("ok") is True,
                    f"drivers.reload('e1000') at frame {point['at']} "
                    f"({'inside the listener' if point['sync'] else 'from a timer'}) succeeded",
                    result and f"ok {result.get('ok')} in {result.get('ms', 0):.1f} ms, "
                    f"after {result.get('received')} frames {result.get('error', '')}")
        s = guest_stats(c, peer, mac)
        n = s.get("netif", {})
        c.note(f"netif.stats() {n}")
        dropped = n.get("rxNoListener", 0) + n.get("rxErrors", 0) + n.get("hw", {}).get("missed", 0)
        c.check(s.get("received", 0) + dropped == total and s.get("bad") == 0 and
                s.get("outOfOrder") == 0,
                f"all {total} peer frames delivered (or counted as dropped), intact, in order",
                f"received {s.get('received')}, dropped {dropped}, bad {s.get('bad')}, "
                f"out of order {s.get('outOfOrder')}")
        accepted = s.get("echoed", 0) - s.get("backlog", 0)
        c.check(len(echoes) + n.get("txDropped", 0) == accepted,
                "every echo the driver accepted arrived or is counted in txDropped",
                f"{len(echoes)} arrived + {n.get('txDropped')} dropped vs {accepted} accepted")
        seqs = [netpeer.parse_data(f)[0] for f in echoes]
        c.check(seqs == sorted(seqs) and all(netpeer.parse_data(f)[1] for f in echoes),
                "the echoes arrived intact and in order")
        c.check(n.get("warmStarts") == 2, "two warm starts (each new version took the handover)",
                f"warmStarts {n.get('warmStarts')}; the stopping versions handed over "
                f"{n.get('rxAtStop')} frames from their rings")
        c.check(n.get("rxFrames", 0) >= total and n.get("txFrames", 0) >= len(echoes),
                "netif.stats() kept counting across the reload (handover)",
                f"rxFrames {n.get('rxFrames')} txFrames {n.get('txFrames')}")
        h = hello(c, peer, mac, "82540EM")
        e = h and [d for d in h["drivers"] if d["name"] == "e1000"][0]
        c.check(e and e["restarts"] == 0 and e["lastError"] is None,
                "e1000 running, no restart, no error", e and str(e))
        more = burst(peer, mac, SIZES, 300, start=total)
        check_echoes(c, "300 more frames with the new version", more,
                     collect_echoes(peer, 300, 60), mac)
        # Stopped and started again (no handover): a cold start, with a reset.
        r = peer.control(mac, {"cmd": "stopStart"})
        c.check(r is not None and r["whileStopped"] ==
                "Error: netif: driver e1000 is not running" and r["linkStopped"] == "undefined",
                "while stopped, the held netif throws on send and reads undefined",
                r and f"{r['whileStopped']}, link {r['linkStopped']}")
        c.check(r is not None and r["stats"]["warmStarts"] == 0 and r["stats"]["rxFrames"] == 0
                and r["link"] is True, "started again cold: counters from zero, link up",
                r and f"warmStarts {r['stats']['warmStarts']} rxFrames {r['stats']['rxFrames']}")
        peer.control(mac, {"cmd": "reset"})
        again = burst(peer, mac, SIZES, 300, start=0)
        check_echoes(c, "300 frames after the cold start", again,
                     collect_echoes(peer, 300, 60), mac)
        peer.control(mac, {"cmd": "exit"})
        wait_exit(c, m, 0)
        return m.console.text()


def model_scenario(nic, machine_type, transport, device_id):
    def run(c, tree):
        with nic_machine(c, tree, transport=transport, nic=nic,
                         machine_type=machine_type) as (m, peer, mac, _):
            h = hello(c, peer, mac, nic)
            if h is None:
                return m.console.text()
            # In chunks, each echoed before the next: a datagram the guest
            # cannot take yet would wait in a host socket buffer.
            for chunk in range(4):
                sent = burst(peer, mac, SIZES, 100, start=100 * chunk)
                check_echoes(c, f"chunk {chunk + 1} of 4 (100 frames)", sent,
                             collect_echoes(peer, 100, 60), mac)
            r = peer.control(mac, {"cmd": "send", "count": 200, "sizes": SIZES, "fresh": True},
                             timeout=60)
            got = collect_echoes(peer, 200, 30)
            ok = [netpeer.parse_data(f) for f in got]
            c.check(r is not None and len(got) == 200 and all(x[1] for x in ok) and
                    [x[0] for x in ok] == list(range(200)),
                    "200 guest frames arrive intact and in order", f"{len(got)} arrived")
            peer.control(mac, {"cmd": "exit"})
            wait_exit(c, m, 0)
            text = m.console.text()
            return text

    run.__doc__ = (f"The {nic} ({device_id}) on the {machine_type} machine over a "
                   f"{transport} socket netdev: frames both ways, intact and in order")
    return run


scenario("qemu.e1000_82545em")(model_scenario("e1000-82545em", "q35", "dgram", "8086:100f"))
scenario("qemu.e1000_pc")(model_scenario("e1000", "pc", "stream", "8086:100e"))
