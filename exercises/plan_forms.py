"""Forms for the challenge workbook: one per day, each loading and saving the team's plan.

The forms are built from the plan model (:mod:`exercises.plan.model`), so every answer has
the same label and help text as in the plan file's schema, and the same checks. Saving:

- reads the plan file again first and changes only this form's sections, so two forms (or
  two people taking turns) never undo each other's work;
- checks the whole plan, and if anything is wrong says what and where, and saves nothing;
- writes atomically and keeps the previous version as ``plan.yaml.bak``;
- never writes over a plan file that cannot be read: it says why, and leaves it alone.

::

    from exercises.plan_forms import open_workbook
    workbook = open_workbook()   # the team's plan.yaml, or a copy of the example
    workbook.day(1)              # the day 1 form
    workbook.tools()             # check, see the timeline, export for the panel
"""

from __future__ import annotations

import re
import typing
from collections.abc import Sequence
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from exercises.plan.document import plan_summary
from exercises.plan.export import export_plan
from exercises.plan.model import Plan, unwrap
from exercises.plan.store import PlanProblem, load_plan, plan_to_data, save_plan, validate_plan
from exercises.plan.templates import WorkbookPlan, locate_workbook_plan
from exercises.plan.timeline import timeline_svg

WIDE = {"width": "100%"}
LABELS = {"description_width": "16em"}
BUTTON = {"width": "auto"}  # buttons as wide as their words, never cut short

# Which sections of the plan each form edits; every section is on exactly one form.
DAYS: dict[int | str, tuple[str, ...]] = {
    1: ("team", "challenge", "outcomes", "system", "data_needed"),
    2: ("coproduction_partners", "peer_challenge"),
    3: ("funding",),
    4: ("behaviours_and_market",),
    5: ("assets", "twelve_month_picture", "hundred_day_plan", "risks", "asks", "commitment"),
    "follow-up": ("follow_up", "notes"),
}
# Answers that get a box of several lines; every other answer is one line.
LONG_ANSWERS = {
    "statement",
    "who_is_affected",
    "why_now",
    "where_we_are_now",
    "description",
    "how_we_will_work_together",
    "current_funding",
    "doing_better_with_less",
    "new_funding_methods",
    "value_case",
    "provider_approach",
    "market_changes",
    "twelve_month_picture",
    "summary",
    "notes",
    "what_happened",
    "next_step",
    "how",
    "barriers",
    "how_involved",
    "how_we_will_use_it",
    "mitigation",
}


# --- Editors: one widget (or group) per answer, built from the model ----------------------


class Editor:
    """One answer on a form: ``widget`` shows it, ``get`` gives plan data, ``set`` fills it in."""

    widget: widgets.Widget

    def get(self) -> Any:  # pragma: no cover - every editor overrides it
        raise NotImplementedError

    def set(self, value: Any) -> None:  # pragma: no cover - every editor overrides it
        raise NotImplementedError


class TextEditor(Editor):
    def __init__(self, info: FieldInfo, long: bool) -> None:
        kind = widgets.Textarea if long else widgets.Text
        self.widget = kind(
            description=info.title or "",
            placeholder=info.description or "",
            tooltip=info.description or "",
            layout=dict(WIDE),
            style=LABELS,
        )
        if long:
            self.widget.layout.height = "6em"

    def get(self) -> Any:
        return self.widget.value

    def set(self, value: Any) -> None:
        self.widget.value = "" if value is None else str(value)


class LinesEditor(TextEditor):
    """A list of short answers, one per line."""

    def __init__(self, info: FieldInfo) -> None:
        super().__init__(info, long=True)
        self.widget.placeholder = f"{info.description} One per line."

    def get(self) -> list[str]:
        return [line.strip() for line in self.widget.value.splitlines() if line.strip()]

    def set(self, value: Any) -> None:
        self.widget.value = "\n".join(value or [])


class IdsEditor(TextEditor):
    """Action ids, written "A1, A2"."""

    def __init__(self, info: FieldInfo) -> None:
        super().__init__(info, long=False)
        self.widget.placeholder = "Ids separated by commas, such as A1, A2"

    def get(self) -> list[str]:
        return [part for part in re.split(r"[,\s]+", self.widget.value) if part]

    def set(self, value: Any) -> None:
        self.widget.value = ", ".join(value or [])


