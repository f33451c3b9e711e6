"""Charts on the page: SVG with real text, laid out once and reused only while it fits,
and calculator charts that update a figure drawing exactly what a fresh one would."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from exercises.lessons import day1, day3, day4, day4_trials
from exercises.widgets import Input, calculator
from exercises.widgets.charts import ChartLayout, figure_html, figure_svg
from exercises.workbook import take_notice


@pytest.fixture(autouse=True)
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ACADEMY_WORK_DIR", str(tmp_path / "my-work"))
    take_notice()
    return tmp_path


def bars(values: Sequence[float], title: str = "Spend by year") -> Figure:
    figure = Figure(figsize=(6, 3))
    axes = figure.add_subplot()
    axes.bar(range(len(values)), values)
    axes.set_ylabel("£")
    axes.set_title(title)
    return figure


NUMBER = re.compile(r"-?\d+\.\d+")
CLIP_ID = re.compile(r"\bp[0-9a-f]{10}\b")  # named from the clip box's coordinates


def same_drawing(first: bytes, second: bytes) -> bool:
    """Whether two SVG files draw the same, allowing for rounding in the last decimal places."""
    a, b = (CLIP_ID.sub("clip", svg.decode()) for svg in (first, second))
    numbers_a, numbers_b = NUMBER.findall(a), NUMBER.findall(b)
    return (
        NUMBER.sub("#", a) == NUMBER.sub("#", b)
        and len(numbers_a) == len(numbers_b)
        and all(abs(float(x) - float(y)) < 0.01 for x, y in zip(numbers_a, numbers_b, strict=False))
    )


def outside(figure: Figure) -> list[str]:
    """The edges of the figure that drawn labels stick out of by more than a pixel."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    box = figure.get_tightbbox(canvas.get_renderer())  # what was drawn, in inches
    width, height = figure.get_size_inches()
    slack = 1 / figure.dpi
    sides = {
        "left": box.x0 < -slack,
        "bottom": box.y0 < -slack,
        "right": box.x1 > width + slack,
        "top": box.y1 > height + slack,
    }
    return [side for side, out in sides.items() if out]


class TestSvg:
    def test_charts_are_svg_with_real_text_and_alternative_text(self) -> None:
        html = figure_html(bars([1, 2, 3]), 'Chart: spend "by year".')
        assert html.startswith('<img class="academy-chart" src="data:image/svg+xml;base64,')
        assert html.endswith('alt="Chart: spend &quot;by year&quot;.">')
        svg = base64.b64decode(html.split("base64,", 1)[1].split('"', 1)[0]).decode()
        assert "<text " in svg and ">Spend by year</text>" in svg  # text a browser can zoom, not outlines
        assert "DejaVuSans-" not in svg  # no glyphs drawn as paths

    def test_the_same_chart_gives_the_same_file(self) -> None:
        assert figure_svg(bars([1, 2, 3])) == figure_svg(bars([1, 2, 3]))  # no date, fixed ids
        assert not same_drawing(figure_svg(bars([1, 2, 3])), figure_svg(bars([1, 2, 4])))
        assert not same_drawing(figure_svg(bars([1, 2, 3])), figure_svg(bars([1, 2, 3], title="Spend")))


class TestChartLayout:
    def test_margins_are_reused_while_labels_do_not_grow(self) -> None:
        layout = ChartLayout()
        for values in ([10, 20, 30], [12, 25, 31], [5, 9, 1]):
            figure = bars(values)
            layout.apply(figure)
        assert layout.measured == 1

    def test_a_longer_tick_label_is_laid_out_afresh_and_nothing_is_cut_off(self) -> None:
        layout = ChartLayout()
        layout.apply(bars([10, 20, 30]))
        wide = bars([10_000_000, 20_000_000, 30_000_000])  # tick labels become "1e7"-style or longer
        wide.axes[0].yaxis.get_major_formatter().set_scientific(False)
        layout.apply(wide)
        assert layout.measured == 2
        assert outside(wide) == []

    def test_a_moved_note_or_a_new_shape_is_laid_out_afresh(self) -> None:
        layout = ChartLayout()
        first = bars([1, 2, 3])
        first.axes[0].annotate("You", (0, 1))
        layout.apply(first)
        moved = bars([1, 2, 3])
        moved.axes[0].annotate("You", (2, 3))
        layout.apply(moved)
        assert layout.measured == 2
        taller = Figure(figsize=(6, 5))
        taller.add_subplot().bar([0, 1], [1, 2])
        layout.apply(taller)
        assert layout.measured == 3

    def test_a_figure_with_its_own_layout_is_left_alone(self) -> None:
        figure = Figure(figsize=(6, 3), layout="constrained")
        figure.add_subplot().plot([1, 2])
        ChartLayout().apply(figure)
        assert type(figure.get_layout_engine()).__name__ == "ConstrainedLayoutEngine"


