"""`make demo`: score every shipped ruleset on its example events and print what a compliance
officer would look at first: bands, top flags, riskiest entities and, where the examples carry
labels of planted risk patterns, the recall and precision of the ruleset on them."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from riskengine import Engine, load_ruleset

ROOT = Path(__file__).resolve().parent.parent
console = Console()


def main() -> int:
    for ruleset_path in sorted((ROOT / "rulesets").glob("*.yaml")):
        ruleset = load_ruleset(ruleset_path)
        events_path = ROOT / "examples" / ruleset.id / "events.jsonl"
        if not events_path.exists():
            console.print(f"[yellow]{ruleset.id}: no example events at {events_path.relative_to(ROOT)}[/]")
            continue
        engine = Engine(ruleset)
        with events_path.open(encoding="utf-8") as lines:
            assessments = [engine.evaluate_json(line) for line in lines if line.strip()]
        report(ruleset, assessments, events_path.parent / "labels.jsonl")
    return 0


def report(ruleset, assessments, labels_path: Path) -> None:
    console.rule(f"[bold]{ruleset.title}[/] ({ruleset.id} {ruleset.version}, {len(ruleset.flags)} flags)")
    scored = [a for a in assessments if a.status == "scored"]
    rejected = [a for a in assessments if a.status == "rejected"]
    console.print(f"{len(assessments)} events: {len(scored)} scored, {len(rejected)} rejected")
    for assessment in rejected[:3]:
        errors = "; ".join(f"{e.field}: {e.problem}" for e in assessment.errors)
        console.print(f"  [red]rejected[/] {assessment.event_id}: {errors}")

    bands = Counter(a.band for a in scored)
    band_table = Table("band", "events", title="Bands")
    for name, _ in ruleset.scoring.bands:
        band_table.add_row(name, str(bands.get(name, 0)))
    fired = Counter(flag.id for a in scored for flag in a.flags)
    flag_table = Table("flag", "title", "fired", title="Top flags")
    for flag_id, count in fired.most_common(8):
        flag_table.add_row(flag_id, ruleset.flag(flag_id).title, str(count))
    riskiest: dict[str, float] = {}
    for a in scored:
        if a.entity is not None:
            riskiest[str(a.entity)] = max(riskiest.get(str(a.entity), 0.0), a.score or 0.0)
    entity_table = Table("entity", "max score", title="Riskiest entities")
    for entity, score in sorted(riskiest.items(), key=lambda item: (-item[1], item[0]))[:5]:
        entity_table.add_row(entity, f"{score:.2f}")
    console.print(band_table, flag_table, entity_table)

    if labels_path.exists():
        expected = set()
        for line in labels_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                label = json.loads(line)
                expected.add((str(label["event_id"]), label["flag"]))
        found = {(str(a.event_id), flag.id) for a in scored for flag in a.flags}
        planted_flags = {flag for _, flag in expected}
        hits = expected & found
        recall = len(hits) / len(expected) if expected else 1.0
        relevant = {pair for pair in found if pair[1] in planted_flags}
        precision = len(hits) / len(relevant) if relevant else 1.0
        console.print(f"planted patterns: {len(expected)}; recall {recall:.3f}; precision {precision:.3f}")


if __name__ == "__main__":
    sys.exit(main())
