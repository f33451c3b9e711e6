"""The cohort report's pages as HTML: the index (summary table, warnings, problems) and team pages.

Every string a team wrote (and every file name) passes through :func:`html.escape`. The
index carries one small inline script that sorts and filters the summary table; the
page's Content-Security-Policy allows that script alone (by its SHA-256 hash), so nothing
a team types can ever run. Without the script the table is still complete and readable.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterator
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote

from exercises.plan.blocks import Table
from exercises.plan.dates import long_date
from exercises.plan.document import FOLLOW_UP_HEADERS, RISK_HEADERS, action_table, count, follow_up_rows, risk_rows
from exercises.plan.export_html import page_end, page_start, paragraphs, table_html
from exercises.plan.model import COMMITMENT_LEVELS, RAG_RATINGS, Plan
from exercises.plan.quality import PlanWarning
from exercises.plan.risk_scores import SCORE_NOTE
from exercises.plan.timeline import timeline_svg

if TYPE_CHECKING:
    from exercises.plan.report import Cohort, InvalidFile, TeamEntry

ASKS_INLINE = 200  # more asks than this are left to the team pages, so the index stays small
FIRST_VIEW = 100  # rows shown when the index opens (the teams most in need of help); the rest on request

# Sorts the summary table by a column (click its heading) and filters its rows (a search
# box and a choice of which teams to show). No team text is ever inside the script.
SCRIPT = """
(function () {
  var table = document.getElementById("teams");
  if (!table) { return; }
  var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
  var box = document.getElementById("filter-text"), only = document.getElementById("filter-only");
  var shown = document.getElementById("shown"), more = document.getElementById("show-all");
  var limit = parseInt(table.getAttribute("data-first-view"), 10) || rows.length, all = false;
  function text(row) {
    if (row.searchText === undefined) { row.searchText = row.textContent.toLowerCase(); }
    return row.searchText;
  }
  function say(n, matching) {
    shown.textContent = n + " of " + rows.length + " teams shown" + (n < matching ? " (" + matching + " match)" : "");
    more.hidden = all || n >= matching;
  }
  function apply() {
    var query = box.value.toLowerCase().trim(), flag = only.value, n = 0, matching = 0;
    rows.forEach(function (row) {
      var match = (!flag || row.getAttribute("data-" + flag) === "1") && (!query || text(row).indexOf(query) >= 0);
      if (match) { matching += 1; }
      var show = match && (all || matching <= limit);
      if (row.hidden === show) { row.hidden = !show; }
      if (show) { n += 1; }
    });
    say(n, matching);
  }
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (head, column) {
    var button = head.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var up = head.getAttribute("aria-sort") !== "ascending", number = head.getAttribute("data-type") === "number";
      Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
      head.setAttribute("aria-sort", up ? "ascending" : "descending");
      var keyed = rows.map(function (row, place) {
        var cell = row.cells[column], value = cell.getAttribute("data-value") || cell.textContent;
        return [number ? parseFloat(value) || 0 : value.toLowerCase(), place, row];
      });
      keyed.sort(function (a, b) {
        var order = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
        return (up ? order : -order) || a[1] - b[1];
      });
      rows = keyed.map(function (item) { return item[2]; });
      var fragment = document.createDocumentFragment();
      rows.forEach(function (row) { fragment.appendChild(row); });
      body.appendChild(fragment);
      apply();
    });
  });
  box.addEventListener("input", apply);
  only.addEventListener("change", apply);
  more.addEventListener("click", function () { all = true; apply(); });
  document.getElementById("controls").hidden = false;
  var first = Math.min(limit, rows.length);
  say(first, rows.length);
  document.body.setAttribute("data-ready", "1");
})();
""".strip()
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")

EXTRA_STYLE = """
<style>
main { max-width: 110rem; } #teams { font-size: 0.9rem; }
th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; color: #1d70b8; text-decoration: underline; }
th[aria-sort=ascending] button::after { content: " ▲"; } th[aria-sort=descending] button::after { content: " ▼"; }
#controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: 0 0 0.75rem; }
#controls label { display: block; font-weight: bold; }
#controls input, #controls select { font: inherit; padding: 0.3rem; border: 2px solid #0b0c0c; }
.flags { margin: 0; padding-left: 1.1rem; } .warning { border-left: 5px solid #d4351c; padding: 0.5rem 1rem; background: #fef7f7; }
td.num, th.num { text-align: right; }
</style>
""".strip()

SUMMARY_COLUMNS: list[tuple[str, str]] = [
    ("Team", "text"),
    ("Flags", "number"),
    ("Overdue actions", "number"),
    ("Follow-up ratings", "number"),
    ("High risks", "number"),
    ("Peer challenge", "number"),
    ("Actions (done)", "number"),
    ("Commitment", "text"),
    ("Challenge", "text"),
    ("File", "text"),
]
FILTERS = [
    ("", "All teams"),
    ("flagged", "Teams with flags"),
    ("overdue", "Teams with overdue actions"),
    ("red", "Teams with a red rating"),
    ("duplicate", "Files for the same team"),
]


def rag_text(rag: Counter[str]) -> str:
    return ", ".join(f"{rag[colour]} {colour}" for colour in RAG_RATINGS if rag[colour]) or "none"


def href(path: str) -> str:
    """A relative link, with spaces and other characters in folder names made safe."""
    return escape(quote(path, safe="/"), quote=True)


# --- The index -----------------------------------------------------------------------------


def index_page(cohort: Cohort, title: str) -> Iterator[str]:
    """The index page, piece by piece."""
    teams, invalid = cohort.teams, cohort.invalid
    start = page_start(title, script_hash=SCRIPT_HASH)
    yield start.replace("</head>", EXTRA_STYLE + "\n</head>", 1)
    yield f"<h1>{escape(title)}</h1>"
    yield paragraphs(
        f"{long_date(cohort.made_on)}, from the plans in the folder {cohort.folder.name or cohort.folder}. "
        "File names below are relative to that folder.",
        "Made on",
    )
    commitments = Counter(team.commitment for team in teams)
    rag = sum((team.rag for team in teams), Counter())
    flagged = sum(bool(team.flags) for team in teams)
    overdue = sum(bool(team.overdue) for team in teams)
    yield (
        "<ul>"
        f"<li>{count(len(teams), 'valid plan')}; {flagged} with flags, {overdue} with overdue actions</li>"
        f"<li>{count(len(invalid), 'file')} that could not be read as a plan"
        + (' (see <a href="#problems">files with problems</a>)' if invalid else "")
        + "</li>"
        + (
            f'<li><a href="#duplicates">{count(len(cohort.duplicates), "team")} with more than one file</a></li>'
            if cohort.duplicates
            else ""
        )
        + f"<li>Commitment: {escape(', '.join(f'{commitments[level]} {level}' for level in COMMITMENT_LEVELS))}</li>"
        f"<li>Actions reviewed at the follow-up: {escape(rag_text(rag))}</li>"
        "</ul>"
    )
    if cohort.duplicates:
        yield from _duplicates(cohort.duplicates)
    yield "<h2>Every team</h2>"
    yield (
        "<p>Teams most in need of help come first: flags (the gaps a panel would ask about first, from "
        "<code>academy plan check</code>), then red ratings, then overdue actions"
        + (
            f'; the first {FIRST_VIEW} that match are shown, and "Show every team" shows the rest'
            if len(teams) > FIRST_VIEW
            else ""
        )
        + ". Sort by a column by choosing its heading; open a team for its whole plan.</p>"
    )
    yield _controls()
    yield _summary_table(teams)
    asks = [ask for team in teams for ask in team.asks]
    yield "<h2>Asks of senior leaders</h2>"
    if not asks:
        yield "<p>No team has asked anything yet.</p>"
    elif len(asks) <= ASKS_INLINE:
        yield table_html(
            Table("What teams need from senior leaders", ["Team", "Ask", "Of whom", "Why", "By when"], asks)
        )
    else:
        yield f"<p>{count(len(asks), 'ask')} in all: each team's asks are on its page.</p>"
    yield '<h2 id="problems">Files with problems</h2>'
    if invalid:
        yield from _problem_table(invalid)
    else:
        yield "<p>None: every file was a valid plan.</p>"
    yield page_end().replace("</body>", f"<script>{SCRIPT}</script>\n</body>", 1)


def _duplicates(groups: list[list[str]]) -> Iterator[str]:
    yield '<h2 id="duplicates">Teams with more than one file</h2>'
    yield (
        '<div class="warning"><p>These files seem to describe the same team (the same team name, or two plans '
        "in one team's folder). A stray copy, such as <code>plan (1).yaml</code>, is the usual cause. "
        "Keep the right one and move the other out of the folder; until then the team appears more than once.</p><ul>"
        + "".join("<li>" + " and ".join(f"<code>{escape(f)}</code>" for f in group) + "</li>" for group in groups)
        + "</ul></div>"
    )


def _controls() -> str:
    options = "".join(f'<option value="{value}">{escape(text)}</option>' for value, text in FILTERS)
    return (
        '<div id="controls" hidden><div><label for="filter-text">Find a team, file or flag</label>'
        '<input id="filter-text" type="search" autocomplete="off"></div>'
        f'<div><label for="filter-only">Show</label><select id="filter-only">{options}</select></div>'
        '<p id="shown" role="status" aria-live="polite"></p>'
        '<button type="button" id="show-all" hidden>Show every team</button></div>'
    )


def _summary_table(teams: list[TeamEntry]) -> str:
    head = "".join(
        f'<th scope="col" data-type="{kind}"{" class=num" if kind == "number" and name != "Flags" else ""}>'
        f'<button type="button">{escape(name)}</button></th>'
        for name, kind in SUMMARY_COLUMNS
    )
    ordered = sorted(teams, key=need, reverse=True)  # stable: equal need keeps the folder's order
    rows = "".join(_summary_row(team, place >= FIRST_VIEW) for place, team in enumerate(ordered)) or (
        f'<tr><td colspan="{len(SUMMARY_COLUMNS)}">No valid plans were found.</td></tr>'
    )
    # Without the script, every row shows (the style in <noscript> undoes "hidden").
    return (
        "<noscript><style>#teams tr[hidden] { display: table-row; }</style></noscript>"
        f'<table id="teams" data-first-view="{FIRST_VIEW}">'
        "<caption>Every team's plan: flags, progress and ratings</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def need(team: TeamEntry) -> tuple[int, int, int]:
    """How much a team seems to need help: its warnings and duplicate files, red ratings, overdue actions."""
    return (team.warnings + 3 * bool(team.duplicates), team.rag["red"], team.overdue)


def _summary_row(team: TeamEntry, later: bool = False) -> str:
    flags = list(team.flags)
    if team.duplicates:
        flags.insert(0, "also in " + ", ".join(team.duplicates))
    data = {
        "flagged": bool(flags),
        "overdue": bool(team.overdue),
        "red": bool(team.rag["red"]),
        "duplicate": bool(team.duplicates),
    }
    attributes = "".join(f' data-{name}="1"' for name, on in data.items() if on)
    flag_cell = (
        '<ul class="flags">' + "".join(f"<li>{escape(flag)}</li>" for flag in flags) + "</ul>" if flags else "None"
    )
    ratings = rag_text(team.rag) if team.rag else "not yet"
    peer = f"{count(team.peer_rounds, 'round')}, {count(team.concerns, 'concern')}" if team.peer_rounds else "none yet"
    cells = [
        f'<td><a href="{href(team.page)}">{escape(team.name)}</a></td>',
        f'<td data-value="{team.warnings + len(team.duplicates)}">{flag_cell}</td>',
        f'<td class="num">{team.overdue}</td>',
        f'<td data-value="{team.rag["red"] * 1000 + team.rag["amber"]}">{escape(ratings)}</td>',
        f'<td class="num">{team.high_risks}</td>',
        f'<td data-value="{team.concerns}">{escape(peer)}</td>',
        f'<td class="num" data-value="{team.actions}">{team.actions} ({team.done})</td>',
        f"<td>{escape(team.commitment)}</td>",
        f"<td>{escape(team.challenge or 'Not written yet')}</td>",
        f"<td>{escape(team.file)}</td>",
    ]
    hidden = " hidden" if later else ""
    return f"<tr{attributes}{hidden}>{''.join(cells)}</tr>"


def _problem_table(invalid: list[InvalidFile]) -> Iterator[str]:
    yield "<p>These files are not valid plans, so they are not in the report above. Fix them and run the report again.</p>"
    rows = "".join(
        f'<tr class="problem"><td>{escape(item.file)}</td><td><ul>'
        + "".join(f"<li>{escape(message)}</li>" for message in item.messages)
        + "</ul></td></tr>"
        for item in invalid
    )
    yield (
        "<table><caption>Files that could not be read as plans</caption>"
        f'<thead><tr><th scope="col">File</th><th scope="col">Problems</th></tr></thead><tbody>{rows}</tbody></table>'
    )


# --- A team's page -------------------------------------------------------------------------


def team_page(plan: Plan, file: str, warnings: list[PlanWarning], index_href: str, title: str) -> str:
    """One team's page: everything a programme lead needs to help them, and a way back."""
    name = plan.team.name
    parts = [
        page_start(f"{name}: {title}"),
        f'<p><a href="{href(index_href)}">Back to the cohort report</a></p>',
        f"<h1>{escape(name)}</h1>",
        paragraphs(file, "File"),
        paragraphs(plan.challenge.statement or "Not written yet.", "Challenge"),
        paragraphs(plan.team.sponsor or "Not named yet.", "Sponsor"),
        paragraphs(plan.commitment.capitalize(), "Commitment"),
        "<h2>Flags</h2>",
    ]
    if warnings:
        parts.append(
            "<p>The plan is valid, but a panel would ask about these:</p><ul>"
            + "".join(f"<li>{escape(str(warning))}</li>" for warning in warnings)
            + "</ul>"
        )
    else:
        parts.append("<p>None: the plan has owners, milestones, risks and asks.</p>")
    parts.append("<h2>Outcomes</h2>")
    outcome_rows = []
    for outcome in plan.outcomes:
        outcome_rows += [[outcome.outcome, i.indicator, i.baseline, i.target, i.by_when] for i in outcome.indicators]
        if not outcome.indicators:
            outcome_rows.append([outcome.outcome, "", "", "", ""])
    headers = ["Outcome", "Indicator", "Baseline", "Target", "By when"]
    parts.append(
        table_html(Table("Outcomes", headers, outcome_rows, show_caption=False))
        if outcome_rows
        else "<p>No outcomes yet.</p>"
    )
    parts.append("<h2>100-day plan</h2>")
    if plan.hundred_day_plan.actions or plan.hundred_day_plan.milestones:
        parts.append(f"<figure>{timeline_svg(plan, 'timeline')}</figure>")
        parts.append(table_html(action_table(plan)))
    else:
        parts.append("<p>No actions yet.</p>")
    parts.append("<h2>Risk register</h2>")
    if plan.risks:
        parts.append(paragraphs(SCORE_NOTE))
        parts.append(table_html(Table("Risk register", RISK_HEADERS, risk_rows(plan), False, (3,))))
    else:
        parts.append("<p>No risks recorded yet.</p>")
    parts.append("<h2>Asks of senior leaders</h2>")
    asks = [[a.ask, a.of_whom, a.why, a.by_when] for a in plan.asks]
    parts.append(
        table_html(Table("Asks of senior leaders", ["Ask", "Of whom", "Why", "By when"], asks, False))
        if asks
        else "<p>No asks yet.</p>"
    )
    parts.append("<h2>Peer challenge</h2>")
    parts.extend(_peer_challenge(plan))
    parts.append("<h2>Status at the 100-day follow-up</h2>")
    follow_up = plan.follow_up
    if follow_up.reviews or follow_up.summary:
        if follow_up.review_date:
            parts.append(paragraphs(long_date(follow_up.review_date), "Review date"))
        if follow_up.summary:
            parts.append(paragraphs(follow_up.summary, "Summary"))
        parts.append(
            table_html(Table("Follow-up review of each action", FOLLOW_UP_HEADERS, follow_up_rows(plan), True, (1,)))
        )
    else:
        parts.append("<p>The follow-up review has not happened yet.</p>")
    parts.append(page_end())
    return "\n".join(parts)


def _peer_challenge(plan: Plan) -> list[str]:
    if not plan.peer_challenge:
        return ["<p>No feedback recorded yet.</p>"]
    parts = []
    for feedback in plan.peer_challenge:
        when = f", {long_date(feedback.date)}" if feedback.date else ""
        parts.append(f"<h3>Feedback from {escape(feedback.reviewing_team)}{escape(when)}</h3>")
        for label, items in (
            ("Strengths", feedback.strengths),
            ("Questions", feedback.questions),
            ("Concerns", feedback.concerns),
        ):
            if items:
                parts.append(
                    f"<p><strong>{label}:</strong></p><ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"
                )
    return parts
