"""Bad input never escapes as anything but RulesetError, and every problem is a well-formed Diagnostic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riskengine import RulesetError, load_ruleset
from riskengine.ruleset.errors import ERROR_CODES, Diagnostic
from riskengine.ruleset.loader import check_ruleset_file, check_ruleset_text, load_ruleset_text

VALID = (Path(__file__).resolve().parents[1] / "fixtures" / "contract_soccer.yaml").read_text()


def _check_diagnostics(text: str, problems: list[Diagnostic]) -> None:
    lines = max(1, len(re.split("\r\n|[\r\n\x85\u2028\u2029]", text)))
    assert problems == sorted(problems, key=Diagnostic.sort_key)
    for problem in problems:
        assert problem.code in ERROR_CODES
        assert 1 <= problem.line <= lines + 1 and problem.col >= 1, problem
        assert problem.message and problem.message[0] == problem.message[0].lower() or problem.message[0] in "'\"{", problem
        assert not problem.message.endswith("."), problem
        assert re.fullmatch(r"[^\n]+:\d+:\d+: error: [^\n]+", problem.render()), problem.render()


def test_the_valid_ruleset_loads():
    ruleset, problems = check_ruleset_text(VALID, "soccer.yaml")
    assert problems == [] and ruleset is not None and len(ruleset.flags) == 5


ODD_DOCUMENTS = {
    "empty": "",
    "whitespace": "  \n\n",
    "comment only": "# TODO\n",
    "top-level list": "- a\n- b\n",
    "top-level scalar": "soccer\n",
    "top-level number": "42\n",
    "flags as a mapping": VALID.replace("flags:\n  - id: SOC-01", "flags:\n  SOC-01:\n    id: SOC-01", 1),
    "flags as a string": VALID.split("flags:")[0] + "flags: many\n",
    "flags null": VALID.split("flags:")[0] + "flags:\n",
    "a flag that is a string": VALID.replace("flags:\n", "flags:\n  - SOC-00\n"),
    "a flag that is a list": VALID.replace("flags:\n", "flags:\n  - [a, b]\n"),
    "on as a number": VALID.replace("on: agent_payment", "on: 5", 1),
    "on as a mapping": VALID.replace("on: agent_payment", "on: {a: 1}", 1),
    "on empty list": VALID.replace("on: agent_payment", "on: []", 1),
    "weight negative": VALID.replace("weight: 25", "weight: -25"),
    "weight infinite": VALID.replace("weight: 25", "weight: .inf"),
    "weight nan": VALID.replace("weight: 25", "weight: .nan"),
    "weight huge": VALID.replace("weight: 25", "weight: " + "9" * 400),
    "bands descending": VALID + "scoring:\n  bands:\n    low: 0\n    high: 60\n    medium: 30\n",
    "bands empty": VALID + "scoring:\n  bands: {}\n",
    "bands with a null key": VALID + "scoring:\n  bands:\n    ~: 0\n",
    "scoring null": VALID + "scoring:\n",
    "version unquoted": VALID.replace('version: "2026.1"', "version: 2026.1"),
    "version a date": VALID.replace('version: "2026.1"', "version: 2026-01-01"),
    "tabs": VALID.replace("    entity: agent_id", "\tentity: agent_id"),
    "duplicate keys": VALID.replace("    weight: 25\n", "    weight: 25\n    weight: 26\n"),
    "events null": VALID.replace("events:\n  agent_payment:", "events:\nx_events:\n  agent_payment:"),
    "events a list": VALID.replace("events:\n  agent_payment:", "events:\n  - agent_payment:"),
    "event kind null": VALID.replace("events:\n  agent_payment:\n", "events:\n  other:\n  agent_payment:\n"),
    "fields null": VALID.replace("    fields:\n      agent_id: string", "    fields:\n    x_fields:\n      agent_id: string"),
    "a field type that is a number": VALID.replace("fee: number", "fee: 5"),
    "a field type that is a list of two": VALID.replace("tags: list[string]", "tags: [a, b]"),
    "params a list": VALID.replace("params:\n", "params:\n  - x\nx_params:\n"),
    "param null": VALID.replace("releasing_agent_fee_cap: 0.10", "releasing_agent_fee_cap:"),
    "param a mapping": VALID.replace("releasing_agent_fee_cap: 0.10", "releasing_agent_fee_cap: {a: 1}"),
    "param long form": VALID.replace("releasing_agent_fee_cap: 0.10", "releasing_agent_fee_cap: {default: 0.1, description: cap}"),
    "derived a list": VALID.replace("derived:\n", "derived:\n  - x\nx_derived:\n"),
    "derived a number": VALID.replace("bid_count: len(bids)", "bid_count: 5"),
    "derived a condition": VALID.replace("bid_count: len(bids)", "bid_count: len(bids) > 1"),
    "when null": VALID.replace("when: fee > annual_remuneration * 0.03", "when:"),
    "when a list": VALID.replace("when: fee > annual_remuneration * 0.03", "when: [fee]"),
    "when a number": VALID.replace("when: fee > annual_remuneration * 0.03", "when: 5"),
    "when deeply nested": VALID.replace("when: fee > annual_remuneration * 0.03", "when: " + "not " * 3000 + "fee > 1"),
    "when long arithmetic": VALID.replace("when: fee > annual_remuneration * 0.03", "when: fee > " + "1 + " * 5000 + "1"),
    "when many parentheses": VALID.replace("when: fee > annual_remuneration * 0.03", "when: " + "(" * 500 + "fee > 1" + ")" * 500),
    "when a huge integer": VALID.replace("when: fee > annual_remuneration * 0.03", "when: fee > 1" + "0" * 5000),
    "explain braces": VALID.replace('explain: "Agent fee {fee}', 'explain: "Agent fee {fee} {{ {} { }'),
    "explain a number": VALID.replace('explain: "Agent fee {fee} exceeds', 'explain: 5\n    x_explain: "'),
    "deep YAML": VALID + "x: " + "[" * 5000 + "]" * 5000 + "\n",
    "billion laughs": VALID + "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 9)).replace("*l0", "lol"),
    "recursive alias": VALID + "x: &x [*x]\n",
    "python tag": VALID + "x: !!python/object/apply:os.system [ls]\n",
    "merge key": VALID + "x:\n  <<: {a: 1}\n",
    "bad timestamp": VALID.replace("releasing_agent_fee_cap: 0.10", "releasing_agent_fee_cap: 2024-13-45"),
    "NUL": VALID + "x: \x00\n",
    "two documents": VALID + "---\nruleset: b\n",
    "BOM inside": VALID.replace("title:", "\ufefftitle:"),
    "CR line ends": VALID.replace("\n", "\r"),
    "unicode line separator": VALID.replace("\ntitle:", "\u2028title:"),
    "keys that are lists": VALID + "? [a]\n: 1\n",
    "keys that are numbers": VALID.replace("    fields:\n", "    fields:\n      5: string\n"),
    "keys that are null": VALID.replace("    fields:\n", "    fields:\n      ~: string\n"),
    "a reserved field": VALID.replace("country: string", "kind: string"),
}


@pytest.mark.parametrize("name", ODD_DOCUMENTS)
def test_odd_documents_give_diagnostics_not_exceptions(name):
    text = ODD_DOCUMENTS[name]
    ruleset, problems = check_ruleset_text(text, "odd.yaml")
    _check_diagnostics(text, problems)
    if ruleset is None:
        assert problems
        with pytest.raises(RulesetError) as raised:
            load_ruleset_text(text, "odd.yaml")
        assert raised.value.diagnostics == problems
        assert str(raised.value) == "\n".join(problem.render() for problem in problems)


def test_long_form_param_and_scoring_null_are_valid():
    assert check_ruleset_text(ODD_DOCUMENTS["param long form"])[1] == []
    assert check_ruleset_text(ODD_DOCUMENTS["scoring null"])[1] == []


def test_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(VALID.replace("Football", "Fútbol").encode("latin-1"))
    with pytest.raises(RulesetError) as raised:
        load_ruleset(path)
    (problem,) = raised.value.diagnostics
    assert (problem.code, problem.line, problem.col) == ("yaml_syntax", 3, 9)


def test_a_missing_file_and_a_folder(tmp_path):
    for path, reason in ((tmp_path / "absent.yaml", "no such file or directory"), (tmp_path, "it is a folder, not a file")):
        with pytest.raises(RulesetError) as raised:
            load_ruleset(path)
        (problem,) = raised.value.diagnostics
        assert (problem.code, problem.message) == ("file_not_found", f"cannot read the ruleset: {reason}")


@st.composite
def _mutated(draw):
    """The valid ruleset with a few random edits: characters or whole lines deleted, doubled, replaced."""
    text = VALID
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete line", "double line", "delete char", "insert", "replace"]))
        if action == "delete line":
            del lines[index]
        elif action == "double line":
            lines.insert(index, lines[index])
        else:
            line = lines[index]
            position = draw(st.integers(0, len(line)))
            piece = draw(st.sampled_from([" ", "\t", ":", "-", "[", "]", "{", "}", "'", '"', "#", "&a", "*a", "!!", "|", ">", "0", "x", "(", ")", "not ", ".", ",", "\\", "%", "\x00", "é"]))
            if action == "delete char":
                line = line[:position] + line[position + 1 :]
            elif action == "insert":
                line = line[:position] + piece + line[position:]
            else:
                line = line[:position] + piece + line[position + len(piece) :]
            lines[index] = line
        text = "\n".join(lines)
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated())
def test_random_edits_never_raise(text):
    ruleset, problems = check_ruleset_text(text, "fuzz.yaml")
    assert (ruleset is None) == bool(problems)
    _check_diagnostics(text, problems)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_never_raises(text):
    ruleset, problems = check_ruleset_text(text, "fuzz.yaml")
    assert ruleset is None and problems
    _check_diagnostics(text, problems)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_any_when_never_raises(when):
    text = VALID.replace("when: fee > annual_remuneration * 0.03", "when: " + repr(when).replace("\\", "\\\\")[1:-1].join('""'))
    _, problems = check_ruleset_text(text, "fuzz.yaml")
    _check_diagnostics(text, problems)
