"""Calculators: labelled inputs bound to a pure Python function, recomputed on every change.

Used for business cases, invest-to-save sums, cash flows and cost-benefit. The author
writes an ordinary function (no widgets in it) and describes its inputs; the calculator
reads what participants type ("£350k", "3.5%"), calls the function only when a value has
really changed, and shows its result (a table, a DataFrame or text) and an optional chart.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from exercises.checks import ExerciseDefinitionError, Feedback
from exercises.numbers import PERCENT, POUNDS, NumberFormatProblem, format_number, parse_number
from exercises.widgets.base import Exercise, one_call, stacked
from exercises.widgets.browser_ports import port_key
from exercises.widgets.charts import ChartLayout, figure_alt, figure_html, quick_to_draw
from exercises.widgets.markup import esc, frame_table, mapping_table, to_html


@dataclass(frozen=True)
class Input:
    """One labelled input of a calculator.

    - ``value``: the starting value. An ``int`` means only whole numbers are accepted.
    - ``unit``: ``"£"``, ``"%"``, a word such as ``"years"``, or ``None``. Percentages are
      shown as typed (3.5%) but reach the function as fractions (0.035).
    - ``minimum`` / ``maximum``: optional limits, explained to the participant if broken.
    - ``options``: a list of choices; the input becomes a drop-down list and the function
      receives the chosen text.
    """

    label: str
    value: float | int | str
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    options: Sequence[str] | None = None

    def start_text(self) -> str:
        if self.options is not None:
            return str(self.value)
        return format_number(float(self.value), self.unit)

    def read(self, text: str) -> float | int | str:
        """The value for the function, or ``NumberFormatProblem`` with a plain message."""
        if self.options is not None:
            return text
        number = parse_number(text)
        if number.unit in (POUNDS, PERCENT) and number.unit != self.unit:
            wanted = {POUNDS: "an amount in pounds", PERCENT: "a percentage"}.get(self.unit or "", "a number")
            raise NumberFormatProblem(f"Enter {wanted} here, such as {self.start_text()}.")
        value = number.value
        low = -float("inf") if self.minimum is None else self.minimum
        high = float("inf") if self.maximum is None else self.maximum
        if not low <= value <= high:
            if self.minimum is not None and self.maximum is not None:
                limits = f"between {format_number(low, self.unit)} and {format_number(high, self.unit)}"
            elif self.minimum is not None:
                limits = f"of at least {format_number(low, self.unit)}"
            else:
                limits = f"of at most {format_number(high, self.unit)}"
            raise NumberFormatProblem(f"Enter a value {limits}.")
        if isinstance(self.value, int) and not isinstance(self.value, bool):
            if value != int(value):
                raise NumberFormatProblem("Enter a whole number here.")
            value = int(value)
        return value / 100 if self.unit == PERCENT else value


def same_result(new: Any, old: Any) -> bool:
    """Whether two results of a calculator's function are equal (DataFrames compared by value)."""
    try:
        if hasattr(new, "equals"):
            return type(new) is type(old) and bool(new.equals(old))
        return type(new) is type(old) and bool(new == old)
    except (ValueError, TypeError):  # e.g. a dict holding DataFrames: treat as changed
        return False


def render_result(result: Any) -> str:
    """HTML for what a calculator function returns: a mapping (label → value), a pandas
    DataFrame, a matplotlib Figure, text, or a list/tuple of those."""
    if result is None:
        return ""
    if isinstance(result, str):
        return to_html(result)
    if isinstance(result, Mapping):
        return mapping_table(result)
    if hasattr(result, "to_html") and hasattr(result, "columns"):
        return frame_table(result)
    if hasattr(result, "savefig"):
        return figure_html(result, figure_alt(result))
    if isinstance(result, (list, tuple)):
        return "".join(render_result(part) for part in result)
    return f"<p>{esc(result)}</p>"


