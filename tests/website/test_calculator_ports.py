"""Each calculator's browser port gives the same results as its Python function, in Chromium.

``exercises/widgets/browser_ports.py`` names the compute functions that also run on the
website, as JavaScript ports in ``exercises/site_static/academy-calculators.js``. For each
port, at least 200 generated inputs (inside and outside the sensible range) go to both; the
labels, the types, every figure as the table shows it and any plain-English problem must be
the same, and the raw figures equal to within a rounding error. The reading of typed figures
(``Input.read``) is compared the same way.
"""

from __future__ import annotations

import functools
import html
import math
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from exercises.data import load
from exercises.lessons import (
    authors_example,
    day1,
    day3,
    day3_business_case,
    day3_outcomes_contracts,
    day4,
    day4_trials,
    deflation,
)
from exercises.numbers import format_number
from exercises.widgets.browser_ports import PORTS, port_key
from exercises.widgets.calculator import Input
from exercises.widgets.markup import _cell
from tests.conftest import REPO

STATIC = REPO / "exercises" / "site_static"
SEED = 2024
CASES = 300  # at least 200 of them valid for every port


@pytest.fixture(scope="module")
def engine(browser) -> Iterator[Any]:
    tab = browser.new_page()
    tab.set_content("<!doctype html><html><head><title>Ports</title></head><body></body></html>")
    tab.add_script_tag(path=str(STATIC / "academy-exercises.js"))
    tab.add_script_tag(path=str(STATIC / "academy-calculators.js"))
    tab.wait_for_function("() => window.AcademyExercises && window.AcademyExercises.portsReady", timeout=15_000)
    yield tab
    tab.close()


def _kind(value: Any) -> str:
    if isinstance(value, (bool, str)):
        return "text"
    return "int" if isinstance(value, int) else "float"


def _python(compute: Callable[..., Any], values: dict[str, Any]) -> dict[str, Any]:
    try:
        result = compute(**values)
    except ValueError as problem:
        return {"problem": str(problem)}
    if hasattr(result, "columns"):  # a DataFrame: each cell as a row (label, value, float)
        return {
            "rows": [
                [f"{row} / {col}", float(result.loc[row, col]), "float"]
                for row in result.index
                for col in result.columns
            ]
        }
    return {"rows": [[label, value, _kind(value)] for label, value in result.items()]}


def _share(rng: random.Random) -> float:
    return rng.choice(
        [0.0, 1.0, round(rng.random(), rng.randint(1, 3)), rng.random(), -0.1, 1.2][: 6 if rng.random() < 0.1 else 4]
    )


def _learning_inputs(rng: random.Random) -> dict[str, Any]:
    return {
        "procurement_months": rng.choice([0, 15, rng.randint(0, 60), -1 if rng.random() < 0.05 else 6]),
        "contract_years": rng.choice([7.0, 0.5, 25.0, round(rng.uniform(0.5, 25), rng.randint(0, 2)), 0.0]),
        "fast_cycle_days": rng.choice([100, 7, 730, rng.randint(7, 730), round(rng.uniform(7, 730), 1)]),
    }


def _readiness_inputs(rng: random.Random) -> dict[str, Any]:
    return {
        "readiness": rng.randint(0 if rng.random() < 0.05 else 1, 9),
        "adoption": rng.randint(1, 6 if rng.random() < 0.05 else 5),
    }


def _invest_inputs(rng: random.Random) -> dict[str, Any]:
    return {
        "investment": rng.choice([350_000.0, 1.0, round(rng.uniform(1, 5e6), rng.randint(0, 2))]),
        "saving": rng.choice([3_000_000.0, 0.0, round(rng.uniform(0, 5e6), rng.randint(0, 2))]),
        "years": rng.randint(0 if rng.random() < 0.03 else 1, 10),
        "deadweight": _share(rng),
        "attribution": _share(rng),
        "displacement": _share(rng),
        "drop_off": _share(rng),
        "optimism": rng.choice([0.0, 2.0, 0.24, round(rng.uniform(0, 2), 3), -0.1 if rng.random() < 0.05 else 0.5]),
    }


def _pilot_inputs(rng: random.Random) -> dict[str, Any]:
    baseline = rng.choice([0.6, 0.01, 0.9, round(rng.uniform(0.01, 0.98), rng.randint(2, 4))])
    room = min(0.5, 1 - baseline)  # mostly rises that stay below 100%, sometimes not
    return {
        "baseline": baseline,
        "effect": rng.choice([0.05, 0.005, 0.5, round(rng.uniform(0.005, room), rng.randint(2, 4))]),
        "people_per_group": rng.choice([100, 2, 100_000, rng.randint(2, 5000), rng.randint(2, 100_000)]),
    }


def _rare(rng: random.Random, usual: Any, bad: Any, chance: float = 0.03) -> Any:
    """Usually ``usual``; now and then ``bad`` (a figure Python refuses)."""
    return bad if rng.random() < chance else usual


