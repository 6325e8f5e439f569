"""Differential property test: the durable_rules-backed engine against an independent oracle.

Hypothesis generates random typed rulesets (as YAML text: one or two event kinds, 1-8 flags whose
``when:`` conditions mix comparisons, arithmetic, chained comparisons, ``in``/``not in``, and/or/not,
exists/missing, any/all over a list of objects and over a list of strings, matches(), boolean fields)
and random events whose values sit at and around the literals the conditions use (exact thresholds,
+-1, +-one ulp, absent and null fields, ints up to 2**63-1, tiny and huge floats, -0.0, unicode
strings with quotes, backslashes, emoji, accents, NULs).

For every flag of the event's kind, the engine's outcome (fired / not evaluable / not fired) must be
the oracle's (``tests/reference_evaluator.py``: true / unknown / false). Also checked: a flag fires at
most once; reversing the flags in the ruleset changes nothing; the same event twice gives
byte-identical JSON; presence tests alone are never "not evaluable"; wrong-typed events are rejected.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, note, settings
from hypothesis import strategies as st

import riskengine
try:
    from reference_evaluator import Imprecise, ReferenceEvaluator
except ModuleNotFoundError:  # tests/ imported as a package
    from tests.reference_evaluator import Imprecise, ReferenceEvaluator

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
SAFE_INT = 2**53

# ---------------------------------------------------------------------------------------------- pools

SPECIAL_INTS = [0, 1, -1, 2, 3, 10, 100, 1000, -1000, 2**31, 2**53, 2**53 + 1, 2**62, -(2**62), INT64_MAX, -INT64_MAX]
SPECIAL_FLOATS = [
    0.0, -0.0, 0.5, 2.5, -2.5, 0.1, 0.30000000000000004, 1e-05, 1e-07, 5e-324, -5e-324,
    2.2250738585072014e-308, 1e-300, 1e300, -1e300, 1.7976931348623157e308, -1.7976931348623157e308,
    1e16, 1.5e16, 9007199254740992.0, 9007199254740994.0, 9.223372036854776e18, -9.223372036854776e18,
    123456.789, 1e22,
]
SPECIAL_STRINGS = [
    "", "a", "A", "abc", "AB12", "é", "e\u0301", "naïve", "日本", "😀", "a😀b", 'quote"d', "it's",
    "back\\slash", "\\", "\\u0041", "tab\there", "line\nbreak", " ", "null", "true", "0", "150",
    "\x00", "a\x00b", "\u2028", "\ufeff", "ß", "SS", "İ", "\x7f", "$i", "{\"a\":1}", "x" * 40,
]
REGEXES = [
    "[A-Z]{2}[0-9]+", ".*", "", "a|b", "é.*", r"\d+", ".*[\"'].*", "(?i)abc", "😀+", "x?", r"\\.*",
    ".", r"[^a]*", r"\w+", r"a\x00b", r"\s*",
]
SPECIAL_DATES = [
    dt.date(2024, 1, 1), dt.date(2024, 2, 29), dt.date(1970, 1, 1), dt.date(1969, 12, 31),
    dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2000, 3, 1),
]

BIDS_SPEC = [{"amount": "number", "bidder": "string", "ok": "boolean"}]
BUYER_SPEC = {"country": "string", "score": "number"}
# name -> (type spec in kind alpha, type spec in kind beta). x3 widens from integer to number.
FIELD_POOL: dict[str, tuple[Any, Any]] = {
    "n1": ("integer", "integer"),  # may hold ints up to 2**63-1
    "n2": ("integer", "integer"),  # within +-2**53
    "x1": ("number", "number"),
    "x2": ("number", "number"),
    "x3": ("integer", "number"),
    "s1": ("string", "string"),
    "s2": ("string", "string"),
    "ok1": ("boolean", "boolean"),
    "ok2": ("boolean", "boolean"),
    "d1": ("date", "date"),
    "d2": ("date", "date"),
    "tags": ("list[string]", "list[string]"),
    "bids": (BIDS_SPEC, BIDS_SPEC),
    "buyer": (BUYER_SPEC, BUYER_SPEC),
}
KIND_NAMES = ("alpha", "beta")
PARAM_TYPES = {
    "p_int": "integer", "p_num": "number", "p_str": "string", "p_bool": "boolean", "p_date": "date",
    "p_strs": "list[string]", "p_nums": "list[number]", "p_dates": "list[date]",
}


# ---------------------------------------------------------------------------------------------- text


def py_literal(value: Any) -> str:
    """A literal in the expression language (Python syntax)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        text = repr(value)
        return f"({text})" if text.startswith("-") else text
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, dt.date):
        return repr(value.isoformat())
    raise TypeError(value)


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar holding exactly ``text`` (every non-ASCII char escaped)."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def yaml_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # YAML 1.1 needs a dot and a signed exponent: 1e-05 would be read as a string.
        text = repr(value)
        mantissa, mark, exponent = text.partition("e")
        if "." not in mantissa:
            mantissa += ".0"
        return mantissa + (f"e{exponent}" if mark else "")
    if isinstance(value, str):
        return yaml_string(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(yaml_scalar(item) for item in value) + "]"
    raise TypeError(value)


def yaml_type(spec: Any) -> str:
    if isinstance(spec, str):
        return spec
    if isinstance(spec, list):
        return "[" + yaml_type(spec[0]) + "]"
    return "{" + ", ".join(f"{name}: {yaml_type(inner)}" for name, inner in spec.items()) + "}"


# ---------------------------------------------------------------------------------------------- specs


@dataclass
class FlagSpec:
    id: str
    on: tuple[str, ...]
    when: str
    weight: int
    severity: str
    typology: str | None
    presence_only: bool = False


@dataclass
class RulesetSpec:
    kinds: dict[str, dict[str, Any]]  # kind -> field -> type spec (incl. the entity eid)
    params: dict[str, Any]
    flags: list[FlagSpec]
    method: str

    def render(self, reverse: bool = False) -> str:
        lines = ['ruleset: diff', 'version: "1"', "title: differential", "params:"]
        for name, value in self.params.items():
            lines.append(f"  {name}: {yaml_scalar(value)}")
        lines.append("events:")
        for kind, fields in self.kinds.items():
            lines += [f"  {kind}:", "    entity: eid", "    fields:"]
            lines += [f"      {name}: {yaml_type(spec)}" for name, spec in fields.items()]
        lines.append("flags:")
        for flag in reversed(self.flags) if reverse else self.flags:
            lines += [
                f"  - id: {flag.id}",
                f"    title: Flag {flag.id}",
                f"    on: [{', '.join(flag.on)}]",
                f"    when: {yaml_string(flag.when)}",
                f"    severity: {flag.severity}",
                f"    weight: {flag.weight}",
            ]
            if flag.typology:
                lines.append(f"    typology: {flag.typology}")
        lines += ["scoring:", f"  method: {self.method}"]
        if self.method == "sum":
            lines.append("  typology_cap: 40")
        return "\n".join(lines) + "\n"


@dataclass
class Pools:
    """The literals the conditions use, so that events can sit on and around them."""

    numbers: list[Any] = field(default_factory=list)
    strings: list[str] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)
    unknown_rate: float = 1.0  # scales how often event values are absent or null


