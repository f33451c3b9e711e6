"""Generated sections of Markdown pages, kept between a pair of marker comments.

Some reference pages hold a table made from the book's own files (the dataset
catalogue, the course map). The table sits between two HTML comments; a script
rewrites only what is between them, so the rest of the page stays hand-written::

    <!-- catalogue:start (made by ...; do not edit by hand) -->
    | the table |
    <!-- catalogue:end -->

This module is plain text handling: no widgets, no pandas.
"""

from __future__ import annotations


class MarkersMissing(ValueError):
    """The page does not hold the start and end markers, in that order."""


def between(page: str, start: str, end: str) -> str:
    """The text between the ``start`` and ``end`` markers of ``page``."""
    first, last = _positions(page, start, end)
    return page[first + len(start) : last]


def replace_between(page: str, start: str, end: str, body: str) -> str:
    """Return ``page`` with the text between the markers replaced by ``body``.

    ``body`` is set off by a blank line on each side, so Markdown reads it as its own block.
    """
    first, last = _positions(page, start, end)
    return page[: first + len(start)] + "\n\n" + body.rstrip("\n") + "\n\n" + page[last:]


def _positions(page: str, start: str, end: str) -> tuple[int, int]:
    first = page.find(start)
    last = page.find(end, first + len(start)) if first >= 0 else -1
    if first < 0 or last < 0:
        raise MarkersMissing(f"The page has no '{start}' and '{end}' markers to replace between.")
    return first, last
