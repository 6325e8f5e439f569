"""Param values: their types (taken from the default) and overrides from the API or ``--set``."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import yaml

from riskengine.ruleset.types import BOOLEAN, DATE, DATETIME, INTEGER, NUMBER, STRING, FieldType, ListOf, Scalar

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def type_of(value: Any) -> FieldType:
    """The type of a param's default value; raises ValueError for values a param cannot hold."""
    if isinstance(value, bool):
        return BOOLEAN
    if isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            raise ValueError(f"the integer {value} does not fit in 64 bits")
        return INTEGER
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("a param must be a finite number")
        return NUMBER
    if isinstance(value, str):
        return STRING
    if isinstance(value, dt.datetime):
        return DATETIME
    if isinstance(value, dt.date):
        return DATE
    if isinstance(value, list):
        if not value:
            raise ValueError("a list param needs at least one item so that its type is known")
        item_types = {type_of(item) for item in value}
        if any(isinstance(item, ListOf) for item in item_types):
            raise ValueError("a list param holds plain values, not lists")
        if item_types <= {INTEGER, NUMBER}:
            return ListOf(NUMBER if NUMBER in item_types else INTEGER)
        if len(item_types) != 1:
            raise ValueError("a list param must hold values of one type")
        return ListOf(item_types.pop())
    if value is None:
        raise ValueError("a param needs a value (null is not allowed)")
    raise ValueError("a param must be a number, string, boolean, date or a list of them")


def check_override(value: Any, expected: FieldType) -> Any:
    """Type-check a param override given as a Python value (API) against the default's type."""
    if isinstance(expected, ListOf):
        if not isinstance(value, list):
            raise ValueError(f"expected a list, got {value!r}")
        return [check_override(item, expected.item) for item in value]
    assert isinstance(expected, Scalar)
    if expected == NUMBER and isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("expected a finite number")
        return value
    if expected == INTEGER and isinstance(value, int) and not isinstance(value, bool):
        if not INT64_MIN <= value <= INT64_MAX:
            raise ValueError(f"the integer {value} does not fit in 64 bits")
        return value
    if expected == BOOLEAN and isinstance(value, bool):
        return value
    if expected == STRING and isinstance(value, str):
        return value
    if expected == DATE and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    if expected == DATE and isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if expected == DATETIME and isinstance(value, dt.datetime):
        return value
    raise ValueError(f"expected {_article(expected)}, got {value!r}")


def _article(expected: FieldType) -> str:
    name = str(expected)
    return ("an " if name[0] in "aeiou" else "a ") + name


def parse_assignment(text: str) -> tuple[str, Any]:
    """``NAME=VALUE`` from the command line; the value is read as YAML (``0.08``, ``[ES, FR]``)."""
    name, separator, raw = text.partition("=")
    if not separator or not name.strip():
        raise ValueError(f"expected NAME=VALUE, got '{text}'")
    return name.strip(), raw


def coerce_text(raw: str, expected: FieldType) -> Any:
    """A command-line value read for the param's type: strings stay verbatim, others parse as YAML."""
    if expected == STRING:
        return raw
    if isinstance(expected, ListOf) and expected.item == STRING and not raw.strip().startswith("["):
        return [part.strip() for part in raw.split(",") if part.strip()]
    try:
        from riskengine.ruleset.yaml_source import _StrictBoolLoader

        value = yaml.load(raw, Loader=_StrictBoolLoader)
    except yaml.YAMLError:
        raise ValueError(f"cannot read '{raw}'") from None
    if isinstance(expected, ListOf) and expected.item == STRING and isinstance(value, list):
        value = [str(item) for item in value]
    return value
