"""Build dataset-relative statistics (baselines) from events, and store them for later scoring.

The first pass of batch scoring: every event is validated and its derived values computed, the
value each baseline reads is collected, and the statistics (quartiles, Tukey fences) are computed.
No flag is decided here; the second pass hands the statistics to the engine, where the flags that
compare with them are decided by durable_rules like any other.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from riskengine.engine.events import ValidatedEvent
from riskengine.engine.state import write_atomically
from riskengine.engine.values import evaluate_item_condition, evaluate_value
from riskengine.ruleset.baselines import summarise
from riskengine.ruleset.model import Ruleset

BASELINE_FORMAT = "riskengine-baseline/1"


class BaselineError(Exception):
    """A baseline file cannot be used with this ruleset."""


def build_baselines(engine: Any, events: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """Statistics of every baseline of ``engine.ruleset`` over ``events`` (mappings or JSON lines)."""
    ruleset: Ruleset = engine.ruleset
    values: dict[str, list[float]] = {name: [] for name in ruleset.baselines}
    for event in events:
        prepared = engine.prepare(event)
        if not isinstance(prepared, ValidatedEvent):
            continue
        for name, baseline in ruleset.baselines.items():
            if prepared.kind not in baseline.kinds:
                continue
            if baseline.where is not None and evaluate_item_condition(baseline.where, prepared.env, None) is not True:
                continue
            value = evaluate_value(baseline.of, prepared.env)
            if value is not None:
                values[name].append(value)
    return {name: summarise(collected, ruleset.baselines[name].percentiles) for name, collected in values.items()}


def definition_digest(ruleset: Ruleset, name: str) -> str:
    """What a baseline's statistics depend on: its definition, and the params its filter reads."""
    baseline = ruleset.baselines[name]
    spec = {
        "of": baseline.of.name,
        "on": baseline.kinds,
        "where": repr(baseline.where),
        "percentiles": baseline.percentiles,
        "derived": ruleset.derived[baseline.of.name].text if baseline.of.name in ruleset.derived else None,
    }
    return hashlib.sha256(json.dumps(spec, sort_keys=True, default=str).encode()).hexdigest()[:16]


def baseline_document(ruleset: Ruleset, statistics: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "format": BASELINE_FORMAT,
        "ruleset": {"id": ruleset.id, "version": ruleset.version, "hash": ruleset.hash},
        "definitions": {name: definition_digest(ruleset, name) for name in statistics},
        "baselines": statistics,
    }


def save_baselines(path: str | Path, ruleset: Ruleset, statistics: dict[str, dict[str, Any]]) -> None:
    write_atomically(path, baseline_document(ruleset, statistics))


def load_baselines(path: str | Path, ruleset: Ruleset) -> dict[str, dict[str, Any]]:
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(f"cannot read the baseline file {path}: {error.strerror or error}") from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"the baseline file {path} is not valid JSON (line {error.lineno}, column {error.colno})") from None
    if not isinstance(document, dict) or document.get("format") != BASELINE_FORMAT:
        raise BaselineError(f"{path} is not a riskengine baseline file (expected format {BASELINE_FORMAT})")
    saved = document.get("ruleset", {})
    if saved.get("id") != ruleset.id:
        raise BaselineError(f"the baseline file {path} was built for ruleset '{saved.get('id')}', not '{ruleset.id}'")
    statistics = document.get("baselines", {})
    definitions = document.get("definitions", {})
    if not isinstance(statistics, dict) or not isinstance(definitions, dict):
        raise BaselineError(f"{path} is not a riskengine baseline file: 'baselines' must be an object")
    changed = [
        name for name in ruleset.baselines
        if name in statistics and definitions.get(name) != definition_digest(ruleset, name)
    ]
    if changed:
        raise BaselineError(
            f"the baseline file {path} was built with other definitions or params for {', '.join(sorted(changed))}; "
            "build it again with riskengine baseline build"
        )
    return {name: statistics[name] for name in ruleset.baselines if isinstance(statistics.get(name), dict)}


def flatten(statistics: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """``{"price_gap": {"q1": 0.1}}`` -> ``{"baseline.price_gap.q1": 0.1}``, the names flags use."""
    return {
        f"baseline.{name}.{statistic}": value
        for name, values in statistics.items()
        for statistic, value in values.items()
        if value is not None
    }
