"""The loaded, checked and compiled ruleset that the engine runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from riskengine.expressions import ir
from riskengine.expressions.compile_durable import ListSlot, RuleTarget, Slot
from riskengine.ruleset.baselines import Baseline
from riskengine.ruleset.features import Feature, Settings
from riskengine.ruleset.types import FieldType


@dataclass(frozen=True)
class EventKind:
    name: str
    entity: str
    time: str | None
    fields: dict[str, FieldType]
    description: str | None = None


@dataclass(frozen=True)
class Param:
    name: str
    value: Any
    type: FieldType
    default: Any
    description: str | None = None


@dataclass(frozen=True)
class DerivedValue:
    name: str
    text: str
    expression: ir.Value
    kinds: frozenset[str]  # the event kinds that carry every input
    description: str | None = None


@dataclass(frozen=True)
class Flag:
    id: str
    title: str
    kinds: tuple[str, ...]
    when: str
    condition: ir.Condition
    severity: str
    weight: int | float
    typology: str | None
    force_band: str | None
    explain: str
    references: tuple[str, ...]
    description: str | None
    referenced: tuple[str, ...]  # names in the condition, in source order (the evidence keys)
    line: int = 0
    example: dict[str, Any] | None = None  # {"event": {...}, "earlier": [...]}: an event that fires it


@dataclass(frozen=True)
class Scoring:
    method: str
    max_score: int | float
    typology_cap: int | float | None
    bands: tuple[tuple[str, int | float], ...]  # ascending lower bounds


@dataclass(frozen=True)
class KindPlan:
    """What to put in the fact for one event kind, and which rules can fire for it."""

    kind: str
    slots: tuple[Slot, ...]
    lists: tuple[ListSlot, ...]
    flag_indexes: tuple[int, ...]
    # flag index -> the fact keys whose presence means "not true" is "false": for those flags the
    # false rule only fires on incomplete facts (see compile_durable.guard_false)
    complete_when: dict[int, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class CompiledRules:
    name: str  # durable_rules ruleset name: id, content hash and params hash
    rules: dict[str, dict[str, Any]]
    targets: dict[str, RuleTarget]
    plans: dict[str, KindPlan]


@dataclass(frozen=True)
class Ruleset:
    id: str
    version: str
    title: str
    description: str | None
    path: str
    hash: str  # "sha256:<hex>" of the ruleset file's bytes
    source_text: str
    params: dict[str, Param]
    kinds: dict[str, EventKind]
    derived: dict[str, DerivedValue]
    flags: tuple[Flag, ...]
    scoring: Scoring
    compiled: CompiledRules
    features: dict[str, Feature] = field(default_factory=dict)
    settings: Settings = field(default_factory=Settings)
    baselines: dict[str, Baseline] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def param_values(self) -> dict[str, Any]:
        return {name: param.value for name, param in self.params.items()}

    def flag(self, flag_id: str) -> Flag:
        for flag in self.flags:
            if flag.id == flag_id:
                return flag
        raise KeyError(flag_id)
