"""The evaluation core: validate an event, let durable_rules decide its flags, score and explain."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from riskengine.engine.assessment import Assessment, trusted, EventError, FlagHit, NotEvaluable, RulesetRef
from riskengine.engine.backend import BackendError, DurableBackend
from riskengine.engine.events import EventProblem, EventValidator, RejectedEvent, ValidatedEvent
from riskengine.engine.explain import Explainer
from riskengine.engine.facts import FactBuilder
from riskengine.engine.features import StatefulFeatures
from riskengine.engine.profiles import EntityProfile, update_profile
from riskengine.engine.state import MemoryStateStore, StateError, StateStore, read_state_file, restore, snapshot, write_atomically
from riskengine.engine.scoring import Scorer
from riskengine.engine.values import evaluate_value
from riskengine.expressions import ir
from riskengine.ruleset.model import DerivedValue, Flag, KindPlan, Ruleset


class Engine:
    """Scores events against one loaded ruleset. Safe to call from several threads."""

    def __init__(
        self,
        ruleset: Ruleset,
        state_store: StateStore | None = None,
        baselines: Mapping[str, Mapping[str, Any]] | None = None,
    ):
        self.ruleset = ruleset
        self._baseline_values: dict[str, Any] = {}
        if baselines is not None:
            self.set_baselines(baselines)
        self._lock = threading.RLock()  # a stateful feature's read and its update are one step
        self._state: StateStore = state_store if state_store is not None else MemoryStateStore()
        self._stateful = StatefulFeatures(ruleset, self._state)
        self._band_rank = {name: rank for rank, (name, _) in enumerate(ruleset.scoring.bands)}
        self._validator = EventValidator(
            {name: kind.fields for name, kind in ruleset.kinds.items()},
            {name: kind.entity for name, kind in ruleset.kinds.items()},
        )
        self._backend = DurableBackend(ruleset.compiled)
        self._targets = ruleset.compiled.targets
        self._reference = RulesetRef(id=ruleset.id, version=ruleset.version, hash=ruleset.hash)
        self._kinds = {
            name: _KindRuntime.prepare(name, plan, ruleset, stateful=self._stateful.active)
            for name, plan in ruleset.compiled.plans.items()
        }
        self._missing_sources = {flag.id: _missing_sources(flag, ruleset) for flag in ruleset.flags}
        self._computation_inputs = {flag.id: _computation_inputs(flag.condition) for flag in ruleset.flags}
        self._explainers = [Explainer(flag, ruleset) for flag in ruleset.flags]
        self._scorer = Scorer(ruleset.scoring, ruleset.flags)
        # fired flags are listed by weight (descending), then id: one rank per flag, computed once
        order = sorted(range(len(ruleset.flags)), key=lambda i: (-ruleset.flags[i].weight, ruleset.flags[i].id))
        self._hit_rank = {index: rank for rank, index in enumerate(order)}

    # ------------------------------------------------------------------ public API

    def evaluate(self, event: Any) -> Assessment:
        """Assess one event (a mapping with ``kind`` and its fields). Never raises for bad input."""
        checked = self._validator.validate(event)
        if isinstance(checked, RejectedEvent):
            return self._rejected(checked)
        try:
            with self._lock:
                return self._assess(checked)
        except BackendError as error:
            problem = EventProblem(None, f"the rules engine could not evaluate this event: {error}")
            return self._rejected(RejectedEvent(checked.kind, checked.event_id, checked.entity, [problem]))

    def prepare(self, event: Any) -> ValidatedEvent | RejectedEvent:
        """Validate an event and compute its derived values, without deciding any flag."""
        checked = self._validator.validate(event if not isinstance(event, (str, bytes)) else _parse_or_none(event))
        if isinstance(checked, ValidatedEvent):
            self._add_derived(checked)
        return checked

    def set_baselines(self, statistics: Mapping[str, Mapping[str, Any]]) -> None:
        """Use these dataset statistics (``{name: {"q1": ..., ...}}``) for the ``baseline.*`` names."""
        from riskengine.engine.baseline import flatten

        self._baseline_values = flatten({name: dict(values) for name, values in statistics.items()})

    def evaluate_json(self, line: str) -> Assessment:
        """Assess one event given as JSON text; malformed JSON is a rejected assessment."""
        try:
            event = json.loads(line)
        except (json.JSONDecodeError, RecursionError, ValueError) as error:
            # ValueError: an integer of more digits than Python converts (sys.get_int_max_str_digits)
            message = getattr(error, "msg", str(error))
            position = f" at column {error.colno}" if isinstance(error, json.JSONDecodeError) else ""
            return self._rejected(RejectedEvent(None, None, None, [EventProblem(None, f"invalid JSON{position}: {message}")]))
        return self.evaluate(event)

    def evaluate_many(self, events: Iterable[Any]) -> Iterator[Assessment]:
        """Assess events in order; strings are read as JSON lines."""
        for event in events:
            yield self.evaluate_json(event) if isinstance(event, (str, bytes)) else self.evaluate(event)

    # ------------------------------------------------------------------ state and profiles

    @property
    def late_events(self) -> int:
        """Events older than the allowed lateness: assessed with their stateful features unknown."""
        return self._state.counters.get("late_events", 0)

    def entity_profile(self, entity_id: Any) -> EntityProfile | None:
        with self._lock:
            profile = self._state.profiles.get(entity_id)
            return EntityProfile.model_validate(profile) if profile is not None else None

    def entity_profiles(self) -> list[EntityProfile]:
        with self._lock:
            profiles = [EntityProfile.model_validate(profile) for profile in self._state.profiles.values()]
        return sorted(profiles, key=lambda profile: (str(type(profile.entity)), profile.entity))

    def save_state(self, path: str | Path) -> None:
        """Write windows, counters and profiles to ``path`` atomically."""
        with self._lock:
            document = snapshot(self._state, self._state_header())
        write_atomically(path, document)

    def load_state(self, path: str | Path, migrate: bool = False) -> None:
        """Continue from a state file. A file from another ruleset version is refused unless
        ``migrate`` is set; then the windows of features whose definition is unchanged are kept."""
        self._restore(read_state_file(path), f"the state file {path}", migrate)

    def take_state(self, source: "Engine") -> None:
        """Continue from another engine's state, e.g. the previous version of a reloaded ruleset:
        the windows of features whose definition is unchanged are kept, and the profiles."""
        with source._lock:
            document = json.loads(json.dumps(snapshot(source._state, source._state_header())))
        self._restore(document, f"the state of {source.ruleset.id} {source.ruleset.version}", migrate=True)

    def _restore(self, document: dict[str, Any], origin: str, migrate: bool) -> None:
        saved = document.get("ruleset")
        if not isinstance(saved, dict) or not isinstance(document.get("features", {}), dict):
            raise StateError(f"{origin} is not a riskengine state: it names no ruleset")
        header = self._state_header()
        keep = set(self.ruleset.features)
        if saved.get("hash") != header["ruleset"]["hash"] or document.get("params") != header["params"]:
            if not migrate:
                raise StateError(
                    f"{origin} was written by ruleset {saved.get('id')} {saved.get('version')} "
                    f"({saved.get('hash')}) with other params or content than {self.ruleset.id} "
                    f"{self.ruleset.version} ({self.ruleset.hash}); migrate to keep the windows of unchanged features"
                )
            saved_features = document.get("features", {})
            keep = {name for name, feature in self.ruleset.features.items() if saved_features.get(name) == feature.digest}
        with self._lock:
            try:
                restore(self._state, document, keep)
            except StateError as error:
                raise StateError(f"{origin}: {error}") from None

    def _state_header(self) -> dict[str, Any]:
        return {
            "ruleset": {"id": self.ruleset.id, "version": self.ruleset.version, "hash": self.ruleset.hash},
            "params": json.loads(json.dumps(self.ruleset.param_values, default=str)),
            "features": {name: feature.digest for name, feature in self.ruleset.features.items()},
        }

    # ------------------------------------------------------------------ internals

    def _rejected(self, rejected: RejectedEvent) -> Assessment:
        return Assessment(
            event_id=rejected.event_id,
            kind=rejected.kind,
            entity=rejected.entity,
            status="rejected",
            errors=[EventError(field=problem.field, problem=problem.problem) for problem in rejected.problems],
            ruleset=self._reference,
        )

    def _add_derived(self, event: ValidatedEvent) -> None:
        env = event.env
        for derived in self._kinds[event.kind].derived:
            value = evaluate_value(derived.expression, env)
            if value is not None:
                env[derived.name] = value

    def _assess(self, event: ValidatedEvent) -> Assessment:
        env = event.env
        kind = self._kinds[event.kind]
        if kind.derived:
            self._add_derived(event)
        if self._baseline_values:
            env.update(self._baseline_values)
        feature_event_ids = None
        if kind.stateful:
            sequence = self._stateful.next_sequence()
            features = self._stateful.compute(event.kind, env, sequence, event.event_id)
            env.update(features.values)
            feature_event_ids = features.event_ids
        fact, present = kind.facts.build(env)
        settled = kind.settles(present)
        fired, evaluable, not_evaluable = self._decide(kind, self._backend.fire(fact, settled), settled, present, env)
        score = self._scorer.score(fired, evaluable)
        explainers, raw = self._explainers, event.raw
        hits = [explainers[index].hit(raw, env, feature_event_ids) for index in fired]
        assessment = trusted(Assessment, {
            "event_id": event.event_id,
            "kind": event.kind,
            "entity": event.entity,
            "status": "scored",
            "score": score.value,
            "band": score.band,
            "flags": hits,
            "not_evaluable": not_evaluable,
            "errors": [],
            "ruleset": self._reference,
        })
        if kind.stateful:
            self._stateful.record(event.kind, env, sequence, event.event_id)
        if event.entity is not None:
            seen_at = env.get(kind.time_field) if kind.time_field else None
            update_profile(
                self._state.profiles, event.entity, score.value, score.band, [hit.id for hit in hits],
                seen_at.isoformat() if seen_at is not None else None, self._band_rank,
            )
        return assessment

    def _decide(
        self, kind: "_KindRuntime", rule_names: list[str], settled: bool, present: frozenset[str] | set[str], env: Mapping[str, Any]
    ) -> tuple[tuple[int, ...], tuple[int, ...], list[NotEvaluable]]:
        """From the rules durable_rules fired: the fired flags (in the order of the assessment), the
        evaluable ones and those that are not, with what they miss."""
        targets = self._targets
        outcomes: dict[int, bool] = {}
        for rule_name in rule_names:
            target = targets[rule_name]
            known = outcomes.get(target.flag_index)
            if known is not None and known != target.outcome:
                raise BackendError(f"flag {self.ruleset.flags[target.flag_index].id} matched as both true and false")
            outcomes[target.flag_index] = target.outcome
        if settled:
            # every flag of the kind is true or false: those whose true rule fired (only true rules
            # were asked), and no others
            return tuple(sorted(outcomes, key=self._hit_rank.__getitem__)), kind.flag_indexes, []
        flags = self.ruleset.flags
        fired: list[int] = []
        evaluable: list[int] = []
        not_evaluable: list[NotEvaluable] = []
        for index in kind.flag_indexes:
            outcome = outcomes.get(index)
            if outcome is None:
                # the true rule did not fire; with every value the condition reads present the
                # condition is not unknown, so it is false (the guarded false rule stays silent)
                complete_when = kind.complete_when.get(index)
                if complete_when is not None and complete_when <= present:
                    outcome = False
            if outcome is None:
                flag = flags[index]
                not_evaluable.append(trusted(NotEvaluable, {"id": flag.id, "missing": self._missing(flag, env)}))
                continue
            evaluable.append(index)
            if outcome:
                fired.append(index)
        fired.sort(key=self._hit_rank.__getitem__)
        not_evaluable.sort(key=lambda item: item.id)
        return tuple(fired), tuple(evaluable), not_evaluable

    def _missing(self, flag: Flag, env: Mapping[str, Any]) -> list[str]:
        missing: list[str] = []
        for name, sources in self._missing_sources[flag.id]:
            if env.get(name) is not None:
                continue
            unknown_sources = [source for source in sources if env.get(source) is None]
            for reported in unknown_sources or [name]:
                if reported not in missing:
                    missing.append(reported)
        if not missing:
            missing = _item_gaps(flag.condition, env)
        if not missing:
            # every name is known, yet the condition is unknown: a computation had no value
            # (division by zero): report the names it was computed from
            missing = self._computation_inputs[flag.id]
        return missing


@dataclass(frozen=True)
class _KindRuntime:
    """What assessing an event of one kind needs, decided once per engine."""

    facts: FactBuilder
    flag_indexes: tuple[int, ...]
    complete_when: dict[int, frozenset[str]]
    # the fact keys whose presence settles every flag of the kind as true or false; None when a
    # flag can stay unknown with every key present (a division by zero, say)
    settled_by: frozenset[str] | None
    derived: tuple[DerivedValue, ...]
    stateful: bool  # the ruleset has stateful features: compute them, then remember the event
    time_field: str | None

    def settles(self, present: frozenset[str] | set[str]) -> bool:
        """Whether a fact with these keys settles every flag of the kind as true or false."""
        return self.settled_by is not None and self.settled_by <= present

    @classmethod
    def prepare(cls, name: str, plan: KindPlan, ruleset: Ruleset, stateful: bool) -> "_KindRuntime":
        settled_by: frozenset[str] | None = frozenset()
        for index in plan.flag_indexes:
            keys = plan.complete_when.get(index)
            settled_by = None if keys is None or settled_by is None else settled_by | keys
        return cls(
            facts=FactBuilder(plan),
            flag_indexes=tuple(plan.flag_indexes),
            complete_when=plan.complete_when,
            settled_by=settled_by,
            derived=tuple(value for value in ruleset.derived.values() if name in value.kinds),
            stateful=stateful,
            time_field=ruleset.kinds[name].time,
        )


def _parse_or_none(line: str | bytes) -> Any:
    try:
        return json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        return None


def _item_gaps(condition: ir.Node, env: Mapping[str, Any]) -> list[str]:
    """``bids.amount`` for an item field that some item of a present list lacks."""
    gaps: list[str] = []

    def visit(node: ir.Node) -> None:
        if isinstance(node, (ir.Quantifier, ir.Aggregate)):
            items = env.get(node.source.name)
            body = node.condition if isinstance(node, ir.Quantifier) else node.body
            if isinstance(items, list):
                for field in _item_fields(body, node.variable):
                    if any(_item_value(item, field.path) is None for item in items):
                        name = ".".join((node.source.name,) + field.path)
                        if name not in gaps:
                            gaps.append(name)
        for child in ir.children(node):
            visit(child)

    visit(condition)
    return gaps


def _item_fields(node: ir.Node, variable: str) -> list[ir.ItemField]:
    found = [node] if isinstance(node, ir.ItemField) and node.variable == variable else []
    for child in ir.children(node):
        found.extend(_item_fields(child, variable))
    return found


def _item_value(item: Any, path: tuple[str, ...]) -> Any:
    current = item
    for part in path:
        if not isinstance(current, dict):
            return None
        current = current.get(part)
    return current


def _computation_inputs(condition: ir.Node) -> list[str]:
    """The names to report when a condition is unknown though every name it reads is known: those
    a computation (arithmetic, a function) reads, or else all it reads."""
    computed = _computed_names(condition)
    read = [name.name for name in ir.names(condition)]
    return [name for name in read if name in computed] or read


def _computed_names(condition: ir.Node) -> set[str]:
    names: set[str] = set()

    def visit(node: ir.Node, inside: bool) -> None:
        if isinstance(node, ir.Name) and inside:
            names.add(node.name)
        computed = inside or isinstance(node, (ir.Arithmetic, ir.Call, ir.Negate))
        for child in ir.children(node):
            visit(child, computed)

    visit(condition, False)
    return names


def _missing_sources(flag: Flag, ruleset: Ruleset) -> list[tuple[str, list[str]]]:
    """For each name a flag reads: the fields to report when it is unknown (a derived value reports
    the fields it is computed from)."""

    def fields_of(name: str, seen: set[str]) -> list[str]:
        derived = ruleset.derived.get(name)
        if derived is None or name in seen:
            return [name] if derived is None else []
        found: list[str] = []
        for inner in ir.names(derived.expression):
            for field in fields_of(inner.name, seen | {name}):
                if field not in found:
                    found.append(field)
        return found

    sources = []
    for name in ir.names(flag.condition):
        sources.append((name.name, fields_of(name.name, set()) if name.name in ruleset.derived else []))
    return sources
