"""Forms for the challenge workbook: one per day, each loading and saving the team's plan.

The forms are built from the plan model (:mod:`exercises.plan.model`, through the editors
in :mod:`exercises.plan_editors`), so every answer has the same label and help text as in
the plan file's schema, and the same checks. Saving goes through
:func:`exercises.plan.store.update_plan`, under the plan file's lock, so:

- two forms, two windows or two people saving at once take turns, and nobody's saved work
  is undone. A form changes only its own sections; an answer changed in the file since the
  form was loaded is kept (and shown), unless this form changed the same answer too: then
  nothing is saved, the form says exactly which answers clash and what the file holds now,
  and keeps what was typed (see :mod:`exercises.plan.merge`);
- the whole plan is checked first; if anything is wrong the form says what and where, and
  saves nothing. "Saved" is said only after the file has been written;
- every save is kept as a version in the plan's history (``academy plan history PLAN``);
- a plan file that cannot be read is never written over: the form says why.

Each form shows whether it holds unsaved answers, and the workbook's bar lists the forms
with unsaved answers and saves them all with one button (see :meth:`PlanWorkbook.bar`).

::

    from exercises.plan_forms import open_workbook
    workbook = open_workbook()   # the team's plan.yaml, or a copy of the example
    workbook.day(1)              # shows the day 1 form
    workbook.tools()             # check, see the timeline, and download the plan for the panel
"""

from __future__ import annotations

import base64
import itertools
import re
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from exercises.plan.document import plan_summary
from exercises.plan.export import export_plan
from exercises.plan.merge import Merge, describe_value, merge_sections
from exercises.plan.model import Plan
from exercises.plan.store import PlanProblem, load_plan, plan_to_data, update_plan, validate_plan
from exercises.plan.templates import WorkbookPlan, locate_workbook_plan
from exercises.plan.timeline import timeline_svg
from exercises.plan_editors import (
    BUTTON,
    LONG_ANSWERS,
    WIDE,
    Editor,
    ListEditor,
    editor_for,
    section_heading,
)

__all__ = ["DAYS", "Editor", "PlanForm", "PlanWorkbook", "open_workbook", "section_heading", "status_html"]

