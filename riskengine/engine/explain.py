"""Evidence and messages for fired flags: the values seen, and the ``explain`` template filled in.

Templates and name lookups are prepared once per flag (``Explainer``), so explaining a fired flag
costs a few dictionary reads per name.
"""

from __future__ import annotations

import datetime as dt
import json
import string
from collections.abc import Callable, Mapping
from typing import Any

from riskengine.ruleset.model import Flag, Ruleset
from riskengine.ruleset.types import walk_fields

Lookup = Callable[[Mapping[str, Any], Mapping[str, Any]], Any]  # (raw event, computed values) -> JSON value


def as_json(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def lookup_for(name: str, ruleset: Ruleset) -> Lookup:
    """How to read a name's value as seen: event fields as given in the input, params as set,
    derived values, features and baseline statistics as computed."""
    if name.startswith("params."):
        param = ruleset.params.get(name[len("params."):])
        constant = as_json(param.value) if param else None
        return lambda raw, env: constant
    field_names = {path for kind in ruleset.kinds.values() for path, _ in walk_fields(kind.fields)}
    if name not in field_names or name in ruleset.derived:
        return lambda raw, env: as_json(env.get(name))
    if "." not in name:
        return lambda raw, env: raw.get(name)
    parts = name.split(".")

    def nested(raw: Mapping[str, Any], env: Mapping[str, Any]) -> Any:
        current: Any = raw
        for part in parts:
            if not isinstance(current, Mapping):
                return None
            current = current.get(part)
        return current

    return nested


def seen_value(name: str, ruleset: Ruleset, raw: Mapping[str, Any], env: Mapping[str, Any]) -> Any:
    return lookup_for(name, ruleset)(raw, env)


class Explainer:
    """The message and evidence of one flag, prepared from its template and condition."""

    def __init__(self, flag: Flag, ruleset: Ruleset):
        # Event values first, then params (as in DESIGN §4).
        ordered = [name for name in flag.referenced if not name.startswith("params.")]
        ordered += [name for name in flag.referenced if name.startswith("params.")]
        self._evidence = [(name, lookup_for(name, ruleset)) for name in ordered]
        self._pieces: list[tuple[str, Lookup | None, str]] = []
        for literal, field_name, format_spec, _ in string.Formatter().parse(flag.explain):
            lookup = lookup_for(field_name.strip(), ruleset) if field_name is not None else None
            self._pieces.append((literal, lookup, format_spec or ""))

    def message(self, raw: Mapping[str, Any], env: Mapping[str, Any]) -> str:
        parts = []
        for literal, lookup, format_spec in self._pieces:
            parts.append(literal)
            if lookup is not None:
                parts.append(_format(lookup(raw, env), format_spec))
        return "".join(parts)

    def evidence(
        self, raw: Mapping[str, Any], env: Mapping[str, Any], feature_event_ids: Mapping[str, list[Any]] | None = None
    ) -> dict[str, Any]:
        """Every name the condition refers to, with its value; a stateful feature also shows the
        ids of the earlier events that made its value."""
        found: dict[str, Any] = {}
        for name, lookup in self._evidence:
            found[name] = lookup(raw, env)
            if feature_event_ids and name in feature_event_ids:
                found[f"{name}.event_ids"] = feature_event_ids[name]
        return found


def _format(value: Any, format_spec: str) -> str:
    if value is None:
        return "unknown"
    if value is True or value is False:
        return "true" if value else "false"
    if format_spec:
        try:
            return format(value, format_spec)
        except (ValueError, TypeError):
            pass
    if isinstance(value, list):
        return ", ".join(_format(item, "") for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
