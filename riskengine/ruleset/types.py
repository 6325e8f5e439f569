"""The value types of the ruleset format: scalars, lists and nested objects.

A type is written in YAML as a name (``number``, ``list[string]``), a mapping of field to type (an
object), or a one-item list holding a mapping (a list of objects).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Union

SCALAR_TYPES = ("string", "integer", "number", "boolean", "date", "datetime")
NUMERIC = ("integer", "number")
TEMPORAL = ("date", "datetime")


@dataclass(frozen=True)
class Scalar:
    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class ListOf:
    item: "FieldType"

    def __str__(self) -> str:
        return f"list[{self.item}]"


@dataclass(frozen=True)
class Object:
    fields: tuple[tuple[str, "FieldType"], ...]

    def field(self, name: str) -> "FieldType | None":
        for field_name, field_type in self.fields:
            if field_name == name:
                return field_type
        return None

    def __str__(self) -> str:
        return "object"


FieldType = Union[Scalar, ListOf, Object]

STRING = Scalar("string")
INTEGER = Scalar("integer")
NUMBER = Scalar("number")
BOOLEAN = Scalar("boolean")
DATE = Scalar("date")
DATETIME = Scalar("datetime")

TYPE_NAMES = SCALAR_TYPES + tuple(f"list[{name}]" for name in SCALAR_TYPES)


class TypeSpecError(ValueError):
    def __init__(self, message: str, loc: tuple[Any, ...] = (), given: str | None = None):
        super().__init__(message)
        self.loc = loc
        self.given = given


def parse_type(spec: Any, loc: tuple[Any, ...] = ()) -> FieldType:
    """Turn a YAML type spec into a type; raises TypeSpecError with the loc of the bad part."""
    if isinstance(spec, str):
        name = spec.strip()
        if name in SCALAR_TYPES:
            return Scalar(name)
        if name.startswith("list[") and name.endswith("]") and name[5:-1].strip() in SCALAR_TYPES:
            return ListOf(Scalar(name[5:-1].strip()))
        raise TypeSpecError(f"unknown type '{spec}'", loc, given=name)
    if isinstance(spec, dict):
        if not spec:
            raise TypeSpecError("an object type needs at least one field", loc)
        fields = []
        for field_name, field_spec in spec.items():
            if not isinstance(field_name, str) or not is_identifier(field_name):
                raise TypeSpecError(f"field name '{field_name}' must be letters, digits and underscores", loc + (field_name,))
            fields.append((field_name, parse_type(field_spec, loc + (field_name,))))
        return Object(tuple(fields))
    if isinstance(spec, list) and len(spec) == 1 and isinstance(spec[0], dict):
        return ListOf(parse_type(spec[0], loc + (0,)))
    raise TypeSpecError(
        "a type is a name such as 'number' or 'list[string]', a mapping of field: type (an object), "
        "or a one-item list holding such a mapping (a list of objects)",
        loc,
    )


def is_identifier(name: str) -> bool:
    return name.isidentifier() and name.isascii()


def is_numeric(field_type: FieldType | None) -> bool:
    return isinstance(field_type, Scalar) and field_type.name in NUMERIC


def walk_fields(fields: dict[str, FieldType], prefix: str = "") -> list[tuple[str, FieldType]]:
    """Every addressable name of an event kind: top-level fields and dotted paths into objects."""
    names: list[tuple[str, FieldType]] = []
    for name, field_type in fields.items():
        path = f"{prefix}{name}"
        names.append((path, field_type))
        if isinstance(field_type, Object):
            names.extend(walk_fields(dict(field_type.fields), path + "."))
    return names


# Longest text of a value quoted in a message before it is shortened with '…'.
MAX_SHOWN_CHARS = 40


def type_name_of(value: Any) -> str:
    """The ruleset type name of a loaded YAML or JSON value: 'integer', 'string', 'list', 'null' ..."""
    import datetime as dt

    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    return type(value).__name__


def describe_value(value: Any, written: str | None = None) -> str:
    """A value and its type for a message: ``true (boolean)``, ``'10' (string)``, ``2026.10 (number)``.

    ``written`` is the scalar as it appears in the YAML file, shown instead of Python's rendering of
    the value (``2026.10`` rather than ``2026.1``). Lists and mappings are named, not shown.
    """
    kind = type_name_of(value)
    if kind == "null":
        return "null"
    if kind in ("list", "mapping"):
        return f"a {kind}"
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif written is not None:
        text = written
    elif isinstance(value, str):
        text = value
    elif hasattr(value, "isoformat"):
        text = value.isoformat()
    else:
        text = repr(value)
    if not text.isprintable():
        text = "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
    if len(text) > MAX_SHOWN_CHARS:
        text = text[: MAX_SHOWN_CHARS - 1] + "…"
    if kind == "string":
        text = f"'{text}'"
    return f"{text} ({kind})"


def with_article(type_name: str) -> str:
    """'a number', 'an integer', 'a list[string]'."""
    return ("an " if type_name[:1] in "aeiou" else "a ") + type_name
