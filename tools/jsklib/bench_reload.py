"""`jsk bench reload`: hot-reload time of a driver pushed over COM2.

Boots the REPL on the -kernel path with COM2 on a socket of its own, adds
the tutorial's RTC driver (js-drivers/examples/rtc.js) with one push, then
pushes it --runs more times: each is a full reload (quiesce, stop, close,
evaluate, start). Prints the median in-guest time (the guest's own measure)
and the host round trip (send to answer)."""
import tempfile
from pathlib import Path

from . import push, qemu
from .bench import Table, benchmark, machine_description
from .console import READY_RE

DRIVER = Path(__file__).resolve().parents[2] / "js-drivers" / "examples" / "rtc.js"


def _args(p):
    p.add_argument("--runs", type=int, default=10, help="reloads (default 10)")
    p.add_argument("--file", default=str(DRIVER), help="the driver pushed (default: the RTC example)")
    p.add_argument("--boot-timeout", type=float, default=60)


@benchmark("reload", "driver hot reload over COM2: in-guest and round trip", _args)
def reload(tree, args):
    if args.runs < 1:
        raise SystemExit("jsk: --runs must be at least 1")
    accel = qemu.accel_from_env()
    tree.require(tree.elf, tree.initrd)
    source = Path(args.file).read_bytes()
    name = push.driver_name(args.file, source)
    guest, rtt = [], []
    with tempfile.TemporaryDirectory() as tmp:
        cfg = qemu.QemuConfig(tree, kernel=True, accel=accel, serial="stdio",
                              com2=str(Path(tmp) / "com2.sock"))
        cfg.prepare()
        with qemu.Machine(cfg) as m:
            if m.console.expect(READY_RE.pattern, args.boot_timeout) is None or \
                    m.console.expect_prompt("> ", args.boot_timeout) is None:
                raise SystemExit("jsk: no REPL prompt; console:\n" + m.console.tail(40))
            with push.connect(cfg.com2, 5) as s:
                for i in range(args.runs + 1):
                    ok, g, message, r = push.push(s, name, source, 10)
                    if not ok:
                        raise SystemExit(f"jsk: push {i + 1} failed: {message}")
                    if i > 0:  # the first push adds the driver
                        guest.append(g)
                        rtt.append(r)
    t = Table()
    t.add("reload, in-guest (ms)", guest, limit=50.0 if accel == "tcg" else None,
          target="<= 50 (TCG)")
    t.add("push round trip (ms)", rtt, fmt="{:.1f}")
    print(f"jsk bench reload: {name} ({len(source)} bytes), {args.runs} reloads")
    print("machine: " + machine_description(accel))
    print(t.render())
    return 0