class ChoiceEditor(Editor):
    def __init__(self, info: FieldInfo, options: list[str], optional: bool) -> None:
        choices: list[tuple[str, Any]] = [(option, option) for option in options]
        if optional:
            choices.insert(0, ("(not given)", None))
        self.widget = widgets.Dropdown(
            options=choices, description=info.title or "", tooltip=info.description or "", style=LABELS
        )

    def get(self) -> Any:
        return self.widget.value

    def set(self, value: Any) -> None:
        allowed = [option for _, option in self.widget.options]
        self.widget.value = value if value in allowed else allowed[0]


class DayEditor(Editor):
    def __init__(self, info: FieldInfo) -> None:
        self.widget = widgets.BoundedIntText(
            value=1, min=1, max=100, description=info.title or "", tooltip=info.description or "", style=LABELS
        )

    def get(self) -> int:
        return int(self.widget.value)

    def set(self, value: Any) -> None:
        self.widget.value = value if isinstance(value, int) and 1 <= value <= 100 else 1


class DateEditor(Editor):
    def __init__(self, info: FieldInfo) -> None:
        self.widget = widgets.DatePicker(description=info.title or "", tooltip=info.description or "", style=LABELS)

    def get(self) -> str | None:
        return self.widget.value.isoformat() if self.widget.value else None

    def set(self, value: Any) -> None:
        self.widget.value = date.fromisoformat(value) if isinstance(value, str) and value else None


