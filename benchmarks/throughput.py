"""Evaluation throughput: riskengine against the durable_rules ceiling and two peer engines (issue 8).

    make bench                                     # installs '.[bench]', then runs this script
    python benchmarks/throughput.py                # 50,000 events, 3 rounds, sector rulesets too
    python benchmarks/throughput.py --events 5000 --repeat 1 --no-sectors   # a quick look

Workload (seeded): 30 threshold flags over ten numeric fields ``f0..f9`` and a country code.
Flags 0-19 are single thresholds (``f3 > 900``, ``f3 < 100``), 20-24 two-field conjunctions
(``f2 > 700 and f3 > 700``) and 25-29 a threshold plus ``country in [...]``; each flag fires on about
10% of the events, so about 3 flags fire per event. Every event carries every field, so durable_rules
runs one action per fired flag (the guarded false rules stay silent on complete facts).

Measured side by side in one process, in rounds (each round runs every engine over the same events,
so that the engines compared meet the same machine load):

- ``riskengine``: ``Engine.evaluate`` end to end (validation, stateful features and derived values,
  evaluation by durable_rules, scoring, evidence and messages: the full ``Assessment``);
- ``durable_rules_ceiling``: the durable_rules C extension alone, with the very rules riskengine
  compiled (registered again under ``<name>_ceiling``), asserting the facts riskengine would assert
  (built beforehand by riskengine's ``FactBuilder``, same keys and ids), a no-op action loop, and
  the retraction, each fact against the ruleset riskengine asserts it to (settled facts against
  the true rules alone, as ``backend.DurableBackend``): the most any Python driver of durable_rules could do;
- ``zen`` / ``zen_trace``: GoRules zen-engine (``ZenEngine.evaluate`` with a static loader) on a
  decision graph whose decision table (hit policy ``collect``) has one row per flag; without and
  with ``{"trace": True}`` (the closest zen has to riskengine's explanations);
- ``rule_engine``: the rule-engine package, one ``Rule`` per flag, ``rule.matches(event)``;
- ``python_floor``: the least any Python host of durable_rules does per event (the ceiling plus
  mapping rule names to flags and building the output objects), which bounds riskengine / ceiling.

Before timing, the fired flags of every engine are compared on a sample of events: the engines do
the same work. Rates are events per second in wall-clock time and in CPU time (``process_time``;
on a shared machine CPU time is the steadier of the two). Ratios are taken per round (same load)
and the median over the rounds is reported; the targets (riskengine / ceiling >= 0.6, riskengine /
zen with trace >= 1.5) are judged on CPU time.

The shipped sector rulesets (``rulesets/*.yaml`` with ``examples/<id>/events.jsonl``) get the same
figures: riskengine end to end, the durable_rules ceiling on the very facts riskengine asserted
(recorded during a preparatory pass, stateful features included) and the peers on translations of
the compiled true rules (see ``sector_peers``), evaluated on those same facts, i.e. with every
derived value and stateful feature already computed for them.

Prints a table; writes ``benchmarks/results/throughput.json``.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "throughput.json"
sys.path.insert(0, str(ROOT))

import durable_rules_engine  # noqa: E402

from riskengine import Engine, load_ruleset, load_ruleset_text  # noqa: E402
from riskengine.engine.assessment import Assessment, FlagHit, RulesetRef, trusted  # noqa: E402
from riskengine.engine.encoding import encode  # noqa: E402
from riskengine.engine.events import ValidatedEvent  # noqa: E402

FIELDS = [f"f{index}" for index in range(10)]
COUNTRIES = ["US", "GB", "DE", "FR", "NL", "CH", "KY", "VG", "PA", "AE", "SG", "HK", "LU", "IE", "CY"]
KIND = "txn"

# --------------------------------------------------------------------------------------- workload

Atom = tuple  # ("gt" | "lt", field, number) or ("in", "country", [codes])


def flag_atoms() -> list[list[Atom]]:
    """The 30 flags as conjunctions of atoms: 0-19 one threshold, 20-24 two, 25-29 threshold + country."""
    flags: list[list[Atom]] = []
    for index in range(10):
        flags.append([("gt", f"f{index}", 900)])
    for index in range(10):
        flags.append([("lt", f"f{index}", 100)])
    for index in range(5):
        flags.append([("gt", f"f{2 * index}", 700), ("gt", f"f{2 * index + 1}", 700)])
    for index in range(5):
        flags.append([("gt", f"f{5 + index}", 500), ("in", "country", COUNTRIES[3 * index : 3 * index + 3])])
    return flags


def flag_id(index: int) -> str:
    return f"T{index:02d}"


def ruleset_yaml(flags: list[list[Atom]]) -> str:
    def when(atoms: list[Atom]) -> str:
        parts = []
        for op, field, value in atoms:
            if op == "in":
                parts.append(f"{field} in [{', '.join(json.dumps(code) for code in value)}]")
            else:
                parts.append(f"{field} {'>' if op == 'gt' else '<'} {value}")
        return " and ".join(parts)

    lines = [
        "ruleset: bench_throughput",
        'version: "1"',
        "title: Throughput benchmark, 30 threshold flags",
        "events:",
        f"  {KIND}:",
        "    entity: account_id",
        "    fields:",
        "      account_id: string",
        *[f"      {field}: number" for field in FIELDS],
        "      country: string",
        "flags:",
    ]
    severities = ("low", "medium", "high", "critical")
    for index, atoms in enumerate(flags):
        names = [field for _, field, _ in atoms]
        explain = "; ".join(f"{name} is {{{name}}}" for name in names)
        lines += [
            f"  - id: {flag_id(index)}",
            f"    title: Benchmark flag {index}",
            f"    on: {KIND}",
            f"    when: '{when(atoms)}'",
            f"    severity: {severities[index % 4]}",
            f"    weight: {5 + (index * 7) % 30}",
            f"    typology: group_{index % 6}",
            f'    explain: "Flag {index}: {explain}"',
            "    references:",
            f'      - "Benchmark reference {index}"',
        ]
    lines += [
        "scoring:",
        "  method: sum",
        "  max_score: 100",
        "  typology_cap: 60",
        "  bands: {low: 0, medium: 30, high: 60, critical: 80}",
    ]
    return "\n".join(lines) + "\n"


def make_events(count: int, seed: int, accounts: int = 5000) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    events = []
    for index in range(count):
        event: dict[str, Any] = {"kind": KIND, "event_id": f"e{index}", "account_id": f"A{rng.randrange(accounts):05d}"}
        for field in FIELDS:
            event[field] = round(rng.uniform(0, 1000), 2)
        event["country"] = rng.choice(COUNTRIES)
        events.append(event)
    return events


# --------------------------------------------------------------------------------------- engines


class Runner:
    """One engine: ``run(events)`` does the timed work; ``fired(event)`` the flag ids, for the check."""

    name: str

    def reset(self) -> None:
        """Called before each timed run, outside the timing."""

    def run(self, events: list[Any]) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def fired(self, event: Any) -> set[str]:  # pragma: no cover - interface
        raise NotImplementedError


class RiskengineRunner(Runner):
    name = "riskengine"

    def __init__(self, engine: Engine):
        self.engine = engine

    def run(self, events: list[Any]) -> None:
        evaluate = self.engine.evaluate
        for event in events:
            evaluate(event)

    def fired(self, event: Any) -> set[str]:
        return set(self.engine.evaluate(event).fired_ids)


class CeilingRunner(Runner):
    """The durable_rules C extension alone on riskengine's compiled rules and pre-built facts."""

    name = "durable_rules_ceiling"
    _registered: dict[str, int] = {}

    def __init__(self, ruleset: Any):
        compiled = ruleset.compiled
        # as riskengine's backend: every rule, and the true rules alone for settled facts
        true_rules = {name: rule for name, rule in compiled.rules.items() if compiled.targets[name].outcome}
        self.handles = {False: self._register(compiled.name + "_ceiling", compiled.rules),
                        True: self._register(compiled.name + "_ceiling_settled", true_rules)}
        self.targets = compiled.targets
        self.flags = ruleset.flags
        # id(event) -> (fact text, settled) as riskengine asserts it (built outside the timed section)
        self.facts: dict[int, tuple[str, bool]] = {}

    @classmethod
    def _register(cls, name: str, rules: dict[str, Any]) -> int:
        handle = cls._registered.get(name)
        if handle is None:
            handle = cls._registered[name] = durable_rules_engine.create_ruleset(name, encode(rules))
        return handle

    def add_facts(self, triples: Iterable[tuple[Any, str, bool]]) -> None:
        for event, fact, settled in triples:
            self.facts[id(event)] = (fact, settled)

    def run(self, events: list[Any]) -> None:
        facts = [self.facts[id(event)] for event in events if id(event) in self.facts]
        self.run_facts(facts)

    def run_facts(self, facts: list[tuple[str, bool]]) -> None:
        handles = self.handles
        assert_fact = durable_rules_engine.assert_fact
        start_action = durable_rules_engine.start_action_for_state
        complete_and_start = durable_rules_engine.complete_and_start_action
        retract_fact = durable_rules_engine.retract_fact
        for fact, settled in facts:
            handle = handles[settled]
            code, state_offset = assert_fact(handle, fact)
            if code == 1:  # not handled: nothing matched, nothing stored
                continue
            if start_action(handle, state_offset):
                while complete_and_start(handle, state_offset):
                    pass
            retract_fact(handle, fact)

    def fired_rules(self, fact: str, settled: bool) -> list[str]:
        handle = self.handles[settled]
        code, state_offset = durable_rules_engine.assert_fact(handle, fact)
        if code == 1:
            return []
        names = []
        action = durable_rules_engine.start_action_for_state(handle, state_offset)
        messages = action[1] if action else None
        while messages:
            names.append(messages[2 : messages.index('"', 2)])
            messages = durable_rules_engine.complete_and_start_action(handle, state_offset)
        durable_rules_engine.retract_fact(handle, fact)
        return names

    def fired(self, event: Any) -> set[str]:
        recorded = self.facts.get(id(event))
        if recorded is None:
            return set()
        return {
            self.flags[self.targets[name].flag_index].id for name in self.fired_rules(*recorded) if self.targets[name].outcome
        }