class CalculatorExercise(Exercise):
    """Inputs, a results area and an optional chart, recomputed when an input changes."""

    kind = "calculator"
    reveal_label = "Show how this is worked out"
    check_label = "Put back the starting figures"
    # For a calculator whose function has no browser port (see exercises.widgets.browser_ports).
    frozen_note = (
        '<p class="academy-site-note">On the course website this calculator shows the results of '
        "its starting figures only. To try your own figures, open the page in JupyterLab.</p>"
    )

    def __init__(
        self,
        exercise_id: str,
        question: str,
        *,
        inputs: Mapping[str, Input],
        compute: Callable[..., Any],
        chart: Callable[..., Any] | None = None,
        explanation: str = "",
        page: str | None = None,
    ) -> None:
        self.port = port_key(compute)
        super().__init__(exercise_id, question, explanation=explanation, page=page)
        if not inputs or not all(isinstance(spec, Input) for spec in inputs.values()):
            raise ExerciseDefinitionError("Describe each calculator input with Input(label, value, ...).")
        self.inputs = dict(inputs)
        self.compute, self.chart = compute, chart
        self.fields: dict[str, widgets.Widget] = {}
        for name, spec in self.inputs.items():
            hint = f" ({spec.unit})" if spec.unit else ""
            if spec.options is not None:
                if spec.value not in spec.options:
                    raise ExerciseDefinitionError(f"The starting value of {name!r} must be one of its options.")
                field = widgets.Dropdown(options=list(spec.options), value=spec.value, description=spec.label)
            else:
                spec.read(spec.start_text())  # the author's own starting value must be acceptable
                field = widgets.Text(value=spec.start_text(), description=spec.label + hint, continuous_update=False)
            field.observe(self._on_change, names="value")
            self.fields[name] = stacked(field)
        self.result_area = widgets.HTML()
        self.result_area.add_class("academy-result-area")
        self._last_values: dict[str, Any] | None = None
        self._last_shown: tuple[Any, str] | None = None  # the last result and its chart's HTML
        self.chart_layout = ChartLayout()  # the chart's margins, reused while they fit
        self._figure: Any = None  # the last chart, for a chart function that can update it
        self._updates_figure = chart is not None and "figure" in inspect.signature(chart).parameters
        self.check_button.button_style = ""
        self._build([*self.fields.values(), self.check_button], extra=[self.result_area])
        if self._last_values is None:  # nothing restored: show the starting figures' result
            self.recompute()

    def _values(self) -> tuple[dict[str, Any], dict[str, str]]:
        values, problems = {}, {}
        for name, spec in self.inputs.items():
            try:
                values[name] = spec.read(self.fields[name].value)
            except NumberFormatProblem as problem:
                problems[spec.label] = problem.message
        return values, problems

    def recompute(self) -> Feedback:
        """Call the function if any value changed; show the result or a plain-English problem."""
        values, problems = self._values()
        if problems:
            return Feedback(
                "invalid",
                "Some figures could not be read, so the results have not changed.",
                {label: msg for label, msg in problems.items()},
            )
        if values == self._last_values:
            return Feedback("noted", "The results below use your figures.")
        try:
            result = self.compute(**values)
            if self._last_shown is not None and same_result(result, self._last_shown[0]):
                chart_html = self._last_shown[1]  # drawing the chart is the slow part: reuse it
            else:
                chart_html = ""
                if self.chart is not None:
                    with quick_to_draw():
                        if self._updates_figure:
                            figure = self._figure = self.chart(result, figure=self._figure)
                        else:
                            figure = self.chart(result)
                    chart_html = (
                        figure_html(figure, figure_alt(figure), self.chart_layout) if figure is not None else ""
                    )
        except (ValueError, ArithmeticError) as exc:
            self._last_values = None
            return Feedback("invalid", f"These figures cannot be worked out: {exc}. Change a figure and try again.")
        self._last_values = values
        self._last_shown = (result, chart_html)
        self.result_area.value = render_result(result) + chart_html
        return Feedback("noted", "The results below use your figures.")

    def _on_change(self, _change: dict) -> None:
        if not self._restoring:
            self.submit()

    def _on_button(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Put every input back to the author's starting value (and save that)."""
        with self._quietly():
            for name, spec in self.inputs.items():
                self.fields[name].value = spec.start_text() if spec.options is None else spec.value
        self.submit()

    def _site_note(self) -> str:
        return self.site_note if self.port is not None else self.frozen_note

    def _site_key(self) -> dict[str, Any]:
        """The inputs as the website reads them, and the compute function's browser port (or None)."""
        inputs = [
            {
                "name": name,
                "label": spec.label,
                "unit": spec.unit,
                "start": spec.start_text() if spec.options is None else spec.value,
                "minimum": spec.minimum,
                "maximum": spec.maximum,
                "options": None if spec.options is None else list(spec.options),
                "whole": isinstance(spec.value, int) and not isinstance(spec.value, bool),
            }
            for name, spec in self.inputs.items()
        ]
        return {"inputs": inputs, "port": self.port}

    def _value(self) -> dict[str, str]:
        return {name: field.value for name, field in self.fields.items()}

    def _set_value(self, value: Mapping[str, str]) -> None:
        for name, text in dict(value).items():
            if name in self.fields:
                self.fields[name].value = str(text)

    def _check(self) -> Feedback:
        return self.recompute()


calculator = one_call(
    CalculatorExercise,
    "calculator",
    """Show a calculator.

    ``inputs`` maps each argument name of ``compute`` to an ``Input``. ``compute`` is a
    pure function called with those arguments whenever a value changes; it returns a
    mapping (label → value), a DataFrame, text, or a list of those. It may raise
    ``ValueError("plain message")`` for figures that make no sense. ``chart``, if given,
    turns the result into a matplotlib Figure (give it a title: that becomes its
    alternative text); leave out ``tight_layout``, as the calculator lays the chart out.
    A ``chart`` with a ``figure`` keyword is handed the figure it returned last time (None
    the first time) and may move its lines rather than draw a new one, which is quicker.
    The participant's figures are saved and put back next time.
    """,
)
