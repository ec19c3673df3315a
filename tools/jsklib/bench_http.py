"""`jsk bench http`: a unode http server on bare metal (tests/bench/http/
server.js: the JS e1000 driver, the JS TCP/IP stack, unode's http), driven
from the host through a forward on 127.0.0.1 (QEMU user networking,
restrict=on):

- requests/s by wrk (Debian package) with keep-alive, 8 connections, for
  --seconds, and the same without keep-alive (`Connection: close`: a new
  TCP connection per request, as the issue's busybox reference was measured);
- the time for a 16 MiB download by curl, --runs times, with its bytes
  hashed and compared with the pattern the server makes.

The issue's reference, a Linux 6.1 guest with busybox httpd on this QEMU
(q35, e1000, TCG): about 200 requests/s without keep-alive and a 16 MiB
download at 45-70 MB/s. --reference measures it too (reference_linux.py:
Debian's kernel and busybox-static on the same QEMU machine): both
machines boot once, and in each of --rounds rounds their phases alternate,
one machine running while the other is stopped (SIGSTOP), so that each
pair of figures is taken seconds apart; the targets are judged by the
pairs' ratios. Both machines' rates move with the host's load (30-40%
within minutes on a shared host), their ratio much less.

--icount runs QEMU with `-icount shift=0`: guest time counts instructions
(1 ns each), so the guest time from a phase's first request to its last
answer (server.js --clock, /clock) gives guest instructions per request
and per download, figures that do not move with the host's load. (Idle
time inside a phase counts too, but wrk and curl keep the guest busy.)
The rates are then not the issue's: QEMU runs slower under icount."""
import hashlib
import os
import re
import shutil
import signal
import statistics
import subprocess
import time
from pathlib import Path

from . import qemu, reference_linux
from .bench import Table, benchmark, machine_description
from .guest_app import GuestApp

APP = Path(__file__).resolve().parents[2] / "tests" / "bench" / "http" / "server.js"
BIG = 16 * 1024 * 1024
BLOCK = 65536
GUEST_PORT = 8080


def big_body_sha256():
    """The hash of server.js's /16m body: 64 KiB blocks of (k * 7) & 0xff,
    each starting with its block number, big-endian."""
    block = bytes((k * 7) & 0xff for k in range(BLOCK))
    h = hashlib.sha256()
    for b in range(BIG // BLOCK):
        h.update(b.to_bytes(4, "big") + block[4:])
    return h.hexdigest()


def _args(p):
    p.add_argument("--runs", type=int, default=3, help="16 MiB downloads (default 3)")
    p.add_argument("--seconds", type=int, default=10, help="seconds per wrk run (default 10)")
    p.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    p.add_argument("--icount", action="store_true",
                   help="QEMU -icount shift=0: report guest instructions per request and per "
                        "download (rates are then not comparable with the targets)")
    p.add_argument("--reference", action="store_true",
                   help="also measure the issue's reference, Linux 6.1 with busybox httpd "
                        "(Debian's packages, fetched into build/reference/), on the same QEMU "
                        "machine, its phases alternated with jskernel's, and judge the targets "
                        "against it")
    p.add_argument("--rounds", type=int, default=1,
                   help="measure this many times (a boot each; with --reference, one boot "
                        "of each machine and their phases alternated per round; default 1)")


class _Curl:
    """curl of a path on 127.0.0.1:self.port."""

    def curl(self, path, *extra, timeout=300):
        return subprocess.run(["curl", "-sS", "--max-time", str(timeout), *extra,
                               f"http://127.0.0.1:{self.port}{path}"],
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout + 10)


class GuestServer(GuestApp, _Curl):
    """server.js through a forward on 127.0.0.1:port."""

    def __init__(self, tree, port, timeout, icount=False):
        options = ["--forward", f"{port}:{GUEST_PORT}"]
        args = [GUEST_PORT]
        if icount:
            options += ["--qemu=-icount", "--qemu=shift=0"]
            args = ["--clock", GUEST_PORT]
        super().__init__(tree.root, APP, args, options, timeout, echo=False)
        self.port = port

    def phase(self):
        """(guest ms, requests) since the last call: server.js's /clock."""
        r = self.curl("/clock", timeout=30)
        parts = r.stdout.split()
        if r.returncode != 0 or len(parts) != 2:
            self.stop()
            raise SystemExit(f"jsk: /clock failed: {r.stdout!r} {r.stderr!r}")
        return float(parts[0]), int(parts[1])

    def wait_listening(self, seconds):
        if not self.wait_line("listening on", seconds):
            self.stop()
            raise SystemExit(f"jsk: the guest server did not start:\n{' '.join(self.cmd)}\n"
                             f"{self.transcript()}")

    def pause(self, stopped):
        """SIGSTOP (True) or SIGCONT (False) to jsk run and its QEMU, a
        process group of their own: the idle machine of --reference
        takes no CPU while the other one is measured."""
        os.killpg(self.proc.pid, signal.SIGSTOP if stopped else signal.SIGCONT)

    def stop(self):
        """Asks the server to end (/quit), then waits; kills it if it will not."""
        if self.proc.poll() is None:
            try:
                self.curl("/quit", timeout=20)
                self.proc.wait(timeout=30)
            except (subprocess.TimeoutExpired, OSError):
                pass
        super().stop()
        return self.proc.returncode


class ReferenceServer(_Curl):
    """The Linux reference's httpd through a forward on 127.0.0.1:port."""

    def __init__(self, tree, port, accel):
        self.description = reference_linux.prepare(tree.root)[2]
        self.port = port
        self.machine = reference_linux.start(tree, port, accel)

    def transcript(self, n=30):
        return self.machine.console.tail(n)

    def pause(self, stopped):
        self.machine.proc.send_signal(signal.SIGSTOP if stopped else signal.SIGCONT)

    def stop(self):
        self.pause(False)
        self.machine.stop()


def _wait_ready(server):
    """The first request can wait for DHCP and ARP: retried for a while."""
    for _ in range(60):
        r = server.curl("/", timeout=10)
        if r.returncode == 0 and r.stdout == b"hello, world\n":
            return
        time.sleep(0.5)
    server.stop()
    raise SystemExit(f"jsk: no answer from the guest server:\n{server.transcript()}")


WRK_RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.M)
WRK_ERRORS = re.compile(r"^\s+(Non-2xx or 3xx responses|Socket errors):.*$", re.M)


