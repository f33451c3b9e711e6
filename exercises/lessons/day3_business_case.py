"""Day 3, the Green Book business case for Brackenford's falls prevention, and the simulation.

The pages ``02b-green-book-business-case`` and ``05-commissioning-simulation`` call these;
``tests/test_day3_business_case.py`` pins the numbers. Plain Python: nothing imports
ipywidgets.

Everything is in **real terms**: money at 2024/25 prices (the latest year of the synthetic
``brackenford_service_demand`` data), discounted at the Green Book's real rate. The
synthetic data record cash unit costs that rise 3% a year; we take the latest year's
costs as today's prices and hold them there, rather than add cash inflation and then
discount at a real rate (which would overstate later savings).

The default effect of a programme place comes from the data, not from a guess:
Brackenford's own admission rate after a fall for people aged 65 and over, times the
23% fall in the rate of falls that exercise programmes achieve in the Cochrane review
(Sherrington and others, 2019). That assumes admissions after a fall fall in proportion
to falls, and that places go to people at average risk; the switching value shows how
much better than that a programme must do to pay for itself.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from exercises.data import load
from exercises.lessons import finance
from exercises.lessons import simulation as sim
from exercises.lessons.common import BLUE, GREY, ORANGE, ChoiceKey, SortKey
from exercises.lessons.day3 import green_book_rate
from exercises.lessons.simulation import Parameters

# Cochrane review of exercise to prevent falls in older people living in the community:
# exercise reduces the rate of falls by 23% (rate ratio 0.77, 95% CI 0.71 to 0.83).
FALLS_REDUCTION = 0.23
FALLS_REDUCTION_RANGE = (0.17, 0.29)  # from the confidence interval of the rate ratio


def _demand() -> pd.DataFrame:
    demand = load("brackenford_service_demand")
    return demand.assign(year_start=demand["year_start"].astype(int), activity=demand["activity"].astype(float))


def latest_year() -> int:
    """The latest financial year in the data (its start year): the price base of the case."""
    return int(_demand()["year_start"].max())


def older_people() -> int:
    """People aged 65 and over in Brackenford (synthetic wards)."""
    wards = load("brackenford_wards")
    return int(wards["age_65_74"].astype(int).sum() + wards["age_75_plus"].astype(int).sum())


def admissions_latest() -> float:
    """Emergency admissions after a fall, age 65+, in the latest year (all wards)."""
    demand = _demand()
    rows = demand[(demand["service_type"].astype(str) == "reactive") & (demand["year_start"] == latest_year())]
    return float(rows["activity"].sum())


def admission_risk() -> float:
    """A person aged 65+'s yearly chance of an emergency admission after a fall, from the data."""
    return admissions_latest() / older_people()


def derived_effect(reduction: float = FALLS_REDUCTION) -> float:
    """Admissions avoided per programme place per year: the average risk times the Cochrane reduction."""
    return admission_risk() * reduction


def simulation_defaults() -> Parameters:
    """Simulation parameters from the synthetic Brackenford data, in real terms (latest year's prices).

    Start demand and unit costs are the latest year's; trend growth is the average over the
    series; costs do not rise in real terms; the effect per place is :func:`derived_effect`;
    the Green Book rate comes from its dataset. Delay, drop-off and budget are the model's
    synthetic defaults.
    """
    demand = _demand()
    reactive = demand[demand["service_type"].astype(str) == "reactive"].groupby("year_start")
    activity = reactive["activity"].sum()
    cost = reactive["unit_cost_gbp"].mean()
    place = demand[demand["service_type"].astype(str) == "preventive"].groupby("year_start")["unit_cost_gbp"].mean()
    spans = len(activity) - 1
    return Parameters(
        start_demand=float(activity.iloc[-1]),
        growth=float((activity.iloc[-1] / activity.iloc[0]) ** (1 / spans) - 1),
        reactive_cost=round(float(cost.iloc[-1]), 2),
        place_cost=round(float(place.iloc[-1]), 2),
        real_cost_growth=0.0,
        effect_per_place=derived_effect(),
        discount_rate=green_book_rate(),
    )


# --- options appraisal ---------------------------------------------------------------

OPTIONS: tuple[tuple[str, str, float], ...] = (
    ("Business as usual", "No new prevention", 0.0),
    ("Do minimum", "Steady", 50_000.0),
    ("Preferred: steady programme", "Steady", 100_000.0),
    ("Alternative: front-loaded", "Front-loaded", 100_000.0),
    ("Alternative: ramp up", "Ramp up", 100_000.0),
)


