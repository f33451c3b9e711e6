"""How big a server a cohort needs: N participants on one JupyterHub running a day's notebook at once.

    sudo .venv/bin/python benchmarks/bench_hub.py [--sizes 5 10 20 30]

Root only (it makes throwaway system accounts, as ``make hub-check`` does, and removes them).
For each cohort size it starts a hub (hub/jupyterhub_config.py) on 127.0.0.1, starts every
participant's JupyterLab, pulls the course into each home with nbgitpuller, then has every
participant run the same Day 1 notebook on their own kernel at the same moment. It reports:

- the time until each participant's notebook has run (p50, p95, slowest), from the moment
  they all press "Run all";
- memory per participant: the resident memory of all that participant's processes (their
  JupyterLab server and kernel) once the notebook has run, as the median across participants;
- the whole machine's memory in use at that moment, less what was in use before the hub started.

Writes ``benchmarks/hub-results.json`` and prints a Markdown table for the facilitators' guide.
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exercises.markers import replace_between  # noqa: E402
from tools.hub.check import NOTEBOOK, ensure_user_env, open_course, python_reachable, run_notebook, sandbox  # noqa: E402
from tools.hub.client import Kernel  # noqa: E402


def _rss_of_user(user: str) -> int:
    """Resident memory (bytes) of every process owned by ``user``."""
    uid = pwd.getpwnam(user).pw_uid
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid != uid:
                continue
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except (FileNotFoundError, PermissionError, ProcessLookupError):
            continue
    return total


def _used_memory() -> int:
    info = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines())
    kib = int(info["MemTotal"].split()[0]) - int(info["MemAvailable"].split()[0])
    return kib * 1024


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(size: int) -> dict[str, float]:
    people = [f"abench-{n:02d}" for n in range(1, size + 1)]
    spec = {"cohort": f"bench-{size}", "facilitators": ["abench-fac"], "teams": {}, "participants": people}
    before = _used_memory()
    with python_reachable(), sandbox(spec) as box:
        started = time.monotonic()
        servers = {user: open_course(box, user) for user in people}
        ready = time.monotonic() - started
        times: dict[str, float] = {}
        kernels: dict[str, Kernel] = {}
        errors: list[str] = []
        go = threading.Barrier(size)

        def participant(user: str) -> None:
            go.wait()
            began = time.monotonic()
            try:
                kernels[user] = run_notebook(servers[user], NOTEBOOK)
            except Exception as problem:
                errors.append(f"{user}: {problem}")
                return
            times[user] = time.monotonic() - began

        threads = [threading.Thread(target=participant, args=(u,)) for u in people]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise RuntimeError("; ".join(errors[:3]))
        per_person = [_rss_of_user(u) for u in people]
        used = _used_memory() - before
        for kernel in kernels.values():
            kernel.close()
    run = list(times.values())
    return {
        "participants": size,
        "servers_ready_s": round(ready, 1),
        "notebook_p50_s": round(statistics.median(run), 1),
        "notebook_p95_s": round(_percentile(run, 0.95), 1),
        "notebook_max_s": round(max(run), 1),
        "memory_per_participant_mb": round(statistics.median(per_person) / 2**20),
        "machine_memory_used_mb": round(used / 2**20),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 10, 20, 30])
    args = parser.parse_args()
    if os.geteuid() != 0:
        print("The hub benchmark makes system accounts: run it as root.", file=sys.stderr)
        return 1
    ensure_user_env()
    rows = []
    for size in args.sizes:
        print(f"Measuring {size} participants ...", flush=True)
        rows.append(measure(size))
        print(json.dumps(rows[-1]), flush=True)
    out = ROOT / "benchmarks" / "hub-results.json"
    out.write_text(json.dumps({"machine": f"{os.cpu_count()} cores", "rows": rows}, indent=2) + "\n")
    table = sizing_table(rows)
    print(table)
    page = ROOT / "modules" / "facilitators" / "running-a-hub.md"
    page.write_text(replace_between(page.read_text(encoding="utf-8"), START, END, table), encoding="utf-8")
    print(f"Updated {page.relative_to(ROOT)}")
    return 0


START, END = "<!-- hub-sizing:start -->", "<!-- hub-sizing:end -->"


def sizing_table(rows: list[dict[str, float]]) -> str:
    """The facilitators' guide's sizing table (Markdown)."""
    lines = [
        "",
        "| Participants running a page at once | Time until all servers were ready | Page run, median | "
        "95th percentile | Slowest | Memory per participant | Machine memory in use |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['participants']} | {r['servers_ready_s']:.0f} s | {r['notebook_p50_s']:.1f} s | "
            f"{r['notebook_p95_s']:.1f} s | {r['notebook_max_s']:.1f} s | {r['memory_per_participant_mb']:,} MB | "
            f"{r['machine_memory_used_mb']:,} MB |"
        )
    return "\n".join(lines) + "\n\n"


if __name__ == "__main__":
    sys.exit(main())
