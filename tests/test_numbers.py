"""Reading numbers as participants type them (exercises.numbers)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exercises.numbers import NumberFormatProblem, format_number, parse_number


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("1200", 1200, None),
        ("1,200", 1200, None),
        ("1,200,000.50", 1_200_000.5, None),
        ("£1.2m", 1_200_000, "£"),
        ("£350k", 350_000, "£"),
        ("£350K", 350_000, "£"),
        ("£1bn", 1_000_000_000, "£"),
        ("£1.6 bn", 1_600_000_000, "£"),
        ("1.2 million", 1_200_000, None),
        ("1.2 million pounds", 1_200_000, "£"),
        ("3 thousand", 3_000, None),
        ("12%", 12, "%"),
        ("3.5 per cent", 3.5, "%"),
        ("3.5 percent", 3.5, "%"),
        ("-3.5", -3.5, None),
        ("\u22123.5", -3.5, None),
        ("-£2.5m", -2_500_000, "£"),
        ("£-2.5m", -2_500_000, "£"),
        ("+5", 5, None),
        (".5", 0.5, None),
        ("50p", 0.5, "£"),
        ("40 people", 40, "people"),
        ("12 months", 12, "months"),
        ("£3m a year", 3_000_000, "£"),
        ("  £ 8.57  ", 8.57, "£"),
        ("GBP 100", 100, "£"),
    ],
)
def test_reads_what_participants_write(text: str, value: float, unit: str | None) -> None:
    parsed = parse_number(text)
    assert parsed.value == pytest.approx(value)
    assert parsed.unit == unit
    assert parsed.text == text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "Enter a number first"),
        ("   ", "Enter a number first"),
        ("abc", "has no digits"),
        ("1,2", "commas"),
        ("12,5", "commas"),
        ("1.2.3", "more than one decimal point"),
        ("1 200", "without spaces"),
        ("1e6", "in full"),
        ("£5%", "both £ and %"),
        ("12k%", "mixes a percentage"),
        ("£50p", "pence"),
        ("--5", "two signs"),
        ("5-", "We could not read"),
        ("-£-5", "two signs"),
        ("9" * 70, "too long"),
    ],
)
def test_explains_what_it_cannot_read(text: str, words: str) -> None:
    with pytest.raises(NumberFormatProblem) as caught:
        parse_number(text)
    assert words in caught.value.message
    assert "Traceback" not in caught.value.message


def test_non_text_is_a_problem_not_a_crash() -> None:
    with pytest.raises(NumberFormatProblem):
        parse_number(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "unit", "kwargs", "text"),
    [
        (1200, None, {}, "1,200"),
        (1_250_000, "£", {"compact": True}, "£1.25m"),
        (999_999, "£", {"compact": True}, "£1m"),
        (1_600_000_000, "£", {"compact": True}, "£1.6bn"),
        (12.5, "£", {}, "£12.50"),
        (-350_000, "£", {"compact": True}, "-£350k"),
        (3.5, "%", {}, "3.5%"),
        (40, "people", {}, "40 people"),
        (1 / 3, None, {"decimals": 3}, "0.333"),
        (-0.001, None, {}, "0"),
    ],
)
def test_formats_for_reading(value: float, unit: str | None, kwargs: dict, text: str) -> None:
    assert format_number(value, unit, **kwargs) == text


UNITS = st.sampled_from([None, "£", "%", "people"])
AMOUNTS = st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False, allow_infinity=False)


@given(AMOUNTS, UNITS)
def test_formatted_numbers_read_back_exactly(amount, unit) -> None:
    text = format_number(float(amount), unit)
    parsed = parse_number(text)
    assert parsed.value == pytest.approx(float(amount), abs=1e-6)
    assert parsed.unit == unit


@given(AMOUNTS, UNITS)
def test_compact_numbers_read_back_closely(amount, unit) -> None:
    value = float(amount)
    parsed = parse_number(format_number(value, unit, compact=True))
    assert math.isclose(parsed.value, value, rel_tol=0.005, abs_tol=0.005)
    assert parsed.unit == unit


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_grouped_integers_read_back(number: int) -> None:
    assert parse_number(f"{number:,}").value == number


NEAR_NUMBERS = st.from_regex(r"[-+\u2212 £.,0-9kmbnKMBtpe%a-z]{0,24}", fullmatch=True)


@given(st.one_of(st.text(max_size=80), NEAR_NUMBERS))
def test_any_text_either_reads_or_explains(text: str) -> None:
    try:
        parsed = parse_number(text)
    except NumberFormatProblem as problem:
        assert problem.message.strip()
    else:
        assert math.isfinite(parsed.value)
        assert parsed.unit is None or parsed.unit.strip()
