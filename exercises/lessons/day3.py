"""Day 3, funding, commissioning for value and measuring impact: the numbers, keys and charts.

The Day 3 notebooks (``modules/day3-funding-value-and-impact/``) call these; the tests in
``tests/test_day3.py`` check them. Plain Python: data in, numbers, tables or matplotlib
Figures out. Nothing imports ipywidgets. Money sums use ``exercises.lessons.finance``; the
simulation is ``exercises.lessons.simulation``.

Sources. "PSTA 2019" is the Public Service Transformation Academy's report *Public
service: state of transformation*; line numbers refer to the course's text copy. Every
report figure comes from a dataset through ``exercises.data.load``. Numbers typed here
are synthetic teaching examples and are named so (``SYNTHETIC_...``, ``RATE_CARD``).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from exercises.data import load
from exercises.lessons import finance
from exercises.lessons import simulation as sim
from exercises.lessons.common import BLUE, GREEN, GREY, ORANGE, ChoiceKey, SortKey
from exercises.lessons.simulation import Parameters


def _fact(table: str, fact_id: str, column: str = "value", key: str = "fact_id") -> float:
    frame = load(table)
    rows = frame[frame[key].astype(str) == fact_id]
    if rows.empty:
        raise KeyError(f"{table} has no row '{fact_id}'")
    return float(rows.iloc[0][column])


def case_fact(fact_id: str) -> float:
    """One value from ``case_study_facts``."""
    return _fact("case_study_facts", fact_id)


def public_fact(fact_id: str) -> float:
    """One value from ``public_facts``."""
    return _fact("public_facts", fact_id)


# --- Green Book ---------------------------------------------------------------------


def green_book_rate(year: int = 0, schedule: str = "standard") -> float:
    """The Green Book discount rate (a fraction) for a year of an appraisal, from the dataset."""
    rates = load("green_book_discount_rates")
    rows = rates[rates["schedule"].astype(str) == schedule]
    for _, row in rows.iterrows():
        last = row["to_year"]
        if int(row["from_year"]) <= year and (pd.isna(last) or year <= int(last)):
            return float(row["rate_percent"]) / 100
    raise ValueError(f"No Green Book rate for year {year} on the '{schedule}' schedule.")


def optimism_bias(project_type: str, measure: str, bound: str = "upper") -> float:
    """An optimism bias adjustment (a fraction) from the dataset."""
    table = load("green_book_optimism_bias")
    rows = table[(table["project_type"].astype(str) == project_type) & (table["measure"].astype(str) == measure)]
    if rows.empty:
        raise KeyError(f"No optimism bias figure for {project_type}, {measure}.")
    return float(rows.iloc[0][f"{bound}_bound_percent"]) / 100


def optimism_bias_table() -> pd.DataFrame:
    """The optimism bias ranges, for display."""
    table = load("green_book_optimism_bias")
    return pd.DataFrame(
        {
            "Type of project": table["project_type"].astype(str),
            "What is adjusted": table["measure"].astype(str),
            "Upper bound (%)": table["upper_bound_percent"],
            "Lower bound (%)": table["lower_bound_percent"],
        }
    ).set_index("Type of project")


# NPV check (synthetic): an outlay now, equal savings in years 1 to 4.
SYNTHETIC_OUTLAY = 100_000.0
SYNTHETIC_SAVING = 30_000.0
SYNTHETIC_SAVING_YEARS = 4


def npv_check_flows() -> list[float]:
    """Yearly net flows of the NPV exercise (synthetic): −outlay in year 0, savings after."""
    return [-SYNTHETIC_OUTLAY] + [SYNTHETIC_SAVING] * SYNTHETIC_SAVING_YEARS


def npv_check_answer() -> float:
    """The exercise's answer: the NPV of ``npv_check_flows`` at the Green Book rate."""
    return finance.npv(npv_check_flows(), green_book_rate())


def discounting_table(flows: list[float], rate: float) -> pd.DataFrame:
    """Year, flow, discount factor and present value, with a total row."""
    factors = finance.discount_factors(len(flows), rate)
    table = pd.DataFrame(
        {
            "Flow (£)": flows,
            "Discount factor": [round(f, 4) for f in factors],
            "Present value (£)": [round(v) for v in finance.present_values(flows, rate)],
        }
    )
    table.index.name = "Year"
    total = pd.DataFrame(
        {
            "Flow (£)": [sum(flows)],
            "Discount factor": [float("nan")],
            "Present value (£)": [round(finance.npv(flows, rate))],
        },
        index=["Total"],
    )
    return pd.concat([table, total])


