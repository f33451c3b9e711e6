"""The plan model (exercises.plan.model), its messages and its JSON Schema."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from exercises.plan.messages import describe_errors, item_label, location_label
from exercises.plan.model import Action, Plan, dependency_cycles
from exercises.plan.store import PlanProblem, parse_plan_data, validate_plan
from exercises.plan.templates import EXAMPLE_PLAN, SCHEMA_FILE, plan_schema_text, start_plan_text

PLAN_PACKAGE = Path(__file__).resolve().parent.parent / "exercises" / "plan"


@pytest.fixture(scope="module")
def example_data() -> dict[str, Any]:
    return parse_plan_data(EXAMPLE_PLAN.read_text(encoding="utf-8"))


@pytest.fixture()
def data(example_data: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(example_data)


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(PlanProblem) as caught:
        validate_plan(data)
    return caught.value.messages


def action(data: dict[str, Any], action_id: str) -> dict[str, Any]:
    return next(a for a in data["hundred_day_plan"]["actions"] if a["id"] == action_id)


# --- What a valid plan looks like ------------------------------------------------------


def test_example_plan_is_complete(example_data: dict[str, Any]) -> None:
    plan = validate_plan(example_data)
    assert "fictional" in plan.notes.lower()
    assert plan.team.name == "Brackenford Steady Steps"
    assert len(plan.hundred_day_plan.actions) == 12
    assert any(a.depends_on for a in plan.hundred_day_plan.actions)
    assert sorted(m.day for m in plan.hundred_day_plan.milestones) == [30, 60, 100]
    assert len(plan.follow_up.reviews) == 12
    assert plan.commitment == "already taking action"
    # Every section is filled in.
    for name in Plan.model_fields:
        assert getattr(plan, name) not in ("", [], None), name


def test_example_file_says_it_is_fictional() -> None:
    text = EXAMPLE_PLAN.read_text(encoding="utf-8")
    assert "Brackenford is a fictional borough" in text
    assert "synthetic" in text


def test_a_day_one_plan_needs_only_a_team_name() -> None:
    plan = Plan.model_validate({"team": {"name": "Falls team"}})
    assert plan.outcomes == [] and plan.hundred_day_plan.actions == []
    assert plan.commitment == "not yet decided"


def test_the_blank_template_is_a_valid_plan() -> None:
    plan = validate_plan(parse_plan_data(start_plan_text("Zoë's  team ")))
    assert plan.team.name == "Zoë's team"
    assert plan.hundred_day_plan.actions == []


def test_numbers_are_read_as_text_and_choices_ignore_case(data: dict[str, Any]) -> None:
    data["outcomes"][0]["indicators"][0]["baseline"] = 412
    action(data, "A1")["status"] = "  Done "
    data["follow_up"]["reviews"][0]["rag"] = "GREEN"
    plan = validate_plan(data)
    assert plan.outcomes[0].indicators[0].baseline == "412"
    assert plan.hundred_day_plan.actions[0].status == "done"
    assert plan.follow_up.reviews[0].rag == "green"


def test_invisible_control_characters_are_dropped_from_text() -> None:
    plan = Plan.model_validate({"team": {"name": "Team\x07 one\x00", "sponsor": "a\r\nb"}})
    assert plan.team.name == "Team one"
    assert plan.team.sponsor == "a\nb"


def test_an_action_may_start_and_end_on_the_same_day() -> None:
    assert Action(id="A1", title="One day", start_day=100, end_day=100).end_day == 100


# --- Problems, each named by its field ---------------------------------------------------


@pytest.mark.parametrize("day", [0, -3, 101, 140])
def test_days_outside_1_to_100(data: dict[str, Any], day: int) -> None:
    action(data, "A3")["end_day"] = day
    assert f"100-day plan › action A3 › end day: must be between 1 and 100 (got {day})" in problems(data)


def test_end_before_start(data: dict[str, Any]) -> None:
    action(data, "A5")["end_day"] = 12
    (message,) = problems(data)
    assert message.startswith("100-day plan › action A5 › end day: must be on or after the start day")
    assert "41" in message and "12" in message


def test_unknown_dependency(data: dict[str, Any]) -> None:
    action(data, "A12")["depends_on"] = ["A7", "A99"]
    assert problems(data) == ["100-day plan › action A12 › depends on: there is no action 'A99' in the plan"]


def test_dependency_cycle(data: dict[str, Any]) -> None:
    action(data, "A1")["depends_on"] = ["A12"]
    (message,) = problems(data)
    assert message.startswith("100-day plan › action A1 › depends on: these actions depend on each other in a loop")
    assert "A1 → A12" in message and message.count("A1") >= 2


def test_an_action_cannot_depend_on_itself(data: dict[str, Any]) -> None:
    action(data, "A4")["depends_on"] = ["A4"]
    assert problems(data) == ["100-day plan › action A4 › depends on: an action cannot depend on itself"]


def test_repeated_action_ids(data: dict[str, Any]) -> None:
    action(data, "A12")["id"] = "A11"
    messages = problems(data)
    assert len(messages) == 1
    assert "action id: the id 'A11' is also used by an earlier action" in messages[0]


def test_a_review_must_name_a_real_action(data: dict[str, Any]) -> None:
    data["follow_up"]["reviews"][-1]["action"] = "A13"
    assert problems(data) == [
        "100-day follow-up › review of action A13 › action id: there is no action 'A13' in the 100-day plan"
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: action(d, "A5").update(start_day="soon"),
            "100-day plan › action A5 › start day: must be a whole number (got 'soon')",
        ),
        (
            lambda d: action(d, "A5").update(start_day=4.5),
            "100-day plan › action A5 › start day: must be a whole number (got 4.5)",
        ),
        (
            lambda d: action(d, "A5").update(start_day=True),
            "100-day plan › action A5 › start day: must be a whole number",
        ),
        (lambda d: d["team"].update(members="Priya"), "Team › members: must be a list"),
        (lambda d: d.update(team="Falls"), "Team: must be a section of named answers (got 'Falls')"),
        (lambda d: d["team"].update(name=["a", "b"]), "Team › team name: must be text (got a list)"),
        (
            lambda d: d["team"].update(name=True),
            "Team › team name: must be text (got a yes/no answer); put the answer in quotes",
        ),
        (
            lambda d: d["follow_up"]["reviews"][0].update(rag="blue"),
            "100-day follow-up › review of action A1 › rating: must be one of 'red', 'amber' or 'green' (got 'blue')",
        ),
        (
            lambda d: d.update(commitment="maybe"),
            "Commitment: must be one of 'already taking action', 'planning to take action' or 'not yet decided'",
        ),
        (
            lambda d: d["follow_up"].update(review_date="16/09/2026"),
            "100-day follow-up › review date: must be a date written as YYYY-MM-DD",
        ),
        (lambda d: action(d, "A2").update(id="A 2"), "100-day plan › action A 2 › action id: must be a short code"),
        (
            lambda d: d["risks"][0].update(likelihood="very"),
            "Risk 1 › likelihood: must be one of 'low', 'medium' or 'high'",
        ),
        (
            lambda d: d["peer_challenge"][0].update(questions=[["nested"]]),
            "Feedback from 'Team Kestrel (temporary accommodation)' › questions › item 1: must be text",
        ),
        (lambda d: d.update(schema_version=2), "Schema version: this file says it is version 2 of the plan format"),
    ],
)
def test_wrong_types(data: dict[str, Any], change: Any, expected: str) -> None:
    change(data)
    assert any(message.startswith(expected) for message in problems(data)), problems(data)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("team"), "Team: must be filled in (it is missing)"),
        (lambda d: d["team"].pop("name"), "Team › team name: must be filled in (it is missing)"),
        (lambda d: d["team"].update(name="   "), "Team › team name: must not be empty"),
        (
            lambda d: action(d, "A3").pop("title"),
            "100-day plan › action A3 › action: must be filled in (it is missing)",
        ),
        (
            lambda d: action(d, "A3").pop("start_day"),
            "100-day plan › action A3 › start day: must be filled in (it is missing)",
        ),
        (lambda d: d["outcomes"][1].pop("outcome"), "Outcome 2 › outcome: must be filled in (it is missing)"),
        (lambda d: d["team"]["members"][1].pop("name"), "Team › member 2 › name: must be filled in (it is missing)"),
    ],
)
def test_missing_required_answers(data: dict[str, Any], change: Any, expected: str) -> None:
    change(data)
    assert expected in problems(data)


def test_unknown_fields_are_refused_by_name(data: dict[str, Any]) -> None:
    data["outcomez"] = []
    action(data, "A1")["owner_name"] = "Priya"
    messages = problems(data)
    assert "'outcomez': is not part of a plan: check the spelling, or move it to the right section" in messages
    assert (
        "100-day plan › action A1 › 'owner_name': is not part of a plan: check the spelling, or move it to the right section"
        in messages
    )


def test_several_problems_are_all_reported(data: dict[str, Any]) -> None:
    action(data, "A1")["end_day"] = 140
    action(data, "A2")["start_day"] = "x"
    data["team"]["name"] = ""
    assert len(problems(data)) == 3


def test_messages_name_non_ascii_items(data: dict[str, Any]) -> None:
    data["team"]["members"][1]["organisation"] = ["x"]
    assert problems(data) == ["Team › member 'Tomasz Wiśniewski' › organisation: must be text (got a list)"]


# --- The pieces behind the messages ------------------------------------------------------


def test_location_label_uses_the_id_written_in_the_file() -> None:
    raw = {"hundred_day_plan": {"actions": [{"id": "X1"}, {"id": "B7"}]}}
    assert location_label(("hundred_day_plan", "actions", 1, "end_day"), raw) == "100-day plan › action B7 › end day"
    assert location_label(("hundred_day_plan", "actions", 5, "end_day"), raw) == "100-day plan › action 6 › end day"


def test_item_label_shortens_long_names() -> None:
    from exercises.plan.model import Member

    label = item_label(Member, {"name": "N" * 200}, 0)
    assert label.startswith("member 'NNN") and label.endswith("…'") and len(label) < 60


def test_dependency_cycles_finds_each_loop() -> None:
    def act(i: str, *needs: str) -> Action:
        return Action(id=i, title=i, start_day=1, end_day=2, depends_on=list(needs))

    assert dependency_cycles([act("A", "B"), act("B", "C"), act("C")]) == []
    assert dependency_cycles([act("A", "B"), act("B", "A")]) == [["A", "B"]]
    loops = dependency_cycles([act("A", "B"), act("B", "A"), act("C", "D"), act("D", "E"), act("E", "C")])
    assert sorted(map(sorted, loops)) == [["A", "B"], ["C", "D", "E"]]


def test_describe_errors_is_plain_english() -> None:
    with pytest.raises(ValidationError) as caught:
        Plan.model_validate(
            {
                "team": {"name": "x"},
                "hundred_day_plan": {"actions": [{"id": "A1", "title": "t", "start_day": 1, "end_day": 140}]},
            }
        )
    (message,) = describe_errors(caught.value, {"hundred_day_plan": {"actions": [{"id": "A1"}]}})
    assert message == "100-day plan › action A1 › end day: must be between 1 and 100 (got 140)"
    assert "Input should" not in message and "pydantic" not in message


# --- The JSON Schema ----------------------------------------------------------------------


def test_shipped_schema_matches_the_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == plan_schema_text(), (
        "exercises/templates/plan.schema.json is out of date: run `academy plan schema -o exercises/templates/plan.schema.json`"
    )


def test_schema_accepts_the_example_and_rejects_a_bad_day(example_data: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(example_data)) == []
    bad = copy.deepcopy(example_data)
    action(bad, "A1")["end_day"] = 140
    assert any(error.validator == "maximum" for error in validator.iter_errors(bad))


def test_schema_describes_fields_in_plain_english() -> None:
    schema = json.loads(plan_schema_text())
    start_day = schema["$defs"]["Action"]["properties"]["start_day"]
    assert start_day["minimum"] == 1 and start_day["maximum"] == 100
    assert start_day["description"] == "The day it starts, from 1 to 100."
    assert schema["title"] == "Challenge project and 100-day plan"


# --- No screen code in the plan package ---------------------------------------------------


def test_plan_package_never_imports_widgets() -> None:
    for source in PLAN_PACKAGE.glob("*.py"):
        assert not re.search(r"^\s*(import|from)\s+ipywidgets", source.read_text(encoding="utf-8"), re.MULTILINE), (
            source.name
        )
    modules = [f"exercises.plan.{p.stem}" for p in PLAN_PACKAGE.glob("*.py") if p.stem != "__init__"]
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print('ipywidgets' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
