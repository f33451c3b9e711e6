"""The plan as a Word document (python-docx), for the senior panel and the sponsor's files.

Headings use Word's own heading styles (so the navigation pane and a table of contents
work); tables are real tables with a repeating header row and column widths fitted to
their content; ratings are a word in a coloured cell; the timeline is a PNG with
alternative text. The footer numbers the pages with Word fields ("Page 2 of 11"), and the
file's properties give the plan's title, team, version and date, not the library's
defaults. The file opens in Word and LibreOffice.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from exercises import __version__
from exercises.plan.blocks import Block, Bullets, Facts, Heading, PageBreak, Paragraph, Table, Timeline, tone
from exercises.plan.document import DocumentControl, document_control, document_title, plan_document
from exercises.plan.model import Plan
from exercises.plan.timeline import timeline_alt_text, timeline_png
from exercises.storage import atomic_write_chunks

LANGUAGE = "en-GB"
TEXT_WIDTH_CM = 17.0  # A4 less 2 cm margins
TABLE_FONT_PT = 9.0
# Light fills that keep black text at well over 4.5:1 contrast; the word is always written too.
TONE_FILLS = {"red": "F4C7C3", "amber": "FFE699", "green": "C6E0B4"}
HEADER_FILL = "E7E6E6"
INK = RGBColor(0x0B, 0x0C, 0x0C)
# The extended properties (docProps/app.xml): the template's say "Microsoft Macintosh Word" and 1 page.
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>Commissioning Academy course tools</Application><DocSecurity>0</DocSecurity>"
    "<Company></Company><AppVersion>1.0000</AppVersion></Properties>"
)


def plan_to_docx_bytes(plan: Plan, control: DocumentControl | None = None) -> bytes:
    """The whole plan as the bytes of a .docx file."""
    control = control or document_control(plan)
    document = Document()
    _set_up(document, plan, control)
    new_page = False
    for block in plan_document(plan, control):
        if isinstance(block, PageBreak):
            new_page = True  # the next block starts a page (no empty page if the summary runs over)
            continue
        _add_block(document, block)
        if new_page:
            _start_page(document)
            new_page = False
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def save_docx(plan: Plan, path: str | Path, control: DocumentControl | None = None) -> None:
    """Write the Word document atomically."""
    atomic_write_chunks(path, [plan_to_docx_bytes(plan, control)])


# --- The page, styles, footer and file properties --------------------------------------


def _set_up(document: Any, plan: Plan, control: DocumentControl) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANGUAGE)
    normal.element.get_or_add_rPr().append(language)
    for name, size in (("Title", 20), ("Heading 1", 16), ("Heading 2", 14), ("Heading 3", 12), ("Caption", 9)):
        style = styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.color.rgb = INK
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)  # theme fonts would override Arial
    styles["Caption"].font.italic = False
    styles["Caption"].font.bold = True
    styles["Caption"].paragraph_format.space_before = Pt(8)
    styles["Caption"].paragraph_format.space_after = Pt(3)
    _footer(section, f"{document_title(plan)}. {control.describe()}.")
    _properties(document, plan, control)


def _footer(section: Any, text: str) -> None:
    """The title, version and date, then "Page N of M" from Word's PAGE and NUMPAGES fields."""
    paragraph = section.footer.paragraphs[0]
    paragraph.text = ""
    run = paragraph.add_run(f"{text} Page ")
    run.font.size = Pt(8.5)
    _field(paragraph, "PAGE")
    paragraph.add_run(" of ").font.size = Pt(8.5)
    _field(paragraph, "NUMPAGES")


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (begin, instruction, separate, shown value, end), updated when the file opens."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("value", "1"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(8.5)
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} \\* MERGEFORMAT "
        elif kind == "value":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                element.set(qn("w:dirty"), "true")  # ask Word to work the number out on opening
        run._r.append(element)


