"""The asserted fact: the one-template path for numbers and strings gives the slot-by-slot text."""

from __future__ import annotations

import enum
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from riskengine import Engine, load_ruleset_text
from riskengine.engine.events import INT64_MAX, INT64_MIN

RULESET = """
ruleset: facts_test
version: "1"
title: facts test
events:
  payment:
    entity: name
    fields:
      name: string
      amount: number
      count: integer
flags:
  - id: F-1
    title: all three
    on: payment
    when: amount > 1 and count > 1 and name == "x"
    severity: low
    weight: 10
"""

ENGINE = Engine(load_ruleset_text(RULESET))
BUILDER = ENGINE._kinds["payment"].facts

numbers = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=INT64_MIN, max_value=INT64_MAX),
)


@settings(max_examples=300, deadline=None)
@given(
    name=st.one_of(st.none(), st.text()),
    amount=st.one_of(st.none(), numbers),
    count=st.one_of(st.none(), st.integers(min_value=INT64_MIN, max_value=INT64_MAX)),
)
def test_the_template_gives_the_text_and_keys_of_the_slot_by_slot_build(name, amount, count):
    env = {key: value for key, value in {"name": name, "amount": amount, "count": count}.items() if value is not None}
    text, present = BUILDER.build(env)
    expected_text, expected_present = BUILDER.build_slot_by_slot(env)
    assert text == expected_text
    assert set(present) == set(expected_present)
    parsed = json.loads("{" + text)  # JSON, with every value exact
    assert parsed.get(next(slot.key for slot in BUILDER.plan.slots if slot.source.name == "amount")) == amount


def test_events_with_tiny_and_huge_floats_are_decided_like_any_other():
    """Floats whose repr has an exponent take the careful encoding and still reach durable_rules."""
    for amount, fired in ((1e-05, False), (1e16, True), (2.5e300, True)):
        assessment = ENGINE.evaluate({"kind": "payment", "name": "x", "amount": amount, "count": 2})
        assert assessment.status == "scored"
        assert assessment.fired_ids == (["F-1"] if fired else [])


def test_values_of_subclasses_of_number_and_string_types_are_scored_as_plain_values():
    """An embedding application passes numpy floats or enums: they are numbers and strings."""

    class Amount(float):
        def __repr__(self) -> str:  # numpy 2 prints np.float64(2.0)
            return f"Amount({float(self)})"

    class Count(enum.IntEnum):
        TWO = 2

    class Name(str):
        pass

    assessment = ENGINE.evaluate({"kind": "payment", "name": Name("x"), "amount": Amount(2.0), "count": Count.TWO})
    assert assessment.status == "scored"
    assert assessment.fired_ids == ["F-1"]


@settings(max_examples=100, deadline=None)
@given(name=st.sampled_from(["x", "y"]), amount=numbers, count=st.integers(min_value=-5, max_value=5))
def test_a_settled_fact_fires_the_same_rules_against_the_true_rules_alone(name, amount, count):
    """Settled facts go to the ruleset of true rules only (backend.py): no false rule could fire."""
    kind = ENGINE._kinds["payment"]
    text, present = kind.facts.build({"name": name, "amount": amount, "count": count})
    assert kind.settles(present)
    every_rule = ENGINE._backend.fire(text, settled=False)
    assert all(ENGINE.ruleset.compiled.targets[rule].outcome for rule in every_rule)
    assert ENGINE._backend.fire(text, settled=True) == every_rule
    assert not kind.settles(kind.facts.build({"name": name, "amount": amount})[1])
