"""Did-you-mean: Jaro–Winkler (or difflib's ratio, whichever is higher) above a cutoff."""

from __future__ import annotations

import pytest

from riskengine.suggest import SIMILARITY_CUTOFF, closest, closest_one, jaro, jaro_winkler, similarity


@pytest.mark.parametrize(
    ("word", "candidates", "suggestion"),
    [
        ("fe", ["fee", "fees_total", "role"], "fee"),
        ("crit", ["low", "medium", "high", "critical"], "critical"),
        ("hihg", ["low", "medium", "high", "critical"], "high"),
        ("cp", ["cap", "limit"], "cap"),
        ("serverity", ["severity", "title"], "severity"),
        ("agent_paymnt", ["agent_payment", "transfer"], "agent_payment"),
        ("Fee", ["fee"], "fee"),  # case-insensitive
        ("stirng", ["string", "integer", "list[string]"], "string"),
        ("budget", ["bid_count", "fee"], None),
        ("country", ["bid_count", "max_bid"], None),
        ("x", ["fee", "id"], None),
        ("anything", [], None),
    ],
)
def test_closest_one(word, candidates, suggestion):
    assert closest_one(word, candidates) == suggestion


def test_ties_are_broken_alphabetically_and_the_word_itself_is_not_suggested():
    assert closest("ab", ["abd", "abc", "ab"], count=2) == ["abc", "abd"]


def test_reference_values():
    # Jaro-Winkler's published examples (Winkler 1990): MARTHA/MARHTA, DIXON/DICKSONX, DWAYNE/DUANE
    assert round(jaro("MARTHA", "MARHTA"), 4) == 0.9444
    assert round(jaro_winkler("MARTHA", "MARHTA"), 4) == 0.9611
    assert round(jaro_winkler("DIXON", "DICKSONX"), 4) == 0.8133
    assert round(jaro_winkler("DWAYNE", "DUANE"), 4) == 0.84
    assert jaro("", "a") == 0.0 and jaro("a", "a") == 1.0


def test_the_cutoff_is_what_decides():
    assert similarity("when", "where") >= SIMILARITY_CUTOFF > similarity("budget", "bid_count")
