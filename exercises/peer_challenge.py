"""The peer-challenge form: one team's questions, strengths and concerns, saved with another team's plan.

On Day 2 each team presents its first thinking to senior system leaders and to its peers,
and takes peer challenge (PSTA 2019, case study *Somerset Academies*).
A reviewing team fills in this form; the feedback is added to the reviewed team's plan
file (its ``peer_challenge`` section), so it stays with the plan through to Day 5.

Two layers:

- **Pure functions** (no widgets): :func:`split_items`, :func:`feedback_from_form`,
  :func:`add_feedback`, :func:`record_feedback` and :func:`plan_choices`. Problems are
  raised as :class:`~exercises.plan.store.PlanProblem`, whose ``messages`` are plain
  English. Saving goes through :func:`exercises.plan.store.update_plan`: under the plan's
  lock (so feedback from two teams saving at once is all kept), atomic, and kept as a new
  version in the plan's history (``academy plan history PLAN``).
- **The form** (:func:`peer_challenge_form`) puts those on screen with ipywidgets, which
  are imported only when the form is made. It never shows a traceback, and a failed save
  leaves the reviewers' words in the boxes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from exercises.paths import cohort_dir
from exercises.plan.messages import describe_errors
from exercises.plan.model import PeerFeedback, Plan
from exercises.plan.report import find_plan_files
from exercises.plan.store import PlanProblem, load_plan, plan_to_data, update_plan, validate_plan

# A leading bullet or number that people type or paste: "- ", "* ", "• ", "1. ", "2) ", "(3) ".
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014\u25aa\u25cf]+|\(?\d{1,3}[.)])\s*")


def split_items(text: str) -> list[str]:
    """One item per line, with bullets and numbering taken off; blank lines and repeats dropped."""
    items: list[str] = []
    for line in str(text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        item = " ".join(_BULLET.sub("", line, count=1).split())
        if item and item not in items:
            items.append(item)
    return items


def feedback_from_form(
    reviewing_team: str, questions: str, strengths: str, concerns: str, when: date | None = None
) -> PeerFeedback:
    """Turn what a reviewing team typed into one feedback record.

    Each box holds one item per line. Raises :class:`PlanProblem` naming what is missing.
    """
    team = " ".join(str(reviewing_team or "").split())
    data: dict[str, Any] = {
        "reviewing_team": team,
        "date": when,
        "questions": split_items(questions),
        "strengths": split_items(strengths),
        "concerns": split_items(concerns),
    }
    problems = []
    if not team:
        problems.append("Write the name of your team: the team giving the feedback.")
    if not (data["questions"] or data["strengths"] or data["concerns"]):
        problems.append("Write at least one question, strength or concern, one to a line.")
    if problems:
        raise PlanProblem(problems)
    try:
        return PeerFeedback.model_validate(data)
    except ValidationError as error:
        raise PlanProblem(describe_errors(error, data, PeerFeedback)) from None


def _same_team(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def add_feedback(plan: Plan, feedback: PeerFeedback) -> tuple[Plan, bool]:
    """The plan with ``feedback`` added at the end of its peer challenge.

    Returns ``(plan, added)``; ``added`` is False, and the plan unchanged, when exactly the
    same feedback is already there (a second click on Save). A team cannot review its own
    plan: that raises :class:`PlanProblem`.
    """
    if _same_team(feedback.reviewing_team, plan.team.name):
        raise PlanProblem(
            [
                f"This is {plan.team.name}'s own plan. Peer challenge comes from another team: "
                "choose the plan of the team you are reviewing."
            ]
        )
    entry = feedback.model_dump(mode="json")
    existing = [item.model_dump(mode="json") for item in plan.peer_challenge]
    if entry in existing:
        return plan, False
    data = plan_to_data(plan)
    data["peer_challenge"] = [*existing, entry]
    return validate_plan(data, f"{plan.team.name}'s plan"), True


@dataclass(frozen=True)
class Saved:
    """What :func:`record_feedback` did."""

    path: Path
    team: str
    added: bool
    version: int | None
    feedback_count: int

    def message(self) -> str:
        if not self.added:
            return (
                f"This feedback is already saved in {self.team}'s plan, so nothing was changed. "
                f"The plan holds {self.feedback_count} piece{'' if self.feedback_count == 1 else 's'} of "
                "peer challenge."
            )
        kept = f" This is version {self.version} in the plan's history." if self.version else ""
        return (
            f"Saved. Your feedback is now in {self.team}'s plan ({self.path.name} in "
            f"{self.path.parent.name}), which holds {self.feedback_count} piece"
            f"{'' if self.feedback_count == 1 else 's'} of peer challenge.{kept}"
        )


def record_feedback(path: str | Path, feedback: PeerFeedback) -> Saved:
    """Add ``feedback`` to the plan file at ``path`` and save it, through :func:`update_plan`.

    The plan is read and saved under its lock, so feedback saved meanwhile by another team
    (or a team's own form) is kept. Raises :class:`PlanProblem` if the plan cannot be read,
    is not valid, or cannot be saved; the file is then left exactly as it was.
    """
    path = Path(path)
    update = update_plan(
        path, lambda plan: add_feedback(plan, feedback)[0], by=f"peer-challenge form ({feedback.reviewing_team})"
    )
    number = update.version.number if update.version else None
    return Saved(path, update.plan.team.name, update.saved, number, len(update.plan.peer_challenge))


@dataclass(frozen=True)
class PlanChoice:
    """A plan file the form can offer, with its team's name or why it cannot be used."""

    path: Path
    team: str | None
    problems: tuple[str, ...] = ()

    def label(self, folder: Path) -> str:
        try:
            where = self.path.relative_to(folder).as_posix()
        except ValueError:
            where = self.path.as_posix()
        if self.team is None:
            return f"{where} (cannot be read: ask the team to check it)"
        return f"{self.team} ({where})"


def plan_choices(folder: str | Path | None = None) -> list[PlanChoice]:
    """Every plan file under ``folder`` (default: the cohort folder), each read to find its team.

    Files that cannot be read are listed too, with their problems, so nobody wonders where
    a team's plan went.
    """
    folder = Path(folder) if folder is not None else cohort_dir()
    if not folder.is_dir():
        return []
    choices = []
    for path in find_plan_files(folder):
        try:
            choices.append(PlanChoice(path, load_plan(path).team.name))
        except PlanProblem as problem:
            choices.append(PlanChoice(path, None, tuple(problem.messages)))
    return choices


# --- the form ---------------------------------------------------------------------------------

FORM_NOTE = (
    '<p class="academy-site-note">On the course website this form is shown but cannot be '
    "used. Open the page in JupyterLab to record peer challenge.</p>"
)


def _status_html(kind: str, heading: str, lines: list[str]) -> str:
    from exercises.widgets.markup import esc

    symbol = {"correct": "\u2713", "incorrect": "\u26a0", "noted": "\u2139"}[kind]
    items = "".join(f"<li>{esc(line)}</li>" for line in lines)
    body = f"<ul>{items}</ul>" if len(lines) > 1 else (f" {esc(lines[0])}" if lines else "")
    tag = "p" if len(lines) <= 1 else "div"
    return (
        f'<div class="academy-feedback academy-{kind}" role="status"><{tag}><strong>{symbol} '
        f"{esc(heading)}</strong>{body}</{tag}></div>"
    )


class PeerChallengeForm:
    """The on-screen form. Make it with :func:`peer_challenge_form`."""

    def __init__(self, folder: str | Path | None = None) -> None:
        import ipywidgets as widgets

        from exercises.widgets.base import STYLE, stacked

        self.folder = Path(folder) if folder is not None else cohort_dir()
        self.plan = stacked(widgets.Dropdown(description="The plan you are reviewing", options=[]))
        self.refresh_button = widgets.Button(
            description="Look for plans again", tooltip="Look for plans again", layout=widgets.Layout(width="auto")
        )
        self.refresh_button.on_click(lambda _button: self.refresh())
        self.reviewers = stacked(
            widgets.Text(description="Your team's name (the reviewers)", placeholder="For example: Team Kestrel")
        )
        self.when = stacked(widgets.DatePicker(description="Date of the challenge", value=date.today()))
        self.boxes = {
            name: stacked(widgets.Textarea(description=f"{name.capitalize()}: one to a line", rows=5, placeholder=hint))
            for name, hint in (
                ("questions", "What did you ask, or want to ask? One question to a line."),
                ("strengths", "What is strong in their thinking? One to a line."),
                ("concerns", "What worries you? One to a line."),
            )
        }
        self.save_button = widgets.Button(
            description="Save feedback to this plan",
            button_style="primary",
            tooltip="Save feedback to this plan",
            layout=widgets.Layout(width="auto"),
        )
        self.save_button.on_click(lambda _button: self.save())
        self.save_button.add_class("academy-save")
        self.status = widgets.HTML(value=FORM_NOTE)
        self.status.add_class("academy-save-status")
        header = widgets.HTML(
            STYLE + "<p><strong>Peer-challenge form.</strong> Choose the plan of the team "
            "you are reviewing, write your questions, strengths and concerns, then "
            "save. The feedback is added to their plan.</p>"
        )
        self.widget = widgets.VBox(
            [
                header,
                self.plan,
                self.refresh_button,
                self.reviewers,
                self.when,
                *self.boxes.values(),
                self.save_button,
                self.status,
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.widget.add_class("academy-exercise")
        self.refresh()

    def refresh(self) -> None:
        """Read the cohort folder again and list the plans found."""
        choices = plan_choices(self.folder)
        self.plan.options = [(choice.label(self.folder), choice) for choice in choices]
        self.save_button.disabled = not choices
        if not choices:
            self.status.value = FORM_NOTE + _status_html(
                "noted",
                "No team plans yet.",
                [
                    f"No plan files were found in the teams' folder ({self.folder.name}). Each team starts its plan with "
                    "'academy plan new cohort-work/TEAM-FOLDER --team \"Team name\"' (your facilitator can do "
                    "this), then presses 'Look for plans again' here."
                ],
            )

    def save(self) -> bool:
        """Save the form's feedback to the chosen plan; show what happened. True if saved."""
        choice: PlanChoice | None = self.plan.value
        if choice is None:
            self.status.value = _status_html("incorrect", "Choose a plan first.", [])
            return False
        if choice.team is None:
            self.status.value = _status_html(
                "incorrect",
                "That plan cannot be read, so nothing was saved. Your words are still in the boxes.",
                [
                    *choice.problems,
                    f"Ask the team to fix it (academy plan check {choice.path}), then press 'Look for plans again'.",
                ],
            )
            return False
        try:
            questions, strengths, concerns = (box.value for box in self.boxes.values())
            feedback = feedback_from_form(self.reviewers.value, questions, strengths, concerns, when=self.when.value)
            saved = record_feedback(choice.path, feedback)
        except PlanProblem as problem:
            self.status.value = _status_html(
                "incorrect", "Nothing was saved. Your words are still in the boxes.", problem.messages
            )
            return False
        self.status.value = _status_html("correct" if saved.added else "noted", saved.message(), [])
        return saved.added

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def peer_challenge_form(folder: str | Path | None = None) -> PeerChallengeForm:
    """Show the peer-challenge form for the plans in ``folder`` (default: ``cohort-work/``)."""
    return PeerChallengeForm(folder)
