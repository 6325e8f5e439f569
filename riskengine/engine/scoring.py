"""Scores and bands (DESIGN §3, "Scores").

Arithmetic is exact (``Fraction`` over the decimal values written in the ruleset), so a score that
is mathematically on a band boundary lands in that band: with floats, noisy-or of weights 25 and 20
out of 100 gives 39.99999999999999 instead of 40.
"""

from __future__ import annotations

import bisect
import math
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple, Sequence

from riskengine.ruleset.model import Flag, Scoring


class Score(NamedTuple):  # a named tuple: made once per event, cheaply
    value: float  # rounded to 2 decimals
    band: str


@lru_cache(maxsize=4096)
def exact(number: int | float) -> Fraction | int:
    """The decimal value written in the ruleset, exactly (0.1 is one tenth, not its binary double)."""
    return number if isinstance(number, int) else Fraction(repr(number))


@lru_cache(maxsize=256)
def _band_table(scoring: Scoring) -> tuple[tuple[str, ...], tuple[Fraction | int, ...], Fraction]:
    """Band names, their exact lower bounds and the exact maximum, once per scoring section."""
    names = tuple(name for name, _ in scoring.bands)
    return names, tuple(exact(lower) for _, lower in scoring.bands), Fraction(exact(scoring.max_score))


def score_flags(scoring: Scoring, fired: Sequence[Flag], evaluable: Sequence[Flag]) -> Score:
    """``fired`` are the flags that fired; ``evaluable`` the fired and not-fired ones."""
    if not fired:
        return Score(0.0, _band_table(scoring)[0][0])  # every band table starts at 0
    maximum = _band_table(scoring)[2]  # a Fraction, so that divisions stay exact
    if scoring.method == "sum":
        value = _sum(scoring, fired, maximum)
    elif scoring.method == "noisy_or":
        remaining = Fraction(1)
        for flag in fired:
            remaining *= 1 - min(exact(flag.weight), maximum) / maximum
        value = maximum * (1 - remaining)
    else:
        total = sum((exact(flag.weight) for flag in evaluable), Fraction(0))
        value = maximum * sum((exact(flag.weight) for flag in fired), Fraction(0)) / total if total else Fraction(0)
    return Score(round(float(value), 2), band_for(scoring, value, fired))



def _sum(scoring: Scoring, fired: Sequence[Flag], maximum: Fraction) -> Fraction:
    groups: dict[str, Fraction | int] = {}
    ungrouped: Fraction | int = 0
    for flag in fired:
        if flag.typology is None:
            ungrouped += exact(flag.weight)  # each its own group, uncapped
        else:
            groups[flag.typology] = groups.get(flag.typology, 0) + exact(flag.weight)
    if scoring.typology_cap is not None:
        cap = exact(scoring.typology_cap)
        groups = {typology: min(cap, total) for typology, total in groups.items()}
    return min(maximum, ungrouped + sum(groups.values()))


def band_for(scoring: Scoring, value: Fraction, fired: Sequence[Flag]) -> str:
    names, lowers, _ = _band_table(scoring)
    band_index = 0
    for index, lower in enumerate(lowers):
        if lower <= value:
            band_index = index
    for flag in fired:
        if flag.force_band is not None:
            band_index = max(band_index, names.index(flag.force_band))
    return names[band_index]


class Scorer:
    """``score_flags`` for one ruleset's flags, given as indexes, fast enough to run per event.

    ``sum`` (the usual method) is computed in integers: every weight, cap, maximum and band bound
    scaled by the least common denominator of the decimals written in the ruleset, so it stays exact
    without ``Fraction``. ``noisy_or`` and ``mean`` go through ``score_flags``, remembered per
    combination of flags (the ``limit`` most recently used: memory stays flat)."""

    def __init__(self, scoring: Scoring, flags: Sequence[Flag], limit: int = 4096):
        self._scoring = scoring
        self._flags = flags
        self._by_evaluable = scoring.method == "mean"  # noisy_or reads the fired flags only
        self._integer_sum = scoring.method == "sum"
        self._remembered = lru_cache(maxsize=limit)(self._compute)
        numbers = [flag.weight for flag in flags] + [scoring.max_score] + [lower for _, lower in scoring.bands]
        numbers += [scoring.typology_cap] if scoring.typology_cap is not None else []
        scale = math.lcm(*(Fraction(exact(number)).denominator for number in numbers))
        self._scale = scale
        self._weights = [int(exact(flag.weight) * scale) for flag in flags]
        self._typologies = [flag.typology for flag in flags]
        self._forced = [-1 if flag.force_band is None else _band_table(scoring)[0].index(flag.force_band) for flag in flags]
        self._maximum = int(exact(scoring.max_score) * scale)
        self._cap = None if scoring.typology_cap is None else int(exact(scoring.typology_cap) * scale)
        self._lowers = [int(exact(lower) * scale) for _, lower in scoring.bands]
        self._names = _band_table(scoring)[0]

    def score(self, fired: tuple[int, ...], evaluable: tuple[int, ...]) -> Score:
        """``fired`` and ``evaluable`` are flag indexes (the fired ones among the evaluable ones)."""
        if self._integer_sum:
            return self._sum(fired)
        return self._remembered(fired, evaluable if self._by_evaluable else None)

    def _sum(self, fired: tuple[int, ...]) -> Score:
        weights, typologies, forced = self._weights, self._typologies, self._forced
        ungrouped = 0  # a flag without a typology is its own group, uncapped
        groups: dict[str, int] = {}
        band = 0
        for index in fired:
            typology = typologies[index]
            if typology is None:
                ungrouped += weights[index]
            else:
                groups[typology] = groups.get(typology, 0) + weights[index]
            if forced[index] > band:
                band = forced[index]
        cap = self._cap
        value = ungrouped
        for total in groups.values():
            value += total if cap is None or total < cap else cap
        if value > self._maximum:
            value = self._maximum
        reached = bisect.bisect_right(self._lowers, value) - 1  # the last band whose lower bound is reached
        return Score(round(value / self._scale, 2), self._names[reached if reached > band else band])

    def _compute(self, fired: tuple[int, ...], evaluable: tuple[int, ...] | None) -> Score:
        flags = self._flags
        chosen = [flags[index] for index in fired]
        return score_flags(self._scoring, chosen, chosen if evaluable is None else [flags[index] for index in evaluable])
