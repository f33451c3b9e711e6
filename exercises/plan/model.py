"""The challenge-project plan: what a cohort team builds over the five days.

A team carries one real challenge through the course and leaves with a 100-day action
plan, which it presents to a senior panel and reviews at a 100-day follow-up (PSTA 2019,
case study *Somerset Academies*, seed lines 5700-5714 and 5833-5866). The sections follow
the Somerset programme's key questions for each day (seed lines 6125-6173).

Every section a team has not reached yet may be left empty, so a plan started on day 1
is valid. Only the team's name is required. Field titles and descriptions are written for
participants: they feed the JSON Schema (``plan.schema.json``) and the plain-English
messages in :mod:`exercises.plan.messages`.

This module never imports anything screen-related.
"""

from __future__ import annotations

import re
from datetime import date
from types import UnionType
from typing import Annotated, Any, ClassVar, Literal, Union, get_args, get_origin

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError, PydanticKnownError

SCHEMA_VERSION: Literal[1] = 1
FIRST_DAY = 1
LAST_DAY = 100
ACTION_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$"

# Invisible control characters (other than tab and new line) and lone surrogates: they
# arrive with pasted text, cannot be seen, and break Word and YAML files, so they are dropped.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _clean_text(value: Any) -> Any:
    """Accept numbers as text (``baseline: 412``) and tidy pasted text; leave other types to fail."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        return _INVISIBLE.sub("", value).strip()
    return value


def _lower_choice(value: Any) -> Any:
    """Let ``Done`` or ``GREEN`` mean ``done`` and ``green``."""
    return " ".join(value.lower().split()) if isinstance(value, str) else value


def _not_a_bool(value: Any) -> Any:
    """YAML reads ``yes`` as true; true is not a day number."""
    if isinstance(value, bool):
        raise PydanticKnownError("int_type")
    return value


def _empty_is_none(value: Any) -> Any:
    """A blank answer to an optional choice or date means "not given"."""
    return None if isinstance(value, str) and not value.strip() else value


Text = Annotated[str, BeforeValidator(_clean_text)]
# Constraints sit before the tidying validator: tidying runs first, and the schema shows them.
RequiredText = Annotated[str, Field(min_length=1), BeforeValidator(_clean_text)]
Day = Annotated[int, Field(ge=FIRST_DAY, le=LAST_DAY), BeforeValidator(_not_a_bool)]
ActionId = Annotated[str, Field(pattern=ACTION_ID_PATTERN), BeforeValidator(_clean_text)]
OptionalDate = Annotated[date | None, BeforeValidator(_empty_is_none)]

Level = Annotated[
    Literal["low", "medium", "high"] | None, BeforeValidator(_empty_is_none), BeforeValidator(_lower_choice)
]
Strength = Annotated[
    Literal["strong", "mixed", "weak", "none yet"] | None,
    BeforeValidator(_empty_is_none),
    BeforeValidator(_lower_choice),
]
StatusChoice = Literal["not started", "in progress", "done", "on hold", "dropped"]
RagChoice = Literal["red", "amber", "green"]
CommitmentChoice = Literal["already taking action", "planning to take action", "not yet decided"]
ActionStatus = Annotated[StatusChoice, BeforeValidator(_lower_choice)]
Rag = Annotated[RagChoice, BeforeValidator(_lower_choice)]
Commitment = Annotated[CommitmentChoice, BeforeValidator(_lower_choice)]

ACTION_STATUSES: tuple[str, ...] = get_args(StatusChoice)
RAG_RATINGS: tuple[str, ...] = get_args(RagChoice)
COMMITMENT_LEVELS: tuple[str, ...] = get_args(CommitmentChoice)


def unwrap(annotation: Any) -> tuple[Any, bool]:
    """A field's type without its ``Annotated`` and ``| None`` wrappers, and whether None is allowed."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, UnionType):
            options = [arg for arg in get_args(annotation) if arg is not type(None)]
            optional = optional or len(options) < len(get_args(annotation))
            if len(options) != 1:
                return annotation, optional
            annotation = options[0]
        else:
            return annotation, optional


def _text(title: str, description: str) -> Any:
    """An optional free-text answer (empty until the team writes it)."""
    return Field(default="", title=title, description=description)


def _items(title: str, description: str) -> Any:
    """An optional list (empty until the team adds items)."""
    return Field(default_factory=list, title=title, description=description)


