#!/usr/bin/env python3
"""Host-only checks of tools/jsklib: the QEMU command line, exit-status
mapping, console matching and the CTest summary. No emulator runs here, so a
broken helper shows up as a precise failure rather than as a scenario timing
out."""
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

from jsklib import push, qemu, testrun  # noqa: E402
from jsklib.console import READY_RE, Console  # noqa: E402
from jsklib.paths import BuildTree  # noqa: E402


class QemuCommandLine(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.tree = BuildTree.at(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_iso_machine(self):
        a = qemu.QemuConfig(self.tree).argv()
        s = " ".join(a)
        for part in ["-machine q35", "-accel tcg", "-m 512M", "-smp 1", "-no-reboot",
                     "-display none", "-vga std",
                     "isa-debug-exit,iobase=0xf4,iosize=0x04",
                     "user,id=net0,restrict=on", "e1000,netdev=net0",
                     "media=cdrom,if=none,id=cd0,readonly=on",
                     "ide-cd,drive=cd0,bus=ide.0,bootindex=0",
                     "scratch.img,format=raw,if=none,id=disk0,snapshot=on",
                     "ide-hd,drive=disk0,bus=ide.1", "-serial stdio"]:
            self.assertIn(part, s)
        self.assertNotIn("-kernel", a)
        self.assertNotIn("-s", a)

    def test_kernel_disks_forwards_gdb(self):
        cfg = qemu.QemuConfig(self.tree, kernel=True, cmdline="exit=3",
                              disks=["a.img", "b.img"], forwards=[(8080, 80), (2222, 22)],
                              extra=["-d", "int"], gui=True, gdb_port=1234, paused=True)
        a = cfg.argv()
        s = " ".join(a)
        self.assertIn(f"-kernel {self.tree.elf} -initrd {self.tree.initrd} -append exit=3", s)
        self.assertNotIn("cd0", s)
        self.assertIn("file=a.img,format=raw,if=none,id=disk0 ", s + " ")
        self.assertIn("ide-hd,drive=disk1,bus=ide.2", s)
        self.assertIn("hostfwd=tcp:127.0.0.1:8080-:80,hostfwd=tcp:127.0.0.1:2222-:22", s)
        self.assertIn("-gdb tcp:127.0.0.1:1234", s)
        self.assertIn("-S", a)
        self.assertNotIn("-display", a)
        self.assertEqual(a[-2:], ["-d", "int"])
        udp = qemu.QemuConfig(self.tree, forwards=[qemu.parse_forward("udp:5300:53")],
                              guestfwds=[qemu.parse_guestfwd("7001:4444")]).argv()
        self.assertIn("user,id=net0,restrict=on,hostfwd=udp:127.0.0.1:5300-:53,"
                      "guestfwd=tcp:10.0.2.100:7001-tcp:127.0.0.1:4444", " ".join(udp))

    def test_guestfwd(self):
        # The guest's connections to ADDR:PORT reach a server on the host's
        # 127.0.0.1; ADDR on slirp's network, not one slirp refuses or uses.
        self.assertEqual(qemu.parse_guestfwd("7001:4444"), ("10.0.2.100", 7001, 4444))
        self.assertEqual(qemu.parse_guestfwd("10.0.2.50:80:4444"), ("10.0.2.50", 80, 4444))
        for bad in ["7001", "0:4444", "7001:70000", "10.0.2.2:80:4444", "10.0.2.3:80:1",
                    "10.0.2.15:80:1", "10.0.3.5:80:1", "10.0.2.255:80:1", "host:80:1"]:
            with self.assertRaises(qemu.UsageError, msg=bad):
                qemu.parse_guestfwd(bad)
        with self.assertRaises(qemu.UsageError):
            qemu.QemuConfig(self.tree, net="connect:5555",
                            guestfwds=[("10.0.2.100", 1, 2)]).validate()

    def test_initrd_modules(self):
        # The boot-module archive by default; explicit modules replace it;
        # an empty list passes none. The ISO carries its own (grub.cfg).
        cfg = qemu.QemuConfig(self.tree, kernel=True, initrd=["app.cpio", "x.bin a b"])
        self.assertIn("-initrd app.cpio,x.bin a b", " ".join(cfg.argv()))
        self.assertNotIn("-initrd", qemu.QemuConfig(self.tree, kernel=True, initrd=[]).argv())
        self.assertNotIn("-initrd", qemu.QemuConfig(self.tree).argv())

    def test_other_kernel_image(self):
        # The Linux reference of `jsk bench http` boots its own kernel on
        # the same machine; the tree's kernel need not exist for it.
        cfg = qemu.QemuConfig(self.tree, kernel=True, kernel_image="/ref/vmlinuz",
                              initrd=["/ref/initrd.cpio"], cmdline="console=ttyS0")
        cfg.prepare()
        s = " ".join(cfg.argv())
        self.assertIn("-kernel /ref/vmlinuz -initrd /ref/initrd.cpio -append console=ttyS0", s)
        self.assertIn("e1000,netdev=net0", s)
        self.assertNotIn(str(self.tree.elf), s)

    def test_validation(self):
        with self.assertRaises(qemu.UsageError):
            qemu.QemuConfig(self.tree, cmdline="x").validate()
        with self.assertRaises(qemu.UsageError):
            qemu.QemuConfig(self.tree, disks=["/nonexistent.img"]).validate()
        with self.assertRaises(qemu.UsageError):
            qemu.QemuConfig(self.tree, disks=[__file__] * 6).validate()
        self.assertEqual(qemu.parse_forward("8080:80"), (8080, 80, "tcp"))
        self.assertEqual(qemu.parse_forward("udp:5300:53"), (5300, 53, "udp"))
        for bad in ["80", "0:80", "1:2:3", "a:b", "70000:1", "sctp:1:2", "udp:1"]:
            with self.assertRaises(qemu.UsageError):
                qemu.parse_forward(bad)

    def test_socket_netdevs(self):
        # The NIC's backend: user networking by default, socket netdevs on
        # 127.0.0.1 only; the model; forwards only with user networking.
        def argv(**kw):
            return " ".join(qemu.QemuConfig(self.tree, **kw).argv())
        self.assertIn("-netdev socket,id=net0,connect=127.0.0.1:5555 -device e1000,netdev=net0",
                      argv(net="connect:5555"))
        self.assertIn("-netdev socket,id=net0,listen=127.0.0.1:5555", argv(net="listen:5555"))
        self.assertIn("-netdev dgram,id=net0,local.type=inet,local.host=127.0.0.1,local.port=5000,"
                      "remote.type=inet,remote.host=127.0.0.1,remote.port=5001",
                      argv(net="dgram:5000:5001"))
        self.assertIn("-device e1000-82545em,netdev=net0", argv(nic="e1000-82545em"))
        for bad in ["tap", "connect:", "connect:0", "connect:host:1", "listen:99999",
                    "dgram:1", "dgram:1:2:3", "user:1"]:
            with self.assertRaises(qemu.UsageError, msg=bad):
                qemu.parse_net(bad)
        with self.assertRaises(qemu.UsageError):
            qemu.QemuConfig(self.tree, net="connect:5555", forwards=[(1, 2)]).validate()
        with self.assertRaises(qemu.UsageError):
            qemu.QemuConfig(self.tree, nic="rtl8139").validate()

    def test_scratch_disk_is_sparse(self):
        Path(self.tree.iso).write_bytes(b"")
        qemu.QemuConfig(self.tree).prepare()
        st = os.stat(self.tree.scratch_disk)
        self.assertEqual(st.st_size, 16 * 1024 * 1024)
        self.assertLess(st.st_blocks * 512, 1024 * 1024)


class BootArchiveModes(unittest.TestCase):
    def test_file_modes(self):
        # mkinitrd.archive: files 0644 unless an entry gives its mode (the
        # Linux reference's busybox and init are programs).
        spec = importlib.util.spec_from_file_location(
            "mkinitrd", Path(__file__).resolve().parents[2] / "tools" / "mkinitrd.py")
        mkinitrd = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mkinitrd)
        data = mkinitrd.archive([("bin", None), ("bin/sh", b"#!", 0o755), ("etc", b"x")])
        modes, at = {}, 0
        while True:  # newc: 110-byte header, name, padding to 4, data, padding
            fields = [int(data[at + 6 + 8 * i:at + 14 + 8 * i], 16) for i in range(13)]
            name = data[at + 110:at + 110 + fields[11] - 1].decode()
            if name == "TRAILER!!!":
                break
            modes[name] = fields[1]
            at += 110 + fields[11]
            at += -at % 4 + fields[6]
            at += -at % 4
        self.assertEqual(modes, {"bin": 0o040755, "bin/sh": 0o100755, "etc": 0o100644})


class ExitStatus(unittest.TestCase):
    def test_mapping(self):
        self.assertEqual(qemu.guest_status(0), 0)
        self.assertEqual(qemu.guest_status(1), 0)
        self.assertEqual(qemu.guest_status(85), 42)
        self.assertEqual(qemu.guest_status(141), 70)
        self.assertEqual(qemu.guest_status(-9), 137)
        # QEMU exits 0 on SIGTERM: someone else's kill is not a clean exit.
        note = "qemu-system-x86_64: terminating on signal 15 from pid 1458 (kill)\n"
        self.assertEqual(qemu.guest_status(0, note), 143)
        self.assertEqual(qemu.guest_status(0, note, stopped=True), 0)
        err = "qemu-system-x86_64: -foo: invalid option\n"
        self.assertEqual(qemu.guest_status(1, err), qemu.STATUS_STARTUP_FAILED)
        warn = "qemu-system-x86_64: warning: host doesn't support requested feature\n"
        self.assertEqual(qemu.guest_status(1, warn), 0)
        self.assertEqual(qemu.guest_status(0, "KVM internal error. Suberror: 1\n"),
                         qemu.STATUS_VM_ERROR)


class ConsoleMatching(unittest.TestCase):
    def test_expect_consumes_and_times_out(self):
        c = Console()
        c.feed(b"GRUB noise\r\njskernel ready in 1.234 ms\r\nmore")
        hit = c.expect(READY_RE.pattern, 1)
        self.assertEqual(hit.match.group(1), "1.234")
        self.assertIsNone(c.expect(READY_RE.pattern, 0.1))    # consumed
        self.assertIsNotNone(c.find(r"^jskernel ready"))      # find sees all
        started = time.monotonic()
        self.assertIsNone(c.expect(r"never", 0.3))
        self.assertLess(time.monotonic() - started, 2)
        c.close()
        self.assertEqual(c.lines()[-1], "more")

    def test_pipe_and_eof(self):
        proc = subprocess.Popen(["printf", "a\\nb\\n"], stdout=subprocess.PIPE)
        c = Console()
        c.follow_pipe(proc.stdout)
        self.assertIsNotNone(c.expect(r"^b$", 5))
        self.assertTrue(c.wait_closed(5))
        self.assertIsNone(c.expect(r"x", 5))                  # EOF: no wait
        proc.wait()
        proc.stdout.close()


class BuildTreeSource(unittest.TestCase):
    def test_source_from_the_cmake_cache(self):
        repo = Path(__file__).resolve().parents[2]
        with tempfile.TemporaryDirectory() as tmp:
            build, other = Path(tmp) / "build", Path(tmp) / "other"
            build.mkdir()
            (other / "js-drivers").mkdir(parents=True)
            tree = BuildTree.at(str(build))
            self.assertEqual(tree.source, repo, "no cache: the tools' own tree")
            (build / "CMakeCache.txt").write_text(
                f"FOO:BOOL=ON\nCMAKE_HOME_DIRECTORY:INTERNAL={other}\n")
            self.assertEqual(tree.source, other, "the tree the build was configured from")
            (build / "CMakeCache.txt").write_text(
                f"CMAKE_HOME_DIRECTORY:INTERNAL={Path(tmp) / 'gone'}\n")
            self.assertEqual(tree.source, repo, "a tree that is gone: the tools' own")


class PushDriverName(unittest.TestCase):
    REPO = Path(__file__).resolve().parents[2]

    def name_of(self, rel):
        path = self.REPO / rel
        return push.driver_name(path, path.read_bytes())

    def test_the_exports_name_wins(self):
        # e1000.js names its netif 'eth0' before its module.exports.
        self.assertEqual(self.name_of("js-drivers/dev/e1000.js"), "e1000")
        self.assertEqual(self.name_of("js-drivers/dev/ahci.js"), "ahci")
        self.assertEqual(self.name_of("js-drivers/dev/ps2.js"), "ps2")
        self.assertEqual(self.name_of("js-drivers/examples/rtc.js"), "rtc")

    def test_fallbacks(self):
        self.assertEqual(push.driver_name("a/x.js", b"var o = {name: 'n1'};"), "n1")
        self.assertEqual(push.driver_name("a/x.js", b"module.exports = {start: s};"), "x")


class CtestSummary(unittest.TestCase):
    def test_counts(self):
        xml = """<testsuite>
 <testcase name="a" status="run"/>
 <testcase name="b" status="fail"><failure message=""/></testcase>
 <testcase name="c" status="notrun"><skipped message="SKIP_RETURN_CODE=77"/></testcase>
 <testcase name="d" status="notrun"><skipped message="Required Files Missing"/></testcase>
 <testcase name="e" status="disabled"><skipped message="Disabled"/></testcase>
</testsuite>"""
        with tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False) as f:
            f.write(xml)
        try:
            s = testrun.summarize(f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual((s.passed, s.failed, s.skipped), (1, 2, 2))
        self.assertEqual(s.line(), "1 passed, 2 failed, 2 skipped")
        self.assertEqual(testrun.Summary(3, 0, 0).line(), "3 passed, 0 failed")


if __name__ == "__main__":
    unittest.main(verbosity=2)
