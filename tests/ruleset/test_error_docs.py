"""docs/errors.md documents every error code, and its examples print what the page says.

Like pydantic's ``tests/test_docs.py::test_error_codes``: the set of ``## code {#code}`` headings
equals ``ErrorCode``, so a new code cannot ship undocumented and a removed one cannot linger. Each
section's ``yaml`` example is written to ``ruleset.yaml`` and checked; its ``text`` block is the exact
output. A first line ``# loaded with params={...}`` (JSON) gives param overrides.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from riskengine.ruleset.errors import ERROR_CODES
from riskengine.ruleset.loader import check_ruleset_file

DOC = Path(__file__).resolve().parents[2] / "docs" / "errors.md"
HEADING = re.compile(r"^## (\S+) \{#(\S+)\}$", re.MULTILINE)
PARAMS_LINE = re.compile(r"^# loaded with params=(.*)$")


def _sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    matches = list(HEADING.finditer(text))
    sections = {}
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        sections[match.group(1)] = text[match.end() : end]
    return sections


def _block(section: str, language: str) -> str | None:
    found = re.search(rf"```{language}\n(.*?)\n```", section, re.DOTALL)
    return found.group(1) if found else None


def test_every_error_code_has_a_section_and_no_other():
    text = DOC.read_text(encoding="utf-8")
    headings = HEADING.findall(text)
    assert all(slug == anchor for slug, anchor in headings), "heading and anchor differ"
    assert len(headings) == len({slug for slug, _ in headings}), "a code has two sections"
    assert {slug for slug, _ in headings} == set(ERROR_CODES)


@pytest.mark.parametrize("code", ERROR_CODES)
def test_example_prints_what_the_page_says(code, tmp_path, monkeypatch):
    section = _sections()[code]
    example = _block(section, "yaml")
    expected = _block(section, "text")
    assert expected is not None, f"section '{code}' has no output block"
    monkeypatch.chdir(tmp_path)
    params = None
    if example is not None:
        first = PARAMS_LINE.match(example.splitlines()[0])
        params = json.loads(first.group(1)) if first else None
        Path("ruleset.yaml").write_text(example + "\n", encoding="utf-8")
    ruleset, problems = check_ruleset_file("ruleset.yaml", params)
    assert ruleset is None
    assert [problem.render() for problem in problems] == expected.splitlines()
    assert {problem.code for problem in problems} == {code}
