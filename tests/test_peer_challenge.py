"""The peer-challenge form (exercises.peer_challenge): turning what reviewers type into
feedback, adding it to another team's plan, saving safely, and the form on screen."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from exercises.peer_challenge import (
    PeerChallengeForm,
    add_feedback,
    feedback_from_form,
    plan_choices,
    record_feedback,
    split_items,
)
from exercises.plan.store import PlanProblem, load_plan, plan_history
from exercises.plan.templates import EXAMPLE_PLAN, start_plan_text

DAY_TWO = date(2026, 3, 4)


@pytest.fixture()
def cohort(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cohort folder with two teams' plans: the example plan and a new, nearly empty one."""
    folder = tmp_path / "cohort-work"
    (folder / "steady-steps").mkdir(parents=True)
    shutil.copyfile(EXAMPLE_PLAN, folder / "steady-steps" / "plan.yaml")
    (folder / "kestrel").mkdir()
    (folder / "kestrel" / "plan.yaml").write_text(start_plan_text("Team Kestrel"), encoding="utf-8")
    monkeypatch.setenv("ACADEMY_COHORT_DIR", str(folder))
    return folder


def messages(call, *args, **kwargs) -> list[str]:
    with pytest.raises(PlanProblem) as caught:
        call(*args, **kwargs)
    return caught.value.messages


# --- the pure part -------------------------------------------------------------------------


def test_split_items_takes_one_item_per_line_without_bullets() -> None:
    text = "- First point\r\n\n* Second  point \n• Third\n1. Fourth\n2) Fifth\n(6) Sixth\n- First point\n   \n"
    assert split_items(text) == ["First point", "Second point", "Third", "Fourth", "Fifth", "Sixth"]


def test_split_items_keeps_hyphens_and_numbers_inside_an_item() -> None:
    assert split_items("Year-on-year savings of 3%\n2019 figures only") == [
        "Year-on-year savings of 3%",
        "2019 figures only",
    ]
    assert split_items("") == [] and split_items(None) == []  # type: ignore[arg-type]


def test_feedback_from_form() -> None:
    feedback = feedback_from_form(
        "  Team   Kestrel ", "Who owns the pathway?\nHow will you know?", "- Clear outcomes", "", when=DAY_TWO
    )
    assert feedback.reviewing_team == "Team Kestrel"
    assert feedback.date == DAY_TWO
    assert feedback.questions == ["Who owns the pathway?", "How will you know?"]
    assert feedback.strengths == ["Clear outcomes"] and feedback.concerns == []


def test_feedback_needs_a_team_and_something_to_say() -> None:
    found = messages(feedback_from_form, "", "", " \n ", "")
    assert found == [
        "Write the name of your team: the team giving the feedback.",
        "Write at least one question, strength or concern, one to a line.",
    ]


def test_feedback_is_added_at_the_end_of_the_peer_challenge() -> None:
    plan = load_plan(EXAMPLE_PLAN)
    before = [item.reviewing_team for item in plan.peer_challenge]
    feedback = feedback_from_form("Team Kestrel", "Who pays after day 100?", "", "Data sharing", when=DAY_TWO)
    updated, added = add_feedback(plan, feedback)
    assert added
    assert [item.reviewing_team for item in updated.peer_challenge] == [*before, "Team Kestrel"]
    assert updated.peer_challenge[-1].concerns == ["Data sharing"]
    assert len(plan.peer_challenge) == len(before)  # the original plan object is unchanged
    assert updated.model_dump(exclude={"peer_challenge"}) == plan.model_dump(exclude={"peer_challenge"})


def test_the_same_feedback_twice_is_kept_once() -> None:
    plan = load_plan(EXAMPLE_PLAN)
    feedback = feedback_from_form("Team Kestrel", "Who pays?", "", "", when=DAY_TWO)
    once, _ = add_feedback(plan, feedback)
    twice, added = add_feedback(once, feedback)
    assert not added and twice is once


def test_a_team_cannot_review_its_own_plan() -> None:
    plan = load_plan(EXAMPLE_PLAN)
    feedback = feedback_from_form(plan.team.name.upper(), "Anything?", "", "")
    (message,) = messages(add_feedback, plan, feedback)
    assert "own plan" in message and plan.team.name in message


# --- saving ----------------------------------------------------------------------------------


