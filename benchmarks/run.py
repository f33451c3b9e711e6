"""Run the course's benchmarks, print a table, and record the results.

    .venv/bin/python benchmarks/run.py            # everything (about 30 minutes on 2 cores)
    .venv/bin/python benchmarks/run.py --quick    # no 10,000-plan cohort report, set-up or test suite
    .venv/bin/python benchmarks/run.py --only widgets --only cohort
    .venv/bin/python benchmarks/run.py --only setup --only tests   # fresh clones: make site, make test

Writes ``benchmarks/results.json`` and rewrites the results between the marker comments
in ``benchmarks/README.md`` and ``modules/reference/benchmarks.md``. With ``--only``,
the other sections keep their earlier results (each section records when it was
measured). Timings depend on the machine and on what else it is doing: the machine,
its load and the package versions are recorded with the results.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, machine, replace_between

from exercises.storage import atomic_write_text

RESULTS = ROOT / "benchmarks" / "results.json"
PAGES = (ROOT / "benchmarks" / "README.md", ROOT / "modules" / "reference" / "benchmarks.md")
START = "<!-- benchmarks:start (made by benchmarks/run.py; do not edit by hand) -->"
END = "<!-- benchmarks:end -->"
SECTIONS = ("notebooks", "site", "widgets", "cohort", "startup", "setup", "tests")
FULL_ONLY = ("setup", "tests")  # left out with --quick
TEST_TARGETS = {
    "unit": "unit tests",
    "notebooks": "notebooks (nbval)",
    "site": "site (pre-execution + strict build)",
    "site-checks": "site checks",
}


# -- measuring ------------------------------------------------------------------------------


def measure_cohort(quick: bool) -> dict[str, object]:
    """The cohort report at each size, each in its own process (so peak memory is its own)."""
    sizes = [10, 100, 1000] if quick else [10, 100, 1000, 10000]
    rows = []
    for size in sizes:
        done = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "bench_cohort_report.py"), str(size), "--json", "--repeat", "3"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"  cohort report, {size} plans: {rows[-1]['report_s']:.2f} s", file=sys.stderr, flush=True)
    # Growth: the slope of log(time) against log(plans) from 100 plans up (1 means linear).
    big = [r for r in rows if r["plans"] >= 100]
    slope = (
        math.log(big[-1]["report_s"] / big[0]["report_s"]) / math.log(big[-1]["plans"] / big[0]["plans"])
        if len(big) > 1
        else float("nan")
    )
    return {"sizes": rows, "growth_exponent": round(slope, 2), "linear": 0.8 <= slope <= 1.2}


_SETUP: dict[str, Any] = {}  # bench_setup.py's results, so "setup" and "tests" share one clone


def setup_run(parts: tuple[str, ...]) -> dict[str, Any]:
    """bench_setup.py's results with these parts; each part runs once, in bench_setup.py's own process."""
    missing = [part for part in parts if part not in _SETUP]
    if missing:
        command = [sys.executable, str(ROOT / "benchmarks" / "bench_setup.py"), "--json"]
        command += [arg for part in missing for arg in ("--part", part)]
        done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
        _SETUP.update(json.loads(done.stdout.strip().splitlines()[-1]))
    return _SETUP


def measure_setup() -> dict[str, object]:
    """The README's two commands from fresh clones: install, then make site; install, then make test."""
    return dict(setup_run(("site", "test")))


def measure_tests() -> dict[str, object]:
    """make test's four parts, timed one after another in a fresh clone after its install, with shares."""
    run = setup_run(("test",))
    steps = [step for step in run["test"]["steps"] if step["target"] in TEST_TARGETS]
    total = sum(step["seconds"] for step in steps)
    parts = [{**step, "share": round(step["seconds"] / total, 3) if total else float("nan")} for step in steps]
    return {
        "parts": parts,
        "seconds": round(total, 1),
        "exit_code": next((step["exit_code"] for step in run["test"]["steps"] if step["exit_code"]), 0),
        "load_1m_before": (steps or run["test"]["steps"])[0]["load_1m_before"],  # when the tests started
        "commit": run["commit"],
        "uncommitted_changes_left_out": run["uncommitted_changes_left_out"],
    }


