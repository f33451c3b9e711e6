"""Day 3, outcomes contracts and social impact bonds: rate cards, pricing, returns and the evidence.

The pages ``04-outcomes-contract`` and ``04b-outcomes-contracts-in-practice`` call these;
``tests/test_day3_outcomes_contracts.py`` pins the numbers. Plain Python: nothing imports
ipywidgets.

The rate cards here are synthetic teaching examples (``SYNTHETIC_...``, ``RATE_CARD``):
a programme for 200 people at risk of homelessness. Published results come from the
``outcomes_contract_evidence`` dataset.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from exercises.data import load
from exercises.lessons import finance
from exercises.lessons.common import BLUE, ORANGE, ChoiceKey, SortKey
from exercises.lessons.day3 import green_book_rate

# A rate card that pays only for outcomes, and only above the baseline (synthetic).
RATE_CARD = (
    finance.Outcome("Settled in a home for 6 months", 2_000.0, 0.55, 1, baseline=0.25),
    finance.Outcome("Settled in a home for 12 months", 2_500.0, 0.45, 2, baseline=0.15),
    finance.Outcome("In work for 13 weeks", 3_000.0, 0.25, 3, baseline=0.05),
)
SYNTHETIC_COHORT = 200
SYNTHETIC_CAPITAL = 300_000.0
SYNTHETIC_PROVIDER_SHARE = 0.1

# A badly designed card for comparison (synthetic): it pays for an output (engagement),
# pays for every outcome including those that would have happened anyway, and needs
# less capital because it pays out early.
WEAK_CARD = (
    finance.Outcome("Engaged with a key worker (an output)", 500.0, 0.8, 1),
    finance.Outcome("Settled in a home for 6 months", 2_000.0, 0.5, 2),
    finance.Outcome("In work for 13 weeks", 3_000.0, 0.25, 3),
)
WEAK_CAPITAL = 250_000.0


def contract_result(
    home6_price: float,
    home6_rate: float,
    home6_baseline: float,
    home12_price: float,
    home12_rate: float,
    home12_baseline: float,
    work_price: float,
    work_rate: float,
    work_baseline: float,
    cohort: int,
    capital: float,
    provider_share: float,
    delay: int,
    cap: float,
) -> dict[str, Any]:
    """The outcomes-contract calculator: rebuild the card from the inputs (shares as fractions) and work it out.

    ``cap`` is the most the commissioner will pay in total (0 for no cap).
    """
    card = (
        finance.Outcome(RATE_CARD[0].name, home6_price, home6_rate, RATE_CARD[0].year, home6_baseline),
        finance.Outcome(RATE_CARD[1].name, home12_price, home12_rate, RATE_CARD[1].year, home12_baseline),
        finance.Outcome(RATE_CARD[2].name, work_price, work_rate, RATE_CARD[2].year, work_baseline),
    )
    return _work_out(card, int(cohort), capital, provider_share, int(delay), cap or None)


def contract_calculator(
    home6_price: float,
    home6_rate: float,
    home6_baseline: float,
    home12_price: float,
    home12_rate: float,
    home12_baseline: float,
    work_price: float,
    work_rate: float,
    work_baseline: float,
    cohort: int,
    capital: float,
    provider_share: float,
    delay: int,
    cap: float,
) -> dict[str, Any]:
    """What the outcomes-contract calculator shows: :func:`contract_result` without the payments by year.

    A named function (not a ``lambda`` on the page), so that the course website can run its
    JavaScript port (``exercises.widgets.browser_ports``).
    """
    result = contract_result(
        home6_price,
        home6_rate,
        home6_baseline,
        home12_price,
        home12_rate,
        home12_baseline,
        work_price,
        work_rate,
        work_baseline,
        cohort,
        capital,
        provider_share,
        delay,
        cap,
    )
    del result["payments by year"]
    return result


def _work_out(
    card: tuple[finance.Outcome, ...], cohort: int, capital: float, provider_share: float, delay: int, cap: float | None
) -> dict[str, Any]:
    result: dict[str, Any] = finance.outcomes_contract(
        card, cohort, capital=capital, provider_share=provider_share, rate=green_book_rate(), delay=delay, cap=cap
    )
    irr = result.pop("Investors' internal rate of return")
    for key, amount in result.items():
        if key.endswith("(£)"):
            result[key] = round(amount)
    result["Investors' money multiple"] = round(result["Investors' money multiple"], 2)
    result["Investors' internal rate of return (% a year)"] = (
        round(100 * irr, 1) if irr == irr else "none: they lose money"  # NaN when they never break even
    )
    result["payments by year"] = finance.payment_profile(card, cohort, delay=delay, cap=cap).sum(axis=1).tolist()
    return result


def default_contract() -> dict[str, Any]:
    """The calculator's starting result: the outcomes-only card with baselines."""
    return _work_out(RATE_CARD, SYNTHETIC_COHORT, SYNTHETIC_CAPITAL, SYNTHETIC_PROVIDER_SHARE, 0, None)


