"""Entity profiles: what the engine has seen of each entity across events."""

from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel

from riskengine.engine.assessment import Assessment
from riskengine.engine.state import StateStore


class EntityProfile(BaseModel):
    entity: Any
    events: int
    flags: dict[str, int]  # flag id -> times fired
    max_score: float
    max_band: str
    latest_score: float
    latest_band: str
    first_seen: Optional[str]  # event time (ISO), when the event kind has a time field
    last_seen: Optional[str]


def update_profile(store: StateStore, assessment: Assessment, seen_at: Optional[str], band_rank: dict[str, int]) -> None:
    """Fold one scored assessment into its entity's profile."""
    if assessment.entity is None or assessment.status != "scored":
        return
    score = assessment.score or 0.0
    band = assessment.band or ""
    profile = store.profiles.get(assessment.entity)
    if profile is None:
        profile = {
            "entity": assessment.entity,
            "events": 0,
            "flags": {},
            "max_score": score,
            "max_band": band,
            "latest_score": score,
            "latest_band": band,
            "first_seen": seen_at,
            "last_seen": seen_at,
        }
        store.profiles[assessment.entity] = profile
    profile["events"] += 1
    for flag in assessment.flags:
        profile["flags"][flag.id] = profile["flags"].get(flag.id, 0) + 1
    if (score, band_rank.get(band, 0)) > (profile["max_score"], band_rank.get(profile["max_band"], 0)):
        profile["max_score"], profile["max_band"] = score, band
    profile["latest_score"], profile["latest_band"] = score, band
    if seen_at is not None:
        if profile["first_seen"] is None or seen_at < profile["first_seen"]:
            profile["first_seen"] = seen_at
        if profile["last_seen"] is None or seen_at > profile["last_seen"]:
            profile["last_seen"] = seen_at
