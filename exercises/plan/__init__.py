"""Challenge projects and 100-day plans: the plan model, its file, exports and the cohort report.

Nothing in this package imports a screen library (ipywidgets); the forms in
``exercises.plan_forms`` and the ``academy`` command sit on top of it.

    from exercises.plan import load_plan, save_plan, PlanProblem
"""

from exercises.plan.model import SCHEMA_VERSION, Plan
from exercises.plan.store import PlanProblem, load_plan, parse_plan, plan_to_yaml, save_plan, update_plan

__all__ = [
    "SCHEMA_VERSION",
    "Plan",
    "PlanProblem",
    "load_plan",
    "parse_plan",
    "plan_to_yaml",
    "save_plan",
    "update_plan",
]
