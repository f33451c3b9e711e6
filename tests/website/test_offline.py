"""The published site makes no request to any host but its own, and widgets still render."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.website.conftest import HTML, site_pages, wait_until_ready

PAGES = [page.relative_to(HTML).as_posix() for page in site_pages()] if HTML.exists() else []


def test_site_has_pages(built_site) -> None:
    assert "index.html" in PAGES
    assert "modules/start-here.html" in PAGES


@pytest.fixture(scope="session")
def tab(browser) -> Iterator[object]:
    """One tab for every page on a worker. The page's ``request`` events still report what the
    browser's cache serves, and each load starts with empty storage, as a first visit does."""
    context = browser.new_context()
    context.add_init_script("localStorage.clear(); sessionStorage.clear();")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("page", PAGES)
def test_page_requests_only_its_own_host(page: str, site_url: str, tab) -> None:
    requests: list[str] = []
    failed: list[str] = []

    def on_request(request) -> None:
        requests.append(request.url)

    def on_failure(request) -> None:
        failed.append(request.url)

    tab.on("request", on_request)
    tab.on("requestfailed", on_failure)
    try:
        tab.goto(f"{site_url}/{page}", wait_until="load")
        wait_until_ready(tab)  # widgets drawn: anything they fetch has been asked for
        try:
            tab.wait_for_load_state("networkidle")  # and nothing more for half a second
        except PlaywrightTimeout:
            pytest.fail(f"{page}: the page kept making requests; the last were {requests[-5:]}")
    finally:
        tab.remove_listener("request", on_request)
        tab.remove_listener("requestfailed", on_failure)
    foreign = [
        url
        for url in requests
        if urlparse(url).hostname not in ("127.0.0.1", None) and not url.startswith(("data:", "blob:", "about:"))
    ]
    assert foreign == [], f"{page} asked other hosts for: {foreign}"
    assert failed == [], f"{page} has requests that failed: {failed}"


def test_widgets_render_from_saved_state(site_url: str, browser) -> None:
    tab = browser.new_page()
    tab.goto(f"{site_url}/modules/start-here.html", wait_until="load")
    wait_until_ready(tab)
    exercise = tab.locator(".academy-exercise").first
    exercise.wait_for(state="visible")
    controls = exercise.locator("select")
    controls.first.wait_for(state="visible")
    text, count = exercise.inner_text(), controls.count()
    tab.close()
    assert "How confident do you feel today?" in text
    assert count == 3  # one rating per statement, drawn by the vendored widget manager
