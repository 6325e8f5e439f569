"""Where stateful features keep the events inside their windows, and entity profiles.

``StateStore`` is the interface the feature logic uses; ``MemoryStateStore`` is the embedded default.
A Redis-backed store implements the same methods (entries per feature and key, ordered by event time,
one list for features that record the same events; a few counters; profiles) without the feature
logic changing.

State files (``Engine.save_state``) are JSON, written atomically: a temporary file in the same
folder, flushed and fsynced, then renamed over the old one, so a crash mid-write leaves the previous
state intact.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Mapping, NamedTuple, Protocol, Sequence

STATE_FORMAT = "riskengine-state/1"
PROFILE_KEYS = frozenset(
    {"entity", "events", "flags", "max_score", "max_band", "latest_score", "latest_band", "first_seen", "last_seen"}
)
Key = tuple[Any, ...]


class Entry(NamedTuple):
    """One earlier event as a feature remembers it (a named tuple: cheap to make, small to keep)."""

    time: int  # event time, microseconds since 1970-01-01 UTC
    sequence: int  # arrival order, breaks ties between equal times
    event_id: Any
    value: Any  # the aggregated field's value (None when the event did not carry it)


def _order(entry: Entry) -> tuple[int, int]:
    return (entry.time, entry.sequence)


class StateStore(Protocol):
    """Per feature, per key, the entries of the events a window can still reach; counters; profiles.
    A store serves the features of one ruleset."""

    counters: dict[str, int]
    profiles: dict[Any, dict[str, Any]]

    def share(self, groups: Iterable[Sequence[str]]) -> None:
        """Keep the entries of each group of features in one list per key: the features of a group
        record the same events, only how far back their windows reach differs. ``add`` may name any
        feature of a group; ``items`` lists the group's entries for each of its features."""

    def table(self, feature: str) -> Mapping[Key, Sequence[Entry]]:
        """The entries of one feature: key -> entries ordered by (time, sequence). A live view, for
        reading: it shows every later change, so a caller asks for it once and keeps it."""

    def add(self, key: Key, entry: Entry, windows: Iterable[tuple[str, int]], reach: int | None = None) -> int:
        """Add the entry under the key for each ``(feature, window)``, unless it is there already.
        With ``reach`` (the oldest time a new event may have; the entry is not older), then forget
        the feature's entries under the key older than ``reach - window``: no window can reach them
        any more. Returns ``size()``, which the caller checks after every event."""

    def sweep(self, horizons: dict[str, int]) -> None:
        """Forget, across all keys, each feature's entries older than its horizon; drop keys left empty."""

    def size(self) -> int:
        """How many entries are held."""

    def items(self) -> Iterable[tuple[str, Key, Sequence[Entry]]]:
        """(feature, key, entries) for every key that holds entries."""

    def clear(self) -> None: ...


class MemoryStateStore:
    """In-process state: per feature (or group of features that share their entries), per key, a
    list ordered by (time, sequence)."""

    def __init__(self) -> None:
        self._tables: dict[str, dict[Key, list[Entry]]] = {}  # list name -> key -> entries
        self._list_of: dict[str, str] = {}  # feature -> the name its entries are kept under (a group's first feature)
        self._listed_for: dict[str, tuple[str, ...]] = {}  # list name -> the features it serves
        self._size = 0  # entries held
        self.counters: dict[str, int] = {"sequence": 0, "late_events": 0}
        self.profiles: dict[Any, dict[str, Any]] = {}

    def share(self, groups: Iterable[Sequence[str]]) -> None:
        list_of = {feature: group[0] for group in groups for feature in group}
        if list_of == self._list_of:
            return
        # entries held already (a store handed to a new engine) move into the lists they now belong to
        present = [(feature, key, list(bucket)) for feature, key, bucket in self.items()]
        self._list_of = list_of
        self._listed_for = {}
        for feature, name in list_of.items():
            self._listed_for[name] = self._listed_for.get(name, ()) + (feature,)
        for table in self._tables.values():
            table.clear()  # in place: callers keep the tables they were given
        self._size = 0
        for feature, key, bucket in present:
            for entry in bucket:
                self.add(key, entry, ((feature, 0),))

    def table(self, feature: str) -> Mapping[Key, Sequence[Entry]]:
        return self._table(self._list_of.get(feature, feature))

    def add(self, key: Key, entry: Entry, windows: Iterable[tuple[str, int]], reach: int | None = None) -> int:
        held = self._size
        for feature, window in windows:
            name = self._list_of.get(feature, feature)
            table = self._tables.get(name)
            if table is None:
                table = self._table(name)
            bucket = table.get(key)
            if bucket is None:
                bucket = table[key] = [entry]
                held += 1
            elif bucket[-1].time < entry.time or (bucket[-1].time == entry.time and bucket[-1].sequence < entry.sequence):
                bucket.append(entry)  # the usual case: events arrive in time order
                held += 1
            else:
                position = bisect.bisect_left(bucket, _order(entry), key=_order)
                # an entry there already (the features of a group list the same entries) is not
                # added twice; the eviction below still applies
                if position == len(bucket) or _order(bucket[position]) != _order(entry):
                    bucket.insert(position, entry)
                    held += 1
            if reach is not None and bucket[0].time < reach - window:
                held -= _forget_before(table, key, bucket, reach - window)
        self._size = held
        return held

    def sweep(self, horizons: dict[str, int]) -> None:
        for name, table in self._tables.items():
            # a shared list serves its longest window
            known = [horizons[feature] for feature in self._listed_for.get(name, (name,)) if feature in horizons]
            if not known or not table:
                continue
            horizon = min(known)
            stale = [(key, bucket) for key, bucket in table.items() if bucket[0].time < horizon]
            for key, bucket in stale:
                self._size -= _forget_before(table, key, bucket, horizon)

    def size(self) -> int:
        return self._size

    def items(self) -> Iterable[tuple[str, Key, Sequence[Entry]]]:
        for name, table in self._tables.items():
            for feature in self._listed_for.get(name, (name,)):
                for key, bucket in table.items():
                    yield feature, key, bucket

    def clear(self) -> None:
        for table in self._tables.values():
            table.clear()  # in place: callers keep the tables they were given
        self._size = 0
        self.counters = {"sequence": 0, "late_events": 0}
        self.profiles.clear()

    def _table(self, name: str) -> dict[Key, list[Entry]]:
        table = self._tables.get(name)
        if table is None:
            table = self._tables[name] = {}
        return table


