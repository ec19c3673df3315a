"""js-drivers/fs/fat.js hosted (build/unode tests/js/fat.js) on images made
by mkfs.fat and mtools: FAT12, FAT16 and FAT32 volumes, a disk with an MBR
and two partitions, a volume filled until ENOSPC, and corrupt volumes.
After each run the image must pass `fsck.fat -n` and mtools must read back
exactly the tree the changes of tests/qemu/fat_workout.py describe.

    python3 fat_host.py UNODE CASE      (CASE: fat12 fat16 fat32 mbr fill corrupt)
"""
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "tools"))
sys.path.insert(0, str(HERE.parent / "qemu"))
from jsklib import fatimage  # noqa: E402
import fat_workout  # noqa: E402


class Checks:
    def __init__(self):
        self.failed = 0

    def check(self, ok, what, detail=None):
        print(("ok   " if ok else "FAIL ") + what + ("" if ok or detail is None else f": {detail}"))
        if not ok:
            self.failed += 1
        return ok


def run_unode(unode, image, mode):
    proc = subprocess.run([unode, str(HERE / "fat.js"), str(image), mode],
                          capture_output=True, text=True, timeout=120)
    if proc.returncode != 0 or proc.stderr:
        print(proc.stdout[-2000:], proc.stderr[-2000:])
    return proc.returncode, proc.stdout.splitlines()


def volume_case(c, unode, tmp, bits, mib, big, cluster_sectors=0):
    image = tmp / f"fat{bits}.img"
    fatimage.make_superfloppy(image, mib, bits, cluster_sectors=cluster_sectors)
    tree = fat_workout.initial_tree(big)
    fatimage.populate(image, 0, tree)
    status, lines = run_unode(unode, image, "workout")
    c.check(status == 0, f"FAT{bits}: unode fat.js workout exits 0", status)
    c.check(any(l.startswith(f"mounted sda: FAT{bits} ") for l in lines), f"mounted as FAT{bits}",
            lines[:1])
    after = fat_workout.apply_changes(tree)
    fat_workout.check_workout(c, lines, "sda", tree, after)
    fat_workout.check_image(c, image, 0, None, after, f"FAT{bits}")


def mbr_case(c, unode, tmp):
    image = tmp / "mbr.img"
    parts = [fatimage.Part(32, 40, label="FIRST", cluster_sectors=1),
             fatimage.Part(16, 20, label="SECOND")]
    fatimage.make_disk(image, 64, parts)
    trees = [fat_workout.initial_tree(1 << 20), fat_workout.initial_tree(300000)]
    for p, t in zip(parts, trees):
        fatimage.populate(image, p.offset, t)
    status, lines = run_unode(unode, image, "workout")
    c.check(status == 0, "MBR: unode fat.js workout exits 0", status)
    c.check(any(l.startswith('mounted sda1: FAT32 "FIRST"') for l in lines), "sda1: FAT32")
    c.check(any(l.startswith('mounted sda2: FAT16 "SECOND"') for l in lines), "sda2: FAT16")
    for i, (p, t) in enumerate(zip(parts, trees)):
        after = fat_workout.apply_changes(t)
        fat_workout.check_workout(c, lines, f"sda{i + 1}", t, after)
        fat_workout.check_image(c, image, p.offset, p.mib * 2048, after,
                                f"partition {i + 1}")


def fill_case(c, unode, tmp):
    image = tmp / "small.img"
    fatimage.make_superfloppy(image, 4, 16, cluster_sectors=1)
    fatimage.populate(image, 0, {"hello.txt": b"Hello\n"})
    status, lines = run_unode(unode, image, "fill")
    c.check(status == 0, "fill: exits 0", status)
    fat_workout.check_fill(c, lines, image)


def corrupt_case(c, unode, tmp):
    base = tmp / "base.img"
    fatimage.make_superfloppy(base, 16, 16)
    fatimage.populate(base, 0, {"big.bin": fat_workout.pattern(200000, 5)})
    raw = base.read_bytes()
    reserved, nfats = struct.unpack_from("<H", raw, 14)[0], raw[16]
    fat_sectors = struct.unpack_from("<H", raw, 22)[0]
    root = (reserved + nfats * fat_sectors) * 512
    first = struct.unpack_from("<H", raw, root + 26)[0]      # big.bin, the only entry

    def with_fat_entry(cluster, value):
        img = bytearray(raw)
        for k in range(nfats):
            struct.pack_into("<H", img, (reserved + k * fat_sectors) * 512 + 2 * cluster, value)
        return img

    cases = {
        "no signature": (lambda: raw[:510] + b"\0\0" + raw[512:],
                         ["mount: not a valid FAT volume: no 0x55 0xAA signature at byte 510 "
                          "of the boot sector"]),
        "bytes per sector 0": (lambda: raw[:11] + b"\0\0" + raw[13:],
                               ["mount: not a valid FAT volume: bytes per sector 0 (512, 1024, "
                                "2048 or 4096)"]),
        "truncated image": (lambda: raw[:len(raw) // 2],
                            ["mount: not a valid FAT volume: 32768 sectors of 512 do not fit in "
                             "the 8388608 bytes of the partition"]),
        "chain loop": (lambda: with_fat_entry(first + 3, first),
                       ["read big.bin: EIO", "write big.bin: EIO", "truncate big.bin: EIO",
                        "unlink big.bin: ok"]),
        "chain past the end": (lambda: with_fat_entry(first + 3, 0xFFF0 - 1),
                               ["read big.bin: EIO", "write big.bin: EIO",
                                "truncate big.bin: EIO", "unlink big.bin: ok"]),
        "chain too short": (lambda: with_fat_entry(first + 3, 0xFFFF),
                            ["read big.bin: EIO"]),
    }
    for name, (make, want) in cases.items():
        image = tmp / "corrupt.img"
        image.write_bytes(bytes(make()))
        status, lines = run_unode(unode, image, "corrupt")
        c.check(status == 0 and all(w in lines for w in want),
                f"corrupt volume, {name}: " + "; ".join(want), f"status {status}: {lines}")


def main():
    unode, case = sys.argv[1], sys.argv[2]
    missing = fatimage.tools_missing()
    if missing:
        print("skipped: " + ", ".join(missing) + " not installed (dosfstools, mtools)")
        return 77
    c = Checks()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if case == "fat12":
            volume_case(c, unode, tmp, 12, 8, 2 << 20)
        elif case == "fat16":
            volume_case(c, unode, tmp, 16, 32, 5 << 20)
        elif case == "fat32":
            volume_case(c, unode, tmp, 32, 48, 5 << 20, cluster_sectors=1)
        elif case == "mbr":
            mbr_case(c, unode, tmp)
        elif case == "fill":
            fill_case(c, unode, tmp)
        elif case == "corrupt":
            corrupt_case(c, unode, tmp)
        else:
            raise SystemExit(f"unknown case {case}")
    print(f"{c.failed} failed" if c.failed else "all passed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
