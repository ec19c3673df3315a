"""VFS scenarios: the device nodes of /dev (with /dev/sda over an AHCI disk
image made here) and the boot archive at / (docs/fs.md)."""
import tempfile
from pathlib import Path

from scenario import app_transcript, jsk_run, scenario

SECTORS = 2048  # 1 MiB


@scenario("qemu.vfs_dev")
def vfs_dev(c, tree):
    """/dev/null, zero, full, urandom, tty and sda behave; the archive is
    listed and read at / and refuses writes; the write through /dev/sda is
    in the image after exit."""
    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "disk.img"
        data = bytes((i * 7) & 0xFF for i in range(SECTORS * 512))
        image.write_bytes(data)
        status, out, err = jsk_run(c, tree, "vfs_dev.js", options=("--disk", str(image)))
        got = out.decode("utf-8", "replace").splitlines()

        def has(line, what=None):
            c.check(line in got, what or line, "" if line in got else "\n".join(got[-20:]))

        c.check(status == 0, "status 0", f"status {status}")
        has("dev: console full null random sda tty urandom zero")
        for line in ("/dev/null chr 1:3 mode 666", "/dev/zero chr 1:5 mode 666",
                     "/dev/full chr 1:7 mode 666", "/dev/random chr 1:8 mode 666",
                     "/dev/urandom chr 1:9 mode 666", "/dev/tty chr 5:0 mode 666",
                     "/dev/console chr 5:1 mode 600", "/dev/sda blk 8:0 mode 660"):
            has(line)
        has("zero read 16 00000000")
        has("null read 0 write 9")
        has("full write ENOSPC")
        has("urandom differs true")
        has("written to /dev/tty", "a write to /dev/tty reaches the console")
        has("tty lseek ESPIPE", "pread on the tty: ESPIPE")
        has(f"sda size {SECTORS * 512} stat size 0", "lseek SEEK_END on /dev/sda: the disk's size")
        has("sda read at 1020 ok", "an unaligned read across sectors")
        has("sda write 12")
        has("root: app dev js-drivers mnt stdlib tmp")
        has("app: vfs_dev.js")
        has("self: // Scenario qemu.vfs_dev (tests/qemu/scenarios/vfs.py): the device nodes")
        has("stdlib dir true, file mode 644")
        has("write to / EROFS")
        has("mkdir in / EROFS")
        has("mounts: /=archive(ro) /dev=devfs /mnt=ramfs /tmp=ramfs")
        written = image.read_bytes()
        expected = bytearray(data)
        expected[5000:5012] = b"VFS WAS HERE"
        same = written == bytes(expected)
        diff = None if same else next(i for i in range(len(written)) if written[i] != expected[i])
        c.check(same, "the image holds the write at byte 5000 and nothing else changed",
                None if same else f"first difference at byte {diff}")
        return app_transcript(status, out, err)
