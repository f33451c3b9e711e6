"""Time each notebook from a fresh kernel with nbclient, one after another in one process.

Each notebook runs as the book build runs it: its own folder as the working folder, and
``ACADEMY_WORK_DIR`` / ``ACADEMY_COHORT_DIR`` pointing at empty folders. The sum over
the book's notebooks is the *floor* the site build is compared with. A one-cell notebook
is timed first to show the fixed cost of starting a kernel.

    .venv/bin/python benchmarks/bench_notebooks.py [NOTEBOOK ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from common import ROOT, book_notebooks, cpu_seconds, environment, other_notebooks, private_folders, quiet_kernels
from nbclient import NotebookClient

SLOW_SECONDS = 20.0
CELL_TIMEOUT = 180  # as _config.yml


def execute(notebook: nbformat.NotebookNode, folder: Path) -> tuple[float, float]:
    """Run ``notebook`` in a new kernel with ``folder`` as its working folder: wall and CPU seconds."""
    with private_folders() as env, environment(env), quiet_kernels():
        client = NotebookClient(
            notebook, timeout=CELL_TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
        )
        started, cpu = time.perf_counter(), cpu_seconds()
        client.execute()
        return time.perf_counter() - started, cpu_seconds() - cpu


def kernel_start_seconds() -> float:
    """Time a notebook with one empty cell: the fixed cost of each fresh kernel."""
    empty = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    return execute(empty, ROOT)[0]


def measure(paths: list[Path] | None = None) -> dict[str, object]:
    """Execute every notebook (the book's, then the others nbval runs) and summarise."""
    in_book = book_notebooks()
    paths = paths or [*in_book, *other_notebooks()]
    rows = []
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        try:
            (seconds, cpu), error = execute(notebook, path.parent), ""
        except Exception as problem:  # a failing notebook is reported, not fatal to the run
            seconds, cpu, error = float("nan"), float("nan"), f"{type(problem).__name__}: {str(problem)[:200]}"
        row = {
            "notebook": path.relative_to(ROOT).as_posix(),
            "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2),
            "in_book": path in in_book,
            "code_cells": sum(c.cell_type == "code" for c in notebook.cells),
            "error": error,
        }
        rows.append(row)
        print(
            f"  {row['seconds']:7.2f} s  {row['notebook']}{'  FAILED: ' + error if error else ''}",
            file=sys.stderr,
            flush=True,
        )
    timed = [r for r in rows if r["in_book"] and not r["error"]]
    slowest = max(rows, key=lambda r: -1 if r["error"] else r["seconds"])
    return {
        "kernel_start_s": round(kernel_start_seconds(), 2),
        "notebooks": rows,
        "floor_s": round(sum(r["seconds"] for r in timed), 1),
        "floor_cpu_s": round(sum(r["cpu_seconds"] for r in timed), 1),
        "floor_notebooks": len(timed),
        "slowest": slowest["notebook"],
        "slowest_s": slowest["seconds"],
        "over_limit": [r["notebook"] for r in rows if r["seconds"] > SLOW_SECONDS],
        "failed": [r["notebook"] for r in rows if r["error"]],
        "limit_s": SLOW_SECONDS,
    }


if __name__ == "__main__":
    result = measure([Path(p).resolve() for p in sys.argv[1:]] or None)
    print(
        f"floor {result['floor_s']} s over {result['floor_notebooks']} notebooks; "
        f"slowest {result['slowest']} ({result['slowest_s']} s); kernel start {result['kernel_start_s']} s"
    )
