"""Parse ``when:`` conditions and derived-value expressions into the typed IR.

Python's own ``ast`` module does the parsing; one whitelist table (``_HANDLERS``) maps each accepted
``ast`` node type to the method that builds its IR node, and anything not in the table is refused
with a message that says what to write instead. Names are resolved and types checked while the tree
is built, so a returned tree is always well-typed.
"""

from __future__ import annotations

import ast
import datetime as dt
import io
import re
import tokenize
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable

from riskengine.expressions import ir
from riskengine.ruleset.errors import ExpressionError
from riskengine.ruleset.types import (
    BOOLEAN,
    DATE,
    DATETIME,
    INTEGER,
    NUMBER,
    STRING,
    FieldType,
    ListOf,
    Object,
    is_numeric,
)
from riskengine.suggest import closest_one

CONDITION_FUNCTIONS = ("exists", "missing", "matches", "any", "all")
VALUE_FUNCTIONS = ("len", "lower", "days_between", "hours_between", "count", "min", "max", "sum", "distinct")
AGGREGATES = ("count", "min", "max", "sum", "distinct")
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
# Nesting depth of an expression tree (parentheses, operators, calls). Real conditions nest a few
# levels; the limit keeps the recursive passes (this parser, the compiler) far from Python's
# recursion limit.
MAX_DEPTH = 60
# Functions that exist as methods in Python; ``x.lower()`` is answered with ``lower(x)``.
_FUNCTION_FORMS = ("lower", "len", "count", "min", "max", "sum")
# String methods that people use for what matches() does.
_PATTERN_METHODS = ("startswith", "endswith", "match", "fullmatch", "search", "contains", "find")
# Words from other languages that people write for Python's operators, found when a parse fails.
_OPERATOR_HINTS = {
    "&&": "use 'and' instead of '&&'",
    "||": "use 'or' instead of '||'",
    "!": "use 'not' instead of '!'",
    "=": "use '==' to compare; '=' is not an operator in conditions",
    "===": "use '==' to compare",
    "!==": "use '!=' to compare",
    "<>": "use '!=' to compare",
    "AND": "write 'and' in lower case",
    "OR": "write 'or' in lower case",
    "NOT": "write 'not' in lower case",
    "IN": "write 'in' in lower case",
}


@dataclass
class Scope:
    """What an expression may refer to: names with their types, params, and item variables."""

    names: dict[str, tuple[str, FieldType]]  # dotted name -> (origin, type)
    params: dict[str, tuple[Any, FieldType]]
    items: dict[str, FieldType] = field(default_factory=dict)

    def with_item(self, variable: str, item_type: FieldType) -> "Scope":
        return Scope(self.names, self.params, {**self.items, variable: item_type})

    def candidates(self) -> list[str]:
        found = list(self.names) + [f"params.{name}" for name in self.params] + list(self.items)
        for variable, item_type in self.items.items():
            if isinstance(item_type, Object):
                found += [f"{variable}.{name}" for name, _ in item_type.fields]
        return found


def parse_condition(text: str, scope: Scope) -> ir.Condition:
    """A ``when:`` expression: must be boolean."""
    parser = _Parser(text, scope)
    return parser.condition(parser.parse())


def parse_value(text: str, scope: Scope) -> ir.Value:
    """A derived value's expression: any well-typed value, not a condition."""
    parser = _Parser(text, scope)
    node = parser.build(parser.parse())
    if not _is_value(node):
        raise ExpressionError(
            "type_mismatch", "a derived value must be a value such as days_between(a, b), not a condition", 0
        )
    return node


def describe_type(field_type: FieldType) -> str:
    return str(field_type)


def _is_value(node: ir.Node) -> bool:
    return isinstance(
        node,
        (ir.Literal, ir.ListLiteral, ir.Param, ir.Name, ir.ItemField, ir.Arithmetic, ir.Negate, ir.Call, ir.Aggregate),
    )


def _family(field_type: FieldType) -> str:
    if is_numeric(field_type):
        return "numeric"
    return str(field_type)


