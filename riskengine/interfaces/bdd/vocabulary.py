"""The step vocabulary: every phrase a feature file may use, in one table.

The phrases are a contract with policy staff (features/README.md lists them). Each entry gives the
phrase as people read it (``template``, placeholders in angle brackets) and the regular expression
the step matches (``pattern``, one named group per placeholder). The step definitions in
``steps.py`` are built from this table, and unknown steps are answered with its closest entries.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# An optional suffix of Then steps: which event of a "When these events are evaluated" table the
# step is about (by its event_id); without it the step is about the last event evaluated.
FOR_EVENT = r'(?: for (?:the )?event "(?P<event>[^"]*)")?'
NUMBER = r"(?P<number>[-+]?[0-9][0-9_]*(?:\.[0-9]+)?)"
STEP_TYPES = ("given", "when", "then")
QUOTED = re.compile(r'"[^"]*"')
PLACEHOLDER = re.compile(r"<[^<>]+>")
# How many phrases an unknown step is answered with, and how alike they must be to be shown
# (difflib ratio of the phrase shapes, quoted values blanked); the best one is always shown.
SUGGESTIONS = 3
SUGGESTION_CUTOFF = 0.6


def _quoted(name: str) -> str:
    return f'"(?P<{name}>[^"]*)"'


@dataclass(frozen=True)
class Phrase:
    """One step of the vocabulary."""

    key: str  # the name of the step function and of the phrase in the docs
    type: str  # given | when | then
    template: str  # as written in a feature file, placeholders in <angle brackets>
    pattern: str  # full-match regular expression with named groups
    table: str | None = None  # what the step's data table holds, when it takes one
    summary: str = ""

    @property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    @property
    def keyword(self) -> str:
        return self.type.capitalize()


PHRASES: tuple[Phrase, ...] = (
    # ------------------------------------------------------------------ Given
    Phrase(
        "ruleset", "given", 'the "<ruleset>" ruleset', rf"the {_quoted('ruleset')} ruleset",
        summary="the ruleset to check: an id found in the rulesets folder, or the path of a YAML file",
    ),
    Phrase(
        "parameter", "given", 'the parameter "<name>" is <value>', rf"the parameter {_quoted('name')} is (?P<value>.*)",
        summary="overrides a param of the ruleset for this scenario (read for the param's type)",
    ),
    Phrase(
        "earlier_events", "given", "these earlier events:", r"these earlier events:",
        table="one row per event: a kind column and field columns",
        summary="events evaluated before the scenario's When step (for flags that count earlier events)",
    ),
    Phrase(
        "earlier_event", "given", 'an earlier "<kind>" event with:', rf"an? earlier {_quoted('kind')} event with:",
        table="| field | value |",
        summary="one earlier event, its fields as a two-column table",
    ),
    # ------------------------------------------------------------------ When
    Phrase(
        "event", "when", 'a "<kind>" event is evaluated with:', rf"an? {_quoted('kind')} event is evaluated with:",
        table="| field | value |",
        summary="evaluates one event; the Then steps check its assessment",
    ),
    Phrase(
        "events", "when", "these events are evaluated:", r"these events are evaluated:",
        table="one row per event: a kind column (optional with one event kind), event_id and field columns",
        summary="evaluates the rows in order; the Then steps check the last row unless they name an event",
    ),
    # ------------------------------------------------------------------ Then
    Phrase(
        "fires", "then", 'the flag "<id>" fires', rf"the flag {_quoted('flag')} fires{FOR_EVENT}",
        summary="the flag is among the fired flags",
    ),
    Phrase(
        "does_not_fire", "then", 'the flag "<id>" does not fire', rf"the flag {_quoted('flag')} does not fire{FOR_EVENT}",
        summary="the flag did not fire (it was false, or not evaluable)",
    ),
    Phrase(
        "not_evaluable", "then", 'the flag "<id>" is not evaluable', rf"the flag {_quoted('flag')} is not evaluable{FOR_EVENT}",
        summary="the flag could not be decided because data was missing",
    ),
    Phrase(
        "not_evaluable_because", "then", 'the flag "<id>" is not evaluable because "<field>" is missing',
        rf"the flag {_quoted('flag')} is not evaluable because {_quoted('field')} is missing{FOR_EVENT}",
        summary="the flag could not be decided, and the assessment names this missing field",
    ),
    Phrase(
        "no_flag", "then", "no flag fires", rf"no flag fires{FOR_EVENT}",
        summary="the event was scored and no flag fired",
    ),
    Phrase(
        "band", "then", 'the band is "<band>"', rf"the band is {_quoted('band')}{FOR_EVENT}",
        summary="the risk band of the assessment",
    ),
    Phrase(
        "band_at_least", "then", 'the band is at least "<band>"', rf"the band is at least {_quoted('band')}{FOR_EVENT}",
        summary="the band is this band or a higher one",
    ),
    Phrase(
        "score", "then", "the score is <number>", rf"the score is {NUMBER}{FOR_EVENT}",
        summary="the score, as shown in the assessment (2 decimals)",
    ),
    Phrase(
        "score_at_least", "then", "the score is at least <number>", rf"the score is at least {NUMBER}{FOR_EVENT}",
        summary="the score is this number or more",
    ),
    Phrase(
        "score_at_most", "then", "the score is at most <number>", rf"the score is at most {NUMBER}{FOR_EVENT}",
        summary="the score is this number or less",
    ),
    Phrase(
        "explanation", "then", 'the explanation of "<id>" mentions "<text>"',
        rf"the explanation of {_quoted('flag')} mentions {_quoted('text')}{FOR_EVENT}",
        summary="the flag fired and its message contains the text (ignoring case)",
    ),
    Phrase(
        "rejected", "then", "the event is rejected", r'the event(?: "(?P<event>[^"]*)")? is rejected',
        summary="the event did not pass validation (a value that does not fit its field's type)",
    ),
    Phrase(
        "rejection", "then", 'the rejection mentions "<text>"', rf"the rejection mentions {_quoted('text')}{FOR_EVENT}",
        summary="the event was rejected and a field name or problem contains the text (ignoring case)",
    ),
    Phrase(
        "scored", "then", "the event is scored", r'the event(?: "(?P<event>[^"]*)")? is scored',
        summary="the event passed validation and was scored",
    ),
)


def phrases(step_type: str | None = None) -> list[Phrase]:
    return [phrase for phrase in PHRASES if step_type is None or phrase.type == step_type]


def matching(text: str, step_type: str | None = None) -> list[Phrase]:
    """The phrases whose pattern matches ``text`` (of ``step_type``, or of any type)."""
    return [phrase for phrase in phrases(step_type) if phrase.regex.fullmatch(text)]


def _shape(text: str) -> str:
    """A step with its quoted values and placeholders blanked: what the phrase looks like."""
    return PLACEHOLDER.sub("<>", QUOTED.sub('"<>"', text)).lower()


def fill(phrase: Phrase, text: str) -> str:
    """The phrase's template with the quoted values of ``text`` put into its quoted placeholders,
    so that a suggestion can be copied as it stands."""
    values = QUOTED.findall(text)
    rendered = phrase.template
    for value in values:
        slot = re.search(r'"<[^<>"]+>"', rendered)
        if slot is None:
            break
        rendered = rendered[: slot.start()] + value + rendered[slot.end() :]
    return rendered


def closest(text: str, step_type: str, count: int = SUGGESTIONS) -> list[Phrase]:
    """The vocabulary phrases most like ``text``, best first; phrases of ``step_type`` win ties."""
    shape = _shape(text)
    scored = []
    for index, phrase in enumerate(PHRASES):
        ratio = difflib.SequenceMatcher(None, shape, _shape(phrase.template)).ratio()
        bonus = 0.05 if phrase.type == step_type else 0.0
        scored.append((ratio + bonus, -index, phrase))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    best = [phrase for score, _, phrase in scored[:count] if score >= SUGGESTION_CUTOFF]
    return best or [scored[0][2]]


def unknown_step_message(keyword: str, text: str, step_type: str) -> str:
    """What to tell the author of a step that no definition matches."""
    lines = [f"unknown step: {keyword} {text}"]
    elsewhere = [phrase for phrase in matching(text) if phrase.type != step_type]
    if elsewhere:
        phrase = elsewhere[0]
        lines.append(
            f"'{text}' is a {phrase.keyword} step, used here as a {step_type.capitalize()} step; "
            f"write it as '{phrase.keyword} {text}' (or 'And {text}' after a {phrase.keyword} step)"
        )
        return "\n".join(lines)
    lines.append("the closest steps of the vocabulary:")
    for phrase in closest(text, step_type):
        lines.append(f"    {phrase.keyword} {fill(phrase, text)}")
    lines.append("every step is listed in features/README.md")
    return "\n".join(lines)
