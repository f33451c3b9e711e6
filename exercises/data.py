"""Load the course's datasets as typed pandas DataFrames.

Every table the lessons use is described in ``datasets/datapackage.json`` (a
Frictionless Data Package). This module reads that descriptor and returns each table
with the types it declares:

- ``integer`` columns as pandas ``Int64`` (missing values allowed),
- ``number`` columns as ``float64``,
- ``boolean`` columns as pandas ``boolean``,
- ``date`` columns as ``datetime64``,
- ``string`` columns with a list of allowed values as ``Categorical`` in that order
  (ordered where the descriptor says ``categoriesOrdered``), other strings as ``string``.

Typical use in a notebook::

    from exercises import data
    facts = data.load("case_study_facts")
    data.info("brackenford_reminder_trial").synthetic   # True

This module never imports anything to do with screens or widgets.
"""

from __future__ import annotations

import difflib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from exercises.markers import MarkersMissing, replace_between, section_main
from exercises.paths import datasets_dir

DESCRIPTOR = "datapackage.json"
CATALOGUE_START = "<!-- catalogue:start (made by exercises.data.catalogue_markdown; do not edit by hand) -->"
CATALOGUE_END = "<!-- catalogue:end -->"
_TRUE = frozenset({"true", "True", "TRUE", "1"})
_FALSE = frozenset({"false", "False", "FALSE", "0"})


class DatasetError(Exception):
    """A dataset or the descriptor could not be read. The message says what to do."""


class UnknownDataset(DatasetError, KeyError):
    """No dataset has the name asked for. The message suggests close matches."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.suggestions = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
        message = f"There is no dataset called '{name}'."
        if self.suggestions:
            message += " Did you mean " + " or ".join(f"'{s}'" for s in self.suggestions) + "?"
        message += " Use data.names() to see them all."
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:  # KeyError would otherwise wrap the message in quotes
        return self.message


@dataclass(frozen=True)
class DatasetInfo:
    """What a dataset is, where it came from and whether it is synthetic."""

    name: str
    title: str
    description: str
    source: str
    licence: str
    synthetic: bool
    path: Path


@lru_cache(maxsize=4)
def _read_descriptor(path: str, modified_ns: int) -> dict[str, Any]:
    """Read and index the descriptor; cached until the file changes."""
    try:
        package = json.loads(Path(path).read_text(encoding="utf-8"))
        return {resource["name"]: resource for resource in package["resources"]}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DatasetError(f"The dataset list {path} could not be read ({error}).") from None


def _resources() -> dict[str, Any]:
    path = datasets_dir() / DESCRIPTOR
    try:
        modified = path.stat().st_mtime_ns
    except OSError:
        raise DatasetError(f"The dataset list is missing: expected {path}.") from None
    return _read_descriptor(str(path), modified)


def _resource(name: str) -> dict[str, Any]:
    resources = _resources()
    if not isinstance(name, str) or name not in resources:
        raise UnknownDataset(str(name), list(resources))
    return resources[name]


def names() -> list[str]:
    """Names of every dataset, in the order the descriptor lists them."""
    return list(_resources())


def info(name: str) -> DatasetInfo:
    """Describe one dataset: title, description, source, licence, whether synthetic, path."""
    resource = _resource(name)
    return DatasetInfo(
        name=resource["name"],
        title=resource.get("title", name),
        description=resource.get("description", ""),
        source=resource.get("citation") or "; ".join(s.get("title", "") for s in resource.get("sources", [])),
        licence="; ".join(lic.get("title") or lic.get("name", "") for lic in resource.get("licenses", [])),
        synthetic=bool(resource.get("synthetic", False)),
        path=datasets_dir() / resource["path"],
    )


def _convert(column: pd.Series, field: dict[str, Any], dataset: str) -> pd.Series:
    """Turn one column of text into the type the schema declares."""
    kind = field.get("type", "string")
    name = field["name"]
    missing = column == ""
    try:
        if kind == "integer":
            return pd.to_numeric(column.mask(missing), errors="raise").astype("Int64")
        if kind == "number":
            return pd.to_numeric(column.mask(missing), errors="raise").astype("float64")
        if kind == "boolean":
            bad = ~(missing | column.isin(_TRUE | _FALSE))
            if bad.any():
                raise ValueError(f"'{column[bad].iloc[0]}' is not true or false")
            return column.map(lambda v: None if v == "" else v in _TRUE).astype("boolean")
        if kind == "date":
            return pd.to_datetime(column.mask(missing), format="%Y-%m-%d", errors="raise")
    except (ValueError, TypeError) as error:
        raise DatasetError(
            f"Column '{name}' of dataset '{dataset}' holds a value that is not a {kind}: {error}."
        ) from None
    allowed = field.get("constraints", {}).get("enum")
    if allowed is not None:
        values = column.mask(missing)
        unknown = values.notna() & ~values.isin(allowed)
        if unknown.any():
            raise DatasetError(
                f"Column '{name}' of dataset '{dataset}' holds '{values[unknown].iloc[0]}', which is not one of its allowed values."
            )
        return pd.Series(
            pd.Categorical(values, categories=list(allowed), ordered=bool(field.get("categoriesOrdered", False))),
            index=column.index,
            name=name,
        )
    return column.mask(missing).astype("string")


def load(name: str) -> pd.DataFrame:
    """Return the dataset ``name`` as a DataFrame typed from its schema.

    Raises ``UnknownDataset`` (a ``KeyError``) for a name that does not exist.
    """
    resource = _resource(name)
    path = datasets_dir() / resource["path"]
    fields = resource["schema"]["fields"]
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except OSError:
        raise DatasetError(f"The file for dataset '{name}' is missing: expected {path}.") from None
    expected = [field["name"] for field in fields]
    if list(raw.columns) != expected:
        raise DatasetError(f"The columns of {path.name} do not match the dataset list: expected {', '.join(expected)}.")
    return pd.DataFrame({field["name"]: _convert(raw[field["name"]], field, name) for field in fields})


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def catalogue_markdown() -> str:
    """A Markdown table of every dataset: name, title, source, licence, synthetic or not."""
    lines = [
        "| Dataset | What it holds | Source | Licence | Synthetic |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name in names():
        about = info(name)
        lines.append(
            f"| `{about.name}` | {_cell(about.title)} | {_cell(about.source)} | {_cell(about.licence)} | "
            f"{'**Yes**: made up' if about.synthetic else 'No'} |"
        )
    return "\n".join(lines) + "\n"


def replace_catalogue(page: str) -> str:
    """Return ``page`` with the text between the catalogue markers replaced by a fresh table."""
    try:
        return replace_between(page, CATALOGUE_START, CATALOGUE_END, catalogue_markdown())
    except MarkersMissing:
        raise DatasetError("The page has no catalogue markers to replace.") from None


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m exercises.data [--update PAGE]``: print the catalogue, or rewrite it in PAGE."""
    return section_main(
        argv,
        prog="python -m exercises.data",
        description="The course's dataset catalogue.",
        what="the dataset table",
        make=catalogue_markdown,
        replace=replace_catalogue,
        errors=(DatasetError,),
    )


if __name__ == "__main__":
    sys.exit(main())
