"""The plan as a Word document (python-docx), for the senior panel.

Headings use Word's own heading styles (so the navigation pane and a table of contents
work), tables are real tables with a repeating header row, and the timeline is a PNG
with alternative text. The file opens in Word and LibreOffice.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from exercises.plan.document import Block, Bullets, Heading, Paragraph, Table, Timeline, plan_document
from exercises.plan.model import Plan
from exercises.plan.timeline import timeline_alt_text, timeline_png
from exercises.storage import atomic_write_chunks

LANGUAGE = "en-GB"


def plan_to_docx_bytes(plan: Plan) -> bytes:
    """The whole plan as the bytes of a .docx file."""
    document = Document()
    _set_up(document, plan)
    for block in plan_document(plan):
        _add_block(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def save_docx(plan: Plan, path: str | Path) -> None:
    """Write the Word document atomically."""
    atomic_write_chunks(path, [plan_to_docx_bytes(plan)])


def _set_up(document: DocxDocument, plan: Plan) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANGUAGE)
    normal.element.get_or_add_rPr().append(language)
    properties = document.core_properties
    properties.title = f"{plan.team.name}: challenge and 100-day plan"
    properties.subject = "Commissioning Academy challenge project"
    properties.language = LANGUAGE


def _add_block(document: DocxDocument, block: Block) -> None:
    if isinstance(block, Heading):
        document.add_heading(block.text, level=min(block.level, 9))
    elif isinstance(block, Paragraph):
        for number, text in enumerate(part for part in block.text.split("\n\n") if part.strip()):
            paragraph = document.add_paragraph()
            if block.label and number == 0:
                paragraph.add_run(f"{block.label}: ").bold = True
            paragraph.add_run(text.strip())
    elif isinstance(block, Bullets):
        if block.label:
            document.add_paragraph().add_run(f"{block.label}:").bold = True
        for item in block.items:
            document.add_paragraph(item, style="List Bullet")
    elif isinstance(block, Table):
        _add_table(document, block)
    elif isinstance(block, Timeline):
        picture = document.add_paragraph().add_run().add_picture(io.BytesIO(timeline_png(block.plan)), width=Cm(17))
        doc_properties = picture._inline.docPr
        doc_properties.set("descr", timeline_alt_text(block.plan))
        doc_properties.set("title", "Timeline of the 100-day plan")
        document.add_paragraph(
            "Timeline of the 100-day plan: bars show each action's days, coloured by status; dashed lines mark the milestones.",
            style="Caption",
        )


def _add_table(document: DocxDocument, table: Table) -> None:
    document.add_paragraph(table.caption, style="Caption")
    grid = document.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    header = grid.rows[0]
    _repeat_as_header(header)
    for cell, text in zip(header.cells, table.headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text


def _repeat_as_header(row: object) -> None:
    """Mark a row as the table's header: screen readers announce it, and it repeats on each page."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)
