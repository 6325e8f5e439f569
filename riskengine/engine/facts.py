"""Build the fact asserted into durable_rules for one validated event.

The fact holds the event kind (every rule is led by it) and one generated key per value the kind's
rules read: fields, derived values and computed slots, in the engine's form (dates as integers).
Unknown values are left out, which is what the rules' existence tests look for.
"""

from __future__ import annotations

import re
from json.encoder import encode_basestring_ascii  # type: ignore[attr-defined]
from typing import Any, Mapping

from riskengine.engine.encoding import SCALAR_ENCODERS, encode
from riskengine.engine.values import engine_value, evaluate_value
from riskengine.expressions import ir
from riskengine.expressions.compile_durable import ITEM_MARK, ListSlot, Slot, complete_key
from riskengine.ruleset.model import KindPlan
from riskengine.ruleset.types import Object, Scalar

# A float whose repr has an exponent (1e-05): durable_rules' parser refuses that spelling (encoding.py).
_EXPONENT = re.compile(r"[0-9]e")


def _encode_engine_value(value: Any) -> str:
    """``encode(engine_value(value))``, with the scalar types encoded without a detour."""
    encoder = SCALAR_ENCODERS.get(type(value))
    if encoder is not None:
        return encoder(value)
    return encode(engine_value(value))


class FactBuilder:
    """Builds the fact for one kind. Per slot, the work is decided once here: a slot filled by a
    field, derived value or feature (a plain name) is a dictionary read and an encoder chosen by the
    value's type; a computed slot goes through ``evaluate_value``."""

    def __init__(self, plan: KindPlan):
        self.plan = plan
        self._prefix = '"kind":' + encode(plan.kind)
        # (fact key, '"key":', env name or None, the slot): the name when the slot reads it as it is
        self._slots: list[tuple[str, str, str | None, Slot]] = []
        for slot in plan.slots:
            source = slot.source
            plain = isinstance(source, ir.Name) and not isinstance(source.type, Object)
            self._slots.append((slot.key, f'"{slot.key}":', source.name if plain else None, slot))
        self._slot_keys = frozenset(slot.key for slot in plan.slots)  # shared by every complete fact
        # The usual fact of a kind whose slots all read numbers and strings as they are, with every
        # value present: one %-template, filled at C speed ("%r" of an int, or of a float without an
        # exponent, is its JSON text). Any other fact is built slot by slot.
        self._template: str | None = None
        direct = all(
            name is not None and isinstance(slot.type, Scalar) and slot.type.name in ("number", "integer", "string")
            for _, _, name, slot in self._slots
        )
        if direct and not plan.lists:
            self._names = tuple(name for _, _, name, _ in self._slots)
            self._string_positions = tuple(
                position for position, slot in enumerate(plan.slots) if slot.type == Scalar("string")
            )
            # strings are encoded beforehand (%s); the slot keys are generated names (v0, v1...)
            placeholders = [f'"{slot.key}":%{"s" if slot.type == Scalar("string") else "r"}' for slot in plan.slots]
            self._template = ",".join([self._prefix.replace("%", "%%")] + placeholders) + "}"

    def build(self, env: Mapping[str, Any]) -> tuple[str, frozenset[str] | set[str]]:
        """The fact as JSON text without its opening brace (the backend adds id and sid first),
        and the keys it carries (a list's completeness key when every item has every item key).
        A fact with every slot filled shares one frozenset of keys: do not change it."""
        if self._template is not None:
            get = env.get
            values = [get(name) for name in self._names]
            if None not in values:
                for position in self._string_positions:
                    values[position] = encode_basestring_ascii(values[position])
                text = self._template % tuple(values)
                if _EXPONENT.search(text) is None:  # else (rarely) a float needs encode_float's spelling
                    return text, self._slot_keys
        return self.build_slot_by_slot(env)

    def build_slot_by_slot(self, env: Mapping[str, Any]) -> tuple[str, frozenset[str] | set[str]]:
        """``build`` for any fact: every slot encoded on its own, absent values left out."""
        parts = [self._prefix]
        absent: list[str] = []  # the keys of the slots with no value
        get = env.get
        encoders = SCALAR_ENCODERS
        for key, label, name, slot in self._slots:
            if name is not None:
                value = get(name)
                if value is None:
                    absent.append(key)
                    continue
                encoder = encoders.get(type(value))
                parts.append(label + (encoder(value) if encoder is not None else encode(engine_value(value))))
            else:
                value = slot_value(slot, env)
                if value is None:
                    absent.append(key)
                    continue
                parts.append(label + _encode_engine_value(value))
        present: frozenset[str] | set[str] = self._slot_keys.difference(absent) if absent else self._slot_keys
        for listed in self.plan.lists:
            items = env.get(listed.source.name)
            if items is None:
                continue
            rows = list_value(listed, items, env)
            parts.append(f'"{listed.key}":{encode(rows)}')
            present = present | {listed.key}
            if listed.itemized and all(len(row) == len(listed.item_slots) + 1 for row in rows):
                completeness = complete_key(listed.key)
                parts.append(f'"{completeness}":true')
                present = present | {completeness}
        return ",".join(parts) + "}", present


def slot_value(slot: Slot, env: Mapping[str, Any], item: Any = None) -> Any:
    source = slot.source
    if isinstance(source, ir.Name) and isinstance(source.type, Object):
        return True if env.get(source.name) is not None else None  # for exists(buyer)
    return evaluate_value(source, env, item)


def list_value(listed: ListSlot, items: list[Any], env: Mapping[str, Any]) -> list[Any]:
    if not listed.itemized:
        return engine_value(items)
    rows = []
    for item in items:
        row = {ITEM_MARK: 0}  # the key every or-branch of an item condition starts with (compile_durable)
        for slot in listed.item_slots:
            value = slot_value(slot, env, item)
            if value is not None:
                row[slot.key] = engine_value(value)
        rows.append(row)
    return rows
