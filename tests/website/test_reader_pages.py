"""Every built page under modules/ reads as a finished page for participants.

Fails on a citation of line numbers in the course's text copy of the report, an
alpha-style citation label ("[PublicSTAcademy19a]", "[TS19]"), an internal article code
("S5", "C7") where a citation would be, an authoring note ("seed lines", "not checked
against", "the digest"), "NaN", a whole number printed as a float in a table cell
("3000000.0", "500.0") or a raw pandas table. The message lists each page and the text.
The finders live in tests/reader_text.py (shared with the source check,
tests/test_reader_sources.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.reader_text import find_in_html
from tests.website.conftest import HTML, site_pages

MODULES = HTML / "modules"
PAGES = [page.relative_to(HTML).as_posix() for page in site_pages() if MODULES in page.parents] if HTML.exists() else []


def _report(problems: dict[str, list[tuple[str, str]]]) -> str:
    lines = []
    for page, found in problems.items():
        lines.append(f"{page}:")
        lines += [f"  {what}: ...{text}..." for what, text in found]
    return "\n".join(lines)


@pytest.mark.parametrize("page", PAGES)
def test_page_has_nothing_a_reader_cannot_follow(page: str, built_site: Path) -> None:
    found = find_in_html((built_site / page).read_text(encoding="utf-8"))
    assert not found, "A reader page shows what it should not:\n" + _report({page: found})


def test_the_built_site_has_reader_pages(built_site: Path) -> None:
    assert len(PAGES) > 30, f"expected the course's pages under {MODULES}, found {len(PAGES)}"


def test_the_check_fails_on_a_copy_of_a_page_with_each_problem(built_site: Path, tmp_path: Path) -> None:
    """Inject each kind of problem into a copy of a real built page: every one is found."""
    page = tmp_path / "page.html"
    shutil.copy(built_site / "modules" / "reference" / "references.html", page)
    html = page.read_text(encoding="utf-8")
    assert not find_in_html(html), _report({"references.html": find_in_html(html)})
    injected = (
        "<p>As the report says (lines 4325\u20134410) and in line 123, see [PublicSTAcademy19a] and [TS19];"
        " the case study (C7) and section S5; seed lines 10 to 12 were not checked against the digest.</p>"
        "<table><tr><td>3000000.0</td><td>Pilots run 500.0</td><td>NaN</td></tr></table>"
        '<table class="dataframe"><tr><td>1</td></tr></table>'
    )
    page.write_text(html.replace("</main>", injected + "</main>", 1), encoding="utf-8")
    kinds = [what for what, _ in find_in_html(page.read_text(encoding="utf-8"))]
    assert kinds.count("a line-number citation") == 3  # "lines 4325–4410", "line 123", "seed lines 10 to 12"
    assert kinds.count("an alpha-style citation label") == 2
    assert kinds.count("an internal article code") == 2
    assert kinds.count("an authoring note") == 3
    assert kinds.count("a whole number printed as a float in a table cell") == 2
    assert "NaN" in kinds and "a raw pandas table" in kinds