def test_record_feedback_saves_atomically_and_keeps_the_previous_version(cohort: Path) -> None:
    path = cohort / "kestrel" / "plan.yaml"
    original = path.read_text(encoding="utf-8")
    saved = record_feedback(
        path,
        feedback_from_form("Brackenford Steady Steps", "Where will you start?", "A clear challenge", "", when=DAY_TWO),
    )
    assert saved.added and saved.team == "Team Kestrel" and saved.feedback_count == 1
    versions = plan_history(path)
    assert saved.version == versions[-1].number == 2 and versions[0].text() == original  # nothing left the history
    assert versions[-1].by == "peer-challenge form (Brackenford Steady Steps)"
    assert "Peer challenge (0 → 1)" in versions[-1].summary
    reloaded = load_plan(path)
    assert reloaded.peer_challenge[0].questions == ["Where will you start?"]
    assert reloaded.peer_challenge[0].date == DAY_TWO
    assert "Saved." in saved.message() and "version 2 in the plan's history" in saved.message()
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_two_teams_reviewing_the_same_plan_both_keep_their_feedback(cohort: Path) -> None:
    path = cohort / "steady-steps" / "plan.yaml"
    before = len(load_plan(path).peer_challenge)
    record_feedback(path, feedback_from_form("Team Kestrel", "Q1", "", "", when=DAY_TWO))
    record_feedback(path, feedback_from_form("Team Heron", "", "S1", "", when=DAY_TWO))
    again = record_feedback(path, feedback_from_form("Team Heron", "", "S1", "", when=DAY_TWO))
    teams = [item.reviewing_team for item in load_plan(path).peer_challenge]
    assert teams[before:] == ["Team Kestrel", "Team Heron"]
    assert not again.added and again.version is None and "nothing was changed" in again.message()


def test_a_broken_plan_is_left_exactly_as_it_was(cohort: Path) -> None:
    path = cohort / "kestrel" / "plan.yaml"
    broken = "team:\n  name: Team Kestrel\noutcomes: [unclosed\n"
    path.write_text(broken, encoding="utf-8")
    found = messages(record_feedback, path, feedback_from_form("Team Heron", "Q", "", ""))
    assert found and "not valid YAML" in found[0]
    assert path.read_text(encoding="utf-8") == broken
    assert plan_history(path) == []


def test_a_missing_plan_is_explained(tmp_path: Path) -> None:
    feedback = feedback_from_form("Team Heron", "Q", "", "")
    (message,) = messages(record_feedback, tmp_path / "gone" / "plan.yaml", feedback)
    assert message.startswith("There is no file at")
    assert not (tmp_path / "gone").exists()  # nothing made on the way


def test_plan_choices_name_each_team_and_flag_broken_files(cohort: Path) -> None:
    (cohort / "heron").mkdir()
    (cohort / "heron" / "plan.yaml").write_text("- just a list\n", encoding="utf-8")
    (cohort / "kestrel" / "plan.yaml.bak").write_text("old", encoding="utf-8")
    choices = plan_choices()
    assert [c.team for c in choices] == [None, "Team Kestrel", "Brackenford Steady Steps"]
    assert choices[0].problems and "does not look like a plan" in choices[0].problems[0]
    assert choices[1].label(cohort) == "Team Kestrel (kestrel/plan.yaml)"
    assert "cannot be read" in choices[0].label(cohort)


def test_plan_choices_for_a_missing_folder(tmp_path: Path) -> None:
    assert plan_choices(tmp_path / "nowhere") == []


# --- the form --------------------------------------------------------------------------------


def fill(form: PeerChallengeForm, team: str, questions: str = "", strengths: str = "", concerns: str = "") -> None:
    form.reviewers.value = team
    form.boxes["questions"].value = questions
    form.boxes["strengths"].value = strengths
    form.boxes["concerns"].value = concerns


def test_the_form_saves_feedback_to_the_chosen_plan(cohort: Path) -> None:
    form = PeerChallengeForm()
    labels = [label for label, _ in form.plan.options]
    assert labels == ["Team Kestrel (kestrel/plan.yaml)", "Brackenford Steady Steps (steady-steps/plan.yaml)"]
    form.plan.value = form.plan.options[0][1]
    fill(form, "Brackenford Steady Steps", questions="Who else should be in the room?", concerns="- Time")
    form.save_button.click()
    assert "\u2713 Saved." in form.status.value
    saved = load_plan(cohort / "kestrel" / "plan.yaml").peer_challenge
    assert saved[0].questions == ["Who else should be in the room?"] and saved[0].concerns == ["Time"]
    assert saved[0].date == date.today()


def test_the_form_explains_problems_and_keeps_the_words(cohort: Path) -> None:
    form = PeerChallengeForm()
    form.plan.value = form.plan.options[0][1]
    fill(form, "", questions="A question worth keeping")
    assert form.save() is False
    assert "Nothing was saved" in form.status.value and "name of your team" in form.status.value
    assert form.boxes["questions"].value == "A question worth keeping"
    assert "Traceback" not in form.status.value


def test_the_form_refuses_a_broken_plan_in_plain_english(cohort: Path) -> None:
    path = cohort / "kestrel" / "plan.yaml"
    form = PeerChallengeForm()
    path.write_text("team: [\n", encoding="utf-8")
    form.refresh()
    broken = next(value for label, value in form.plan.options if "cannot be read" in label)
    form.plan.value = broken
    fill(form, "Team Heron", strengths="Good start")
    assert form.save() is False
    assert "cannot be read" in form.status.value and "academy plan check" in form.status.value
    assert path.read_text(encoding="utf-8") == "team: [\n"


def test_the_form_with_no_plans_says_how_to_start_one(tmp_path: Path) -> None:
    form = PeerChallengeForm(tmp_path / "empty")
    assert form.plan.options == () and form.save_button.disabled
    assert "No team plans yet" in form.status.value and "academy plan new" in form.status.value
    assert form.save() is False
