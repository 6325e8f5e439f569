"""The accepted expression language (DESIGN §3): what each construct parses to, with its type."""

from __future__ import annotations

import datetime as dt

import pytest

from riskengine.expressions import ir
from riskengine.expressions.parser import parse_condition, parse_value
from riskengine.ruleset.types import BOOLEAN, DATE, DATETIME, INTEGER, NUMBER, STRING, ListOf


def test_comparison_of_a_field_with_a_literal(scope):
    condition = parse_condition("fee > 100", scope)
    assert isinstance(condition, ir.Compare)
    assert condition.operator == ">"
    assert condition.left == ir.Name("fee", "field", NUMBER, ir.Span(0, 3))
    assert condition.right == ir.Literal(100, INTEGER, ir.Span(6, 9))


@pytest.mark.parametrize("operator", ["==", "!=", "<", "<=", ">", ">="])
def test_every_comparison_operator_on_numbers(scope, operator):
    assert parse_condition(f"fee {operator} 1.5", scope).operator == operator


@pytest.mark.parametrize("operator", ["==", "!="])
def test_strings_and_booleans_compare_for_equality(scope, operator):
    assert isinstance(parse_condition(f"role {operator} 'agent'", scope), ir.Compare)
    assert isinstance(parse_condition(f"inspected {operator} true", scope), ir.Compare)


def test_integer_and_number_compare(scope):
    condition = parse_condition("bidders < fee", scope)
    assert (condition.left.type, condition.right.type) == (INTEGER, NUMBER)


def test_chained_comparison_is_a_conjunction(scope):
    condition = parse_condition("10 <= fee < 20", scope)
    assert isinstance(condition, ir.And)
    first, second = condition.operands
    assert (first.operator, first.left.value, first.right.name) == ("<=", 10, "fee")
    assert (second.operator, second.left.name, second.right.value) == ("<", "fee", 20)


@pytest.mark.parametrize("literal", ["true", "True", "false", "False"])
def test_boolean_literals_in_both_spellings(scope, literal):
    condition = parse_condition(f"inspected == {literal}", scope)
    assert condition.right == ir.Literal(literal.lower() == "true", BOOLEAN, condition.right.span)


@pytest.mark.parametrize("quote", ["'", '"'])
def test_strings_in_single_or_double_quotes(scope, quote):
    condition = parse_condition(f"role == {quote}releasing_club{quote}", scope)
    assert condition.right.value == "releasing_club" and condition.right.type == STRING


def test_date_field_against_an_iso_string(scope):
    condition = parse_condition("paid_on >= '2024-01-31'", scope)
    assert condition.right == ir.Literal(dt.date(2024, 1, 31), DATE, condition.right.span)


def test_iso_string_on_the_left(scope):
    condition = parse_condition("'2024-01-31' < paid_on", scope)
    assert condition.left.type == DATE


def test_datetime_field_against_an_iso_string_is_utc(scope):
    condition = parse_condition("signed_at < '2024-01-31T09:30:00Z'", scope)
    assert condition.right.value == dt.datetime(2024, 1, 31, 9, 30, tzinfo=dt.timezone.utc)
    assert condition.right.type == DATETIME
    naive = parse_condition("signed_at < '2024-01-31T09:30:00'", scope)
    assert naive.right.value.tzinfo == dt.timezone.utc


def test_in_against_a_list_literal(scope):
    condition = parse_condition("country in ['PA', 'KY']", scope)
    assert isinstance(condition, ir.Membership) and not condition.negated
    assert condition.container.type == ListOf(STRING)


def test_not_in_against_a_list_param(scope):
    condition = parse_condition("country not in params.countries", scope)
    assert condition.negated
    assert condition.container == ir.Param("countries", ["PA", "KY"], ListOf(STRING), condition.container.span)


def test_number_in_an_integer_list_param(scope):
    condition = parse_condition("fee in params.amounts", scope)
    assert condition.container.type == ListOf(INTEGER)


def test_date_in_a_list_of_iso_strings(scope):
    condition = parse_condition("paid_on in ['2024-01-01', '2024-12-25']", scope)
    assert [item.value for item in condition.container.items] == [dt.date(2024, 1, 1), dt.date(2024, 12, 25)]


def test_literal_in_a_list_field(scope):
    condition = parse_condition("'urgent' in tags", scope)
    assert isinstance(condition.container, ir.Name) and condition.container.type == ListOf(STRING)


def test_an_empty_list_literal(scope):
    condition = parse_condition("country in []", scope)
    assert condition.container.items == ()


def test_and_or_not_and_parentheses(scope):
    condition = parse_condition("not (fee > 1 or bidders == 1) and inspected", scope)
    assert isinstance(condition, ir.And)
    negation, truth = condition.operands
    assert isinstance(negation, ir.Not) and isinstance(negation.operand, ir.Or)
    assert isinstance(truth, ir.Truth) and truth.value.name == "inspected"