def weak_contract() -> dict[str, Any]:
    """The badly designed card's result: it pays for an output and for deadweight."""
    return _work_out(WEAK_CARD, SYNTHETIC_COHORT, WEAK_CAPITAL, SYNTHETIC_PROVIDER_SHARE, 0, None)


def rate_card_table(card: tuple[finance.Outcome, ...] = RATE_CARD) -> pd.DataFrame:
    """A rate card for display: price, expected share, baseline and the share paid for."""
    return pd.DataFrame(
        {
            "Outcome": [o.name for o in card],
            "Price per outcome (£)": [o.price for o in card],
            "Expected share of the cohort": [o.achievement for o in card],
            "Baseline: would happen anyway": [o.baseline for o in card],
            "Share paid for": [round(o.paid_share, 2) for o in card],
            "Paid in year": [o.year for o in card],
        }
    )


def cards_compared() -> pd.DataFrame:
    """The weak card beside the outcomes-only card: what the commissioner pays and what investors make."""
    rows = []
    for label, result in (
        ("Pays for an output, no baseline", weak_contract()),
        ("Outcomes only, above a baseline", default_contract()),
    ):
        rows.append(
            {
                "Rate card": label,
                "Commissioner pays (£)": round(result["Commissioner pays in outcome payments (£)"]),
                "Investors' capital (£)": round(result["Provider receives for delivery (£)"]),
                "Investors' money multiple": result["Investors' money multiple"],
                "Investors' return (% a year)": result["Investors' internal rate of return (% a year)"],
            }
        )
    return pd.DataFrame(rows)


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


# --- pricing from value ---------------------------------------------------------------

# Synthetic: public costs avoided for each extra person settled for 12 months.
SYNTHETIC_VALUE_PER_OUTCOME = 6_000.0
SYNTHETIC_SHARE_TO_PAY = 0.5
SYNTHETIC_EXPECTED = 0.45
SYNTHETIC_BASELINE = 0.15


def price_from_value(
    value: float, share_to_pay: float, expected: float, baseline: float, *, pay_above_baseline: bool
) -> float:
    """The most a commissioner can pay per outcome and keep to ``share_to_pay`` of the value created.

    Value is created only by outcomes above the baseline: ``(expected − baseline) × value``
    per person. Paying only above the baseline, the price is ``share × value``; paying for
    every outcome, it must be scaled down to ``share × value × (expected − baseline) / expected``.
    """
    if not 0 <= baseline <= expected <= 1:
        raise ValueError("The baseline must be between 0% and the expected share, which must be at most 100%.")
    if expected == 0:
        raise ValueError("The expected share must be more than 0%.")
    if pay_above_baseline:
        return share_to_pay * value
    return share_to_pay * value * (expected - baseline) / expected