def _wrk(server, args, keep_alive):
    cmd = ["wrk", "-t", "2", "-c", str(args.connections), "-d", f"{args.seconds}s",
           "--timeout", "10s"]
    if not keep_alive:
        cmd += ["-H", "Connection: close"]
    cmd.append(f"http://127.0.0.1:{server.port}/")
    out = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                         timeout=args.seconds + 60)
    m = WRK_RATE.search(out.stdout)
    if out.returncode != 0 or not m:
        server.stop()
        raise SystemExit(f"jsk: {' '.join(cmd)} failed (status {out.returncode}):\n"
                         f"{out.stdout}{out.stderr}")
    problems = [e.group(0).strip() for e in WRK_ERRORS.finditer(out.stdout)]
    return float(m.group(1)), problems


def _download(server, expected):
    """Seconds for one 16 MiB download, its bytes checked: against the
    pattern (expected: its sha256), or only their count (None: the
    reference's zeros)."""
    t0 = time.monotonic()
    r = server.curl("/16m", timeout=300)
    took = time.monotonic() - t0
    digest = hashlib.sha256(r.stdout).hexdigest()
    if r.returncode != 0 or len(r.stdout) != BIG or (expected and digest != expected):
        server.stop()
        raise SystemExit(f"jsk: the 16 MiB download failed: curl status {r.returncode}, "
                         f"{len(r.stdout)} bytes, sha256 {digest} (want {expected})\n"
                         f"{r.stderr.decode('utf-8', 'replace')}")
    return took


