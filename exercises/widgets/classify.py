"""Sorting items into categories (for example, problems into Cynefin domains)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from exercises.checks import ExerciseDefinitionError, Feedback, check_classification
from exercises.widgets.base import Exercise, one_call, stacked

UNPLACED = ""
PROMPT = "Choose a category"


class ClassifyExercise(Exercise):
    """One drop-down list per item, labelled with the item's text."""

    kind = "classify"

    def __init__(
        self,
        exercise_id: str,
        question: str,
        *,
        categories: Sequence[str],
        items: Mapping[str, str | Collection[str]],
        item_feedback: Mapping[str, str] | None = None,
        explanation: str = "",
        page: str | None = None,
    ) -> None:
        super().__init__(exercise_id, question, explanation=explanation, page=page)
        self.categories = [str(c) for c in categories]
        self.items = dict(items)
        self.item_feedback = dict(item_feedback or {})
        if len(self.categories) < 2 or not self.items:
            raise ExerciseDefinitionError("Give at least two categories and one item to sort.")
        for item, right in self.items.items():
            accepted = {right} if isinstance(right, str) else set(right)
            if not accepted or not accepted <= set(self.categories):
                raise ExerciseDefinitionError(f"The category for {item!r} must be one of {self.categories}.")
        unknown = set(self.item_feedback) - set(self.items)
        if unknown:
            raise ExerciseDefinitionError(f"Feedback is given for items that are not listed: {sorted(unknown)}.")
        choices = [(PROMPT, UNPLACED)] + [(c, c) for c in self.categories]
        self.dropdowns = {
            item: stacked(widgets.Dropdown(options=choices, value=UNPLACED, description=item)) for item in self.items
        }
        self._build([*self.dropdowns.values(), self.check_button])

    def _site_key(self) -> dict[str, Any]:
        return {
            "categories": self.categories,
            "items": [[item, [right] if isinstance(right, str) else list(right)] for item, right in self.items.items()],
            "item_feedback": self.item_feedback,
        }

    def _value(self) -> dict[str, str | None]:
        return {item: (box.value or None) for item, box in self.dropdowns.items()}

    def _set_value(self, value: Mapping[str, str | None]) -> None:
        for item, category in dict(value).items():
            if item in self.dropdowns:
                if category not in (None, UNPLACED, *self.categories):
                    raise ValueError("saved category no longer offered")
                self.dropdowns[item].value = category or UNPLACED

    def _check(self) -> Feedback:
        return check_classification(self._value(), self.items, self.item_feedback)


classify = one_call(
    ClassifyExercise,
    "classify",
    """Show items to sort into ``categories``.

    ``items`` maps each item to its right category (or a list of categories that are all
    acceptable). ``item_feedback`` maps items to a sentence shown after checking, whether
    the participant placed the item rightly or not.
    """,
)
