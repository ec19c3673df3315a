"""FAT scenarios: js-drivers/fs (fat.js, mbr.js, automount.js, the block
cache) on QEMU's AHCI disks (docs/fs-fat.md). Images are made here with
mkfs.fat and mtools (tools/jsklib/fatimage.py); the guest
(tests/qemu/apps/fat_disk.js) lists every file with a hash, makes the
changes of fat_workout.js and unmounts; after the machine exits,
`fsck.fat -n` must find each volume clean and mtools must read back exactly
the tree tests/qemu/fat_workout.py expects.
"""
import tempfile
from pathlib import Path

import fat_workout
from jsklib import fatimage
from scenario import APPS, Skip, app_transcript, jsk_run, scenario

WITH = ("--with", str(APPS / "fat_workout.js"))


def lines_of(out):
    return out.decode("utf-8", "replace").splitlines()


def needs_tools():
    missing = fatimage.tools_missing()
    if missing:
        raise Skip(", ".join(missing) + " not installed (dosfstools, mtools)")


def run_guest(c, tree, image, mode):
    status, out, err = jsk_run(c, tree, "fat_disk.js", mode,
                               options=(*WITH, "--disk", str(image)))
    c.check(status == 0, "status 0", f"status {status}")
    return status, out, err, lines_of(out)


def volume_scenario(bits, mib, big, cluster_sectors=0):
    def run(c, tree):
        needs_tools()
        with tempfile.TemporaryDirectory() as tmp:
            image = Path(tmp) / f"fat{bits}.img"
            fatimage.make_superfloppy(image, mib, bits, cluster_sectors=cluster_sectors)
            before = fat_workout.initial_tree(big)
            fatimage.populate(image, 0, before)
            status, out, err, got = run_guest(c, tree, image, "workout")
            mounted = [l for l in got if l.startswith("automount: ")]
            c.check(len(mounted) == 1 and mounted[0].startswith(f"automount: sda: FAT{bits} ")
                    and mounted[0].endswith(" at /mnt/sda"),
                    f"automount: the superfloppy is FAT{bits} at /mnt/sda", mounted)
            after = fat_workout.apply_changes(before)
            fat_workout.check_workout(c, got, "sda", before, after)
            c.check("sda: unmount 0" in got, "unmount (write-back) returns 0")
            fat_workout.check_image(c, image, 0, None, after, f"FAT{bits}")
            return app_transcript(status, out, err)

    run.__doc__ = (f"A FAT{bits} superfloppy made by mkfs.fat/mcopy (long names, nested "
                   f"directories, a {big >> 20} MiB random file): the guest reads it byte-exact, "
                   "creates/extends/truncates/renames/deletes; fsck.fat and mtools agree after")
    return run


# FAT32 with 4 KiB clusters (a sparse 320 MiB image: 65525 clusters at least);
# 512-byte clusters are exercised by qemu.fat_mbr and js.fat_host.fat32.
scenario("qemu.fat_fat32")(volume_scenario(32, 320, 5 << 20, cluster_sectors=8))
scenario("qemu.fat_fat16")(volume_scenario(16, 32, 1 << 20))


@scenario("qemu.fat_mbr")
def fat_mbr(c, tree):
    """A disk with an MBR: FAT32 and FAT16 partitions mounted at /mnt/sda1 and
    /mnt/sda2, a Linux partition left alone; the changes on both volumes,
    each fsck-clean and as expected afterwards."""
    needs_tools()
    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "mbr.img"
        parts = [fatimage.Part(32, 40, label="FIRST", cluster_sectors=1),
                 fatimage.Part(16, 16, label="SECOND"), fatimage.Part(0, 4)]
        fatimage.make_disk(image, 64, parts)
        trees = [fat_workout.initial_tree(400000), fat_workout.initial_tree(300000)]
        for p, t in zip(parts, trees):
            fatimage.populate(image, p.offset, t)
        status, out, err, got = run_guest(c, tree, image, "workout")
        for line in ('automount: sda1: FAT32 "FIRST", ', 'automount: sda2: FAT16 "SECOND", '):
            c.check(any(l.startswith(line) for l in got), line + "...")
        c.check("automount: sda3: type 0x83, not FAT: not mounted" in got,
                "the Linux partition is named and left alone")
        c.check("done: 2 volumes" in got, "two volumes mounted")
        for i, (p, t) in enumerate(zip(parts, trees)):
            after = fat_workout.apply_changes(t)
            fat_workout.check_workout(c, got, f"sda{i + 1}", t, after)
            fat_workout.check_image(c, image, p.offset, p.mib * 2048, after, f"sda{i + 1}")
        return app_transcript(status, out, err)


