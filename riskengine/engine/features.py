"""Compute stateful features for an event, then remember the event for later ones.

Event time drives every window. An event at most ``allowed_lateness`` older than the newest event
seen is placed where it belongs: its windows hold only events at or before its own time (or around
it), exactly as if it had arrived in order. An older event is *late*: its features are unknown, so
the flags that use them are not evaluable rather than silently clean, and it is not remembered.

Per feature and key only the entries that a future window can still reach are kept: those newer
than ``newest time - allowed_lateness - window``. A key's old entries go when it gets a new one; a
periodic sweep (see ``SWEEP_MIN``) clears keys no event touches any more. Memory therefore grows
with the events inside the windows, not with the events seen.

Features that record the same events (the same kinds, key fields and field, and no ``where``) keep
them in one list per key, as far back as the longest of their windows reaches; each reads only its
own window from it, so sharing does not show, except in one place: when state is migrated to a new
ruleset version, a changed or new feature that shares its list with an unchanged one sees what that
one kept (exactly the events its own definition records) instead of starting empty.

Per event, compute() and record() do the least they can: the kind's plan is prepared once, each
distinct key is made once and looked up once per list, a window whose entries all fall inside it
needs no search, and the evidence keeps at most ``evidence_limit`` entries.

``previous`` and ``since_previous`` read the latest *earlier* event: never the current one (even
with ``include_current``) and never one after it (``around``). ``distinct`` compares numbers by
value (``1`` and ``1.0`` are one value).
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any, Iterator, Mapping, Sequence

from riskengine.engine.state import Entry, Key, StateStore
from riskengine.engine.values import engine_value, evaluate_item_condition
from riskengine.expressions.ir import Condition
from riskengine.ruleset.features import MICROSECONDS, Feature
from riskengine.ruleset.model import Ruleset

# A full sweep over every key now and then drops the entries of keys that no event touches any more
# (a key's own entries are evicted whenever it gets a new one). It runs once the entries held reach
# twice what the last sweep left, and at least SWEEP_MIN, so the entries held stay below
# max(SWEEP_MIN, twice what the windows held at the last sweep); the entries grow by what the last
# sweep left before the next one, so the cost per add stays constant. While the keys keep coming back
# their own evictions keep the entries flat and no sweep runs: a sweep reads every key, mostly from
# memory no cache holds any more, which costs far more per key than an event does.
SWEEP_MIN = 4096
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_UNIT = {"days": MICROSECONDS["day"], "hours": MICROSECONDS["hour"], "minutes": MICROSECONDS["minute"]}


class EventIds(Mapping[str, list[Any]]):
    """Feature name -> ids of the events that made its value (the most recent ``limit``).
    The lists are made on demand: only a fired flag's evidence reads them."""

    __slots__ = ("_used", "_limit")

    def __init__(self, limit: int) -> None:
        self._used: dict[str, Sequence[Entry]] = {}
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
    if type(value) is dt.datetime:  # the usual case first: validated datetimes are UTC
        delta = value - _EPOCH
        return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return engine_value(value)
    return engine_value(value) * MICROSECONDS["day"]


class _FeaturePlan:
    """What the per-event loop reads of one feature, for one event kind."""

    __slots__ = ("name", "aggregate", "reads_previous", "window", "around", "field", "where", "unit", "counts_current")

    def __init__(self, feature: Feature, kind: str) -> None:
        self.name = feature.name
        self.aggregate = feature.aggregate
        self.reads_previous = feature.aggregate in ("previous", "since_previous")
        self.window = feature.window
        self.around = feature.around
        self.field = feature.field
        self.where = feature.where
        self.unit = _UNIT[feature.unit]  # since_previous: microseconds per unit
        self.counts_current = feature.include_current and kind in feature.over


