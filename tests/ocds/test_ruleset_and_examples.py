"""Issue 4: rulesets/procurement.yaml (every flag documented, with an example that fires it) and the
example data (planted patterns all found)."""

from __future__ import annotations

import json
import re
import sys

from riskengine import Engine, load_ruleset
from riskengine.interfaces.docs import flag_section

from .conftest import ROOT, RULESET

STAGES = {"planning", "tender", "award", "contract", "implementation"}


def test_flags_are_complete_and_documented() -> None:
    ruleset = load_ruleset(RULESET)
    assert len(ruleset.flags) >= 35
    assert {flag.typology for flag in ruleset.flags} == STAGES
    for flag in ruleset.flags:
        assert flag.title and flag.explain and flag.severity and 0 < flag.weight <= 1, flag.id
        assert flag.references and any(re.search(r"R0\d\d|section|art\.|indicator|component|corr_|R[0-9]{3}", ref) for ref in flag.references), flag.id
        assert flag.example, flag.id
    contested = [flag.id for flag in ruleset.flags if flag.description and "Contested" in flag.description]
    assert {"PP03", "PP05", "PP10", "PP15", "PP35"} <= set(contested)
    for param in ruleset.params.values():
        assert param.description, param.name


def test_every_example_fires_its_flag() -> None:
    ruleset = load_ruleset(RULESET)
    for flag in ruleset.flags:
        flag_section(ruleset, flag)  # raises ExampleError when the example does not fire


def test_the_generated_example_finds_every_planted_pattern(tmp_path) -> None:
    sys.path.insert(0, str(ROOT / "examples" / "procurement"))
    try:
        import generate  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    assert generate.main(["--out", str(tmp_path)]) == 0
    for name in ("releases.jsonl.gz", "events.jsonl", "labels.jsonl"):
        assert (tmp_path / name).read_bytes() == (ROOT / "examples" / "procurement" / name).read_bytes(), f"{name} is not reproducible"
    engine = Engine(load_ruleset(RULESET))
    found = set()
    with (tmp_path / "events.jsonl").open() as lines:
        for line in lines:
            assessment = engine.evaluate_json(line)
            assert assessment.status == "scored", assessment.errors
            found.update((assessment.event_id, hit.id) for hit in assessment.flags)
    labels = {(label["event_id"], label["flag"]) for label in map(json.loads, (tmp_path / "labels.jsonl").read_text().splitlines())}
    assert labels - found == set()
    assert found - labels == set()
    assert {flag for _, flag in labels} == {flag.id for flag in load_ruleset(RULESET).flags}
