"""The `jsk` command line: argparse definitions and one function per command.

The run options are shared by `run` and `debug` and are a stable interface
(tests and later work use them): --kernel --cmdline --disk --forward
--guestfwd --qemu --gui --timeout --verbose.
"""
import argparse
import os
import subprocess
import sys
import time

from . import app, bench, build, deps, gdb, push, qemu, testrun
from .bochs import Bochs
from .console import READY_RE
from .paths import BuildTree
from .qemu import UsageError

# -- helpers -------------------------------------------------------------
def prepared_tree(args):
    """The build tree, with packages checked and the build up to date
    (unless --no-build: use the tree as it is, e.g. from inside CTest)."""
    tree = BuildTree.at(args.build_dir)
    if not args.no_build:
        deps.ensure()
        build.build(tree, stream=False)
    return tree


def qemu_config(args, tree, kernel, cmdline=None):
    cfg = qemu.QemuConfig(
        tree=tree, kernel=kernel, cmdline=args.cmdline if cmdline is None else cmdline,
        disks=list(args.disk),
        forwards=[qemu.parse_forward(f) for f in args.forward],
        guestfwds=[qemu.parse_guestfwd(f) for f in args.guestfwd],
        extra=list(args.qemu), gui=args.gui, accel=qemu.accel_from_env(),
        com2=push.socket_path(tree, args.com2), net=args.net, nic=args.nic)
    cfg.validate()
    return cfg


def seconds(value):
    return f"{value:g}"


class TerminalGuard:
    """Restore the terminal settings if QEMU dies without doing it (SIGKILL)."""

    def __enter__(self):
        self.saved = None
        if sys.stdin.isatty():
            import termios
            try:
                self.saved = termios.tcgetattr(sys.stdin.fileno())
            except termios.error:
                pass
        return self

    def __exit__(self, *exc):
        if self.saved is not None:
            import termios
            termios.tcsetattr(sys.stdin.fileno(), termios.TCSADRAIN, self.saved)


# -- commands --------------------------------------------------------------
def cmd_setup(args, extra):
    deps.ensure(verbose=True)
    return 0


def cmd_build(args, extra):
    deps.ensure()
    build.build(BuildTree.at(args.build_dir), stream=True)
    return 0


def cmd_run(args, extra):
    if args.app:
        # Headless on the -kernel path, whatever --kernel says; --cmdline
        # adds words after app= and args=.
        tree = BuildTree.at(args.build_dir)
        qemu_config(args, tree, kernel=True, cmdline="")     # check options first
        tree = prepared_tree(args)
        return app.run(args, tree, lambda cmdline: qemu_config(args, tree, True, cmdline))
    if args.with_files:
        raise UsageError("--with needs an app")
    tree = BuildTree.at(args.build_dir)
    cfg = qemu_config(args, tree, kernel=args.kernel)
    tree = prepared_tree(args)
    interactive = sys.stdin.isatty()
    cfg.serial = "mon:stdio" if interactive else "stdio"
    cfg.prepare()
    if args.verbose:
        print("jsk: " + cfg.shell(), file=sys.stderr)
    if interactive:
        print("jsk: COM1 is this terminal; Ctrl-A X quits, Ctrl-A C toggles the "
              "QEMU monitor", file=sys.stderr)
        if cfg.com2 and not cfg.com2.endswith("/com2.sock"):
            print(f"jsk: COM2 (jsk push --socket) is {cfg.com2}: another jsk run "
                  "holds this build's com2.sock", file=sys.stderr)
    sys.stdout.flush()
    if interactive:
        machine = qemu.Machine(cfg, capture_serial=False)
    else:
        # Piped input waits for the ready line, as an app's does: GRUB and
        # the kernel's UART set-up would take or drop its first bytes.
        machine = qemu.Machine(cfg, capture_serial=True, echo=sys.stdout.buffer,
                               pass_stdin=True)
    with TerminalGuard():
        machine.start()
        if not interactive:
            machine.feed_stdin(sys.stdin.buffer, after=READY_RE.pattern, timeout=args.timeout)
        status = wait_for(machine, args.timeout)
    if status == qemu.STATUS_STARTUP_FAILED:
        print("jsk: qemu failed to start", file=sys.stderr)
    elif status == qemu.STATUS_VM_ERROR:
        print("jsk: the virtual machine stopped with an accelerator error", file=sys.stderr)
    return status


STATUS_INTERRUPTED = 130  # like a shell after Ctrl-C


def wait_for(machine, timeout):
    """Waits for the emulator (QEMU or Bochs) to end and returns its status;
    on --timeout or Ctrl-C stops it and returns 124 or 130."""
    try:
        return machine.wait(timeout)
    except subprocess.TimeoutExpired:
        machine.stop()
        print(f"\njsk: timeout after {seconds(timeout)} s", file=sys.stderr)
        return qemu.STATUS_TIMEOUT
    except KeyboardInterrupt:
        machine.stop()
        return STATUS_INTERRUPTED


