"""What must never reach a page a participant reads: shared by the site check and the source check.

- a citation of line numbers in the course's text copy of the report ("lines 4325–4410");
- an alpha-style citation label ("[PublicSTAcademy19a]", "[TS19]", "[Llo]"): citations are
  author and year;
- an internal article code standing alone ("S5", "C7");
- an authoring note ("seed lines", "not checked against", "the digest", "text copy");
- ``NaN`` in the text, a whole number printed as a float in a table cell ("3000000.0",
  "500.0"), or a raw pandas table (pages use ``exercises.tables.table``).

Each finder returns ``(what, the offending text)`` pairs, so a failure names both.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

LINE_CITATION = re.compile(r"\blines?\s+\d{1,5}(?:\s*(?:\u2013|-|to|and)\s*\d{1,5})?\b", re.IGNORECASE)
ALPHA_LABEL = re.compile(r"\[(?:[A-Z][A-Za-z+]{0,30}\d{2}[a-z]?|[A-Z][a-z]{2})\]")
_CODE = r"(?:S[0-9]|C(?:1[0-2]|[1-9]))"
_CITING = ("(", ", ", "; ", "section ", "article ", "study ", "piece ", "see ", "and ", "from ", "in ", "(*", ", *")
# A code where a citation would be: after "(", ", ", "section ", "see "...; or before ",", ")", "and", "lines".
ARTICLE_CODE = re.compile(
    "(?:"
    + "|".join(f"(?<={re.escape(w)})" for w in _CITING)
    + rf"){_CODE}\b(?![-/&])"
    + rf"|\b{_CODE}(?=\*?\s*[,;)]|\s+(?:and|lines?)\b)"
)
AUTHORING_NOTES = re.compile(
    r"\bseed lines?\b|\bnot checked against\b|\bthe (?:course's )?digest\b|\btext copy\b|\bseed digest\b",
    re.IGNORECASE,
)
NAN = re.compile(r"(?<![\w-])NaN(?![\w-])")
WHOLE_FLOAT = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d{3,})\.0(?!\.?\d|%)"
)  # not a version number such as 314.0.7

TEXT_CHECKS = (
    ("a line-number citation", LINE_CITATION),
    ("an alpha-style citation label", ALPHA_LABEL),
    ("an internal article code", ARTICLE_CODE),
    ("an authoring note", AUTHORING_NOTES),
    ("NaN", NAN),
)


def _context(text: str, match: re.Match[str], width: int = 50) -> str:
    start, end = max(0, match.start() - width), min(len(text), match.end() + width)
    return " ".join(text[start:end].split())


def find_in_text(text: str) -> list[tuple[str, str]]:
    """Problems in reader-facing text (prose, headings, table cells), with their context."""
    found = []
    for what, pattern in TEXT_CHECKS:
        for match in pattern.finditer(text):
            found.append((what, _context(text, match)))
    return found


def _drop_code(soup: BeautifulSoup) -> None:
    """Code a reader runs is not prose: input cells, literal code, scripts and styles go."""
    for node in soup.select("script, style, pre, code, .cell_input, .highlight, .headerlink"):
        node.decompose()


def find_in_html(html: str) -> list[tuple[str, str]]:
    """Problems in one built page: its main content, without code, then its tables' cells."""
    soup = BeautifulSoup(html, "lxml")
    main = soup.select_one("main#main-content, main, article") or soup
    found = []
    for table in main.select("table.dataframe"):
        found.append(("a raw pandas table", " ".join(table.get_text(" ").split())[:120]))
    _drop_code(main)
    for cell in main.select("td, th"):
        text = cell.get_text(" ", strip=True)
        for match in WHOLE_FLOAT.finditer(text):
            found.append(("a whole number printed as a float in a table cell", _context(text, match)))
    found += find_in_text(main.get_text(" "))
    return found


def find_in_markdown(source: str) -> list[tuple[str, str]]:
    """Problems in a page's Markdown source (a notebook's Markdown cells, or a .md page).

    Fenced code, inline code and MyST roles' targets ({cite}`key`, {doc}`path`) are not prose.
    """
    text = re.sub(r"^(```|~~~|:::).*?^\1", " ", source, flags=re.S | re.M)
    text = re.sub(r"`[^`\n]*`", " ", text)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    return find_in_text(text)
