"""Day 2, co-production, place-based working and using data: the numbers, keys and charts.

The Day 2 notebooks (``modules/day2-coproduction-place-and-data/``) call ``day2.NAME``;
the tests in ``tests/test_day2.py`` check them. The code lives in one module per page,
and this module gathers their names so that pages and other days can keep importing
from ``day2``:

- ``day2_collaboration``: page 1, why councils turn to citizens;
- ``day2_wigan_oldham``: page 2, Wigan and Oldham;
- ``day2_place``: place-based structures and pooled money;
- ``day2_ladder``: page 3, the ladder of co-production;
- ``day2_coproduction``: co-production in practice, consultation law and equality;
- ``day2_using_data``: page 4, cold and warm data and data sharing;
- ``day2_intelligence``: needs assessment, risk stratification and data quality;
- ``day2_deprivation``: the English Indices of Deprivation (real data);
- ``day2_data_law``: the law on data;
- ``day2_survey``: page 5, the Brackenford resident survey (synthetic);
- ``day2_challenge``: page 6, the challenge step.

Everything is plain Python: data in, numbers, tables or matplotlib Figures out. Nothing
imports ipywidgets. General statistics live in :mod:`exercises.lessons.stats`; citation
and fact helpers in :mod:`exercises.lessons.sources` (re-exported here for the pages).
"""

from __future__ import annotations

from exercises.lessons.day2_challenge import *  # noqa: F403
from exercises.lessons.day2_collaboration import *  # noqa: F403
from exercises.lessons.day2_ladder import *  # noqa: F403
from exercises.lessons.day2_survey import *  # noqa: F403
from exercises.lessons.day2_using_data import *  # noqa: F403
from exercises.lessons.day2_wigan_oldham import *  # noqa: F403
from exercises.lessons.sources import as_stated, cite, fact, fund, money, value  # noqa: F401
