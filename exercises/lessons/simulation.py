"""The Day 3 commissioning simulation: invest in prevention, watch reactive demand.

A pure function of its parameters (``simulate``) returns one row per year. No widgets.
All parameters are synthetic and describe the fictional borough of Brackenford; the
notebook takes the starting demand, unit costs and trend growth from the synthetic
``brackenford_service_demand`` dataset (``exercises.lessons.day3_business_case.simulation_defaults``).

Money is in **real terms** (today's prices) throughout, because the Green Book's 3.5%
is a real discount rate: discounting cash sums that include inflation at a real rate
overstates later years. Unit costs stay at today's prices unless ``real_cost_growth``
says they rise faster (or slower) than inflation in general; it is 0 by default.

The model, year ``t = 0, 1, ..., T − 1`` (year 0 is the first year of the plan):

- underlying demand (what would happen with no new prevention)
  ``U_t = D0 × (1 + g) ** (t + 1) × max(1 + ε_t, 0)``, with ``ε_t`` a random shock with
  standard deviation ``demand_noise`` (seeded: see :func:`standard_draws`);
- prevention spend ``I_t = min(chosen_t, budget)`` buys ``P_t = I_t / p_t`` places, where
  the price per place ``p_t = p0 × (1 + real_cost_growth) ** (t + 1)``;
- a place bought in year ``s`` avoids ``e × θ × (1 − d) ** (t − s − lag)`` reactive cases in
  each year ``t ≥ s + lag``: ``e`` is the effect per place, ``θ`` the real effect as a
  share of the expected one (drawn once per run, after the years' shocks, with mean 1 and
  standard deviation ``effect_uncertainty``, never below 0), ``d`` the yearly drop-off and ``lag``
  the delay in years;
- reactive demand ``R_t = max(U_t − A_t, 0)``, where ``A_t`` is the sum of those effects;
  cases avoided ``= U_t − R_t``;
- reactive spend ``= R_t × c_t``, with ``c_t = c0 × (1 + real_cost_growth) ** (t + 1)``;
- net saving ``= U_t × c_t − R_t × c_t − I_t`` (what would have been spent, minus what is);
  the NPV is the sum of net savings discounted at the Green Book rate, year 0 undiscounted.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from exercises.lessons.finance import discount_factor

STRATEGIES = ("No new prevention", "Steady", "Front-loaded", "Ramp up")

_MASK = 0xFFFFFFFF


def _uniforms(seed: int) -> Iterator[float]:
    """Uniform draws in [0, 1) from the 32-bit generator Mulberry32, seeded with ``seed``.

    Integer arithmetic on 32 bits only, so the course website's JavaScript port of the
    simulation (``exercises/site_static/academy-calculators.js``) makes exactly the same draws.
    """
    state = seed & _MASK
    while True:
        state = (state + 0x6D2B79F5) & _MASK
        t = ((state ^ (state >> 15)) * (state | 1)) & _MASK
        t = ((t + (((t ^ (t >> 7)) * (t | 61)) & _MASK)) & _MASK) ^ t
        yield (t ^ (t >> 14)) / 4294967296


def standard_draws(seed: int, count: int) -> list[float]:
    """``count`` seeded random draws with mean 0 and standard deviation 1, close to normal.

    Each is the sum of twelve uniform draws less six (the Irwin–Hall approximation to the
    normal distribution, which never goes beyond ±6). Every step is exact in floating
    point, so Python and the website's JavaScript give the same draws to the last digit.
    """
    uniforms = _uniforms(seed)
    draws = []
    for _ in range(count):
        total = 0.0
        for _ in range(12):
            total += next(uniforms)
        draws.append(total - 6.0)
    return draws


@dataclass(frozen=True)
class Parameters:
    """Everything the simulation needs. All values are synthetic; money is in today's prices."""

    years: int = 10
    start_demand: float = 600.0  # reactive cases in the year before the plan
    growth: float = 0.02  # yearly growth in underlying demand
    reactive_cost: float = 4_000.0  # cost per reactive case in the year before the plan (£)
    place_cost: float = 500.0  # cost per prevention place in the year before the plan (£)
    real_cost_growth: float = 0.0  # yearly rise in both unit costs above general inflation
    effect_per_place: float = 0.1  # reactive cases avoided per place per year
    lag: int = 1  # years before a place starts to avoid cases
    drop_off: float = 0.3  # share of a place's effect lost each later year
    budget: float = 200_000.0  # most that can go on prevention in one year (£)
    demand_noise: float = 0.0  # standard deviation of yearly demand shocks
    effect_uncertainty: float = 0.0  # standard deviation of the effect multiplier
    discount_rate: float = 0.035
    seed: int = 1

    def check(self) -> None:
        """Raise ``ValueError`` with a plain message if a parameter makes no sense."""
        if not 1 <= self.years <= 30:
            raise ValueError("Run the simulation for between 1 and 30 years.")
        if self.lag < 0:
            raise ValueError("The delay before prevention works cannot be negative.")
        if not 0 <= self.drop_off <= 1:
            raise ValueError("The drop-off must be between 0% and 100%.")
        for name in (
            "start_demand",
            "reactive_cost",
            "place_cost",
            "budget",
            "effect_per_place",
            "demand_noise",
            "effect_uncertainty",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"The {name.replace('_', ' ')} cannot be negative.")
        if self.real_cost_growth <= -1:
            raise ValueError("Real growth in unit costs must be more than -100% a year.")
        if self.place_cost == 0:
            raise ValueError("The cost of a prevention place must be more than £0.")