class SectionEditor(Editor):
    """A group of answers: one part of the plan, such as the team or the challenge."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.editors = {name: editor_for(info, name in LONG_ANSWERS) for name, info in model.model_fields.items()}
        self.widget = widgets.VBox([editor.widget for editor in self.editors.values()], layout=dict(WIDE))

    def get(self) -> dict[str, Any]:
        return {name: editor.get() for name, editor in self.editors.items()}

    def set(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        for name, editor in self.editors.items():
            if name in value:
                editor.set(value[name])


class ListEditor(Editor):
    """A list of items (actions, outcomes, risks...): each with a Remove button, and an Add button."""

    def __init__(self, info: FieldInfo, model: type[BaseModel]) -> None:
        self.model = model
        self.noun: str = getattr(model, "noun", "item")
        self.rows: list[SectionEditor] = []
        self.items = widgets.VBox(layout=dict(WIDE))
        add = widgets.Button(
            description=f"Add {'an' if self.noun[0] in 'aeiou' else 'a'} {self.noun}",
            icon="plus",
            tooltip=info.description or "",
            layout=BUTTON,
        )
        add.on_click(lambda _: self.add())
        self.title = section_heading(info)
        self.widget = widgets.VBox([self.title, self.items, widgets.HBox([add])], layout=dict(WIDE))

    def add(self, value: dict[str, Any] | None = None) -> SectionEditor:
        row = SectionEditor(self.model)
        row.set(value if value is not None else self._new_item())
        self.rows.append(row)
        self._redraw()
        return row

    def _new_item(self) -> dict[str, Any]:
        if "id" in self.model.model_fields:  # actions get the next free id
            taken = {row.get().get("id") for row in self.rows}
            number = len(self.rows) + 1
            while f"A{number}" in taken:
                number += 1
            return {"id": f"A{number}"}
        return {}

    def remove(self, row: SectionEditor) -> None:
        self.rows.remove(row)
        self._redraw()

    def _redraw(self) -> None:
        boxes = []
        for number, row in enumerate(self.rows, start=1):
            remove = widgets.Button(description=f"Remove {self.noun} {number}", icon="trash", layout=BUTTON)
            remove.on_click(lambda _, row=row: self.remove(row))
            heading = widgets.HTML(f"<strong>{escape(self.noun.capitalize())} {number}</strong>")
            boxes.append(
                widgets.VBox(
                    [heading, row.widget, widgets.HBox([remove])],
                    layout={"border": "1px solid #b1b4b6", "padding": "0.5em", "margin": "0 0 0.5em 0", **WIDE},
                )
            )
        self.items.children = boxes

    def get(self) -> list[dict[str, Any]]:
        return [row.get() for row in self.rows]

    def set(self, value: Any) -> None:
        self.rows = []
        for item in value if isinstance(value, list) else []:
            row = SectionEditor(self.model)
            row.set(item)
            self.rows.append(row)
        self._redraw()


def editor_for(info: FieldInfo, long_text: bool = False) -> Editor:
    """The right editor for a field of the plan model, from its type."""
    annotation, optional = unwrap(info.annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        inner, _ = unwrap(typing.get_args(annotation)[0])
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return ListEditor(info, inner)
        pattern = _pattern(typing.get_args(annotation)[0])
        return IdsEditor(info) if pattern else LinesEditor(info)
    if origin is typing.Literal:
        return ChoiceEditor(info, [str(option) for option in typing.get_args(annotation)], optional)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return SectionEditor(annotation)
    if annotation is int:
        return DayEditor(info)
    if annotation is date:
        return DateEditor(info)
    return TextEditor(info, long=long_text)


def _pattern(annotation: Any) -> str | None:
    for rule in typing.get_args(annotation)[1:] if typing.get_origin(annotation) is typing.Annotated else ():
        for meta in getattr(rule, "metadata", []):
            if getattr(meta, "pattern", None):
                return meta.pattern
    return None


# --- A form: some sections of the plan, loaded from and saved to the file ---------------------


class PlanForm:
    """The form for one day: its sections of the plan, with Save and Reload buttons."""

    def __init__(self, path: str | Path, sections: tuple[str, ...], title: str = "") -> None:
        self.path = Path(path)
        self.sections = sections
        self.editors = {name: editor_for(Plan.model_fields[name], name in LONG_ANSWERS) for name in sections}
        self.status = widgets.HTML()
        self.save_button = widgets.Button(
            description="Save to the plan file", button_style="primary", icon="save", layout=BUTTON
        )
        self.save_button.on_click(lambda _: self.save())
        reload_button = widgets.Button(
            description="Reload the saved plan", icon="refresh", tooltip="Discard changes not yet saved", layout=BUTTON
        )
        reload_button.on_click(lambda _: self.load())
        parts: list[widgets.Widget] = [widgets.HTML(f"<h3>{escape(title)}</h3>")] if title else []
        for name, editor in self.editors.items():
            info = Plan.model_fields[name]
            if not isinstance(editor, ListEditor):
                parts.append(section_heading(info))
            parts.append(editor.widget)
        parts += [widgets.HBox([self.save_button, reload_button]), self.status]
        self.widget = widgets.VBox(parts, layout=dict(WIDE))
        self.load()

    def _say(self, headline: str, messages: Sequence[str] = (), good: bool = True) -> None:
        self.status.value = status_html(headline, messages, good)

    def load(self) -> bool:
        """Fill the form from the plan file; if the file cannot be read, say why and block saving."""
        data = self._read(
            "The plan file cannot be read, so this form will not save over it. Fix these problems, then reload:"
        )
        if data is None:
            self.save_button.disabled = True
            return False
        self.loaded = {name: data.get(name) for name in self.sections}
        for name, editor in self.editors.items():
            editor.set(self.loaded[name])
        self.save_button.disabled = False
        self._say(f"Loaded from {self.path.name}.")
        return True

    def _read(self, headline: str) -> dict[str, Any] | None:
        try:
            return plan_to_data(load_plan(self.path))
        except PlanProblem as problem:
            self._say(headline, problem.messages, good=False)
            return None

    def values(self) -> dict[str, Any]:
        """This form's answers, as plan data."""
        return {name: editor.get() for name, editor in self.editors.items()}

    def save(self) -> bool:
        """Check and save this form's changed sections into the latest plan file (keeping a .bak).

        A section changed in the file since the form was loaded (by another form, another
        window, or a reviewing team's feedback) is never overwritten with the form's older
        copy: if the form did not change it, the file's version is kept and shown; if both
        changed it, nothing is saved and the form says so.
        """
        current = self._read("Not saved: the plan file cannot be read, and this form will not save over it.")
        if current is None:
            return False
        try:
            answers = plan_to_data(validate_plan({**current, **self.values()}, self.path))
        except PlanProblem as problem:
            self._say("Not saved yet. Please fix these answers, then save again:", problem.messages, good=False)
            return False
        mine = {name for name in self.sections if answers[name] != self.loaded[name]}
        elsewhere = {name for name in self.sections if current[name] != self.loaded[name]}
        clashes = [name for name in mine & elsewhere if answers[name] != current[name]]
        if clashes:
            titles = ", ".join(Plan.model_fields[name].title or name for name in sorted(clashes))
            self._say(
                f"Not saved: {titles} changed in the plan file after this form was loaded (perhaps in another "
                "window). Copy anything you want to keep, select Reload the saved plan, then make your changes again.",
                good=False,
            )
            return False
        if not mine:  # writing the same plan again would only replace the useful .bak
            for name in elsewhere:
                self.editors[name].set(current[name])
            self.loaded = {name: current[name] for name in self.sections}
            self._say("Nothing to save: this form has no changes since it was loaded.")
            return True
        merged = {**current, **{name: answers[name] for name in mine}}
        try:
            backup = save_plan(validate_plan(merged, self.path), self.path)
        except PlanProblem as problem:
            self._say("Not saved:", problem.messages, good=False)
            return False
        for name in elsewhere - mine:  # show what changed elsewhere
            self.editors[name].set(current[name])
        self.loaded = {name: merged[name] for name in self.sections}
        kept = f" The previous version is kept as {backup.name}." if backup else ""
        updated = ", ".join(Plan.model_fields[name].title or name for name in sorted(elsewhere - mine))
        also = f" The form now also shows the latest {updated}, changed elsewhere." if updated else ""
        self._say(f"Saved at {datetime.now():%H:%M}.{kept}{also}")
        return True


