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

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path


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


def section_main(
    argv: Sequence[str] | None,
    *,
    prog: str,
    description: str,
    what: str,
    make: Callable[[], str],
    replace: Callable[[str], str],
    errors: tuple[type[Exception], ...],
) -> int:
    """``python -m PROG [--update PAGE]``: print a generated section, or rewrite it between its markers in PAGE.

    ``what`` names the section in messages ("the course map"); ``make`` makes it, ``replace``
    puts a fresh one in a page's text, and ``errors`` are the problems reported in plain words.
    """
    reported: tuple[type[Exception], ...] = (*errors, OSError)
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--update", type=Path, metavar="PAGE", help=f"rewrite {what} in this Markdown page")
    args = parser.parse_args(argv)
    try:
        if args.update is None:
            sys.stdout.write(make())
            return 0
        from exercises.storage import atomic_write_text

        atomic_write_text(args.update, replace(args.update.read_text(encoding="utf-8")))
        print(f"Updated {what} in {args.update}.")
        return 0
    except reported as error:
        print(f"Could not make {what}: {error}", file=sys.stderr)
        return 1
