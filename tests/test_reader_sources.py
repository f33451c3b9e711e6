"""Reader pages' sources: no line-number citations, internal codes or authoring notes, and
every citation key is in references.bib (cheap: no build needed; the site check reads the
built pages too, tests/website/test_reader_pages.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pybtex.database import parse_file

from exercises.bibstyle import LEGACY_KEYS
from tests.notebook_style import cell_sources
from tests.reader_text import find_in_markdown

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted([ROOT / "index.md", *(ROOT / "modules").rglob("*.md"), *(ROOT / "modules").rglob("*.ipynb")])
PAGES = [p for p in PAGES if ".ipynb_checkpoints" not in p.parts]
CITE = re.compile(r"\{(?:cite|cite:[a-z]+)\}`([^`]+)`")


def _markdown(page: Path) -> str:
    if page.suffix == ".ipynb":
        return "\n\n".join(cell_sources(page, "markdown"))
    return page.read_text(encoding="utf-8")


def _name(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_page_source_has_nothing_a_reader_cannot_follow(page: Path) -> None:
    problems = find_in_markdown(_markdown(page))
    assert not problems, f"{_name(page)}:\n" + "\n".join(f"  {what}: ...{text}..." for what, text in problems)


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_every_citation_key_is_current_and_in_references_bib(page: Path) -> None:
    keys = {key.strip() for group in CITE.findall(_markdown(page)) for key in group.split(",")}
    known = set(parse_file(str(ROOT / "references.bib")).entries)
    old = sorted(keys & set(LEGACY_KEYS))
    assert not old, f"{_name(page)} cites old keys: " + ", ".join(f"{k} (now {LEGACY_KEYS[k]})" for k in old)
    missing = sorted(keys - known)
    assert not missing, f"{_name(page)} cites keys not in references.bib: {', '.join(missing)}"


def test_the_source_check_finds_each_kind_of_problem() -> None:
    page = (
        "As the report says (lines 4325\u20134410), see S5 and C7 [TS19]; seed lines 10 to 12 were "
        "not checked against the digest. The value was NaN.\n\n```python\nx = 'lines 1-2 S5'\n```\n"
        "{cite}`psta2019-oldham` and `S5` in code are fine."
    )
    kinds = [what for what, _ in find_in_markdown(page)]
    assert kinds.count("a line-number citation") == 2
    assert kinds.count("an internal article code") == 2
    assert "an alpha-style citation label" in kinds and "NaN" in kinds
    assert kinds.count("an authoring note") == 3
    assert not find_in_markdown("Taylor and Symonds (2019) wrote it; C-suite, S&P and 2019/20 are fine.")
