"""The evaluation core end to end: statuses, evidence, determinism, threads, several rulesets."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from riskengine import Engine, load_ruleset, load_ruleset_text

CONTRACT = Path(__file__).resolve().parent.parent / "fixtures" / "contract_soccer.yaml"

RULESET = """
ruleset: core_test
version: "1"
title: core test
params:
  cap: 0.1
  risky: [PA, KY]
events:
  payment:
    entity: agent_id
    fields:
      agent_id: string
      id: string
      sid: integer
      fee: number
      base: number
      country: string
      urgent: boolean
flags:
  - id: F-OR
    title: either branch
    on: payment
    when: fee > 100 or base > 100
    severity: low
    weight: 10
    typology: t
  - id: F-CAP
    title: fee above cap
    on: payment
    when: fee > params.cap * base
    severity: high
    weight: 30
    typology: t
    explain: "fee {fee} above {params.cap} of {base} ({country})"
    references: ["Regulation X, art. 1"]
  - id: F-IN
    title: risky country
    on: payment
    when: country in params.risky and not urgent
    severity: medium
    weight: 20
"""


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_ruleset_text(RULESET))


def event(**fields):
    return {"kind": "payment", "event_id": "e1", "agent_id": "A1", **fields}


def test_a_flag_whose_or_branches_are_both_true_fires_once(engine):
    assessment = engine.evaluate(event(fee=500, base=500))
    assert [f.id for f in assessment.flags].count("F-OR") == 1


def test_fields_named_like_durable_rules_reserved_keys_are_ordinary_fields(engine):
    first = engine.evaluate(event(id="same", sid=1, fee=50, base=100))
    second = engine.evaluate(event(id="same", sid=1, fee=50, base=100))
    assert first.status == second.status == "scored"
    assert first.fired_ids == second.fired_ids == ["F-CAP"]


def test_evidence_lists_event_values_then_params_and_the_message_is_rendered(engine):
    hit = next(f for f in engine.evaluate(event(fee=50, base=100, country="ES")).flags if f.id == "F-CAP")
    assert list(hit.evidence) == ["fee", "base", "params.cap"]
    assert hit.evidence == {"fee": 50, "base": 100, "params.cap": 0.1}
    assert hit.message == "fee 50 above 0.1 of 100 (ES)"
    assert hit.references == ["Regulation X, art. 1"]


def test_missing_values_make_flags_not_evaluable_with_the_missing_names(engine):
    assessment = engine.evaluate(event(fee=5))
    assert {n.id: n.missing for n in assessment.not_evaluable} == {"F-OR": ["base"], "F-CAP": ["base"], "F-IN": ["country", "urgent"]}


def test_kleene_or_with_one_true_branch_fires_despite_a_missing_value(engine):
    assessment = engine.evaluate(event(fee=500))
    assert "F-OR" in assessment.fired_ids
    assert "F-OR" not in [n.id for n in assessment.not_evaluable]


def test_false_and_unknown_is_not_fired_not_unevaluable(engine):
    assessment = engine.evaluate(event(country="ES"))
    assert "F-IN" not in assessment.fired_ids
    assert "F-IN" not in [n.id for n in assessment.not_evaluable]


@pytest.mark.parametrize(
    "raw, field, fragment",
    [
        ({"kind": "payment", "fee": "150"}, "fee", "expected a number"),
        ({"kind": "payment", "fee": True}, "fee", "expected a number"),
        ({"kind": "payment", "sid": 1.5}, "sid", "expected an integer"),
        ({"kind": "payment", "sid": 2**63}, "sid", "out of range"),
        ({"kind": "payment", "urgent": "true"}, "urgent", "expected true or false"),
        ({"kind": "paymnt"}, "kind", "did you mean 'payment'"),
        ({"fee": 1}, "kind", "missing"),
        ([1, 2], None, "JSON object"),
    ],
)
def test_bad_events_are_rejected_with_field_and_problem(engine, raw, field, fragment):
    assessment = engine.evaluate(raw)
    assert assessment.status == "rejected"
    assert any(e.field == field and fragment in e.problem for e in assessment.errors), assessment.errors
    dumped = assessment.model_dump()
    assert "score" not in dumped and "flags" not in dumped and dumped["errors"]


def test_malformed_json_lines_are_rejected_not_raised(engine):
    assessment = engine.evaluate_json('{"kind": "payment", "fee": ')
    assert assessment.status == "rejected"
    assert "invalid JSON" in assessment.errors[0].problem


def test_evaluate_many_keeps_order_and_continues_after_bad_input(engine):
    lines = [json.dumps(event(event_id="a", fee=500)), "not json", json.dumps(event(event_id="c", fee=1, base=1))]
    results = list(engine.evaluate_many(lines))
    assert [r.status for r in results] == ["scored", "rejected", "scored"]
    assert [r.event_id for r in results] == ["a", None, "c"]


def test_assessment_json_has_the_contract_keys_in_order(engine):
    dumped = json.loads(engine.evaluate(event(fee=500, base=100)).to_json())
    assert list(dumped) == ["event_id", "kind", "entity", "status", "score", "band", "flags", "not_evaluable", "ruleset"]
    assert list(dumped["flags"][0]) == ["id", "title", "severity", "weight", "typology", "message", "evidence", "references"]
    assert dumped["ruleset"]["hash"].startswith("sha256:")


def test_flags_are_sorted_by_weight_then_id(engine):
    assessment = engine.evaluate(event(fee=500, base=100, country="PA", urgent=False))
    assert assessment.fired_ids == ["F-CAP", "F-IN", "F-OR"]
    assert assessment.score == 60.0  # 30 + 20 + 10, no typology cap


def test_the_same_input_gives_byte_identical_output(engine):
    other = Engine(load_ruleset_text(RULESET))
    payload = event(fee=500, base=100, country="PA", urgent=False)
    assert engine.evaluate(payload).to_json() == other.evaluate(dict(payload)).to_json()


def test_no_hits_are_lost_when_many_threads_share_one_engine(engine):
    payloads = [event(event_id=str(i), fee=500 if i % 2 else 5, base=100, country="PA", urgent=bool(i % 3)) for i in range(400)]
    expected = {p["event_id"]: engine.evaluate(p).fired_ids for p in payloads}
    seen: dict[str, list[str]] = {}
    lock = threading.Lock()

    def work(chunk):
        for payload in chunk:
            fired = engine.evaluate(payload).fired_ids
            with lock:
                seen[payload["event_id"]] = fired

    threads = [threading.Thread(target=work, args=(payloads[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == expected


def test_several_rulesets_and_versions_live_in_one_process():
    v1 = Engine(load_ruleset_text(RULESET))
    v2 = Engine(load_ruleset_text(RULESET.replace("fee > 100 or", "fee > 1000 or")))
    soccer = Engine(load_ruleset(CONTRACT))
    assert "F-OR" in v1.evaluate(event(fee=500)).fired_ids
    assert "F-OR" not in v2.evaluate(event(fee=500, base=1)).fired_ids
    assert soccer.evaluate({"kind": "agent_payment", "fee": 1}).status == "scored"


def test_param_overrides_change_the_compiled_rules():
    strict = Engine(load_ruleset_text(RULESET, params={"cap": 0.01}))
    loose = Engine(load_ruleset_text(RULESET, params={"cap": 1}))
    assert "F-CAP" in strict.evaluate(event(fee=5, base=100)).fired_ids
    assert "F-CAP" not in loose.evaluate(event(fee=5, base=100)).fired_ids


def test_the_contract_example_assessment(engine):
    soccer = Engine(load_ruleset(CONTRACT))
    assessment = soccer.evaluate({
        "kind": "agent_payment", "event_id": "e-17", "agent_id": "AG-9", "client_role": "releasing_club",
        "fee": 1500000, "transfer_compensation": 10000000, "paid_on": "2024-03-01",
    })
    dumped = assessment.model_dump()
    assert dumped["score"] == 25.0 and dumped["band"] == "low"
    assert dumped["flags"][0]["message"] == "Agent fee 1500000 exceeds 0.1 of the transfer compensation 10000000"
    assert list(dumped["flags"][0]["evidence"]) == ["client_role", "fee", "transfer_compensation", "params.releasing_agent_fee_cap"]
    assert dumped["flags"][0]["evidence"] == {
        "client_role": "releasing_club", "fee": 1500000, "transfer_compensation": 10000000,
        "params.releasing_agent_fee_cap": 0.1,
    }
    assert {"id": "SOC-02", "missing": ["annual_remuneration"]} in dumped["not_evaluable"]


def test_numbers_beyond_any_float_and_json_beyond_int_limits_are_rejected_not_raised(engine):
    too_big = engine.evaluate_json('{"kind": "payment", "fee": ' + "9" * 400 + "}")
    assert too_big.status == "rejected" and too_big.errors[0].field == "fee"
    too_long = engine.evaluate_json('{"kind": "payment", "fee": ' + "9" * 5000 + "}")
    assert too_long.status == "rejected" and "invalid JSON" in too_long.errors[0].problem


def test_unpaired_surrogates_still_give_a_writable_json_line(engine):
    assessment = engine.evaluate_json('{"kind": "payment", "event_id": "\\ud800", "agent_id": "A"}')
    line = assessment.to_json()
    line.encode("utf-8")
    assert json.loads(line)["event_id"] == "\ud800"


def test_not_evaluable_names_item_fields_and_the_inputs_of_a_failed_computation():
    ruleset = load_ruleset_text("""
ruleset: gaps
version: "1"
title: gaps
events:
  e: {entity: a, fields: {a: string, x: number, y: number, bids: [{amount: number}]}}
flags:
  - {id: F, title: t, on: e, when: any(b.amount > 5 for b in bids), severity: low, weight: 1}
  - {id: G, title: t, on: e, when: x / y > 1, severity: low, weight: 1}
""")
    assessment = Engine(ruleset).evaluate({"kind": "e", "bids": [{"amount": 1}, {}], "x": 1, "y": 0})
    assert {n.id: n.missing for n in assessment.not_evaluable} == {"F": ["bids.amount"], "G": ["x", "y"]}