class Gen:
    """Draws well-typed conditions for one flag (its scope is the union of its kinds' fields)."""

    def __init__(self, draw, scope: dict[str, Any], params: dict[str, Any], pools: Pools):
        self.draw = draw
        self.scope = scope
        self.params = params
        self.pools = pools

    # --------------------------------------------------------- helpers

    def names_of(self, *types: str) -> list[str]:
        found = [name for name, spec in self.scope.items() if isinstance(spec, str) and spec in types]
        if "buyer" in self.scope:
            found += [f"buyer.{name}" for name, spec in BUYER_SPEC.items() if spec in types]
        return [name for name in found if name != "eid" or "string" in types]

    def pick(self, options):
        return self.draw(st.sampled_from(options))

    def chance(self, p: float) -> bool:
        return self.draw(st.floats(0, 1)) < p

    # --------------------------------------------------------- literals

    def number_literal(self) -> Any:
        value = self.draw(
            st.one_of(
                st.sampled_from(SPECIAL_INTS),
                st.sampled_from(SPECIAL_FLOATS),
                st.integers(-1000, 1000),
                st.integers(INT64_MIN + 1, INT64_MAX),
                st.floats(allow_nan=False, allow_infinity=False),
            )
        )
        self.pools.numbers.append(value)
        return value

    def string_literal(self) -> str:
        value = self.draw(st.one_of(st.sampled_from(SPECIAL_STRINGS), st.text(max_size=5)))
        self.pools.strings.append(value)
        return value

    def date_literal(self) -> dt.date:
        value = self.draw(st.one_of(st.sampled_from(SPECIAL_DATES), st.dates()))
        self.pools.dates.append(value)
        return value

    # --------------------------------------------------------- values

    def number(self, depth: int, item: str | None = None) -> str:
        """A numeric value; ``item`` is the item variable of an enclosing any/all over bids."""
        atoms = ["literal"] * 3
        fields = self.names_of("integer", "number")
        if fields:
            atoms += ["field"] * 4
        if "p_int" in self.params:
            atoms += ["param"]
        if item:
            atoms += ["item"] * 5
        choice = self.pick(atoms)
        if depth > 0 and self.chance(0.25):
            operator = self.pick(["+", "-", "*", "/"])
            return f"({self.number(depth - 1, item)} {operator} {self.number(depth - 1, item)})"
        if depth > 0 and self.chance(0.05):
            return f"(-{self.number(depth - 1, item)})"
        if choice == "literal":
            return py_literal(self.number_literal())
        if choice == "field":
            return self.pick(fields)
        if choice == "param":
            return self.pick(["params.p_int", "params.p_num"])
        return f"{item}.amount"

    def comparison_operator(self, ordered: bool = True) -> str:
        return self.pick(["==", "!=", "<", "<=", ">", ">="] if ordered else ["==", "!="])

    # --------------------------------------------------------- conditions

    def condition(self, depth: int) -> str:
        options = ["numeric", "numeric", "chain", "string", "boolean", "date", "membership", "presence", "matches"]
        if "bids" in self.scope:
            options += ["any_bids"] * 4
        if "tags" in self.scope:
            options += ["any_tags", "tag_in"]
        if depth > 0:
            options += ["and", "or", "not", "and", "or"]
        choice = self.pick(options)
        method = getattr(self, f"_cond_{choice}")
        result = method(depth)
        return result if result is not None else self._cond_numeric(depth)

    def _cond_and(self, depth: int) -> str:
        count = self.draw(st.integers(2, 3))
        return " and ".join(f"({self.condition(depth - 1)})" for _ in range(count))

    def _cond_or(self, depth: int) -> str:
        count = self.draw(st.integers(2, 3))
        return " or ".join(f"({self.condition(depth - 1)})" for _ in range(count))

    def _cond_not(self, depth: int) -> str:
        return f"not ({self.condition(depth - 1)})"

    def _cond_numeric(self, depth: int) -> str:
        return f"{self.number(min(depth, 1))} {self.comparison_operator()} {self.number(min(depth, 1))}"

    def _cond_chain(self, depth: int) -> str:
        parts = [self.number(0) for _ in range(self.draw(st.integers(3, 4)))]
        text = parts[0]
        for part in parts[1:]:
            text += f" {self.comparison_operator()} {part}"
        return text

    def string_value(self) -> str:
        options = ["literal"]
        fields = self.names_of("string")
        if fields:
            options += ["field"] * 3
        options.append("param")
        choice = self.pick(options)
        if choice == "literal":
            return py_literal(self.string_literal())
        if choice == "field":
            return self.pick(fields)
        return "params.p_str"

    def _cond_string(self, depth: int) -> str | None:
        fields = self.names_of("string")
        if not fields:
            return None
        left = self.pick(fields)
        right = self.string_value()
        if self.chance(0.3):
            left, right = right, left
        return f"{left} {self.comparison_operator(ordered=False)} {right}"

    def _cond_boolean(self, depth: int) -> str | None:
        fields = self.names_of("boolean")
        if not fields:
            return None
        name = self.pick(fields)
        form = self.pick(["bare", "not", "literal", "field", "param"])
        if form == "bare":
            return name
        if form == "not":
            return f"not {name}"
        if form == "literal":
            return f"{name} {self.comparison_operator(False)} {self.pick(['true', 'false', 'True', 'False'])}"
        if form == "field":
            return f"{name} {self.comparison_operator(False)} {self.pick(fields)}"
        return f"{name} {self.comparison_operator(False)} params.p_bool"

    def _cond_date(self, depth: int) -> str | None:
        fields = self.names_of("date")
        if not fields:
            return None
        left = self.pick(fields)
        right = self.pick(["literal", "literal", "field", "param"])
        if right == "literal":
            right = py_literal(self.date_literal())
        elif right == "field":
            right = self.pick(fields)
        else:
            right = "params.p_date"
        if self.chance(0.3):
            left, right = right, left
        return f"{left} {self.comparison_operator()} {right}"

    def _cond_membership(self, depth: int) -> str | None:
        negate = "not in" if self.chance(0.4) else "in"
        family = self.pick(["number", "string", "date", "boolean"])
        if family == "number":
            element = self.number(0)
            if self.chance(0.4):
                return f"{element} {negate} params.p_nums"
            items = [py_literal(self.number_literal()) for _ in range(self.draw(st.integers(0, 3)))]
        elif family == "string":
            fields = self.names_of("string")
            element = self.pick(fields) if fields and self.chance(0.8) else self.string_value()
            if self.chance(0.4):
                return f"{element} {negate} params.p_strs"
            items = [py_literal(self.string_literal()) for _ in range(self.draw(st.integers(0, 3)))]
        elif family == "date":
            fields = self.names_of("date")
            if not fields:
                return None
            element = self.pick(fields)
            if self.chance(0.4):
                return f"{element} {negate} params.p_dates"
            items = [py_literal(self.date_literal()) for _ in range(self.draw(st.integers(1, 3)))]
        else:
            fields = self.names_of("boolean")
            if not fields:
                return None
            element = self.pick(fields)
            items = [self.pick(["true", "false"]) for _ in range(self.draw(st.integers(1, 2)))]
        return f"{element} {negate} [{', '.join(items)}]"

    def presence(self) -> str:
        names = [name for name in self.scope if name != "eid"] + (
            [f"buyer.{name}" for name in BUYER_SPEC] if "buyer" in self.scope else []
        )
        if not names:
            names = ["eid"]
        return f"{self.pick(['exists', 'missing'])}({self.pick(names)})"

    def presence_condition(self, depth: int) -> str:
        if depth > 0 and self.chance(0.6):
            form = self.pick(["and", "or", "not"])
            if form == "not":
                return f"not ({self.presence_condition(depth - 1)})"
            return f" {form} ".join(f"({self.presence_condition(depth - 1)})" for _ in range(2))
        return self.presence()

    def _cond_presence(self, depth: int) -> str:
        return self.presence()

    def _cond_matches(self, depth: int) -> str | None:
        fields = self.names_of("string")
        if not fields:
            return None
        pattern = self.pick(REGEXES)
        return f"matches({self.pick(fields)}, {py_literal(pattern)})"

    def _cond_tag_in(self, depth: int) -> str:
        element = "params.p_str" if self.chance(0.3) else py_literal(self.string_literal())
        return f"{element} {self.pick(['in', 'not in'])} tags"

    def _cond_any_tags(self, depth: int) -> str:
        body = self.item_string_condition("t", depth=2)
        return f"{self.pick(['any', 'all'])}({body} for t in tags)"

    def item_string_condition(self, variable: str, depth: int) -> str:
        if depth > 0 and self.chance(0.5):
            form = self.pick(["and", "or", "or", "not"])
            if form == "not":
                return f"not ({self.item_string_condition(variable, depth - 1)})"
            return f"({self.item_string_condition(variable, depth - 1)}) {form} ({self.item_string_condition(variable, depth - 1)})"
        form = self.pick(["compare", "compare", "field", "matches", "in", "exists"])
        if form == "compare":
            return f"{variable} {self.comparison_operator(False)} {py_literal(self.string_literal())}"
        if form == "field" and self.names_of("string"):
            return f"{variable} {self.comparison_operator(False)} {self.pick(self.names_of('string'))}"
        if form == "matches":
            return f"matches({variable}, {py_literal(self.pick(REGEXES))})"
        if form == "in":
            return f"{variable} {self.pick(['in', 'not in'])} params.p_strs"
        if form == "exists":
            return f"{self.pick(['exists', 'missing'])}({variable})"
        return f"{variable} == {py_literal(self.string_literal())}"

    def _cond_any_bids(self, depth: int) -> str:
        body = self.item_bid_condition("b", depth=2)
        return f"{self.pick(['any', 'all'])}({body} for b in bids)"

    def item_bid_condition(self, variable: str, depth: int) -> str:
        if depth > 0 and self.chance(0.6):
            form = self.pick(["and", "or", "or", "not"])
            if form == "not":
                return f"not ({self.item_bid_condition(variable, depth - 1)})"
            return f"({self.item_bid_condition(variable, depth - 1)}) {form} ({self.item_bid_condition(variable, depth - 1)})"
        form = self.pick(["amount", "amount", "amount_outer", "bidder", "bidder_field", "ok", "matches", "exists", "in"])
        if form == "amount":
            right = py_literal(self.number_literal()) if self.chance(0.6) else self.number(1)
            return f"{variable}.amount {self.comparison_operator()} {right}"
        if form == "amount_outer":
            return f"{self.number(1, item=variable)} {self.comparison_operator()} {self.number(1, item=variable)}"
        if form == "bidder":
            return f"{variable}.bidder {self.comparison_operator(False)} {self.string_value()}"
        if form == "bidder_field" and self.names_of("string"):
            return f"{variable}.bidder {self.comparison_operator(False)} {self.pick(self.names_of('string'))}"
        if form == "ok":
            booleans = self.names_of("boolean")
            choice = self.pick(["bare", "not", "field"] if booleans else ["bare", "not"])
            if choice == "bare":
                return f"{variable}.ok"
            if choice == "not":
                return f"not {variable}.ok"
            return f"{variable}.ok {self.comparison_operator(False)} {self.pick(booleans)}"
        if form == "matches":
            return f"matches({variable}.bidder, {py_literal(self.pick(REGEXES))})"
        if form == "exists":
            return f"{self.pick(['exists', 'missing'])}({variable}.{self.pick(['amount', 'bidder', 'ok'])})"
        if form == "in":
            return f"{variable}.bidder {self.pick(['in', 'not in'])} [{', '.join(py_literal(self.string_literal()) for _ in range(2))}]"
        return f"{variable}.amount > 0"