class Part(BaseModel):
    """Base for every part of a plan: unknown fields are refused (they are usually typos).

    ``item_label`` names one item of a list in messages, such as "action A3"; it may use
    the item's own fields and ``{n}``, its position counting from 1. ``noun`` names the
    kind of item ("action"), for messages and the workbook's buttons.
    """

    model_config = ConfigDict(extra="forbid")
    item_label: ClassVar[str] = "item {n}"
    noun: ClassVar[str] = "item"


# --- Day 1: team, challenge, outcomes, the system, data -------------------------------


class Member(Part):
    item_label: ClassVar[str] = "member '{name}'"
    noun: ClassVar[str] = "member"
    name: RequiredText = Field(title="Name", description="The team member's name.")
    role: Text = _text("Role", "Their job, and their role in the team (for example lead, data, finance).")
    organisation: Text = _text("Organisation", "The organisation they work for.")


class Team(Part):
    name: RequiredText = Field(title="Team name", description="The name the team goes by in the cohort.")
    members: list[Member] = _items("Members", "Everyone in the team, with their role.")
    sponsor: Text = _text("Sponsor", "The senior leader who sponsors the challenge, and their job title.")


class Challenge(Part):
    statement: Text = _text("Challenge statement", "The problem in one or two sentences: what, for whom, where.")
    who_is_affected: Text = _text(
        "Who is affected", "The people who live with the problem, and how many (with the source)."
    )
    why_now: Text = _text("Why now", "Why this matters now: pressures, opportunities, deadlines.")
    where_we_are_now: Text = _text(
        "Where we are now and why", "What happens today, and the causes the team has found so far."
    )


class Indicator(Part):
    item_label: ClassVar[str] = "indicator {n}"
    noun: ClassVar[str] = "indicator"
    indicator: RequiredText = Field(title="Indicator", description="What you will count or measure to see the change.")
    baseline: Text = _text("Baseline", "The value now, with its date and source.")
    target: Text = _text("Target", "The value you aim for.")
    by_when: Text = _text("By when", "When you expect to reach the target.")
    source: Text = _text("Source", "Where the figures come from and how often they are published.")


class Outcome(Part):
    item_label: ClassVar[str] = "outcome {n}"
    noun: ClassVar[str] = "outcome"
    outcome: RequiredText = Field(
        title="Outcome", description="The change in people's lives that would show real improvement."
    )
    for_whom: Text = _text("For whom", "The people the outcome is for.")
    indicators: list[Indicator] = _items("Indicators", "How you will know the outcome is changing.")


class Stakeholder(Part):
    item_label: ClassVar[str] = "stakeholder '{name}'"
    noun: ClassVar[str] = "stakeholder"
    name: RequiredText = Field(title="Stakeholder", description="A person, group or organisation in the system.")
    role: Text = _text("Role in the system", "What they do, hold or decide that matters to the challenge.")
    influence: Level = Field(
        default=None, title="Influence", description="How much they can shape the outcome: low, medium or high."
    )


class Relationship(Part):
    item_label: ClassVar[str] = "relationship {n}"
    noun: ClassVar[str] = "relationship"
    who: RequiredText = Field(title="Who", description="One side of the relationship.")
    with_whom: RequiredText = Field(title="With whom", description="The other side of the relationship.")
    nature: Text = _text("Nature", "What passes between them: referrals, money, data, trust, conflict.")
    strength: Strength = Field(
        default=None,
        title="Strength",
        description="How strong the relationship is now: strong, mixed, weak or none yet.",
    )


class System(Part):
    description: Text = _text(
        "The system", "The parts of the system around the challenge, and where its boundary lies."
    )
    stakeholders: list[Stakeholder] = _items("Stakeholders", "Who is involved.")
    relationships: list[Relationship] = _items(
        "Relationships", "The relationships the work depends on, and which need building."
    )
    how_we_will_work_together: Text = _text(
        "How we will work together", "How the team and its partners will work together."
    )


class DataNeed(Part):
    item_label: ClassVar[str] = "data need {n}"
    noun: ClassVar[str] = "data need"
    data: RequiredText = Field(title="Data needed", description="The information the team needs.")
    why: Text = _text("Why", "The question it answers.")
    held_by: Text = _text("Held by", "Who holds it now.")
    barriers: Text = _text(
        "Barriers", "What stops the team getting or using it (sharing agreements, quality, consent)."
    )


# --- Day 2: co-production and place ---------------------------------------------------