def measure(section: str, quick: bool) -> dict[str, object]:
    if section == "notebooks":
        import bench_notebooks

        return bench_notebooks.measure()
    if section == "site":
        import bench_site

        return bench_site.measure(parallel=True)
    if section == "widgets":
        import bench_widgets

        return bench_widgets.measure(changes=30)
    if section == "cohort":
        return measure_cohort(quick)
    if section == "startup":
        import bench_startup

        return bench_startup.measure()
    if section == "setup":
        return measure_setup()
    if section == "tests":
        return measure_tests()
    raise ValueError(section)


# -- reporting ---------------------------------------------------------------------------------


def _kb(size: float) -> str:
    return f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


def _table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def summary_rows(results: dict[str, dict]) -> list[list[object]]:
    """What was measured, the result and the target: the table printed and put on the page."""
    rows: list[list[object]] = []
    nb, site, widgets = results.get("notebooks"), results.get("site"), results.get("widgets")
    floor = nb["floor_s"] if nb else float("nan")
    floor_cpu = nb.get("floor_cpu_s", float("nan")) if nb else float("nan")

    def cpu(record: dict) -> str:
        used = record.get("cpu_seconds", float("nan"))
        return f"; CPU {used:.0f} s = {used / floor_cpu:.2f} × floor's CPU" if not math.isnan(used) else ""

    if nb:
        rows.append(
            [
                "Floor: every book notebook executed once, serially (nbclient)",
                f"{floor:.0f} s ({nb['floor_notebooks']} notebooks; CPU {floor_cpu:.0f} s)",
                "(reference)",
            ]
        )
        rows.append(["Slowest notebook", f"{nb['slowest_s']:.1f} s: `{nb['slowest']}`", "under 20 s"])
        rows.append(["Notebooks over 20 s", ", ".join(f"`{n}`" for n in nb["over_limit"]) or "none", "none"])
    if site:
        cold = site["cold"]["seconds"]
        rows.append(
            [
                "Site build, cold, `jupyter-book build` alone (it runs the notebooks one at a time)",
                f"{cold:.0f} s = {cold / floor:.2f} × floor{cpu(site['cold'])}",
                "≤ 1.3 × floor",
            ]
        )
        if "parallel" in site:
            par = site["parallel"]
            rows.append(
                [
                    "Site build, cold, as `make site` does it (notebooks first run two at a time)",
                    f"{par['seconds']:.0f} s = {par['seconds'] / floor:.2f} × floor "
                    f"({par['pre_execute']['seconds']:.0f} s + build {par['build']['seconds']:.0f} s){cpu(par)}",
                    "below 1 × floor",
                ]
            )
        rows.append(["Site rebuild, nothing changed", f"{site['warm']['seconds']:.0f} s", "under 10 s"])
        rows.append(["Site rebuild, one Markdown page changed", f"{site['markdown_changed']['seconds']:.0f} s", ""])
        rows.append(
            ["Site rebuild, one notebook's Markdown changed", f"{site['notebook_changed']['seconds']:.0f} s", ""]
        )
        weight = site["weight"]
        rows.append(["Built site", f"{_kb(weight['total_bytes'])} in {weight['files']} files", ""])
    if widgets:
        worst = max(widgets["calculators"], key=lambda r: r["p95_ms"])
        rows.append(
            [
                "Calculators: worst p95, changed input to redrawn result",
                f"{worst['p95_ms']:.0f} ms (`{worst['exercise']}`; {_spread(worst)} over rounds); "
                f"{sum(r['meets_target'] for r in widgets['calculators'])} of "
                f"{len(widgets['calculators'])} meet the target",
                "p95 under 100 ms",
            ]
        )
        browser = widgets.get("in_browser")
        if browser and browser["calculators"]:
            slowest = max(browser["calculators"], key=lambda r: r["p95_ms"])
            rows.append(
                [
                    "Calculators on the website (no server): worst p95, changed input to redrawn table and chart",
                    f"{slowest['p95_ms']:.0f} ms (`{slowest['exercise']}`); "
                    f"{sum(r['meets_target'] for r in browser['calculators'])} of "
                    f"{len(browser['calculators'])} meet the target",
                    "p95 under 100 ms",
                ]
            )
    if "cohort" in results:
        cohort = results["cohort"]
        last = cohort["sizes"][-1]
        rows.append(
            [
                f"Cohort report, {last['plans']:,} plans",
                f"{last['report_s']:.1f} s, peak "
                f"{last['peak_traced_mb']:.0f} MB traced, {last['max_rss_mb']:.0f} MB resident",
                "grows linearly",
            ]
        )
        rows.append(
            [
                "Cohort report growth (time ∝ plansᵏ)",
                f"k = {cohort['growth_exponent']} ({'linear' if cohort['linear'] else 'not linear'})",
                "k ≈ 1",
            ]
        )
    if "setup" in results:
        rows += setup_summary(results["setup"])
    if "tests" in results and "parts" in results["tests"]:
        rows += tests_summary(results["tests"])
    return rows


