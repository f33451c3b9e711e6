"""The book's author–year citation styles (exercises/bibstyle.py)."""

from __future__ import annotations

import re
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
    # No line numbers of the report's text copy ("lines 120-130"); "guideline" and "discipline" are fine.
    assert not any(re.search(r"\blines?\b", t.lower().split("available at")[0]) for _, t in _formatted().values())


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


def test_a_sphinx_build_cites_by_author_and_year(tmp_path: Path) -> None:
    """A small book with the course's styles: "(Author, year)", "Author (year)", 2019a and 2019b."""
    from sphinx.cmd.build import build_main

    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        "extensions = ['sphinxcontrib.bibtex', 'exercises.bibstyle']\n"
        "bibtex_bibfiles = ['refs.bib']\n"
        "bibtex_reference_style = 'academy'\n"
        "bibtex_default_style = 'academy'\n",
        encoding="utf-8",
    )
    bib = parse_file(str(ROOT / "references.bib"))
    keep = ("psta2019", "psta2019-offer", "psta2019-commissioning", "hallsworth2017behavioralist")
    (source / "refs.bib").write_text("\n".join(bib.entries[k].to_string("bibtex") for k in keep), encoding="utf-8")
    (source / "index.rst").write_text(
        "Title\n=====\n\nOne :cite:p:`psta2019-commissioning`; two :cite:t:`psta2019-commissioning`;"
        " three :cite:p:`psta2019,psta2019-offer`; four :cite:p:`hallsworth2017behavioralist`;"
        " five :cite:p:`taylor2019commissioning`.\n\n.. bibliography::\n",
        encoding="utf-8",
    )
    out = tmp_path / "html"
    assert build_main(["-q", "-W", "-b", "html", str(source), str(out)]) == 0
    text = " ".join((out / "index.html").read_text(encoding="utf-8").split())
    import re

    text = re.sub(r"<[^>]+>", "", text)
    assert "One (Taylor and Symonds, 2019)" in text
    assert "two Taylor and Symonds (2019)" in text
    assert "three (Public Service Transformation Academy, 2019a; Public Service Transformation Academy, 2019b)" in text
    assert "four (Hallsworth and others, 2017)" in text
    assert "five (Taylor and Symonds, 2019)" in text  # an old key still works until pages are updated
    assert "[TS19]" not in text and "Taylor, B. and Symonds, G. (2019)" in text
