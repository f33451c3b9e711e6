"""The one table helper: numbers for people, blanks explained, no raw pandas."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from exercises.tables import BLANK, table


def test_counts_and_money_never_show_a_trailing_point_zero() -> None:
    frame = pd.DataFrame({"Area": ["A", "B"], "Pilots run": [500.0, 12.0], "Cost": [3000000.0, 250000.5]})
    shown = table(frame, "Pilots and cost", formats={"Cost": "money"})
    assert shown.column("Pilots run") == ["500", "12"]
    assert shown.column("Cost") == ["£3,000,000", "£250,000"]
    assert ".0<" not in shown.to_html()


def test_blanks_show_a_dash_and_the_reason_goes_under_the_table() -> None:
    frame = pd.DataFrame({"Claim": ["x", "y"], "Period": [2.0, math.nan]})
    shown = table(frame, "Claims", blanks={"Period": "not reported: the report gives no period"})
    assert shown.column("Period") == ["2", BLANK]
    assert "NaN" not in shown.to_html() and "nan" not in shown.to_text()
    assert shown.notes == (f"{BLANK} in \u2018Period\u2019: not reported: the report gives no period",)


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("percent", 45.0, "45%"),
        ("percent:1", 45.0, "45.0%"),
        ("share", 0.125, "12.5%"),
        ("money_m", 1_250_000, "£1.2m"),
        ("money_m:2", 1_250_000, "£1.25m"),
        ("money_2dp", 1234.5, "£1,234.50"),
        ("money", -5400, "\u2212£5,400"),
        ("ratio", 2.5333, "2.53"),
        ("year", 2019.0, "2019"),
        ("count", 12345.0, "12,345"),
    ],
)
def test_each_kind_reads_as_a_person_expects(kind: str, value: float, expected: str) -> None:
    shown = table(pd.DataFrame({"Item": ["a"], "Value": [value]}), "One value", formats={"Value": kind})
    assert shown.column("Value") == [expected]


def test_numbers_right_aligned_text_left_and_headers_match() -> None:
    html = table(pd.DataFrame({"Name": ["a"], "Count": [3]}), "Aligned").to_html()
    assert '<th scope="col" style="text-align:left">Name</th>' in html
    assert '<th scope="col" class="academy-num" style="text-align:right">Count</th>' in html
    assert '<td class="academy-num" style="text-align:right">3</td>' in html


def test_a_named_index_becomes_a_column_not_an_extra_header_row() -> None:
    frame = pd.DataFrame({"Value": [1, 2]}, index=pd.Index(["x", "y"], name="Item"))
    html = table(frame, "Indexed", index=True).to_html()
    assert html.count("<tr>") == 3  # one header row and two body rows
    assert '<th scope="row" style="text-align:left">x</th>' in html


def test_text_is_escaped_and_a_caption_is_required() -> None:
    html = table(pd.DataFrame({"Team": ["<script>alert(1)</script>"]}), "Teams").to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html
    with pytest.raises(ValueError, match="caption"):
        table(pd.DataFrame({"a": [1]}), " ")


def test_a_format_for_a_missing_column_or_an_unknown_kind_is_refused() -> None:
    frame = pd.DataFrame({"a": [1]})
    with pytest.raises(KeyError, match="no column called b"):
        table(frame, "x", formats={"b": "count"})
    with pytest.raises(ValueError, match="unknown column format"):
        table(frame, "x", formats={"a": "pounds"})


def test_the_caption_takes_the_page_text_colour() -> None:
    """The theme's muted caption colour fails WCAG contrast on a notebook output in dark mode."""
    html = table(pd.DataFrame({"A": [1]}), "A caption").to_html()
    assert '<caption style="color:inherit;text-align:left">A caption</caption>' in html
