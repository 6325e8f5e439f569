"""Pydantic models of the ruleset document (DESIGN §3), before names and expressions are checked.

The models are closed (``extra='forbid'``) so a misspelt key is an error, and strict so that
``weight: "25"`` or ``version: 2026.1`` are refused rather than coerced.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def _finite(value: int | float) -> int | float:
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("finite_number", "must be a finite number")
    if isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
        raise PydanticCustomError("int_too_large", "must fit in 64 bits")
    return value


# int stays int (``weight: 25`` is output as 25, not 25.0); a boolean is not a number (strict).
Number = Annotated[Union[int, float], AfterValidator(_finite)]
SEVERITIES = ("low", "medium", "high", "critical")
DEFAULT_BANDS = {"low": 0, "medium": 30, "high": 60, "critical": 80}


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


class ParamDoc(_Closed):
    """Long form of a param: ``NAME: {default: 0.1, description: "..."}``."""

    default: Any
    description: str | None = None


class DerivedDoc(_Closed):
    """Long form of a derived value: ``NAME: {value: "days_between(a, b)", description: "..."}``."""

    value: str
    description: str | None = None


class EventKindSpec(_Closed):
    entity: str
    time: str | None = None
    description: str | None = None
    fields: dict[str, Any]


class FlagExample(_Closed):
    """An event that fires the flag (and, for stateful flags, the events before it); shown in the
    generated docs and checked by the test suite."""

    event: dict[str, Any]
    earlier: list[dict[str, Any]] = Field(default_factory=list)


class FlagSpec(_Closed):
    id: str = Field(min_length=1)
    title: str
    on: Union[str, list[str]]
    when: str
    severity: Literal["low", "medium", "high", "critical"]
    weight: Number = Field(ge=0)
    typology: str | None = None
    force_band: str | None = None
    explain: str | None = None
    description: str | None = None
    references: list[str] = Field(default_factory=list)
    example: FlagExample | None = None

    @property
    def kinds(self) -> list[str]:
        return [self.on] if isinstance(self.on, str) else list(self.on)


class ScoringSpec(_Closed):
    method: Literal["sum", "noisy_or", "mean"] = "sum"
    max_score: Number = Field(default=100, gt=0)
    typology_cap: Number | None = Field(default=None, ge=0)
    bands: dict[str, Number] = Field(default_factory=lambda: dict(DEFAULT_BANDS))


class RulesetSpec(_Closed):
    """The whole document; the loader validates it section by section to report every problem."""

    ruleset: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    version: str
    title: str
    description: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    events: dict[str, EventKindSpec]
    derived: dict[str, Union[str, DerivedDoc]] = Field(default_factory=dict)
    flags: list[FlagSpec]
    scoring: ScoringSpec = Field(default_factory=ScoringSpec)
    settings: dict[str, Any] = Field(default_factory=dict)  # riskengine.ruleset.features.SettingsSpec
    features: dict[str, Any] = Field(default_factory=dict)  # riskengine.ruleset.features.FeatureSpec
    baselines: dict[str, Any] = Field(default_factory=dict)  # riskengine.ruleset.baselines.BaselineSpec


# How to say what a key expects, where the type alone would read badly ("a string or a list").
EXPECTED: dict[str, str] = {
    "on": "an event kind or a list of event kinds",
}


def known_keys(parent_loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed in the mapping at ``parent_loc``, for did-you-mean on unknown keys."""
    model: type[BaseModel] | None = None
    if parent_loc == ():
        model = RulesetSpec
    elif len(parent_loc) == 2 and parent_loc[0] == "events":
        model = EventKindSpec
    elif len(parent_loc) == 2 and parent_loc[0] == "flags":
        model = FlagSpec
    elif parent_loc == ("scoring",):
        model = ScoringSpec
    elif len(parent_loc) == 2 and parent_loc[0] == "params":
        model = ParamDoc
    elif len(parent_loc) == 2 and parent_loc[0] == "derived":
        model = DerivedDoc
    elif len(parent_loc) == 2 and parent_loc[0] == "features":
        from riskengine.ruleset.features import FeatureSpec

        model = FeatureSpec
    elif len(parent_loc) == 2 and parent_loc[0] == "baselines":
        from riskengine.ruleset.baselines import BaselineSpec

        model = BaselineSpec
    elif parent_loc == ("settings",):
        from riskengine.ruleset.features import SettingsSpec

        model = SettingsSpec
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


class RulesetHeader(_Closed):
    """The scalar keys at the top of a ruleset; the sections are validated one by one."""

    ruleset: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    version: str
    title: str
    description: str | None = None
