"""Warnings for a valid but weak plan (exercises.plan.quality) and ``academy plan check --strict``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from exercises.cli import main
from exercises.plan.model import Plan
from exercises.plan.quality import FLAG_LABELS, flag_summary, plan_warnings
from exercises.plan.store import load_plan, parse_plan_data, plan_to_yaml, validate_plan
from exercises.plan.templates import EXAMPLE_PLAN


def example_data() -> dict[str, Any]:
    return parse_plan_data(EXAMPLE_PLAN.read_text(encoding="utf-8"))


def test_the_example_plan_has_no_warnings() -> None:
    assert plan_warnings(load_plan(EXAMPLE_PLAN)) == []


def test_a_day_one_plan_is_warned_about_every_missing_section() -> None:
    warnings = plan_warnings(Plan.model_validate({"team": {"name": "Just started"}}))
    codes = [w.code for w in warnings]
    assert codes == ["no-sponsor", "no-challenge", "no-outcome", "no-action", "no-milestone", "no-risk", "no-ask"]
    text = [str(w) for w in warnings]
    assert "100-day plan › milestones: there are none. Add checkpoints at about day 30, 60 and 100" in text[4]
    assert text[6].startswith("Asks of senior leaders: there are none.")


def test_weak_parts_are_named_by_their_field() -> None:
    data = example_data()
    actions = data["hundred_day_plan"]["actions"]
    actions[2]["owner"] = ""  # A3
    actions[4]["owner"] = "  "  # A5: blank is no owner
    actions[10]["end_day"] = 70  # A11 now ends before A5 (day 80), which it depends on
    del data["hundred_day_plan"]["start_date"]
    data["outcomes"][0]["indicators"][1]["target"] = ""
    data["risks"][0]["likelihood"] = ""
    data["risks"][1]["owner"] = ""
    text = [str(w) for w in plan_warnings(validate_plan(data))]
    assert text == [
        "Outcomes › outcome 1 › indicator 2 › target: target not given. "
        "Without both, no one can tell whether it worked.",
        "100-day plan › start date: not given, so the plan cannot show calendar dates. "
        "Give the date of day 1, such as 2027-01-04.",
        "100-day plan › action A3 › owner: no one owns this action. Name the person who makes it happen.",
        "100-day plan › action A5 › owner: no one owns this action. Name the person who makes it happen.",
        "100-day plan › action A11 › end day: it ends on day 70, but action A5, which must finish first, "
        "ends on day 80. End it later or end A5 sooner.",
        "Risks › risk 1 › likelihood: likelihood not given, so the risk has no score. Choose low, medium or high.",
        "Risks › risk 2 › owner: owner not given. Say what will be done about it, and who watches it.",
    ]


def test_flag_summary_counts_each_kind_once() -> None:
    data = example_data()
    for action in data["hundred_day_plan"]["actions"][:3]:
        action["owner"] = ""
    data["asks"] = []
    flags = flag_summary(plan_warnings(validate_plan(data)))
    assert flags == ["3 × action without an owner", "no asks of senior leaders"]
    assert set(FLAG_LABELS) >= {w.code for w in plan_warnings(Plan.model_validate({"team": {"name": "x"}}))}


@pytest.fixture()
def weak_plan(tmp_path: Path) -> Path:
    data = example_data()
    data["hundred_day_plan"]["actions"][0]["owner"] = ""
    data["hundred_day_plan"]["milestones"] = []
    path = tmp_path / "plan.yaml"
    path.write_text(plan_to_yaml(validate_plan(data)), encoding="utf-8")
    return path


def test_check_lists_warnings_and_still_passes(weak_plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = weak_plan.read_bytes()
    assert main(["plan", "check", str(weak_plan)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "is a valid plan" in out
    assert "2 warnings: a panel would ask about these (use --strict to fail on them):" in out
    assert "  - 100-day plan › action A1 › owner: no one owns this action." in out
    assert "  - 100-day plan › milestones: there are none." in out
    assert weak_plan.read_bytes() == before


def test_check_strict_fails_on_warnings(weak_plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "check", "--strict", str(weak_plan)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "is valid, but with --strict it fails on 2 warnings:" in err
    assert "  - 100-day plan › action A1 › owner: no one owns this action." in err


def test_check_strict_passes_a_plan_without_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "check", "--strict", str(EXAMPLE_PLAN)]) == 0
    out, _ = capsys.readouterr()
    assert "is a valid plan" in out and "warning" not in out