class _RecordGroup:
    """Features of one kind that record one entry under one key: they share a key and the field
    they keep, so the event makes one entry and adds it in one call."""

    __slots__ = ("key_slot", "field", "windows", "filtered")

    def __init__(self, key_slot: int, field: str | None) -> None:
        self.key_slot = key_slot
        self.field = field
        self.windows: tuple[tuple[str, int], ...] = ()  # (list, window) of the features without `where`
        self.filtered: tuple[tuple[str, int, Condition], ...] = ()  # (list, window, where) of the others


class _KindPlan:
    """For one event kind: its time field, its keys (one per distinct key, however many features
    share it), the features it reads grouped by key and list, and the lists it feeds grouped by key
    and field. ``lists``: feature -> (the list it is kept in, how far back that list reaches)."""

    __slots__ = ("time_field", "key_fields", "key_field", "computed", "recorded")

    def __init__(
        self, kind: str, time_field: str | None, computed: list[Feature], recorded: list[Feature],
        store: StateStore, lists: dict[str, tuple[str, int]],
    ) -> None:
        self.time_field = time_field
        key_slots: dict[tuple[tuple[str, ...], bool], int] = {}

        def slot_of(feature: Feature) -> int:
            fields = feature.keys[kind]
            return key_slots.setdefault((fields, feature.unordered and len(fields) > 1), len(key_slots))

        # features read per key and list: one lookup of the key serves the features sharing a list
        readers: dict[tuple[int, str], list[_FeaturePlan]] = {}
        for feature in computed:
            readers.setdefault((slot_of(feature), lists[feature.name][0]), []).append(_FeaturePlan(feature, kind))
        self.computed = tuple(
            (slot, store.table(list_name), tuple(features)) for (slot, list_name), features in readers.items()
        )
        groups: dict[tuple[int, str | None], _RecordGroup] = {}
        for feature in recorded:
            slot = slot_of(feature)
            group = groups.setdefault((slot, feature.field), _RecordGroup(slot, feature.field))
            kept_in = lists[feature.name]  # features that share a list add to it once
            if feature.where is not None:
                group.filtered += (kept_in + (feature.where,),)
            elif kept_in not in group.windows:
                group.windows += (kept_in,)
        self.recorded = tuple(groups.values())
        self.key_fields = tuple(key_slots)  # per slot: (fields, unordered)
        # the usual case: every feature of the kind is keyed by the same one field
        self.key_field = self.key_fields[0][0][0] if len(self.key_fields) == 1 and len(self.key_fields[0][0]) == 1 else None

    def keys(self, env: Mapping[str, Any]) -> list[Key | None]:
        """The event's key per slot (None: it misses a key field, and its features are unknown)."""
        keys: list[Key | None] = []
        for fields, unordered in self.key_fields:
            if len(fields) == 1:
                value = env.get(fields[0])
                keys.append(None if value is None else (value,))
                continue
            values = tuple(env.get(name) for name in fields)
            if None in values:
                keys.append(None)
            else:
                keys.append(tuple(sorted(values, key=_unordered_key)) if unordered else values)
        return keys


