"""Checks every day's notebooks share: the house style of a lesson page, and its exercises."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from exercises.checks import check_classification
from exercises.lessons.common import SortKey
from tests.conftest import REPO

SECTIONS = ("## Overview", "## What you need", "## Summary", "## What next", "## Sources")
EXERCISE_CALL = re.compile(r"\b(choice|classify|number|reflect|scale|calculator)\(\s*\"([^\"]+)\"")


def cell_sources(notebook: Path, kind: str) -> list[str]:
    """The text of each cell of ``kind`` ("markdown" or "code")."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == kind]


def assert_house_style(notebook: Path) -> None:
    """A lesson page: the Python 3 kernel, the five sections, code hidden and folded, no outputs."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    markdown = "\n".join(cell_sources(notebook, "markdown"))
    for heading in SECTIONS:
        assert heading in markdown, f"{notebook.name} has no '{heading}' section"
    for cell in (c for c in nb["cells"] if c["cell_type"] == "code"):
        assert {"remove-input", "hide-input"} & set(cell["metadata"].get("tags", []))
        assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True
        assert not cell.get("outputs") and cell.get("execution_count") is None


def assert_new_lesson_page(page: Path) -> None:
    """A lesson page added to a day: the house style, in the book's contents, citing its sources,
    no line numbers of the report's text copy, and tables shown through ``exercises.tables.table``."""
    assert_house_style(page)
    toc = (REPO / "_toc.yml").read_text(encoding="utf-8")
    assert f"{page.parent.relative_to(REPO).as_posix()}/{page.stem}" in toc
    text = "\n".join(cell_sources(page, "markdown"))
    assert "{cite}`" in text
    assert "lines " not in text and "line numbers" not in text  # no line numbers of the report's text copy
    code = "\n".join(cell_sources(page, "code"))
    assert "display(pd." not in code and ".style" not in code  # tables go through exercises.tables.table


def assert_sort_key_is_whole(key: SortKey) -> None:
    """Every item has an answer among the categories and its own feedback; every category is used."""
    assert set(key.answers) == set(key.feedback)
    used: set[str] = set()
    for item in key.answers:
        accepted = key.accepted(item)
        assert accepted and set(accepted) <= set(key.categories), item
        used.update(accepted)
    assert used == set(key.categories), "every category is the answer to at least one item"


def assert_sort_key_marks_right_and_wrong(key: SortKey) -> None:
    """The checker passes every item put in its (first) right category and fails every item put wrong."""
    right = {item: key.accepted(item)[0] for item in key.answers}
    assert check_classification(right, key.answers, key.feedback).correct
    wrong = {item: next(c for c in key.categories if c not in key.accepted(item)) for item in key.answers}
    assert check_classification(wrong, key.answers, key.feedback).status == "incorrect"


def exercise_calls(notebooks: Iterable[Path]) -> list[tuple[str, str]]:
    """(kind, exercise id) of every exercise the notebooks' code makes, in order."""
    return [
        call
        for notebook in notebooks
        for source in cell_sources(notebook, "code")
        for call in EXERCISE_CALL.findall(source)
    ]