def cmd_debug(args, extra):
    if args.iso and args.kernel:
        raise UsageError("--iso and --kernel exclude each other")
    tree = BuildTree.at(args.build_dir)
    cfg = qemu_config(args, tree, kernel=not args.iso)
    if args.batch_commands and not os.path.isfile(args.batch_commands):
        raise UsageError(f"--batch-commands {args.batch_commands}: no such file")
    tree = prepared_tree(args)
    port = qemu.free_port()
    log = tree.debug_serial_log
    cfg.serial = f"file:{log}"
    cfg.gdb_port = port
    cfg.paused = True
    cfg.prepare()
    gdb_argv = gdb.argv(tree.elf, port, log, args.batch_commands)
    if args.verbose:
        print("jsk: " + cfg.shell(), file=sys.stderr)
        print("jsk: " + " ".join(gdb_argv), file=sys.stderr)
    machine = qemu.Machine(cfg, capture_serial=False, detach=True)
    machine.start()
    try:
        deadline = time.monotonic() + 10
        while not qemu.gdbstub_listening(port):
            if machine.returncode is not None or time.monotonic() > deadline:
                machine.stop()
                print("jsk: qemu failed to start", file=sys.stderr)
                return qemu.STATUS_STARTUP_FAILED
            time.sleep(0.02)
        print(f"jsk: QEMU paused, gdbstub on 127.0.0.1:{port}; guest serial goes to "
              f"{log} (tail -f it)", file=sys.stderr)
        try:
            return gdb.run(gdb_argv, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"jsk: timeout after {seconds(args.timeout)} s", file=sys.stderr)
            return qemu.STATUS_TIMEOUT
    finally:
        machine.stop()


def cmd_bochs(args, extra):
    tree = prepared_tree(args)
    machine = Bochs(tree, echo=sys.stdout.buffer)
    if args.verbose:
        print("jsk: " + " ".join(machine.argv()), file=sys.stderr)
    print(f"jsk: booting {tree.iso} in Bochs (log {machine.log_path}); Ctrl-C stops it",
          file=sys.stderr)
    machine.start()
    rc = wait_for(machine, args.timeout)
    if rc not in (0, qemu.STATUS_TIMEOUT, STATUS_INTERRUPTED):
        print(f"jsk: bochs exited {rc}; its terminal said:\n" + machine.screen_text()[-3000:],
              file=sys.stderr)
    return rc


def cmd_test(args, extra):
    deps.ensure()
    tree = BuildTree.at(args.build_dir)
    if not args.no_build:
        build.build(tree, stream=True)
    return testrun.run(tree, extra)


def cmd_bench(args, extra):
    tree = prepared_tree(args)
    fn, _, _ = bench.BENCHMARKS[args.bench]
    return fn(tree, args)


# -- parser ------------------------------------------------------------------
def tree_options():
    p = argparse.ArgumentParser(add_help=False)
    g = p.add_argument_group("build tree")
    g.add_argument("--build-dir", metavar="DIR",
                   help="build tree to use (default: build/, or $JSK_BUILD_DIR)")
    g.add_argument("--no-build", action="store_true",
                   help="skip the package check and the build; use the tree as it is")
    return p


def run_options():
    p = argparse.ArgumentParser(add_help=False)
    g = p.add_argument_group("machine")
    g.add_argument("--kernel", action="store_true",
                   help="boot build/jskernel.elf with QEMU -kernel (multiboot1) "
                        "instead of the GRUB ISO")
    g.add_argument("--cmdline", metavar="STR",
                   help="kernel command line, e.g. 'exit=3' (only with --kernel; with "
                        "an app, words added after app= and args=)")
    g.add_argument("--disk", metavar="FILE", action="append", default=[],
                   help="raw disk image on the next AHCI port (repeatable, max 5); "
                        "default: a 16 MiB build/scratch.img")
    g.add_argument("--forward", metavar="[udp:]HOSTPORT:GUESTPORT", action="append",
                   default=[],
                   help="forward 127.0.0.1:HOSTPORT on the host to the guest's GUESTPORT, "
                        "TCP (default) or UDP (repeatable)")
    g.add_argument("--guestfwd", metavar="[ADDR:]GUESTPORT:HOSTPORT", action="append",
                   default=[],
                   help="the guest's TCP connections to ADDR:GUESTPORT (default ADDR "
                        f"{qemu.GUESTFWD_ADDR}, on 10.0.2.0/24) reach 127.0.0.1:HOSTPORT "
                        "on the host (repeatable). QEMU connects to HOSTPORT once, at "
                        "start: the server must already listen; guest connections share "
                        "that one stream")
    g.add_argument("--net", metavar="SPEC", default="user",
                   help="the NIC's backend, on 127.0.0.1 only: user (default, "
                        "restrict=on), connect:PORT or listen:PORT (QEMU's stream socket "
                        "netdev), dgram:LOCALPORT:REMOTEPORT (UDP)")
    g.add_argument("--nic", metavar="MODEL", default="e1000", choices=qemu.NIC_MODELS,
                   help="the NIC model: e1000 (82540EM, default) or e1000-82545em")
    g.add_argument("--qemu", metavar="ARG", action="append", default=[],
                   help="extra QEMU argument, verbatim (repeatable): --qemu=-d --qemu=int")
    g.add_argument("--gui", action="store_true", help="show the VGA display window")
    g.add_argument("--timeout", metavar="SECONDS", type=float,
                   help="kill QEMU after SECONDS and exit 124")
    g.add_argument("--verbose", action="store_true", help="print the QEMU command line")
    g.add_argument("--com2", metavar="PATH",
                   help="unix socket for COM2, the hot-reload channel `jsk push` "
                        "writes to (default: BUILD/com2.sock; 'none': no COM2)")
    return p


