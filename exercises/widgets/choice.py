"""Multiple-choice questions: one answer (radio buttons) or several (tick boxes)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from exercises.checks import ExerciseDefinitionError, Feedback, check_choice
from exercises.widgets.base import Exercise, one_call, stacked


def _as_options(options: Mapping[str, str | None] | Sequence[str]) -> dict[str, str | None]:
    if isinstance(options, Mapping):
        result = {str(label): feedback for label, feedback in options.items()}
    elif isinstance(options, Sequence) and not isinstance(options, str):
        result = {str(label): None for label in options}
    else:
        raise ExerciseDefinitionError("Give the options as a list, or as {option: feedback}.")
    if len(result) < 2:
        raise ExerciseDefinitionError("A multiple-choice question needs at least two options.")
    return result


class ChoiceExercise(Exercise):
    """Radio buttons when ``answer`` is one option; tick boxes when it is a list of options."""

    kind = "choice"

    def __init__(
        self,
        exercise_id: str,
        question: str,
        *,
        options: Mapping[str, str | None] | Sequence[str],
        answer: str | Collection[str],
        explanation: str = "",
        page: str | None = None,
    ) -> None:
        super().__init__(exercise_id, question, explanation=explanation, page=page)
        self.options = _as_options(options)
        self.answer = answer
        self.multiple = not isinstance(answer, str)
        check_choice(None, self.options, answer)  # raises ExerciseDefinitionError for a bad key
        if self.multiple:
            self.checkboxes = {
                label: widgets.Checkbox(value=False, description=label, indent=False) for label in self.options
            }
            hint = widgets.HTML("<p><strong>Choose all that apply.</strong></p>")
            controls: list[widgets.Widget] = [hint, *self.checkboxes.values()]
        else:
            self.radio = stacked(
                widgets.RadioButtons(options=list(self.options), value=None, description="Your answer")
            )
            controls = [self.radio]
        self._build([*controls, self.check_button])

    def _site_key(self) -> dict[str, Any]:
        right = [self.answer] if isinstance(self.answer, str) else list(self.answer)
        return {
            "options": [[label, note] for label, note in self.options.items()],
            "answer": right,
            "multiple": self.multiple,
        }

    def _value(self) -> str | list[str] | None:
        if self.multiple:
            return [label for label, box in self.checkboxes.items() if box.value]
        return self.radio.value

    def _set_value(self, value: str | list[str] | None) -> None:
        if self.multiple:
            chosen = set(value or [])
            if not chosen <= set(self.checkboxes):
                raise ValueError("saved options no longer offered")
            for label, box in self.checkboxes.items():
                box.value = label in chosen
        else:
            if value not in self.options:
                raise ValueError("saved option no longer offered")
            self.radio.value = value

    def _check(self) -> Feedback:
        return check_choice(self._value(), self.options, self.answer)


choice = one_call(
    ChoiceExercise,
    "choice",
    """Show a multiple-choice question. ``options`` maps each option to its feedback.

    Give ``answer`` as one option (participants pick one) or as a list of options
    (participants tick all that apply, and get credit for each right one).
    """,
)
