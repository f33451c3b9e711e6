"""What the day-module notebooks compute: one module per day (``day1``, ``day2``, ...)
and shared helpers (``stats``).

Each day's module holds pure functions (data in, numbers or tables out), the answer
keys of the day's exercises and small chart functions that return a matplotlib Figure.
The answer-key types (``SortKey``, ``ChoiceKey``) and the chart colours are defined in
``day1`` and reused by later days. Nothing here imports ipywidgets: the notebooks put
the exercises on screen with ``exercises.widgets`` and the tests check the same keys and
numbers.
"""