def _properties(document: Any, plan: Plan, control: DocumentControl) -> None:
    """File properties (File › Info in Word): never python-docx's defaults (its author, 2013)."""
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    issued = datetime.combine(control.issued, time(12, 0))
    properties = document.core_properties
    properties.title = document_title(plan)
    properties.subject = "Commissioning Academy challenge project and 100-day plan"
    properties.author = plan.team.name
    properties.last_modified_by = plan.team.name
    properties.created = min(issued, now)
    properties.modified = now
    for stale in properties._element.findall(qn("cp:lastPrinted")):  # the template's 2013 date
        properties._element.remove(stale)
    properties.revision = int(control.version) if control.version.isdigit() else 1
    properties.version = control.version
    properties.content_status = control.status
    properties.category = "100-day plan"
    properties.keywords = "challenge project; 100-day plan; Commissioning Academy"
    properties.comments = f"Made with the Commissioning Academy course tools, version {__version__}."
    properties.language = LANGUAGE
    package = document.part.package
    for key, relationship in list(package.rels.items()):
        if relationship.reltype.endswith("/metadata/thumbnail"):  # a picture of python-docx's blank page
            del package.rels[key]
        elif relationship.reltype.endswith("/extended-properties"):
            relationship.target_part._blob = APP_XML.encode("utf-8")
    for empty in properties._element.findall(qn("dc:identifier")):
        properties._element.remove(empty)


# --- Blocks -----------------------------------------------------------------------------


def _add_block(document: Any, block: Block) -> None:
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
    elif isinstance(block, Facts):
        _add_facts(document, block)
    elif isinstance(block, Timeline):
        if document.element.body[-2].tag == qn("w:p"):  # the last element is the section's properties
            document.paragraphs[-1].paragraph_format.keep_with_next = True  # no heading left alone above the chart
        holder = document.add_paragraph()
        holder.paragraph_format.keep_with_next = True  # the chart stays with its caption
        picture = holder.add_run().add_picture(io.BytesIO(timeline_png(block.plan)), width=Cm(TEXT_WIDTH_CM))
        doc_properties = picture._inline.docPr
        doc_properties.set("descr", timeline_alt_text(block.plan))
        doc_properties.set("title", "Timeline of the 100-day plan")
        document.add_paragraph(
            "Timeline of the 100-day plan: each bar is an action, from its start to its due date, with its owner "
            "and status; diamonds mark the milestones. The actions table below gives the same information.",
            style="Caption",
        )


def _start_page(document: Any) -> None:
    """The paragraph just added starts a new page (Word's "page break before")."""
    document.paragraphs[-1].paragraph_format.page_break_before = True


def column_widths(headers: list[str], rows: list[list[str]], total: float = TEXT_WIDTH_CM) -> list[float]:
    """Widths (cm) that fit each column's content, as a browser lays out an automatic table.

    Each column gets at least its longest word (so no word is split) and, if there is room,
    its longest line; what is left over goes to the columns with the most text.
    """
    columns = list(zip(headers, *rows, strict=True)) if rows else [(h,) for h in headers]
    char_cm = 0.205  # an average character of 9 pt Arial (bold headers are a little wider)
    padding = 0.5  # the cell's margins and border

    def longest_line(cell: str) -> int:
        return max((len(line) for line in cell.split("\n")), default=0)

    def least_for(cell: str) -> int:
        """A short cell ("Day 20", "Amber") stays on one line; a long one may wrap between words."""
        line = longest_line(cell)
        return line if line <= 12 else max((len(word) for word in cell.split()), default=0)

    least = [padding + char_cm * max(least_for(cell) for cell in col) for col in columns]
    words = [padding + char_cm * max(max((len(w) for w in cell.split()), default=0) for cell in col) for col in columns]
    most = [padding + char_cm * max(longest_line(cell) for cell in col) for col in columns]
    most = [max(a, b) for a, b in zip(least, most, strict=True)]
    widths = _share(total, least, most)
    # The column with the most text (an action's title) gets at least a third of the page,
    # taken from the others down to their longest word: short cells may wrap, titles must not
    # become a word a line.
    main = max(range(len(most)), key=lambda c: most[c])
    floor = min(most[main], total / 3)
    if widths[main] < floor:
        give = [max(widths[c] - words[c], 0.0) if c != main else 0.0 for c in range(len(widths))]
        needed = min(floor - widths[main], sum(give))
        if needed > 0:
            widths = [w - needed * g / sum(give) for w, g in zip(widths, give, strict=True)]
            widths[main] += needed
    return widths


