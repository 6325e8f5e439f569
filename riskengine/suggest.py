"""Did-you-mean suggestions for unknown names and keys."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# Below this similarity a suggestion misleads more than it helps ("did you mean 'x'?" for 'budget').
SIMILARITY_CUTOFF = 0.6


def closest(word: str, candidates: Iterable[str], count: int = 1) -> list[str]:
    """The most similar candidates above the cutoff, best first (case-insensitive comparison)."""
    by_folded: dict[str, str] = {}
    for candidate in candidates:
        by_folded.setdefault(candidate.lower(), candidate)
    matches = difflib.get_close_matches(word.lower(), list(by_folded), n=count, cutoff=SIMILARITY_CUTOFF)
    return [by_folded[match] for match in matches]


def closest_one(word: str, candidates: Iterable[str]) -> str | None:
    found = closest(word, candidates, 1)
    return found[0] if found else None
