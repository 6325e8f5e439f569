"""Shared pieces of the stateful-feature tests: event kinds, feature specs as YAML and as oracle
definitions, hypothesis strategies for rulesets and event streams, and a ruleset cache.

Every distinct ruleset text registers a durable_rules ruleset that lives as long as the process, so
rulesets are cached by text and the strategies draw from a finite space.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Optional

from hypothesis import strategies as st

from riskengine import Engine, load_ruleset_text
from riskengine.ruleset.model import Ruleset

from .oracle import FeatureDef, KindDef, compare, duration, k_and, k_not, k_or

# ---------------------------------------------------------------------- event kinds

KINDS_YAML = """\
events:
  pay:
    entity: a
    time: t
    fields: {a: string, b: string, t: datetime, v: number, s: string, d: date, ok: boolean}
  game:
    entity: home
    time: at
    fields: {home: string, away: string, at: datetime, v: number, s: string, d: date}
  note:
    entity: a
    time: day
    fields: {a: string, b: string, day: date, v: number, s: string, d: date, ok: boolean}
"""

KINDS = {
    "pay": KindDef("t", "datetime", frozenset({"a", "b", "t", "v", "s", "d", "ok"})),
    "game": KindDef("at", "datetime", frozenset({"home", "away", "at", "v", "s", "d"})),
    "note": KindDef("day", "date", frozenset({"a", "b", "day", "v", "s", "d", "ok"})),
}

# key choices: YAML for `by`, key fields per kind, whether `unordered` makes sense
KEYS = {
    "a": ("a", {"pay": ("a",), "note": ("a",)}),
    "ab": ("[a, b]", {"pay": ("a", "b"), "note": ("a", "b")}),
    "pair": ("{pay: [a, b], game: [home, away]}", {"pay": ("a", "b"), "game": ("home", "away")}),
    "entity": ("{pay: a, game: home, note: a}", {"pay": ("a",), "game": ("home",), "note": ("a",)}),
}

# `where` choices: YAML text, the fields it reads, the same filter for the oracle (three-valued)
WHERES: dict[str, tuple[str, frozenset[str], Any]] = {
    "none": ("", frozenset(), None),
    "v_gt_1": ("v > 1", frozenset({"v"}), lambda e: compare(e.get("v"), lambda v: v > 1)),
    "v_or_s": (
        "v >= 2 or s == 'p'",
        frozenset({"v", "s"}),
        lambda e: k_or(compare(e.get("v"), lambda v: v >= 2), compare(e.get("s"), lambda s: s == "p")),
    ),
    "not_ok": ("not ok", frozenset({"ok"}), lambda e: k_not(e.get("ok"))),
    "b_and_v": (
        "b == 'x' and v < 3",
        frozenset({"b", "v"}),
        lambda e: k_and(compare(e.get("b"), lambda b: b == "x"), compare(e.get("v"), lambda v: v < 3)),
    ),
}

AGGREGATE_FIELDS = {
    "count": (None,),
    "since_previous": (None,),
    "sum": ("v",),
    "mean": ("v",),
    "min": ("v", "d"),
    "max": ("v", "d"),
    "distinct": ("v", "s", "d"),
    "first": ("v", "s", "d"),
    "last": ("v", "s", "d"),
    "previous": ("v", "s", "d"),
}
AGGREGATES = tuple(AGGREGATE_FIELDS)
WINDOWS = ("0 hours", "6 hours", "12 hours", "360 minutes", "1 days", "36 hours", "2 days", "1 weeks")
LATENESS = ("0 days", "6 hours", "12 hours", "1 days", "2 days")
UNITS = ("days", "hours", "minutes")
STEP = dt.timedelta(hours=6)
BASE = dt.datetime(2024, 1, 10, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Spec:
    """One feature as drawn: enough to write its YAML and its oracle definition."""

    aggregate: str
    key: str
    over: tuple[str, ...]
    window: str
    field: Optional[str]
    where: str
    around: bool
    include_current: bool
    unordered: bool
    unit: str

    def yaml(self, name: str) -> str:
        lines = [
            f"  {name}:",
            f"    aggregate: {self.aggregate}",
            f"    over: [{', '.join(self.over)}]",
            f"    by: {KEYS[self.key][0]}",
            f"    window: {self.window}",
        ]
        if self.field:
            lines.append(f"    field: {self.field}")
        if self.where != "none":
            lines.append(f'    where: "{WHERES[self.where][0]}"')
        if self.around:
            lines.append("    around: true")
        if self.include_current:
            lines.append("    include_current: true")
        if self.unordered:
            lines.append("    unordered: true")
        if self.aggregate == "since_previous":
            lines.append(f"    unit: {self.unit}")
        return "\n".join(lines)

    def oracle(self, name: str) -> FeatureDef:
        return FeatureDef(
            name=name,
            aggregate=self.aggregate,
            over=self.over,
            keys=KEYS[self.key][1],
            window=duration(self.window),
            field=self.field,
            where=WHERES[self.where][2],
            around=self.around,
            include_current=self.include_current,
            unordered=self.unordered,
            unit=self.unit,
        )


@st.composite
def feature_specs(draw: st.DrawFn, aggregates: tuple[str, ...] = AGGREGATES) -> Spec:
    aggregate = draw(st.sampled_from(aggregates))
    key = draw(st.sampled_from(sorted(KEYS)))
    kinds = sorted(KEYS[key][1])
    over = tuple(sorted(draw(st.sets(st.sampled_from(kinds), min_size=1, max_size=len(kinds)))))
    field = draw(st.sampled_from(AGGREGATE_FIELDS[aggregate]))
    readable = frozenset().union(*(KINDS[kind].fields for kind in over))
    wheres = [name for name, (_, needs, _) in WHERES.items() if needs <= readable]
    where = draw(st.sampled_from(wheres))
    return Spec(
        aggregate=aggregate,
        key=key,
        over=over,
        window=draw(st.sampled_from(WINDOWS)),
        field=field,
        where=where,
        around=draw(st.booleans()),
        include_current=draw(st.booleans()),
        unordered=key in ("ab", "pair") and draw(st.booleans()),
        unit=draw(st.sampled_from(UNITS)) if aggregate == "since_previous" else "days",
    )


@dataclass(frozen=True)
class RulesetSpec:
    features: tuple[Spec, ...]
    lateness: str
    evidence_limit: int

    def names(self) -> list[str]:
        return [f"f{index}_{spec.aggregate}" for index, spec in enumerate(self.features)]

    def text(self, ruleset_id: str = "feat") -> str:
        feature_yaml = "\n".join(spec.yaml(name) for name, spec in zip(self.names(), self.features))
        flags = []
        for name, spec in zip(self.names(), self.features):
            kinds = sorted(KEYS[spec.key][1])
            flags.append(
                f"  - id: F_{name}\n"
                f"    title: {name} is known\n"
                f"    on: [{', '.join(kinds)}]\n"
                f"    when: exists({name})\n"
                f"    severity: low\n"
                f"    weight: 1\n"
                f'    explain: "{name} = {{{name}}}"'
            )
        return (
            f'ruleset: {ruleset_id}\nversion: "1"\ntitle: Stateful feature test\n'
            + KINDS_YAML
            + f"settings:\n  allowed_lateness: {self.lateness}\n  evidence_limit: {self.evidence_limit}\n"
            + "features:\n" + feature_yaml + "\n"
            + "flags:\n" + "\n".join(flags) + "\n"
            + "scoring:\n  method: sum\n  max_score: 100\n  bands: {low: 0, medium: 2, high: 4}\n"
        )

    def oracle_features(self) -> list[FeatureDef]:
        return [spec.oracle(name) for name, spec in zip(self.names(), self.features)]

    @property
    def lateness_micros(self) -> int:
        return duration(self.lateness)


@st.composite
def ruleset_specs(draw: st.DrawFn, min_features: int = 1, max_features: int = 4, aggregates: tuple[str, ...] = AGGREGATES) -> RulesetSpec:
    features = draw(st.lists(feature_specs(aggregates), min_size=min_features, max_size=max_features))
    return RulesetSpec(tuple(features), draw(st.sampled_from(LATENESS)), draw(st.sampled_from((0, 1, 3, 10))))


_RULESETS: dict[str, Ruleset] = {}
MAX_RULESETS = 2000  # a safety net: each distinct text costs a durable_rules ruleset for the whole run


def ruleset_for(text: str) -> Ruleset:
    ruleset = _RULESETS.get(text)
    if ruleset is None:
        assert len(_RULESETS) < MAX_RULESETS, "too many distinct ruleset texts in one test run"
        ruleset = _RULESETS[text] = load_ruleset_text(text)
    return ruleset


def engine_for(text: str) -> Engine:
    return Engine(ruleset_for(text))


# ---------------------------------------------------------------------- events


def time_text(index: int, kind: str, style: int) -> str:
    moment = BASE + index * STEP
    if KINDS[kind].time_type == "date":
        return moment.date().isoformat()
    if style == 1:  # the same instant written with an offset
        return moment.astimezone(dt.timezone(dt.timedelta(hours=2))).isoformat()
    if style == 2:  # naive: documented as UTC
        return moment.replace(tzinfo=None).isoformat()
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


KEY_VALUES = ("x", "y", "x", "y", "z", None)
V_VALUES = (0, 1, 1.0, 2.5, -1.5, 3, 1, None)
S_VALUES = ("p", "q", "p", None)
D_VALUES = ("2024-01-01", "2023-12-31", "2024-03-01", None)
OK_VALUES = (True, False, None)


@st.composite
def event_streams(draw: st.DrawFn, min_size: int = 0, max_size: int = 40, rejected: bool = True) -> list[dict[str, Any]]:
    """Events on a coarse 6-hour grid: equal times and exact window-edge hits are common; some go
    back in time (out of order, within or beyond the allowed lateness); fields and keys go missing."""
    count = draw(st.integers(min_size, max_size))
    clock = 0
    events = []
    for position in range(count):
        kind = draw(st.sampled_from(("pay", "pay", "game", "note")))
        clock += draw(st.sampled_from((0, 0, 1, 1, 2, 4)))
        back = draw(st.sampled_from((0, 0, 0, 0, 1, 2, 4, 8)))
        event: dict[str, Any] = {"kind": kind}
        id_style = draw(st.sampled_from(("none", "none", "text", "int")))
        if id_style == "text":
            event["event_id"] = f"e{position}"
        elif id_style == "int":
            event["event_id"] = 1000 + position
        time_field = KINDS[kind].time_field
        if draw(st.integers(0, 14)) > 0:
            event[time_field] = time_text(clock - back, kind, draw(st.integers(0, 2)))
        for name in sorted(KINDS[kind].fields - {time_field}):
            pool = {"v": V_VALUES, "s": S_VALUES, "d": D_VALUES, "ok": OK_VALUES}.get(name, KEY_VALUES)
            value = draw(st.sampled_from(pool))
            if value is not None:
                event[name] = value
        if rejected and draw(st.integers(0, 24)) == 0:
            event["v"] = "1"  # a string for a number: rejected, takes no sequence number
        events.append(event)
    return events


def is_rejected(event: dict[str, Any]) -> bool:
    return isinstance(event.get("v"), str)
