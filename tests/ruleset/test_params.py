"""Params: their types come from the defaults; overrides (API ``params=``, CLI ``--set``) are type-checked."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from riskengine import RulesetError, load_ruleset
from riskengine.ruleset.params import (
    OverrideError,
    TextValue,
    check_override,
    coerce_text,
    parse_assignment,
    type_of,
)
from riskengine.ruleset.types import BOOLEAN, DATE, DATETIME, INTEGER, NUMBER, STRING, ListOf

RULESET = """\
ruleset: params_demo
version: "1"
title: Params
params:
  fee_cap: 0.1
  min_bidders: 2
  countries: [PA, KY, NO]
  strict: false
  start: 2024-01-01
  label: agent
  limits: [100, 250.5]
events:
  payment:
    entity: payee
    time: paid_on
    fields:
      payee: string
      fee: number
      bidders: integer
      country: string
      paid_on: date
flags:
  - id: P-01
    title: Fee above cap
    on: payment
    when: fee > params.fee_cap and bidders < params.min_bidders and country in params.countries
    severity: high
    weight: 10
"""


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "params.yaml"
    file.write_text(RULESET)
    return file


def _problems(path, params):
    with pytest.raises(RulesetError) as raised:
        load_ruleset(path, params=params)
    return [(problem.code, problem.render().split(": error: ", 1)[1]) for problem in raised.value.diagnostics]


def test_types_come_from_the_defaults(path):
    ruleset = load_ruleset(path)
    types = {name: param.type for name, param in ruleset.params.items()}
    assert types == {
        "fee_cap": NUMBER,
        "min_bidders": INTEGER,
        "countries": ListOf(STRING),
        "strict": BOOLEAN,
        "start": DATE,
        "label": STRING,
        "limits": ListOf(NUMBER),
    }
    assert ruleset.params["countries"].value == ["PA", "KY", "NO"]  # NO stays a string


def test_an_override_replaces_the_value_and_keeps_the_default(path):
    ruleset = load_ruleset(path, params={"fee_cap": 0.08, "countries": ["ES"]})
    assert ruleset.params["fee_cap"].value == 0.08
    assert ruleset.params["fee_cap"].default == 0.1
    assert ruleset.params["countries"].value == ["ES"]
    assert ruleset.compiled.name != load_ruleset(path).compiled.name


def test_an_integer_is_accepted_for_a_number(path):
    assert load_ruleset(path, params={"fee_cap": 1}).params["fee_cap"].value == 1


def test_integers_are_accepted_in_a_list_of_numbers(path):
    assert load_ruleset(path, params={"limits": [1, 2.5]}).params["limits"].value == [1, 2.5]


def test_a_date_param_takes_a_date_or_an_iso_string(path):
    assert load_ruleset(path, params={"start": dt.date(2025, 3, 1)}).params["start"].value == dt.date(2025, 3, 1)
    assert load_ruleset(path, params={"start": "2025-03-01"}).params["start"].value == dt.date(2025, 3, 1)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"fee_cap": True}, "cannot set param 'fee_cap' (number) to true (boolean)"),
        ({"fee_cap": "0.1"}, "cannot set param 'fee_cap' (number) to '0.1' (string)"),
        ({"fee_cap": math.nan}, "cannot set param 'fee_cap' (number) to nan (number): it must be finite"),
        ({"min_bidders": 2.5}, "cannot set param 'min_bidders' (integer) to 2.5 (number)"),
        ({"min_bidders": False}, "cannot set param 'min_bidders' (integer) to false (boolean)"),
        ({"min_bidders": 2**70}, "cannot set param 'min_bidders' (integer) to 1180591620717411303424 (integer): it does not fit in 64 bits"),
        ({"strict": 1}, "cannot set param 'strict' (boolean) to 1 (integer)"),
        ({"label": 5}, "cannot set param 'label' (string) to 5 (integer)"),
        ({"countries": "PA"}, "cannot set param 'countries' (list[string]) to 'PA' (string)"),
        ({"countries": ["PA", 7]}, "cannot set param 'countries' (list[string]) to a list whose item 2 is 7 (integer)"),
        ({"start": "31/01/2024"}, "cannot set param 'start' (date) to '31/01/2024' (string): it is not an ISO date such as 2024-01-31"),
        ({"start": None}, "cannot set param 'start' (date) to null"),
    ],
)
def test_an_override_of_the_wrong_type_is_refused(path, params, message):
    assert _problems(path, params) == [("invalid_param_value", message)]


def test_an_override_error_points_at_the_param_in_the_file(path):
    with pytest.raises(RulesetError) as raised:
        load_ruleset(path, params={"fee_cap": True})
    problem = raised.value.diagnostics[0]
    assert (problem.line, problem.col, problem.loc) == (5, 12, ("params", "fee_cap"))


def test_an_unknown_param_is_refused_with_a_suggestion(path):
    with pytest.raises(RulesetError) as raised:
        load_ruleset(path, params={"fee_cp": 0.2})
    (problem,) = raised.value.diagnostics
    assert (problem.code, problem.suggestion) == ("unknown_param", "fee_cap")
    assert problem.render().endswith("error: cannot set unknown param 'fee_cp'; did you mean 'fee_cap'?")


def test_every_bad_override_is_reported_at_once(path):
    problems = _problems(path, {"fee_cap": "x", "zzz": 1, "strict": "yes"})
    assert [code for code, _ in problems] == ["unknown_param", "invalid_param_value", "invalid_param_value"]


def test_the_ruleset_has_no_params(tmp_path):
    file = tmp_path / "none.yaml"
    file.write_text(RULESET.split("params:")[0] + "events:" + RULESET.split("events:")[1].replace("params.fee_cap", "0.1").replace(" and bidders < params.min_bidders and country in params.countries", ""))
    assert _problems(file, {"cap": 1}) == [("unknown_param", "cannot set unknown param 'cap'; the ruleset has no params")]


# ---------------------------------------------------------------- command-line text


@pytest.mark.parametrize(
    ("raw", "expected", "value"),
    [
        ("0.08", NUMBER, 0.08),
        ("8", NUMBER, 8),
        ("1e-3", NUMBER, 0.001),  # YAML 1.1 would read this as a string
        ("1_000", INTEGER, 1000),
        ("010", INTEGER, 10),  # not octal
        ("true", BOOLEAN, True),
        ("yes", BOOLEAN, "yes"),  # not a boolean: refused by check_override
        ("NO", STRING, "NO"),
        ("010", STRING, "010"),
        (" padded ", STRING, " padded "),  # strings are verbatim
        ("2024-01-31", DATE, dt.date(2024, 1, 31)),
        ("2024-13-45", DATE, "2024-13-45"),  # left as text; check_override names it
        ("ES,FR, NO", ListOf(STRING), ["ES", "FR", "NO"]),
        ("[ES, NO, 010]", ListOf(STRING), ["ES", "NO", "010"]),
        ("1, 2.5", ListOf(NUMBER), [1, 2.5]),
        ("[1, 2.5]", ListOf(NUMBER), [1, 2.5]),
        ("", ListOf(STRING), []),
        ("[unclosed", ListOf(NUMBER), "[unclosed"),
        ("{a: 1}", NUMBER, {"a": 1}),
        ("!!python/object:os.system x", NUMBER, "!!python/object:os.system x"),
    ],
)
def test_coerce_text_reads_a_value_for_the_type(raw, expected, value):
    assert coerce_text(raw, expected) == value


@pytest.mark.parametrize(
    ("raw", "expected", "message"),
    [
        ("abc", NUMBER, "expected a number, got 'abc' (string)"),
        ("yes", BOOLEAN, "expected a boolean, got 'yes' (string)"),
        ("[0.1]", NUMBER, "expected a number, got [0.1] (list)"),
        ("{a: 1}", NUMBER, "expected a number, got a mapping"),
        ("2024-13-45", DATE, "expected a date, got '2024-13-45' (string): it is not an ISO date such as 2024-01-31"),
        ("1,x", ListOf(NUMBER), "expected a list[number], got a list whose item 2 is 'x' (string)"),
    ],
)
def test_text_of_the_wrong_type_names_both_types(raw, expected, message):
    with pytest.raises(OverrideError) as raised:
        check_override(coerce_text(raw, expected), expected)
    assert str(raised.value) == message


def test_a_text_value_is_read_for_the_params_type_when_loading(path):
    ruleset = load_ruleset(path, params={"fee_cap": TextValue("0.08"), "label": TextValue("0.08"), "countries": TextValue("ES,NO")})
    assert ruleset.params["fee_cap"].value == 0.08
    assert ruleset.params["label"].value == "0.08"
    assert ruleset.params["countries"].value == ["ES", "NO"]
    assert _problems(path, {"fee_cap": TextValue("high")}) == [
        ("invalid_param_value", "cannot set param 'fee_cap' (number) to 'high' (string)")
    ]


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("cap=0.1", ("cap", "0.1")), ("cap = 0.1", ("cap", " 0.1")), ("url=a=b", ("url", "a=b")), ("cap=", ("cap", ""))],
)
def test_parse_assignment(text, parsed):
    assert parse_assignment(text) == parsed


@pytest.mark.parametrize("text", ["cap", "=1", " =1"])
def test_parse_assignment_needs_a_name_and_an_equals_sign(text):
    with pytest.raises(ValueError, match="expected NAME=VALUE"):
        parse_assignment(text)


# ---------------------------------------------------------------- defaults


@pytest.mark.parametrize(
    ("default", "expected"),
    [
        (0.1, NUMBER),
        (3, INTEGER),
        (True, BOOLEAN),
        ("x", STRING),
        (dt.date(2024, 1, 1), DATE),
        (dt.datetime(2024, 1, 1, 9), DATETIME),
        ([1, 2.5], ListOf(NUMBER)),
        ([1, 2], ListOf(INTEGER)),
        (["a"], ListOf(STRING)),
    ],
)
def test_type_of_a_default(default, expected):
    assert type_of(default) == expected


@pytest.mark.parametrize(
    ("default", "message"),
    [
        (None, "a param needs a value (null is not allowed)"),
        ([], "an empty list has no item type"),
        ([1, "a"], "but 1 (integer) and 'a' (string) differ"),
        ([[1]], "a list param holds plain values"),
        ({"a": 1}, "not a mapping"),
        (math.inf, "inf is not a finite number"),
        (2**64, "does not fit in 64 bits"),
    ],
)
def test_defaults_a_param_cannot_hold(default, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        type_of(default)
