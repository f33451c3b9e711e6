"""The building blocks of a plan document: headings, paragraphs, lists, tables, facts and the timeline.

:mod:`exercises.plan.document` lays a plan out as a list of these blocks; each export
(Markdown, HTML, Word) draws every kind of block in its own format. Blocks hold the team's
text as it is; each renderer escapes it for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from exercises.plan.model import Plan


@dataclass(frozen=True)
class Heading:
    level: int  # 1 is the document title
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""  # shown in bold before the text, such as "Why now"


@dataclass(frozen=True)
class Bullets:
    items: list[str]
    label: str = ""


@dataclass(frozen=True)
class Table:
    """A table. ``show_caption`` is False when the caption would repeat the heading just above
    (the caption is still given to screen readers). Cells in ``tone_columns`` hold a rating
    word ("Red", "High (9)") that renderers may also show in colour, never by colour alone."""

    caption: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    show_caption: bool = True
    tone_columns: tuple[int, ...] = ()


@dataclass(frozen=True)
class PageBreak:
    """The end of a page in a paged document (Word, PDF, print); nothing on a screen."""


@dataclass(frozen=True)
class Timeline:
    """Where the 100-day chart goes (each renderer draws it its own way)."""

    plan: Plan


@dataclass(frozen=True)
class Facts:
    """Labelled facts shown as a two-column table, such as the document control box."""

    caption: str
    pairs: list[tuple[str, str]]


Block = Heading | Paragraph | Bullets | Table | Timeline | PageBreak | Facts

# Ratings shown as a word and a colour: the follow-up's red, amber and green, and risk levels.
TONES = {"red": "red", "amber": "amber", "green": "green", "high": "red", "medium": "amber", "low": "green"}


def tone(text: str) -> str | None:
    """The colour ("red", "amber" or "green") a rating cell is shown in, from its first word."""
    words = text.split()
    return TONES.get(words[0].lower()) if words else None
