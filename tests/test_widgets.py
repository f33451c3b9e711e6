"""Driving the exercise widgets as a participant would: set values, click buttons, then
check the feedback shown and what lands in the workbook file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import ipywidgets
import pandas as pd
import pytest

from exercises.checks import ExerciseDefinitionError
from exercises.widgets import Input, base, calculator, choice, classify, number, reflect, scale
from exercises.workbook import take_notice

OPTIONS = {
    "Home visits made each month": "This counts activity: an output.",
    "Older people living safely at home for longer": "A change in people's lives: an outcome.",
    "A contract signed by March": "A process milestone.",
}
OUTCOME = "Older people living safely at home for longer"


@pytest.fixture(autouse=True)
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "my-work"
    monkeypatch.setenv("ACADEMY_WORK_DIR", str(folder))
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    take_notice()
    return folder


def saved(work: Path) -> dict:
    path = work / "workbook.json"
    return json.loads(path.read_text(encoding="utf-8"))["answers"] if path.exists() else {}


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def make_choice(**kwargs):
    kwargs.setdefault("explanation", "Outcomes describe *changes* in lives (PSTA 2019).")
    return choice("t-choice", "Which is an **outcome**?", options=OPTIONS, answer=OUTCOME, **kwargs)


def make_calculator(calls: list | None = None, exercise_id: str = "t-calc"):
    def compute(investment, saving, years, share):
        if calls is not None:
            calls.append((investment, saving, years, share))
        if saving == 0:
            raise ValueError("there is nothing to compare without savings")
        return {"Return for every £1": saving * years * share / investment}

    return calculator(
        exercise_id,
        "Invest to save",
        compute=compute,
        explanation="Divide.",
        inputs={
            "investment": Input("Investment", 350_000, unit="£", minimum=1),
            "saving": Input("Savings a year", 3_000_000, unit="£"),
            "years": Input("Years", 1, unit="years", minimum=1, maximum=10),
            "share": Input("Share due to the work", 100, unit="%", minimum=0, maximum=100),
        },
    )


def every_type():
    return [
        make_choice(),
        choice("t-multi", "Pick", options=["A", "B", "C"], answer=["A", "B"]),
        number("t-number", "How much?", answer=8.57, unit="£", tolerance=0.01),
        classify("t-sort", "Sort", categories=["Simple", "Complex"], items={"Gloves": "Simple"}),
        scale("t-scale", "Rate", statements=["Data", "Outcomes", "Power"]),
        reflect("t-reflect", "Think"),
        make_calculator(),
    ]


def test_showing_exercises_writes_nothing(work: Path) -> None:
    every_type()
    assert not work.exists()


def test_every_control_has_a_visible_label_and_answers_sit_behind_show_answer() -> None:
    for exercise in every_type():
        html = " ".join(w.value for w in exercise.widget.children if isinstance(w, ipywidgets.HTML))
        assert "academy-exercise" in exercise.widget._dom_classes
        if exercise.explanation:
            assert re.search(r"<details class=\"academy-answer\"><summary>Show [a-z ]+</summary>", html)
        for control in _controls(exercise.widget):
            if isinstance(control, (ipywidgets.Button,)):
                assert control.description.strip()
            elif isinstance(control, ipywidgets.ValueWidget) and not isinstance(control, ipywidgets.HTML):
                assert control.description.strip(), f"{exercise!r}: {type(control).__name__} has no label"


def _controls(widget):
    for child in getattr(widget, "children", ()):
        yield child
        yield from _controls(child)


def test_explanation_markup_is_rendered_and_escaped() -> None:
    exercise = choice(
        "t-x", "Is 1 < 2?", options=["Yes", "No"], answer="Yes", explanation="**Yes** because *maths*. <script>"
    )
    html = " ".join(w.value for w in exercise.widget.children if isinstance(w, ipywidgets.HTML))
    assert "<strong>Yes</strong> because <em>maths</em>. &lt;script&gt;" in html
    assert "Is 1 &lt; 2?" in html


class TestChoice:
    def test_wrong_then_right_with_feedback_and_workbook(self, work: Path) -> None:
        exercise = make_choice(page="Day 1")
        exercise.radio.value = "Home visits made each month"
        exercise.check_button.click()
        shown = text_of(exercise.feedback_area.value)
        assert "\u2717 Not quite." in shown and "This counts activity: an output." in shown
        assert saved(work)["t-choice"]["status"] == "incorrect"

        exercise.radio.value = OUTCOME
        exercise.check_button.click()
        shown = text_of(exercise.feedback_area.value)
        assert "\u2713 Correct." in shown and re.search(r"Saved at \d\d:\d\d\.", shown)
        entry = saved(work)["t-choice"]
        assert entry["value"] == OUTCOME and entry["status"] == "correct"
        assert (entry["kind"], entry["page"], entry["question"]) == ("choice", "Day 1", "Which is an **outcome**?")

    def test_checking_with_nothing_chosen_saves_nothing(self, work: Path) -> None:
        exercise = make_choice()
        exercise.check_button.click()
        assert "Choose an answer first" in exercise.feedback_area.value
        assert saved(work) == {}

    def test_answer_comes_back_with_its_feedback(self, work: Path) -> None:
        first = make_choice()
        first.radio.value = OUTCOME
        first.check_button.click()
        again = make_choice()
        assert again.radio.value == OUTCOME
        shown = text_of(again.feedback_area.value)
        assert "\u2713 Correct." in shown and "You answered this at" in shown

    def test_multiple_answers(self, work: Path) -> None:
        exercise = choice("t-multi", "Pick", options={"A": "a!", "B": "b!", "C": "c!"}, answer=["A", "B"])
        exercise.checkboxes["A"].value = True
        exercise.checkboxes["C"].value = True
        exercise.check_button.click()
        shown = text_of(exercise.feedback_area.value)
        assert "\u25d1 Partly right." in shown and "and 1 that is not right" in shown
        assert "a!" in shown and "c!" in shown and "b!" not in shown
        assert saved(work)["t-multi"]["value"] == ["A", "C"]
        again = choice("t-multi", "Pick", options={"A": "a!", "B": "b!", "C": "c!"}, answer=["A", "B"])
        assert [box.value for box in again.checkboxes.values()] == [True, False, True]

    def test_saved_answer_that_no_longer_fits_is_left_alone(self, work: Path) -> None:
        first = make_choice()
        first.radio.value = OUTCOME
        first.check_button.click()
        before = (work / "workbook.json").read_text(encoding="utf-8")
        changed = choice("t-choice", "Which?", options=["New A", "New B"], answer="New A")
        assert changed.radio.value is None
        assert "no longer fits" in changed.notice_area.value
        assert (work / "workbook.json").read_text(encoding="utf-8") == before

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"exercise_id": "has spaces"},
            {"exercise_id": ""},
            {"answer": "Not an option"},
            {"options": ["Only one"]},
        ],
    )
    def test_authoring_mistakes_are_explained(self, kwargs: dict) -> None:
        arguments = {"exercise_id": "t-ok", "options": ["A", "B"], "answer": "A"} | kwargs
        with pytest.raises(ExerciseDefinitionError):
            choice(arguments.pop("exercise_id"), "Q", **arguments)


class TestNumber:
    def test_enter_checks_and_saves(self, work: Path) -> None:
        exercise = number("t-number", "How much?", answer=8.57, unit="£", tolerance=0.01, explanation="£8.57")
        exercise.text.value = "£8.57"  # what pressing Enter or leaving the box does
        assert "\u2713 Correct." in exercise.feedback_area.value
        assert saved(work)["t-number"]["value"] == "£8.57"

    def test_unreadable_text_is_explained_and_not_saved(self, work: Path) -> None:
        exercise = number("t-number", "How much?", answer=8.57, unit="£")
        exercise.text.value = "about eight"
        exercise.check_button.click()
        shown = text_of(exercise.feedback_area.value)
        assert "\u26a0 Not checked yet." in shown and "has no digits" in shown
        assert saved(work) == {}

    def test_restored_text(self, work: Path) -> None:
        number("t-number", "How much?", answer=3e6, unit="£", relative_tolerance=0.05).text.value = "£2.5m"
        again = number("t-number", "How much?", answer=3e6, unit="£", relative_tolerance=0.05)
        assert again.text.value == "£2.5m"
        assert "too low" in again.feedback_area.value


class TestClassify:
    ITEMS = {"Latex gloves": "Simple", "Crossrail": "Complicated", "Autism service": "Complex"}

    def make(self):
        return classify(
            "t-sort",
            "Sort these",
            categories=["Simple", "Complicated", "Complex"],
            items=self.ITEMS,
            item_feedback={"Latex gloves": "Known solutions."},
        )

    def test_per_item_feedback_and_workbook(self, work: Path) -> None:
        exercise = self.make()
        exercise.dropdowns["Latex gloves"].value = "Complex"
        exercise.dropdowns["Crossrail"].value = "Complicated"
        exercise.check_button.click()
        shown = text_of(exercise.feedback_area.value)
        assert "You placed 1 of 3 items correctly." in shown
        assert "Latex gloves : \u2717 Not this one. Known solutions." in shown
        assert "Autism service : \u26a0 Not placed yet." in shown
        assert saved(work)["t-sort"]["value"] == {
            "Latex gloves": "Complex",
            "Crossrail": "Complicated",
            "Autism service": None,
        }
        again = self.make()
        assert again.dropdowns["Crossrail"].value == "Complicated"
        assert again.dropdowns["Autism service"].value == ""

    def test_unknown_category_is_an_authoring_mistake(self) -> None:
        with pytest.raises(ExerciseDefinitionError):
            classify("t-sort", "Sort", categories=["A", "B"], items={"x": "C"})


class TestScale:
    def make(self):
        return scale(
            "t-scale",
            "Rate",
            statements=["Data", "Outcomes", "Power"],
            chart="radar",
            levels=["Not yet", "Partly", "Fully"],
        )

    def test_each_rating_is_saved_and_the_chart_has_alternative_text(self, work: Path) -> None:
        exercise = self.make()
        exercise.dropdowns["Data"].value = 1
        assert saved(work)["t-scale"]["value"] == {"Data": 1, "Outcomes": None, "Power": None}
        assert exercise.chart_area.value == ""  # no chart until asked for
        exercise.dropdowns["Outcomes"].value = 3
        exercise.check_button.click()
        assert "highest: \u201cOutcomes\u201d" in exercise.feedback_area.value
        assert re.search(
            r'<img class="academy-chart" src="data:image/svg\+xml;base64,[^"]+" alt="Chart of your '
            r'ratings out of 3\. Data: 1; Outcomes: 3; Power: not rated\."',
            exercise.chart_area.value,
        )

    def test_table_and_chart_for_authors(self) -> None:
        exercise = self.make()
        exercise.dropdowns["Power"].value = 2
        table = exercise.table()
        assert isinstance(table, pd.DataFrame)
        assert table.loc[table.statement == "Power", "level"].item() == "Partly"
        assert table["rating"].isna().sum() == 2
        assert exercise.chart("bar").axes[0].get_title() == "Your ratings"
        assert exercise.chart("radar").axes[0].name == "polar"

    def test_ratings_come_back(self, work: Path) -> None:
        self.make().dropdowns["Power"].value = 2
        assert self.make().dropdowns["Power"].value == 2

    def test_a_rating_off_a_shorter_scale_is_not_forced_in(self, work: Path) -> None:
        self.make().dropdowns["Power"].value = 3
        shorter = scale("t-scale", "Rate", statements=["Data", "Outcomes", "Power"], levels=["No", "Yes"])
        assert "no longer fits" in shorter.notice_area.value
        assert saved(work)["t-scale"]["value"]["Power"] == 3


class TestReflect:
    def test_saved_when_leaving_the_box_and_with_the_button(self, work: Path) -> None:
        exercise = reflect("t-reflect", "Think", min_words=5)
        exercise.textarea.value = "A first thought"  # synced when the box loses focus
        entry = saved(work)["t-reflect"]
        assert entry["value"] == "A first thought" and entry["kind"] == "reflect"
        assert re.search(r"Saved at \d\d:\d\d\.", exercise.feedback_area.value)
        assert "Aim for about 5 words" in exercise.feedback_area.value
        exercise.check_button.click()
        assert saved(work)["t-reflect"]["value"] == "A first thought"
        assert reflect("t-reflect", "Think").textarea.value == "A first thought"

    def test_empty_reflection_is_not_saved(self, work: Path) -> None:
        exercise = reflect("t-reflect", "Think")
        exercise.textarea.value = "   "
        exercise.check_button.click()
        assert "Write your reflection first" in exercise.feedback_area.value
        assert saved(work) == {}


class TestCalculator:
    def test_starting_figures_are_worked_out_once_without_saving(self, work: Path) -> None:
        calls: list = []
        exercise = make_calculator(calls)
        assert calls == [(350_000.0, 3_000_000.0, 1, 1.0)]  # % reaches the function as a fraction
        assert "Return for every £1" in exercise.result_area.value and "8.57" in exercise.result_area.value
        assert not work.exists()

    def test_recomputes_only_when_a_value_really_changes(self, work: Path) -> None:
        calls: list = []
        exercise = make_calculator(calls)
        exercise.fields["years"].value = "3"
        assert len(calls) == 2 and "25.71" in exercise.result_area.value
        exercise.fields["investment"].value = "£350k"  # same value, written differently
        assert len(calls) == 2
        assert saved(work)["t-calc"]["value"]["investment"] == "£350k"

    def test_bad_figures_are_explained_and_results_kept(self, work: Path) -> None:
        exercise = make_calculator()
        before = exercise.result_area.value
        exercise.fields["years"].value = "2.5"
        shown = text_of(exercise.feedback_area.value)
        assert "\u26a0" in shown and "Years : Enter a whole number here." in shown
        exercise.fields["share"].value = "150%"
        shown = text_of(exercise.feedback_area.value)
        assert "Share due to the work : Enter a value between 0% and 100%." in shown
        exercise.fields["investment"].value = "12%"
        assert "Investment : Enter an amount in pounds here" in text_of(exercise.feedback_area.value)
        assert exercise.result_area.value == before
        assert saved(work) == {}

    def test_a_value_error_from_the_function_is_shown_in_plain_words(self) -> None:
        exercise = make_calculator()
        exercise.fields["saving"].value = "0"
        assert "These figures cannot be worked out: there is nothing to compare without savings." in (
            exercise.feedback_area.value
        )

    def test_figures_come_back_and_reset_restores_the_start(self, work: Path) -> None:
        make_calculator().fields["years"].value = "2"
        calls: list = []
        again = make_calculator(calls)
        assert again.fields["years"].value == "2"
        assert calls == [(350_000.0, 3_000_000.0, 2, 1.0)]
        assert "17.14" in again.result_area.value
        again.check_button.click()  # "Put back the starting figures"
        assert again.fields["years"].value == "1 years"
        assert saved(work)["t-calc"]["value"]["years"] == "1 years"
        assert "8.57" in again.result_area.value


def test_calculator_chart_is_an_image_described_by_its_title() -> None:
    from matplotlib.figure import Figure

    def draw(result):
        figure = Figure()
        figure.add_subplot().set_title(f"Net saving of {result['net']:,}")
        return figure

    exercise = calculator(
        "t-chart",
        "Chart",
        inputs={"cost": Input("Cost", 100, unit="£")},
        compute=lambda cost: {"net": 1000 - cost},
        chart=draw,
    )
    assert '<img class="academy-chart" src="data:image/svg+xml;base64,' in exercise.result_area.value
    assert 'alt="Chart: Net saving of 900."' in exercise.result_area.value
    exercise.fields["cost"].value = "£400"
    assert 'alt="Chart: Net saving of 600."' in exercise.result_area.value


def test_unreadable_workbook_notice_is_shown_once(work: Path) -> None:
    work.mkdir(parents=True)
    (work / "workbook.json").write_text("{oops", encoding="utf-8")
    first, second = make_choice(), reflect("t-reflect", "Think")
    assert "could not be read" in first.notice_area.value and "Please read" in first.notice_area.value
    assert second.notice_area.value == ""
    assert any(p.name.startswith("workbook.unreadable-") for p in work.iterdir())


def test_an_exercise_is_displayed_once_per_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list = []
    cell = {"count": 5}
    monkeypatch.setattr(base, "_current_cell", lambda: cell["count"])
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    exercise = make_choice()  # displayed by the call
    exercise._ipython_display_()  # the same cell's last line: not displayed again
    assert shown == [exercise.widget]
    cell["count"] = 6
    exercise._ipython_display_()  # shown again from a later cell
    assert shown == [exercise.widget, exercise.widget]


def test_page_defaults_to_the_notebook_path(monkeypatch: pytest.MonkeyPatch, work: Path) -> None:
    root = base.course_root()
    monkeypatch.setenv("JPY_SESSION_NAME", str(root / "modules" / "day1" / "page.ipynb"))
    exercise = make_choice()
    exercise.radio.value = OUTCOME
    exercise.check_button.click()
    assert saved(work)["t-choice"]["page"] == "modules/day1/page.ipynb"


def test_calculator_redraws_its_chart_only_when_the_result_changes() -> None:
    from matplotlib.figure import Figure

    drawn: list = []

    def draw(result):
        drawn.append(result)
        figure = Figure()
        figure.add_subplot().set_title(f"Net saving of {result['net']:,}")
        return figure

    # The result depends only on whether the cost is over £500, so most changes leave it alone.
    exercise = calculator(
        "t-redraw",
        "Chart",
        inputs={"cost": Input("Cost", 100, unit="£")},
        compute=lambda cost: {"net": 1 if cost > 500 else 0},
        chart=draw,
    )
    first = exercise.result_area.value
    exercise.fields["cost"].value = "£200"
    assert len(drawn) == 1 and exercise.result_area.value == first  # same result: chart reused
    exercise.fields["cost"].value = "£900"
    assert len(drawn) == 2 and 'alt="Chart: Net saving of 1."' in exercise.result_area.value


def _site_key(exercise) -> dict:
    """The answer key an exercise embeds for the website, read back from its question's HTML."""
    import html

    header = exercise.widget.children[1].value
    found = re.search(r'<div class="academy-key" hidden data-key="([^"]*)"></div>', header)
    assert found, "the exercise has no key for the website"
    return json.loads(html.unescape(found.group(1)))