class Partner(Part):
    item_label: ClassVar[str] = "partner '{name}'"
    noun: ClassVar[str] = "partner"
    name: RequiredText = Field(
        title="Partner", description="A community group, resident panel or organisation to co-produce with."
    )
    who_they_are: Text = _text("Who they are", "Who they represent or speak for.")
    how_involved: Text = _text(
        "How they will be involved", "How they will shape the work, not just be consulted on it."
    )


# --- Day 3: funding and value ---------------------------------------------------------


class Funding(Part):
    current_funding: Text = _text("Current funding", "What is spent on this area now, by whom (with the source).")
    doing_better_with_less: Text = _text(
        "Doing better with less", "How the same money could do more, or less money do as much."
    )
    new_funding_methods: Text = _text(
        "New funding methods",
        "New ways to fund the work: pooled budgets, outcomes-based payment, grants, social investment.",
    )
    value_case: Text = _text("Value case", "The economic and social value the project could create, and for whom.")


# --- Day 4: behaviours, providers and markets -----------------------------------------


class BehaviourChange(Part):
    item_label: ClassVar[str] = "behaviour change {n}"
    noun: ClassVar[str] = "behaviour change"
    who: RequiredText = Field(
        title="Whose behaviour", description="The people whose behaviour the plan aims to change."
    )
    from_now: Text = _text("What they do now", "The behaviour today.")
    to_future: Text = _text("What we want them to do", "The behaviour the plan aims for.")
    how: Text = _text("How", "The insight or prompt that could help: make it easy, attractive, social, timely.")


class BehavioursAndMarket(Part):
    behaviour_changes: list[BehaviourChange] = _items(
        "Behaviour changes", "The changes in behaviour the plan aims for."
    )
    provider_approach: Text = _text(
        "Working with providers", "New ways of working with providers to build local improvements."
    )
    market_changes: Text = _text("Market changes", "The changes in the market of providers the plan looks for.")


# --- Day 5: assets, the twelve-month picture and the 100-day plan ---------------------


class Asset(Part):
    item_label: ClassVar[str] = "asset '{name}'"
    noun: ClassVar[str] = "asset"
    name: RequiredText = Field(
        title="Asset", description="A strength to build on: people, groups, places, buildings, skills, money."
    )
    kind: Text = _text(
        "Kind of asset", "For example individuals, associations, institutions, physical, economic or cultural."
    )
    how_we_will_use_it: Text = _text("How we will build on it", "How the plan uses or strengthens this asset.")


class Action(Part):
    item_label: ClassVar[str] = "action {id}"
    noun: ClassVar[str] = "action"
    id: ActionId = Field(
        title="Action id", description="A short code for the action, such as A1, used by other actions' dependencies."
    )
    title: RequiredText = Field(title="Action", description="What will be done.")
    owner: Text = _text("Owner", "The person who makes sure it happens.")
    start_day: Day = Field(title="Start day", description="The day it starts, from 1 to 100.")
    end_day: Day = Field(title="End day", description="The day it ends, from 1 to 100, on or after the start day.")
    depends_on: list[ActionId] = _items("Depends on", "The ids of actions that must finish before this one can.")
    status: ActionStatus = Field(
        default="not started",
        title="Status",
        description="Not started, in progress, done, on hold or dropped.",
    )
    notes: Text = _text("Notes", "Anything else the owner needs to know.")

    @field_validator("end_day")
    @classmethod
    def _end_not_before_start(cls, end: int, info: ValidationInfo) -> int:
        start = info.data.get("start_day")
        if start is not None and end < start:
            raise PydanticCustomError(
                "end_before_start",
                "must be on or after the start day (the start day is {start}; the end day is {end})",
                {"start": start, "end": end},
            )
        return end


class Milestone(Part):
    item_label: ClassVar[str] = "milestone {n}"
    noun: ClassVar[str] = "milestone"
    day: Day = Field(
        title="Day", description="The day of the milestone, from 1 to 100 (aim for about day 30, 60 and 100)."
    )
    title: RequiredText = Field(title="Milestone", description="What will be true by then.")
    how_we_will_know: Text = _text("How we will know", "The evidence that the milestone is reached.")


class HundredDayPlan(Part):
    start_date: OptionalDate = Field(
        default=None, title="Start date", description="The date of day 1, written as YYYY-MM-DD."
    )
    actions: list[Action] = _items("Actions", "The actions for the next 100 days, each with an owner and its days.")
    milestones: list[Milestone] = _items("Milestones", "Checkpoints at about day 30, 60 and 100.")

    @model_validator(mode="after")
    def _actions_link_up(self) -> HundredDayPlan:
        problems = action_link_problems(self.actions)
        if problems:
            raise_link_problems(problems)
        return self


