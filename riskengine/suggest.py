"""Did-you-mean suggestions for unknown names and keys.

Similarity is Jaro–Winkler (as in zeroSteiner/rule-engine's ``suggestions.py``): it rewards a shared
prefix, which is how names in a ruleset are usually mistyped or shortened (``crit`` for ``critical``,
``paid`` for ``paid_on``). Unlike rule-engine, a candidate is suggested only above a cutoff: a far-away
suggestion ("did you mean 'bid_count'?" for 'country') misleads more than it helps.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# Below this similarity no suggestion is made. 0.8 keeps 'fe' -> 'fee' (0.91), 'crit' -> 'critical'
# (0.90), 'cp' -> 'cap' (0.8) and 'when' -> 'where' (0.85); it drops 'budget' -> 'bid_count' (0.65)
# and 'country' -> 'bid_count' (0.63).
SIMILARITY_CUTOFF = 0.8
# Jaro–Winkler's standard prefix weight and longest rewarded prefix.
PREFIX_SCALE = 0.1
PREFIX_LIMIT = 4


def jaro(first: str, second: str) -> float:
    """Jaro similarity of two strings, from 0.0 (nothing in common) to 1.0 (equal)."""
    if first == second:
        return 1.0
    len_first, len_second = len(first), len(second)
    if not len_first or not len_second:
        return 0.0
    window = max(0, max(len_first, len_second) // 2 - 1)
    first_matched = [False] * len_first
    second_matched = [False] * len_second
    matches = 0
    for i, char in enumerate(first):
        for j in range(max(0, i - window), min(len_second, i + window + 1)):
            if not second_matched[j] and second[j] == char:
                first_matched[i] = second_matched[j] = True
                matches += 1
                break
    if not matches:
        return 0.0
    transpositions = 0
    k = 0
    for i in range(len_first):
        if first_matched[i]:
            while not second_matched[k]:
                k += 1
            if first[i] != second[k]:
                transpositions += 1
            k += 1
    transpositions //= 2
    return (matches / len_first + matches / len_second + (matches - transpositions) / matches) / 3


def jaro_winkler(first: str, second: str) -> float:
    """Jaro similarity raised for a common prefix of up to PREFIX_LIMIT characters."""
    score = jaro(first, second)
    prefix = 0
    for a, b in zip(first, second):
        if a != b or prefix == PREFIX_LIMIT:
            break
        prefix += 1
    return score + prefix * PREFIX_SCALE * (1 - score)


def similarity(first: str, second: str) -> float:
    """How alike two names are, case-insensitively, from 0.0 to 1.0.

    The higher of Jaro–Winkler and difflib's ratio: Jaro–Winkler only matches characters near
    their own position, which misses a letter dropped from a short name ('cp' for 'cap': 0.65),
    where the ratio of matching characters sees it (0.8).
    """
    first, second = first.lower(), second.lower()
    return max(jaro_winkler(first, second), difflib.SequenceMatcher(None, first, second).ratio())


def closest(word: str, candidates: Iterable[str], count: int = 1) -> list[str]:
    """The most similar candidates above the cutoff, best first (ties in alphabetical order)."""
    scored: dict[str, float] = {}
    for candidate in candidates:
        if candidate == word or candidate in scored:
            continue
        score = similarity(word, candidate)
        if score >= SIMILARITY_CUTOFF:
            scored[candidate] = score
    ranked = sorted(scored, key=lambda candidate: (-scored[candidate], candidate))
    return ranked[:count]


def closest_one(word: str, candidates: Iterable[str]) -> str | None:
    """The single best suggestion for ``word``, or None when nothing is close enough."""
    found = closest(word, candidates, 1)
    return found[0] if found else None