def _share(total: float, least: list[float], most: list[float]) -> list[float]:
    if sum(most) <= total:
        spare = total - sum(most)
        return [width + spare * width / sum(most) for width in most]
    if sum(least) >= total:  # very long words: share in proportion and let Word wrap them
        return [total * width / sum(least) for width in least]
    spare = total - sum(least)
    wants = [b - a for a, b in zip(least, most, strict=True)]
    return [a + spare * want / sum(wants) for a, want in zip(least, wants, strict=True)]


def _add_table(document: Any, table: Table) -> None:
    if table.show_caption:
        caption = document.add_paragraph(table.caption, style="Caption")
        caption.paragraph_format.keep_with_next = True
    grid = document.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    if not table.show_caption:
        _describe(grid, table.caption)
    widths = column_widths(table.headers, table.rows)
    _fix_widths(grid, widths)
    header = grid.rows[0]
    _repeat_as_header(header)
    for cell, text in zip(header.cells, table.headers, strict=True):
        _write_cell(cell, text, bold=True, fill=HEADER_FILL)
    for row in table.rows:
        cells = grid.add_row().cells
        for column, (cell, text) in enumerate(zip(cells, row, strict=True)):
            colour = tone(text) if column in table.tone_columns else None
            _write_cell(cell, text, bold=colour is not None, fill=TONE_FILLS.get(colour or ""))
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
        _keep_row_together(row)


def _add_facts(document: Any, facts: Facts) -> None:
    """Labelled facts, two to a row (label, value, label, value), so the box stays short."""
    caption = document.add_paragraph(facts.caption, style="Caption")
    caption.paragraph_format.keep_with_next = True
    grid = document.add_table(rows=0, cols=4)
    grid.style = "Table Grid"
    widths = [3.1, 5.4, 3.1, 5.4]
    _fix_widths(grid, widths)
    pairs = list(facts.pairs)
    for first in range(0, len(pairs), 2):
        cells = grid.add_row().cells
        for offset, (label, value) in enumerate(pairs[first : first + 2]):
            _write_cell(cells[2 * offset], label, bold=True, fill=HEADER_FILL)
            _write_cell(cells[2 * offset + 1], value)
        for cell, width in zip(cells, widths, strict=True):
            cell.width = Cm(width)


def _write_cell(cell: Any, text: str, bold: bool = False, fill: str | None = None) -> None:
    """The cell's text in table type, one paragraph per line, with an optional fill colour."""
    lines = text.split("\n") or [""]
    first = cell.paragraphs[0]
    for number, line in enumerate(lines):
        paragraph = first if number == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.font.size = Pt(TABLE_FONT_PT)
        run.bold = bold
    if fill:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shading)


def _fix_widths(grid: Any, widths: list[float]) -> None:
    """A fixed layout with the given column widths (Word reads the cells, LibreOffice the grid)."""
    grid.autofit = False  # python-docx writes <w:tblLayout w:type="fixed"/> in its place
    for column, width in zip(grid._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(int(width / 2.54 * 1440)))


def _describe(grid: Any, caption: str) -> None:
    """A table's name for screen readers when no visible caption repeats the heading."""
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption)
    grid._tbl.tblPr.append(element)


def _repeat_as_header(row: Any) -> None:
    """Mark a row as the table's header: screen readers announce it, and it repeats on each page."""
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _keep_row_together(row: Any) -> None:
    """A row is not split across two pages (a short row read in two halves is hard to follow)."""
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    properties.insert(0, flag)
