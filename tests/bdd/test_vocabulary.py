"""The step vocabulary: phrases, suggestions, and the README that documents them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from riskengine.interfaces.bdd import steps
from riskengine.interfaces.bdd.vocabulary import PHRASES, closest, fill, matching, unknown_step_message

README = Path(__file__).resolve().parents[2] / "features" / "README.md"

# The phrasings of the BDD issue, as policy staff write them: a contract.
CONTRACT = [
    ("given", 'the "soccer" ruleset'),
    ("given", 'the "rulesets/soccer.yaml" ruleset'),
    ("given", 'the parameter "releasing_agent_fee_cap" is 0.08'),
    ("given", "these earlier events:"),
    ("when", 'a "agent_payment" event is evaluated with:'),
    ("when", "these events are evaluated:"),
    ("then", 'the flag "SOC-01" fires'),
    ("then", 'the flag "SOC-01" does not fire'),
    ("then", 'the flag "SOC-02" is not evaluable'),
    ("then", 'the band is "high"'),
    ("then", "the score is 25"),
    ("then", "the score is 25.5"),
    ("then", "the score is at least 30"),
    ("then", 'the explanation of "SOC-01" mentions "exceeds"'),
    ("then", "the event is rejected"),
    ("then", 'the flag "SOC-01" fires for event "e-2"'),
]


@pytest.mark.parametrize(("step_type", "text"), CONTRACT)
def test_every_contract_phrasing_matches_exactly_one_phrase(step_type: str, text: str) -> None:
    assert len(matching(text, step_type)) == 1


def test_score_phrases_do_not_overlap() -> None:
    assert [phrase.key for phrase in matching("the score is at least 30", "then")] == ["score_at_least"]


def test_every_phrase_has_a_step_definition() -> None:
    names = "\n".join(steps.STEP_FIXTURES)
    for phrase in PHRASES:
        assert re.escape(phrase.pattern) in names or phrase.pattern in names, phrase.key


def test_every_phrase_is_documented_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    for phrase in PHRASES:
        assert f"{phrase.keyword} {phrase.template}" in text, phrase.template


def test_fill_puts_the_quoted_values_into_the_template() -> None:
    [phrase] = [phrase for phrase in PHRASES if phrase.key == "explanation"]
    assert fill(phrase, 'the explanation of "SOC-01" says "cap"') == 'the explanation of "SOC-01" mentions "cap"'


def test_closest_prefers_the_phrase_that_looks_alike() -> None:
    assert closest('the flag "X" is fired', "then")[0].key == "fires"
    assert closest('the band should be "high"', "then")[0].key == "band"
    assert closest("these events evaluated:", "when")[0].key == "events"


def test_unknown_step_message_lists_copyable_suggestions() -> None:
    message = unknown_step_message("Then", 'the flag "SOC-01" is fired', "then")
    assert message.splitlines()[:3] == [
        'unknown step: Then the flag "SOC-01" is fired',
        "the closest steps of the vocabulary:",
        '    Then the flag "SOC-01" fires',
    ]


def test_unknown_step_message_for_a_known_phrase_under_another_keyword() -> None:
    message = unknown_step_message("Given", "the event is rejected", "given")
    assert "is a Then step, used here as a Given step" in message
