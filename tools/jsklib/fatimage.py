"""FAT disk images on the host, for tests of js-drivers/fs (docs/fs-fat.md):
made with mkfs.fat (dosfstools), filled and read back with mtools, checked
with fsck.fat -n. An image is either one volume ("superfloppy") or a disk
with an MBR whose partitions each hold a volume.

    make_disk(path, mib, [Part(32, 40), Part(16, 20)])   # MBR, two volumes
    populate(path, offset, {"dir/a long name.txt": b"...", "empty dir": None})
    tree = read_tree(path, offset)                         # {path: bytes | None}
"""
import os
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SECTOR = 512
ENV = dict(os.environ, MTOOLS_SKIP_CHECK="1", LANG="C.UTF-8", LC_ALL="C.UTF-8")
# MBR type per FAT width (LBA forms); 0: a Linux partition left empty.
TYPES = {12: 0x01, 16: 0x0E, 32: 0x0C, 0: 0x83}


@dataclass
class Part:
    bits: int           # 12, 16 or 32 (0: not FAT, type 0x83, left empty)
    mib: int            # size
    lba: int = 0        # first sector (filled by make_disk)
    label: str = "JSKTEST"
    cluster_sectors: int = 0  # 0: mkfs.fat's choice

    @property
    def offset(self):
        return self.lba * SECTOR


def tools_missing():
    """The host tools the FAT tests need that are not installed (dosfstools
    and mtools, in tools/jsklib/deps.py)."""
    return [t for t in ("mkfs.fat", "fsck.fat", "mcopy", "mmd") if not shutil.which(t)
            and not Path("/usr/sbin", t).exists() and not Path("/sbin", t).exists()]


def _tool(name):
    for d in ("", "/usr/sbin/", "/sbin/"):
        if d == "" and shutil.which(name):
            return name
        if d and Path(d + name).exists():
            return d + name
    raise FileNotFoundError(name)


def run(*cmd, check=True):
    proc = subprocess.run([_tool(cmd[0]), *cmd[1:]], env=ENV, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: status {proc.returncode}: "
                           f"{proc.stderr.strip() or proc.stdout.strip()}")
    return proc


def mkfs(path, bits, offset_sectors, sectors, label="JSKTEST", cluster_sectors=0):
    """A FAT volume of `sectors` at sector `offset_sectors` of the image."""
    args = ["mkfs.fat", "-F", str(bits), "-n", label, "-i", "1234ABCD"]
    if cluster_sectors:
        args += ["-s", str(cluster_sectors)]
    if offset_sectors:
        args += [f"--offset={offset_sectors}"]
    run(*args, str(path), str(sectors * SECTOR // 1024))


def make_superfloppy(path, mib, bits, **kw):
    """An image that is one FAT volume (no partition table)."""
    Path(path).write_bytes(b"")
    os.truncate(path, mib << 20)
    mkfs(path, bits, 0, (mib << 20) // SECTOR, **kw)
    return 0


def make_disk(path, mib, parts):
    """An image with an MBR and one FAT volume per Part (1 MiB aligned);
    fills in each part's lba."""
    Path(path).write_bytes(b"")
    os.truncate(path, mib << 20)
    mbr = bytearray(SECTOR)
    lba = 2048
    for i, p in enumerate(parts):
        p.lba = lba
        count = p.mib * 2048
        struct.pack_into("<B3xB3xII", mbr, 446 + 16 * i, 0x80 if i == 0 else 0,
                         TYPES[p.bits], lba, count)
        if p.bits:
            mkfs(path, p.bits, lba, count, p.label, p.cluster_sectors)
        lba += count
    if lba > (mib << 20) // SECTOR:
        raise ValueError("partitions larger than the disk")
    mbr[510:512] = b"\x55\xaa"
    with open(path, "r+b") as f:
        f.write(mbr)


def _at(path, offset):
    return f"{path}@@{offset}" if offset else str(path)


def populate(path, offset, tree):
    """Writes {path: bytes (a file) | None (a directory)} into the volume at
    byte `offset` of the image, parents first."""
    image = _at(path, offset)
    with tempfile.TemporaryDirectory() as tmp:
        for i, name in enumerate(sorted(tree, key=lambda n: (n.count("/"), n))):
            data = tree[name]
            if data is None:
                run("mmd", "-i", image, "::/" + name)
                continue
            src = Path(tmp) / f"f{i}"
            src.write_bytes(data)
            run("mcopy", "-i", image, str(src), "::/" + name)


def read_tree(path, offset):
    """{path: bytes | None} of everything in the volume, as mtools reads it."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        dest = Path(tmp) / "root"
        dest.mkdir()
        listing = run("mdir", "-b", "-/", "-i", _at(path, offset), "::/", check=False)
        if listing.stdout.strip():
            run("mcopy", "-s", "-n", "-i", _at(path, offset), "::*", str(dest))
        for p in sorted(dest.rglob("*")):
            rel = p.relative_to(dest).as_posix()
            out[rel] = None if p.is_dir() else p.read_bytes()
    return out


def fsck(path, offset=0, sectors=None):
    """fsck.fat -n of the volume: (clean?, its output)."""
    if not offset:
        proc = run("fsck.fat", "-n", str(path), check=False)
        return proc.returncode == 0, proc.stdout + proc.stderr
    with tempfile.TemporaryDirectory() as tmp:
        part = Path(tmp) / "part.img"
        with open(path, "rb") as f:
            f.seek(offset)
            part.write_bytes(f.read(sectors * SECTOR))
        proc = run("fsck.fat", "-n", str(part), check=False)
        return proc.returncode == 0, proc.stdout + proc.stderr


def fnv(data):
    """FNV-1a, 32-bit, over little-endian 32-bit words, then the 0-3 bytes
    left (tests/qemu/apps/fat_workout.js's hash)."""
    h = 0x811C9DC5
    words = len(data) // 4
    for (w,) in struct.iter_unpack("<I", data[:words * 4]):
        h = ((h ^ w) * 0x01000193) & 0xFFFFFFFF
    for b in data[words * 4:]:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return f"{h:08x}"


def listing(tree, hash_limit=262144):
    """The lines fat_workout.js prints for a tree: 'D path' or 'F path size
    hash' (hash '-' for files larger than hash_limit)."""
    lines = []
    for name in sorted(tree):
        data = tree[name]
        if data is None:
            lines.append(f"D {name}")
        else:
            digest = "-" if len(data) > hash_limit else fnv(data)
            lines.append(f"F {name} {len(data)} {digest}")
    return sorted(lines)