def _measure(tree, args, expected, figures, notes, instructions):
    """One boot of server.js: wrk with and without keep-alive, then --runs
    downloads; the figures are appended to `figures`."""
    budget = 120 + 2 * (args.seconds + 20) + args.runs * 320
    server = GuestServer(tree, qemu.free_port(), budget, args.icount)

    def per_request(key, run):
        # Guest instructions per request of a phase (1 ns each under icount).
        if args.icount:
            server.phase()
        result = run()
        if args.icount:
            ms, n = server.phase()
            instructions[key].append(ms * 1e6 / max(1, n))
        return result

    try:
        server.wait_listening(120)
        _wait_ready(server)
        print(f"jsk bench http: wrk, {args.connections} connections, {args.seconds} s, "
              "keep-alive ...", flush=True)
        rate_ka, problems_ka = per_request("ka", lambda: _wrk(server, args, keep_alive=True))
        print("jsk bench http: wrk without keep-alive ...", flush=True)
        rate_close, problems_close = per_request(
            "close", lambda: _wrk(server, args, keep_alive=False))
        notes += [f"keep-alive: {p}" for p in problems_ka]
        notes += [f"no keep-alive: {p}" for p in problems_close]
        for run in range(args.runs):
            print(f"jsk bench http: 16 MiB download {run + 1}/{args.runs} ...", flush=True)
            if args.icount:
                server.phase()
            figures["download"].append(_download(server, expected))
            if args.icount:
                instructions["download"].append(server.phase()[0] * 1e6)
    finally:
        status = server.stop()
    if status != 0:
        raise SystemExit(f"jsk: the guest server ended with status {status}:\n"
                         f"{server.transcript()}")
    figures["ka"].append(rate_ka)
    figures["close"].append(rate_close)


def _compare(tree, args, accel, expected, ours, ref, ratios, notes):
    """--reference: jskernel's server and the reference booted once each,
    then per round, one machine running at a time (the other stopped with
    SIGSTOP), phases paired back to back: jskernel's keep-alive rate and
    the reference's rate, then jskernel's rate without keep-alive, then
    both machines' downloads. A pair is seconds apart, so both halves see
    much the same host. Returns the reference's description."""
    rounds_time = args.rounds * (3 * args.seconds + 2 * args.runs * 60 + 60)
    server = GuestServer(tree, qemu.free_port(), 300 + rounds_time, False)
    reference = None
    try:
        server.wait_listening(120)
        _wait_ready(server)
        server.pause(True)
        print("jsk bench http: booting the reference ...", flush=True)
        reference = ReferenceServer(tree, qemu.free_port(), accel)
        _wait_ready(reference)
        reference.pause(True)

        def alone(machine, run):
            machine.pause(False)
            try:
                return run()
            finally:
                machine.pause(True)

        for rnd in range(args.rounds):
            print(f"jsk bench http: round {rnd + 1}/{args.rounds}: wrk with keep-alive, the "
                  "reference's wrk, wrk without keep-alive, downloads ...", flush=True)
            rate_ka, problems = alone(server, lambda: _wrk(server, args, keep_alive=True))
            notes += [f"keep-alive: {p}" for p in problems]
            rate_ref, problems = alone(reference, lambda: _wrk(reference, args, keep_alive=False))
            notes += [f"reference: {p}" for p in problems]
            rate_close, problems = alone(server, lambda: _wrk(server, args, keep_alive=False))
            notes += [f"no keep-alive: {p}" for p in problems]
            mine = alone(server, lambda: [_download(server, expected)
                                                for _ in range(args.runs)])
            theirs = alone(reference, lambda: [_download(reference, None)
                                                     for _ in range(args.runs)])
            ours["ka"].append(rate_ka)
            ours["close"].append(rate_close)
            ours["download"] += mine
            ref["close"].append(rate_ref)
            ref["download"] += theirs
            ratios.append((rate_ka / rate_ref, statistics.median(theirs) / statistics.median(mine)))
            print(f"jsk bench http: round {rnd + 1}: keep-alive {rate_ka:.0f}/s, the reference's "
                  f"{rate_ref:.0f}/s (x{ratios[-1][0]:.2f}); download {ratios[-1][1]:.2f} of "
                  "the reference's rate", flush=True)
    finally:
        if reference is not None:
            reference.stop()
        server.pause(False)
        status = server.stop()
    if status != 0:
        raise SystemExit(f"jsk: the guest server ended with status {status}:\n"
                         f"{server.transcript()}")
    return reference.description


@benchmark("http", "requests/s (wrk) and a 16 MiB download (curl) from a unode http server "
           "on bare metal", _args)
