"""Fixtures for checks of the built site (``_build/html``), run by ``make test`` after the build."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, PATIENCE_MS, REPO, PatientBrowser

HTML = REPO / "_build" / "html"

# A page is ready to check once it has loaded, no CSS transition is still changing its colours,
# and every embedded widget view has been drawn. The vendored widget manager (html-manager)
# puts a div.widget-subarea before each view's <script> and draws the view's widget into it as
# an .lm-Widget element; a box is drawn when its element holds one drawn element per child
# model of the saved state, in order. (No page can pass this before the manager has run.)
# The manager loads only when a reader nears a widget (site_static/academy-widgets.js), so
# ``wait_until_ready`` first asks for it (LOAD_WIDGETS); the loader then reports
# <html data-academy-widgets="drawn">.
LOAD_WIDGETS = "() => { if (window.AcademyWidgets) window.AcademyWidgets.load(); }"
READY = """() => {
  if (document.readyState !== "complete") return false;
  if (document.getAnimations().some(a => a instanceof CSSTransition && a.playState === "running")) return false;
  const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]');
  if (views.length === 0) return true;
  if (document.documentElement.dataset.academyWidgets !== "drawn") return false;
  const saved = document.querySelector('script[type="application/vnd.jupyter.widget-state+json"]');
  if (!saved) return false;
  const models = JSON.parse(saved.textContent).state;
  const drawn = (id, el) => {
    if (!models[id] || !el || !el.classList.contains("lm-Widget")) return false;
    const children = models[id].state.children;
    if (!children) return true;  // not a box
    return el.children.length === children.length
      && children.every((child, i) => drawn(child.replace("IPY_MODEL_", ""), el.children[i]));
  };
  return Array.from(views).every(view => {
    const area = view.previousElementSibling;
    return area !== null && area.classList.contains("widget-subarea")
      && drawn(JSON.parse(view.textContent).model_id, area.firstElementChild);
  });
}"""
# Web fonts loaded and, on pages with maths, MathJax's first typesetting finished.
FONTS_AND_MATHS = """async () => {
  await document.fonts.ready;
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
}"""

# The build test takes far longer than any other: started first, it runs on one worker while
# the other works through the pages, instead of running alone at the end.
SLOWEST = ("test_private_folders_are_excluded_from_a_build",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.site)
    items.sort(key=lambda item: item.originalname not in SLOWEST)  # stable: the rest keep their order


def site_pages() -> list[Path]:
    """Every HTML page of the built site, the theme's template fragments and redirect stubs aside."""
    pages = []
    for page in sorted(HTML.rglob("*.html")):
        rel = page.relative_to(HTML)
        if rel.parts[0] in ("_static", "_sources", "_images") or rel.name in ("genindex.html", "search.html"):
            continue
        pages.append(page)
    return pages


@pytest.fixture(scope="session")
def built_site() -> Path:
    if not (HTML / "index.html").is_file():
        pytest.fail("The site has not been built: run `make site` first (make test does it).")
    return HTML


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Chromium (the system's); each ``new_page()`` or ``new_context()`` starts clean."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: install the Debian package 'chromium' "
            "(.ci/run does) or set ACADEMY_CHROMIUM to a Chromium or Chrome executable."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield PatientBrowser(chromium)
        finally:
            chromium.close()


def wait_until_ready(tab: object, timeout: float = PATIENCE_MS) -> None:
    """Wait until a page that has fired ``load`` is ready to check: widgets drawn, fonts and maths done."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        tab.wait_for_load_state("load", timeout=timeout)
        tab.evaluate(LOAD_WIDGETS)
        tab.wait_for_function(READY, timeout=timeout)
    except PlaywrightTimeout:
        state = tab.evaluate("() => document.documentElement.dataset.academyWidgets || 'no widget loader'")
        pytest.fail(
            f"{tab.url} was not ready within {timeout / 1000:.0f} s: a widget was not drawn "
            f"(widget code: {state}), or a colour transition did not end."
        )
    tab.evaluate(FONTS_AND_MATHS)