def option_spend(name: str, parameters: Parameters | None = None) -> list[float]:
    """The yearly prevention spend of one option of :data:`OPTIONS`."""
    p = parameters or simulation_defaults()
    for option, pattern, amount in OPTIONS:
        if option == name:
            return sim.strategy(pattern, amount, p.years)
    raise KeyError(f"There is no option called '{name}'.")


def npv_at_effect(name: str, effect: float, parameters: Parameters | None = None) -> float:
    """The NPV (£, today's prices) of an option against business as usual, at a given effect per place."""
    p = sim.with_changes(parameters or simulation_defaults(), effect_per_place=effect)
    return sim.summary(sim.simulate(p, option_spend(name, p)))["Net present value (£)"]


def switching_effect(name: str = "Preferred: steady programme", parameters: Parameters | None = None) -> float:
    """The effect per place at which an option's NPV is £0 (its switching value)."""
    p = parameters or simulation_defaults()
    return sim.switching_effect(p, option_spend(name, p))


def options_table(parameters: Parameters | None = None) -> pd.DataFrame:
    """Each option's cost, admissions avoided, NPV at the derived effect, and switching value."""
    p = parameters or simulation_defaults()
    rows = []
    for option, _, amount in OPTIONS:
        run = sim.summary(sim.simulate(p, option_spend(option, p)))
        switch = switching_effect(option, p) if amount else None
        rows.append(
            {
                "Option": option,
                "Spent on prevention over 10 years (£)": run["Invested in prevention (£)"],
                "Admissions avoided": round(run["Reactive cases avoided"]),
                "Net present value (£)": round(run["Net present value (£)"]),
                "Switching value: admissions avoided per place a year": round(switch, 3) if switch else None,
            }
        )
    return pd.DataFrame(rows)


def risk_needed(name: str = "Preferred: steady programme", reduction: float = FALLS_REDUCTION) -> float:
    """The yearly admission risk the people on the programme would need for the option to break even."""
    return switching_effect(name) / reduction


def sensitivity_table(name: str = "Preferred: steady programme") -> pd.DataFrame:
    """One assumption at a time: the NPV at low, central and high values (tornado-style)."""
    p = simulation_defaults()
    low_r, high_r = FALLS_REDUCTION_RANGE
    cases = {
        "Reduction in falls (17%, 23%, 29%)": [
            sim.with_changes(p, effect_per_place=derived_effect(r)) for r in (low_r, FALLS_REDUCTION, high_r)
        ],
        "Delay before it works (2, 1, 0 years)": [sim.with_changes(p, lag=lag) for lag in (2, 1, 0)],
        "Drop-off each year (50%, 30%, 10%)": [sim.with_changes(p, drop_off=d) for d in (0.5, 0.3, 0.1)],
        "Cost of an admission (−20%, as is, +20%)": [
            sim.with_changes(p, reactive_cost=p.reactive_cost * f) for f in (0.8, 1.0, 1.2)
        ],
    }
    rows = []
    for label, runs in cases.items():
        values = [sim.summary(sim.simulate(q, option_spend(name, q)))["Net present value (£)"] for q in runs]
        rows.append({"Assumption": label, "Low (£)": values[0], "Central (£)": values[1], "High (£)": values[2]})
    return pd.DataFrame(rows).round(0)


def who_gains(name: str = "Preferred: steady programme") -> dict[str, float]:
    """Who pays and who gains, in today's money: the council pays for places, the NHS avoids admissions."""
    p = simulation_defaults()
    run = sim.simulate(p, option_spend(name, p))
    factors = [finance.discount_factor(int(t), p.discount_rate) for t in range(p.years)]
    spend = sum(f * x for f, x in zip(factors, run["prevention_spend"], strict=True))
    avoided = sum(f * (b - r) for f, b, r in zip(factors, run["baseline_spend"], run["reactive_spend"], strict=True))
    return {
        "Council pays for programme places (£)": round(spend),
        "NHS avoids in admission costs (£)": round(avoided),
        "Net to the council (£)": round(-spend),
        "Net to the NHS (£)": round(avoided),
    }


# --- real and nominal --------------------------------------------------------------

# Synthetic: a saving forecast in cash (with inflation) in year 5.
SYNTHETIC_CASH_SAVING = 100_000.0
SYNTHETIC_CASH_YEAR = 5
SYNTHETIC_INFLATION = 0.02


def real_terms_answer() -> dict[str, float]:
    """The cash saving in today's prices, then in today's money (discounted at the Green Book rate)."""
    real = finance.to_real(SYNTHETIC_CASH_SAVING, SYNTHETIC_CASH_YEAR, SYNTHETIC_INFLATION)
    present = real * finance.discount_factor(SYNTHETIC_CASH_YEAR, green_book_rate())
    return {"In today's prices (£)": real, "Present value (£)": present}