class PythonFloorRunner(CeilingRunner):
    """The least any Python host of durable_rules does per event to return an assessment: the
    ceiling's C calls on the same pre-built facts, the fired rule names read from the actions and
    mapped to flags, and the output objects (one ``FlagHit`` per fired flag with constant text, one
    ``Assessment``) built the way riskengine builds them. No validation, fact building, messages,
    evidence, scoring or profiles. riskengine / this is how close riskengine is to a Python host that
    does nothing else; this / the ceiling bounds what any Python host can reach against the ceiling."""

    name = "python_floor"

    def __init__(self, ruleset: Any):
        super().__init__(ruleset)
        self.reference = RulesetRef(id=ruleset.id, version=ruleset.version, hash=ruleset.hash)
        self.hit_fields = {
            index: (flag.id, flag.title, flag.severity, flag.weight, flag.typology, flag.explain, list(flag.references))
            for index, flag in enumerate(ruleset.flags)
        }

    def run_facts(self, facts: list[tuple[str, bool]]) -> None:
        handles, targets, hit_fields, reference = self.handles, self.targets, self.hit_fields, self.reference
        assert_fact = durable_rules_engine.assert_fact
        start_action = durable_rules_engine.start_action_for_state
        complete_and_start = durable_rules_engine.complete_and_start_action
        retract_fact = durable_rules_engine.retract_fact
        for fact, settled in facts:
            hits = []
            handle = handles[settled]
            code, state_offset = assert_fact(handle, fact)
            if code != 1:
                action = start_action(handle, state_offset)
                messages = action[1] if action else None
                while messages:
                    target = targets[messages[2 : messages.index('"', 2)]]
                    if target.outcome:
                        flag_id, title, severity, weight, typology, message, references = hit_fields[target.flag_index]
                        hits.append(trusted(FlagHit, {
                            "id": flag_id, "title": title, "severity": severity, "weight": weight, "typology": typology,
                            "message": message, "evidence": {}, "references": list(references),
                        }))
                    messages = complete_and_start(handle, state_offset)
                retract_fact(handle, fact)
            trusted(Assessment, {
                "event_id": None, "kind": None, "entity": None, "status": "scored", "score": 0.0, "band": "low",
                "flags": hits, "not_evaluable": [], "errors": [], "ruleset": reference,
            })


