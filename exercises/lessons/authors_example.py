"""The example calculator on the authors' page (``modules/authors/writing-exercises.ipynb``).

An invest-to-save check on the Oldham figures (PSTA 2019, *The Oldham Model for
place-based integration*). It lives in a module, not on the page, so that the course
website can run its JavaScript port (``exercises.widgets.browser_ports``): the page shows
this file's code to authors as the example to follow. Plain Python: no widgets.
"""

from __future__ import annotations

from typing import Any

from exercises.lessons.common import BLUE, GREY


def invest_to_save(
    investment: float, saving: float, reading: str, years: int, attribution: float, deadweight: float
) -> dict[str, float]:
    """Savings counted after attribution and deadweight, and the return for every £1."""
    if investment <= 0:
        raise ValueError("The investment must be more than £0.")
    if saving < 0:
        raise ValueError("The savings reported cannot be negative.")
    if not (0 <= attribution <= 1 and 0 <= deadweight <= 1):
        raise ValueError("Each share must be between 0% and 100%.")
    reported = saving * years if reading == "per year" else saving
    counted = reported * attribution * (1 - deadweight)
    return {
        "Savings counted over the period (£)": counted,
        "Net saving: savings counted minus investment (£)": counted - investment,
        "Saved for every £1 invested (£)": counted / investment,
    }


def money_chart(result: dict[str, float]) -> Any:
    """A bar chart of the investment beside the savings counted."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    from exercises.numbers import format_number

    counted = result["Savings counted over the period (£)"]
    investment = counted - result["Net saving: savings counted minus investment (£)"]
    figure = Figure(figsize=(6, 3))
    axes = figure.add_subplot()
    axes.barh(["Investment", "Savings counted"], [investment, counted], color=[GREY, BLUE])
    axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _: format_number(x, "£", compact=True)))
    axes.set_title("Investment compared with the savings counted")
    return figure
