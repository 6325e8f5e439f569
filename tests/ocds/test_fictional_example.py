"""Issue 6.5: OCP's fictional example is scored with explanations; its award, ten times the tender
estimate, is flagged."""

from __future__ import annotations

import json

from riskengine.interfaces.cli import app
from riskengine.ocds.pipeline import score_ocds

from .conftest import FICTIONAL


def _flags(result):
    return {event["event_id"]: {hit.id: hit for hit in assessment.flags} for event, assessment in result.scored}


def test_the_award_ten_times_the_estimate_is_flagged_with_an_explanation() -> None:
    result = score_ocds(FICTIONAL / "fictional-release-package.json")
    flags = _flags(result)
    award = flags["ocds-213czf-000-00001/award/ocds-213czf-000-00001-award-01"]
    hit = award["PP21"]
    assert hit.message == (
        "The award of ocds-213czf-000-00001 to AnyCorp Cycle Provision (GB-COH-11111111) is 11,000,000 GBP, 10.0 times "
        "the tender estimate of 1,100,000: the buyer pays far more than it planned to."
    )
    assert hit.evidence["award_to_estimate"] == 10.0
    assert hit.evidence["params.far_above_estimate_ratio"] == 1.2
    assert any("R031" in reference for reference in hit.references)


def test_the_record_package_gives_the_same_assessments_as_the_release_package() -> None:
    from_releases = score_ocds(FICTIONAL / "fictional-release-package.json")
    from_record = score_ocds(FICTIONAL / "fictional-record.json")
    first = {event["event_id"]: sorted(hit.id for hit in a.flags) for event, a in from_releases.scored}
    second = {event["event_id"]: sorted(hit.id for hit in a.flags) for event, a in from_record.scored}
    assert first == second
    assert from_releases.read_stats.releases_merged == 6 and from_record.read_stats.records == 1


def test_what_the_example_lacks_is_not_evaluable_rather_than_clean() -> None:
    result = score_ocds(FICTIONAL / "fictional-record.json")
    process = next(a for event, a in result.scored if event["kind"] == "process")
    missing = {item.id for item in process.not_evaluable}
    assert {"PP14", "PP15", "PP16", "PP17"} <= missing  # no bids section
    tender = next(a for event, a in result.scored if event["kind"] == "tender")
    fired = {hit.id for hit in tender.flags}
    assert "PP01" not in fired and "PP02" not in fired  # 38 days to bid
    assert "PP10" in fired  # bestProposal


def test_ocds_score_cli_on_the_fictional_example(runner, tmp_path) -> None:
    out = tmp_path / "assessments.jsonl"
    result = runner.invoke(app, ["ocds", "score", str(FICTIONAL / "fictional-release-package.json"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    award = next(line for line in lines if line["kind"] == "award")
    assert [flag["id"] for flag in award["flags"]] == ["PP21"]
    assert "10.0 times the tender estimate" in award["flags"][0]["message"]
    assert "6 releases merged into compiled releases" in result.stderr
    assert "Data coverage" in result.stderr
