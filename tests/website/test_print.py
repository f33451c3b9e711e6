"""Paper: the print style sheet (tables fit the page, exercises print with their questions),
one day's session plan printed on its own, PDFs printed by the system's Chromium, and the
facilitator edition (every exercise's answer; linked from facilitators' pages only)."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.website.conftest import site_pages, wait_until_ready

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


# ---- The facilitator edition: the same pages with every exercise's answer (academy-edition.js).
BANNER = "Facilitator edition: contains answers"
DAYS = [f"day{n}" for n in range(1, 6)]


def _keys(page: Path) -> list[dict]:
    """The answer keys embedded in a built page's saved widget state (the engine's own keys)."""
    text = page.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', text, re.S)
    if not found:
        return []
    keys = []
    for model in json.loads(found.group(1))["state"].values():
        value = model["state"].get("value")
        if isinstance(value, str) and "academy-key" in value:
            for raw in re.findall(r'class="academy-key" hidden data-key="([^"]*)"', value):
                keys.append(json.loads(html.unescape(raw)))
    return keys


def _words(text: str) -> str:
    """Text with single spaces and ligatures as letters (a PDF's text has "ﬁ" for "fi")."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _right_notes(built_site: Path, day: str) -> list[str]:
    """The first words of each right option's note in the day's multiple-choice exercises."""
    notes = []
    for page in sorted((built_site / "modules").glob(f"{day}-*/*.html")):
        for key in _keys(page):
            if key["kind"] == "choice":
                notes += [
                    " ".join(note.split()[:6]) for label, note in key["options"] if label in key["answer"] and note
                ]
    return notes


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return _words(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def test_facilitator_edition_shows_every_answer_in_the_browser(paper: object, site_url: str) -> None:
    paper.goto(f"{site_url}/{EXERCISE_PAGE}#facilitator-edition")
    wait_until_ready(paper)
    paper.emulate_media(media="print")
    assert paper.locator(".academy-edition-banner").inner_text() == BANNER
    exercises = paper.locator(".academy-exercise")
    assert exercises.count() > 0
    for index in range(exercises.count()):
        answer = exercises.nth(index).locator(".academy-facilitator-answer")
        assert answer.is_visible(), f"exercise {index} prints no answer in the facilitator edition"
        assert answer.inner_text().startswith("Answer:")
    assert paper.locator("details.academy-answer:not([open])").count() == 0
    # The participants' page, at its own address, shows none of it.
    paper.goto(f"{site_url}/{EXERCISE_PAGE}")
    wait_until_ready(paper)
    assert paper.locator(".academy-edition-banner, .academy-facilitator-answer").count() == 0


@pytest.mark.parametrize("day", DAYS)
def test_facilitator_pdf_has_the_answers_and_the_participants_pdf_does_not(built_site: Path, day: str) -> None:
    notes = _right_notes(built_site, day)
    facilitator = _pdf_text(built_site / "pdf" / f"commissioning-academy-{day}-facilitator.pdf")
    participant = _pdf_text(built_site / "pdf" / f"commissioning-academy-{day}.pdf")
    assert facilitator.startswith(BANNER) or BANNER in facilitator[:400], facilitator[:400]
    assert BANNER not in participant
    assert "Answer:" in facilitator and "Answer:" not in participant
    if notes:  # the right answers' notes, word for word from the answer keys
        missing = [note for note in notes if note not in facilitator]
        assert len(missing) <= len(notes) // 5, f"{len(missing)} of {len(notes)} answers missing: {missing[:3]}"
        shown = [note for note in notes if note in participant]
        assert not shown, f"the participants' PDF gives answers away: {shown[:3]}"


def test_facilitator_pdfs_are_linked_from_facilitators_pages_only(built_site: Path) -> None:
    linked: dict[str, list[str]] = {}
    for page in site_pages():
        for href in re.findall(r'href="([^"]*-facilitator\.pdf)"', page.read_text(encoding="utf-8")):
            linked.setdefault(page.relative_to(built_site).as_posix(), []).append(href)
            assert (page.parent / href).resolve().is_file(), f"{page.name} links a missing {href}"
    assert linked, "no page links the facilitator editions"
    assert all(page.startswith("modules/facilitators/") for page in linked), sorted(linked)
    assert {Path(href).name for hrefs in linked.values() for href in hrefs} >= {
        f"commissioning-academy-{day}-facilitator.pdf" for day in DAYS
    }
