"""Scores and bands exactly as DESIGN §3 defines them."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskengine.engine.scoring import Scorer, band_for, score_flags
from riskengine.ruleset.model import Flag, Scoring
from riskengine.expressions import ir
from riskengine.ruleset.types import BOOLEAN

BANDS = (("low", 0), ("medium", 30), ("high", 60), ("critical", 80))
TRUE = ir.Truth(ir.Literal(True, BOOLEAN, ir.Span(0, 4)), ir.Span(0, 4))


def flag(flag_id: str, weight, typology=None, force_band=None) -> Flag:
    return Flag(
        id=flag_id, title=flag_id, kinds=("e",), when="true", condition=TRUE, severity="low", weight=weight,
        typology=typology, force_band=force_band, explain="", references=(), description=None, referenced=(),
    )


def scoring(method="sum", max_score=100, typology_cap=None, bands=BANDS) -> Scoring:
    return Scoring(method, max_score, typology_cap, bands)


def test_sum_caps_each_typology_and_leaves_untyped_flags_uncapped():
    fired = [flag("a", 40, "t1"), flag("b", 30, "t1"), flag("c", 25), flag("d", 25)]
    result = score_flags(scoring(typology_cap=60, max_score=1000), fired, fired)
    assert result.value == 60 + 25 + 25


def test_sum_is_capped_at_max_score():
    fired = [flag("a", 70), flag("b", 70)]
    assert score_flags(scoring(), fired, fired).value == 100


def test_noisy_or_combines_probabilities_and_caps_weights_at_max():
    fired = [flag("a", 25), flag("b", 20)]
    assert score_flags(scoring("noisy_or"), fired, fired).value == 40.0
    assert score_flags(scoring("noisy_or"), [flag("x", 250)], []).value == 100.0


def test_noisy_or_on_an_exact_band_boundary_lands_in_that_band():
    # with floats 100 * (1 - 0.75 * 0.8) is 39.99999999999999
    fired = [flag("a", 25), flag("b", 20)]
    result = score_flags(scoring("noisy_or", bands=(("low", 0), ("medium", 40))), fired, fired)
    assert (result.value, result.band) == (40.0, "medium")


def test_mean_divides_by_the_weights_of_evaluable_flags():
    fired = [flag("a", 10)]
    evaluable = [flag("a", 10), flag("b", 30)]
    assert score_flags(scoring("mean"), fired, evaluable).value == 25.0


def test_mean_is_zero_without_evaluable_flags():
    assert score_flags(scoring("mean"), [], []).value == 0.0


def test_band_is_the_highest_band_reached_then_raised_by_force_band():
    assert score_flags(scoring(), [flag("a", 30)], []).band == "medium"
    assert score_flags(scoring(), [flag("a", 29.99)], []).band == "low"
    forced = [flag("a", 5, force_band="critical"), flag("b", 5, force_band="high")]
    assert score_flags(scoring(), forced, forced).band == "critical"


def test_force_band_never_lowers_the_band():
    fired = [flag("a", 90, force_band="medium")]
    assert score_flags(scoring(), fired, fired).band == "critical"


def test_scores_are_rounded_to_two_decimals():
    fired = [flag("a", 1)]
    assert score_flags(scoring("mean"), fired, [flag("a", 1), flag("b", 2)]).value == 33.33


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.sampled_from([None, "t1", "t2"])), max_size=8), st.integers(0, 80))
def test_sum_matches_the_formula(weights, cap):
    fired = [flag(f"f{i}", w, t) for i, (w, t) in enumerate(weights)]
    groups: dict = {}
    total = 0
    for w, t in weights:
        if t is None:
            total += w
        else:
            groups[t] = groups.get(t, 0) + w
    total += sum(min(cap, v) for v in groups.values())
    assert score_flags(scoring(typology_cap=cap), fired, fired).value == min(100, total)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 150), max_size=6))
def test_noisy_or_matches_the_formula_and_is_order_independent(weights):
    fired = [flag(f"f{i}", w) for i, w in enumerate(weights)]
    product = Fraction(1)
    for w in weights:
        product *= 1 - Fraction(min(w, 100), 100)
    expected = round(float(100 * (1 - product)), 2)
    assert score_flags(scoring("noisy_or"), fired, fired).value == expected
    assert score_flags(scoring("noisy_or"), list(reversed(fired)), fired).value == expected


def test_band_for_uses_the_unrounded_exact_score():
    assert band_for(scoring(), Fraction(5999, 100), []) == "medium"
    assert band_for(scoring(), Fraction(60), []) == "high"


weights_as_written = st.one_of(st.integers(min_value=1, max_value=60), st.integers(min_value=1, max_value=6000).map(lambda n: n / 100))


@settings(max_examples=150, deadline=None)
@given(
    method=st.sampled_from(["sum", "noisy_or", "mean"]),
    weights=st.lists(st.tuples(weights_as_written, st.sampled_from([None, "t", "u"]), st.sampled_from([None, None, "high"])), min_size=1, max_size=6),
    cap=st.one_of(st.none(), weights_as_written),
    events=st.lists(st.tuples(st.lists(st.booleans(), min_size=6, max_size=6), st.lists(st.booleans(), min_size=6, max_size=6)), max_size=12),
)
def test_the_scorer_gives_exactly_what_score_flags_defines(method, weights, cap, events):
    """The per-event scorer (integers for sum, remembered combinations for the others) against the
    definition, with decimal weights, caps, bands on the boundaries and forced bands."""
    flags = [flag(f"F{index}", weight, typology, force) for index, (weight, typology, force) in enumerate(weights)]
    rules = scoring(method, typology_cap=cap, bands=(("low", 0), ("medium", 12.5), ("high", 40.05), ("critical", 80)))
    scorer = Scorer(rules, flags, limit=3)
    for fired_mask, evaluable_mask in events:
        evaluable = tuple(index for index in range(len(flags)) if evaluable_mask[index] or fired_mask[index])
        fired = tuple(index for index in evaluable if fired_mask[index])
        expected = score_flags(rules, [flags[i] for i in fired], [flags[i] for i in evaluable])
        assert scorer.score(fired, evaluable) == expected
        assert scorer.score(fired, evaluable) == expected  # again: from memory for noisy_or and mean
        assert scorer._remembered.cache_info().currsize <= 3