def _install_and_rest(run: dict) -> tuple[float, float]:
    """Seconds of a fresh clone's install step and of everything after it."""
    install = run["steps"][0]["seconds"]
    return install, run["seconds"] - install


def _cache_state(cache: dict) -> str:
    """pip's download cache as an install found it, in a few words."""
    if not cache.get("folder"):
        return "turned off"
    return f"warm, {_kb(cache['bytes'])} in {cache['files']:,} files" if cache["bytes"] else "empty"


def _spread(row: dict) -> str:
    """The lowest to highest p95 of a calculator's rounds."""
    return f"{row.get('p95_ms_lowest', row['p95_ms']):.0f}–{row.get('p95_ms_highest', row['p95_ms']):.0f} ms"


def _yardsticks(widgets: dict) -> str:
    """The range of the yardstick's time over every round of every calculator."""
    times = [t for r in widgets["calculators"] for t in r.get("yardstick_ms_range", [])]
    return f"{min(times):.0f} to {max(times):.0f}" if times else "(not measured)"


def _label(target: str) -> str:
    return TEST_TARGETS.get(target, target)


def setup_summary(setup: dict) -> list[list[object]]:
    """Summary rows for the README's two commands from a fresh clone."""
    rows: list[list[object]] = []
    for part, what in (("site", "build"), ("test", "tests")):
        run = setup[part]
        install, rest = _install_and_rest(run)
        rows.append(
            [
                f"Set-up from a fresh clone: install + `make {part}`",
                f"{run['seconds']:.0f} s = install {install:.0f} s + {what} {rest:.0f} s; exit "
                f"{run['exit_code']}; pip cache {_cache_state(run['pip_cache_before'])}",
                "",
            ]
        )
    return rows


def tests_summary(tests: dict) -> list[list[object]]:
    """Summary rows for make test's total and the share of each of its four parts."""
    rows: list[list[object]] = [
        [
            "Test suite: `make test` after the install",
            f"{tests['seconds']:.0f} s ({tests['seconds'] / 60:.1f} min); exit {tests['exit_code']}",
            "under 600 s",
        ]
    ]
    for part in tests["parts"]:
        result = f"{part['seconds']:.0f} s ({part['share']:.0%})"
        rows.append(
            [f"Tests: {_label(part['target'])}", result + (f"; {part['summary']}" if part["summary"] else ""), ""]
        )
    return rows


