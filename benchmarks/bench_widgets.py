"""Time each calculator from a changed input to its redrawn result, in the kernel.

Every notebook whose code makes a calculator is run in this process with IPython's
``InteractiveShell`` (working folder: the notebook's; ``ACADEMY_WORK_DIR`` and
``ACADEMY_COHORT_DIR``: empty folders), so the calculators are exactly the ones on the
pages. Then, for each calculator, one input at a time is set to a different acceptable
value (``field.value = ...``, what typing and pressing Enter does) and the time until
the call returns is taken; by then the result area holds the new table and chart and the
answer has been saved. Inputs take turns; each is switched between its starting value
and a nearby one, so every change is real. The time is split into the author's function
(``compute``), building or updating the chart (``chart``), laying it out and drawing it as
SVG (``draw``), saving the answer to the workbook (``save``) and the rest (HTML, feedback).

This machine's speed changes from minute to minute (it is shared), so each calculator is
measured in several rounds, with a fixed pure-Python workload timed before each round as a
yardstick; the round with the middle p95 is reported, with the spread of p95 over rounds.

What this leaves out: the round trip between the browser and the kernel and the
browser's own drawing, which depend on the network and the browser.

    .venv/bin/python benchmarks/bench_widgets.py [--changes 30] [--rounds 3]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import io
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
from common import ROOT, book_notebooks, environment, percentile, private_folders

TARGET_MS = 100.0


def _timed(function: Callable[..., Any], log: list[float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            log.append(time.perf_counter() - started)

    return wrapper


def _alternatives(spec: Any) -> list[str]:
    """A starting text and a nearby acceptable one for an input."""
    from exercises.numbers import NumberFormatProblem, format_number

    start = spec.start_text()
    if spec.options is not None:
        others = [o for o in spec.options if o != spec.value]
        return [start, str(others[0])] if others else [start]
    value = float(spec.value)
    for candidate in (value * 1.1, value * 0.9, value + 1, value - 1, value + 0.01):
        if isinstance(spec.value, int) and not isinstance(spec.value, bool):
            candidate = float(round(candidate))
        text = format_number(candidate, spec.unit)
        try:
            spec.read(text)
        except NumberFormatProblem:
            continue
        if text != start:
            return [start, text]
    return [start]


def time_calculator(calc: Any, changes: int) -> dict[str, object]:
    """Change ``calc``'s inputs ``changes`` times; latency figures in milliseconds."""
    module = importlib.import_module("exercises.widgets.calculator")  # the package exports a function of that name

    compute_log: list[float] = []
    chart_log: list[float] = []
    draw_log: list[float] = []
    save_log: list[float] = []
    calc.compute = _timed(calc.compute, compute_log)
    if calc.chart is not None:
        calc.chart = _timed(calc.chart, chart_log)
    calc.save = _timed(calc.save, save_log)
    drawing = module.figure_html
    module.figure_html = _timed(drawing, draw_log)  # measuring only; put back below
    cycles = {name: _alternatives(spec) for name, spec in calc.inputs.items()}
    names = [name for name, texts in cycles.items() if len(texts) > 1]
    position = dict.fromkeys(names, 0)
    totals, unchanged = [], 0
    try:
        for number in range(changes):
            name = names[number % len(names)]
            position[name] = (position[name] + 1) % len(cycles[name])
            before = calc.result_area.value
            started = time.perf_counter()
            calc.fields[name].value = cycles[name][position[name]]
            totals.append(time.perf_counter() - started)
            unchanged += calc.result_area.value == before
    finally:
        module.figure_html = drawing
    ms = [1000 * t for t in totals]

    def middle(log: list[float]) -> float:
        return round(percentile([1000 * t for t in log[-changes:]], 50), 1) if log else 0.0

    return {
        "exercise": calc.id,
        "inputs": len(calc.inputs),
        "changes": changes,
        "unchanged_results": unchanged,
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "max_ms": round(max(ms), 1),
        "compute_p50_ms": middle(compute_log),
        "chart_p50_ms": middle(chart_log),
        "draw_p50_ms": middle(draw_log),
        "save_p50_ms": middle(save_log),
        "result_kb": round(len(calc.result_area.value.encode()) / 1024, 1),
        "meets_target": percentile(ms, 95) < TARGET_MS,
    }


