"""Tables for people: every table a lesson shows goes through :func:`table`.

A lesson never displays a raw DataFrame. :func:`table` turns one into an accessible HTML
table that reads like one in a GOV.UK statistical release:

- numbers formatted for people: thousands separators, ``£``, per cent, a fixed number of
  decimals per column (never ``3000000.0`` or ``500.0``);
- blanks shown as "–" (or words you choose), with the reason in a note under the table,
  never ``NaN``;
- text left-aligned and numbers right-aligned, headers aligned with their column;
- no index-name header row; a caption, always.

Column kinds (``formats={"column": "kind"}``; a column not named is guessed from its values):

``text``      as it is
``count``     a whole number: 12,345
``number``    a number with up to ``decimals`` places (default: as few as the column needs, at most 2)
``money``     pounds, whole: £1,234,567
``money_2dp`` pounds and pence: £1,234.50
``money_m``   pounds in millions: £1.2m
``percent``   a value already in per cent (45.0 → 45%)
``share``     a fraction of one (0.45 → 45%)
``ratio``     a return or multiple: 2.53
``year``      a calendar or financial year, no separator: 2019

Append ``:N`` to fix the decimals, for example ``"percent:1"`` or ``"money_m:2"``.

Plain Python and pandas: nothing here imports ipywidgets. The object returned displays
itself in JupyterLab and in the built site (``_repr_html_``) and as text in a terminal.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from numbers import Real
from typing import Any

import pandas as pd

BLANK = "\u2013"  # en dash: what an empty cell shows

KINDS = ("text", "count", "number", "money", "money_2dp", "money_m", "percent", "share", "ratio", "year")
_NUMERIC = frozenset(KINDS) - {"text"}


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def is_blank(value: object) -> bool:
    """True for a missing value: None, NaN, pandas' NA or NaT, or an empty string."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _parse_kind(spec: str) -> tuple[str, int | None]:
    kind, _, places = spec.partition(":")
    if kind not in KINDS:
        raise ValueError(f"unknown column format '{spec}': use one of {', '.join(KINDS)}")
    return kind, (int(places) if places else None)


def _decimals_needed(values: list[float], most: int = 2) -> int:
    """The fewest decimals (up to ``most``) that show every value in the column exactly."""
    for places in range(most + 1):
        if all(abs(round(v, places) - v) < 1e-9 * max(1.0, abs(v)) for v in values):
            return places
    return most


def _guess(values: list[Any]) -> str:
    present = [v for v in values if not is_blank(v)]
    if not present:
        return "text"
    if all(isinstance(v, bool) for v in present):
        return "text"
    if all(isinstance(v, Real) and not isinstance(v, bool) for v in present):
        if all(float(v).is_integer() for v in present):
            return "count"
        return "number"
    return "text"


def _formatter(kind: str, places: int | None, values: list[Any]) -> Callable[[Any], str]:
    numbers = [float(v) for v in values if not is_blank(v) and isinstance(v, Real)]
    if kind == "text":
        return lambda v: str(v)
    if kind == "count":
        return lambda v: f"{float(v):,.{places or 0}f}"
    if kind == "year":
        return lambda v: f"{int(v)}" if isinstance(v, Real) else str(v)
    if kind in ("number", "ratio"):
        fixed = places if places is not None else _decimals_needed(numbers, 2)
        return lambda v: f"{float(v):,.{fixed}f}"
    if kind == "money":
        fixed = places or 0
        return lambda v: _pounds(float(v), f",.{fixed}f")
    if kind == "money_2dp":
        return lambda v: _pounds(float(v), ",.2f")
    if kind == "money_m":
        fixed = places if places is not None else _decimals_needed([n / 1e6 for n in numbers], 1)
        return lambda v: _pounds(float(v) / 1e6, f",.{fixed}f") + "m"
    if kind == "percent":
        fixed = places if places is not None else _decimals_needed(numbers, 1)
        return lambda v: f"{float(v):,.{fixed}f}%"
    if kind == "share":
        fixed = places if places is not None else _decimals_needed([n * 100 for n in numbers], 1)
        return lambda v: f"{float(v) * 100:,.{fixed}f}%"
    raise AssertionError(kind)  # pragma: no cover - _parse_kind refuses other kinds


def _pounds(amount: float, spec: str) -> str:
    text = format(abs(amount), spec)
    return ("\u2212£" if amount < 0 and float(text.replace(",", "")) != 0 else "£") + text


