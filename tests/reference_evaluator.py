"""An independent reference evaluator (oracle) for ``when:`` conditions, used by the differential tests.

It reads the expression text with Python's ``ast`` and evaluates it directly over a raw event (the
JSON-like mapping a caller passes to ``Engine.evaluate``), the event kind's declared field types and
the param values, following DESIGN §3 "Semantics":

- a field that is absent, ``null`` or not declared by the event's kind is *unknown* (``None``);
- Kleene logic: ``true or unknown`` is true, ``false and unknown`` is false, ``not unknown`` is unknown;
- ``exists(x)`` / ``missing(x)`` are never unknown;
- a comparison, ``in`` test, ``matches()`` or arithmetic with an unknown operand is unknown;
- division by zero is unknown, and so is an arithmetic result that is not a finite number
  (an overflow to infinity: the engine cannot hold infinities);
- ``any(c for x in L)`` / ``all(...)`` are Kleene or/and over the items (empty list: any is false, all
  is true; a missing list is unknown);
- ``matches(x, "re")`` is ``re.fullmatch``; dates compare as dates (an ISO string literal compared with a
  date is that date).

It deliberately shares no code with ``riskengine`` (no import of ``riskengine.expressions`` or
``riskengine.engine``): numbers are exact Python ints and floats, compared the way Python compares them.

One documented limit of the engine is not a contract: an integer beyond 2**53 compared with a float
*computed per event* (a field, or arithmetic) may be compared inexactly, and integer arithmetic beyond
64 bits continues in floating point. When a comparison lands in that zone and the exact and the
floating-point answers differ, the oracle raises ``Imprecise`` and the caller skips that flag.
Comparisons of an integer-typed value with a float *constant* (literal or param) must stay exact.
"""

from __future__ import annotations

import ast
import datetime as dt
import math
import operator
import re
from dataclasses import dataclass
from typing import Any, Mapping

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
EXACT_FLOAT_INT = 2**53


class Imprecise(Exception):
    """The comparison falls in the engine's documented inexact zone and the answers could differ."""


class OracleError(Exception):
    """The expression uses something the oracle does not know: a bug in the test generator."""


@dataclass(frozen=True)
class Val:
    """A value with what the oracle needs to know about it.

    ``value`` is None when unknown. ``typ`` is the static numeric type ("integer" or "number") for
    numbers, or another type name. ``const`` is "lit" for literals (and arithmetic folded from
    literals), "param" for params, None for values computed per event.
    """

    value: Any
    typ: str
    const: str | None = None


_COMPARE = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}


def kleene_and(values: list[bool | None]) -> bool | None:
    if any(value is False for value in values):
        return False
    if any(value is None for value in values):
        return None
    return True


def kleene_or(values: list[bool | None]) -> bool | None:
    if any(value is True for value in values):
        return True
    if any(value is None for value in values):
        return None
    return False


def kleene_not(value: bool | None) -> bool | None:
    return None if value is None else not value


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _type_name(spec: Any) -> str:
    if isinstance(spec, str):
        return spec
    if isinstance(spec, list):
        return "list[object]"
    return "object"


def _convert(value: Any, spec: Any) -> Any:
    """A raw JSON value in the oracle's form: dates become ``datetime.date``; None stays None."""
    if value is None:
        return None
    if spec == "date":
        return dt.date.fromisoformat(value)
    if spec == "list[date]":
        return [dt.date.fromisoformat(item) for item in value]
    return value


class ReferenceEvaluator:
    """Evaluates one ``when:`` expression per event.

    ``fields`` maps each field the event's kind declares to its type spec, as in the ruleset YAML:
    "integer", "number", "string", "boolean", "date", "list[string]", a dict (an object) or a one-item
    list holding a dict (a list of objects).
    """

    def __init__(self, expression: str):
        self.expression = expression
        self.tree = ast.parse(expression, mode="eval").body

    def evaluate(self, event: Mapping[str, Any], fields: Mapping[str, Any], params: Mapping[str, Any]) -> bool | None:
        context = _Context(event, fields, params, {})
        return context.cond(self.tree)


