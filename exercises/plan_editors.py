"""The answer editors of the challenge workbook's forms, built from the plan model.

One editor per answer, chosen from the answer's type in :mod:`exercises.plan.model`:
a text box, a box of lines, a drop-down, a day number, a date, a group of answers (a
section) or a list of items with Add and Remove buttons. Every editor can report changes
(``watch``), so a form knows when it holds unsaved answers.

Nothing typed is changed silently: a day number is kept as typed, and the plan model
refuses one that is not a whole number from 1 to 100, naming the answer.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from datetime import date
from html import escape
from typing import Any

import ipywidgets as widgets
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from exercises.plan.model import unwrap

WIDE = {"width": "100%"}
LABELS = {"description_width": "16em"}
BUTTON = {"width": "auto"}  # buttons as wide as their words, never cut short
# Drop-downs and date pickers wide enough to show their whole value next to their label.
CHOICE = {"width": "100%", "max_width": "44em"}

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

Listener = Callable[[], None]


# --- Editors: one widget (or group) per answer, built from the model ----------------------


class Editor:
    """One answer on a form: ``widget`` shows it, ``get`` gives plan data, ``set`` fills it in.

    ``watch(listener)`` calls ``listener`` whenever the answer changes on screen.
    """

    widget: widgets.Widget

    def watch(self, listener: Listener) -> None:
        self.widget.observe(lambda _change: listener(), names="value")

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
            options=choices,
            description=info.title or "",
            tooltip=info.description or "",
            style=LABELS,
            layout=dict(CHOICE),
        )

    def get(self) -> Any:
        return self.widget.value

    def set(self, value: Any) -> None:
        allowed = [option for _, option in self.widget.options]
        self.widget.value = value if value in allowed else allowed[0]


class DayEditor(Editor):
    """A day number, kept exactly as typed: the plan model refuses anything but a whole day from 1 to 100.

    (A number box would quietly turn 150 into 100, 0 into 1 and 12.7 into 12.)
    """

    def __init__(self, info: FieldInfo) -> None:
        self.widget = widgets.Text(
            description=info.title or "",
            placeholder="A whole number from 1 to 100",
            tooltip=info.description or "",
            style=LABELS,
            layout={"width": "100%", "max_width": "26em"},
        )

    def get(self) -> int | str | None:
        text = self.widget.value.strip()
        if not text:
            return None
        return int(text) if re.fullmatch(r"[+-]?\d{1,6}", text) else text

    def set(self, value: Any) -> None:
        self.widget.value = "" if value is None else str(value)


class DateEditor(Editor):
    def __init__(self, info: FieldInfo) -> None:
        self.widget = widgets.DatePicker(
            description=info.title or "", tooltip=info.description or "", style=LABELS, layout=dict(CHOICE)
        )

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

    def watch(self, listener: Listener) -> None:
        for editor in self.editors.values():
            editor.watch(listener)


class ListEditor(Editor):
    """A list of items (actions, outcomes, risks...): each with a Remove button, and an Add button."""

    def __init__(self, info: FieldInfo, model: type[BaseModel]) -> None:
        self.model = model
        self.noun: str = getattr(model, "noun", "item")
        self.rows: list[SectionEditor] = []
        self.listeners: list[Listener] = []
        self.items = widgets.VBox(layout=dict(WIDE))
        add = widgets.Button(
            description=f"Add {'an' if self.noun[0] in 'aeiou' else 'a'} {self.noun}",
            tooltip=info.description or "",
            layout=BUTTON,
        )
        add.on_click(lambda _: self.add())
        self.title = section_heading(info)
        self.widget = widgets.VBox([self.title, self.items, widgets.HBox([add])], layout=dict(WIDE))

    def add(self, value: dict[str, Any] | None = None) -> SectionEditor:
        row = self._row(value if value is not None else self._new_item())
        self.rows.append(row)
        self._redraw()
        self._changed()
        return row

    def _row(self, value: Any) -> SectionEditor:
        row = SectionEditor(self.model)
        row.set(value)
        row.watch(self._changed)
        return row

    def watch(self, listener: Listener) -> None:
        self.listeners.append(listener)

    def _changed(self) -> None:
        for listener in self.listeners:
            listener()

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
        self._changed()

    def _redraw(self) -> None:
        boxes = []
        for number, row in enumerate(self.rows, start=1):
            remove = widgets.Button(description=f"Remove {self.noun} {number}", layout=BUTTON)
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
        self.rows = [self._row(item) for item in (value if isinstance(value, list) else [])]
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


def section_heading(info: FieldInfo) -> widgets.HTML:
    """A part of the plan's title and help text, from the model."""
    return widgets.HTML(f"<h4>{escape(info.title or '')}</h4><p>{escape(info.description or '')}</p>")
