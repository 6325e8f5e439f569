"""Compute stateful features for an event, then remember the event for later ones.

Event time drives every window. An event at most ``allowed_lateness`` older than the newest event
seen is placed where it belongs: its windows hold only events at or before its own time (or around
it), exactly as if it had arrived in order. An older event is *late*: its features are unknown, so
the flags that use them are not evaluable rather than silently clean, and it is not remembered.

Per feature and key only the entries that a future window can still reach are kept: those newer
than ``newest time - allowed_lateness - window``. Memory therefore grows with the events inside the
windows, not with the events seen.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from riskengine.engine.state import Entry, Key, StateStore
from riskengine.engine.values import engine_value, evaluate_item_condition
from riskengine.ruleset.features import MICROSECONDS, Feature
from riskengine.ruleset.model import Ruleset

# A full sweep over every key now and then drops keys that no event touches any more.
SWEEP_EVERY = 50_000
_UNIT = {"days": MICROSECONDS["day"], "hours": MICROSECONDS["hour"], "minutes": MICROSECONDS["minute"]}


@dataclass
class FeatureValues:
    values: dict[str, Any] = field(default_factory=dict)  # name -> value (absent: unknown)
    event_ids: dict[str, list[Any]] = field(default_factory=dict)  # name -> contributing event ids
    late: bool = False


def event_time(value: Any) -> int | None:
    """Microseconds since 1970-01-01 UTC for a date (midnight UTC) or datetime."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return engine_value(value)
    return engine_value(value) * MICROSECONDS["day"]


class StatefulFeatures:
    def __init__(self, ruleset: Ruleset, store: StateStore):
        self.ruleset = ruleset
        self.store = store
        self.lateness = ruleset.settings.allowed_lateness
        self.evidence_limit = ruleset.settings.evidence_limit
        self.time_fields = {name: kind.time for name, kind in ruleset.kinds.items()}
        self.by_kind: dict[str, list[Feature]] = {kind: [] for kind in ruleset.kinds}
        self.recorded_by_kind: dict[str, list[Feature]] = {kind: [] for kind in ruleset.kinds}
        for feature in ruleset.features.values():
            for kind in feature.keys:
                if kind in self.by_kind:
                    self.by_kind[kind].append(feature)
            for kind in feature.over:
                self.recorded_by_kind[kind].append(feature)
        self._adds_since_sweep = 0

    @property
    def active(self) -> bool:
        return bool(self.ruleset.features)

    def next_sequence(self) -> int:
        self.store.counters["sequence"] = self.store.counters.get("sequence", 0) + 1
        return self.store.counters["sequence"]

    def time_of(self, kind: str, env: Mapping[str, Any]) -> int | None:
        field_name = self.time_fields.get(kind)
        return event_time(env.get(field_name)) if field_name else None

    def is_late(self, time: int | None) -> bool:
        newest = self.store.counters.get("max_time")
        return time is not None and newest is not None and time < newest - self.lateness

    # ------------------------------------------------------------------ compute

    def compute(self, kind: str, env: Mapping[str, Any], sequence: int, event_id: Any) -> FeatureValues:
        result = FeatureValues()
        features = self.by_kind.get(kind, ())
        if not features:
            return result
        time = self.time_of(kind, env)
        result.late = self.is_late(time)
        if time is None or result.late:
            return result
        for feature in features:
            key = self.key_of(feature, kind, env)
            if key is None:
                continue
            contributions = self._window(feature, key, time)
            if feature.include_current and kind in feature.over and self._passes(feature, env):
                contributions.append(Entry(time, sequence, _display_id(event_id, sequence), env.get(feature.field) if feature.field else None))
            value = self._aggregate(feature, contributions, time)
            if value is not None:
                result.values[feature.name] = value
                used = [entry for entry in contributions if feature.field is None or entry.value is not None]
                if feature.aggregate == "since_previous":
                    used = [entry for entry in contributions if entry.time <= time and entry.sequence != sequence][-1:]
                elif feature.aggregate in ("first",):
                    used = used[:1]
                elif feature.aggregate in ("last", "previous"):
                    used = used[-1:]
                limit = self.evidence_limit
                result.event_ids[feature.name] = [entry.event_id for entry in used][-limit:] if limit else []
        return result

    def key_of(self, feature: Feature, kind: str, env: Mapping[str, Any]) -> Key | None:
        fields = feature.keys.get(kind)
        if fields is None:
            return None
        values = tuple(env.get(name) for name in fields)
        if any(value is None for value in values):
            return None
        if feature.unordered:
            values = tuple(sorted(values, key=lambda value: (type(value).__name__, value)))
        return values

    def _window(self, feature: Feature, key: Key, time: int) -> list[Entry]:
        entries = self.store.entries(feature.name, key)
        if not entries:
            return []
        low = bisect.bisect_left(entries, time - feature.window, key=lambda entry: entry.time)
        high_time = time + feature.window if feature.around else time
        high = bisect.bisect_right(entries, high_time, key=lambda entry: entry.time)
        return list(entries[low:high])

    def _passes(self, feature: Feature, env: Mapping[str, Any]) -> bool:
        # An event whose filter is unknown is not counted: a window counts what it can show.
        return feature.where is None or evaluate_item_condition(feature.where, env, None) is True

    def _aggregate(self, feature: Feature, entries: list[Entry], time: int) -> Any:
        aggregate = feature.aggregate
        if aggregate == "count":
            return len(entries)
        if aggregate == "since_previous":
            earlier = [entry for entry in entries if entry.time <= time]
            if not earlier:
                return None
            return (time - earlier[-1].time) / _UNIT[feature.unit]
        values = [entry.value for entry in entries if entry.value is not None]
        if aggregate == "distinct":
            return len({(type(value).__name__, value) for value in values})
        if aggregate == "sum":
            return sum(values)
        if not values:
            return None
        if aggregate == "mean":
            return sum(values) / len(values)
        if aggregate == "min":
            return min(values)
        if aggregate == "max":
            return max(values)
        if aggregate == "first":
            return values[0]
        if aggregate == "previous":
            earlier = [entry.value for entry in entries if entry.value is not None and entry.time <= time]
            return earlier[-1] if earlier else None
        return values[-1]  # last

    # ------------------------------------------------------------------ record

    def record(self, kind: str, env: Mapping[str, Any], sequence: int, event_id: Any) -> None:
        """Remember an accepted event for the features that aggregate its kind."""
        time = self.time_of(kind, env)
        if time is None:
            return
        late = self.is_late(time)
        if late:
            self.store.counters["late_events"] = self.store.counters.get("late_events", 0) + 1
            return
        newest = max(self.store.counters.get("max_time", time), time)
        self.store.counters["max_time"] = newest
        for feature in self.recorded_by_kind.get(kind, ()):
            key = self.key_of(feature, kind, env)
            if key is None or not self._passes(feature, env):
                continue
            value = env.get(feature.field) if feature.field else None
            self.store.add(feature.name, key, Entry(time, sequence, _display_id(event_id, sequence), value))
            self.store.evict(feature.name, key, newest - self.lateness - feature.window)
            self._adds_since_sweep += 1
        if self._adds_since_sweep >= SWEEP_EVERY:
            self._adds_since_sweep = 0
            self.store.sweep({f.name: newest - self.lateness - f.window for f in self.ruleset.features.values()})


def _display_id(event_id: Any, sequence: int) -> Any:
    return event_id if event_id is not None else f"#{sequence}"
