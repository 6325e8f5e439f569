"""Per-event computation of values: derived values, arithmetic, list aggregates and regex matches.

These are the values DESIGN §7 says are computed before the fact is asserted; durable_rules then
decides every condition over them. ``UNKNOWN`` (``None``) propagates: a value whose inputs are
missing, a division by zero, ``min`` of an empty list.

Item-level conditions inside ``count(...)`` follow the same three-valued logic as flags: a count over
items where some item's condition is unknown is itself unknown.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from functools import lru_cache
from typing import Any, Mapping

from riskengine.expressions import ir

UNKNOWN = None
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
EPOCH_DATE = dt.date(1970, 1, 1)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)

Environment = Mapping[str, Any]


def evaluate_value(node: ir.Node, env: Environment, item: Any = None) -> Any:
    """The value of ``node`` for one event (and, inside a list, one item); ``None`` when unknown."""
    node_type = type(node)  # the common nodes first, by exact type; then every node by isinstance
    if node_type is ir.Name:
        return env.get(node.name)
    if node_type is ir.Literal or node_type is ir.Param:
        return node.value
    if node_type is ir.Arithmetic:
        return _arithmetic(node.operator, evaluate_value(node.left, env, item), evaluate_value(node.right, env, item))
    return _evaluate_node(node, env, item)


def _evaluate_node(node: ir.Node, env: Environment, item: Any = None) -> Any:
    if isinstance(node, ir.Literal):
        return node.value
    if isinstance(node, ir.Param):
        return node.value
    if isinstance(node, ir.ListLiteral):
        return [element.value for element in node.items]
    if isinstance(node, ir.Name):
        return env.get(node.name)
    if isinstance(node, ir.ItemField):
        current = item
        for part in node.path:
            if not isinstance(current, dict):
                return UNKNOWN
            current = current.get(part)
        return current
    if isinstance(node, ir.Arithmetic):
        return _arithmetic(node.operator, evaluate_value(node.left, env, item), evaluate_value(node.right, env, item))
    if isinstance(node, ir.Negate):
        operand = evaluate_value(node.operand, env, item)
        return UNKNOWN if operand is None else _fit(-operand)
    if isinstance(node, ir.Call):
        return _call(node, [evaluate_value(argument, env, item) for argument in node.arguments])
    if isinstance(node, ir.Aggregate):
        return _aggregate(node, env)
    if isinstance(node, ir.Matches):
        subject = evaluate_value(node.subject, env, item)
        return UNKNOWN if subject is None else _compiled(node.pattern).fullmatch(subject) is not None
    if isinstance(node, (ir.Compare, ir.Membership, ir.And, ir.Or, ir.Not, ir.Presence, ir.Quantifier, ir.Truth)):
        return evaluate_item_condition(node, env, item)
    raise TypeError(f"cannot evaluate {type(node).__name__}")


@lru_cache(maxsize=1024)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _fit(number: Any) -> Any:
    """Integers beyond 64 bits cannot reach durable_rules; they continue as floats."""
    if isinstance(number, int) and not isinstance(number, bool) and not INT64_MIN <= number <= INT64_MAX:
        return float(number)
    if isinstance(number, float) and (number != number or number in (float("inf"), float("-inf"))):
        return UNKNOWN
    return number


def _arithmetic(operator: str, left: Any, right: Any) -> Any:
    if left is None or right is None:
        return UNKNOWN
    if operator == "+":
        return _fit(left + right)
    if operator == "-":
        return _fit(left - right)
    if operator == "*":
        return _fit(left * right)
    if right == 0:
        return UNKNOWN
    try:
        return _fit(left / right)
    except OverflowError:
        return UNKNOWN


def _as_datetime(value: dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)


def _call(node: ir.Call, arguments: list[Any]) -> Any:
    if any(argument is None for argument in arguments):
        return UNKNOWN
    if node.function == "engine_order":
        # the order of two item values for the item comparisons of any()/all() (compile_durable):
        # Python compares ints and floats exactly, and never overflows
        left, right = arguments
        return (left > right) - (left < right)
    if node.function == "len":
        return len(arguments[0])
    if node.function == "lower":
        return arguments[0].lower()
    start, end = arguments
    if not isinstance(start, dt.datetime) and not isinstance(end, dt.datetime):
        days = (end - start).days
        return days if node.function == "days_between" else days * 24
    seconds = (_as_datetime(end) - _as_datetime(start)).total_seconds()
    return seconds / 86400 if node.function == "days_between" else seconds / 3600


def _aggregate(node: ir.Aggregate, env: Environment) -> Any:
    items = env.get(node.source.name)
    if items is None:
        return UNKNOWN
    values = [evaluate_value(node.body, env, item) for item in items]
    if node.function == "count":
        if any(value is None for value in values):
            return UNKNOWN
        return sum(1 for value in values if value)
    if any(value is None for value in values):
        return UNKNOWN
    if node.function == "distinct":
        return len({_hashable(value) for value in values})
    if node.function == "sum":
        return _fit(sum(values))
    if not values:
        return UNKNOWN
    return min(values) if node.function == "min" else max(values)


def _hashable(value: Any) -> Any:
    # 1 and 1.0 (and True) are one value to Python's set; a distinct count must keep types apart.
    return (type(value).__name__, value)


def evaluate_item_condition(node: ir.Node, env: Environment, item: Any) -> bool | None:
    """Three-valued truth of a condition inside ``count(...)``: True, False or None (unknown)."""
    if isinstance(node, ir.And):
        results = [evaluate_item_condition(operand, env, item) for operand in node.operands]
        if any(result is False for result in results):
            return False
        return None if any(result is None for result in results) else True
    if isinstance(node, ir.Or):
        results = [evaluate_item_condition(operand, env, item) for operand in node.operands]
        if any(result is True for result in results):
            return True
        return None if any(result is None for result in results) else False
    if isinstance(node, ir.Not):
        result = evaluate_item_condition(node.operand, env, item)
        return None if result is None else not result
    if isinstance(node, ir.Presence):
        return (evaluate_value(node.subject, env, item) is not None) == node.present
    if isinstance(node, ir.Truth):
        return evaluate_value(node.value, env, item)
    if isinstance(node, ir.Matches):
        return evaluate_value(node, env, item)
    if isinstance(node, ir.Compare):
        left = evaluate_value(node.left, env, item)
        right = evaluate_value(node.right, env, item)
        if left is None or right is None:
            return None
        return COMPARISONS[node.operator](left, right)
    if isinstance(node, ir.Membership):
        element = evaluate_value(node.element, env, item)
        container = evaluate_value(node.container, env, item)
        if element is None or container is None:
            return None
        return (element in container) != node.negated
    raise TypeError(f"{type(node).__name__} is not supported inside count()")


COMPARISONS = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


def engine_value(value: Any) -> Any:
    """The form a typed value takes inside durable_rules: dates and datetimes become integers
    (days, and microseconds, since 1970-01-01 UTC), so that they compare as numbers."""
    if isinstance(value, dt.datetime):
        delta = value - EPOCH
        return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds
    if isinstance(value, dt.date):
        return (value - EPOCH_DATE).days
    if isinstance(value, list):
        return [engine_value(item) for item in value]
    return value
