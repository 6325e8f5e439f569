"""Everything outside the expression whitelist (DESIGN §3), pinned like simpleeval's deliberately
missed features: each construct, the code it is refused with, where the error points, and what the
message says. A test here that starts to fail means the language grew; decide it on purpose.

Each case is ``(expression, code, points_at, message_part)``: ``points_at`` is the text the error's
offset must start at (the offending sub-expression), ``message_part`` a piece of the message.
"""

from __future__ import annotations

import pytest

from riskengine.expressions.parser import parse_condition, parse_value
from riskengine.ruleset.errors import ExpressionError

REFUSED = [
    # ---------------------------------------------------------------- Python syntax outside the list
    ("tags[0] == 'a'", "unsupported_syntax", "tags[0]", "subscripts are not supported"),
    ("fee[1:2] > 0", "unsupported_syntax", "fee[1:2]", "subscripts are not supported"),
    ("bids[0].amount > 1", "unsupported_syntax", "bids[0]", "subscripts are not supported"),
    ("(lambda: fee)() > 1", "unsupported_syntax", "lambda", "lambdas are not supported"),
    ("lambda: 1", "unsupported_syntax", "lambda", "lambdas are not supported"),
    ("role.lower() == 'a'", "unsupported_syntax", "lower()", "write lower(role) instead of role.lower()"),
    ("role.startswith('A')", "unsupported_syntax", "startswith", "matches(role"),
    ("role.upper() == 'A'", "unsupported_syntax", "upper()", "method calls are not supported ('upper' on 'role')"),
    ("[b for b in bids] == []", "unsupported_syntax", "[b for", "comprehensions are only supported as any("),
    ("{b.bidder for b in bids}", "unsupported_syntax", "{b.bidder", "comprehensions are only supported"),
    ("{b.bidder: 1 for b in bids}", "unsupported_syntax", "{b.bidder", "comprehensions are only supported"),
    ("(b for b in bids)", "unsupported_syntax", "(b for", "generators are only supported inside any()"),
    ("any([b.amount > 1 for b in bids])", "unsupported_syntax", "any(", "any() takes one generator"),
    ("any(b.amount > 1 for b in bids if b.winner)", "unsupported_syntax", "(b.amount", "'if' is not supported inside any()"),
    ("any(b.amount > 1 for b in bids for c in bids)", "unsupported_syntax", "(b.amount", "any() takes one generator"),
    ("any(any(c.amount > 1 for c in bids) for b in bids)", "unsupported_syntax", "any(c", "cannot be nested"),
    ("fee is None", "unsupported_syntax", "is None", "'is' and 'is not' are not supported"),
    ("fee is not None", "unsupported_syntax", "is not", "'is' and 'is not' are not supported"),
    ("fee == None", "unsupported_syntax", "None", "'None' is not a value; use missing(x)"),
    ("fee == null", "unsupported_syntax", "null", "'null' is not a value"),
    ("fee if inspected else bidders", "unsupported_syntax", "fee if", "conditional expressions"),
    ("(x := fee) > 1", "unsupported_syntax", "x := fee", "assignment expressions are not supported"),
    ("f'{fee}' == 'a'", "unsupported_syntax", "f'{fee}'", "f-strings are not supported"),
    ("{'a': 1} == {}", "unsupported_syntax", "{'a': 1}", "dict literals are not supported"),
    ("role in {'a', 'b'}", "unsupported_syntax", "{'a', 'b'}", "set literals are not supported"),
    ("role in ('a', 'b')", "unsupported_syntax", "('a', 'b')", "tuples are not supported"),
    ("[*tags] == []", "unsupported_syntax", "*tags", "starred expressions are not supported"),
    ("await fee", "unsupported_syntax", "await fee", "await is not supported"),
    ("b'x' == role", "unsupported_syntax", "b'x'", "bytes literals"),
    ("1j == fee", "unsupported_syntax", "1j", "complex numbers are not supported"),
    ("... == fee", "unsupported_syntax", "...", "is not a value"),
    ("fee % 2 == 0", "unsupported_syntax", "% 2", "the operator '%' is not supported"),
    ("fee // 2 > 1", "unsupported_syntax", "// 2", "the operator '//' is not supported"),
    ("fee ** 2 > 1", "unsupported_syntax", "** 2", "the operator '**' is not supported"),
    ("fee > 1 & inspected", "unsupported_syntax", "& inspected", "use 'and' for conditions"),
    ("fee > 1 | inspected", "unsupported_syntax", "| inspected", "use 'or' for conditions"),
    ("bidders << 1 > 0", "unsupported_syntax", "<< 1", "the operator '<<' is not supported"),
    ("bidders ^ 1 > 0", "unsupported_syntax", "^ 1", "the operator '^' is not supported"),
    ("~bidders > 0", "unsupported_syntax", "~bidders", "the operator '~' is not supported"),
    ("matches(role, pattern='a')", "unsupported_syntax", "matches(", "takes no keyword arguments"),
    ("matches(role, role)", "unsupported_syntax", "role)", "must be a string literal"),
    ("matches(role)", "unsupported_syntax", "matches(", "matches() takes a field and a pattern"),
    ("exists(1)", "unsupported_syntax", "1)", "exists() takes a field name"),
    ("missing(fee, role)", "unsupported_syntax", "missing(", "takes exactly one argument"),
    ("fee()", "unknown_name", "fee()", "unknown function 'fee'"),
    ("a.b.c() > 1", "unsupported_syntax", "c()", "method calls are not supported"),
    ("len(tags, 2) > 1", "unsupported_syntax", "len(", "takes exactly one argument"),
    ("role in tags", "unsupported_syntax", "role", "the left side must be a literal or a param"),
    # ---------------------------------------------------------------- names
    ("fe > 1", "unknown_name", "fe", "unknown name 'fe'"),
    ("buyer.idd == 'a'", "unknown_name", "buyer.idd", "unknown name 'buyer.idd'"),
    ("any(b.amont > 1 for b in bids)", "unknown_name", "b.amont", "unknown name 'b.amont'"),
    ("b.amount > 1", "unknown_name", "b.amount", "unknown name 'b.amount'"),
    ("mtches(role, 'a')", "unknown_name", "mtches", "unknown function 'mtches'"),
    ("sqrt(fee) > 1", "unknown_name", "sqrt", "unknown function 'sqrt'"),
    ("params.cp > 1", "unknown_param", "params.cp", "unknown param 'params.cp'"),
    ("params > 1", "unknown_param", "params", "'params' needs a param name"),
    ("any(fee > 1 for fee in bids)", "reserved_name", "fee in", "hides a field"),
    # ---------------------------------------------------------------- types
    ("role == 5", "type_mismatch", "role", "cannot compare 'role' (string) with 5 (integer)"),
    ("5 == role", "type_mismatch", "5", "cannot compare 5 (integer) with 'role' (string)"),
    ("fee == '5'", "type_mismatch", "fee", "cannot compare 'fee' (number) with '5' (string)"),
    ("inspected == 1", "type_mismatch", "inspected", "cannot compare 'inspected' (boolean) with 1 (integer)"),
    ("paid_on > 5", "type_mismatch", "paid_on", "cannot compare 'paid_on' (date) with 5 (integer)"),
    ("buyer == 'x'", "type_mismatch", "buyer", "(object)"),
    ("tags == 'x'", "type_mismatch", "tags", "(list[string])"),
    ("role < 'b'", "type_mismatch", "role", "cannot order 'role' (string) and 'b' (string) with '<'"),
    ("'a' <= role", "type_mismatch", "'a'", "only == and != compare strings"),
    ("inspected > false", "type_mismatch", "inspected", "only == and != compare booleans"),
    ("fee + 'a' > 1", "type_mismatch", "'a'", "cannot apply '+' to 'fee' (number) and 'a' (string)"),
    ("role * 2 > 1", "type_mismatch", "role", "arithmetic needs numbers"),
    ("-role == 'a'", "type_mismatch", "-role", "cannot apply '-' to 'role' (string)"),
    ("fee", "type_mismatch", "fee", "'fee' (number) is not a condition"),
    ("not role", "type_mismatch", "role", "'role' (string) is not a condition"),
    ("fee > 1 and bidders", "type_mismatch", "bidders", "is not a condition"),
    ("fee in [1, 'a']", "type_mismatch", "'a'", "1 (integer) and 'a' (string) differ"),
    ("role in role", "type_mismatch", "role", "'role' (string) is not a list"),
    ("role in params.amounts", "type_mismatch", "role", "cannot look for 'role' (string) in 'params.amounts'"),
    ("matches(fee, 'a')", "type_mismatch", "fee", "matches() needs a string"),
    ("len(role) > 1", "type_mismatch", "role", "len() needs a list"),
    ("any(b > 1 for b in fee)", "type_mismatch", "fee", "'fee' is not a list field"),
    ("all(b > 1 for b in bids)", "type_mismatch", "b > 1", "cannot compare 'b' (object) with 1 (integer)"),
    # ---------------------------------------------------------------- values
    ("paid_on > '2024-13-01'", "invalid_value", "'2024-13-01'", "is not an ISO date"),
    ("signed_at > 'yesterday'", "invalid_value", "'yesterday'", "is not an ISO datetime"),
    ("fee > 99999999999999999999", "invalid_value", "9999", "does not fit in 64 bits"),
    ("fee > 1e999", "invalid_value", "1e999", "the number 1e999 is too large"),
    ("matches(role, '(')", "invalid_regex", "'('", "invalid regular expression: missing )"),
    ("matches(role, 'a{99999999999}')", "invalid_regex", "'a{", "invalid regular expression"),
    ("matches(role, '[z-a]')", "invalid_regex", "'[z-a]'", "bad character range"),
    # ---------------------------------------------------------------- syntax
    ("", "expression_syntax", "", "the expression is empty"),
    ("   ", "expression_syntax", "", "the expression is empty"),
    ("fee > 1 and", "expression_syntax", "", "it ends too early"),
    ("(fee > 1", "expression_syntax", "(fee", "'(' is never closed"),
    ("fee > 1)", "expression_syntax", ")", "unmatched ')'"),
    ("role in [1, 2)", "expression_syntax", ")", "')' does not match '['"),
    ("role == 'x", "expression_syntax", "'x", "this string is never closed"),
    ("fee = 1", "expression_syntax", "= 1", "use '==' to compare"),
    ("fee === 1", "expression_syntax", "=== 1", "use '==' to compare"),
    ("fee <> 1", "expression_syntax", "<> 1", "use '!=' to compare"),
    ("fee > 1 && inspected", "expression_syntax", "&& inspected", "use 'and' instead of '&&'"),
    ("fee > 1 || inspected", "expression_syntax", "|| inspected", "use 'or' instead of '||'"),
    ("!inspected", "expression_syntax", "!inspected", "use 'not' instead of '!'"),
    ("fee > 1 AND inspected", "expression_syntax", "AND", "write 'and' in lower case"),
    ("fee > > 1", "expression_syntax", "> 1", "invalid expression"),
    # ---------------------------------------------------------------- limits
    ("not " * 61 + "inspected", "limit_exceeded", "not inspected", "nested more than 60 levels"),
    ("fee > " + "1 + " * 200 + "1", "limit_exceeded", "1 + 1", "nested more than 60 levels"),
    ("(" * 300 + "fee > 1" + ")" * 300, "limit_exceeded", "(((", "nested more than 60 levels"),
]


