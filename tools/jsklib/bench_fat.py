"""`jsk bench fat`: a file written and read through the FAT file system
(js-drivers/fs/fat.js, its block cache and the AHCI driver's synchronous
path), in MiB/s measured in the guest with hal.clock, next to the raw
readSync and writeSync rates over the same sectors (tests/bench/fat/fat.js). The image is
a FAT32 volume made by mkfs.fat (4 KiB clusters). The file goes through the
file-system object directly; `jsk bench fs` (tests/bench/fs/fs.js) goes
through unode's fs, the system calls and the VFS on top."""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from . import fatimage, qemu
from .bench import Table, benchmark, machine_description

APP = Path(__file__).resolve().parents[2] / "tests" / "bench" / "fat" / "fat.js"
JSK = Path(__file__).resolve().parents[1] / "jsk"
PASS = re.compile(r"^pass (\w+) (\d+) ([\d.]+)$", re.M)
MODES = [("write", "write + sync through fat.js (MiB/s)"),
         ("read", "read through fat.js, cold cache (MiB/s)"),
         ("raw", "readSync of the same sectors (MiB/s)"),
         ("rawWrite", "writeSync of the same sectors + flush (MiB/s)")]


def _args(p):
    p.add_argument("--runs", type=int, default=3, help="passes (default 3)")
    p.add_argument("--size", type=int, default=16, help="file MiB (default 16)")
    p.add_argument("--request", type=int, default=64, help="request KiB (default 64)")


def run_in_guest(tree, args, app, modes, title):
    """Runs `app RUNS SIZE REQUEST` on a fresh FAT32 image (4 KiB clusters),
    collects its 'pass MODE BYTES MS' lines into a table of MiB/s, checks
    the volume with fsck.fat -n afterwards."""
    if args.runs < 1 or args.size < 1 or args.request < 1 or (args.size << 10) % args.request:
        raise SystemExit("jsk: want --runs >= 1, --size >= 1 and --request dividing the size")
    missing = fatimage.tools_missing()
    if missing:
        raise SystemExit("jsk: this benchmark needs " + ", ".join(missing) + " (jsk setup)")
    accel = qemu.accel_from_env()
    tree.require(tree.elf, tree.initrd)
    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "fat.img"
        fatimage.make_superfloppy(image, max(320, args.size * 2 + 40), 32, cluster_sectors=8)
        cmd = [sys.executable, str(JSK), "run", "--no-build", "--build-dir", str(tree.root),
               "--timeout", "600", "--disk", str(image), str(app), str(args.runs),
               str(args.size), str(args.request)]
        out = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                             timeout=660)
        clean, report = fatimage.fsck(image)
    passes = PASS.findall(out.stdout)
    if out.returncode != 0 or len(passes) != args.runs * len(modes):
        raise SystemExit(f"jsk: {' '.join(cmd)} failed (status {out.returncode}):\n"
                         f"{out.stdout}{out.stderr}")
    rates = {}
    for mode, total, ms in passes:
        rates.setdefault(mode, []).append(int(total) / 1048576 / (float(ms) / 1000))
    t = Table()
    for mode, label in modes:
        t.add(label, rates[mode], fmt="{:.1f}")
    print(f"{title}: a {args.size} MiB file on FAT32 (4 KiB clusters), "
          f"{args.request} KiB requests, {args.runs} passes")
    print("machine: " + machine_description(accel))
    print(t.render())
    print("fsck.fat -n after: " + ("clean" if clean else "NOT CLEAN\n" + report))
    return 0 if clean else 1


@benchmark("fat", "FAT32 file write/read MiB/s through js-drivers/fs/fat.js, in the guest", _args)
def fat(tree, args):
    return run_in_guest(tree, args, APP, MODES, "jsk bench fat")


FS_APP = APP.parents[1] / "fs" / "fs.js"
FS_MODES = [("write", "fs write+fsync (MiB/s)"),
            ("read", "fs read, cold (MiB/s)"),
            ("raw", "blockdev readSync (MiB/s)")]


@benchmark("fs", "unode fs write/read MiB/s on FAT32 on bare metal, next to the raw disk", _args)
def fs(tree, args):
    """The same through unode's fs: system calls, the VFS, fat.js, AHCI."""
    return run_in_guest(tree, args, FS_APP, FS_MODES, "jsk bench fs")