def markdown(results: dict[str, dict]) -> str:
    """The results as Markdown, for the README and the book page."""
    out = []
    about = results["machine"]
    measured = {k: v.get("measured_at", "") for k, v in results.items() if isinstance(v, dict) and k != "machine"}
    loads = [v["load_1m_before"] for k, v in results.items() if k != "machine" and "load_1m_before" in v]
    out.append(
        f"Measured {max(measured.values(), default='')} on {about['cpus']} CPUs ({about['cpu_model']}), "
        f"{about['memory_gb']} GB memory, {about['os']}, Python {about['python']}. The machine is shared: "
        f"its one-minute load average was {min(loads, default=0):.1f} to {max(loads, default=0):.1f} "
        "as the sections started, and runs at a higher load took up to twice as long, so compare "
        f"ratios rather than single figures. Commit `{about['commit']}`. Versions: "
        + ", ".join(f"{k} {v}" for k, v in about["packages"].items())
        + "."
    )
    out.append("### Summary\n\n" + _table(["Measure", "Result", "Target"], summary_rows(results)))
    if "notebooks" in results:
        nb = results["notebooks"]
        rows = [
            [
                f"`{r['notebook']}`",
                f"{r['seconds']:.1f}" + (" **over 20 s**" if r["seconds"] > 20 else ""),
                f"{r.get('cpu_seconds', float('nan')):.1f}",
                r["code_cells"],
                "yes" if r["in_book"] else "no (nbval only)",
            ]
            for r in nb["notebooks"]
        ]
        out.append(
            "### Notebooks\n\nFrom a fresh kernel with nbclient, one at a time; a kernel with one empty "
            f"cell takes {nb['kernel_start_s']:.1f} s, which is in every figure.\n\n"
            + _table(["Notebook", "Seconds", "CPU seconds", "Code cells", "In the book"], rows)
        )
    if "site" in results:
        site = results["site"]
        rows = [
            [
                name.replace("_", " "),
                f"{b['seconds']:.0f}",
                f"{b.get('cpu_seconds', float('nan')):.0f}",
                b["executed"],
                b["exit_code"],
                b["warnings"],
            ]
            for name, b in ((k, site[k]) for k in ("cold", "warm", "markdown_changed", "notebook_changed"))
        ]
        if "parallel" in site:
            par = site["parallel"]
            rows.append(
                [
                    "parallel pre-execution (jupyter-cache `local-parallel`)",
                    f"{par['pre_execute']['seconds']:.0f}",
                    f"{par['pre_execute'].get('cpu_seconds', float('nan')):.0f}",
                    par["pre_execute"]["succeeded"],
                    "",
                    "",
                ]
            )
            rows.append(
                [
                    "then the build",
                    f"{par['build']['seconds']:.0f}",
                    f"{par['build'].get('cpu_seconds', float('nan')):.0f}",
                    par["build"]["executed"],
                    par["build"]["exit_code"],
                    par["build"]["warnings"],
                ]
            )
        out.append(
            "### Site build\n\n`jupyter-book build . -W -n --keep-going` on a copy of the course. Changed "
            f"page: `{site['markdown_page']}`; changed notebook: `{site['notebook_page']}`.\n\n"
            + _table(["Build", "Seconds", "CPU seconds", "Notebooks executed", "Exit code", "Warnings"], rows)
        )
        weight = site["weight"]
        rows = [
            [
                f"`{p['page']}`",
                _kb(p["total_bytes"]),
                _kb(p.get("total_gzip_bytes", 0)),
                _kb(p["html_bytes"]),
                _kb(p.get("inline_image_bytes", p.get("inline_png_bytes", 0))),
                _kb(p["widget_state_bytes"]),
                p["heaviest_asset"],
            ]
            for p in weight["heaviest"]
        ]
        out.append(
            f"### Site weight\n\n{_kb(weight['total_bytes'])} in {weight['files']} files; by kind: "
            + ", ".join(f"{k} {_kb(v)}" for k, v in weight["bytes_by_kind"].items())
            + ". A page's weight is its HTML plus the local files its script, link and img tags load "
            "(fonts and modules fetched later by scripts are not counted; browsers cache shared files, "
            "so the first page costs most).\n\n**Ten heaviest pages**\n\n"
            + _table(
                [
                    "Page",
                    "Total",
                    "Total gzipped",
                    "HTML",
                    "of which inline charts",
                    "of which widget state",
                    "Heaviest file it loads",
                ],
                rows,
            )
        )
        rows = [
            [
                f"`{p['page']}`",
                _kb(p["total_bytes"]),
                _kb(p.get("total_gzip_bytes", 0)),
                _kb(p["html_bytes"]),
                p["assets"],
            ]
            for p in weight["day_first_pages"]
        ]
        out.append(
            "**Each day's first page** (bytes to load it with an empty browser cache)\n\n"
            + _table(["Page", "Total", "Total gzipped", "HTML", "Files loaded"], rows)
        )
    if "widgets" in results:
        widgets = results["widgets"]
        rows = [
            [
                f"`{r['exercise']}`",
                r["inputs"],
                f"{r['p50_ms']:.0f}",
                f"{r['p95_ms']:.0f}",
                _spread(r),
                f"{r['compute_p50_ms']:.0f}",
                f"{r['chart_p50_ms']:.0f}",
                f"{r['draw_p50_ms']:.0f}",
                f"{r['save_p50_ms']:.0f}",
                f"{r['result_kb']:.0f}",
                "yes" if r["meets_target"] else "**no**",
            ]
            for r in widgets["calculators"]
        ]
        first = widgets["calculators"][0] if widgets["calculators"] else {}
        out.append(
            "### Calculators\n\nIn the kernel: set one input, time until the new result is drawn and "
            f"saved; {first.get('changes', 0)} changes a round, {first.get('rounds', 1)} rounds each. The "
            "round with the middle p95 is shown, with the lowest and highest p95 of the rounds, because this "
            "machine's speed changes from minute to minute (a fixed pure-Python yardstick took "
            f"{_yardsticks(widgets)} ms across the rounds). The round trip to the browser is not "
            "included. Milliseconds; the last columns split the middle (p50) change: the author's "
            "function, building or updating the chart, laying it out and drawing it as SVG, saving.\n\n"
            + _table(
                [
                    "Calculator",
                    "Inputs",
                    "p50",
                    "p95",
                    "p95 over rounds",
                    "compute",
                    "chart",
                    "draw",
                    "save",
                    "result KB",
                    "p95 < 100 ms",
                ],
                rows,
            )
        )
        browser = widgets.get("in_browser")
        if browser and browser["calculators"]:
            pages = {w["page"]: w for w in browser["pages"]}
            browser_rows = [
                [
                    f"`{r['exercise']}`",
                    f"`{r['page']}`",
                    r["changes"],
                    f"{r['p50_ms']:.0f}",
                    f"{r['p95_ms']:.0f}",
                    _kb(pages[r["page"]]["bytes"]) if r["page"] in pages else "",
                    "yes" if r["meets_target"] else "**no**",
                ]
                for r in browser["calculators"]
            ]
            out.append(
                f"On the built website, in headless Chromium, with no kernel (`bench_widgets.py --browser`; "
                f"measured {browser.get('measured_at', 'with the kernel figures')}, one-minute load average "
                f"{browser.get('load_1m_before', '?')} as it started): "
                "change one input at a time (each input in turn; a list moves to its next option), press Enter and "
                "time until the port has redrawn its table and chart and the next frame is painted. "
                "Milliseconds. The page weight is everything the page loaded before any interaction.\n\n"
                + _table(["Calculator", "Page", "Changes", "p50", "p95", "Page weight", "p95 < 100 ms"], browser_rows)
            )
    if "cohort" in results:
        rows = [
            [
                f"{r['plans']:,}",
                r["invalid"],
                f"{r['report_s']:.2f}",
                f"{r['per_plan_ms']:.2f}",
                f"{r['peak_traced_mb']:.1f}",
                f"{r['max_rss_mb']:.0f}",
                f"{r['report_mb']:.1f}",
            ]
            for r in results["cohort"]["sizes"]
        ]
        out.append(
            "### Cohort report\n\n`benchmarks/bench_cohort_report.py`, each size in its own process; "
            "synthetic plans, 1 in 50 deliberately broken; the fastest of three runs.\n\n"
            + _table(
                ["Plans", "Broken", "Seconds", "ms per plan", "Peak traced MB", "Peak resident MB", "Report MB"], rows
            )
        )
    if "startup" in results:
        start = results["startup"]
        rows = [
            [
                f"`import {i['module']}`",
                f"{i['wall_s']:.2f}",
                f"{i['importtime_ms']:.0f}",
                ", ".join(f"{h['package']} {h['ms']:.0f} ms" for h in i["heaviest"][:3]),
            ]
            for i in start["imports"]
        ]
        rows.append(["`academy --help`", f"{start['academy_help_s']:.2f}", "", ""])
        out.append(
            f"### Start-up\n\nA bare `python -c pass` takes {start['python_s']:.2f} s.\n\n"
            + _table(["Command", "Wall s", "Import ms", "Heaviest packages"], rows)
        )
    if "setup" in results:
        out.append(setup_markdown(results["setup"]))
    if "tests" in results and "parts" in results["tests"]:
        out.append(tests_markdown(results["tests"]))
    return "\n\n".join(out) + "\n"