class _Context:
    def __init__(self, event, fields, params, items):
        self.event = event
        self.fields = fields
        self.params = params
        self.items = items  # variable -> (item value, item spec)

    # -------------------------------------------------------------- names

    def _dotted(self, node: ast.AST) -> str | None:
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        parts.append(node.id)
        return ".".join(reversed(parts))

    def lookup(self, dotted: str) -> tuple[Any, Any, bool]:
        """(value or None, type spec, is_known_name) for a dotted name; absent/null/undeclared is None."""
        head, _, rest = dotted.partition(".")
        if head in self.items:
            current, spec = self.items[head]
            for part in rest.split(".") if rest else []:
                if not isinstance(spec, dict) or part not in spec:
                    raise OracleError(f"unknown item field {dotted}")
                spec = spec[part]
                current = current.get(part) if isinstance(current, dict) else None
            return _convert(current, spec), spec, True
        spec: Any = self.fields
        current: Any = self.event
        parts = dotted.split(".")
        for part in parts:
            if not isinstance(spec, dict) or part not in spec:
                return None, None, False  # not declared by this kind: unknown
            spec = spec[part]
            if not isinstance(current, dict):
                current = None
            else:
                current = current.get(part)
        return _convert(current, spec), spec, True

    def name_val(self, node: ast.AST) -> Val:
        if isinstance(node, ast.Name) and node.id in ("true", "True"):
            return Val(True, "boolean", "lit")
        if isinstance(node, ast.Name) and node.id in ("false", "False"):
            return Val(False, "boolean", "lit")
        dotted = self._dotted(node)
        if dotted is None:
            raise OracleError(f"bad name {ast.dump(node)}")
        if dotted.startswith("params."):
            value = self.params[dotted[len("params."):]]
            return Val(value, _value_type(value), "param")
        value, spec, _ = self.lookup(dotted)
        return Val(value, _type_name(spec) if spec is not None else "unknown")

    # -------------------------------------------------------------- values

    def val(self, node: ast.AST) -> Val:
        if isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool):
                return Val(value, "boolean", "lit")
            if isinstance(value, int):
                return Val(value, "integer", "lit")
            if isinstance(value, float):
                return Val(value, "number", "lit")
            if isinstance(value, str):
                return Val(value, "string", "lit")
            raise OracleError(f"literal {value!r}")
        if isinstance(node, (ast.Name, ast.Attribute)):
            return self.name_val(node)
        if isinstance(node, ast.List):
            items = [self.val(element) for element in node.elts]
            return Val([item.value for item in items], "list", "lit")
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            operand = self.val(node.operand)
            if operand.value is None:
                return Val(None, operand.typ, None)
            result = -operand.value
            self._check_range(result)
            return Val(result, operand.typ, "lit" if operand.const == "lit" else None)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.UAdd):
            return self.val(node.operand)
        if isinstance(node, ast.BinOp):
            return self.arithmetic(node)
        raise OracleError(f"value {ast.dump(node)}")

    def _check_range(self, result: Any) -> None:
        if isinstance(result, int) and not isinstance(result, bool) and not INT64_MIN <= result <= INT64_MAX:
            raise Imprecise(f"integer arithmetic beyond 64 bits: {result}")

    def arithmetic(self, node: ast.BinOp) -> Val:
        left, right = self.val(node.left), self.val(node.right)
        is_division = isinstance(node.op, ast.Div)
        typ = "integer" if left.typ == right.typ == "integer" and not is_division else "number"
        folded = "lit" if left.const == right.const == "lit" else None
        if left.value is None or right.value is None:
            return Val(None, typ)
        a, b = left.value, right.value
        if not (_is_number(a) and _is_number(b)):
            raise OracleError("arithmetic on non-numbers")
        if isinstance(node.op, ast.Add):
            result = a + b
        elif isinstance(node.op, ast.Sub):
            result = a - b
        elif isinstance(node.op, ast.Mult):
            result = a * b
        elif is_division:
            if b == 0:
                return Val(None, typ)  # division by zero: unknown
            try:
                result = a / b
            except OverflowError:
                return Val(None, typ)
        else:
            raise OracleError("operator")
        if isinstance(result, float) and not math.isfinite(result):
            return Val(None, typ)
        self._check_range(result)
        return Val(result, typ, folded)

    # -------------------------------------------------------------- conditions

    def cond(self, node: ast.AST) -> bool | None:
        if isinstance(node, ast.BoolOp):
            results = [self.cond(value) for value in node.values]
            return kleene_and(results) if isinstance(node.op, ast.And) else kleene_or(results)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return kleene_not(self.cond(node.operand))
        if isinstance(node, ast.Compare):
            parts = []
            left_node = node.left
            for op, right_node in zip(node.ops, node.comparators):
                parts.append(self.compare_pair(op, left_node, right_node))
                left_node = right_node
            return kleene_and(parts)
        if isinstance(node, ast.Call):
            return self.call(node)
        # a boolean value used as a condition
        value = self.val(node)
        if value.value is None:
            return None
        if not isinstance(value.value, bool):
            raise OracleError(f"not a boolean: {value.value!r}")
        return value.value

    def compare_pair(self, op: ast.cmpop, left_node: ast.AST, right_node: ast.AST) -> bool | None:
        if isinstance(op, (ast.In, ast.NotIn)):
            result = self.membership(left_node, right_node)
            return kleene_not(result) if isinstance(op, ast.NotIn) else result
        left, right = self.val(left_node), self.val(right_node)
        if left.value is None or right.value is None:
            return None
        a, b = _coerce_dates(left.value, right.value)
        function = _COMPARE[type(op)]
        _check_types(a, b)
        exact = function(a, b)
        self._check_precision(function, left, right, a, b, exact)
        return exact

    def _check_precision(self, function, left: Val, right: Val, a: Any, b: Any, exact: bool) -> None:
        for int_side, float_side, x, y in ((left, right, a, b), (right, left, b, a)):
            if isinstance(x, int) and not isinstance(x, bool) and isinstance(y, float) and abs(x) > EXACT_FLOAT_INT:
                if float_side.const is not None and int_side.typ == "integer":
                    return  # an integer against a float constant: the engine must be exact
                if function(float(a), float(b)) != exact:
                    raise Imprecise(f"{a!r} vs {b!r} beyond 2**53")

    def membership(self, element_node: ast.AST, container_node: ast.AST) -> bool | None:
        element = self.val(element_node)
        container = self.val(container_node)
        if element.value is None or container.value is None:
            return None
        items = container.value
        if not isinstance(items, list):
            raise OracleError("membership needs a list")
        item_type = element.typ if container.const is None else "number"
        found = False
        for item in items:
            a, b = _coerce_dates(element.value, item)
            _check_types(a, b)
            exact = a == b
            item_val = Val(item, "integer" if isinstance(item, int) else item_type, container.const)
            self._check_precision(operator.eq, element, item_val, a, b, exact)
            found = found or exact
        return found

    def call(self, node: ast.Call) -> bool | None:
        if not isinstance(node.func, ast.Name):
            raise OracleError("method call")
        function = node.func.id
        if function in ("exists", "missing"):
            (argument,) = node.args
            dotted = self._dotted(argument)
            value, _, _ = self.lookup(dotted)
            present = value is not None
            return present if function == "exists" else not present
        if function == "matches":
            subject_node, pattern_node = node.args
            subject = self.val(subject_node)
            if subject.value is None:
                return None
            return re.fullmatch(pattern_node.value, subject.value) is not None
        if function in ("any", "all"):
            (generator,) = node.args
            (comprehension,) = generator.generators
            variable = comprehension.target.id
            source_name = self._dotted(comprehension.iter)
            items, spec, _ = self.lookup(source_name)
            if items is None:
                return None
            item_spec = spec[0] if isinstance(spec, list) else spec[len("list["):-1]
            results = []
            for item in items:
                inner = _Context(self.event, self.fields, self.params, {**self.items, variable: (item, item_spec)})
                results.append(inner.cond(generator.elt))
            return kleene_or(results) if function == "any" else kleene_and(results)
        raise OracleError(f"function {function}")


def _value_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, list):
        return "list"
    raise OracleError(f"param {value!r}")


def _coerce_dates(a: Any, b: Any) -> tuple[Any, Any]:
    if isinstance(a, dt.date) and isinstance(b, str):
        return a, dt.date.fromisoformat(b)
    if isinstance(b, dt.date) and isinstance(a, str):
        return dt.date.fromisoformat(a), b
    return a, b


def _check_types(a: Any, b: Any) -> None:
    """Strict types: the generator must never compare a boolean with a number or a string with a number."""
    kinds = set()
    for value in (a, b):
        if isinstance(value, bool):
            kinds.add("boolean")
        elif _is_number(value):
            kinds.add("number")
        elif isinstance(value, str):
            kinds.add("string")
        elif isinstance(value, dt.date):
            kinds.add("date")
        else:
            kinds.add(type(value).__name__)
    if len(kinds) != 1:
        raise OracleError(f"cannot compare {a!r} with {b!r}")
