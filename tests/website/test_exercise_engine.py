"""The website's exercise engine gives the same results as the Python rules, in Chromium.

``exercises/site_static/academy-exercises.js`` applies on the website the rules of
``exercises.numbers`` and ``exercises.checks``. These tests run both on the same generated
answers (a seeded generator: hundreds for each rule) and require identical values, units,
messages and notes. They need no built site: the script is loaded into a blank page.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest

from exercises.checks import (
    Feedback,
    check_choice,
    check_classification,
    check_number,
    check_ratings,
    check_reflection,
)
from exercises.numbers import NumberFormatProblem, format_number, parse_number
from tests.conftest import REPO

ENGINE = REPO / "exercises" / "site_static" / "academy-exercises.js"
SEED = 24


@pytest.fixture(scope="module")
def engine(browser) -> Iterator[Any]:
    tab = browser.new_page()
    tab.set_content("<!doctype html><html><head><title>Engine</title></head><body></body></html>")
    tab.add_script_tag(path=str(ENGINE))
    tab.wait_for_function("() => typeof window.AcademyExercises === 'object'", timeout=15_000)
    yield tab
    tab.close()


def _number_texts(count: int) -> list[str]:
    """Numbers as people type them, right and wrong: signs, £, commas, decimals, words, junk."""
    rng = random.Random(SEED)
    digits = [
        "0",
        "7",
        "12",
        "350",
        "1200",
        "1,200",
        "12,00",
        "3,000,000",
        "1,234.5",
        "8.57",
        ".5",
        "5.",
        "0.125",
        "2.675",
        "1.005",
        "123456789012345678901234567890.5",
        "99999999999999999999999",
        "1.2.3",
        "1 200",
        "1.2e6",
        "00042",
        "4,5",
    ]
    before = ["", "", "£", "£ ", "-", "-£", "£-", "+", "\u2212", "\u2013", "GBP ", "gbp", "--", "+-£", "£+"]
    after = [
        "",
        "",
        "k",
        "m",
        "bn",
        "b",
        "mn",
        " million",
        "thousand",
        " billion",
        "%",
        " %",
        " per cent",
        "percent",
        "pc",
        "p",
        " pence",
        " pounds",
        "gbp",
        " people",
        " days",
        "m%",
        "k people",
        "kg",
        "x",
    ]
    junk = ["", "", "", " ", "\u00a0", "  ", "\t", "\u202f"]
    texts = ["", "   ", "abc", "£", "%", "twelve", "1" * 70, "12%%", "£1.2m%", "50p", "£0.50", "3.5 per cent"]
    while len(texts) < count:
        text = rng.choice(junk) + rng.choice(before) + rng.choice(digits) + rng.choice(after) + rng.choice(junk)
        if rng.random() < 0.2:
            text = text.upper()
        texts.append(text)
    return texts


def _python_number(text: str) -> dict[str, Any]:
    try:
        number = parse_number(text)
    except NumberFormatProblem as problem:
        return {"problem": problem.message}
    return {"value": number.value, "unit": number.unit}


def _feedback(feedback: Feedback) -> dict[str, Any]:
    return {"status": feedback.status, "message": feedback.message, "notes": [list(n) for n in feedback.notes.items()]}


def test_numbers_are_read_the_same(engine) -> None:
    texts = _number_texts(400)
    browser_results = engine.evaluate("texts => texts.map(t => AcademyExercises.parseNumber(t))", texts)
    python_results = [_python_number(text) for text in texts]
    read = sum("value" in result for result in python_results)
    assert read >= 100 and len(texts) - read >= 100, "the generated texts should mix readable and unreadable"
    differences = [(t, p, b) for t, p, b in zip(texts, python_results, browser_results, strict=True) if p != b]
    assert differences == [], f"{len(differences)} texts read differently, first: {differences[:5]}"


def test_numbers_are_written_the_same(engine) -> None:
    rng = random.Random(SEED)
    cases = []
    specials = [0.0, -0.0, 0.005, 0.015, 0.125, 2.675, 999.995, 1e21, 1.5e25, -0.004, 1234.5, 8.571428571428571]
    for index in range(400):
        value = specials[index] if index < len(specials) else rng.choice([1, -1]) * 10 ** rng.uniform(-3, 10)
        if index >= len(specials) and rng.random() < 0.3:
            value = round(value, rng.randint(0, 3))
        unit = rng.choice([None, "£", "%", "days"])
        decimals = rng.choice([None, None, 0, 1, 2, 3])
        compact = rng.random() < 0.3
        cases.append([value, unit, decimals, compact])
    browser_results = engine.evaluate(
        "cases => cases.map(c => AcademyExercises.formatNumber(c[0], c[1], c[2], c[3]))", cases
    )
    python_results = [format_number(v, u, decimals=d, compact=c) for v, u, d, c in cases]
    differences = [(c, p, b) for c, p, b in zip(cases, python_results, browser_results, strict=True) if p != b]
    assert differences == [], f"{len(differences)} numbers written differently, first: {differences[:5]}"


def test_number_answers_get_the_same_feedback(engine) -> None:
    rng = random.Random(SEED + 1)
    cases = []
    for text in _number_texts(300):
        answer = rng.choice([8.571428571428571, 3_000_000, 45, 12.5, 0, -3.5, 1200, 0.12, 350_000])
        unit = rng.choice([None, "£", "%", "days"])
        tolerance = rng.choice([0.0, 0.0, 0.01, 0.5, 100])
        relative = rng.choice([None, None, 0.05, 0.01])
        cases.append([text, answer, unit, tolerance, relative])
    # answers near the key too, so "partly" and "correct" are well covered
    for _ in range(200):
        answer = rng.choice([8.571428571428571, 3_000_000, 45, 12.5])
        unit = rng.choice([None, "£", "%"])
        tolerance, relative = rng.choice([(0.01, None), (0.0, 0.05), (0.5, None)])
        near = answer * (1 + rng.uniform(-0.2, 0.2))
        prefix = "£" if unit == "£" and rng.random() < 0.7 else ""
        suffix = "%" if unit == "%" and rng.random() < 0.7 else ""
        cases.append([f"{prefix}{near:.{rng.randint(0, 4)}f}{suffix}", answer, unit, tolerance, relative])
    browser_results = engine.evaluate(
        "cases => cases.map(c => AcademyExercises.checkNumber(c[0], c[1], c[2], c[3], c[4]))", cases
    )
    python_results = [
        _feedback(check_number(t, a, unit=u, tolerance=tol, relative_tolerance=rel)) for t, a, u, tol, rel in cases
    ]
    statuses = {result["status"] for result in python_results}
    assert statuses == {"correct", "partly", "incorrect", "invalid"}
    differences = [(c, p, b) for c, p, b in zip(cases, python_results, browser_results, strict=True) if p != b]
    assert differences == [], f"{len(differences)} answers judged differently, first: {differences[:3]}"


OPTIONS = [
    ["The number of home visits made each month", "This counts activity."],
    ["Older people living safely at home", "  This describes a change in people's lives.  "],
    ["A contract is signed by March", None],
    ["Waiting time is cut to 10 days", "A service target."],
    ["Fewer falls", ""],
]


def test_choices_get_the_same_feedback(engine) -> None:
    rng = random.Random(SEED + 2)
    labels = [label for label, _ in OPTIONS]
    cases = []
    for _ in range(250):
        answer = rng.sample(labels, rng.randint(1, 3))
        multiple = len(answer) > 1 or rng.random() < 0.3
        if multiple:
            selected: Any = rng.sample([*labels, "not an option"], rng.randint(0, 4))
        else:
            selected = rng.choice([None, *labels])
        cases.append([selected, answer, multiple])
    browser_results = engine.evaluate(
        "([cases, options]) => cases.map(c => AcademyExercises.checkChoice(c[0], options, c[1]))", [cases, OPTIONS]
    )
    options = dict((label, note) for label, note in OPTIONS)
    python_results = [_feedback(check_choice(s, options, a if m else a[0])) for s, a, m in cases]
    assert {result["status"] for result in python_results} == {"correct", "partly", "incorrect", "invalid"}
    differences = [(c, p, b) for c, p, b in zip(cases, python_results, browser_results, strict=True) if p != b]
    assert differences == [], f"{len(differences)} choices judged differently, first: {differences[:3]}"


def test_sorting_ratings_and_reflections_get_the_same_feedback(engine) -> None:
    rng = random.Random(SEED + 3)
    categories = ["Chaotic", "Simple", "Complicated", "Complex"]
    items = [["Gloves", ["Simple"]], ["Crossrail", ["Complicated"]], ["A riot", ["Chaotic", "Complex"]]]
    item_feedback = {"Gloves": " Buying a known product. ", "A riot": "Act first."}
    placements = [[[item, rng.choice([None, *categories])] for item, _ in items] for _ in range(250)]
    statements = ["Innocence to responsibility", "Power to impact", "Services to outcomes"]
    ratings = [{s: rng.choice([None, 1, 2, 3, 4, 5, 6]) for s in statements} for _ in range(250)]
    words = ["outcome", "people", "", "  ", "\n", "\u00a0", "commissioning", "é", "2026"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 40))) for _ in range(250)]
    minimums = [rng.choice([None, 0, 10, 30]) for _ in texts]
    browser_results = engine.evaluate(
        """([placements, items, itemFeedback, ratings, statements, texts, minimums]) => [
            placements.map(p => AcademyExercises.checkClassification(p, items, itemFeedback)),
            ratings.map(r => AcademyExercises.checkRatings(r, statements, ["a", "b", "c", "d", "e"])),
            texts.map((t, i) => AcademyExercises.checkReflection(t, minimums[i]))]""",
        [placements, items, item_feedback, ratings, statements, texts, minimums],
    )
    key = {item: accepted for item, accepted in items}
    python_results = [
        [_feedback(check_classification(dict(p), key, item_feedback)) for p in placements],
        [_feedback(check_ratings(r, statements, ["a", "b", "c", "d", "e"])) for r in ratings],
        [_feedback(check_reflection(t, min_words=m)) for t, m in zip(texts, minimums, strict=True)],
    ]
    for name, python, browser in zip(
        ("sorting", "ratings", "reflections"), python_results, browser_results, strict=True
    ):
        assert len({result["status"] for result in python}) >= 2
        differences = [(p, b) for p, b in zip(python, browser, strict=True) if p != b]
        assert differences == [], f"{len(differences)} {name} judged differently, first: {differences[:3]}"
