"""Pydantic models of the ruleset document (DESIGN §3), before names and expressions are checked.

The models are closed (``extra='forbid'``) so a misspelt key is an error, and strict so that
``weight: "25"`` or ``version: 2026.1`` are refused rather than coerced.
"""

from __future__ import annotations

from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

Number = Union[int, float]
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
