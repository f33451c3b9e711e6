"""Day 4's new pages: the answer keys of the behaviour, procurement and market pages, and the
facts of law their tables teach (dates, the Provider Selection Regime's processes and criteria)."""

from __future__ import annotations

import json
import re

import pytest

from exercises.checks import check_choice
from exercises.lessons import day4_behaviour, day4_markets, day4_procurement
from exercises.lessons.common import SortKey
from tests.conftest import REPO
from tests.notebook_style import assert_sort_key_is_whole, assert_sort_key_marks_right_and_wrong

DAY4 = REPO / "modules" / "day4-behaviour-providers-and-markets"
SORT_KEYS = {
    "COM-B": day4_behaviour.COM_B_SORT,
    "routes now": day4_procurement.ROUTES_NOW,
    "market work": day4_markets.MARKET_WORK,
}


@pytest.mark.parametrize("key", SORT_KEYS.values(), ids=SORT_KEYS.keys())
def test_sort_keys_are_well_formed_and_pass_the_checker(key: SortKey) -> None:
    assert_sort_key_is_whole(key)
    assert_sort_key_marks_right_and_wrong(key)


def test_com_b_feedback_names_the_part_of_com_b() -> None:
    for item, text in day4_behaviour.COM_B_SORT.feedback.items():
        answer = day4_behaviour.COM_B_SORT.accepted(item)[0]
        assert answer.lower() in text.lower(), item


def test_com_b_covers_professionals_not_only_residents() -> None:
    items = day4_behaviour.COM_B_SORT.answers
    assert any(item.startswith("GPs") for item in items)
    assert any(item.startswith("Ward staff") for item in items)
    table = day4_behaviour.com_b_table()
    assert len(table) == 6 and set(table["Component"]) == {"Capability", "Opportunity", "Motivation"}
    assert len(day4_behaviour.INTERVENTION_FUNCTIONS) == 9  # the Behaviour Change Wheel's nine functions


def test_replaced_procedures_key() -> None:
    key = day4_procurement.REPLACED_PROCEDURES
    assert check_choice(key.answer, key.options, key.answer).correct
    assert "Public Contracts Regulations 2015" in key.answer and "24 February 2025" in key.answer
    assert key.options[key.answer].startswith("Right")
    wrong = next(option for option in key.options if option != key.answer)
    assert not check_choice(wrong, key.options, key.answer).correct


def test_the_law_the_tables_teach() -> None:
    assert day4_procurement.ACT_IN_FORCE == "24 February 2025"
    assert day4_procurement.PSR_IN_FORCE == "1 January 2024"
    processes = [name for name, _ in day4_procurement.PSR_PROCESSES]
    assert processes == [
        "Direct award process A",
        "Direct award process B",
        "Direct award process C",
        "Most suitable provider process",
        "Competitive process",
    ]
    assert len(day4_procurement.PSR_KEY_CRITERIA) == 5
    assert "social value" in day4_procurement.PSR_KEY_CRITERIA
    regimes = day4_procurement.regimes_table()
    assert regimes["Rules"].str.contains("24 February 2025").any()
    assert regimes["Rules"].str.contains("1 January 2024").any()
    assert regimes["What they cover"].str.contains("more than 80%").any()  # Teckal's activity test
    assert regimes["Routes they offer"].str.contains("horizontal").any()
    assert not regimes["What they cover"].str.contains("at least 80%").any()
    duties = day4_markets.care_act_duties_table()
    assert duties["Care Act 2014"].tolist() == ["Section 5", "Sections 48 to 52", "Sections 53 to 57"]


def test_the_procurement_page_says_the_old_procedures_belonged_to_the_2015_regulations() -> None:
    notebook = json.loads((DAY4 / "05-buying-under-todays-rules.ipynb").read_text(encoding="utf-8"))
    text = "".join("".join(cell["source"]) for cell in notebook["cells"])
    for phrase in (
        "competitive flexible procedure",
        "Public Contracts Regulations 2015",
        "transparency notice",
        "National Procurement Policy Statement",
        "Provider Selection Regime",
        "Teckal",
    ):
        assert phrase in text, phrase


def test_page_1_credits_the_five_stages_to_wide() -> None:
    notebook = json.loads((DAY4 / "01-adaptive-change-and-technology.ipynb").read_text(encoding="utf-8"))
    text = "".join("".join(cell["source"]) for cell in notebook["cells"])
    assert "Heifetz's five stages" not in text
    assert "Wide's framing" in text


@pytest.mark.parametrize(
    "page", sorted(DAY4.glob("0*.ipynb")) + sorted(DAY4.glob("0*.md")) + [DAY4 / "index.md"], ids=lambda p: p.name
)
def test_no_line_numbers_of_the_report_on_a_reader_page(page) -> None:
    if page.suffix == ".ipynb":
        cells = json.loads(page.read_text(encoding="utf-8"))["cells"]
        text = "".join("".join(cell["source"]) for cell in cells)
    else:
        text = page.read_text(encoding="utf-8")
    assert "text copy" not in text
    assert "not checked against the paper" not in text
    assert not re.search(r"lines \d{3,4}", text)


def test_the_thresholds_are_those_in_force_from_1_january_2026() -> None:
    # SI 2025/1200: every threshold fell except the light-touch one, which stayed at £663,540.
    thresholds = day4_procurement.thresholds_table()
    now = thresholds["Threshold from 1 January 2026 (£)"].to_dict()
    before = thresholds["Threshold until 31 December 2025 (£)"].to_dict()
    assert now == {
        "Goods and services (councils and other sub-central authorities)": 207_720,
        "Works": 5_193_000,
        "Light-touch services, such as most social care": 663_540,
    }
    assert before["Works"] == 5_372_609 and before["Light-touch services, such as most social care"] == 663_540
    assert day4_procurement.THRESHOLDS_IN_FORCE == "1 January 2026"
    regimes = day4_procurement.regimes_table()
    assert regimes["What they cover"].str.contains("£663,540").any()
