"""AHCI scenarios: js-drivers/dev/ahci.js against QEMU's AHCI controllers
(q35's ICH9 and `-device ahci`) with disk images made here (docs/ahci.md).

Images are random bytes whose sectors each begin with a stamp (LBA and a
tag, 32-bit little-endian; tests/qemu/apps/ahci_util.js checks them in the
guest), so the guest can tell a misplaced sector cheaply; whole images are
compared here, byte for byte, after the machine exits.
"""
import random
import struct
import tempfile
from pathlib import Path

from scenario import APPS, app_transcript, jsk_run, scenario

SECTOR = 512
UTIL = ("--with", str(APPS / "ahci_util.js"))


def stamped_image(path, sectors, tag, seed):
    """Random bytes, each sector stamped with (lba, tag); returns the bytes."""
    data = bytearray(random.Random(seed).randbytes(sectors * SECTOR))
    for lba in range(sectors):
        struct.pack_into("<II", data, lba * SECTOR, lba, tag)
    Path(path).write_bytes(data)
    return bytes(data)


def fnv(data):
    """FNV-1a over 32-bit little-endian words, as ahci_util.fnv computes it."""
    h = 0x811C9DC5
    for (w,) in struct.iter_unpack("<I", data):
        h = ((h ^ w) * 0x01000193) & 0xFFFFFFFF
    return f"{h:08x}"


def lines_of(out):
    return out.decode("utf-8", "replace").splitlines()


def has(c, lines, want, what=None):
    return c.check(want in lines, what or want, "" if want in lines else "\n".join(lines[-12:]))


@scenario("qemu.ahci_copy")
def ahci_copy(c, tree):
    """Two disks: sda read with many request sizes (stamps and hashes checked),
    copied to sdb with queued and synchronous writes while sda is read again;
    the host finds sdb byte-identical to sda after the machine exits."""
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "src.img", Path(tmp) / "dst.img"
        sectors = 16 * 2048                                  # 16 MiB
        data = stamped_image(src, sectors, 0x11, 7)
        dst.write_bytes(bytes(len(data)))
        status, out, err = jsk_run(c, tree, "ahci_copy.js",
                                   options=(*UTIL, "--disk", str(src), "--disk", str(dst)))
        got = lines_of(out)
        c.check(status == 0, "status 0", f"status {status}")
        has(c, got, "sda: QEMU HARDDISK, 32768 sectors of 512 (16.0 MiB), serial QM00003, "
            "00:1f.2 port 1 (AHCI 1.0, 32 command slots, ports 0:empty 1:disk 2:disk 3:empty "
            "4:empty 5:empty)", "describe(): the disk and what its controller found")
        has(c, got, f'disk sda "QEMU HARDDISK" {sectors} x 512 at 00:1f.2 port 1')
        has(c, got, f'disk sdb "QEMU HARDDISK" {sectors} x 512 at 00:1f.2 port 2')
        head, tail = fnv(data[:65536]), fnv(data[-65536:])
        reads = [l for l in got if l.startswith("read sda in ")]
        c.check(len(reads) == 1 and reads[0].endswith("requests: stamps ok"),
                "sda read with many request sizes: every stamp right", reads and reads[0])
        has(c, got, f"sda head {head} tail {tail}", "sda's hashes match the host's")
        has(c, got, "both disks busy at once: true")
        has(c, got, f"sda read again: stamps ok, head {head}")
        has(c, got, "order: writeSync returned, queued write callback, flush callback",
            "writeSync waits for the queue; queued callbacks run after it")
        has(c, got, f"sdb read back: stamps ok, head {head} tail {tail}")
        has(c, got, f"sdb stats: errors 0, flushes 2, sectors written {sectors}")
        written = dst.read_bytes()
        same = written == data
        first = next((i for i in range(len(data)) if written[i] != data[i]), None) if not same else None
        c.check(same, "sdb's image equals sda's byte for byte after exit",
                None if same else f"first difference at byte {first}")
        return app_transcript(status, out, err)


@scenario("qemu.ahci_large")
def ahci_large(c, tree):
    """Transfers larger than one command: 40 MiB (81920 sectors) split at the
    65536-sector LBA48 limit into a DmaBuffer, and at the bounce buffer into
    a Uint8Array; a 40 MiB write lands in the image exactly."""
    with tempfile.TemporaryDirectory() as tmp:
        img = Path(tmp) / "large.img"
        data = stamped_image(img, 48 * 2048, 0x22, 11)
        status, out, err = jsk_run(c, tree, "ahci_large.js", options=(*UTIL, "--disk", str(img)))
        got = lines_of(out)
        c.check(status == 0, "status 0", f"status {status}")
        dma = [l for l in got if l.startswith("readSync 40 MiB into a DmaBuffer: ")]
        c.check(len(dma) == 1 and "2 commands, stamps ok" in dma[0],
                "zero-copy read: 2 commands (65536 + 16384 sectors), stamps right",
                dma and dma[0])
        head = fnv(data[1000 * SECTOR:1000 * SECTOR + 65536])
        has(c, got, f"read 40 MiB into a Uint8Array: 5 commands, stamps ok, head {head}",
            "bounced read: 5 commands of 8 MiB, stamps right, hash matches the host's")
        has(c, got, "write 40 MiB from a DmaBuffer at 8192: 2 commands")
        image = img.read_bytes()
        count, at, bad = 81920, 8192, []
        for k in range(count):
            want = bytearray(data[k * SECTOR:(k + 1) * SECTOR])
            struct.pack_into("<I", want, 4, 0x57)
            if image[(at + k) * SECTOR:(at + k + 1) * SECTOR] != want:
                bad.append(at + k)
        c.check(not bad, "sectors 8192..90111 hold sectors 0..81919 with the new tag",
                bad and f"{len(bad)} wrong, first {bad[:4]}")
        c.check(image[:at * SECTOR] == data[:at * SECTOR] and
                image[(at + count) * SECTOR:] == data[(at + count) * SECTOR:],
                "the sectors around the write are untouched")
        return app_transcript(status, out, err)


