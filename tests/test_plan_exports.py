"""Exports of a plan: Markdown, HTML (escaped, accessible), Word, and the timeline."""

from __future__ import annotations

import copy
import hashlib
import itertools
import re
import shutil
import subprocess
import typing
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import pytest
from markdown_it import MarkdownIt
from pydantic import BaseModel

from exercises.cli import main
from exercises.plan.export_docx import plan_to_docx_bytes
from exercises.plan.export_html import plan_to_html
from exercises.plan.export_md import md_escape, plan_to_markdown
from exercises.plan.model import Plan
from exercises.plan.store import load_plan, parse_plan_data, validate_plan
from exercises.plan.templates import EXAMPLE_PLAN
from exercises.plan.timeline import timeline_alt_text, timeline_png, timeline_svg
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, patient

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
ID_FIELDS = {"id", "depends_on", "action"}  # action ids: short codes, not free text


# --- Helpers shared with the cohort report tests ---------------------------------------


def hostile(data: Any, model: type[BaseModel] = Plan) -> Any:
    """``data`` with script and markup added to every free-text answer the model allows."""
    data = copy.deepcopy(data)
    for name, info in model.model_fields.items():
        if name in ID_FIELDS or not isinstance(data, dict):
            continue
        annotation = info.annotation
        inner = typing.get_args(annotation)[0] if typing.get_origin(annotation) is list else None
        if annotation is str:
            data[name] = f"{data.get(name) or ''} {SCRIPT} {IMG}".strip()
        elif inner is not None and typing.get_origin(inner) is typing.Annotated and typing.get_args(inner)[0] is str:
            data[name] = [f"{item} {SCRIPT} {IMG}" for item in data.get(name) or ["x"]]
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            data[name] = [hostile(item, inner) for item in data.get(name) or []]
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            data[name] = hostile(data.get(name) or {}, annotation)
    return data


