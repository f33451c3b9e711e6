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

On the website (issue 24), with ``--browser`` or whenever ``_build/html`` exists: the built
site is served on 127.0.0.1 and opened in headless Chromium. For every page with a
calculator that runs in the browser, the weight of the page before any interaction (every
file it loaded, as the browser reports it) and, for each such calculator, the time from a
changed input (Enter pressed) to the redrawn table and chart once the next frame is painted,
p50 and p95 over ``--changes`` changes.

    .venv/bin/python benchmarks/bench_widgets.py [--changes 30] [--rounds 3] [--browser]
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


# In the page: change one input of calculator ``index`` ``changes`` times (alternating two
# texts), each time pressing Enter and waiting for the next painted frame.
BROWSER_TIMING = """async ([index, changes]) => {
  const box = document.querySelectorAll('.academy-exercise')[index];
  const key = JSON.parse(box.querySelector('.academy-key').getAttribute('data-key'));
  const fields = Array.from(box.querySelectorAll(':scope > .academy-stacked')).map(f => f.querySelector('input, select'));
  const times = [];
  for (let i = 0; i < changes; i++) {
    const position = i % key.inputs.length, spec = key.inputs[position], field = fields[position];
    if (spec.options) {
      field.selectedIndex = (field.selectedIndex + 1) % spec.options.length;
    } else {
      field.value = field.value === spec.start ? String(spec.start).replace(/[0-9](?=[^0-9]*$)/, d => d === '1' ? '2' : '1')
        : spec.start;
    }
    const before = +(box.getAttribute('data-academy-computed') || 0);
    const started = performance.now();
    field.dispatchEvent(spec.options ? new Event('change') : new KeyboardEvent('keydown', {key: 'Enter'}));
    await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
    if (+(box.getAttribute('data-academy-computed') || 0) > before) times.push(performance.now() - started);
  }
  return {exercise: key.id, times};
}"""


def measure_browser(html_root: Path, changes: int = 30) -> dict[str, object]:
    """Page weight before interaction and input-to-redraw time of the calculators on the built site."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS
    from tests.website.conftest import READY

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    marker = "&quot;port&quot;: {&quot;name&quot;"
    pages = sorted(
        p.relative_to(html_root).as_posix()
        for p in html_root.rglob("*.html")
        if "_static" not in p.parts and marker in p.read_text(encoding="utf-8", errors="replace")
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(html_root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rows, weights = [], []
    started_load = round(os.getloadavg()[0], 2)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for page in pages:
                context = browser.new_context()
                tab = context.new_page()
                tab.goto(f"http://127.0.0.1:{server.server_address[1]}/{page}", wait_until="load")
                tab.wait_for_function(READY, timeout=60_000)
                tab.wait_for_function(
                    "() => Array.from(document.querySelectorAll('.academy-exercise'))"
                    ".every(b => b.hasAttribute('data-academy-ready'))",
                    timeout=60_000,
                )
                files = tab.evaluate(
                    "() => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]"
                    ".map(e => [e.name.split('/').pop().split('?')[0], e.encodedBodySize, e.decodedBodySize])"
                )
                engine = [f for f in files if f[0].startswith("academy-")]
                weights.append(
                    {
                        "page": page,
                        "files": len(files),
                        "bytes": sum(f[1] for f in files),
                        "exercise_engine_bytes": sum(f[1] for f in engine),
                    }
                )
                ported = tab.evaluate(
                    "() => Array.from(document.querySelectorAll('.academy-exercise')).map((b, i) => "
                    "[i, JSON.parse(b.querySelector('.academy-key').getAttribute('data-key'))]).filter("
                    "([i, k]) => k.kind === 'calculator' && k.port).map(([i]) => i)"
                )
                for index in ported:
                    timing = tab.evaluate(BROWSER_TIMING, [index, changes])
                    ms = timing["times"]
                    rows.append(
                        {
                            "exercise": timing["exercise"],
                            "page": page,
                            "changes": len(ms),
                            "p50_ms": round(percentile(ms, 50), 1),
                            "p95_ms": round(percentile(ms, 95), 1),
                            "meets_target": percentile(ms, 95) < TARGET_MS,
                        }
                    )
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return {
        "calculators": rows,
        "pages": weights,
        "load_1m_before": started_load,
        "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "target_p95_ms": TARGET_MS,
        "all_meet_target": bool(rows) and all(r["meets_target"] for r in rows),
    }


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
    site = ROOT / "_build" / "html"
    return {
        "calculators": rows,
        "target_p95_ms": TARGET_MS,
        "all_meet_target": all(r["meets_target"] for r in rows),
        "worst": worst["exercise"] if worst else "",
        "worst_p95_ms": worst["p95_ms"] if worst else float("nan"),
        "in_browser": measure_browser(site, changes) if (site / "index.html").is_file() else None,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--browser", action="store_true", help="only the website's calculators, in Chromium")
    arguments = parser.parse_args()
    if arguments.browser:
        found = measure_browser(ROOT / "_build" / "html", arguments.changes)
        for row in found["calculators"]:
            print(f"{row['exercise']:24} p50 {row['p50_ms']:6.1f} ms  p95 {row['p95_ms']:6.1f} ms  {row['page']}")
        for weight in found["pages"]:
            print(
                f"{weight['page']}: {weight['bytes'] / 1024:,.0f} KB in {weight['files']} files before interaction "
                f"(exercise engine {weight['exercise_engine_bytes'] / 1024:,.1f} KB)"
            )
        raise SystemExit(0)
    result = measure(arguments.changes, arguments.rounds)
    for row in result["calculators"]:
        print(
            f"{row['exercise']:24} p50 {row['p50_ms']:6.1f} ms  p95 {row['p95_ms']:6.1f} ms  "
            f"compute {row['compute_p50_ms']:5.1f}  chart {row['chart_p50_ms']:5.1f}  "
            f"draw {row['draw_p50_ms']:5.1f}  save {row['save_p50_ms']:5.1f}  "
            f"p95 over rounds {row['p95_ms_lowest']:.0f}-{row['p95_ms_highest']:.0f}  "
            f"unchanged {row['unchanged_results']}  {row['notebook']}"
        )
