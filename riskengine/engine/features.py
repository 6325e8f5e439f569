"""Compute stateful features for an event, then remember the event for later ones.

Event time drives every window. An event at most ``allowed_lateness`` older than the newest event
seen is placed where it belongs: its windows hold only events at or before its own time (or around
it), exactly as if it had arrived in order. An older event is *late*: its features are unknown, so
the flags that use them are not evaluable rather than silently clean, and it is not remembered.

Per feature and key only the entries that a future window can still reach are kept: those newer
than ``newest time - allowed_lateness - window``. A key's old entries go when it gets a new one; a
periodic sweep (see ``SWEEP_MIN``) clears keys no event touches any more. Memory therefore grows
with the events inside the windows, not with the events seen.

``previous`` and ``since_previous`` read the latest *earlier* event: never the current one (even
with ``include_current``) and never one after it (``around``). ``distinct`` compares numbers by
value (``1`` and ``1.0`` are one value).
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any, Iterator, Mapping

from riskengine.engine.state import Entry, Key, StateStore
from riskengine.engine.values import engine_value, evaluate_item_condition
from riskengine.ruleset.features import MICROSECONDS, Feature
from riskengine.ruleset.model import Ruleset

# A full sweep over every key now and then drops the entries of keys that no event touches any more
# (a key's own entries are evicted whenever it gets a new one). It runs once the adds since the last
# sweep reach what the last sweep left, and at least SWEEP_MIN: the cost per add stays constant and
# the entries no window can reach never outnumber max(SWEEP_MIN, the entries the windows hold).
SWEEP_MIN = 4096
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_UNIT = {"days": MICROSECONDS["day"], "hours": MICROSECONDS["hour"], "minutes": MICROSECONDS["minute"]}


class EventIds(Mapping[str, list[Any]]):
    """Feature name -> ids of the events that made its value (the most recent ``limit``).
    The lists are made on demand: only a fired flag's evidence reads them."""

    __slots__ = ("_used", "_limit")

    def __init__(self, limit: int) -> None:
        self._used: dict[str, list[Entry]] = {}
        self._limit = limit

    def __getitem__(self, name: str) -> list[Any]:
        used = self._used[name]
        return [entry.event_id for entry in used[-self._limit:]] if self._limit else []

    def __contains__(self, name: object) -> bool:
        return name in self._used

    def __iter__(self) -> Iterator[str]:
        return iter(self._used)

    def __len__(self) -> int:
        return len(self._used)


