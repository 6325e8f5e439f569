"""State across restarts: A then B in one run == A, save_state, then B in a new Engine after load_state.

Also: state files of another ruleset (or other params) are refused unless migrating, migration keeps
the windows of unchanged features, writes are atomic, and damaged files raise StateError.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riskengine import Engine, load_ruleset, load_ruleset_text
from riskengine.engine import state as state_module
from riskengine.engine.state import StateError

from .common import RulesetSpec, Spec, engine_for, event_streams, ruleset_for, ruleset_specs, time_text


def assess_all(engine: Engine, events: list[dict[str, Any]]) -> list[str]:
    return [engine.evaluate(event).model_dump_json() for event in events]


def fresh_engine(text: str) -> Engine:
    """A new Engine (its own state store) on the cached ruleset: loading a ruleset is slow, and a
    Ruleset holds no state. ``test_restart_with_the_ruleset_loaded_again`` loads it anew."""
    return Engine(ruleset_for(text))


@given(spec=ruleset_specs(max_features=3), events=event_streams(max_size=40), cuts=st.lists(st.floats(0, 1), min_size=1, max_size=3))
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
def test_restart_gives_byte_identical_assessments(tmp_path_factory: pytest.TempPathFactory, spec: RulesetSpec, events: list[dict[str, Any]], cuts: list[float]) -> None:
    text = spec.text()
    continuous = engine_for(text)
    expected = assess_all(continuous, events)

    state_file = tmp_path_factory.mktemp("state") / "state.json"
    positions = sorted({int(cut * len(events)) for cut in cuts} | {len(events)})
    got: list[str] = []
    start = 0
    engine = fresh_engine(text)
    for position in positions:
        got += assess_all(engine, events[start:position])
        engine.save_state(state_file)
        engine = fresh_engine(text)
        engine.load_state(state_file)
        start = position
    assert got == expected
    assert engine.late_events == continuous.late_events
    assert [p.model_dump() for p in engine.entity_profiles()] == [p.model_dump() for p in continuous.entity_profiles()]
    assert sorted(os.listdir(state_file.parent)) == ["state.json"]  # no temporary files left behind


@given(events=event_streams(min_size=100, max_size=100))
@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
def test_restart_with_the_ruleset_loaded_again(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    """Restarts as in production: each run loads the ruleset file anew, saves, and the next loads."""
    spec = RulesetSpec(
        (
            Spec("count", "pair", ("game", "pay"), "1 days", None, "none", True, True, True, "days"),
            Spec("since_previous", "entity", ("game", "note", "pay"), "2 days", None, "v_gt_1", False, False, False, "hours"),
            Spec("distinct", "ab", ("note", "pay"), "36 hours", "s", "none", False, True, False, "days"),
            Spec("previous", "a", ("pay",), "1 weeks", "d", "not_ok", False, False, False, "days"),
        ),
        "12 hours",
        3,
    )
    ruleset_file = tmp_path / "ruleset.yaml"
    ruleset_file.write_text(spec.text())
    expected = assess_all(Engine(load_ruleset(ruleset_file)), events)
    state_file = tmp_path / "state.json"
    got: list[str] = []
    for start, stop in ((0, 30), (30, 31), (31, 100)):
        engine = Engine(load_ruleset(ruleset_file))
        if start:
            engine.load_state(state_file)
        got += assess_all(engine, events[start:stop])
        engine.save_state(state_file)
    assert got == expected


# ---------------------------------------------------------------------- fixed rulesets


KEEP = Spec("count", "a", ("pay",), "1 weeks", None, "none", False, False, False, "days")
CHANGE_BEFORE = Spec("sum", "a", ("pay",), "1 weeks", "v", "none", False, False, False, "days")
CHANGE_AFTER = Spec("sum", "a", ("pay",), "2 days", "v", "none", False, False, False, "days")
BEFORE = RulesetSpec((KEEP, CHANGE_BEFORE), "0 days", 10)
AFTER = RulesetSpec((KEEP, CHANGE_AFTER), "0 days", 10)


def _pay(index: int, **fields: Any) -> dict[str, Any]:
    return {"kind": "pay", "t": time_text(index, "pay", 0), "a": "x", "v": 1, **fields}


def _evidence(engine: Engine, event: dict[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for flag in engine.evaluate(event).flags:
        merged.update(flag.evidence)
    return merged


def _saved(tmp_path: Path, text: str, events: list[dict[str, Any]]) -> Path:
    engine = engine_for(text)
    assess_all(engine, events)
    path = tmp_path / "state.json"
    engine.save_state(path)
    return path


def test_state_of_another_ruleset_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = _saved(tmp_path, BEFORE.text(), [_pay(0), _pay(1)])
    engine = engine_for(AFTER.text())
    with pytest.raises(StateError) as refused:
        engine.load_state(path)
    message = str(refused.value)
    assert str(path) in message and "migrate" in message
    assert load_ruleset_text(BEFORE.text()).hash in message and engine.ruleset.hash in message
    # the refused engine still works from an empty state
    assert _evidence(engine, _pay(2))["f0_count"] == 0


def test_state_with_other_params_is_refused(tmp_path: Path) -> None:
    text = BEFORE.text().replace("settings:", "params:\n  cap: 1\nsettings:")
    path = _saved(tmp_path, text, [_pay(0)])
    other = Engine(load_ruleset_text(text, params={"cap": 2}))
    with pytest.raises(StateError, match="migrate"):
        other.load_state(path)
    Engine(load_ruleset_text(text)).load_state(path)  # same params: accepted


def test_migrate_keeps_unchanged_features_only(tmp_path: Path) -> None:
    before = [_pay(0, v=2), _pay(1, v=3)]
    path = _saved(tmp_path, BEFORE.text(), before)
    engine = engine_for(AFTER.text())
    engine.load_state(path, migrate=True)
    evidence = _evidence(engine, _pay(2, v=5))
    assert evidence["f0_count"] == 2  # unchanged definition: its window came through
    assert evidence["f1_sum"] == 0  # changed window: starts empty
    assert engine.entity_profile("x").events == 3  # profiles and counters come through


def test_migrate_keeps_a_feature_whose_description_changed(tmp_path: Path) -> None:
    path = _saved(tmp_path, BEFORE.text(), [_pay(0), _pay(1)])
    reworded = BEFORE.text().replace("    window: 1 weeks\n", "    window: 1 weeks\n    description: reworded\n", 1)
    assert reworded != BEFORE.text()
    engine = engine_for(reworded)
    engine.load_state(path, migrate=True)
    assert _evidence(engine, _pay(2))["f0_count"] == 2


def test_save_is_atomic_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = BEFORE.text()
    engine = engine_for(text)
    assess_all(engine, [_pay(0), _pay(1)])
    path = tmp_path / "state.json"
    engine.save_state(path)
    good = path.read_bytes()
    assess_all(engine, [_pay(2), _pay(3)])

    def failing_dump(document: Any, stream: Any, **options: Any) -> None:
        stream.write(json.dumps(document, **options)[:25])  # half a file, then the disk fills up
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(state_module.json, "dump", failing_dump)
    with pytest.raises(OSError):
        engine.save_state(path)
    monkeypatch.undo()
    assert path.read_bytes() == good
    assert sorted(os.listdir(tmp_path)) == ["state.json"]

    def failing_replace(source: Any, target: Any) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(state_module.os, "replace", failing_replace)
    with pytest.raises(OSError):
        engine.save_state(path)
    monkeypatch.undo()
    assert path.read_bytes() == good
    assert sorted(os.listdir(tmp_path)) == ["state.json"]

    restored = engine_for(text)
    restored.load_state(path)
    assert _evidence(restored, _pay(2))["f0_count"] == 2


def test_save_creates_missing_folders_and_replaces_the_old_file(tmp_path: Path) -> None:
    engine = engine_for(BEFORE.text())
    path = tmp_path / "deep" / "er" / "state.json"
    engine.save_state(path)
    first = json.loads(path.read_text())
    assess_all(engine, [_pay(0)])
    engine.save_state(path)
    second = json.loads(path.read_text())
    assert first["counters"]["sequence"] == 0 and second["counters"]["sequence"] == 1
    assert sorted(os.listdir(path.parent)) == ["state.json"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'{"format": "something-else/1"}',
        b"[" * 100_000,
    ],
    ids=["empty", "invalid-json", "binary", "not-an-object", "other-format", "deeply-nested"],
)
def test_unreadable_state_file_raises_state_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(content)
    with pytest.raises(StateError):
        engine_for(BEFORE.text()).load_state(path)


def test_missing_state_file_raises_state_error(tmp_path: Path) -> None:
    with pytest.raises(StateError, match="cannot read"):
        engine_for(BEFORE.text()).load_state(tmp_path / "absent.json")


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(entries={"f0_count": [{"key": ["x"], "entries": [["soon", 1, None, None]]}]}),
        lambda d: d.update(entries={"f0_count": [{"key": ["x"]}]}),
        lambda d: d.update(entries={"f0_count": {"x": 1}}),
        lambda d: d.update(counters={"sequence": "many"}),
        lambda d: d.update(profiles=[{"events": 1}]),
        lambda d: d.update(entries={"f0_count": [{"key": [{"$date": "not a date"}], "entries": []}]}),
        lambda d: d.update(entries={"f0_count": [{"key": [["x"]], "entries": []}]}),
        lambda d: d.update(profiles=[{"entity": ["x"], "events": 1}]),
        lambda d: d["profiles"][0].pop("max_band"),
    ],
    ids=["bad-time", "no-entries", "entries-not-a-list", "bad-counter", "profile-without-entity", "bad-date",
         "unhashable-key", "unhashable-entity", "incomplete-profile"],
)
def test_damaged_state_raises_state_error_and_keeps_the_current_state(tmp_path: Path, damage: Any) -> None:
    text = BEFORE.text()
    path = _saved(tmp_path, text, [_pay(0), _pay(1)])
    document = json.loads(path.read_text())
    damage(document)
    path.write_text(json.dumps(document))
    engine = engine_for(text)
    assess_all(engine, [_pay(0)])
    with pytest.raises(StateError, match="damaged"):
        engine.load_state(path)
    assert _evidence(engine, _pay(1))["f0_count"] == 1  # what it had before the failed load


def test_take_state_moves_windows_and_profiles_between_engines_in_memory():
    """A reloaded ruleset continues from the engine it replaces, without a state file."""
    from riskengine import Engine, load_ruleset_text

    text = """
ruleset: take
version: "1"
title: take
events:
  payment:
    entity: payer
    time: paid_on
    fields: {payer: string, paid_on: date}
features:
  earlier:
    aggregate: count
    over: payment
    by: payer
    window: 30 days
flags:
  - {id: REPEAT, title: repeated, on: payment, when: earlier >= 1, severity: low, weight: 5}
"""
    first = Engine(load_ruleset_text(text))
    first.evaluate({"kind": "payment", "payer": "P", "paid_on": "2025-01-01"})
    second = Engine(load_ruleset_text(text.replace('version: "1"', 'version: "2"')))
    second.take_state(first)
    assert second.evaluate({"kind": "payment", "payer": "P", "paid_on": "2025-01-02"}).fired_ids == ["REPEAT"]
    assert second.entity_profile("P").events == 2
    assert first.entity_profile("P").events == 1  # the source keeps its own, unshared
