"""The shipped sector rulesets: they validate, carry the flags the sectors need, explain every flag
with a reference, keep thresholds in params, and their generated reference pages are current."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from riskengine import load_ruleset
from riskengine.interfaces.docs import ruleset_markdown

ROOT = Path(__file__).resolve().parent.parent
MINIMUM_FLAGS = {"procurement": 35, "soccer": 30, "telecom_fraud": 15, "bribery": 12}


@pytest.fixture(scope="module", params=sorted(MINIMUM_FLAGS))
def ruleset(request):
    return load_ruleset(ROOT / "rulesets" / f"{request.param}.yaml")


def test_every_shipped_ruleset_validates_and_has_its_flags(ruleset):
    assert len(ruleset.flags) >= MINIMUM_FLAGS[ruleset.id]


def test_every_flag_explains_itself_with_a_reference(ruleset):
    for flag in ruleset.flags:
        assert flag.references, f"{flag.id} has no reference"
        assert all(len(reference) > 10 for reference in flag.references), flag.id
        assert flag.explain and flag.explain != flag.title, f"{flag.id} has no explain message"
        assert flag.typology, f"{flag.id} has no typology"


def test_thresholds_are_params_not_literals(ruleset):
    """Numbers in a condition are thresholds a team tunes: they belong in params. Allowed are the
    structural ones: 0, ±1, 2 ("shared by two bidders") and unit conversions (12 months, 24 hours,
    60 minutes, 100 percent, 365 days, 1000)."""
    for flag in ruleset.flags:
        literals = [
            node.value for node in ast.walk(ast.parse(f"({flag.when}\n)", mode="eval"))
            if isinstance(node, ast.Constant) and type(node.value) in (int, float)
        ]
        assert all(value in (0, 1, -1, 2, 12, 24, 60, 100, 365, 1000) for value in literals), f"{flag.id}: {literals} should be params"


def test_every_flag_has_an_example_that_fires_it(ruleset):
    assert all(flag.example for flag in ruleset.flags), [flag.id for flag in ruleset.flags if not flag.example]


def test_the_generated_reference_page_is_current(ruleset):
    page = ROOT / "docs" / "rulesets" / f"{ruleset.id}.md"
    assert page.read_text(encoding="utf-8") == ruleset_markdown(ruleset), (
        f"{page} is out of date: run riskengine docs rulesets/{ruleset.id}.yaml -o docs/rulesets/"
    )