class _Parser:
    def __init__(self, text: str, scope: Scope):
        self.text = text
        self.scope = scope
        self.depth = 0
        # Parentheses let a condition span several lines (YAML block scalars); the newline keeps a
        # trailing comment from swallowing the closing parenthesis.
        self.wrapped = f"({text}\n)"
        self._line_starts = [0]
        for index, char in enumerate(self.wrapped):
            if char == "\n":
                self._line_starts.append(index + 1)

    # ------------------------------------------------------------ positions

    def _offset(self, lineno: int, col_offset_bytes: int) -> int:
        line_start = self._line_starts[lineno - 1]
        line_end = self._line_starts[lineno] if lineno < len(self._line_starts) else len(self.wrapped)
        line_bytes = self.wrapped[line_start:line_end].encode("utf-8")
        column = len(line_bytes[:col_offset_bytes].decode("utf-8", errors="ignore"))
        return max(0, line_start + column - 1)

    def span(self, node: ast.AST) -> ir.Span:
        start = self._offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
        end = self._offset(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
        return ir.Span(start, min(max(end, start), len(self.text)))

    def source(self, node: ast.AST) -> str:
        span = self.span(node)
        return self.text[span.start : span.end]

    def fail(
        self, node: ast.AST, code: str, message: str, suggestion: str | None = None, name: str | None = None
    ) -> ExpressionError:
        return ExpressionError(code, message, self.span(node).start, suggestion, name)

    def fail_between(self, left: ast.AST, right: ast.AST, symbol: str, code: str, message: str) -> ExpressionError:
        """An error at the operator ``symbol`` written between two operands (ast keeps no operator positions)."""
        start, end = self.span(left).end, self.span(right).start
        found = self.text.find(symbol, start, max(start, end))
        return ExpressionError(code, message, found if found >= 0 else self.span(left).start)

    # ------------------------------------------------------------ entry

    def parse(self) -> ast.AST:
        if not self.text.strip():
            raise ExpressionError("expression_syntax", "the expression is empty", 0)
        _check_brackets(self.text)
        try:
            with warnings.catch_warnings():
                # "invalid escape sequence '\d'" in a pattern: Python keeps the backslash, which is
                # what matches() wants; the warning would only reach the author's terminal as noise.
                warnings.simplefilter("ignore")
                tree = ast.parse(self.wrapped, mode="eval")
        except SyntaxError as error:
            raise self._syntax_error(error) from None
        except (RecursionError, MemoryError):
            raise ExpressionError(
                "limit_exceeded", f"the expression is nested more than {MAX_DEPTH} levels deep", 0
            ) from None
        return tree.body

    def _syntax_error(self, error: SyntaxError) -> ExpressionError:
        hint = _operator_hint(self.text)
        if hint is not None:
            return ExpressionError("expression_syntax", f"invalid expression: {hint[1]}", hint[0])
        lineno = error.lineno or 1
        column = (error.offset or 1) - 1
        line_start = self._line_starts[min(max(lineno, 1), len(self._line_starts)) - 1]
        offset = max(0, min(line_start + column - 1, len(self.text)))
        raw = error.msg or "invalid syntax"
        if "too many nested parentheses" in raw:
            return ExpressionError("limit_exceeded", f"the expression is nested more than {MAX_DEPTH} levels deep", offset)
        if "integer string conversion" in raw:
            return ExpressionError("invalid_value", "the integer does not fit in 64 bits", offset)
        if offset >= len(self.text.rstrip()) and raw.startswith("invalid syntax"):
            return ExpressionError("expression_syntax", "invalid expression: it ends too early", offset)
        parts = [part.strip() for part in raw.rstrip(".").split(". ") if part.strip()]
        message = "; ".join(part[0].lower() + part[1:] for part in parts)
        return ExpressionError("expression_syntax", f"invalid expression: {message}", offset)

    def build(self, node: ast.AST) -> ir.Node:
        handler = _HANDLERS.get(type(node))
        if handler is None:
            raise self.fail(node, "unsupported_syntax", _refusal(node))
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise self.fail(node, "limit_exceeded", f"the expression is nested more than {MAX_DEPTH} levels deep")
            return handler(self, node)
        finally:
            self.depth -= 1

    def condition(self, node: ast.AST) -> ir.Condition:
        built = self.build(node)
        return self.as_condition(built, node)

    def value(self, node: ast.AST) -> ir.Value:
        built = self.build(node)
        if not _is_value(built):
            raise self.fail(node, "type_mismatch", f"'{self.source(node)}' is a condition; a value is expected here")
        return built

    def as_condition(self, built: ir.Node, node: ast.AST) -> ir.Condition:
        if not _is_value(built):
            return built  # already a condition
        if built.type == BOOLEAN:
            return ir.Truth(built, self.span(node))
        raise self.fail(
            node,
            "type_mismatch",
            f"'{self.source(node)}' ({describe_type(built.type)}) is not a condition; compare it, e.g. "
            f"{self.source(node)} > 0",
        )

    # ------------------------------------------------------------ conditions

    def _bool_op(self, node: ast.BoolOp) -> ir.Condition:
        operands = tuple(self.condition(value) for value in node.values)
        kind = ir.And if isinstance(node.op, ast.And) else ir.Or
        return kind(operands, self.span(node))

    def _unary(self, node: ast.UnaryOp) -> ir.Node:
        if isinstance(node.op, ast.Not):
            return ir.Not(self.condition(node.operand), self.span(node))
        if (
            isinstance(node.op, ast.USub)
            and isinstance(node.operand, ast.Constant)
            and type(node.operand.value) is int
            and node.operand.value == -INT64_MIN
        ):
            return ir.Literal(INT64_MIN, INTEGER, self.span(node))  # 2**63 fits in 64 bits only negated
        if isinstance(node.op, (ast.USub, ast.UAdd)):
            operand = self.value(node.operand)
            if not is_numeric(operand.type):
                sign = "-" if isinstance(node.op, ast.USub) else "+"
                raise self.fail(
                    node, "type_mismatch",
                    f"cannot apply '{sign}' to {self.describe(node.operand, operand)}; arithmetic needs numbers",
                )
            if isinstance(node.op, ast.UAdd):
                return operand
            if isinstance(operand, ir.Literal):
                return ir.Literal(-operand.value, operand.type, self.span(node))
            return ir.Negate(operand, operand.type, self.span(node))
        raise self.fail(node, "unsupported_syntax", "the operator '~' is not supported; use 'not' for conditions")

    def _compare(self, node: ast.Compare) -> ir.Condition:
        parts: list[ir.Condition] = []
        left_node = node.left
        for operator, right_node in zip(node.ops, node.comparators):
            parts.append(self._compare_pair(operator, left_node, right_node, node))
            left_node = right_node
        if len(parts) == 1:
            return parts[0]
        return ir.And(tuple(parts), self.span(node))

    def _compare_pair(self, operator: ast.cmpop, left_node: ast.AST, right_node: ast.AST, whole: ast.AST) -> ir.Condition:
        if isinstance(operator, (ast.In, ast.NotIn)):
            return self._membership(left_node, right_node, isinstance(operator, ast.NotIn))
        symbol = _COMPARISONS.get(type(operator))
        if symbol is None:
            raise self.fail_between(
                left_node, right_node, "is", "unsupported_syntax",
                "'is' and 'is not' are not supported; use == or != to compare, and missing(x) or exists(x) for absent data",
            )
        left = self.value(left_node)
        right = self.value(right_node)
        left, right = self._check_comparable(symbol, left, right, left_node, right_node)
        span = ir.Span(self.span(left_node).start, self.span(right_node).end)
        return ir.Compare(symbol, left, right, span)

    def _check_comparable(self, symbol: str, left: ir.Value, right: ir.Value, left_node: ast.AST, right_node: ast.AST):
        left = self._coerce_temporal_literal(left, right.type, left_node)
        right = self._coerce_temporal_literal(right, left.type, right_node)
        left_family, right_family = _family(left.type), _family(right.type)
        if left_family != right_family or isinstance(left.type, (ListOf, Object)):
            raise self.fail(
                left_node,
                "type_mismatch",
                f"cannot compare {self.describe(left_node, left)} with {self.describe(right_node, right)}",
            )
        if symbol not in ("==", "!=") and left_family in ("string", "boolean"):
            hint = "only == and != compare strings (use matches() for patterns)" if left_family == "string" else "only == and != compare booleans"
            raise self.fail(
                left_node,
                "type_mismatch",
                f"cannot order {self.describe(left_node, left)} and {self.describe(right_node, right)} with '{symbol}'; {hint}",
            )
        return left, right

    def _coerce_temporal_literal(self, value: ir.Value, other_type: FieldType, node: ast.AST) -> ir.Value:
        """An ISO string literal compared with a date or datetime becomes a date or datetime."""
        if not (isinstance(value, ir.Literal) and value.type == STRING and other_type in (DATE, DATETIME)):
            return value
        try:
            if other_type == DATE:
                return ir.Literal(dt.date.fromisoformat(value.value), DATE, value.span)
            parsed = dt.datetime.fromisoformat(value.value.replace("Z", "+00:00"))
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=dt.timezone.utc)
            return ir.Literal(parsed, DATETIME, value.span)
        except ValueError:
            example = "2024-01-31" if other_type == DATE else "2024-01-31T09:30:00Z"
            raise self.fail(
                node, "invalid_value", f"'{value.value}' is not an ISO {other_type} such as '{example}'"
            ) from None

    def describe(self, node: ast.AST, value: ir.Value) -> str:
        if isinstance(value, ir.Literal):
            return f"{self.source(node)} ({value.type})"
        return f"'{self.source(node)}' ({value.type})"

    def _membership(self, element_node: ast.AST, container_node: ast.AST, negated: bool) -> ir.Condition:
        element = self.value(element_node)
        container = self.value(container_node)
        span = ir.Span(self.span(element_node).start, self.span(container_node).end)
        if not isinstance(container.type, ListOf):
            raise self.fail(
                container_node,
                "type_mismatch",
                f"'{self.source(container_node)}' ({container.type}) is not a list; 'in' needs a list literal, "
                "a list param or a list field",
            )
        if isinstance(container, (ir.Name, ir.ItemField)) and not isinstance(element, (ir.Literal, ir.Param)):
            raise self.fail(
                element_node,
                "unsupported_syntax",
                "with a list field on the right of 'in', the left side must be a literal or a param",
            )
        if not isinstance(container, (ir.ListLiteral, ir.Param, ir.Name, ir.ItemField)):
            raise self.fail(container_node, "unsupported_syntax", "'in' needs a list literal, a list param or a list field")
        item_type = container.type.item
        if isinstance(item_type, (ListOf, Object)):
            raise self.fail(container_node, "type_mismatch", "'in' needs a list of plain values, not of objects")
        element = self._coerce_temporal_literal(element, item_type, element_node)
        if isinstance(container, ir.ListLiteral) and element.type in (DATE, DATETIME):
            container = ir.ListLiteral(
                tuple(self._coerce_temporal_literal(item, element.type, container_node) for item in container.items),
                ListOf(element.type),
                container.span,
            )
            item_type = element.type
        empty_literal = isinstance(container, ir.ListLiteral) and not container.items
        if not empty_literal and _family(element.type) != _family(item_type):
            raise self.fail(
                element_node,
                "type_mismatch",
                f"cannot look for {self.describe(element_node, element)} in "
                f"'{self.source(container_node)}' (list[{item_type}])",
            )
        return ir.Membership(element, container, negated, span)

    # ------------------------------------------------------------ values

    def _constant(self, node: ast.Constant) -> ir.Literal:
        value = node.value
        span = self.span(node)
        if isinstance(value, bool):
            return ir.Literal(value, BOOLEAN, span)
        if isinstance(value, int):
            if not INT64_MIN <= value <= INT64_MAX:
                raise self.fail(node, "invalid_value", f"the integer {value} does not fit in 64 bits")
            return ir.Literal(value, INTEGER, span)
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                raise self.fail(node, "invalid_value", f"the number {self.source(node)} is too large")
            return ir.Literal(value, NUMBER, span)
        if isinstance(value, str):
            return ir.Literal(value, STRING, span)
        if value is None:
            raise self.fail(node, "unsupported_syntax", "'None' is not a value; use missing(x) to test for absent data")
        if isinstance(value, bytes):
            raise self.fail(node, "unsupported_syntax", "bytes literals (b'...') are not supported; use a string")
        if isinstance(value, complex):
            raise self.fail(node, "unsupported_syntax", "complex numbers are not supported")
        raise self.fail(node, "unsupported_syntax", f"'{self.source(node)}' is not a value")

    def _list(self, node: ast.List) -> ir.ListLiteral:
        items: list[ir.Literal] = []
        for element in node.elts:
            built = self.value(element)
            if not isinstance(built, ir.Literal):
                raise self.fail(element, "unsupported_syntax", "list literals may hold only literal values")
            items.append(built)
        for item, element in zip(items[1:], node.elts[1:]):
            if _family(item.type) != _family(items[0].type):
                raise self.fail(
                    element,
                    "type_mismatch",
                    f"a list holds values of one type, but {self.describe(node.elts[0], items[0])} and "
                    f"{self.describe(element, item)} differ",
                )
        families = {_family(item.type) for item in items}
        if not items:
            item_type: FieldType = STRING
        elif families == {"numeric"}:
            item_type = NUMBER if any(item.type == NUMBER for item in items) else INTEGER
        else:
            item_type = items[0].type
        return ir.ListLiteral(tuple(items), ListOf(item_type), self.span(node))

    def _name(self, node: ast.Name) -> ir.Node:
        name = node.id
        span = self.span(node)
        if name in ("true", "True"):
            return ir.Literal(True, BOOLEAN, span)
        if name in ("false", "False"):
            return ir.Literal(False, BOOLEAN, span)
        if name in ("null", "None", "none"):
            raise self.fail(node, "unsupported_syntax", f"'{name}' is not a value; use missing(x) to test for absent data")
        return self._resolve(name, node)

    def _attribute(self, node: ast.Attribute) -> ir.Node:
        parts: list[str] = []
        current: ast.AST = node
        while isinstance(current, ast.Attribute):
            parts.append(current.attr)
            current = current.value
        if not isinstance(current, ast.Name):
            self.build(current)  # a refused construct (bids[0].amount) is reported as itself
            raise self.fail(node, "unsupported_syntax", "attributes are only supported on names, e.g. buyer.id or params.NAME")
        parts.append(current.id)
        dotted = ".".join(reversed(parts))
        return self._resolve(dotted, node)

    def _resolve(self, dotted: str, node: ast.AST) -> ir.Node:
        span = self.span(node)
        head, _, rest = dotted.partition(".")
        if head == "params":
            if rest in self.scope.params:
                value, value_type = self.scope.params[rest]
                return ir.Param(rest, value, value_type, span)
            if not rest:
                raise self.fail(node, "unknown_param", "'params' needs a param name: params.NAME", name="params")
            suggestion = closest_one(rest, list(self.scope.params))
            raise self.fail(
                node,
                "unknown_param",
                f"unknown param '{dotted}'",
                f"params.{suggestion}" if suggestion else None,
                name=dotted,
            )
        if head in self.scope.items:
            item_type = self.scope.items[head]
            path = tuple(rest.split(".")) if rest else ()
            current = item_type
            for part in path:
                if not isinstance(current, Object) or current.field(part) is None:
                    candidates = [f"{head}.{name}" for name, _ in current.fields] if isinstance(current, Object) else []
                    raise self.fail(
                        node, "unknown_name", f"unknown name '{dotted}'", closest_one(dotted, candidates), name=dotted
                    )
                current = current.field(part)
            return ir.ItemField(head, path, current, span)
        if dotted in self.scope.names:
            origin, name_type = self.scope.names[dotted]
            return ir.Name(dotted, origin, name_type, span)
        raise self.fail(
            node, "unknown_name", f"unknown name '{dotted}'", closest_one(dotted, self.scope.candidates()), name=dotted
        )

    def _binary(self, node: ast.BinOp) -> ir.Value:
        symbol = _ARITHMETIC.get(type(node.op))
        if symbol is None:
            written = _OTHER_OPERATORS[type(node.op)]
            hint = {"&": "; use 'and' for conditions", "|": "; use 'or' for conditions"}.get(written, "")
            raise self.fail_between(
                node.left, node.right, written, "unsupported_syntax",
                f"the operator '{written}' is not supported; arithmetic has + - * /{hint}",
            )
        left = self.value(node.left)
        right = self.value(node.right)
        for operand, operand_node in ((left, node.left), (right, node.right)):
            if not is_numeric(operand.type):
                raise self.fail(
                    operand_node,
                    "type_mismatch",
                    f"cannot apply '{symbol}' to {self.describe(node.left, left)} and "
                    f"{self.describe(node.right, right)}; arithmetic needs numbers",
                )
        result_type = INTEGER if symbol != "/" and left.type == INTEGER and right.type == INTEGER else NUMBER
        if isinstance(left, ir.Literal) and isinstance(right, ir.Literal):
            folded = _fold(symbol, left.value, right.value)
            if isinstance(folded, float) and (folded != folded or folded in (float("inf"), float("-inf"))):
                raise self.fail(node, "invalid_value", "the number is too large")
            if folded is not None:
                return ir.Literal(folded, result_type, self.span(node))
        return ir.Arithmetic(symbol, left, right, result_type, self.span(node))

    # ------------------------------------------------------------ calls

    def _call(self, node: ast.Call) -> ir.Node:
        if isinstance(node.func, ast.Attribute):
            method = node.func.attr
            offset = self.span(node.func).end - len(method)
            subject = self.source(node.func.value)
            if method in _FUNCTION_FORMS:
                message = f"method calls are not supported; write {method}({subject}) instead of {subject}.{method}()"
            elif method in _PATTERN_METHODS:
                message = (
                    f"method calls are not supported; test patterns with matches({subject}, \"...\"), "
                    "which matches the whole string"
                )
            else:
                message = (
                    f"method calls are not supported ('{method}' on '{subject}'); the functions are "
                    + ", ".join(CONDITION_FUNCTIONS + VALUE_FUNCTIONS)
                )
            raise ExpressionError("unsupported_syntax", message, offset)
        if not isinstance(node.func, ast.Name):
            if type(node.func) in _REFUSALS:
                raise self.fail(node.func, "unsupported_syntax", _refusal(node.func))
            raise self.fail(
                node.func,
                "unsupported_syntax",
                "only named functions can be called: " + ", ".join(CONDITION_FUNCTIONS + VALUE_FUNCTIONS),
            )
        function = node.func.id
        if node.keywords:
            raise self.fail(node, "unsupported_syntax", f"{function}() takes no keyword arguments")
        if function in ("exists", "missing"):
            subject = self._single_argument(node, function)
            built = self.build(subject)
            if not isinstance(built, (ir.Name, ir.ItemField)):
                raise self.fail(subject, "unsupported_syntax", f"{function}() takes a field name, e.g. {function}(fee)")
            return ir.Presence(built, function == "exists", self.span(node))
        if function == "matches":
            return self._matches(node)
        if function in ("any", "all"):
            variable, source, body_node, scope = self._generator(node, function)
            condition = _Parser.with_scope(self, scope).condition(body_node)
            return ir.Quantifier(function, variable, source, condition, self.span(node))
        if function in AGGREGATES:
            return self._aggregate(node, function)
        if function == "len":
            argument = self._single_argument(node, function)
            value = self.value(argument)
            if not isinstance(value.type, ListOf):
                raise self.fail(argument, "type_mismatch", f"len() needs a list; {self.describe(argument, value)} is not a list")
            return ir.Call("len", (value,), INTEGER, self.span(node))
        if function == "lower":
            argument = self._single_argument(node, function)
            value = self.value(argument)
            if value.type != STRING:
                raise self.fail(argument, "type_mismatch", f"lower() needs a string; {self.describe(argument, value)} is not one")
            return ir.Call("lower", (value,), STRING, self.span(node))
        if function in ("days_between", "hours_between"):
            if len(node.args) != 2:
                raise self.fail(node, "unsupported_syntax", f"{function}() takes two dates or datetimes: {function}(start, end)")
            start, end = (self.value(argument) for argument in node.args)
            for value, argument in ((start, node.args[0]), (end, node.args[1])):
                if value.type not in (DATE, DATETIME):
                    raise self.fail(
                        argument, "type_mismatch", f"{function}() needs dates or datetimes; {self.describe(argument, value)} is neither"
                    )
            whole_days = function == "days_between" and start.type == DATE and end.type == DATE
            result_type = INTEGER if whole_days or function == "hours_between" and start.type == end.type == DATE else NUMBER
            return ir.Call(function, (start, end), result_type, self.span(node))
        known = CONDITION_FUNCTIONS + VALUE_FUNCTIONS
        raise self.fail(
            node.func, "unknown_name", f"unknown function '{function}'", closest_one(function, known), name=function
        )

    def _single_argument(self, node: ast.Call, function: str) -> ast.AST:
        if len(node.args) != 1:
            raise self.fail(node, "unsupported_syntax", f"{function}() takes exactly one argument")
        return node.args[0]

    def _matches(self, node: ast.Call) -> ir.Matches:
        if len(node.args) != 2:
            raise self.fail(node, "unsupported_syntax", 'matches() takes a field and a pattern: matches(code, "[A-Z]{2}[0-9]+")')
        subject = self.value(node.args[0])
        if subject.type != STRING:
            raise self.fail(node.args[0], "type_mismatch", f"matches() needs a string; {self.describe(node.args[0], subject)} is not one")
        pattern_node = node.args[1]
        pattern_value = self.build(pattern_node) if isinstance(pattern_node, ast.Attribute) else None
        if isinstance(pattern_value, ir.Param) and isinstance(pattern_value.value, str):
            pattern = pattern_value.value  # a param, so that the pattern can be tuned with --set
        elif isinstance(pattern_node, ast.Constant) and isinstance(pattern_node.value, str):
            pattern = pattern_node.value
        else:
            raise self.fail(pattern_node, "unsupported_syntax", "the pattern of matches() must be a string literal or a string param")
        try:
            re.compile(pattern)
        except re.error as error:
            raise self.fail(pattern_node, "invalid_regex", f"invalid regular expression: {error}") from None
        except (OverflowError, RecursionError, ValueError) as error:
            raise self.fail(pattern_node, "invalid_regex", f"invalid regular expression: {str(error).rstrip('.')}") from None
        return ir.Matches(subject, pattern, self.span(node))

    def _generator(self, node: ast.Call, function: str) -> tuple[str, ir.Name, ast.AST, Scope]:
        usage = f"{function}() takes one generator: {function}(x.amount > 0 for x in bids)"
        if len(node.args) != 1 or not isinstance(node.args[0], ast.GeneratorExp):
            raise self.fail(node, "unsupported_syntax", usage)
        generator = node.args[0]
        if len(generator.generators) != 1:
            raise self.fail(generator, "unsupported_syntax", usage)
        comprehension = generator.generators[0]
        if comprehension.ifs or comprehension.is_async:
            raise self.fail(generator, "unsupported_syntax", f"'if' is not supported inside {function}(); put the condition in the expression")
        if not isinstance(comprehension.target, ast.Name):
            raise self.fail(comprehension.target, "unsupported_syntax", usage)
        if self.scope.items:
            raise self.fail(node, "unsupported_syntax", f"{function}() cannot be nested inside another any/all/aggregate")
        variable = comprehension.target.id
        source = self.build(comprehension.iter)
        if not isinstance(source, ir.Name) or not isinstance(source.type, ListOf):
            raise self.fail(comprehension.iter, "type_mismatch", f"'{self.source(comprehension.iter)}' is not a list field")
        if variable in self.scope.names or variable in ("params", "true", "false"):
            raise self.fail(comprehension.target, "reserved_name", f"the item variable '{variable}' hides a field; choose another name")
        return variable, source, generator.elt, self.scope.with_item(variable, source.type.item)

    def _aggregate(self, node: ast.Call, function: str) -> ir.Aggregate:
        variable, source, body_node, scope = self._generator(node, function)
        body_parser = _Parser.with_scope(self, scope)
        if function == "count":
            body: ir.Node = body_parser.condition(body_node)
            return ir.Aggregate(function, variable, source, body, INTEGER, self.span(node))
        body = body_parser.value(body_node)
        if function == "distinct":
            if isinstance(body.type, (ListOf, Object)):
                raise self.fail(body_node, "type_mismatch", "distinct() counts plain values, not lists or objects")
            return ir.Aggregate(function, variable, source, body, INTEGER, self.span(node))
        if not is_numeric(body.type):
            raise self.fail(body_node, "type_mismatch", f"{function}() needs numbers; {body_parser.describe(body_node, body)} is not a number")
        return ir.Aggregate(function, variable, source, body, body.type, self.span(node))

    @staticmethod
    def with_scope(parent: "_Parser", scope: Scope) -> "_Parser":
        child = _Parser.__new__(_Parser)
        child.__dict__.update(parent.__dict__)
        child.scope = scope
        return child


