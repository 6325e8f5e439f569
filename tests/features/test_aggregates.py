"""Every aggregate against the brute-force oracle, over random rulesets and event streams.

Each feature gets a flag ``when: exists(<feature>)``: it fires exactly when the feature is known,
and its evidence shows the value and ``<feature>.event_ids``.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riskengine import Engine

from .common import (
    AGGREGATES,
    KEYS,
    KINDS,
    RulesetSpec,
    Spec,
    engine_for,
    event_streams,
    is_rejected,
    ruleset_specs,
)
from .oracle import EventResult, run_oracle

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check_against_oracle(spec: RulesetSpec, events: list[dict[str, Any]], engine: Engine | None = None) -> list[EventResult]:
    engine = engine or engine_for(spec.text())
    expected = run_oracle(
        events, KINDS, spec.oracle_features(), spec.lateness_micros, spec.evidence_limit, is_rejected=is_rejected
    )
    names = spec.names()
    late = 0
    for position, (event, want) in enumerate(zip(events, expected)):
        got = engine.evaluate(event)
        where = f"event {position} {event}"
        if want.rejected:
            assert got.status == "rejected", where
            continue
        assert got.status == "scored", (where, got.errors)
        late += want.late
        fired = {flag.id: flag for flag in got.flags}
        for name, feature_spec in zip(names, spec.features):
            flag = fired.get(f"F_{name}")
            if event["kind"] not in KEYS[feature_spec.key][1]:
                assert flag is None, where
                continue
            if name not in want.values:
                assert flag is None, (where, name, flag and flag.evidence)
                continue
            assert flag is not None, (where, name, want.values[name])
            value = flag.evidence[name]
            assert value == want.values[name] and type(value) is not bool, (where, name, value, want.values[name])
            assert flag.evidence[f"{name}.event_ids"] == want.event_ids[name], (where, name, flag.evidence)
    assert engine.late_events == late
    return expected


@given(spec=ruleset_specs(), events=event_streams())
@SETTINGS
def test_random_features_match_oracle(spec: RulesetSpec, events: list[dict[str, Any]]) -> None:
    check_against_oracle(spec, events)


@pytest.mark.parametrize("aggregate", AGGREGATES)
@given(data=st.data())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_each_aggregate_matches_oracle(aggregate: str, data: st.DataObject) -> None:
    spec = data.draw(ruleset_specs(min_features=1, max_features=2, aggregates=(aggregate,)))
    events = data.draw(event_streams(min_size=10, max_size=40))
    check_against_oracle(spec, events)


# ---------------------------------------------------------------------- hand-written edges

def _spec(aggregate: str, *, key: str = "a", over: tuple[str, ...] = ("pay",), window: str = "12 hours", field: str | None = None,
          where: str = "none", around: bool = False, include_current: bool = False, unordered: bool = False,
          unit: str = "hours", lateness: str = "0 days", limit: int = 10) -> RulesetSpec:
    return RulesetSpec((Spec(aggregate, key, over, window, field, where, around, include_current, unordered, unit),), lateness, limit)


def _pay(index: int, **fields: Any) -> dict[str, Any]:
    from .common import time_text

    return {"kind": "pay", "t": time_text(index, "pay", 0), "a": "x", **fields}


def test_window_ends_are_inclusive() -> None:
    spec = _spec("count", window="12 hours")
    events = [_pay(0, event_id="A"), _pay(1, event_id="B"), _pay(2, event_id="C"), _pay(3, event_id="D")]
    results = check_against_oracle(spec, events)
    assert results[2].values["f0_count"] == 2  # 12 hours back from C reaches A exactly
    assert results[3].values["f0_count"] == 2  # D: B and C, not A
    assert results[3].event_ids["f0_count"] == ["B", "C"]


def test_previous_ignores_the_current_event_even_with_include_current() -> None:
    spec = _spec("previous", field="v", include_current=True)
    results = check_against_oracle(spec, [_pay(0, v=1), _pay(1, v=2)])
    assert "f0_previous" not in results[0].values
    assert results[1].values["f0_previous"] == 1


def test_around_with_include_current_keeps_time_order() -> None:
    spec = _spec("last", field="v", around=True, include_current=True, lateness="1 days")
    events = [_pay(2, v=5, event_id="late-in-time"), _pay(1, v=7, event_id="current")]
    results = check_against_oracle(spec, events)
    assert results[1].values["f0_last"] == 5  # the event after it in time is the last, not the current one
    first = check_against_oracle(_spec("first", field="v", around=True, include_current=True, lateness="1 days"), events)
    assert first[1].values["f0_first"] == 7


def test_previous_with_around_shows_the_event_that_made_it() -> None:
    spec = _spec("previous", field="v", around=True, lateness="1 days")
    events = [_pay(0, v=1, event_id="before"), _pay(2, v=3, event_id="after"), _pay(1, v=9, event_id="now")]
    results = check_against_oracle(spec, events)
    assert results[2].values["f0_previous"] == 1
    assert results[2].event_ids["f0_previous"] == ["before"]


def test_distinct_counts_numbers_by_value() -> None:
    spec = _spec("distinct", field="v", include_current=True)
    results = check_against_oracle(spec, [_pay(0, v=1), _pay(0, v=1.0), _pay(0, v=2)])
    assert [result.values["f0_distinct"] for result in results] == [1, 1, 2]


def test_late_event_is_assessed_with_unknown_features_and_not_remembered() -> None:
    spec = _spec("count", window="1 weeks", lateness="6 hours")
    engine = engine_for(spec.text())
    events = [_pay(4), _pay(3, event_id="within"), _pay(2, event_id="late"), _pay(5)]
    results = check_against_oracle(spec, events, engine)
    assert [result.late for result in results] == [False, False, True, False]
    assert results[3].values["f0_count"] == 2
    assert engine.late_events == 1


def test_unordered_composite_keys_across_kinds() -> None:
    spec = _spec("count", key="pair", over=("game", "pay"), unordered=True)
    events = [
        {"kind": "game", "at": "2024-01-10T00:00:00Z", "home": "x", "away": "y", "event_id": "g"},
        {"kind": "pay", "t": "2024-01-10T01:00:00Z", "a": "y", "b": "x", "event_id": "p"},
        {"kind": "pay", "t": "2024-01-10T02:00:00Z", "a": "x", "b": "z"},
    ]
    results = check_against_oracle(spec, events)
    assert results[1].values["f0_count"] == 1 and results[1].event_ids["f0_count"] == ["g"]
    assert results[2].values["f0_count"] == 0