def synthetic_facts(engine: Engine, events: list[dict[str, Any]], first_id: int = 1) -> list[tuple[Any, str, bool]]:
    """The facts riskengine asserts for these events (stateless ruleset: validation and derived
    values, then the kind's fact builder), each with a distinct id as the backend gives them, and
    whether it is settled (asserted against the true rules alone)."""
    triples = []
    for sequence, event in enumerate(events, first_id):
        checked = engine.prepare(event)
        if not isinstance(checked, ValidatedEvent):
            continue
        kind = engine._kinds[checked.kind]
        body, present = kind.facts.build(checked.env)
        triples.append((event, '{"id":"%d","sid":"0",%s' % (sequence, body), kind.settles(present)))
    return triples


class ZenRunner(Runner):
    def __init__(self, graph: dict[str, Any], trace: bool, prepare: Callable[[Any], Any] | None = None):
        import zen

        self.name = "zen_trace" if trace else "zen"
        self.engine = zen.ZenEngine({"loader": {"type": "static", "content": {"bench": graph}}})
        self.options = {"trace": True} if trace else None
        self.prepare = prepare
        self.inputs: dict[int, Any] = {}

    def add_inputs(self, events: Iterable[Any]) -> None:
        if self.prepare is not None:
            for event in events:
                prepared = self.prepare(event)
                if prepared is not None:
                    self.inputs[id(event)] = prepared

    def _input(self, events: list[Any]) -> list[Any]:
        if self.prepare is None:
            return events
        return [self.inputs[id(event)] for event in events if id(event) in self.inputs]

    def run(self, events: list[Any]) -> None:
        evaluate = self.engine.evaluate
        options = self.options
        if options is None:
            for event in self._input(events):
                evaluate("bench", event)
        else:
            for event in self._input(events):
                evaluate("bench", event, options)

    def fired(self, event: Any) -> set[str]:
        inputs = self._input([event])
        if not inputs:
            return set()
        result = self.engine.evaluate("bench", inputs[0], self.options)["result"]
        return {row["flag"] for row in result}


