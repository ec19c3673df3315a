#!/usr/bin/env python3
"""Integration scenarios that boot the real kernel image (run by CTest).

    scenario.py NAME --build-dir BUILD     run one scenario
    scenario.py --list                     list them

Each scenario prints what it checked ("ok"/"FAIL" lines) and, on failure, the
last 80 lines of the console. Exit status: 0 pass, 1 fail, 77 skipped (CTest's
SKIP_RETURN_CODE). Every wait has a deadline; the QEMU/Bochs process is always
killed on the way out.

Scenarios of one device or subsystem (e1000, AHCI, ...) live in
scenarios/AREA.py next to this file and use the helpers defined here.

The machinery (QEMU command line, console reading, exit-status mapping) is
tools/jsklib, the same code `tools/jsk` runs.
"""
import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))

from jsklib import push as push_tool  # noqa: E402
from jsklib import qemu  # noqa: E402
from jsklib.bochs import Bochs  # noqa: E402
from jsklib.console import READY_RE  # noqa: E402
from jsklib.paths import BuildTree  # noqa: E402

JSK = REPO / "tools" / "jsk"
READY = READY_RE.pattern
SKIP = 77
BOOT_TIMEOUT = 60          # seconds to the ready line under TCG
EXIT_TIMEOUT = 30          # seconds from the ready line to QEMU's exit
FAULT_STATUS = 70

SCENARIOS = {}


def scenario(name):
    def register(fn):
        SCENARIOS[name] = fn
        return fn
    return register


class Skip(Exception):
    pass


class Checks:
    """Records and prints the outcome of each check."""

    def __init__(self, name):
        self.name = name
        self.failed = []

    def check(self, condition, what, detail=""):
        mark = "ok  " if condition else "FAIL"
        print(f"  {mark} {what}" + (f"  [{detail}]" if detail else ""), flush=True)
        if not condition:
            self.failed.append(what)
        return bool(condition)

    def note(self, text):
        print(f"  note {text}", flush=True)


def dump(title, text, lines=80):
    body = "\n".join(text.splitlines()[-lines:])
    print(f"---- {title} (last {lines} lines) ----\n{body}\n---- end ----", flush=True)


def machine(tree, kernel, cmdline=None, pass_stdin=False, **options):
    """A started QEMU with COM1 captured; pass_stdin lets the scenario type
    into COM1 (m.proc.stdin, see repl_send)."""
    cfg = qemu.QemuConfig(tree, kernel=kernel, cmdline=cmdline, serial="stdio",
                          accel=qemu.accel_from_env(), **options)
    cfg.prepare()
    print(f"  qemu {cfg.shell()}", flush=True)
    return qemu.Machine(cfg, pass_stdin=pass_stdin).start()


def ready(c, m, timeout=BOOT_TIMEOUT):
    """Wait for the ready line and check it arrived."""
    started = time.monotonic()
    hit = m.console.expect(READY, timeout)
    c.check(hit is not None, f"ready line within {timeout} s",
            hit and f"in-guest {hit.match.group(1)} ms, wall "
                    f"{time.monotonic() - started:.2f} s")
    return hit


def wait_exit(c, m, expected, timeout=EXIT_TIMEOUT):
    try:
        status = m.wait(timeout)
    except subprocess.TimeoutExpired:
        c.check(False, f"QEMU exits within {timeout} s")
        return None
    c.check(status == expected, f"guest exit status {expected}",
            f"status {status}, QEMU rc {m.returncode}")
    return status


def repl_send(c, m, line):
    """Waits for the REPL's prompt, then types `line` and Enter on COM1 (the
    machine must run with pass_stdin=True). False when no prompt came."""
    if not c.check(m.console.expect_prompt("> ", 30) is not None, f"prompt before {line[:40]!r}"):
        return False
    m.proc.stdin.write(line.encode() + b"\r")
    m.proc.stdin.flush()
    return True


# -- scenarios -----------------------------------------------------------------
@scenario("qemu.boot_iso")
def boot_iso(c, tree):
    """GRUB ISO boots to the ready line; the banner has the memory summary."""
    with machine(tree, kernel=False) as m:
        ready(c, m)
        hit = m.console.find(r"memory:")
        c.check(hit is not None, "banner shows the memory map summary (memory:)",
                hit and hit.match.string.strip())
        return m.console.text()


@scenario("qemu.boot_kernel")
def boot_kernel(c, tree):
    """-kernel (multiboot1) with exit=0: ready line, then exit status 0 through
    isa-debug-exit (QEMU rc 1, not 0, which would also be a reset)."""
    with machine(tree, kernel=True, cmdline="exit=0") as m:
        ready(c, m)
        wait_exit(c, m, 0)
        c.check(m.returncode == 1, "the exit went through isa-debug-exit (QEMU rc 1)",
                f"rc {m.returncode}")
        return m.console.text()


def selftest_scenario(machine_type):
    def run(c, tree):
        with machine(tree, kernel=True, cmdline="selftest", machine=machine_type) as m:
            ready(c, m)
            wait_exit(c, m, 0)
            con = m.console
            summary = con.find(r"^selftest: (\d+) checks, (\d+) failed")
            c.check(summary is not None and summary.match.group(2) == "0"
                    and int(summary.match.group(1)) >= 15,
                    "every in-kernel check passed", summary and summary.match.string.strip())
            for failure in re.findall(r"^selftest: .* FAILED.*$", con.text(), re.M):
                c.check(False, failure.strip())
            return con.text()

    run.__doc__ = (f"selftest on the {machine_type} machine: IRQs arrive, heap, frames, "
                   "MMIO mapping, ACPI and RTC work on the real machine")
    return run


for _machine in ("q35", "pc"):
    scenario(f"qemu.selftest_{_machine}")(selftest_scenario(_machine))


@scenario("qemu.boot_modules")
def boot_modules(c, tree):
    """Boot modules through -initrd (multiboot1) are found, with their sizes
    and command lines (listed with `memmap`)."""
    with tempfile.TemporaryDirectory() as tmp:
        first, second = Path(tmp) / "first.bin", Path(tmp) / "second.txt"
        first.write_bytes(bytes(range(256)) * 300)     # 76800 bytes
        second.write_text("hello\n")
        with machine(tree, kernel=True, cmdline="exit=0 memmap",
                     initrd=[f"{first} alpha beta", second]) as m:
            ready(c, m)
            wait_exit(c, m, 0)
            lines = re.findall(r"^module: (0x[0-9a-f]+)-(0x[0-9a-f]+) \(\d+ KiB\) ?(.*?)\r?$",
                               m.console.text(), re.M)
            c.check(len(lines) == 2, "two modules listed", f"{len(lines)} listed")
            for (start, last, cmdline), path, size, want in (
                    (lines[0] if lines else ("0", "0", ""), first, 76800, f"{first} alpha beta"),
                    (lines[1] if len(lines) > 1 else ("0", "0", ""), second, 6, str(second))):
                got = int(last, 16) - int(start, 16) + 1
                c.check(got == size, f"{path.name}: size {size}", f"got {got}")
                c.check(cmdline.strip() == want, f"{path.name}: command line",
                        cmdline.strip())
            return m.console.text()


def poweroff_scenario(machine_type):
    def run(c, tree):
        with machine(tree, kernel=True, cmdline="exit=3", machine=machine_type,
                     debug_exit=False) as m:
            ready(c, m)
            try:
                m.wait(EXIT_TIMEOUT)
                c.check(m.returncode == 0, "QEMU powered off (rc 0)", f"rc {m.returncode}")
            except subprocess.TimeoutExpired:
                c.check(False, f"the guest powers off within {EXIT_TIMEOUT} s")
            c.check(m.console.find(r"no way to power off") is None,
                    "the kernel did not fall back to halting")
            return m.console.text()

    run.__doc__ = (f"without isa-debug-exit the {machine_type} machine ends through "
                   "ACPI S5 power-off (FADT + \\_S5 from the DSDT)")
    return run


for _machine in ("q35", "pc"):
    scenario(f"qemu.acpi_poweroff_{_machine}")(poweroff_scenario(_machine))


JS_EXPRESSION = ("[0.1+0.2, Math.sqrt(2), Math.sin(1), Math.pow(2,0.5), 1e21, 5e-324, "
                 "(123.456).toFixed(2), parseFloat('3.25e2'), JSON.stringify({a:[1,{b:2}]}), "
                 "[3,1,2].sort().join('')].join(' ')")


@scenario("qemu.js_eval")
def js_eval(c, tree):
    """Duktape on bare metal: js=EXPR prints the same bytes as build/unode -p
    (number formatting, musl's math, JSON), then exit status 0."""
    unode = tree.root / "unode"
    expected = subprocess.run([str(unode), "-p", JS_EXPRESSION], capture_output=True,
                              text=True, timeout=30).stdout.strip()
    c.check(expected.startswith("0.30000000000000004 1.4142135623730951"),
            "build/unode computes the reference", expected)
    with machine(tree, kernel=True, cmdline=f'js="{JS_EXPRESSION}"') as m:
        ready(c, m)
        wait_exit(c, m, 0)
        hit = m.console.find(r"^0\.30000000000000004 .*$")
        got = hit.match.group(0).strip() if hit else None
        c.check(got == expected, "kernel prints what unode prints", got)
        return m.console.text()


