"""What every day's lessons share: chart colours, answer-key types and the results chain.

Plain Python: nothing here imports ipywidgets. The day modules (``day1.py``, ``day2.py``,
``day3.py`` ...) import from here, so each of these has one home.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# GOV.UK design-system colours, so charts match the rest of the course.
BLUE, GREY, ORANGE, GREEN, RED, LIGHT = "#1d70b8", "#505a5f", "#f47738", "#00703c", "#d4351c", "#f3f2f1"

# The four links of the results chain (taught on Day 1, used again on Days 2 and 3).
RESOURCE, ACTIVITY, OUTPUT, OUTCOME = "Resource (input)", "Activity", "Output", "Outcome"


@dataclass(frozen=True)
class SortKey:
    """The answer key of a sorting exercise (``exercises.widgets.classify``).

    ``answers`` maps each item to its right category, or to a tuple of categories that
    are all acceptable; ``feedback`` gives the sentence shown for each item after checking.
    """

    categories: tuple[str, ...]
    answers: Mapping[str, str | tuple[str, ...]]
    feedback: Mapping[str, str]

    def accepted(self, item: str) -> tuple[str, ...]:
        """The categories that count as right for ``item``."""
        answer = self.answers[item]
        return (answer,) if isinstance(answer, str) else tuple(answer)


@dataclass(frozen=True)
class ChoiceKey:
    """The answer key of a multiple-choice question (``exercises.widgets.choice``).

    ``options`` maps each option to the feedback shown when it is chosen; ``answer`` is
    the right option, or a tuple of options when participants tick all that apply.
    """

    options: Mapping[str, str]
    answer: str | tuple[str, ...]

    def accepted(self) -> tuple[str, ...]:
        """The right option or options."""
        return (self.answer,) if isinstance(self.answer, str) else tuple(self.answer)
