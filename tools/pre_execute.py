"""Execute the book's notebooks into the build's jupyter-cache, in parallel, before the build.

``make site`` runs this first. Jupyter Book then finds every notebook in the cache
(``_build/.jupyter_cache``, ``execute_notebooks: cache`` in ``_config.yml``) and only
renders pages, instead of running the notebooks one after another. With two cores this
cut a cold build from 86 s to 56 s (benchmarks/README.md). Notebooks already in the cache
with unchanged code are skipped, so a warm build costs nothing extra.

A notebook that fails here is not hidden: it is left out of the cache, so the strict
build runs it again and fails with its traceback, as it always has.

    .venv/bin/python tools/pre_execute.py    # one worker per core (jupyter-cache's local-parallel)
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import yaml
from jupyter_cache import get_cache
from jupyter_cache.executors import load_executor

ROOT = Path(__file__).resolve().parent.parent
CELL_TIMEOUT = 180  # seconds, as execute.timeout in _config.yml


def book_notebooks(root: Path = ROOT) -> list[Path]:
    """The notebooks listed in ``_toc.yml``, in book order."""
    pages: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            pages.extend(node[key] for key in ("root", "file") if isinstance(node.get(key), str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8")))
    return [root / f"{page}.ipynb" for page in pages if (root / f"{page}.ipynb").is_file()]


def main() -> int:
    cache = get_cache(str(ROOT / "_build" / ".jupyter_cache"))
    for path in book_notebooks():
        cache.add_nb_to_project(str(path))
    logger = logging.getLogger("pre-execute")
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    outcome = load_executor("local-parallel", cache, logger=logger).run_and_cache(
        timeout=CELL_TIMEOUT, allow_errors=False
    )
    failed = [*outcome.excepted, *outcome.errored]
    print(
        f"Ran {len(outcome.succeeded) + len(failed)} notebooks in parallel; "
        f"{len(failed)} failed and will be run again by the build."
        if failed
        else f"Ran {len(outcome.succeeded)} notebooks in parallel (the rest were already up to date)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
