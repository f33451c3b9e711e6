"""Author–year citations for the book (sphinxcontrib-bibtex and pybtex styles).

In the text a citation reads "(Taylor and Symonds, 2019)"; ``{cite:t}`` reads "Taylor and
Symonds (2019)". Three or more authors read "Hallsworth and others (2017)" (GOV.UK style
avoids "et al."). The bibliography is sorted by author, then year, then title; each entry
is labelled by author and year and reads as a Harvard reference:

    Taylor, B. and Symonds, G. (2019) 'Commissioning is an approach to transformation', in
    *Public service: state of transformation*. London: Public Service Transformation Academy.
    Available at: https://...

:func:`register` makes the styles known to pybtex and sphinxcontrib-bibtex under the name
``academy``; ``_config.yml`` loads this module as a Sphinx extension and chooses them
(``bibtex_reference_style`` and ``bibtex_default_style``). No entry's ``note`` is printed:
notes in ``references.bib`` are for the course's maintainers.

The report's articles were renamed ``psta2019-<short name>`` in December 2026, and entries
citing a blog or a copy were replaced by the primary source. Until every page uses the new
keys, the build reads an old key (``taylor2019commissioning``) as its new one
(:data:`LEGACY_KEYS`); ``tests/test_reader_sources.py`` lists the pages still using them.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import latexcodec  # noqa: F401  (registers the 'ulatex' codec)
from pybtex.database import Entry, Person
from pybtex.plugin import register_plugin as register_pybtex_plugin
from pybtex.richtext import HRef, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle

NAME = "academy"

#: Old key of each report article -> its key now (the same short name after "psta2019-").
LEGACY_KEYS = {
    f"{old}2019{short}": f"psta2019-{short}"
    for old, short in (
        ("rich", "introduction"),
        ("taylor", "commissioning"),
        ("wide", "leadership"),
        ("ball", "citizens"),
        ("burbidge", "movefast"),
        ("hall", "transformation"),
        ("pollock", "bold"),
        ("thomas", "rotherham"),
        ("sugars", "oldham"),
        ("fisk", "somerset"),
        ("crean", "ihearyou"),
        ("walsh", "belfast"),
        ("perfect", "leicestershire"),
        ("bentley", "storyhouse"),
        ("east", "brent"),
        ("horne", "hounslow"),
        ("leeke", "suffolk"),
        ("psta", "offer"),
    )
}
# Secondary sources replaced by the primary one (December 2026).
LEGACY_KEYS |= {
    "bwcn2019wigan": "naylor2019wigan",
    "brownejacobson2018carillion": "cabinetoffice2018carillion",
    "bit2024east": "liebe2021defaults",
    "cawirral2016lcf": "cabinetoffice2016lcf",
    "harborough2016referendum": "electoralcommission2016referendum",
}
_LEGACY = re.compile(r"\b(" + "|".join(LEGACY_KEYS) + r")\b")
NO_DATE = "no date"


def _plain(text: str) -> str:
    """A BibTeX field as plain text: LaTeX accents decoded, braces and doubled quotes gone."""
    text = text.replace("``", "\u201c").replace("''", "\u201d").replace("--", "\u2013")
    if "\\" in text:
        text = codecs.decode(text, "ulatex")  # type: ignore[call-overload]
    return re.sub(r"[{}]", "", text).strip()


def _last(person: Person) -> str:
    return _plain(" ".join(person.prelast_names + person.last_names))


def _people(entry: Entry) -> list[Person]:
    return list(entry.persons.get("author") or entry.persons.get("editor") or [])


def _corporate(entry: Entry) -> str:
    """Who wrote an entry with no personal author: its ``key`` or ``organization`` field."""
    for name in ("organization", "institution", "key"):
        if entry.fields.get(name):
            return _plain(entry.fields[name])
    return _plain(entry.fields.get("title", ""))


def short_authors(entry: Entry) -> str:
    """Surnames as a citation gives them: "Ball", "Taylor and Symonds", "Hallsworth and others"."""
    people = _people(entry)
    if not people:
        return _corporate(entry)
    names = [_last(person) for person in people]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} and others"


def year(entry: Entry) -> str:
    return _plain(entry.fields.get("year", "")) or NO_DATE


class AuthorYearLabels(BaseLabelStyle):
    """Labels "Taylor and Symonds, 2019"; two entries with the same author and year get 2019a, 2019b."""

    def format_labels(self, sorted_entries: Iterable[Entry]) -> Iterator[str]:
        entries = list(sorted_entries)
        bases = [f"{short_authors(e)}, {year(e)}" for e in entries]
        counts = Counter(bases)
        seen: Counter[str] = Counter()
        for base in bases:
            if counts[base] > 1:
                yield base + "abcdefghijklmnopqrstuvwxyz"[seen[base]]
                seen[base] += 1
            else:
                yield base


class AuthorYearSorting(BaseSortingStyle):
    """Author (or the corporate author), then year, then title; case and braces ignored."""

    def sorting_key(self, entry: Entry) -> tuple[str, str, str]:
        people = _people(entry)
        who = (
            "   ".join(f"{_last(p)}  {_plain(' '.join(p.first_names + p.middle_names))}" for p in people)
            if people
            else _corporate(entry)
        )
        return (who.lower(), year(entry), _plain(entry.fields.get("title", "")).lower())


def _initials(person: Person) -> str:
    parts = [_plain(n) for n in person.first_names + person.middle_names]
    return " ".join(f"{p[0]}." for p in parts if p)


def _author_list(entry: Entry) -> str:
    people = _people(entry)
    if not people:
        return _corporate(entry)
    names = [f"{_last(p)}, {_initials(p)}" if _initials(p) else _last(p) for p in people]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _sentence_end(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


class HarvardStyle(BaseStyle):
    """Harvard references: author (year) title, container, publisher, web address."""

    default_name_style = "lastfirst"
    default_label_style = NAME
    default_sorting_style = NAME

    def format_entry(self, label: str, entry: Entry, bib_data: Any = None) -> FormattedEntry:
        fields = entry.fields
        title = _plain(fields.get("title", ""))
        # The year as the label gives it ("2019a" where one author has two entries that year).
        when = label.rsplit(", ", 1)[-1] if ", " in label else year(entry)
        parts: list[Any] = [f"{_author_list(entry)} ({when}) "]
        if entry.type in ("article", "incollection", "inproceedings"):
            parts.append(f"\u2018{title}\u2019")
            container = fields.get("journal") or fields.get("booktitle")
            if container:
                parts += [", in " if entry.type != "article" else ", ", Tag("em", _plain(container))]
            if fields.get("volume"):
                parts.append(f", {_plain(fields['volume'])}")
                if fields.get("number"):
                    parts.append(f"({_plain(fields['number'])})")
            if fields.get("pages"):
                pages = _plain(fields["pages"])
                parts.append(f", pp. {pages}" if re.fullmatch(r"\d+(\s*[–-]\s*\d+)?", pages) else f", {pages}")
            parts.append(". ")
        else:
            parts += [Tag("em", title), " " if title.endswith(("?", "!", ".")) else ". "]
            if fields.get("edition"):
                parts.append(f"{_plain(fields['edition'])} edition. ")
        publisher = fields.get("publisher") or fields.get("institution") or fields.get("howpublished")
        if publisher:
            place = f"{_plain(fields['address'])}: " if fields.get("address") else ""
            parts.append(_sentence_end(place + _plain(publisher)) + " ")
        if fields.get("url"):
            url = fields["url"]
            parts += ["Available at: ", HRef(url, url), ". "]
        if fields.get("doi"):
            doi = fields["doi"]
            parts += ["doi: ", HRef(f"https://doi.org/{doi}", doi), ". "]
        if isinstance(parts[-1], str):
            parts[-1] = parts[-1].rstrip()
        return FormattedEntry(entry.key, Text(*parts), label)


def _round() -> Any:
    from sphinxcontrib.bibtex.style.referencing import BracketStyle

    return BracketStyle(left="(", right=")", sep="; ")


def _person() -> Any:
    from sphinxcontrib.bibtex.style.referencing import PersonStyle

    return PersonStyle(last_sep=" and ", other=" and others")


def _reference_style() -> type:

    from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
    from sphinxcontrib.bibtex.style.referencing.basic_author_year import (
        BasicAuthorYearParentheticalReferenceStyle,
        BasicAuthorYearTextualReferenceStyle,
    )
    from sphinxcontrib.bibtex.style.referencing.extra_author import ExtraAuthorReferenceStyle
    from sphinxcontrib.bibtex.style.referencing.extra_empty import ExtraEmptyReferenceStyle
    from sphinxcontrib.bibtex.style.referencing.extra_label import ExtraLabelReferenceStyle
    from sphinxcontrib.bibtex.style.referencing.extra_year import ExtraYearReferenceStyle
    from sphinxcontrib.bibtex.style.template import join, join2, node, post_text, pre_text, reference

    @node
    def label_year(children: Any, data: dict[str, Any]) -> Text:
        """The year as the bibliography's label gives it: "2019a" where an author has two that year."""
        label = str(data["formatted_entry"].label)
        return Text(label.rsplit(", ", 1)[-1])

    @dataclass
    class Parenthetical(BasicAuthorYearParentheticalReferenceStyle):
        def inner(self, role_name: str) -> Any:
            return join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[
                pre_text,
                reference[
                    join(sep=self.author_year_sep)[
                        self.person.author_or_editor_or_title(full="s" in role_name), label_year
                    ]
                ],
                post_text,
            ]

    @dataclass
    class Textual(BasicAuthorYearTextualReferenceStyle):
        def inner(self, role_name: str) -> Any:
            return join(sep=self.text_reference_sep)[
                self.person.author_or_editor_or_title(full="s" in role_name),
                join[
                    self.bracket.left,
                    join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[pre_text, reference[label_year], post_text],
                    self.bracket.right,
                ],
            ]

    @dataclass
    class AcademyReferenceStyle(AuthorYearReferenceStyle):
        """Author–year in round brackets, the year as the label gives it, citations separated by semicolons."""

        bracket_parenthetical: BracketStyle = field(default_factory=_round)
        bracket_textual: BracketStyle = field(default_factory=_round)
        bracket_author: BracketStyle = field(default_factory=_round)
        bracket_label: BracketStyle = field(default_factory=_round)
        bracket_year: BracketStyle = field(default_factory=_round)
        person: PersonStyle = field(default_factory=_person)

        def __post_init__(self) -> None:
            self.styles.extend(
                [
                    Parenthetical(
                        bracket=self.bracket_parenthetical,
                        person=self.person,
                        author_year_sep=self.author_year_sep,
                        pre_text_sep=self.pre_text_sep,
                        post_text_sep=self.post_text_sep,
                    ),
                    Textual(
                        bracket=self.bracket_textual,
                        person=self.person,
                        text_reference_sep=self.text_reference_sep,
                        pre_text_sep=self.pre_text_sep,
                        post_text_sep=self.post_text_sep,
                    ),
                    ExtraAuthorReferenceStyle(bracket=self.bracket_author, person=self.person),
                    ExtraLabelReferenceStyle(bracket=self.bracket_label),
                    ExtraYearReferenceStyle(bracket=self.bracket_year),
                    ExtraEmptyReferenceStyle(),
                ]
            )
            # GroupReferenceStyle's own set-up (AuthorYearReferenceStyle's would add its styles again).
            super(AuthorYearReferenceStyle, self).__post_init__()

    return AcademyReferenceStyle


