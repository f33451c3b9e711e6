"""Time the site build (cold, warm, after small edits) and weigh the built site.

The build runs on a copy of the course in a temporary folder (without ``_build``), with
``PYTHONPATH`` pointing at the copy so the copy's ``exercises`` package is the one used,
and with ``ACADEMY_WORK_DIR`` / ``ACADEMY_COHORT_DIR`` pointing at empty folders, as
``make site`` does. The command is ``make site``'s: ``jupyter-book build . -W -n --keep-going``.

Builds, in order, on one copy:

1. cold: no ``_build`` at all, so every notebook executes (serially, as today);
2. warm: the same command again with nothing changed;
3. one Markdown page changed (a comment added to a day's first page);
4. one notebook changed (a sentence added to a Markdown cell; code unchanged, so the
   jupyter-cache still holds its outputs).

Then, on a second copy, the *parallel* variant: the notebooks are first executed into the
jupyter-cache with jupyter-cache's ``local-parallel`` executor (one worker per core), then
the same build runs and finds every notebook in the cache.

Site weight: bytes of ``_build/html``; for each page its HTML plus every local file its
``<script src>``, ``<link href>`` and ``<img src>`` tags load (each file counted once per
page; fonts and modules that those scripts fetch later are not counted); what makes the
heaviest pages heavy (inline base64 images, saved widget state, scripts); and the same
compressed with gzip, as most web servers (GitHub Pages among them) send text files.

    .venv/bin/python benchmarks/bench_site.py [--no-parallel]
"""

from __future__ import annotations

import argparse
import gzip
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
from common import BIN, ROOT, book_notebooks, cpu_seconds, environment, private_folders, quiet_kernels

IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".lock-venv",
    "_build",
    "my-work",
    "cohort-work",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    ".ipynb_checkpoints",
    "*.egg-info",
)
MARKDOWN_PAGE = "modules/day1-outcomes-and-systems/index.md"
NOTEBOOK_PAGE = "modules/day3-funding-value-and-impact/05-commissioning-simulation.ipynb"
DATA_IMAGE = re.compile(rb"data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+")
WIDGET_STATE = re.compile(rb'<script type="application/vnd\.jupyter\.widget-state\+json">.*?</script>', re.S)
INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>.*?</script>", re.S)


def copy_course(into: Path) -> Path:
    """A copy of the course without its build, environment or anyone's work."""
    target = into / "course"
    shutil.copytree(ROOT, target, ignore=IGNORE)
    return target


