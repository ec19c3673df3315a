"""`jsk bench js`: the same CPU-bound scripts (tests/bench/js/*.js) under
build/unode, under Debian's `duk` (the plain Duktape command line, package
duktape) and in the kernel under QEMU. Each script times itself with
Date.now() and prints "NAME N ms check=...", so process start-up and boot
are left out; the table shows medians and the ratios unode/duk (the cost of
our embedding and configuration) and kernel/unode (the cost of emulation).

A second table times the stdlib's microbenchmarks (tests/bench/unode/*.js:
EventEmitter emit, util.format, Buffer, streams) under build/unode, under
`node` when installed (the Node.js they imitate, JIT-compiled: the ratio
unode/node says how far an interpreter is from V8) and in the kernel.
Both sides must print the same check= value, or the run is an error.
"""
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from . import qemu
from .bench import benchmark, machine_description

SCRIPTS = Path(__file__).resolve().parents[2] / "tests" / "bench" / "js"
UNODE_SCRIPTS = Path(__file__).resolve().parents[2] / "tests" / "bench" / "unode"
JSK = Path(__file__).resolve().parents[1] / "jsk"
LINE = re.compile(r"^(\w+) (\d+) ms check=(\S+)", re.M)


def _run(command, timeout):
    """(milliseconds, check value) printed by one run of a script."""
    out = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                         timeout=timeout)
    m = LINE.search(out.stdout)
    if out.returncode != 0 or not m:
        raise SystemExit(f"jsk: {' '.join(map(str, command))} failed (status "
                         f"{out.returncode}):\n{out.stdout}{out.stderr}")
    return int(m.group(2)), m.group(3)


def _measure(scripts, engines, runs, same_check):
    """[(script stem, {engine: median ms})]. engines: [(name, command prefix,
    timeout)], None commands left out. same_check: every engine must print
    the same check= value (the same work was done)."""
    rows = []
    for script in scripts:
        times = {}
        checks = {}
        for _ in range(runs):
            for name, prefix, timeout in engines:
                if prefix is None:
                    continue
                ms, checks[name] = _run(prefix + [script], timeout)
                times.setdefault(name, []).append(ms)
        if same_check and len(set(checks.values())) > 1:
            raise SystemExit(f"jsk: {script.name}: different check values {checks}")
        rows.append((script.stem, {k: statistics.median(v) for k, v in times.items()}))
    return rows


def _kernel(tree, args, timeout):
    if args.no_kernel:
        return None
    return [sys.executable, JSK, "run", "--no-build", "--build-dir", tree.root,
            "--timeout", str(timeout)]


def _args(p):
    p.add_argument("--runs", type=int, default=3, help="runs per script and engine (default 3)")
    p.add_argument("--no-kernel", action="store_true", help="skip the runs under QEMU")
    p.add_argument("--suite", choices=("all", "engine", "unode"), default="all",
                   help="engine: tests/bench/js only; unode: tests/bench/unode only")


@benchmark("js", "the same JS scripts under unode, duk/node and the kernel", _args)
def js(tree, args):
    unode = tree.root / "unode"
    tree.require(unode)
    if args.suite in ("all", "engine"):
        _engine_suite(tree, args, unode)
    if args.suite in ("all", "unode"):
        if args.suite == "all":
            print()
        _unode_suite(tree, args, unode)
    return 0


def _table(rows, reference, width, digits):
    """Prints medians of unode, `reference` (duk or node) and kernel, with
    the ratios unode/reference and kernel/unode."""
    head = (f"{'script':{width}} {'unode':>8} {reference:>8} {'kernel':>8} "
            f"{'unode/' + reference:>11} {'kernel/unode':>13}")
    print(head + "\n" + "-" * len(head))
    cell = lambda v: f"{v:8.0f}" if v is not None else f"{'-':>8}"
    ratio = lambda a, b: f"{a / b:.{digits}f}" if a is not None and b else "-"
    for name, m in rows:
        u, r, k = m.get("unode"), m.get(reference), m.get("kernel")
        print(f"{name:{width}} {cell(u)} {cell(r)} {cell(k)} {ratio(u, r):>11} {ratio(k, u):>13}")


def _suite(tree, args, unode, title, folder, reference, missing, timeout, same_check):
    """Runs folder/*.js under unode, the reference engine and the kernel;
    prints and returns the rows."""
    path = shutil.which(reference)
    scripts = sorted(folder.glob("*.js"))
    rows = _measure(scripts, [("unode", [unode], timeout),
                              (reference, [path] if path else None, timeout),
                              ("kernel", _kernel(tree, args, 2 * timeout), 2 * timeout + 30)],
                    args.runs, same_check)
    print(f"{title}: {len(scripts)} scripts, median of {args.runs} runs, ms")
    print("machine: " + machine_description(qemu.accel_from_env()))
    if not path:
        print(f"note: `{reference}` not found ({missing}): no unode/{reference} ratio")
    return rows


def _unode_suite(tree, args, unode):
    rows = _suite(tree, args, unode, "jsk bench js (unode stdlib)", UNODE_SCRIPTS, "node",
                  "Node.js", 300, True)
    _table(rows, "node", 20, 1)


def _engine_suite(tree, args, unode):
    rows = _suite(tree, args, unode, "jsk bench js", SCRIPTS, "duk", "Debian package duktape",
                  150, False)
    _table(rows, "duk", 10, 2)
    totals = {key: sum(m[key] for _, m in rows) for key in ("unode", "duk", "kernel")
              if all(key in m for _, m in rows)}
    if "unode" in totals and "duk" in totals:
        print(f"total unode/duk {totals['unode'] / totals['duk']:.2f} (target <= 1.1)")
    if "unode" in totals and "kernel" in totals:
        print(f"total kernel/unode {totals['kernel'] / totals['unode']:.2f}")