class Risk(Part):
    item_label: ClassVar[str] = "risk {n}"
    noun: ClassVar[str] = "risk"
    risk: RequiredText = Field(title="Risk", description="What could go wrong.")
    likelihood: Level = Field(default=None, title="Likelihood", description="Low, medium or high.")
    impact: Level = Field(default=None, title="Impact", description="Low, medium or high.")
    mitigation: Text = _text("Mitigation", "What the team will do to make it less likely or less harmful.")
    owner: Text = _text("Owner", "Who watches this risk.")


class Ask(Part):
    item_label: ClassVar[str] = "ask {n}"
    noun: ClassVar[str] = "ask"
    ask: RequiredText = Field(title="Ask", description="What the team needs from senior leaders.")
    of_whom: Text = _text("Of whom", "The leader or board being asked.")
    why: Text = _text("Why", "What it unblocks.")
    by_when: Text = _text("By when", "When the team needs it.")


# --- After day 5: peer challenge and the 100-day follow-up ----------------------------


class PeerFeedback(Part):
    item_label: ClassVar[str] = "feedback from '{reviewing_team}'"
    noun: ClassVar[str] = "round of feedback"
    reviewing_team: RequiredText = Field(
        title="Reviewing team", description="The team (or panel) that gave the feedback."
    )
    date: OptionalDate = Field(
        default=None, title="Date", description="When the feedback was given, written as YYYY-MM-DD."
    )
    questions: list[Text] = _items("Questions", "The questions they asked.")
    strengths: list[Text] = _items("Strengths", "What they thought was strong.")
    concerns: list[Text] = _items("Concerns", "What worried them.")


class ActionReview(Part):
    item_label: ClassVar[str] = "review of action {action}"
    noun: ClassVar[str] = "review"
    action: ActionId = Field(title="Action id", description="The id of the action being reviewed, such as A1.")
    rag: Rag = Field(title="Rating", description="Red, amber or green.")
    what_happened: Text = _text("What happened", "What was done, and what changed.")
    next_step: Text = _text("Next step", "What happens next, and who does it.")


class FollowUp(Part):
    review_date: OptionalDate = Field(
        default=None, title="Review date", description="The date of the 100-day follow-up, written as YYYY-MM-DD."
    )
    summary: Text = _text("Summary", "What the team learned in the 100 days, in a few sentences.")
    reviews: list[ActionReview] = _items(
        "Reviews", "One review for each action: red, amber or green, what happened, next step."
    )


# --- The whole plan --------------------------------------------------------------------


