"""Questions with a numeric answer, typed as a participant would write it (£1.2m, 12%)."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from exercises.checks import ExerciseDefinitionError, Feedback, check_number
from exercises.numbers import PERCENT, POUNDS
from exercises.widgets.base import Exercise, one_call, stacked

_HINTS = {POUNDS: "in pounds (£)", PERCENT: "as a percentage (%)"}


class NumberExercise(Exercise):
    """A text box that reads "1,200", "£1.2m" or "12%" and checks it within a tolerance."""

    kind = "number"

    def __init__(
        self,
        exercise_id: str,
        question: str,
        *,
        answer: float,
        unit: str | None = None,
        tolerance: float = 0.0,
        relative_tolerance: float | None = None,
        explanation: str = "",
        page: str | None = None,
    ) -> None:
        super().__init__(exercise_id, question, explanation=explanation, page=page)
        if isinstance(answer, bool) or not isinstance(answer, (int, float)):
            raise ExerciseDefinitionError("The answer to a number question must be a number.")
        self.answer, self.unit = float(answer), unit
        self.tolerance, self.relative_tolerance = tolerance, relative_tolerance
        if tolerance < 0 or (relative_tolerance or 0) < 0:
            raise ExerciseDefinitionError("Tolerances cannot be negative.")
        hint = _HINTS.get(unit or "", f"in {unit}" if unit else "as a number")
        self.text = stacked(
            widgets.Text(
                value="",
                description=f"Your answer, {hint}",
                placeholder="Type your answer, then press Enter",
                continuous_update=False,
            )
        )
        self.text.observe(self._on_enter, names="value")
        self._build([self.text, self.check_button])

    def _on_enter(self, change: dict) -> None:
        if not self._restoring and change["new"].strip() and change["new"] != self._last_saved:
            self.submit()

    def _site_key(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "unit": self.unit,
            "tolerance": self.tolerance,
            "relative_tolerance": self.relative_tolerance,
        }

    def _value(self) -> str:
        return self.text.value

    def _set_value(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("saved answer is not text")
        self.text.value = value

    def _check(self) -> Feedback:
        return check_number(
            self.text.value,
            self.answer,
            unit=self.unit,
            tolerance=self.tolerance,
            relative_tolerance=self.relative_tolerance,
        )


number = one_call(
    NumberExercise,
    "number",
    """Show a question whose answer is a number.

    ``unit`` is ``"£"``, ``"%"``, a word such as ``"days"``, or ``None``. The answer is
    right within ``tolerance`` (absolute, in the unit) or ``relative_tolerance`` (a
    fraction of the answer: 0.05 accepts anything within 5%). Percentages are written as
    participants see them: ``answer=12, unit="%"`` for 12%.
    """,
)
