"""On the built site, with no kernel, every exercise answers as in JupyterLab (issue 24).

Each exercise carries its answer key (``Exercise.site_key``); these tests read it back from
the page, answer the exercise right and wrong through the page's own controls, and require
on the page the feedback that ``exercises.checks`` gives for the same answer. Calculators
with a browser port are given new figures and must show the table Python works out. Answers
are kept after a reload, can be downloaded as Markdown and cleared, and no request leaves
127.0.0.1 on the way.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from exercises.checks import Feedback, check_choice, check_classification, check_number, check_reflection
from exercises.widgets.browser_ports import PORTS
from exercises.widgets.markup import _cell
from tests.website.conftest import HTML, site_pages, wait_until_ready

AUTHORS = "modules/authors/writing-exercises.html"
# Every exercise set up by the page's engine (calculators once their port has loaded).
ALL_STARTED = """() => {
  const boxes = document.querySelectorAll('.academy-exercise');
  return boxes.length > 0 && Array.from(boxes).every(b => b.hasAttribute('data-academy-ready'));
}"""


def _pages_with_exercises() -> list[str]:
    if not HTML.exists():
        return []
    return [
        page.relative_to(HTML).as_posix()
        for page in site_pages()
        if "academy-exercise" in page.read_text(encoding="utf-8", errors="replace")
    ]


PAGES = _pages_with_exercises()


@pytest.fixture
def tab(browser) -> Iterator[Any]:
    """A fresh tab with empty storage that records every request it makes."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def _open(tab: Any, site_url: str, page: str) -> None:
    tab.goto(f"{site_url}/{page}", wait_until="load")
    wait_until_ready(tab)
    try:
        tab.wait_for_function(ALL_STARTED, timeout=30_000)
    except Exception:
        pytest.fail(f"{page}: not every exercise was set up by the browser engine within 30 s")


def _keys(tab: Any) -> list[dict[str, Any]]:
    return tab.evaluate(
        "() => Array.from(document.querySelectorAll('.academy-exercise')).map("
        "b => JSON.parse(b.querySelector('.academy-key').getAttribute('data-key')))"
    )


def _feedback_lines(feedback: Feedback) -> list[str]:
    return [f"{feedback.headline}. {feedback.message}"] + [f"{k}: {v}" for k, v in feedback.notes.items()]


def _assert_shows(box: Any, feedback: Feedback, where: str) -> None:
    area = box.locator(".academy-feedback-area .academy-feedback")
    area.first.wait_for(state="visible", timeout=10_000)
    text = " ".join(area.first.inner_text().split())
    for line in _feedback_lines(feedback):
        assert " ".join(line.split()) in text, f"{where}: expected {line!r} in the feedback, got {text!r}"


def _answer(box: Any, key: dict[str, Any], right: bool) -> Feedback:
    """Answer one exercise through its controls; the feedback Python gives for that answer."""
    kind = key["kind"]
    if kind == "choice":
        options = [label for label, _ in key["options"]]
        wrong = [o for o in options if o not in key["answer"]]
        chosen = list(key["answer"]) if right else wrong[:1]
        inputs = box.locator("input[type=checkbox]" if key["multiple"] else "input[type=radio]")
        for index, option in enumerate(options):
            if option in chosen:
                inputs.nth(index).check()
            elif key["multiple"]:
                inputs.nth(index).uncheck()
        box.locator(":scope > button").click()
        answer = key["answer"] if key["multiple"] else key["answer"][0]
        selected: Any = chosen if key["multiple"] else chosen[0]
        return check_choice(selected, dict(key["options"]), answer)
    if kind == "number":
        value = key["answer"] if right else key["answer"] * 2 + 7
        text = {"£": f"£{value!r}", "%": f"{value!r}%"}.get(key["unit"] or "", repr(value))
        field = box.locator("input[type=text]")
        field.fill(text)
        field.press("Enter")
        return check_number(
            text,
            key["answer"],
            unit=key["unit"],
            tolerance=key["tolerance"],
            relative_tolerance=key["relative_tolerance"],
        )
    if kind == "classify":
        placements = {}
        for index, (item, accepted) in enumerate(key["items"]):
            wrong = [c for c in key["categories"] if c not in accepted]
            category = accepted[0] if right or not wrong else wrong[0]
            box.locator("select").nth(index).select_option(label=category)
            placements[item] = category
        box.locator(":scope > button").click()
        return check_classification(placements, dict(key["items"]), key["item_feedback"])
    raise AssertionError(kind)


