"""`jsk bench net-loopback`: TCP throughput and UDP round trips over
127.0.0.1 through the socket system calls, on bare metal (the JS stack in
js-drivers/net) and hosted (build/unode on Linux's loopback, for scale).

Runs tests/bench/net/loopback.js, which times in the guest (clock_gettime)
an 8 MiB transfer between two non-blocking sockets of the same program
driven by epoll, and 5000 UDP datagrams of 512 bytes sent and received one
by one. Boot and the host side are left out."""
import re
import subprocess
import sys
from pathlib import Path

from . import qemu
from .bench import Table, benchmark, machine_description

APP = Path(__file__).resolve().parents[2] / "tests" / "bench" / "net" / "loopback.js"
JSK = Path(__file__).resolve().parents[1] / "jsk"
PASS = re.compile(r"^pass (tcp|udp) (\d+) ([\d.]+)$", re.M)


def _args(p):
    p.add_argument("--runs", type=int, default=3, help="passes (default 3)")
    p.add_argument("--mib", type=int, default=8, help="MiB per TCP pass (default 8)")
    p.add_argument("--no-host", action="store_true", help="skip the hosted (Linux) figures")


def _figures(out, runs):
    tcp, udp = [], []
    for kind, amount, ms in PASS.findall(out):
        ms = max(float(ms), 1e-3)
        if kind == "tcp":
            tcp.append(int(amount) / 1048576 / (ms / 1000))
        else:
            udp.append(int(amount) / (ms / 1000))
    if len(tcp) != runs or len(udp) != runs:
        return None
    return tcp, udp


@benchmark("net-loopback", "TCP MiB/s and UDP datagrams/s over 127.0.0.1 (bare metal and hosted)",
           _args)
def net_loopback(tree, args):
    if args.runs < 1 or args.mib < 1:
        raise SystemExit("jsk: want --runs >= 1 and --mib >= 1")
    accel = qemu.accel_from_env()
    tree.require(tree.elf, tree.initrd)
    cmd = [sys.executable, str(JSK), "run", "--no-build", "--build-dir", str(tree.root),
           "--timeout", "600", str(APP), str(args.runs), str(args.mib)]
    out = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                         timeout=660)
    metal = _figures(out.stdout, args.runs)
    if out.returncode != 0 or metal is None:
        raise SystemExit(f"jsk: {' '.join(cmd)} failed (status {out.returncode}):\n"
                         f"{out.stdout}{out.stderr}")
    t = Table()
    t.add("bare metal TCP (MiB/s)", metal[0], fmt="{:.1f}")
    t.add("bare metal UDP (dgrams/s)", metal[1], fmt="{:.0f}")
    if not args.no_host:
        unode = tree.root / "unode"
        host = subprocess.run([str(unode), str(APP), str(args.runs), str(args.mib)],
                              stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=300)
        hosted = _figures(host.stdout, args.runs)
        if host.returncode != 0 or hosted is None:
            raise SystemExit(f"jsk: hosted {unode} failed (status {host.returncode}):\n"
                             f"{host.stdout}{host.stderr}")
        t.add("hosted Linux TCP (MiB/s)", hosted[0], fmt="{:.1f}")
        t.add("hosted Linux UDP (dgrams/s)", hosted[1], fmt="{:.0f}")
    print(f"jsk bench net-loopback: {args.runs} passes, {args.mib} MiB per TCP pass, "
          "5000 UDP round trips of 512 bytes per pass")
    print("machine: " + machine_description(accel))
    print(t.render())
    return 0
