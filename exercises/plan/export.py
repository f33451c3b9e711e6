"""Write a plan as a document in any of the three formats (the formats load only when used)."""

from __future__ import annotations

from pathlib import Path

from exercises.plan.model import Plan

FORMATS: dict[str, str] = {"md": "Markdown file", "html": "web page", "docx": "Word document"}


def export_plan(plan: Plan, kind: str, path: str | Path) -> None:
    """Write ``plan`` to ``path`` as ``kind`` ("md", "html" or "docx"), atomically."""
    if kind == "md":
        from exercises.plan.export_md import save_markdown as save
    elif kind == "html":
        from exercises.plan.export_html import save_html as save
    elif kind == "docx":
        from exercises.plan.export_docx import save_docx as save
    else:
        raise ValueError(f"Unknown format {kind!r}: choose one of {', '.join(FORMATS)}.")
    save(plan, Path(path))
