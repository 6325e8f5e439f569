"""Build the fact asserted into durable_rules for one validated event.

The fact holds the event kind (every rule is led by it) and one generated key per value the kind's
rules read: fields, derived values and computed slots, in the engine's form (dates as integers).
Unknown values are left out, which is what the rules' existence tests look for.
"""

from __future__ import annotations

from typing import Any, Mapping

from riskengine.engine.encoding import SCALAR_ENCODERS, encode
from riskengine.engine.values import engine_value, evaluate_value
from riskengine.expressions import ir
from riskengine.expressions.compile_durable import ITEM_MARK, ListSlot, Slot, complete_key
from riskengine.ruleset.model import KindPlan
from riskengine.ruleset.types import Object


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
        self._slot_keys = frozenset(slot.key for slot in plan.slots)

    def build(self, env: Mapping[str, Any]) -> tuple[str, set[str]]:
        """The fact as JSON text without its opening brace (the backend adds id and sid first),
        and the keys it carries (a list's completeness key when every item has every item key)."""
        parts = [self._prefix]
        present = set(self._slot_keys)  # the keys of the slots with no value are taken out below
        get = env.get
        encoders = SCALAR_ENCODERS
        for key, label, name, slot in self._slots:
            if name is not None:
                value = get(name)
                if value is None:
                    present.discard(key)
                    continue
                encoder = encoders.get(type(value))
                parts.append(label + (encoder(value) if encoder is not None else encode(engine_value(value))))
            else:
                value = slot_value(slot, env)
                if value is None:
                    present.discard(key)
                    continue
                parts.append(label + _encode_engine_value(value))
        for listed in self.plan.lists:
            items = env.get(listed.source.name)
            if items is None:
                continue
            rows = list_value(listed, items, env)
            parts.append(f'"{listed.key}":{encode(rows)}')
            present.add(listed.key)
            if listed.itemized and all(len(row) == len(listed.item_slots) + 1 for row in rows):
                completeness = complete_key(listed.key)
                parts.append(f'"{completeness}":true')
                present.add(completeness)
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