class RuleEngineRunner(Runner):
    name = "rule_engine"

    def __init__(self, expressions: list[tuple[str, str]], prepare: Callable[[Any], Any] | None = None):
        import rule_engine

        context = rule_engine.Context(default_value=None)  # an absent key reads as null, as in zen
        self.rules = [(flag, rule_engine.Rule(text, context=context)) for flag, text in expressions]
        self.prepare = prepare
        self.inputs: dict[int, Any] = {}

    add_inputs = ZenRunner.add_inputs
    _input = ZenRunner._input

    def run(self, events: list[Any]) -> None:
        rules = self.rules
        for event in self._input(events):
            [flag for flag, rule in rules if rule.matches(event)]

    def fired(self, event: Any) -> set[str]:
        inputs = self._input([event])
        if not inputs:
            return set()
        return {flag for flag, rule in self.rules if rule.matches(inputs[0])}


# --------------------------------------------------------------------------------------- zen and rule-engine forms


def zen_graph(columns: list[str], rows: list[tuple[str, dict[str, str]]]) -> dict[str, Any]:
    """A decision graph: input -> decision table (hit policy collect, one row per flag) -> output.
    ``columns`` are input fields (cells are unary tests on them); the column ``""`` has no field, its
    cells are whole expressions."""
    inputs = []
    for index, column in enumerate(columns):
        entry = {"id": f"i{index}", "name": column or "expression"}
        if column:
            entry["field"] = column
        inputs.append(entry)
    column_ids = {column: f"i{index}" for index, column in enumerate(columns)}
    table_rows = []
    for index, (flag, cells) in enumerate(rows):
        row = {"_id": f"r{index}", "o0": json.dumps(flag)}
        for column in columns:
            row[column_ids[column]] = cells.get(column, "")
        table_rows.append(row)
    return {
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "event", "position": {"x": 0, "y": 0}},
            {
                "id": "flags",
                "type": "decisionTableNode",
                "name": "flags",
                "position": {"x": 300, "y": 0},
                "content": {
                    "hitPolicy": "collect",
                    "inputs": inputs,
                    "outputs": [{"id": "o0", "name": "flag", "field": "flag"}],
                    "rules": table_rows,
                },
            },
            {"id": "out", "type": "outputNode", "name": "result", "position": {"x": 600, "y": 0}},
        ],
        "edges": [
            {"id": "e0", "sourceId": "in", "targetId": "flags", "type": "edge"},
            {"id": "e1", "sourceId": "flags", "targetId": "out", "type": "edge"},
        ],
    }


def synthetic_zen_graph(flags: list[list[Atom]]) -> dict[str, Any]:
    rows = []
    for index, atoms in enumerate(flags):
        cells = {}
        for op, field, value in atoms:
            if op == "in":
                cells[field] = ", ".join(json.dumps(code) for code in value)
            else:
                cells[field] = f"{'>' if op == 'gt' else '<'} {value}"
        rows.append((flag_id(index), cells))
    return zen_graph(FIELDS + ["country"], rows)


