"""Sources: the report's article titles, citations, and reading facts from the course's tables.

One home for every day's lessons (Day 1 to Day 5 import from here). Plain Python and
pandas: nothing here imports ipywidgets.

"PSTA 2019" is the Public Service Transformation Academy's report *Public service: state of
transformation*; each article in it is a chapter with its own authors. Every figure the
report gives comes from a dataset through ``exercises.data.load``; none is typed here.
"""

from __future__ import annotations

import pandas as pd

# Article titles, for citations ("PSTA 2019, *title*").
S3 = "Must struggling local councils turn to citizens for help to deliver vital services?"
S5 = "Exactly what is real transformation and how do you make it happen?"
S6 = "Still Bold, Brave and Better?"
C1 = "The Oldham Model for place-based integration"
C2 = "Somerset Academies"
C3 = "I hear you! A service design approach to mental health services at scale"
C6 = "Storyhouse: a model for sustainable library provision"
C8 = "Hounslow Parks"
C9 = "The Suffolk Libraries story"


def cite(article: str, lines: tuple[int, int]) -> str:
    """A short citation for a table cell (no markup): "PSTA 2019, 'title', lines 10–20"."""
    return f"PSTA 2019, \u2018{article}\u2019, lines {lines[0]}\u2013{lines[1]}"


def fact(table: pd.DataFrame, fact_id: str) -> pd.Series:
    """One row of a table keyed by ``fact_id`` (``case_study_facts``, ``public_facts``)."""
    rows = table[table["fact_id"] == fact_id]
    if len(rows) != 1:
        raise KeyError(f"the table has no single row called '{fact_id}'")
    return rows.iloc[0]


def value(table: pd.DataFrame, fact_id: str) -> float:
    """The value of one fact, as a number."""
    return float(fact(table, fact_id)["value"])


def fund(pots: pd.DataFrame, fund_id: str) -> float:
    """One amount from the ``funding_pots`` table, in pounds."""
    rows = pots[pots["fund_id"] == fund_id]
    if len(rows) != 1:
        raise KeyError(f"the funding table has no single row called '{fund_id}'")
    return float(rows.iloc[0]["amount_gbp"])


def money(amount: float) -> str:
    """Pounds in words a reader expects: £350,000; £3 million; £1.1 million; £15.3 billion."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(amount) >= size:
            return f"£{amount / size:.1f}".rstrip("0").rstrip(".") + f" {word}"
    return f"£{amount:,.0f}"


_HEDGES = {
    "as stated": "",
    "about": "about ",
    "more than": "more than ",
    "up to": "up to ",
    "just under": "just under ",
    "almost": "almost ",
    "at least": "at least ",
}


def as_stated(row: pd.Series) -> str:
    """A fact as the report states it, with its hedge: "more than 2,000", "£160 million a year"."""
    unit, amount = str(row["unit"]), float(row["value"])
    if unit.startswith("GBP"):
        per = {"GBP per year": " a year", "GBP per person per year": " per person a year"}
        text = money(amount) + per.get(unit, "")
    elif unit == "percent":
        text = f"{amount:g}%"
    elif unit == "rank":
        text = {1: "1st", 2: "2nd", 3: "3rd"}.get(int(amount), f"{int(amount)}th")
    elif unit in ("years", "weeks", "days"):
        text = f"{amount:g} {unit}"
    elif unit == "year":
        text = f"{amount:.0f}"
    elif amount >= 1e6:
        text = f"{amount / 1e6:g} million"
    else:
        text = f"{amount:,.0f}"
    return _HEDGES.get(str(row["qualifier"]), "") + text