@scenario("qemu.ahci_errors")
def ahci_errors(c, tree):
    """Bad requests throw naming the disk and touch nothing; an I/O error
    injected by QEMU's blkdebug (reads of sector 1000) and a read past the
    end sent below the checks are reported, the port recovers and the disk
    keeps working (expected output ahci_errors.out)."""
    with tempfile.TemporaryDirectory() as tmp:
        img, rules = Path(tmp) / "bad.img", Path(tmp) / "blkdebug.cfg"
        stamped_image(img, 4 * 2048, 0x33, 5)
        rules.write_text('[inject-error]\nevent = "read_aio"\nerrno = "5"\n'
                         'sector = "1000"\nonce = "off"\n')
        drive = ("driver=raw,if=none,id=bad,file.driver=blkdebug,"
                 f"file.config={rules},file.image.filename={img}")
        status, out, err = jsk_run(c, tree, "ahci_errors.js", options=(
            *UTIL, "--qemu=-drive", f"--qemu={drive}",
            "--qemu=-device", "--qemu=ide-hd,drive=bad,bus=ide.2"))
        c.check(status == 0, "status 0", f"status {status}")
        expected = (APPS / "ahci_errors.out").read_text().splitlines()
        got = lines_of(out)
        for i, line in enumerate(expected):
            c.check(i < len(got) and got[i] == line, f"line {i + 1}: {line[:110]}",
                    got[i] if i < len(got) else "missing")
        c.check(len(got) == len(expected), f"{len(expected)} lines", f"{len(got)} lines")
        return app_transcript(status, out, err)


def controllers_scenario(machine_type):
    def run(c, tree):
        with tempfile.TemporaryDirectory() as tmp:
            first, second = Path(tmp) / "first.img", Path(tmp) / "second.img"
            stamped_image(first, 2048, 0x44, 1)
            stamped_image(second, 4096, 0x55, 2)
            options = [*UTIL, "--qemu=-device", "--qemu=ahci,id=ahci1", "--qemu=-drive",
                       f"--qemu=file={second},format=raw,if=none,id=extra",
                       "--qemu=-device", "--qemu=ide-hd,drive=extra,bus=ahci1.3"]
            if machine_type == "q35":
                options += ["--disk", str(first)]
            else:
                options += ["--qemu=-machine", "--qemu=pc"]
            status, out, err = jsk_run(c, tree, "ahci_list.js", options=options)
            got = lines_of(out)
            c.check(status == 0, "status 0", f"status {status}")
            names = [l for l in got if l.startswith("sd")]
            if machine_type == "q35":
                # Named in PCI address order: -device ahci lands at 00:03.0,
                # before the chipset's 00:1f.2.
                c.check(len(names) == 2, "two disks on two controllers", "; ".join(names))
                c.check(len(names) > 0 and names[0].startswith("sda ") and
                        names[0].endswith("port 3 4096 tag 55 stamps ok written ok"),
                        "sda: the -device ahci disk, port 3", names and names[0])
                c.check(len(names) > 1 and names[1] ==
                        "sdb 00:1f.2 port 1 2048 tag 44 stamps ok written ok",
                        "sdb: the ICH9 controller's disk, port 1", len(names) > 1 and names[1])
            else:
                c.check(len(names) == 1 and names[0].endswith(
                    "port 3 4096 tag 55 stamps ok written ok"),
                    "sda: the -device ahci disk on port 3 of the pc machine", "; ".join(names))
            has(c, got, "reload: true", "drivers.reload('ahci') with a read under way")
            has(c, got, "read queued before the reload: ok, stamps ok",
                "the read under way finished by stop()")
            after = [l for l in got if l.startswith("after the reload ")]
            c.check(len(after) == len(names) and all(l.endswith(" stamps ok") for l in after),
                    "the held blockdev proxies read right after the reload", "; ".join(after))
            return app_transcript(status, out, err)

    run.__doc__ = (f"-device ahci on the {machine_type} machine"
                   f"{' as a second controller' if machine_type == 'q35' else ''}: "
                   "its disk found, named in order, read and written; the driver reloaded")
    return run


for _machine in ("q35", "pc"):
    scenario(f"qemu.ahci_controllers_{_machine}")(controllers_scenario(_machine))
