"""Paper: the print style sheet (tables fit the page, exercises print with their questions),
one day's session plan printed on its own, and PDFs printed by the system's Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.website.conftest import wait_until_ready

A4_WIDTH = 794  # px at 96 dpi
TABLE_PAGE = "modules/day3-funding-value-and-impact/05-commissioning-simulation.html"
EXERCISE_PAGE = "modules/day1-outcomes-and-systems/03-outcomes-not-outputs.html"
PLANS = "modules/facilitators/session-plans.html"


@pytest.fixture
def paper(browser: object) -> Iterator[object]:
    """A tab the width of A4 paper, showing pages as they print."""
    context = browser.new_context(viewport={"width": A4_WIDTH, "height": 1123})
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


def show_printed(tab: object, site_url: str, path: str) -> None:
    tab.goto(f"{site_url}/{path}")
    wait_until_ready(tab)
    tab.emulate_media(media="print")


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def test_tables_fit_the_paper(paper: object, site_url: str) -> None:
    show_printed(paper, site_url, TABLE_PAGE)
    overflow = paper.evaluate(
        """() => Array.from(document.querySelectorAll("article table"))
             .filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                          || t.scrollWidth > t.getBoundingClientRect().width + 1)
             .map(t => (t.querySelector("caption") || t).textContent.trim().slice(0, 60))"""
    )
    assert paper.locator("article table").count() > 0
    assert not overflow, f"tables cut off at the margin: {overflow}"


def test_exercises_print_with_their_questions(paper: object, site_url: str) -> None:
    show_printed(paper, site_url, EXERCISE_PAGE)
    exercises = paper.locator(".academy-exercise")
    assert exercises.count() > 0
    for index in range(exercises.count()):
        panel = exercises.nth(index)
        assert panel.is_visible()
        words = panel.inner_text().strip()
        assert len(words) > 40, f"exercise {index} prints almost empty: {words!r}"
    options = paper.locator(".academy-exercise .widget-radio-box label")
    assert options.count() == 0 or options.first.is_visible()
    assert paper.locator(".academy-exercise button:visible").count() == 0, "buttons are useless on paper"
    assert paper.locator(".bd-sidebar-primary:visible, .bd-header-article:visible").count() == 0


def test_each_days_session_plan_prints_on_its_own(paper: object, site_url: str) -> None:
    paper.goto(f"{site_url}/{PLANS}")
    wait_until_ready(paper)
    buttons = paper.locator("button.academy-print-day")
    assert [buttons.nth(i).inner_text() for i in range(buttons.count())] == [
        f"Print Day {day}'s plan" for day in range(1, 6)
    ]
    whole = pdf_pages(paper.pdf(format="A4", print_background=True))
    paper.evaluate("() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }")
    buttons.nth(1).click()
    assert paper.evaluate("window.__printed") == 1
    paper.emulate_media(media="print")
    shown = paper.evaluate(
        """() => Array.from(document.querySelectorAll("section[id^='day-']"))
             .filter(s => s.getBoundingClientRect().height > 0).map(s => s.id.slice(0, 5))"""
    )
    assert shown == ["day-2"], shown
    day = pdf_pages(paper.pdf(format="A4", print_background=True))
    assert 1 <= day < whole / 2, f"Day 2 alone: {day} pages; the whole plan: {whole}"
    # After printing, the page shows every day again.
    paper.evaluate("window.dispatchEvent(new Event('afterprint'))")
    paper.emulate_media(media="screen")
    assert paper.locator("body.academy-print-one").count() == 0
