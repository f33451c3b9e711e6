"""What the benchmark scripts share: the course's notebooks, the machine, percentiles, markers.

Nothing here is timed. Run the benchmarks with ``python benchmarks/run.py`` (see README.md).
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from tempfile import TemporaryDirectory

import yaml

from exercises.markers import replace_between  # noqa: F401  (re-exported for the benchmark scripts)

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

KEY_PACKAGES = (
    "jupyter-book",
    "myst-nb",
    "jupyter-cache",
    "Sphinx",
    "nbclient",
    "ipykernel",
    "ipywidgets",
    "matplotlib",
    "pandas",
    "numpy",
    "pydantic",
    "pytest",
    "nbval",
)


def toc_files(root: Path = ROOT) -> list[str]:
    """Every page in ``_toc.yml``, in book order, as paths without an extension."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key in ("root", "file"):
                if isinstance(node.get(key), str):
                    found.append(node[key])
            for value in node.values():
                if isinstance(value, (dict, list)):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8")))
    return found


def book_notebooks(root: Path = ROOT) -> list[Path]:
    """The notebooks the book executes, in book order."""
    return [root / f"{page}.ipynb" for page in toc_files(root) if (root / f"{page}.ipynb").is_file()]


def other_notebooks(root: Path = ROOT) -> list[Path]:
    """Notebooks nbval runs that are not pages of the book (the challenge workbook)."""
    in_book = set(book_notebooks(root))
    return sorted(
        p for p in (root / "exercises").rglob("*.ipynb") if p not in in_book and ".ipynb_checkpoints" not in p.parts
    )


@contextmanager
def private_folders() -> Iterator[dict[str, str]]:
    """Empty my-work/ and cohort-work/ folders, as the build uses (nobody's answers leak in)."""
    with TemporaryDirectory(prefix="academy-bench-") as tmp:
        env = {"ACADEMY_WORK_DIR": str(Path(tmp) / "my-work"), "ACADEMY_COHORT_DIR": str(Path(tmp) / "cohort-work")}
        yield env


@contextmanager
def quiet_kernels() -> Iterator[None]:
    """Hide each new kernel's start-up warning about TCP transport; pass any other error output on."""
    noise = "Kernel is running over TCP without encryption"
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as caught:
        os.dup2(caught.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            caught.seek(0)
            for line in caught.read().decode("utf-8", "replace").splitlines():
                if noise not in line:
                    print(line, file=sys.stderr)


@contextmanager
def environment(changes: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the duration of a block."""
    before = {key: os.environ.get(key) for key in changes}
    os.environ.update(changes)
    try:
        yield
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def cpu_seconds() -> float:
    """CPU time used so far by this process and every child it has waited for (kernels, builds).

    Other work on the machine slows the wall clock but hardly changes this, so it is
    recorded beside each wall time.
    """
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` (0 to 100) percentile, linear between the nearest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * share / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return float("nan")


def machine() -> dict[str, object]:
    """The machine and software the results were measured on."""
    packages = {}
    for name in KEY_PACKAGES:
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            packages[name] = "not installed"
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        commit, dirty = "", ""
    return {
        "cpus": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "memory_gb": _memory_gb(),
        "load_average_1m_at_start": round(os.getloadavg()[0], 2),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "packages": packages,
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
    }
