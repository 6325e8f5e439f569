"""The YAML reader: YAML 1.2 scalars, positions of every node, and problems as Diagnostics."""

from __future__ import annotations

import datetime as dt

import pytest

from riskengine.ruleset.loader import check_ruleset_text
from riskengine.ruleset.yaml_source import MAX_DEPTH, load_yaml


def _data(text):
    data, _, problems = load_yaml(text, "t.yaml")
    assert problems == []
    return data


@pytest.mark.parametrize(
    ("scalar", "value"),
    [
        ("on", "on"), ("off", "off"), ("yes", "yes"), ("no", "no"), ("NO", "NO"), ("Y", "Y"), ("y", "y"),
        ("true", True), ("True", True), ("TRUE", True), ("false", False),
        ("010", 10), ("0o17", 15), ("0x1F", 31), ("1_000", 1000), ("-5", -5), ("+5", 5),
        ("1e3", 1000.0), ("1.5", 1.5), (".5", 0.5), ("-1.5e-3", -0.0015), ("1_000.5", 1000.5),
        ("12:30", "12:30"), ("1:20:30", "1:20:30"),
        ("2024-01-31", dt.date(2024, 1, 31)),
        ("~", None), ("null", None), ("", None),
        ("=", "="), ("<<", "<<"), ("'<<'", "<<"),
    ],
)
def test_scalars_are_read_as_yaml_1_2(scalar, value):
    assert _data(f"a: {scalar}\n") == {"a": value}


def test_on_stays_a_key_named_on():
    assert _data("on: payment\nyes: 1\nno: 2\n") == {"on": "payment", "yes": 1, "no": 2}


def test_infinity_and_nan_are_numbers():
    data = _data("a: .inf\nb: -.Inf\nc: .nan\n")
    assert data["a"] == float("inf") and data["b"] == float("-inf") and data["c"] != data["c"]


def test_positions_of_keys_and_values():
    _, source, _ = load_yaml("flags:\n  - id: F1\n    when: fee > 1\n", "t.yaml")
    assert source.key_position(("flags", 0, "when")) == (3, 5)
    assert source.value_position(("flags", 0, "when")) == (3, 11)
    assert source.value_position(("flags", 0, "absent")) == (2, 5)  # the closest enclosing node
    assert source.source_text(("flags", 0, "id")) == "F1"


def test_a_duplicate_key_is_reported_with_the_first_line():
    _, _, problems = load_yaml("a: 1\nb:\n  c: 1\n  c: 2\n", "t.yaml")
    assert [(p.code, p.line, p.col, p.message) for p in problems] == [
        ("duplicate_key", 4, 3, "duplicate key 'c' (first on line 3)")
    ]


def test_keys_that_compare_equal_are_duplicates():
    _, _, problems = load_yaml("1: a\n01: b\n", "t.yaml")
    assert [p.code for p in problems] == ["duplicate_key"]


def test_aliases_are_expanded_with_their_own_positions():
    data, source, problems = load_yaml("a: &x [1, 2]\nb: *x\n", "t.yaml")
    assert problems == [] and data == {"a": [1, 2], "b": [1, 2]}


def test_a_recursive_alias_is_refused():
    data, _, problems = load_yaml("a: &x [1, *x]\n", "t.yaml")
    assert data is None and [p.code for p in problems] == ["yaml_syntax"]
    assert "refers to a node that contains it" in problems[0].message


def test_a_billion_laughs_document_is_refused():
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in range(1, 7):
        text += f"{chr(97 + level)}: &{chr(97 + level)} [" + ", ".join([f"*{chr(96 + level)}"] * 10) + "]\n"
    data, _, problems = load_yaml(text, "t.yaml")
    assert data is None and [p.code for p in problems] == ["limit_exceeded"]


