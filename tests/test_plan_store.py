"""Reading and writing plan files (exercises.plan.store), and the workbook forms that save them."""

from __future__ import annotations

import base64
import html
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exercises.plan.model import Plan
from exercises.plan.store import PlanProblem, load_plan, parse_plan, plan_history, plan_to_yaml, save_plan
from exercises.plan.templates import EXAMPLE_PLAN, locate_workbook_plan
from exercises.plan_forms import DAYS, PlanForm, PlanWorkbook

LONG = "A very long answer. " * 10_000  # 200,000 characters
NAMES = [
    "Siân Llewellyn",
    "Zoë Ó Briain",
    "Łukasz Wiśniewski",
    "Nguyễn Thị Hà",
    "李华",
    "Ayşe Yılmaz",
    "محمد",
    "🙂 Team",
]


def messages_for(path: Path) -> list[str]:
    with pytest.raises(PlanProblem) as caught:
        load_plan(path)
    return caught.value.messages


# --- Reading --------------------------------------------------------------------------


def test_loads_the_example(plan_file: Path) -> None:
    plan = load_plan(plan_file)
    assert plan.hundred_day_plan.actions[1].owner == "Siân Llewellyn"
    assert str(plan.hundred_day_plan.start_date) == "2026-06-01"


def test_missing_file(tmp_path: Path) -> None:
    (message,) = messages_for(tmp_path / "nope.yaml")
    assert message.startswith(f"There is no file at {tmp_path / 'nope.yaml'}")


def test_a_folder_instead_of_a_file(tmp_path: Path) -> None:
    (message,) = messages_for(tmp_path)
    assert "is a folder, not a plan file" in message and "plan.yaml" in message


