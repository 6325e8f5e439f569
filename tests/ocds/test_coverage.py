"""Issue 6.1: the data coverage summary: which fields each flag needs and how many events have them."""

from __future__ import annotations

import json

from riskengine import load_ruleset
from riskengine.interfaces.cli import app
from riskengine.ocds.coverage import coverage_document, needed_fields
from riskengine.ocds.pipeline import score_ocds

from .conftest import FICTIONAL, RULESET


def test_needed_fields_follow_derived_values_features_and_baselines() -> None:
    ruleset = load_ruleset(RULESET)
    assert needed_fields(ruleset.flag("PP21"), ruleset) == ["award_value", "tender_value"]
    assert "tender_start" in needed_fields(ruleset.flag("PP01"), ruleset)
    assert needed_fields(ruleset.flag("PP38"), ruleset) == ["amount", "contract_id", "contract_value"]
    assert "baseline.price_gap" in needed_fields(ruleset.flag("PP18"), ruleset)


def test_the_fictional_example_coverage() -> None:
    result = score_ocds(FICTIONAL / "fictional-record.json")
    document = coverage_document(result.coverage, result.converter.stats)
    flags = {flag["id"]: flag for flag in document["flags"]}
    assert flags["PP21"]["evaluable"] == 1 and flags["PP21"]["fired"] == 1
    assert flags["PP17"]["evaluable"] == 0 and flags["PP17"]["events"] == 1  # no bids in the example
    assert flags["PP17"]["most_missing"] == ["identical_bid_prices"]
    tender_value = next(need for need in flags["PP21"]["needs"] if need["field"] == "tender_value")
    assert tender_value == {"field": "tender_value", "source": "tender/value/{amount,currency}", "events_with_field": 1, "events": 1}
    assert 0 < document["flags_evaluable_somewhere"] < document["flag_count"] == 46


def test_ocds_coverage_cli_json(runner) -> None:
    result = runner.invoke(app, ["ocds", "coverage", str(FICTIONAL / "fictional-record.json"), "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert {flag["id"] for flag in document["flags"] if flag["fired"]} == {"PP08", "PP10", "PP21"}
