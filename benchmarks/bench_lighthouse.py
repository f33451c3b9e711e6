"""Lighthouse performance of the built site: the start page and the heaviest widget page.

Lighthouse (``lighthouse@12.2.3``, the last release for Node 20) is installed from npm into a
temporary folder for the run, never into the course or a test's path. It drives the system's
Chromium (``/usr/bin/chromium`` or ``ACADEMY_CHROMIUM``) against ``_build/html`` served from
this machine, with its desktop and mobile settings, three runs each (the median is kept).
Targets (issue 25): performance at least 90 on desktop for both pages.

With ``--record NAME`` the results are also kept in ``benchmarks/results.json``, under
``lighthouse`` → NAME (with the machine and the time), beside the other benchmarks'
figures; ``--html`` measures another build (for example a copy with a change undone).

    .venv/bin/python benchmarks/bench_lighthouse.py [--runs 3] [--record latest] [--html _build/html]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from datetime import UTC, datetime
from pathlib import Path

from common import ROOT, machine

RESULTS = ROOT / "benchmarks" / "results.json"

LIGHTHOUSE = "lighthouse@12.2.3"
CHROMIUM = os.environ.get("ACADEMY_CHROMIUM", "/usr/bin/chromium")
PAGES = {
    "start page": "index.html",
    "heaviest widget page": "modules/day3-funding-value-and-impact/05-commissioning-simulation.html",
}
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")  # fmt: skip


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def install(folder: Path) -> Path:
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(folder), LIGHTHOUSE], check=True
    )
    return folder / "node_modules" / ".bin" / "lighthouse"


def audit(lighthouse: Path, url: str, preset: str, out: Path) -> dict[str, float]:
    command = [
        str(lighthouse),
        url,
        "--quiet",
        "--only-categories=performance",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
        "--max-wait-for-load=120000",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    done = subprocess.run(
        command, check=False, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}
    )
    if done.returncode != 0:  # e.g. Chromium too slow to answer on a loaded machine: recorded, not fatal
        return {"performance": -1, "error": (done.stderr.strip().splitlines() or ["?"])[-1][:200]}
    report = json.loads(out.read_text(encoding="utf-8"))
    result = {"performance": round(report["categories"]["performance"]["score"] * 100)}
    for metric in METRICS:
        result[metric] = round(report["audits"][metric]["numericValue"], 3)
    result["transferred_bytes"] = report["audits"]["total-byte-weight"]["numericValue"]
    return result


def measure(
    runs: int = 3,
    html: Path = ROOT / "_build" / "html",
    presets: tuple[str, ...] = ("desktop", "mobile"),
    pages: tuple[str, ...] = tuple(PAGES),
) -> dict[str, object]:
    if not (html / "index.html").is_file():
        sys.exit("Build the site first: make site")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    results: dict[str, object] = {"lighthouse": LIGHTHOUSE, "runs": runs}
    try:
        with tempfile.TemporaryDirectory(prefix="academy-lighthouse-") as tmp:
            lighthouse = install(Path(tmp))
            for name, path in PAGES.items():
                if name not in pages:
                    continue
                for preset in presets:
                    done = [audit(lighthouse, f"{base}/{path}", preset, Path(tmp) / "report.json") for _ in range(runs)]
                    median = statistics.median_low([d["performance"] for d in done])
                    chosen = next(d for d in done if d["performance"] == median)
                    results[f"{name} ({preset})"] = {**chosen, "scores": [d["performance"] for d in done]}
                    print(f"  {name} ({preset}): performance {median} {chosen}", file=sys.stderr, flush=True)
    finally:
        server.shutdown()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--preset", action="append", choices=("desktop", "mobile"), help="default: both")
    parser.add_argument("--page", action="append", choices=tuple(PAGES), help="default: both")
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="the built site to measure")
    parser.add_argument("--record", metavar="NAME", help="keep the results in benchmarks/results.json as NAME")
    args = parser.parse_args()
    load = round(os.getloadavg()[0], 2)
    results = measure(args.runs, html=args.html, presets=tuple(args.preset or ("desktop", "mobile")),
                      pages=tuple(args.page or PAGES))  # fmt: skip
    print(json.dumps(results, indent=2))
    if args.record:
        record(args.record, {**results, "load_1m_before": load})


def record(name: str, results: dict[str, object]) -> None:
    """Keep ``results`` in results.json under ``lighthouse`` → ``name``; the other figures stay."""
    everything = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    section = everything.setdefault("lighthouse", {})
    section[name] = {**results, "machine": machine(), "measured_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}
    RESULTS.write_text(json.dumps(everything, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
