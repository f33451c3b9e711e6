"""The workbook's forms: day numbers kept as typed, stale forms merged or stopped, Save everything."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from exercises.plan.merge import merge_sections
from exercises.plan.store import load_plan, plan_history
from exercises.plan.templates import locate_workbook_plan
from exercises.plan_forms import DAYS, PlanForm, PlanWorkbook


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("150", "100-day plan › action A5 › start day: must be between 1 and 100 (got 150)"),
        ("0", "100-day plan › action A5 › start day: must be between 1 and 100 (got 0)"),
        ("-5", "100-day plan › action A5 › start day: must be between 1 and 100 (got -5)"),
        ("12.7", "100-day plan › action A5 › start day: must be a whole number (got '12.7')"),
        ("twelve", "100-day plan › action A5 › start day: must be a whole number (got 'twelve')"),
    ],
)
def test_a_day_is_never_clamped_or_rounded(plan_file: Path, typed: str, message: str) -> None:
    before = plan_file.read_bytes()
    form = PlanForm(plan_file, DAYS[5])
    start = form.editors["hundred_day_plan"].editors["actions"].rows[4].editors["start_day"]
    start.widget.value = typed
    assert form.save() is False
    assert message in html.unescape(form.status.value)
    assert start.widget.value == typed  # what was typed stays in the box, unchanged
    assert plan_file.read_bytes() == before and plan_history(plan_file) == []


def test_a_milestone_day_is_refused_naming_the_field(plan_file: Path) -> None:
    form = PlanForm(plan_file, DAYS[5])
    form.editors["hundred_day_plan"].editors["milestones"].rows[0].editors["day"].widget.value = "101"
    assert form.save() is False
    assert "100-day plan › milestone 1 › day: must be between 1 and 100 (got 101)" in html.unescape(form.status.value)


def test_an_empty_day_is_refused_not_made_day_one(plan_file: Path) -> None:
    form = PlanForm(plan_file, DAYS[5])
    form.editors["hundred_day_plan"].editors["actions"].rows[0].editors["end_day"].widget.value = "  "
    assert form.save() is False
    assert "100-day plan › action A1 › end day" in html.unescape(form.status.value)


def test_two_windows_changing_different_answers_of_one_section_both_keep_them(plan_file: Path) -> None:
    first, second = PlanForm(plan_file, DAYS[3]), PlanForm(plan_file, DAYS[3])
    first.editors["funding"].editors["value_case"].widget.value = "First window's value case"
    assert first.save()
    second.editors["funding"].editors["current_funding"].widget.value = "Second window's funding"
    assert second.save(), second.status.value
    funding = load_plan(plan_file).funding
    assert funding.value_case == "First window's value case"
    assert funding.current_funding == "Second window's funding"
    assert second.editors["funding"].editors["value_case"].widget.value == "First window's value case"  # shown


def test_the_unsaved_sign_follows_typing_and_saving(plan_file: Path) -> None:
    workbook = PlanWorkbook(locate_workbook_plan({}, plan_file.parent))
    workbook.day(3)
    workbook.day(4)
    form = workbook.forms[3]
    assert not form.is_dirty and "No unsaved changes" in form.unsaved.value
    assert "Every form is saved" in workbook.unsaved_list.value
    form.editors["funding"].editors["value_case"].widget.value = "Changed"
    assert form.is_dirty and "Unsaved changes" in form.unsaved.value
    assert "Unsaved changes in: Day 3 form" in workbook.unsaved_list.value
    form.editors["funding"].editors["value_case"].widget.value = load_plan(plan_file).funding.value_case
    assert not form.is_dirty  # typed back to what is saved: nothing to save


def test_save_everything_saves_each_changed_form_and_says_which(plan_file: Path) -> None:
    workbook = PlanWorkbook(locate_workbook_plan({}, plan_file.parent))
    for day in DAYS:
        workbook.day(day)
    workbook.forms[3].editors["funding"].editors["value_case"].widget.value = "A new value case"
    workbook.forms["follow-up"].editors["notes"].widget.value = "New notes"
    assert workbook.save_all(), workbook.bar_status.value
    assert "Saved at" in workbook.bar_status.value and "Day 3 form, follow-up form" in workbook.bar_status.value
    plan = load_plan(plan_file)
    assert plan.funding.value_case == "A new value case" and plan.notes == "New notes"
    assert [v.by for v in plan_history(plan_file)][1:] == ["Day 3 form", "follow-up form"]
    assert workbook.unsaved_forms() == []
    workbook.forms[5].editors["hundred_day_plan"].editors["actions"].rows[0].editors["start_day"].widget.value = "0"
    workbook.forms[1].editors["team"].editors["sponsor"].widget.value = "A new sponsor"
    assert workbook.save_all() is False
    status = html.unescape(workbook.bar_status.value)
    assert "Not everything was saved" in status and "Saved: Day 1 form." in status
    assert "Not saved: Day 5 form (its message says why)." in status
    assert workbook.unsaved_forms() == [5]


def test_a_section_merge_names_each_clash() -> None:
    base = {"funding": {"value_case": "a", "current_funding": "x"}}
    mine = {"funding": {"value_case": "b", "current_funding": "x"}}
    theirs = {"funding": {"value_case": "c", "current_funding": "y"}}
    merged = merge_sections(base, mine, theirs, ("funding",))
    assert merged.value == {"funding": {"value_case": "b", "current_funding": "y"}}
    assert [(c.where, c.theirs, c.mine) for c in merged.clashes] == [("Funding and value › Value case", "c", "b")]


def test_a_form_is_shown_before_its_answers_are_put_in(plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large plan's answers make thousands of widget messages, and a busy server may miss some of
    them (Voilà then never drew the form): the form must go to the page first, then be filled in."""
    import IPython.display

    workbook = PlanWorkbook(locate_workbook_plan({}, plan_file.parent))
    shown: list[tuple[object, int, bool]] = []

    def display(widget: object) -> None:
        form = workbook.forms[5]
        actions = form.editors["hundred_day_plan"].editors["actions"]
        shown.append((widget, len(actions.rows), form.loaded is None))

    monkeypatch.setattr(IPython.display, "display", display)
    assert workbook.day(5) is None  # shown already: returning it too would show it twice
    form = workbook.forms[5]
    assert shown == [(form.widget, 0, True)], "the form was not shown before its answers were put in"
    assert len(form.editors["hundred_day_plan"].editors["actions"].rows) == len(
        load_plan(plan_file).hundred_day_plan.actions
    )
    assert not form.is_dirty and "No unsaved changes" in form.unsaved.value
