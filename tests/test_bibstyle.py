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


# Web pages that carry no publication date: the reference reads "no date", as Harvard style
# does. Each key gives the reason; a dated version found later should replace the entry.
UNDATED = {
    "gmca2024cba": "GMCA's cost-benefit analysis page carries no publication or update date",
    "golab2020feasibility": "GO Lab's technical guide is a living web page with no date",
    "golab2020lcfevaluation": "GO Lab's page on its Life Chances Fund evaluation role has no date",
    "ipc2014cycle": "the Institute of Public Care's model is known from councils' copies; no dated original found",
    "lloyd2013runcharts": "IHI Open School whiteboard transcripts carry no date",
    "nesta2016hundredday": "Nesta's feature page on People Powered Results has no date",
    "nhsi2017measurement": "the guide as found carries no date; the NHS's own copy has not been found",
    "norfolk2021coproduction": "Norfolk County Council's web page has no date",
    "tlap2021ladder": "Think Local Act Personal's page says 'Added on' with no date",
    "wwg2016maryland": "What Works Growth's web page on the scale has no date",
}
# Sources with no web address to give, with the reason (none at present).
NO_ADDRESS: dict[str, str] = {}
PUBLISHER_FIELDS = {"publisher", "howpublished", "journal", "institution"}


def test_every_entry_is_complete_enough_to_follow() -> None:
    """Author, title, year, publisher and, for a source published online, a web address or DOI."""
    bib = parse_file(str(ROOT / "references.bib"))
    problems = []
    for key, entry in bib.entries.items():
        fields = {name.lower(): str(value).strip() for name, value in entry.fields.items()}
        missing = []
        if not entry.persons.get("author"):
            missing.append("author")
        if not fields.get("title"):
            missing.append("title")
        if not fields.get("year") and key not in UNDATED:
            missing.append("year")
        if not PUBLISHER_FIELDS & {name for name, value in fields.items() if value}:
            missing.append("publisher (publisher, howpublished, journal or institution)")
        # Printed books and journal articles can be found from publisher or journal; everything
        # else (web pages, reports, conference papers) needs an address a reader can follow.
        printed = entry.type in {"book", "article", "incollection"} or (
            entry.type == "misc" and "publisher" in fields and "howpublished" not in fields
        )
        if not printed and not ({"url", "doi"} & set(fields)) and key not in NO_ADDRESS:
            missing.append("url or doi")
        if missing:
            problems.append(f"{key}: no {', '.join(missing)}")
    assert not problems, "references.bib entries are incomplete:\n" + "\n".join(problems)
    stale = sorted((set(UNDATED) | set(NO_ADDRESS)) - set(bib.entries))
    assert not stale, f"allow-listed keys no longer in references.bib: {stale}"
    redated = sorted(k for k in UNDATED if bib.entries[k].fields.get("year"))
    assert not redated, f"these now have a year: take them off UNDATED: {redated}"


def test_the_bib_file_is_sorted_by_key_without_duplicates() -> None:
    keys = re.findall(r"^@\w+\{([^,]+),", (ROOT / "references.bib").read_text(encoding="utf-8"), re.M)
    assert len(keys) == len(set(keys)), "a key appears twice in references.bib"
    assert keys == sorted(keys), "references.bib is not sorted by key"