class Page(HTMLParser):
    """Every element, attribute and piece of text in an HTML page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.headings: list[int] = []
        self.text: list[str] = []
        self.lang: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def assert_nothing_live(html: str) -> Page:
    """No element or event handler came from team text, and the text is still there to read."""
    page = Page(html)
    assert "script" not in page.tags
    assert "img" not in page.tags and "iframe" not in page.tags and "object" not in page.tags
    assert not [name for name, _ in page.attributes if name.startswith("on")]
    assert SCRIPT in page.all_text and IMG in page.all_text
    return page


def assert_headings_in_order(levels: list[int]) -> None:
    assert levels and levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after}"


@pytest.fixture(scope="module")
def example() -> Plan:
    return load_plan(EXAMPLE_PLAN)


@pytest.fixture(scope="module")
def hostile_plan() -> Plan:
    return validate_plan(hostile(parse_plan_data(EXAMPLE_PLAN.read_text(encoding="utf-8"))))


# --- Round trip -----------------------------------------------------------------------


def test_exports_leave_the_plan_unchanged(tmp_path: Path) -> None:
    plan_path = tmp_path / "plan.yaml"
    shutil.copyfile(EXAMPLE_PLAN, plan_path)
    before = hashlib.sha256(plan_path.read_bytes()).hexdigest()
    plan = load_plan(plan_path)
    for kind in ("md", "html", "docx"):
        out = tmp_path / "out" / f"plan.{kind}"
        assert main(["plan", "export", str(plan_path), "--to", kind, "-o", str(out)]) == 0
        assert out.stat().st_size > 1000
    assert hashlib.sha256(plan_path.read_bytes()).hexdigest() == before
    assert load_plan(plan_path) == plan
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "plan.yaml"]  # no .bak: nothing was saved


# --- Markdown -------------------------------------------------------------------------


def test_markdown_holds_every_section(example: Plan) -> None:
    text = plan_to_markdown(example)
    assert text.startswith("# Brackenford Steady Steps: challenge and 100-day plan\n")
    for heading in (
        "## Team",
        "## The challenge",
        "## Outcomes",
        "## The 100-day plan",
        "### Milestones",
        "## Asks of senior leaders",
        "## 100-day follow-up",
    ):
        assert f"\n{heading}\n" in text
    for action in example.hundred_day_plan.actions:
        assert f"| {action.id} |" in text
    assert "| A7: Link ambulance call\\-outs" not in text  # hyphens inside words stay readable
    assert "Siân Llewellyn" in text


def test_markdown_escapes_markup(hostile_plan: Plan) -> None:
    text = plan_to_markdown(hostile_plan)
    assert not re.search(r"(?<!\\)<", text)  # every "<" is escaped
    assert md_escape(SCRIPT) in text
    # Rendered by a CommonMark renderer that passes raw HTML through, nothing comes alive.
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    assert_nothing_live(rendered)


def test_markdown_escape_keeps_table_cells_and_lists_intact() -> None:
    assert md_escape("a | b") == "a \\| b"
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("- not a list\n1. nor this") == "\\- not a list\n\\1. nor this"


# --- HTML -----------------------------------------------------------------------------


def test_html_is_self_contained_and_accessible(example: Plan) -> None:
    html = plan_to_html(example)
    page = Page(html)
    assert page.lang == "en-GB"
    assert_headings_in_order(page.headings)
    assert "link" not in page.tags and "script" not in page.tags
    assert not [
        value
        for name, value in page.attributes
        if name in {"src", "href"} and value and not value.startswith(("#", "data:"))
    ]
    assert page.tags.count("th") >= 6 and all(
        value in {"col", "row"} for name, value in page.attributes if name == "scope"
    )
    assert "svg" in page.tags and ("role", "img") in page.attributes
    assert timeline_alt_text(example) in page.all_text  # the chart's description, for screen readers
    assert "Content-Security-Policy" in html


def test_html_escapes_every_string(hostile_plan: Plan) -> None:
    page = assert_nothing_live(plan_to_html(hostile_plan))
    text = page.all_text
    p = hostile_plan
    for answer in (
        p.team.name,
        p.team.members[0].name,
        p.team.sponsor,
        p.challenge.why_now,
        p.outcomes[0].indicators[0].baseline,
        p.system.relationships[0].nature,
        p.data_needed[0].barriers,
        p.coproduction_partners[0].how_involved,
        p.funding.value_case,
        p.behaviours_and_market.behaviour_changes[0].how,
        p.assets[0].how_we_will_use_it,
        p.twelve_month_picture,
        p.hundred_day_plan.actions[0].owner,
        p.hundred_day_plan.milestones[0].how_we_will_know,
        p.risks[0].mitigation,
        p.asks[0].of_whom,
        p.peer_challenge[0].questions[0],
        p.follow_up.reviews[0].next_step,
        p.notes,
    ):
        for paragraph in answer.split("\n\n"):
            assert paragraph in text


# --- Word -----------------------------------------------------------------------------


def test_word_document_has_real_headings_tables_and_image(example: Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(plan_to_docx_bytes(example))
    document = docx.Document(str(path))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", "Brackenford Steady Steps: challenge and 100-day plan")
    assert ("Heading 2", "The 100-day plan") in headings
    assert_headings_in_order([int(style.split()[-1]) for style, _ in headings])
    assert len(document.tables) >= 10
    actions = next(t for t in document.tables if t.rows[0].cells[0].text == "Id")
    assert len(actions.rows) == 1 + len(example.hundred_day_plan.actions)
    assert actions.rows[0]._tr.trPr is not None  # header row marked as a header
    (picture,) = document.inline_shapes
    assert "A12" in picture._inline.docPr.get("descr")
    assert document.core_properties.title.startswith("Brackenford Steady Steps")


def test_word_document_keeps_markup_as_plain_text(hostile_plan: Plan, tmp_path: Path) -> None:
    document = docx.Document(_write(tmp_path / "h.docx", plan_to_docx_bytes(hostile_plan)))
    assert any(SCRIPT in p.text for p in document.paragraphs)


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui",
)
def test_word_document_converts_with_libreoffice(example: Plan, tmp_path: Path) -> None:
    source = Path(_write(tmp_path / "plan.docx", plan_to_docx_bytes(example)))
    profile = (tmp_path / "lo-profile").as_uri()  # its own profile, so parallel runs do not collide
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=900,  # generous: LibreOffice starts slowly on a busy machine
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "plan.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000


# --- Awkward plans ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def awkward() -> Plan:
    """Very long text, names in several scripts, and an empty day-1 plan's gaps."""
    long = "Falls prevention matters. " * 8000
    return Plan.model_validate(
        {
            "team": {"name": "李华 and Siân's team", "members": [{"name": "Nguyễn Thị Hà"}, {"name": "محمد"}]},
            "challenge": {"statement": long},
            "hundred_day_plan": {
                "actions": [{"id": "A1", "title": "Ayşe: " + long[:500], "start_day": 1, "end_day": 100}]
            },
        }
    )


