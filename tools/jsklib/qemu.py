"""QEMU: the command line for the jskernel machine, launching it, exit codes.

The machine (see docs and the `jsk run` help): q35 (AHCI on the chipset), 512 MiB,
one CPU, TCG unless JSK_ACCEL=kvm, an e1000 on restricted user networking, the
ISO as an AHCI CD on port 0 and raw disks on ports 1-5, COM1 as the console,
and isa-debug-exit so the guest's exit status becomes QEMU's exit code:
QEMU exits with (status << 1) | 1 when the kernel writes `status` to port 0xf4.
"""
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .console import Console

QEMU = "qemu-system-x86_64"
MAX_DISKS = 5                    # AHCI ports ide.1 .. ide.5 (ide.0 is the CD)
SCRATCH_BYTES = 16 * 1024 * 1024
STATUS_STARTUP_FAILED = 125      # like env(1) and docker: "could not run it"
STATUS_TIMEOUT = 124             # like timeout(1)
STATUS_VM_ERROR = 126            # the accelerator stopped the machine


class UsageError(Exception):
    """A bad option; the CLI prints it and exits with status 2."""


def parse_forward(spec):
    """'8080:80' -> (8080, 80, 'tcp'): a forward from 127.0.0.1:8080 on the
    host to the guest's port 80; 'udp:5300:53' -> (5300, 53, 'udp')."""
    m = re.fullmatch(r"(?:(tcp|udp):)?(\d{1,5}):(\d{1,5})", spec)
    if not m or not all(0 < int(p) < 65536 for p in m.groups()[1:]):
        raise UsageError(f"--forward wants [tcp:|udp:]HOSTPORT:GUESTPORT, got {spec!r}")
    return int(m.group(2)), int(m.group(3)), m.group(1) or "tcp"


# Where a guest reaches a --guestfwd. Not 10.0.2.2: slirp refuses a guest
# forward on its own address ("Conflicting/invalid host:port in guest
# forwarding rule"), and with restrict=on a guest's connection to anything
# else is dropped, so a host service needs an address of its own on the
# virtual network. 10.0.2.100 is outside slirp's DHCP pool (.15-.30).
GUESTFWD_ADDR = "10.0.2.100"


def parse_guestfwd(spec):
    """'[ADDR:]GUESTPORT:HOSTPORT' -> (ADDR, GUESTPORT, HOSTPORT): the
    guest's TCP connections to ADDR:GUESTPORT (default ADDR: GUESTFWD_ADDR)
    reach a server on 127.0.0.1:HOSTPORT. QEMU connects to that server once,
    when it starts (QEMU's guestfwd is a character device): it must listen
    by then, and every guest connection shares that one byte stream."""
    m = re.fullmatch(r"(?:(\d{1,3}(?:\.\d{1,3}){3}):)?(\d{1,5}):(\d{1,5})", spec)
    if not m or not all(0 < int(p) < 65536 for p in m.groups()[1:]):
        raise UsageError(f"--guestfwd wants [ADDR:]GUESTPORT:HOSTPORT, got {spec!r}")
    addr = m.group(1) or GUESTFWD_ADDR
    octets = [int(o) for o in addr.split(".")]
    if octets[:3] != [10, 0, 2] or octets[3] in (0, 2, 3, 255) or 15 <= octets[3] <= 30:
        raise UsageError(f"--guestfwd {spec}: the address must be on QEMU's virtual network "
                         "10.0.2.0/24 and not the gateway (.2), the DNS server (.3), the "
                         "network or broadcast address, nor in the DHCP pool (.15-.30)")
    return addr, int(m.group(2)), int(m.group(3))


NIC_MODELS = ("e1000", "e1000-82545em")   # 82540EM (8086:100e), 82545EM (8086:100f)


