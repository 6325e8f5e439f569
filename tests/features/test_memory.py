"""State holds the events the windows can still reach, not the events seen; entity profiles.

The streams advance in time at a constant rate, so the number of events inside any window stays
constant: the state held after 2N events must be no larger than after N (it must not double).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings

from riskengine import Engine
from riskengine.engine.features import SWEEP_MIN
from riskengine.engine.state import MemoryStateStore

from .common import KINDS, RulesetSpec, Spec, engine_for, event_streams, is_rejected, ruleset_specs
from .oracle import micros

COUNT_1D = Spec("count", "a", ("pay",), "1 days", None, "none", False, False, False, "days")
PREVIOUS_2D = Spec("previous", "a", ("pay",), "2 days", "v", "none", False, False, False, "days")
AROUND_1D = Spec("max", "entity", ("game", "pay"), "1 days", "v", "v_gt_1", True, True, False, "days")
MEMORY_RULESET = RulesetSpec((COUNT_1D, PREVIOUS_2D, AROUND_1D), "6 hours", 3)
START = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


def stream(count: int, entity: Any) -> list[dict[str, Any]]:
    """One event an hour (pay, with a game every fourth hour), the entity chosen by ``entity(i)``."""
    events = []
    for index in range(count):
        moment = (START + dt.timedelta(hours=index)).strftime("%Y-%m-%dT%H:%M:%SZ")
        if index % 4 == 3:
            events.append({"kind": "game", "at": moment, "home": entity(index), "away": "z", "v": index % 5})
        else:
            events.append({"kind": "pay", "t": moment, "a": entity(index), "b": "y", "v": index % 7})
    return events


def peaks(count: int, entity: Any) -> tuple[int, int, MemoryStateStore]:
    """The most entries held while the first ``count`` events streamed, and while the next ``count`` did."""
    store = MemoryStateStore()
    engine = Engine(engine_for(MEMORY_RULESET.text()).ruleset, state_store=store)
    sizes = []
    for event in stream(2 * count, entity):
        assert engine.evaluate(event).status == "scored"
        sizes.append(store.size())
    return max(sizes[:count]), max(sizes[count:]), store


def reachable(store: MemoryStateStore) -> int:
    """Entries a future window can still reach: no older than newest - lateness - the longest window."""
    horizon = store.counters["max_time"] - (6 + 48) * 3_600_000_000
    return sum(1 for _, _, bucket in store.items() for entry in bucket if entry.time >= horizon)


def test_state_stays_flat_with_a_fixed_set_of_entities() -> None:
    first, second, store = peaks(3000, lambda index: f"k{index % 20}")
    assert second <= first + 3, (first, second)
    assert first < 400  # ~24 + ~54 + ~30 entries in reach per feature set, plus one stale entry per key


def test_state_stays_flat_when_entities_come_and_go() -> None:
    # each entity is active for 10 hours and never seen again: only a sweep can free its entries
    first, second, store = peaks(3000, lambda index: f"k{index // 10}")
    assert second <= first * 1.1, (first, second)
    # what no window can reach never outnumbers max(SWEEP_MIN, what the windows hold)
    assert store.size() <= 2 * reachable(store) + SWEEP_MIN
    keys = [key for _, key, _ in store.items()]
    assert len(keys) <= store.size()  # no empty buckets kept
    assert len(set(keys)) < 300  # of the 600 entities seen


# ---------------------------------------------------------------------- entity profiles


def _instant(text: str | None) -> int | None:
    if text is None:
        return None
    return micros(text, "date" if len(text) == 10 else "datetime")


@given(spec=ruleset_specs(max_features=3), events=event_streams(max_size=50))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_entity_profiles_summarise_the_scored_events(spec: RulesetSpec, events: list[dict[str, Any]]) -> None:
    engine = engine_for(spec.text())
    band_rank = {name: rank for rank, (name, _) in enumerate(engine.ruleset.scoring.bands)}
    expected: dict[Any, dict[str, Any]] = {}
    for event in events:
        assessment = engine.evaluate(event)
        if is_rejected(event):
            assert assessment.status == "rejected"
            continue
        entity_field = {"pay": "a", "game": "home", "note": "a"}[event["kind"]]
        entity = event.get(entity_field)
        assert assessment.entity == entity
        if entity is None:
            continue
        time = micros(event.get(KINDS[event["kind"]].time_field), KINDS[event["kind"]].time_type)
        profile = expected.setdefault(entity, {"events": 0, "flags": {}, "max": None, "times": []})
        profile["events"] += 1
        for flag in assessment.flags:
            profile["flags"][flag.id] = profile["flags"].get(flag.id, 0) + 1
        rank = (assessment.score, band_rank[assessment.band])
        if profile["max"] is None or rank > profile["max"]:
            profile["max"] = rank
        profile["latest"] = (assessment.score, assessment.band)
        if time is not None:
            profile["times"].append(time)

    profiles = engine.entity_profiles()
    assert [p.entity for p in profiles] == sorted(expected)
    for got in profiles:
        want = expected[got.entity]
        assert got == engine.entity_profile(got.entity)
        assert got.events == want["events"]
        assert got.flags == want["flags"]
        assert (got.max_score, band_rank[got.max_band]) == want["max"]
        assert (got.latest_score, got.latest_band) == want["latest"]
        assert _instant(got.first_seen) == (min(want["times"]) if want["times"] else None)
        assert _instant(got.last_seen) == (max(want["times"]) if want["times"] else None)
    assert engine.entity_profile("never-seen") is None
