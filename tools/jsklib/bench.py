"""`jsk bench NAME`: benchmarks are programs that print figures.

Each benchmark registers itself with @benchmark; `jsk bench` builds one
argparse sub-command per entry, so adding one (disk, say) means adding one
decorated function here or in a module imported here (bench_js, bench_reload,
bench_net).
"""
import os
import platform
import shutil
import statistics
import subprocess
import tempfile

from . import qemu
from .console import READY_RE

BENCHMARKS = {}


def benchmark(name, help, arguments=None):
    """Register fn(tree, args) as `jsk bench NAME`; arguments(parser) adds options."""
    def register(fn):
        BENCHMARKS[name] = (fn, help, arguments or (lambda p: None))
        return fn
    return register


def machine_description(accel):
    model = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {model}; {qemu.version()}; accel {accel}"


class Table:
    """Rows of (label, samples, unit format, target, limit) printed with
    median/min/max and whether the median meets the target."""

    def __init__(self):
        self.rows = []

    def add(self, label, samples, fmt="{:.3f}", limit=None, target=""):
        self.rows.append((label, samples, fmt, limit, target))

    def render(self):
        head = f"{'':28} {'median':>9} {'min':>9} {'max':>9}   target"
        out = [head, "-" * len(head)]
        for label, samples, fmt, limit, target in self.rows:
            med = statistics.median(samples)
            cells = [fmt.format(v) for v in (med, min(samples), max(samples))]
            verdict = ""
            if limit is not None:
                verdict = "  ok" if med <= limit else "  MISSED"
            out.append(f"{label:28} {cells[0]:>9} {cells[1]:>9} {cells[2]:>9}   "
                       f"{target}{verdict}")
        return "\n".join(out)


def _boot_once(tree, kernel, accel, timeout):
    """Start QEMU, wait for the ready line (and, for -kernel, the REPL
    prompt), kill. Returns (wall s, guest ms, guest ms to the prompt or None).

    The time to the prompt is the in-guest time of the ready line plus the
    wall time from the ready line to the prompt on the serial console."""
    cfg = qemu.QemuConfig(tree, kernel=kernel, accel=accel, serial="stdio")
    cfg.prepare()
    with qemu.Machine(cfg) as m:
        hit = m.console.expect(READY_RE.pattern, timeout)
        if hit is None:
            raise SystemExit("jsk: no ready line within %ss (%s boot); console:\n%s"
                             % (timeout, "-kernel" if kernel else "ISO", m.console.tail(40)))
        ready_ms = float(hit.match.group(1))
        prompt_ms = None
        if kernel:
            at = m.console.expect_prompt("> ", timeout)
            if at is None:
                raise SystemExit("jsk: no REPL prompt within %ss; console:\n%s"
                                 % (timeout, m.console.tail(40)))
            prompt_ms = ready_ms + (at - hit.at) * 1000
        return hit.at - m.started_at, ready_ms, prompt_ms


PROMPT_TRACE_RE = r"boottrace: REPL prompt written\s+\(at (\d+\.\d+) ms\)"


def _instructions_to_prompt(tree, timeout):
    """Guest instructions (millions) from kernel entry to the ready line and
    to the REPL prompt, from one boot with `boottrace` under QEMU's
    -icount shift=0, where guest time advances 1 ns per instruction: the
    same in every run, however loaded the host. (It counts instructions, not
    QEMU's translation of code run for the first time, which is much of the
    wall time to the prompt; the ready line's count includes the TSC
    calibration's wait on the PIT, about 1.7 million.)"""
    cfg = qemu.QemuConfig(tree, kernel=True, cmdline="boottrace", serial="stdio",
                          extra=["-icount", "shift=0"])
    cfg.prepare()
    with qemu.Machine(cfg) as m:
        ready = m.console.expect(READY_RE.pattern, timeout)
        prompt = m.console.expect(PROMPT_TRACE_RE, timeout) if ready else None
        if prompt is None:
            raise SystemExit("jsk: no boottrace prompt line within %ss under -icount; "
                             "console:\n%s" % (timeout, m.console.tail(40)))
        return float(ready.match.group(1)), float(prompt.match.group(1))


def _boot_args(p):
    p.add_argument("--runs", type=int, default=5, help="boots per path (default 5)")
    p.add_argument("--boot-timeout", type=float, default=60,
                   help="seconds to wait for the ready line (default 60)")


@benchmark("boot", "boot time (wall and in-guest) and image sizes", _boot_args)
def boot(tree, args):
    """QEMU wall time from process start to the ready line, for the ISO and
    the -kernel path; the in-guest time the ready line reports; the size of
    the stripped ELF and of the ISO."""
    if args.runs < 1:
        raise SystemExit("jsk: --runs must be at least 1")
    accel = qemu.accel_from_env()
    tree.require(tree.elf, tree.iso)
    wall = {True: [], False: []}
    guest = {True: [], False: []}
    prompt = []
    for _ in range(args.runs):
        for kernel in (False, True):
            w, g, p = _boot_once(tree, kernel, accel, args.boot_timeout)
            wall[kernel].append(w)
            guest[kernel].append(g)
            if p is not None:
                prompt.append(p)

    ready_instructions, prompt_instructions = _instructions_to_prompt(tree, args.boot_timeout)

    with tempfile.TemporaryDirectory() as tmp:
        stripped = os.path.join(tmp, "jskernel.elf")
        shutil.copy(tree.elf, stripped)
        subprocess.run(["strip", stripped], check=True)
        elf_size = os.path.getsize(stripped)
    iso_size = os.path.getsize(tree.iso)

    t = Table()
    tcg = accel == "tcg"
    t.add("QEMU wall, ISO (s)", wall[False], limit=0.6 if tcg else None,
          target="<= 0.6 (TCG)")
    t.add("QEMU wall, -kernel (s)", wall[True])
    t.add("in-guest, ISO (ms)", guest[False], limit=5.0, target="<= 5")
    t.add("in-guest, -kernel (ms)", guest[True], limit=5.0, target="<= 5")
    t.add("entry -> REPL prompt (ms)", prompt, fmt="{:.1f}", limit=30.0, target="<= 30")
    t.add("entry -> ready (M instr)", [ready_instructions], fmt="{:.2f}")
    t.add("entry -> prompt (M instr)", [prompt_instructions], fmt="{:.2f}")
    t.add("stripped ELF (KB)", [elf_size / 1000], fmt="{:.1f}")
    t.add("ISO (MB)", [iso_size / 1e6], fmt="{:.2f}", limit=4.0, target="<= 4")

    print(f"jsk bench boot: {args.runs} runs per path")
    print("machine: " + machine_description(accel))
    print(t.render())
    return 0


# Benchmarks in modules of their own register themselves on import.
from . import bench_js  # noqa: E402,F401
from . import bench_reload  # noqa: E402,F401
from . import bench_disk  # noqa: E402,F401
from . import bench_net  # noqa: E402,F401
from . import bench_fat  # noqa: E402,F401
from . import bench_net_loopback  # noqa: E402,F401
from . import bench_http  # noqa: E402,F401
