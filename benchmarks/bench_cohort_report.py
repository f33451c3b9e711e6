"""Time the cohort report over N generated plans, its first view in Chromium, and its memory.

A script, not a test (timings depend on the machine). Run it from the course folder:

    .venv/bin/python benchmarks/bench_cohort_report.py 250 500 1000 2000
    .venv/bin/python benchmarks/bench_cohort_report.py 2000 --keep
    .venv/bin/python benchmarks/bench_cohort_report.py 1000 --json   # one JSON line per size

For each N it writes N plans (copies of the fictional example plan with varied team
names, actions, statuses, owners, asks and follow-up ratings; about 1 in 50 deliberately
broken and 1 in 100 with a stray copy beside it) into a temporary folder, spread over team
sub-folders as a real cohort would be, then times ``write_cohort_report`` (the fastest of
``--repeat`` runs) with one worker process (also its CPU time, which barely depends on
the machine's load) and with one worker per core, then runs it again
under tracemalloc for its peak Python memory (one worker, untimed, as tracing slows
Python down; ``--no-trace`` skips it), and reports the process's peak resident memory.

The first view: headless Chromium (``/usr/bin/chromium`` or ``ACADEMY_CHROMIUM``) opens
the index page from disk and the time is taken from the start of navigation until the
page's script has made the summary table sortable and filterable (it sets
``data-ready`` on the body), the moment a programme lead can use it. ``--no-browser``
skips it. Generated plans are synthetic and fictional.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from exercises.plan.model import ACTION_STATUSES, RAG_RATINGS
from exercises.plan.report import write_cohort_report
from exercises.plan.store import load_plan, plan_to_data, plan_to_yaml, validate_plan
from exercises.plan.templates import EXAMPLE_PLAN

BROKEN_EVERY = 50
STRAY_COPY_EVERY = 100
CHROMIUM = Path(os.environ.get("ACADEMY_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def generate_plans(folder: Path, count: int, seed: int = 2019) -> None:
    """Write ``count`` varied plans under ``folder`` (one team folder each)."""
    rng = random.Random(seed)
    base = plan_to_data(load_plan(EXAMPLE_PLAN))
    for number in range(1, count + 1):
        data = plan_to_data(validate_plan(base))  # a fresh copy
        data["team"]["name"] = f"Team {number:05d} (synthetic)"
        actions = data["hundred_day_plan"]["actions"][: rng.randint(4, 12)]
        keep = {action["id"] for action in actions}
        for action in actions:
            action["depends_on"] = [d for d in action["depends_on"] if d in keep]
            action["status"] = rng.choice(ACTION_STATUSES)
            if rng.random() < 0.05:
                action["owner"] = ""  # a weak plan, so the report has flags to show
        if rng.random() < 0.1:
            data["asks"] = []
        data["hundred_day_plan"]["actions"] = actions
        data["follow_up"]["reviews"] = [
            {**review, "rag": rng.choice(RAG_RATINGS)}
            for review in data["follow_up"]["reviews"]
            if review["action"] in keep
        ]
        team_dir = folder / f"team-{number:05d}"
        team_dir.mkdir()
        text = plan_to_yaml(validate_plan(data))
        if number % BROKEN_EVERY == 0:
            text = text.replace("start_day: 1\n", "start_day: 140\n", 1).replace("team:\n", "team:\n  name: [\n", 1)
        (team_dir / "plan.yaml").write_text(text, encoding="utf-8")
        if number % STRAY_COPY_EVERY == 1:
            (team_dir / "plan (1).yaml").write_text(text, encoding="utf-8")


def peak_resident_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's ``VmHWM`` starts afresh when a program starts; ``ru_maxrss`` would carry over the
    peak of the process that started this one.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def first_view_seconds(index: Path) -> float:
    """Seconds from navigating to ``index`` until its table can be sorted and filtered (NaN without Chromium)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return float("nan")
    if not CHROMIUM.exists():
        return float("nan")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto("about:blank")
        best = float("inf")
        for _ in range(3):  # the fastest of three: the least disturbed by other work on the machine
            started = time.perf_counter()
            page.goto(index.as_uri(), wait_until="commit", timeout=120_000)
            page.wait_for_selector(
                "body[data-ready='1']", state="attached", timeout=120_000
            )  # no eval: the CSP forbids it
            best = min(best, time.perf_counter() - started)
            page.goto("about:blank")
        browser.close()
    return best


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the worker processes)."""
    mine, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


def _timed(folder: Path, out: Path, repeat: int, workers: int) -> tuple[float, float, object]:
    """The fastest wall-clock time of ``repeat`` runs, the CPU time of that run, and its result.

    CPU time barely changes with the machine's load, so it shows growth even on a busy machine.
    """
    seconds, cpu, cohort = float("inf"), float("inf"), None
    for _ in range(max(repeat, 1)):
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        cohort = write_cohort_report(folder, out, workers=workers)
        elapsed = time.perf_counter() - started
        if elapsed < seconds:
            seconds, cpu = elapsed, _cpu_seconds() - cpu_started
    return seconds, cpu, cohort


def run(count: int, keep: bool, trace: bool, repeat: int = 1, browser: bool = True) -> dict[str, float]:
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix=f"cohort-{count}-") as tmp:
        folder = Path(tmp) / "cohort-work"
        folder.mkdir()
        generate_plans(folder, count)
        out = Path(tmp) / "report.html"
        one_worker, cpu, _ = _timed(folder, out, repeat, workers=1)
        seconds, _, cohort = _timed(folder, out, repeat, workers=cores)
        rss = peak_resident_mb()
        peak = float("nan")
        if trace:  # a second run: tracemalloc slows Python down, so it is not timed
            tracemalloc.start()
            write_cohort_report(folder, out, workers=1)
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
        size = out.stat().st_size
        pages = sum(page.stat().st_size for page in (Path(tmp) / "report-teams").iterdir())
        first_view = first_view_seconds(out) if browser else float("nan")
        if keep:
            kept = Path.cwd() / f"cohort-report-{count}.html"
            kept.write_bytes(out.read_bytes())
            print(f"  kept the index as {kept} (without its team pages)", file=sys.stderr)
    assert cohort is not None
    return {
        "plans": count,
        "valid": len(cohort.teams),  # type: ignore[attr-defined]
        "invalid": len(cohort.invalid),  # type: ignore[attr-defined]
        "duplicates": len(cohort.duplicates),  # type: ignore[attr-defined]
        "report_s": seconds,
        "report_s_one_worker": one_worker,
        "cpu_s_one_worker": cpu,
        "load_average": os.getloadavg()[0],
        "workers": cores,
        "per_plan_ms": 1000 * seconds / count,
        "peak_traced_mb": peak,
        "max_rss_mb": rss,
        "report_mb": size / 1e6,
        "team_pages_mb": pages / 1e6,
        "first_view_s": first_view,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "sizes", nargs="*", type=int, default=[10, 100, 1000], help="numbers of plans (default 10 100 1000)"
    )
    parser.add_argument("--keep", action="store_true", help="keep each report in the current folder")
    parser.add_argument("--no-trace", action="store_true", help="skip the second, tracemalloc run (peak Python memory)")
    parser.add_argument("--repeat", type=int, default=1, help="time each size this many times and keep the fastest")
    parser.add_argument("--json", action="store_true", help="print one JSON object per size instead of a table")
    parser.add_argument("--no-browser", action="store_true", help="skip timing the first view in Chromium")
    args = parser.parse_args(argv)
    results = []
    if not args.json:
        print(
            f"{'plans':>7} {'valid':>6} {'invalid':>7} {'1 worker s':>10} {'CPU s':>6} {'report s':>9} {'ms/plan':>8} "
            f"{'peak MB':>8} {'RSS MB*':>8} {'index MB':>8} {'pages MB':>8} {'view s':>7}"
        )
    for count in args.sizes:
        r = run(count, args.keep, trace=not args.no_trace, repeat=args.repeat, browser=not args.no_browser)
        results.append(r)
        if args.json:
            print(json.dumps(r), flush=True)
            continue
        print(
            f"{r['plans']:>7} {r['valid']:>6} {r['invalid']:>7} {r['report_s_one_worker']:>10.2f} "
            f"{r['cpu_s_one_worker']:>6.1f} {r['report_s']:>9.2f} "
            f"{r['per_plan_ms']:>8.2f} {r['peak_traced_mb']:>8.1f} {r['max_rss_mb']:>8.1f} {r['report_mb']:>8.2f} "
            f"{r['team_pages_mb']:>8.1f} {r['first_view_s']:>7.2f}",
            flush=True,
        )
    if not args.json:
        print("* peak resident memory of this process so far (includes generating the plans and earlier sizes)")
        if len(results) > 1:
            first, last = results[0], results[-1]
            scale = math.log(last["plans"] / first["plans"])
            k = math.log(last["report_s"] / first["report_s"]) / scale
            k_cpu = math.log(last["cpu_s_one_worker"] / first["cpu_s_one_worker"]) / scale
            print(f"growth: time ∝ plans^{k:.2f}, CPU time ∝ plans^{k_cpu:.2f} (1 is linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