def _cloned(record: dict) -> str:
    """Which commit was cloned, and whether changes not yet committed were left out."""
    left_out = record["uncommitted_changes_left_out"]
    return f"a fresh clone of commit `{record['commit']}`" + (
        " (committed files only: uncommitted changes were left out)" if left_out else ""
    )


def _pip_caches(setup: dict) -> str:
    """A sentence on pip's download cache before and after each install, and local package folders."""
    runs = [setup[part] for part in ("site", "test")]
    added = [max(r["pip_cache_after"]["bytes"] - r["pip_cache_before"]["bytes"], 0) for r in runs]
    local = len(runs[0]["pip_cache_before"].get("local_sources", []))
    return (
        f"pip's download cache before each install: {_cache_state(runs[0]['pip_cache_before'])}, then "
        f"{_cache_state(runs[1]['pip_cache_before'])}; "
        + (
            f"the installs added {_kb(added[0])} and {_kb(added[1])} to it"
            if any(added)
            else "nothing was added to it, so no package was downloaded"
        )
        + (
            f"; pip also reads {local} local package folder{'s' if local != 1 else ''} set up on this machine"
            if local
            else ""
        )
        + "."
    )


def setup_markdown(setup: dict) -> str:
    """The Set-up subsection: each step of the README's two commands from a fresh clone."""
    rows = []
    for part in ("site", "test"):
        run = setup[part]
        for number, step in enumerate(run["steps"]):
            name = f"`make {step['target']}`" + (" (install)" if number == 0 else "")
            rows.append(
                [
                    f"`make {part}`",
                    name,
                    f"{step['seconds']:.0f}",
                    f"{step['cpu_seconds']:.0f}",
                    step["exit_code"],
                    f"{step['load_1m_before']:.1f}",
                ]
            )
        rows.append([f"`make {part}`", "**total**", f"**{run['seconds']:.0f}**", "", run["exit_code"], ""])
    missing = [name for name, there in setup["system_packages"].items() if not there]
    return (
        "### Set-up\n\nThe README's two commands, each in " + _cloned(setup) + " with `PYTHON=python3.11` "
        f"({setup['python']}); the clones are deleted afterwards. The install is the Makefile's "
        "`.venv/.installed` step: create `.venv`, install `requirements.lock` and the course. "
        + _pip_caches(setup)
        + " The system packages the tests need, Chromium (site checks) and LibreOffice "
        "(Word export), "
        + (f"were missing here: {', '.join(missing)}" if missing else "were already installed")
        + "; CI on a new machine also pays for installing them.\n\n"
        + _table(["Command", "Step", "Seconds", "CPU seconds", "Exit code", "Load before"], rows)
    )


