"""Turn validation errors into plain-English messages that name each problem's field.

A message reads like "100-day plan › action A3 › end day: must be between 1 and 100
(got 140)". Field names come from the titles in :mod:`exercises.plan.model`; items of a
list are named by their id or position ("action A3", "outcome 2"), read from the data the
team wrote, so the message points at the place in their file.
"""

from __future__ import annotations

import string
import typing
from collections.abc import Mapping
from typing import Any

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from exercises.plan.model import ACTION_ID_PATTERN, SCHEMA_VERSION, Plan, unwrap

SEPARATOR = " › "
_LABEL_LIMIT = 40


def describe_errors(error: ValidationError, raw: Any, model: type[BaseModel] = Plan) -> list[str]:
    """One plain-English message per problem in ``error`` (raised validating ``raw``)."""
    messages: list[str] = []
    for detail in error.errors(include_url=False):
        if detail["type"] == "plan_links":
            for inner_loc, text in detail["ctx"]["problems"]:
                loc = (*detail["loc"], *inner_loc)
                messages.append(_join(location_label(loc, raw, model), text))
            continue
        label = location_label(detail["loc"], raw, model)
        field = _field_at(detail["loc"], model)
        messages.append(_join(label, problem_text(detail, field)))
    return list(dict.fromkeys(messages))  # same problem twice (e.g. a union) is said once


def _join(label: str, text: str) -> str:
    return f"{label}: {text}" if label else f"The plan: {text}"


def location_label(loc: tuple[Any, ...], raw: Any, model: type[BaseModel] = Plan) -> str:
    """Name a location such as ``('hundred_day_plan', 'actions', 2, 'end_day')`` for people.

    Gives "100-day plan › action A3 › end day" (A3 being the id written in the file).
    """
    parts: list[str] = []
    cls: type[BaseModel] | None = model
    data = raw
    index = 0
    while index < len(loc):
        key = loc[index]
        following = loc[index + 1] if index + 1 < len(loc) else None
        if isinstance(key, str) and cls is not None and key in cls.model_fields:
            info = cls.model_fields[key]
            item_cls, is_list = _inner_model(info.annotation)
            data = _child(data, key)
            if is_list and isinstance(following, int):
                item = _child(data, following)
                parts.append(
                    item_label(item_cls, item, following)
                    if item_cls
                    else f"{_title(info, key)}{SEPARATOR}item {following + 1}"
                )
                cls, data = item_cls, item
                index += 2
                continue
            parts.append(_title(info, key))
            cls = item_cls
        elif isinstance(key, int):
            parts.append(f"item {key + 1}")
            data, cls = _child(data, key), None
        else:
            parts.append(f"'{key}'")
            data, cls = _child(data, key), None
        index += 1
    label = SEPARATOR.join(parts)
    return label[:1].upper() + label[1:]


def item_label(cls: type[BaseModel], item: Any, index: int) -> str:
    """Name one item of a list: "action A3", "member 'Siân'", or by position ("outcome 2")."""
    template = getattr(cls, "item_label", "item {n}")
    fallback = f"{getattr(cls, 'noun', 'item')} {index + 1}"
    values: dict[str, Any] = {"n": index + 1}
    for _, name, _, _ in string.Formatter().parse(template):
        if not name or name == "n":
            continue
        value = item.get(name) if isinstance(item, dict) else None
        if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
            return fallback
        text = " ".join(str(value).split())
        values[name] = text if len(text) <= _LABEL_LIMIT else text[: _LABEL_LIMIT - 1] + "…"
    return template.format(**values)


def problem_text(detail: Mapping[str, Any], field: FieldInfo | None = None) -> str:
    """What is wrong, in plain English, for one pydantic error."""
    kind = detail["type"]
    value = detail.get("input")
    ctx = detail.get("ctx") or {}
    if kind == "missing":
        return "must be filled in (it is missing)"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_type":
        hint = "; put the answer in quotes, for example 'yes'" if isinstance(value, bool) else ""
        return f"must be text (got {describe_value(value)}){hint}"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == ACTION_ID_PATTERN:
            return (
                "must be a short code of up to 20 letters, numbers, dots, dashes or underscores, "
                f"starting with a letter or number, such as A1 (got {describe_value(value)})"
            )
        return f"is not in the expected form (got {describe_value(value)})"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"must be a whole number (got {describe_value(value)})"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        low, high = _bounds(field, ctx)
        if low is not None and high is not None:
            return f"must be between {low} and {high} (got {describe_value(value)})"
        if low is not None:
            return f"must be at least {low} (got {describe_value(value)})"
        return f"must be at most {high} (got {describe_value(value)})"
    if kind == "list_type":
        return f"must be a list, with each item on its own line starting '- ' (got {describe_value(value)})"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"must be a section of named answers (got {describe_value(value)})"
    if kind == "literal_error":
        if field is not None and field.title == "Schema version":
            return (
                f"this file says it is version {describe_value(value)} of the plan format, but these course tools "
                f"read version {SCHEMA_VERSION}; update the course tools or ask your facilitator"
            )
        return f"must be one of {ctx.get('expected', 'the listed choices')} (got {describe_value(value)})"
    if kind == "extra_forbidden":
        return "is not part of a plan: check the spelling, or move it to the right section"
    if kind.startswith("date_") or kind.startswith("datetime_"):
        return f"must be a date written as YYYY-MM-DD, such as 2026-03-31 (got {describe_value(value)})"
    message = str(detail.get("msg", "is not valid"))
    return message.removeprefix("Value error, ")


def describe_value(value: Any) -> str:
    """Show what the team wrote, briefly: text in quotes, other kinds by name."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a yes/no answer"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        text = " ".join(value.split())
        return f"'{text}'" if len(text) <= 60 else f"'{text[:59]}…'"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a section of named answers"
    return type(value).__name__


def _bounds(field: FieldInfo | None, ctx: dict[str, Any]) -> tuple[Any, Any]:
    low = ctx.get("ge", ctx.get("gt"))
    high = ctx.get("le", ctx.get("lt"))
    for rule in field.metadata if field is not None else ():
        if isinstance(rule, annotated_types.Ge):
            low = rule.ge
        elif isinstance(rule, annotated_types.Le):
            high = rule.le
    return low, high


def _field_at(loc: tuple[Any, ...], model: type[BaseModel]) -> FieldInfo | None:
    """The model field the location ends at (None for list items and unknown keys)."""
    cls: type[BaseModel] | None = model
    field: FieldInfo | None = None
    for key in loc:
        if isinstance(key, int):
            field = None
            continue
        if cls is None or key not in cls.model_fields:
            return None
        field = cls.model_fields[key]
        cls, _ = _inner_model(field.annotation)
    return field


def _inner_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """For a field's type: the model inside it (if any) and whether it is a list."""
    base, _ = unwrap(annotation)
    is_list = typing.get_origin(base) is list
    if is_list:
        base, _ = unwrap(typing.get_args(base)[0])
    model = base if isinstance(base, type) and issubclass(base, BaseModel) else None
    return model, is_list


def _title(info: FieldInfo, key: str) -> str:
    title = info.title or key.replace("_", " ")
    return title[0].lower() + title[1:] if len(title) > 1 and title[1].islower() else title


def _child(data: Any, key: Any) -> Any:
    if isinstance(key, int):
        return data[key] if isinstance(data, list) and 0 <= key < len(data) else None
    return data.get(key) if isinstance(data, dict) else None
