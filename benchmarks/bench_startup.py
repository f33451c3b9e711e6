"""How long the course's Python takes to start: imports, and the ``academy`` command.

``python -X importtime`` shows where import time goes; the wall time of a fresh
interpreter importing the package is taken as the middle of three runs.

    .venv/bin/python benchmarks/bench_startup.py
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

from common import BIN, ROOT

MODULES = ("exercises.widgets", "exercises.data", "exercises.plan.model")


def _wall(command: list[str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def import_profile(module: str, top: int = 6) -> dict[str, object]:
    """Cumulative import time of ``module`` and the heaviest top-level packages under it."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative_us, name = line.split(":", 1)[1].split("|", 2)
        rows.append((name, int(self_us), int(cumulative_us)))
    total = next((c for n, _, c in rows if n.strip() == module), 0)
    packages: dict[str, int] = {}  # third-party packages, each with what it imports in turn
    for name, _, cumulative in rows:
        bare = name.strip()
        if (
            "." not in bare
            and bare not in sys.stdlib_module_names
            and not bare.startswith("_")
            and bare != module.split(".")[0]
        ):
            packages[bare] = max(packages.get(bare, 0), cumulative)
    heaviest = sorted(packages.items(), key=lambda item: -item[1])[:top]
    return {
        "module": module,
        "importtime_ms": round(total / 1000, 1),
        "wall_s": round(_wall([sys.executable, "-c", f"import {module}"]), 2),
        "heaviest": [{"package": name, "ms": round(us / 1000, 1)} for name, us in heaviest],
    }


def measure() -> dict[str, object]:
    return {
        "imports": [import_profile(module) for module in MODULES],
        "python_s": round(_wall([sys.executable, "-c", "pass"]), 2),
        "academy_help_s": round(_wall([str(BIN / "academy"), "--help"]), 2),
    }


if __name__ == "__main__":
    print(json.dumps(measure(), indent=1))
