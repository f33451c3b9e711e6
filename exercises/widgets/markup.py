"""Turning authors' text and tables into the HTML the exercise widgets show.

Authors write questions, feedback and explanations as plain text with a little Markdown:
blank lines between paragraphs, ``**bold**``, ``*italic*`` and lines starting ``- `` for
bullet lists. Everything else is escaped, so text can never break the page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def inline(text: str) -> str:
    """Escape one line and apply ``**bold**`` and ``*italic*``."""
    out = _BOLD.sub(r"<strong>\1</strong>", esc(text))
    return _ITALIC.sub(r"<em>\1</em>", out)


def to_html(text: str) -> str:
    """Paragraphs and bullet lists from an author's text (see the module docstring)."""
    blocks = []
    for block in re.split(r"\n\s*\n", (text or "").strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{inline(line[2:])}</li>" for line in lines)
            blocks.append(f"<ul>{items}</ul>")
        else:
            blocks.append(f"<p>{inline(' '.join(lines))}</p>")
    return "".join(blocks)


def details(summary: str, body_html: str) -> str:
    """A collapsed "Show answer" block: works in JupyterLab and on the static website."""
    if not body_html:
        return ""
    return (
        f'<details class="academy-answer"><summary>{esc(summary)}</summary>'
        f'<div class="academy-answer-body">{body_html}</div></details>'
    )


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return esc(f"{value:,.2f}".rstrip("0").rstrip("."))
    if isinstance(value, int) and not isinstance(value, bool):
        return esc(f"{value:,}")
    return esc(value)


def mapping_table(rows: Mapping[str, Any], caption: str = "") -> str:
    """A two-column table (label, value) for results."""
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    body = "".join(f'<tr><th scope="row">{esc(k)}</th><td>{_cell(v)}</td></tr>' for k, v in rows.items())
    return f'<table class="academy-table">{cap}<tbody>{body}</tbody></table>'


def frame_table(frame: Any, caption: str = "") -> str:
    """A pandas DataFrame as a plain, accessible HTML table (no scoped styles)."""
    index = not (frame.index.name is None and list(frame.index) == list(range(len(frame))))
    table = frame.to_html(
        index=index,
        border=0,
        classes="academy-table",
        escape=True,
        float_format=lambda v: f"{v:,.2f}".rstrip("0").rstrip("."),
    )
    if caption:
        table = table.replace(">", f"><caption>{esc(caption)}</caption>", 1)
    return table