class StatefulFeatures:
    def __init__(self, ruleset: Ruleset, store: StateStore):
        self.ruleset = ruleset
        self.store = store
        self.lateness = ruleset.settings.allowed_lateness
        self.evidence_limit = ruleset.settings.evidence_limit
        self.by_kind: dict[str, list[Feature]] = {kind: [] for kind in ruleset.kinds}
        self.recorded_by_kind: dict[str, list[Feature]] = {kind: [] for kind in ruleset.kinds}
        for feature in ruleset.features.values():
            for kind in feature.keys:
                if kind in self.by_kind:
                    self.by_kind[kind].append(feature)
            for kind in feature.over:
                self.recorded_by_kind[kind].append(feature)
        # features that record the same events keep one list, as far back as the longest window needs
        groups = _sharing_groups(list(ruleset.features.values()))
        store.share(groups)
        lists = {
            name: (group[0], max(ruleset.features[member].window for member in group)) for group in groups for name in group
        }
        self._plans = {
            name: _KindPlan(name, kind.time, self.by_kind[name], self.recorded_by_kind[name], store, lists)
            for name, kind in ruleset.kinds.items()
        }
        self._sweep_at = SWEEP_MIN  # entries held that start a sweep
        # what compute() found for an event (sequence, env, time, late, keys), reused by record()
        self._pending: tuple[int, Mapping[str, Any], int | None, bool, list[Key | None] | None] | None = None

    @property
    def active(self) -> bool:
        return bool(self.ruleset.features)

    def next_sequence(self) -> int:
        counters = self.store.counters
        sequence = counters["sequence"] = counters.get("sequence", 0) + 1
        return sequence

    def time_of(self, kind: str, env: Mapping[str, Any]) -> int | None:
        plan = self._plans.get(kind)
        return None if plan is None or plan.time_field is None else event_time(env.get(plan.time_field))

    def is_late(self, time: int | None) -> bool:
        newest = self.store.counters.get("max_time")
        return time is not None and newest is not None and time < newest - self.lateness

    # ------------------------------------------------------------------ compute

    def compute(self, kind: str, env: Mapping[str, Any], sequence: int, event_id: Any) -> FeatureValues:
        result = FeatureValues(self.evidence_limit)
        plan = self._plans.get(kind)
        if plan is None or not plan.computed:
            self._pending = None
            return result
        # time_of(), is_late() and the usual case of event_time() and of plan.keys(), inlined: calls
        # are a good part of what the windows cost per event
        moment = env.get(plan.time_field)
        if type(moment) is dt.datetime:
            delta = moment - _EPOCH
            time: int | None = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
        else:
            time = event_time(moment)
        newest = self.store.counters.get("max_time")
        if time is None or (newest is not None and time < newest - self.lateness):
            result.late = late = time is not None
            self._pending = (sequence, env, time, late, None)
            return result
        if plan.key_field is not None:
            value = env.get(plan.key_field)
            keys = [None if value is None else (value,)]
        else:
            keys = plan.keys(env)
        self._pending = (sequence, env, time, False, keys)
        values = result.values
        used_by = result.event_ids._used
        limit = self.evidence_limit
        for key_slot, table, features in plan.computed:
            key = keys[key_slot]
            if key is None:
                continue
            entries = table.get(key, ())
            # `middle`: just after the entries at or before the event's time. Entries compare as
            # tuples, time first: (t,) sorts before every entry at time t. Usually no search is
            # needed: the newest entry is not after the event, the oldest is inside the window.
            if entries:
                first_time, last_time = entries[0].time, entries[-1].time
                middle = len(entries) if last_time <= time else bisect.bisect_left(entries, (time + 1,))
            for feature in features:
                name = feature.name
                # the window [low, high) in the entries, ties at both edges included
                if entries:
                    window = feature.window
                    low = 0 if first_time >= time - window else bisect.bisect_left(entries, (time - window,), 0, middle)
                    if not feature.around:
                        high = middle
                    elif last_time <= time + window:
                        high = len(entries)
                    else:
                        high = bisect.bisect_left(entries, (time + window + 1,), middle)
                else:
                    low = middle = high = 0
                if feature.reads_previous:
                    # the latest *earlier* event: never the current one (include_current; it is not
                    # remembered yet), never one after it (around)
                    before = middle - 1
                    if feature.aggregate == "previous":
                        while before >= low and entries[before].value is None:
                            before -= 1
                    if before >= low:
                        earlier = entries[before]
                        values[name] = earlier.value if feature.aggregate == "previous" else (time - earlier.time) / feature.unit
                        used_by[name] = (earlier,)
                    continue
                in_window = entries  # the entries [low, high) are in the window
                if feature.counts_current and (feature.where is None or _passes(feature.where, env)):
                    # in time order: after every remembered event at the same time (they arrived earlier)
                    current = Entry(time, sequence, _display_id(event_id, sequence), None if feature.field is None else env.get(feature.field))
                    in_window = [*entries[low:middle], current, *entries[middle:high]]
                    low, high = 0, len(in_window)
                aggregate = feature.aggregate
                if aggregate == "count":
                    values[name] = high - low
                    # the evidence shows the most recent `limit`: slice no more than those
                    used_by[name] = in_window[max(low, high - limit):high]
                    continue
                used = [entry for entry in in_window[low:high] if entry.value is not None]
                value, made_by = _aggregate(aggregate, used)
                if value is not None:
                    values[name] = value
                    used_by[name] = made_by
        return result

    # ------------------------------------------------------------------ record

    def record(self, kind: str, env: Mapping[str, Any], sequence: int, event_id: Any) -> None:
        """Remember an accepted event for the features that aggregate its kind."""
        pending, self._pending = self._pending, None
        if pending is not None and pending[0] == sequence and pending[1] is env:
            _, _, time, late, keys = pending
        else:
            time = self.time_of(kind, env)
            late = self.is_late(time)
            keys = None
        if time is None:
            return
        counters = self.store.counters
        if late:
            counters["late_events"] = counters.get("late_events", 0) + 1
            return
        newest = counters.get("max_time")
        if newest is None or time > newest:
            counters["max_time"] = newest = time
        plan = self._plans[kind]
        if not plan.recorded:
            return
        if keys is None:
            keys = plan.keys(env)
        display_id = _display_id(event_id, sequence)
        reach = newest - self.lateness  # no later event is older than this (or it is late)
        add = self.store.add
        held = 0  # entries in the store after the adds (0: nothing added)
        for group in plan.recorded:
            key = keys[group.key_slot]
            if key is None:
                continue
            windows = group.windows
            if group.filtered:
                windows += tuple((list_name, window) for list_name, window, where in group.filtered if _passes(where, env))
            if windows:
                held = add(key, Entry(time, sequence, display_id, None if group.field is None else env.get(group.field)), windows, reach)
        if held >= self._sweep_at:
            self.store.sweep({f.name: reach - f.window for f in self.ruleset.features.values()})
            self._sweep_at = max(SWEEP_MIN, 2 * self.store.size())


