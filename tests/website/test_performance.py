"""Light pages: what each page loads (sizes, not timings; benchmarks/bench_site.py and
benchmarks/bench_lighthouse.py measure speed).

- the start page weighs under 1 MB with everything it loads;
- no page loads the theme's 1.4 MB icon script (the icons are a small style sheet);
- only the search page loads the search index;
- the 3.5 MB widget manager is loaded only by pages with widgets, once the page is drawn: a
  widget page is painted, and the theme's scripts run, before it has even arrived.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.website.conftest import site_pages

sys.path.insert(0, str(REPO / "benchmarks"))

WIDGET_PAGE = "modules/day3-funding-value-and-impact/05-commissioning-simulation.html"
WIDGET_SCRIPTS = re.compile(r"<script[^>]*src=\"[^\"]*(?:require\.js|html-manager/embed-amd\.js)[^\"]*\"[^>]*>")
LOADER = '["require.js", "html-manager/embed-amd.js"]'


def test_start_page_is_under_1_mb(built_site: Path) -> None:
    from bench_site import page_weight

    weight = page_weight(built_site / "index.html", built_site.resolve())
    assert weight["total_bytes"] < 1_000_000, weight


def test_no_page_loads_the_icon_script_and_icons_are_drawn(built_site: Path) -> None:
    assert not (built_site / "_static" / "scripts" / "fontawesome.js").exists()
    css = (built_site / "_static" / "academy-icons.css").read_text(encoding="utf-8")
    for page in site_pages():
        text = page.read_text(encoding="utf-8")
        assert "fontawesome.js" not in text, page
        for name in set(re.findall(r'class="[^"]*\bfa-solid fa-([a-z-]+)', text)):
            assert f".fa-{name}{{" in css, f"{page.name}: icon fa-{name} has no shape"


def test_only_the_search_page_loads_the_search_index(built_site: Path) -> None:
    assert "searchindex.js" in (built_site / "search.html").read_text(encoding="utf-8")
    loading = [p.name for p in site_pages() if "searchindex.js" in p.read_text(encoding="utf-8")]
    assert not loading


def test_widget_code_only_on_widget_pages_and_after_the_page(built_site: Path) -> None:
    """No page names the widget code in a script tag (which would hold up the page or the
    theme's deferred scripts); pages with widgets load it from a small loader instead."""
    with_widgets = 0
    for page in site_pages():
        text = page.read_text(encoding="utf-8")
        assert not WIDGET_SCRIPTS.findall(text), page
        if "application/vnd.jupyter.widget-state+json" in text:
            with_widgets += 1
            assert LOADER in text, f"{page} has widgets but no loader for their code"
        else:
            assert LOADER not in text, f"{page} loads the widget manager but has no widgets"
    assert with_widgets >= 10


def test_widget_page_is_painted_before_the_widget_code_arrives(browser: object, site_url: str) -> None:
    held: list[object] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.route("**/html-manager/embed-amd.js*", lambda route: held.append(route))
    try:
        tab.goto(f"{site_url}/{WIDGET_PAGE}", wait_until="commit")
        tab.wait_for_function(
            "performance.getEntriesByType('paint').some(e => e.name === 'first-contentful-paint')", timeout=30_000
        )
        assert tab.locator("article h1").first.is_visible()
        # The theme's scripts did not wait for the widget code either: the menu button works.
        tab.wait_for_function("document.documentElement.dataset.theme === 'light'", timeout=30_000)
        assert held, "the page did not ask for the widget manager"
        for route in held:
            route.continue_()
        tab.wait_for_selector(".widget-subarea .lm-Widget", timeout=30_000)
    finally:
        context.close()
