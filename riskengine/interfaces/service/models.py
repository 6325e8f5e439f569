"""The service's request and response models, and the JSON schemas of the events each ruleset accepts.

Responses reuse the engine's own models (``Assessment``, ``FlagHit``, ...); the models here describe
everything else. ``event_schemas`` turns each event kind of each served ruleset into a JSON schema
(the OpenAPI document is regenerated when the rulesets change), so the document says exactly which
fields and types an event of each kind carries.
"""

from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, Field

from riskengine.ruleset.errors import Diagnostic
from riskengine.ruleset.model import Ruleset
from riskengine.ruleset.types import FieldType, ListOf, Object, Scalar

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


class ProblemItem(BaseModel):
    loc: list[str | int] = Field(description="Where the problem is: query or path parameter, header, or body position.")
    message: str


class DiagnosticInfo(BaseModel):
    """One problem in a ruleset file (the file is named relative to the rulesets folder)."""

    code: str
    file: str
    line: int
    col: int
    message: str
    suggestion: Optional[str] = None

    @classmethod
    def of(cls, diagnostic: Diagnostic) -> "DiagnosticInfo":
        return cls(
            code=diagnostic.code,
            file=diagnostic.path,
            line=diagnostic.line,
            col=diagnostic.col,
            message=diagnostic.message,
            suggestion=diagnostic.suggestion,
        )


class Problem(BaseModel):
    """An error response: a stable ``error`` code for programs, ``detail`` for people."""

    error: str = Field(description="Stable code, e.g. unauthorized, forbidden, not_found, invalid_json, body_too_large.")
    detail: str
    errors: Optional[list[ProblemItem]] = None
    diagnostics: Optional[list[DiagnosticInfo]] = None


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str = Field(description="ready or not_ready")
    rulesets: int
    audit: str = Field(description="on or off")
    problems: list[str] = []


class RulesetSummary(BaseModel):
    id: str
    version: str
    title: str
    hash: str
    flag_count: int
    stateful: bool


class RulesetList(BaseModel):
    rulesets: list[RulesetSummary]


class ParamInfo(BaseModel):
    name: str
    type: str
    value: Any
    default: Any
    description: Optional[str] = None


class EventKindInfo(BaseModel):
    name: str
    entity: str
    time: Optional[str] = None
    fields: dict[str, Any] = Field(description="field name: type name; a nested object is a mapping, a list of objects a one-item list")
    description: Optional[str] = None


class FlagInfo(BaseModel):
    id: str
    title: str
    on: list[str]
    when: str
    severity: str
    weight: float | int
    typology: Optional[str] = None
    force_band: Optional[str] = None
    explain: str
    references: list[str]
    description: Optional[str] = None


class FeatureInfo(BaseModel):
    name: str
    aggregate: str
    over: list[str]
    field: Optional[str] = None
    description: Optional[str] = None


class ScoringInfo(BaseModel):
    method: str
    max_score: float | int
    typology_cap: Optional[float | int] = None
    bands: dict[str, float | int]


class RulesetDetail(BaseModel):
    id: str
    version: str
    title: str
    description: Optional[str] = None
    hash: str
    params: list[ParamInfo]
    events: list[EventKindInfo]
    features: list[FeatureInfo]
    flags: list[FlagInfo]
    scoring: ScoringInfo


class ReloadedRuleset(RulesetSummary):
    changed: bool


class ReloadResult(BaseModel):
    status: str = Field(description="reloaded")
    generation: int
    rulesets: list[ReloadedRuleset]
    removed: list[str]


# ---------------------------------------------------------------------- building from a ruleset


def _type_description(field_type: FieldType) -> Any:
    if isinstance(field_type, Scalar):
        return field_type.name
    if isinstance(field_type, Object):
        return {name: _type_description(inner) for name, inner in field_type.fields}
    if isinstance(field_type.item, Object):
        return [_type_description(field_type.item)]
    return str(field_type)


def summary(ruleset: Ruleset) -> RulesetSummary:
    return RulesetSummary(
        id=ruleset.id,
        version=ruleset.version,
        title=ruleset.title,
        hash=ruleset.hash,
        flag_count=len(ruleset.flags),
        stateful=bool(ruleset.features),
    )


