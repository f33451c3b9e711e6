"""Free-text reflections, kept in the participant's workbook."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from exercises.checks import Feedback, check_reflection
from exercises.widgets.base import Exercise, one_call, stacked


class ReflectExercise(Exercise):
    """A large text box. Saved when the participant leaves the box and with the Save button."""

    kind = "reflect"
    reveal_label = "Show guidance"
    check_label = "Save my reflection"

    def __init__(
        self,
        exercise_id: str,
        prompt: str,
        *,
        explanation: str = "",
        min_words: int | None = None,
        lines: int = 6,
        page: str | None = None,
    ) -> None:
        super().__init__(exercise_id, prompt, explanation=explanation, page=page)
        self.min_words = min_words
        # continuous_update=False: the text reaches Python when the box loses focus, so it is
        # saved then, without a save on every key press.
        self.textarea = stacked(
            widgets.Textarea(
                value="",
                description="Your reflection",
                rows=lines,
                placeholder="Write here. Your text is saved when you click outside the box.",
                continuous_update=False,
            )
        )
        self.textarea.observe(self._on_blur, names="value")
        self._build([self.textarea, self.check_button])

    def _on_blur(self, change: dict) -> None:
        if not self._restoring and change["new"].strip() and change["new"] != self._last_saved:
            self.submit()

    def _site_key(self) -> dict[str, Any]:
        return {"min_words": self.min_words}

    def _value(self) -> str:
        return self.textarea.value

    def _set_value(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("saved reflection is not text")
        self.textarea.value = value

    def _check(self) -> Feedback:
        return check_reflection(self.textarea.value, min_words=self.min_words)


reflect = one_call(
    ReflectExercise,
    "reflect",
    """Show a reflection box. ``explanation`` is guidance on what a good answer covers.

    The text is saved to the workbook when the participant clicks outside the box, and
    with the "Save my reflection" button. ``min_words`` adds a gentle nudge, never a block.
    """,
)
