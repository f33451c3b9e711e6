"""Time the README's two commands, ``make site`` and ``make test``, from a fresh clone.

A script, not a test (timings depend on the machine). Run it from the course folder:

    .venv/bin/python benchmarks/bench_setup.py                # both, about 15 minutes on 2 cores
    .venv/bin/python benchmarks/bench_setup.py --part test    # only the clone that runs the tests
    .venv/bin/python benchmarks/bench_setup.py --json         # one JSON line (benchmarks/run.py uses this)

Each part clones the repository's committed ``HEAD`` (``git clone``, so changes not yet
committed are left out) into its own temporary folder, which is deleted afterwards:

- ``site``: ``make .venv/.installed`` (create ``.venv``, install ``requirements.lock`` and the
  course: the Makefile's ``$(STAMP)`` step), then ``make site``.
- ``test``: the same install, then ``make test``'s four targets one after another, each
  timed on its own: ``unit``, ``notebooks``, ``site``, ``site-checks``. ``make test`` runs
  the same four in this order (and stops at the first that fails; here all four run).

Every ``make`` gets ``PYTHON=python3.11``, as the Makefile's default, and an environment
without this virtual environment or anyone's ``ACADEMY_*`` folders. pip's download cache
is measured before and after each install, because the install's time depends on it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import BIN, ROOT, cpu_seconds

PYTHON = "python3.11"
INSTALL = ".venv/.installed"  # the Makefile's $(STAMP)
PARTS = {"site": ("site",), "test": ("unit", "notebooks", "site", "site-checks")}
# Closing lines worth keeping: pytest's counts, Sphinx's verdict, make's error.
CLOSING = re.compile(r"\d+ (passed|failed|errors?)\b|build (succeeded|finished with problems)|\*\*\* .*Error \d+")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def clean_environment() -> dict[str, str]:
    """This process's environment without its virtual environment or the course's private folders."""
    dropped = {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "MAKEFLAGS", "MFLAGS", "MAKELEVEL"}
    env = {k: v for k, v in os.environ.items() if k not in dropped and not k.startswith("ACADEMY_")}
    if sys.prefix != sys.base_prefix:  # run from a venv: keep its bin/ off the clone's PATH
        env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if Path(p) != BIN)
    return env


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of files under ``folder`` (0, 0 when it does not exist)."""
    sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(sizes), len(sizes)


def pip_cache(env: dict[str, str]) -> dict[str, object]:
    """Where pip keeps its download cache and how much it holds; and any local package folders pip reads."""
    found = subprocess.run([PYTHON, "-m", "pip", "cache", "dir"], env=env, capture_output=True, text=True, check=False)
    config = subprocess.run(
        [PYTHON, "-m", "pip", "config", "list"], env=env, capture_output=True, text=True, check=False
    ).stdout
    local = sorted(
        {
            value
            for line in config.splitlines()
            if re.search(r"(find-links|index-url)=", line)
            for value in line.split("=", 1)[1].strip("'\"").split()
            if value.startswith(("/", "file:"))
        }
    )
    if found.returncode != 0:
        return {"folder": None, "bytes": 0, "files": 0, "local_sources": local}
    folder = Path(found.stdout.strip())
    size, files = folder_size(folder)
    return {"folder": str(folder), "bytes": size, "files": files, "local_sources": local}


def summary_line(log: str) -> str:
    """The last closing line worth keeping (pytest's counts, Sphinx's verdict, make's error), or ""."""
    lines = [ANSI.sub("", line).strip(" =") for line in log.splitlines()]
    return next((line[:160] for line in reversed(lines) if CLOSING.search(line)), "")


def make(clone: Path, target: str, env: dict[str, str]) -> dict[str, Any]:
    """Run ``make <target>`` in the clone: wall and CPU seconds, exit code, closing line."""
    load = round(os.getloadavg()[0], 2)
    started, cpu = time.perf_counter(), cpu_seconds()
    done = subprocess.run(
        ["make", target, f"PYTHON={PYTHON}"],
        cwd=clone,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    step = {
        "target": target,
        "seconds": round(time.perf_counter() - started, 1),
        "cpu_seconds": round(cpu_seconds() - cpu, 1),
        "exit_code": done.returncode,
        "summary": summary_line(done.stdout),
        "load_1m_before": load,
    }
    print(
        f"  make {target}: {step['seconds']:.0f} s, exit {done.returncode}"
        + (f" ({step['summary']})" if step["summary"] else ""),
        file=sys.stderr,
        flush=True,
    )
    if done.returncode:
        print("\n".join(done.stdout.splitlines()[-20:]), file=sys.stderr, flush=True)
    return step


def clone_head(into: Path) -> Path:
    """A fresh clone of the repository's committed HEAD."""
    target = into / "course"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(target)], check=True)
    return target


def run_part(part: str) -> dict[str, Any]:
    """Clone, install, then run the part's make targets; the clone is deleted afterwards."""
    env = clean_environment()
    with tempfile.TemporaryDirectory(prefix=f"academy-bench-setup-{part}-") as tmp:
        clone = clone_head(Path(tmp))
        before = pip_cache(env)
        steps = [make(clone, INSTALL, env)]
        after = pip_cache(env)
        if steps[0]["exit_code"] == 0:
            steps += [make(clone, target, env) for target in PARTS[part]]
    codes = [step["exit_code"] for step in steps]
    return {
        "steps": steps,
        "seconds": round(sum(step["seconds"] for step in steps), 1),
        "exit_code": next((code for code in codes if code), 0),
        "pip_cache_before": before,
        "pip_cache_after": after,
    }


def git(*args: str) -> str:
    """The output of a git command in the course folder."""
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()


def measure(parts: tuple[str, ...] = ("site", "test")) -> dict[str, Any]:
    """Each part from its own fresh clone, with what was cloned and what the machine already had."""
    version = subprocess.run([PYTHON, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    results: dict[str, Any] = {
        "commit": git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes_left_out": bool(git("status", "--porcelain")),
        "python": version,
        "system_packages": {
            "chromium": os.access("/usr/bin/chromium", os.X_OK),
            "libreoffice": shutil.which("soffice") is not None,
        },
    }
    for part in parts:
        print(f"  fresh clone for make {part} ...", file=sys.stderr, flush=True)
        results[part] = run_part(part)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--part",
        action="append",
        choices=tuple(PARTS),
        help="measure only this part (repeatable); default: site and test",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON line instead of a table")
    args = parser.parse_args(argv)
    results = measure(tuple(args.part or PARTS))
    if args.json:
        print(json.dumps(results), flush=True)
        return 0
    print(
        f"Fresh clones of commit {results['commit']}"
        + (" (uncommitted changes are not included)" if results["uncommitted_changes_left_out"] else "")
    )
    for part in args.part or PARTS:
        record = results[part]
        cache = record["pip_cache_before"]
        print(
            f"\nmake {part}: {record['seconds']:.0f} s, exit {record['exit_code']} "
            f"(pip cache before the install: {cache['bytes'] / 1e6:.0f} MB in {cache['files']} files)"
        )
        for step in record["steps"]:
            print(
                f"  {step['target']:<18} {step['seconds']:>7.1f} s  CPU {step['cpu_seconds']:>7.1f} s  "
                f"exit {step['exit_code']}  {step['summary']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