def test_nesting_deeper_than_the_limit_is_refused_where_it_happens():
    text = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    data, _, problems = load_yaml(text, "t.yaml")
    assert data is None
    # the root mapping is level 1, so the first '[' (column 4) is level 2
    assert [(p.code, p.line, p.col) for p in problems] == [("limit_exceeded", 1, 3 + MAX_DEPTH)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!binary aGk=\n", "the YAML tag '!!binary' is not supported here"),
        ("a: !!set {x}\n", "the YAML tag '!!set' is not supported here"),
        ("a: !custom 1\n", "the YAML tag '!custom' is not supported here"),
        ("a: !!python/name:os.system x\n", "the YAML tag '!!python/name:os.system' is not supported here"),
        ("<<: {a: 1}\n", "merge keys (<<) are not supported; write the keys out"),
        ("a: !!int zz\n", "'zz' is not a valid int"),
        ("a: 2024-13-45\n", "'2024-13-45' is not a valid timestamp"),
        ("? [a]\n: 1\n", "a key must be a name, not a list"),
    ],
)
def test_values_the_reader_refuses(text, message):
    data, _, problems = load_yaml(text, "t.yaml")
    assert data is None and len(problems) == 1 and message in problems[0].message
    assert problems[0].line == 1 and problems[0].col in (1, 3, 4)


@pytest.mark.parametrize(
    ("text", "position", "message"),
    [
        ("a: 1\n\tb: 2\n", (2, 1), "a tab is not allowed here in YAML"),
        ('a: "x\nb: 1\n', (1, 4), "this quoted string is never closed"),
        ("a: 1\n---\nb: 2\n", (2, 1), "holds one YAML document"),
        ("a: *nope\n", (1, 4), "found undefined alias 'nope'"),
        ("a: [1, 2\n", (2, 1), "invalid YAML"),
        ("a: 1\nb: \x00\n", (2, 4), "the character #x0000, which YAML does not allow"),
    ],
)
def test_syntax_errors_point_at_the_problem(text, position, message):
    data, _, problems = load_yaml(text, "t.yaml")
    assert data is None and [p.code for p in problems] == ["yaml_syntax"]
    assert ((problems[0].line, problems[0].col), message in problems[0].message) == (position, True)


# ---------------------------------------------------------------- where a problem inside `when:` points

HEAD = """\
ruleset: t
version: "1"
title: T
events:
  pay:
    entity: id
    fields:
      id: string
      fee: number
      role: string
flags:
  - id: F1
    title: t
    on: pay
    severity: low
    weight: 1
"""

STYLES = {
    "plain": "    when: fee > 1 and fe > 2\n",
    "plain over two lines": "    when: fee > 1\n      and fe > 2\n",
    "single-quoted": "    when: 'role == ''x'' and fe > 2'\n",
    "double-quoted": '    when: "role == \\"x\\" and fe > 2"\n',
    "double-quoted, escaped line break": '    when: "role == \\"x\\" \\\n      and fe > 2"\n',
    "double-quoted over two lines": '    when: "fee > 1\n      and fe > 2"\n',
    "literal": "    when: |\n      fee > 1\n      and fe > 2\n",
    "literal, strip, more indented": "    when: |-\n      fee > 1 and\n        fe > 2\n",
    "literal with a comment and indicator": "    when: |2  # two spaces\n        fee > 1\n        and fe > 2\n",
    "folded": "    when: >\n      fee > 1\n      and fe > 2\n",
    "folded with a blank line": "    when: >\n      fee > 1\n\n      and fe > 2\n",
    "non-ASCII before": '    when: role == "é€" and fe > 2\n',
    "flow mapping": None,
}


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_an_unknown_name_points_at_itself_in_every_scalar_style(style, newline):
    if STYLES[style] is None:
        text = HEAD.split("  - id: F1")[0] + "  - {id: F1, title: t, on: pay, severity: low, weight: 1, when: fee > 1 and fe > 2}\n"
    else:
        text = HEAD + STYLES[style]
    text = text.replace("\n", newline)
    _, problems = check_ruleset_text(text, "t.yaml")
    assert [p.message for p in problems] == ["unknown name 'fe'"]
    line = text.split(newline)[problems[0].line - 1]
    assert line[problems[0].col - 1 :].startswith("fe > 2"), (problems[0].line, problems[0].col, line)


def test_a_byte_order_mark_is_not_part_of_the_document(tmp_path):
    from riskengine.ruleset.loader import check_ruleset_file

    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (HEAD + "    when: fe > 1\n").encode())
    _, problems = check_ruleset_file(path)
    assert [(p.line, p.col) for p in problems] == [(17, 11)]
