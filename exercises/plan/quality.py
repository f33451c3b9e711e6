"""Warnings for a plan that is valid but weak: what a senior panel would ask about first.

A plan can pass every check in :mod:`exercises.plan.model` and still leave a panel asking
"who owns this?" or "what do you need from us?". These rules find those gaps. Each
warning names the field, in the same "100-day plan › action A3 › owner" form as the
validation messages, and says in plain English what to add.

``academy plan check`` prints them (and fails on them with ``--strict``); the cohort
report shows them as flags against each team. Pure functions, no screen, no files.
"""

from __future__ import annotations

from dataclasses import dataclass

from exercises.plan.messages import SEPARATOR
from exercises.plan.model import Plan

# Codes group warnings for the cohort report's flags; each has a short label for a table cell.
FLAG_LABELS: dict[str, str] = {
    "no-challenge": "no challenge statement",
    "no-outcome": "no outcomes",
    "no-indicator": "outcome without an indicator",
    "no-target": "indicator without a baseline or target",
    "no-action": "no actions",
    "no-owner": "action without an owner",
    "no-start-date": "no date for day 1",
    "dependency-order": "action ends before what it depends on",
    "no-milestone": "no milestones",
    "no-risk": "no risks",
    "risk-unscored": "risk not scored",
    "risk-no-mitigation": "risk without a mitigation or owner",
    "no-ask": "no asks of senior leaders",
    "no-sponsor": "no sponsor",
}


@dataclass(frozen=True)
class PlanWarning:
    """One weakness: a code (see :data:`FLAG_LABELS`), where it is, and what to do."""

    code: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def _at(*parts: str) -> str:
    return SEPARATOR.join(parts)


def plan_warnings(plan: Plan) -> list[PlanWarning]:
    """Every warning for ``plan``, in the order of the plan's sections."""
    return [
        *team_warnings(plan),
        *challenge_warnings(plan),
        *outcome_warnings(plan),
        *action_warnings(plan),
        *milestone_warnings(plan),
        *risk_warnings(plan),
        *ask_warnings(plan),
    ]


def team_warnings(plan: Plan) -> list[PlanWarning]:
    if plan.team.sponsor:
        return []
    return [
        PlanWarning(
            "no-sponsor",
            _at("Team", "sponsor"),
            "no sponsor is named. Name the senior leader who backs the challenge, and their job title.",
        )
    ]


def challenge_warnings(plan: Plan) -> list[PlanWarning]:
    if plan.challenge.statement:
        return []
    return [
        PlanWarning(
            "no-challenge",
            _at("Challenge", "challenge statement"),
            "is empty. Say in one or two sentences what the problem is, for whom and where.",
        )
    ]


def outcome_warnings(plan: Plan) -> list[PlanWarning]:
    if not plan.outcomes:
        return [
            PlanWarning(
                "no-outcome", "Outcomes", "there are none yet. Add the change in people's lives the plan aims for."
            )
        ]
    found: list[PlanWarning] = []
    for number, outcome in enumerate(plan.outcomes, start=1):
        where = _at("Outcomes", f"outcome {number}")
        if not outcome.indicators:
            found.append(
                PlanWarning("no-indicator", where, "has no indicator. Add how you will know the outcome is changing.")
            )
        for index, indicator in enumerate(outcome.indicators, start=1):
            missing = [
                name for name, value in (("baseline", indicator.baseline), ("target", indicator.target)) if not value
            ]
            if missing:
                found.append(
                    PlanWarning(
                        "no-target",
                        _at(where, f"indicator {index}", " and ".join(missing)),
                        f"{' and '.join(missing)} not given. Without both, no one can tell whether it worked.",
                    )
                )
    return found


def action_warnings(plan: Plan) -> list[PlanWarning]:
    h = plan.hundred_day_plan
    if not h.actions:
        return [
            PlanWarning(
                "no-action",
                _at("100-day plan", "actions"),
                "there are none yet. Add what will be done, by whom, and on which days.",
            )
        ]
    found: list[PlanWarning] = []
    if h.start_date is None:
        found.append(
            PlanWarning(
                "no-start-date",
                _at("100-day plan", "start date"),
                "not given, so the plan cannot show calendar dates. Give the date of day 1, such as 2027-01-04.",
            )
        )
    ends = {action.id: action.end_day for action in h.actions}
    for action in h.actions:
        where = _at("100-day plan", f"action {action.id}")
        if not action.owner:
            found.append(
                PlanWarning(
                    "no-owner", _at(where, "owner"), "no one owns this action. Name the person who makes it happen."
                )
            )
        for needed in action.depends_on:
            if needed in ends and ends[needed] > action.end_day:
                found.append(
                    PlanWarning(
                        "dependency-order",
                        _at(where, "end day"),
                        f"it ends on day {action.end_day}, but action {needed}, which must finish first, "
                        f"ends on day {ends[needed]}. End it later or end {needed} sooner.",
                    )
                )
    return found


def milestone_warnings(plan: Plan) -> list[PlanWarning]:
    if plan.hundred_day_plan.milestones:
        return []
    return [
        PlanWarning(
            "no-milestone",
            _at("100-day plan", "milestones"),
            "there are none. Add checkpoints at about day 30, 60 and 100, so progress can be seen.",
        )
    ]


def risk_warnings(plan: Plan) -> list[PlanWarning]:
    if not plan.risks:
        return [PlanWarning("no-risk", "Risks", "there are none yet. Add what could go wrong and what you will do.")]
    found: list[PlanWarning] = []
    for number, risk in enumerate(plan.risks, start=1):
        where = _at("Risks", f"risk {number}")
        unscored = [name for name, value in (("likelihood", risk.likelihood), ("impact", risk.impact)) if not value]
        if unscored:
            found.append(
                PlanWarning(
                    "risk-unscored",
                    _at(where, " and ".join(unscored)),
                    f"{' and '.join(unscored)} not given, so the risk has no score. Choose low, medium or high.",
                )
            )
        missing = [name for name, value in (("mitigation", risk.mitigation), ("owner", risk.owner)) if not value]
        if missing:
            found.append(
                PlanWarning(
                    "risk-no-mitigation",
                    _at(where, " and ".join(missing)),
                    f"{' and '.join(missing)} not given. Say what will be done about it, and who watches it.",
                )
            )
    return found


def ask_warnings(plan: Plan) -> list[PlanWarning]:
    if plan.asks:
        return []
    return [
        PlanWarning(
            "no-ask",
            "Asks of senior leaders",
            "there are none. Say what the team needs from senior leaders, of whom, and by when.",
        )
    ]


def flag_summary(warnings: list[PlanWarning]) -> list[str]:
    """Short flags for a table cell, one per kind of warning, with a count when there are several.

    For example ``["2 × action without an owner", "no milestones"]``.
    """
    counts: dict[str, int] = {}
    for warning in warnings:
        counts[warning.code] = counts.get(warning.code, 0) + 1
    return [f"{n} × {FLAG_LABELS[code]}" if n > 1 else FLAG_LABELS[code] for code, n in counts.items()]