KEYED = [
    p
    for p in PAGES
    if any(f"academy-{k}" in (HTML / p).read_text(encoding="utf-8") for k in ("choice", "number", "classify"))
]


@pytest.mark.parametrize("page", KEYED)
def test_every_exercise_gives_jupyterlab_feedback(page: str, site_url: str, tab) -> None:
    _open(tab, site_url, page)
    keys = _keys(tab)
    boxes = tab.locator(".academy-exercise")
    checked = 0
    for index, key in enumerate(keys):
        if key["kind"] not in ("choice", "number", "classify"):
            continue
        box = boxes.nth(index)
        box.scroll_into_view_if_needed()
        for right in (False, True):
            feedback = _answer(box, key, right)
            assert feedback.status != "invalid"
            _assert_shows(box, feedback, f"{page} {key['id']} ({'right' if right else 'wrong'} answer)")
        checked += 1
    foreign = [url for url in tab.requests if urlparse(url).hostname not in ("127.0.0.1", None)]
    assert foreign == [], f"{page} asked other hosts for: {foreign}"
    assert checked > 0, f"{page} has no exercise with an answer key"


def test_answers_are_kept_downloaded_and_cleared(site_url: str, tab, tmp_path: Path) -> None:
    _open(tab, site_url, AUTHORS)
    keys = _keys(tab)
    boxes = tab.locator(".academy-exercise")
    kinds = [k["kind"] for k in keys]
    choice = kinds.index("choice")
    _answer(boxes.nth(choice), keys[choice], right=True)
    scale_box = boxes.nth(kinds.index("scale"))
    scale_box.locator("select").nth(0).select_option(index=4)
    scale_box.locator("select").nth(1).select_option(index=2)
    scale_box.locator(":scope > button").click()
    chart = scale_box.locator("svg.academy-ratings-chart")
    chart.wait_for(state="visible", timeout=10_000)
    statements = keys[kinds.index("scale")]["statements"]
    label = chart.get_attribute("aria-label") or ""
    assert f"{statements[0]}: 4" in label and f"{statements[1]}: 2" in label, label
    reflect_box = boxes.nth(kinds.index("reflect"))
    reflection = "We buy home care as if it were simple."
    reflect_box.locator("textarea").fill(reflection)
    reflect_box.locator(":scope > button").click()
    expected = check_reflection(reflection, min_words=keys[kinds.index("reflect")]["min_words"])
    _assert_shows(reflect_box, expected, "reflection")
    guidance = reflect_box.locator("details.academy-answer")
    guidance.locator("summary").click()
    assert guidance.locator(".academy-answer-body").is_visible()

    tab.reload(wait_until="load")
    wait_until_ready(tab)
    tab.wait_for_function(ALL_STARTED, timeout=30_000)
    boxes = tab.locator(".academy-exercise")
    assert "You answered this at" in boxes.nth(choice).locator(".academy-feedback-area").inner_text()
    answer = keys[choice]["answer"][0]
    options = [o for o, _ in keys[choice]["options"]]
    kept = boxes.nth(choice).locator("input").nth(options.index(answer))
    assert kept.is_checked(), "the chosen answer was not put back after a reload"
    assert boxes.nth(kinds.index("reflect")).locator("textarea").input_value().startswith("We buy home care")
    assert boxes.nth(kinds.index("scale")).locator("select").nth(0).evaluate("s => s.selectedIndex") == 4

    with tab.expect_download(timeout=15_000) as download_info:
        tab.get_by_role("button", name="Download my answers").click()
    saved = tmp_path / "answers.md"
    download_info.value.save_as(saved)
    markdown = saved.read_text(encoding="utf-8")
    assert markdown.startswith("# My answers")
    assert answer in markdown and "We buy home care as if it were simple." in markdown
    assert f"- {statements[0]}: 4" in markdown

    tab.get_by_role("button", name="Clear my answers").click()
    tab.get_by_role("button", name="Yes, clear my answers").click()
    assert "cleared" in tab.locator(".academy-answers-status").inner_text()
    tab.reload(wait_until="load")
    wait_until_ready(tab)
    tab.wait_for_function(ALL_STARTED, timeout=30_000)
    assert tab.evaluate("() => localStorage.getItem('commissioning-academy-answers')") is None
    assert not tab.locator(".academy-exercise").nth(choice).locator("input").nth(options.index(answer)).is_checked()
    foreign = [url for url in tab.requests if urlparse(url).hostname not in ("127.0.0.1", None)]
    assert foreign == [], f"requests left the site: {foreign}"


