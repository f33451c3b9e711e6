"""Offline search: Sphinx's own search page finds glossary terms on the built site."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("query", ["deadweight", "Herfindahl"])
def test_search_finds_the_glossary(browser: object, site_url: str, query: str) -> None:
    page = browser.new_page()
    try:
        page.goto(f"{site_url}/search.html?q={query}", wait_until="load")
        # The search script fills the list once it has loaded the index; no fixed wait.
        page.wait_for_selector("#search-results ul.search li", timeout=30_000)
        links = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.href)")
    finally:
        page.close()
    assert any("modules/reference/glossary.html" in link for link in links), (
        f"Searching for {query!r} did not list the glossary page: {links}"
    )
