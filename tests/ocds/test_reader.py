"""Issue 6.1: real publishers' data, malformed input and quirks are read with clear messages."""

from __future__ import annotations

import gzip
import json

import pytest

from riskengine.interfaces.cli import app
from riskengine.ocds.events import ConvertOptions, OcdsConverter, convert_all
from riskengine.ocds.reader import OcdsInputError, ReadStats, read_releases, read_text

from .conftest import jsonl, release


def read(text: str) -> tuple[list[dict], ReadStats]:
    stats = ReadStats()
    return list(read_text(text, "input.jsonl", stats)), stats


def messages(stats: ReadStats) -> list[str]:
    return [problem.render() for problem in stats.problems]


def test_a_bad_json_line_is_reported_with_its_line_and_the_rest_is_read() -> None:
    text = jsonl(release("a")) + '{"ocid": "b", "tender": \n' + jsonl(release("c"))
    releases, stats = read(text)
    assert [r["ocid"] for r in releases] == ["a", "c"]
    assert messages(stats) == ["input.jsonl:2: invalid JSON at column 25: Expecting value: line skipped"]


def test_a_broken_first_line_does_not_hide_the_others() -> None:
    releases, stats = read('{"ocid": \n' + jsonl(release("b")))
    assert [r["ocid"] for r in releases] == ["b"]
    assert messages(stats)[0].startswith("input.jsonl:1: invalid JSON")


def test_values_that_are_not_ocds_objects() -> None:
    releases, stats = read("42\n[1, \"x\"]\n{\"name\": \"not ocds\"}\n")
    assert releases == []
    assert messages(stats) == [
        "input.jsonl:1: expected a JSON object (a release, a release package or a record package), got a number",
        "input.jsonl:2: item 0: expected a JSON object (a release, a release package or a record package), got a number",
        "input.jsonl:2: item 1: expected a JSON object (a release, a release package or a record package), got a string",
        "input.jsonl:3: an object without 'ocid', 'releases' or 'records' (name): not OCDS data",
    ]


def test_packages_without_releases_or_records() -> None:
    releases, stats = read(jsonl({"uri": "x", "releases": []}, {"records": []}, {"releases": "oops"}, {"records": [{"ocid": "r", "releases": [{"url": "x"}]}]}))
    assert releases == []
    assert messages(stats) == [
        "input.jsonl:1: a release package without releases: nothing to read",
        "input.jsonl:2: a record package without records: nothing to read",
        "input.jsonl:3: a release package whose 'releases' is a string, not an array: skipped",
        "input.jsonl:4: record 0: a record without 'compiledRelease' and without full releases (linked releases only): skipped",
    ]


def test_an_empty_input_says_so() -> None:
    releases, stats = read("\n\n")
    assert releases == [] and messages(stats) == ["input.jsonl: the input is empty: no OCDS data"]


def test_a_pretty_printed_package_and_a_gzipped_file(tmp_path) -> None:
    package = {"uri": "x", "releases": [dict(release("p"), tag=["tender"], date="2025-01-01T00:00:00Z"),
                                        {"ocid": "p", "tag": ["award"], "date": "2025-03-01T00:00:00Z", "awards": [{"id": "A1", "status": "active", "value": {"amount": 5, "currency": "EUR"}}]}]}
    path = tmp_path / "package.json"
    path.write_text(json.dumps(package, indent=2))
    stats = ReadStats()
    [merged] = list(read_releases(path, stats))
    assert merged["tag"] == ["compiled"] and merged["awards"][0]["value"]["amount"] == 5 and merged["awards"][0]["suppliers"] == [{"id": "W"}]
    compressed = tmp_path / "releases.jsonl.gz"
    compressed.write_bytes(gzip.compress(jsonl(release("g")).encode()))
    assert [r["ocid"] for r in read_releases(compressed)] == ["g"]


def test_a_missing_file_or_a_directory_is_an_error(tmp_path) -> None:
    with pytest.raises(OcdsInputError, match="no such file"):
        list(read_releases(tmp_path / "nope.jsonl"))
    with pytest.raises(OcdsInputError, match="is a directory"):
        list(read_releases(tmp_path))


def convert(*releases: dict, options: ConvertOptions | None = None) -> tuple[list[dict], OcdsConverter]:
    return convert_all(json.loads(json.dumps(list(releases))), options, sort=False)


