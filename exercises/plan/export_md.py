"""The plan as a Markdown document (for email, wikis and version control)."""

from __future__ import annotations

import re
from pathlib import Path

from exercises.plan.blocks import Block, Bullets, Facts, Heading, PageBreak, Paragraph, Table, Timeline
from exercises.plan.document import DocumentControl, plan_document
from exercises.plan.model import Plan
from exercises.plan.timeline import timeline_alt_text
from exercises.storage import atomic_write_text

_SPECIAL = re.compile(r"([\\`*_\[\]<>|&])")
_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+[.)])", re.MULTILINE)


def md_escape(text: str) -> str:
    """Team text shown as written: Markdown and HTML characters are escaped with a backslash."""
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _SPECIAL.sub(r"\\\1", text))


def md_cell(text: str) -> str:
    """Text for one table cell: escaped, on one line."""
    return " ".join(md_escape(text).split()) or " "


def render_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(f"{'#' * block.level} {' '.join(md_escape(block.text).split())}")
        elif isinstance(block, Paragraph):
            label = f"**{md_escape(block.label)}:** " if block.label else ""
            paragraphs = [p for p in md_escape(block.text).split("\n\n") if p.strip()] or [""]
            out.append(label + "\n\n".join(paragraphs))
        elif isinstance(block, Bullets):
            lines = [f"**{md_escape(block.label)}:**", ""] if block.label else []
            out.append("\n".join(lines + [f"- {' '.join(md_escape(item).split())}" for item in block.items]))
        elif isinstance(block, Table):
            header = "| " + " | ".join(md_cell(h) for h in block.headers) + " |"
            rule = "|" + "|".join("---" for _ in block.headers) + "|"
            rows = ["| " + " | ".join(md_cell(cell) for cell in row) + " |" for row in block.rows]
            caption = [f"*{md_escape(block.caption)}*", ""] if block.show_caption else []
            out.append("\n".join([*caption, header, rule, *rows]))
        elif isinstance(block, Facts):
            lines = [f"- **{md_escape(label)}:** {md_cell(value)}" for label, value in block.pairs]
            out.append("\n".join([f"*{md_escape(block.caption)}*", "", *lines]))
        elif isinstance(block, PageBreak):
            out.append("---")
        elif isinstance(block, Timeline):
            out.append(f"*{md_escape(timeline_alt_text(block.plan))}*")
    return "\n\n".join(out) + "\n"


def plan_to_markdown(plan: Plan, control: DocumentControl | None = None) -> str:
    """The whole plan as Markdown text."""
    return render_markdown(plan_document(plan, control))


def save_markdown(plan: Plan, path: str | Path, control: DocumentControl | None = None) -> None:
    atomic_write_text(Path(path), plan_to_markdown(plan, control))