# --- The workbook: every day's form, and the tools ------------------------------------------


class PlanWorkbook:
    """The challenge workbook's forms for one plan file."""

    def __init__(self, located: WorkbookPlan) -> None:
        self.located = located
        self.path = located.path
        self.forms: dict[int | str, PlanForm] = {}
        self.note = widgets.HTML(
            f'<div role="status"><p>{"⚠ " if located.is_example_copy else ""}{escape(located.note)}</p></div>'
        )

    def day(self, which: int | str) -> widgets.Widget:
        """The form for a day (1 to 5, or "follow-up")."""
        if which not in DAYS:
            raise ValueError(f"There is no form for {which!r}: choose one of {', '.join(map(str, DAYS))}.")
        self.forms[which] = PlanForm(self.path, DAYS[which])  # the notebook gives each day its heading
        return self.forms[which].widget

    def tools(self) -> widgets.Widget:
        """Check the plan, show its timeline, and export it for the panel."""
        output = widgets.HTML()
        buttons = [widgets.Button(description="Check the plan", icon="check", layout=BUTTON)]
        buttons[0].on_click(lambda _: setattr(output, "value", self.check_html()))
        for kind, label in (("docx", "Word"), ("html", "web page"), ("md", "Markdown")):
            button = widgets.Button(description=f"Export ({label})", icon="download", layout=BUTTON)
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
        """Write the plan as a document next to the plan file; say where."""
        out = self.path.with_suffix(f".{kind}")
        try:
            export_plan(load_plan(self.path), kind, out)
        except PlanProblem as problem:
            return status_html("Not exported: the plan has problems to fix first:", problem.messages, good=False)
        except OSError as error:
            return status_html("Not exported:", [f"Could not write {out} ({error.strerror or error})."], good=False)
        return status_html(f"Exported to {out}.")


def section_heading(info: FieldInfo) -> widgets.HTML:
    """A part of the plan's title and help text, from the model."""
    return widgets.HTML(f"<h4>{escape(info.title or '')}</h4><p>{escape(info.description or '')}</p>")


def status_html(headline: str, messages: Sequence[str] = (), good: bool = True) -> str:
    """A status message in words and a symbol (never colour alone), with any problems listed."""
    items = "".join(f"<li>{escape(message)}</li>" for message in messages)
    listed = f"<ul>{items}</ul>" if items else ""
    return f'<div role="status"><p><strong>{"✓" if good else "✗"} {escape(headline)}</strong></p>{listed}</div>'


def open_workbook(path: str | Path | None = None) -> PlanWorkbook:
    """The workbook for ``path``, or for the plan found by :func:`locate_workbook_plan`; shows a note."""
    located = WorkbookPlan(Path(path), f"Working on the plan file {path}.", False) if path else locate_workbook_plan()
    workbook = PlanWorkbook(located)
    try:
        from IPython.display import display

        display(workbook.note)
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        pass
    return workbook
