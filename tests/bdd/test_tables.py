"""Data-table cells read for their field's declared type."""

from __future__ import annotations

import pytest

from riskengine import load_ruleset_text
from riskengine.interfaces.bdd.errors import ScenarioError
from riskengine.interfaces.bdd.tables import ABSENT, event_from_pairs, events_from_rows, read_cell, split_list
from riskengine.ruleset.types import ListOf, Object, Scalar

from .common import RULESET

STRING, INTEGER, NUMBER, BOOLEAN, DATE = (Scalar(name) for name in ("string", "integer", "number", "boolean", "date"))


@pytest.fixture(scope="module")
def ruleset():
    return load_ruleset_text(RULESET, "payments.yaml")


@pytest.mark.parametrize(
    ("text", "field_type", "expected"),
    [
        ("12", INTEGER, 12),
        ("-3", INTEGER, -3),
        ("1_500_000", INTEGER, 1500000),
        ("1.5", NUMBER, 1.5),
        ("12", NUMBER, 12),
        ("1e3", NUMBER, 1000.0),
        ("12.0", INTEGER, 12.0),  # the engine rejects it: 5.0 is not an integer
        ("true", BOOLEAN, True),
        ("FALSE", BOOLEAN, False),
        ("yes", BOOLEAN, "yes"),  # stays text: rejected by the engine
        ("1", BOOLEAN, 1),  # a number: rejected by the engine
        ("true", NUMBER, True),  # a boolean: rejected by the engine
        ("abc", NUMBER, "abc"),
        ("007", STRING, "007"),
        ("true", STRING, "true"),
        ("2024-01-31", DATE, "2024-01-31"),
        ('"150"', NUMBER, "150"),
        ('""', STRING, ""),
        ("  padded  ", STRING, "padded"),
        ("null", NUMBER, None),
        ("[a, b]", ListOf(STRING), ["a", "b"]),
        ('[a, "b, c", " d"]', ListOf(STRING), ["a", "b, c", " d"]),
        ("[]", ListOf(STRING), []),
        ("[1, 2.5]", ListOf(NUMBER), [1, 2.5]),
        ("[1, x]", ListOf(NUMBER), [1, "x"]),
        ("a, b", ListOf(STRING), "a, b"),  # no brackets: rejected as "expected a list"
        ('{"id": "B1"}', Object((("id", STRING),)), {"id": "B1"}),
        ('[{"amount": 5}]', ListOf(Object((("amount", NUMBER),))), [{"amount": 5}]),
        ("not json", Object((("id", STRING),)), "not json"),
    ],
)
def test_cells_are_read_for_their_type(text, field_type, expected) -> None:
    value = read_cell(text, field_type)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize("text", ["", "   ", "<missing>", "<MISSING>"])
def test_empty_and_missing_cells_leave_the_field_out(text) -> None:
    assert read_cell(text, NUMBER) is ABSENT


def test_split_list_refuses_an_open_quote() -> None:
    assert split_list('a, "b') is None
    assert split_list(" ") == []


def test_event_from_pairs_builds_nested_fields_and_skips_a_header(ruleset) -> None:
    event = event_from_pairs(
        ruleset,
        "payment",
        [["field", "value"], ["event_id", "e-1"], ["payee.name", "Acme"], ["payee.country", "PA"], ["amount", "5"], ["approved", ""]],
    )
    assert event == {"kind": "payment", "event_id": "e-1", "payee": {"name": "Acme", "country": "PA"}, "amount": 5}


def test_event_from_pairs_names_unknown_fields_and_kinds(ruleset) -> None:
    with pytest.raises(ScenarioError, match="a 'payment' event has no field 'amout'; did you mean 'amount'"):
        event_from_pairs(ruleset, "payment", [["amout", "5"]])
    with pytest.raises(ScenarioError, match="has no event kind 'refnd'; did you mean 'refund'"):
        event_from_pairs(ruleset, "refnd", [["amount", "5"]])
    with pytest.raises(ScenarioError, match="given twice"):
        event_from_pairs(ruleset, "payment", [["amount", "5"], ["amount", "6"]])
    with pytest.raises(ScenarioError, match="row 1 of the table has 3 cells"):
        event_from_pairs(ruleset, "payment", [["amount", "5", "6"]])


def test_events_from_rows_use_the_kind_of_each_row(ruleset) -> None:
    events = events_from_rows(
        ruleset,
        [
            ["kind", "event_id", "payer", "amount", "approved"],
            ["payment", "a", "P", "5", "true"],
            ["refund", "b", "P", "7", ""],  # approved is a payment field: empty for the refund
        ],
    )
    assert events == [
        {"kind": "payment", "event_id": "a", "payer": "P", "amount": 5, "approved": True},
        {"kind": "refund", "event_id": "b", "payer": "P", "amount": 7},
    ]


def test_events_from_rows_refuse_a_value_for_a_field_the_kind_lacks(ruleset) -> None:
    with pytest.raises(ScenarioError, match="a 'refund' event has no field 'approved'"):
        events_from_rows(ruleset, [["kind", "approved"], ["refund", "true"]])


def test_events_from_rows_need_a_kind_column_with_several_kinds(ruleset) -> None:
    with pytest.raises(ScenarioError, match="needs a 'kind' column"):
        events_from_rows(ruleset, [["amount"], ["5"]])
    with pytest.raises(ScenarioError, match="header row"):
        events_from_rows(ruleset, [["kind", "amount"]])
