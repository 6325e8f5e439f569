"""Shared paths and helpers of the OCDS tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CONFORMANCE = SHARED / "conformance" / "cardinal"
FICTIONAL = SHARED / "data" / "ocds"
RULESET = ROOT / "rulesets" / "procurement.yaml"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def jsonl(*objects: object) -> str:
    return "".join(json.dumps(item) + "\n" for item in objects)


def release(ocid: str = "ocds-t-1", **parts: object) -> dict:
    """A small compiled release: an open tender of 100,000 EUR with two valid bids and one award."""
    base: dict = {
        "ocid": ocid,
        "buyer": {"id": "B1", "name": "Test Council"},
        "tender": {
            "procurementMethod": "open",
            "value": {"amount": 100000, "currency": "EUR"},
            "tenderPeriod": {"startDate": "2025-01-01T00:00:00Z", "endDate": "2025-02-01T00:00:00Z"},
            "numberOfTenderers": 2,
            "procuringEntity": {"id": "B1"},
        },
        "bids": {"details": [
            {"id": "1", "status": "valid", "value": {"amount": 90000, "currency": "EUR"}, "tenderers": [{"id": "W"}]},
            {"id": "2", "status": "valid", "value": {"amount": 99000, "currency": "EUR"}, "tenderers": [{"id": "L"}]},
        ]},
        "awards": [{"id": "A1", "status": "active", "date": "2025-02-20T00:00:00Z", "value": {"amount": 90000, "currency": "EUR"}, "suppliers": [{"id": "W"}]}],
    }
    base.update(parts)
    return base