def register() -> None:
    """Make the ``academy`` label, sorting, formatting and referencing styles known (safe to repeat)."""
    import sphinxcontrib.bibtex.plugin

    for group, klass in (
        ("pybtex.style.labels", AuthorYearLabels),
        ("pybtex.style.sorting", AuthorYearSorting),
        ("pybtex.style.formatting", HarvardStyle),
    ):
        register_pybtex_plugin(group, NAME, klass, force=True)
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing", NAME, _reference_style(), force=True
    )


def new_keys(text: str) -> str:
    """``text`` with every old article key replaced by its ``psta2019-`` key."""
    return _LEGACY.sub(lambda match: LEGACY_KEYS[match.group(1)], text)


def _read_new_keys(app: Any, docname: str, source: list[str]) -> None:
    source[0] = new_keys(source[0])


def _include_new_keys(app: Any, path: Any, parent: str, source: list[str]) -> None:
    source[0] = new_keys(source[0])


def setup(app: Any) -> dict[str, Any]:
    """Sphinx extension: the ``academy`` citation styles, and old article keys read as new ones."""
    register()
    app.connect("source-read", _read_new_keys)
    app.connect("include-read", _include_new_keys)  # pages pulled in with {include}
    return {"parallel_read_safe": True, "parallel_write_safe": True}