# --- optimism bias: the category for a hub --------------------------------------------

OPTIMISM_CATEGORY = ChoiceKey(
    options={
        "Outsourcing (operating expenditure)": "No. That category is for services contracted out to another "
        "organisation; the partners here run the hub themselves.",
        "Standard buildings (capital expenditure)": "Yes. The money sets up a shared base in an ordinary building: "
        "fitting out and opening it is a standard buildings project. Any bespoke parts raise the uplift (see below).",
        "Equipment and development (capital expenditure)": "Only for a part that is new IT or equipment; "
        "used for the whole hub, its 200% upper bound would swamp the case.",
        "No adjustment: the partners know their costs": "No. The Green Book asks for an uplift until the "
        "evidence justifies a lower one; confidence is what optimism bias is about.",
    },
    answer="Standard buildings (capital expenditure)",
)

# HM Treasury's worked example for a combined project: 70% standard, 30% non-standard buildings.
COMBINED_PARTS = ((0.7, 0.24), (0.3, 0.51))


def combined_uplift() -> float:
    """The combined upper-bound uplift of the worked example: 0.7 × 24% + 0.3 × 51% = 32.1%."""
    return finance.combined_optimism_bias(COMBINED_PARTS)


# --- the Five Case Model, cashable savings --------------------------------------------

_STRATEGIC, _ECONOMIC, _COMMERCIAL, _FINANCIAL, _MANAGEMENT = (
    "Strategic case",
    "Economic case",
    "Commercial case",
    "Financial case",
    "Management case",
)

FIVE_CASES = SortKey(
    categories=(_STRATEGIC, _ECONOMIC, _COMMERCIAL, _FINANCIAL, _MANAGEMENT),
    answers={
        "Admissions after a fall have risen every year and the council and NHS share an aim to reduce them": _STRATEGIC,
        "Five options compared by net present value, with a switching value for the effect per place": _ECONOMIC,
        "Buying programme places from community providers through a framework, paid per place filled": _COMMERCIAL,
        "£100,000 a year from the council's public health grant, and whether the budget can afford it": _FINANCIAL,
        "A programme board, a named senior responsible owner, milestones and a plan to evaluate": _MANAGEMENT,
    },
    feedback={
        "Admissions after a fall have risen every year and the council and NHS share an aim to reduce them": "The strategic case: the case for change and how it fits the partners' aims.",
        "Five options compared by net present value, with a switching value for the effect per place": "The economic case: value for money to society, across a short list of options.",
        "Buying programme places from community providers through a framework, paid per place filled": "The commercial case: can it be bought, and on what terms?",
        "£100,000 a year from the council's public health grant, and whether the budget can afford it": "The financial case: affordability and who pays, in cash.",
        "A programme board, a named senior responsible owner, milestones and a plan to evaluate": "The management case: can it be delivered, and how will we know?",
    },
)

_CASHABLE, _NON_CASHABLE, _WIDER = (
    "Cashable saving",
    "Non-cashable (capacity freed)",
    "Wider social value (not a saving)",
)

CASHABLE = SortKey(
    categories=(_CASHABLE, _NON_CASHABLE, _WIDER),
    answers={
        "The council stops paying for 40 care home placements it no longer needs": _CASHABLE,
        "Fewer admissions to a hospital that is always full: the beds go to other patients": _NON_CASHABLE,
        "Fewer fire service call-outs to people who have fallen, with the same crews on duty": _NON_CASHABLE,
        "Older people feel more confident going out and see friends more often": _WIDER,
        "A contract for agency carers is cut by £60,000 a year because demand has fallen": _CASHABLE,
    },
    feedback={
        "The council stops paying for 40 care home placements it no longer needs": "Cashable: money stops leaving a budget and can be spent elsewhere.",
        "Fewer admissions to a hospital that is always full: the beds go to other patients": "Real value, but no budget shrinks: the capacity is used by others.",
        "Fewer fire service call-outs to people who have fallen, with the same crews on duty": "Time is freed, not money, unless crews are reduced.",
        "Older people feel more confident going out and see friends more often": "Value to residents that belongs in the economic case, not in anyone's budget.",
        "A contract for agency carers is cut by £60,000 a year because demand has fallen": "Cashable: a contract is reduced.",
    },
)


# --- charts ---------------------------------------------------------------------------


