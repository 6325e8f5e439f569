"""Entity profiles: what the engine has seen of each entity across events."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Optional

from pydantic import BaseModel


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


def update_profile(
    profiles: dict[Any, dict[str, Any]],
    entity: Any,
    score: float,
    band: str,
    fired: Iterable[str],
    seen_at: Optional[str],
    band_rank: dict[str, int],
) -> None:
    """Fold one scored event into its entity's profile: its score, band, the ids of the flags that
    fired and its event time (ISO text, UTC, so that text order is time order)."""
    profile = profiles.get(entity)
    if profile is None:
        profile = {
            "entity": entity,
            "events": 0,
            "flags": {},
            "max_score": score,
            "max_band": band,
            "latest_score": score,
            "latest_band": band,
            "first_seen": seen_at,
            "last_seen": seen_at,
        }
        profiles[entity] = profile
    profile["events"] += 1
    counts = profile["flags"]
    for flag_id in fired:
        counts[flag_id] = counts.get(flag_id, 0) + 1
    if score >= profile["max_score"] and (score, band_rank.get(band, 0)) > (
        profile["max_score"], band_rank.get(profile["max_band"], 0)  # a band of a migrated state may be gone
    ):
        profile["max_score"], profile["max_band"] = score, band
    profile["latest_score"], profile["latest_band"] = score, band
    if seen_at is not None:
        if profile["first_seen"] is None or seen_at < profile["first_seen"]:
            profile["first_seen"] = seen_at
        if profile["last_seen"] is None or seen_at > profile["last_seen"]:
            profile["last_seen"] = seen_at