# ---------------------------------------------------------------------------------------------- rulesets


def folds_to_infinity(expression: str) -> bool:
    """Whether arithmetic on literals alone overflows to infinity (``1e300 * 1e300``): see
    ``test_literal_arithmetic_that_overflows_is_a_load_error``."""

    def value(node: ast.AST) -> Any:
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return node.value
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            inner = value(node.operand)
            return None if inner is None else -inner
        if isinstance(node, ast.BinOp):
            left, right = value(node.left), value(node.right)
            if left is None or right is None:
                return None
            try:
                if isinstance(node.op, ast.Add):
                    result = left + right
                elif isinstance(node.op, ast.Sub):
                    result = left - right
                elif isinstance(node.op, ast.Mult):
                    result = left * right
                else:
                    result = left / right if right != 0 else None
            except OverflowError:
                return math.inf
            if isinstance(result, int) and not INT64_MIN <= result <= INT64_MAX:
                result = float(result)
            return result
        return None

    for node in ast.walk(ast.parse(expression, mode="eval")):
        folded = value(node)
        if isinstance(folded, float) and not math.isfinite(folded):
            return True
    return False


@st.composite
def param_values(draw, pools: Pools) -> dict[str, Any]:
    numbers = st.one_of(st.sampled_from(SPECIAL_INTS), st.sampled_from(SPECIAL_FLOATS), st.integers(-100, 100))
    strings = st.one_of(st.sampled_from(SPECIAL_STRINGS), st.text(max_size=4))
    dates = st.one_of(st.sampled_from(SPECIAL_DATES), st.dates())
    params = {
        "p_int": draw(st.one_of(st.sampled_from(SPECIAL_INTS), st.integers(-100, 100))),
        "p_num": draw(st.sampled_from(SPECIAL_FLOATS)),
        "p_str": draw(strings),
        "p_bool": draw(st.booleans()),
        "p_date": draw(dates),
        "p_strs": draw(st.lists(strings, min_size=1, max_size=3)),
        "p_nums": draw(st.lists(numbers, min_size=1, max_size=3)),
        "p_dates": draw(st.lists(dates, min_size=1, max_size=2)),
    }
    pools.numbers += [params["p_int"], params["p_num"], *params["p_nums"]]
    pools.strings += [params["p_str"], *params["p_strs"]]
    pools.dates += [params["p_date"], *params["p_dates"]]
    return params


