"""The authors' page's example calculator (``exercises.lessons.authors_example``): its sums and its messages."""

import pytest

from exercises.lessons import authors_example


def test_oldham_at_face_value_gives_8_57_for_every_pound():
    result = authors_example.invest_to_save(350_000, 3_000_000, "per year", 1, 1.0, 0.0)
    assert result["Saved for every £1 invested (£)"] == pytest.approx(8.571, abs=0.001)
    assert result["Net saving: savings counted minus investment (£)"] == pytest.approx(2_650_000)


def test_the_reading_of_the_saving_matters_over_three_years():
    yearly = authors_example.invest_to_save(350_000, 3_000_000, "per year", 3, 1.0, 0.0)
    total = authors_example.invest_to_save(350_000, 3_000_000, "a total for the period", 3, 1.0, 0.0)
    assert yearly["Savings counted over the period (£)"] == pytest.approx(9_000_000)
    assert yearly["Saved for every £1 invested (£)"] == pytest.approx(25.71, abs=0.01)
    assert total["Savings counted over the period (£)"] == pytest.approx(3_000_000)


@pytest.mark.parametrize(
    ("figures", "message"),
    [
        ((0, 3_000_000, "per year", 1, 1.0, 0.0), "investment must be more than £0"),
        ((350_000, -1, "per year", 1, 1.0, 0.0), "cannot be negative"),
        ((350_000, 3_000_000, "per year", 1, 1.2, 0.0), "between 0% and 100%"),
    ],
)
def test_figures_that_make_no_sense_get_a_plain_message(figures, message):
    with pytest.raises(ValueError, match=message):
        authors_example.invest_to_save(*figures)


def test_the_chart_has_a_title_for_screen_readers():
    figure = authors_example.money_chart(authors_example.invest_to_save(350_000, 3_000_000, "per year", 1, 1.0, 0.0))
    assert figure.axes[0].get_title() == "Investment compared with the savings counted"
