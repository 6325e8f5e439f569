"""Evidence and messages for fired flags: the values seen, and the ``explain`` template filled in.

Templates and name lookups are prepared once per flag (``Explainer``), so explaining a fired flag
costs a few dictionary reads per name.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import string
from collections.abc import Callable, Mapping
from typing import Any

from riskengine.engine.assessment import FlagHit, trusted
from riskengine.expressions import ir
from riskengine.ruleset.model import Flag, Ruleset
from riskengine.ruleset.types import INTEGER, NUMBER, STRING, walk_fields

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


class Explainer:
    """The hit of one fired flag: its message and evidence, prepared from its template and condition.

    Every name is looked up once per hit: the evidence holds each name the condition reads, the
    message the template's names (usually the same ones, so their values are shared)."""

    def __init__(self, flag: Flag, ruleset: Ruleset):
        # Event values first, then params (as in DESIGN §4).
        ordered = [name for name in flag.referenced if not name.startswith("params.")]
        ordered += [name for name in flag.referenced if name.startswith("params.")]
        self._names = tuple(ordered)
        lookups = [lookup_for(name, ruleset) for name in ordered]
        # The message: a %-template and, per placeholder, the index of its value and its format spec;
        # params are constants, written into the template once.
        declared = {name.name: name.type for name in ir.names(flag.condition)}
        template: list[str] = []
        self._placeholders: list[tuple[int, str]] = []
        plain = True  # every placeholder a number or string without a format spec: its text is "%s"
        for literal, field_name, format_spec, _ in string.Formatter().parse(flag.explain):
            template.append(literal.replace("%", "%%"))
            if field_name is None:
                continue
            name = field_name.strip()
            if name.startswith("params."):
                template.append(_text(lookup_for(name, ruleset)({}, {}), format_spec or "").replace("%", "%%"))
                continue
            if name not in ordered:
                ordered.append(name)  # read for the message only, not evidence
                lookups.append(lookup_for(name, ruleset))
            template.append("%s")
            self._placeholders.append((ordered.index(name), format_spec or ""))
            plain = plain and not format_spec and declared.get(name) in (NUMBER, INTEGER, STRING)
        self._template = "".join(template)
        positions = [position for position, _ in self._placeholders]
        # the values of the placeholders, as a tuple, from the values of a hit (None: not all plain)
        self._plain_values: Callable[[list[Any]], tuple[Any, ...]] | None = None
        if plain:
            if len(positions) > 1:
                self._plain_values = operator.itemgetter(*positions)
            elif positions:
                self._plain_values = lambda values, position=positions[0]: (values[position],)
            else:
                self._plain_values = lambda values: ()
        self._lookups = tuple(lookups)
        # what every hit of this flag shares
        self._static = (flag.id, flag.title, flag.severity, flag.weight, flag.typology)
        self._references = flag.references

    def hit(
        self, raw: Mapping[str, Any], env: Mapping[str, Any], feature_event_ids: Mapping[str, list[Any]] | None = None
    ) -> FlagHit:
        """The flag's hit for one event; a stateful feature in the evidence also shows the ids of the
        earlier events that made its value."""
        values = [lookup(raw, env) for lookup in self._lookups]
        if feature_event_ids:
            evidence = {}
            for name, value in zip(self._names, values):
                evidence[name] = value
                if name in feature_event_ids:
                    evidence[f"{name}.event_ids"] = feature_event_ids[name]
        else:
            evidence = dict(zip(self._names, values))
        shown = self._plain_values(values) if self._plain_values is not None else None
        if shown is not None and None not in shown:
            message = self._template % shown  # "%s" of a number or string is its text in _text
        else:
            message = self._template % tuple([_text(values[position], spec) for position, spec in self._placeholders])
        flag_id, title, severity, weight, typology = self._static
        # built from checked values: ``trusted`` skips re-validating them
        return trusted(FlagHit, {
            "id": flag_id,
            "title": title,
            "severity": severity,
            "weight": weight,
            "typology": typology,
            "message": message,
            "evidence": evidence,
            "references": list(self._references),
        })


# Most values in a message are plain strings and numbers: their text without the checks of _format.
_PLAIN_TEXT: dict[type, Callable[[Any], str]] = {str: str, int: int.__repr__, float: float.__repr__}


def _text(value: Any, format_spec: str) -> str:
    if not format_spec:
        render = _PLAIN_TEXT.get(type(value))
        if render is not None:
            return render(value)
    return _format(value, format_spec)


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
