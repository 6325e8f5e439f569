"""``riskengine bdd``: the command line, run as policy staff run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from riskengine.interfaces.bdd.command import pytest_arguments

from .common import RULESET, write

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]
RISKENGINE = [sys.executable, "-c", "from riskengine.interfaces.cli import main; main()"]


def riskengine(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RISKENGINE, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_pytest_arguments() -> None:
    args = pytest_arguments(
        ["features/"], rulesets=[Path("r")], min_coverage=100, coverage_json=Path("c.json"), cover=[Path("rulesets")],
        cucumber_json=Path("cu.json"), junit_xml=Path("j.xml"), tags="soccer", keyword="cap", verbose=1, exitfirst=True,
    )
    assert args[-1] == "features/"
    pairs = list(zip(args, args[1:]))
    for expected in (
        ("--bdd-rulesets", "r"), ("--bdd-min-coverage", "100"), ("--bdd-coverage-json", "c.json"), ("--bdd-cover", "rulesets"),
        ("--cucumberjson", "cu.json"), ("--junitxml", "j.xml"), ("-m", "soccer"), ("-k", "cap"),
        ("-p", "pytest-bdd"), ("-p", "riskengine.interfaces.bdd.plugin"),
    ):
        assert expected in pairs
    assert {"-v", "-x", "--bdd-gherkin"} <= set(args)


def test_the_example_features_pass_with_full_coverage() -> None:
    result = riskengine("bdd", "features/examples", "--min-coverage", "100", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Feature: Gifts to public officials above the limit  (features/examples/gift_limit.feature)" in result.stdout
    assert "flag coverage: every ruleset reaches the required 100%" in result.stdout
    assert "Warning" not in result.stdout


def test_failures_coverage_and_reports(tmp_path: Path) -> None:
    write_project(tmp_path)
    result = riskengine(
        "bdd", "checks", "--rulesets", "mine", "--min-coverage", "50", "--coverage-json", "out/coverage.json",
        "--junit-xml", "out/junit.xml", "--cucumber-json", "out/cucumber.json", "-v", cwd=tmp_path,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert "Feature: Checks  (checks/checks.feature)" in out
    assert "  Scenario: passes PASSED" in out
    assert "  Scenario: fails FAILED" in out
    assert '      Then the flag "PAY-01" fires   (failed)' in out
    assert "the flag 'PAY-01' (Amount above the cap) did not fire" in out
    assert "FAILED flag coverage: ruleset 'payments'" in out
    coverage = json.loads((tmp_path / "out" / "coverage.json").read_text())
    assert coverage["passed"] is False and coverage["rulesets"][0]["flags_firing"] == 1
    assert (tmp_path / "out" / "junit.xml").read_text().count("<testcase") == 2
    assert json.loads((tmp_path / "out" / "cucumber.json").read_text())[0]["name"] == "Checks"


def test_default_folder_and_missing_folder(tmp_path: Path) -> None:
    result = riskengine("bdd", cwd=tmp_path)
    assert result.returncode == 4
    assert "no features/ folder here" in result.stderr
    write_project(tmp_path, folder="features")
    result = riskengine("bdd", "--rulesets", "mine", "-k", "passes", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "1 passed, 1 deselected" in result.stdout


def write_project(root: Path, folder: str = "checks") -> None:
    class Where:
        path = root

    write(
        Where,
        {
            "mine/payments.yaml": RULESET,
            f"{folder}/checks.feature": """
            Feature: Checks
              Background:
                Given the "payments" ruleset

              Scenario: passes
                When a "refund" event is evaluated with:
                  | amount | 500 |
                Then the flag "PAY-05" fires

              Scenario: fails
                When a "payment" event is evaluated with:
                  | amount | 5 |
                Then the flag "PAY-01" fires
            """,
        },
    )