def _fraction(rng: random.Random) -> float:
    """A share as the calculator passes it (a fraction), with the edges and now and then one out of range."""
    usual = rng.choice([0.0, 1.0, 0.5, round(rng.random(), rng.randint(1, 4)), rng.random()])
    return _rare(rng, usual, rng.choice([-0.1, 1.2]), 0.02)


# The Day 3 simulation as its page makes it: the parameters bound with functools.partial.
SIMULATION = functools.partial(day3_business_case.simulation_pair, day3_business_case.simulation_defaults())


def _simulation_inputs(rng: random.Random) -> dict[str, Any]:
    strategies = ["No new prevention", "Steady", "Front-loaded", "Ramp up"]
    return {
        "strategy_a": rng.choice(strategies),
        "amount_a": _rare(
            rng, rng.choice([100_000.0, 0.0, 1_000_000.0, 5e7, round(rng.uniform(0, 1e6), rng.randint(0, 2))]), -1.0
        ),
        "strategy_b": rng.choice(strategies),
        "amount_b": rng.choice([100_000.0, 250_000.0, 0.0, round(rng.uniform(0, 1e6))]),
        "lag": _rare(rng, rng.randint(0, 5), -1),
        "drop_off": _rare(rng, rng.choice([0.3, 0.0, 1.0, round(rng.random(), 2)]), 1.5),
        "effect": _rare(rng, rng.choice([0.1, 0.0, 1.0, 0.006, round(rng.random(), 3), 5.0]), -0.01),
        "uncertainty": rng.choice(["No", "Yes"]),
        "seed": rng.choice([0, 1, 9999, rng.randint(0, 9999), rng.randint(0, 2**32 - 1)]),
    }


def _contract_inputs(rng: random.Random) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for outcome in ("home6", "home12", "work"):
        values[f"{outcome}_price"] = _rare(
            rng, rng.choice([2_000.0, 0.0, 1e6, round(rng.uniform(0, 10_000), rng.randint(0, 2))]), -1.0, 0.01
        )
        values[f"{outcome}_rate"] = _fraction(rng)
        values[f"{outcome}_baseline"] = _fraction(rng)
    values.update(
        cohort=_rare(rng, rng.choice([200, 1, 100_000, rng.randint(1, 5000)]), -1, 0.01),
        capital=_rare(rng, rng.choice([300_000.0, 1.0, 1e8, round(rng.uniform(1, 2e6), rng.randint(0, 2))]), 0.0),
        provider_share=_fraction(rng),
        delay=_rare(rng, rng.randint(0, 5), -1, 0.01),
        cap=rng.choice([0.0, 0.0, 390_000.0, 1.0, round(rng.uniform(0, 1e6)), 1e9]),
    )
    return values


# The Day 1 running case's calculator as its page makes it: Brackenford's reactive figures bound.
_REACTIVE = day1.growth(load("brackenford_service_demand"), "reactive")
SPLIT_GROWTH = functools.partial(
    deflation.split_growth,
    _REACTIVE.spend_first,
    _REACTIVE.spend_last,
    _REACTIVE.activity_first,
    _REACTIVE.activity_last,
)


def _index_inputs(rng: random.Random) -> dict[str, Any]:
    def index() -> float:
        usual = rng.choice([100.0, 125.0, 1.0, 1e6, round(rng.uniform(1, 400), rng.randint(0, 3))])
        return _rare(rng, usual, rng.choice([0.0, -5.0]))

    return {"index_first": index(), "index_last": index()}


def _authors_inputs(rng: random.Random) -> dict[str, Any]:
    return {
        "investment": _rare(rng, rng.choice([350_000, 1, 10**9, rng.randint(1, 5_000_000)]), rng.choice([0, -1])),
        "saving": _rare(rng, rng.choice([3_000_000, 0, rng.randint(0, 50_000_000)]), -1),
        "reading": rng.choice(["per year", "a total for the period"]),
        "years": rng.randint(1, 10),
        "attribution": _fraction(rng),
        "deadweight": _fraction(rng),
    }


# Where each port is registered -> (the compute function as its page passes it, input generator).
GENERATORS: dict[str, tuple[Callable[..., Any], Callable[[random.Random], dict[str, Any]]]] = {
    "exercises.lessons.day1_maturity:compare_learning": (day1.compare_learning, _learning_inputs),
    "exercises.lessons.day4:readiness_grid": (day4.readiness_grid, _readiness_inputs),
    "exercises.lessons.day4_trials:pilot_planner": (day4_trials.pilot_planner, _pilot_inputs),
    "exercises.lessons.day3:invest_to_save": (day3.invest_to_save, _invest_inputs),
    "exercises.lessons.day3_business_case:simulation_pair": (SIMULATION, _simulation_inputs),
    "exercises.lessons.day3_outcomes_contracts:contract_calculator": (
        day3_outcomes_contracts.contract_calculator,
        _contract_inputs,
    ),
    "exercises.lessons.deflation:split_growth": (SPLIT_GROWTH, _index_inputs),
    "exercises.lessons.authors_example:invest_to_save": (authors_example.invest_to_save, _authors_inputs),
}


