"""Thresholds that are not numbers are params too: windows, regex patterns; and feature filters may
use derived values."""

from __future__ import annotations

import pytest

from riskengine import Engine, RulesetError, load_ruleset_text

RULESET = """
ruleset: tunable
version: "1"
title: tunable thresholds
params:
  burst_window: 7 days
  code_pattern: "AG-[0-9]+"
events:
  payment:
    entity: payer
    time: paid_on
    fields: {payer: string, amount: number, fee: number, code: string, paid_on: date}
derived:
  net: amount - fee
features:
  big_payments:
    aggregate: count
    over: payment
    by: payer
    window: params.burst_window
    where: net > 1000
flags:
  - id: BURST
    title: burst of big payments
    on: payment
    when: big_payments >= 2
    severity: high
    weight: 30
  - id: CODE
    title: agent-style code
    on: payment
    when: matches(code, params.code_pattern)
    severity: low
    weight: 5
"""


def payment(day: int, amount: float, fee: float = 0, code: str = "X") -> dict:
    return {"kind": "payment", "payer": "P", "amount": amount, "fee": fee, "code": code, "paid_on": f"2025-01-{day:02d}"}


def run(params=None, events=()):
    engine = Engine(load_ruleset_text(RULESET, params=params))
    return [engine.evaluate(event) for event in events]


def test_a_window_param_sets_the_window_and_can_be_overridden():
    events = [payment(1, 5000), payment(3, 5000), payment(5, 5000)]
    assert "BURST" in run(events=events)[-1].fired_ids  # days 1 and 3 are within 7 days of day 5
    assert "BURST" not in run({"burst_window": "2 days"}, events)[-1].fired_ids  # only day 3 is


def test_a_feature_filter_may_use_derived_values():
    events = [payment(1, 5000, fee=4500), payment(2, 5000, fee=4500), payment(3, 5000)]
    assert "BURST" not in run(events=events)[-1].fired_ids  # net 500: the earlier payments do not count


def test_a_pattern_param_is_a_regex_and_can_be_overridden():
    assert "CODE" in run(events=[payment(1, 1, code="AG-12")])[0].fired_ids
    assert "CODE" not in run({"code_pattern": "XX-[0-9]+"}, [payment(1, 1, code="AG-12")])[0].fired_ids


def test_a_window_param_must_hold_a_duration():
    with pytest.raises(RulesetError) as caught:
        load_ruleset_text(RULESET.replace("burst_window: 7 days", "burst_window: 7"))
    assert "params.burst_window" in str(caught.value)


def test_an_invalid_pattern_param_is_refused_at_load_time():
    with pytest.raises(RulesetError) as caught:
        load_ruleset_text(RULESET, params={"code_pattern": "AG-[0-9"})
    assert "invalid regular expression" in str(caught.value)
