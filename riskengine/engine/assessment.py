"""The assessment: what the engine returns for one event (DESIGN §4, key order included)."""

from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, model_serializer


def trusted(model: type[BaseModel], values: dict[str, Any]) -> Any:
    """An output model from values the engine built and checked itself, with every field given.

    This is what ``model_construct`` does, without its per-field bookkeeping, which costs more than
    the rest of explaining a flag; ``values`` must hold every field of ``model``, in field order."""
    instance = _new(model)
    _set_dict(instance, values)
    _set_fields_set(instance, set(values))
    _set_extra(instance, None)
    _set_private(instance, None)
    return instance


# The slots every pydantic model instance has, set through their descriptors (``trusted`` runs once
# per fired flag: this is a third faster than ``object.__setattr__`` by name).
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


class FlagHit(BaseModel):
    """A red flag that fired, with the values that made it fire."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    severity: str
    weight: float | int
    typology: Optional[str]
    message: str
    evidence: dict[str, Any]
    references: list[str]


class NotEvaluable(BaseModel):
    """A flag whose condition was unknown because of missing data."""

    model_config = ConfigDict(frozen=True)

    id: str
    missing: list[str]


class EventError(BaseModel):
    """Why an event was rejected: the field (``None`` for the whole event) and the problem."""

    model_config = ConfigDict(frozen=True)

    field: Optional[str]
    problem: str


class RulesetRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    version: str
    hash: str


class Assessment(BaseModel):
    """The result for one event. ``status`` is ``scored`` or ``rejected``; a rejected assessment has
    ``errors`` instead of ``score``, ``band``, ``flags`` and ``not_evaluable``."""

    model_config = ConfigDict(frozen=True)

    event_id: Any = None
    kind: Optional[str] = None
    entity: Any = None
    status: Literal["scored", "rejected"]
    score: Optional[float] = None
    band: Optional[str] = None
    flags: list[FlagHit] = []
    not_evaluable: list[NotEvaluable] = []
    errors: list[EventError] = []
    ruleset: RulesetRef

    @model_serializer(mode="wrap")
    def _contract_shape(self, handler: Any) -> dict[str, Any]:
        data = handler(self)
        if self.status == "scored":
            data.pop("errors", None)
        else:
            for key in ("score", "band", "flags", "not_evaluable"):
                data.pop(key, None)
        return data

    @property
    def fired_ids(self) -> list[str]:
        return [flag.id for flag in self.flags]

    def to_json(self) -> str:
        """One JSON line, deterministic for the same ruleset, params and event."""
        import json

        data = self.model_dump(mode="json")
        text = json.dumps(data, ensure_ascii=False)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # an unpaired surrogate (valid in JSON, not in UTF-8): keep the line writable, escaped
            text = json.dumps(data, ensure_ascii=True)
        return text