@st.composite
def rulesets(draw) -> tuple[RulesetSpec, Pools]:
    pools = Pools()
    kinds: dict[str, dict[str, Any]] = {}
    kind_count = draw(st.sampled_from([1, 1, 2]))
    for index, kind in enumerate(KIND_NAMES[:kind_count]):
        keep = 0.85 if index == 0 else 0.6
        names = [name for name in FIELD_POOL if draw(st.floats(0, 1)) < keep]
        kinds[kind] = {"eid": "string", **{name: FIELD_POOL[name][index] for name in names}}
    params = draw(param_values(pools))
    flags = []
    for number in range(draw(st.integers(1, 8))):
        on = tuple(draw(st.sampled_from([k for k in [("alpha",), ("beta",), ("alpha", "beta")] if set(k) <= set(kinds)])))
        scope: dict[str, Any] = {}
        for kind in on:
            for name, spec in kinds[kind].items():
                known = scope.get(name)
                scope[name] = "number" if known is not None and known != spec else spec
        gen = Gen(draw, scope, params, pools)
        presence_only = draw(st.floats(0, 1)) < 0.12
        when = gen.presence_condition(2) if presence_only else gen.condition(draw(st.integers(0, 2)))
        assume(not folds_to_infinity(when))
        flags.append(
            FlagSpec(
                id=f"F{number + 1:02d}",
                on=on,
                when=when,
                weight=draw(st.integers(0, 50)),
                severity=draw(st.sampled_from(["low", "medium", "high", "critical"])),
                typology=draw(st.sampled_from([None, "t1", "t2"])),
                presence_only=presence_only,
            )
        )
    method = draw(st.sampled_from(["sum", "noisy_or", "mean"]))
    return RulesetSpec(kinds, params, flags, method), pools


