"""Exercise widgets for course notebooks: one call shows one exercise.

::

    from exercises.widgets import choice, number, classify, scale, reflect, calculator, Input

Every function takes the same first two arguments and a few keywords:

- ``exercise_id`` (first, positional): a short, stable key such as ``"d1-outcomes-or-outputs"``.
  It is where the participant's answer is kept in ``my-work/workbook.json``. Never
  change or reuse it once a page is published: saved answers are found by it.
- ``question`` (second, positional): the question or prompt, in plain English.
- ``explanation=``: the model answer and why. It sits in a collapsed "Show answer" block
  that works in JupyterLab and on the website. Cite your source here.
- ``page=``: optional heading for the workbook export (default: the notebook's path).

Text arguments accept blank-line paragraphs, ``**bold**``, ``*italic*`` and ``- `` bullets.

The types::

    choice("d1-x", "Question?", options={"Option A": "Feedback on A", "Option B": "..."},
           answer="Option A", explanation="...")            # radio buttons
    choice(..., answer=["Option A", "Option C"])              # tick all that apply
    number("d3-x", "Question?", answer=3_000_000, unit="£", relative_tolerance=0.05,
           explanation="...")                               # reads "£3m", "3,000,000"...
    classify("d1-x", "Sort these.", categories=["Simple", "Complex"],
             items={"Buying latex gloves": "Simple", ...}, item_feedback={...}, explanation="...")
    ratings = scale("d1-x", "Rate your organisation.", statements=[...],
                    levels=["Not yet", ..., "Always"], chart="radar")
    ratings.table()    # a pandas DataFrame;  ratings.chart() -> matplotlib Figure
    reflect("d1-x", "What would you do differently?", explanation="A good answer...")
    calculator("d3-x", "Invest to save", inputs={"investment": Input("Investment", 350_000, unit="£")},
               compute=my_pure_function, chart=my_chart_function, explanation="...")

What participants get: feedback at once, in words and symbols ("✓ Correct", "✗ Not
quite"), never colour alone; every control has a visible label; answers are saved when
given (never merely because a page was run) and put back, with their feedback, when the
page is run again. Each function returns the exercise object (for example ``.table()``
on a scale); it is shown once even when the call is the last line of a cell.

Charts: ``show_chart(figure)`` shows a matplotlib figure as an SVG image whose alternative
text is the chart's title (or ``alt=``); give every chart a title. It lays the chart out,
so chart functions need not call ``tight_layout``.

Checking rules live in ``exercises.checks`` and number reading in ``exercises.numbers``;
both are plain Python with no widgets. On the course website, with no kernel, each exercise
is checked in the reader's browser from the key it embeds (``Exercise.site_key``), by
``exercises/site_static/academy-exercises.js``, which applies the same rules (tested equal);
calculators listed in ``exercises.widgets.browser_ports`` recompute there too. ``modules/authors/writing-exercises.ipynb`` shows
every type working.
"""

from exercises.widgets.base import Exercise
from exercises.widgets.calculator import CalculatorExercise, Input, calculator
from exercises.widgets.charts import show_chart
from exercises.widgets.choice import ChoiceExercise, choice
from exercises.widgets.classify import ClassifyExercise, classify
from exercises.widgets.number import NumberExercise, number
from exercises.widgets.reflect import ReflectExercise, reflect
from exercises.widgets.scale import ScaleExercise, scale

__all__ = [
    "CalculatorExercise",
    "ChoiceExercise",
    "ClassifyExercise",
    "Exercise",
    "Input",
    "NumberExercise",
    "ReflectExercise",
    "ScaleExercise",
    "calculator",
    "choice",
    "classify",
    "number",
    "reflect",
    "scale",
    "show_chart",
]