def parse_net(spec):
    """The guest NIC's backend, as `jsk run --net SPEC` and QemuConfig.net
    take it, -> the -netdev value (id net0). Every address is 127.0.0.1:

    user                 QEMU user networking, restrict=on (the default)
    connect:PORT         a stream socket QEMU opens to a peer listening on
                         127.0.0.1:PORT; each frame is a 4-byte big-endian
                         length and the frame
    listen:PORT          the same, but QEMU listens and the peer connects
    dgram:LOCAL:REMOTE   UDP: QEMU receives on 127.0.0.1:LOCAL and sends to
                         127.0.0.1:REMOTE, one datagram per frame
    """
    def port(text):
        if not re.fullmatch(r"\d{1,5}", text) or not 0 < int(text) < 65536:
            raise UsageError(f"--net {spec}: {text!r} is not a port (1-65535)")
        return int(text)

    kind, _, rest = (spec or "user").partition(":")
    if kind == "user" and not rest:
        return "user,id=net0,restrict=on"
    if kind in ("connect", "listen") and rest:
        return f"socket,id=net0,{kind}=127.0.0.1:{port(rest)}"
    if kind == "dgram" and rest.count(":") == 1:
        local, remote = (port(p) for p in rest.split(":"))
        return ("dgram,id=net0,local.type=inet,local.host=127.0.0.1,"
                f"local.port={local},remote.type=inet,remote.host=127.0.0.1,"
                f"remote.port={remote}")
    raise UsageError(f"--net wants user, connect:PORT, listen:PORT or dgram:LOCAL:REMOTE "
                     f"(all on 127.0.0.1), got {spec!r}")


def accel_from_env():
    """TCG by default (deterministic, works everywhere); JSK_ACCEL=kvm opts in."""
    accel = os.environ.get("JSK_ACCEL", "tcg") or "tcg"
    if accel not in ("tcg", "kvm"):
        raise UsageError(f"JSK_ACCEL must be tcg or kvm, not {accel!r}")
    if accel == "kvm" and not os.access("/dev/kvm", os.R_OK | os.W_OK):
        raise UsageError("JSK_ACCEL=kvm but /dev/kvm is missing or not accessible")
    return accel


def free_port(kind=socket.SOCK_STREAM):
    """A TCP (or, with SOCK_DGRAM, UDP) port free on 127.0.0.1 right now,
    as the kernel picks it: the gdbstub, forwards, test servers."""
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gdbstub_listening(port):
    """Whether something listens on 127.0.0.1:port (Linux /proc/net/tcp), to
    know that QEMU's gdbstub is up without connecting to it."""
    want = f"0100007F:{port:04X}"
    try:
        with open("/proc/net/tcp") as f:
            return any(l.split()[1] == want and l.split()[3] == "0A" for l in list(f)[1:])
    except OSError:
        return True


def version():
    out = subprocess.run([QEMU, "--version"], stdout=subprocess.PIPE, text=True).stdout
    return out.splitlines()[0] if out else "unknown"


