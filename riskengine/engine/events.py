"""Validate incoming events against the ruleset's ``events:`` declarations.

Each event kind gets a generated pydantic model with strict types: a boolean is not a number and
``"150"`` is not ``150`` (DESIGN §3). Absent and ``null`` fields are both *unknown*. A bad event is
never an exception to the caller: it becomes a list of (field, problem) pairs and a rejected
assessment, and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import Annotated, Any, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, create_model

from riskengine.ruleset.types import FieldType, ListOf, Object, Scalar
from riskengine.suggest import closest_one

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
RESERVED_EVENT_KEYS = ("kind", "event_id")


@dataclass(frozen=True)
class EventProblem:
    field: str | None
    problem: str

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "problem": self.problem}


@dataclass(slots=True)  # made once per event
class ValidatedEvent:
    kind: str
    event_id: Any
    entity: Any
    raw: dict[str, Any]
    env: dict[str, Any] = field(default_factory=dict)  # dotted name -> typed value (absent = unknown)


@dataclass
class RejectedEvent:
    kind: str | None
    event_id: Any
    entity: Any
    problems: list[EventProblem]


class _Reject(ValueError):
    """Raised inside validators; its message is the problem text shown to the user."""


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {json.dumps(value)}"
    if isinstance(value, (int, float)):
        return f"the number {_short(value)}"
    if isinstance(value, str):
        return f"the string {_short(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, float) or math.isfinite(value) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Reject(f"expected an integer, got {_json_type(value)}")
    if not INT64_MIN <= value <= INT64_MAX:
        raise _Reject(f"integer {value} is out of range (it must fit in 64 bits)")
    return int(value)  # an int subclass (an IntEnum...) as the plain int the engine encodes


def _number(value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Reject(f"expected a number, got {_json_type(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise _Reject(f"expected a finite number, got {value!r}")
    if isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
        try:
            return float(value)  # beyond 64 bits the engine compares it as a double
        except OverflowError:
            raise _Reject("the number is too large (beyond the range of a double)") from None
    # a subclass (numpy's float64, an IntEnum...) as the plain number the engine encodes
    return float(value) if isinstance(value, float) else int(value)


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise _Reject(f"expected a string, got {_json_type(value)}")
    return str(value)


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Reject(f"expected true or false, got {_json_type(value)}")
    return value


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _Reject(f"expected a date such as \"2024-01-31\", got {_json_type(value)}")


def _datetime(value: Any) -> dt.datetime:
    parsed: dt.datetime | None = None
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, str) and len(value) >= 16 and value[10:11] in ("T", "t", " "):
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            parsed = None
    if parsed is None:
        raise _Reject(f"expected a datetime such as \"2024-01-31T09:30:00Z\", got {_json_type(value)}")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)  # documented: naive datetimes are UTC
    return parsed.astimezone(dt.timezone.utc)


_SCALAR_CHECKS = {
    "string": _string,
    "integer": _integer,
    "number": _number,
    "boolean": _boolean,
    "date": _date,
    "datetime": _datetime,
}


def _list_of(item_check):
    def check(value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise _Reject(f"expected a list, got {_json_type(value)}")
        checked = []
        for index, item in enumerate(value):
            if item is None:
                raise _Reject(f"item {index} is null; lists may not hold null values")
            try:
                checked.append(item_check(item))
            except _Reject as problem:
                raise _Reject(f"item {index}: {problem}") from None
        return checked

    return check


def _annotation(field_type: FieldType, name: str) -> Any:
    if isinstance(field_type, Scalar):
        return Annotated[Any, BeforeValidator(_wrap(_SCALAR_CHECKS[field_type.name]))]
    if isinstance(field_type, Object):
        return _object_model(field_type, name)
    item = field_type.item
    if isinstance(item, Object):
        model = _object_model(item, name)
        return Annotated[list[model], BeforeValidator(_wrap(_require_list_of_objects))]  # type: ignore[valid-type]
    return Annotated[Any, BeforeValidator(_wrap(_list_of(_SCALAR_CHECKS[item.name])))]


def _require_list_of_objects(value: Any) -> Any:
    if not isinstance(value, list):
        raise _Reject(f"expected a list, got {_json_type(value)}")
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise _Reject(f"item {index}: expected an object, got {_json_type(item)}")
    return value


def _wrap(check):
    def validator(value: Any) -> Any:
        if value is None:
            return None
        return check(value)

    return validator


class _EventBase(BaseModel):
    # Unknown fields are ignored: real feeds carry more than a ruleset reads. Declared fields are strict.
    model_config = ConfigDict(extra="ignore", arbitrary_types_allowed=True)


def _object_model(object_type: Object, name: str) -> type[BaseModel]:
    definitions = {
        field_name: (Optional[_annotation(field_type, f"{name}_{field_name}")], None)  # type: ignore[misc]
        for field_name, field_type in object_type.fields
    }
    return create_model(f"Event_{name}", __base__=_EventBase, **definitions)  # type: ignore[call-overload]


# Codes of the fast path's checks (see ``_fast_plan``).
_STRING, _INTEGER, _NUMBER, _BOOLEAN, _CHECKED = range(5)
_FAST_CODES = {"string": _STRING, "integer": _INTEGER, "number": _NUMBER, "boolean": _BOOLEAN}


def _fast_plan(fields: dict[str, FieldType]) -> tuple[tuple[str, int, Any], ...] | None:
    """The fast path of a kind whose fields are all scalars or lists of scalars: per field its name,
    the code of its check and (for dates, datetimes and lists) the check function itself. ``None``
    for a kind with object fields: those always go through the pydantic model."""
    plan = []
    for name, field_type in fields.items():
        if isinstance(field_type, Scalar):
            code = _FAST_CODES.get(field_type.name, _CHECKED)
            plan.append((name, code, _SCALAR_CHECKS[field_type.name]))
        elif isinstance(field_type, ListOf) and isinstance(field_type.item, Scalar):
            plan.append((name, _CHECKED, _list_of(_SCALAR_CHECKS[field_type.item.name])))
        else:
            return None
    return tuple(plan)


def _fast_env(plan: tuple[tuple[str, int, Any], ...], raw: dict[str, Any]) -> dict[str, Any] | None:
    """The typed values of a valid event, as the pydantic model and ``_flatten`` give them, without
    building a model; ``None`` as soon as a value is not plainly valid (a wrong type, a number out of
    range or not finite, a bad date): the model then validates the event and words every problem."""
    env: dict[str, Any] = {}
    get = raw.get
    for name, code, check in plan:
        value = get(name)
        if value is None:
            continue
        value_type = type(value)
        if code == _NUMBER:
            if value_type is float:
                if value - value != 0.0:  # infinity or NaN
                    return None
            elif value_type is not int or not INT64_MIN <= value <= INT64_MAX:
                return None  # bool, a string, a huge integer (the model turns it into a float)...
        elif code == _STRING:
            if value_type is not str:
                return None
        elif code == _INTEGER:
            if value_type is not int or not INT64_MIN <= value <= INT64_MAX:
                return None
        elif code == _BOOLEAN:
            if value_type is not bool:
                return None
        else:
            try:
                value = check(value)
            except _Reject:
                return None
        env[name] = value
    return env


class EventValidator:
    """Validates raw events (mappings) of every kind of one ruleset.

    A kind whose fields are scalars or lists of scalars has a fast path (``_fast_env``) for events
    whose every value is plainly valid: the values are checked in place and the environment built
    directly. Any other event, and every event of a kind with object fields, is validated by the
    kind's generated pydantic model, which words the problems; the two give the same environment."""

    def __init__(self, kinds: dict[str, dict[str, FieldType]], entity_fields: dict[str, str]):
        self.kinds = kinds
        self.entity_fields = entity_fields
        self.models = {kind: _object_model(Object(tuple(fields.items())), kind) for kind, fields in kinds.items()}
        self._fast = {kind: _fast_plan(fields) for kind, fields in kinds.items()}

    def validate(self, raw: Any) -> ValidatedEvent | RejectedEvent:
        if not isinstance(raw, dict):
            return RejectedEvent(None, None, None, [EventProblem(None, f"an event must be a JSON object, got {_json_type(raw)}")])
        event_id = raw.get("event_id")
        kind = raw.get("kind")
        problems: list[EventProblem] = []
        if event_id is not None and (isinstance(event_id, bool) or not isinstance(event_id, (str, int))):
            problems.append(EventProblem("event_id", f"expected a string or an integer, got {_json_type(event_id)}"))
            event_id = None
        if kind is None:
            problems.append(EventProblem("kind", f"missing; expected one of: {', '.join(self.kinds)}"))
            return RejectedEvent(None, event_id, None, problems)
        if not isinstance(kind, str) or kind not in self.kinds:
            problem = f"unknown event kind {_short(kind)}; expected one of: {', '.join(self.kinds)}"
            suggestion = closest_one(kind, list(self.kinds)) if isinstance(kind, str) else None
            if suggestion:
                problem += f"; did you mean '{suggestion}'?"
            problems.append(EventProblem("kind", problem))
            return RejectedEvent(None if not isinstance(kind, str) else kind, event_id, None, problems)
        if not problems:
            plan = self._fast[kind]
            if plan is not None:
                env = _fast_env(plan, raw)
                if env is not None:
                    return ValidatedEvent(kind, event_id, env.get(self.entity_fields[kind]), raw, env)
        entity = raw.get(self.entity_fields[kind])
        try:
            model = self.models[kind].model_validate(raw)
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                problems.append(EventProblem(_field_path(detail["loc"]), _problem_text(detail)))
        if problems:
            plain_entity = entity if isinstance(entity, (str, int)) and not isinstance(entity, bool) else None
            return RejectedEvent(kind, event_id, plain_entity, problems)
        env: dict[str, Any] = {}
        _flatten(model, "", env)
        return ValidatedEvent(kind, event_id, env.get(self.entity_fields[kind]), raw, env)


def _field_path(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc if not (isinstance(part, str) and part.startswith("function-")))


def _problem_text(detail: dict[str, Any]) -> str:
    message = str(detail.get("msg", "invalid value"))
    prefix = "Value error, "
    if message.startswith(prefix):
        return message[len(prefix):]
    if detail.get("type") == "model_type":
        return f"expected an object, got {_json_type(detail.get('input'))}"
    return message[0].lower() + message[1:] if message else "invalid value"


def _flatten(model: BaseModel, prefix: str, env: dict[str, Any]) -> None:
    """Dotted names (``buyer.id``) for nested objects; objects in lists become plain dicts."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if value is None:
            continue
        path = f"{prefix}{name}"
        if isinstance(value, BaseModel):
            env[path] = _plain(value)
            _flatten(value, path + ".", env)
        elif isinstance(value, list):
            env[path] = [_plain(item) for item in value]
        else:
            env[path] = value


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return {name: _plain(getattr(value, name)) for name in type(value).model_fields if getattr(value, name) is not None}
    return value
