"""Evidence and messages for fired flags: the values seen, and the ``explain`` template filled in."""

from __future__ import annotations

import datetime as dt
import json
import string
from typing import Any, Mapping

from riskengine.ruleset.model import Flag, Ruleset

_FORMATTER = string.Formatter()


def seen_value(name: str, ruleset: Ruleset, raw: Mapping[str, Any], env: Mapping[str, Any]) -> Any:
    """The value a name had for this event, as JSON: fields as given, derived values as computed."""
    if name.startswith("params."):
        param = ruleset.params.get(name[7:])
        return as_json(param.value) if param else None
    if name in ruleset.derived or name not in ruleset_field_names(ruleset):
        return as_json(env.get(name))
    current: Any = raw
    for part in name.split("."):
        if not isinstance(current, Mapping):
            return None
        current = current.get(part)
    return current


def ruleset_field_names(ruleset: Ruleset) -> frozenset[str]:
    names = ruleset.extras.get("field_names")
    if names is None:
        from riskengine.ruleset.types import walk_fields

        names = frozenset(name for kind in ruleset.kinds.values() for name, _ in walk_fields(kind.fields))
        ruleset.extras["field_names"] = names
    return names


def as_json(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def evidence(
    flag: Flag,
    ruleset: Ruleset,
    raw: Mapping[str, Any],
    env: Mapping[str, Any],
    feature_event_ids: Mapping[str, list[Any]] | None = None,
) -> dict[str, Any]:
    """Every name the condition refers to: event values first, then params (as in DESIGN §4).
    A stateful feature also shows the ids of the earlier events that made its value."""
    ordered = [name for name in flag.referenced if not name.startswith("params.")]
    ordered += [name for name in flag.referenced if name.startswith("params.")]
    found: dict[str, Any] = {}
    for name in ordered:
        found[name] = seen_value(name, ruleset, raw, env)
        if feature_event_ids and name in feature_event_ids:
            found[f"{name}.event_ids"] = feature_event_ids[name]
    return found


def render_message(flag: Flag, ruleset: Ruleset, raw: Mapping[str, Any], env: Mapping[str, Any]) -> str:
    pieces: list[str] = []
    for literal, field_name, format_spec, _ in _FORMATTER.parse(flag.explain):
        pieces.append(literal)
        if field_name is None:
            continue
        value = seen_value(field_name.strip(), ruleset, raw, env)
        pieces.append(_format(value, format_spec))
    return "".join(pieces)


def _format(value: Any, format_spec: str) -> str:
    if value is None:
        return "unknown"
    if isinstance(value, bool):
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
