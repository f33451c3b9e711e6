"""What every exercise widget shares: layout, feedback, "Show answer", saving and re-loading.

An exercise is a box holding the question, its controls, a feedback area and a collapsed
"Show answer" block. Subclasses supply the controls and three small methods:

- ``_value()``: the current answer as JSON-ready data (what the workbook stores);
- ``_set_value(value)``: put a saved answer back into the controls;
- ``_check()``: judge the current answer (a ``Feedback`` from ``exercises.checks``).

The workbook is read when an exercise is shown and written only when the participant
answers, so running a page (as the website build does) never writes anything.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar, ParamSpec, Self, TypeVar

import ipywidgets as widgets
from traitlets import TraitError

from exercises.checks import ExerciseDefinitionError, Feedback
from exercises.paths import course_root
from exercises.widgets.markup import details, esc, to_html
from exercises.workbook import Answer, Workbook, WorkbookError, take_notice

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")

# Long labels wrap instead of being cut off, controls stack under their labels (readable at
# 200% zoom), controls meet WCAG 2.2 contrast and 24px target sizes in light and dark themes,
# and feedback is marked by words and symbols as well as a coloured border.
STYLE = """<style>
.academy-exercise{border:1px solid #b1b4b6;border-left:5px solid #1d70b8;padding:.5em 1em .75em;
 margin:.5em 0 1em;max-width:48em;box-sizing:border-box;line-height:1.45}
.academy-exercise .widget-label,.academy-exercise .jupyter-widget-label,
.academy-exercise .widget-label-basic,.academy-exercise .jupyter-widget-label-basic,
.academy-exercise .widget-radio-box label,.academy-exercise .jupyter-widget-radio-box label,
.academy-exercise .widget-html-content,.academy-exercise .jupyter-widget-html-content{
 white-space:normal!important;overflow:visible!important;text-overflow:clip!important;
 height:auto!important;line-height:1.45!important}
.academy-exercise .widget-inline-hbox,.academy-exercise .jupyter-widget-inline-hbox,
.academy-exercise .widget-checkbox,.academy-exercise .jupyter-widget-checkbox{
 height:auto!important;flex-wrap:wrap;width:100%!important;max-width:100%}
.academy-stacked>.widget-label,.academy-stacked>.jupyter-widget-label{width:100%!important;
 max-width:none!important;text-align:left!important;font-weight:600;margin:.5em 0 .25em!important}
.academy-exercise select,.academy-exercise input[type=text],.academy-exercise textarea{
 font-size:1em;max-width:100%}
.academy-exercise select{height:auto!important;padding:.2em .3em}
.academy-exercise .widget-button,.academy-exercise .jupyter-button{height:auto!important;min-height:2.2em;
 max-width:100%;white-space:normal;margin:.5em 0;padding:.2em 1em}