def switching_chart(name: str = "Preferred: steady programme") -> Any:
    """NPV against the effect per place, with the derived effect and the switching value marked."""
    from matplotlib.figure import Figure

    p = simulation_defaults()
    switch = switching_effect(name, p)
    top = max(2 * switch, 2 * p.effect_per_place)
    effects = [top * i / 40 for i in range(41)]
    values = [npv_at_effect(name, e, p) / 1000 for e in effects]
    figure = Figure(figsize=(7.5, 3.6))
    axes = figure.add_subplot()
    axes.plot(effects, values, color=BLUE, linewidth=2, label="NPV of the steady programme")
    axes.axhline(0, color="black", linewidth=0.8)
    axes.axvline(
        p.effect_per_place, color=GREY, linestyle="--", label=f"Derived from the data: {p.effect_per_place:.3f}"
    )
    axes.axvline(switch, color=ORANGE, linestyle=":", linewidth=2, label=f"Switching value: {switch:.3f}")
    axes.set_xlabel("Admissions avoided per place per year")
    axes.set_ylabel("£ thousands, today's money")
    axes.legend(frameon=False, fontsize=8, loc="upper left")
    axes.set_title("Net present value against the effect of a place (synthetic)")
    return figure


# --- the simulation page ---------------------------------------------------------------


def simulation_pair(
    parameters: Parameters,
    strategy_a: str,
    amount_a: float,
    strategy_b: str,
    amount_b: float,
    lag: int,
    drop_off: float,
    effect: float,
    uncertainty: str,
    seed: int,
) -> pd.DataFrame:
    """Two strategies run under the same assumptions: a summary table, one column each.

    ``uncertainty`` is "Yes" or "No"; "Yes" adds 5% random demand shocks and draws the
    real effect once (spread 30%). The runs themselves ride along in ``table.attrs["runs"]``
    for :func:`simulation_chart`.
    """
    noisy = uncertainty == "Yes"
    params = sim.with_changes(
        parameters,
        lag=int(lag),
        drop_off=drop_off,
        effect_per_place=effect,
        demand_noise=0.05 if noisy else 0.0,
        effect_uncertainty=0.3 if noisy else 0.0,
        seed=int(seed),
    )
    runs = {
        f"A: {strategy_a}": sim.simulate(params, sim.strategy(strategy_a, amount_a, params.years)),
        f"B: {strategy_b}": sim.simulate(params, sim.strategy(strategy_b, amount_b, params.years)),
    }
    table = pd.DataFrame({name: sim.summary(run) for name, run in runs.items()}).round(0)
    table.attrs["runs"] = runs
    return table


def simulation_chart(table: pd.DataFrame, figure: Any = None) -> Any:
    """Reactive demand and cumulative NPV by year for both strategies of :func:`simulation_pair`.

    Given the figure it drew before, it moves that figure's lines instead of drawing a new
    one, which halves the time a calculator takes to redraw it.
    """
    if figure is None:
        from matplotlib.figure import Figure

        figure = Figure(figsize=(9, 3.6))
        left, right = figure.subplots(1, 2)
        for colour in (BLUE, ORANGE):
            left.plot([], [], color=colour, marker="o", label=" ")
            right.plot([], [], color=colour, marker="s")
        left.plot([], [], color=GREY, linestyle="--", label="No new prevention")
        right.axhline(0, color="black", linewidth=0.8)
        left.set_xlabel("Year of the plan")
        left.set_ylabel("Admissions after a fall")
        left.set_title("Reactive demand (synthetic)")
        left.legend(frameon=False, fontsize=8)
        right.set_xlabel("Year of the plan")
        right.set_ylabel("£ thousands, today's money")
        right.set_title("Cumulative net present value (synthetic)")
    left, right = figure.axes
    runs = list(table.attrs["runs"].items())
    for (name, run), demand, value in zip(runs, left.lines, right.lines, strict=False):
        demand.set_data(run.index, run["reactive_demand"])
        demand.set_label(name)
        value.set_data(run.index, run["cumulative_npv"] / 1000)
        value.set_label(name)
    baseline = runs[0][1]["underlying_demand"]
    left.lines[2].set_data(baseline.index, baseline)
    for text, line in zip(left.get_legend().get_texts(), left.lines, strict=True):
        text.set_text(line.get_label())
    for axes in (left, right):
        axes.relim()
        axes.autoscale_view()
    return figure


def who_gains_table(name: str = "Preferred: steady programme") -> pd.DataFrame:
    """:func:`who_gains` as a two-column table for display."""
    gains = who_gains(name)
    return pd.DataFrame({"Organisation": list(gains), "£, today's money": list(gains.values())})