@scenario("qemu.fat_enospc")
def fat_enospc(c, tree):
    """A small FAT16 volume filled by one file: the write that finds no free
    cluster returns ENOSPC, the next one too; fsck.fat is clean and the host
    reads exactly the bytes the guest wrote."""
    needs_tools()
    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "small.img"
        fatimage.make_superfloppy(image, 4, 16, cluster_sectors=1)
        fatimage.populate(image, 0, {"hello.txt": b"Hello\n"})
        status, out, err, got = run_guest(c, tree, image, "fill")
        fat_workout.check_fill(c, got, image)
        return app_transcript(status, out, err)


@scenario("qemu.fat_fsync")
def fat_fsync(c, tree):
    """A file written and fsync'd survives the program ending at once without
    sync or unmount; a file written after it and never synced is not there,
    and the volume is fsck-clean (the cache wrote nothing half-way)."""
    needs_tools()
    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "fsync.img"
        fatimage.make_superfloppy(image, 40, 32, cluster_sectors=1)
        fatimage.populate(image, 0, {"dir": None, "hello.txt": b"Hello\n"})
        status, out, err, got = run_guest(c, tree, image, "fsync")
        c.check("fsync: 0" in got, "fsync returns 0")
        dropped = [l for l in got if l.startswith("exit without sync: ")]
        c.check(len(dropped) == 1 and not dropped[0].startswith("exit without sync: 0 "),
                "the second file's changes were still in the cache at exit", dropped)
        clean, report = fatimage.fsck(image)
        c.check(clean, "fsck.fat -n is clean", report[-600:])
        want = {"dir": None, "hello.txt": b"Hello\n",
                "dir/synced file.bin": fat_workout.pattern(100000, 6)}
        fat_workout.compare_trees(c, fatimage.read_tree(image, 0), want,
                                  "the fsync'd file is there byte-exact, the other is not")
        return app_transcript(status, out, err)


@scenario("qemu.fs_on_fat")
def fs_on_fat(c, tree):
    """unode's fs on the FAT32 volume the system mounted at /mnt/sda: the
    bench app of `jsk bench fs` (tests/bench/fs/fs.js) writes a 1 MiB file
    through the system calls and the VFS, remounts, reads it back and checks
    it; afterwards the volume is fsck-clean and mtools reads the same bytes."""
    needs_tools()
    app = Path(__file__).resolve().parents[2] / "bench" / "fs" / "fs.js"
    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "fat32.img"
        # 320 MiB (sparse): enough clusters for mtools to take it as FAT32.
        fatimage.make_superfloppy(image, 320, 32, cluster_sectors=8)
        status, out, err = jsk_run(c, tree, app, "1", "1", "64",
                                   options=("--disk", str(image)))
        got = lines_of(out)
        c.check(status == 0, "status 0", f"status {status}")
        c.check(sum(1 for l in got if l.startswith("pass ")) == 3, "write, read, raw passes",
                [l for l in got if l.startswith("pass ")])
        c.check("fs: 1048576 bytes in /mnt/sda/bench.bin, 1 entries in /mnt/sda" in got,
                "the file through fs.statSync/readdirSync", got[-1:])
        clean, report = fatimage.fsck(image)
        c.check(clean, "fsck.fat -n is clean", report.strip()[-300:])
        tree_after = fatimage.read_tree(image, 0)
        data = tree_after.get("bench.bin") or b""
        pattern = bytes((i * 131 + 7) & 0xff for i in range(65536))
        c.check(data == pattern * 16, "mtools reads the 1 MiB the guest wrote", len(data))
        return app_transcript(status, out, err)