@scenario("qemu.js_error")
def js_error(c, tree):
    """An uncaught JavaScript error on bare metal is reported like Node and
    gives status 1; the kernel itself carries on to a clean exit."""
    with machine(tree, kernel=True, cmdline='js="null.x"') as m:
        ready(c, m)
        wait_exit(c, m, 1)
        hit = m.console.find(r"^Uncaught TypeError: cannot read property 'x' of null")
        c.check(hit is not None, "Uncaught TypeError reported")
        c.check(m.console.find(r"KERNEL (FAULT|PANIC)") is None, "no kernel fault")
        return m.console.text()


@scenario("qemu.repl_kernel")
def repl_kernel(c, tree):
    """Booted without an app, the kernel runs the REPL on the console: input
    over COM1 is evaluated, an endless loop is cut by the watchdog and the
    prompt returns, .exit ends the machine with status 0."""
    with machine(tree, kernel=True, cmdline="watchdog=1000", pass_stdin=True) as m:
        ready(c, m)

        def answer(line, expected, what):
            if not repl_send(c, m, line):
                return
            hit = m.console.expect(expected, 30)
            c.check(hit is not None, what, hit and hit.match.string.strip())

        answer("6*7", r"^42\r?$", "6*7 prints 42")
        answer("'ab' + 'c'", r"^'abc'\r?$", "a string result is quoted")
        answer("while(true){}", r"^Uncaught RangeError: execution timeout",
               "the watchdog cuts an endless loop")
        answer("[1, 2].map(function (x) { return x * 10 })", r"^\[ 10, 20 \]\r?$",
               "the prompt came back after the timeout; arrays inspected like Node")
        if c.check(m.console.expect_prompt("> ", 30) is not None, "prompt before .exit"):
            m.proc.stdin.write(b".exit\r")
            m.proc.stdin.flush()
            wait_exit(c, m, 0)
        return m.console.text()


@scenario("qemu.hal_level_irq")
def hal_level_irq(c, tree):
    """A level-triggered PCI interrupt (e1000 INTx, raised through ICS)
    reaches the JS handler once per assertion, with the line masked while the
    handler runs and unmasked after it acknowledged the device."""
    app = REPO / "tests" / "qemu" / "apps" / "hal_level_irq.js"
    cmd = [sys.executable, str(JSK), "run", "--no-build", "--build-dir", str(tree.root),
           "--timeout", str(BOOT_TIMEOUT), str(app)]
    print("  run " + " ".join(cmd), flush=True)
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=BOOT_TIMEOUT + 30, text=True,
                          errors="replace")
    text = proc.stdout
    c.check(re.search(r"^line \d+ level-triggered true$", text, re.M) is not None,
            "the e1000's line is level-triggered (ELCR)")
    for line in ["interrupts 4 of 4", "masked while the handler ran true",
                 "causes had TXDW true", "unmasked after true", "done"]:
        c.check(line in text, line)
    c.check(proc.returncode == 0, "status 0", f"status {proc.returncode}")
    return text


@scenario("qemu.jsk_run_exit42")
def jsk_run_exit42(c, tree):
    """tools/jsk run end to end: exit=42 on the kernel command line becomes
    jsk's exit status 42."""
    cmd = [sys.executable, str(JSK), "run", "--no-build", "--build-dir", str(tree.root),
           "--kernel", "--cmdline", "exit=42", "--timeout", str(BOOT_TIMEOUT)]
    print("  run " + " ".join(cmd), flush=True)
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=BOOT_TIMEOUT + 30,
                          text=True, errors="replace")
    c.check(re.search(READY, proc.stdout, re.M) is not None, "ready line on jsk's output")
    c.check(proc.returncode == 42, "jsk exit status 42", f"got {proc.returncode}")
    return proc.stdout


@scenario("qemu.jsk_run_repl_piped")
def jsk_run_repl_piped(c, tree):
    """`printf '6*7\\r.exit\\r' | tools/jsk run`: the ISO boots through GRUB
    to the REPL, the piped lines (held until the ready line, or GRUB and the
    UART set-up would take their first bytes) are evaluated, .exit ends with
    status 0."""
    cmd = [sys.executable, str(JSK), "run", "--no-build", "--build-dir", str(tree.root),
           "--timeout", str(BOOT_TIMEOUT)]
    print("  run " + " ".join(cmd), flush=True)
    proc = subprocess.run(cmd, input=b"6*7\r'a' + 'b'\r.exit\r", stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=BOOT_TIMEOUT + 30)
    text = proc.stdout.decode("utf-8", "replace")
    c.check(re.search(READY, text, re.M) is not None, "ready line on jsk's output")
    c.check(re.search(r"^> 6\*7\r*\n42\r?$", text, re.M) is not None, "6*7 prints 42",
            text[-400:])
    c.check(re.search(r"^'ab'\r?$", text, re.M) is not None, "the second line too")
    c.check(proc.returncode == 0, ".exit: status 0", f"got {proc.returncode}")
    return text


# -- apps: the boot archive and tools/jsk run app.js ------------------------------
APPS = Path(__file__).resolve().parent / "apps"
SERVICES_INIT = REPO / "js-drivers" / "core" / "init.js"
APP_TIMEOUT = 60


def jsk_run(c, tree, app, *args, options=(), stdin=None):
    """tools/jsk run [options] APP ARGS: (status, stdout bytes, stderr text).
    stdin: bytes piped into jsk, else no input."""
    cmd = [sys.executable, str(JSK), "run", "--no-build", "--build-dir", str(tree.root),
           "--timeout", str(APP_TIMEOUT), *options, str(APPS / app), *args]
    print("  run " + " ".join(cmd), flush=True)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=APP_TIMEOUT + 30,
                          **({"input": stdin} if stdin is not None
                             else {"stdin": subprocess.DEVNULL}))
    stderr = proc.stderr.decode("utf-8", "replace")
    return proc.returncode, proc.stdout, stderr


def app_transcript(status, stdout, stderr):
    return (f"status {status}\n---- stdout ----\n" + stdout.decode("utf-8", "replace") +
            "\n---- stderr ----\n" + stderr)


def needs_services():
    """Apps that use console.log and process need the services' init script
    (write and exit_group behind the system-call table)."""
    if not SERVICES_INIT.exists():
        raise Skip(f"{SERVICES_INIT.relative_to(REPO)} does not exist yet (the services "
                   "that serve write and exit_group)")


@scenario("qemu.initrd_cpio")
def initrd_cpio(c, tree):
    """The boot archive is a standard cpio newc archive: cpio -t lists
    build/initrd.cpio, and an archive with an app extracts to the same bytes."""
    if not shutil.which("cpio"):
        raise Skip("cpio not installed")
    sys.path.insert(0, str(REPO / "tools"))
    import mkinitrd
    listing = subprocess.run(["cpio", "-t"], stdin=open(tree.initrd, "rb"),
                             capture_output=True, text=True)
    names = listing.stdout.split()
    c.check(listing.returncode == 0, "cpio -t < build/initrd.cpio succeeds",
            listing.stderr.strip())
    c.check("stdlib/node/internal/main.js" in names and "stdlib/sys/index.js" in names,
            "it lists stdlib/node/internal/main.js and stdlib/sys/index.js",
            f"{len(names)} entries")
    c.check(all(n.split("/")[0] in ("stdlib", "js-drivers") for n in names),
            "only stdlib/ and js-drivers/ at the top")
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "app.cpio"
        entries = mkinitrd.build(archive, app=APPS / "hello.js",
                                 extras=[APPS / "hello.out"])
        listing = subprocess.run(["cpio", "-t"], stdin=open(archive, "rb"),
                                 capture_output=True, text=True)
        c.check(listing.stdout.split() == [path for path, _ in entries],
                "cpio -t lists exactly what mkinitrd packed, in order")
        out = Path(tmp) / "x"
        out.mkdir()
        extract = subprocess.run(["cpio", "-id", "--quiet"], stdin=open(archive, "rb"),
                                 cwd=out, capture_output=True, text=True)
        c.check(extract.returncode == 0, "cpio -id extracts it", extract.stderr.strip())
        same = [(path, host) for path, host in entries if host is not None
                and (out / path).read_bytes() == Path(host).read_bytes()]
        files = [e for e in entries if e[1] is not None]
        c.check(len(same) == len(files), "every file extracts to its bytes",
                f"{len(same)}/{len(files)}")
        c.check((out / "app" / "hello.js").is_file() and (out / "app" / "hello.out").is_file(),
                "the app and its --with file are under app/")
        return listing.stdout


