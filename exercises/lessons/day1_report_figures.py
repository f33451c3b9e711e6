"""Day 1: figures the report gives that no dataset holds, and the article titles Day 1 cites.

Plain Python: nothing here imports ipywidgets.
"""

from __future__ import annotations

from dataclasses import dataclass

S1 = "Commissioning is an approach to transformation"
S4 = "Move fast and fix things"


# --- figures from the report that no dataset holds ---------------------------------


@dataclass(frozen=True)
class ReportFigure:
    """One figure the report states, with where it says it."""

    value: float
    unit: str
    what: str
    article: str
    lines: tuple[int, int]

    def cite(self) -> str:
        """A short citation, for example "PSTA 2019, *Move fast and fix things*, lines 2718–2724"."""
        return f"PSTA 2019, *{self.article}*, lines {self.lines[0]}\u2013{self.lines[1]}"


OJEU_MONTHS = ReportFigure(
    15, "months", "The longest the OJEU procurement process can take ('up to 15 months')", S1, (777, 782)
)
CONTRACT_YEARS = ReportFigure(
    7, "years", "Length of a 'big, ugly contract': one opportunity to learn per seven years", S1, (791, 795)
)
DAYS_PER_YEAR = 365.25
DECADE_YEARS = 10
