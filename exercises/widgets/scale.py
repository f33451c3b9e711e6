"""Self-assessment on a scale: rate several statements, see a summary and a chart."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from exercises.checks import ExerciseDefinitionError, Feedback, check_ratings
from exercises.widgets.base import Exercise, one_call, stacked
from exercises.widgets.charts import figure_html

DEFAULT_LEVELS = ("Not at all", "A little", "Partly", "Mostly", "Fully")
UNRATED = 0


def ratings_figure(
    statements: Sequence[str],
    ratings: Sequence[int | None],
    top: int,
    *,
    kind: str = "bar",
    title: str = "Your ratings",
) -> Any:
    """A matplotlib Figure of ratings (``kind`` "bar" or "radar"; unrated counts as 0)."""
    from matplotlib.figure import Figure  # imported only when a chart is drawn

    values = [r or 0 for r in ratings]
    short = [textwrap.fill(s, 24) for s in statements]
    if kind == "radar" and len(statements) >= 3:
        figure = Figure(figsize=(7, 7))
        axes = figure.add_subplot(projection="polar")
        angles = [2 * math.pi * i / len(values) for i in range(len(values))]
        axes.plot(angles + angles[:1], values + values[:1], color="#1d70b8", linewidth=2, marker="o")
        axes.fill(angles + angles[:1], values + values[:1], color="#1d70b8", alpha=0.2)
        axes.set_xticks(angles, short, fontsize=9)
        axes.set_ylim(0, top)
        axes.set_yticks(range(1, top + 1))
    elif kind in ("bar", "radar"):
        figure = Figure(figsize=(7, 0.35 * sum(label.count("\n") + 1.5 for label in short) + 1.2))
        axes = figure.add_subplot()
        positions = range(len(values))
        axes.barh(positions, values, color="#1d70b8")
        axes.set_yticks(positions, short)
        axes.invert_yaxis()
        axes.set_xlim(0, top)
        axes.set_xticks(range(0, top + 1))
        axes.set_xlabel(f"Rating (1 to {top})")
    else:
        raise ExerciseDefinitionError("A scale chart is either 'bar' or 'radar'.")
    axes.set_title(title)
    return figure


class ScaleExercise(Exercise):
    """One drop-down list of levels per statement; saved as soon as a rating changes."""

    kind = "scale"
    reveal_label = "Show guidance"
    check_label = "Show my summary and chart"

    def __init__(
        self,
        exercise_id: str,
        question: str,
        *,
        statements: Sequence[str],
        levels: Sequence[str] = DEFAULT_LEVELS,
        chart: str | None = "bar",
        explanation: str = "",
        page: str | None = None,
    ) -> None:
        super().__init__(exercise_id, question, explanation=explanation, page=page)
        self.statements = [str(s) for s in statements]
        self.levels = [str(level) for level in levels]
        if not self.statements or len(self.levels) < 2 or len(set(self.statements)) != len(self.statements):
            raise ExerciseDefinitionError("Give at least one statement (each different) and two levels.")
        if chart not in (None, "bar", "radar"):
            raise ExerciseDefinitionError("chart must be 'bar', 'radar' or None.")
        self.chart_kind = chart
        choices = [("Choose a rating", UNRATED)] + [
            (f"{i} \u2013 {level}", i) for i, level in enumerate(self.levels, start=1)
        ]
        self.dropdowns = {
            s: stacked(widgets.Dropdown(options=choices, value=UNRATED, description=s)) for s in self.statements
        }
        for box in self.dropdowns.values():
            box.observe(self._on_change, names="value")
        self.chart_area = widgets.HTML()
        self._build([*self.dropdowns.values(), self.check_button], extra=[self.chart_area])

    def _on_change(self, _change: dict) -> None:
        """Save each rating as it is given; redraw the chart only if it is already shown."""
        if self._restoring or not any(self._value().values()):
            return
        if self.chart_area.value:
            self.submit()
        else:
            super().submit()

    def _site_key(self) -> dict[str, Any]:
        return {"statements": self.statements, "levels": self.levels, "chart": self.chart_kind}

    def _value(self) -> dict[str, int | None]:
        return {s: (box.value or None) for s, box in self.dropdowns.items()}

    def _set_value(self, value: Mapping[str, int | None]) -> None:
        for statement, rating in dict(value).items():
            if statement in self.dropdowns:
                self.dropdowns[statement].value = int(rating or UNRATED)

    def _check(self) -> Feedback:
        return check_ratings(self._value(), self.statements, self.levels)

    def submit(self) -> Feedback:
        feedback = super().submit()
        if self.chart_kind and feedback.status != "invalid" and not self._restoring:
            self.chart_area.value = self.chart_html()
        return feedback

    # -- for authors ----------------------------------------------------------------------
    def table(self) -> Any:
        """The ratings as a pandas DataFrame: statement, rating (1..n or missing), level."""
        import pandas as pd

        rows = [
            {"statement": s, "rating": r, "level": self.levels[r - 1] if r else None} for s, r in self._value().items()
        ]
        return pd.DataFrame(rows, columns=["statement", "rating", "level"]).astype({"rating": "Int64"})

    def chart(self, kind: str | None = None) -> Any:
        """A matplotlib Figure of the current ratings ("bar" or "radar")."""
        values = self._value()
        return ratings_figure(
            self.statements,
            [values[s] for s in self.statements],
            len(self.levels),
            kind=kind or self.chart_kind or "bar",
        )

    def chart_html(self) -> str:
        values = self._value()
        described = "; ".join(f"{s}: {values[s] or 'not rated'}" for s in self.statements)
        alt = f"Chart of your ratings out of {len(self.levels)}. {described}."
        return figure_html(self.chart(), alt)


scale = one_call(
    ScaleExercise,
    "scale",
    """Show a self-assessment: rate each statement from 1 to ``len(levels)``.

    ``levels`` names the points of the scale (default: "Not at all" ... "Fully"). There
    is no right answer. Ratings are saved as they change; the button shows a summary and
    a ``chart`` ("bar", "radar" or None). Keep the returned object to use ``.table()``
    (a DataFrame) or ``.chart()`` (a matplotlib Figure) later on the page.
    """,
)
