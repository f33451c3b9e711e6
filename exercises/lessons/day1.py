"""Day 1, commissioning for outcomes and systems thinking: the numbers, keys and charts.

The Day 1 notebooks (``modules/day1-outcomes-and-systems/``) call ``day1.NAME``; the
tests in ``tests/test_day1.py`` check them. The code lives in one module per page, and
this module gathers their names so that pages and other days can keep importing from
``day1``:

- ``day1_report_figures``: figures the report gives that no dataset holds;
- ``day1_commissioning``: page 1, what commissioning is;
- ``day1_maturity``: page 2, the maturity journey;
- ``day1_cycle``: the commissioning cycle in practice;
- ``day1_outcomes``: page 3, outcomes, not outputs;
- ``day1_theory_of_change``: theory of change, indicators and turning the curve;
- ``day1_complexity``: page 4, systems thinking (Cynefin, wicked problems, the shifts);
- ``day1_systems``: systems-thinking method (causal loops, iceberg, leverage, boundaries);
- ``day1_brackenford``: page 5, the running case (synthetic data).

Everything is plain Python: data in, numbers, tables or matplotlib Figures out. Nothing
imports ipywidgets. "PSTA 2019" is the Public Service Transformation Academy's report
*Public service: state of transformation*.
"""

from __future__ import annotations

from exercises.lessons.day1_brackenford import *  # noqa: F403
from exercises.lessons.day1_commissioning import *  # noqa: F403
from exercises.lessons.day1_complexity import *  # noqa: F403
from exercises.lessons.day1_maturity import *  # noqa: F403
from exercises.lessons.day1_outcomes import *  # noqa: F403
from exercises.lessons.day1_report_figures import *  # noqa: F403
