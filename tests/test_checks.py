"""Checking answers (exercises.checks): the rules the widgets only display."""

from __future__ import annotations

import pytest

from exercises.checks import (
    ExerciseDefinitionError,
    Feedback,
    check_choice,
    check_classification,
    check_number,
    check_ratings,
    check_reflection,
)

OPTIONS = {"Outcome": "It changes lives.", "Output": "It counts activity.", "Process": None}


class TestChoice:
    def test_right_single_answer(self) -> None:
        feedback = check_choice("Outcome", OPTIONS, "Outcome")
        assert feedback.status == "correct" and feedback.correct
        assert feedback.notes == {"Outcome": "\u2713 Right. It changes lives."}
        assert feedback.headline == "\u2713 Correct"

    def test_wrong_single_answer_gets_that_options_feedback(self) -> None:
        feedback = check_choice("Output", OPTIONS, "Outcome")
        assert feedback.status == "incorrect"
        assert feedback.notes == {"Output": "\u2717 Not this one. It counts activity."}
        assert "\u2717 Not quite" in feedback.as_text()

    def test_option_without_feedback_still_gets_a_mark(self) -> None:
        assert check_choice("Process", OPTIONS, "Outcome").notes == {"Process": "\u2717 Not this one."}

    @pytest.mark.parametrize("selected", [None, "", [], ["Not an option"]])
    def test_nothing_chosen_is_not_judged(self, selected) -> None:
        feedback = check_choice(selected, OPTIONS, "Outcome")
        assert feedback.status == "invalid"
        assert "Choose an answer" in feedback.message

    def test_all_of_several_right_answers(self) -> None:
        feedback = check_choice(["Outcome", "Output"], OPTIONS, ["Output", "Outcome"])
        assert feedback.status == "correct"
        assert "all the right answers" in feedback.message

    def test_some_right_answers_missing(self) -> None:
        feedback = check_choice(["Outcome"], OPTIONS, ["Outcome", "Output"])
        assert feedback.status == "partly"
        assert feedback.message == "You chose 1 of the 2 right answers. There is 1 more to find."
        assert list(feedback.notes) == ["Outcome"]  # right options still to find are not named

    def test_right_and_wrong_together(self) -> None:
        feedback = check_choice(["Outcome", "Process"], OPTIONS, ["Outcome", "Output"])
        assert feedback.status == "partly"
        assert "and 1 that is not right" in feedback.message
        assert list(feedback.notes) == ["Outcome", "Process"]  # the author's order

    def test_only_wrong_choices(self) -> None:
        assert check_choice(["Process"], OPTIONS, ["Outcome", "Output"]).status == "incorrect"

    def test_answer_must_be_an_option(self) -> None:
        with pytest.raises(ExerciseDefinitionError):
            check_choice("Outcome", OPTIONS, "Impact")


class TestNumber:
    def test_exact(self) -> None:
        assert check_number("£8.57", 8.57, unit="£", tolerance=0.01).status == "correct"

    @pytest.mark.parametrize("text", ["£2.9m", "2,900,000", "£3.1m", "3m"])
    def test_relative_tolerance(self, text: str) -> None:
        assert check_number(text, 3_000_000, unit="£", relative_tolerance=0.05).correct

    def test_outside_tolerance_says_which_way(self) -> None:
        high = check_number("£4m", 3_000_000, unit="£", relative_tolerance=0.05)
        low = check_number("£1m", 3_000_000, unit="£", relative_tolerance=0.05)
        assert (high.status, low.status) == ("incorrect", "incorrect")
        assert "too high" in high.message and "too low" in low.message

    def test_close_is_partly_right(self) -> None:
        feedback = check_number("8.6", 8.57, unit="£", tolerance=0.01)
        assert feedback.status == "partly"
        assert "rounding" in feedback.message

    def test_unreadable_text_is_not_judged(self) -> None:
        feedback = check_number("about 1m", 1_000_000)
        assert feedback.status == "invalid"
        assert "could not read" in feedback.message

    def test_wrong_kind_of_unit(self) -> None:
        feedback = check_number("12%", 12, unit="£")
        assert feedback.status == "incorrect"
        assert "percentage" in feedback.message and "money" in feedback.message

    def test_percent_written_as_a_fraction_gets_a_hint(self) -> None:
        feedback = check_number("0.12", 12, unit="%", tolerance=0.5)
        assert feedback.status == "incorrect"
        assert "12%" in feedback.message

    def test_percent_without_sign_is_accepted(self) -> None:
        assert check_number("12", 12, unit="%").correct

    def test_zero_tolerance_still_absorbs_float_noise(self) -> None:
        assert check_number("0.3", 0.1 + 0.2).correct

    def test_negative_tolerance_is_an_authoring_error(self) -> None:
        with pytest.raises(ExerciseDefinitionError):
            check_number("1", 1, tolerance=-1)


class TestClassification:
    ITEMS = {
        "Latex gloves": "Simple",
        "Crossrail": "Complicated",
        "Riot": "Chaotic",
        "Autism service": ["Complex", "Complicated"],
    }

    def test_all_right(self) -> None:
        placements = {
            "Latex gloves": "Simple",
            "Crossrail": "Complicated",
            "Riot": "Chaotic",
            "Autism service": "Complicated",
        }
        feedback = check_classification(placements, self.ITEMS)
        assert feedback.status == "correct"
        assert feedback.message == "You placed 4 of 4 items correctly."

    def test_per_item_notes_with_author_feedback(self) -> None:
        placements = {"Latex gloves": "Complex", "Crossrail": "Complicated"}
        feedback = check_classification(placements, self.ITEMS, {"Latex gloves": "Known solutions."})
        assert feedback.status == "partly"
        assert feedback.notes["Latex gloves"] == "\u2717 Not this one. Known solutions."
        assert feedback.notes["Crossrail"] == "\u2713 Right."
        assert feedback.notes["Riot"] == "\u26a0 Not placed yet."
        assert "2 are not placed yet" in feedback.message

    def test_none_right(self) -> None:
        assert check_classification({"Riot": "Simple"}, self.ITEMS).status == "incorrect"

    def test_nothing_placed(self) -> None:
        assert check_classification({}, self.ITEMS).status == "invalid"


class TestRatingsAndReflection:
    LEVELS = ["Not at all", "A little", "Partly", "Mostly", "Fully"]

    def test_summary_names_highest_and_lowest(self) -> None:
        feedback = check_ratings({"Data": 2, "Outcomes": 4, "Power": None}, ["Data", "Outcomes", "Power"], self.LEVELS)
        assert feedback.status == "noted"
        assert "3.0 out of 5" in feedback.message
        assert "highest: \u201cOutcomes\u201d" in feedback.message
        assert "lowest: \u201cData\u201d" in feedback.message
        assert "1 still to rate" in feedback.message

    def test_no_ratings_and_out_of_range(self) -> None:
        assert check_ratings({}, ["Data"], self.LEVELS).status == "invalid"
        assert check_ratings({"Data": 9}, ["Data"], self.LEVELS).status == "invalid"

    def test_reflection(self) -> None:
        assert check_reflection("   ").status == "invalid"
        short = check_reflection("Too short", min_words=30)
        assert short.status == "noted" and "about 30 words" in short.message
        assert "about" not in check_reflection("word " * 40, min_words=30).message


def test_feedback_text_never_relies_on_colour() -> None:
    for status in ("correct", "partly", "incorrect", "invalid", "noted"):
        headline = Feedback(status, "x").headline
        assert headline[0] in "\u2713\u2717\u25d1\u26a0" and any(c.isalpha() for c in headline)
