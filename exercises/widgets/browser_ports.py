"""Calculators that also work on the course website, with no kernel.

A calculator's ``compute`` function is Python; on the website it runs as a JavaScript port
in ``exercises/site_static/academy-calculators.js`` (with the chart drawn as SVG). This
module says which compute functions have a port, under which name, and hands the port the
figures it needs (labels, constants, rates from the datasets), worked out here in Python at
build time so that each is written once. ``tests/website/test_calculator_ports.py`` runs
each port and its Python function on at least 200 generated inputs in Chromium and requires
the same results. Why ports and not Python in the browser: see the authors' page
``modules/authors/writing-exercises.ipynb``.

Every calculator on the course's pages has a port (``tests/test_browser_ports.py`` fails if
a page's calculator has none). A calculator whose function has no port, such as one an
author is still writing, shows its starting results on the website, with a note that its
figures can be changed in JupyterLab.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class BrowserPort:
    """A compute function's JavaScript port: its name and the constants it is given."""

    name: str
    constants: Callable[[Any], dict[str, Any]]  # given the calculator's compute object


def _learning_constants(_compute: Any) -> dict[str, Any]:
    from exercises.lessons import day1

    return {
        "decade_years": day1.DECADE_YEARS,
        "days_per_year": day1.DAYS_PER_YEAR,
        "labels": [
            day1.TRADITIONAL_YEARS,
            day1.TRADITIONAL_LOOPS,
            day1.FAST_DAYS,
            day1.FAST_LOOPS,
            day1.TIMES_AS_MANY,
            day1.ANALYSIS_AGE,
        ],
    }


def _readiness_constants(_compute: Any) -> dict[str, Any]:
    from exercises.lessons import day4

    return {
        "readiness_scale": list(day4.READINESS_SCALE),
        "adoption_scale": list(day4.ADOPTION_SCALE),
        "proven_from": day4.PROVEN_FROM,
        "adopted_from": day4.ADOPTED_FROM,
        "advice": [[proven, adopted, where, advice] for (proven, adopted), (where, advice) in day4.GRID_ADVICE.items()],
        "labels": list(day4.readiness_grid(day4.READINESS_SCALE[0], day4.ADOPTION_SCALE[0])),
    }


def _invest_constants(_compute: Any) -> dict[str, Any]:
    from exercises.lessons import day3

    return {"rate": day3.green_book_rate(), "labels": list(day3.invest_to_save(1, 1, 1, 0, 1, 0, 0, 0))}


def _pilot_constants(_compute: Any) -> dict[str, Any]:
    """The normal quantiles the sample-size sums use (5% two-sided, 80% power), worked out here."""
    from statistics import NormalDist

    from exercises.lessons import day4_trials
    from exercises.lessons.stats import z_value

    return {
        "z_alpha": z_value(0.95),
        "z_beta": NormalDist().inv_cdf(0.8),
        "power_wanted": 0.8,
        "labels": list(day4_trials.pilot_planner(0.6, 0.05, 100)),
    }


def _contract_constants(_compute: Any) -> dict[str, Any]:
    from exercises.lessons import day3, day3_outcomes_contracts

    card = day3_outcomes_contracts.RATE_CARD
    return {
        "rate": day3.green_book_rate(),
        "names": [outcome.name for outcome in card],
        "years": [outcome.year for outcome in card],
        "labels": list(day3_outcomes_contracts.contract_calculator(1, 0.5, 0, 1, 0.5, 0, 1, 0.5, 0, 1, 1, 0, 0, 0)),
    }


def _split_growth_constants(compute: Any) -> dict[str, Any]:
    """The page binds the spending and activity figures with ``functools.partial``; the labels."""
    from exercises.lessons import deflation

    if not (isinstance(compute, functools.partial) and len(compute.args) == 4 and not compute.keywords):
        raise TypeError("Bind split_growth's four spending and activity figures with functools.partial.")
    spend_first, spend_last, activity_first, activity_last = compute.args
    return {
        "spend_first": spend_first,
        "spend_last": spend_last,
        "activity_first": activity_first,
        "activity_last": activity_last,
        "labels": list(deflation.split_growth(1, 1, 1, 1, 1, 1)),
    }


def _authors_constants(_compute: Any) -> dict[str, Any]:
    from exercises.lessons import authors_example

    return {"labels": list(authors_example.invest_to_save(1, 1, "per year", 1, 1, 0))}


def _simulation_constants(compute: Any) -> dict[str, Any]:
    """The simulation's parameters (the page binds them with ``functools.partial``) and labels."""
    from exercises.lessons import simulation as sim

    parameters = compute.args[0] if isinstance(compute, functools.partial) and compute.args else sim.Parameters()
    empty = sim.simulate(parameters, [0.0] * parameters.years)
    return {"parameters": asdict(parameters), "strategies": list(sim.STRATEGIES), "labels": list(sim.summary(empty))}


# Where each compute function with a port is defined ("module:name") -> its port. A page may
# reach the function through another module that re-exports it (``day1.compare_learning``):
# the lookup compares the function itself, not the name it was reached by.
PORTS: dict[str, BrowserPort] = {
    "exercises.lessons.day1_maturity:compare_learning": BrowserPort("compare_learning", _learning_constants),
    "exercises.lessons.day4:readiness_grid": BrowserPort("readiness_grid", _readiness_constants),
    "exercises.lessons.day4_trials:pilot_planner": BrowserPort("pilot_planner", _pilot_constants),
    "exercises.lessons.day3:invest_to_save": BrowserPort("invest_to_save", _invest_constants),
    "exercises.lessons.day3_business_case:simulation_pair": BrowserPort("simulation_pair", _simulation_constants),
    "exercises.lessons.day3_outcomes_contracts:contract_calculator": BrowserPort(
        "contract_calculator", _contract_constants
    ),
    "exercises.lessons.deflation:split_growth": BrowserPort("split_growth", _split_growth_constants),
    "exercises.lessons.authors_example:invest_to_save": BrowserPort("authors_invest_to_save", _authors_constants),
}


@functools.cache
def _ported_functions() -> dict[int, BrowserPort]:
    """id() of each ported function object -> its port (the functions live as long as their modules)."""
    import importlib

    found: dict[int, BrowserPort] = {}
    for location, port in PORTS.items():
        module, _, name = location.partition(":")
        found[id(getattr(importlib.import_module(module), name))] = port
    return found


def port_of(compute: Callable[..., Any]) -> BrowserPort | None:
    """The browser port of a calculator's compute function (or of the function a
    ``functools.partial`` wraps), or None if it has none."""
    function = compute.func if isinstance(compute, functools.partial) else compute
    return _ported_functions().get(id(function))


def port_key(compute: Callable[..., Any]) -> dict[str, Any] | None:
    """What the website needs to run ``compute`` in the browser: the port's name and constants."""
    port = port_of(compute)
    return None if port is None else {"name": port.name, "constants": port.constants(compute)}
