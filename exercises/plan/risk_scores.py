"""Risk scores: likelihood × impact on a 3 × 3 grid, as the plan's documents and the cohort report show them."""

from __future__ import annotations

from exercises.plan.model import Plan, Risk

LEVEL_SCORES = {"low": 1, "medium": 2, "high": 3}
SCORE_NOTE = (
    "Score: likelihood × impact, each counted low 1, medium 2, high 3. "
    "6 or 9 is high, 3 or 4 medium, 1 or 2 low. Highest first."
)


def risk_score(risk: Risk) -> int | None:
    """Likelihood × impact (1 to 9), or None when either is not given."""
    if not risk.likelihood or not risk.impact:
        return None
    return LEVEL_SCORES[risk.likelihood] * LEVEL_SCORES[risk.impact]


def score_text(score: int | None) -> str:
    """A score as a rating word and number: "High (6)"; "Not scored" without one."""
    if score is None:
        return "Not scored"
    level = "High" if score >= 6 else "Medium" if score >= 3 else "Low"
    return f"{level} ({score})"


def risks_by_score(plan: Plan) -> list[Risk]:
    """Risks, highest score first (unscored last), otherwise in the plan's order."""
    return sorted(plan.risks, key=lambda risk: -(risk_score(risk) or 0))
