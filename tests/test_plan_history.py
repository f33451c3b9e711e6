"""A plan's history: every save kept as a version, ``academy plan history`` and ``academy plan restore``."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from exercises.peer_challenge import feedback_from_form, record_feedback
from exercises.plan.history import KEEP_VERSIONS, add_version, history_dir, list_versions
from exercises.plan.store import PlanProblem, load_plan, plan_history, restore_version, update_plan
from exercises.plan.templates import EXAMPLE_PLAN
from exercises.plan_forms import DAYS, PlanForm
from tests.conftest import run_academy


def test_the_issue_case_a_cleared_challenge_comes_back(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Clear the challenge, save; save another form; the challenge can still be brought back."""
    statement = load_plan(plan_file).challenge.statement
    day1, day3 = PlanForm(plan_file, DAYS[1], name="Day 1 form"), PlanForm(plan_file, DAYS[3], name="Day 3 form")
    for editor in day1.editors["challenge"].editors.values():
        editor.widget.value = ""
    assert day1.save(), day1.status.value
    day3.editors["funding"].editors["value_case"].widget.value = "A new value case"
    assert day3.save(), day3.status.value
    assert load_plan(plan_file).challenge.statement == ""

    code, out, _ = run_academy(capsys, "plan", "history", str(plan_file))
    assert code == 0
    lines = [line.split() for line in out.splitlines() if line.startswith("  ")]
    assert [int(line[0]) for line in lines] == [1, 2, 3]
    assert "found in the file" in out and "by Day 1 form: changed: Challenge" in out
    assert "by Day 3 form: changed: Funding and value" in out

    code, out, _ = run_academy(capsys, "plan", "restore", str(plan_file), "1")
    assert code == 0 and "Brought back version 1" in out and "saved as version 4" in out
    restored = load_plan(plan_file)
    assert restored.challenge.statement == statement
    assert restored.funding.value_case != "A new value case"  # version 1 as a whole
    assert plan_file.read_bytes() == EXAMPLE_PLAN.read_bytes()  # exactly as it was, comments and all
    assert [v.by for v in plan_history(plan_file)][-1] == "restore of version 1"
    assert len(plan_history(plan_file)) == 4  # the plan before the restore stays in the history


def test_every_kind_of_save_is_in_the_history(plan_file: Path) -> None:
    form = PlanForm(plan_file, DAYS[5], name="Day 5 form")
    form.editors["commitment"].widget.value = "not yet decided"
    assert form.save()
    record_feedback(plan_file, feedback_from_form("Team Heron", "Who owns A3?", "", ""))
    update_plan(plan_file, lambda plan: plan.model_copy(update={"notes": "From a script"}), by="a script")
    versions = plan_history(plan_file)
    assert [v.by for v in versions] == [
        "found in the file",
        "Day 5 form",
        "peer-challenge form (Team Heron)",
        "a script",
    ]
    assert [v.summary for v in versions[1:]] == [
        "changed: Commitment",
        "changed: Peer challenge (2 → 3)",
        "changed: Notes",
    ]
    assert all(v.when for v in versions)


def test_a_save_that_changes_nothing_adds_no_version(plan_file: Path) -> None:
    update_plan(plan_file, lambda plan: plan.model_copy(update={"notes": "x"}))
    update = update_plan(plan_file, lambda plan: plan)
    assert not update.saved and len(plan_history(plan_file)) == 2


def test_a_hand_edit_between_saves_is_kept(plan_file: Path) -> None:
    update_plan(plan_file, lambda plan: plan.model_copy(update={"notes": "saved by a form"}))
    text = plan_file.read_text(encoding="utf-8").replace("saved by a form", "edited by hand")
    plan_file.write_text(text, encoding="utf-8")
    update_plan(plan_file, lambda plan: plan.model_copy(update={"notes": "saved again"}))
    versions = plan_history(plan_file)
    assert [v.by for v in versions] == ["found in the file", "a save", "found in the file", "a save"]
    assert "edited by hand" in versions[2].text()


def test_only_the_newest_versions_are_kept(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    for number in range(1, 8):
        add_version(plan, f"team:\n  name: T{number}\n", "test", "", keep=5)
    assert [v.number for v in list_versions(plan)] == [3, 4, 5, 6, 7]  # numbers are never reused
    assert 100 <= KEEP_VERSIONS <= 5000


def test_a_half_written_version_is_never_listed(plan_file: Path) -> None:
    update_plan(plan_file, lambda plan: plan.model_copy(update={"notes": "x"}))
    (history_dir(plan_file) / ".000003.yaml.abc.tmp").write_text('# version: {"numb', encoding="utf-8")
    assert [v.number for v in plan_history(plan_file)] == [1, 2]


# --- every refusal, in plain English -----------------------------------------------------------


def test_history_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_academy(capsys, "plan", "history", str(tmp_path / "none.yaml"))
    assert code == 1 and f"There is no plan file at {tmp_path / 'none.yaml'}" in err
    code, _, err = run_academy(capsys, "plan", "history", str(tmp_path))
    assert code == 1 and "is a folder: give the plan file" in err


def test_history_of_a_plan_never_saved(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_academy(capsys, "plan", "history", str(plan_file))
    assert code == 0 and "no saved versions yet" in out


@pytest.mark.parametrize("number", ["0", "-1", "two", "1.5", ""])
def test_restore_refuses_a_number_that_is_not_a_version(
    plan_file: Path, capsys: pytest.CaptureFixture[str], number: str
) -> None:
    before = plan_file.read_bytes()
    code, _, err = run_academy(capsys, "plan", "restore", str(plan_file), number)
    assert code == 1 and "Nothing was restored" in err and "must be a version number" in err
    assert plan_file.read_bytes() == before


def test_restore_refuses_a_version_not_kept(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    update_plan(plan_file, lambda plan: plan.model_copy(update={"notes": "x"}))
    before = plan_file.read_bytes()
    code, _, err = run_academy(capsys, "plan", "restore", str(plan_file), "9")
    assert code == 1 and f"There is no version 9 of {plan_file}: versions 1 to 2 are kept" in err
    assert plan_file.read_bytes() == before
    code, _, err = run_academy(capsys, "plan", "restore", str(plan_file.parent / "other.yaml"), "1")
    assert code == 1 and "There is no plan file at" in err


def test_restore_with_no_history(plan_file: Path) -> None:
    with pytest.raises(PlanProblem, match="no versions are kept yet"):
        restore_version(plan_file, 1)


def test_restore_refuses_a_version_that_is_not_a_valid_plan(
    plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file.write_text("team:\n  name: [unclosed\n", encoding="utf-8")  # broken by hand...
    update_plan_path = plan_file.with_name("good.yaml")
    shutil.copyfile(EXAMPLE_PLAN, update_plan_path)
    from exercises.plan.store import save_plan

    save_plan(load_plan(update_plan_path), plan_file)  # ...then replaced: the broken file is version 1
    before = plan_file.read_bytes()
    code, _, err = run_academy(capsys, "plan", "restore", str(plan_file), "1")
    assert code == 1 and "version 1 of" in err and "not valid YAML" in err
    assert plan_file.read_bytes() == before


def test_nothing_is_left_behind_by_a_save(plan_file: Path) -> None:
    update_plan(plan_file, lambda plan: plan.model_copy(update={"notes": "x"}))
    names = sorted(os.listdir(plan_file.parent)) + sorted(os.listdir(history_dir(plan_file)))
    assert names == [".plan.yaml.history", ".plan.yaml.lock", "plan.yaml", "000001.yaml", "000002.yaml"]
