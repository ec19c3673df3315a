"""Plain-ES5 npm packages that unode runs unmodified, pinned, fetched from
the npm registry at test time (Python standard library only).

For each package: the version's metadata from the registry gives the tarball
address and its sha512 integrity; the tarball is downloaded once into
BUILD/npm/cache, checked against that integrity (a mismatch is an error, the
file is not used), and unpacked into BUILD/npm/node_modules/NAME (the
tarball's package/ folder). Nothing is ever copied into the repository.

    python3 -m tools.jsklib.npm_packages BUILD    fetch all, print where they are

fetch_all() raises Unreachable when the registry cannot be reached, so tests
can skip (status 77) with a clear message instead of failing.
"""
import base64
import hashlib
import io
import json
import os
import shutil
import sys
import tarfile
import urllib.error
import urllib.request

REGISTRY = "https://registry.npmjs.org"

# name -> pinned version. Each is ES5 with no dependencies (checked by
# tests/npm under unode: a syntax Duktape lacks would fail to load).
PACKAGES = {
    "inherits": "2.0.4",
    "ms": "2.1.3",
    "semver": "5.7.2",
    "eventemitter3": "4.0.7",
    "async": "1.5.2",
}

TIMEOUT = 20  # seconds per request


class Unreachable(Exception):
    """The registry could not be reached (offline machine, no DNS, ...)."""


class IntegrityError(Exception):
    """A tarball whose sha512 is not the one the registry publishes."""


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.read()
    except urllib.error.HTTPError:
        raise  # the registry answered: a real error (wrong name or version)
    except (urllib.error.URLError, OSError) as error:
        raise Unreachable(f"{url}: {error}") from error


def metadata(name, version):
    """The registry's record of one version: {'dist': {'tarball', 'integrity'}, ...}."""
    return json.loads(_get(f"{REGISTRY}/{name}/{version}"))


def check_integrity(data, integrity):
    """integrity is a Subresource Integrity string, 'sha512-BASE64'."""
    for entry in integrity.split():
        algorithm, _, expected = entry.partition("-")
        if algorithm == "sha512":
            actual = base64.b64encode(hashlib.sha512(data).digest()).decode()
            if actual != expected:
                raise IntegrityError(f"sha512 mismatch: registry {expected}, got {actual}")
            return
    raise IntegrityError(f"no sha512 in integrity {integrity!r}")


def _safe_members(archive, prefix="package/"):
    for member in archive.getmembers():
        name = member.name
        if not name.startswith(prefix) or ".." in name.split("/"):
            continue
        if not (member.isfile() or member.isdir()):
            continue  # no links or devices from a tarball
        member.name = name[len(prefix):]
        if member.name:
            yield member


def fetch(name, version, build_dir):
    """Downloads (or reuses the cached) tarball, checks it, and unpacks it
    into BUILD/npm/node_modules/NAME. Returns that directory."""
    root = os.path.join(build_dir, "npm")
    cache = os.path.join(root, "cache")
    os.makedirs(cache, exist_ok=True)
    tarball = os.path.join(cache, f"{name}-{version}.tgz")
    integrity_file = tarball + ".integrity"
    target = os.path.join(root, "node_modules", name)
    stamp = os.path.join(target, ".unode-version")

    if os.path.exists(tarball) and os.path.exists(integrity_file):
        with open(tarball, "rb") as f:
            data = f.read()
        with open(integrity_file) as f:
            integrity = f.read().strip()
        check_integrity(data, integrity)
    else:
        dist = metadata(name, version)["dist"]
        data = _get(dist["tarball"])
        check_integrity(data, dist["integrity"])
        with open(tarball + ".tmp", "wb") as f:
            f.write(data)
        os.replace(tarball + ".tmp", tarball)
        with open(integrity_file, "w") as f:
            f.write(dist["integrity"] + "\n")

    if os.path.exists(stamp):
        with open(stamp) as f:
            if f.read().strip() == version:
                return target
    shutil.rmtree(target, ignore_errors=True)
    os.makedirs(target)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        members = list(_safe_members(archive))
        if hasattr(tarfile, "data_filter"):
            archive.extractall(target, members=members, filter="data")
        else:
            archive.extractall(target, members=members)
    with open(stamp, "w") as f:
        f.write(version + "\n")
    return target


def fetch_all(build_dir):
    """Fetches every pinned package; returns BUILD/npm (holding node_modules)."""
    for name, version in PACKAGES.items():
        fetch(name, version, build_dir)
    return os.path.join(build_dir, "npm")


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    try:
        root = fetch_all(argv[1])
    except Unreachable as error:
        print(f"npm registry unreachable: {error}")
        return 77
    for name, version in PACKAGES.items():
        print(f"{name}@{version} -> {os.path.join(root, 'node_modules', name)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
