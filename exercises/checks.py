"""Checking participants' answers: pure functions, no widgets.

Each checker takes the participant's answer and the author's answer key and returns a
``Feedback``: a status, one plain-English message and, where it helps, a note per option
or per item. The widgets in ``exercises.widgets`` only draw what these return, so every
rule about what counts as right lives here and is unit-tested.

Statuses:

- ``correct``, ``partly``, ``incorrect``: a judged answer;
- ``invalid``: we cannot check it yet (nothing chosen, or a number we cannot read);
- ``noted``: there is no right answer (self-assessments and reflections), it is recorded.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from exercises.numbers import PERCENT, POUNDS, NumberFormatProblem, format_number, parse_number

Status = Literal["correct", "partly", "incorrect", "invalid", "noted"]

HEADLINES: dict[str, str] = {
    "correct": "\u2713 Correct",
    "partly": "\u25d1 Partly right",
    "incorrect": "\u2717 Not quite",
    "invalid": "\u26a0 Not checked yet",
    "noted": "\u2713 Saved",
}
ITEM_RIGHT = "\u2713 Right."
ITEM_WRONG = "\u2717 Not this one."
ITEM_UNPLACED = "\u26a0 Not placed yet."


class ExerciseDefinitionError(ValueError):
    """An exercise was written wrongly (for course authors, raised when the page runs)."""


@dataclass(frozen=True)
class Feedback:
    """What to tell the participant about one answer."""

    status: Status
    message: str
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    @property
    def headline(self) -> str:
        """Words and a symbol (never colour alone): for example "✓ Correct"."""
        return HEADLINES[self.status]

    def as_text(self) -> str:
        """The whole feedback as plain text (used in tests and in the workbook export)."""
        lines = [f"{self.headline}. {self.message}".strip()]
        lines += [f"- {key}: {note}" for key, note in self.notes.items()]
        return "\n".join(lines)


def _answer_set(answer: str | Collection[str]) -> set[str]:
    return {answer} if isinstance(answer, str) else set(answer)


def check_choice(
    selected: str | Collection[str] | None, options: Mapping[str, str | None], answer: str | Collection[str]
) -> Feedback:
    """Check a multiple-choice answer.

    ``options`` maps each option's text to the author's feedback on it (or ``None``).
    ``answer`` is the right option, or a collection of options when several are right; the
    participant's ``selected`` is an option or a collection of options. Notes hold the
    feedback on each option chosen; right options not yet chosen are counted, not named,
    so the participant can look again before opening the answer.
    """
    right = _answer_set(answer)
    unknown = right - set(options)
    if unknown:
        raise ExerciseDefinitionError(f"The answer {sorted(unknown)} is not one of the options.")
    chosen = set() if selected is None else _answer_set(selected)
    chosen &= set(options)
    if not chosen:
        return Feedback("invalid", "Choose an answer first.")

    notes: dict[str, str] = {}
    for option in options:  # in the order the author wrote them
        if option in chosen:
            mark = ITEM_RIGHT if option in right else ITEM_WRONG
            notes[option] = f"{mark} {(options[option] or '').strip()}".strip()

    hits, wrong = len(chosen & right), len(chosen - right)
    if hits == len(right) and not wrong:
        message = "You chose the right answer." if len(right) == 1 else "You chose all the right answers."
        return Feedback("correct", message, notes)
    if len(right) == 1:
        return Feedback("incorrect", "That is not the best answer. Read the note, then try again.", notes)
    if hits:
        missed = len(right) - hits
        parts = [f"You chose {hits} of the {len(right)} right answers"]
        if wrong:
            parts.append(f"and {wrong} that {'is' if wrong == 1 else 'are'} not right")
        message = " ".join(parts) + "."
        if missed and not wrong:
            message += f" There {'is' if missed == 1 else 'are'} {missed} more to find."
        return Feedback("partly", message, notes)
    return Feedback("incorrect", "None of your choices is right. Read the notes, then try again.", notes)


def _unit_words(unit: str | None) -> str:
    if unit == POUNDS:
        return "an amount of money in pounds"
    if unit == PERCENT:
        return "a percentage"
    return f"a number of {unit}" if unit else "a plain number"


def check_number(
    text: str,
    answer: float,
    *,
    unit: str | None = None,
    tolerance: float = 0.0,
    relative_tolerance: float | None = None,
) -> Feedback:
    """Check a typed number against ``answer`` (in ``unit``: ``"£"``, ``"%"``, a word or ``None``).

    The answer is accepted when it is within ``tolerance`` (absolute) or within
    ``relative_tolerance`` (a fraction of the answer, e.g. 0.05 for 5%). Within three
    times the tolerance it counts as "partly": close, check the rounding. Percentages are
    compared as written (12% is 12); a fraction such as 0.12 gets a hint.
    """
    if tolerance < 0 or (relative_tolerance is not None and relative_tolerance < 0):
        raise ExerciseDefinitionError("Tolerances cannot be negative.")
    try:
        given = parse_number(text)
    except NumberFormatProblem as problem:
        return Feedback("invalid", problem.message)

    if given.unit in (POUNDS, PERCENT) and given.unit != unit:
        return Feedback("incorrect", f"You wrote {_unit_words(given.unit)}, but the answer is {_unit_words(unit)}.")

    allowed = max(tolerance, abs(answer) * (relative_tolerance or 0.0), 1e-9 * max(1.0, abs(answer)))

    def within(value: float, factor: float = 1.0) -> bool:
        return math.isclose(value, answer, rel_tol=0, abs_tol=allowed * factor)

    shown = format_number(given.value, unit)
    if within(given.value):
        return Feedback("correct", f"{shown} is right.")
    if unit == PERCENT and given.unit is None and within(given.value * 100):
        return Feedback(
            "incorrect",
            f"It looks like you wrote a fraction ({format_number(given.value)}). "
            f"Write percentages like {format_number(given.value * 100, PERCENT)}.",
        )
    direction = "too high" if given.value > answer else "too low"
    if within(given.value, 3.0):
        return Feedback("partly", f"{shown} is close, but a little {direction}. Check your rounding.")
    return Feedback("incorrect", f"{shown} is {direction}. Check your working, then try again.")


def check_classification(
    placements: Mapping[str, str | None],
    items: Mapping[str, str | Collection[str]],
    item_feedback: Mapping[str, str] | None = None,
) -> Feedback:
    """Check items sorted into categories.

    ``items`` maps each item to its right category (or a collection of acceptable ones);
    ``placements`` maps items to the category the participant chose (``None`` if not yet
    placed). Each item's note says whether it is right and adds the author's feedback.
    """
    item_feedback = item_feedback or {}
    placed = {item: placements.get(item) for item in items}
    if all(category is None for category in placed.values()):
        return Feedback("invalid", "Choose a category for each item first.")

    notes: dict[str, str] = {}
    right = unplaced = 0
    for item, category in placed.items():
        own = (item_feedback.get(item) or "").strip()
        if category is None:
            unplaced += 1
            notes[item] = ITEM_UNPLACED
        elif category in _answer_set(items[item]):
            right += 1
            notes[item] = f"{ITEM_RIGHT} {own}".strip()
        else:
            notes[item] = f"{ITEM_WRONG} {own}".strip()

    total = len(items)
    message = f"You placed {right} of {total} items correctly."
    if unplaced:
        message += f" {unplaced} {'is' if unplaced == 1 else 'are'} not placed yet."
    if right == total:
        return Feedback("correct", message, notes)
    return Feedback("partly" if right else "incorrect", message, notes)


def check_ratings(ratings: Mapping[str, int | None], statements: Sequence[str], levels: Sequence[str]) -> Feedback:
    """Summarise a self-assessment: every statement rated from 1 to ``len(levels)``."""
    missing = [s for s in statements if ratings.get(s) is None]
    if len(missing) == len(statements):
        return Feedback("invalid", "Choose a rating for each statement first.")
    top = len(levels)
    given = {s: int(rating) for s in statements if (rating := ratings.get(s)) is not None}
    bad = [s for s, rating in given.items() if not 1 <= rating <= top]
    if bad:
        return Feedback("invalid", f"Ratings go from 1 to {top}. Check: {'; '.join(bad)}.")
    average = sum(given.values()) / len(given)
    strongest = max(given, key=lambda s: given[s])
    weakest = min(given, key=lambda s: given[s])
    message = f"Your average rating is {average:.1f} out of {top}."
    if given[strongest] != given[weakest]:
        message += f" Your highest: \u201c{strongest}\u201d. Your lowest: \u201c{weakest}\u201d."
    if missing:
        message += f" {len(missing)} still to rate."
    return Feedback("noted", message)


def check_reflection(text: str, *, min_words: int | None = None) -> Feedback:
    """Acknowledge a reflection. There is no right answer; very short ones get a nudge."""
    words = len(text.split())
    if not words:
        return Feedback("invalid", "Write your reflection first.")
    message = f"You wrote {words} word{'s' if words != 1 else ''}."
    if min_words and words < min_words:
        message += f" Aim for about {min_words} words, so it still makes sense to you later."
    return Feedback("noted", message)
