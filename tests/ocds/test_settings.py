"""Cardinal's settings file: same sections and keys, clear errors for anything else."""

from __future__ import annotations

import json

import pytest

from riskengine.interfaces.cli import app
from riskengine.ocds.settings import SettingsError, parse_settings

from .conftest import CONFORMANCE


def test_a_full_settings_file_translates_into_params_and_reading_options() -> None:
    settings = parse_settings(
        "currency = USD\nno_price_comparison_procurement_methods = Random Selection\n\n"
        "[exclusions]\nprocurement_method_details = Lottery|Framework call-off\n\n"
        "[R003]\nthreshold = 10\nprocurement_methods = open|selective\n\n[R003.procurement_method_details]\nEmergency = 5\n\n"
        "[R024]\nthreshold = 0.05\n\n[R025]\npercentile = 90\n\n[R035]\nthreshold = 0\n\n"
        "[R038]\nminimum_submitted_bids = 3\n\n[R048]\ndigits = 3\nthreshold = 12\n"
    )
    assert settings.indicators == ["R003", "R024", "R025", "R035", "R038", "R048"]
    params = settings.params()
    assert params["fence_fallback"] is False
    assert params["min_submission_days"] == 10 and params["short_submission_all_methods"] is False
    assert params["short_submission_methods"] == ["open", "selective"]
    assert params["price_gap_low_fixed"] is True and params["price_gap_low_threshold"] == 0.05
    assert params["price_gap_high_fixed"] is False
    assert params["unsuccessful_volume_statistic"] == "p90"
    assert params["all_disqualified_min_tenderers"] == 1  # Cardinal: max(threshold, 1)
    assert params["disqualification_min_bids_tenderer"] == 3 and params["disqualification_min_bids_buyer"] == 2
    assert params["heterogeneous_fixed"] is True and params["heterogeneous_threshold"] == 12
    options = settings.options()
    assert options.main_currency == "USD"
    assert options.no_price_comparison_methods == frozenset({"Random Selection"})
    assert options.excluded_method_details == frozenset({"Lottery", "Framework call-off"})
    assert options.submission_min_days == {"Emergency": 5}  # keys keep their case
    assert options.classification_digits == 3 and options.cardinal and options.strict_dates


@pytest.mark.parametrize(("text", "message"), [
    ("[R999]\n", "unknown section [R999]"),
    ("[R024]\nthreshhold = 0.1\n", "[R024]: unknown key 'threshhold' (known keys: threshold)"),
    ("[R003]\nthreshold = fifteen\n", "[R003] threshold: expected a whole number, got 'fifteen'"),
    ("[R024]\nthreshold = low\n", "[R024] threshold: expected a number, got 'low'"),
    ("[R044]\n", "indicator R044 is not supported by riskengine cardinal"),
    ("[R025]\npercentile = 80\n", "[R025] percentile = 80: riskengine supports 50, 75, 90"),
    ("[R024]\n[R024]\n", "section [R024] appears twice"),
    ("colour = blue\n", "top level: unknown key 'colour'"),
])
def test_settings_errors_say_where_and_why(text: str, message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        parse_settings(text, "settings.ini")
    assert message in str(caught.value)


def test_the_cli_stops_on_a_bad_settings_file(runner, tmp_path) -> None:
    settings = tmp_path / "settings.ini"
    settings.write_text("[R024]\nthreshold = low\n")
    result = runner.invoke(app, ["cardinal", str(CONFORMANCE / "R024.jsonl"), "--settings", str(settings)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {settings}: [R024] threshold: expected a number, got 'low'"
    result = runner.invoke(app, ["cardinal", str(CONFORMANCE / "R024.jsonl"), "--settings", str(tmp_path / "none.ini")])
    assert result.exit_code == 1 and "no such settings file" in result.stderr


def test_a_fixed_threshold_replaces_the_fence(runner, tmp_path) -> None:
    settings = tmp_path / "settings.ini"
    settings.write_text("no_price_comparison_procurement_methods = NPC\n[exclusions]\nprocurement_method_details = EXC\n[R058]\nthreshold = 50\n")
    result = runner.invoke(app, ["cardinal", str(CONFORMANCE / "R058.jsonl"), "--settings", str(settings), "-q"])
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    # the gaps are 100 (process F) and 0 (the others): only F reaches the fixed threshold
    assert output["OCID"] == {"F": {"R058": 100.0}}
    assert output["Tenderer"] == {"W": {"R058": 0.0}}
    assert output["Meta"] == {"R058": {"upper_fence": 50.0}}


def test_price_comparison_allow_and_deny_lists() -> None:
    from riskengine.ocds.events import convert_all

    from .conftest import release

    def comparison(settings_text: str, details: str | None) -> bool:
        item = release("pc")
        if details is not None:
            item["tender"]["procurementMethodDetails"] = details
        events, _ = convert_all([item], parse_settings(settings_text).options(), sort=False)
        return next(e for e in events if e["kind"] == "process")["price_comparison"]

    deny = "no_price_comparison_procurement_methods = Lottery\n[R024]\n"
    assert comparison(deny, "Lottery") is False and comparison(deny, "Auction") is True and comparison(deny, None) is True
    allow = "price_comparison_procurement_methods = Auction\nno_price_comparison_procurement_methods = Auction\n[R024]\n"
    assert comparison(allow, "Auction") is True and comparison(allow, "Lottery") is False and comparison(allow, None) is False
    assert parse_settings(allow).warnings() == ["no_price_comparison_procurement_methods has no effect if price_comparison_procurement_methods is set."]