def _fold(symbol: str, left: Any, right: Any) -> Any:
    if symbol == "+":
        result = left + right
    elif symbol == "-":
        result = left - right
    elif symbol == "*":
        result = left * right
    elif right == 0:
        return None  # keep the division so that evaluation reports it as unknown
    else:
        result = left / right
    if isinstance(result, int) and not INT64_MIN <= result <= INT64_MAX:
        return float(result)
    return result


_OTHER_OPERATORS = {
    ast.Mod: "%", ast.FloorDiv: "//", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>",
    ast.BitOr: "|", ast.BitAnd: "&", ast.BitXor: "^", ast.MatMult: "@",
}
_COMPARISONS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_ARITHMETIC = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}

_HANDLERS: dict[type, Callable[[_Parser, Any], ir.Node]] = {
    ast.BoolOp: _Parser._bool_op,
    ast.UnaryOp: _Parser._unary,
    ast.Compare: _Parser._compare,
    ast.BinOp: _Parser._binary,
    ast.Constant: _Parser._constant,
    ast.List: _Parser._list,
    ast.Name: _Parser._name,
    ast.Attribute: _Parser._attribute,
    ast.Call: _Parser._call,
}

_REFUSALS: dict[type, str] = {
    ast.Subscript: "subscripts are not supported; use a field name or params.NAME",
    ast.Lambda: "lambdas are not supported",
    ast.IfExp: "conditional expressions (x if c else y) are not supported; combine conditions with and/or",
    ast.ListComp: "comprehensions are only supported as any(... for x in list) or all(...)",
    ast.SetComp: "comprehensions are only supported as any(... for x in list) or all(...)",
    ast.DictComp: "comprehensions are only supported as any(... for x in list) or all(...)",
    ast.GeneratorExp: "generators are only supported inside any(), all() and the aggregates",
    ast.Dict: "dict literals are not supported",
    ast.Set: "set literals are not supported; use a list literal [...]",
    ast.Tuple: "tuples are not supported; use a list literal [...]",
    ast.JoinedStr: "f-strings are not supported",
    ast.NamedExpr: "assignment expressions are not supported; use == to compare",
    ast.Await: "await is not supported",
    ast.Starred: "starred expressions are not supported",
}


