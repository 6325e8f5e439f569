"""A brute-force oracle for stateful features, written from docs/ruleset-format.md alone.

It shares no code with ``riskengine.engine.features``: for every event it scans *all* earlier
remembered events (no windows kept, no eviction, no bisect) and applies the documented semantics:

- the window holds the earlier events whose time is within ``window`` before the current event's
  time, both ends included; ``around`` also takes those up to ``window`` after it (as seen so far);
- ``include_current`` adds the current event when it is of an ``over`` kind and passes ``where``;
  ``previous`` and ``since_previous`` look at *earlier* events only, so never at the current one;
- events are ordered by (event time, arrival); ties keep arrival order;
- keys: the ``by`` fields of the event's kind (a plain name or list applies to every kind that
  carries all of them, a mapping names them per kind); ``unordered`` compares them as a multiset;
- ``where`` is three-valued: an event whose filter is unknown does not count;
- an event is *late* when its time is older than the newest time seen (among remembered events)
  minus ``allowed_lateness``: all its features are unknown and it is not remembered; an event with
  no time or no key has the feature unknown, and an event with no time is not remembered;
- values: count, sum (0 of nothing), mean, min, max, distinct, first, last (time order), previous
  (value of the latest earlier event carrying the field), since_previous (in ``unit``);
- evidence ids: the events that made the value, at most ``evidence_limit``, the most recent; an
  event without ``event_id`` shows as ``#<sequence>`` (1-based count of accepted, i.e. not
  rejected, events).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

UTC = dt.timezone.utc
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
UNITS = {"minutes": 60_000_000, "hours": 3_600_000_000, "days": 86_400_000_000}
DURATION_UNITS = {"minutes": 60_000_000, "hours": 3_600_000_000, "days": 86_400_000_000, "weeks": 604_800_000_000}

# A filter over an event's raw fields: True, False, or None (unknown).
Where = Callable[[dict[str, Any]], Optional[bool]]


def duration(text: str) -> int:
    """``'36 hours'`` -> microseconds (only the plural spellings the tests write)."""
    amount, unit = text.split()
    return int(float(amount) * DURATION_UNITS[unit])


def micros(value: Any, time_type: str) -> int | None:
    """Event time as microseconds since 1970-01-01 UTC, parsed independently of the engine."""
    if value is None:
        return None
    if time_type == "date":
        day = dt.date.fromisoformat(value)
        moment = dt.datetime(day.year, day.month, day.day, tzinfo=UTC)
    else:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
    return (moment - EPOCH) // dt.timedelta(microseconds=1)


@dataclass(frozen=True)
class KindDef:
    time_field: str
    time_type: str  # "date" or "datetime"
    fields: frozenset[str]


@dataclass(frozen=True)
class FeatureDef:
    name: str
    aggregate: str
    over: tuple[str, ...]
    keys: dict[str, tuple[str, ...]]  # kind -> key fields
    window: int  # microseconds
    field: str | None = None
    where: Where | None = None
    around: bool = False
    include_current: bool = False
    unordered: bool = False
    unit: str = "days"


@dataclass
class Remembered:
    arrival: int  # index in the stream
    time: int
    kind: str
    event: dict[str, Any]
    display_id: Any


@dataclass
class EventResult:
    rejected: bool = False
    late: bool = False
    values: dict[str, Any] = field(default_factory=dict)  # feature -> value as JSON (absent: unknown)
    event_ids: dict[str, list[Any]] = field(default_factory=dict)


def key_of(feature: FeatureDef, kind: str, event: dict[str, Any]) -> tuple[Any, ...] | None:
    fields = feature.keys.get(kind)
    if fields is None:
        return None
    values = [event.get(name) for name in fields]
    if any(value is None for value in values):
        return None
    if feature.unordered:
        values = sorted(values, key=repr)
    return tuple(values)


def passes(feature: FeatureDef, event: dict[str, Any]) -> bool:
    return feature.where is None or feature.where(event) is True


def as_json(value: Any) -> Any:
    return value  # raw event values are already JSON (dates stay their ISO strings)


def _number_key(value: Any) -> Any:
    # distinct numbers compare as numbers: 1 and 1.0 are one value
    return ("n", float(value)) if isinstance(value, (int, float)) and not isinstance(value, bool) else ("v", value)


def aggregate(feature: FeatureDef, current_time: int, contributions: list[tuple[Remembered, bool]]) -> tuple[Any, list[Remembered]]:
    """(value or None, the remembered events that made it). ``contributions`` is in time order;
    the flag marks the current event."""
    name = feature.aggregate
    if name == "count":
        return len(contributions), [entry for entry, _ in contributions]
    if name == "since_previous":
        earlier = [entry for entry, current in contributions if not current and entry.time <= current_time]
        if not earlier:
            return None, []
        return (current_time - earlier[-1].time) / UNITS[feature.unit], earlier[-1:]
    with_value = [entry for entry, _ in contributions if entry.event.get(feature.field) is not None]
    values = [entry.event[feature.field] for entry in with_value]
    if name == "sum":
        total = 0
        for value in values:
            total += value
        return total, with_value
    if name == "distinct":
        return len({_number_key(value) for value in values}), with_value
    if name == "previous":
        earlier = [
            entry for entry, current in contributions
            if not current and entry.time <= current_time and entry.event.get(feature.field) is not None
        ]
        return (earlier[-1].event[feature.field], earlier[-1:]) if earlier else (None, [])
    if not values:
        return None, []
    if name == "mean":
        total = 0
        for value in values:
            total += value
        return total / len(values), with_value
    if name in ("min", "max"):
        # dates are ISO strings here, which order like the dates they name
        chosen = min(values) if name == "min" else max(values)
        return chosen, with_value
    if name == "first":
        return values[0], with_value[:1]
    if name == "last":
        return values[-1], with_value[-1:]
    raise ValueError(f"unknown aggregate {name}")


def run_oracle(
    events: list[dict[str, Any]],
    kinds: dict[str, KindDef],
    features: list[FeatureDef],
    allowed_lateness: int,
    evidence_limit: int,
    is_rejected: Callable[[dict[str, Any]], bool] = lambda event: False,
    start_sequence: int = 0,
) -> list[EventResult]:
    """The feature values and evidence ids of every event, in arrival order."""
    remembered: list[Remembered] = []
    newest: int | None = None
    sequence = start_sequence
    results: list[EventResult] = []
    for arrival, event in enumerate(events):
        result = EventResult()
        results.append(result)
        if is_rejected(event):
            result.rejected = True
            continue
        sequence += 1
        kind = event["kind"]
        display_id = event.get("event_id") if event.get("event_id") is not None else f"#{sequence}"
        spec = kinds[kind]
        time = micros(event.get(spec.time_field), spec.time_type)
        late = time is not None and newest is not None and time < newest - allowed_lateness
        result.late = late
        if time is not None and not late:
            for feature in features:
                if kind not in feature.keys:
                    continue
                key = key_of(feature, kind, event)
                if key is None:
                    continue
                high = time + feature.window if feature.around else time
                window = [
                    (entry, False) for entry in remembered
                    if entry.kind in feature.over
                    and key_of(feature, entry.kind, entry.event) == key
                    and passes(feature, entry.event)
                    and time - feature.window <= entry.time <= high
                ]
                if feature.include_current and kind in feature.over and passes(feature, event):
                    window.append((Remembered(arrival, time, kind, event, display_id), True))
                window.sort(key=lambda pair: (pair[0].time, pair[0].arrival))
                value, made_by = aggregate(feature, time, window)
                if value is None:
                    continue
                result.values[feature.name] = as_json(value)
                ids = [entry.display_id for entry in made_by]
                result.event_ids[feature.name] = ids[-evidence_limit:] if evidence_limit else []
        if time is not None and not late:
            remembered.append(Remembered(arrival, time, kind, event, display_id))
            newest = time if newest is None else max(newest, time)
    return results


# ---------------------------------------------------------------------- Kleene helpers for `where`


def k_not(value: Optional[bool]) -> Optional[bool]:
    return None if value is None else not value


def k_and(*values: Optional[bool]) -> Optional[bool]:
    if any(value is False for value in values):
        return False
    return None if any(value is None for value in values) else True


def k_or(*values: Optional[bool]) -> Optional[bool]:
    if any(value is True for value in values):
        return True
    return None if any(value is None for value in values) else False


def compare(value: Any, test: Callable[[Any], bool]) -> Optional[bool]:
    return None if value is None else bool(test(value))
