"""Golden files: each ``tests/fixtures/invalid/<code>-<case>.yaml`` against its sibling ``.expected``.

The ``.expected`` file holds the exact lines ``riskengine validate`` prints for the ruleset
(``path:line:col: error: message``), with the path as this test passes it: relative to the repository
root. A sibling ``.params.json`` holds param overrides (``load_ruleset(path, params=...)``). An
``.expected`` without a ``.yaml`` is a file that does not exist (``file_not_found``).

Adding a case: write the ``.yaml``, then run

    RISKENGINE_WRITE_GOLDEN=1 pytest tests/ruleset/test_invalid_golden.py

which writes the ``.expected`` of NEW cases only (existing ones are never overwritten) and skips
them. Read every written line before committing: the line AND the column must point at the offending
key or sub-expression.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from riskengine.ruleset.errors import ERROR_CODES
from riskengine.ruleset.loader import check_ruleset_file

ROOT = Path(__file__).resolve().parents[2]
FOLDER = Path("tests/fixtures/invalid")
WRITE_NEW = os.environ.get("RISKENGINE_WRITE_GOLDEN") == "1"
# Cases named for what they combine rather than for one code.
MIXED_PREFIXES = ("multiple",)


def _cases() -> list[str]:
    names = {path.name[: -len(".yaml")] for path in (ROOT / FOLDER).glob("*.yaml")}
    names |= {path.name[: -len(".expected")] for path in (ROOT / FOLDER).glob("*.expected")}
    return sorted(names)


def _render(name: str) -> list[str]:
    params_file = ROOT / FOLDER / f"{name}.params.json"
    params = json.loads(params_file.read_text()) if params_file.exists() else None
    ruleset, problems = check_ruleset_file(FOLDER / f"{name}.yaml", params)
    assert ruleset is None, f"{name}.yaml loaded without problems"
    return [problem.render() for problem in problems]


@pytest.fixture(autouse=True)
def _at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("name", _cases())
def test_validate_output_matches_golden_file(name):
    expected_file = ROOT / FOLDER / f"{name}.expected"
    lines = _render(name)
    if not expected_file.exists():
        if WRITE_NEW:
            expected_file.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            pytest.skip(f"wrote {expected_file.name}: review every line before committing")
        pytest.fail(f"{expected_file.name} is missing; run with RISKENGINE_WRITE_GOLDEN=1 to write it")
    assert lines == expected_file.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("name", _cases())
def test_case_is_named_for_its_code(name):
    code = name.split("-", 1)[0]
    assert code in ERROR_CODES or code in MIXED_PREFIXES, f"'{code}' is not an error code"
    if code in ERROR_CODES:
        params_file = ROOT / FOLDER / f"{name}.params.json"
        params = json.loads(params_file.read_text()) if params_file.exists() else None
        _, problems = check_ruleset_file(FOLDER / f"{name}.yaml", params)
        assert {problem.code for problem in problems} == {code}


def test_every_error_code_has_a_golden_file():
    covered = {name.split("-", 1)[0] for name in _cases()}
    assert set(ERROR_CODES) - covered == set()


@pytest.mark.parametrize("name", _cases())
def test_messages_follow_the_style(name):
    """Lower-case start (or a quoted name), no final full stop, one line each."""
    for line in (ROOT / FOLDER / f"{name}.expected").read_text(encoding="utf-8").splitlines():
        message = line.split(": error: ", 1)[1]
        assert message[0].islower() or message[0] in "'{", line
        assert not message.endswith("."), line


def test_problems_are_sorted_and_all_reported():
    _, problems = check_ruleset_file(FOLDER / "multiple-problems.yaml")
    assert problems == sorted(problems, key=lambda problem: (problem.path, problem.line, problem.col, problem.message))
    assert {problem.code for problem in problems} >= {
        "invalid_value", "invalid_type_name", "unknown_name", "type_mismatch", "unknown_event_kind"
    }
