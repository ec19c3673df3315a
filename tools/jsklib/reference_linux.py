"""The reference machine of issue 9, for `jsk bench http --reference`:
Debian's Linux 6.1 kernel (package linux-image-amd64) with busybox httpd
(package busybox-static) in an initramfs, booted on the same QEMU machine as
jskernel's server: q35, TCG, 512 MiB, one CPU, an e1000 behind user
networking with restrict=on and a forward on 127.0.0.1.

Nothing is installed on the host: the two packages are fetched with
`apt-get download` into build/reference/ and unpacked there with dpkg-deb;
the initramfs holds busybox, the kernel's e1000 module and an init script
that gives eth0 slirp's usual address (10.0.2.15, gateway 10.0.2.2), writes
the two bodies the benchmark asks for into /www (`/`: "hello, world\\n", the
13 bytes jskernel's server answers; `/16m`: 16 MiB of zeros) and starts
`httpd -p 8080 -h /www`. busybox httpd closes every connection after its
answer (no keep-alive), as in the issue's measurement."""
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from . import deps, qemu
from .app import _mkinitrd

PORT = 8080
READY = "jsk-reference: httpd listening"
KERNEL_META = "linux-image-amd64"
BUSYBOX = "busybox-static"

INIT = f"""#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
insmod /lib/modules/e1000.ko
ifconfig lo 127.0.0.1 up
ifconfig eth0 10.0.2.15 netmask 255.255.255.0 up
route add default gw 10.0.2.2
printf 'hello, world\\n' > /www/index.html
dd if=/dev/zero of=/www/16m bs=65536 count=256 2>/dev/null
httpd -p {PORT} -h /www
echo "{READY}"
exec sh
"""


def _run(cmd, cwd=None):
    return subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True)


def _kernel_package():
    """The versioned image package linux-image-amd64 depends on
    (linux-image-6.1.0-N-amd64 on bookworm)."""
    out = _run(["apt-cache", "depends", KERNEL_META])
    m = re.search(r"Depends: (linux-image-[\w.+-]+)", out.stdout)
    if out.returncode != 0 or not m:
        return None
    return m.group(1)


def _download(packages, into):
    """The .deb files of `packages` in `into`, by apt-get download; the
    package lists are updated once if apt does not know them yet."""
    for attempt in range(2):
        out = _run(["apt-get", "download", *packages], cwd=into)
        if out.returncode == 0:
            break
        if attempt == 0:
            print("jsk: apt-get download failed; updating the package lists", flush=True)
            deps._apt(["update"])
    else:
        raise SystemExit(f"jsk: apt-get download {' '.join(packages)} failed:\n{out.stderr}")
    debs = {}
    for p in packages:
        found = sorted(Path(into).glob(f"{p}_*.deb"))
        if not found:
            raise SystemExit(f"jsk: apt-get download left no {p}_*.deb in {into}")
        debs[p] = found[-1]
    return debs


def prepare(build_dir):
    """(kernel image, initramfs, description), made once per build tree
    (build/reference/); `rm -r build/reference` fetches the packages again."""
    root = Path(build_dir) / "reference"
    kernel, initrd, about = root / "vmlinuz", root / "initrd.cpio", root / "packages.txt"
    if kernel.is_file() and initrd.is_file() and about.is_file():
        return kernel, initrd, about.read_text().strip()
    for tool in ("apt-get", "apt-cache", "dpkg-deb"):
        if shutil.which(tool) is None:
            raise SystemExit(f"jsk: --reference needs {tool} (a Debian host)")
    image = _kernel_package()
    if image is None:
        raise SystemExit(f"jsk: apt-cache knows no {KERNEL_META}; try `apt-get update`")
    root.mkdir(parents=True, exist_ok=True)
    print(f"jsk: making the reference machine from {image} and {BUSYBOX} "
          f"(apt-get download into {root})", flush=True)
    debs = _download([image, BUSYBOX], root)
    with tempfile.TemporaryDirectory(dir=root) as tmp:
        for p, deb in debs.items():
            out = _run(["dpkg-deb", "-x", str(deb), str(Path(tmp) / p)])
            if out.returncode != 0:
                raise SystemExit(f"jsk: dpkg-deb -x {deb} failed:\n{out.stderr}")
        vmlinuz = sorted((Path(tmp) / image / "boot").glob("vmlinuz-*"))
        e1000 = sorted((Path(tmp) / image / "lib" / "modules").glob(
            "*/kernel/drivers/net/ethernet/intel/e1000/e1000.ko*"))
        busybox = Path(tmp) / BUSYBOX / "bin" / "busybox"
        if not vmlinuz or not e1000 or e1000[0].suffix != ".ko" or not busybox.is_file():
            raise SystemExit(f"jsk: {image}/{BUSYBOX} lack vmlinuz, an uncompressed "
                             "e1000.ko or busybox")
        entries = [(d, None) for d in ("bin", "dev", "lib", "lib/modules", "proc", "sys",
                                       "tmp", "www")]
        entries += [("bin/busybox", busybox.read_bytes(), 0o755),
                    ("init", INIT.encode(), 0o755),
                    ("lib/modules/e1000.ko", e1000[0].read_bytes())]
        initrd.write_bytes(_mkinitrd().archive(sorted(entries)))
        shutil.copyfile(vmlinuz[0], kernel)
    versions = {p: _run(["dpkg-deb", "-f", str(deb), "Version"]).stdout.strip()
                for p, deb in debs.items()}
    for deb in debs.values():
        deb.unlink()
    about.write_text(f"Linux {vmlinuz[0].name[len('vmlinuz-'):]} ({image} {versions[image]}), "
                     f"busybox httpd ({BUSYBOX} {versions[BUSYBOX]})\n")
    return kernel, initrd, about.read_text().strip()


def start(tree, port, accel, boot_timeout=180):
    """The reference machine booted, its httpd forwarded to 127.0.0.1:port:
    a running qemu.Machine (stop() ends it)."""
    kernel, initrd, _ = prepare(tree.root)
    cfg = qemu.QemuConfig(tree, kernel=True, kernel_image=kernel, initrd=[initrd],
                          cmdline="console=ttyS0 quiet", forwards=[(port, PORT)],
                          accel=accel, serial="stdio")
    cfg.prepare()
    machine = qemu.Machine(cfg, pass_stderr=False).start()
    if machine.console.expect(re.escape(READY), boot_timeout) is None:
        tail = machine.console.tail(30)
        machine.stop()
        raise SystemExit(f"jsk: the reference machine did not start its httpd within "
                         f"{boot_timeout} s:\n{tail}")
    return machine
