"""Fixtures for checks of the built site (``_build/html``), run by ``make test`` after the build."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, REPO

HTML = REPO / "_build" / "html"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.site)


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
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
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
        pytest.fail(f"Chromium is missing at {CHROMIUM}: install the Debian package 'chromium' "
                    "(.ci/run does) or set ACADEMY_CHROMIUM to a Chromium or Chrome executable.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()