# Each calculator chart that can update its figure, with results that move it about.
UPDATING: dict[str, tuple[Callable[..., Any], list[Any]]] = {
    "learning": (
        day1.learning_chart,
        [
            day1.compare_learning(),
            day1.compare_learning(9, 3, 30),
            day1.compare_learning(12, 10, 365),
            day1.compare_learning(6, 1, 7),
        ],
    ),
    "shrinking": (
        day3.shrinking_chart,
        [
            day3.invest_to_save(350_000, 1_200_000, 3, 0.3, 0.5, 0.1, 0.2, 0.4),
            day3.invest_to_save(90_000_000, 1_000, 10, 0, 1, 0, 0, 0),
            day3.invest_to_save(1, 500_000_000, 1, 0.9, 0.1, 0.5, 1, 2),
        ],
    ),
    "readiness": (
        day4.readiness_chart,
        [day4.readiness_grid(4, 1), day4.readiness_grid(9, 5), day4.readiness_grid(1, 5), day4.readiness_grid(9, 1)],
    ),
    "power": (
        day4_trials.power_chart,
        [
            day4_trials.pilot_planner(0.6, 0.05, 100),
            day4_trials.pilot_planner(0.2, 0.01, 5_000),
            day4_trials.pilot_planner(0.5, 0.2, 20),
        ],
    ),
    "simulation": (
        day3.simulation_chart,
        [
            day3.simulation_pair(
                day3.simulation_defaults(), "Steady", 100_000, "Front-loaded", 100_000, 1, 0.2, 0.3, "No", 1
            ),
            day3.simulation_pair(
                day3.simulation_defaults(), "No new prevention", 0, "Ramp up", 1_000_000, 0, 1.0, 1.0, "Yes", 7
            ),
            day3.simulation_pair(
                day3.simulation_defaults(), "Ramp up", 500_000, "Steady", 10_000, 5, 0.0, 0.05, "Yes", 99
            ),
        ],
    ),
}


@pytest.mark.parametrize("name", list(UPDATING))
class TestUpdatingCharts:
    def test_an_updated_figure_draws_what_a_fresh_one_draws(self, name: str) -> None:
        chart, results = UPDATING[name]
        figure = chart(results[0])
        for result in results[1:] + results[:1]:
            figure = chart(result, figure=figure)
            assert same_drawing(figure_svg(figure), figure_svg(chart(result))), f"{name}: updated chart differs"

    def test_a_calculators_run_of_changes_never_cuts_off_a_label(self, name: str) -> None:
        chart, results = UPDATING[name]
        layout, figure = ChartLayout(), None
        for result in results + results[::-1]:
            figure = chart(result, figure=figure)
            figure_svg(figure, layout)
            assert outside(figure) == [], f"{name}: a label falls outside the chart"


class TestCalculatorCharts:
    def test_a_chart_that_can_update_is_handed_its_last_figure(self) -> None:
        handed: list[Any] = []

        def chart(result: dict[str, float], figure: Any = None) -> Figure:
            handed.append(figure)
            if figure is None:
                figure = Figure(figsize=(5, 3))
                figure.add_subplot().bar([0], [0])
                figure.axes[0].set_title("Net saving")
            figure.axes[0].patches[0].set_height(result["Net saving (£)"])
            return figure

        exercise = calculator(
            "t-chart",
            "Saving",
            inputs={"cost": Input("Cost", 100, unit="£")},
            compute=lambda cost: {"Net saving (£)": 500 - cost},
            chart=chart,
        )
        exercise.fields["cost"].value = "£200"
        exercise.fields["cost"].value = "£300"
        assert handed[0] is None and handed[1] is handed[2] is not None
        assert "svg+xml" in exercise.result_area.value and exercise.chart_layout.measured == 1

    def test_a_plain_chart_function_is_called_with_the_result_only(self) -> None:
        calls: list[tuple] = []

        def chart(result: dict[str, float]) -> Figure:
            calls.append((result,))
            return bars([result["Total (£)"]], title="Total")

        exercise = calculator(
            "t-plain", "Total", inputs={"a": Input("A", 1)}, compute=lambda a: {"Total (£)": a * 2}, chart=chart
        )
        exercise.fields["a"].value = "5"
        assert calls == [({"Total (£)": 2},), ({"Total (£)": 10},)]