def test_a_boolean_name_is_a_condition(scope):
    assert isinstance(parse_condition("not inspected", scope).operand, ir.Truth)
    assert isinstance(parse_condition("params.strict", scope), ir.Truth)
    assert isinstance(parse_condition("true", scope), ir.Truth)


def test_params_are_resolved_to_their_value(scope):
    condition = parse_condition("fee > params.cap * bidders", scope)
    assert condition.right.left == ir.Param("cap", 0.1, NUMBER, condition.right.left.span)


@pytest.mark.parametrize(
    ("expression", "result_type"),
    [
        ("bidders + 1", INTEGER),
        ("bidders - params.limit", INTEGER),
        ("bidders * 2", INTEGER),
        ("bidders / 2", NUMBER),  # division is never integer
        ("bidders + 1.5", NUMBER),
        ("fee * bidders", NUMBER),
        ("-fee", NUMBER),
        ("-bidders", INTEGER),
    ],
)
def test_arithmetic_types(scope, expression, result_type):
    assert parse_value(expression, scope).type == result_type


def test_arithmetic_on_literals_is_folded(scope):
    value = parse_value("2 * 3 + 1", scope)
    assert value == ir.Literal(7, INTEGER, value.span)
    assert parse_value("-5", scope) == ir.Literal(-5, INTEGER, ir.Span(0, 2))


def test_division_by_a_literal_zero_is_kept_for_evaluation(scope):
    assert isinstance(parse_value("fee / 0", scope), ir.Arithmetic)


def test_arithmetic_in_a_comparison(scope):
    condition = parse_condition("fee > params.cap * (bidders + 1)", scope)
    assert condition.right.type == NUMBER


def test_nested_object_fields(scope):
    condition = parse_condition("buyer.id == 'B1' and buyer.size > 10", scope)
    assert [operand.left.name for operand in condition.operands] == ["buyer.id", "buyer.size"]


def test_exists_and_missing(scope):
    assert parse_condition("exists(fee)", scope) == ir.Presence(ir.Name("fee", "field", NUMBER, ir.Span(7, 10)), True, ir.Span(0, 11))
    assert parse_condition("missing(buyer.id)", scope).present is False


def test_matches_checks_the_pattern(scope):
    condition = parse_condition(r"matches(role, '[A-Z]{2}-\d+')", scope)
    assert isinstance(condition, ir.Matches) and condition.pattern == r"[A-Z]{2}-\d+"


@pytest.mark.parametrize("quantifier", ["any", "all"])
def test_any_and_all_over_a_list_of_objects(scope, quantifier):
    condition = parse_condition(f"{quantifier}(b.amount > params.cap and b.bidder != role for b in bids)", scope)
    assert isinstance(condition, ir.Quantifier)
    assert (condition.quantifier, condition.variable, condition.source.name) == (quantifier, "b", "bids")
    first = condition.condition.operands[0]
    assert first.left == ir.ItemField("b", ("amount",), NUMBER, first.left.span)


def test_any_over_a_list_of_plain_values(scope):
    condition = parse_condition("any(s > 90 for s in scores)", scope)
    assert condition.condition.left == ir.ItemField("s", (), NUMBER, condition.condition.left.span)


def test_value_functions(scope):
    assert parse_value("len(bids)", scope).type == INTEGER
    assert parse_value("lower(role)", scope).type == STRING
    assert parse_value("days_between(paid_on, paid_on)", scope).type == INTEGER
    assert parse_value("count(b.winner for b in bids)", scope).type == INTEGER
    assert parse_value("max(b.amount for b in bids)", scope).type == NUMBER
    assert parse_value("distinct(b.bidder for b in bids)", scope).type == INTEGER


def test_a_derived_value_is_a_name(scope):
    condition = parse_condition("bid_count >= 2", scope)
    assert condition.left == ir.Name("bid_count", "derived", INTEGER, condition.left.span)


def test_multi_line_expressions_and_comments(scope):
    text = "fee > 1  # the fee\n  and bidders == 1\n"
    condition = parse_condition(text, scope)
    assert isinstance(condition, ir.And)
    start = text.index("bidders")
    assert condition.operands[1].span == ir.Span(start, start + len("bidders == 1"))


def test_references_lists_every_name_in_source_order(scope):
    condition = parse_condition("fee > params.cap and role == 'x' and fee < 10", scope)
    assert ir.references(condition) == ["fee", "params.cap", "role"]


def test_spans_point_at_the_source_text(scope):
    text = "role == 'x' and any(b.amount > fee for b in bids)"
    condition = parse_condition(text, scope)
    quantifier = condition.operands[1]
    assert text[quantifier.span.start : quantifier.span.end] == "any(b.amount > fee for b in bids)"