def test_awkward_plans_export_to_every_format(awkward: Plan, tmp_path: Path) -> None:
    html = plan_to_html(awkward)
    assert "李华 and Siân&#x27;s team" in html and "Not filled in yet." in html
    assert "Nguyễn Thị Hà" in plan_to_markdown(awkward)
    document = docx.Document(_write(tmp_path / "a.docx", plan_to_docx_bytes(awkward)))
    assert any("محمد" in cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert timeline_png(awkward).startswith(b"\x89PNG")


def test_a_day_one_plan_exports_without_a_timeline(tmp_path: Path) -> None:
    plan = Plan.model_validate({"team": {"name": "Just started"}})
    assert "svg" not in Page(plan_to_html(plan)).tags
    document = docx.Document(_write(tmp_path / "d.docx", plan_to_docx_bytes(plan)))
    assert len(document.inline_shapes) == 0
    assert "Not filled in yet." in plan_to_markdown(plan)


# --- The timeline -------------------------------------------------------------------------


def test_timeline_svg_is_well_formed_and_escaped(hostile_plan: Plan) -> None:
    svg = timeline_svg(hostile_plan, "t1")
    root = ET.fromstring(svg)  # well-formed XML even with markup in the titles
    namespace = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "t1-title t1-desc"
    groups = root.findall(f"{namespace}g")
    plan = hostile_plan.hundred_day_plan
    assert len(groups) == len(plan.actions) + len(plan.milestones)
    assert not root.findall(f".//{namespace}script")


def test_timeline_alt_text_describes_every_action_and_milestone(example: Plan) -> None:
    text = timeline_alt_text(example)
    assert text.startswith("Timeline of the 100-day plan: 12 actions over days 1 to 100.")
    for action in example.hundred_day_plan.actions:
        assert f"{action.id}, " in text
    assert "days 93 to 100, not started" in text
    assert "Milestones: day 30," in text and "day 100," in text


def test_timeline_png_is_an_image(example: Plan) -> None:
    data = timeline_png(example)
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


@pytest.mark.browser
def test_hostile_html_runs_nothing_in_a_browser(hostile_plan: Plan, tmp_path: Path) -> None:
    """The strongest check: open the page in headless Chromium and see that nothing ran."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip(f"needs Chromium at {CHROMIUM}")
    page_file = tmp_path / "plan.html"
    page_file.write_text(plan_to_html(hostile_plan), encoding="utf-8")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = patient(browser.new_page())
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(page_file.as_uri())
        live = page.evaluate("document.querySelectorAll('script, img, iframe').length")
        shown = page.inner_text("main")
        browser.close()
    assert dialogs == [] and live == 0
    assert SCRIPT in shown


def test_every_status_has_a_colour() -> None:
    from exercises.plan.model import ACTION_STATUSES
    from exercises.plan.timeline import STATUS_COLOURS

    assert tuple(STATUS_COLOURS) == ACTION_STATUSES
