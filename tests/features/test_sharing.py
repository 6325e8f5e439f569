"""Features that record the same events (same kinds, key, field, no `where`) share one list of
entries per key, kept as long as the longest of their windows needs. Sharing must not show:
every feature still sees exactly its own window, across restarts too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riskengine import Engine
from riskengine.engine.features import _sharing_groups

from .common import KEYS, LATENESS, UNITS, WINDOWS, RulesetSpec, Spec, engine_for, event_streams, ruleset_for, time_text
from .test_aggregates import check_against_oracle

# aggregates by the field they keep: features share a list only when they keep the same field
BY_FIELD = {
    None: ("count", "since_previous"),
    "v": ("sum", "mean", "min", "max", "distinct", "first", "last", "previous"),
}


@st.composite
def sharing_specs(draw: st.DrawFn) -> RulesetSpec:
    """Two to four features over the same kinds, key and field, without `where`: one list."""
    key = draw(st.sampled_from(sorted(KEYS)))
    kinds = sorted(KEYS[key][1])
    over = tuple(sorted(draw(st.sets(st.sampled_from(kinds), min_size=1, max_size=len(kinds)))))
    field = draw(st.sampled_from(sorted(BY_FIELD, key=str)))
    unordered = key in ("ab", "pair") and draw(st.booleans())
    features = tuple(
        Spec(
            aggregate=aggregate,
            key=key,
            over=over,
            window=draw(st.sampled_from(WINDOWS)),
            field=field,
            where="none",
            around=draw(st.booleans()),
            include_current=draw(st.booleans()),
            unordered=unordered,
            unit=draw(st.sampled_from(UNITS)) if aggregate == "since_previous" else "days",
        )
        for aggregate in draw(st.lists(st.sampled_from(BY_FIELD[field]), min_size=2, max_size=4))
    )
    return RulesetSpec(features, draw(st.sampled_from(LATENESS)), draw(st.sampled_from((0, 1, 3, 10))))


@given(spec=sharing_specs(), events=event_streams())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_features_sharing_a_list_match_the_oracle(spec: RulesetSpec, events: list[dict[str, Any]]) -> None:
    assert len(_sharing_groups(list(ruleset_for(spec.text()).features.values()))) == 1
    check_against_oracle(spec, events)


def _pay(index: int, **fields: Any) -> dict[str, Any]:
    return {"kind": "pay", "t": time_text(index, "pay", 0), "a": "x", **fields}


def _spec(*features: tuple[str, str, bool], lateness: str = "0 days") -> RulesetSpec:
    """Features over `pay` by `a`, keeping no field: (aggregate, window, include_current)."""
    return RulesetSpec(
        tuple(Spec(aggregate, "a", ("pay",), window, None, "none", False, current, False, "hours") for aggregate, window, current in features),
        lateness,
        10,
    )


def test_only_features_recording_the_same_events_share() -> None:
    text = RulesetSpec(
        (
            Spec("count", "a", ("pay",), "1 days", None, "none", False, False, False, "days"),
            Spec("since_previous", "a", ("pay",), "1 weeks", None, "none", False, True, False, "hours"),
            Spec("count", "a", ("pay",), "1 days", None, "v_gt_1", False, False, False, "days"),  # a filter
            Spec("sum", "a", ("pay",), "1 days", "v", "none", False, False, False, "days"),  # another field
            Spec("count", "a", ("note", "pay"), "1 days", None, "none", False, False, False, "days"),  # other kinds
            Spec("count", "ab", ("pay",), "1 days", None, "none", False, False, False, "days"),  # another key
        ),
        "0 days",
        10,
    ).text()
    groups = _sharing_groups(list(ruleset_for(text).features.values()))
    assert sorted(groups) == [
        ("f0_count", "f1_since_previous"), ("f2_count",), ("f3_sum",), ("f4_count",), ("f5_count",),
    ]


def test_a_feature_counting_the_current_event_does_not_change_what_its_list_mates_see() -> None:
    spec = _spec(("count", "1 days", True), ("count", "12 hours", False), ("since_previous", "1 weeks", True))
    events = [_pay(0, event_id="A"), _pay(1, event_id="B"), _pay(3, event_id="C"), _pay(3, event_id="D")]
    results = check_against_oracle(spec, events)
    assert [result.values["f0_count"] for result in results] == [1, 2, 3, 4]  # with the current event
    assert [result.values["f1_count"] for result in results] == [0, 1, 1, 2]
    assert results[3].event_ids["f1_count"] == ["B", "C"]


def test_the_shorter_window_still_ends_where_it_should() -> None:
    # the list is kept for the week of f1; f0 reads only its own 12 hours, edges included
    spec = _spec(("count", "12 hours", False), ("count", "1 weeks", False))
    results = check_against_oracle(spec, [_pay(index, event_id=f"e{index}") for index in range(8)])
    assert [result.values["f0_count"] for result in results] == [0, 1, 2, 2, 2, 2, 2, 2]
    assert [result.values["f1_count"] for result in results] == list(range(8))
    assert results[7].event_ids["f0_count"] == ["e5", "e6"]


@given(events=event_streams(min_size=20, max_size=60), cuts=st.lists(st.floats(0, 1), min_size=1, max_size=3))
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
def test_restart_with_shared_lists_gives_the_same_assessments(tmp_path: Path, events: list[dict[str, Any]], cuts: list[float]) -> None:
    text = _spec(("count", "12 hours", True), ("since_previous", "2 days", False), ("count", "1 weeks", False), lateness="12 hours").text()
    continuous = Engine(ruleset_for(text))
    expected = [continuous.evaluate(event).model_dump_json() for event in events]
    got: list[str] = []
    engine = Engine(ruleset_for(text))
    start = 0
    for position in sorted({int(cut * len(events)) for cut in cuts} | {len(events)}):
        got += [engine.evaluate(event).model_dump_json() for event in events[start:position]]
        engine.save_state(tmp_path / "state.json")
        engine = Engine(ruleset_for(text))
        engine.load_state(tmp_path / "state.json")
        start = position
    assert got == expected


def test_a_changed_feature_sharing_a_list_with_a_kept_one_sees_its_history(tmp_path: Path) -> None:
    """Migration keeps the windows of unchanged features. A changed (or new) feature that records
    the same events as a kept one shares its list, so it sees what the kept one kept: the events its
    own definition records, as far back as the kept one reached."""
    before = _spec(("count", "1 weeks", False), ("since_previous", "1 weeks", False))
    after = _spec(("count", "1 weeks", False), ("since_previous", "2 days", False))
    engine = engine_for(before.text())
    for index in range(3):
        engine.evaluate(_pay(index))
    engine.save_state(tmp_path / "state.json")
    migrated = engine_for(after.text())
    migrated.load_state(tmp_path / "state.json", migrate=True)
    evidence: dict[str, Any] = {}
    for flag in migrated.evaluate(_pay(4)).flags:
        evidence.update(flag.evidence)
    assert evidence["f0_count"] == 3
    assert evidence["f1_since_previous"] == 12.0  # hours since the third payment (6-hour steps)