# ---------------------------------------------------------------------------------------------- events


def near_numbers(pools: Pools) -> list[Any]:
    found: list[Any] = []
    for value in pools.numbers:
        found.append(value)
        if isinstance(value, int):
            found += [value - 1, value + 1]
        else:
            found += [math.nextafter(value, math.inf), math.nextafter(value, -math.inf), value + 1, value - 1]
            if math.isfinite(value) and abs(value) < 2**62:
                found += [math.floor(value), math.ceil(value)]
    return found


def integer_values(pools: Pools, big: bool) -> st.SearchStrategy[int]:
    limit_low, limit_high = (INT64_MIN, INT64_MAX) if big else (-SAFE_INT, SAFE_INT)
    near = [int(v) for v in near_numbers(pools) if not isinstance(v, float) or math.isfinite(v)]
    near = [v for v in near if limit_low <= v <= limit_high]
    options = [st.sampled_from([v for v in SPECIAL_INTS if limit_low <= v <= limit_high]), st.integers(-5, 5)]
    if big:
        options.append(st.sampled_from([INT64_MIN, INT64_MAX, 2**62 + 1, -(2**62) - 1]))
        options.append(st.integers(limit_low, limit_high))
    if near:
        options = [st.sampled_from(near)] * 3 + options
    return st.one_of(options)


def number_values(pools: Pools) -> st.SearchStrategy[Any]:
    near = [v for v in near_numbers(pools) if not isinstance(v, int) or -SAFE_INT <= v <= SAFE_INT]
    near = [v for v in near if not isinstance(v, float) or math.isfinite(v)]
    options = [
        st.sampled_from(SPECIAL_FLOATS),
        st.sampled_from([v for v in SPECIAL_INTS if abs(v) <= SAFE_INT]),
        st.floats(allow_nan=False, allow_infinity=False),
        st.integers(-SAFE_INT, SAFE_INT),
    ]
    if near:
        options = [st.sampled_from(near)] * 3 + options
    return st.one_of(options)


def string_values(pools: Pools) -> st.SearchStrategy[str]:
    options = [st.sampled_from(SPECIAL_STRINGS), st.text(max_size=6)]
    if pools.strings:
        options = [st.sampled_from(pools.strings)] * 3 + options
    return st.one_of(options)


def date_values(pools: Pools) -> st.SearchStrategy[str]:
    near = []
    for value in pools.dates + SPECIAL_DATES:
        for delta in (-1, 0, 1):
            try:
                near.append(value + dt.timedelta(days=delta))
            except OverflowError:
                pass
    return st.one_of(st.sampled_from(near), st.dates()).map(dt.date.isoformat)


def maybe(draw, strategy, absent: float = 0.12, null: float = 0.08, scale: float = 1.0):
    """A value, or _ABSENT, or None (null)."""
    absent, null = absent * scale, null * scale
    roll = draw(st.floats(0, 1))
    if roll < absent:
        return _ABSENT
    if roll < absent + null:
        return None
    return draw(strategy)


_ABSENT = object()


def value_strategy(name: str, spec: Any, pools: Pools) -> st.SearchStrategy[Any]:
    if spec == "integer":
        return integer_values(pools, big=(name == "n1"))
    if spec == "number":
        return number_values(pools)
    if spec == "string":
        return string_values(pools)
    if spec == "boolean":
        return st.booleans()
    if spec == "date":
        return date_values(pools)
    if spec == "list[string]":
        return st.one_of(st.lists(string_values(pools), min_size=1, max_size=4), st.just([]))
    if isinstance(spec, list):
        return st.one_of(st.lists(object_values(spec[0], pools), min_size=1, max_size=4), st.just([]))
    return object_values(spec, pools)


def object_values(spec: dict[str, Any], pools: Pools) -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def build(draw):
        result = {}
        for name, inner in spec.items():
            value = maybe(draw, value_strategy(name, inner, pools), absent=0.08, null=0.05, scale=pools.unknown_rate)
            if value is not _ABSENT:
                result[name] = value
        return result

    return build()


# A value of the wrong type for each declared type: the event must be rejected.
WRONG_VALUES = {
    "integer": [1.5, 1.0, True, "3", 2**63, INT64_MIN - 1, [1], {"a": 1}],
    "number": ["1.5", True, False, [1.0], {"a": 1}, "nan", float("nan"), float("inf")],
    "string": [5, 0.5, True, ["a"], {"a": "b"}],
    "boolean": [1, 0, "true", "false", [True]],
    "date": ["2024-02-30", "2024-1-01", 20240101, "2024-01-01T00:00:00", "", True],
    "list[string]": ["a", ["a", 1], ["a", None], [True], {"a": 1}],
    "bids": [{"amount": 1}, [1], [{"amount": "5"}], [{"bidder": 5}], [{"amount": True}], [{"ok": "yes"}], "x"],
    "buyer": ["x", [1], {"score": "1"}, {"country": 1}, {"score": True}],
}