@scenario("qemu.app_raw_syscalls")
def app_raw_syscalls(c, tree):
    """jsk run app.js args: the app from the boot archive, argv from args=,
    output through write(1) only after the ready line with CRLF undone, exit
    status from exit_group(5); stand-in init script, no services needed."""
    args = ["one", "two words", '"q"', "100%", "tab\there"]
    status, out, err = jsk_run(c, tree, "raw_syscalls.js", *args,
                               options=["--with", str(APPS / "raw_init.js"),
                                        "--cmdline", "init=/app/raw_init.js"])
    argv = ["/bin/unode", "/app/raw_syscalls.js"] + args
    import json
    expected = ("argv " + json.dumps(argv, separators=(",", ":")) +
                "\ncrlf\r\nlast line without newline").encode()
    c.check(out == expected, "stdout is exactly the app's bytes", repr(out[:300]))
    c.check(status == 5, "jsk exits with the app's status 5", f"status {status}")
    c.check(b"jskernel ready" not in out, "the kernel's lines are not on stdout")
    return app_transcript(status, out, err)


@scenario("qemu.app_verbose")
def app_verbose(c, tree):
    """jsk run --verbose shows the kernel's banner and ready line too."""
    status, out, err = jsk_run(c, tree, "raw_syscalls.js",
                               options=["--verbose", "--with", str(APPS / "raw_init.js"),
                                        "--cmdline", "init=/app/raw_init.js"])
    text = out.decode("utf-8", "replace")
    c.check(re.search(READY, text, re.M) is not None, "the ready line is shown")
    c.check("memory:" in text, "the banner's memory line is shown")
    c.check(text.endswith("last line without newline"), "then the app's output")
    c.check(status == 5, "status 5", f"status {status}")
    c.check("-initrd" in err, "the QEMU command line is on stderr")
    return app_transcript(status, out, err)


@scenario("qemu.app_hello")
def app_hello(c, tree):
    """console.log from an app: jsk run prints the same bytes as node
    (tests/qemu/apps/hello.out), status 0."""
    needs_services()
    status, out, err = jsk_run(c, tree, "hello.js", "one", "two words", '"quoted"', "100%")
    expected = (APPS / "hello.out").read_bytes()
    c.check(out == expected, "stdout matches hello.out byte for byte", repr(out[:300]))
    c.check(status == 0, "status 0", f"status {status}")
    return app_transcript(status, out, err)


@scenario("qemu.app_exit3")
def app_exit3(c, tree):
    """process.exit(3) in an app ends the machine with status 3."""
    needs_services()
    status, out, err = jsk_run(c, tree, "exit3.js")
    c.check(out == b"before exit\n", "prints only what came before the exit", repr(out))
    c.check(status == 3, "status 3", f"status {status}")
    return app_transcript(status, out, err)


@scenario("qemu.app_throw")
def app_throw(c, tree):
    """An uncaught error in an app: "Uncaught Error: boom" with its stack, status 1."""
    needs_services()
    status, out, err = jsk_run(c, tree, "throw.js")
    text = out.decode("utf-8", "replace")
    c.check(text.startswith("about to throw\n"), "the output before the error", repr(text[:80]))
    c.check(re.search(r"^Uncaught Error: boom$", text, re.M) is not None,
            "Uncaught Error: boom")
    c.check("/app/throw.js:3" in text, "the stack names /app/throw.js:3")
    c.check(status == 1, "status 1", f"status {status}")
    c.check("KERNEL" not in text, "no kernel fault")
    return app_transcript(status, out, err)


@scenario("qemu.app_stdin")
def app_stdin(c, tree):
    """Input piped into jsk run reaches the app's read(0), every byte (it is
    sent once the kernel is ready, so the UART's reset cannot drop any)."""
    needs_services()
    data = b"hello, kernel: " + bytes(range(0x20, 0x7f)).replace(b".", b"") + b"."
    status, out, err = jsk_run(c, tree, "stdin_echo.js", stdin=data)
    c.check(out == data + b"\nread %d\n" % len(data), "echoes the input, then its length",
            repr(out[:200]))
    c.check(status == 0, "status 0", f"status {status}")
    return app_transcript(status, out, err)


@scenario("qemu.app_deep_recursion")
def app_deep_recursion(c, tree):
    """Deep recursion through natives, JSON, the compiler and regexps ends in
    Duktape's RangeErrors, as in build/unode: the kernel stack (2 MiB) holds."""
    needs_services()
    unode = subprocess.run([str(tree.root / "unode"), str(APPS / "deep_recursion.js")],
                           capture_output=True, timeout=60)
    status, out, err = jsk_run(c, tree, "deep_recursion.js")
    c.check(unode.stdout.count(b"RangeError") == 5, "build/unode gives five RangeErrors",
            repr(unode.stdout))
    c.check(out == unode.stdout, "the kernel prints the same", repr(out[:400]))
    c.check(status == 0, "status 0", f"status {status}")
    return app_transcript(status, out, err)


FAULTS = {
    # kind: (fault line pattern, function named in the backtrace, cr2 expected)
    "pagefault": (r"^KERNEL FAULT: #PF\b", "kernel::deliberate_page_fault()", True),
    "ud": (r"^KERNEL FAULT: #UD\b", "kernel::deliberate_invalid_opcode()", False),
    "gp": (r"^KERNEL FAULT: #GP\b", "kernel::deliberate_general_protection()", False),
    "divide": (r"^KERNEL FAULT: #DE\b", "kernel::deliberate_divide_error()", False),
    "panic": (r"^KERNEL PANIC: deliberate panic", "kernel::deliberate_panic()", False),
    "stackoverflow": (r"^KERNEL FAULT: #(DF|PF)\b", None, False),
}


def fault_scenario(kind):
    fault_re, function, wants_cr2 = FAULTS[kind]

    def run(c, tree):
        with machine(tree, kernel=True, cmdline=f"fault={kind}") as m:
            ready(c, m)
            wait_exit(c, m, FAULT_STATUS)
            con = m.console
            hit = con.find(fault_re)
            c.check(hit is not None, f"names the fault ({fault_re})",
                    hit and hit.match.string.strip())
            if kind != "panic":   # a panic is not a CPU exception: no frame to print
                c.check(con.find(r"\brip=[0-9a-fx]+") is not None, "shows registers (rip=)")
            if wants_cr2 or (kind == "stackoverflow" and hit and "#PF" in hit.match.string):
                c.check(con.find(r"\bcr2=") is not None, "shows cr2=")
            c.check(con.find(r"^backtrace:") is not None, "prints a backtrace")
            if function:
                frame = con.find(r"^\s*#\d+\s+0x[0-9a-fA-F]+\s+" + re.escape(function))
                c.check(frame is not None, f"backtrace names {function}",
                        frame and frame.match.string.strip())
            else:
                frame = con.find(r"^\s*#0\s+0x[0-9a-fA-F]+\s+\S")
                c.check(frame is not None, "backtrace has a symbolized frame #0",
                        frame and frame.match.string.strip())
            return con.text()

    run.__doc__ = f"fault={kind}: the fault is reported, then exit status {FAULT_STATUS}."
    return run


for _kind in FAULTS:
    scenario(f"qemu.fault_{_kind}")(fault_scenario(_kind))


# -- services: the bare-metal system-call table (js-drivers/) -------------------
@scenario("qemu.svc_syscalls")
def svc_syscalls(c, tree):
    """The services behind syscall on bare metal (tests/qemu/apps/svc_syscalls.js):
    write, clock_gettime, nanosleep, getrandom, uname, ioctl, epoll, unknown
    numbers -> -ENOSYS, bad fds -> -EBADF, bad buffers -> -EFAULT."""
    needs_services()
    status, out, err = jsk_run(c, tree, "svc_syscalls.js")
    text = out.decode("utf-8", "replace")
    for failure in re.findall(r"^FAIL .*$", text, re.M):
        c.check(False, failure)
    summary = re.search(r"^summary: (\d+) passed, (\d+) failed$", text, re.M)
    c.check(summary is not None and summary.group(2) == "0" and int(summary.group(1)) >= 45,
            "every check in the app passed", summary and summary.group(0))
    c.check(status == 0, "status 0", f"status {status}")
    return app_transcript(status, out, err)


@scenario("qemu.svc_table")
def svc_table(c, tree):
    """The system-call table (native:sys) with a stand-in init: arguments by
    reference, a throwing service -> -EIO and a console report, a non-number
    result -> -EIO, register(nr, null), register locked after init."""
    needs_services()
    status, out, err = jsk_run(c, tree, "svc_table.js",
                               options=["--with", str(APPS / "svc_table_init.js"),
                                        "--cmdline", "init=/app/svc_table_init.js"])
    text = out.decode("utf-8", "replace")
    for failure in re.findall(r"^FAIL .*$", text, re.M):
        c.check(False, failure)
    summary = re.search(r"^summary: (\d+) passed, (\d+) failed$", text, re.M)
    c.check(summary is not None and summary.group(2) == "0" and int(summary.group(1)) >= 10,
            "every check in the app passed", summary and summary.group(0))
    c.check(re.search(r"^jskernel: system call 400 failed, returning -EIO: Error: service bug",
                      text, re.M) is not None, "the throwing service is reported on the console")
    c.check(status == 0, "status 0", f"status {status}")
    return app_transcript(status, out, err)