def make_parser():
    parser = argparse.ArgumentParser(
        prog="jsk", description="jskernel developer tool: build, boot, test, debug.",
        epilog="Exit status of run: the guest's (isa-debug-exit), 124 on --timeout, "
               "125 when QEMU fails to start, 126 on a KVM internal error, 128+N when "
               "another process ended QEMU with signal N. "
               "Set JSK_ACCEL=kvm to use KVM (default: TCG).")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    tree, machine = tree_options(), run_options()

    p = sub.add_parser("setup", help="install missing Debian packages (apt-get)")
    p.set_defaults(func=cmd_setup)

    p = sub.add_parser("build", parents=[tree], help="configure (once) and build")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("run", parents=[tree, machine], help="build and boot in QEMU",
                       description="Build, then boot the kernel in QEMU with COM1 on "
                                   "this terminal (the REPL). With an app: run it "
                                   "headless on the -kernel path, print only its "
                                   "output (after the ready line; --verbose shows "
                                   "the kernel's lines too) and exit with its status.")
    p.add_argument("app", nargs="?",
                   help="JavaScript app to run, packed into the boot archive as /app/NAME")
    p.add_argument("app_args", nargs=argparse.REMAINDER,
                   help="arguments for the app (process.argv[2:])")
    p.add_argument("--with", dest="with_files", metavar="PATH", action="append", default=[],
                   help="another file or directory for the app's /app/ (repeatable)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("test", parents=[tree], help="build and run all tests (CTest)",
                       description="Build, run CTest, print 'N passed, N failed'. "
                                   "Other arguments go to ctest, e.g. -R unit.")
    p.set_defaults(func=cmd_test)

    p = sub.add_parser("debug", parents=[tree, machine],
                       help="boot paused and attach GDB at kernel_main",
                       description="Start QEMU paused with its gdbstub on 127.0.0.1, "
                                   "then GDB with the kernel's symbols, stopped at "
                                   "kernel_main. Uses the -kernel path unless --iso.")
    p.add_argument("--iso", action="store_true", help="boot the GRUB ISO instead")
    p.add_argument("--batch-commands", metavar="FILE",
                   help="run GDB non-interactively: FILE's commands after the stop "
                        "at kernel_main, then exit")
    p.set_defaults(func=cmd_debug)

    p = sub.add_parser("bochs", parents=[tree], help="boot the ISO in Bochs",
                       description="Boot build/jskernel.iso in Bochs (tools/bochsrc.txt), "
                                   "COM1 on this terminal.")
    p.add_argument("--timeout", metavar="SECONDS", type=float,
                   help="kill Bochs after SECONDS and exit 124")
    p.add_argument("--verbose", action="store_true", help="print the Bochs command line")
    p.set_defaults(func=cmd_bochs)

    p = sub.add_parser("push", parents=[tree], help="hot-reload a driver in the running machine",
                       description="Send FILE over COM2 (BUILD/com2.sock, set up by "
                                   "`jsk run`) to the running machine, which reloads "
                                   "(or adds) the driver; print the outcome, the "
                                   "in-guest time and the round trip.")
    p.add_argument("file", help="the driver module (js-drivers/dev/NAME.js)")
    p.add_argument("--name", help="the driver's name (default: its `name:` field, "
                                  "else the file name)")
    p.add_argument("--socket", help="COM2's socket (default: BUILD/com2.sock)")
    p.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS")
    p.set_defaults(func=push.cmd_push)

    p = sub.add_parser("bench", help="run a benchmark and print its figures")
    names = p.add_subparsers(dest="bench", metavar="NAME", required=True)
    for name, (_, help_text, arguments) in bench.BENCHMARKS.items():
        b = names.add_parser(name, parents=[tree], help=help_text, description=help_text)
        arguments(b)
    p.set_defaults(func=cmd_bench)
    return parser


def main(argv=None):
    parser = make_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "test":
        parser.error("unrecognized arguments: " + " ".join(extra))
    try:
        return args.func(args, extra)
    except UsageError as err:
        print(f"jsk: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