def wrong_value(name: str, spec: Any) -> list[Any]:
    if name in WRONG_VALUES:
        return WRONG_VALUES[name]
    return WRONG_VALUES[spec]


@st.composite
def events_for(draw, spec: RulesetSpec, pools: Pools, count: tuple[int, int] = (1, 6)) -> list[tuple[dict[str, Any], str | None]]:
    """Events with, for each, the name of the field given a wrong-typed value (or None)."""
    result = []
    for number in range(draw(st.integers(*count))):
        kind = draw(st.sampled_from(sorted(spec.kinds)))
        fields = spec.kinds[kind]
        event_data: dict[str, Any] = {"kind": kind, "event_id": f"e{number}"}
        for name, field_spec in fields.items():
            value = maybe(draw, value_strategy(name, field_spec, pools), scale=pools.unknown_rate)
            if value is not _ABSENT:
                event_data[name] = value
        # sometimes a field this kind does not declare: it must be ignored
        if draw(st.floats(0, 1)) < 0.15:
            extra = draw(st.sampled_from(sorted(FIELD_POOL)))
            if extra not in fields:
                event_data[extra] = draw(value_strategy(extra, FIELD_POOL[extra][0], pools))
        wrong = None
        if draw(st.floats(0, 1)) < 0.08:
            wrong = draw(st.sampled_from(sorted(fields)))
            event_data[wrong] = draw(st.sampled_from(wrong_value(wrong, fields[wrong])))
        result.append((event_data, wrong))
    return result


@st.composite
def scenarios(draw):
    spec, pools = draw(rulesets())
    return spec, draw(events_for(spec, pools))


QUANTIFIER_FIELDS = {
    "eid": "string", "x1": "number", "n1": "integer", "s1": "string", "ok1": "boolean",
    "tags": "list[string]", "bids": BIDS_SPEC,
}


@st.composite
def quantifier_scenarios(draw):
    """Rulesets of any()/all() conditions with compound item conditions, and many events whose
    items are mostly complete, so that item conditions are mostly true or false, not unknown."""
    pools = Pools(unknown_rate=0.25)
    kinds = {"alpha": dict(QUANTIFIER_FIELDS)}
    params = draw(param_values(pools))
    flags = []
    for number in range(draw(st.integers(1, 4))):
        gen = Gen(draw, kinds["alpha"], params, pools)
        parts = []
        for _ in range(draw(st.integers(1, 2))):
            parts.append(gen._cond_any_bids(2) if gen.chance(0.7) else gen._cond_any_tags(2))
        when = f" {gen.pick(['and', 'or'])} ".join(f"({part})" for part in parts)
        assume(not folds_to_infinity(when))
        flags.append(FlagSpec(f"Q{number + 1:02d}", ("alpha",), when, draw(st.integers(0, 50)), "medium", None))
    spec = RulesetSpec(kinds, params, flags, "sum")
    return spec, draw(events_for(spec, pools, count=(4, 12)))


# ---------------------------------------------------------------------------------------------- running

_LOADED: dict[str, tuple[Any, Any]] = {}


def engine_for(text: str):
    cached = _LOADED.get(text)
    if cached is None:
        ruleset = riskengine.load_ruleset_text(text)
        cached = (ruleset, riskengine.Engine(ruleset))
        _LOADED[text] = cached
    return cached


def referenced_names(expression: str) -> set[str]:
    """Top-level event names an expression reads (not params, item variables or booleans)."""
    tree = ast.parse(expression, mode="eval")
    item_variables = {
        generator.target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.GeneratorExp)
        for generator in node.generators
    }
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id not in ("params", *item_variables):
                found.add(f"{node.value.id}.{node.attr}")
        if isinstance(node, ast.Name) and node.id not in ("true", "false", "True", "False", "params", *item_variables):
            if node.id not in ("exists", "missing", "matches", "any", "all"):
                found.add(node.id)
    return found


def is_unknown(event_data: dict[str, Any], fields: dict[str, Any], name: str) -> bool:
    head, _, rest = name.partition(".")
    if head not in fields or event_data.get(head) is None:
        return True
    if rest:
        inner = event_data[head]
        return not isinstance(inner, dict) or inner.get(rest) is None
    return False


def outcome_of(assessment, flag_id: str) -> str:
    if flag_id in assessment.fired_ids:
        return "fired"
    if flag_id in {item.id for item in assessment.not_evaluable}:
        return "not_evaluable"
    return "not_fired"


ORACLE_OUTCOME = {True: "fired", None: "not_evaluable", False: "not_fired"}