class FeatureValues:
    """The features of one event: values (absent: unknown) and the ids of the events that made them."""

    __slots__ = ("values", "event_ids", "late")

    def __init__(self, limit: int = 10) -> None:
        self.values: dict[str, Any] = {}  # name -> value (absent: unknown)
        self.event_ids = EventIds(limit)  # name -> contributing event ids
        self.late = False


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
        self._sweep_after = SWEEP_MIN
        # what compute() found for an event (sequence, env, time, late, keys), reused by record()
        self._pending: tuple[int, Mapping[str, Any], int | None, bool, dict[str, tuple[Key | None, int | None]]] | None = None

    @property
    def active(self) -> bool:
        return bool(self.ruleset.features)

    def next_sequence(self) -> int:
        self.store.counters["sequence"] = self.store.counters.get("sequence", 0) + 1
        return self.store.counters["sequence"]

    def time_of(self, kind: str, env: Mapping[str, Any]) -> int | None:
        field_name = self.time_fields.get(kind)
        if field_name is None:
            return None
        value = env.get(field_name)
        if type(value) is dt.datetime:  # the usual case, inlined: validated datetimes are UTC
            delta = value - _EPOCH
            return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
        return event_time(value)

    def is_late(self, time: int | None) -> bool:
        newest = self.store.counters.get("max_time")
        return time is not None and newest is not None and time < newest - self.lateness

    # ------------------------------------------------------------------ compute

    def compute(self, kind: str, env: Mapping[str, Any], sequence: int, event_id: Any) -> FeatureValues:
        result = FeatureValues(self.evidence_limit)
        features = self.by_kind.get(kind, ())
        if not features:
            self._pending = None
            return result
        time = self.time_of(kind, env)
        result.late = late = self.is_late(time)
        # per feature: its key and the oldest remembered time under it, for record()
        seen: dict[str, tuple[Key | None, int | None]] = {}
        self._pending = (sequence, env, time, late, seen)
        if time is None or late:
            return result
        used_by = result.event_ids._used
        entries_of = self.store.entries
        for feature in features:
            fields = feature.keys[kind]
            if len(fields) == 1:
                value = env.get(fields[0])
                key = None if value is None else (value,)
            else:
                key = self.key_of(feature, kind, env)
            if key is None:
                seen[feature.name] = (None, None)
                continue
            entries = entries_of(feature.name, key)
            if entries:
                head = entries[0].time
                seen[feature.name] = (key, head)
                # usually the whole bucket is in the window: no search then
                low_time = time - feature.window
                high_time = time + feature.window if feature.around else time
                low = 0 if head >= low_time else bisect.bisect_left(entries, low_time, key=_time)
                high = len(entries) if entries[-1].time <= high_time else bisect.bisect_right(entries, high_time, key=_time)
                contributions = entries[low:high] if isinstance(entries, list) else list(entries[low:high])
            else:
                seen[feature.name] = (key, None)
                contributions = []
            if feature.include_current and kind in feature.over and self._passes(feature, env):
                current = Entry(time, sequence, _display_id(event_id, sequence), env.get(feature.field) if feature.field else None)
                # in time order: after every remembered event at the same time (they arrived earlier)
                position = bisect.bisect_right(contributions, (time, sequence), key=_order)
                contributions.insert(position, current)
            if feature.aggregate == "count":
                result.values[feature.name] = len(contributions)
                used_by[feature.name] = contributions
                continue
            value, used = self._aggregate(feature, contributions, time, sequence)
            if value is not None:
                result.values[feature.name] = value
                used_by[feature.name] = used
        return result

    def key_of(self, feature: Feature, kind: str, env: Mapping[str, Any]) -> Key | None:
        fields = feature.keys.get(kind)
        if fields is None:
            return None
        if len(fields) == 1:
            value = env.get(fields[0])
            return None if value is None else (value,)
        values = tuple(env.get(name) for name in fields)
        if any(value is None for value in values):
            return None
        if feature.unordered:
            values = tuple(sorted(values, key=lambda value: (type(value).__name__, value)))
        return values

    def _passes(self, feature: Feature, env: Mapping[str, Any]) -> bool:
        # An event whose filter is unknown is not counted: a window counts what it can show.
        return feature.where is None or evaluate_item_condition(feature.where, env, None) is True

    def _aggregate(self, feature: Feature, entries: list[Entry], time: int, sequence: int) -> tuple[Any, list[Entry]]:
        """The feature's value (``None``: unknown) and the entries that made it, in time order."""
        aggregate = feature.aggregate
        if aggregate == "count":
            return len(entries), entries
        if aggregate in ("previous", "since_previous"):
            # the latest *earlier* event: never the current one (include_current), never one after it (around)
            for entry in reversed(entries):
                if entry.time > time or entry.sequence == sequence:
                    continue
                if aggregate == "since_previous":
                    return (time - entry.time) / _UNIT[feature.unit], [entry]
                if entry.value is not None:
                    return entry.value, [entry]
            return None, []
        used = [entry for entry in entries if entry.value is not None]
        values = [entry.value for entry in used]
        if aggregate == "distinct":
            return len({_distinct_key(value) for value in values}), used
        if aggregate == "sum":
            return sum(values), used
        if not values:
            return None, []
        if aggregate == "mean":
            return sum(values) / len(values), used
        if aggregate == "min":
            return min(values), used
        if aggregate == "max":
            return max(values), used
        if aggregate == "first":
            return values[0], used[:1]
        return values[-1], used[-1:]  # last

    # ------------------------------------------------------------------ record

    def record(self, kind: str, env: Mapping[str, Any], sequence: int, event_id: Any) -> None:
        """Remember an accepted event for the features that aggregate its kind."""
        pending, self._pending = self._pending, None
        if pending is not None and pending[0] == sequence and pending[1] is env:
            _, _, time, late, seen = pending
        else:
            time = self.time_of(kind, env)
            late = self.is_late(time)
            seen = {}
        if time is None:
            return
        counters = self.store.counters
        if late:
            counters["late_events"] = counters.get("late_events", 0) + 1
            return
        newest = counters.get("max_time")
        if newest is None or time > newest:
            counters["max_time"] = newest = time
        features = self.recorded_by_kind.get(kind)
        if not features:
            return
        store = self.store
        display_id = event_id if event_id is not None else f"#{sequence}"
        reach = newest - self.lateness
        added = 0
        for feature in features:
            found = seen.get(feature.name)
            key = found[0] if found is not None else self.key_of(feature, kind, env)
            if key is None or (feature.where is not None and not self._passes(feature, env)):
                continue
            store.add(feature.name, key, Entry(time, sequence, display_id, env.get(feature.field) if feature.field else None))
            horizon = reach - feature.window
            # the new entry is never older than the horizon: evict only when the oldest one was
            if found is None or (found[1] is not None and found[1] < horizon):
                store.evict(feature.name, key, horizon)
            added += 1
        self._adds_since_sweep += added
        if self._adds_since_sweep >= self._sweep_after:
            self._adds_since_sweep = 0
            self.store.sweep({f.name: newest - self.lateness - f.window for f in self.ruleset.features.values()})
            self._sweep_after = max(SWEEP_MIN, self.store.size())


def _time(entry: Entry) -> int:
    return entry.time


def _order(entry: Entry) -> tuple[int, int]:
    return (entry.time, entry.sequence)


def _distinct_key(value: Any) -> Any:
    """Numbers are distinct by value (1 and 1.0 are one value); other values by type and value."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return ("number", value)
    return (type(value).__name__, value)


def _display_id(event_id: Any, sequence: int) -> Any:
    return event_id if event_id is not None else f"#{sequence}"
