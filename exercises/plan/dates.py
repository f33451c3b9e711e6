"""Dates in a plan's documents: written as people write them, and days of the 100-day plan as dates."""

from __future__ import annotations

from datetime import date, timedelta

from exercises.plan.model import Plan

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


def short_date(day: date) -> str:
    """A date for a table cell: 1 Jun 2026 (GOV.UK style allows the short month in tables)."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def day_date(plan: Plan, day: int) -> date | None:
    """The calendar date of ``day`` of the 100-day plan (day 1 is the plan's start date), if set."""
    start = plan.hundred_day_plan.start_date
    return start + timedelta(days=day - 1) if start else None


def when(plan: Plan, day: int) -> str:
    """A day of the plan as a date for a table cell, or "Day 12" when the plan has no start date."""
    on = day_date(plan, day)
    return short_date(on) if on else f"Day {day}"