# Which sections of the plan each form edits; every section is on exactly one form.
DAYS: dict[int | str, tuple[str, ...]] = {
    1: ("team", "challenge", "outcomes", "system", "data_needed"),
    2: ("coproduction_partners", "peer_challenge"),
    3: ("funding",),
    4: ("behaviours_and_market",),
    5: ("assets", "twelve_month_picture", "hundred_day_plan", "risks", "asks", "commitment"),
    "follow-up": ("follow_up", "notes"),
}
EXPORT_TYPES = {
    "docx": ("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "html": ("web page", "text/html"),
    "md": ("Markdown file", "text/markdown"),
}


def form_name(which: int | str) -> str:
    """How a form is named to the team and in the plan's history: "Day 3 form", "follow-up form"."""
    return f"Day {which} form" if isinstance(which, int) else f"{which} form"


class _Refused(PlanProblem):
    """A save the form itself refused (answers to fix, or a clash), with the headline to show."""

    def __init__(self, headline: str, messages: Sequence[str], merge: Merge | None = None) -> None:
        super().__init__(list(messages))
        self.headline = headline
        self.merge = merge
        self.current: dict[str, Any] = {}


# --- A form: some sections of the plan, loaded from and saved to the file ---------------------


class PlanForm:
    """The form for one day: its sections of the plan, with Save and Reload buttons."""

    def __init__(
        self,
        path: str | Path,
        sections: tuple[str, ...],
        title: str = "",
        name: str = "form",
        on_change: Callable[[], None] | None = None,
        *,
        load: bool = True,
    ) -> None:
        """``load=False`` leaves the form empty until :meth:`load` is called."""
        self.path = Path(path)
        self.sections = sections
        self.name = name
        self.on_change = on_change
        self.loaded: dict[str, Any] | None = None
        self.baseline: dict[str, Any] | None = None  # what the form held when last loaded or saved
        self.editors = {name: editor_for(Plan.model_fields[name], name in LONG_ANSWERS) for name in sections}
        self.status = widgets.HTML()
        self.status.add_class("academy-save-status")
        self.unsaved = widgets.HTML()
        self.save_button = widgets.Button(description="Save to the plan file", button_style="primary", layout=BUTTON)
        self.save_button.add_class("academy-save")
        self.save_button.on_click(lambda _: self.save())
        reload_button = widgets.Button(
            description="Reload the saved plan", tooltip="Discard changes not yet saved", layout=BUTTON
        )
        reload_button.on_click(lambda _: self.load())
        parts: list[widgets.Widget] = [widgets.HTML(f"<h3>{escape(title)}</h3>")] if title else []
        for section, editor in self.editors.items():
            info = Plan.model_fields[section]
            if not isinstance(editor, ListEditor):
                parts.append(section_heading(info))
            parts.append(editor.widget)
            editor.watch(self._changed)
        parts += [widgets.HBox([self.save_button, reload_button, self.unsaved]), self.status]
        self.widget = widgets.VBox(parts, layout=dict(WIDE))
        self.widget.add_class("academy-plan-form")
        if load:
            self.load()

    # -- unsaved answers

    @property
    def is_dirty(self) -> bool:
        """True when the form holds answers not yet saved to the plan file."""
        return self.loaded is not None and (self.baseline is None or self.values() != self.baseline)

    def _changed(self) -> None:
        dirty = self.is_dirty
        title = f'<span class="academy-form-title" hidden>{escape(self.name)}</span>'
        self.unsaved.value = title + (
            '<span class="academy-unsaved" role="status">● Unsaved changes</span>'
            if dirty
            else '<span class="academy-all-saved" role="status">No unsaved changes</span>'
        )
        if self.on_change is not None:
            self.on_change()

    def _say(self, headline: str, messages: Sequence[str] = (), good: bool = True) -> None:
        self.status.value = status_html(headline, messages, good)

    # -- loading and saving

    def load(self) -> bool:
        """Fill the form from the plan file; if the file cannot be read, say why and block saving."""
        try:
            data = plan_to_data(load_plan(self.path))
        except PlanProblem as problem:
            self.save_button.disabled = True
            self.loaded = None
            self._say(
                "The plan file cannot be read, so this form will not save over it. Fix these problems, then reload:",
                problem.messages,
                good=False,
            )
            self._changed()
            return False
        self._show({name: data.get(name) for name in self.sections})
        self.save_button.disabled = False
        self._say(f"Loaded from {self.path.name}.")
        return True

    def _show(self, sections: dict[str, Any], only: set[str] | None = None) -> None:
        """Put saved answers in the form (all sections, or ``only`` some) and count the form as saved."""
        for name, editor in self.editors.items():
            if only is None or name in only:
                editor.set(sections[name])
        self.loaded = dict(sections)
        self.baseline = self.values()
        self._changed()

    def values(self) -> dict[str, Any]:
        """This form's answers, as plan data."""
        return {name: editor.get() for name, editor in self.editors.items()}

    def _change(self, typed: dict[str, Any]) -> Callable[[Plan], Plan]:
        """The change this form makes to the plan as it is in the file at the moment of saving."""
        loaded = self.loaded or {}

        def change(plan: Plan) -> Plan:
            current = plan_to_data(plan)
            try:
                answers = plan_to_data(validate_plan({**current, **typed}, self.path))
            except PlanProblem as problem:
                raise _Refused("Not saved. Please fix these answers, then save again:", problem.messages) from None
            mine = {name: answers[name] for name in self.sections}
            merged = merge_sections(loaded, mine, current, self.sections)
            if merged.clashes:
                refused = _Refused(
                    "Not saved: these answers were changed in the plan file after this form was loaded "
                    "(by a team-mate, or in another window), and this form changes them too:",
                    [
                        f"{clash.where}: the file now holds {describe_value(clash.theirs)}; "
                        f"this form has {describe_value(clash.mine)}."
                        for clash in merged.clashes
                    ]
                    + [
                        "What you typed is still in this form, which now also shows the file's other changes. "
                        "Select Save again to save your answers over theirs (theirs stay in the plan's history), "
                        "or change your answers first."
                    ],
                    merged,
                )
                refused.current = current
                raise refused
            self._mine = mine
            return validate_plan({**current, **merged.value}, self.path)

        return change

    def save(self) -> bool:
        """Save this form's answers into the plan file as it is now; say exactly what happened.

        Returns True when the file holds this form's answers afterwards (saved now, or
        nothing to save), False when nothing was saved.
        """
        if self.loaded is None and not self.load():
            self._say(
                "Not saved: the plan file cannot be read, and this form will not save over it.",
                self._problems_now(),
                good=False,
            )
            return False
        typed = self.values()
        try:
            update = update_plan(self.path, self._change(typed), by=self.name)
        except _Refused as refused:
            if refused.merge is not None:  # keep what was typed, show the rest of the file's changes
                self.loaded = {name: refused.current[name] for name in self.sections}
                for name, editor in self.editors.items():
                    editor.set(refused.merge.value[name])
                self.baseline = None  # the form holds answers the file does not
                self._changed()
            self._say(refused.headline, refused.messages, good=False)
            return False
        except PlanProblem as problem:
            self._say("Not saved. Nothing was written to the plan file:", problem.messages, good=False)
            return False
        saved = plan_to_data(update.plan)
        shown = {name: saved[name] for name in self.sections}
        mine: dict[str, Any] = getattr(self, "_mine", {})
        elsewhere = {name for name in self.sections if shown[name] != mine.get(name)}
        self._show(shown, only=elsewhere)
        updated = ", ".join(Plan.model_fields[name].title or name for name in sorted(elsewhere))
        also = f" The form now also shows the latest {updated}, changed elsewhere." if updated else ""
        if update.version is None:
            self._say(f"Nothing to save: the plan file already holds this form's answers.{also}")
        else:
            self._say(f"Saved at {datetime.now():%H:%M:%S} (version {update.version.number} of the plan).{also}")
        return True

    def _problems_now(self) -> list[str]:
        try:
            load_plan(self.path)
        except PlanProblem as problem:
            return problem.messages
        return []


# --- The workbook: every day's form, one bar to save them all, and the tools -----------------


class PlanWorkbook:
    """The challenge workbook's forms for one plan file."""

    def __init__(self, located: WorkbookPlan) -> None:
        self.located = located
        self.path = located.path
        self.forms: dict[int | str, PlanForm] = {}
        self.note = widgets.HTML(
            f'<div role="status"><p>{"⚠ " if located.is_example_copy else ""}{escape(located.note)}</p></div>'
        )
        self.unsaved_list = widgets.HTML()
        self.bar_status = widgets.HTML()
        self.bar_status.add_class("academy-save-status")
        self.save_all_button = widgets.Button(
            description="Save everything",
            button_style="primary",
            tooltip="Save every form with unsaved changes",
            layout=BUTTON,
        )
        self.save_all_button.add_class("academy-save")
        self.save_all_button.on_click(lambda _: self.save_all())
        self._bar = widgets.VBox(
            [widgets.HBox([self.save_all_button, self.unsaved_list]), self.bar_status], layout=dict(WIDE)
        )
        self._bar.add_class("academy-save-bar")
        self._refresh_bar()

    def day(self, which: int | str) -> None:
        """Show the form for a day (1 to 5, or "follow-up"), then fill it in from the plan file.

        The form is shown before its answers are put in, because a large plan's answers
        make thousands of widget messages: sent first, the form reaches the page (Voilà, or
        JupyterLab) before them, instead of waiting behind them all (the app also gives
        Voilà longer than its default 4 s for them, see ``challenge_app.OUTPUT_PATIENCE_S``).
        """
        if which not in DAYS:
            raise ValueError(f"There is no form for {which!r}: choose one of {', '.join(map(str, DAYS))}.")
        # the notebook gives each day its heading
        form = PlanForm(self.path, DAYS[which], name=form_name(which), on_change=self._refresh_bar, load=False)
        self.forms[which] = form
        _display(form.widget)
        form.load()
        self._refresh_bar()

    # -- one bar for every form

    def bar(self) -> widgets.Widget:
        """Which forms have unsaved changes, and one button that saves them all."""
        return self._bar

    def unsaved_forms(self) -> list[int | str]:
        return [which for which, form in self.forms.items() if form.is_dirty]

    def _refresh_bar(self) -> None:
        dirty = self.unsaved_forms()
        if dirty:
            names = ", ".join(form_name(which) for which in dirty)
            self.unsaved_list.value = (
                f'<span class="academy-unsaved" role="status">● Unsaved changes in: {escape(names)}</span>'
            )
        else:
            self.unsaved_list.value = '<span class="academy-all-saved" role="status">Every form is saved.</span>'

    def save_all(self) -> bool:
        """Save every form with unsaved changes, one after another; say which saved and which did not."""
        dirty = self.unsaved_forms()
        if not dirty:
            self.bar_status.value = status_html("Nothing to save: every form is saved.")
            return True
        saved = [which for which in dirty if self.forms[which].save()]
        failed = [which for which in dirty if which not in saved]
        names = ", ".join(form_name(which) for which in saved)
        if not failed:
            self.bar_status.value = status_html(f"Saved at {datetime.now():%H:%M:%S}: {names}.")
            return True
        self.bar_status.value = status_html(
            "Not everything was saved:",
            [f"Saved: {names}." if saved else "Nothing was saved."]
            + [f"Not saved: {form_name(which)} (its message says why)." for which in failed],
            good=False,
        )
        return False

    # -- check, timeline and downloads

    def tools(self) -> widgets.Widget:
        """Check the plan, show its timeline, and download it for the panel."""
        output = widgets.HTML()
        buttons = [widgets.Button(description="Check the plan", layout=BUTTON)]
        buttons[0].on_click(lambda _: setattr(output, "value", self.check_html()))
        for kind, (label, _) in EXPORT_TYPES.items():
            button = widgets.Button(description=f"Make a {label}", layout=BUTTON)
            button.on_click(lambda _, kind=kind: setattr(output, "value", self.export_html(kind)))
            buttons.append(button)
        return widgets.VBox([widgets.HBox(buttons), output], layout=dict(WIDE))

    def check_html(self) -> str:
        """The plan's timeline if it is valid, or what to fix."""
        try:
            plan = load_plan(self.path)
        except PlanProblem as problem:
            return status_html("The plan has problems to fix:", problem.messages, good=False)
        chart = timeline_svg(plan, "workbook-timeline") if plan.hundred_day_plan.actions else ""
        return status_html(f"The plan is valid. {plan_summary(plan)}") + chart

    def export_html(self, kind: str) -> str:
        """The saved plan as a document, offered as a download link (works in JupyterLab and Voilà)."""
        label, mime = EXPORT_TYPES[kind]
        try:
            plan = load_plan(self.path)
            with tempfile.TemporaryDirectory(prefix="academy-export-") as folder:
                out = Path(folder) / f"plan.{kind}"
                export_plan(plan, kind, out)
                data = out.read_bytes()
        except PlanProblem as problem:
            return status_html("Not made: the plan has problems to fix first:", problem.messages, good=False)
        except OSError as error:
            return status_html("Not made:", [f"The {label} could not be written ({error.strerror or error})."], False)
        name = download_name(plan.team.name, kind)
        href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        size = f"{max(1, round(len(data) / 1024))} KB"
        return status_html(f"Your {label} is ready, from the plan as last saved.") + (
            f'<p><a class="academy-download" download="{escape(name)}" href="{href}">'
            f"Download {escape(name)} ({label}, {size})</a></p>"
        )


def download_name(team: str, kind: str) -> str:
    """A file name for a team's exported plan: "falls-prevention-plan.docx"."""
    slug = re.sub(r"[^a-z0-9]+", "-", team.casefold()).strip("-")[:60]
    return f"{slug or 'team'}-plan.{kind}"


_SAID = itertools.count(1)


def status_html(headline: str, messages: Sequence[str] = (), good: bool = True) -> str:
    """A status message in words and a symbol (never colour alone), with any problems listed.

    Each message is numbered (``data-said``), so the page can tell a new reply from an old one.
    """
    items = "".join(f"<li>{escape(message)}</li>" for message in messages)
    listed = f"<ul>{items}</ul>" if items else ""
    return f'<div role="status" data-said="{next(_SAID)}"><p><strong>{"✓" if good else "✗"} {escape(headline)}</strong></p>{listed}</div>'


def open_workbook(path: str | Path | None = None) -> PlanWorkbook:
    """The workbook for ``path``, or for the plan found by :func:`locate_workbook_plan`; shows a note and the save bar."""
    if path:
        located = WorkbookPlan(Path(path), f"Working on the plan file {Path(path).name}.", False)
    else:
        located = locate_workbook_plan()
    workbook = PlanWorkbook(located)
    _display(workbook.note)
    _display(workbook.bar())
    return workbook


def _display(widget: widgets.Widget) -> None:
    """Show ``widget`` in the notebook (the cell's output) now."""
    try:
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return
    display(widget)