.academy-exercise textarea{min-height:6em}
.academy-exercise .widget-radio-box input,.academy-exercise .widget-checkbox input{flex:0 0 auto}
.academy-feedback{border-left:5px solid #505a5f;padding:.25em .75em;margin:.5em 0}
.academy-feedback.academy-correct{border-left-color:#00703c}
.academy-feedback.academy-partly{border-left-color:#f47738}
.academy-feedback.academy-incorrect{border-left-color:#d4351c}
.academy-feedback.academy-noted{border-left-color:#1d70b8}
.academy-feedback ul{margin:.25em 0 .25em 1.25em;padding:0}
.academy-saved{color:#505a5f;font-size:.95em}
.academy-site-note{display:none}
.cell_output .academy-site-note{display:block;font-style:italic}
.academy-answer{margin:.5em 0}
.academy-answer summary{cursor:pointer;font-weight:600;color:#1d70b8;text-decoration:underline}
.academy-exercise .jupyter-button.mod-primary,.academy-exercise .widget-button.mod-primary{
 background:#1d70b8;color:#fff}
.academy-exercise input[type=radio],.academy-exercise input[type=checkbox]{width:24px;height:24px;
 min-width:24px;margin:0 .5em 0 0}
html[data-theme=dark] .academy-answer summary{color:#003078}
body[data-jp-theme-light=false] .academy-answer summary{color:#8cc2f0}
body[data-jp-theme-light=false] .academy-saved{color:#c8cbcd}
.academy-table{border-collapse:collapse;margin:.5em 0}
.academy-table th,.academy-table td{border:1px solid #b1b4b6;padding:.2em .6em;text-align:left}
.academy-chart{max-width:100%;height:auto}
</style>"""

# Shown on the website under each exercise, which the browser's exercise engine
# (site_static/academy-exercises.js) checks with no server. The link goes to the page's launch
# button when the site names a hub (``launch_buttons`` in _config.yml), else to how to get the
# course: the site's academy-nav.js decides (issue 25).
SITE_NOTE = (
    '<p class="academy-site-note">On the course website this exercise is checked in your browser, '
    "which needs JavaScript, and your answers stay in this browser. "
    '<a class="academy-launch" href="#academy-launch">Open this page in JupyterLab</a> '
    "to keep them in your workbook.</p>"
)


def key_html(key: dict[str, Any]) -> str:
    """The exercise's answer key for the website's browser engine: a hidden element holding JSON.

    The key is the author's own (options, answers, feedback, tolerances), written once in the
    notebook; the browser applies the same checking rules as ``exercises.checks`` to it.
    """
    return f'<div class="academy-key" hidden data-key="{esc(json.dumps(key, ensure_ascii=False))}"></div>'


def page_name() -> str:
    """The notebook this kernel belongs to, relative to the course folder ("" if unknown)."""
    session = os.environ.get("JPY_SESSION_NAME", "")
    if not session:
        return ""
    path = Path(session)
    try:
        return path.resolve().relative_to(course_root()).as_posix()
    except (ValueError, OSError):
        return path.name


def stacked(widget: widgets.Widget) -> widgets.Widget:
    """Put a control's label (its ``description``) above it, at full width."""
    widget.add_class("academy-stacked")
    widget.style.description_width = "initial"
    widget.layout.width = "100%"
    return widget


def _current_cell() -> int | None:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return None
    shell = get_ipython()
    return getattr(shell, "execution_count", None) if shell is not None else None


def feedback_html(feedback: Feedback, saved: str = "") -> str:
    """The feedback box: headline in words and a symbol, the message and any notes."""
    notes = "".join(f"<li><strong>{esc(key)}</strong>: {esc(note)}</li>" for key, note in feedback.notes.items())
    notes_html = f"<ul>{notes}</ul>" if notes else ""
    saved_html = f'<p class="academy-saved">{esc(saved)}</p>' if saved else ""
    return (
        f'<div class="academy-feedback academy-{feedback.status}" role="status">'
        f"<p><strong>{esc(feedback.headline)}.</strong> {esc(feedback.message)}</p>"
        f"{notes_html}{saved_html}</div>"
    )


class Exercise:
    """Base class of every exercise widget. See the module docstring."""

    kind: ClassVar[str] = "exercise"
    reveal_label: ClassVar[str] = "Show answer"
    check_label: ClassVar[str] = "Check answer"
    site_note: ClassVar[str] = SITE_NOTE

    def __init__(self, exercise_id: str, question: str, *, explanation: str = "", page: str | None = None) -> None:
        if not isinstance(exercise_id, str) or not ID_PATTERN.fullmatch(exercise_id):
            raise ExerciseDefinitionError(
                f"Exercise id {exercise_id!r} must be letters, digits, '.', '_' or '-', "
                "such as 'd1-procurement'. It is the key of the answer in the workbook: never change it."
            )
        self.id = exercise_id
        self.question = question
        self.explanation = explanation
        self.page = page if page is not None else page_name()
        self._restoring = False
        self._last_saved: Any = None
        self._shown_in: int | None = None
        self.notice_area = widgets.HTML()
        self.feedback_area = widgets.HTML(value=self._site_note())
        self.feedback_area.add_class("academy-feedback-area")
        self.check_button = widgets.Button(
            description=self.check_label,
            tooltip=self.check_label,
            button_style="primary",
            layout=widgets.Layout(width="auto", align_self="flex-start"),
        )
        self.check_button.on_click(lambda _button: self._on_button())
        self.workbook: Workbook | None
        try:
            self.workbook = Workbook.load()
        except WorkbookError as problem:
            self.workbook = None
            self._notify(problem.message)
        notice = take_notice()
        if notice:
            self._notify(notice)
        self.widget: widgets.VBox = widgets.VBox()

    # -- for subclasses -------------------------------------------------------------------
    def _value(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def _set_value(self, value: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _check(self) -> Feedback:  # pragma: no cover - abstract
        raise NotImplementedError

    def _site_note(self) -> str:
        """The note shown on the website until the browser's exercise engine takes over."""
        return self.site_note

    def _site_key(self) -> dict[str, Any]:
        """The answer key the website's browser engine needs (see ``site_key``)."""
        return {}

    def site_key(self) -> dict[str, Any]:
        """What the website needs to check this exercise with no kernel: its id, type, page,
        question and the type's answer key, as JSON-ready data. Embedded in the page."""
        return {"id": self.id, "kind": self.kind, "page": self.page, "question": self.question, **self._site_key()}

    def _on_button(self) -> None:
        self.submit()

    def _build(self, controls: list[widgets.Widget], *, extra: list[widgets.Widget] | None = None) -> None:
        """Lay the exercise out, then put back any saved answer."""
        header = widgets.HTML(
            STYLE + f'<div class="academy-question">{to_html(self.question)}</div>' + key_html(self.site_key())
        )
        reveal = details(self.reveal_label, to_html(self.explanation))
        parts: list[widgets.Widget] = [self.notice_area, header, *controls, self.feedback_area]
        parts += extra or []
        if reveal:
            parts.append(widgets.HTML(reveal))
        self.widget = widgets.VBox(parts, layout=widgets.Layout(width="100%"))
        self.widget.add_class("academy-exercise")
        self.widget.add_class(f"academy-{self.kind}")
        self._restore()

    # -- behaviour --------------------------------------------------------------------------
    @contextmanager
    def _quietly(self):
        """Change controls without saving (used when restoring a saved answer)."""
        self._restoring, before = True, self._restoring
        try:
            yield
        finally:
            self._restoring = before

    def _notify(self, message: str) -> None:
        self.notice_area.value = (
            f'<div class="academy-feedback academy-invalid" role="alert"><p>'
            f"<strong>\u26a0 Please read.</strong> {esc(message)}</p></div>"
        )

    def _restore(self) -> None:
        answer = self.workbook.get(self.id) if self.workbook is not None else None
        if answer is None:
            return
        try:
            with self._quietly():
                self._set_value(answer.value)
        except (ValueError, TypeError, KeyError, AttributeError, TraitError):
            self._notify(
                "Your earlier answer to this exercise no longer fits the question, so it is "
                "not filled in. It is still kept in your workbook."
            )
            return
        self._last_saved = answer.value
        self.show_feedback(self._check(), saved=f"You answered this at {answer.saved_label()}.")

    def show_feedback(self, feedback: Feedback, saved: str = "") -> None:
        self.feedback_area.value = feedback_html(feedback, saved)

    def submit(self) -> Feedback:
        """Check the current answer, show the feedback and save the answer."""
        feedback = self._check()
        saved = ""
        if feedback.status != "invalid":
            answer = self.save(feedback.status)
            if answer is not None:
                saved = f"Saved at {answer.saved_time:%H:%M}." if answer.saved_time else "Saved."
        self.show_feedback(feedback, saved)
        return feedback

    def save(self, status: str = "") -> Answer | None:
        """Write the current answer to the workbook (never while restoring)."""
        if self._restoring or self.workbook is None:
            return None
        value = self._value()
        try:
            answer = self.workbook.record(
                self.id, value, kind=self.kind, page=self.page, question=self.question, status=status
            )
        except WorkbookError as problem:
            self._notify(problem.message)
            return None
        self._last_saved = value
        if self.workbook.notice:
            notice = take_notice()
            if notice:
                self._notify(notice)
        return answer

    # -- display ------------------------------------------------------------------------------
    def show(self) -> Self:
        """Display the exercise in the notebook (done once by the one-line functions)."""
        if _current_cell() is not None:
            from IPython.display import display

            display(self.widget)
            self._shown_in = _current_cell()
        return self

    def _ipython_display_(self) -> None:
        # ``choice(...)`` as the last line of a cell has already been shown: do not show it twice.
        if self._shown_in is not None and self._shown_in == _current_cell():
            return
        from IPython.display import display

        display(self.widget)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id!r}>"


_Arguments = ParamSpec("_Arguments")
_Kind = TypeVar("_Kind", bound=Exercise)


def one_call(kind: Callable[_Arguments, _Kind], name: str, doc: str) -> Callable[_Arguments, _Kind]:
    """The one-line function for an exercise type: it makes the exercise, shows it and returns it.

    The function takes the exercise's own arguments (``help()`` shows them) and ``doc`` is its help.
    """

    def make_and_show(*args: _Arguments.args, **kwargs: _Arguments.kwargs) -> _Kind:
        return kind(*args, **kwargs).show()

    functools.update_wrapper(make_and_show, kind, assigned=("__module__",), updated=())  # signature: the kind's
    make_and_show.__name__ = make_and_show.__qualname__ = name
    make_and_show.__doc__ = doc
    return make_and_show