def yardstick_ms() -> float:
    """Milliseconds for a fixed pure-Python workload: how fast the machine is right now."""
    started = time.perf_counter()
    total = 0
    for number in range(300_000):
        total += number % 7
    return round(1000 * (time.perf_counter() - started), 1)


def time_in_rounds(calc: Any, changes: int, rounds: int) -> dict[str, object]:
    """``time_calculator`` ``rounds`` times: the round with the middle p95, and the spread."""
    measured = []
    for _ in range(rounds):
        yardstick = yardstick_ms()
        measured.append({**time_calculator(calc, changes), "yardstick_ms": yardstick})
    measured.sort(key=lambda r: r["p95_ms"])
    middle = measured[len(measured) // 2]
    return {
        **middle,
        "rounds": rounds,
        "p95_ms_lowest": measured[0]["p95_ms"],
        "p95_ms_highest": measured[-1]["p95_ms"],
        "yardstick_ms_range": [min(r["yardstick_ms"] for r in measured), max(r["yardstick_ms"] for r in measured)],
    }


def calculators_in(path: Path) -> list[Any]:
    """Run the notebook's code cells in this process; the calculators it made."""
    from IPython.core.interactiveshell import InteractiveShell

    from exercises.widgets.calculator import CalculatorExercise

    before = {id(o) for o in gc.get_objects() if isinstance(o, CalculatorExercise)}
    shell = InteractiveShell.instance()
    shell.reset(new_session=True)
    notebook = nbformat.read(path, as_version=4)
    here = Path.cwd()
    os.chdir(path.parent)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            for cell in notebook.cells:
                if cell.cell_type == "code":
                    outcome = shell.run_cell(cell.source, store_history=True)
                    if not outcome.success:
                        raise RuntimeError(f"a cell of {path.name} failed: {outcome.error_in_exec!r}")
    finally:
        os.chdir(here)
    return [o for o in gc.get_objects() if isinstance(o, CalculatorExercise) and id(o) not in before]


def measure(changes: int = 30, rounds: int = 3) -> dict[str, object]:
    """Latency of every calculator in the book's notebooks."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    rows = []
    with private_folders() as env, environment(env):
        for path in book_notebooks():
            sources = " ".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
            if "calculator(" not in sources:
                continue
            for calc in calculators_in(path):
                row = {"notebook": path.relative_to(ROOT).as_posix(), **time_in_rounds(calc, changes, rounds)}
                rows.append(row)
    worst = max(rows, key=lambda r: r["p95_ms"]) if rows else None
    return {
        "calculators": rows,
        "target_p95_ms": TARGET_MS,
        "all_meet_target": all(r["meets_target"] for r in rows),
        "worst": worst["exercise"] if worst else "",
        "worst_p95_ms": worst["p95_ms"] if worst else float("nan"),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    result = measure(arguments.changes, arguments.rounds)
    for row in result["calculators"]:
        print(
            f"{row['exercise']:24} p50 {row['p50_ms']:6.1f} ms  p95 {row['p95_ms']:6.1f} ms  "
            f"compute {row['compute_p50_ms']:5.1f}  chart {row['chart_p50_ms']:5.1f}  "
            f"draw {row['draw_p50_ms']:5.1f}  save {row['save_p50_ms']:5.1f}  "
            f"p95 over rounds {row['p95_ms_lowest']:.0f}-{row['p95_ms_highest']:.0f}  "
            f"unchanged {row['unchanged_results']}  {row['notebook']}"
        )