def synthetic_rule_engine(flags: list[list[Atom]]) -> list[tuple[str, str]]:
    expressions = []
    for index, atoms in enumerate(flags):
        parts = []
        for op, field, value in atoms:
            if op == "in":
                parts.append(f"{field} in [{', '.join(repr(code) for code in value)}]")
            else:
                parts.append(f"{field} {'>' if op == 'gt' else '<'} {value}")
        expressions.append((flag_id(index), " and ".join(parts)))
    return expressions


# --------------------------------------------------------------------------------------- sector peers


class Untranslatable(Exception):
    pass


def sector_peers(ruleset: Any) -> tuple[list[tuple[str, dict[str, str]]], list[tuple[str, str]]]:
    """zen rows and rule-engine expressions for a sector ruleset, from its compiled *true* rules.

    The peers read the fact durable_rules reads (decoded JSON: generated keys ``v3``, ``h7``, lists of
    item rows), where riskengine has already put every derived value, stateful feature and computed
    operand. A flag's condition on one kind is the disjunction of its true rules for that kind (led
    by the kind test). The peers have no three-valued logic: they report the flags whose condition is
    true, and that is what the check compares (riskengine's not-evaluable flags count as not fired)."""
    compiled = ruleset.compiled
    by_flag: dict[int, list[dict[str, Any]]] = {}
    for name, rule in compiled.rules.items():
        target = compiled.targets[name]
        if target.outcome:
            by_flag.setdefault(target.flag_index, []).append(rule["all"][0]["m"])
    zen_rows: list[tuple[str, dict[str, str]]] = []
    rule_engine_rows: list[tuple[str, str]] = []
    for index, documents in sorted(by_flag.items()):
        flag = ruleset.flags[index].id
        zen_rows.append((flag, {"": " or ".join(_translate(document, ZEN) for document in documents)}))
        rule_engine_rows.append((flag, " or ".join(_translate(document, RULE_ENGINE) for document in documents)))
    return zen_rows, rule_engine_rows


class Dialect:
    def __init__(self, name: str, item: str, item_key: str, top_key: str):
        self.name, self.item, self.item_key, self.top_key = name, item, item_key, top_key

    def ref(self, key: str) -> str:
        if key == "$i":
            return self.item
        if key.startswith("$i."):
            return self.item_key.format(key[3:])
        if not key.isidentifier():
            raise Untranslatable(key)
        return self.top_key.format(key)


ZEN = Dialect("zen", "#", "#.{}", "{}")
RULE_ENGINE = Dialect("rule_engine", "it", "it&['{}']", "{}")
_OPS = {"$lt": "<", "$lte": "<=", "$gt": ">", "$gte": ">=", "$neq": "!="}


def _translate(document: dict[str, Any], dialect: Dialect) -> str:
    """One durable_rules test in the peer's expression language. durable_rules evaluates a test only
    on a key the fact (or item) has: every translated test first requires its key to be non-null."""
    ((operator, operand),) = document.items()
    if operator in ("$and", "$or"):
        return "(" + f" {operator[1:]} ".join(_translate(part, dialect) for part in operand) + ")"
    if operator in ("$ex", "$nex"):
        ((key, _),) = operand.items()
        return f"({dialect.ref(key)} {'!=' if operator == '$ex' else '=='} null)"
    if operator in ("$iany", "$iall"):
        ((key, condition),) = operand.items()
        items, body = dialect.ref(key), _translate(condition, dialect)
        if dialect is ZEN:
            return f"({items} != null and {'some' if operator == '$iany' else 'all'}({items}, {body}))"
        if operator == "$iany":
            return f"({items} != null and [it for it in {items} if {body}].length > 0)"
        return f"({items} != null and [it for it in {items} if not {body}].length == 0)"
    if operator in _OPS:
        ((key, value),) = operand.items()
        return _test(key, _OPS[operator], value, dialect)
    if operator.startswith("$") and not (operator == "$i" or operator.startswith("$i.")):
        raise Untranslatable(operator)
    return _test(operator, "==", operand, dialect)