def _sharing_groups(features: list[Feature]) -> list[tuple[str, ...]]:
    """Features that record the same events: the same kinds and key fields, the same aggregated
    field, and no filter (a feature with `where` keeps its own list). Their lists would differ only
    in how far back they reach, so one list per key serves them all."""
    groups: dict[Any, tuple[str, ...]] = {}
    for feature in features:
        if feature.where is not None:
            groups[feature.name] = (feature.name,)
            continue
        keys = tuple((kind, feature.keys[kind]) for kind in sorted(feature.over))
        unordered = feature.unordered and any(len(fields) > 1 for _, fields in keys)
        identity = (keys, feature.field, unordered)
        groups[identity] = groups.get(identity, ()) + (feature.name,)
    return list(groups.values())


def _passes(where: Condition, env: Mapping[str, Any]) -> bool:
    # An event whose filter is unknown is not counted: a window counts what it can show.
    return evaluate_item_condition(where, env, None) is True


def _aggregate(aggregate: str, used: list[Entry]) -> tuple[Any, list[Entry]]:
    """A value aggregate over the entries carrying a value (in time order): the value (``None``:
    unknown) and the entries that made it."""
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


def _unordered_key(value: Any) -> tuple[str, Any]:
    return (type(value).__name__, value)


def _distinct_key(value: Any) -> Any:
    """Numbers are distinct by value (1 and 1.0 are one value); other values by type and value."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return ("number", value)
    return (type(value).__name__, value)


def _display_id(event_id: Any, sequence: int) -> Any:
    return event_id if event_id is not None else f"#{sequence}"