def build(course: Path, env: dict[str, str]) -> dict[str, object]:
    """Run the strict build in ``course``; seconds, exit code and what executed."""
    command = [str(BIN / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"]
    full_env = {**os.environ, **env, "PYTHONPATH": str(course), "PYTHONDONTWRITEBYTECODE": "1"}
    started, cpu = time.perf_counter(), cpu_seconds()
    done = subprocess.run(command, cwd=course, env=full_env, capture_output=True, text=True, check=False)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    log = done.stdout + done.stderr
    warnings = [
        line
        for line in log.splitlines()
        if ("WARNING" in line or "ERROR" in line) and not line.startswith("[IPKernelApp]")
    ]
    return {
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "exit_code": done.returncode,
        "executed": log.count("Executing notebook using"),
        "from_cache": log.count("Using cached notebook"),
        "warnings": len(warnings),
        "first_warnings": warnings[:3],
    }


def pre_execute(course: Path, env: dict[str, str]) -> dict[str, object]:
    """Execute every notebook into the build's jupyter-cache in parallel (one worker per core)."""
    from jupyter_cache import get_cache
    from jupyter_cache.executors import load_executor

    started, cpu = time.perf_counter(), cpu_seconds()
    with environment({**env, "PYTHONPATH": str(course)}):
        cache = get_cache(str(course / "_build" / ".jupyter_cache"))
        for path in book_notebooks(course):
            cache.add_nb_to_project(str(path))
        logger = logging.getLogger("bench-jcache")
        logger.setLevel(logging.WARNING)
        executor = load_executor("local-parallel", cache, logger=logger)
        with quiet_kernels():
            outcome = executor.run_and_cache(timeout=180, allow_errors=False)
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "cpu_seconds": round(cpu_seconds() - cpu, 1),
        "workers": os.cpu_count(),
        "succeeded": len(outcome.succeeded),
        "failed": len(outcome.excepted) + len(outcome.errored),
    }


def touch_markdown(course: Path) -> None:
    page = course / MARKDOWN_PAGE
    page.write_text(
        page.read_text(encoding="utf-8") + "\n<!-- benchmark: one Markdown page changed -->\n", encoding="utf-8"
    )


def touch_notebook(course: Path) -> None:
    path = course / NOTEBOOK_PAGE
    notebook = nbformat.read(path, as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == "markdown")
    cell.source += "\n\nThis sentence was added by the benchmark."
    nbformat.write(notebook, path)


@cache
def gzip_size(path: Path) -> int:
    """Bytes of ``path`` compressed as a web server would send it (gzip, level 6)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("script", "img") and found.get("src"):
            self.urls.append(found["src"] or "")
        elif (
            tag == "link"
            and found.get("href")
            and (found.get("rel") or "") in ("stylesheet", "preload", "icon", "modulepreload")
        ):
            self.urls.append(found["href"] or "")


def page_weight(page: Path, html_root: Path) -> dict[str, object]:
    """Bytes of a page and of the local files it loads, and what is inside its HTML."""
    raw = page.read_bytes()
    parser = _Assets()
    parser.feed(raw.decode("utf-8", "replace"))
    assets: dict[str, int] = {}
    compressed = len(gzip.compress(raw, compresslevel=6))
    for url in parser.urls:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        target = (page.parent / unquote(parts.path)).resolve()
        if target.is_file() and html_root in target.parents:
            name = target.relative_to(html_root).as_posix()
            if name not in assets:
                compressed += gzip_size(target)
            assets[name] = target.stat().st_size
    images = sum(len(m) for m in DATA_IMAGE.findall(raw))
    state = sum(len(m) for m in WIDGET_STATE.findall(raw))
    inline_scripts = sum(len(m) for m in INLINE_SCRIPT.findall(raw)) - state
    heaviest_asset = max(assets.items(), key=lambda item: item[1]) if assets else ("", 0)
    return {
        "page": page.relative_to(html_root).as_posix(),
        "html_bytes": len(raw),
        "asset_bytes": sum(assets.values()),
        "total_bytes": len(raw) + sum(assets.values()),
        "total_gzip_bytes": compressed,
        "inline_image_bytes": images,
        "widget_state_bytes": state,
        "other_inline_script_bytes": inline_scripts,
        "assets": len(assets),
        "heaviest_asset": f"{heaviest_asset[0]} ({heaviest_asset[1] // 1024} KB)",
    }


def site_weight(html_root: Path) -> dict[str, object]:
    """Total bytes, the ten heaviest pages and each day's first page."""
    html_root = html_root.resolve()
    total = sum(f.stat().st_size for f in html_root.rglob("*") if f.is_file())
    pages = [
        page_weight(p, html_root)
        for p in sorted(html_root.rglob("*.html"))
        if "_static" not in p.parts and "_sources" not in p.parts
    ]
    by_kind: dict[str, int] = {}
    for f in html_root.rglob("*"):
        if f.is_file():
            kind = f.suffix.lower() or "(none)"
            by_kind[kind] = by_kind.get(kind, 0) + f.stat().st_size
    days = [p for p in pages if re.fullmatch(r"modules/day\d[^/]*/index\.html", p["page"])]
    return {
        "total_bytes": total,
        "files": sum(1 for f in html_root.rglob("*") if f.is_file()),
        "bytes_by_kind": dict(sorted(by_kind.items(), key=lambda item: -item[1])[:8]),
        "pages": len(pages),
        "heaviest": sorted(pages, key=lambda p: -p["total_bytes"])[:10],
        "heaviest_html": sorted(pages, key=lambda p: -p["html_bytes"])[:10],
        "day_first_pages": days,
    }


def measure(parallel: bool = True) -> dict[str, object]:
    """Every build in the order above, then the weight of the site they made."""
    result: dict[str, object] = {"markdown_page": MARKDOWN_PAGE, "notebook_page": NOTEBOOK_PAGE}
    with tempfile.TemporaryDirectory(prefix="academy-site-") as tmp, private_folders() as env:
        course = copy_course(Path(tmp))
        for name, change in (
            ("cold", None),
            ("warm", None),
            ("markdown_changed", touch_markdown),
            ("notebook_changed", touch_notebook),
        ):
            if change is not None:
                change(course)
            result[name] = build(course, env)
            print(
                f"  build {name}: {result[name]['seconds']} s (exit {result[name]['exit_code']}, "
                f"{result[name]['executed']} executed)",
                file=sys.stderr,
                flush=True,
            )
        result["weight"] = site_weight(course / "_build" / "html")
        shutil.rmtree(course)
        if parallel:
            course = copy_course(Path(tmp) / "parallel")
            pre = pre_execute(course, env)
            after = build(course, env)
            result["parallel"] = {
                "pre_execute": pre,
                "build": after,
                "seconds": round(pre["seconds"] + after["seconds"], 1),
                "cpu_seconds": round(pre["cpu_seconds"] + after["cpu_seconds"], 1),
            }
            print(
                f"  parallel pre-execution {pre['seconds']} s + build {after['seconds']} s "
                f"({after['executed']} executed in the build)",
                file=sys.stderr,
                flush=True,
            )
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-parallel", action="store_true", help="skip the parallel pre-execution build")
    parser.add_argument("--weigh", type=Path, metavar="HTML", help="only weigh an existing _build/html")
    args = parser.parse_args()
    if args.weigh:
        import json

        print(json.dumps(site_weight(args.weigh), indent=1))
    else:
        import json

        print(json.dumps(measure(not args.no_parallel), indent=1))