class Plan(Part):
    """A cohort team's challenge project and 100-day plan (one YAML file per team)."""

    model_config = ConfigDict(
        title="Challenge project and 100-day plan",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    schema_version: Literal[1] = Field(
        default=SCHEMA_VERSION, title="Schema version", description="The version of the plan format. Leave it as 1."
    )
    team: Team = Field(title="Team", description="The team, its members and its sponsor.")
    challenge: Challenge = Field(
        default_factory=Challenge, title="Challenge", description="The challenge the team is working on (day 1)."
    )
    outcomes: list[Outcome] = _items("Outcomes", "The outcomes that would show real change, with indicators (day 1).")
    system: System = Field(
        default_factory=System, title="The system", description="Who is involved and how they relate (day 1)."
    )
    data_needed: list[DataNeed] = _items(
        "Data needed", "The data the team needs, and what stands in the way (days 1 and 2)."
    )
    coproduction_partners: list[Partner] = _items(
        "Co-production partners", "Who the team will co-produce with (day 2)."
    )
    funding: Funding = Field(
        default_factory=Funding, title="Funding and value", description="Funding now, and the value case (day 3)."
    )
    behaviours_and_market: BehavioursAndMarket = Field(
        default_factory=BehavioursAndMarket,
        title="Behaviours, providers and market",
        description="The behaviour changes, provider approach and market changes the plan needs (day 4).",
    )
    assets: list[Asset] = _items("Assets", "The strengths the plan builds on (day 5).")
    twelve_month_picture: Text = _text(
        "Twelve-month picture", "What it will look like in twelve months if the plan works (day 5)."
    )
    hundred_day_plan: HundredDayPlan = Field(
        default_factory=HundredDayPlan,
        title="100-day plan",
        description="The actions and milestones for the next 100 days (day 5).",
    )
    risks: list[Risk] = _items("Risks", "What could go wrong, and what the team will do about it.")
    asks: list[Ask] = _items("Asks of senior leaders", "What the team needs from senior leaders to succeed (day 5).")
    commitment: Commitment = Field(
        default="not yet decided",
        title="Commitment",
        description=(
            "How committed the team is to act on the plan: "
            "already taking action, planning to take action, or not yet decided."
        ),
    )
    peer_challenge: list[PeerFeedback] = _items(
        "Peer challenge", "Feedback received from other teams or the senior panel."
    )
    follow_up: FollowUp = Field(
        default_factory=FollowUp, title="100-day follow-up", description="The review at the 100-day follow-up."
    )
    notes: Text = _text("Notes", "Anything else the team wants to keep with the plan.")

    @model_validator(mode="after")
    def _reviews_name_real_actions(self) -> Plan:
        known = {action.id for action in self.hundred_day_plan.actions}
        problems: list[tuple[tuple[str | int, ...], str]] = []
        seen: dict[str, int] = {}
        for index, review in enumerate(self.follow_up.reviews):
            where = ("follow_up", "reviews", index, "action")
            if review.action not in known:
                problems.append((where, f"there is no action '{review.action}' in the 100-day plan"))
            elif review.action in seen:
                problems.append(
                    (where, f"action {review.action} is already reviewed (review {seen[review.action] + 1})")
                )
            seen.setdefault(review.action, index)
        if problems:
            raise_link_problems(problems)
        return self

    # Convenience views used by the exports and the cohort report.
    def action_ids(self) -> list[str]:
        return [action.id for action in self.hundred_day_plan.actions]

    def review_for(self, action_id: str) -> ActionReview | None:
        return next((review for review in self.follow_up.reviews if review.action == action_id), None)


def action_link_problems(actions: list[Action]) -> list[tuple[tuple[str | int, ...], str]]:
    """Problems with action ids and dependencies: repeated ids, unknown ids, loops.

    Each problem is ``(location, message)`` with the location relative to the 100-day plan.
    """
    problems: list[tuple[tuple[str | int, ...], str]] = []
    first_index: dict[str, int] = {}
    repeated: set[str] = set()
    for index, action in enumerate(actions):
        if action.id in first_index:
            repeated.add(action.id)
            problems.append(
                (
                    ("actions", index, "id"),
                    f"the id '{action.id}' is also used by an earlier action (number {first_index[action.id] + 1} "
                    "in the list); each action needs its own id",
                )
            )
        first_index.setdefault(action.id, index)
    for index, action in enumerate(actions):
        for needed in action.depends_on:
            if needed == action.id and needed not in repeated:
                problems.append((("actions", index, "depends_on"), "an action cannot depend on itself"))
            elif needed not in first_index:
                problems.append((("actions", index, "depends_on"), f"there is no action '{needed}' in the plan"))
    for cycle in dependency_cycles(actions):
        where = ("actions", first_index[cycle[0]], "depends_on")
        loop = " → ".join([*cycle, cycle[0]])
        problems.append((where, f"these actions depend on each other in a loop: {loop}. Remove one of the links"))
    return problems


def dependency_cycles(actions: list[Action]) -> list[list[str]]:
    """Every loop in the actions' dependencies, each reported once (self-links are not loops here)."""
    needs = {action.id: [d for d in action.depends_on if d != action.id] for action in actions}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    cycles: list[list[str]] = []
    for root in needs:
        if state.get(root):
            continue
        path: list[str] = [root]
        stack = [iter(needs[root])]
        state[root] = 1
        while stack:
            child = next(stack[-1], None)
            if child is None:
                state[path.pop()] = 2
                stack.pop()
            elif child not in needs:
                continue
            elif state.get(child) == 1:
                cycles.append(path[path.index(child) :])
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append(iter(needs[child]))
    return cycles


def raise_link_problems(problems: list[tuple[tuple[str | int, ...], str]]) -> None:
    """Raise one validation error carrying several located problems.

    Pydantic allows one error per validator; the messages module unpacks ``problems`` so
    each is reported at its own place ("100-day plan › action A3 › depends on: ...").
    """
    summary = "; ".join(message for _, message in problems)
    raise PydanticCustomError("plan_links", "{summary}", {"summary": summary, "problems": problems})
