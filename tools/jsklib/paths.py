"""Where things are: the repository, the build tree and the build artifacts.

Everything is computed from this file's location so that tools/jsk works from
any working directory, and a test can point at another build tree
(`--build-dir`) without touching the environment.
"""
import os
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TOOLS = REPO / "tools"
GDBINIT = TOOLS / "gdbinit"
BOCHSRC = TOOLS / "bochsrc.txt"
DEFAULT_BUILD = REPO / "build"


@dataclass(frozen=True)
class BuildTree:
    """The files of one build tree that the tools consume."""

    root: Path

    @classmethod
    def at(cls, path=None):
        """The build tree at `path`, else $JSK_BUILD_DIR, else <repo>/build."""
        chosen = path or os.environ.get("JSK_BUILD_DIR") or DEFAULT_BUILD
        return cls(Path(chosen).resolve())

    @property
    def is_default(self):
        return self.root == DEFAULT_BUILD.resolve()

    @property
    def elf(self):
        return self.root / "jskernel.elf"

    @property
    def iso(self):
        return self.root / "jskernel.iso"

    @property
    def initrd(self):
        """The boot-module archive: stdlib/ and js-drivers/ (tools/mkinitrd.py)."""
        return self.root / "initrd.cpio"

    @property
    def source(self):
        """The source tree this build tree was configured from (CMake's
        CMAKE_HOME_DIRECTORY), else the tools' own: what `jsk run app.js`
        packs stdlib/ and js-drivers/ from, so that they match the build's
        kernel and initrd."""
        try:
            for line in (self.root / "CMakeCache.txt").read_text().splitlines():
                if line.startswith("CMAKE_HOME_DIRECTORY:"):
                    source = Path(line.split("=", 1)[1])
                    if (source / "js-drivers").is_dir():
                        return source
        except OSError:
            pass
        return REPO

    @property
    def run_dir(self):
        """Per-run files of `jsk run app.js` (the archive with the app)."""
        return self.root / "run"

    @property
    def scratch_disk(self):
        return self.root / "scratch.img"

    @property
    def debug_serial_log(self):
        return self.root / "debug-serial.log"

    @property
    def junit(self):
        return self.root / "ctest-junit.xml"

    def configured(self):
        return (self.root / "CMakeCache.txt").exists() and (self.root / "build.ninja").exists()

    def require(self, *files):
        """Raise a readable error if a build artifact is missing."""
        for f in files:
            if not Path(f).exists():
                raise SystemExit(f"jsk: {f} is missing; build first (tools/jsk build)")