class InputMachine(qemu.Machine):
    """A machine whose COM1 input is a pipe we write to (send())."""

    def start(self):
        self.started_at = time.monotonic()
        self.proc = subprocess.Popen(self.config.argv(), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.console.follow_pipe(self.proc.stdout)
        self.stderr.follow_pipe(self.proc.stderr)
        return self

    def send(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()


def echo_burst():
    burst = bytes((i * 7 + 13) % 94 + 33 for i in range(3000)).replace(b"q", b"r")
    total = 0
    for i, b in enumerate(burst):
        total = (total + b * ((i + 1) % 251)) % 1000003
    return burst, total


@scenario("qemu.svc_serial_echo")
def svc_serial_echo(c, tree):
    """Serial input: bytes written to QEMU's stdin reach read(0) through the
    COM1 interrupt and the console ring, with epoll (non-blocking) and with
    blocking reads; a 3000-byte burst arrives complete."""
    needs_services()
    sys.path.insert(0, str(REPO / "tools"))
    import mkinitrd
    from jsklib.app import app_cmdline
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "echo.cpio"
        mkinitrd.build(archive, app=APPS / "svc_echo.js")
        cfg = qemu.QemuConfig(tree, kernel=True, serial="stdio", accel=qemu.accel_from_env(),
                              cmdline=app_cmdline(APPS / "svc_echo.js", []),
                              initrd=[archive])
        cfg.prepare()
        print(f"  qemu {cfg.shell()}", flush=True)
        with InputMachine(cfg) as m:
            ready(c, m)
            con = m.console
            c.check(con.expect(r"^echo ready", APP_TIMEOUT) is not None, "the app is reading")
            c.check(con.find(r"^eagain -11") is not None,
                    "non-blocking read with no input gives -EAGAIN")
            c.check(con.find(r"^ctl 0") is not None, "epoll_ctl ADD fd 0 for EPOLLIN")
            m.send(b"hello\xc3\xa9\r\n")
            hit = con.expect(r"^line1 .*$", EXIT_TIMEOUT)
            want = "68 65 6c 6c 6f c3 a9 0d 0a"
            got = hit.match.group(0).strip()[6:] if hit else None
            c.check(got == want, "epoll_wait + read(0) return the typed bytes", got)
            c.check(con.expect(r"^blocking", EXIT_TIMEOUT) is not None, "blocking phase")
            burst, total = echo_burst()
            for i in range(0, len(burst), 500):
                m.send(burst[i:i + 500])
            m.send(b"q")
            hit = con.expect(r"^burst .*$", EXIT_TIMEOUT)
            got = hit.match.group(0).strip() if hit else None
            c.check(got == f"burst {len(burst)} {total} overflows 0",
                    "blocking reads get the whole 3000-byte burst, no overflow", got)
            wait_exit(c, m, 0)
            return con.text()


def symbols(elf):
    """{demangled name: address} of the ELF's text symbols (nm -C)."""
    out = subprocess.run(["nm", "-C", str(elf)], stdout=subprocess.PIPE, text=True,
                         check=True).stdout
    table = {}
    for line in out.splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3 and parts[1] in "tT":
            table[parts[2]] = int(parts[0], 16)
    return table


@scenario("gdb.breakpoint")
def gdb_breakpoint(c, tree):
    """tools/jsk debug in batch mode: QEMU -S, gdbstub on 127.0.0.1, hbreak at
    kernel_main (rip = the symbol), then an ordinary breakpoint later on."""
    if not shutil.which("gdb"):
        raise Skip("gdb not installed")
    syms = symbols(tree.elf)
    entry = syms.get("kernel_main")
    c.check(entry is not None, "kernel_main in the ELF's symbols",
            entry and hex(entry))
    later = "kernel::boot_complete()"
    has_later = later in syms
    script = ["info registers rip"]
    if has_later:
        script += ["break kernel::boot_complete", "continue", "info registers rip"]
    with tempfile.NamedTemporaryFile("w", suffix=".gdb", delete=False) as f:
        f.write("\n".join(script) + "\n")
    cmd = [sys.executable, str(JSK), "debug", "--no-build", "--build-dir", str(tree.root),
           "--batch-commands", f.name, "--timeout", "80"]
    print("  run " + " ".join(cmd), flush=True)
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=100, text=True,
                              errors="replace")
    finally:
        Path(f.name).unlink()
    out = proc.stdout
    c.check(proc.returncode == 0, "jsk debug (gdb --batch) exits 0", f"rc {proc.returncode}")
    c.check(re.search(r"(Hardware assisted breakpoint|Breakpoint) \d+, "
                      r"(0x[0-9a-f]+ in )?kernel_main\b", out),
            "gdb stopped at the kernel_main hbreak")
    rips = [int(x, 16) for x in re.findall(r"^rip\s+(0x[0-9a-f]+)", out, re.M)]
    c.check(bool(rips) and entry is not None and rips[0] == entry,
            "rip equals the kernel_main symbol",
            f"rip {hex(rips[0]) if rips else None}, symbol {entry and hex(entry)}")
    if has_later:
        c.check(re.search(r"^Breakpoint \d+, (0x[0-9a-f]+ in )?kernel::boot_complete",
                          out, re.M),
                "an ordinary break on kernel::boot_complete() hit later")
        start = syms[later]
        c.check(len(rips) > 1 and start <= rips[1] < start + 64,
                "rip is in kernel::boot_complete()",
                f"rip {hex(rips[1]) if len(rips) > 1 else None}, symbol {hex(start)}")
    else:
        c.note(f"{later} is not in the ELF: software-breakpoint part skipped")
    log = tree.debug_serial_log
    return out + ("\n---- guest serial ----\n" + log.read_text(errors="replace")
                  if log.exists() else "")


@scenario("bochs.boot_iso")
def bochs_boot_iso(c, tree):
    """The GRUB ISO boots to the ready line in Bochs."""
    if not shutil.which("bochs"):
        raise Skip("bochs not installed")
    limit = 240
    with Bochs(tree).start() as b:
        print("  bochs " + " ".join(b.argv()), flush=True)
        hit = b.console.expect(READY, limit)
        took = time.monotonic() - b.started_at
        c.check(hit is not None, f"ready line within {limit} s",
                hit and f"wall {took:.1f} s, in-guest {hit.match.group(1)} ms")
        c.check(b.console.find(r"memory:") is not None, "banner shows memory:")
        text = b.console.text()
        if hit is None:
            text += "\n---- bochs terminal ----\n" + b.screen_text()[-4000:]
        return text


# -- the HAL (require('hal'), hal/) --------------------------------------
@scenario("qemu.hal_basic")
def hal_basic(c, tree):
    """require('hal') on bare metal: the CMOS RTC through io.claim, bounds,
    widths, values and double claims throwing with messages naming the
    resource, close semantics, owners closing what they own, DMA buffers
    (distinct, aligned, below 4 GiB, zeroed, read back through typed arrays
    and a DataView), MMIO (HPET, local APIC), the trace format, and
    PortRange.in8While on a third UART (0x3E8) in loopback; stdout is
    exactly tests/qemu/apps/hal_basic.out."""
    needs_services()
    status, out, err = jsk_run(c, tree, "hal_basic.js",
                               options=("--qemu=-serial", "--qemu=null"))
    expected = (APPS / "hal_basic.out").read_text().splitlines()
    got = out.decode("utf-8", "replace").splitlines()
    for i, line in enumerate(expected):
        c.check(i < len(got) and got[i] == line, f"line {i + 1}: {line}",
                "" if i < len(got) and got[i] == line else
                repr(got[i] if i < len(got) else "(missing)"))
    c.check(len(got) == len(expected), "no extra lines", f"{len(got)} lines")
    c.check(status == 0, "status 0", f"status {status}")
    return app_transcript(status, out, err)


@scenario("qemu.hal_irq")
def hal_irq(c, tree):
    """The RTC periodic interrupt (IRQ 8, 64 Hz) reaches a JS handler claimed
    with hal.irq.claim at the expected rate; IrqLine.count and hal.irq.stats()
    agree; a handler that throws is reported and the line keeps working."""
    needs_services()
    status, out, err = jsk_run(c, tree, "hal_irq.js")
    text = out.decode("utf-8", "replace")
    c.check("claimed IRQ 8 count 0" in text, "the IrqLine: line 8, count 0")
    c.check("handler line 8 this.line 8" in text, "the handler gets the line, this is the IrqLine")
    m = re.search(r"^handled (\d+) in (\d+) ms: ([\d.]+) Hz$", text, re.M)
    hz = float(m.group(3)) if m else 0
    c.check(m is not None and 48 <= hz <= 80, "about 64 interrupts per second reach JS",
            m.group(0) if m else "no rate line")
    c.check("count matches true" in text, "IrqLine.count equals the handler calls")
    c.check("stats line 8 >= count true spurious number overflows 0" in text,
            "hal.irq.stats(): line counts, spurious, no overflow")
    c.check(re.search(r"^after close count (\d+)$", text, re.M) is not None and
            (m is None or f"after close count {m.group(1)}" in text),
            "a closed IrqLine keeps its final count")
    c.check("hal: IRQ 8 handler of app threw: Error: handler boom" in text,
            "a throwing handler is reported with its owner")
    c.check("after a throwing handler: more calls true" in text, "and the line keeps working")
    c.check(status == 0, "status 0", f"status {status}")
    c.check("KERNEL" not in text, "no kernel fault")
    return app_transcript(status, out, err)


@scenario("qemu.hal_pci_bars")
def hal_pci_bars(c, tree):
    """PciDevice.mapBar(i) -> a claimed MmioRegion/PortRange and claimIrq ->
    a shared IrqLine, owned by the owner whose `pci` found the device (the
    e1000 on q35); owner close releases them; skipped without native:hal_pci."""
    needs_services()
    status, out, err = jsk_run(c, tree, "hal_pci_bars.js")
    text = out.decode("utf-8", "replace")
    if text.startswith("no hal.pci"):
        raise Skip("the native module hal_pci is not registered")
    for line in [
            "fields copied true config 8086",
            "mapBar(0) MmioRegion true STATUS link up true",
            "mapBar(1) PortRange true count 64",
            "claimIrq line true",
            "mapBar(0) again: Error: mmio.map(0xfebc0000, 0x20000): "
            "MmioRegion 0xfebc0000+0x20000 is held by app",
            "mapBar(3): RangeError: PciDevice 00:02.0: no BAR 3",
            "app maps the BAR the driver holds: Error: mmio.map(0xfebc0000, 0x20000): "
            "MmioRegion 0xfebc0000+0x20000 is held by e1000",
            "bus master on true",
            "owner close released the BARs true",
            "owner close stopped bus mastering true, memory decoding kept true",
            "done"]:
        c.check(line in text, line)
    c.check(re.search(r"^\[e1000\] mmio read32 0xfebc0000\+0x0000 -> 0x[0-9a-f]{8}$", text, re.M)
            is not None, "the driver's trace names it")
    c.check(status == 0, "status 0", f"status {status}")
    return app_transcript(status, out, err)


# -- PCI: the guest's enumeration against QEMU's own view (QMP query-pci) --------
PCI_EXTRA = [
    # A second NIC behind a PCI-PCI bridge (enumeration through bridges), an
    # extra AHCI controller, and virtio-rng (a 64-bit prefetchable BAR).
    "-netdev", "user,id=net1,restrict=on",
    "-device", "pci-bridge,id=br1,chassis_nr=1",
    "-device", "e1000,netdev=net1,bus=br1,addr=0x1",
    "-device", "ahci,id=ahci1",
    "-device", "virtio-rng-pci",
]


def qmp_command(path, command, timeout=10):
    """One QMP command over the unix socket at `path`; returns its 'return'."""
    import json
    import socket
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        s.connect(str(path))
        f = s.makefile("rwb")

        def reply():
            while True:
                msg = json.loads(f.readline())
                if "event" not in msg:
                    return msg

        reply()  # the greeting
        for cmd in ("qmp_capabilities", command):
            f.write(json.dumps({"execute": cmd}).encode() + b"\n")
            f.flush()
            msg = reply()
            if "error" in msg:
                raise RuntimeError(f"QMP {cmd}: {msg['error']}")
        return msg["return"]


def qmp_pci_view(buses):
    """query-pci's nested buses as {address: {vendor, device, class, bars}}."""
    out = {}

    def walk(devices):
        for d in devices:
            addr = f"{d['bus']:02x}:{d['slot']:02x}.{d['function']:x}"
            bars = sorted((r["bar"], "io" if r["type"] == "io" else "mem", r["size"],
                           bool(r.get("prefetch", False)), bool(r.get("mem_type_64", False)),
                           r["address"])
                          for r in d.get("regions", []) if r["bar"] < 6)
            out[addr] = {"vendor": d["id"]["vendor"], "device": d["id"]["device"],
                         "class": d["class_info"]["class"], "bars": bars,
                         "irq": d.get("irq") if d.get("irq_pin", 1) else None}
            walk(d.get("pci_bridge", {}).get("devices", []))

    for bus in buses:
        walk(bus["devices"])
    return out


def guest_pci_view(devices):
    return {d["address"]: {"vendor": d["vendor"], "device": d["device"],
                           "class": d["classCode"] << 8 | d["subclass"],
                           "bars": sorted((b["index"], b["kind"], b["size"], b["prefetchable"],
                                           b["is64"], b["base"]) for b in d["bars"]),
                           "irq": d["irqLine"] if d["irqPin"] else None}
            for d in devices}


PCI_LSPCI = {
    "q35": [r"^00:02\.0 Ethernet controller \[0200\]: Intel Corporation 82540EM Gigabit "
            r"Ethernet Controller \[8086:100e\] \(rev 03\)$",
            r"^01:01\.0 Ethernet controller \[0200\]: Intel Corporation 82540EM Gigabit "
            r"Ethernet Controller \[8086:100e\] \(rev 03\)$",
            r"^00:1f\.2 SATA controller \[0106\]: Intel Corporation 82801IR/IO/IH "
            r"\(ICH9R/DO/DH\) 6 port SATA Controller \[AHCI mode\] \[8086:2922\] \(rev 02\)$",
            r"^00:03\.0 PCI bridge \[0604\]: Red Hat, Inc\. QEMU PCI-PCI bridge \[1b36:0001\]$"],
    "pc": [r"^00:03\.0 Ethernet controller \[0200\]: Intel Corporation 82540EM Gigabit "
           r"Ethernet Controller \[8086:100e\] \(rev 03\)$",
           r"^00:01\.1 IDE interface \[0101\]: Intel Corporation 82371SB PIIX3 IDE "
           r"\[Natoma/Triton II\] \[8086:7010\]$"],
}


def pci_scenario(machine_type):
    def run(c, tree):
        import json
        from jsklib import app as jsk_app
        needs_services()
        app = APPS / "pci_devices.js"
        with tempfile.TemporaryDirectory(prefix="jsk-pci-") as tmp:
            qmp = Path(tmp) / "qmp.sock"
            archive = Path(tmp) / "initrd.cpio"
            jsbc = tree.root / "jsbc"
            jsk_app._mkinitrd().build(archive, app=app, extras=[],
                                      jsbc=jsbc if jsbc.exists() else None)
            extra = PCI_EXTRA + ["-qmp", f"unix:{qmp},server=on,wait=off"]
            with machine(tree, kernel=True, cmdline=jsk_app.app_cmdline(app, [], None),
                         initrd=[archive], machine=machine_type, extra=extra) as m:
                ready(c, m)
                hit = m.console.expect(r"^END", APP_TIMEOUT)
                if not c.check(hit is not None, "the app printed its device list"):
                    return m.console.text()
                lines = [line.rstrip("\r") for line in m.console.lines()]
                theirs = qmp_pci_view(qmp_command(qmp, "query-pci"))
            text = "\n".join(lines)
        guest = next((json.loads(line[4:]) for line in lines if line.startswith("PCI ")), [])
        ours = guest_pci_view(guest)
        c.check(sorted(ours) == sorted(theirs), "same addresses as QMP query-pci",
                f"guest {sorted(ours)}, QEMU {sorted(theirs)}")
        for addr in sorted(set(ours) & set(theirs)):
            for key in ("vendor", "device", "class", "bars", "irq"):
                c.check(ours[addr][key] == theirs[addr][key], f"{addr} {key}",
                        f"guest {ours[addr][key]}, QEMU {theirs[addr][key]}")
        c.check(any(b[4] and b[3] for d in ours.values() for b in d["bars"]),
                "a 64-bit prefetchable BAR was decoded (virtio-rng)")
        c.check(sum(1 for d in ours.values() if (d["vendor"], d["device"]) == (0x8086, 0x100e))
                == 2, "both e1000 NICs, one behind the bridge")
        lspci = [line[6:] for line in lines if line.startswith("LSPCI ")]
        c.check(len(lspci) == len(guest), "lspci prints one line per function")
        for pattern in PCI_LSPCI[machine_type]:
            c.check(any(re.match(pattern, line) for line in lspci), f"lspci line /{pattern}/")
        errors = next((json.loads(line[7:]) for line in lines if line.startswith("ERRORS ")), [])
        expected = ["RangeError: PciDevice %s: offset 0x1000 out of range 0-0xfff for configRead8",
                    "RangeError: PciDevice %s: offset 0x3 not aligned for configRead16",
                    "RangeError: PciDevice %s: value 256 out of range 0-255 for configWrite8",
                    "RangeError: PciDevice %s: offset -4 out of range 0-0xfff for configRead32"]
        nic = "00:02.0" if machine_type == "q35" else "00:03.0"
        if machine_type == "pc":   # no MCFG: mechanism #1, 256 bytes of config space
            expected = [e.replace("0x1000 out of range 0-0xfff", "0x1000 out of range 0-0xff")
                        .replace("-4 out of range 0-0xfff", "-4 out of range 0-0xff")
                        for e in expected]
        c.check(errors == [e % nic for e in expected], "config access bounds throw RangeError",
                json.dumps(errors))
        caps = next((json.loads(line[5:]) for line in lines if line.startswith("CAPS ")), None)
        c.check(bool(caps) and all(any(cap["id"] == 5 for cap in dev) for dev in caps),
                "AHCI controllers list an MSI capability (id 5)", json.dumps(caps))
        return text
    run.__doc__ = (f"hal_pci on the {machine_type} machine (+ e1000 behind a bridge, ahci, "
                   "virtio-rng) matches QMP query-pci; lspci lines; RangeErrors")
    return run


for _machine in ("q35", "pc"):
    scenario(f"qemu.pci_{_machine}")(pci_scenario(_machine))


# -- the PS/2 keyboard (js-drivers/dev/ps2.js) and the tty ---------------------
class Qmp:
    """A QMP session on a unix socket, kept open for many commands."""

    def __init__(self, path, timeout=10):
        import socket
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.settimeout(timeout)
                self.sock.connect(str(path))
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        self.f = self.sock.makefile("rwb")
        self._reply()  # the greeting
        self.execute("qmp_capabilities")

    def _reply(self):
        import json
        while True:
            msg = json.loads(self.f.readline())
            if "event" not in msg:
                return msg

    def execute(self, command, **arguments):
        import json
        cmd = {"execute": command}
        if arguments:
            cmd["arguments"] = arguments
        self.f.write(json.dumps(cmd).encode() + b"\n")
        self.f.flush()
        msg = self._reply()
        if "error" in msg:
            raise RuntimeError(f"QMP {command}: {msg['error']}")
        return msg["return"]

    def close(self):
        self.sock.close()


# US layout: character -> (QEMU qcode, shift)
QCODES = {" ": ("spc", False), "\r": ("ret", False)}
for _plain, _shifted, _codes in [
        ("1234567890", "!@#$%^&*()", list("1234567890")),
        ("-=[]\\;',./`", "_+{}|:\"<>?~",
         ["minus", "equal", "bracket_left", "bracket_right", "backslash", "semicolon",
          "apostrophe", "comma", "dot", "slash", "grave_accent"])]:
    for _p, _s, _q in zip(_plain, _shifted, _codes):
        QCODES[_p] = (_q, False)
        QCODES[_s] = (_q, True)
for _ch in "abcdefghijklmnopqrstuvwxyz":
    QCODES[_ch] = (_ch, False)
    QCODES[_ch.upper()] = (_ch, True)


def send_keys(qmp, *qcodes):
    """One key chord: the qcodes pressed in order and released in reverse."""
    qmp.execute("send-key", keys=[{"type": "qcode", "data": q} for q in qcodes])
    time.sleep(0.03)


def type_text(qmp, text):
    for ch in text:
        code, shift = QCODES[ch]
        if shift:
            send_keys(qmp, "shift", code)
        else:
            send_keys(qmp, code)


def vga_rows(qmp, directory):
    """The VGA text screen (0xB8000, 80x25) as 25 strings, through QMP pmemsave."""
    dump_path = Path(directory) / "vga.bin"
    qmp.execute("pmemsave", val=0xB8000, size=4000, filename=str(dump_path))
    cells = dump_path.read_bytes()[0::2]
    return [cells[r * 80:(r + 1) * 80].decode("latin-1").rstrip() for r in range(25)]


@scenario("qemu.ps2_keyboard")
def ps2_keyboard(c, tree):
    """The REPL typed on the PS/2 keyboard (QMP send-key -> i8042 -> IRQ 1 ->
    js-drivers/dev/ps2.js -> tty/keyboard.js -> fd 0): 6*7 Enter prints 42,
    shifted symbols, Caps Lock on and off, arrows/Home/Delete/Backspace and
    history reach the line editor, Ctrl-C clears the line."""
    with tempfile.TemporaryDirectory(prefix="jsk-ps2-") as tmp:
        sock = Path(tmp) / "qmp.sock"
        with machine(tree, kernel=True, cmdline="watchdog=1000", pass_stdin=True,
                     extra=["-qmp", f"unix:{sock},server=on,wait=off"]) as m:
            ready(c, m)
            qmp = Qmp(sock)
            try:
                keyboard_ready(c, m)

                def answer(keys, expected, what):
                    at = m.console.expect_prompt("> ", 30)
                    if not c.check(at is not None, f"prompt before: {what}"):
                        return
                    keys()
                    hit = m.console.expect(expected, 30)
                    c.check(hit is not None, what, hit and hit.match.string.strip())

                answer(lambda: type_text(qmp, "6*7\r"), r"^42\r?$", "6*7 Enter prints 42")
                answer(lambda: type_text(qmp, "'!@#$%^&*()_+{}|:\"<>?~' + `x`\r".replace("`", "'")),
                       r"""^'!@#\$%\^&\*\(\)_\+\{\}\|:"<>\?~x'\r?$""", "shifted symbols")
                answer(lambda: type_text(qmp, "'-=[]\\\\;,./' + 'Mixed Case'\r"),
                       r"""^'-=\[\]\\\\;,\./Mixed Case'\r?$""", "unshifted punctuation, Shift")

                def caps():
                    send_keys(qmp, "caps_lock")
                    type_text(qmp, "'abc' + 'D'")
                    send_keys(qmp, "caps_lock")
                    type_text(qmp, " + 'efG'\r")
                answer(caps, r"^'ABCdefG'\r?$",
                       "Caps Lock: upper case (Shift inverts it), then lower case again")

                def edit():
                    type_text(qmp, "40+3")
                    send_keys(qmp, "left")
                    send_keys(qmp, "backspace")
                    type_text(qmp, "-")
                    send_keys(qmp, "ret")
                answer(edit, r"^37\r?$", "Left, Backspace and insert in the middle: 40-3")
                rows = vga_rows(qmp, tmp)
                c.check("> 40-3" in rows, "the VGA screen shows the edited line '> 40-3' "
                        "(the line editor's escape sequences interpreted)",
                        repr([r for r in rows if r.startswith(">")][-3:]))
                c.check(not any("\x1b" in r or "[K" in r for r in rows),
                        "no escape sequence printed on the VGA screen")


                def home_delete():
                    type_text(qmp, "19*2")
                    send_keys(qmp, "home")
                    send_keys(qmp, "delete")
                    send_keys(qmp, "end")
                    type_text(qmp, "0")
                    send_keys(qmp, "ret")
                answer(home_delete, r"^180\r?$", "Home, Delete, End: 9*20")

                def history():
                    send_keys(qmp, "up")
                    send_keys(qmp, "ret")
                answer(history, r"^180\r?$", "Up recalls the last line")

                def interrupt():
                    type_text(qmp, "123")
                    send_keys(qmp, "ctrl", "c")
                    type_text(qmp, "2+2\r")
                answer(interrupt, r"^4\r?$", "Ctrl-C clears the line (0x03 reaches the REPL)")

                def keypad():
                    send_keys(qmp, "num_lock")
                    send_keys(qmp, "kp_7")
                    send_keys(qmp, "kp_multiply")
                    send_keys(qmp, "kp_3")
                    send_keys(qmp, "kp_enter")
                answer(keypad, r"^21\r?$", "keypad with Num Lock; keypad Enter (E0 1C)")
                answer(lambda: type_text(qmp, "while(true){}\r"),
                       r"^Uncaught RangeError: execution timeout",
                       "an endless loop typed on the keyboard is cut by the watchdog")
                answer(lambda: type_text(qmp, "6*7\r"), r"^42\r?$",
                       "the keyboard still drives the REPL after the watchdog")
            finally:
                qmp.close()
            c.check(m.console.find(r"ps2.*(Error|failed)") is None,
                    "no error from the driver", m.console.find(r"ps2.*(Error|failed)") and
                    m.console.find(r"ps2.*(Error|failed)").match.string.strip())
            c.check(m.console.find(r"KERNEL (FAULT|PANIC)") is None, "no kernel fault")
            return m.console.text()




def send_events(qmp, *events):
    """input-send-event key events: ("z", True) presses z, ("z", False) releases it."""
    qmp.execute("input-send-event", events=[
        {"type": "key", "data": {"down": down, "key": {"type": "qcode", "data": q}}}
        for q, down in events])
    time.sleep(0.03)


def keyboard_ready(c, m):
    """At the REPL the drivers start right after the first prompt
    (docs/drivers.md, "When drivers start"); keys pressed before the PS/2
    driver has initialised the controller are lost, as on any OS before its
    keyboard driver runs. So, like a person who waits for the keyboard, ask
    over COM1 until the driver provides `input` (pass_stdin=True)."""
    return repl_send(c, m, "require('drivers').get('input').length") and c.check(
        m.console.expect(r"^1\r?$", 30) is not None, "the PS/2 driver provides input")


@scenario("qemu.ps2_events")
def ps2_events(c, tree):
    """The `input` events of js-drivers/dev/ps2.js, recorded from the REPL
    (typed on COM1) while keys come from QMP: names, set 1 codes (0xE0xx for
    extended keys), pressed/released, characters with Shift, typematic
    repeats (make codes without a break) flagged repeat; both input paths
    (serial and keyboard) feed the same REPL."""
    with tempfile.TemporaryDirectory(prefix="jsk-ps2-") as tmp:
        sock = Path(tmp) / "qmp.sock"
        with machine(tree, kernel=True, pass_stdin=True,
                     extra=["-qmp", f"unix:{sock},server=on,wait=off"]) as m:
            ready(c, m)
            qmp = Qmp(sock)

            def serial(line):
                return repl_send(c, m, line)

            try:
                keyboard_ready(c, m)
                serial("var k = [], kb = require('/js-drivers/tty/keyboard.js').input(); "
                       "kb.on('key', function (e) { k.push(e) }); typeof kb.off")
                c.check(m.console.expect(r"^'function'\r?$", 30) is not None,
                        "the REPL reaches the input interface")
                m.console.expect_prompt("> ", 30)
                send_keys(qmp, "shift", "a")
                send_keys(qmp, "up")
                send_events(qmp, ("z", True))
                send_events(qmp, ("z", True))
                send_events(qmp, ("z", True))
                send_events(qmp, ("z", False))
                send_keys(qmp, "ctrl_r", "c")   # clears the line the keys typed
                time.sleep(0.3)
                serial("k.map(function (e) { return e.key + (e.pressed ? '+' : '-') + "
                       "(e.repeat ? 'r' : '') + ':' + e.code.toString(16) + ':' + e.char + "
                       "(e.shift ? 'S' : '') + (e.ctrl ? 'C' : '') }).join(' ')")
                expected = ("'ShiftLeft+:2a:S a+:1e:AS a-:1e:S ShiftLeft-:2a: "
                            "ArrowUp+:e048: ArrowUp-:e048: "
                            "z+:2c:z z+r:2c:z z+r:2c:z z-:2c: "
                            "ControlRight+:e01d:C c+:2e:cC c-:2e:C ControlRight-:e01d:'")
                hit = m.console.expect(r"^'.*'\r?$", 30)
                got = hit.match.group(0).rstrip("\r") if hit else None
                c.check(got == expected, "key events: names, codes, chars, modifiers, repeats",
                        f"got {got}")
            finally:
                qmp.close()
            c.check(m.console.find(r"KERNEL (FAULT|PANIC)") is None, "no kernel fault")
            return m.console.text()


# -- driver ----------------------------------------------------------------------


@scenario("qemu.ps2_reload")
def ps2_reload(c, tree):
    """drivers.reload('ps2', v2) while keys are being typed (QMP send-key):
    the visibly changed version (it logs 'v2 started') takes over in the
    middle of the typing, no key press is lost, Caps Lock survives the
    handover; drivers.list() shows ps2 running."""
    with tempfile.TemporaryDirectory(prefix="jsk-ps2-") as tmp:
        sock = Path(tmp) / "qmp.sock"
        with machine(tree, kernel=True, pass_stdin=True,
                     extra=["-qmp", f"unix:{sock},server=on,wait=off"]) as m:
            ready(c, m)
            qmp = Qmp(sock)

            def serial(line):
                return repl_send(c, m, line)

            try:
                serial("var d = require('drivers'); d.list().map(function (x) { "
                       "return x.name + ' ' + x.state }).join()")
                c.check(m.console.expect(r"^'ahci running,e1000 running,ps2 running'\r?$", 30)
                        is not None, "the driver manager runs ps2 (and ahci, e1000)")
                serial("var v2 = require('native:engine').readFile('/js-drivers/dev/ps2.js')"
                       ".replace(\"ctx.provide('input', impl);\", "
                       "\"ctx.provide('input', impl); ctx.log('v2 started');\"); "
                       "v2.indexOf('v2 started') > 0")
                c.check(m.console.expect(r"^true\r?$", 30) is not None, "v2 source made")
                m.console.expect_prompt("> ", 30)
                send_keys(qmp, "caps_lock")
                # The reload runs from a timer while the keys below are typed.
                serial("setTimeout(function () { d.reload('ps2', v2) }, 300); 0")
                m.console.expect(r"^0\r?$", 30)
                m.console.expect_prompt("> ", 30)
                letters = "abcdefghijklmnopqrstuvwxyz" * 2
                type_text(qmp, "'" + letters + "'")
                send_keys(qmp, "ret")
                hit = m.console.expect(r"^'[A-Za-z]*'\r?$", 30)
                got = hit.match.group(0).rstrip("\r") if hit else None
                c.check(got == "'" + letters.upper() + "'",
                        "every key typed during the reload arrived, upper case (Caps Lock kept)",
                        f"got {got}")
                c.check(m.console.find(r"ps2: v2 started") is not None,
                        "the changed version started", m.console.find(r"reloaded ps2") and
                        m.console.find(r"reloaded ps2").match.string.strip())
                c.check(m.console.find(r"^> '[A-Z]+drivers: ps2: v2 started") is not None,
                        "the reload happened while the keys were being typed")
                serial("d.list().filter(function (x) { return x.name === 'ps2' }).map("
                       "function (x) { return x.name + ' ' + x.state + ' ' + "
                       "x.restarts + ' ' + x.lastError }).join()")
                c.check(m.console.expect(r"^'ps2 running 0 null'\r?$", 30)
                        is not None,
                        "ps2 running, no restart, no error")
            finally:
                qmp.close()
            c.check(m.console.find(r"KERNEL (FAULT|PANIC)") is None, "no kernel fault")
            return m.console.text()


# -- the driver manager (js-drivers/core/drivers.js, docs/drivers.md) --------
DRIVERS = Path(__file__).resolve().parent / "drivers"


@scenario("qemu.drivers_manager")
def drivers_manager(c, tree):
    """require('drivers') on bare metal with the test drivers of
    tests/qemu/drivers: a throwing IRQ handler is restarted with backoff (4
    restarts) and ends 'failed' with its error; an endless loop in a handler
    is cut by the watchdog and handled the same way; the tutorial's RTC
    driver (js-drivers/examples/rtc.js) provides 'clock'; a reload whose new
    version throws in start is rolled back; a consumer's proxy sees the new
    version and keeps its listeners; a stopped driver's proxy throws."""
    needs_services()
    status, out, err = jsk_run(c, tree, "drivers_manager.js",
                               options=("--with", str(DRIVERS)))
    text = out.decode("utf-8", "replace")
    for line, what in [
        ("require(drivers) list true", "bare require('drivers') works"),
        ("thrower state running device rtc restarts 0 lastError null", "the thrower starts"),
        ("thrower state failed device rtc restarts 4 lastError Error: boom at interrupt 3",
         "the thrower is restarted 4 times, then 'failed' with its error"),
        ("looper state failed device rtc restarts 4 lastError RangeError: execution timeout",
         "the endless loop is cut by the watchdog, restarted, then 'failed'"),
        ("alive after the looper true", "the machine keeps running"),
        ("whenProvided rtc", "whenProvided('clock') sees the RTC driver's interface"),
        ("clock version 1 time true", "the RTC driver provides 'clock'"),
        ("ticking true tick events true", "ticks and tick events"),
        ("bad reload ok false error Error: v2 broken", "a new version throwing in start fails"),
        ("rtc state running device rtc restarts 0 lastError reload: Error: v2 broken",
         "rolled back: the old version runs, list() shows why"),
        ("after rollback version 1 ticks kept true", "the proxy still reaches version 1"),
        ("good reload ok true ms number", "a good reload"),
        ("after reload version 2 ticks kept true listener follows true held method true",
         "the held proxy (and a method kept from it) sees version 2, the handover and the "
         "listener follow"),
        ("stopped proxy throws clock: driver rtc is not running; held method clock: driver rtc "
         "is not running", "a stopped driver's proxy throws, and so does a kept method"),
        ("restarted version 2 held method true", "start(name) brings it back"),
        ("done", "the app ran to the end"),
    ]:
        c.check(line in text.splitlines(), what, line)
    starts = len(re.findall(r"^drivers: thrower: started$", text, re.M))
    c.check(starts == 5, "the thrower was started 5 times", f"{starts}")
    c.check(status == 0, "status 0", f"status {status}")
    c.check("KERNEL" not in text, "no kernel fault")
    return app_transcript(status, out, err)


@scenario("qemu.drivers_push")
def drivers_push(c, tree):
    """Hot reload over COM2 end to end: the REPL machine with COM2 on a unix
    socket; `jsk push --socket` adds the RTC driver, reloads it, a version
    that throws in start is rolled back (list() in the REPL shows why, the
    held 'clock' interface still answers version 1), a good version 2 is
    then seen through the same interface."""
    import tempfile
    rtc = REPO / "js-drivers" / "examples" / "rtc.js"
    source = rtc.read_text()
    with tempfile.TemporaryDirectory() as tmp:
        sock = str(Path(tmp) / "com2.sock")
        bad, good = Path(tmp) / "rtc_bad.js", Path(tmp) / "rtc_v2.js"
        bad.write_text(source.replace("io = ctx.hal.io.claim(0x70, 2);",
                                      "io = ctx.hal.io.claim(0x70, 2); "
                                      "throw new Error('v2 broken');"))
        good.write_text(source.replace("version: 1", "version: 2"))
        cfg = qemu.QemuConfig(tree, kernel=True, serial="stdio", accel=qemu.accel_from_env(),
                              com2=sock)
        cfg.prepare()
        with qemu.Machine(cfg, pass_stdin=True).start() as m:
            ready(c, m)

            def push(path, pattern, what):
                proc = subprocess.run(
                    [sys.executable, str(JSK), "push", "--build-dir", str(tree.root),
                     "--socket", sock, str(path)],
                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
                c.check(re.search(pattern, proc.stdout, re.M) is not None, what,
                        proc.stdout.strip())
                return proc

            def answer(line, expected, what):
                # The manager's log lines ("drivers: reloaded rtc ...") may
                # follow the last prompt: Enter gives a fresh one first.
                m.proc.stdin.write(b"\r")
                m.proc.stdin.flush()
                at = m.console.expect_prompt("> ", 30)
                if not c.check(at is not None, f"prompt before {line!r}"):
                    return
                m.proc.stdin.write(line.encode() + b"\r")
                m.proc.stdin.flush()
                hit = m.console.expect(expected, 30)
                c.check(hit is not None, what, hit and hit.match.string.strip())

            # Pushed at once, before the prompt: the channel starts with the
            # drivers, after the prompt, and must not lose what came first.
            push(REPO / "js-drivers" / "dev" / "ps2.js", r"^reloaded ps2 in ",
                 "jsk push js-drivers/dev/ps2.js right after the ready line, before "
                 "the drivers start, swaps the keyboard driver")
            answer("var drivers = require('drivers'); drivers.list().map(function (d) { "
                   "return d.name + ' ' + d.state + ' ' + d.device; }).join()",
                   r"^'ahci running pci 00:1f.2,e1000 running pci 00:02.0,ps2 running i8042'\r?$",
                   "require('drivers') in the REPL: the boot drivers (ahci on q35's "
                   "SATA controller, e1000, ps2 on the i8042)")
            def exchange(data, lines, seconds, quiet=None):
                """Sends raw bytes to the channel; returns what comes back
                by `lines` lines or `seconds`, or (`quiet`) once that long
                passed without a byte after the first."""
                with push_tool.connect(sock, 5) as s:
                    s.sendall(data)
                    s.settimeout(quiet or 1)
                    got = b""
                    deadline = time.monotonic() + seconds
                    while time.monotonic() < deadline and got.count(b"\n") < lines:
                        try:
                            chunk = s.recv(4096)
                        except OSError:
                            if got and quiet:
                                break
                            continue
                        if not chunk:
                            break
                        got += chunk
                    return got

            # A frame with a bad header: one ERR naming it, the rest of the
            # frame dropped (not an ERR per line), and the channel still works.
            got = exchange(b"HELLO there\nline 2\nline 3\n" + b"x" * 2000 + b"\nmore\n", 2, 20,
                           quiet=0.5)
            c.check(got == b'ERR - 0 bad header "HELLO there"\n',
                    "a bad header gets one ERR line naming it", repr(got))
            # A length over the limit (4 MiB): an ERR saying so, nothing
            # allocated, and its body dropped like a bad frame's.
            got = exchange(b"PUSH huge 99999999999999999999\nvar x = 1;\n", 2, 20, quiet=0.5)
            c.check(got == b"ERR huge 0 source of 99999999999999999999 bytes is over the "
                    b"limit of 4194304\n", "a length over the limit gets one ERR saying so",
                    repr(got))
            # A good frame right behind a bad one, with no pause between
            # them (as a guest that reads late finds them): the good header
            # ends the discarding.
            ps2 = (REPO / "js-drivers" / "dev" / "ps2.js").read_bytes()
            got = exchange(b"HELLO again\nline 2\n" + b"PUSH ps2 %d\n" % len(ps2) + ps2, 2, 30)
            lines = got.split(b"\n")
            c.check(len(lines) >= 2 and lines[0] == b'ERR - 0 bad header "HELLO again"'
                    and lines[1].startswith(b"OK ps2 "),
                    "a good frame right behind a bad one: ERR, then OK", repr(got))
            # The same when the bad frame's last line has no newline: the
            # good header ends that line.
            got = exchange(b"HELLO once more\nvar unfinished = 1;" + b"PUSH ps2 %d\n" % len(ps2)
                           + ps2, 2, 30)
            lines = got.split(b"\n")
            c.check(len(lines) >= 2 and lines[0] == b'ERR - 0 bad header "HELLO once more"'
                    and lines[1].startswith(b"OK ps2 "),
                    "a good frame right behind a bad one without a last newline: ERR, then OK",
                    repr(got))
            answer("drivers.list()[1].state + ' ' + drivers.list()[1].lastError",
                   r"^'running null'\r?$", "ps2 running after its reload")
            p = push(rtc, r"^reloaded rtc in \d+\.\d{3} ms \(in-guest\), round trip \d+ ms$",
                     "jsk push adds the RTC driver and prints the times")
            c.check(p.returncode == 0, "jsk push status 0", f"{p.returncode}")
            answer("var clock = drivers.get('clock')[0]; clock.version", r"^1\r?$",
                   "the REPL holds its 'clock' interface")
            push(rtc, r"^reloaded rtc in ", "a second push reloads it")
            p = push(bad, r"^reload of rtc failed after \d+\.\d{3} ms: Error: v2 broken",
                     "a version that throws in start: jsk push reports why")
            c.check(p.returncode == 1, "jsk push status 1 on failure", f"{p.returncode}")
            answer("drivers.list().map(function (d) { return d.state + ' / ' + d.lastError; })"
                   ".join()", r"running / reload: Error: v2 broken",
                   "rolled back: still running, list() shows the error")
            answer("clock.version", r"^1\r?$", "the interface still reaches version 1")
            push(good, r"^reloaded rtc in ", "version 2 pushed")
            answer("clock.version + ' ' + (clock.ticks() > 0)", r"^'2 true'\r?$",
                   "the same interface reaches version 2, ticks handed over")
            if c.check(m.console.expect_prompt("> ", 30) is not None, "prompt before .exit"):
                m.proc.stdin.write(b".exit\r")
                m.proc.stdin.flush()
                wait_exit(c, m, 0)
            return m.console.text()


# -- driver ----------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("name", nargs="?", help="scenario to run")
    ap.add_argument("--build-dir", help="build tree (default: build/)")
    ap.add_argument("--list", action="store_true", help="list the scenarios")
    args = ap.parse_args()
    if args.list or not args.name:
        for name, fn in SCENARIOS.items():
            print(f"{name:28} {(fn.__doc__ or '').strip().splitlines()[0]}")
        return 0
    fn = SCENARIOS.get(args.name)
    if fn is None:
        ap.error(f"unknown scenario {args.name!r} (--list)")
    tree = BuildTree.at(args.build_dir)
    c = Checks(args.name)
    print(f"{args.name}: {(fn.__doc__ or '').strip().splitlines()[0]}", flush=True)
    started = time.monotonic()
    output = ""
    try:
        tree.require(tree.elf, tree.iso)
        output = fn(c, tree) or ""
    except Skip as why:
        print(f"SKIP {args.name}: {why}")
        return SKIP
    except SystemExit as err:          # e.g. a missing artifact from jsklib
        c.check(False, str(err))
    elapsed = time.monotonic() - started
    if c.failed:
        dump("console", output)
        print(f"FAIL {args.name} ({elapsed:.1f} s): " + "; ".join(c.failed))
        return 1
    print(f"PASS {args.name} ({elapsed:.1f} s)")
    return 0


def load_area_scenarios():
    """Scenarios of a device or subsystem live in tests/qemu/scenarios/AREA.py
    and register themselves with `from scenario import scenario, ...`. This
    file runs as __main__, so it is made importable as `scenario` first (one
    SCENARIOS table, not two)."""
    import importlib.util
    sys.modules.setdefault("scenario", sys.modules[__name__])
    for path in sorted((Path(__file__).parent / "scenarios").glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"scenarios.{path.stem}", path)
        spec.loader.exec_module(importlib.util.module_from_spec(spec))


if __name__ == "__main__":
    load_area_scenarios()
    sys.exit(main())
