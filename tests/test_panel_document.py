"""The plan as a panel document: document control, summary page, dates, ratings, page numbers, properties."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

import docx
import pytest

from exercises.cli import main
from exercises.plan.document import (
    Facts,
    Heading,
    PageBreak,
    Table,
    document_control,
    next_milestones,
    plan_document,
    risk_score,
    score_text,
)
from exercises.plan.export_docx import column_widths, plan_to_docx_bytes
from exercises.plan.export_html import plan_to_html
from exercises.plan.export_md import plan_to_markdown
from exercises.plan.model import Plan
from exercises.plan.store import load_plan
from exercises.plan.templates import EXAMPLE_PLAN
from exercises.plan.timeline import short

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ISSUED = date(2026, 7, 10)


@pytest.fixture(scope="module")
def example() -> Plan:
    return load_plan(EXAMPLE_PLAN)


@pytest.fixture(scope="module")
def control(example: Plan) -> object:
    return document_control(example, version="3", issued=ISSUED, status="Approved by the sponsor")


@pytest.fixture(scope="module")
def word(example: Plan, control: object) -> bytes:
    return plan_to_docx_bytes(example, control)  # type: ignore[arg-type]


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def test_footer_numbers_pages_with_word_fields(word: bytes) -> None:
    footers = [name for name in zipfile.ZipFile(io.BytesIO(word)).namelist() if re.match(r"word/footer\d*\.xml", name)]
    xml = "".join(_part(word, name) for name in footers)
    assert re.search(r"<w:instrText[^>]*> PAGE \\\* MERGEFORMAT </w:instrText>", xml)
    assert re.search(r"<w:instrText[^>]*> NUMPAGES \\\* MERGEFORMAT </w:instrText>", xml)
    assert xml.count('w:fldCharType="begin"') == 2 and xml.count('w:fldCharType="end"') == 2
    assert "Version 3, issued 10 July 2026" in xml and "Page " in xml


def test_document_properties_are_the_plans_own(word: bytes) -> None:
    properties = docx.Document(io.BytesIO(word)).core_properties
    assert properties.title == "Brackenford Steady Steps: challenge and 100-day plan"
    assert properties.author == "Brackenford Steady Steps" and properties.last_modified_by == properties.author
    assert properties.version == "3" and properties.revision == 3
    assert properties.content_status == "Approved by the sponsor"
    assert properties.created is not None and properties.created.year >= 2026
    assert properties.created.replace(tzinfo=None) <= datetime(2026, 7, 10, 12, 0)
    assert properties.language == "en-GB"
    core = _part(word, "docProps/core.xml")
    assert "python-docx" not in core and "2013" not in core
    names = zipfile.ZipFile(io.BytesIO(word)).namelist()
    assert "docProps/thumbnail.jpeg" not in names
    assert "Macintosh" not in _part(word, "docProps/app.xml")


def test_action_table_gives_owners_dates_and_ratings(example: Plan, word: bytes) -> None:
    document = docx.Document(io.BytesIO(word))
    actions = next(t for t in document.tables if t.rows[0].cells[0].text == "Id")
    assert [c.text for c in actions.rows[0].cells] == ["Id", "Action", "Owner", "Start", "Due", "Status", "Rating"]
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in actions.rows[1:]}
    assert len(rows) == len(example.hundred_day_plan.actions)
    # Day 1 is 1 June 2026: A5 runs from day 41 to day 80.
    assert rows["A5"][2:] == ["Tomasz Wiśniewski", "11 Jul 2026", "19 Aug 2026", "In progress", "Amber"]
    assert rows["A5"][1].endswith("After A2, A3")
    assert rows["A12"][3:5] == ["1 Sep 2026", "8 Sep 2026"]
    # The rating is a word and a colour (a shaded cell), never colour alone.
    red = next(row for row in actions.rows if row.cells[0].text == "A7").cells[6]
    assert red.text == "Red" and 'w:fill="F4C7C3"' in red._tc.xml
    widths = {round(cell.width.cm, 1) for cell in actions.rows[0].cells}
    assert len(widths) > 3  # columns fitted to their content, not all one width
    assert max(widths) == round(actions.rows[0].cells[1].width.cm, 1)  # the action's title is the widest


def test_summary_page_comes_first(example: Plan, control: object) -> None:
    blocks = plan_document(example, control)  # type: ignore[arg-type]
    first_page = blocks[: next(i for i, b in enumerate(blocks) if isinstance(b, PageBreak))]
    assert first_page[0] == Heading(1, "Brackenford Steady Steps: challenge and 100-day plan")
    facts = dict(next(b for b in first_page if isinstance(b, Facts)).pairs)
    assert facts["Version"] == "3" and facts["Date of issue"] == "10 July 2026"
    assert facts["Status"] == "Approved by the sponsor" and facts["Day 1"] == "1 June 2026"
    assert facts["Day 100"] == "8 September 2026"
    assert Heading(2, "Summary") in first_page
    tables = {b.caption: b for b in first_page if isinstance(b, Table)}
    assert list(tables) == ["Outcomes and targets", "What we ask of senior leaders", "Top risks", "Next milestones"]
    assert ["", "Waiting time from referral to first falls assessment", "3 weeks", "March 2027"] in tables[
        "Outcomes and targets"
    ].rows
    assert len(tables["What we ask of senior leaders"].rows) == len(example.asks)
    assert [row[1] for row in tables["Top risks"].rows] == ["High (9)", "High (6)", "Medium (4)"]
    # Issued on 10 July 2026 (day 40): day 30 is past, so the next are days 60 and 100.
    assert [row[0] for row in tables["Next milestones"].rows] == ["30 Jul 2026", "8 Sep 2026"]


def test_next_milestones_when_all_are_past_or_undated(example: Plan) -> None:
    past, caption = next_milestones(example, date(2027, 1, 1))
    assert caption == "Milestones (all now past)" and [m.day for m in past] == [30, 60, 100]
    undated = example.model_copy(
        update={"hundred_day_plan": example.hundred_day_plan.model_copy(update={"start_date": None})}
    )
    assert next_milestones(undated, date(2027, 1, 1))[1] == "Milestones"


def test_no_caption_repeats_its_heading(example: Plan, word: bytes) -> None:
    heading = ""
    for block in plan_document(example):
        if isinstance(block, Heading):
            heading = block.text
        elif isinstance(block, Table) and block.show_caption:
            assert block.caption.casefold() != heading.casefold()
    captions = [p.text for p in docx.Document(io.BytesIO(word)).paragraphs if p.style.name == "Caption"]
    assert "Risk register" not in captions and "Data needed" not in captions
    assert "Outcomes and targets" in captions


def test_risk_register_scores_and_sorts(example: Plan) -> None:
    scores = [risk_score(risk) for risk in example.risks]
    assert all(score is not None for score in scores)
    assert score_text(9) == "High (9)" and score_text(4) == "Medium (4)" and score_text(2) == "Low (2)"
    assert score_text(None) == "Not scored"
    table = next(b for b in plan_document(example) if isinstance(b, Table) and b.caption == "Risk register")
    assert table.headers[3] == "Score"
    assert [row[3] for row in table.rows] == sorted((row[3] for row in table.rows), key=lambda t: -int(t[-2]))


def test_html_and_markdown_carry_the_same_summary(example: Plan, control: object) -> None:
    html = plan_to_html(example, control)  # type: ignore[arg-type]
    assert '<th scope="row">Date of issue</th><td>10 July 2026</td>' in html
    assert '<span class="rag rag-red">High (9)</span>' in html
    assert '<caption class="visually-hidden">Risk register</caption>' in html
    text = plan_to_markdown(example, control)  # type: ignore[arg-type]
    assert "- **Version:** 3" in text and "## Summary" in text
    assert text.index("## Summary") < text.index("## Team")
    assert "| A5 | Test direct referral" in text and "| 11 Jul 2026 | 19 Aug 2026 |" in text


def test_column_widths_fit_content() -> None:
    widths = column_widths(["Id", "Action", "Date"], [["A1", "A long action title " * 6, "1 Jun 2026"]], total=17)
    assert abs(sum(widths) - 17) < 1e-6
    assert widths[1] > widths[2] > widths[0]
    assert widths[0] >= 0.5 + 0.205 * 2  # "Id" and "A1" stay whole


def test_labels_are_never_cut_mid_word() -> None:
    assert short("Test direct referral from ambulance crews", 20) == "Test direct…"
    assert short("Short enough", 20) == "Short enough"
    assert short("Supercalifragilistic expialidocious", 10) == "Supercali…"  # one long word is all it can cut


def test_day_one_plan_says_what_is_missing(tmp_path: Path) -> None:
    plan = Plan.model_validate({"team": {"name": "Just started"}})
    document = docx.Document(io.BytesIO(plan_to_docx_bytes(plan)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "What we ask of senior leaders: nothing yet." in text and "Risks: none recorded yet." in text
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "No start date yet" in cells and "Draft" in cells


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_export_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.pdf"
    assert main(["plan", "export", str(EXAMPLE_PLAN), "--to", "pdf", "-o", str(out)]) == 0
    assert out.read_bytes()[:5] == b"%PDF-" and out.stat().st_size > 20_000
    assert f"Wrote {out} (PDF, made by LibreOffice)." in capsys.readouterr().out


def test_pdf_without_libreoffice_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("exercises.plan.export_pdf.soffice", lambda: None)
    out = tmp_path / "plan.pdf"
    assert main(["plan", "export", str(EXAMPLE_PLAN), "--to", "pdf", "-o", str(out)]) == 1
    assert "LibreOffice is not installed here" in capsys.readouterr().err
    assert not out.exists()
