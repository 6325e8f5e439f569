"""Issue 6.4: every Cardinal test vector in ../shared/conformance/cardinal/ gives exactly the expected
result groups (OCID, Buyer, ProcuringEntity, Tenderer), computed by rulesets/procurement.yaml."""

from __future__ import annotations

import json

import pytest

from riskengine.interfaces.cli import app
from riskengine.ocds.cardinal import run_cardinal
from riskengine.ocds.reader import ReadStats, read_releases
from riskengine.ocds.settings import conformance_settings, parse_settings

from .conftest import CONFORMANCE

FIXTURES = sorted(path.stem for path in CONFORMANCE.glob("*.expected"))
EXPECTED_FIXTURES = {
    "R003", "R003-threshold-10", "R003-procurement_methods-open+selective", "R003-procurement_method_details-x-5-y-10",
    "R018", "R024", "R025", "R028", "R030", "R035", "R036", "R038", "R038-tenderer", "R048-minimum_contracting_processes-1", "R058",
}
GROUPS = ("OCID", "Buyer", "ProcuringEntity", "Tenderer")


def test_the_conformance_folder_holds_the_15_vectors() -> None:
    assert set(FIXTURES) == EXPECTED_FIXTURES, f"expected Cardinal's 15 vectors in {CONFORMANCE}"


@pytest.mark.parametrize("name", FIXTURES)
def test_cardinal_vector(name: str) -> None:
    settings = parse_settings(conformance_settings(name), name)
    stats = ReadStats()
    run = run_cardinal(read_releases(CONFORMANCE / f"{name}.jsonl", stats), settings)
    expected = json.loads((CONFORMANCE / f"{name}.expected").read_text())
    assert {group: run.output[group] for group in GROUPS if group in run.output} == expected
    assert stats.problem_count == 0


def test_the_cli_prints_cardinal_json(runner, tmp_path) -> None:
    settings = tmp_path / "settings.ini"
    settings.write_text(conformance_settings("R024"))
    result = runner.invoke(app, ["cardinal", str(CONFORMANCE / "R024.jsonl"), "--settings", str(settings)])
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    assert {key: output[key] for key in GROUPS if key in output} == json.loads((CONFORMANCE / "R024.expected").read_text())
    # Meta carries the fences, as Cardinal's does (rounded to 4 decimals)
    assert output["Meta"] == {"R024": {"q1": 66.6667, "q3": 100.0, "lower_fence": 16.6667}}
    assert "flagged: R024 2" in result.stderr


def test_conformance_settings_follow_the_file_names() -> None:
    assert conformance_settings("R003-threshold-10").endswith("[R003]\nthreshold = 10\n")
    assert "procurement_methods = open|selective" in conformance_settings("R003-procurement_methods-open+selective")
    text = conformance_settings("R003-procurement_method_details-x-5-y-10")
    assert "[R003.procurement_method_details]\nx = 5\ny = 10\n" in text
    assert conformance_settings("R038-tenderer").endswith("[R038]\n")