def tests_markdown(tests: dict) -> str:
    """The Test suite subsection: make test's four parts and each one's share of the total."""
    rows = [
        [
            _label(part["target"]),
            f"`make {part['target']}`",
            f"{part['seconds']:.0f}",
            f"{part['share']:.0%}",
            f"{part['cpu_seconds']:.0f}",
            part["exit_code"],
            part["summary"],
        ]
        for part in tests["parts"]
    ]
    rows.append(["**total**", "`make test`", f"**{tests['seconds']:.0f}**", "100%", "", tests["exit_code"], ""])
    return (
        "### Test suite\n\n`make test`'s four parts, timed one after another as separate `make` targets in "
        + _cloned(tests)
        + ", after its install (the set-up above). The target is under 600 s for the four "
        "together. CI (`.ci/run`) pays for more than this: installing Chromium and LibreOffice when the "
        "machine lacks them, and the venv.\n\n"
        + _table(["Part", "Command", "Seconds", "Share", "CPU seconds", "Exit code", "Result"], rows)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the course's benchmarks.")
    parser.add_argument(
        "--quick", action="store_true", help="skip the 10,000-plan cohort report, the set-up and the test suite"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=SECTIONS,
        metavar="NAME",
        help=f"run only this section (repeatable): {', '.join(SECTIONS)}",
    )
    args = parser.parse_args(argv)
    sections = args.only or [s for s in SECTIONS if not (args.quick and s in FULL_ONLY)]
    results: dict[str, dict] = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    results["machine"] = machine()
    for section in sections:
        print(f"Measuring {section} ...", file=sys.stderr, flush=True)
        started, load = time.perf_counter(), round(os.getloadavg()[0], 2)
        results[section] = {
            "load_1m_before": load,  # unless the section says when its own work started
            **measure(section, args.quick),
            "measured_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "quick": args.quick,
        }
        print(f"  ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
        atomic_write_text(RESULTS, json.dumps(results, indent=1) + "\n")  # keep what is done so far
    rows = summary_rows(results)
    width = max(len(r[0]) for r in rows)
    for measure_name, result, target in rows:
        print(f"{measure_name:<{width}}  {result}" + (f"   [target: {target}]" if target else ""))
    body = markdown(results)
    for page in PAGES:
        try:
            atomic_write_text(page, replace_between(page.read_text(encoding="utf-8"), START, END, body))
            print(f"Updated the results in {page.relative_to(ROOT)}.")
        except (OSError, ValueError) as problem:
            print(f"Could not update {page.relative_to(ROOT)}: {problem}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
