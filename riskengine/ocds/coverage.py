"""Data coverage: which fields each flag needs, how many processes have them, and how often the flag
could be evaluated at all.

In real OCDS data most flags are not evaluable for lack of data (Cardinal's own analysis finds the
bid-level indicators well supported in at most 2 of 84 Data Registry datasets). The summary says so
per flag: the events of its kind, the share on which it was evaluable, how often it fired, the
fields it needs with the share of events that carry each (and the OCDS path they come from), and
the fields most often missing when it was not evaluable.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from riskengine.engine.assessment import Assessment
from riskengine.expressions import ir
from riskengine.ocds.events import FIELD_SOURCES, ConvertStats
from riskengine.ruleset.model import Flag, Ruleset


@dataclass
class FlagCoverage:
    id: str
    title: str
    kinds: tuple[str, ...]
    needs: list[str]
    events: int = 0
    evaluable: int = 0
    fired: int = 0
    missing: Counter[str] = field(default_factory=Counter)

    @property
    def share(self) -> float:
        return self.evaluable / self.events if self.events else 0.0


def needed_fields(flag: Flag, ruleset: Ruleset) -> list[str]:
    """The event fields a flag's condition reads (through derived values and features too); the
    data set's statistics appear as ``baseline.NAME``."""
    found: list[str] = []

    def add(name: str) -> None:
        if name not in found:
            found.append(name)

    def visit(name: ir.Name | str, seen: frozenset[str]) -> None:
        text = name.name if isinstance(name, ir.Name) else name
        if text in seen:
            return
        if text in ruleset.derived:
            for inner in ir.names(ruleset.derived[text].expression):
                visit(inner, seen | {text})
        elif text in ruleset.features:
            feature = ruleset.features[text]
            if feature.field:
                add(feature.field)
            for kind in flag.kinds:
                for key in feature.keys.get(kind, ()):
                    add(key)
        elif text.startswith("baseline."):
            add(".".join(text.split(".")[:2]))
        else:
            add(text.split(".")[0])

    for name in ir.names(flag.condition):
        visit(name, frozenset())
    return found


class Coverage:
    """Accumulates assessments; ``rows()`` gives one FlagCoverage per flag."""

    def __init__(self, ruleset: Ruleset):
        self.ruleset = ruleset
        self.flags = {flag.id: FlagCoverage(flag.id, flag.title, flag.kinds, needed_fields(flag, ruleset)) for flag in ruleset.flags}
        self.by_kind: dict[str, list[str]] = {}
        for flag in ruleset.flags:
            for kind in flag.kinds:
                self.by_kind.setdefault(kind, []).append(flag.id)

    def add(self, assessment: Assessment) -> None:
        if assessment.status != "scored" or assessment.kind is None:
            return
        missing = {item.id: item.missing for item in assessment.not_evaluable}
        fired = {hit.id for hit in assessment.flags}
        for flag_id in self.by_kind.get(assessment.kind, []):
            row = self.flags[flag_id]
            row.events += 1
            if flag_id in missing:
                row.missing.update(missing[flag_id])
            else:
                row.evaluable += 1
                if flag_id in fired:
                    row.fired += 1

    def rows(self) -> list[FlagCoverage]:
        return list(self.flags.values())


def field_share(stats: ConvertStats, kinds: tuple[str, ...], name: str) -> tuple[int, int]:
    """(events carrying the field, events) over the flag's kinds."""
    have = sum(stats.field_counts.get(kind, Counter()).get(name, 0) for kind in kinds)
    total = sum(stats.events.get(kind, 0) for kind in kinds)
    return have, total


def coverage_document(coverage: Coverage, stats: ConvertStats | None) -> dict[str, Any]:
    """The coverage summary as JSON."""
    flags = []
    for row in coverage.rows():
        needs = []
        for name in row.needs:
            entry: dict[str, Any] = {"field": name}
            if name.startswith("baseline."):
                entry["source"] = "statistics of the data set"
            else:
                entry["source"] = FIELD_SOURCES.get(name, name)
                if stats is not None:
                    have, total = field_share(stats, row.kinds, name)
                    entry["events_with_field"] = have
                    entry["events"] = total
            needs.append(entry)
        flags.append({
            "id": row.id, "title": row.title, "on": list(row.kinds), "events": row.events,
            "evaluable": row.evaluable, "evaluable_share": round(row.share, 4), "fired": row.fired,
            "needs": needs, "most_missing": [name for name, _ in row.missing.most_common(3)],
        })
    evaluable = sum(1 for row in coverage.rows() if row.evaluable)
    return {"flags_evaluable_somewhere": evaluable, "flag_count": len(flags), "flags": flags}


def render_coverage(console: Any, coverage: Coverage, stats: ConvertStats | None) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Data coverage: events of each flag's kind, and on how many it could be evaluated", title_justify="left")
    for column, justify in (("flag", "left"), ("on", "left"), ("events", "right"), ("evaluable", "right"), ("fired", "right"), ("fields needed (share of events that have them)", "left"), ("most often missing", "left")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for row in coverage.rows():
        needs = []
        for name in row.needs:
            if name.startswith("baseline."):
                needs.append(f"{name} (data set)")
            elif stats is not None:
                have, total = field_share(stats, row.kinds, name)
                needs.append(f"{name} {have / total:.0%}" if total else f"{name} -")
            else:
                needs.append(name)
        share = f"{row.evaluable} ({row.share:.0%})" if row.events else "-"
        table.add_row(
            Text(row.id), ", ".join(row.kinds), str(row.events), share, str(row.fired),
            Text(", ".join(needs)), Text(", ".join(name for name, _ in row.missing.most_common(2))),
        )
    console.print(table)
    evaluable = [row for row in coverage.rows() if row.evaluable]
    console.print(f"{len(evaluable)} of {len(coverage.rows())} flags could be evaluated on some event of this data set.", markup=False)
