"""Dataset baselines: type-8 quartiles, Tukey fences, the two-pass build, and stored statistics."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskengine import Engine, load_ruleset_text
from riskengine.engine.baseline import BaselineError, build_baselines, load_baselines, save_baselines
from riskengine.ruleset.baselines import quantile, summarise

RULESET = """
ruleset: fences
version: "1"
title: fences
params:
  minimum: 0.0
events:
  process:
    entity: ocid
    fields: {ocid: string, gap: number}
baselines:
  gap:
    of: gap
    on: process
    where: gap >= params.minimum
    percentiles: [90]
flags:
  - id: HIGH-GAP
    title: Heavily discounted
    on: process
    when: baseline.gap.upper_fence > 0 and gap >= baseline.gap.upper_fence
    severity: medium
    weight: 10
    explain: "gap {gap} at or above the fence {baseline.gap.upper_fence}"
"""
GAPS = [0.1, 0.12, 0.11, 0.13, 0.9, 0.1, 0.14]


def events():
    return [{"kind": "process", "event_id": str(i), "ocid": str(i), "gap": gap} for i, gap in enumerate(GAPS)]


def test_quartiles_are_hyndman_fan_type_8():
    assert quantile([1, 2, 3, 4], 0.25) == pytest.approx(1 + 5 / 12)
    assert quantile([1, 2, 3, 4], 0.5) == pytest.approx(2.5)
    assert quantile([1, 2, 3, 4], 0.75) == pytest.approx(3 + 7 / 12)
    assert quantile([7], 0.25) == 7


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=40))
def test_fences_bracket_the_quartiles(values):
    stats = summarise(values, (90,))
    assert stats["min"] <= stats["q1"] <= stats["median"] <= stats["q3"] <= stats["max"]
    assert stats["lower_fence"] <= stats["q1"] and stats["upper_fence"] >= stats["q3"]
    assert stats["count"] == len(values)


def test_without_statistics_the_flag_is_not_evaluable_and_with_them_it_decides():
    engine = Engine(load_ruleset_text(RULESET))
    assert engine.evaluate(events()[4]).not_evaluable[0].missing == ["baseline.gap.upper_fence"]
    engine.set_baselines(build_baselines(engine, events()))
    fired = [a.event_id for a in map(engine.evaluate, events()) if a.fired_ids]
    assert fired == ["4"]
    hit = engine.evaluate(events()[4]).flags[0]
    assert "baseline.gap.upper_fence" in hit.evidence and "at or above the fence" in hit.message


def test_stored_statistics_are_refused_when_the_definition_changed(tmp_path):
    ruleset = load_ruleset_text(RULESET)
    engine = Engine(ruleset)
    path = tmp_path / "baseline.json"
    save_baselines(path, ruleset, build_baselines(engine, events()))
    assert load_baselines(path, ruleset)["gap"]["count"] == len(GAPS)
    stricter = load_ruleset_text(RULESET, params={"minimum": 0.11})
    with pytest.raises(BaselineError, match="build it again"):
        load_baselines(path, stricter)
    document = json.loads(path.read_text())
    document["ruleset"]["id"] = "other"
    path.write_text(json.dumps(document))
    with pytest.raises(BaselineError, match="built for ruleset 'other'"):
        load_baselines(path, ruleset)
