"""The state of one running scenario, and the checks its Then steps make.

Each scenario gets its own ``ScenarioWorld``: the ruleset it names, the params it overrides, one
``Engine`` (so that stateful flags see the scenario's earlier events and nothing else) and the
assessments of the events it evaluated. The Then steps read the last assessment, or the one of the
event they name, and raise ``ScenarioError`` with the assessment shown when a check does not hold.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from riskengine.engine.assessment import Assessment
from riskengine.engine.core import Engine
from riskengine.interfaces.bdd import coverage as cov
from riskengine.interfaces.bdd.errors import ScenarioError
from riskengine.interfaces.bdd.rulesets import RulesetCache, RulesetLocator
from riskengine.ruleset.model import Flag, Ruleset
from riskengine.suggest import closest

SCORE_TOLERANCE = 0.005  # scores are shown with 2 decimals


@dataclass
class Evaluated:
    label: str  # how messages name the event: its event_id, or its row / step
    event: dict[str, Any]
    assessment: Assessment


@dataclass
class ScenarioWorld:
    locator: RulesetLocator
    cache: RulesetCache
    coverage: cov.CoverageStore
    feature_dir: Path
    scenario_id: str
    ruleset_name: str | None = None
    ruleset_path: Path | None = None
    params: dict[str, str] = field(default_factory=dict)
    _ruleset: Ruleset | None = None
    _engine: Engine | None = None
    _coverage_key: str | None = None
    earlier: list[Evaluated] = field(default_factory=list)
    evaluated: list[Evaluated] = field(default_factory=list)

    # ------------------------------------------------------------------ Given

    def use_ruleset(self, name: str) -> None:
        if self._engine is not None:
            raise ScenarioError("the ruleset must be given before the first event is evaluated")
        path = self.locator.find(name, self.feature_dir)
        self.ruleset_name, self.ruleset_path = name, path
        self._ruleset = None
        ruleset = self.cache.load(self._display(path), {})  # fails early when the file does not load
        self._coverage_key = self.coverage.register(ruleset, path)

    def set_param(self, name: str, raw: str) -> None:
        if self._engine is not None:
            raise ScenarioError(f"the parameter '{name}' must be given before the first event is evaluated")
        raw = raw.strip()
        if len(raw) >= 2 and raw[0] == raw[-1] == '"':
            raw = raw[1:-1]
        if self.ruleset_path is not None:
            known = self.cache.load(self._display(self.ruleset_path), {}).params
            if name not in known:
                suggestions = closest(name, list(known), 1)
                hint = (
                    "did you mean " + " or ".join(f"'{item}'" for item in suggestions) + "?"
                    if suggestions
                    else f"its parameters are: {', '.join(known) or '(none)'}"
                )
                raise ScenarioError(f"the ruleset '{self.ruleset.id}' has no parameter '{name}'; {hint}")
        self.params[name] = raw
        self._ruleset = None
        if self.ruleset_path is not None:
            self.ruleset  # noqa: B018 - a value that does not fit the param fails this step, not the next

    @property
    def ruleset(self) -> Ruleset:
        if self.ruleset_path is None:
            raise ScenarioError('no ruleset: start the scenario (or its Background) with Given the "<ruleset>" ruleset')
        if self._ruleset is None:
            self._ruleset = self.cache.load(self._display(self.ruleset_path), self.params)
        return self._ruleset

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = Engine(self.ruleset)
        return self._engine

    def _display(self, path: Path) -> Path:
        try:
            return path.relative_to(Path.cwd())
        except ValueError:
            return path

    # ------------------------------------------------------------------ events

    def evaluate_earlier(self, events: list[dict[str, Any]]) -> None:
        for event in events:
            label = self._label(event, f"earlier event {len(self.earlier) + 1}")
            assessment = self.engine.evaluate(event)
            if assessment.status == "rejected":
                raise ScenarioError(
                    f"the {label} was rejected, so it cannot set the scene:\n"
                    + describe(assessment, self.ruleset, event, label)
                )
            self.earlier.append(Evaluated(label, event, assessment))

    def evaluate(self, events: list[dict[str, Any]], what: str) -> None:
        for number, event in enumerate(events, start=1):
            default = f"row {number}" if what == "row" else "event"
            label = self._label(event, default)
            self.evaluated.append(Evaluated(label, event, self.engine.evaluate(event)))

    @staticmethod
    def _label(event: dict[str, Any], default: str) -> str:
        if event.get("event_id") is not None:
            return f"event \"{event['event_id']}\""
        return default

    def target(self, event_id: str | None) -> Evaluated:
        if not self.evaluated:
            raise ScenarioError(
                "no event has been evaluated yet: a Then step needs a When step before it "
                "(When a \"<kind>\" event is evaluated with: ..., or When these events are evaluated: ...)"
            )
        if event_id is None:
            return self.evaluated[-1]
        for item in reversed(self.evaluated):
            if item.event.get("event_id") is not None and str(item.event["event_id"]) == event_id:
                return item
        ids = [str(item.event["event_id"]) for item in self.evaluated if item.event.get("event_id") is not None]
        suggestions = closest(event_id, ids, 1)
        hint = (
            "did you mean " + " or ".join(f"'{item}'" for item in suggestions) + "?"
            if suggestions
            else f"the events evaluated have the ids: {', '.join(ids) or '(none: add an event_id column)'}"
        )
        raise ScenarioError(f"no event \"{event_id}\" was evaluated in this scenario; {hint}")

    # ------------------------------------------------------------------ names

    def flag(self, flag_id: str) -> Flag:
        for flag in self.ruleset.flags:
            if flag.id == flag_id:
                return flag
        ids = [flag.id for flag in self.ruleset.flags]
        suggestions = closest(flag_id, ids, 1)
        hint = (
            "did you mean " + " or ".join(f"'{item}'" for item in suggestions) + "?"
            if suggestions
            else f"its flags are: {', '.join(ids)}"
        )
        raise ScenarioError(f"the ruleset '{self.ruleset.id}' has no flag '{flag_id}'; {hint}")

    def band_rank(self, band: str) -> int:
        names = [name for name, _ in self.ruleset.scoring.bands]
        if band not in names:
            suggestions = closest(band, names, 1)
            hint = "did you mean " + " or ".join(f"'{item}'" for item in suggestions) + "?" if suggestions else ""
            raise ScenarioError(
                f"the ruleset '{self.ruleset.id}' has no band '{band}'; its bands are: {', '.join(names)}"
                + (f"; {hint}" if hint else "")
            )
        return names.index(band)

    def _record(self, flag: Flag, outcome: str, item: Evaluated) -> None:
        if self._coverage_key is not None and item.assessment.kind in flag.kinds:
            self.coverage.record(self._coverage_key, flag.id, outcome, self.scenario_id)

    # ------------------------------------------------------------------ Then

    def _fail(self, message: str, item: Evaluated, flag: Flag | None = None) -> ScenarioError:
        text = message + "\n" + describe(item.assessment, self.ruleset, item.event, item.label)
        if flag is not None:
            text += "\n" + describe_flag(flag, self, item)
        return ScenarioError(text)

    def _scored(self, item: Evaluated, what: str) -> None:
        if item.assessment.status == "rejected":
            raise self._fail(f"expected {what}, but the {item.label} was rejected", item)

    def check_fires(self, flag_id: str, event_id: str | None) -> None:
        flag, item = self.flag(flag_id), self.target(event_id)
        self._scored(item, f"the flag '{flag_id}' to fire")
        if flag_id not in item.assessment.fired_ids:
            if item.assessment.kind not in flag.kinds:
                raise self._fail(
                    f"the flag '{flag_id}' did not fire: it applies to {_kinds(flag)} events, "
                    f"not to '{item.assessment.kind}' events",
                    item,
                )
            reason = "was not evaluable" if _not_evaluable(item.assessment, flag_id) is not None else "did not fire"
            raise self._fail(f"the flag '{flag_id}' ({flag.title}) {reason}", item, flag)
        self._record(flag, cov.FIRES, item)

    def check_does_not_fire(self, flag_id: str, event_id: str | None) -> None:
        flag, item = self.flag(flag_id), self.target(event_id)
        self._scored(item, f"the flag '{flag_id}' not to fire")
        if flag_id in item.assessment.fired_ids:
            raise self._fail(f"the flag '{flag_id}' ({flag.title}) fired", item, flag)
        self._record(flag, cov.NOT_FIRED, item)

    def check_not_evaluable(self, flag_id: str, event_id: str | None, field_name: str | None = None) -> None:
        flag, item = self.flag(flag_id), self.target(event_id)
        self._scored(item, f"the flag '{flag_id}' to be not evaluable")
        entry = _not_evaluable(item.assessment, flag_id)
        if entry is None:
            if item.assessment.kind not in flag.kinds:
                raise self._fail(
                    f"the flag '{flag_id}' applies to {_kinds(flag)} events, not to '{item.assessment.kind}' events",
                    item,
                )
            state = "fired" if flag_id in item.assessment.fired_ids else "was evaluated and did not fire"
            raise self._fail(f"the flag '{flag_id}' ({flag.title}) {state}; it was expected to be not evaluable", item, flag)
        if field_name is not None and field_name not in entry.missing:
            raise self._fail(
                f"the flag '{flag_id}' is not evaluable, but for lack of {', '.join(entry.missing)}, not '{field_name}'",
                item,
            )
        self._record(flag, cov.NOT_EVALUABLE, item)

    def check_no_flag(self, event_id: str | None) -> None:
        item = self.target(event_id)
        self._scored(item, "no flag to fire")
        if item.assessment.flags:
            raise self._fail(f"expected no flag to fire, but {', '.join(item.assessment.fired_ids)} fired", item)

    def check_band(self, band: str, event_id: str | None, at_least: bool = False) -> None:
        rank = self.band_rank(band)
        item = self.target(event_id)
        self._scored(item, f"the band '{band}'")
        actual = item.assessment.band or ""
        ok = actual == band if not at_least else self.band_rank(actual) >= rank
        if not ok:
            wanted = f"at least '{band}'" if at_least else f"'{band}'"
            raise self._fail(f"the band is '{actual}', expected {wanted}", item)

    def check_score(self, number: str, event_id: str | None, compare: str = "==") -> None:
        wanted = _number(number)
        item = self.target(event_id)
        self._scored(item, f"a score {compare} {number}")
        score = item.assessment.score or 0.0
        tests: dict[str, Callable[[float, float], bool]] = {
            "==": lambda a, b: math.isclose(a, b, abs_tol=SCORE_TOLERANCE),
            ">=": lambda a, b: a >= b - SCORE_TOLERANCE,
            "<=": lambda a, b: a <= b + SCORE_TOLERANCE,
        }
        if not tests[compare](score, wanted):
            words = {"==": "", ">=": "at least ", "<=": "at most "}[compare]
            raise self._fail(f"the score is {score:g}, expected {words}{number}", item)

    def check_explanation(self, flag_id: str, text: str, event_id: str | None) -> None:
        flag, item = self.flag(flag_id), self.target(event_id)
        self._scored(item, f"an explanation of '{flag_id}'")
        hit = next((hit for hit in item.assessment.flags if hit.id == flag_id), None)
        if hit is None:
            raise self._fail(f"the flag '{flag_id}' did not fire, so it has no explanation", item, flag)
        if _normal(text) not in _normal(hit.message):
            raise self._fail(f"the explanation of '{flag_id}' does not mention \"{text}\": {hit.message}", item)
        self._record(flag, cov.FIRES, item)

    def check_rejected(self, event_id: str | None) -> None:
        item = self.target(event_id)
        if item.assessment.status != "rejected":
            raise self._fail(f"the {item.label} was expected to be rejected, but it was scored", item)

    def check_scored(self, event_id: str | None) -> None:
        item = self.target(event_id)
        if item.assessment.status != "scored":
            raise self._fail(f"the {item.label} was expected to be scored, but it was rejected", item)

    def check_rejection(self, text: str, event_id: str | None) -> None:
        item = self.target(event_id)
        if item.assessment.status != "rejected":
            raise self._fail(f"the {item.label} was expected to be rejected, but it was scored", item)
        wanted = _normal(text)
        for error in item.assessment.errors:
            if wanted in _normal(error.field or "") or wanted in _normal(error.problem):
                return
        raise self._fail(f"no rejection reason mentions \"{text}\"", item)


# ---------------------------------------------------------------------- rendering


def _kinds(flag: Flag) -> str:
    return " and ".join(f"'{kind}'" for kind in flag.kinds)


def _not_evaluable(assessment: Assessment, flag_id: str):
    return next((entry for entry in assessment.not_evaluable if entry.id == flag_id), None)


def _number(text: str) -> float:
    return float(text.replace("_", ""))


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def describe(assessment: Assessment, ruleset: Ruleset, event: dict[str, Any], label: str) -> str:
    """The assessment as a failure message shows it."""
    lines = [f"assessment of the {label} ({assessment.kind or event.get('kind')}):"]
    if assessment.status == "rejected":
        lines.append("  status         rejected")
        for error in assessment.errors:
            lines.append(f"  error          {error.field or '(event)'}: {error.problem}")
    else:
        lines.append(f"  score          {assessment.score:g}, band {assessment.band}")
        if assessment.flags:
            for number, hit in enumerate(assessment.flags):
                lines.append(f"  {'fired' if number == 0 else '':<13}  {hit.id} {hit.title} (weight {hit.weight:g}): {hit.message}")
        else:
            lines.append("  fired          (none)")
        if assessment.not_evaluable:
            for number, entry in enumerate(assessment.not_evaluable):
                label_text = "not evaluable" if number == 0 else ""
                lines.append(f"  {label_text:<13}  {entry.id} (missing {', '.join(entry.missing)})")
        else:
            lines.append("  not evaluable  (none)")
    fields = {key: value for key, value in event.items() if key != "kind"}
    lines.append(f"  event          {_value(fields)}")
    return "\n".join(lines)


def describe_flag(flag: Flag, world: ScenarioWorld, item: Evaluated) -> str:
    """The flag's condition and the value of every name in it, as the event had them."""
    lines = [f"the flag '{flag.id}' checks: {' '.join(flag.when.split())}"]
    values = condition_values(flag, world, item)
    if values:
        lines.append("  with " + ", ".join(f"{name} = {text}" for name, text in values))
    return "\n".join(lines)


