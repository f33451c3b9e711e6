"""Cash and real terms: take general inflation out of a change in spending or unit cost.

A price index (such as HM Treasury's GDP deflator, the government's standard measure of
general inflation for public spending) gives the price level in each year. Dividing cash
figures by it turns them into real terms (the prices of one chosen year), so a rise in
spending can be split into more activity, dearer activity in real terms, and general
inflation. Plain Python: nothing here imports ipywidgets.
"""

from __future__ import annotations

from collections.abc import Mapping


def real_change_percent(cash_first: float, cash_last: float, index_first: float, index_last: float) -> float:
    """Per cent change in real terms between two years, given the price index in each.

    ``real = (cash_last / index_last) / (cash_first / index_first) - 1``. With equal indices
    the real change equals the cash change.
    """
    if cash_first <= 0 or cash_last < 0:
        raise ValueError("the first year's figure must be above zero, and neither may be negative")
    if index_first <= 0 or index_last <= 0:
        raise ValueError("a price index must be above zero (the base year is usually 100)")
    return round(100 * ((cash_last / index_last) / (cash_first / index_first) - 1), 1)


def inflation_percent(index_first: float, index_last: float) -> float:
    """General inflation between the two years, in per cent, from the price index."""
    if index_first <= 0 or index_last <= 0:
        raise ValueError("a price index must be above zero (the base year is usually 100)")
    return round(100 * (index_last / index_first - 1), 1)


def split_growth(
    spend_first: float,
    spend_last: float,
    activity_first: int,
    activity_last: int,
    index_first: float,
    index_last: float,
) -> Mapping[str, float]:
    """A rise in spending, split into general inflation, real unit cost and volume (all in per cent).

    The three multiply together (not add) to give the cash change:
    ``(1 + cash) = (1 + inflation) x (1 + real unit cost) x (1 + volume)``.
    """
    if activity_first <= 0 or activity_last <= 0:
        raise ValueError("activity in both years must be above zero")
    unit_first, unit_last = spend_first / activity_first, spend_last / activity_last
    return {
        "Change in cash spending (%)": round(100 * (spend_last / spend_first - 1), 1),
        "General inflation over the period (%)": inflation_percent(index_first, index_last),
        "Change in real spending (%)": real_change_percent(spend_first, spend_last, index_first, index_last),
        "Change in volume (%)": round(100 * (activity_last / activity_first - 1), 1),
        "Change in real cost per unit (%)": real_change_percent(unit_first, unit_last, index_first, index_last),
    }
