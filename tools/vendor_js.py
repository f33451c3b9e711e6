"""Vendor the browser JavaScript the published site needs, from the npm registry.

The site must make no request to a third-party host, so require.js, the Jupyter widgets
HTML manager and MathJax are served from ``_vendor/`` (copied into ``_build/html/_static``
by Sphinx). This script fetches the pinned npm packages with ``npm pack``, copies the
files the site uses and records their SHA-256 in ``_vendor/vendor.json``.

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
MANIFEST = VENDOR / "vendor.json"

# npm package -> (version, [(path inside the package, path under _vendor/)]).
# html-manager 1.0.x is the release line for ipywidgets 8.
PINS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "requirejs": ("2.3.8", [("require.js", "require.js")]),
    "@jupyter-widgets/html-manager": ("1.0.15", [("dist/*", "html-manager/")]),
    "mathjax": ("3.2.2", [("es5/tex-svg-full.js", "mathjax/tex-svg-full.js")]),
}
SKIP_SUFFIXES = (".map", "embed.js", "libembed-amd.js", ".LICENSE.txt")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch() -> None:
    if VENDOR.exists():
        for child in VENDOR.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
    VENDOR.mkdir(exist_ok=True)
    files: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (version, wanted) in PINS.items():
            out = subprocess.run(
                ["npm", "pack", f"{name}@{version}", "--silent"],
                cwd=tmp, check=True, capture_output=True, text=True,
            ).stdout.strip().splitlines()[-1]
            unpacked = Path(tmp) / out.removesuffix(".tgz")
            with tarfile.open(Path(tmp) / out) as tar:
                tar.extractall(unpacked, filter="data")
            package = unpacked / "package"
            for pattern, target in wanted:
                sources = sorted(package.glob(pattern))
                for src in sources:
                    if src.name.endswith(SKIP_SUFFIXES):
                        continue
                    dest = VENDOR / (target + src.name if target.endswith("/") else target)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(src, dest)
                    rel = dest.relative_to(VENDOR).as_posix()
                    files[rel] = {"package": name, "version": version, "sha256": sha256(dest)}
            licence = package / "LICENSE"
            if not licence.exists():
                licence = next(iter(package.glob("LICEN[CS]E*")), None)
            if licence:
                dest = VENDOR / "licences" / f"{name.replace('/', '__')}.txt"
                dest.parent.mkdir(exist_ok=True)
                shutil.copyfile(licence, dest)
    MANIFEST.write_text(json.dumps({"files": dict(sorted(files.items()))}, indent=2) + "\n")
    print(f"vendored {len(files)} files into {VENDOR.relative_to(ROOT)}/")


def check() -> list[str]:
    """Return the problems found in _vendor/ (empty when it matches vendor.json)."""
    manifest = json.loads(MANIFEST.read_text())["files"]
    problems = []
    for rel, entry in manifest.items():
        path = VENDOR / rel
        if not path.exists():
            problems.append(f"missing: _vendor/{rel}")
        elif sha256(path) != entry["sha256"]:
            problems.append(f"changed: _vendor/{rel} differs from {entry['package']}@{entry['version']}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify only; no network")
    args = parser.parse_args()
    if args.check:
        problems = check()
        print("\n".join(problems) or "_vendor/ matches vendor.json")
        return 1 if problems else 0
    fetch()
    return 0


if __name__ == "__main__":
    sys.exit(main())