@pytest.mark.parametrize(("expression", "code", "points_at", "message_part"), REFUSED, ids=[case[0][:40] for case in REFUSED])
def test_construct_is_refused(scope, expression, code, points_at, message_part):
    with pytest.raises(ExpressionError) as raised:
        parse_condition(expression, scope)
    error = raised.value
    assert (error.code, message_part in error.message) == (code, True), error.message
    assert expression[error.offset :].startswith(points_at), (error.offset, expression[error.offset :])
    assert error.message == error.message.rstrip(".") and error.message[:1] == error.message[:1].lower()


SUGGESTED = [
    ("fe > 1", "fee"),
    ("contry == 'PA'", "country"),
    ("buyer.idd == 'a'", "buyer.id"),
    ("any(b.amont > 1 for b in bids)", "b.amount"),
    ("params.cp > 1", "params.cap"),
    ("role in params.countrys", "params.countries"),
    ("mtches(role, 'a')", "matches"),
    ("exist(fee)", "exists"),
    ("bid_cnt > 1", "bid_count"),
]


@pytest.mark.parametrize(("expression", "suggestion"), SUGGESTED)
def test_unknown_name_suggests_the_closest_valid_name(scope, expression, suggestion):
    with pytest.raises(ExpressionError) as raised:
        parse_condition(expression, scope)
    assert raised.value.suggestion == suggestion


@pytest.mark.parametrize("expression", ["budget > 1", "x > 1", "zzz == 'a'", "params.q > 1"])
def test_no_suggestion_when_nothing_is_close(scope, expression):
    with pytest.raises(ExpressionError) as raised:
        parse_condition(expression, scope)
    assert raised.value.suggestion is None


def test_a_value_function_is_not_a_condition_on_its_own(scope):
    with pytest.raises(ExpressionError) as raised:
        parse_condition("len(tags)", scope)
    assert raised.value.code == "type_mismatch"


def test_a_derived_value_must_not_be_a_condition(scope):
    with pytest.raises(ExpressionError) as raised:
        parse_value("fee > 1", scope)
    assert raised.value.code == "type_mismatch"


def test_offsets_count_characters_not_bytes(scope):
    expression = "role == 'éé€' and fe > 1"
    with pytest.raises(ExpressionError) as raised:
        parse_condition(expression, scope)
    assert expression[raised.value.offset :].startswith("fe > 1")


def test_offsets_on_a_later_line(scope):
    expression = "fee > 1\n  and (bidders > 2\n       or fe > 1)"
    with pytest.raises(ExpressionError) as raised:
        parse_condition(expression, scope)
    assert expression[raised.value.offset :].startswith("fe > 1")