def check_scenario(spec: RulesetSpec, events: list[tuple[dict[str, Any], str | None]], reverse: bool = True) -> None:
    text = spec.render()
    note(text)
    try:
        ruleset, engine = engine_for(text)
    except riskengine.RulesetError as error:
        # durable_rules allows 15 and/or groups per rule; a bigger condition is refused at load time
        if all(problem.code == "limit_exceeded" for problem in error.diagnostics):
            event("ruleset refused: condition too complex for durable_rules")
            return
        raise
    for name, value in spec.params.items():
        loaded = ruleset.params[name].value
        assert loaded == value and type(loaded) is type(value), f"param {name}: YAML gave {loaded!r}, expected {value!r}"
    reversed_engine = engine_for(spec.render(reverse=True))[1] if reverse else None
    oracles = {flag.id: ReferenceEvaluator(flag.when) for flag in spec.flags}

    for event_data, wrong in events:
        note(f"event: {event_data!r}")
        assessment = engine.evaluate(event_data)
        if wrong is not None:
            assert assessment.status == "rejected", f"wrong-typed {wrong}={event_data[wrong]!r} was not rejected"
            assert any((error.field or "").split(".")[0] == wrong for error in assessment.errors), assessment.errors
            continue
        assert assessment.status == "scored", assessment.errors
        kind = event_data["kind"]
        fields = spec.kinds[kind]

        # each flag at most once, never both fired and not evaluable
        fired = assessment.fired_ids
        unknown = [item.id for item in assessment.not_evaluable]
        assert len(fired) == len(set(fired)), fired
        assert len(unknown) == len(set(unknown)), unknown
        assert not set(fired) & set(unknown)
        on_kind = {flag.id for flag in spec.flags if kind in flag.on}
        assert set(fired) | set(unknown) <= on_kind

        for flag in spec.flags:
            if kind not in flag.on:
                continue
            try:
                expected = ORACLE_OUTCOME[oracles[flag.id].evaluate(event_data, fields, spec.params)]
            except Imprecise:
                event("oracle: imprecise zone, flag skipped")
                continue
            actual = outcome_of(assessment, flag.id)
            assert actual == expected, (
                f"flag {flag.id} on {kind}: engine says {actual}, oracle says {expected}\n"
                f"  when: {flag.when}\n  event: {event_data!r}\n  params: {spec.params!r}"
            )
            event(f"outcome: {actual}")
            if flag.presence_only:
                assert actual != "not_evaluable", f"presence tests alone made {flag.id} not evaluable"
            if actual == "not_evaluable":
                missing = next(item.missing for item in assessment.not_evaluable if item.id == flag.id)
                names = referenced_names(flag.when)
                assert missing or not names, f"{flag.id} is not evaluable but names nothing missing"
                for name in missing:
                    head, _, path = name.partition(".")
                    if name not in names:
                        # an item field some item of a read list lacks: "bids.amount"
                        items = event_data.get(head)
                        assert head in names and isinstance(items, list), f"{flag.id} reports {name}, which it does not read"
                        assert any(not isinstance(item, dict) or item.get(path) is None for item in items), (
                            f"{flag.id} reports {name} missing, but every item has it"
                        )
                    elif not is_unknown(event_data, fields, name):
                        # a computation without a value (division by zero, overflow) names its inputs
                        assert any(op in flag.when for op in "+-*/"), f"{flag.id} reports {name} missing, but it is known"

        # determinism: same input, same bytes (also through the JSON entry point)
        first = assessment.to_json()
        assert engine.evaluate(event_data).to_json() == first
        assert engine.evaluate_json(json.dumps(event_data)).to_json() == first
        # order of flags in the ruleset changes nothing but the ruleset hash
        if reversed_engine is None:
            continue
        mirrored = reversed_engine.evaluate(event_data).model_dump(mode="json")
        original = assessment.model_dump(mode="json")
        mirrored.pop("ruleset"), original.pop("ruleset")
        assert mirrored == original


# Each distinct ruleset text registers a durable_rules ruleset for the life of the process (the C
# library never frees them): about 2 per example here (the ruleset and its reversed twin), 1 below.
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(scenarios())
def test_engine_agrees_with_reference_evaluator(scenario):
    spec, events = scenario
    check_scenario(spec, events)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(quantifier_scenarios())
def test_quantifiers_agree_with_reference_evaluator(scenario):
    spec, events = scenario
    check_scenario(spec, events, reverse=False)


# ---------------------------------------------------------------------------------------------- the oracle itself


@pytest.mark.parametrize(
    ("expression", "event_data", "expected"),
    [
        ("x1 > 1 or s1 == 'a'", {"x1": 2}, True),
        ("x1 > 1 or s1 == 'a'", {"x1": 0}, None),
        ("x1 > 1 and s1 == 'a'", {"x1": 0}, False),
        ("not (x1 > 1)", {}, None),
        ("exists(x1) or missing(x1)", {"x1": None}, True),
        ("x1 / 0 > 1", {"x1": 1}, None),
        ("any(b.amount > 1 for b in bids)", {"bids": []}, False),
        ("all(b.amount > 1 for b in bids)", {"bids": []}, True),
        ("all(b.amount > 1 for b in bids)", {}, None),
        ("any(b.amount > 1 for b in bids)", {"bids": [{"amount": None}, {"amount": 2}]}, True),
        ("all(b.amount > 1 for b in bids)", {"bids": [{"amount": None}, {"amount": 0}]}, False),
        ("all(b.amount > 1 for b in bids)", {"bids": [{"amount": None}, {"amount": 2}]}, None),
        ("d1 >= '2024-01-01'", {"d1": "2023-12-31"}, False),
        ("1 <= x1 < 2", {"x1": 2}, False),
        ("matches(s1, 'a.c')", {"s1": "abc"}, True),
        ("matches(s1, 'a')", {"s1": "ab"}, False),
        ("'x' in tags", {"tags": ["x"]}, True),
        ("'x' not in tags", {}, None),
        ("n1 > 9007199254740993.0", {"n1": 9007199254740993}, True),
        ("x1 in [1, 2.5]", {"x1": 1.0}, True),
        ("x1 in []", {}, None),
    ],
)
def test_reference_evaluator_semantics(expression, event_data, expected):
    fields = {"x1": "number", "s1": "string", "d1": "date", "tags": "list[string]", "n1": "integer", "bids": BIDS_SPEC}
    assert ReferenceEvaluator(expression).evaluate(event_data, fields, {}) is expected


