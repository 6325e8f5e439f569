"""Compile typed conditions into durable_rules rules, with three-valued (Kleene) logic.

durable_rules has two-valued matching: a rule fires or it does not. To tell *false* from *unknown*
each flag compiles to two rules per event kind: one that matches exactly when the condition is true
(``T``) and one that matches exactly when it is false (``F``). Negations are pushed inward
(``T(not a) = F(a)``) and every comparison is guarded by existence tests, so a missing field never
makes either rule match. Neither firing means the condition is unknown: the flag is not evaluable.

durable_rules compares only a field with a constant, or with another field of the same fact; values
that need computing (arithmetic, ``len``, ``lower``, aggregates, regex matches) become *slots*, fact
fields that the engine fills in before asserting the fact (see ``riskengine.engine.facts``).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any, Union

from riskengine.engine.values import COMPARISONS, engine_value
from riskengine.expressions import ir
from riskengine.ruleset.errors import ExpressionError
from riskengine.ruleset.types import INTEGER, FieldType, ListOf, Scalar

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

# --------------------------------------------------------------------- condition algebra

TRUE = ("true",)
FALSE = ("false",)
Cond = tuple


def conj(items: list[Cond]) -> Cond:
    flat: list[Cond] = []
    for item in items:
        if item == FALSE:
            return FALSE
        if item == TRUE:
            continue
        flat.extend(item[1] if item[0] == "and" else [item])
    if not flat:
        return TRUE
    return flat[0] if len(flat) == 1 else ("and", flat)


def disj(items: list[Cond]) -> Cond:
    flat: list[Cond] = []
    for item in items:
        if item == TRUE:
            return TRUE
        if item == FALSE:
            continue
        flat.extend(item[1] if item[0] == "or" else [item])
    if not flat:
        return FALSE
    return flat[0] if len(flat) == 1 else ("or", flat)


def pred(document: dict[str, Any]) -> Cond:
    return ("pred", document)


def to_json(condition: Cond) -> dict[str, Any]:
    if condition[0] == "pred":
        return condition[1]
    if condition[0] in ("and", "or"):
        return {f"${condition[0]}": [to_json(item) for item in condition[1]]}
    raise ValueError("constant conditions have no durable_rules form")


# --------------------------------------------------------------------- slots


@dataclass(frozen=True)
class Slot:
    """A field of the asserted fact. ``source`` is the ``ir`` node whose value fills it."""

    key: str
    source: ir.Node
    type: FieldType


@dataclass(frozen=True)
class ListSlot:
    """A list field of the fact: the list as it is (``itemized=False``, for ``"x" in tags``) or with
    each item turned into a mapping of the item slots the rules read (for ``any``/``all``)."""

    key: str
    source: ir.Name
    itemized: bool
    item_slots: tuple[Slot, ...] = ()


@dataclass
class SlotTable:
    """Short fact keys for every value the rules read; one table per ruleset, shared by all kinds.

    Fact keys are generated (``v0``, ``h3``...) rather than the user's names, which keeps the fact
    free of durable_rules' reserved ``id``/``sid``/``kind`` keys and of dotted names.
    """

    event_slots: dict[Any, Slot] = field(default_factory=dict)
    list_slots: dict[tuple[str, bool], ListSlot] = field(default_factory=dict)
    item_slots: dict[tuple[str, Any], Slot] = field(default_factory=dict)

    def for_value(self, node: ir.Value) -> Slot:
        identity = ("name", node.name) if isinstance(node, ir.Name) else ("computed", node)
        slot = self.event_slots.get(identity)
        if slot is None:
            prefix = "v" if isinstance(node, ir.Name) else "h"
            slot = Slot(f"{prefix}{len(self.event_slots)}", node, node.type)
            self.event_slots[identity] = slot
        return slot

    def for_list(self, node: ir.Name, itemized: bool = False) -> ListSlot:
        existing = self.list_slots.get((node.name, itemized))
        if existing is None:
            existing = ListSlot(f"l{len(self.list_slots)}", node, itemized)
            self.list_slots[(node.name, itemized)] = existing
        return existing

    def for_item(self, list_node: ir.Name, node: ir.Node) -> Slot:
        identity = (list_node.name, ("path", node.path) if isinstance(node, ir.ItemField) else ("computed", node))
        slot = self.item_slots.get(identity)
        if slot is None:
            slot = Slot(f"i{len(self.item_slots)}", node, node.type)
            self.item_slots[identity] = slot
            listed = self.for_list(list_node, itemized=True)
            self.list_slots[(list_node.name, True)] = ListSlot(
                listed.key, listed.source, True, listed.item_slots + (slot,)
            )
        return slot

    def length_of(self, list_node: ir.Name) -> Slot:
        return self.for_value(ir.Call("len", (list_node,), INTEGER, list_node.span))


# --------------------------------------------------------------------- operands


@dataclass(frozen=True)
class Constant:
    value: Any  # already in engine form


@dataclass(frozen=True)
class Reference:
    key: str  # "v3" at event level, "$i.i2" inside a list item
    type: FieldType


Operand = Union[Constant, Reference]

_MIRROR = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}
_NEGATE = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}
_DURABLE_OP = {"!=": "$neq", "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}
# constant comparisons are folded at load time with the operators Python gives them
_PYTHON_OP = COMPARISONS


class Compiler:
    """Turns one condition into its (T, F) pair for one event kind."""

    def __init__(self, slots: SlotTable, absent: frozenset[str]):
        self.slots = slots
        self.absent = absent  # names no event of this kind can carry: always unknown
        self.item_list: ir.Name | None = None
        self.used: set[str] = set()  # event-level fact keys the compiled rules read
        self.itemized: set[str] = set()  # keys of lists whose items the rules read
        self.reads_absent = False  # some name can never be known for this kind
        self._depth = 0

    # ------------------------------------------------------------- operands

    def operand(self, node: ir.Value) -> Operand | None:
        """``None`` means the operand is always unknown for this kind."""
        if isinstance(node, (ir.Literal, ir.Param)):
            return Constant(engine_value(node.value))
        if isinstance(node, ir.ListLiteral):
            return Constant([engine_value(item.value) for item in node.items])
        if any(name.name in self.absent for name in ir.names(node)):
            self.reads_absent = True
            return None
        if self.item_list is not None:
            # Inside a list item durable_rules reads only the item's own keys: every value the item
            # condition needs (item fields, outer fields, computed values) is copied into the item.
            slot = self.slots.for_item(self.item_list, node)
            return Reference(f"$i.{slot.key}", node.type)
        if isinstance(node, ir.Name) and isinstance(node.type, ListOf):
            return self.use(Reference(self.slots.for_list(node).key, node.type))
        return self.use(Reference(self.slots.for_value(node).key, node.type))

    def use(self, reference: Reference) -> Reference:
        self.used.add(reference.key)
        return reference

    def exists(self, operand: Operand | None) -> Cond:
        if operand is None:
            return FALSE
        if isinstance(operand, Constant):
            return TRUE
        return pred({"$ex": {operand.key: 1}})

    def absent_test(self, operand: Operand | None) -> Cond:
        if operand is None:
            return TRUE
        if isinstance(operand, Constant):
            return FALSE
        return pred({"$nex": {operand.key: 1}})

    def complete_when(self) -> frozenset[str] | None:
        """The fact keys whose presence makes the condition certain to be true or false: with every
        value it reads known (and every item of its lists complete), three-valued logic has no
        unknown left. ``None`` when the condition reads a name this kind never carries."""
        if self.reads_absent:
            return None
        return frozenset(self.used | {complete_key(key) for key in self.itemized})

    # ------------------------------------------------------------- conditions

    def truth(self, node: ir.Condition) -> tuple[Cond, Cond]:
        method = getattr(self, f"_visit_{type(node).__name__}")
        self._depth += 1
        try:
            result = method(node)
        finally:
            self._depth -= 1
        if self._depth == 0:
            for condition in result:
                _check_size(condition, node)
        return result

    def _visit_And(self, node: ir.And) -> tuple[Cond, Cond]:
        pairs = [self.truth(operand) for operand in node.operands]
        return conj([t for t, _ in pairs]), disj([f for _, f in pairs])

    def _visit_Or(self, node: ir.Or) -> tuple[Cond, Cond]:
        pairs = [self.truth(operand) for operand in node.operands]
        return disj([t for t, _ in pairs]), conj([f for _, f in pairs])

    def _visit_Not(self, node: ir.Not) -> tuple[Cond, Cond]:
        true, false = self.truth(node.operand)
        return false, true

    def _visit_Presence(self, node: ir.Presence) -> tuple[Cond, Cond]:
        subject = self.operand(node.subject)
        present, missing = self.exists(subject), self.absent_test(subject)
        return (present, missing) if node.present else (missing, present)

    def _visit_Truth(self, node: ir.Truth) -> tuple[Cond, Cond]:
        return self._compare("==", node.value, ir.Literal(True, node.value.type, node.span), node)

    def _visit_Matches(self, node: ir.Matches) -> tuple[Cond, Cond]:
        return self._compare("==", node, ir.Literal(True, Scalar("boolean"), node.span), node)

    def _visit_Compare(self, node: ir.Compare) -> tuple[Cond, Cond]:
        return self._compare(node.operator, node.left, node.right, node)

    def _compare(self, operator: str, left_node: ir.Node, right_node: ir.Node, whole: ir.Node) -> tuple[Cond, Cond]:
        if self.item_list is not None and not _is_constant(left_node) and not _is_constant(right_node):
            return self._item_comparison(operator, left_node, right_node, whole)
        left, right = self.operand(left_node), self.operand(right_node)
        if left is None or right is None:
            return FALSE, FALSE
        if isinstance(left, Constant) and isinstance(right, Constant):
            result = _PYTHON_OP[operator](left.value, right.value)
            return (TRUE, FALSE) if result else (FALSE, TRUE)
        if isinstance(left, Constant):
            left, right, operator = right, left, _MIRROR[operator]
        true_test = self._predicate(operator, left, right)
        false_test = self._predicate(_NEGATE[operator], left, right)
        if isinstance(right, Reference):
            # a missing right-hand field makes durable_rules compare with garbage: guard both
            guard = conj([self.exists(left), self.exists(right)])
            return conj([guard, true_test]), conj([guard, false_test])
        return self._on_own_key(left, true_test), self._on_own_key(left, false_test)

    def _on_own_key(self, left: Reference, test: Cond) -> Cond:
        """A test of one key against a constant needs no existence guard: durable_rules evaluates a
        test only for the keys the fact (or item) has, so an absent key never matches. Guards cost
        and/or groups, of which a durable_rules rule may have only 15. A test decided without
        reading the key (``TRUE``, e.g. ``count != 2.5``) still needs the key."""
        return self.exists(left) if test == TRUE else test

    def _item_comparison(self, operator: str, left_node: ir.Node, right_node: ir.Node, whole: ir.Node) -> tuple[Cond, Cond]:
        """Two values of one list item (outer values are copied into each item): durable_rules cannot
        compare two item values with each other, so the engine computes their order per item
        (``engine_order``: -1, 0 or 1, exact for every pair of numbers, dates, strings and booleans)
        and the rule compares that with 0. A difference would overflow to infinity (``1e308 - -1e308``)
        and round big integers against floats; strings and booleans have no difference at all."""
        if not _same_family(left_node.type, right_node.type):
            raise ExpressionError(
                "unsupported_syntax",
                "inside any()/all(), two item values can only be compared when they have the same type",
                whole.span.start,
            )
        order = ir.Call("engine_order", (left_node, right_node), INTEGER, whole.span)  # type: ignore[arg-type]
        return self._compare(operator, order, ir.Literal(0, INTEGER, whole.span), whole)

    def _predicate(self, operator: str, left: Reference, right: Operand) -> Cond:
        if isinstance(right, Reference):
            value: Any = {"$m": right.key}
        else:
            if left.type == INTEGER and isinstance(right.value, float):
                return self._integer_against_float(operator, left, right.value)
            value = right.value
        if operator == "==":
            return pred({left.key: value})
        return pred({_DURABLE_OP[operator]: {left.key: value}})

    def _integer_against_float(self, operator: str, left: Reference, bound: float) -> Cond:
        """An integer field against a fractional bound: compare with the integer neighbour instead.

        durable_rules compares int64 with double by converting to double, which is inexact beyond
        2**53; rewriting ``count > 2.5`` as ``count > 2`` keeps the comparison exact.
        """
        if math.isfinite(bound) and bound == int(bound) and INT64_MIN <= int(bound) <= INT64_MAX:
            return self._predicate(operator, left, Constant(int(bound)))
        if operator in ("==", "!="):
            return TRUE if operator == "!=" else FALSE
        floor = math.floor(bound) if math.isfinite(bound) else (INT64_MAX if bound > 0 else INT64_MIN)
        if floor >= INT64_MAX:
            return TRUE if operator in ("<", "<=") else FALSE
        if floor < INT64_MIN:
            return FALSE if operator in ("<", "<=") else TRUE
        # x < 2.5  <=>  x <= 2 ;  x > 2.5  <=>  x > 2  (and likewise with <=, >=)
        integer_operator = {"<": "<=", "<=": "<=", ">": ">", ">=": ">"}[operator]
        return self._predicate(integer_operator, left, Constant(int(floor)))

    def _visit_Membership(self, node: ir.Membership) -> tuple[Cond, Cond]:
        container = node.container
        if isinstance(container, (ir.ListLiteral, ir.Param)):
            values = [engine_value(value) for value in (
                [item.value for item in container.items] if isinstance(container, ir.ListLiteral) else container.value
            )]
            element_node = node.element
            true_parts, false_parts = [], []
            for value in values:
                true, false = self._compare_engine_constant("==", element_node, value)
                true_parts.append(true)
                false_parts.append(false)
            element = self.operand(element_node)
            if values:
                # each part tests the element's own key (see _on_own_key): no guard needed
                true_in, false_in = disj(true_parts), conj(false_parts)
            else:
                true_in, false_in = FALSE, self.exists(element)
        else:
            true_in, false_in = self._list_contains(node)
        return (false_in, true_in) if node.negated else (true_in, false_in)

    def _compare_engine_constant(self, operator: str, node: ir.Value, value: Any) -> tuple[Cond, Cond]:
        operand = self.operand(node)
        if operand is None:
            return FALSE, FALSE
        if isinstance(operand, Constant):
            return (TRUE, FALSE) if _PYTHON_OP[operator](operand.value, value) else (FALSE, TRUE)
        true = self._predicate(operator, operand, Constant(value))
        false = self._predicate(_NEGATE[operator], operand, Constant(value))
        return self._on_own_key(operand, true), self._on_own_key(operand, false)

    def _list_contains(self, node: ir.Membership) -> tuple[Cond, Cond]:
        """``"x" in tags`` for a list field: any item equal / every item different (or empty)."""
        if self.item_list is not None or not isinstance(node.container, ir.Name):
            raise ExpressionError("unsupported_syntax", "'in' a list field is not supported inside any()/all()", node.span.start)
        element = self.operand(node.element)
        if not isinstance(element, Constant):
            raise ExpressionError("unsupported_syntax", "the left side of 'in' a list field must be a literal or a param", node.span.start)
        if node.container.name in self.absent:
            self.reads_absent = True
            return FALSE, FALSE
        listed = self.slots.for_list(node.container)
        length = self.slots.length_of(node.container)
        self.used.update((listed.key, length.key))
        true = pred({"$iany": {listed.key: {"$i": element.value}}})
        every_other = pred({"$iall": {listed.key: {"$neq": {"$i": element.value}}}})
        false = conj([pred({"$ex": {listed.key: 1}}), disj([pred({length.key: 0}), every_other])])
        return true, false

    def _visit_Quantifier(self, node: ir.Quantifier) -> tuple[Cond, Cond]:
        if node.source.name in self.absent:
            self.reads_absent = True
            return FALSE, FALSE
        listed = self.slots.for_list(node.source, itemized=True)
        length = self.slots.length_of(node.source)
        self.used.update((listed.key, length.key))
        self.itemized.add(listed.key)
        self.item_list = node.source
        try:
            item_true, item_false = self.truth(node.condition)
        finally:
            self.item_list = None
        present = pred({"$ex": {listed.key: 1}})
        empty = pred({length.key: 0})
        non_empty = pred({"$gt": {length.key: 0}})
        marks = itertools.count(1)

        def some(item_condition: Cond) -> Cond:
            if item_condition == TRUE:
                return conj([present, non_empty])
            if item_condition == FALSE:
                return FALSE
            return pred({"$iany": {listed.key: to_json(mark_branches(item_condition, marks))}})

        def every(item_condition: Cond) -> Cond:
            if item_condition == TRUE:
                return present
            if item_condition == FALSE:
                return conj([present, empty])
            item_test = pred({"$iall": {listed.key: to_json(mark_branches(item_condition, marks))}})
            return conj([present, disj([empty, item_test])])

        if node.quantifier == "any":
            return some(item_true), every(item_false)
        return every(item_true), some(item_false)


ITEM_MARK = "k"  # every item row of an itemized list carries "k": 0 (riskengine.engine.facts)


def mark_branches(condition: Cond, marks: "itertools.count[int]") -> Cond:
    """Start every branch of an ``$or`` inside a list item with its own always-true test on ``k``.

    durable_rules 2.0.28 evaluates item conditions (``$iany``/``$iall``) with ``isArrayMatch`` and
    ``isNextMatch`` (events.c), which loop over the item's properties and let a later property's
    failed test overwrite an earlier branch that had already matched. An ``$or`` whose branches test
    different keys is then decided by whichever key comes last in the item: ``$iany`` of
    ``a == 1 or b == 1`` does not fire for the item ``{"a": 1, "b": 0}``. When every branch starts with
    a test on the same key (``k != 1``, ``k != 2``: distinct, so the rete does not merge them), all the
    siblings of every branching node read one property, and the first branch that matches ends the
    loop. Verified against a Python evaluation of random nested and/or item conditions."""
    if condition[0] == "and":
        return conj([mark_branches(item, marks) for item in condition[1]])
    if condition[0] == "or":
        return (
            "or",
            [conj([pred({"$neq": {f"$i.{ITEM_MARK}": next(marks)}}), mark_branches(item, marks)]) for item in condition[1]],
        )
    return condition


MAX_GROUPS = 15  # durable_rules: 2 expressions per $and/$or, MAX_SEQUENCE_EXPRESSIONS 32 per rule (rete.c)


def _groups(document: Any) -> int:
    if isinstance(document, dict):
        return sum((key in ("$and", "$or")) + _groups(value) for key, value in document.items())
    if isinstance(document, list):
        return sum(_groups(item) for item in document)
    return 0


def complete_key(list_key: str) -> str:
    """The fact key present when every item of an itemized list carries every item key."""
    return f"{list_key}c"


def guard_false(false: Cond, complete_when: frozenset[str] | None) -> tuple[Cond, bool]:
    """The false rule, restricted to facts that miss some value the condition reads.

    With every value known a condition is true or false, so the true rule alone decides it and the
    false rule need not fire: per event, durable_rules then runs one action per fired flag, not one
    per flag. Returns the rule and whether it is guarded (it is not when the guard would not fit in
    a durable_rules rule, or when the condition reads names the kind never carries)."""
    if complete_when is None or false == FALSE:
        return false, False
    if complete_when <= _required_keys(false):
        # the false rule already needs every key the guard asks to be missing: it can never fire
        return FALSE, True
    guarded = conj([false, disj([pred({"$nex": {key: 1}}) for key in sorted(complete_when)])])
    if guarded != FALSE and _groups(rule_document("kind", guarded)) > MAX_GROUPS:
        return false, False
    return guarded, True


def _required_keys(condition: Cond) -> set[str]:
    """Fact keys without which ``condition`` cannot match: durable_rules matches a test only on a
    key the fact carries (``$nex`` aside)."""
    if condition[0] == "and":
        return set().union(*(_required_keys(item) for item in condition[1]))
    if condition[0] == "or":
        return set.intersection(*(_required_keys(item) for item in condition[1]))
    if condition[0] != "pred":
        return set()
    (key, value), = condition[1].items()
    if key == "$nex":
        return set()
    if key.startswith("$"):
        return set(value) if isinstance(value, dict) else set()
    return {key}


def _check_size(condition: Cond, node: ir.Node) -> None:
    """durable_rules refuses a rule with more than 15 and/or groups (error 113 when the ruleset is
    created); refuse it at load time instead, where the message can point at the condition."""
    if condition in (TRUE, FALSE):
        return
    groups = _groups(rule_document("kind", condition))
    if groups > MAX_GROUPS:
        raise ExpressionError(
            "limit_exceeded",
            f"the condition is too complex for durable_rules: it compiles to {groups} and/or groups in one "
            f"rule and durable_rules allows {MAX_GROUPS}; split it into several flags",
            node.span.start,
        )


def _is_constant(node: ir.Node) -> bool:
    return isinstance(node, (ir.Literal, ir.Param, ir.ListLiteral))


def _same_family(left: FieldType, right: FieldType) -> bool:
    if not (isinstance(left, Scalar) and isinstance(right, Scalar)):
        return False
    numeric = ("integer", "number")
    return left == right or (left.name in numeric and right.name in numeric)


# --------------------------------------------------------------------- rules


@dataclass(frozen=True)
class RuleTarget:
    """What a fired rule means: this flag's condition is true (or false) for this kind."""

    flag_index: int
    kind: str
    outcome: bool


def rule_document(kind: str, condition: Cond) -> dict[str, Any]:
    """One durable_rules rule, led by the kind discriminator (see durable-rules-notes §4)."""
    tests: list[dict[str, Any]] = [{"kind": kind}]
    if condition != TRUE:
        tests.extend(to_json(item) for item in (condition[1] if condition[0] == "and" else [condition]))
    return {"all": [{"m": {"$and": tests}}]}