class TestWebsiteKeys:
    """What each exercise embeds so the website can check answers with no kernel (issue 24)."""

    def test_every_type_embeds_its_key_and_a_true_note(self) -> None:
        for exercise in every_type():
            key = _site_key(exercise)
            assert key == json.loads(json.dumps(exercise.site_key()))
            assert key["id"] == exercise.id and key["kind"] == exercise.kind and key["question"]
            assert "academy-feedback-area" in exercise.feedback_area._dom_classes
            assert "cannot be answered" not in exercise.feedback_area.value

    def test_choice_and_number_keys_hold_the_authors_answers(self) -> None:
        key = _site_key(make_choice())
        assert key["options"] == [[label, note] for label, note in OPTIONS.items()]
        assert key["answer"] == [OUTCOME] and key["multiple"] is False
        multi = _site_key(choice("t-multi", "Pick", options=["A", "B", "C"], answer=["A", "B"]))
        assert multi["answer"] == ["A", "B"] and multi["multiple"] is True and multi["options"][0] == ["A", None]
        figure = _site_key(number("t-number", "How much?", answer=8.57, unit="£", tolerance=0.01))
        assert (figure["answer"], figure["unit"], figure["tolerance"], figure["relative_tolerance"]) == (
            8.57,
            "£",
            0.01,
            None,
        )

    def test_sorting_rating_and_reflection_keys(self) -> None:
        sort = _site_key(
            classify(
                "t-sort", "Sort", categories=["A", "B"], items={"x": "A", "y": ["A", "B"]}, item_feedback={"x": "!"}
            )
        )
        assert sort["items"] == [["x", ["A"]], ["y", ["A", "B"]]] and sort["item_feedback"] == {"x": "!"}
        rate = _site_key(scale("t-scale", "Rate", statements=["Data", "Power"], levels=["Low", "High"], chart="radar"))
        assert (rate["statements"], rate["levels"], rate["chart"]) == (["Data", "Power"], ["Low", "High"], "radar")
        assert _site_key(reflect("t-reflect", "Think", min_words=30))["min_words"] == 30

    def test_a_calculator_without_a_browser_port_says_the_website_shows_its_starting_figures(self) -> None:
        exercise = make_calculator()
        key = _site_key(exercise)
        assert key["port"] is None
        assert [spec["name"] for spec in key["inputs"]] == ["investment", "saving", "years", "share"]
        years = key["inputs"][2]
        assert (years["start"], years["minimum"], years["maximum"], years["whole"]) == ("1 years", 1, 10, True)
        assert "starting figures only" in exercise.feedback_area.value

    def test_a_calculator_with_a_browser_port_carries_its_constants(self) -> None:
        from exercises.lessons import day1

        exercise = calculator(
            "t-loops",
            "Loops",
            inputs={
                "procurement_months": Input("Months", 15, minimum=0),
                "contract_years": Input("Years", 7.0, minimum=0.5),
                "fast_cycle_days": Input("Days", 100, minimum=7),
            },
            compute=day1.compare_learning,
        )
        key = _site_key(exercise)
        assert key["port"]["name"] == "compare_learning"
        assert key["port"]["constants"]["labels"] == list(day1.compare_learning())
        assert "checked in your browser" in exercise.feedback_area.value