def invest_to_save(
    investment: float,
    saving: float,
    years: int,
    deadweight: float,
    attribution: float,
    displacement: float,
    drop_off: float,
    optimism: float,
) -> dict[str, float]:
    """The invest-to-save calculator: counted savings, NPV and BCR at the Green Book rate."""
    rate = green_book_rate()
    cost = finance.with_optimism_bias(investment, optimism)
    table = finance.saving_over_time(
        saving,
        int(years),
        rate,
        deadweight=deadweight,
        attribution=attribution,
        displacement=displacement,
        drop_off=drop_off,
    )
    benefits_today = float(table["counted_today"].sum())
    return {
        "Savings claimed over the period (£)": saving * years,
        "Savings counted over the period (£)": float(table["counted"].sum()),
        "Savings counted, in today's money (£)": benefits_today,
        "Cost with optimism bias (£)": cost,
        "Net present value (£)": benefits_today - cost,
        "Benefit-cost ratio": benefits_today / cost if cost else float("nan"),
    }


def shrinking_chart(result: dict[str, float], figure: Any = None) -> Any:
    """Bars from the claimed saving to what is counted in today's money, beside the cost.

    Given the figure it drew before, it resizes that figure's bars (quicker in a calculator).
    """
    keys = [
        "Savings claimed over the period (£)",
        "Savings counted over the period (£)",
        "Savings counted, in today's money (£)",
        "Cost with optimism bias (£)",
    ]
    if figure is None:
        from matplotlib.figure import Figure

        labels = ["Claimed", "Counted", "Counted, today's money", "Cost (with optimism bias)"]
        figure = Figure(figsize=(7, 3.2))
        axes = figure.add_subplot()
        axes.barh(labels, [0] * len(labels), color=[GREY, BLUE, BLUE, ORANGE])
        axes.invert_yaxis()
        axes.set_xlabel("£ thousands")
        axes.set_title("How a claimed saving shrinks (your figures)")
    axes = figure.axes[0]
    for bar, key in zip(axes.patches, keys, strict=True):
        bar.set_width(result[key] / 1000)
    axes.relim()
    axes.autoscale_view()
    return figure


# --- 01 funding landscape ------------------------------------------------------------


def funding_pots_table() -> pd.DataFrame:
    """The funding pots the report names, largest first."""
    pots = load("funding_pots")
    return (
        pd.DataFrame(
            {
                "Fund or budget": pots["fund"].astype(str),
                "Amount (£ million)": (pots["amount_gbp"] / 1e6).round(1),
                "As stated": pots["qualifier"].astype(str),
                "Total or per year": pots["basis"].astype(str),
                "Level": pots["level"].astype(str),
                "Lines": pots["line_start"].astype(str) + "–" + pots["line_end"].astype(str),
            }
        )
        .sort_values("Amount (£ million)", ascending=False)
        .set_index("Fund or budget")
    )


