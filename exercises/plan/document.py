"""A plan laid out as a document: the outline of blocks every export renders, and its document control.

The Markdown, HTML and Word exports all render this one outline (a list of the blocks in
:mod:`exercises.plan.blocks`), so the three documents say the same thing in the same order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from exercises.plan.blocks import TONES, Block, Bullets, Facts, Heading, PageBreak, Paragraph, Table, Timeline, tone
from exercises.plan.dates import MONTHS, day_date, long_date, short_date, when
from exercises.plan.model import LAST_DAY, Milestone, Plan
from exercises.plan.risk_scores import LEVEL_SCORES, SCORE_NOTE, risk_score, risks_by_score, score_text
from exercises.plan.timeline import ordered_actions

# The blocks, dates and risk scores live in modules of their own; they are named here too,
# so that ``from exercises.plan.document import Table`` (and the like) keeps working.
__all__ = [
    "ACTION_HEADERS",
    "ACTION_TONES",
    "FOLLOW_UP_HEADERS",
    "LEVEL_SCORES",
    "MONTHS",
    "NOT_YET",
    "RISK_HEADERS",
    "SCORE_NOTE",
    "TONES",
    "Block",
    "Bullets",
    "DocumentControl",
    "Facts",
    "Heading",
    "PageBreak",
    "Paragraph",
    "Table",
    "Timeline",
    "action_rows",
    "action_table",
    "ask_blocks",
    "asset_blocks",
    "behaviour_blocks",
    "challenge_blocks",
    "coproduction_blocks",
    "count",
    "data_blocks",
    "day_date",
    "document_control",
    "document_title",
    "follow_up_blocks",
    "follow_up_rows",
    "funding_blocks",
    "hundred_day_blocks",
    "long_date",
    "milestone_table",
    "next_milestones",
    "notes_blocks",
    "outcome_blocks",
    "peer_challenge_blocks",
    "plan_document",
    "plan_summary",
    "rating_text",
    "risk_blocks",
    "risk_rows",
    "risk_score",
    "risks_by_score",
    "score_text",
    "short_date",
    "summary_blocks",
    "system_blocks",
    "team_blocks",
    "title_blocks",
    "tone",
    "twelve_month_blocks",
    "when",
    "without_repeated_captions",
]

NOT_YET = "Not filled in yet."


def _answers(pairs: list[tuple[str, str]]) -> list[Block]:
    """Labelled answers; the ones not written yet are left out, and if none is, say so."""
    blocks: list[Block] = [Paragraph(text, label) for label, text in pairs if text]
    return blocks or [Paragraph(NOT_YET)]


def _table_or_gap(table: Table) -> list[Block]:
    return [table] if table.rows else [Paragraph(NOT_YET)]


@dataclass(frozen=True)
class DocumentControl:
    """Which issue of the plan a document is: its version, date of issue and status.

    The caller decides these (the plan file does not hold them): the command line and the
    workbook use :func:`document_control`, which can later be fed from the plan's saved
    history. ``version`` is text so "1", "2" or "2.1" all work.
    """

    version: str
    issued: date
    status: str

    def describe(self) -> str:
        return f"Version {self.version}, issued {long_date(self.issued)}"


def document_control(
    plan: Plan, version: str | int = 1, issued: date | None = None, status: str | None = None
) -> DocumentControl:
    """Document control for an export: version 1 issued today unless told otherwise.

    The status follows the plan's stage when not given: a draft, presented to the panel
    (once peer challenge is recorded), or reviewed at the 100-day follow-up.
    """
    if status is None:
        if plan.follow_up.reviews:
            on = plan.follow_up.review_date
            status = "Reviewed at the 100-day follow-up" + (f" ({long_date(on)})" if on else "")
        elif plan.peer_challenge:
            status = "Presented for peer challenge"
        else:
            status = "Draft"
    return DocumentControl(str(version), issued or date.today(), status)


def document_title(plan: Plan) -> str:
    return f"{plan.team.name}: challenge and 100-day plan"


def title_blocks(plan: Plan, control: DocumentControl) -> list[Block]:
    h = plan.hundred_day_plan
    last = day_date(plan, LAST_DAY)
    pairs = [
        ("Team", plan.team.name),
        ("Sponsor", plan.team.sponsor or "Not named yet"),
        ("Version", control.version),
        ("Date of issue", long_date(control.issued)),
        ("Status", control.status),
        ("Commitment", plan.commitment.capitalize()),
        ("Day 1", long_date(h.start_date) if h.start_date else "No start date yet"),
        ("Day 100", long_date(last) if last else "No start date yet"),
    ]
    return [Heading(1, document_title(plan)), Facts("Document control", pairs)]


def summary_blocks(plan: Plan, control: DocumentControl) -> list[Block]:
    """The one-page summary a sponsor reads first: challenge, outcomes, asks, top risks, next milestones."""
    blocks: list[Block] = [Heading(2, "Summary"), Paragraph(plan.challenge.statement or NOT_YET, "Challenge")]
    outcome_rows: list[list[str]] = []
    for number, outcome in enumerate(plan.outcomes, start=1):
        name = f"{number}. {outcome.outcome}"
        for index, i in enumerate(outcome.indicators):
            outcome_rows.append([name if index == 0 else "", i.indicator, i.target, i.by_when])
        if not outcome.indicators:
            outcome_rows.append([name, "No indicator yet", "", ""])
    headers = ["Outcome", "Indicator", "Target", "By when"]
    blocks += _table_or_say(Table("Outcomes and targets", headers, outcome_rows), "Outcomes and targets: none yet.")
    ask_rows = [[a.ask, a.of_whom, a.why, a.by_when] for a in plan.asks]
    blocks += _table_or_say(
        Table("What we ask of senior leaders", ["Ask", "Of whom", "Why", "By when"], ask_rows),
        "What we ask of senior leaders: nothing yet.",
    )
    top = risks_by_score(plan)[:3]
    risk_rows_ = [[r.risk, score_text(risk_score(r)), r.mitigation] for r in top]
    caption = "Top risks" if len(plan.risks) > 3 else "Risks"
    blocks += _table_or_say(
        Table(caption, ["Risk", "Score", "Mitigation"], risk_rows_, tone_columns=(1,)), "Risks: none recorded yet."
    )
    milestones, caption = next_milestones(plan, control.issued)
    milestone_rows = [[when(plan, m.day), m.title] for m in milestones]
    blocks += _table_or_say(Table(caption, ["Date", "Milestone"], milestone_rows), "Milestones: none yet.")
    return [*blocks, PageBreak()]


def next_milestones(plan: Plan, today: date, limit: int = 3) -> tuple[list[Milestone], str]:
    """The next ``limit`` milestones after ``today`` (or the last ones, if all are past) and a caption."""
    ordered = sorted(plan.hundred_day_plan.milestones, key=lambda m: m.day)
    if not plan.hundred_day_plan.start_date:
        return ordered[:limit], "Milestones"
    coming = [m for m in ordered if (day_date(plan, m.day) or today) >= today]
    if coming:
        return coming[:limit], "Next milestones"
    return ordered[-limit:], "Milestones (all now past)"


def _table_or_say(table: Table, gap: str) -> list[Block]:
    return [table] if table.rows else [Paragraph(gap)]


def team_blocks(plan: Plan) -> list[Block]:
    members = Table(
        "Team members", ["Name", "Role", "Organisation"], [[m.name, m.role, m.organisation] for m in plan.team.members]
    )
    return [Heading(2, "Team"), *_table_or_gap(members)]


def challenge_blocks(plan: Plan) -> list[Block]:
    c = plan.challenge
    return [
        Heading(2, "The challenge"),
        *_answers(
            [
                ("Challenge statement", c.statement),
                ("Who is affected", c.who_is_affected),
                ("Why now", c.why_now),
                ("Where we are now and why", c.where_we_are_now),
            ]
        ),
    ]


def outcome_blocks(plan: Plan, level: int = 2) -> list[Block]:
    blocks: list[Block] = [Heading(level, "Outcomes")]
    if not plan.outcomes:
        return [*blocks, Paragraph(NOT_YET)]
    for number, outcome in enumerate(plan.outcomes, start=1):
        blocks.append(Heading(level + 1, f"Outcome {number}: {outcome.outcome}"))
        if outcome.for_whom:
            blocks.append(Paragraph(outcome.for_whom, "For whom"))
        rows = [[i.indicator, i.baseline, i.target, i.by_when, i.source] for i in outcome.indicators]
        blocks.extend(
            _table_or_gap(
                Table(
                    f"Indicators for outcome {number}", ["Indicator", "Baseline", "Target", "By when", "Source"], rows
                )
            )
        )
    return blocks


def system_blocks(plan: Plan) -> list[Block]:
    s = plan.system
    stakeholders = Table(
        "Stakeholders",
        ["Stakeholder", "Role in the system", "Influence"],
        [[x.name, x.role, x.influence or ""] for x in s.stakeholders],
    )
    relationships = Table(
        "Relationships",
        ["Who", "With whom", "Nature", "Strength"],
        [[r.who, r.with_whom, r.nature, r.strength or ""] for r in s.relationships],
    )
    blocks: list[Block] = [Heading(2, "The system")]
    if s.description:
        blocks.append(Paragraph(s.description))
    blocks += [t for t in (stakeholders, relationships) if t.rows]
    if s.how_we_will_work_together:
        blocks.append(Paragraph(s.how_we_will_work_together, "How we will work together"))
    return blocks if len(blocks) > 1 else [*blocks, Paragraph(NOT_YET)]


def data_blocks(plan: Plan) -> list[Block]:
    rows = [[d.data, d.why, d.held_by, d.barriers] for d in plan.data_needed]
    return [
        Heading(2, "Data needed"),
        *_table_or_gap(Table("Data needed", ["Data", "Why", "Held by", "Barriers"], rows)),
    ]


def coproduction_blocks(plan: Plan) -> list[Block]:
    rows = [[p.name, p.who_they_are, p.how_involved] for p in plan.coproduction_partners]
    table = Table("Co-production partners", ["Partner", "Who they are", "How they will be involved"], rows)
    return [Heading(2, "Co-production partners"), *_table_or_gap(table)]


def funding_blocks(plan: Plan) -> list[Block]:
    f = plan.funding
    return [
        Heading(2, "Funding and value"),
        *_answers(
            [
                ("Current funding", f.current_funding),
                ("Doing better with less", f.doing_better_with_less),
                ("New funding methods", f.new_funding_methods),
                ("Value case", f.value_case),
            ]
        ),
    ]


def behaviour_blocks(plan: Plan) -> list[Block]:
    b = plan.behaviours_and_market
    rows = [[c.who, c.from_now, c.to_future, c.how] for c in b.behaviour_changes]
    table = Table("Behaviour changes", ["Whose behaviour", "What they do now", "What we want them to do", "How"], rows)
    blocks: list[Block] = [Heading(2, "Behaviours, providers and market")]
    if rows:
        blocks.append(table)
    blocks += [
        Paragraph(text, label)
        for label, text in (("Working with providers", b.provider_approach), ("Market changes", b.market_changes))
        if text
    ]
    return blocks if len(blocks) > 1 else [*blocks, Paragraph(NOT_YET)]


def asset_blocks(plan: Plan) -> list[Block]:
    rows = [[a.name, a.kind, a.how_we_will_use_it] for a in plan.assets]
    return [Heading(2, "Assets"), *_table_or_gap(Table("Assets", ["Asset", "Kind", "How we will build on it"], rows))]


def twelve_month_blocks(plan: Plan) -> list[Block]:
    return [Heading(2, "The twelve-month picture"), Paragraph(plan.twelve_month_picture or NOT_YET)]


def rating_text(plan: Plan, action_id: str) -> str:
    """The action's red, amber or green rating at the follow-up, as a word."""
    review = plan.review_for(action_id)
    return review.rag.capitalize() if review else "Not rated yet"


