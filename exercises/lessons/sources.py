"""Sources: the report's article titles, citations, and reading facts from the course's tables.

One home for every day's lessons (Day 1 to Day 5 import from here). Plain Python and
pandas: nothing here imports ipywidgets.

"PSTA 2019" is the Public Service Transformation Academy's report *Public service: state of
transformation*; each article in it is a chapter with its own authors. Every figure the
report gives comes from a dataset through ``exercises.data.load``; none is typed here. The
authors, titles and bibliography keys of the articles come from the ``report_articles``
table (``datasets/report/articles.csv``); its line ranges are for maintainers and never
appear in a citation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd

from exercises import data

REPORT_YEAR = 2019
REPORT_TITLE = "Public service: state of transformation"
REPORT_PUBLISHER = "Public Service Transformation Academy"

# Article titles (short forms), for naming an article in code: cite(S5).
S3 = "Must struggling local councils turn to citizens for help to deliver vital services?"
S5 = "Exactly what is real transformation and how do you make it happen?"
S6 = "Still Bold, Brave and Better?"
C1 = "The Oldham Model for place-based integration"
C2 = "Somerset Academies"
C3 = "I hear you! A service design approach to mental health services at scale"
C6 = "Storyhouse: a model for sustainable library provision"
C8 = "Hounslow Parks"
C9 = "The Suffolk Libraries story"


@dataclass(frozen=True)
class Article:
    """One article of the 2019 report, as a reader cites it."""

    code: str  # the course's short id (S1, C7): for code and datasets, never for a page
    title: str
    authors: tuple[str, ...]  # full names; empty where the article has no byline
    bib_key: str  # its key in references.bib: {cite}`psta2019-...`

    @property
    def surnames(self) -> str:
        """The authors as a citation names them: "Ball", "Taylor and Symonds", "Fisk and others"."""
        names = [name.split()[-1] for name in self.authors]
        if not names:
            return REPORT_PUBLISHER
        if len(names) == 1:
            return names[0]
        if len(names) == 2:
            return f"{names[0]} and {names[1]}"
        return f"{names[0]} and others"


@cache
def articles() -> tuple[Article, ...]:
    """Every article of the report, in the order of ``report_articles``."""
    table = data.load("report_articles")
    return tuple(
        Article(
            code=str(row["article"]),
            title=str(row["title"]),
            authors=tuple(a.strip() for a in str(row["authors"]).split(";") if a.strip())
            if not pd.isna(row["authors"])
            else (),
            bib_key=str(row["bib_key"]),
        )
        for _, row in table.iterrows()
    )


def article(name: str) -> Article:
    """The article called ``name``: its code ("S5"), its key ("psta2019-oldham") or its title
    (the start of it is enough: "Somerset Academies")."""
    wanted = name.strip()
    for item in articles():
        if wanted in (item.code, item.bib_key, item.title) or (len(wanted) >= 8 and item.title.startswith(wanted)):
            return item
    raise KeyError(f"the 2019 report has no article called '{name}'")


def cite(name: str, lines: tuple[int, int] | None = None) -> str:
    """A citation a reader can follow, for a table cell or a sentence (no markup):
    "Taylor and Symonds (2019), 'Commissioning is an approach to transformation'".

    ``lines`` (a line range in the course's text copy of the report) is accepted from older
    callers and never shown: line ranges belong in the datasets' provenance columns.
    """
    item = article(name)
    return f"{item.surnames} ({REPORT_YEAR}), \u2018{item.title}\u2019"


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