def http(tree, args):
    if args.runs < 1 or args.seconds < 1 or args.connections < 1 or args.rounds < 1:
        raise SystemExit("jsk: want --runs, --seconds, --connections and --rounds >= 1")
    if args.icount and args.reference:
        raise SystemExit("jsk: --icount and --reference do not go together (under icount "
                         "QEMU runs slower: no rate is comparable)")
    for tool in ("wrk", "curl"):
        if shutil.which(tool) is None:
            raise SystemExit(f"jsk: {tool} is not installed (tools/jsk setup installs it)")
    accel = qemu.accel_from_env()
    tree.require(tree.elf, tree.initrd)
    if args.reference:
        reference_linux.prepare(tree.root)  # before any timing: it may download
    expected = big_body_sha256()
    notes = []
    ours = {"ka": [], "close": [], "download": []}
    ref = {"close": [], "download": []}
    instructions = {"ka": [], "close": [], "download": []}
    ratios = []  # per round: (keep-alive / reference's rate, download rate / reference's)
    description = None
    if args.reference:
        description = _compare(tree, args, accel, expected, ours, ref, ratios, notes)
    for rnd in range(0 if args.reference else args.rounds):
        if args.rounds > 1:
            print(f"jsk bench http: round {rnd + 1}/{args.rounds}", flush=True)
        _measure(tree, args, expected, ours, notes, instructions)
    t = Table()
    t.add("requests/s, keep-alive", ours["ka"], fmt="{:.0f}")
    t.add("requests/s, no keep-alive", ours["close"], fmt="{:.0f}")
    t.add("16 MiB download (s)", ours["download"], fmt="{:.2f}")
    t.add("16 MiB download (MB/s)", [BIG / 1e6 / s for s in ours["download"]], fmt="{:.2f}")
    if args.icount:
        t.add("keep-alive request (M instr)", [i / 1e6 for i in instructions["ka"]],
              fmt="{:.3f}")
        t.add("no keep-alive req. (M instr)",
              [i / 1e6 for i in instructions["close"]], fmt="{:.3f}")
        t.add("16 MiB download (G instr)", [i / 1e9 for i in instructions["download"]],
              fmt="{:.3f}")
    if args.reference:
        t.add("reference: requests/s", ref["close"], fmt="{:.0f}")
        t.add("reference: 16 MiB (MB/s)", [BIG / 1e6 / s for s in ref["download"]],
              fmt="{:.2f}")
        t.add("keep-alive / ref. requests", [r[0] for r in ratios], fmt="{:.2f}",
              target=">= 2")
        t.add("download rate / reference's", [r[1] for r in ratios], fmt="{:.2f}",
              target=">= 0.5")
    print(f"jsk bench http: wrk with {args.connections} connections for {args.seconds} s per "
          f"mode, {args.runs} downloads of 16 MiB (bytes checked)"
          + (f", {args.rounds} rounds" if args.rounds > 1 else ""))
    print("machine: " + machine_description(accel) +
          (", -icount shift=0 (guest time is instructions)" if args.icount else ""))
    print(t.render())
    for n in notes:
        print("note: wrk reported " + n)
    if args.icount:
        print("under -icount QEMU runs slower: the rates above are not comparable with the "
              "targets; the instruction counts are")
        return 0
    rate_ka = statistics.median(ours["ka"])
    mbps = BIG / 1e6 / statistics.median(ours["download"])
    if args.reference:
        ka_ratio = statistics.median(r[0] for r in ratios)
        dl_ratio = statistics.median(r[1] for r in ratios)
        print(f"reference (issue 9), measured in the same rounds: {description}, same QEMU "
              "machine;")
        print("targets: requests/s with keep-alive >= 2x the reference's, download rate >= "
              f"50% of its: {'met' if ka_ratio >= 2 else 'MISSED'} ({ka_ratio:.2f}x), "
              f"{'met' if dl_ratio >= 0.5 else 'MISSED'} ({dl_ratio:.0%}) (medians of the "
              "rounds)")
        return 0
    print("reference (issue 9): Linux 6.1 + busybox httpd, same QEMU: ~200 requests/s without "
          "keep-alive, 45-70 MB/s for 16 MiB (--reference measures it);")
    print("targets: requests/s with keep-alive >= 400 (2x), download >= 22.5 MB/s (50%): "
          f"{'met' if rate_ka >= 400 else 'MISSED'}, "
          f"{'met' if mbps >= 22.5 else 'MISSED'}")
    return 0