def _calculator_pages() -> list[str]:
    """Pages with a calculator that runs in the browser (its key names a port)."""
    marker = "&quot;port&quot;: {&quot;name&quot;"  # the key's JSON, escaped in the saved widget state
    return [page for page in PAGES if marker in (HTML / page).read_text(encoding="utf-8", errors="replace")]


def _bound(port: dict[str, Any]) -> tuple[Any, ...]:
    """The figures a page binds to its compute function with functools.partial, from the port's constants."""
    constants = port["constants"]
    if port["name"] == "simulation_pair":
        from exercises.lessons.simulation import Parameters

        return (Parameters(**constants["parameters"]),)
    if port["name"] == "split_growth":
        return tuple(constants[name] for name in ("spend_first", "spend_last", "activity_first", "activity_last"))
    return ()


def _python_rows(port: dict[str, Any], values: dict[str, Any]) -> list[list[str]]:
    """The result table Python shows for these values, as rows of cell texts."""
    compute = next(_function(qualified) for qualified, known in PORTS.items() if known.name == port["name"])
    compute = functools.partial(compute, *_bound(port))
    result = compute(**values)
    if hasattr(result, "columns"):
        rows = [["", *map(str, result.columns)]]  # pandas' header row
        return rows + [[str(i), *(html.unescape(_cell(float(v))) for v in result.loc[i])] for i in result.index]
    return [[label, html.unescape(_cell(value))] for label, value in result.items()]


def _function(qualified: str) -> Any:
    import importlib

    module, name = qualified.split(":", 1)
    return getattr(importlib.import_module(module), name)


@pytest.mark.parametrize("page", _calculator_pages())
def test_calculators_recompute_in_the_browser(page: str, site_url: str, tab) -> None:
    _open(tab, site_url, page)
    keys = _keys(tab)
    boxes = tab.locator(".academy-exercise")
    ported = [(i, k) for i, k in enumerate(keys) if k["kind"] == "calculator" and k.get("port")]
    assert ported, f"{page} has no calculator with a browser port"
    for index, key in ported:
        box = boxes.nth(index)
        fields = box.locator(":scope > .academy-stacked").locator("input, select")
        before = box.locator(".academy-result-area").inner_html()
        charts = 1 if ("<svg" in before or "<img" in before) else 0  # as Python drew it at build time
        initial = _table_text(box)  # drawn by the page's own Python function when the site was built
        for position, spec in enumerate(key["inputs"]):
            field = fields.nth(position)
            count = int(box.get_attribute("data-academy-computed") or 0)
            if spec["options"]:  # a drop-down list: choose another option
                new_text = [o for o in spec["options"] if o != spec["start"]][-1]
                field.select_option(label=new_text)
            else:
                new_text = _changed(spec)
                field.fill(new_text)
                field.press("Enter")
            tab.wait_for_function(
                "([i, n]) => +(document.querySelectorAll('.academy-exercise')[i]"
                ".getAttribute('data-academy-computed') || 0) > n",
                arg=[index, count],
                timeout=10_000,
            )
            values = {s["name"]: _read(s, f.input_value()) for s, f in _fields(key, fields)}
            expected = _python_rows(key["port"], values)
            shown = _table_text(box)
            assert shown == expected, f"{page} {key['id']}: after {spec['label']} = {new_text}"
            assert box.locator(".academy-result-area svg.academy-calculator-chart").count() == charts
        after = box.locator(".academy-result-area").inner_html()
        assert after != before, f"{page} {key['id']}: the results did not change"
        # "Put back the starting figures": the browser's table must be the one Python drew at build time.
        count = int(box.get_attribute("data-academy-computed") or 0)
        box.locator(":scope > button").click()
        tab.wait_for_function(
            "([i, n]) => +(document.querySelectorAll('.academy-exercise')[i]"
            ".getAttribute('data-academy-computed') || 0) > n",
            arg=[index, count],
            timeout=10_000,
        )
        assert _table_text(box) == initial, f"{page} {key['id']}: the port differs from the page's function"
        assert "The results below use your figures" in box.locator(".academy-feedback-area").inner_text()
    foreign = [url for url in tab.requests if urlparse(url).hostname not in ("127.0.0.1", None)]
    assert foreign == [], f"{page} asked other hosts for: {foreign}"


