"""The typed intermediate representation of ``when:`` conditions and derived values.

Nodes are frozen and carry the ``span`` (character offsets in the expression text) they came from,
so that every later pass can point at the offending sub-expression. Each node's ``type`` is fixed when
the parser builds it; no pass re-derives types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

from riskengine.ruleset.types import BOOLEAN, FieldType


@dataclass(frozen=True)
class Span:
    start: int
    end: int


# ---------------------------------------------------------------- values


@dataclass(frozen=True)
class Literal:
    value: Any
    type: FieldType
    span: Span = field(compare=False)


@dataclass(frozen=True)
class ListLiteral:
    items: tuple[Literal, ...]
    type: FieldType  # ListOf(...)
    span: Span = field(compare=False)


@dataclass(frozen=True)
class Param:
    """``params.NAME``: a constant resolved at load time, still named in the evidence."""

    name: str
    value: Any
    type: FieldType
    span: Span = field(compare=False)

    @property
    def reference(self) -> str:
        return f"params.{self.name}"

    def __hash__(self) -> int:
        # a list param's value is a list; name and type identify a param within one ruleset
        return hash((self.name, self.type))


@dataclass(frozen=True)
class Name:
    """An event field (dotted for nested objects), a derived value or a stateful feature."""

    name: str
    origin: str  # "field" | "derived" | "feature"
    type: FieldType
    span: Span = field(compare=False)

    @property
    def reference(self) -> str:
        return self.name


@dataclass(frozen=True)
class ItemField:
    """Inside ``any``/``all``/aggregates: the current item (``path == ()``) or a field of it."""

    variable: str
    path: tuple[str, ...]
    type: FieldType
    span: Span = field(compare=False)


@dataclass(frozen=True)
class Arithmetic:
    operator: str  # + - * /
    left: "Value"
    right: "Value"
    type: FieldType
    span: Span = field(compare=False)


@dataclass(frozen=True)
class Negate:
    operand: "Value"
    type: FieldType
    span: Span = field(compare=False)


@dataclass(frozen=True)
class Call:
    """A value function: len, lower, days_between, hours_between."""

    function: str
    arguments: tuple["Value", ...]
    type: FieldType
    span: Span = field(compare=False)


@dataclass(frozen=True)
class Aggregate:
    """``count(cond for x in L)``, ``min/max/sum/distinct(value for x in L)``."""

    function: str
    variable: str
    source: Name
    body: "Node"
    type: FieldType
    span: Span = field(compare=False)


Value = Union[Literal, ListLiteral, Param, Name, ItemField, Arithmetic, Negate, Call, Aggregate]


# ---------------------------------------------------------------- conditions


@dataclass(frozen=True)
class Compare:
    operator: str  # == != < <= > >=
    left: Value
    right: Value
    span: Span = field(compare=False)
    type: FieldType = BOOLEAN


@dataclass(frozen=True)
class Membership:
    """``element in container``; the container is a list literal, a list param or a list field."""

    element: Value
    container: Value
    negated: bool
    span: Span = field(compare=False)
    type: FieldType = BOOLEAN


@dataclass(frozen=True)
class And:
    operands: tuple["Condition", ...]
    span: Span = field(compare=False)
    type: FieldType = BOOLEAN


@dataclass(frozen=True)
class Or:
    operands: tuple["Condition", ...]
    span: Span = field(compare=False)
    type: FieldType = BOOLEAN


@dataclass(frozen=True)
class Not:
    operand: "Condition"
    span: Span = field(compare=False)
    type: FieldType = BOOLEAN


@dataclass(frozen=True)
class Presence:
    """``exists(x)`` (``present=True``) or ``missing(x)``: never unknown."""

    subject: Name
    present: bool
    span: Span = field(compare=False)
    type: FieldType = BOOLEAN


@dataclass(frozen=True)
class Matches:
    subject: Value
    pattern: str
    span: Span = field(compare=False)
    type: FieldType = BOOLEAN


@dataclass(frozen=True)
class Quantifier:
    """``any(cond for x in L)`` / ``all(...)``."""

    quantifier: str  # "any" | "all"
    variable: str
    source: Name
    condition: "Condition"
    span: Span = field(compare=False)
    type: FieldType = BOOLEAN


@dataclass(frozen=True)
class Truth:
    """A boolean value used as a condition: a boolean field, param, item or literal."""

    value: Value
    span: Span = field(compare=False)
    type: FieldType = BOOLEAN


Condition = Union[Compare, Membership, And, Or, Not, Presence, Matches, Quantifier, Truth]
Node = Union[Value, Condition]


def children(node: Node) -> tuple[Node, ...]:
    """The direct sub-expressions of a node, in source order."""
    if isinstance(node, (Arithmetic, Compare)):
        return (node.left, node.right)
    if isinstance(node, Membership):
        return (node.element, node.container)
    if isinstance(node, (And, Or)):
        return node.operands
    if isinstance(node, (Not, Negate)):
        return (node.operand,)
    if isinstance(node, Call):
        return node.arguments
    if isinstance(node, (Aggregate, Quantifier)):
        return (node.source, node.body if isinstance(node, Aggregate) else node.condition)
    if isinstance(node, (Presence, Matches)):
        return (node.subject,)
    if isinstance(node, Truth):
        return (node.value,)
    if isinstance(node, ListLiteral):
        return node.items
    return ()


def references(node: Node) -> list[str]:
    """Every field, derived value, feature and ``params.NAME`` the node refers to, in source order."""
    found: list[str] = []

    def visit(current: Node) -> None:
        if isinstance(current, (Name, Param)) and current.reference not in found:
            found.append(current.reference)
        for child in children(current):
            visit(child)

    visit(node)
    return found


def names(node: Node) -> list[Name]:
    """Every ``Name`` node (fields, derived values, features) in source order, without repeats."""
    found: dict[str, Name] = {}

    def visit(current: Node) -> None:
        if isinstance(current, Name):
            found.setdefault(current.name, current)
        for child in children(current):
            visit(child)

    visit(node)
    return list(found.values())


def uses_item(node: Node, variable: str) -> bool:
    if isinstance(node, ItemField):
        return node.variable == variable
    return any(uses_item(child, variable) for child in children(node))
