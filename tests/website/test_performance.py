"""Light pages: what each page loads (sizes, not timings; benchmarks/bench_site.py and
benchmarks/bench_lighthouse.py measure speed).

- the start page weighs under 1 MB with everything it loads;
- no page loads the theme's 1.4 MB icon script (the icons are a small style sheet);
- only the search page loads the search index;
- the 3.5 MB widget manager is loaded only by pages with widgets, and only when the reader
  nears a widget (site_static/academy-widgets.js): a widget page is painted, and the theme's
  scripts run, without it; it is asked for once a widget is scrolled near, or on a first key press.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.conftest import PATIENCE_MS, REPO
from tests.website.conftest import site_pages

sys.path.insert(0, str(REPO / "benchmarks"))

WIDGET_PAGE = "modules/day3-funding-value-and-impact/05-commissioning-simulation.html"
WIDGET_SCRIPTS = re.compile(r"<script[^>]*src=\"[^\"]*(?:require\.js|html-manager/embed-amd\.js)[^\"]*\"[^>]*>")
LOADER = re.compile(r'<script defer="defer" src="[^"]*_static/academy-widgets\.js[^"]*"></script>')
WIDGET_CODE = ("/require.js", "/html-manager/embed-amd.js")


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
            assert LOADER.search(text), f"{page} has widgets but no loader for their code"
        else:
            assert not LOADER.search(text), f"{page} loads the widget manager but has no widgets"
    assert with_widgets >= 10


def _widget_code_requests(tab: object) -> list[str]:
    asked: list[str] = []
    tab.on(
        "request",
        lambda request: asked.append(request.url) if request.url.split("?")[0].endswith(WIDGET_CODE) else None,
    )
    return asked


def test_widget_code_loads_only_when_a_widget_nears_the_window(browser: object, site_url: str) -> None:
    """At 1280 by 900 the page is painted, its theme scripts run and it has loaded, with the
    widget manager never asked for; each widget's place says it is loading. Scrolled to the
    first widget, the manager is fetched and every widget is drawn."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    asked = _widget_code_requests(tab)
    try:
        tab.goto(f"{site_url}/{WIDGET_PAGE}", wait_until="load")
        tab.wait_for_function(
            "performance.getEntriesByType('paint').some(e => e.name === 'first-contentful-paint')", timeout=PATIENCE_MS
        )
        assert tab.locator("article h1").first.is_visible()
        tab.wait_for_function("document.documentElement.dataset.theme === 'light'", timeout=PATIENCE_MS)
        tab.wait_for_timeout(1000)  # a moment for anything the page would fetch by itself
        first = tab.locator(".academy-widget-loading").first
        assert first.bounding_box()["y"] > 900 + 600, "the first widget is too near the top for this check"
        assert asked == [], f"the widget code was asked for before any widget was near: {asked}"
        assert tab.evaluate("document.documentElement.dataset.academyWidgets") == "waiting"
        notes = tab.locator(".academy-widget-loading")
        assert notes.count() == tab.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
        assert notes.first.get_attribute("aria-busy") == "true"
        assert "Loading" in notes.first.inner_text()
        first.scroll_into_view_if_needed()
        tab.wait_for_function("document.documentElement.dataset.academyWidgets === 'drawn'", timeout=PATIENCE_MS)
        assert sorted(url.split("?")[0].rsplit("/_static", 1)[1] for url in asked) == sorted(WIDGET_CODE)
        assert tab.locator(".widget-subarea .lm-Widget").first.is_visible()
        assert tab.locator(".academy-widget-loading").count() == 0, "loading notes left after drawing"
    finally:
        context.close()


def test_a_first_key_press_loads_the_widgets(browser: object, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    asked = _widget_code_requests(tab)
    try:
        tab.goto(f"{site_url}/{WIDGET_PAGE}", wait_until="load")
        assert tab.evaluate("document.documentElement.dataset.academyWidgets") == "waiting"
        assert asked == []
        tab.keyboard.press("Tab")
        tab.wait_for_function("document.documentElement.dataset.academyWidgets === 'drawn'", timeout=PATIENCE_MS)
        assert len(asked) == 2, asked
    finally:
        context.close()