def _forget_before(table: dict[Key, list[Entry]], key: Key, bucket: list[Entry], horizon: int) -> int:
    """Drop a key's entries older than the horizon (and the key once it has none); how many went.
    Entries compare as tuples, time first: ``(horizon,)`` sorts before every entry at that time."""
    cut = bisect.bisect_left(bucket, (horizon,))
    del bucket[:cut]
    if not bucket:
        del table[key]
    return cut


# ---------------------------------------------------------------------- persistence


class StateError(Exception):
    """A state file cannot be used: unreadable, corrupt, or written by another ruleset."""


def encode_value(value: Any) -> Any:
    """JSON for a typed value; dates and datetimes keep their type through a tag."""
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, list):
        return [encode_value(item) for item in value]
    return value


def decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        if "$datetime" in value:
            return dt.datetime.fromisoformat(value["$datetime"])
        if "$date" in value:
            return dt.date.fromisoformat(value["$date"])
    if isinstance(value, list):
        return [decode_value(item) for item in value]
    return value


def snapshot(store: StateStore, header: dict[str, Any]) -> dict[str, Any]:
    features: dict[str, list[Any]] = {}
    for feature, key, bucket in store.items():
        features.setdefault(feature, []).append(
            {
                "key": encode_value(list(key)),
                "entries": [[e.time, e.sequence, e.event_id, encode_value(e.value)] for e in bucket],
            }
        )
    return {
        "format": STATE_FORMAT,
        **header,
        "counters": dict(store.counters),
        "entries": features,
        "profiles": [encode_value(profile) for profile in store.profiles.values()],
    }


def restore(store: StateStore, document: dict[str, Any], keep_features: set[str]) -> None:
    """Replace the store's content with a snapshot. The whole document is decoded and checked
    first: a malformed one raises ``StateError`` and leaves the store as it was."""
    try:
        counters = {str(name): _integer(value) for name, value in _mapping(document.get("counters", {})).items()}
        entries: list[tuple[str, Key, list[Entry]]] = []
        for feature, keyed in _mapping(document.get("entries", {})).items():
            if feature not in keep_features:
                continue
            for item in _sequence(keyed):
                key = tuple(_sequence(decode_value(_mapping(item)["key"])))
                hash(key)
                bucket = []
                for row in _sequence(_mapping(item)["entries"]):
                    time, sequence, event_id, value = _sequence(row)
                    bucket.append(Entry(_integer(time), _integer(sequence), event_id, decode_value(value)))
                bucket.sort(key=_order)
                entries.append((feature, key, bucket))
        profiles = []
        for profile in _sequence(document.get("profiles", [])):
            decoded = decode_value(_mapping(profile))
            hash(decoded["entity"])  # every profile names its entity, a plain value
            missing = PROFILE_KEYS - decoded.keys()
            if missing:
                raise KeyError(f"profile of {decoded['entity']!r} lacks {', '.join(sorted(missing))}")
            profiles.append(decoded)
    except (KeyError, TypeError, ValueError) as error:
        raise StateError(f"the state file is damaged: {type(error).__name__}: {error}") from None
    store.clear()
    store.counters.update(counters)
    for feature, key, bucket in entries:
        for entry in bucket:
            store.add(key, entry, ((feature, 0),))
    for profile in profiles:
        store.profiles[profile["entity"]] = profile


def _mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, found {type(value).__name__}")
    return value


def _sequence(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, found {type(value).__name__}")
    return value


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, found {value!r}")
    return value


def write_atomically(path: str | Path, document: dict[str, Any]) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent))
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(document, stream, ensure_ascii=False, separators=(",", ":"))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    try:
        directory = os.open(str(target.parent), os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    except OSError:
        pass  # not every file system lets a directory be fsynced


def read_state_file(path: str | Path) -> dict[str, Any]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise StateError(f"cannot read the state file {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise StateError(f"the state file {path} is not UTF-8 text (a riskengine state file is JSON)") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise StateError(f"the state file {path} is not valid JSON (line {error.lineno}, column {error.colno})") from None
    except RecursionError:
        raise StateError(f"the state file {path} is not a riskengine state file (nested too deeply)") from None
    if not isinstance(document, dict) or document.get("format") != STATE_FORMAT:
        raise StateError(f"{path} is not a riskengine state file (expected format {STATE_FORMAT})")
    return document
