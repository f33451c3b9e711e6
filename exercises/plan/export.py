"""Write a plan as a document in any of the formats (the formats load only when used)."""

from __future__ import annotations

from pathlib import Path

from exercises.plan.document import DocumentControl
from exercises.plan.model import Plan

FORMATS: dict[str, str] = {
    "md": "Markdown file",
    "html": "web page",
    "docx": "Word document",
    "pdf": "PDF, made by LibreOffice",
}


def export_plan(plan: Plan, kind: str, path: str | Path, control: DocumentControl | None = None) -> None:
    """Write ``plan`` to ``path`` as ``kind`` ("md", "html", "docx" or "pdf"), atomically.

    ``control`` gives the version, date of issue and status printed in the document; by
    default version 1, issued today (see :func:`exercises.plan.document.document_control`).
    A PDF needs LibreOffice; without it :class:`~exercises.plan.export_pdf.PdfUnavailable`
    (an ``OSError``) says so and nothing is written.
    """
    if kind == "md":
        from exercises.plan.export_md import save_markdown as save
    elif kind == "html":
        from exercises.plan.export_html import save_html as save
    elif kind == "docx":
        from exercises.plan.export_docx import save_docx as save
    elif kind == "pdf":
        from exercises.plan.export_pdf import save_pdf as save
    else:
        raise ValueError(f"Unknown format {kind!r}: choose one of {', '.join(FORMATS)}.")
    save(plan, Path(path), control)
