"""Getting around the built site: on a phone (390 px) and a laptop (1280 px), from any page.

pydata-sphinx-theme 0.17 binds only the first "Site navigation" and "On this page" buttons
(in a top bar the book theme hides), so the visible ones did nothing (its issue 2451);
``exercises/site_static/academy-nav.js`` passes their clicks on. These tests click the
buttons a reader sees.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml

from tests.conftest import REPO
from tests.website.conftest import wait_until_ready

LESSON = "modules/day1-outcomes-and-systems/03-outcomes-not-outputs.html"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}
VISIBLE_COUNT = """(selector) => Array.from(document.querySelectorAll(selector)).filter(el => {
  const box = el.getBoundingClientRect(), style = getComputedStyle(el);
  return box.width > 0 && box.height > 0 && style.visibility !== "hidden";
}).length"""


@pytest.fixture
def tab(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    context = browser.new_context(viewport=getattr(request, "param", PHONE), color_scheme="light")
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def open_page(tab: object, site_url: str, path: str) -> None:
    tab.goto(f"{site_url}/{path}")
    wait_until_ready(tab)


def visible_button(tab: object, kind: str) -> object:
    """The one ``.primary-toggle`` / ``.secondary-toggle`` a reader can see."""
    buttons = tab.locator(f".{kind}:visible")
    assert buttons.count() == 1, f"expected one visible {kind} button, found {buttons.count()}"
    return buttons.first


def test_phone_site_navigation_opens_and_leads_to_another_page(tab: object, site_url: str) -> None:
    open_page(tab, site_url, LESSON)
    visible_button(tab, "primary-toggle").click()
    drawer = tab.locator("dialog#pst-primary-sidebar-modal")
    drawer.wait_for(state="visible", timeout=10_000)
    link = drawer.get_by_role("link", name="Day 2: Co-production, place-based working and using data")
    assert link.is_visible(), "the navigation drawer does not list Day 2"
    link.click()
    tab.wait_for_url("**/day2-coproduction-place-and-data/index.html", timeout=15_000)


def test_phone_drawer_closes_with_escape_and_gives_focus_back(tab: object, site_url: str) -> None:
    open_page(tab, site_url, LESSON)
    button = visible_button(tab, "primary-toggle")
    button.click()
    drawer = tab.locator("dialog#pst-primary-sidebar-modal")
    drawer.wait_for(state="visible", timeout=10_000)
    tab.keyboard.press("Escape")
    drawer.wait_for(state="hidden", timeout=10_000)
    assert tab.evaluate("document.activeElement.classList.contains('primary-toggle')"), "focus was not returned"
    # The sidebar's links went back to the page's own sidebar when the drawer closed.
    assert tab.locator("#pst-primary-sidebar nav a").count() > 10


def test_phone_page_contents_opens(tab: object, site_url: str) -> None:
    open_page(tab, site_url, LESSON)
    visible_button(tab, "secondary-toggle").click()
    drawer = tab.locator("dialog#pst-secondary-sidebar-modal")
    drawer.wait_for(state="visible", timeout=10_000)
    assert drawer.get_by_role("link", name="Overview").is_visible()


@pytest.mark.parametrize("tab", [LAPTOP], indirect=True)
def test_laptop_menu_button_folds_the_sidebar_away_and_back(tab: object, site_url: str) -> None:
    open_page(tab, site_url, LESSON)
    sidebar = tab.locator("#pst-primary-sidebar")
    assert sidebar.is_visible()
    button = visible_button(tab, "primary-toggle")
    button.click()
    sidebar.wait_for(state="hidden", timeout=10_000)
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    sidebar.wait_for(state="visible", timeout=10_000)
    assert button.get_attribute("aria-expanded") == "true"


@pytest.mark.parametrize("tab", [PHONE, LAPTOP], indirect=True)
def test_one_search_box(tab: object, site_url: str) -> None:
    open_page(tab, site_url, LESSON)
    assert tab.evaluate(VISIBLE_COUNT, ".search-button__button") == 1
    tab.locator(".search-button__button:visible").click()
    field = tab.locator("#pst-search-dialog input[name=q]")
    field.wait_for(state="visible", timeout=10_000)
    field.fill("outcomes")
    field.press("Enter")
    tab.wait_for_url("**/search.html?q=outcomes*", timeout=15_000)


def test_maintainers_pages_are_out_of_the_readers_parts() -> None:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    where = {chapter["file"]: part["caption"] for part in toc["parts"] for chapter in part["chapters"]}
    assert where["modules/reference/benchmarks"] == "For maintainers"
    assert where["modules/authors/writing-exercises"] == "For maintainers"
    assert list(where.values())[-1] == "For maintainers", "the maintainers' part must come last"


@pytest.mark.parametrize("tab", [LAPTOP], indirect=True)
def test_logo_and_favicon_load(tab: object, site_url: str) -> None:
    failed: list[str] = []
    tab.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    open_page(tab, site_url, "index.html")
    icon = tab.locator("link[rel=icon]").get_attribute("href")
    assert icon and icon.endswith(".svg"), icon
    response = tab.request.get(f"{site_url}/{icon}")
    assert response.ok and b"<svg" in response.body()
    assert tab.evaluate("document.querySelector('.navbar-brand img').naturalWidth") > 0
    assert tab.locator(".navbar-brand img").first.get_attribute("alt")
    assert not failed, f"requests that failed: {failed}"


@pytest.mark.parametrize("tab", [PHONE, LAPTOP], indirect=True)
def test_landing_page_shows_the_five_days_as_cards(tab: object, site_url: str) -> None:
    open_page(tab, site_url, "index.html")
    cards = tab.locator(".academy-days .sd-card")
    assert cards.count() == 5
    for day in range(1, 6):
        assert cards.nth(day - 1).is_visible()
        assert f"Day {day}" in cards.nth(day - 1).inner_text()
    cards.nth(2).click()
    tab.wait_for_url("**/day3-funding-value-and-impact/index.html", timeout=15_000)
