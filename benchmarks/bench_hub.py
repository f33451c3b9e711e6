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
- the memory of all participants' processes together at that moment (an upper bound: pages
  their processes share are counted once for each). Not the whole machine's memory in use,
  which anything else running on the machine would distort.

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
from typing import Any, cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import machine, percentile  # noqa: E402

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


def measure(size: int) -> dict[str, float]:
    """One cohort size's row; the load average says how busy the machine was besides."""
    people = [f"abench-{n:02d}" for n in range(1, size + 1)]
    spec: dict[str, object] = {
        "cohort": f"bench-{size}",
        "facilitators": ["abench-fac"],
        "teams": {},
        "participants": people,
    }
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
        dropped = sum(kernel.reconnects for kernel in kernels.values())
        for kernel in kernels.values():
            kernel.close()
    run = list(times.values())
    return {
        "participants": size,
        "servers_ready_s": round(ready, 1),
        "notebook_p50_s": round(statistics.median(run), 1),
        "notebook_p95_s": round(percentile(run, 95), 1),
        "notebook_max_s": round(max(run), 1),
        "memory_per_participant_mb": round(statistics.median(per_person) / 2**20),
        # all participants' processes together (shared pages counted in each, so an upper bound)
        "participants_memory_mb": round(sum(per_person) / 2**20),
        # what else the machine was doing: the hub's own work adds to this, so read it beside the cores
        "load_average_1min_at_end": round(os.getloadavg()[0], 1),
        "connections_dropped_and_reopened": dropped,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 10, 20, 30])
    parser.add_argument(
        "--page-only", action="store_true", help="rewrite the guide's table from benchmarks/hub-results.json"
    )
    args = parser.parse_args()
    out = ROOT / "benchmarks" / "hub-results.json"
    if args.page_only:
        return write_page(json.loads(out.read_text(encoding="utf-8")))
    if os.geteuid() != 0:
        print("The hub benchmark makes system accounts: run it as root.", file=sys.stderr)
        return 1
    ensure_user_env()
    rows = []
    for size in args.sizes:
        print(f"Measuring {size} participants ...", flush=True)
        rows.append(measure(size))
        print(json.dumps(rows[-1]), flush=True)
    server = machine()
    results = {
        "measured": time.strftime("%Y-%m-%d"),
        "machine": f"{server['cpus']} cores and {round(cast(float, server['memory_gb']))} GB of memory",
        "rows": rows,
    }
    out.write_text(json.dumps(results, indent=2) + "\n")
    return write_page(results)


def write_page(results: dict[str, Any]) -> int:
    """Put the sizing table into the facilitators' guide, between its markers."""
    table = sizing_table(results["rows"], results.get("machine"), results.get("measured"))
    print(table)
    page = ROOT / "modules" / "facilitators" / "running-a-hub.md"
    page.write_text(replace_between(page.read_text(encoding="utf-8"), START, END, table), encoding="utf-8")
    print(f"Updated {page.relative_to(ROOT)}")
    return 0


START, END = "<!-- hub-sizing:start -->", "<!-- hub-sizing:end -->"


def sizing_table(rows: list[dict[str, float]], machine: str | None = None, measured: str | None = None) -> str:
    """The facilitators' guide's sizing table (Markdown), saying which server it was measured on."""
    where = f" on a server with {machine}" if machine else ""
    when = f" on {time.strftime('%-d %B %Y', time.strptime(measured, '%Y-%m-%d'))}" if measured else ""
    together = all("participants_memory_mb" in r for r in rows)
    lines = [
        "",
        f"Measured{when}{where}, with every participant running the same Day 1 page at once:",
        "",
        "| Participants running a page at once | Time until all servers were ready | Page run, median | "
        "95th percentile | Slowest | Memory per participant |" + (" All participants together |" if together else ""),
        "| ---: | ---: | ---: | ---: | ---: | ---: |" + (" ---: |" if together else ""),
    ]
    for r in rows:
        lines.append(
            f"| {r['participants']} | {r['servers_ready_s']:.0f} s | {r['notebook_p50_s']:.1f} s | "
            f"{r['notebook_p95_s']:.1f} s | {r['notebook_max_s']:.1f} s | {r['memory_per_participant_mb']:,} MB |"
            + (f" {r['participants_memory_mb']:,} MB |" if together else "")
        )
    return "\n".join(lines) + "\n\n"


if __name__ == "__main__":
    sys.exit(main())