def funding_pots_chart() -> Any:
    """Horizontal bars of the pots on a log scale, local and national coloured apart."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    pots = load("funding_pots").sort_values("amount_gbp")
    figure = Figure(figsize=(8, 5.2))
    axes = figure.add_subplot()
    colours = [BLUE if str(level) == "local" else ORANGE for level in pots["level"]]
    labels = [
        f"{str(f)[:55]}{' (per year)' if str(b) == 'per year' else ''}"
        for f, b in zip(pots["fund"], pots["basis"], strict=True)
    ]
    axes.barh(labels, pots["amount_gbp"] / 1e6, color=colours)
    axes.set_xscale("log")
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,g}"))  # 1, 10, 100: not 10 to a power
    axes.set_xlabel("Amount (£ million, log scale: each step is ten times the last)")
    axes.tick_params(axis="y", labelsize=7)
    axes.legend(
        handles=[Patch(color=BLUE, label="Local"), Patch(color=ORANGE, label="National")],
        loc="lower right",
        frameon=False,
    )
    axes.set_title("Funding pots named in the 2019 report")
    return figure


def life_chances_fund_sizes() -> dict[str, float]:
    """The Life Chances Fund's size as the report gives it and as GOV.UK's final report gives it."""
    return {
        "report": _fact("funding_pots", "life_chances_fund", "amount_gbp", "fund_id"),
        "public record": public_fact("lcf_fund_size"),
    }


_GRANT, _POOLED, _PBR, _SIB, _COMPANY, _MUTUAL = (
    "Grant",
    "Pooled budget",
    "Payment by results",
    "Social impact bond (outcomes partnership)",
    "Council-owned company",
    "Mutual or charity spin-out",
)

FUNDING_ROUTES = SortKey(
    categories=(_GRANT, _POOLED, _PBR, _SIB, _COMPANY, _MUTUAL),
    answers={
        "The council and the NHS put their money for older people's care into one budget with one plan": _POOLED,
        "A council needs housing for homeless families and can borrow to buy homes that it will let at "
        "affordable rents": _COMPANY,
        "Library staff want to run the service themselves as a community-owned society": _MUTUAL,
        "A new approach to keeping young people out of care is untested; social investors will fund it "
        "and the council pays only when outcomes are met": _SIB,
        "A well-understood service with a clear, measurable result that the provider controls: paying "
        "part of the fee when the result is achieved": _PBR,
        "A small community group needs £5,000 to start a walking club; no one can yet say what it will achieve": _GRANT,
    },
    feedback={
        "The council and the NHS put their money for older people's care into one budget with one plan": "Plymouth's integrated fund pools council and NHS money under 'One System One Budget'.",
        "A council needs housing for homeless families and can borrow to buy homes that it will let at "
        "affordable rents": "Brent set up i4B, a wholly owned company, to buy homes with council loans.",
        "Library staff want to run the service themselves as a community-owned society": "Suffolk Libraries became an independent registered society in 2012.",
        "A new approach to keeping young people out of care is untested; social investors will fund it "
        "and the council pays only when outcomes are met": "Investors carry the risk that an untested idea fails: the model behind the Life Chances Fund.",
        "A well-understood service with a clear, measurable result that the provider controls: paying "
        "part of the fee when the result is achieved": "This is where payment by results fits: a clear outcome the provider can be held to.",
        "A small community group needs £5,000 to start a walking club; no one can yet say what it will "
        "achieve": "A small grant funds learning. Tying it to results would cost more to measure than it pays.",
    },
)


# --- 03 measuring impact ---------------------------------------------------------------


def oldham_readings() -> pd.DataFrame:
    """Oldham's £3m saving read once, or every year over the years the site had run.

    One calculation for the course: Day 2 teaches it (``day2.oldham_readings``), Day 3
    reuses it, so both days show the same numbers.
    """
    from exercises.lessons import day2

    return day2.oldham_readings(day2.OldhamMoney.from_facts(load("case_study_facts")))


COUNTERFACTUAL = ChoiceKey(
    options={
        "Demand before the work compared with demand after it": "A before-and-after comparison counts everything that changed in between: the weather, other "
        "services, the economy. It has no counterfactual.",
        "Demand in the area where the work ran compared with similar areas where it did not, over the same years": "Yes. Similar areas over the same years estimate what would have happened anyway.",
        "The provider's own estimate of the saving": "An estimate can be useful, but it needs a stated method and a comparison to be trusted.",
        "The number of people the service helped": "That is an output. It says nothing about what would have happened without the service.",
    },
    answer="Demand in the area where the work ran compared with similar areas where it did not, over the same years",
)


def belfast_table() -> pd.DataFrame:
    """The four Belfast digital programmes: jobs, GVA and the figures the report leaves unclear."""
    programmes = load("belfast_programmes")
    gva = programmes["gva_gbp"].fillna(programmes["gva_direct_gbp"] + programmes["gva_indirect_gbp"])
    return pd.DataFrame(
        {
            "Programme": programmes["programme"].astype(str),
            "Jobs": programmes["jobs"].astype(int),
            "Jobs as stated": programmes["jobs_qualifier"].astype(str),
            "GVA (£ million)": (gva / 1e6).round(1),
            "GVA period": programmes["gva_period"].astype(str),
            "GVA per job (£ thousand)": (gva / programmes["jobs"] / 1e3).round(0),
            "Benefit-cost ratio": programmes["benefit_cost_ratio"],
            "Unclear: 'annually at peak' (£ million)": (programmes["peak_annual_gbp"] / 1e6).round(1),
        }
    ).set_index("Programme")


def suffolk_series() -> pd.DataFrame:
    """Suffolk Libraries' events and attendees over three years, with growth and attendees per event."""
    series = load("suffolk_libraries_events").sort_values("year_index")
    table = pd.DataFrame(
        {
            "Year": series["year_label"]
            .astype(str)
            .str.replace(" (unnamed)", "", regex=False)
            .str.replace(" (unnamed, probably 2017/18)", " (probably 2017/18)", regex=False),
            "Events": series["events"].astype(int),
            "Attendees": series["attendees"].astype(int),
        }
    )
    table["Attendees per event"] = (table["Attendees"] / table["Events"]).round(1)
    table["Events, change on year before (%)"] = (100 * table["Events"].pct_change()).round(1)
    table["Attendees, change on year before (%)"] = (100 * table["Attendees"].pct_change()).round(1)
    return table.set_index("Year")