def _refusal(node: ast.AST) -> str:
    return _REFUSALS.get(type(node), f"{type(node).__name__} expressions are not supported")


_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {")": "(", "]": "[", "}": "{"}


def _tokens(text: str) -> list[tuple[str, str, int]]:
    """(type, string, offset) of each token of ``text``, as far as Python's tokenizer gets."""
    line_starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            line_starts.append(index + 1)
    found: list[tuple[str, str, int]] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            line, column = token.start
            if line - 1 < len(line_starts):
                found.append((tokenize.tok_name[token.exact_type], token.string, line_starts[line - 1] + column))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass
    return found


def _check_brackets(text: str) -> None:
    """An unbalanced bracket, reported where it is (the parser's own message would point elsewhere)."""
    stack: list[tuple[str, int]] = []
    for kind, string, offset in _tokens(text):
        if kind == "ERRORTOKEN" and string[:1] in "'\"":
            raise ExpressionError("expression_syntax", "invalid expression: this string is never closed", offset)
        if string in _OPENERS:
            stack.append((string, offset))
        elif string in _CLOSERS:
            if not stack:
                raise ExpressionError("expression_syntax", f"invalid expression: unmatched '{string}'", offset)
            opener, _ = stack.pop()
            if _OPENERS[opener] != string:
                raise ExpressionError(
                    "expression_syntax", f"invalid expression: '{string}' does not match '{opener}'", offset
                )
    if stack:
        opener, offset = stack[-1]
        raise ExpressionError("expression_syntax", f"invalid expression: '{opener}' is never closed", offset)


def _operator_hint(text: str) -> tuple[int, str] | None:
    """Where the text uses another language's operator (``&&``, ``!``, ``=``), and what to write."""
    tokens = _tokens(text)
    for index, (kind, string, offset) in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if string in ("&", "|") and following and following[1] == string and following[2] == offset + 1:
            return offset, _OPERATOR_HINTS[string * 2]
        if string == "==" and following and following[1] == "=" and following[2] == offset + 2:
            return offset, _OPERATOR_HINTS["==="]
        if string == "!=" and following and following[1] == "=" and following[2] == offset + 2:
            return offset, _OPERATOR_HINTS["!=="]
        if string == "<" and following and following[1] == ">" and following[2] == offset + 1:
            return offset, _OPERATOR_HINTS["<>"]
        if string in ("!", "=", "<>") or (kind == "ERRORTOKEN" and string == "!"):
            return offset, _OPERATOR_HINTS[string]
        if kind == "NAME" and string in _OPERATOR_HINTS:
            return offset, _OPERATOR_HINTS[string]
    return None
