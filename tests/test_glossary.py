"""The glossary, the bibliography and the course map: every link resolves and nothing drifts.

The strict build (-W) also fails on an unknown {term} or {cite}; these checks say which
page and which term without a build.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pybtex.database
import pytest

from exercises import coursemap, markers
from tests.conftest import REPO

GLOSSARY = REPO / "modules" / "reference" / "glossary.md"
COURSE_MAP = REPO / "modules" / "reference" / "course-map.md"
BIB = REPO / "references.bib"
ROLE = re.compile(r"\{(term|cite(?::\w+)?)\}`([^`]*)`")


def glossary_entries(text: str) -> list[list[str]]:
    """The glossary's entries, each a list of its terms (a term and its short forms), lowercased."""
    body = re.search(r"```\{glossary\}\n(.*?)\n```", text, flags=re.DOTALL)
    assert body, "The glossary page has no {glossary} block."
    entries: list[list[str]] = []
    current: list[str] = []
    for line in body.group(1).splitlines():
        if not line.strip() or line.startswith(":"):
            continue
        if line.startswith((" ", "\t")):
            if current:
                entries.append(current)
                current = []
        else:
            current.append(line.strip().lower())
    assert not current, f"The glossary ends with terms that have no definition: {current}"
    return entries


def book_pages() -> dict[str, str]:
    """The Markdown text of every page under modules/: .md files and notebooks' markdown cells."""
    pages = {}
    for path in sorted((REPO / "modules").rglob("*")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        if path.suffix == ".md":
            pages[path.relative_to(REPO).as_posix()] = path.read_text(encoding="utf-8")
        elif path.suffix == ".ipynb":
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            pages[path.relative_to(REPO).as_posix()] = "\n\n".join(
                "".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"
            )
    return pages


def roles(kind: str) -> list[tuple[str, str]]:
    """(page, target) for every role of this kind in the book."""
    found = []
    for page, text in book_pages().items():
        for role, content in ROLE.findall(text):
            if role.split(":")[0] == kind:
                target = re.search(r"<([^<>]+)>$", content)
                found.append((page, (target.group(1) if target else content).strip()))
    return found


def test_glossary_has_enough_terms_each_with_its_day() -> None:
    text = GLOSSARY.read_text(encoding="utf-8")
    entries = glossary_entries(text)
    assert len(entries) >= 60, f"The glossary has {len(entries)} entries; the course promises at least 60."
    definitions = re.findall(r"^  (.+)$", text, flags=re.MULTILINE)
    assert len(definitions) == len(entries)
    for definition in definitions:
        assert re.search(r"Taught on \{doc\}`Day [1-5] ", definition), f"No day given: {definition[:60]}"
    terms = [term for entry in entries for term in entry]
    assert len(terms) == len(set(terms)), "A term appears twice in the glossary."


def test_every_term_role_names_a_glossary_term() -> None:
    known = {term for entry in glossary_entries(GLOSSARY.read_text(encoding="utf-8")) for term in entry}
    unknown = [(page, target) for page, target in roles("term") if target.lower() not in known]
    assert not unknown, f"{{term}} roles with no glossary entry: {unknown}"


def test_every_glossary_entry_is_used_in_the_book() -> None:
    used = {target.lower() for _, target in roles("term")}
    unused = [
        entry[0] for entry in glossary_entries(GLOSSARY.read_text(encoding="utf-8")) if not used.intersection(entry)
    ]
    assert not unused, f"Glossary entries no page links to with {{term}}: {unused}"


def test_every_citation_is_in_the_bibliography() -> None:
    # Old keys still resolve in the build (exercises.bibstyle.LEGACY_KEYS); the source check in
    # tests/test_reader_sources.py lists the pages that still use them.
    from exercises.bibstyle import LEGACY_KEYS

    keys = set(pybtex.database.parse_file(str(BIB)).entries.keys()) | set(LEGACY_KEYS)
    cited = roles("cite")
    assert len(cited) >= 50, "Lessons should cite their sources with {cite} roles."
    unknown = [(page, key) for page, target in cited for key in target.split(",") if key.strip() not in keys]
    assert not unknown, f"{{cite}} keys missing from references.bib: {unknown}"


def test_every_report_article_is_in_the_bibliography() -> None:
    bib = pybtex.database.parse_file(str(BIB))
    articles = [
        entry
        for entry in bib.entries.values()
        if entry.fields.get("booktitle") == "Public service: state of transformation"
    ]
    # The introduction, seven think pieces, nine case studies and the PSTA's own section.
    assert len(articles) == 18
    for entry in articles:
        assert entry.persons.get("author"), f"{entry.key} names no author"


def test_course_map_is_current() -> None:
    shown = markers.between(COURSE_MAP.read_text(encoding="utf-8"), coursemap.MAP_START, coursemap.MAP_END)
    assert shown.strip() == coursemap.map_markdown().strip(), (
        "The course map is out of date: run python -m exercises.coursemap --update modules/reference/course-map.md"
    )


def test_course_map_shows_every_day_page_and_exercise() -> None:
    days = coursemap.days()
    assert [day.number for day in days] == [1, 2, 3, 4, 5]
    assert all(day.step is not None for day in days), "Every day ends with a challenge step."
    shown = COURSE_MAP.read_text(encoding="utf-8")
    for day in days:
        for page in day.pages:
            assert f"</{page.file}>" in shown
    total = sum(sum(page.exercises.values()) for day in days for page in day.pages)
    assert total >= 50


@pytest.fixture
def book_copy(tmp_path: Path) -> Path:
    """A copy of the book's table of contents, day modules and lesson code, to change freely."""
    shutil.copy(REPO / "_toc.yml", tmp_path / "_toc.yml")
    shutil.copytree(REPO / "modules", tmp_path / "modules", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(
        REPO / "exercises" / "lessons", tmp_path / "exercises" / "lessons", ignore=shutil.ignore_patterns("__pycache__")
    )
    return tmp_path


def test_course_map_check_fails_when_a_notebook_is_added_to_the_toc(book_copy: Path) -> None:
    page = COURSE_MAP.read_text(encoding="utf-8")
    assert coursemap.replace_map(page, book_copy) == page  # the copy matches the committed map
    notebook = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# Extra page\n"]},
            {
                "cell_type": "code",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": [
                    "from exercises.data import load\n",
                    "load('public_facts')\n",
                    "choice('d3-extra', 'Question?', options={'A': 'a'}, answer='A')\n",
                ],
            },
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    folder = book_copy / "modules" / "day3-funding-value-and-impact"
    (folder / "07-extra.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    toc = book_copy / "_toc.yml"
    toc.write_text(
        toc.read_text(encoding="utf-8").replace(
            "          - file: modules/day3-funding-value-and-impact/06-team-step\n",
            "          - file: modules/day3-funding-value-and-impact/06-team-step\n"
            "          - file: modules/day3-funding-value-and-impact/07-extra\n",
        ),
        encoding="utf-8",
    )
    regenerated = coursemap.replace_map(page, book_copy)
    assert regenerated != page
    assert (
        "| {doc}`Extra page </modules/day3-funding-value-and-impact/07-extra>` | 1 choice | `public_facts` |"
        in regenerated
    )


def test_course_map_update_rewrites_only_the_map(tmp_path: Path) -> None:
    page = tmp_path / "map.md"
    page.write_text(f"# Title\n\n{coursemap.MAP_START}\nold map\n{coursemap.MAP_END}\n\nAfter.\n", encoding="utf-8")
    assert coursemap.main(["--update", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert "old map" not in text and text.startswith("# Title") and text.endswith("After.\n")
    (tmp_path / "plain.md").write_text("# No markers\n", encoding="utf-8")
    assert coursemap.main(["--update", str(tmp_path / "plain.md")]) == 1


def test_marker_helper_needs_both_markers_in_order() -> None:
    assert markers.replace_between("a<s>x<e>b", "<s>", "<e>", "new") == "a<s>\n\nnew\n\n<e>b"
    with pytest.raises(markers.MarkersMissing):
        markers.replace_between("a<e>x<s>b", "<s>", "<e>", "new")
