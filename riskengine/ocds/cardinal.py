"""``riskengine cardinal``: Cardinal's indicators and output, computed by rulesets/procurement.yaml.

Cardinal (OCP's ``ocdscardinal indicators``) prints one JSON object::

    {"OCID": {ocid: {code: value}}, "Buyer": {...}, "ProcuringEntity": {...}, "Tenderer": {...},
     "Meta": {code: {"q1": ..., "q3": ..., "lower_fence" | "upper_fence": ...}}}

Here the same object is produced in two passes through the engine: the compiled releases become
procurement events (riskengine.ocds.events, with Cardinal's reading rules), the data set's
statistics are computed over them (the ruleset's ``baselines:``, Tukey fences with type-8
quartiles), and every event is evaluated by the engine, where durable_rules decides each flag. A
fired flag of a Cardinal indicator becomes an entry of the output; its value is read from the
flag's evidence (the price gap, the ratio, the count), and the tenderers named by the process
event (winner and runner-up, identical-price or late tenderers) get Cardinal's tenderer entries.
``Meta`` holds the statistics of the baselines, rounded to 4 decimals as Cardinal does.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from riskengine.engine.baseline import build_baselines
from riskengine.engine.core import Engine
from riskengine.ocds.events import OcdsConverter, convert_all
from riskengine.ocds.settings import CardinalSettings
from riskengine.ruleset.loader import load_ruleset
from riskengine.ruleset.model import Ruleset

DEFAULT_RULESET = Path(__file__).resolve().parents[2] / "rulesets" / "procurement.yaml"

# Cardinal code -> the flags of rulesets/procurement.yaml that compute it
FLAGS = {
    "R003": ("PP01",), "R018": ("PP13",), "R024": ("PP18",), "R025": ("PP29",), "R028": ("PP17",),
    "R030": ("PP16",), "R035": ("PP14",), "R036": ("PP15",), "R038": ("PP28B", "PP28P", "PP28T"),
    "R048": ("PP30",), "R058": ("PP19",),
}
CODE_OF = {flag: code for code, flags in FLAGS.items() for flag in flags}
GROUPS = ("OCID", "Buyer", "ProcuringEntity", "Tenderer")
BASELINE_KINDS = {"price_gap": "process", "disqualified_buyers": "buyer", "disqualified_procuring_entities": "procuring_entity",
                  "disqualified_tenderers": "tenderer", "win_ratio": "tenderer", "bid_volume": "tenderer", "supplier_variety": "tenderer"}


@dataclass
class CardinalRun:
    output: dict[str, Any]
    converter: OcdsConverter
    baselines: dict[str, dict[str, Any]]
    ruleset: Ruleset
    events: int = 0
    flagged: dict[str, int] = field(default_factory=dict)


@functools.lru_cache(maxsize=16)
def _load(path: str, params: str, mtime: int, size: int) -> Ruleset:
    """Rulesets are immutable: one load per file version (modification time, size) and settings."""
    return load_ruleset(path, params=json.loads(params))


def default_ruleset_path() -> Path:
    return DEFAULT_RULESET


def run_cardinal(
    releases: Iterable[Any],
    settings: CardinalSettings,
    ruleset_path: str | Path | None = None,
    apply_prepare: bool = False,
    meta: bool = True,
) -> CardinalRun:
    codes = settings.indicators
    options = settings.options(apply_prepare)
    path = Path(ruleset_path or DEFAULT_RULESET)
    stat = path.stat()
    ruleset = _load(str(path), json.dumps(settings.params(), sort_keys=True), stat.st_mtime_ns, stat.st_size)
    events, converter = convert_all(releases, options, sort=False)
    engine = Engine(ruleset)
    wanted = {name for name, baseline in ruleset.baselines.items() if baseline_needed(name, codes)}
    kinds = {BASELINE_KINDS.get(name, "") for name in wanted}
    statistics = build_baselines(engine, (event for event in events if event["kind"] in kinds)) if wanted else {}
    engine.set_baselines(statistics)

    results: dict[str, dict[str, dict[str, float]]] = {group: {} for group in GROUPS}
    flagged: dict[str, int] = {}
    enabled_flags = {flag for code in codes for flag in FLAGS[code]}
    kinds_needed = {ruleset.flag(flag).kinds[0] for flag in enabled_flags}
    for event in events:
        if event["kind"] not in kinds_needed:
            continue
        assessment = engine.evaluate(event)
        for hit in assessment.flags:
            if hit.id not in enabled_flags:
                continue
            code = CODE_OF[hit.id]
            flagged[code] = flagged.get(code, 0) + 1
            _record(results, code, hit.id, hit.evidence, event)
    output: dict[str, Any] = {group: entries for group, entries in results.items() if entries}
    if meta:
        found = _meta(codes, statistics, settings)
        if found:
            output["Meta"] = found
    return CardinalRun(output, converter, statistics, ruleset, len(events), flagged)


def baseline_needed(name: str, codes: list[str]) -> bool:
    needs = {"price_gap": {"R024", "R058"}, "disqualified_buyers": {"R038"}, "disqualified_procuring_entities": {"R038"},
             "disqualified_tenderers": {"R038"}, "win_ratio": {"R025"}, "bid_volume": {"R025"}, "supplier_variety": {"R048"}}
    return bool(needs.get(name, set()) & set(codes))


def _set(results: dict[str, dict[str, dict[str, float]]], group: str, key: Any, code: str, value: Any) -> None:
    if key is None:
        return
    results[group].setdefault(str(key), {})[code] = float(value)


def _record(results: dict[str, dict[str, dict[str, float]]], code: str, flag: str, evidence: dict[str, Any], event: dict[str, Any]) -> None:
    def seen(name: str) -> Any:
        return evidence[name] if evidence.get(name) is not None else event.get(name)

    ocid = event.get("ocid")
    if code in ("R003", "R018", "R036"):
        _set(results, "OCID", ocid, code, 1.0)
    elif code in ("R024", "R058"):
        _set(results, "OCID", ocid, code, seen("relative_price_gap"))
        _set(results, "Tenderer", seen("winner_id"), code, 0.0)
        if code == "R024":
            _set(results, "Tenderer", seen("runner_up_id"), code, 0.0)
    elif code == "R028":
        _set(results, "OCID", ocid, code, 1.0)
        for tenderer in event.get("identical_price_tenderers") or []:
            _set(results, "Tenderer", tenderer, code, 1.0)
    elif code == "R030":
        _set(results, "OCID", ocid, code, 1.0)
        for tenderer in event.get("late_winners") or []:
            _set(results, "Tenderer", tenderer, code, 1.0)
    elif code == "R035":
        _set(results, "OCID", ocid, code, seen("other_disqualified_tenderers"))
        _set(results, "Tenderer", event.get("sole_valid_tenderer_id"), code, 0.0)
    elif code == "R025":
        _set(results, "Tenderer", event.get("org_id"), code, seen("win_ratio"))
    elif code == "R038":
        group = {"PP28B": "Buyer", "PP28P": "ProcuringEntity", "PP28T": "Tenderer"}[flag]
        _set(results, group, event.get("org_id"), code, seen("disqualification_ratio"))
    elif code == "R048":
        _set(results, "Tenderer", event.get("org_id"), code, seen("classification_divisions"))


def _round(value: Any) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(value * 10_000) / 10_000


def _meta(codes: list[str], statistics: dict[str, dict[str, Any]], settings: CardinalSettings) -> dict[str, dict[str, float | None]]:
    meta: dict[str, dict[str, float | None]] = {}

    def stats(name: str) -> dict[str, Any]:
        return statistics.get(name, {})

    for code in ("R024", "R058"):
        if code not in codes:
            continue
        threshold = settings.section(code).get("threshold")
        gap = stats("price_gap")
        fence = "lower_fence" if code == "R024" else "upper_fence"
        if threshold is not None:
            meta[code] = {fence: _round(float(threshold))}
        else:
            meta[code] = {"q1": _round(gap.get("q1")), "q3": _round(gap.get("q3")), fence: _round(gap.get(fence))}
    if "R025" in codes:
        r025 = settings.section("R025")
        percentile = r025.get("percentile", 75)
        volume = stats("bid_volume").get("median" if percentile == 50 else f"p{percentile}")
        ratio = stats("win_ratio")
        entry: dict[str, float | None] = {}
        if "threshold" in r025:
            entry["lower_fence"] = _round(float(r025["threshold"]))
        else:
            entry.update({"q1": _round(ratio.get("q1")), "q3": _round(ratio.get("q3")), "lower_fence": _round(ratio.get("lower_fence"))})
        entry["upper_fence"] = _round(volume)
        meta["R025"] = entry
    if "R038" in codes:
        threshold = settings.section("R038").get("threshold")
        entry = {}
        for group, name in (("Buyer", "disqualified_buyers"), ("ProcuringEntity", "disqualified_procuring_entities"), ("Tenderer", "disqualified_tenderers")):
            data = stats(name)
            if not data.get("count"):
                continue  # Cardinal: no organisation reaches the minimum support, no fence
            if threshold is None:
                entry[f"{group}_q1"] = _round(data.get("q1"))
                entry[f"{group}_q3"] = _round(data.get("q3"))
                entry[f"{group}_upper_fence"] = _round(data.get("upper_fence"))
            else:
                entry[f"{group}_upper_fence"] = _round(float(threshold))
        if entry:
            meta["R038"] = entry
    if "R048" in codes:
        threshold = settings.section("R048").get("threshold")
        variety = stats("supplier_variety")
        if threshold is not None:
            meta["R048"] = {"upper_fence": _round(float(threshold))}
        else:
            meta["R048"] = {"q1": _round(variety.get("q1")), "q3": _round(variety.get("q3")), "upper_fence": _round(variety.get("upper_fence"))}
    return meta
