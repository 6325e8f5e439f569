"""OCDS in, assessments out: read, convert, compute the data set's statistics, score.

    from riskengine.ocds.pipeline import score_ocds
    result = score_ocds(["data.jsonl"])           # two passes: baselines, then every event
    for event, assessment in result.scored: ...
    result.coverage.rows(), result.read_stats.problems, result.converter.stats

Streams: build the statistics once (``riskengine baseline build`` on the events of a reference
data set, or ``result.baselines``), then score new events with ``Engine(ruleset,
baselines=statistics)``; the organisation summaries are data-set events and are scored in batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from riskengine.engine.assessment import Assessment
from riskengine.engine.baseline import build_baselines
from riskengine.engine.core import Engine
from riskengine.ocds.coverage import Coverage
from riskengine.ocds.events import ConvertOptions, OcdsConverter, convert_all
from riskengine.ocds.reader import ReadStats, read_releases
from riskengine.ruleset.loader import load_ruleset
from riskengine.ruleset.model import Ruleset

DEFAULT_RULESET = Path(__file__).resolve().parents[2] / "rulesets" / "procurement.yaml"


class OcdsOptionError(Exception):
    """A file given as an option (rates, debarment list) cannot be used."""


def load_rates(path: str | Path) -> dict[str, float]:
    """Exchange rates as JSON: ``{"USD": 0.92, ...}``, the value of one unit in the main currency."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OcdsOptionError(f"{path}: no such rates file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise OcdsOptionError(f"{path}: cannot read the rates file ({error})") from None
    except json.JSONDecodeError as error:
        raise OcdsOptionError(f"{path}: the rates file is not JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    if not isinstance(data, dict):
        raise OcdsOptionError(f"{path}: the rates file must be a JSON object such as {{\"USD\": 0.92}}")
    rates = {}
    for code, rate in data.items():
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or rate <= 0:
            raise OcdsOptionError(f"{path}: the rate of {code} must be a positive number, not {json.dumps(rate)}")
        rates[str(code)] = float(rate)
    return rates


def load_id_list(path: str | Path) -> frozenset[str]:
    """Organisation ids, one per line (a debarment or sanctions list); # starts a comment."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise OcdsOptionError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise OcdsOptionError(f"{path}: cannot read it ({error})") from None
    return frozenset(line.split("#")[0].strip() for line in lines if line.split("#")[0].strip())


@dataclass
class OcdsScoring:
    ruleset: Ruleset
    engine: Engine
    events: list[dict[str, Any]]
    converter: OcdsConverter
    read_stats: ReadStats
    baselines: dict[str, dict[str, Any]]
    coverage: Coverage
    scored: list[tuple[dict[str, Any], Assessment]] = field(default_factory=list)


def ocds_events(paths: str | Path | Iterable[str | Path], options: ConvertOptions | None = None, sort: bool = True) -> tuple[list[dict[str, Any]], OcdsConverter, ReadStats]:
    read_stats = ReadStats()
    events, converter = convert_all(read_releases(paths, read_stats), options, sort=sort)
    return events, converter, read_stats


def score_events(
    ruleset: Ruleset,
    events: list[dict[str, Any]],
    baselines: dict[str, dict[str, Any]] | None = None,
) -> tuple[Engine, dict[str, dict[str, Any]], Iterator[tuple[dict[str, Any], Assessment]]]:
    """An engine with the data set's statistics (computed over ``events`` unless given), and the
    assessments of the events in order (a generator)."""
    engine = Engine(ruleset)
    if baselines is None:
        baselines = build_baselines(engine, events) if ruleset.baselines else {}
    engine.set_baselines(baselines)

    def run() -> Iterator[tuple[dict[str, Any], Assessment]]:
        for event in events:
            yield event, engine.evaluate(event)

    return engine, baselines, run()


def score_ocds(
    paths: str | Path | Iterable[str | Path],
    options: ConvertOptions | None = None,
    ruleset: Ruleset | None = None,
    baselines: dict[str, dict[str, Any]] | None = None,
) -> OcdsScoring:
    """Read OCDS data, convert it, compute the baselines (unless given) and score every event."""
    ruleset = ruleset or load_ruleset(DEFAULT_RULESET)
    events, converter, read_stats = ocds_events(paths, options)
    engine, statistics, assessments = score_events(ruleset, events, baselines)
    coverage = Coverage(ruleset)
    result = OcdsScoring(ruleset, engine, events, converter, read_stats, statistics, coverage)
    for event, assessment in assessments:
        coverage.add(assessment)
        result.scored.append((event, assessment))
    return result
