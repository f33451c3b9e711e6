"""Participants' and teams' own work (my-work/, cohort-work/) never reaches the website."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import REPO
from tests.website.conftest import HTML

CANARY = "CANARY-private-answer-7f3a9c"
BOOK_FILES = ("_config.yml", "_toc.yml", "index.md")
BOOK_DIRS = ("modules", "_vendor", "datasets")


def _plant_canaries(root: Path) -> None:
    for folder in ("my-work", "cohort-work/team-a"):
        target = root / folder
        target.mkdir(parents=True, exist_ok=True)
        (target / "notes.md").write_text(f"# My notes\n\n{CANARY}\n")
        (target / "workbook.json").write_text(f'{{"answer": "{CANARY}"}}\n')
        (target / "plan.yaml").write_text(f"challenge: {CANARY}\n")


def _built_text(html: Path) -> str:
    return "\n".join(
        p.read_text(errors="replace")
        for p in html.rglob("*")
        if p.is_file() and p.suffix in {".html", ".js", ".txt", ".json", ".md", ".ipynb", ".yaml"}
    )


def test_private_folders_are_excluded_from_a_build(tmp_path: Path) -> None:
    book = tmp_path / "book"
    book.mkdir()
    for name in BOOK_FILES:
        shutil.copy(REPO / name, book / name)
    for name in BOOK_DIRS:
        if (REPO / name).exists():
            shutil.copytree(REPO / name, book / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    config = yaml.safe_load((book / "_config.yml").read_text())
    config["execute"]["execute_notebooks"] = "off"  # only the file selection is under test here
    (book / "_config.yml").write_text(yaml.safe_dump(config))
    _plant_canaries(book)
    # Even a page that tries to pull private work in must not publish it.
    toc = (book / "_toc.yml").read_text()
    assert "my-work" not in toc and "cohort-work" not in toc

    result = subprocess.run(
        [str(Path(sys.executable).parent / "jupyter-book"), "build", str(book), "--keep-going"],
        capture_output=True,
        text=True,
        timeout=2400,  # a whole build, on a machine that may be busy
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    html = book / "_build" / "html"
    assert (html / "index.html").is_file()
    leaked = [
        p.relative_to(html).as_posix() for p in html.rglob("*") if "my-work" in p.parts or "cohort-work" in p.parts
    ]
    assert leaked == []
    assert CANARY not in _built_text(html)


def test_published_site_has_no_private_folders(built_site: Path) -> None:
    leaked = [
        p.relative_to(HTML).as_posix() for p in HTML.rglob("*") if "my-work" in p.parts or "cohort-work" in p.parts
    ]
    assert leaked == []


def test_private_folders_are_git_ignored() -> None:
    for folder in ("my-work", "cohort-work"):
        result = subprocess.run(["git", "check-ignore", "-q", f"{folder}/anything.json"], cwd=REPO)
        assert result.returncode == 0, f"{folder}/ is not ignored by git"
