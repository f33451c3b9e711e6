"""Merging a form's answers into a plan that changed since the form was loaded.

Three versions of one part of a plan meet when a form saves: what the form loaded (the
*base*), what the person typed (*mine*) and what is in the file now (*theirs*). Each
answer is merged on its own:

- changed only in the form: the form's answer is saved;
- changed only in the file: the file's answer is kept (and the form shows it);
- changed in both, differently: a *clash*, named by its place in the plan, such as
  "Funding and value › Value case". Lists (actions, risks...) are merged as a whole.

No widgets here: :mod:`exercises.plan_forms` uses it, and the tests call it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from exercises.plan.model import Plan, unwrap


@dataclass
class Merge:
    """The merged value (the form's answer wins each clash) and the clashes found."""

    value: Any
    clashes: list[Clash] = field(default_factory=list)


@dataclass(frozen=True)
class Clash:
    """One answer changed both in the form and in the file."""

    where: str
    theirs: Any
    mine: Any


def _model_of(model: type[BaseModel] | None, key: str) -> tuple[str, type[BaseModel] | None]:
    """A field's title and, if it is a section of its own, its model."""
    info = model.model_fields.get(key) if model is not None else None
    if info is None:
        return key.replace("_", " "), None
    inner, _ = unwrap(info.annotation)
    sub = inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None
    return info.title or key.replace("_", " "), sub


def merge_value(base: Any, mine: Any, theirs: Any, where: str = "", model: type[BaseModel] | None = None) -> Merge:
    """Merge one answer (or section): see the module's description."""
    if mine in (base, theirs):
        return Merge(theirs)
    if theirs == base:
        return Merge(mine)
    if isinstance(base, dict) and isinstance(mine, dict) and isinstance(theirs, dict):
        result: dict[str, Any] = {}
        clashes: list[Clash] = []
        for key in dict.fromkeys([*theirs, *mine]):
            title, sub = _model_of(model, key)
            part = merge_value(
                base.get(key), mine.get(key), theirs.get(key), f"{where} › {title}" if where else title, sub
            )
            result[key] = part.value
            clashes += part.clashes
        return Merge(result, clashes)
    return Merge(mine, [Clash(where or "the answer", theirs, mine)])


def merge_sections(
    base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any], sections: tuple[str, ...]
) -> Merge:
    """Merge a form's ``sections`` of a plan (each a key of the plan's data)."""
    result: dict[str, Any] = {}
    clashes: list[Clash] = []
    for name in sections:
        title, sub = _model_of(Plan, name)
        part = merge_value(base.get(name), mine.get(name), theirs.get(name), title, sub)
        result[name] = part.value
        clashes += part.clashes
    return Merge(result, clashes)


def describe_value(value: Any, limit: int = 160) -> str:
    """A short quotation of an answer, for saying what someone else saved."""
    if value in (None, "", [], {}):
        return "(empty)"
    if isinstance(value, list):
        return f"{len(value)} item{'' if len(value) == 1 else 's'}"
    text = " ".join(str(value).split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"