def lending_against_trend() -> dict[str, float]:
    """Suffolk's change in lending on the year before, beside the UK's (percent, both from the report)."""
    return {
        "Suffolk Libraries": case_fact("suffolk_lending_change"),
        "UK libraries (report gives no source)": case_fact("uk_lending_change"),
    }


def suffolk_chart() -> Any:
    """Left: events and attendees indexed to the first year. Right: lending change, Suffolk and UK."""
    from matplotlib.figure import Figure

    series = suffolk_series()
    figure = Figure(figsize=(9, 3.8))
    left, right = figure.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
    years = ["Year 1", "Year 2", "Year 3"]
    for column, colour, marker in (("Events", BLUE, "o"), ("Attendees", GREEN, "s")):
        left.plot(
            years, 100 * series[column] / series[column].iloc[0], color=colour, marker=marker, linewidth=2, label=column
        )
    left.axhline(100, color=GREY, linewidth=0.8)
    left.set_ylabel("Index (first year = 100)")
    left.set_xlabel("Year (the report does not name them)")
    left.legend(frameon=False)
    left.set_title("Suffolk Libraries: events and attendees")
    lending = lending_against_trend()
    right.bar(["Suffolk", "UK"], list(lending.values()), color=[BLUE, GREY])
    right.axhline(0, color="black", linewidth=0.8)
    right.set_ylabel("Change in lending on the year before (%)")
    right.set_title("Lending: Suffolk and the UK")
    figure.suptitle("Suffolk Libraries against the national trend (PSTA 2019)")
    return figure


def storyhouse_mix() -> dict[str, float]:
    """Storyhouse's yearly funding mix and cost per visit, from the report's figures."""
    cost = case_fact("storyhouse_annual_cost")
    council_share = case_fact("storyhouse_council_share") / 100
    trading_share = case_fact("storyhouse_trading_share") / 100
    visitors = case_fact("storyhouse_visitors")
    return {
        "Annual cost (£)": cost,
        "Council contribution (£)": cost * council_share,
        "Trading and fundraising (£)": cost * trading_share,
        "Visitors a year (more than)": visitors,
        "Cost per visit (£, at most)": cost / visitors,
        "Council cost per visit (£, at most)": cost * council_share / visitors,
    }


def storyhouse_chart() -> Any:
    """One stacked bar of Storyhouse's annual cost: council contribution and trading and fundraising."""
    from matplotlib.figure import Figure

    mix = storyhouse_mix()
    figure = Figure(figsize=(7, 2.6))
    axes = figure.add_subplot()
    council = mix["Council contribution (£)"] / 1e6
    trading = mix["Trading and fundraising (£)"] / 1e6
    axes.barh(["Storyhouse"], [council], color=BLUE, label="Council contribution")
    axes.barh(["Storyhouse"], [trading], left=[council], color=GREEN, label="Trading and fundraising")
    axes.text(council / 2, 0, f"£{council:.2f}m", ha="center", va="center", color="white")
    axes.text(council + trading / 2, 0, f"£{trading:.2f}m", ha="center", va="center", color="white")
    axes.set_xlabel("£ million a year")
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.45), ncol=2, frameon=False)
    axes.set_title("Storyhouse: where its yearly income comes from (PSTA 2019)")
    return figure


# --- 04 outcomes contract (synthetic) ------------------------------------------------

RATE_CARD = (  # synthetic teaching example, not a real rate card
    finance.Outcome("Engaged with a key worker", 500.0, 0.8, 1),
    finance.Outcome("Settled in a home for 6 months", 2_000.0, 0.5, 2),
    finance.Outcome("In work for 13 weeks", 3_000.0, 0.25, 3),
)
SYNTHETIC_COHORT = 200
SYNTHETIC_CAPITAL = 250_000.0
SYNTHETIC_PROVIDER_SHARE = 0.1