def condition_values(flag: Flag, world: ScenarioWorld, item: Evaluated) -> list[tuple[str, str]]:
    hit = next((hit for hit in item.assessment.flags if hit.id == flag.id), None)
    if hit is not None:
        return [(name, _value(value)) for name, value in hit.evidence.items()]
    ruleset = world.ruleset
    computed = _derived_values(world, item)
    shown: list[tuple[str, str]] = []
    for name in flag.referenced:
        if name.startswith("params."):
            param = ruleset.params.get(name[len("params."):])
            shown.append((name, _value(param.value) if param else "?"))
        elif name in ruleset.derived:
            shown.append((name, _value(computed[name]) if computed.get(name) is not None else "unknown"))
        elif name in ruleset.features:
            shown.append((name, "(counted from earlier events)"))
        else:
            value: Any = item.event
            for part in name.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            shown.append((name, _value(value) if value is not None else "missing"))
    return shown


def _derived_values(world: ScenarioWorld, item: Evaluated) -> dict[str, Any]:
    """Derived values of the event, for a message only; empty when they cannot be computed."""
    try:
        from riskengine.engine.events import EventValidator, ValidatedEvent
        from riskengine.engine.explain import as_json
        from riskengine.engine.values import evaluate_value

        ruleset = world.ruleset
        validator = EventValidator(
            {name: kind.fields for name, kind in ruleset.kinds.items()},
            {name: kind.entity for name, kind in ruleset.kinds.items()},
        )
        checked = validator.validate(item.event)
        if not isinstance(checked, ValidatedEvent):
            return {}
        env = checked.env
        found: dict[str, Any] = {}
        for derived in ruleset.derived.values():
            if checked.kind in derived.kinds:
                value = evaluate_value(derived.expression, env)
                if value is not None:
                    env[derived.name] = value
                    found[derived.name] = as_json(value)
        return found
    except Exception:  # noqa: BLE001 - a message without derived values beats a crash in a message
        return {}
