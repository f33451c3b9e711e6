"""A plan laid out as a document: headings, paragraphs, lists, tables and the timeline.

The Markdown, HTML and Word exports all render this one outline, so the three documents
say the same thing in the same order. Blocks hold the team's text as it is; each renderer
escapes it for its own format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from exercises.plan.model import Plan
from exercises.plan.timeline import ordered_actions

NOT_YET = "Not filled in yet."


@dataclass(frozen=True)
class Heading:
    level: int  # 1 is the document title
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""  # shown in bold before the text, such as "Why now"


@dataclass(frozen=True)
class Bullets:
    items: list[str]
    label: str = ""


@dataclass(frozen=True)
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)


@dataclass(frozen=True)
class Timeline:
    """Where the 100-day chart goes (each renderer draws it its own way)."""

    plan: Plan


Block = Heading | Paragraph | Bullets | Table | Timeline


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """A date as people write it, whatever the computer's language: 1 June 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _answers(pairs: list[tuple[str, str]]) -> list[Block]:
    """Labelled answers; the ones not written yet are left out, and if none is, say so."""
    blocks: list[Block] = [Paragraph(text, label) for label, text in pairs if text]
    return blocks or [Paragraph(NOT_YET)]


def _table_or_gap(table: Table) -> list[Block]:
    return [table] if table.rows else [Paragraph(NOT_YET)]


def title_blocks(plan: Plan) -> list[Block]:
    return [
        Heading(1, f"{plan.team.name}: challenge and 100-day plan"),
        Paragraph(plan.team.sponsor or "Not named yet.", "Sponsor"),
        Paragraph(plan.commitment.capitalize(), "Commitment"),
    ]


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


def action_rows(plan: Plan) -> list[list[str]]:
    return [
        [a.id, a.title, a.owner, f"{a.start_day} to {a.end_day}", ", ".join(a.depends_on), a.status]
        for a in ordered_actions(plan)
    ]


ACTION_HEADERS = ["Id", "Action", "Owner", "Days", "Depends on", "Status"]


def hundred_day_blocks(plan: Plan, level: int = 2) -> list[Block]:
    h = plan.hundred_day_plan
    blocks: list[Block] = [Heading(level, "The 100-day plan")]
    if h.start_date:
        blocks.append(Paragraph(long_date(h.start_date), "Day 1"))
    if not h.actions and not h.milestones:
        return [*blocks, Paragraph(NOT_YET)]
    blocks.append(Timeline(plan))
    blocks.extend(_table_or_gap(Table("Actions", ACTION_HEADERS, action_rows(plan))))
    milestones = Table(
        "Milestones",
        ["Day", "Milestone", "How we will know"],
        [[str(m.day), m.title, m.how_we_will_know] for m in sorted(h.milestones, key=lambda m: m.day)],
    )
    blocks += [Heading(level + 1, "Milestones"), *_table_or_gap(milestones)]
    return blocks


def risk_blocks(plan: Plan) -> list[Block]:
    rows = [[r.risk, r.likelihood or "", r.impact or "", r.mitigation, r.owner] for r in plan.risks]
    return [
        Heading(2, "Risks"),
        *_table_or_gap(Table("Risks", ["Risk", "Likelihood", "Impact", "Mitigation", "Owner"], rows)),
    ]


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
            rows.append([f"{action.id}: {action.title}", "not reviewed", "", ""])
        else:
            rows.append([f"{action.id}: {action.title}", review.rag, review.what_happened, review.next_step])
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
    blocks.extend(_table_or_gap(Table("Follow-up review of each action", FOLLOW_UP_HEADERS, follow_up_rows(plan))))
    return blocks


def notes_blocks(plan: Plan) -> list[Block]:
    return [Heading(2, "Notes"), Paragraph(plan.notes)] if plan.notes else []


SECTIONS: tuple[Callable[[Plan], list[Block]], ...] = (
    title_blocks,
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


def plan_document(plan: Plan) -> list[Block]:
    """The whole plan as an outline of blocks, in the order a panel reads it."""
    return [block for section in SECTIONS for block in section(plan)]


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