def _test(key: str, symbol: str, value: Any, dialect: Dialect) -> str:
    left = dialect.ref(key)
    guards = [f"{left} != null"]
    if isinstance(value, dict):
        if set(value) != {"$m"}:
            raise Untranslatable(repr(value))
        right = dialect.ref(value["$m"])
        guards.append(f"{right} != null")
    elif isinstance(value, bool):
        right = "true" if value else "false"
    elif isinstance(value, str):
        right = json.dumps(value)
    elif isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise Untranslatable(repr(value))
        right = repr(value) if isinstance(value, int) else format(Decimal(repr(value)), "f")  # no exponent
    else:
        raise Untranslatable(repr(value))
    return "(" + " and ".join(guards) + f" and {left} {symbol} {right})"


# --------------------------------------------------------------------------------------- measuring


def timed(runner: Runner, events: list[Any]) -> tuple[float, float]:
    runner.reset()
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    runner.run(events)
    return time.perf_counter() - wall, time.process_time() - cpu


def check_agreement(runners: list[Runner], sample: list[Any]) -> dict[str, Any]:
    reference = runners[0]
    expected = [reference.fired(event) for event in sample]
    report: dict[str, Any] = {"sample_events": len(sample), "fired_in_sample": sum(len(flags) for flags in expected)}
    mismatches: dict[str, int] = {}
    examples: dict[str, Any] = {}
    for runner in runners[1:]:
        count = 0
        for event, flags in zip(sample, expected):
            got = runner.fired(event)
            if got != flags:
                count += 1
                examples.setdefault(runner.name, {"event_id": event.get("event_id") if isinstance(event, dict) else None,
                                                  "riskengine": sorted(flags), runner.name: sorted(got)})
        mismatches[runner.name] = count
    report["mismatches"] = mismatches
    if examples:
        report["first_mismatch"] = examples
    return report


def measure(runners: list[Runner], events: list[Any], repeat: int, warmup: int, counted: int | None = None) -> dict[str, Any]:
    """Rounds of every runner over the same events; rates and per-round ratios."""
    counted = counted if counted is not None else len(events)
    for runner in runners:
        runner.reset()
        runner.run(events[:warmup])
    rounds: list[dict[str, tuple[float, float]]] = []
    for _ in range(repeat):
        rounds.append({runner.name: timed(runner, events) for runner in runners})
    result: dict[str, Any] = {"events": counted, "rounds": []}
    for measured in rounds:
        result["rounds"].append(
            {name: {"seconds": round(wall, 4), "cpu_seconds": round(cpu, 4)} for name, (wall, cpu) in measured.items()}
        )
    rates: dict[str, dict[str, float]] = {}
    for runner in runners:
        walls = [measured[runner.name][0] for measured in rounds]
        cpus = [measured[runner.name][1] for measured in rounds]
        rates[runner.name] = {
            "events_per_second": round(counted / statistics.median(walls), 1),
            "events_per_cpu_second": round(counted / statistics.median(cpus), 1),
            "microseconds_per_event": round(1e6 * statistics.median(cpus) / counted, 2),
        }
    result["rates"] = rates
    names = [runner.name for runner in runners]
    ratios: dict[str, dict[str, float]] = {}
    if "riskengine" in names:
        for other in names:
            if other == "riskengine":
                continue
            cpu = statistics.median(measured[other][1] / measured["riskengine"][1] for measured in rounds)
            wall = statistics.median(measured[other][0] / measured["riskengine"][0] for measured in rounds)
            ratios[f"riskengine/{other}"] = {"cpu": round(cpu, 3), "wall": round(wall, 3)}
    result["ratios"] = ratios
    return result


# --------------------------------------------------------------------------------------- the runs