@dataclass(frozen=True)
class Table:
    """A table ready for people: formatted cells, caption, notes. Display it, or call
    :meth:`to_html` or :meth:`to_text`."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    notes: tuple[str, ...] = ()
    row_headers: bool = True

    def to_html(self) -> str:
        def align(i: int) -> str:
            # Inline, so the alignment holds in JupyterLab as well as on the site.
            return ' class="academy-num" style="text-align:right"' if self.numeric[i] else ' style="text-align:left"'

        head = "".join(f'<th scope="col"{align(i)}>{_esc(h)}</th>' for i, h in enumerate(self.header))
        body = []
        for row in self.rows:
            cells = []
            for i, cell in enumerate(row):
                if i == 0 and self.row_headers:
                    cells.append(f'<th scope="row"{align(i)}>{_esc(cell)}</th>')
                else:
                    cells.append(f"<td{align(i)}>{_esc(cell)}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        notes = "".join(f'<p class="academy-table-note">{_esc(n)}</p>' for n in self.notes)
        return (
            '<div class="academy-table-wrap" role="region" tabindex="0" style="overflow-x:auto" '
            f'aria-label="{_esc(self.caption)}">'
            # The caption takes the text colour of the output around it: the site's theme would
            # otherwise give it a pale grey that fails contrast on a notebook output in dark mode.
            f'<table class="academy-table"><caption style="color:inherit">{_esc(self.caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{notes}</div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_text(self) -> str:
        """The table as plain text, for a terminal or a test's failure message."""
        widths = [
            max(len(h), *(len(r[i]) for r in self.rows)) if self.rows else len(h) for i, h in enumerate(self.header)
        ]

        def line(cells: tuple[str, ...]) -> str:
            return "  ".join(
                c.rjust(w) if self.numeric[i] else c.ljust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            ).rstrip()

        out = [self.caption, line(self.header), *(line(r) for r in self.rows), *self.notes]
        return "\n".join(out)

    def __repr__(self) -> str:
        return self.to_text()

    def column(self, name: str) -> list[str]:
        """The formatted cells of one column, as the reader sees them."""
        i = self.header.index(name)
        return [row[i] for row in self.rows]


def table(
    frame: pd.DataFrame,
    caption: str,
    *,
    formats: Mapping[str, str] | None = None,
    blanks: Mapping[str, str] | None = None,
    notes: tuple[str, ...] | list[str] = (),
    index: bool = False,
    row_headers: bool | None = None,
) -> Table:
    """A DataFrame as a table for people (see the module docstring for ``formats``).

    ``blanks`` maps a column to what an empty cell in it means ("not reported: the report
    gives no period"); the cell shows "–" and the reason goes in a note under the table.
    An empty cell in a column not named in ``blanks`` still shows "–". ``index=True``
    keeps the index as the first column (its name, if any, becomes that column's header:
    there is never a separate index-name row). ``row_headers`` marks the first column as
    row headers; by default it does when that column is text.
    """
    if not caption or not caption.strip():
        raise ValueError("every table needs a caption that says what it shows")
    formats = dict(formats or {})
    blanks = dict(blanks or {})
    data = frame.reset_index() if index else frame
    if index and frame.index.name is None and "index" in data.columns:
        data = data.rename(columns={"index": ""})
    unknown = (set(formats) | set(blanks)) - {str(c) for c in data.columns}
    if unknown:
        raise KeyError(f"no column called {', '.join(sorted(unknown))} in the table '{caption}'")

    header: list[str] = []
    columns: list[list[str]] = []
    numeric: list[bool] = []
    blank_notes: list[str] = []
    for name in data.columns:
        values = list(data[name])
        spec = formats.get(str(name))
        kind, places = _parse_kind(spec) if spec else (_guess(values), None)
        fmt = _formatter(kind, places, values)
        cells = []
        has_blank = False
        for v in values:
            if is_blank(v):
                has_blank = True
                cells.append(BLANK)
            elif kind != "text" and isinstance(v, Real) and not isinstance(v, bool) and math.isfinite(float(v)):
                cells.append(fmt(v))
            else:
                cells.append(str(v))
        if has_blank and str(name) in blanks:
            blank_notes.append(f"{BLANK} in \u2018{name}\u2019: {blanks[str(name)]}")
        header.append(str(name))
        columns.append(cells)
        numeric.append(kind in _NUMERIC)

    rows = tuple(zip(*columns, strict=True)) if columns else ()
    first_is_text = bool(numeric) and not numeric[0]
    return Table(
        caption=caption.strip(),
        header=tuple(header),
        rows=tuple(tuple(r) for r in rows),
        numeric=tuple(numeric),
        notes=tuple(blank_notes) + tuple(notes),
        row_headers=first_is_text if row_headers is None else row_headers,
    )
