"""Vendor the browser JavaScript the published site needs, from the npm registry.

The site must make no request to a third-party host, so require.js, the Jupyter widgets
HTML manager and MathJax are served from ``_vendor/`` (copied into ``_build/html/_static``
by Sphinx); axe-core, used only by the accessibility test, goes to
``tests/website/vendor/``. This script fetches the pinned npm packages with ``npm pack``, copies the
files and records their SHA-256 in each folder's ``vendor.json``.

    python tools/vendor_js.py          # re-vendor from the pins below
    python tools/vendor_js.py --check  # verify _vendor/ against vendor.json (no network)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "_vendor"

# npm package -> (version, [(path inside the package, path under _vendor/)]).
# html-manager 1.0.x is the release line for ipywidgets 8.
PINS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "requirejs": ("2.3.8", [("require.js", "require.js")]),
    "@jupyter-widgets/html-manager": ("1.0.15", [("dist/*", "html-manager/")]),
    "mathjax": ("3.2.2", [("es5/tex-svg-full.js", "mathjax/tex-svg-full.js")]),
}
# Test-only scripts: kept out of the site, under tests/website/vendor/.
TEST_VENDOR = ROOT / "tests" / "website" / "vendor"
TEST_PINS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "axe-core": ("4.14.1", [("axe.min.js", "axe.min.js")]),
}
SKIP_SUFFIXES = (".map", "embed.js", "libembed-amd.js", ".LICENSE.txt")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


Pins = dict[str, tuple[str, list[tuple[str, str]]]]
TARGETS: tuple[tuple[Pins, Path], ...] = ((PINS, VENDOR), (TEST_PINS, TEST_VENDOR))


def fetch(pins: Pins, folder: Path) -> None:
    """Replace ``folder`` with the pinned files, their licences and a ``vendor.json`` of checksums."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    files: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (version, wanted) in pins.items():
            out = (
                subprocess.run(
                    ["npm", "pack", f"{name}@{version}", "--silent"],
                    cwd=tmp,
                    check=True,
                    capture_output=True,
                    text=True,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            unpacked = Path(tmp) / out.removesuffix(".tgz")
            with tarfile.open(Path(tmp) / out) as tar:
                tar.extractall(unpacked, filter="data")
            package = unpacked / "package"
            for pattern, target in wanted:
                for src in sorted(package.glob(pattern)):
                    if src.name.endswith(SKIP_SUFFIXES):
                        continue
                    dest = folder / (target + src.name if target.endswith("/") else target)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(src, dest)
                    rel = dest.relative_to(folder).as_posix()
                    files[rel] = {"package": name, "version": version, "sha256": sha256(dest)}
            licence = next(iter(sorted(package.glob("LICEN[CS]E*"))), None)
            if licence:
                dest = folder / "licences" / f"{name.replace('/', '__')}.txt"
                dest.parent.mkdir(exist_ok=True)
                shutil.copyfile(licence, dest)
    (folder / "vendor.json").write_text(json.dumps({"files": dict(sorted(files.items()))}, indent=2) + "\n")
    print(f"vendored {len(files)} files into {folder.relative_to(ROOT)}/")


def check(folder: Path) -> list[str]:
    """Return the problems found in ``folder`` (empty when it matches its vendor.json)."""
    manifest = json.loads((folder / "vendor.json").read_text())["files"]
    problems = []
    for rel, entry in manifest.items():
        path = folder / rel
        shown = path.relative_to(ROOT).as_posix()
        if not path.exists():
            problems.append(f"missing: {shown}")
        elif sha256(path) != entry["sha256"]:
            problems.append(f"changed: {shown} differs from {entry['package']}@{entry['version']}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify only; no network")
    args = parser.parse_args()
    if args.check:
        problems = [problem for _, folder in TARGETS for problem in check(folder)]
        print("\n".join(problems) or "vendored files match their vendor.json")
        return 1 if problems else 0
    for pins, folder in TARGETS:
        fetch(pins, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
