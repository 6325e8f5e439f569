"""The step definitions of the vocabulary (``vocabulary.PHRASES``), for pytest-bdd.

The feature-file collector of ``plugin.py`` makes these steps visible to every ``.feature`` file it
collects; nothing has to be imported by the author. A project that binds its own scenarios with
pytest-bdd's ``scenarios(...)`` can use the same steps from a conftest.py::

    from riskengine.interfaces.bdd.steps import *  # noqa: F401,F403

Every step works on the scenario's ``riskengine_scenario`` (a ``ScenarioWorld``): Given and When
steps fill it, Then steps check it.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest
from pytest_bdd import given, parsers, then, when

from riskengine.interfaces.bdd import tables
from riskengine.interfaces.bdd.vocabulary import PHRASES, Phrase
from riskengine.interfaces.bdd.world import ScenarioWorld

_BY_KEY: dict[str, Phrase] = {phrase.key: phrase for phrase in PHRASES}
_DECORATORS = {"given": given, "when": when, "then": then}


@pytest.fixture
def riskengine_scenario(request: pytest.FixtureRequest) -> ScenarioWorld:
    """The state of the running scenario: its ruleset, params, engine and assessments."""
    from riskengine.interfaces.bdd.plugin import new_world

    return new_world(request)


def _step(key: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    phrase = _BY_KEY[key]
    # pytest-bdd puts the step's fixture into the namespace of the module that applies the
    # decorator: this one
    return _DECORATORS[phrase.type](parsers.re(phrase.pattern))


def _rows(datatable: list[list[str]] | None, phrase_key: str) -> list[list[str]]:
    if not datatable:
        from riskengine.interfaces.bdd.errors import ScenarioError

        raise ScenarioError(f"the step '{_BY_KEY[phrase_key].template}' needs a data table below it")
    return datatable


# ---------------------------------------------------------------------- Given


@_step("ruleset")
def given_ruleset(riskengine_scenario: ScenarioWorld, ruleset: str) -> None:
    """The ruleset the scenario checks, by id (looked up in the rulesets folders) or by path."""
    riskengine_scenario.use_ruleset(ruleset)


@_step("parameter")
def given_parameter(riskengine_scenario: ScenarioWorld, name: str, value: str) -> None:
    """Overrides a param of the ruleset, read for the param's type."""
    riskengine_scenario.set_param(name, value)


@_step("earlier_events")
def given_earlier_events(riskengine_scenario: ScenarioWorld, datatable: list[list[str]] | None = None) -> None:
    """Evaluates the table's events first, one row per event, so that stateful flags count them."""
    rows = _rows(datatable, "earlier_events")
    riskengine_scenario.evaluate_earlier(tables.events_from_rows(riskengine_scenario.ruleset, rows))


@_step("earlier_event")
def given_earlier_event(riskengine_scenario: ScenarioWorld, kind: str, datatable: list[list[str]] | None = None) -> None:
    """Evaluates one earlier event given as | field | value | rows."""
    rows = _rows(datatable, "earlier_event")
    riskengine_scenario.evaluate_earlier([tables.event_from_pairs(riskengine_scenario.ruleset, kind, rows)])


# ---------------------------------------------------------------------- When


@_step("event")
def when_event(riskengine_scenario: ScenarioWorld, kind: str, datatable: list[list[str]] | None = None) -> None:
    """Evaluates one event given as | field | value | rows."""
    rows = _rows(datatable, "event")
    riskengine_scenario.evaluate([tables.event_from_pairs(riskengine_scenario.ruleset, kind, rows)], "event")


@_step("events")
def when_events(riskengine_scenario: ScenarioWorld, datatable: list[list[str]] | None = None) -> None:
    """Evaluates the table's events in order, one row per event."""
    rows = _rows(datatable, "events")
    riskengine_scenario.evaluate(tables.events_from_rows(riskengine_scenario.ruleset, rows), "row")


# ---------------------------------------------------------------------- Then


@_step("fires")
def then_fires(riskengine_scenario: ScenarioWorld, flag: str, event: str | None = None) -> None:
    riskengine_scenario.check_fires(flag, event)


@_step("does_not_fire")
def then_does_not_fire(riskengine_scenario: ScenarioWorld, flag: str, event: str | None = None) -> None:
    riskengine_scenario.check_does_not_fire(flag, event)


@_step("not_evaluable")
def then_not_evaluable(riskengine_scenario: ScenarioWorld, flag: str, event: str | None = None) -> None:
    riskengine_scenario.check_not_evaluable(flag, event)


@_step("not_evaluable_because")
def then_not_evaluable_because(
    riskengine_scenario: ScenarioWorld, flag: str, field: str, event: str | None = None
) -> None:
    riskengine_scenario.check_not_evaluable(flag, event, field)


@_step("no_flag")
def then_no_flag(riskengine_scenario: ScenarioWorld, event: str | None = None) -> None:
    riskengine_scenario.check_no_flag(event)


@_step("band")
def then_band(riskengine_scenario: ScenarioWorld, band: str, event: str | None = None) -> None:
    riskengine_scenario.check_band(band, event)


@_step("band_at_least")
def then_band_at_least(riskengine_scenario: ScenarioWorld, band: str, event: str | None = None) -> None:
    riskengine_scenario.check_band(band, event, at_least=True)


@_step("score")
def then_score(riskengine_scenario: ScenarioWorld, number: str, event: str | None = None) -> None:
    riskengine_scenario.check_score(number, event)


@_step("score_at_least")
def then_score_at_least(riskengine_scenario: ScenarioWorld, number: str, event: str | None = None) -> None:
    riskengine_scenario.check_score(number, event, ">=")


@_step("score_at_most")
def then_score_at_most(riskengine_scenario: ScenarioWorld, number: str, event: str | None = None) -> None:
    riskengine_scenario.check_score(number, event, "<=")


@_step("explanation")
def then_explanation(riskengine_scenario: ScenarioWorld, flag: str, text: str, event: str | None = None) -> None:
    riskengine_scenario.check_explanation(flag, text, event)


@_step("rejected")
def then_rejected(riskengine_scenario: ScenarioWorld, event: str | None = None) -> None:
    riskengine_scenario.check_rejected(event)


@_step("rejection")
def then_rejection(riskengine_scenario: ScenarioWorld, text: str, event: str | None = None) -> None:
    riskengine_scenario.check_rejection(text, event)


@_step("scored")
def then_scored(riskengine_scenario: ScenarioWorld, event: str | None = None) -> None:
    riskengine_scenario.check_scored(event)


# The fixtures a collected feature file (or a conftest.py that star-imports this module) needs.
STEP_FIXTURES = tuple(name for name in list(globals()) if name.startswith("pytestbdd_stepdef_"))
__all__ = ["riskengine_scenario", *STEP_FIXTURES]