def action_rows(plan: Plan) -> list[list[str]]:
    """One row per action, in timeline order: id, action (and what it waits for), owner, dates, status, rating."""
    rows = []
    for a in ordered_actions(plan):
        title = f"{a.title}\nAfter {', '.join(a.depends_on)}" if a.depends_on else a.title
        rows.append(
            [
                a.id,
                title,
                a.owner or "No owner yet",
                when(plan, a.start_day),
                when(plan, a.end_day),
                a.status.capitalize(),
                rating_text(plan, a.id),
            ]
        )
    return rows


ACTION_HEADERS = ["Id", "Action", "Owner", "Start", "Due", "Status", "Rating"]
ACTION_TONES = (6,)


def action_table(plan: Plan, caption: str = "Actions") -> Table:
    return Table(caption, ACTION_HEADERS, action_rows(plan), tone_columns=ACTION_TONES)


def milestone_table(plan: Plan, milestones: list[Milestone] | None = None, caption: str = "Milestones") -> Table:
    chosen = sorted(plan.hundred_day_plan.milestones if milestones is None else milestones, key=lambda m: m.day)
    if plan.hundred_day_plan.start_date:
        rows = [[when(plan, m.day), str(m.day), m.title, m.how_we_will_know] for m in chosen]
        return Table(caption, ["Date", "Day", "Milestone", "How we will know"], rows)
    return Table(
        caption, ["Day", "Milestone", "How we will know"], [[str(m.day), m.title, m.how_we_will_know] for m in chosen]
    )