def test_every_port_is_tested() -> None:
    assert set(GENERATORS) == set(PORTS)


@pytest.mark.parametrize("qualified", sorted(GENERATORS))
def test_port_gives_the_python_results(engine, qualified: str) -> None:
    compute, generate = GENERATORS[qualified]
    key = port_key(compute)
    assert key is not None
    rng = random.Random(f"{SEED}-{qualified}")
    inputs = [generate(rng) for _ in range(CASES)]
    browser_results = engine.evaluate(
        """([name, constants, inputs]) => inputs.map(v => {
          const r = AcademyExercises.runPort(name, constants, v);
          if (r.frame) r.rows = r.frame.index.flatMap((row, i) =>
            r.frame.columns.map((col, j) => [row + " / " + col, r.frame.data[i][j], "float"]));
          if (r.rows) r.shown = r.rows.map(row => AcademyExercises.cellText(row[1], row[2]));
          return r; })""",
        [key["name"], key["constants"], inputs],
    )
    python_results = [_python(compute, values) for values in inputs]
    worked = sum("rows" in result for result in python_results)
    assert worked >= 200, f"only {worked} of {CASES} generated inputs could be worked out"
    for name in {name for values in inputs for name, value in values.items() if isinstance(value, str)}:
        offered = {values[name] for values in inputs}
        covered = {values[name] for values, result in zip(inputs, python_results, strict=True) if "rows" in result}
        assert covered == offered, f"no worked case chose {offered - covered} for {name}"
    differences = []
    for values, python, browser in zip(inputs, python_results, browser_results, strict=True):
        if "problem" in python or "problem" in browser:
            if python.get("problem") != browser.get("problem"):
                differences.append((values, python, browser))
            continue
        labels = [[row[0], row[2]] for row in python["rows"]]
        shown = [html.unescape(_cell(row[1])) for row in python["rows"]]  # the text a reader sees
        close = all(
            a == b or (isinstance(a, float) and math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9))
            for a, b in zip([r[1] for r in python["rows"]], [r[1] for r in browser["rows"]], strict=True)
        )
        if labels != [[row[0], row[2]] for row in browser["rows"]] or shown != browser["shown"] or not close:
            differences.append((values, python, browser))
    assert differences == [], f"{len(differences)} inputs worked out differently, first: {differences[:3]}"


def test_typed_figures_are_read_the_same(engine) -> None:
    rng = random.Random(SEED)
    specs = [
        Input("Investment", 350_000.0, unit="£", minimum=1),
        Input("Deadweight", 30, unit="%", minimum=0, maximum=100),
        Input("Years of savings", 3, minimum=1, maximum=10),
        Input("Days in one loop", 100, unit="days", minimum=7, maximum=730),
        Input("Readiness score (1 to 9)", 4, minimum=1, maximum=9),
        Input("Contract years", 7.0, unit="years", maximum=25),
    ]
    texts = ["£350k", "30%", "3", "0.3", "£1.2m", "12", "3.5", "-2", "abc", "", "100 days", "1,000", "45 per cent"]
    cases = []
    for spec in specs:
        for text in texts:
            cases.append((spec, text))
        for _ in range(40):
            value = rng.uniform(-50, 1_000_000) if spec.unit == "£" else rng.uniform(-5, 120)
            text = format_number(value, spec.unit if rng.random() < 0.7 else None, decimals=rng.choice([0, 1, 2]))
            cases.append((spec, text))
    js_specs = [
        {
            "label": spec.label,
            "unit": spec.unit,
            "start": spec.start_text(),
            "minimum": spec.minimum,
            "maximum": spec.maximum,
            "options": None,
            "whole": isinstance(spec.value, int),
        }
        for spec, _ in cases
    ]
    browser_results = engine.evaluate(
        "([specs, texts]) => specs.map((s, i) => AcademyExercises.readInput(s, texts[i]))",
        [js_specs, [text for _, text in cases]],
    )
    python_results = []
    for spec, text in cases:
        try:
            python_results.append({"value": spec.read(text)})
        except ValueError as problem:
            python_results.append({"problem": getattr(problem, "message", str(problem))})
    assert len(cases) >= 200
    assert sum("value" in r for r in python_results) >= 50 and sum("problem" in r for r in python_results) >= 50
    differences = [
        (c[0].label, c[1], p, b) for c, p, b in zip(cases, python_results, browser_results, strict=True) if p != b
    ]
    assert differences == [], f"{len(differences)} figures read differently, first: {differences[:3]}"
