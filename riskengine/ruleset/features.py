"""Stateful features in the ruleset: aggregates over earlier events in an event-time window.

```yaml
settings:
  allowed_lateness: 2 days      # out-of-order events up to this much older than the newest are placed in order
  evidence_limit: 10            # event ids shown in the evidence of a stateful flag
features:
  transfers_16w:
    aggregate: count            # count sum min max mean distinct first last previous since_previous
    over: transfer              # the event kind(s) whose events are aggregated
    by: player_id               # key: a field, a list of fields, or {kind: field(s)} when names differ
    window: 16 weeks            # minutes, hours, days or weeks
    field: fee                  # the value aggregated (all but count and since_previous)
    where: fee > 0              # optional filter on the aggregated events
    around: false               # true: the window extends after the current event too (over what was seen)
    include_current: false      # true: the current event counts too, when it is one of `over`
    unordered: false            # true: a composite key is a set ({home, away} == {away, home})
    unit: days                  # since_previous: days, hours or minutes
```

Flags use a feature by name like a field; durable_rules decides the condition on the value the
engine computes before asserting the fact.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from riskengine.expressions import ir
from riskengine.ruleset.types import INTEGER, NUMBER, FieldType, Scalar, walk_fields

AGGREGATES = ("count", "sum", "min", "max", "mean", "distinct", "first", "last", "previous", "since_previous")
VALUE_AGGREGATES = ("sum", "min", "max", "mean", "distinct", "first", "last", "previous")
MICROSECONDS = {"minute": 60_000_000, "hour": 3_600_000_000, "day": 86_400_000_000, "week": 604_800_000_000}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(minute|minutes|min|hour|hours|h|day|days|d|week|weeks|w)\s*$")
_UNIT_ALIASES = {"min": "minute", "h": "hour", "d": "day", "w": "week"}


class FeatureSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    aggregate: Literal["count", "sum", "min", "max", "mean", "distinct", "first", "last", "previous", "since_previous"]
    over: Union[str, list[str]]
    by: Union[str, list[str], dict[str, Union[str, list[str]]]]
    window: str
    field: str | None = None
    where: str | None = None
    around: bool = False
    include_current: bool = False
    unordered: bool = False
    unit: Literal["days", "hours", "minutes"] = "days"
    description: str | None = None


class SettingsSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    allowed_lateness: str = "0 days"
    evidence_limit: int = Field(default=10, ge=0)


@dataclass(frozen=True)
class Settings:
    allowed_lateness: int = 0  # microseconds
    evidence_limit: int = 10


@dataclass(frozen=True)
class Feature:
    name: str
    aggregate: str
    over: tuple[str, ...]
    keys: dict[str, tuple[str, ...]]  # event kind -> key fields, for every kind that carries the key
    window: int  # microseconds
    field: str | None
    where: ir.Condition | None
    around: bool
    include_current: bool
    unordered: bool
    unit: str
    type: FieldType
    description: str | None
    digest: str  # identifies the definition, so saved state can be migrated feature by feature
    window_text: str = ""  # the window as written (or as its param holds it), for the docs


def parse_duration(text: str) -> int:
    """``16 weeks`` -> microseconds; raises ValueError with a message for people."""
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a duration; write e.g. '30 days', '16 weeks', '12 hours' or '90 minutes'")
    amount, unit = float(match.group(1)), match.group(2)
    unit = _UNIT_ALIASES.get(unit, unit.rstrip("s"))
    return int(amount * MICROSECONDS[unit])


def feature_type(aggregate: str, field_type: FieldType | None) -> FieldType:
    if aggregate in ("count", "distinct"):
        return INTEGER
    if aggregate in ("mean", "since_previous"):
        return NUMBER
    assert field_type is not None
    return field_type


def key_fields_by_kind(by: Any, kinds: dict[str, dict[str, FieldType]]) -> dict[str, tuple[str, ...]]:
    """The key fields for each kind that carries them (a mapping names them per kind)."""
    if isinstance(by, dict):
        return {kind: tuple([fields] if isinstance(fields, str) else fields) for kind, fields in by.items()}
    fields = tuple([by] if isinstance(by, str) else by)
    return {
        kind: fields for kind, declared in kinds.items()
        if all(name in {path for path, _ in walk_fields(declared)} for name in fields)
    }


def digest(spec: dict[str, Any]) -> str:
    """What saved windows depend on: the definition, not its description (a reworded description
    keeps the windows when state is migrated)."""
    relevant = {name: value for name, value in spec.items() if name != "description"}
    return hashlib.sha256(json.dumps(relevant, sort_keys=True, default=str).encode()).hexdigest()[:16]


def is_orderable(field_type: FieldType | None) -> bool:
    return isinstance(field_type, Scalar) and field_type.name in ("integer", "number", "date", "datetime")