def test_numeric_ids_and_objects_instead_of_arrays_are_repaired() -> None:
    quirky = release("q")
    quirky["ocid"] = 123
    quirky["buyer"] = {"id": 77, "name": "Numeric Buyer"}
    quirky["awards"] = {"id": 1, "status": "active", "date": "2025-02-20T00:00:00Z", "value": {"amount": 90000, "currency": "EUR"}, "suppliers": {"id": 9001}}
    quirky["bids"]["details"][0]["tenderers"] = {"id": 9001}
    events, converter = convert(quirky)
    process = next(e for e in events if e["kind"] == "process")
    assert process["ocid"] == "123" and process["buyer_id"] == "77"
    assert process["winner_id"] == "9001" and process["relative_price_gap"] == pytest.approx(0.1)
    award = next(e for e in events if e["kind"] == "award")
    assert award["supplier_id"] == "9001" and award["event_id"] == "123/award/1"
    quirks = converter.stats.quirks.counts
    assert quirks["numeric release.ocid converted to a string"] == 1
    assert quirks["an object instead of an array in release.awards, wrapped in an array"] == 1
    assert quirks["an object instead of an array in awards.suppliers, wrapped in an array"] == 1
    assert quirks["numeric bids.details.tenderers.id converted to a string"] == 1


def test_amounts_in_another_currency_are_skipped_and_counted_or_converted_with_rates() -> None:
    other = release("usd")
    other["awards"][0]["value"] = {"amount": 99000, "currency": "USD"}
    events, converter = convert(release("eur"), other)
    award = next(e for e in events if e["kind"] == "award" and e["ocid"] == "usd")
    assert "award_value" not in award and converter.stats.main_currency == "EUR"
    assert converter.stats.amounts_skipped["USD"] >= 1
    events, converter = convert(release("eur"), other, options=ConvertOptions(rates={"USD": 0.9}))
    award = next(e for e in events if e["kind"] == "award" and e["ocid"] == "usd")
    assert award["award_value"] == pytest.approx(89100) and converter.stats.amounts_converted["USD"] >= 1


def test_missing_statuses_cancelled_tenders_and_excluded_procedures() -> None:
    statusless = release("s")
    for bid in statusless["bids"]["details"]:
        del bid["status"]
    del statusless["awards"][0]["status"]
    cancelled = release("c")
    cancelled["tender"]["status"] = "cancelled"
    excluded = release("x")
    excluded["tender"]["procurementMethodDetails"] = "Framework call-off"
    events, converter = convert(statusless, cancelled, excluded, options=ConvertOptions(excluded_method_details=frozenset({"Framework call-off"})))
    assert {e["ocid"] for e in events if "ocid" in e} == {"s"}
    process = next(e for e in events if e["kind"] == "process")
    assert process["submitted_bids"] == 0 and "relative_price_gap" not in process  # statusless bids are not submitted (Cardinal)
    assert [e["kind"] for e in events if e["kind"] == "award"] == ["award"]  # an award without a status is still an award
    assert converter.stats.skipped == {"cancelled tender": 1, "excluded procurementMethodDetails": 1}


def test_unparseable_dates_are_dropped_and_counted() -> None:
    bad = release("d")
    bad["tender"]["tenderPeriod"] = {"startDate": "yesterday", "endDate": "2025-02-01"}
    events, converter = convert(bad)
    tender = next(e for e in events if e["kind"] == "tender")
    assert "tender_start" not in tender and tender["tender_end"] == "2025-02-01T00:00:00Z"
    assert converter.stats.bad_dates["tender/tenderPeriod/startDate"] == 1
    strict, converter = convert(bad, options=ConvertOptions(strict_dates=True))
    assert "tender_end" not in next(e for e in strict if e["kind"] == "tender")


def test_the_cli_reports_problems_and_goes_on(runner, tmp_path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(jsonl(release("ok")) + "not json\n" + jsonl({"releases": []}) + "[]\n")
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["ocds", "events", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{path}:2: invalid JSON at column 1" in result.stderr
    assert f"{path}:3: a release package without releases" in result.stderr
    kinds = [json.loads(line)["kind"] for line in out.read_text().splitlines()]
    assert kinds.count("process") == 1


def test_the_cli_refuses_a_missing_input_and_a_bad_rates_file(runner, tmp_path) -> None:
    result = runner.invoke(app, ["ocds", "events", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 1 and "no such file" in result.stderr
    rates = tmp_path / "rates.json"
    rates.write_text('{"USD": "lots"}')
    path = tmp_path / "r.jsonl"
    path.write_text(jsonl(release()))
    result = runner.invoke(app, ["ocds", "events", str(path), "--rates", str(rates)])
    assert result.exit_code == 1 and 'the rate of USD must be a positive number, not "lots"' in result.stderr
