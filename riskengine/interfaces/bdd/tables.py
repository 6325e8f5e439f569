"""Data tables of feature files turned into events, each cell read for its field's declared type.

A cell is text. It becomes the value the field's type asks for:

- ``integer`` / ``number``: ``12`` is 12, ``1.5`` is 1.5, ``1_500_000`` is 1500000;
- ``boolean``: ``true`` / ``false`` (any case);
- ``string``, ``date``, ``datetime``: the text as written (the engine reads ISO dates itself);
- ``list[...]``: ``[a, b]``, each item read for the item type (``[]`` is the empty list);
- an object or a list of objects: JSON (``{"id": "B1"}``), or one column per nested field
  (``buyer.country``);
- an empty cell or ``<missing>``: the field is absent; ``null``: the field is null (also unknown);
- a value in double quotes is that text, whatever the type (``""`` is the empty string).

Text that does not fit the type is passed on as text, so that the engine rejects the event exactly
as it would reject the same value in a JSON event ("expected a number, got the string ...").
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from riskengine.interfaces.bdd.errors import ScenarioError
from riskengine.ruleset.model import EventKind, Ruleset
from riskengine.ruleset.types import FieldType, ListOf, Object, Scalar, walk_fields
from riskengine.suggest import closest

ABSENT = object()  # a cell that leaves its field out of the event
MISSING_WORDS = ("", "<missing>")
SPECIAL_COLUMNS = ("kind", "event_id")
_NUMBER = re.compile(r"[-+]?(?:[0-9][0-9_]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_INTEGER = re.compile(r"[-+]?[0-9][0-9_]*")
_BOOLEANS = {"true": True, "false": False}


def read_cell(text: str, field_type: FieldType | None) -> Any:
    """The value of one cell for a field of ``field_type`` (``None``: keep the text), or ABSENT."""
    text = text.strip()
    if text.lower() in MISSING_WORDS:
        return ABSENT
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    if text == "null":
        return None
    if field_type is None:
        return text
    if isinstance(field_type, Scalar):
        return _read_scalar(text, field_type.name)
    if isinstance(field_type, ListOf) and isinstance(field_type.item, Scalar):
        if text.startswith("[") and text.endswith("]"):
            items = split_list(text[1:-1])
            if items is None:
                return text
            return [_read_item(item, field_type.item.name) for item in items]
        return text
    # an object, or a list of objects: JSON
    try:
        return json.loads(text)
    except ValueError:
        return text


def _read_item(text: str, type_name: str) -> Any:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    if text == "null":
        return None
    return _read_scalar(text, type_name)


def _read_scalar(text: str, type_name: str) -> Any:
    if type_name in ("string", "date", "datetime"):
        return text
    lowered = text.lower()
    if lowered in _BOOLEANS:
        return _BOOLEANS[lowered]  # a number field given true is rejected by the engine, as in JSON
    if _NUMBER.fullmatch(text) and not text.endswith("_") and "__" not in text:
        if _INTEGER.fullmatch(text):
            return int(text.replace("_", ""))
        return float(text.replace("_", ""))
    return text


def split_list(inner: str) -> list[str] | None:
    """The items of ``a, "b, c", d`` (the text between the brackets); None when a quote is open."""
    if not inner.strip():
        return []
    items: list[str] = []
    current: list[str] = []
    quoted = False
    for char in inner:
        if char == '"':
            quoted = not quoted
            current.append(char)
        elif char == "," and not quoted:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    if quoted:
        return None
    items.append("".join(current))
    return items


# ---------------------------------------------------------------------- events


def field_type(kind: EventKind, name: str) -> FieldType | None:
    """The type of a (dotted) field of an event kind, or None when the kind has no such field."""
    parts = name.split(".")
    current: FieldType | None = kind.fields.get(parts[0])
    for part in parts[1:]:
        if not isinstance(current, Object):
            return None
        current = current.field(part)
    return current


def unknown_field(kind: EventKind, name: str) -> ScenarioError:
    names = [path for path, _ in walk_fields(kind.fields)]
    suggestions = closest(name, names, 1)
    hint = f"; did you mean {_or(suggestions)}?" if suggestions else f"; its fields are: {', '.join(names)}"
    return ScenarioError(f"a '{kind.name}' event has no field '{name}'{hint}")


def kind_of(ruleset: Ruleset, name: str) -> EventKind:
    kind = ruleset.kinds.get(name)
    if kind is None:
        suggestions = closest(name, list(ruleset.kinds), 1)
        hint = f"did you mean {_or(suggestions)}?" if suggestions else f"its event kinds are: {', '.join(ruleset.kinds)}"
        raise ScenarioError(f"the ruleset '{ruleset.id}' has no event kind '{name}'; {hint}")
    return kind


def _set(event: dict[str, Any], name: str, value: Any) -> None:
    parts = name.split(".")
    target = event
    for part in parts[:-1]:
        inner = target.get(part)
        if not isinstance(inner, dict):
            inner = {}
            target[part] = inner
        target = inner
    target[parts[-1]] = value


def event_from_pairs(ruleset: Ruleset, kind_name: str, rows: Sequence[Sequence[str]]) -> dict[str, Any]:
    """An event of ``kind_name`` from a ``| field | value |`` table (a header row of exactly
    ``field | value`` is skipped)."""
    kind = kind_of(ruleset, kind_name)
    event: dict[str, Any] = {"kind": kind_name}
    rows = list(rows)
    if rows and [cell.strip().lower() for cell in rows[0]] == ["field", "value"]:
        rows = rows[1:]
    seen: set[str] = set()
    for number, row in enumerate(rows, start=1):
        if len(row) != 2:
            raise ScenarioError(
                f"row {number} of the table has {len(row)} cells; write one field per row: | field | value |"
            )
        name, text = row[0].strip(), row[1]
        if not name:
            raise ScenarioError(f"row {number} of the table has no field name")
        if name in seen:
            raise ScenarioError(f"the field '{name}' is given twice")
        seen.add(name)
        if name == "kind":
            if text.strip() != kind_name:
                raise ScenarioError(f"the table says kind '{text.strip()}' but the step evaluates a '{kind_name}' event")
            continue
        if name == "event_id":
            value = read_cell(text, None)
            if value is not ABSENT:
                event["event_id"] = value
            continue
        declared = field_type(kind, name)
        if declared is None:
            raise unknown_field(kind, name)
        value = read_cell(text, declared)
        if value is not ABSENT:
            _set(event, name, value)
    return event


def events_from_rows(ruleset: Ruleset, rows: Sequence[Sequence[str]]) -> list[dict[str, Any]]:
    """Events from a table with a header row: ``kind`` (optional when the ruleset has one event
    kind), ``event_id`` and field columns; a cell left empty leaves its field out."""
    rows = list(rows)
    if len(rows) < 2:
        raise ScenarioError("the table needs a header row (kind and field names) and at least one event row")
    header = [cell.strip() for cell in rows[0]]
    for name in header:
        if not name:
            raise ScenarioError("a column of the table has no name in the header row")
    duplicates = sorted({name for name in header if header.count(name) > 1})
    if duplicates:
        raise ScenarioError(f"the column '{duplicates[0]}' appears twice in the header row")
    if "kind" not in header and len(ruleset.kinds) != 1:
        raise ScenarioError(
            f"the table needs a 'kind' column: the ruleset '{ruleset.id}' has the event kinds {', '.join(ruleset.kinds)}"
        )
    events = []
    for number, row in enumerate(rows[1:], start=1):
        cells = dict(zip(header, row))
        kind_name = cells.get("kind", "").strip() if "kind" in header else next(iter(ruleset.kinds))
        if not kind_name:
            raise ScenarioError(f"event row {number} has no kind")
        kind = kind_of(ruleset, kind_name)
        event: dict[str, Any] = {"kind": kind_name}
        for name, text in cells.items():
            if name == "kind":
                continue
            if name == "event_id":
                value = read_cell(text, None)
                if value is not ABSENT:
                    event["event_id"] = value
                continue
            declared = field_type(kind, name)
            if declared is None:
                if text.strip().lower() in MISSING_WORDS and _field_of_some_kind(ruleset, name):
                    continue  # a column for the other kinds of the table
                raise unknown_field(kind, name)
            value = read_cell(text, declared)
            if value is not ABSENT:
                _set(event, name, value)
        events.append(event)
    return events


def _field_of_some_kind(ruleset: Ruleset, name: str) -> bool:
    return any(field_type(kind, name) is not None for kind in ruleset.kinds.values())


def _or(names: Sequence[str]) -> str:
    quoted = [f"'{name}'" for name in names]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
