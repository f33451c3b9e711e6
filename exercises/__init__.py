"""The Commissioning Academy course package.

Holds what the notebooks import (exercises, workbook, data loader, plan model)
and the ``academy`` command that facilitators and teams run.
"""

__version__ = "0.1.0"
