"""Calculators that also work on the course website, with no kernel.

A calculator's ``compute`` function is Python; on the website it runs as a JavaScript port
in ``exercises/site_static/academy-calculators.js`` (with the chart drawn as SVG). This
module says which compute functions have a port, under which name, and hands the port the
figures it needs (labels, constants, rates from the datasets), worked out here in Python at
build time so that each is written once. ``tests/website/test_calculator_ports.py`` runs
each port and its Python function on at least 200 generated inputs in Chromium and requires
the same results. Why ports and not Python in the browser: see the authors' page
``modules/authors/writing-exercises.ipynb``.

A calculator whose function has no port still shows its starting results on the website,
with a note that its figures can be changed in JupyterLab.
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
    # The Day 3 simulation's port (simulation_pair in academy-calculators.js) predates its move
    # to real terms and is not listed until it matches the Python again: until then the
    # website shows the simulation's starting figures and sends readers to JupyterLab.
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
