"""The book's author–year citation styles (exercises/bibstyle.py)."""

from __future__ import annotations

from pathlib import Path

from pybtex.database import parse_file
from pybtex.plugin import find_plugin

from exercises import bibstyle

ROOT = Path(__file__).resolve().parents[1]


def _formatted() -> dict[str, tuple[str, str]]:
    bibstyle.register()
    style = find_plugin("pybtex.style.formatting", bibstyle.NAME)()
    entries = parse_file(str(ROOT / "references.bib")).entries.values()
    return {e.key: (e.label, e.text.render_as("text")) for e in style.format_entries(entries)}


def test_labels_are_author_and_year_and_unique() -> None:
    out = _formatted()
    assert out["psta2019-commissioning"][0] == "Taylor and Symonds, 2019"
    assert out["hallsworth2017behavioralist"][0] == "Hallsworth and others, 2017"
    labels = [label for label, _ in out.values()]
    assert len(labels) == len(set(labels)), "two entries share a label: sphinxcontrib-bibtex would warn"
    assert {out["psta2019"][0], out["psta2019-offer"][0]} == {
        "Public Service Transformation Academy, 2019a",
        "Public Service Transformation Academy, 2019b",
    }


def test_entries_read_as_harvard_references_without_notes() -> None:
    _label, text = _formatted()["psta2019-oldham"]
    assert text.startswith(
        "Sugars, V. (2019) \u2018The Oldham Model for place-based integration\u2019, in Public service"
    )
    assert "London: Public Service Transformation Academy." in text and "Available at: https://" in text
    assert "Anh\u00f8j, J." in _formatted()["anhoj2014runcharts"][1]
    assert all("line" not in t.lower().split("available at")[0] for _, t in _formatted().values())


def test_the_bibliography_is_sorted_by_author_then_year() -> None:
    keys = list(_formatted())
    assert keys.index("arnstein1969ladder") < keys.index("psta2019-citizens") < keys.index("psta2019-storyhouse")


def test_old_article_keys_read_as_new_ones() -> None:
    assert bibstyle.new_keys("{cite}`taylor2019commissioning`, {cite}`psta2019offer`") == (
        "{cite}`psta2019-commissioning`, {cite}`psta2019-offer`"
    )
    assert bibstyle.new_keys("{cite}`psta2019` and hall2019transformations") == (
        "{cite}`psta2019` and hall2019transformations"
    )


def test_round_brackets_in_the_text() -> None:
    bibstyle.register()
    from sphinxcontrib.bibtex.plugin import find_plugin as find_reference_style

    style = find_reference_style("sphinxcontrib.bibtex.style.referencing", bibstyle.NAME)()
    assert style.bracket_parenthetical.left == "(" and style.bracket_parenthetical.sep == "; "
