"""Rules for the repository itself: clean notebooks, pinned tools, vendored scripts, the command."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

NOTEBOOK_DIRS = ("modules", "exercises")


def course_notebooks() -> list[Path]:
    return sorted(p for d in NOTEBOOK_DIRS for p in (REPO / d).rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def test_course_has_notebooks() -> None:
    assert course_notebooks(), "no notebooks found under modules/ or exercises/"


@pytest.mark.parametrize("notebook", course_notebooks(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_notebook_is_committed_without_outputs(notebook: Path) -> None:
    cells = json.loads(notebook.read_text())["cells"]
    dirty = [
        i
        for i, c in enumerate(cells)
        if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]
    assert dirty == [], f"cells {dirty} have outputs or execution counts: strip them before committing"


@pytest.mark.parametrize("notebook", course_notebooks(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_notebook_folds_its_code(notebook: Path) -> None:
    from exercises.notebook_tidy import check_file

    assert check_file(notebook) == []


def toc_files() -> list[str]:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(entries: list[dict]) -> None:
        for entry in entries:
            if "file" in entry:
                files.append(entry["file"])
            for key in ("sections", "chapters", "parts"):
                walk(entry.get(key, []))

    walk(toc.get("parts", []) + toc.get("chapters", []))
    return files


def test_every_toc_entry_exists() -> None:
    missing = [f for f in toc_files() if not any((REPO / f"{f}{ext}").is_file() for ext in (".md", ".ipynb"))]
    assert missing == []


def test_every_module_notebook_is_in_the_toc() -> None:
    listed = set(toc_files())
    orphans = [
        p.relative_to(REPO).with_suffix("").as_posix()
        for p in (REPO / "modules").rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts and p.relative_to(REPO).with_suffix("").as_posix() not in listed
    ]
    assert orphans == []


def test_jupyter_book_is_pinned_to_1x() -> None:
    lock = (REPO / "requirements.lock").read_text()
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", lock, flags=re.M))
    assert pins.get("jupyter-book") == "1.0.4.post1"
    assert pins.get("Sphinx") == "7.4.7"
    unpinned = [line for line in lock.splitlines() if line.strip() and not line.startswith("#") and "==" not in line]
    assert unpinned == []


def test_vendored_scripts_match_their_npm_packages() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "vendor_js.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_site_config_names_no_third_party_script() -> None:
    config = yaml.safe_load((REPO / "_config.yml").read_text())
    sphinx = config["sphinx"]["config"]
    scripts = [*list(sphinx["nb_ipywidgets_js"]), sphinx["mathjax_path"]]
    assert all("://" not in s for s in scripts)
    assert all((REPO / "_vendor" / s).is_file() for s in scripts)
    assert config["launch_buttons"]["thebe"] is False


def test_academy_command_prints_version_and_help() -> None:
    academy = Path(sys.executable).parent / "academy"
    version = subprocess.run([str(academy), "--version"], capture_output=True, text=True)
    assert version.returncode == 0
    from exercises import __version__

    assert version.stdout.strip() == f"academy {__version__}"
    helptext = subprocess.run([str(academy)], capture_output=True, text=True)
    assert helptext.returncode == 0 and "usage: academy" in helptext.stdout
