"""Day 3's pages: house style, Sources on every page, enough exercises, no authoring notes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.notebook_style import assert_house_style, cell_sources, exercise_calls

DAY3 = Path(__file__).resolve().parents[1] / "modules" / "day3-funding-value-and-impact"


def day3_notebooks() -> list[Path]:
    return sorted(DAY3.glob("*.ipynb"))


def test_day3_has_at_least_six_lesson_notebooks() -> None:
    assert len(day3_notebooks()) >= 6
    assert (DAY3 / "06-team-step.md").is_file()


@pytest.mark.parametrize("notebook", day3_notebooks(), ids=lambda p: p.name)
def test_notebook_follows_the_house_style(notebook: Path) -> None:
    assert_house_style(notebook)


def test_at_least_fourteen_exercises_with_unique_ids_and_feedback() -> None:
    found = exercise_calls(day3_notebooks())
    ids = [exercise_id for _, exercise_id in found]
    assert len(ids) == len(set(ids)) >= 14
    assert all(exercise_id.startswith("d3-") for exercise_id in ids)
    for notebook in day3_notebooks():
        for source in cell_sources(notebook, "code"):
            for call in re.split(r"\n(?=(?:choice|classify|number|reflect|calculator)\()", source):
                if re.match(r"(choice|classify|number|reflect|calculator)\(", call):
                    assert "explanation=" in call, f"an exercise in {notebook.name} gives no feedback"


@pytest.mark.parametrize(
    "page",
    [*day3_notebooks(), DAY3 / "index.md", DAY3 / "06-team-step.md"],
    ids=lambda p: p.name,
)
def test_every_page_has_sources_and_no_authoring_notes(page: Path) -> None:
    text = (
        "\n".join(cell_sources(page, "markdown") + cell_sources(page, "code"))
        if page.suffix == ".ipynb"
        else page.read_text(encoding="utf-8")
    )
    assert "## Sources" in text
    assert not re.search(r"\blines? \d+", text), "line numbers of the report's text copy"
    assert not re.search(r"\*(S|C)\d\*|\b(S|C)\d\b", text), "an internal article code"
    assert "digest" not in text.lower()
    assert "display(day3" not in text, "tables go through exercises.tables.table"
