"""The acceptance check of the BDD issue: every feature file in features/ passes, and every flag of
every shipped ruleset (``--cover rulesets/``: also those no scenario uses) fires in some scenario."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_riskengine_bdd_features_with_full_coverage() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from riskengine.interfaces.cli import main; main()", "bdd", "features/", "--min-coverage", "100", "--cover", "rulesets/"],
        cwd=ROOT, capture_output=True, text=True, timeout=1200,
    )
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