def detail(ruleset: Ruleset) -> RulesetDetail:
    return RulesetDetail(
        id=ruleset.id,
        version=ruleset.version,
        title=ruleset.title,
        description=ruleset.description,
        hash=ruleset.hash,
        params=[
            ParamInfo(name=param.name, type=str(param.type), value=param.value, default=param.default, description=param.description)
            for param in ruleset.params.values()
        ],
        events=[
            EventKindInfo(
                name=kind.name,
                entity=kind.entity,
                time=kind.time,
                fields={name: _type_description(field_type) for name, field_type in kind.fields.items()},
                description=kind.description,
            )
            for kind in ruleset.kinds.values()
        ],
        features=[
            FeatureInfo(name=feature.name, aggregate=feature.aggregate, over=list(feature.over), field=feature.field, description=feature.description)
            for feature in ruleset.features.values()
        ],
        flags=[
            FlagInfo(
                id=flag.id,
                title=flag.title,
                on=list(flag.kinds),
                when=flag.when,
                severity=flag.severity,
                weight=flag.weight,
                typology=flag.typology,
                force_band=flag.force_band,
                explain=flag.explain,
                references=list(flag.references),
                description=flag.description,
            )
            for flag in ruleset.flags
        ],
        scoring=ScoringInfo(
            method=ruleset.scoring.method,
            max_score=ruleset.scoring.max_score,
            typology_cap=ruleset.scoring.typology_cap,
            bands=dict(ruleset.scoring.bands),
        ),
    )


# ---------------------------------------------------------------------- JSON schemas of events

_SCALAR_SCHEMAS: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer", "minimum": INT64_MIN, "maximum": INT64_MAX},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date", "example": "2025-07-01"},
    "datetime": {"type": "string", "format": "date-time", "example": "2025-07-01T09:30:00Z"},
}


def _schema_of(field_type: FieldType) -> dict[str, Any]:
    if isinstance(field_type, Scalar):
        return dict(_SCALAR_SCHEMAS[field_type.name])
    if isinstance(field_type, Object):
        return {
            "type": "object",
            "properties": {name: _nullable(_schema_of(inner)) for name, inner in field_type.fields},
            "additionalProperties": True,
        }
    assert isinstance(field_type, ListOf)
    return {"type": "array", "items": _schema_of(field_type.item)}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """Absent and null fields are unknown, never an error."""
    return {"anyOf": [schema, {"type": "null"}]}


EVENT_ID_SCHEMA = {
    "anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}],
    "description": "Optional id of the event, echoed in its assessment.",
}


def event_schemas(rulesets: list[Ruleset]) -> dict[str, dict[str, Any]]:
    """``{schema name: JSON schema}`` of every event kind of every ruleset (name ``<ruleset>.<kind>``)."""
    schemas: dict[str, dict[str, Any]] = {}
    for ruleset in rulesets:
        for kind in ruleset.kinds.values():
            properties: dict[str, Any] = {
                "kind": {"type": "string", "enum": [kind.name]},
                "event_id": EVENT_ID_SCHEMA,
            }
            for name, field_type in kind.fields.items():
                properties[name] = _nullable(_schema_of(field_type))
            schemas[f"{ruleset.id}.{kind.name}"] = {
                "title": f"{ruleset.id} {kind.name} event",
                "description": (
                    f"An event of kind '{kind.name}' for ruleset '{ruleset.id}' {ruleset.version}; "
                    f"the entity is '{kind.entity}'. Absent or null fields are unknown; other fields are ignored."
                ),
                "type": "object",
                "properties": properties,
                "required": ["kind"],
                "additionalProperties": True,
            }
    return schemas


GENERIC_EVENT_SCHEMA = {
    "title": "Event",
    "description": "An event: `kind` (an event kind of the ruleset), optional `event_id`, and its fields.",
    "type": "object",
    "properties": {"kind": {"type": "string"}, "event_id": EVENT_ID_SCHEMA},
    "required": ["kind"],
    "additionalProperties": True,
}

