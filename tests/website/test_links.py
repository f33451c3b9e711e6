"""Offline link check: every internal link and anchor in the built site resolves."""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.website.conftest import HTML, site_pages

PAGES = [page.relative_to(HTML).as_posix() for page in site_pages()] if HTML.exists() else []


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        for key in ("href", "src"):
            if values.get(key) and not (tag == "link" and values.get("rel") in ("canonical",)):
                self.links.append(values[key])


@cache
def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(errors="replace"))
    return parser


def broken_links(page: Path) -> list[str]:
    """Internal links from ``page`` whose file or anchor does not exist."""
    problems = []
    for link in parse(page).links:
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
            continue  # external: not checked offline (and the site loads nothing from other hosts)
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            problems.append(
                f"{link}: no file {target.relative_to(HTML.resolve()) if HTML.resolve() in target.parents else target}"
            )
            continue
        fragment = unquote(parts.fragment)
        if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
            problems.append(f"{link}: no anchor #{fragment}")
    return problems


def test_a_broken_link_is_found(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    (tmp_path / "b.html").write_text('<h1 id="here">B</h1>')
    page.write_text(
        '<a href="b.html#here">ok</a><a href="b.html#gone">x</a><a href="c.html">y</a>'
        '<a href="https://example.org/">external</a><a href="#top">self</a><p id="top"></p>'
    )
    assert broken_links(page) == ["b.html#gone: no anchor #gone", f"c.html: no file {tmp_path / 'c.html'}"]


@pytest.mark.parametrize("page", PAGES)
def test_internal_links_resolve(page: str, built_site: Path) -> None:
    assert broken_links(built_site / page) == []