def hundred_day_blocks(plan: Plan, level: int = 2) -> list[Block]:
    h = plan.hundred_day_plan
    blocks: list[Block] = [Heading(level, "The 100-day plan")]
    if h.start_date:
        last = day_date(plan, LAST_DAY)
        assert last is not None
        blocks.append(Paragraph(f"{long_date(h.start_date)} to {long_date(last)}", "Day 1 to day 100"))
    if not h.actions and not h.milestones:
        return [*blocks, Paragraph(NOT_YET)]
    blocks.append(Timeline(plan))
    blocks += [Heading(level + 1, "Actions"), *_table_or_gap(action_table(plan))]
    blocks += [Heading(level + 1, "Milestones"), *_table_or_gap(milestone_table(plan))]
    return blocks


RISK_HEADERS = ["Risk", "Likelihood", "Impact", "Score", "Mitigation", "Owner"]


def risk_rows(plan: Plan) -> list[list[str]]:
    return [
        [
            r.risk,
            (r.likelihood or "not given").capitalize(),
            (r.impact or "not given").capitalize(),
            score_text(risk_score(r)),
            r.mitigation,
            r.owner,
        ]
        for r in risks_by_score(plan)
    ]


def risk_blocks(plan: Plan) -> list[Block]:
    table = Table("Risk register", RISK_HEADERS, risk_rows(plan), tone_columns=(3,))
    if not table.rows:
        return [Heading(2, "Risk register"), Paragraph(NOT_YET)]
    return [Heading(2, "Risk register"), Paragraph(SCORE_NOTE), table]


