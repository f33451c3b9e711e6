"""Citations of the 2019 report's articles: author, year and title, never line numbers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pybtex.database import parse_file

from exercises.lessons import sources

ROOT = Path(__file__).resolve().parents[1]


def test_cite_names_authors_year_and_title() -> None:
    assert sources.cite("S1") == "Taylor and Symonds (2019), \u2018Commissioning is an approach to transformation\u2019"
    assert sources.cite(sources.S5) == (
        "Hall (2019), \u2018Exactly what is real transformation and how do you make it happen?\u2019"
    )


def test_cite_never_shows_line_numbers() -> None:
    text = sources.cite(sources.C9, (9116, 9139))
    assert "9116" not in text and "line" not in text
    assert text.startswith("Leeke (2019), \u2018The Suffolk Libraries story")


def test_three_authors_read_and_others_and_no_byline_reads_the_publisher() -> None:
    assert sources.cite(sources.C2).startswith("Fisk and others (2019), \u2018Somerset Academies: creating")
    assert sources.cite("S8").startswith("Public Service Transformation Academy (2019)")


def test_an_article_is_found_by_code_key_or_title_start() -> None:
    by_code = sources.article("C1")
    assert sources.article("psta2019-oldham") == by_code == sources.article(sources.C1)
    assert by_code.authors == ("Vicky Sugars",)


def test_an_unknown_article_is_refused_in_plain_english() -> None:
    with pytest.raises(KeyError, match="no article called 'Nowhere'"):
        sources.cite("Nowhere")


def test_every_module_title_names_one_article() -> None:
    for name in ("S3", "S5", "S6", "C1", "C2", "C3", "C6", "C8", "C9"):
        assert sources.article(getattr(sources, name)).code == name


def _plain(text: str) -> str:
    text = text.replace("``", "'").replace("''", "'")
    return re.sub(r"[{}]", "", text)


def test_references_bib_matches_the_articles_table() -> None:
    """Each article's entry in references.bib has the table's authors and title, and the book."""
    bib = parse_file(str(ROOT / "references.bib")).entries
    for item in sources.articles():
        entry = bib[item.bib_key]
        assert entry.type == "incollection", item.bib_key
        assert _plain(entry.fields["title"]) == item.title, item.bib_key
        assert entry.fields["booktitle"] == sources.REPORT_TITLE
        assert entry.fields["year"] == str(sources.REPORT_YEAR)
        assert entry.fields["publisher"] == sources.REPORT_PUBLISHER
        assert entry.fields["url"].startswith("https://")
        surnames = [" ".join(p.last_names) for p in entry.persons.get("author", [])]
        expected = [a.split()[-1] for a in item.authors] or ["{Public Service Transformation Academy}"]
        assert surnames == expected, item.bib_key
    report = bib["psta2019"]
    assert report.fields["publisher"] == sources.REPORT_PUBLISHER and report.fields["url"].startswith("https://")


def test_references_bib_is_sorted_by_key_and_every_entry_has_author_title_and_year_or_url() -> None:
    text = (ROOT / "references.bib").read_text(encoding="utf-8")
    keys = re.findall(r"^@\w+\{([^,]+),", text, flags=re.M)
    assert keys == sorted(keys), "keep references.bib sorted by key (it eases merging)"
    bib = parse_file(str(ROOT / "references.bib")).entries
    for key, entry in bib.items():
        assert entry.persons.get("author") or entry.fields.get("key"), f"{key} has no author"
        assert entry.fields.get("title"), f"{key} has no title"
        assert "line" not in entry.fields.get("note", "").lower(), f"{key}: line ranges belong in datasets/"
