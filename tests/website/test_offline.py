"""The published site makes no request to any host but its own, and widgets still render."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.website.conftest import HTML, site_pages

PAGES = [page.relative_to(HTML).as_posix() for page in site_pages()] if HTML.exists() else []


def test_site_has_pages(built_site) -> None:
    assert "index.html" in PAGES
    assert "modules/start-here.html" in PAGES


@pytest.mark.parametrize("page", PAGES)
def test_page_requests_only_its_own_host(page: str, site_url: str, browser) -> None:
    requests: list[str] = []
    failed: list[str] = []
    tab = browser.new_page()
    tab.on("request", lambda request: requests.append(request.url))
    tab.on("requestfailed", lambda request: failed.append(request.url))
    tab.goto(f"{site_url}/{page}", wait_until="networkidle")
    tab.close()
    foreign = [url for url in requests if urlparse(url).hostname not in ("127.0.0.1", None)
               and not url.startswith(("data:", "blob:", "about:"))]
    assert foreign == [], f"{page} asked other hosts for: {foreign}"
    assert failed == [], f"{page} has requests that failed: {failed}"


def test_widgets_render_from_saved_state(site_url: str, browser) -> None:
    tab = browser.new_page()
    tab.goto(f"{site_url}/modules/start-here.html", wait_until="networkidle")
    exercise = tab.locator(".academy-exercise").first
    exercise.wait_for(state="visible", timeout=15_000)
    controls = exercise.locator("select")
    controls.first.wait_for(state="visible", timeout=15_000)
    text, count = exercise.inner_text(), controls.count()
    tab.close()
    assert "How confident do you feel today?" in text
    assert count == 3  # one rating per statement, drawn by the vendored widget manager