def test_render_round_trips_values_through_yaml():
    values = [1e-05, 5e-324, -0.0, 1e300, 2**62, "é😀\"\\\x00\u2028", dt.date(1, 1, 1), ["a", "b"]]
    params = {f"p{index}": value for index, value in enumerate(values)}
    spec = RulesetSpec({"alpha": {"eid": "string"}}, params, [FlagSpec("F01", ("alpha",), "exists(eid)", 1, "low", None)], "sum")
    ruleset = riskengine.load_ruleset_text(spec.render())
    for name, value in params.items():
        loaded = ruleset.params[name].value
        assert loaded == value and type(loaded) is type(value)
        if isinstance(value, float):
            assert math.copysign(1, loaded) == math.copysign(1, value)


def test_literal_arithmetic_that_overflows_is_a_load_error():
    spec = RulesetSpec(
        {"alpha": {"eid": "string", "x1": "number"}}, {}, [FlagSpec("F01", ("alpha",), "x1 > 1e300 * 1e300", 1, "low", None)], "sum"
    )
    with pytest.raises(riskengine.RulesetError):
        ruleset = riskengine.load_ruleset_text(spec.render())
        riskengine.Engine(ruleset)


# ---------------------------------------------------------------------------------------------- regressions
# Engine bugs this differential test found, pinned down with small examples.


def _single_flag_engine(when: str, fields: dict[str, Any]):
    spec = RulesetSpec({"alpha": {"eid": "string", **fields}}, {}, [FlagSpec("F01", ("alpha",), when, 10, "low", None)], "sum")
    return engine_for(spec.render())[1]


def _outcome(engine, **fields) -> str:
    return outcome_of(engine.evaluate({"kind": "alpha", "eid": "e", **fields}), "F01")


@pytest.mark.parametrize(
    ("when", "bids", "expected"),
    [
        # durable_rules 2.0.28 decided an item-level `or` over two keys by the last key of the item
        ("any(b.amount > 5 or b.bidder == 'x' for b in bids)", [{"amount": 10, "bidder": "y"}], "fired"),
        ("any(b.amount > 5 or b.bidder == 'x' for b in bids)", [{"amount": 1, "bidder": "x"}], "fired"),
        ("any(b.amount > 5 or b.bidder == 'x' for b in bids)", [{"amount": 1, "bidder": "y"}], "not_fired"),
        ("all(b.amount > 5 or b.bidder == 'x' for b in bids)", [{"amount": 10, "bidder": "y"}, {"amount": 1, "bidder": "x"}], "fired"),
        ("all(b.amount > 5 or b.bidder == 'x' for b in bids)", [{"amount": 10, "bidder": "y"}, {"amount": 1, "bidder": "y"}], "not_fired"),
        ("any(b.amount > 5 and b.bidder == 'x' for b in bids)", [{"amount": 10, "bidder": "y"}, {"amount": 1, "bidder": "x"}], "not_fired"),
        ("any((b.amount > 5 or b.ok) and (b.bidder == 'x' or b.amount < 0) for b in bids)", [{"amount": 10, "bidder": "x", "ok": False}], "fired"),
        # comparing two values of an item went through their difference, which overflowed to infinity
        ("any(b.amount > x1 for b in bids)", [{"amount": 1e308}], "fired"),
        ("any(b.amount <= x1 for b in bids)", [{"amount": 1e308}], "not_fired"),
        # and was refused for strings and booleans
        ("any(b.bidder == s1 for b in bids)", [{"bidder": "é😀"}], "fired"),
        ("all(b.ok != ok1 for b in bids)", [{"ok": False}], "fired"),
    ],
)
def test_item_conditions(when, bids, expected):
    engine = _single_flag_engine(when, {"x1": "number", "s1": "string", "ok1": "boolean", "bids": BIDS_SPEC})
    assert _outcome(engine, bids=bids, x1=-1e308, s1="é😀", ok1=True) == expected
    assert ReferenceEvaluator(when).evaluate(
        {"bids": bids, "x1": -1e308, "s1": "é😀", "ok1": True}, {"x1": "number", "s1": "string", "ok1": "boolean", "bids": BIDS_SPEC}, {}
    ) is {"fired": True, "not_fired": False}[expected]


def test_a_condition_durable_rules_cannot_hold_is_refused_at_load_time():
    """durable_rules allows 15 and/or groups per rule (error 113 when the engine is created)."""
    fields = {f"a{index}": "number" for index in range(15)} | {f"b{index}": "number" for index in range(15)}

    def when(count: int) -> str:
        return " and ".join(f"a{index} > b{index}" for index in range(count))

    engine = _single_flag_engine(when(13), fields)  # its false rule: $and[kind, $or[13 x $and]] = 15 groups
    values = {name: 1.0 for name in fields if name.startswith("a")} | {name: 0.0 for name in fields if name.startswith("b")}
    assert _outcome(engine, **values) == "fired"
    assert _outcome(engine, **(values | {"a3": -1.0})) == "not_fired"
    assert _outcome(engine, **{name: value for name, value in values.items() if name != "b0"}) == "not_evaluable"
    with pytest.raises(riskengine.RulesetError) as refused:
        _single_flag_engine(when(14), fields)
    assert [problem.code for problem in refused.value.diagnostics] == ["limit_exceeded"]
    assert "too complex" in str(refused.value)