def ask_blocks(plan: Plan, level: int = 2) -> list[Block]:
    rows = [[a.ask, a.of_whom, a.why, a.by_when] for a in plan.asks]
    return [
        Heading(level, "Asks of senior leaders"),
        *_table_or_gap(Table("Asks of senior leaders", ["Ask", "Of whom", "Why", "By when"], rows)),
    ]


def peer_challenge_blocks(plan: Plan) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Peer challenge")]
    if not plan.peer_challenge:
        return [*blocks, Paragraph("No feedback recorded yet.")]
    for feedback in plan.peer_challenge:
        when = f", {long_date(feedback.date)}" if feedback.date else ""
        blocks.append(Heading(3, f"Feedback from {feedback.reviewing_team}{when}"))
        for label, items in (
            ("Strengths", feedback.strengths),
            ("Questions", feedback.questions),
            ("Concerns", feedback.concerns),
        ):
            if items:
                blocks.append(Bullets(list(items), label))
    return blocks


def follow_up_rows(plan: Plan) -> list[list[str]]:
    """One row per action: its rating at the follow-up (or "not reviewed"), what happened, next step."""
    rows = []
    for action in ordered_actions(plan):
        review = plan.review_for(action.id)
        if review is None:
            rows.append([f"{action.id}: {action.title}", "Not reviewed", "", ""])
        else:
            rows.append(
                [f"{action.id}: {action.title}", review.rag.capitalize(), review.what_happened, review.next_step]
            )
    return rows


