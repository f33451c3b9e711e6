"""The plan as one self-contained HTML page (inline CSS, inline SVG timeline, no scripts).

Every string a team wrote passes through :func:`html.escape` before it reaches the page,
and the page's Content-Security-Policy forbids scripts anyway, so text such as
``<script>`` shows as text and never runs. The cohort report reuses these pieces.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from exercises import __version__
from exercises.plan.blocks import Block, Bullets, Facts, Heading, PageBreak, Paragraph, Table, Timeline, tone
from exercises.plan.document import DocumentControl, document_title, plan_document
from exercises.plan.model import Plan
from exercises.plan.timeline import timeline_svg
from exercises.storage import atomic_write_text

STYLE = """
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; line-height: 1.45; margin: 0; background: #fff; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 2rem; margin: 0 0 1rem; }
h2 { font-size: 1.5rem; margin: 2rem 0 0.75rem; border-top: 2px solid #b1b4b6; padding-top: 0.75rem; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1rem 0 0.5rem; }
p { margin: 0 0 0.75rem; white-space: pre-line; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.25rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #b1b4b6; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
td { overflow-wrap: break-word; white-space: pre-line; }
th { background: #f3f2f1; }
figure { margin: 0 0 1.25rem; }
figcaption { font-size: 0.9rem; color: #505a5f; }
.rag { font-weight: bold; padding: 0 0.3rem; border-radius: 2px; }
.rag-red { background: #f6d7d2; } .rag-amber { background: #fff2cc; } .rag-green { background: #cce2d8; }
.problem { background: #fef7f7; }
.facts { width: auto; } .facts th { text-align: left; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
hr.page-break { border: 0; margin: 1.5rem 0; }
@media print { hr.page-break { break-after: page; } }
footer { margin-top: 2rem; font-size: 0.85rem; color: #505a5f; }
""".strip()

# Defence in depth: even if a string escaped the escaping, the browser would refuse to run it.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
RAG_CELLS = {"red", "amber", "green"}


def page_start(title: str, lang: str = "en-GB", script_hash: str = "") -> str:
    """The opening of a self-contained page, up to the start of its main content.

    ``script_hash`` ("sha256-...") lets the page run the one inline script with that hash, and no other.
    """
    csp = f"{CSP}; script-src '{script_hash}'" if script_hash else CSP
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n<main>\n"
    )


def page_end() -> str:
    return (
        f"\n<footer>Made with the Commissioning Academy course tools, version {escape(__version__)}.</footer>\n"
        "</main>\n</body>\n</html>\n"
    )


def html_page(title: str, body: str, lang: str = "en-GB") -> str:
    """A complete, self-contained page around ``body`` (already safe HTML)."""
    return page_start(title, lang) + body + page_end()


def paragraphs(text: str, label: str = "") -> str:
    """Escaped text as one or more paragraphs, the first starting with a bold label."""
    parts = [part.strip() for part in text.split("\n\n") if part.strip()] or [""]
    lead = f"<strong>{escape(label)}:</strong> " if label else ""
    return "".join(f"<p>{lead if i == 0 else ''}{escape(part)}</p>" for i, part in enumerate(parts))


def table_html(table: Table) -> str:
    """A table; a caption that repeats the heading above is kept for screen readers only."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table.headers)
    body = "".join(
        "<tr>" + "".join(_cell(cell, column in table.tone_columns) for column, cell in enumerate(row)) + "</tr>"
        for row in table.rows
    )
    hidden = "" if table.show_caption else ' class="visually-hidden"'
    return (
        f"<table><caption{hidden}>{escape(table.caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _cell(text: str, toned: bool = False) -> str:
    colour = tone(text) if toned else (text if text in RAG_CELLS else None)
    if colour:
        return f'<td><span class="rag rag-{colour}">{escape(text)}</span></td>'
    return f"<td>{escape(text)}</td>"


def facts_html(facts: Facts) -> str:
    rows = "".join(f'<tr><th scope="row">{escape(k)}</th><td>{escape(v)}</td></tr>' for k, v in facts.pairs)
    return f'<table class="facts"><caption>{escape(facts.caption)}</caption><tbody>{rows}</tbody></table>'


def render_html(blocks: list[Block], heading_offset: int = 0, id_prefix: str = "timeline") -> str:
    """HTML for a list of blocks; ``heading_offset`` moves every heading down that many levels."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            level = min(block.level + heading_offset, 6)
            out.append(f"<h{level}>{escape(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            out.append(paragraphs(block.text, block.label))
        elif isinstance(block, Bullets):
            label = f"<p><strong>{escape(block.label)}:</strong></p>" if block.label else ""
            out.append(label + "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>")
        elif isinstance(block, Table):
            out.append(table_html(block))
        elif isinstance(block, Facts):
            out.append(facts_html(block))
        elif isinstance(block, PageBreak):
            out.append('<hr class="page-break">')
        elif isinstance(block, Timeline):
            out.append(
                f"<figure>{timeline_svg(block.plan, id_prefix)}"
                "<figcaption>Timeline of the 100-day plan. Each bar is an action, from its start to its due date, "
                "coloured by status; dashed lines mark the milestones. The actions table below gives the same "
                "information.</figcaption></figure>"
            )
    return "\n".join(out)


def plan_to_html(plan: Plan, control: DocumentControl | None = None) -> str:
    """The whole plan as a self-contained HTML page."""
    return html_page(document_title(plan), render_html(plan_document(plan, control)))


def save_html(plan: Plan, path: str | Path, control: DocumentControl | None = None) -> None:
    atomic_write_text(Path(path), plan_to_html(plan, control))
