"""Reading and writing numbers the way participants type them.

``parse_number`` accepts what a manager would write in a report: ``1200``, ``1,200``,
``£1.2m``, ``£350k``, ``£1bn``, ``1.2 million``, ``12%``, ``3.5 per cent``, ``-3.5``,
``50p`` or ``40 people``. It returns the value and its unit (``"£"``, ``"%"``, a word
such as ``"people"``, or ``None``). Anything it cannot read raises
``NumberFormatProblem``, whose message says in plain English what to write instead.

``format_number`` does the reverse, so figures shown to participants can be typed back in.
Nothing here imports widgets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

POUNDS = "£"
PERCENT = "%"
MAX_LENGTH = 60

EXAMPLES = "a number such as 1200, 1,200, £1.2m, £350k or 12%"

_MULTIPLIERS: dict[str, Decimal] = {
    "k": Decimal(1_000),
    "thousand": Decimal(1_000),
    "m": Decimal(1_000_000),
    "mn": Decimal(1_000_000),
    "million": Decimal(1_000_000),
    "b": Decimal(1_000_000_000),
    "bn": Decimal(1_000_000_000),
    "billion": Decimal(1_000_000_000),
}
_POUND_WORDS = {"gbp", "pound", "pounds"}
_PENCE_WORDS = {"p", "pence"}
_PERCENT_WORDS = {"%", "per cent", "percent", "pc"}

_PATTERN = re.compile(
    r"""
    (?P<sign1>[-+])?\s*
    (?P<currency>£|gbp(?![a-z]))?\s*
    (?P<sign2>[-+])?\s*
    (?P<digits>\d[\d,]*(?:\.\d*)?|\.\d+)\s*
    (?:(?P<multiplier>thousand|million|billion|mn|bn|k|m|b)(?![a-z]))?\s*
    (?P<suffix>%|[a-z][a-z ]*)?
    """,
    re.VERBOSE | re.ASCII,
)
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?", re.ASCII)
_DASHES = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " "})


class NumberFormatProblem(ValueError):
    """Text that cannot be read as a number. ``message`` is plain English for the participant."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ParsedNumber:
    """A number read from text: its value, its unit (``"£"``, ``"%"``, a word, or ``None``)."""

    value: float
    unit: str | None
    text: str

    def __str__(self) -> str:
        return format_number(self.value, self.unit)


def _quote(text: str) -> str:
    shown = text if len(text) <= 30 else text[:27] + "..."
    return f"\u201c{shown}\u201d"


def parse_number(text: str) -> ParsedNumber:
    """Read a number as a participant would type it; raise ``NumberFormatProblem`` if we can't."""
    if not isinstance(text, str):
        raise NumberFormatProblem(f"Write {EXAMPLES}.")
    original = text
    cleaned = " ".join(text.translate(_DASHES).split()).lower()
    if not cleaned:
        raise NumberFormatProblem(f"Enter a number first: {EXAMPLES}.")
    if len(cleaned) > MAX_LENGTH:
        raise NumberFormatProblem(f"That is too long to be a number. Write {EXAMPLES}.")
    match = _PATTERN.fullmatch(cleaned)
    if match is None:
        raise NumberFormatProblem(_unreadable_message(original, cleaned))

    digits = match["digits"]
    if "," in digits and not _GROUPED.fullmatch(digits):
        raise NumberFormatProblem(
            f"We could not read the commas in {_quote(original)}. Use commas only between "
            "groups of three digits (1,200) and a full stop for decimals (1.2)."
        )
    if match["sign1"] and match["sign2"]:
        raise NumberFormatProblem(f"{_quote(original)} has two signs. Write just one, such as -3.5.")

    suffix = (match["suffix"] or "").strip()
    currency = bool(match["currency"])
    unit: str | None = POUNDS if currency else None
    scale = _MULTIPLIERS.get(match["multiplier"] or "", Decimal(1))
    if suffix in _PERCENT_WORDS:
        if currency:
            raise NumberFormatProblem(
                f"{_quote(original)} has both £ and %. Write an amount (£1.2m) or a percentage (12%)."
            )
        if match["multiplier"]:
            raise NumberFormatProblem(
                f"{_quote(original)} mixes a percentage with thousands or millions. Write it like 12%."
            )
        unit = PERCENT
    elif suffix in _PENCE_WORDS:
        if currency or match["multiplier"]:
            raise NumberFormatProblem(f"Write pence like 50p, or pounds like £0.50, not {_quote(original)}.")
        unit, scale = POUNDS, Decimal("0.01")
    elif suffix in _POUND_WORDS:
        unit = POUNDS
    elif suffix and not currency:
        unit = suffix

    try:
        amount = Decimal(digits.replace(",", "")) * scale
    except InvalidOperation as exc:  # pragma: no cover - the pattern only lets digits through
        raise NumberFormatProblem(_unreadable_message(original, cleaned)) from exc
    if match["sign1"] == "-" or match["sign2"] == "-":
        amount = -amount
    value = float(amount)
    if value in (float("inf"), float("-inf")):
        raise NumberFormatProblem(f"{_quote(original)} is too large. Write a smaller number.")
    return ParsedNumber(value=value, unit=unit, text=original)


def _unreadable_message(original: str, cleaned: str) -> str:
    if not any(ch.isdigit() for ch in cleaned):
        return f"{_quote(original)} has no digits in it. Write {EXAMPLES}."
    if cleaned.count(".") > 1:
        return f"{_quote(original)} has more than one decimal point. Write {EXAMPLES}."
    if re.search(r"\d\s+\d", cleaned):
        return f"Write {_quote(original)} without spaces between the digits, such as 1200 or 1,200."
    if re.search(r"\de[-+]?\d", cleaned):
        return f"Write {_quote(original)} in full (for example 1,200,000 or 1.2m), not as 1.2e6."
    return f"We could not read {_quote(original)} as a number. Write {EXAMPLES}."


def _plain(value: float, decimals: int | None) -> str:
    """``1234.5`` → ``"1,234.5"``: thousands separated, trailing zeros dropped when ``decimals`` is None."""
    text = f"{abs(value):,.2f}".rstrip("0").rstrip(".") if decimals is None else f"{abs(value):,.{decimals}f}"
    return text


def format_number(value: float, unit: str | None = None, *, decimals: int | None = None, compact: bool = False) -> str:
    """Write a number for a participant to read: ``£1,200,000``, ``12.5%``, ``40 people``.

    ``decimals`` fixes the number of decimal places; by default up to two are shown (money
    with pence always shows two). ``compact`` writes large amounts as ``£1.2m``, ``£350k``
    or ``£1.6bn`` (never percentages). ``parse_number`` reads every result back.
    """
    sign = "-" if value < 0 and round(abs(value), 2 if decimals is None else decimals) != 0 else ""
    magnitude = abs(value)
    suffix = ""
    if compact and unit != PERCENT:
        places = 2 if decimals is None else decimals
        scaled = [
            (magnitude / threshold, letters)
            for threshold, letters in ((1e3, "k"), (1e6, "m"), (1e9, "bn"))
            if round(magnitude / threshold, places) >= 1
        ]
        if scaled:
            magnitude, suffix = scaled[-1]
    if unit == POUNDS and decimals is None and not suffix and round(magnitude, 2) != round(magnitude):
        decimals = 2
    number = _plain(magnitude, decimals) + suffix
    if unit == POUNDS:
        return f"{sign}£{number}"
    if unit == PERCENT:
        return f"{sign}{number}%"
    if unit:
        return f"{sign}{number} {unit}"
    return f"{sign}{number}"
