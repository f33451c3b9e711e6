"""Money over time: discounting, net present value, IRR, benefit-cost ratios, how much of a
claimed saving to count, and the payments of an outcomes contract.

Plain Python and pandas; no widgets. Rates and shares are fractions (0.035 for 3.5%).
Year 0 is "now" and is not discounted; a sum in year ``t`` is divided by ``(1 + r) ** t``,
as in HM Treasury's Green Book. Bad input raises ``ValueError`` with a plain-English
message, which the course's calculators show to the participant.

The Green Book's rates are not typed here: they come from the ``green_book_discount_rates``
dataset (see ``exercises.lessons.day3.green_book_rate``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd


def _check_rate(rate: float) -> None:
    if rate <= -1:
        raise ValueError("The discount rate must be more than -100%.")


def _check_share(name: str, share: float) -> None:
    if not 0 <= share <= 1:
        raise ValueError(f"The {name} must be between 0% and 100%.")


def discount_factor(year: int, rate: float) -> float:
    """What £1 in ``year`` is worth now: ``1 / (1 + rate) ** year``."""
    _check_rate(rate)
    if year < 0:
        raise ValueError("Years are counted from 0 (now); a year cannot be negative.")
    return 1.0 / (1.0 + rate) ** year


def discount_factors(years: int, rate: float) -> list[float]:
    """Discount factors for years 0, 1, ..., ``years - 1``."""
    return [discount_factor(t, rate) for t in range(years)]


def present_values(flows: Sequence[float], rate: float) -> list[float]:
    """Each year's sum in today's money (year 0 first)."""
    return [flow * discount_factor(t, rate) for t, flow in enumerate(flows)]


def npv(flows: Sequence[float], rate: float) -> float:
    """Net present value of yearly net flows (benefits minus costs), year 0 first."""
    return float(sum(present_values(flows, rate)))


def irr(flows: Sequence[float], *, low: float = -0.99, high: float = 10.0, tolerance: float = 1e-9) -> float:
    """The internal rate of return: the rate at which ``npv(flows, rate)`` is zero.

    Found by bisection between ``low`` and ``high``, so it needs the NPV to change sign
    between them (flows with one change of sign, such as an outlay followed by returns).
    """
    return _bisect(
        lambda rate: npv(flows, rate),
        low,
        high,
        tolerance,
        f"These flows have no internal rate of return between {low:.0%} and {high:.0%}: the money never breaks even.",
    )


def benefit_cost_ratio(benefits: Sequence[float], costs: Sequence[float], rate: float) -> float:
    """Present value of benefits divided by present value of costs (costs given as positive sums)."""
    pv_costs = npv(costs, rate)
    if pv_costs <= 0:
        raise ValueError("The costs must add up to more than zero to work out a benefit-cost ratio.")
    return npv(benefits, rate) / pv_costs


def with_optimism_bias(cost: float, uplift: float) -> float:
    """A cost raised by an optimism bias uplift (0.24 raises it by 24%)."""
    if uplift < 0:
        raise ValueError("An optimism bias uplift cannot be negative.")
    return cost * (1 + uplift)


def counted_saving(
    gross: float, *, deadweight: float = 0.0, attribution: float = 0.0, displacement: float = 0.0
) -> float:
    """The part of a claimed saving that the work itself caused.

    ``gross × (1 − deadweight) × (1 − displacement) × (1 − attribution)``: take out what
    would have happened anyway (deadweight), what merely moved elsewhere (displacement)
    and the share due to others' work (attribution), as in the Cabinet Office's guide to
    social return on investment and the course glossary. ``attribution`` is the share
    due to *others*, so 0 keeps everything and 1 keeps nothing.
    """
    _check_share("deadweight", deadweight)
    _check_share("displacement", displacement)
    _check_share("attribution", attribution)
    return gross * (1 - deadweight) * (1 - displacement) * (1 - attribution)


def saving_over_time(
    gross_per_year: float,
    years: int,
    rate: float,
    *,
    deadweight: float = 0.0,
    attribution: float = 0.0,
    displacement: float = 0.0,
    drop_off: float = 0.0,
) -> pd.DataFrame:
    """A yearly saving claimed for ``years`` years, as counted and in today's money.

    Year 1 is the first year of savings. Drop-off shrinks the effect each year after the
    first: year ``t`` keeps ``(1 − drop_off) ** (t − 1)`` of it.
    """
    if years < 1:
        raise ValueError("Count at least one year of savings.")
    _check_share("drop-off", drop_off)
    first = counted_saving(gross_per_year, deadweight=deadweight, attribution=attribution, displacement=displacement)
    rows = []
    for t in range(1, years + 1):
        counted = first * (1 - drop_off) ** (t - 1)
        rows.append(
            {
                "year": t,
                "claimed": gross_per_year,
                "counted": counted,
                "counted_today": counted * discount_factor(t, rate),
            }
        )
    return pd.DataFrame(rows).set_index("year")


# --- outcomes contracts ------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """One line of a rate card: the price paid per outcome, the share of the cohort expected
    to achieve it, the year in which it is paid (counted from the start) and the baseline:
    the share who would achieve it anyway, which the commissioner does not pay for."""

    name: str
    price: float
    achievement: float
    year: int
    baseline: float = 0.0

    @property
    def paid_share(self) -> float:
        """The share of the cohort paid for: achievement above the baseline, never below 0."""
        return max(self.achievement - self.baseline, 0.0)


def payment_profile(
    rate_card: Sequence[Outcome], cohort: int, *, delay: int = 0, years: int | None = None, cap: float | None = None
) -> pd.DataFrame:
    """Outcome payments by year: one column per outcome, one row per year from 0.

    Payment = cohort × (achievement rate − baseline, never below 0) × price, in the
    outcome's year plus ``delay``: the commissioner pays only for outcomes above what
    would have happened anyway.
    ``cap`` limits the total paid: later payments are cut once the cap is reached.
    """
    if cohort < 0:
        raise ValueError("The number of people in the cohort cannot be negative.")
    if delay < 0:
        raise ValueError("A delay cannot be negative.")
    for outcome in rate_card:
        _check_share(f"achievement rate for '{outcome.name}'", outcome.achievement)
        _check_share(f"baseline for '{outcome.name}'", outcome.baseline)
        if outcome.price < 0:
            raise ValueError(f"The price for '{outcome.name}' cannot be negative.")
    last = max((o.year + delay for o in rate_card), default=0)
    horizon = max(years or 0, last + 1)
    table = pd.DataFrame(0.0, index=pd.RangeIndex(horizon, name="year"), columns=[o.name for o in rate_card])
    for outcome in rate_card:
        table.loc[outcome.year + delay, outcome.name] += cohort * outcome.paid_share * outcome.price
    if cap is not None:
        paid_before = table.sum(axis=1).cumsum().shift(fill_value=0.0)
        room = (cap - paid_before).clip(lower=0)
        scale = (room / table.sum(axis=1)).clip(upper=1).fillna(1.0)
        table = table.mul(scale, axis=0)
    return table


def outcomes_contract(
    rate_card: Sequence[Outcome],
    cohort: int,
    *,
    capital: float,
    provider_share: float,
    rate: float,
    delay: int = 0,
    cap: float | None = None,
) -> dict[str, float]:
    """Who pays and who gains in a simple social impact bond.

    Investors put ``capital`` in at year 0 to pay for the service; the commissioner pays
    for outcomes as they are achieved; the provider keeps ``provider_share`` of the outcome
    payments as a bonus and the investors receive the rest.
    """
    if capital <= 0:
        raise ValueError("Investor capital must be more than £0.")
    _check_share("provider's share of payments", provider_share)
    profile = payment_profile(rate_card, cohort, delay=delay, cap=cap)
    payments = profile.sum(axis=1).tolist()
    to_investors = [p * (1 - provider_share) for p in payments]
    investor_flows = [-capital + to_investors[0], *to_investors[1:]]
    total_paid = sum(payments)
    try:
        investor_irr = irr(investor_flows)
    except ValueError:
        investor_irr = float("nan")
    return {
        "Commissioner pays in outcome payments (£)": total_paid,
        "Commissioner's cost in today's money (£)": npv(payments, rate),
        "Provider receives for delivery (£)": capital,
        "Provider's bonus from outcome payments (£)": total_paid * provider_share,
        "Investors get back (£)": sum(to_investors),
        "Investors' gain or loss (£)": sum(to_investors) - capital,
        "Investors' money multiple": sum(to_investors) / capital,
        "Investors' internal rate of return": investor_irr,
    }


# --- real terms and switching values ------------------------------------------------


def to_real(cash: float, year: int, inflation: float) -> float:
    """A cash sum ``year`` years from now in today's prices: ``cash / (1 + inflation) ** year``.

    The Green Book discounts real (inflation-free) sums at its real rate; deflate cash
    forecasts with a general inflation measure (the GDP deflator) first.
    """
    _check_rate(inflation)
    return cash / (1.0 + inflation) ** year


def switching_value(outcome_at: Callable[[float], float], low: float, high: float, *, tolerance: float = 1e-9) -> float:
    """The input at which ``outcome_at(input)`` is zero, found by bisection between ``low`` and ``high``.

    The Green Book calls this a switching value: how far an assumption must move before
    the decision changes (for example, the effect size at which the NPV is £0).
    """
    return _bisect(
        outcome_at,
        low,
        high,
        tolerance,
        f"The result does not cross zero between {low:g} and {high:g}, so there is no switching value in that range.",
    )


def _bisect(function: Callable[[float], float], low: float, high: float, tolerance: float, no_zero: str) -> float:
    """Where ``function`` is zero between ``low`` and ``high``, by bisection; ``ValueError(no_zero)`` if it keeps its sign."""
    f_low, f_high = function(low), function(high)
    if f_low == 0:
        return low
    if f_low * f_high > 0:
        raise ValueError(no_zero)
    for _ in range(200):
        middle = (low + high) / 2
        f_middle = function(middle)
        if abs(high - low) < tolerance or f_middle == 0:
            return middle
        if f_low * f_middle < 0:
            high = middle
        else:
            low, f_low = middle, f_middle
    return (low + high) / 2


def combined_optimism_bias(parts: Sequence[tuple[float, float]]) -> float:
    """A combined optimism bias uplift: the cost-weighted average of each part's uplift.

    ``parts`` is ``[(share of cost, uplift), ...]`` with shares adding to 1, as in HM
    Treasury's supplementary guidance for a project with standard and non-standard parts.
    """
    total = sum(share for share, _ in parts)
    if abs(total - 1) > 1e-9:
        raise ValueError("The shares of the cost must add up to 100%.")
    return sum(share * uplift for share, uplift in parts)