FOLLOW_UP_HEADERS = ["Action", "Rating", "What happened", "Next step"]


def follow_up_blocks(plan: Plan, level: int = 2) -> list[Block]:
    f = plan.follow_up
    blocks: list[Block] = [Heading(level, "100-day follow-up")]
    if not f.reviews and not f.summary and not f.review_date:
        return [*blocks, Paragraph("The follow-up review has not happened yet.")]
    if f.review_date:
        blocks.append(Paragraph(long_date(f.review_date), "Review date"))
    if f.summary:
        blocks.append(Paragraph(f.summary, "Summary"))
    blocks.extend(
        _table_or_gap(
            Table("Follow-up review of each action", FOLLOW_UP_HEADERS, follow_up_rows(plan), tone_columns=(1,))
        )
    )
    return blocks


def notes_blocks(plan: Plan) -> list[Block]:
    return [Heading(2, "Notes"), Paragraph(plan.notes)] if plan.notes else []


SECTIONS: tuple[Callable[[Plan], list[Block]], ...] = (
    team_blocks,
    challenge_blocks,
    outcome_blocks,
    system_blocks,
    data_blocks,
    coproduction_blocks,
    funding_blocks,
    behaviour_blocks,
    asset_blocks,
    twelve_month_blocks,
    hundred_day_blocks,
    risk_blocks,
    ask_blocks,
    peer_challenge_blocks,
    follow_up_blocks,
    notes_blocks,
)


def plan_document(plan: Plan, control: DocumentControl | None = None) -> list[Block]:
    """The whole plan as an outline of blocks, in the order a panel reads it.

    Document control and a one-page summary come first; then every section in full.
    A table's caption is hidden (kept for screen readers) when it repeats the heading above it.
    """
    control = control or document_control(plan)
    blocks = [*title_blocks(plan, control), *summary_blocks(plan, control)]
    blocks += [block for section in SECTIONS for block in section(plan)]
    return without_repeated_captions(blocks)


def without_repeated_captions(blocks: list[Block]) -> list[Block]:
    """Hide a table's caption when it says the same as the heading it sits under."""
    out: list[Block] = []
    heading = ""
    for block in blocks:
        if isinstance(block, Heading):
            heading = block.text
        elif isinstance(block, Table) and heading.casefold() == block.caption.casefold():
            block = replace(block, show_caption=False)
        out.append(block)
    return out


def plan_summary(plan: Plan) -> str:
    """One line about a plan: team, outcomes, actions, milestones, commitment, follow-up."""
    h = plan.hundred_day_plan
    reviews = plan.follow_up.reviews
    follow_up = (
        f"{len(reviews)} of {len(h.actions)} actions reviewed at the follow-up"
        if reviews
        else "no follow-up review yet"
    )
    return (
        f"Team: {plan.team.name}; {count(len(plan.outcomes), 'outcome')}, {count(len(h.actions), 'action')}, "
        f"{count(len(h.milestones), 'milestone')}; commitment: {plan.commitment}; {follow_up}."
    )


def count(number: int, noun: str) -> str:
    """ "1 action", "3 actions"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
