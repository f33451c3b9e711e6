"""A large team plan, built with the plan model, for tests of how the workbook copes with size.

A team that keeps its plan for a year can hold a hundred actions or more, long answers and
many saved versions; the forms must still draw and save (see tests/test_challenge_app.py).
"""

from __future__ import annotations

from pathlib import Path

from exercises.plan.model import Plan
from exercises.plan.store import plan_to_data, save_plan, validate_plan

LONG = (
    "The team met the hospital discharge leads and the falls service to agree who holds the list of people "
    "waiting for a home assessment, how often it is refreshed, and who checks that nobody is missed. "
)


def large_plan(team: str = "Team Kestrel", actions: int = 120, paragraphs: int = 6) -> Plan:
    """A valid plan with ``actions`` actions (each reviewed), and lists and answers of every kind, all long."""
    text = LONG * paragraphs
    data = {
        "team": {
            "name": team,
            "sponsor": "Director of adult social care",
            "members": [{"name": f"Member {n}", "role": "Lead", "organisation": "Council"} for n in range(1, 13)],
        },
        "challenge": {"statement": text, "who_is_affected": text, "why_now": text, "where_we_are_now": text},
        "outcomes": [
            {
                "outcome": f"Outcome {n}: fewer falls at home",
                "for_whom": text,
                "indicators": [{"indicator": f"Indicator {n}.{i}", "baseline": "412", "source": text} for i in (1, 2)],
            }
            for n in range(1, 16)
        ],
        "system": {
            "description": text,
            "stakeholders": [{"name": f"Stakeholder {n}", "role": text, "influence": "high"} for n in range(1, 21)],
            "how_we_will_work_together": text,
        },
        "data_needed": [{"data": f"Data {n}", "why": text, "barriers": text} for n in range(1, 16)],
        "funding": {"current_funding": text, "value_case": text},
        "assets": [{"name": f"Asset {n}", "how_we_will_use_it": text} for n in range(1, 21)],
        "twelve_month_picture": text,
        "hundred_day_plan": {
            "actions": [
                {
                    "id": f"A{n}",
                    "title": f"Action {n}: {LONG[:80]}",
                    "owner": "Falls lead",
                    "start_day": 1 + n % 50,
                    "end_day": 51 + n % 50,
                    "depends_on": [f"A{n - 1}"] if n > 1 else [],
                    "notes": text,
                }
                for n in range(1, actions + 1)
            ],
            "milestones": [{"day": day, "title": f"Checkpoint at day {day}"} for day in (30, 60, 100)],
        },
        "risks": [{"risk": f"Risk {n}", "likelihood": "medium", "mitigation": text} for n in range(1, 21)],
        "asks": [{"ask": f"Ask {n}", "why": text} for n in range(1, 11)],
        "follow_up": {
            "summary": text,
            "reviews": [{"action": f"A{n}", "rag": "green", "what_happened": text} for n in range(1, actions + 1)],
        },
        "notes": text,
    }
    return validate_plan(data, "the large test plan")


def write_large_plan(path: Path, versions: int = 30, actions: int = 120) -> Plan:
    """Save a large plan at ``path``, with ``versions`` versions in its history; the last one is returned."""
    plan = large_plan(actions=actions)
    data = plan_to_data(plan)
    for number in range(1, versions):
        save_plan(validate_plan({**data, "notes": f"Version {number}. {LONG}"}), path, by=f"version {number}")
    save_plan(plan, path, by="the large plan")
    return plan