def pricing_answer() -> float:
    """The exercise's answer: the price per outcome when every outcome is paid for (£2,000)."""
    return price_from_value(
        SYNTHETIC_VALUE_PER_OUTCOME,
        SYNTHETIC_SHARE_TO_PAY,
        SYNTHETIC_EXPECTED,
        SYNTHETIC_BASELINE,
        pay_above_baseline=False,
    )


# --- evidence ---------------------------------------------------------------------------


def evidence(fact_id: str) -> float:
    """One figure from the ``outcomes_contract_evidence`` dataset."""
    table = load("outcomes_contract_evidence")
    rows = table[table["fact_id"].astype(str) == fact_id]
    if rows.empty:
        raise KeyError(f"outcomes_contract_evidence has no row '{fact_id}'")
    return float(rows.iloc[0]["value"])


def evidence_table() -> pd.DataFrame:
    """The published figures, with their sources, for display."""
    table = load("outcomes_contract_evidence")
    table = table.assign(note=table["note"].fillna("").astype(str))
    return pd.DataFrame(
        {
            "Programme": table["programme"].astype(str),
            "Fact": table["fact"].astype(str),
            "Figure": [
                ("just over " if "just over" in str(n) else "")
                + (f"£{v / 1e6:g} million" if str(u) == "GBP" else f"{v:g}%" if str(u) == "percent" else f"{v:,.0f}")
                for n, v, u in zip(table["note"], table["value"], table["unit"], strict=True)
            ],
            "Source": [
                str(p) if pd.isna(y) else f"{p} ({int(y)})"
                for p, y in zip(table["source_publisher"], table["source_year"], strict=True)
            ],
        }
    )


# --- answer keys ------------------------------------------------------------------------

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

_CREAM, _PARK, _GAME, _SAFE = (
    "Cherry-picking (creaming)",
    "Parking",
    "Gaming the measure",
    "A safeguard against these",
)

PERVERSE = SortKey(
    categories=(_CREAM, _PARK, _GAME, _SAFE),
    answers={
        "The provider recruits the people closest to finding a home on their own": _CREAM,
        "Once the 6-month payment is earned, staff stop visiting people who look unlikely to reach 12 months": _PARK,
        "Tenancies are counted from the day keys are handed over, even when people never move in": _GAME,
        "Referrals come from the council's own list, and the whole referred cohort is measured": _SAFE,
        "The hardest-to-help get a higher price per outcome": _SAFE,
    },
    feedback={
        "The provider recruits the people closest to finding a home on their own": "Creaming: payment for outcomes that were likely anyway. A baseline and a fixed referral route guard against it.",
        "Once the 6-month payment is earned, staff stop visiting people who look unlikely to reach 12 months": "Parking: effort goes where the next payment is likeliest.",
        "Tenancies are counted from the day keys are handed over, even when people never move in": "Gaming: the measure is met without the outcome. Define and verify the outcome from records the provider does not control.",
        "Referrals come from the council's own list, and the whole referred cohort is measured": "As at Peterborough, where the whole cohort was measured whether or not people engaged.",
        "The hardest-to-help get a higher price per outcome": "Tiered prices make the hardest cases worth the effort.",
    },
)

EVIDENCE_READING = ChoiceKey(
    options={
        "Social impact bonds work: Peterborough cut reoffending and investors were repaid": "One success says little about a whole model, and Peterborough's investors earned about 3% a year: it was not a windfall.",
        "The mechanism is neither good nor bad in itself: results depend on the service, the metrics, the baseline and the price": "Yes. The Life Chances Fund evaluation and GO Lab's work look at design choices, and the DWP Innovation Fund shows a paid-for programme can still do no better than its comparison group.",
        "Social impact bonds do not work: the Innovation Fund pilots did worse than their comparison group": "One evaluation, with data limits GO Lab points out, cannot condemn a model any more than Peterborough proves it.",
    },
    answer="The mechanism is neither good nor bad in itself: results depend on the service, the metrics, the baseline and the price",
)
