"""The kernel's boot diagnostics: `boottrace` (boot steps, then each
JavaScript module loaded until the REPL prompt) and `profile` (the sampling
profiler, kernel/debug/profiler.cpp), under -icount so that what is sampled
does not depend on how busy the host is."""
import re

from scenario import scenario, machine, ready, repl_send

ICOUNT = ["-icount", "shift=0"]


def type_line(m, line):
    """Types a line on COM1 without waiting for a prompt: the trace and the
    report are printed after it, so the console does not end with '> '."""
    m.proc.stdin.write(line.encode() + b"\r")
    m.proc.stdin.flush()


@scenario("qemu.boottrace")
def boottrace(c, tree):
    """boottrace: the boot steps, the module loads in order with their times,
    the REPL prompt milestone; the drivers load after the prompt."""
    with machine(tree, kernel=True, cmdline="boottrace", pass_stdin=True, extra=ICOUNT) as m:
        ready(c, m)
        hit = m.console.expect(r"boottrace: REPL prompt written\s+\(at ([\d.]+) ms\)", 60)
        c.check(hit is not None, "the REPL prompt milestone")
        type_line(m, "require('drivers').list().length > 0")
        c.check(m.console.expect(r"^true\r?$", 30) is not None, "drivers run after the prompt")
        text = m.console.text()
        m.stop()
        lines = re.findall(r"boottrace: +(\S.*?) +([\d.]+) ms \(at ([\d.]+) ms\)", text)
        modules = [name for name, _, _ in lines]
        c.check("/js-drivers/core/init.js" in modules, "init.js is traced", modules[:3])
        c.check(any(n.strip() == "/js-drivers/core/syscalls.js" for n in modules),
                "modules it requires are listed, indented")
        at = [float(a) for _, _, a in lines]
        c.check(at == sorted(at), "in the order they finished")
        prompt = float(hit.match.group(1)) if hit else 0
        after = [n.strip() for n, _, a in lines if float(a) > prompt]
        c.check("/js-drivers/core/drivers.js" in after,
                "the driver manager loads after the prompt", after[:3])
        return text


@scenario("qemu.profile")
def profile(c, tree):
    """profile=20000: samples from boot until the machine first idles, then
    a report whose top functions are the JavaScript engine's."""
    with machine(tree, kernel=True, cmdline="profile=20000", pass_stdin=True,
                 extra=ICOUNT) as m:
        ready(c, m)
        hit = m.console.expect(r"profile: (\d+) samples in \d+ ms \(20000 per second\): "
                               r"(\d+) busy", 60)
        c.check(hit is not None and int(hit.match.group(2)) > 50,
                "a report with busy samples", hit and hit.match.string.strip())
        c.check(m.console.expect(r"profile: self \(", 10) is not None, "the self table")
        c.check(m.console.expect(r"profile: total, with callees", 10) is not None,
                "the total table")
        c.check(m.console.expect(r"profile: JavaScript, self \(", 10) is not None,
                "the JavaScript tables follow")
        # From JavaScript, around a piece of work of its own.
        type_line(m, "function burn() { for (var i = 0, s = ''; i < 3000; i++) s += i; } "
                     "var k = require('native:kernel'); k.profileStart(2000); burn(); "
                     "k.profileReport(5); 1")
        hit = m.console.expect(r"profile: \d+ samples .*?: (\d+) busy", 30)
        c.check(hit is not None and int(hit.match.group(1)) > 0,
                "profileStart/profileReport from the REPL")
        hit = m.console.expect(r"profile: +\d+ +[\d.]+%  burn ", 30)
        c.check(hit is not None, "the JS profile names the REPL's burn()")
        repl_send(c, m, "try { k.profileStart(5) } catch (e) { e.name }")
        c.check(m.console.expect(r"^'RangeError'\r?$", 30) is not None, "a bad rate is refused")
        text = m.console.text()
        m.stop()
        report = text[text.find("profile: total"):]
        c.check("start_loader" in report and "kernel_main" in report,
                "totals name the engine's start-up under kernel_main")
        return text