def strategy(name: str, amount: float, years: int) -> list[float]:
    """A named pattern of yearly prevention spend whose total is ``amount × years``.

    "Steady" spends ``amount`` every year; "Front-loaded" spends double in the first half
    and nothing after; "Ramp up" rises in a straight line from 0; "No new prevention" is 0.
    """
    if amount < 0:
        raise ValueError("The amount invested cannot be negative.")
    if name == "No new prevention":
        return [0.0] * years
    if name == "Steady":
        return [float(amount)] * years
    if name == "Front-loaded":
        half = (years + 1) // 2
        return [amount * years / half if t < half else 0.0 for t in range(years)]
    if name == "Ramp up":
        weights = np.arange(years, dtype=float)
        total = weights.sum()
        return list(amount * years * weights / total) if total else [float(amount)] * years
    raise ValueError(f"There is no strategy called '{name}'. Choose one of: {', '.join(STRATEGIES)}.")


def simulate(parameters: Parameters, investment: Sequence[float]) -> pd.DataFrame:
    """Run the model for one strategy: one row per year (see the module docstring)."""
    parameters.check()
    p = parameters
    if len(investment) != p.years:
        raise ValueError(f"Give one investment figure for each of the {p.years} years.")
    if any(x < 0 for x in investment):
        raise ValueError("Investment in a year cannot be negative.")
    draws = standard_draws(p.seed, p.years + 1)  # one demand shock a year, then the effect
    shocks = np.array([p.demand_noise * z for z in draws[: p.years]]) if p.demand_noise else np.zeros(p.years)
    theta = max(0.0, 1.0 + p.effect_uncertainty * draws[p.years]) if p.effect_uncertainty else 1.0
    t = np.arange(p.years)
    price_rise = (1 + p.real_cost_growth) ** (t + 1)
    underlying = p.start_demand * (1 + p.growth) ** (t + 1) * np.clip(1 + shocks, 0, None)
    spent = np.minimum(np.asarray(investment, dtype=float), p.budget)
    places = spent / (p.place_cost * price_rise)
    effect = np.zeros(p.years)
    for s in range(p.years):
        for year in range(s + p.lag, p.years):
            effect[year] += places[s] * p.effect_per_place * theta * (1 - p.drop_off) ** (year - s - p.lag)
    reactive = np.maximum(underlying - effect, 0.0)
    unit_cost = p.reactive_cost * price_rise
    baseline_spend = underlying * unit_cost
    reactive_spend = reactive * unit_cost
    net_saving = baseline_spend - reactive_spend - spent
    factors = np.array([discount_factor(int(y), p.discount_rate) for y in t])
    return pd.DataFrame(
        {
            "year": t + 1,
            "investment_chosen": np.asarray(investment, dtype=float),
            "prevention_spend": spent,
            "capped_by_budget": np.asarray(investment, dtype=float) > p.budget,
            "places": places,
            "underlying_demand": underlying,
            "cases_avoided": underlying - reactive,
            "reactive_demand": reactive,
            "reactive_unit_cost": unit_cost,
            "reactive_spend": reactive_spend,
            "total_spend": reactive_spend + spent,
            "baseline_spend": baseline_spend,
            "net_saving": net_saving,
            "discounted_net_saving": net_saving * factors,
            "cumulative_npv": np.cumsum(net_saving * factors),
        }
    ).set_index("year")


def summary(result: pd.DataFrame) -> dict[str, float]:
    """The headline figures of one run."""
    return {
        "Invested in prevention (£)": float(result["prevention_spend"].sum()),
        "Reactive cases avoided": float(result["cases_avoided"].sum()),
        "Reactive cases in the last year": float(result["reactive_demand"].iloc[-1]),
        "Total spend (£)": float(result["total_spend"].sum()),
        "Net present value (£)": float(result["discounted_net_saving"].sum()),
        "Years capped by the budget": float(result["capped_by_budget"].sum()),
    }


def compare(parameters: Parameters, strategies: dict[str, Sequence[float]]) -> pd.DataFrame:
    """Summaries of several strategies side by side: one column each."""
    return pd.DataFrame({name: summary(simulate(parameters, spend)) for name, spend in strategies.items()})


def with_changes(parameters: Parameters, **changes: Any) -> Parameters:
    """A copy of ``parameters`` with some values changed."""
    return replace(parameters, **changes)


def switching_effect(parameters: Parameters, investment: Sequence[float], *, high: float = 5.0) -> float:
    """The effect per place (cases avoided per place per year) at which the NPV of a strategy is £0.

    Run without noise (the expected case). Raises ``ValueError`` if even ``high`` does not pay back.
    """
    from exercises.lessons.finance import switching_value

    calm = replace(parameters, demand_noise=0.0, effect_uncertainty=0.0)

    def npv_at(effect: float) -> float:
        return summary(simulate(replace(calm, effect_per_place=effect), investment))["Net present value (£)"]

    return switching_value(npv_at, 0.0, high)