def contract_result(
    engage_price: float,
    engage_rate: float,
    home_price: float,
    home_rate: float,
    work_price: float,
    work_rate: float,
    cohort: int,
    capital: float,
    provider_share: float,
    delay: int,
) -> dict[str, float]:
    """The outcomes-contract calculator: rebuild the rate card from the inputs and work it out."""
    card = (
        finance.Outcome(RATE_CARD[0].name, engage_price, engage_rate, RATE_CARD[0].year),
        finance.Outcome(RATE_CARD[1].name, home_price, home_rate, RATE_CARD[1].year),
        finance.Outcome(RATE_CARD[2].name, work_price, work_rate, RATE_CARD[2].year),
    )
    result = finance.outcomes_contract(
        card, int(cohort), capital=capital, provider_share=provider_share, rate=green_book_rate(), delay=int(delay)
    )
    irr = result.pop("Investors' internal rate of return")
    result["Investors' internal rate of return (% a year)"] = round(100 * irr, 1)
    result["payments by year"] = finance.payment_profile(card, int(cohort), delay=int(delay)).sum(axis=1).tolist()
    return result


def contract_chart(result: dict[str, Any]) -> Any:
    """Bars of the commissioner's yearly outcome payments, with the investors' capital at year 0."""
    from matplotlib.figure import Figure

    payments = result["payments by year"]
    capital = result["Provider receives for delivery (£)"]
    figure = Figure(figsize=(7, 3.4))
    axes = figure.add_subplot()
    axes.bar(range(len(payments)), [p / 1000 for p in payments], color=BLUE, label="Outcome payments")
    axes.bar([0], [-capital / 1000], color=ORANGE, label="Investors' capital (paid out)")
    axes.axhline(0, color="black", linewidth=0.8)
    axes.set_xlabel("Year of the contract")
    axes.set_ylabel("£ thousands")
    axes.legend(frameon=False)
    axes.set_title("Outcomes contract: money in and out by year (synthetic)")
    return figure


def default_contract() -> dict[str, Any]:
    """The calculator's starting result (used by the tests and the page's worked example)."""
    return contract_result(
        RATE_CARD[0].price,
        RATE_CARD[0].achievement,
        RATE_CARD[1].price,
        RATE_CARD[1].achievement,
        RATE_CARD[2].price,
        RATE_CARD[2].achievement,
        SYNTHETIC_COHORT,
        SYNTHETIC_CAPITAL,
        SYNTHETIC_PROVIDER_SHARE,
        0,
    )


def rate_card_table() -> pd.DataFrame:
    """The synthetic rate card, for display."""
    return pd.DataFrame(
        {
            "Outcome": [o.name for o in RATE_CARD],
            "Price per person (£)": [o.price for o in RATE_CARD],
            "Expected share of the cohort (%)": [round(100 * o.achievement) for o in RATE_CARD],
            "Paid in year": [o.year for o in RATE_CARD],
        }
    ).set_index("Outcome")


RISK_HOLDER = ChoiceKey(
    options={
        "The commissioner": "No: the commissioner pays only for outcomes achieved, so it pays less if few are.",
        "The investors": "Yes. Investors paid for the service up front and get their money back only from "
        "outcome payments.",
        "The people using the service": "They bear the cost of a service that does not help, but not the "
        "financial risk of the contract.",
    },
    answer="The investors",
)


# --- 05 simulation ---------------------------------------------------------------------


def simulation_defaults() -> Parameters:
    """Simulation parameters whose starting point comes from the synthetic Brackenford data.

    Start demand, unit costs, trend growth and the yearly rise in unit costs come from
    ``brackenford_service_demand`` (latest year and the average over the series); the
    Green Book rate from its dataset; the rest are the model's synthetic defaults.
    """
    demand = load("brackenford_service_demand")
    demand = demand.assign(year_start=demand["year_start"].astype(int), activity=demand["activity"].astype(float))
    reactive = demand[demand["service_type"].astype(str) == "reactive"].groupby("year_start")
    activity = reactive["activity"].sum()
    cost = reactive["unit_cost_gbp"].mean()
    place = demand[demand["service_type"].astype(str) == "preventive"].groupby("year_start")["unit_cost_gbp"].mean()
    spans = len(activity) - 1
    return Parameters(
        start_demand=float(activity.iloc[-1]),
        growth=float((activity.iloc[-1] / activity.iloc[0]) ** (1 / spans) - 1),
        reactive_cost=float(cost.iloc[-1]),
        place_cost=float(place.iloc[-1]),
        inflation=float((cost.iloc[-1] / cost.iloc[0]) ** (1 / spans) - 1),
        discount_rate=green_book_rate(),
    )


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