@dataclass
class QemuConfig:
    """Everything that shapes one QEMU command line."""

    tree: object                      # paths.BuildTree
    kernel: bool = False              # -kernel fast path instead of the ISO
    kernel_image: str = None          # with kernel: another image than the tree's
                                      # (the Linux reference of `jsk bench http`)
    cmdline: str = None               # -append, only with kernel
    initrd: list = None               # -initrd modules with kernel; None: [tree.initrd]
    disks: list = field(default_factory=list)
    forwards: list = field(default_factory=list)   # [(hostport, guestport[, proto])]
    guestfwds: list = field(default_factory=list)  # [(addr, guestport, hostport)]
    extra: list = field(default_factory=list)      # appended verbatim
    gui: bool = False
    accel: str = "tcg"
    serial: str = "stdio"             # the -serial value
    gdb_port: int = None              # gdbstub on 127.0.0.1:port
    paused: bool = False              # -S: wait for the debugger
    memory: str = "512M"
    machine: str = "q35"              # tests also boot the older "pc" (i440FX)
    debug_exit: bool = True           # False: the guest must power off through ACPI
    com2: str = None                  # COM2 as a unix socket server at this path (jsk push)
    net: str = "user"                 # the NIC's backend: see parse_net
    nic: str = "e1000"                # the NIC model: one of NIC_MODELS

    def validate(self):
        """Check the options (before anything is built)."""
        if self.cmdline is not None and not self.kernel:
            raise UsageError("--cmdline only works with --kernel (GRUB's grub.cfg "
                             "passes no arguments to the ISO boot)")
        if len(self.disks) > MAX_DISKS:
            raise UsageError(f"at most {MAX_DISKS} --disk (AHCI ports 1-{MAX_DISKS})")
        for d in self.disks:
            if not Path(d).is_file():
                raise UsageError(f"--disk {d}: no such file")
        parse_net(self.net)
        if self.forwards and parse_net(self.net) != parse_net("user"):
            raise UsageError("--forward needs user networking (--net user)")
        if self.guestfwds and parse_net(self.net) != parse_net("user"):
            raise UsageError("--guestfwd needs user networking (--net user)")
        if self.nic not in NIC_MODELS:
            raise UsageError(f"--nic wants one of {', '.join(NIC_MODELS)}, got {self.nic!r}")

    def prepare(self):
        """Validate, check the image exists, and create the scratch disk used
        when no --disk is given, so the machine always has an AHCI disk."""
        self.validate()
        if self.kernel_image is None:
            self.tree.require(self.tree.elf if self.kernel else self.tree.iso)
        if self.kernel and self.initrd is None:
            self.tree.require(self.tree.initrd)
        scratch = self.tree.scratch_disk
        if not self.disks and not scratch.exists():
            with open(scratch, "wb") as f:
                f.truncate(SCRATCH_BYTES)       # sparse

    def argv(self):
        a = [QEMU, "-machine", self.machine, "-accel", self.accel, "-m", self.memory,
             "-smp", "1", "-no-reboot", "-vga", "std"]
        if not self.gui:
            a += ["-display", "none"]
        if self.debug_exit:
            a += ["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
        netdev = parse_net(self.net)
        for forward in self.forwards:
            h, g, proto = (tuple(forward) + ("tcp",))[:3]
            netdev += f",hostfwd={proto}:127.0.0.1:{h}-:{g}"
        for addr, g, h in self.guestfwds:
            netdev += f",guestfwd=tcp:{addr}:{g}-tcp:127.0.0.1:{h}"
        a += ["-netdev", netdev, "-device", f"{self.nic},netdev=net0"]
        if self.kernel:
            a += ["-kernel", str(self.kernel_image or self.tree.elf)]
            # Boot modules, as multiboot1 modules: "file args,file args".
            # QEMU passes the file name (and args) as each module's command
            # line. The default is the boot-module archive.
            modules = [str(self.tree.initrd)] if self.initrd is None else list(self.initrd)
            if modules:
                a += ["-initrd", ",".join(str(m) for m in modules)]
            if self.cmdline is not None:
                a += ["-append", self.cmdline]
        else:
            a += ["-drive", f"file={self.tree.iso},media=cdrom,if=none,id=cd0,readonly=on",
                  "-device", "ide-cd,drive=cd0,bus=ide.0,bootindex=0"]
        # The default scratch disk is opened with snapshot=on: writes go to a
        # throwaway overlay, so it is always blank and several machines (tests
        # running in parallel) can share it without fighting over its lock.
        disks = [(d, "") for d in self.disks] or [(self.tree.scratch_disk, ",snapshot=on")]
        for n, (disk, opts) in enumerate(disks):
            a += ["-drive", f"file={disk},format=raw,if=none,id=disk{n}{opts}",
                  "-device", f"ide-hd,drive=disk{n},bus=ide.{n + 1}"]
        a += ["-serial", self.serial]
        if self.com2:
            # The hot-reload channel (js-drivers/core/reload_channel.js):
            # QEMU listens, `jsk push` connects; no TCP.
            a += ["-chardev", f"socket,id=com2,path={self.com2},server=on,wait=off",
                  "-serial", "chardev:com2"]
        if self.gdb_port:
            a += ["-gdb", f"tcp:127.0.0.1:{self.gdb_port}"]
        if self.paused:
            a += ["-S"]
        return a + list(self.extra)

    def shell(self):
        return shlex.join(self.argv())


def startup_error(stderr_text):
    """QEMU's own error lines ('qemu-system-x86_64: -device foo: ...'),
    ignoring warnings and the note it prints when it is signalled."""
    errors = []
    for line in stderr_text.splitlines():
        if re.match(r"qemu-system-\w+: ", line) and not re.search(
                r": (warning: |terminating on signal)", line):
            errors.append(line)
    return errors


def foreign_signal(stderr_text):
    """QEMU's note that a signal ended it ('terminating on signal 15 from
    pid 1458 (kill)'), or None."""
    m = re.search(r"terminating on signal (\d+).*", stderr_text)
    return m and (int(m.group(1)), m.group(0))


def guest_status(rc, stderr_text="", stopped=False):
    """The guest's exit status from QEMU's exit code.

    odd rc     the guest wrote rc>>1 to isa-debug-exit (rc 1 = status 0)...
    rc 1       ...unless QEMU printed an error: it failed to start -> 125
    rc 0       ACPI power-off, or quit from the monitor -> 0, unless QEMU
               says a signal ended it and we (stopped) did not send it:
               QEMU exits 0 on SIGTERM, which must not pass for a guest
               that ended well -> 128 + signal
    rc < 0     QEMU killed by a signal -> 128 + signal, like a shell
    "KVM internal error" on stderr: the VM was stopped, not shut down -> 126
    """
    if rc < 0:
        return 128 - rc
    if "KVM internal error" in stderr_text:
        return STATUS_VM_ERROR
    if rc == 0:
        signalled = foreign_signal(stderr_text)
        return 128 + signalled[0] if signalled and not stopped else 0
    if rc == 1 and startup_error(stderr_text):
        return STATUS_STARTUP_FAILED
    if rc & 1:
        return rc >> 1
    return rc


class Machine:
    """One running QEMU, with its serial console and stderr collected.

    capture_serial: read COM1 (which must be -serial stdio) into self.console;
    otherwise QEMU inherits our stdin/stdout (the interactive `jsk run`).
    pass_stdin: with capture_serial, QEMU's stdin is a pipe: feed_stdin()
    copies our stdin into it (`jsk run app.js < input` reaches COM1).
    pass_stderr: forward QEMU's stderr to ours while keeping a copy for
    guest_status(). detach: own session, so the terminal's Ctrl-C (meant for
    gdb) does not kill QEMU.
    """

    def __init__(self, config, capture_serial=True, echo=None, pass_stderr=True,
                 detach=False, pass_stdin=False):
        self.config = config
        self.capture_serial = capture_serial
        self.console = Console(echo=echo)
        # QEMU's note that we signalled it is noise: we know, we stopped it.
        self.stderr = Console(echo=sys.stderr.buffer if pass_stderr else None,
                              hide=r"terminating on signal")
        self.detach = detach
        self.pass_stdin = pass_stdin    # with capture_serial: our stdin feeds COM1
        self.proc = None
        self.started_at = None
        self.stopped = False            # stop() signalled QEMU

    def start(self):
        argv = self.config.argv()
        self.started_at = time.monotonic()
        self.proc = subprocess.Popen(
            argv,
            stdin=(subprocess.PIPE if self.pass_stdin else subprocess.DEVNULL)
            if self.capture_serial or self.detach else None,
            stdout=subprocess.PIPE if self.capture_serial else None,
            stderr=subprocess.PIPE,
            start_new_session=self.detach)
        if self.capture_serial:
            self.console.follow_pipe(self.proc.stdout)
        self.stderr.follow_pipe(self.proc.stderr)
        return self

    def feed_stdin(self, source, after=None, timeout=None):
        """Copy `source` (a binary file) to the guest's COM1 in a thread,
        starting once console.expect(after) matches: bytes that arrive
        before the kernel has set up its UART would be lost (its FIFO reset
        drops them). The pipe is closed at the end of the input; a serial
        line has no end-of-file, so the guest sees nothing of it."""
        import threading

        def pump():
            try:
                wait = timeout if timeout is not None else 24 * 3600
                if after is not None and self.console.expect(after, wait) is None:
                    return
                while True:
                    data = os.read(source.fileno(), 65536)
                    if not data:
                        break
                    self.proc.stdin.write(data)
                    self.proc.stdin.flush()
            except (OSError, ValueError):
                pass
            finally:
                try:
                    self.proc.stdin.close()
                except (OSError, ValueError):
                    pass

        threading.Thread(target=pump, daemon=True).start()

    def __enter__(self):
        return self.start() if self.proc is None else self

    def __exit__(self, *exc):
        self.stop()

    @property
    def returncode(self):
        return self.proc.poll()

    def wait(self, timeout=None):
        """Wait for QEMU to exit; return the guest status. Raises
        subprocess.TimeoutExpired when timeout (seconds) passes first.

        After a KVM internal error QEMU keeps running with the VM stopped;
        that is a dead machine, so stop QEMU rather than wait forever."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            try:
                rc = self.proc.wait(0.2 if left is None else max(0, min(0.2, left)))
                break
            except subprocess.TimeoutExpired:
                if self.stderr.find(r"KVM internal error"):
                    time.sleep(0.2)            # let QEMU finish its register dump
                    self.stop()
                    rc = self.proc.returncode
                    break
                if left is not None and left <= 0:
                    raise subprocess.TimeoutExpired(self.proc.args, timeout)
        self.stderr.wait_closed(2)
        if self.capture_serial:
            self.console.wait_closed(2)
        return guest_status(rc, self.stderr.text(), stopped=self.stopped)

    def stop(self, grace=3.0):
        """SIGTERM (QEMU restores the terminal), then SIGKILL after grace s."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.stopped = True
        try:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(grace)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        except ProcessLookupError:
            pass

    def failed_to_start(self):
        return self.proc.poll() == 1 and bool(startup_error(self.stderr.text()))
