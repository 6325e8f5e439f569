"""Param values: their types (taken from the default) and overrides from the API or ``--set``.

A param's type is the type of its default value. An override must have that type exactly, with one
widening: an integer is accepted for a number. A boolean is never a number, and ``"150"`` is not 150
(DESIGN §3, "Types are strict"). Command-line values arrive as text: ``coerce_text`` reads them for
the param's type, or wrap them in ``TextValue`` and let ``load_ruleset`` do it.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from riskengine.ruleset.types import (
    BOOLEAN,
    DATE,
    DATETIME,
    INTEGER,
    NUMBER,
    STRING,
    FieldType,
    ListOf,
    Scalar,
    MAX_SHOWN_CHARS,
    describe_value,
    with_article,
)

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


class TextValue(str):
    """A param override given as text (``--set NAME=VALUE``): read for the param's type when loading.

    ``load_ruleset(path, params={"cap": TextValue("0.08")})`` sets ``cap`` to the number 0.08 when
    ``cap`` is a number, and to the string ``"0.08"`` when it is a string.
    """


class OverrideError(ValueError):
    """An override that does not fit the param's type.

    ``str(error)`` reads ``expected a number, got true (boolean)``.

    :ivar expected: the param's type
    :ivar given: the value and its type, as messages show them (``true (boolean)``)
    :ivar reason: what else is wrong, when the type alone does not say it (``it must be finite``)
    """

    def __init__(self, expected: FieldType, given: str, reason: str | None = None):
        super().__init__(f"expected {with_article(str(expected))}, got {given}" + (f": {reason}" if reason else ""))
        self.expected = expected
        self.given = given
        self.reason = reason


def _shown(value: Any) -> str:
    """``describe_value``, but a short list of plain values is shown: ``[0.1] (list)``."""
    if isinstance(value, (list, tuple)) and all(isinstance(item, (str, int, float)) for item in value):
        text = "[" + ", ".join(describe_value(item).rsplit(" (", 1)[0] for item in value) + "]"
        if len(text) <= MAX_SHOWN_CHARS:
            return f"{text} (list)"
    return describe_value(value)


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
            raise ValueError(f"{value} is not a finite number")
        return NUMBER
    if isinstance(value, str):
        return STRING
    if isinstance(value, dt.datetime):
        return DATETIME
    if isinstance(value, dt.date):
        return DATE
    if isinstance(value, list):
        if not value:
            raise ValueError("an empty list has no item type; give at least one item")
        item_types = []
        for item in value:
            if isinstance(item, (list, dict)):
                raise ValueError("a list param holds plain values, not lists or mappings")
            item_types.append(type_of(item))
        kinds = set(item_types)
        if kinds <= {INTEGER, NUMBER}:
            return ListOf(NUMBER if NUMBER in kinds else INTEGER)
        if len(kinds) != 1:
            first = value[0]
            other = next(item for item, kind in zip(value, item_types) if kind != item_types[0])
            raise ValueError(
                f"a list param holds values of one type, but {describe_value(first)} and {describe_value(other)} differ"
            )
        return ListOf(item_types[0])
    if value is None:
        raise ValueError("a param needs a value (null is not allowed)")
    if isinstance(value, dict):
        raise ValueError("a param is a number, string, boolean, date, datetime or a list of them, not a mapping")
    raise ValueError(f"a param is a number, string, boolean, date, datetime or a list of them, not {describe_value(value)}")


def check_override(value: Any, expected: FieldType) -> Any:
    """Type-check a param override given as a Python value (API) against the default's type.

    Returns the value to use; raises ``OverrideError`` when it does not fit.
    """
    if isinstance(expected, ListOf):
        if not isinstance(value, (list, tuple)):
            raise OverrideError(expected, _shown(value))
        checked = []
        for position, item in enumerate(value, start=1):
            try:
                checked.append(check_override(item, expected.item))
            except OverrideError as problem:
                raise OverrideError(
                    expected, f"a list whose item {position} is {problem.given}", problem.reason
                ) from None
        return checked
    assert isinstance(expected, Scalar)
    given = _shown(value)
    if expected == NUMBER and isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise OverrideError(expected, given, "it must be finite")
        if isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
            raise OverrideError(expected, given, "it does not fit in 64 bits")
        return value
    if expected == INTEGER and isinstance(value, int) and not isinstance(value, bool):
        if not INT64_MIN <= value <= INT64_MAX:
            raise OverrideError(expected, given, "it does not fit in 64 bits")
        return value
    if expected == BOOLEAN and isinstance(value, bool):
        return value
    if expected == STRING and isinstance(value, str):
        return str(value)
    if expected == DATE:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise OverrideError(expected, given, "it is not an ISO date such as 2024-01-31") from None
    if expected == DATETIME:
        if isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                raise OverrideError(expected, given, "it is not an ISO datetime such as 2024-01-31T09:30:00Z") from None
    raise OverrideError(expected, given)


def parse_assignment(text: str) -> tuple[str, str]:
    """``NAME=VALUE`` from the command line, split at the first ``=``; the value stays text."""
    name, separator, raw = text.partition("=")
    if not separator or not name.strip():
        raise ValueError(f"expected NAME=VALUE, got '{text}'")
    return name.strip(), raw


def coerce_text(raw: str, expected: FieldType) -> Any:
    """A command-line value read for the param's type.

    Strings stay verbatim (``--set country=NO`` is the string "NO"); other types are read as YAML
    scalars (``0.08``, ``true``, ``2024-01-31``). A list is a YAML flow list (``[ES, FR]``) or
    comma-separated items (``ES,FR``). Text that cannot be read stays text, so that ``check_override``
    reports it with both types named.
    """
    from riskengine.ruleset.yaml_source import read_scalar

    if expected == STRING:
        return raw
    if isinstance(expected, ListOf):
        stripped = raw.strip()
        if stripped.startswith("["):
            try:
                # [NO, 010] for a list of strings is ["NO", "010"], as written
                value = read_scalar(stripped, all_strings=expected.item == STRING)
            except ValueError:
                return raw
            return value
        if not stripped:
            return []
        return [coerce_text(part.strip(), expected.item) for part in stripped.split(",")]
    try:
        return read_scalar(raw.strip())
    except ValueError:
        return raw

