"""Issue 6.2: dataset-relative flags: Tukey fences over the data set, computed in a first pass or
loaded from a baseline file, shown in the evidence, and applied to a stream."""

from __future__ import annotations

import json

from riskengine import Engine, load_ruleset
from riskengine.engine.baseline import build_baselines
from riskengine.interfaces.cli import app
from riskengine.ocds.events import convert_all

from .conftest import RULESET, jsonl, release


def priced(ocid: str, gap: float, winner: str = "W", runner: str = "L") -> dict:
    item = release(ocid)
    item["bids"]["details"][0]["tenderers"] = [{"id": winner}]
    item["bids"]["details"][1]["tenderers"] = [{"id": runner}]
    item["bids"]["details"][1]["value"]["amount"] = round(90000 * (1 + gap), 2)
    item["awards"][0]["suppliers"] = [{"id": winner}]
    return item


DATA = [priced(f"p{n}", gap) for n, gap in enumerate([0.20, 0.22, 0.18, 0.25, 0.21, 0.19, 0.23, 0.24, 0.20, 0.22, 0.001, 2.5])]


def test_the_fences_decide_and_appear_in_the_evidence() -> None:
    events, _ = convert_all(json.loads(json.dumps(DATA)))
    ruleset = load_ruleset(RULESET)
    engine = Engine(ruleset)
    statistics = build_baselines(engine, events)
    gap = statistics["price_gap"]
    assert gap["count"] == 12 and 0 < gap["lower_fence"] < 0.18 and 0.25 < gap["upper_fence"] < 2.5
    engine.set_baselines(statistics)
    fired = {}
    for event in events:
        assessment = engine.evaluate(event)
        for hit in assessment.flags:
            fired.setdefault(hit.id, []).append((event["ocid"] if "ocid" in event else event["org_id"], hit))
    assert [ocid for ocid, _ in fired["PP18"]] == ["p10"]
    assert [ocid for ocid, _ in fired["PP19"]] == ["p11"]
    evidence = fired["PP18"][0][1].evidence
    assert evidence["baseline.price_gap.q1"] == gap["q1"]
    assert evidence["baseline.price_gap.q3"] == gap["q3"]
    assert evidence["baseline.price_gap.lower_fence"] == gap["lower_fence"]
    assert f"outlier at or below the lower fence {gap['lower_fence']}" in fired["PP18"][0][1].message


def test_without_statistics_the_fixed_thresholds_apply_unless_turned_off() -> None:
    events, _ = convert_all(json.loads(json.dumps(DATA)))
    engine = Engine(load_ruleset(RULESET))
    process = next(e for e in events if e.get("ocid") == "p10" and e["kind"] == "process")
    assert "PP18" in {hit.id for hit in engine.evaluate(process).flags}  # 0.001 <= 0.05
    strict = Engine(load_ruleset(RULESET, params={"fence_fallback": False}))
    assessment = strict.evaluate(process)
    assert "PP18" in {item.id for item in assessment.not_evaluable}


def test_baseline_build_then_score_a_stream_with_the_baseline_file(runner, tmp_path) -> None:
    reference = tmp_path / "reference.jsonl"
    reference.write_text(jsonl(*DATA))
    baseline = tmp_path / "baseline.json"
    first = runner.invoke(app, ["ocds", "score", str(reference), "-o", str(tmp_path / "a.jsonl"), "--save-baseline", str(baseline)])
    assert first.exit_code == 0, first.output
    saved = json.loads(baseline.read_text())
    assert saved["format"] == "riskengine-baseline/1" and saved["baselines"]["price_gap"]["count"] == 12
    # new processes arrive one by one: the stored fences decide
    stream = tmp_path / "new.jsonl"
    stream.write_text(jsonl(priced("n1", 0.002), priced("n2", 0.21)))
    events = tmp_path / "new-events.jsonl"
    assert runner.invoke(app, ["ocds", "events", str(stream), "-o", str(events)]).exit_code == 0
    scored = runner.invoke(app, ["score", str(RULESET), str(events), "--baseline", str(baseline), "-o", str(tmp_path / "b.jsonl")])
    assert scored.exit_code == 0, scored.output
    lines = [json.loads(line) for line in (tmp_path / "b.jsonl").read_text().splitlines()]
    flagged = {line["event_id"] for line in lines for flag in line["flags"] if flag["id"] == "PP18"}
    assert flagged == {"n1/process"}


def test_organisation_flags_with_cardinal_minimum_support() -> None:
    rows = []
    for n in range(6):
        item = release(f"o{n}")
        item["buyer"] = {"id": f"B{n}"}
        item["tender"]["procuringEntity"] = {"id": f"B{n}"}
        if n == 0:
            item["bids"]["details"][1]["status"] = "disqualified"
        rows.append(item)
    events, _ = convert_all(rows)
    ruleset = load_ruleset(RULESET, params={"fence_fallback": False})
    engine = Engine(ruleset)
    engine.set_baselines(build_baselines(engine, events))
    fired = {(e["kind"], e.get("org_id")): {hit.id for hit in engine.evaluate(e).flags} for e in events if e["kind"] in ("buyer", "procuring_entity")}
    assert fired[("buyer", "B0")] == {"PP28B"} and fired[("procuring_entity", "B0")] == {"PP28P"}
    assert all(not flags for key, flags in fired.items() if key[1] != "B0")