@pytest.mark.parametrize("content", ["", "   \n\n", "# only a comment\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(content, encoding="utf-8")
    (message,) = messages_for(path)
    assert "is empty" in message and "academy plan new" in message


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"PK\x03\x04\x00\x00" + os.urandom(200))
    (message,) = messages_for(path)
    assert "is not a text file" in message


def test_text_not_in_utf8(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes("team:\n  name: Café £5\n".encode("cp1252"))
    (message,) = messages_for(path)
    assert "is not saved as UTF-8 text" in message


def test_utf8_with_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes("\ufeffteam:\n  name: Café\n".encode())
    assert load_plan(path).team.name == "Café"


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ("team:\n  name: Falls: older people\n", 2, "put that answer in quotes"),
        ("team:\n\tname: Falls\n", 2, "a tab character"),
        ("team:\n  name: 'Falls\n", 3, "a quote mark is opened but never closed"),
        ("team:\n  name: Falls\n  name: Steady\n", 3, "'name' is written twice (first on line 2)"),
        ("team:\n  name: @falls\n", 2, "put that answer in quotes"),
    ],
)
def test_malformed_yaml_gives_the_line(tmp_path: Path, text: str, line: int, hint: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    (message,) = messages_for(path)
    assert f"is not valid YAML at line {line}" in message
    assert hint in message


def test_a_list_is_not_a_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("- team\n- name\n", encoding="utf-8")
    (message,) = messages_for(path)
    assert "does not look like a plan" in message and "holds a list" in message


def test_yaml_cannot_run_code(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("team: !!python/object/apply:os.system ['echo hacked']\n", encoding="utf-8")
    (message,) = messages_for(path)
    assert "is not valid YAML" in message


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="permissions are not enforced for root or on this system"
)
def test_unreadable_file(plan_file: Path) -> None:
    plan_file.chmod(0)
    try:
        (message,) = messages_for(plan_file)
    finally:
        plan_file.chmod(0o644)
    assert "you do not have permission to read it" in message


def test_dates_are_checked_by_the_model_not_yaml(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("team:\n  name: x\nhundred_day_plan:\n  start_date: 2026-02-30\n", encoding="utf-8")
    (message,) = messages_for(path)
    assert message.startswith("100-day plan › start date: must be a date written as YYYY-MM-DD")


# --- Writing --------------------------------------------------------------------------


def test_save_round_trip_keeps_every_version(plan_file: Path) -> None:
    original = plan_file.read_text(encoding="utf-8")
    plan = load_plan(plan_file)
    version = save_plan(plan, plan_file)
    # the file as found (written by hand, before any history) is kept first, then the save
    assert [v.number for v in plan_history(plan_file)] == [1, 2] and version.number == 2
    assert plan_history(plan_file)[0].text() == original
    assert load_plan(plan_file) == plan
    changed = plan.model_copy(update={"notes": "Second save"})
    save_plan(changed, plan_file)
    assert load_plan(plan_file).notes == "Second save"
    assert [v.number for v in plan_history(plan_file)] == [1, 2, 3]
    assert parse_plan(plan_history(plan_file)[1].text()) == plan  # the earlier version, still there
    assert not plan_file.with_name("plan.yaml.bak").exists()


def test_saving_a_new_plan_makes_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "new" / "team" / "plan.yaml"
    assert save_plan(Plan.model_validate({"team": {"name": "New"}}), target).number == 1
    assert load_plan(target).team.name == "New"
    # no temporary files left: only the plan, its history and its lock
    assert sorted(p.name for p in target.parent.iterdir()) == [".plan.yaml.history", ".plan.yaml.lock", "plan.yaml"]


def test_saving_to_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PlanProblem, match="is a folder"):
        save_plan(Plan.model_validate({"team": {"name": "x"}}), tmp_path)


def test_saving_where_nothing_can_be_written(plan_file: Path) -> None:
    blocked = plan_file / "plan.yaml"  # a "folder" that is really a file
    with pytest.raises(PlanProblem, match="Nothing was changed"):
        save_plan(load_plan(plan_file), blocked)
    assert load_plan(plan_file).team.name == "Brackenford Steady Steps"


def test_saved_yaml_is_readable(plan_file: Path) -> None:
    text = plan_to_yaml(load_plan(plan_file))
    assert text.startswith("# Challenge project and 100-day plan")
    keys = [line.split(":")[0] for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert keys == list(Plan.model_fields)  # the plan's own order, not alphabetical
    assert "start_date: 2026-06-01\n" in text  # dates are plain, not quoted
    assert "  where_we_are_now: |-\n" in text  # several lines: a literal block
    assert "Siân Llewellyn" in text and "\\u" not in text  # non-ASCII written as itself
    assert "{" not in text and "!!" not in text  # block style, no Python tags
    assert "\n    - id: A1\n" in text  # list items indented under their key


def test_very_long_text_round_trips(tmp_path: Path) -> None:
    plan = Plan.model_validate(
        {"team": {"name": "Long"}, "challenge": {"statement": LONG.strip(), "where_we_are_now": "Line\n" * 5000}}
    )
    save_plan(plan, tmp_path / "plan.yaml")
    assert load_plan(tmp_path / "plan.yaml") == plan


@pytest.mark.parametrize("name", NAMES)
def test_non_ascii_names_round_trip(tmp_path: Path, name: str) -> None:
    plan = Plan.model_validate({"team": {"name": name, "members": [{"name": name, "role": "lead"}]}})
    save_plan(plan, tmp_path / "plan.yaml")
    assert name in (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert load_plan(tmp_path / "plan.yaml").team.members[0].name == name


awkward_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x85\u2028\u2029\ufeff"),
    max_size=200,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=awkward_text.filter(lambda s: s.strip()), text=awkward_text)
def test_any_text_survives_a_save_and_load(name: str, text: str) -> None:
    """Quotes, colons, '#', '- ', 'yes', numbers, dates, new lines: all come back as written (tidied)."""
    try:
        plan = Plan.model_validate({"team": {"name": name, "sponsor": text}, "notes": text})
    except Exception:  # a name that tidies to nothing is refused, which is right
        return
    assert parse_plan(plan_to_yaml(plan)) == plan


# --- Where the challenge workbook finds its plan -------------------------------------------


def test_workbook_uses_the_plan_named_by_the_environment(plan_file: Path, tmp_path: Path) -> None:
    located = locate_workbook_plan({"ACADEMY_PLAN": str(plan_file)}, tmp_path)
    assert located.path == plan_file and not located.is_example_copy


def test_workbook_uses_the_plan_in_its_folder(plan_file: Path) -> None:
    located = locate_workbook_plan({}, plan_file.parent)
    assert located.path == plan_file and not located.is_example_copy


@pytest.mark.parametrize("environ", [{}, {"ACADEMY_PLAN": "/nowhere/plan.yaml"}])
def test_workbook_without_a_plan_uses_a_copy_of_the_example(tmp_path: Path, environ: dict[str, str]) -> None:
    located = locate_workbook_plan(environ, tmp_path)
    assert located.is_example_copy and located.path.parent != tmp_path
    assert located.path.read_bytes() == EXAMPLE_PLAN.read_bytes()
    assert "copy of the fictional example plan" in located.note and "not kept" in located.note
    assert list(tmp_path.iterdir()) == []  # nothing written where the workbook runs


# --- The workbook's forms save through the store ---------------------------------------------


def test_every_section_is_on_exactly_one_form() -> None:
    sections = [name for names in DAYS.values() for name in names]
    assert sorted(sections) == sorted(set(Plan.model_fields) - {"schema_version"})


def test_saving_every_form_unchanged_changes_nothing(plan_file: Path) -> None:
    before = load_plan(plan_file)
    workbook = PlanWorkbook(locate_workbook_plan({}, plan_file.parent))
    text = plan_file.read_bytes()
    for day in DAYS:
        workbook.day(day)
        assert workbook.forms[day].save(), workbook.forms[day].status.value
        assert "Nothing to save" in workbook.forms[day].status.value
    assert load_plan(plan_file) == before and plan_file.read_bytes() == text
    assert not plan_file.with_name("plan.yaml.bak").exists()  # an unneeded save would replace a useful backup


def test_a_form_refuses_bad_answers_and_says_where(plan_file: Path) -> None:
    before = plan_file.read_bytes()
    form = PlanForm(plan_file, DAYS[5])
    actions = form.editors["hundred_day_plan"].editors["actions"]
    actions.rows[4].editors["end_day"].widget.value = "10"
    assert form.save() is False
    assert "100-day plan › action A5 › end day: must be on or after the start day" in form.status.value
    assert plan_file.read_bytes() == before


def test_a_form_adds_and_removes_items(plan_file: Path) -> None:
    form = PlanForm(plan_file, DAYS[5])
    actions = form.editors["hundred_day_plan"].editors["actions"]
    row = actions.add()
    assert row.get()["id"] == "A13"
    row.editors["title"].widget.value = "Share the findings with the Older People's Forum"
    row.editors["depends_on"].widget.value = "A11, A12"
    row.editors["start_day"].widget.value = "95"
    row.editors["end_day"].widget.value = "100"
    assert form.save(), form.status.value
    saved = load_plan(plan_file).hundred_day_plan.actions[-1]
    assert (saved.id, saved.depends_on, saved.start_day) == ("A13", ["A11", "A12"], 95)
    actions.remove(actions.rows[-1])
    assert form.save()
    assert len(load_plan(plan_file).hundred_day_plan.actions) == 12


def test_forms_never_undo_each_others_work(plan_file: Path) -> None:
    day1, day5 = PlanForm(plan_file, DAYS[1]), PlanForm(plan_file, DAYS[5])  # both open at once
    day1.editors["team"].editors["sponsor"].widget.value = "A new sponsor"
    assert day1.save()
    day5.editors["commitment"].widget.value = "planning to take action"
    assert day5.save()
    plan = load_plan(plan_file)
    assert plan.team.sponsor == "A new sponsor" and plan.commitment == "planning to take action"


def test_a_form_never_saves_over_a_broken_plan(plan_file: Path) -> None:
    plan_file.write_text("team:\n  name: [unclosed\n", encoding="utf-8")
    before = plan_file.read_bytes()
    form = PlanForm(plan_file, DAYS[3])
    assert form.save_button.disabled and "cannot be read" in form.status.value
    assert form.save() is False
    assert plan_file.read_bytes() == before and not plan_file.with_name("plan.yaml.bak").exists()


def test_workbook_tools_check_and_export(plan_file: Path) -> None:
    workbook = PlanWorkbook(locate_workbook_plan({}, plan_file.parent))
    assert "The plan is valid" in workbook.check_html() and "<svg" in workbook.check_html()
    made = workbook.export_html("docx")
    link = re.search(r'<a class="academy-download" download="([^"]+)" href="data:([^;]+);base64,([^"]+)"', made)
    assert link, made
    assert link.group(1) == "brackenford-steady-steps-plan.docx"
    assert base64.b64decode(link.group(3))[:2] == b"PK"  # a real Word file, ready to download
    assert str(plan_file.parent) not in made and "/tmp" not in made  # no server path is shown
    assert sorted(p.name for p in plan_file.parent.iterdir() if not p.name.startswith(".")) == ["plan.yaml"]
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace("end_day: 80", "end_day: 140"), encoding="utf-8")
    assert "(got 140)" in workbook.check_html() and "Not made" in workbook.export_html("md")


def test_a_form_keeps_feedback_added_elsewhere_since_it_opened(plan_file: Path) -> None:
    day2 = PlanForm(plan_file, DAYS[2])  # open, then another team records feedback in the file
    plan = load_plan(plan_file)
    extra = plan.peer_challenge[0].model_copy(update={"reviewing_team": "Team Heron"})
    save_plan(plan.model_copy(update={"peer_challenge": [*plan.peer_challenge, extra]}), plan_file)
    day2.editors["coproduction_partners"].rows[0].editors["name"].widget.value = "Older People's Forum (renamed)"
    assert day2.save(), day2.status.value
    saved = load_plan(plan_file)
    assert [f.reviewing_team for f in saved.peer_challenge][-1] == "Team Heron"
    assert saved.coproduction_partners[0].name == "Older People's Forum (renamed)"
    assert "changed elsewhere" in day2.status.value
    assert len(day2.editors["peer_challenge"].rows) == 3  # the form shows the new feedback


def test_a_form_will_not_overwrite_a_clashing_change(plan_file: Path) -> None:
    first, second = PlanForm(plan_file, DAYS[3]), PlanForm(plan_file, DAYS[3])  # two windows
    first.editors["funding"].editors["value_case"].widget.value = "First window's value case"
    assert first.save()
    second.editors["funding"].editors["value_case"].widget.value = "Second window's value case"
    assert second.save() is False
    status = html.unescape(second.status.value)
    assert "Not saved: these answers were changed in the plan file after this form was loaded" in status
    assert "Funding and value › Value case: the file now holds “First window's value case”" in status
    assert "this form has “Second window's value case”" in status
    assert second.editors["funding"].editors["value_case"].widget.value == "Second window's value case"  # kept
    assert load_plan(plan_file).funding.value_case == "First window's value case"
    assert second.save(), second.status.value  # saving again, having been told, saves the form's answer
    assert load_plan(plan_file).funding.value_case == "Second window's value case"
    first_version = next(v for v in plan_history(plan_file) if v.by == "form")
    assert "First window's value case" in first_version.text()  # theirs stays in the history