def synthetic(args: argparse.Namespace) -> dict[str, Any]:
    flags = flag_atoms()
    ruleset = load_ruleset_text(ruleset_yaml(flags))
    engine = Engine(ruleset)
    events = make_events(args.events, args.seed)
    ceiling, floor = CeilingRunner(ruleset), PythonFloorRunner(ruleset)
    facts = synthetic_facts(engine, events)
    ceiling.add_facts(facts)
    floor.add_facts(facts)
    runners: list[Runner] = [RiskengineRunner(engine), ceiling, floor]
    if not args.no_peers:
        graph = synthetic_zen_graph(flags)
        runners += [ZenRunner(graph, trace=False), ZenRunner(graph, trace=True), RuleEngineRunner(synthetic_rule_engine(flags))]
    sample = events[:: max(1, len(events) // args.sample)][: args.sample]
    agreement = check_agreement(runners, sample)
    fired_total = sum(len(engine.evaluate(event).flags) for event in events[: min(len(events), 10_000)])
    result = measure(runners, events, args.repeat, args.warmup)
    result["agreement"] = agreement
    result["flags_fired_per_event"] = round(fired_total / min(len(events), 10_000), 3)
    result["ruleset"] = {"flags": len(ruleset.flags), "durable_rules": len(ruleset.compiled.rules), "name": ruleset.compiled.name}
    return result


class _Recorder:
    """Wraps the engine's backend for one preparatory pass: records every fact it asserts."""

    def __init__(self, backend: Any):
        self.backend = backend
        self.facts: list[tuple[str, bool]] = []

    def fire(self, fact_body: str, settled: bool = False) -> list[str]:
        self.facts.append((fact_body, settled))
        return self.backend.fire(fact_body, settled)


def sector(path: Path, args: argparse.Namespace) -> dict[str, Any]:
    ruleset_id = path.stem
    events_path = ROOT / "examples" / ruleset_id / "events.jsonl"
    try:
        ruleset = load_ruleset(path)
    except Exception as error:  # a ruleset still being written: report and skip
        return {"skipped": f"does not load: {type(error).__name__}: {str(error).splitlines()[0][:200]}"}
    if not events_path.exists():
        return {"skipped": f"no {events_path.relative_to(ROOT)}"}
    events = [json.loads(line) for line in events_path.read_text().splitlines() if line.strip()]

    class SectorRiskengine(RiskengineRunner):
        """A fresh engine per round: stateful features start from nothing, as on a first run."""

        def reset(self) -> None:
            self.engine = Engine(ruleset)

    # Preparatory pass: the facts riskengine asserts (stateful features included), in order.
    engine = Engine(ruleset)
    recorder = _Recorder(engine._backend)
    engine._backend = recorder  # type: ignore[assignment]
    fact_of: dict[int, tuple[str, bool]] = {}
    assessments = []
    sequence = 0
    for event in events:
        before = len(recorder.facts)
        assessments.append(engine.evaluate(event))
        if len(recorder.facts) > before:
            sequence += 1
            body, settled = recorder.facts[-1]
            fact_of[id(event)] = ('{"id":"%d","sid":"0",%s' % (sequence, body), settled)
    rejected = sum(1 for assessment in assessments if assessment.status == "rejected")
    fired_by_event = {id(event): set(assessment.fired_ids) for event, assessment in zip(events, assessments)}

    ceiling = CeilingRunner(ruleset)
    ceiling.facts = fact_of

    class Recorded(RiskengineRunner):
        """The reference for the check: riskengine's fired flags from the in-order pass."""

        def fired(self, event: Any) -> set[str]:
            return fired_by_event[id(event)]

    runners: list[Runner] = [SectorRiskengine(Engine(ruleset)), ceiling]
    translation: dict[str, Any] = {}
    if not args.no_peers:
        try:
            zen_rows, rule_engine_rows = sector_peers(ruleset)

            def decoded(event: Any) -> Any:
                recorded = fact_of.get(id(event))
                return json.loads(recorded[0]) if recorded is not None else None

            graph = zen_graph([""], zen_rows)
            peers: list[Runner] = [ZenRunner(graph, False, decoded), ZenRunner(graph, True, decoded)]
            try:
                peers.append(RuleEngineRunner(rule_engine_rows, decoded))
            except Exception as error:  # noqa: BLE001 - a rule the translation cannot express
                translation["rule_engine"] = f"not translated: {type(error).__name__}: {error}"
            for peer in peers:
                peer.add_inputs(events)  # type: ignore[attr-defined]
            runners += peers
        except Untranslatable as error:
            translation["zen"] = f"not translated: {error}"
    # flags fire on few example events: every event is checked, not a sample
    agreement = check_agreement([Recorded(engine)] + runners[1:], events)
    result = measure(runners, events, args.repeat, min(args.warmup, len(events)))
    result["agreement"] = agreement
    result["rejected_events"] = rejected
    result["facts_asserted"] = len(fact_of)
    result["flags_fired_per_event"] = round(sum(len(a.flags) for a in assessments) / max(1, len(assessments)), 3)
    result["ruleset"] = {"flags": len(ruleset.flags), "durable_rules": len(ruleset.compiled.rules), "features": len(ruleset.features)}
    if translation:
        result["translation"] = translation
    return result


# --------------------------------------------------------------------------------------- report

TARGETS = {"riskengine/durable_rules_ceiling": 0.6, "riskengine/zen_trace": 1.5, "riskengine/zen": 1.0}


def ratio_text(ratios: dict[str, dict[str, float]], key: str) -> str:
    value = ratios.get(key)
    if value is None:
        return "-"
    return f"{value['cpu']:.2f} (wall {value['wall']:.2f})"


def print_table(title: str, result: dict[str, Any]) -> None:
    print(f"\n{title}: {result['events']} events, median of {len(result['rounds'])} rounds")
    print(f"  {'engine':24} {'ev/s (wall)':>12} {'ev/CPU-s':>10} {'us/event':>9}")
    for name, rate in result["rates"].items():
        print(f"  {name:24} {rate['events_per_second']:>12,.0f} {rate['events_per_cpu_second']:>10,.0f} {rate['microseconds_per_event']:>9.1f}")
    for key in ("riskengine/durable_rules_ceiling", "riskengine/python_floor", "riskengine/zen_trace", "riskengine/zen", "riskengine/rule_engine"):
        if key in result["ratios"]:
            target = TARGETS.get(key)
            suffix = f"   target >= {target}" if target else ""
            print(f"  {key:34} {ratio_text(result['ratios'], key)}{suffix}")
    agreement = result.get("agreement", {})
    print(f"  fired-flag check on {agreement.get('sample_events')} events: mismatches {agreement.get('mismatches')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=2_000)
    parser.add_argument("--sample", type=int, default=2_000, help="events whose fired flags are compared across engines")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--no-peers", action="store_true", help="riskengine and the ceiling only")
    parser.add_argument("--no-sectors", action="store_true")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    started = time.perf_counter()
    main_result = synthetic(args)
    print_table("30 threshold flags", main_result)
    floor_over_ceiling = None
    if "python_floor" in main_result["rates"]:
        # the bound on riskengine / ceiling for any Python host: python_floor / ceiling
        floor_over_ceiling = statistics.median(
            measured["durable_rules_ceiling"]["cpu_seconds"] / measured["python_floor"]["cpu_seconds"]
            for measured in main_result["rounds"]
        )
        print(f"  {'python_floor/durable_rules_ceiling':34} {floor_over_ceiling:.2f}   (the most a Python host reaches)")
    sectors: dict[str, Any] = {}
    if not args.no_sectors:
        for path in sorted((ROOT / "rulesets").glob("*.yaml")):
            result = sector(path, args)
            sectors[path.stem] = result
            if "skipped" in result:
                print(f"\n{path.stem}: skipped ({result['skipped']})")
            else:
                print_table(f"{path.stem} (examples/{path.stem}/events.jsonl)", result)

    rates = main_result["rates"]
    document: dict[str, Any] = {
        "benchmark": "throughput",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "rate": "events per second, wall clock, median of the rounds (CPU-time rates under cpu_events_per_second)",
    }
    for name in ("riskengine", "durable_rules_ceiling", "zen", "zen_trace", "rule_engine"):
        document[name] = rates.get(name, {}).get("events_per_second")
    document["cpu_events_per_second"] = {name: rate["events_per_cpu_second"] for name, rate in rates.items()}
    document["ratios"] = main_result["ratios"]
    if floor_over_ceiling is not None:
        document["python_floor"] = rates["python_floor"]["events_per_second"]
        document["python_floor/durable_rules_ceiling"] = round(floor_over_ceiling, 3)
    document["targets"] = {
        key: {"target": target, "cpu": main_result["ratios"].get(key, {}).get("cpu"),
              "met": (main_result["ratios"].get(key, {}).get("cpu") or 0) >= target}
        for key, target in TARGETS.items()
    }
    document["config"] = {"events": args.events, "repeat": args.repeat, "warmup": args.warmup, "seed": args.seed, "sample": args.sample}
    document["workload"] = main_result
    document["sectors"] = sectors
    checked = [main_result] + [result for result in sectors.values() if "agreement" in result]
    document["agreement_ok"] = all(not any(result["agreement"]["mismatches"].values()) for result in checked)
    document["seconds"] = round(time.perf_counter() - started, 1)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, indent=2) + "\n")
    print(f"\nwrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output} in {document['seconds']} s")
    if not document["agreement_ok"]:
        print("the engines disagree on fired flags (see agreement in the JSON): the rates compare unequal work")
        sys.exit(1)


if __name__ == "__main__":
    main()
