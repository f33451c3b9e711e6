"""Layout that holds at a laptop's width (1280 px) and a phone's (390 px): multiple-choice
options, charts, wide tables and the exercise panels in dark mode."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.website.conftest import HTML, site_pages, wait_until_ready

WIDTHS = {"laptop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
EXERCISE_PAGES = sorted(
    page.relative_to(HTML).as_posix()
    for page in (site_pages() if HTML.exists() else [])
    if "widget-radio-box" in page.read_text(encoding="utf-8") or "academy-chart" in page.read_text(encoding="utf-8")
)
TABLE_PAGES = [
    "modules/reference/benchmarks.html",  # wider than a phone: must scroll, with the cue
    "modules/reference/course-map.html",
    "modules/day3-funding-value-and-impact/05-commissioning-simulation.html",
]

# For each radio option: where its button is against the first line of its own text.
RADIO_PLACES = """() => Array.from(document.querySelectorAll(".widget-radio-box label")).map(label => {
  const input = label.querySelector("input[type=radio]");
  const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node && !node.textContent.trim()) node = walker.nextNode();
  if (!input || !node) return {text: label.textContent.trim(), ok: false, why: "no button or no text"};
  const range = document.createRange(); range.selectNodeContents(node);
  const line = range.getClientRects()[0], box = input.getBoundingClientRect();
  const lineMiddle = line.top + line.height / 2, boxMiddle = box.top + box.height / 2;
  return {text: node.textContent.trim().slice(0, 60), ok: Math.abs(lineMiddle - boxMiddle) <= line.height / 2 + 4
    && box.right <= line.left + 1, why: `button middle ${boxMiddle.toFixed(0)}, first line middle ${lineMiddle.toFixed(0)}`};
})"""

# The smallest text in each chart as drawn on screen: the SVG's font sizes are in its own
# units (its viewBox), scaled by the image's shown width over the viewBox's width.
CHART_TEXT = """() => Array.from(document.querySelectorAll("img.academy-chart")).map(img => {
  const svg = atob(img.src.split(",")[1]);
  const view = /viewBox="[\\d.]+ [\\d.]+ ([\\d.]+)/.exec(svg);
  const sizes = Array.from(svg.matchAll(/font[^;"]*?([\\d.]+)px/g), m => parseFloat(m[1]));
  return {alt: img.alt.slice(0, 60), smallest: Math.min(...sizes) * img.getBoundingClientRect().width / parseFloat(view[1])};
})"""


@pytest.fixture(params=list(WIDTHS), scope="module")
def tab(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    context = browser.new_context(viewport=WIDTHS[request.param], color_scheme="light")
    context.add_init_script("localStorage.setItem('theme', 'light'); localStorage.setItem('mode', 'light');")
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def show(tab: object, site_url: str, path: str) -> None:
    tab.goto(f"{site_url}/{path}")
    wait_until_ready(tab)


def test_there_are_pages_to_check() -> None:
    assert len(EXERCISE_PAGES) >= 10, EXERCISE_PAGES


@pytest.mark.parametrize("path", EXERCISE_PAGES)
def test_radio_buttons_sit_beside_their_own_option(tab: object, site_url: str, path: str) -> None:
    show(tab, site_url, path)
    wrong = [place for place in tab.evaluate(RADIO_PLACES) if not place["ok"]]
    assert not wrong, f"options whose radio button is not beside their first line: {wrong}"


@pytest.mark.parametrize("path", EXERCISE_PAGES)
def test_chart_text_is_at_least_11_px(tab: object, site_url: str, path: str) -> None:
    show(tab, site_url, path)
    small = [chart for chart in tab.evaluate(CHART_TEXT) if chart["smallest"] < 11]
    assert not small, f"charts with text under 11 px: {small}"


@pytest.mark.parametrize("path", TABLE_PAGES)
def test_wide_tables_scroll_with_a_visible_cue(tab: object, site_url: str, path: str) -> None:
    show(tab, site_url, path)
    tab.wait_for_timeout(400)  # the cue is added a moment after the last widget is drawn
    boxes = tab.evaluate(
        """() => Array.from(document.querySelectorAll("article table")).map(table => {
          const box = table.closest(".academy-table-scroll");
          const cue = box && box.previousElementSibling;
          return {wide: table.getBoundingClientRect().width > (box || table.parentElement).clientWidth + 1,
                  boxed: !!box, scrolls: !!box && box.classList.contains("academy-scrolls"),
                  cue: !!cue && cue.classList.contains("academy-scroll-cue") && cue.getBoundingClientRect().height > 0,
                  keyboard: !!box && box.tabIndex === 0,
                  pageFits: document.documentElement.scrollWidth <= window.innerWidth + 1};
        })"""
    )
    assert boxes, f"{path} has no table"
    assert all(box["boxed"] for box in boxes)
    assert all(box["pageFits"] for box in boxes), "a table makes the whole page scroll sideways"
    for box in boxes:
        if box["wide"]:
            assert box["scrolls"] and box["cue"] and box["keyboard"], box
    if tab.viewport_size["width"] < 500 and path == TABLE_PAGES[0]:
        assert any(box["wide"] for box in boxes), "expected a table wider than a phone on this page"


def test_exercise_panels_are_dark_in_dark_mode(browser: object, site_url: str) -> None:
    context = browser.new_context(viewport=WIDTHS["laptop"], color_scheme="dark")
    context.add_init_script("localStorage.setItem('theme', 'dark'); localStorage.setItem('mode', 'dark');")
    tab = context.new_page()
    try:
        show(tab, site_url, EXERCISE_PAGES[0])
        colours = tab.evaluate(
            """() => Array.from(document.querySelectorAll(".academy-exercise")).map(panel => {
              const rgb = getComputedStyle(panel).backgroundColor.match(/\\d+/g).map(Number);
              return rgb.slice(0, 3).reduce((a, b) => a + b, 0) / 3;
            })"""
        )
        assert colours, "no exercise panel found"
        assert all(level < 80 for level in colours), f"panels not dark (mean RGB level): {colours}"
    finally:
        context.close()
