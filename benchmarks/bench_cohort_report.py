"""Time the cohort report over N generated plans, and measure its peak memory.

A script, not a test (timings depend on the machine). Run it from the course folder:

    .venv/bin/python benchmarks/bench_cohort_report.py 10 100 1000
    .venv/bin/python benchmarks/bench_cohort_report.py 10000 --keep
    .venv/bin/python benchmarks/bench_cohort_report.py 1000 --json   # one JSON line per size

For each N it writes N plans (copies of the fictional example plan with varied team
names, actions, statuses and follow-up ratings; about 1 in 50 deliberately broken) into
a temporary folder, spread over team sub-folders as a real cohort would be, then times
``write_cohort_report`` (the fastest of ``--repeat`` runs), then runs it again under
tracemalloc for its peak Python memory (untimed, as tracing slows Python down;
``--no-trace`` skips it), and reports the process's peak resident memory. Generated plans are synthetic and fictional.
"""

from __future__ import annotations

import argparse
import json
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


def run(count: int, keep: bool, trace: bool, repeat: int = 1) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix=f"cohort-{count}-") as tmp:
        folder = Path(tmp) / "cohort-work"
        folder.mkdir()
        generate_plans(folder, count)
        out = Path(tmp) / "report.html"
        seconds = float("inf")
        for _ in range(max(repeat, 1)):  # the fastest run: the least disturbed by other work on the machine
            started = time.perf_counter()
            cohort = write_cohort_report(folder, out)
            seconds = min(seconds, time.perf_counter() - started)
        rss = peak_resident_mb()
        peak = float("nan")
        if trace:  # a second run: tracemalloc slows Python down, so it is not timed
            tracemalloc.start()
            write_cohort_report(folder, out)
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
        size = out.stat().st_size
        if keep:
            kept = Path.cwd() / f"cohort-report-{count}.html"
            kept.write_bytes(out.read_bytes())
            print(f"  kept the report as {kept}", file=sys.stderr)
    return {
        "plans": count,
        "valid": len(cohort.teams),
        "invalid": len(cohort.invalid),
        "report_s": seconds,
        "per_plan_ms": 1000 * seconds / count,
        "peak_traced_mb": peak,
        "max_rss_mb": rss,
        "report_mb": size / 1e6,
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
    args = parser.parse_args(argv)
    if args.json:
        for count in args.sizes:
            print(json.dumps(run(count, args.keep, trace=not args.no_trace, repeat=args.repeat)), flush=True)
        return 0
    print(
        f"{'plans':>7} {'valid':>6} {'invalid':>7} {'report s':>9} {'ms/plan':>8} {'peak MB':>8} {'RSS MB*':>8} {'page MB':>8}"
    )
    for count in args.sizes:
        r = run(count, args.keep, trace=not args.no_trace, repeat=args.repeat)
        print(
            f"{r['plans']:>7} {r['valid']:>6} {r['invalid']:>7} {r['report_s']:>9.2f} {r['per_plan_ms']:>8.2f} "
            f"{r['peak_traced_mb']:>8.1f} {r['max_rss_mb']:>8.1f} {r['report_mb']:>8.1f}",
            flush=True,
        )
    print("* peak resident memory of this process so far (includes generating the plans and earlier sizes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