SIMULATION = "modules/day3-funding-value-and-impact/05-commissioning-simulation.html"


def test_the_simulation_follows_the_readers_choices(site_url: str, tab) -> None:
    """Issue 24's report: choose "Front-loaded", type £250,000, and the table and chart must follow."""
    _open(tab, site_url, SIMULATION)
    keys = _keys(tab)
    index = next(i for i, k in enumerate(keys) if k["id"] == "d3-simulation")
    key, box = keys[index], tab.locator(".academy-exercise").nth(index)
    fields = dict(
        zip(
            [s["name"] for s in key["inputs"]],
            [f for _, f in _fields(key, box.locator(":scope > .academy-stacked").locator("input, select"))],
            strict=True,
        )
    )
    chart_before = box.locator("svg").first.inner_html() if box.locator("svg").count() else ""
    for name, text in (
        ("strategy_a", "Front-loaded"),
        ("amount_a", "£250,000"),
        ("uncertainty", "Yes"),
        ("seed", "42"),
    ):
        count = int(box.get_attribute("data-academy-computed") or 0)
        if key["inputs"][list(fields).index(name)]["options"]:
            fields[name].select_option(label=text)
        else:
            fields[name].fill(text)
            fields[name].press("Enter")
        tab.wait_for_function(
            "([i, n]) => +(document.querySelectorAll('.academy-exercise')[i]"
            ".getAttribute('data-academy-computed') || 0) > n",
            arg=[index, count],
            timeout=10_000,
        )
    values = {
        s["name"]: _read(s, f.input_value())
        for s, f in _fields(key, box.locator(":scope > .academy-stacked").locator("input, select"))
    }
    assert values["strategy_a"] == "Front-loaded" and values["amount_a"] == 250_000 and values["seed"] == 42
    shown = _table_text(box)
    assert shown[0][1] == "A: Front-loaded", f"the table's first column is {shown[0][1]!r}"
    assert shown == _python_rows(key["port"], values)
    chart = box.locator(".academy-result-area svg.academy-calculator-chart")
    assert chart.count() == 1 and "A: Front-loaded" in (chart.get_attribute("aria-label") or "")
    assert chart.inner_html() != chart_before
    foreign = [url for url in tab.requests if urlparse(url).hostname not in ("127.0.0.1", None)]
    assert foreign == [], f"requests left the site: {foreign}"


def _table_text(box: Any) -> list[list[str]]:
    return box.locator(".academy-result-area table").evaluate(
        "t => Array.from(t.rows).map(r => Array.from(r.cells).map(c => c.textContent.trim()))"
    )


def _fields(key: dict[str, Any], fields: Any) -> list[tuple[dict[str, Any], Any]]:
    return [(spec, fields.nth(i)) for i, spec in enumerate(key["inputs"])]


def _read(spec: dict[str, Any], text: str) -> Any:
    from exercises.widgets.calculator import Input

    start: Any = spec["start"]
    if spec["options"] is None:
        from exercises.numbers import parse_number

        start = parse_number(start).value
        start = int(start) if spec["whole"] else float(start)
    return Input(spec["label"], start, spec["unit"], spec["minimum"], spec["maximum"], spec["options"]).read(text)


def _changed(spec: dict[str, Any]) -> str:
    """A new figure inside the input's limits, as a reader would type it."""
    from exercises.numbers import format_number, parse_number

    start = parse_number(spec["start"]).value
    low = spec["minimum"] if spec["minimum"] is not None else start - 10
    high = spec["maximum"] if spec["maximum"] is not None else start * 2 + 10
    target = start + (high - start) / 3 if start < high else (low + start) / 2
    target = round(target) if spec["whole"] else round(target, 1)
    return format_number(target, spec["unit"] if spec["unit"] in ("£", "%") else None)
