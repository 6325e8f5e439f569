"""Reference pages generated from rulesets: one Markdown page per ruleset, one section per flag.

Each flag section reads like one of Cardinal's indicator pages: the definition in words, the
condition, its parameters, severity and weight, the references, and an example event that fires
it, with the message the engine gives. The example is evaluated while the page is written, so a
page never shows an example that does not fire.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from riskengine.engine.core import Engine
from riskengine.expressions import ir
from riskengine.ruleset.model import Flag, Ruleset
from riskengine.ruleset.types import ListOf, Object, walk_fields

_WORDS = {"==": "is", "!=": "is not", "<": "is below", "<=": "is at most", ">": "is above", ">=": "is at least"}


class ExampleError(Exception):
    """A flag's example does not fire the flag."""


def ruleset_markdown(ruleset: Ruleset) -> str:
    lines = [f"# {ruleset.title}", ""]
    lines += [f"Ruleset `{ruleset.id}`, version {ruleset.version}. Generated from `{Path(ruleset.path).name}` by `riskengine docs`; do not edit by hand.", ""]
    if ruleset.description:
        lines += [ruleset.description.strip(), ""]
    lines += _flag_index(ruleset) + _kinds(ruleset) + _params(ruleset) + _derived(ruleset) + _features(ruleset)
    lines += _baselines(ruleset) + _scoring(ruleset)
    lines += ["## Flags", ""]
    for flag in ruleset.flags:
        lines += flag_section(ruleset, flag)
    return "\n".join(lines).rstrip() + "\n"


def _flag_index(ruleset: Ruleset) -> list[str]:
    lines = ["| flag | title | on | severity | weight | typology |", "|---|---|---|---|---|---|"]
    for flag in ruleset.flags:
        lines.append(f"| [{flag.id}](#{_anchor(flag)}) | {flag.title} | {', '.join(flag.kinds)} | {flag.severity} | {flag.weight} | {flag.typology or ''} |")
    return lines + [""]


def _anchor(flag: Flag) -> str:
    return flag.id.lower().replace(" ", "-")


def _kinds(ruleset: Ruleset) -> list[str]:
    lines = ["## Events", ""]
    for kind in ruleset.kinds.values():
        time = f", time `{kind.time}`" if kind.time else ""
        lines += [f"### `{kind.name}`", "", f"Entity `{kind.entity}`{time}." + (f" {kind.description}" if kind.description else ""), ""]
        lines += ["| field | type |", "|---|---|"]
        for name, field_type in walk_fields(kind.fields):
            shown = "list of objects" if isinstance(field_type, ListOf) and isinstance(field_type.item, Object) else str(field_type)
            lines.append(f"| `{name}` | {shown} |")
        lines.append("")
    return lines


def _table(title: str, columns: list[str], rows: list[list[str]], intro: tuple[str, ...] = ()) -> list[str]:
    """A section holding one Markdown table; nothing when there are no rows."""
    if not rows:
        return []
    lines = [f"## {title}", "", *intro, *([""] if intro else [])]
    lines += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


def _params(ruleset: Ruleset) -> list[str]:
    rows = [[f"`{p.name}`", f"`{_json(p.default)}`", p.description or ""] for p in ruleset.params.values()]
    return _table("Parameters", ["param", "default", "description"], rows)


def _derived(ruleset: Ruleset) -> list[str]:
    rows = [[f"`{v.name}`", f"`{v.text.strip()}`", v.description or ""] for v in ruleset.derived.values()]
    return _table("Derived values", ["name", "value", "description"], rows)


def _features(ruleset: Ruleset) -> list[str]:
    rows = []
    for feature in ruleset.features.values():
        keys = "; ".join(f"{kind}: {', '.join(fields)}" for kind, fields in feature.keys.items())
        window = (feature.window_text or describe_duration(feature.window)) + (" around" if feature.around else "")
        aggregate = feature.aggregate + (f"({feature.field})" if feature.field else "")
        rows.append([f"`{feature.name}`", aggregate, ", ".join(feature.over), keys, window, feature.description or ""])
    return _table("Stateful features", ["name", "aggregate", "over", "key", "window", "description"], rows)


def describe_duration(microseconds: int) -> str:
    """The largest unit that divides the duration: ``16 weeks``, ``24 hours``, ``90 minutes``."""
    for unit, size in (("week", 604_800_000_000), ("day", 86_400_000_000), ("hour", 3_600_000_000), ("minute", 60_000_000)):
        if microseconds % size == 0 and microseconds >= size:
            count = microseconds // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{microseconds / 60_000_000:g} minutes"


def _baselines(ruleset: Ruleset) -> list[str]:
    rows = []
    for name, baseline in ruleset.baselines.items():
        where = "every event" if baseline.where_text is None else f"`{' '.join(baseline.where_text.split())}`"
        rows.append([f"`{name}`", f"`{baseline.of.name}`", ", ".join(baseline.kinds), where, baseline.description or ""])
    intro = (
        "Statistics over the whole data set (type-8 quartiles, Tukey fences at 1.5 IQR), computed in a first",
        "pass or loaded with `--baseline`; flags use them as `baseline.NAME.q1`, `.q3`, `.lower_fence`, `.upper_fence`.",
    )
    return _table("Dataset baselines", ["name", "of", "on", "counted when", "description"], rows, intro)


def _scoring(ruleset: Ruleset) -> list[str]:
    scoring = ruleset.scoring
    bands = ", ".join(f"{name} from {lower}" for name, lower in scoring.bands)
    cap = f", typology cap {scoring.typology_cap}" if scoring.typology_cap is not None else ""
    return ["## Scoring", "", f"Method `{scoring.method}`, maximum {scoring.max_score}{cap}. Bands: {bands}.", ""]


def flag_section(ruleset: Ruleset, flag: Flag) -> list[str]:
    lines = [f"### {flag.id}: {flag.title}", ""]
    lines += [f"**Severity** {flag.severity} · **weight** {flag.weight}" + (f" · **typology** {flag.typology}" if flag.typology else "")
              + (f" · **forces band** {flag.force_band}" if flag.force_band else "") + f" · **on** {', '.join(flag.kinds)}", ""]
    lines += [f"**Definition.** The flag fires when {describe(flag.condition)}.", ""]
    if flag.description:
        lines += [flag.description.strip(), ""]
    lines += ["```python", flag.when.strip(), "```", ""]
    params = [name[7:] for name in flag.referenced if name.startswith("params.")]
    if params:
        lines += ["**Parameters.** " + "; ".join(
            f"`{name}` = `{_json(ruleset.params[name].value)}`" + (f" ({ruleset.params[name].description})" if ruleset.params[name].description else "")
            for name in params), ""]
    lines += [f"**Explanation.** {flag.explain}", ""]
    if flag.references:
        lines += ["**References.**", ""] + [f"- {reference}" for reference in flag.references] + [""]
    if flag.example:
        lines += _example(ruleset, flag)
    return lines


def _example(ruleset: Ruleset, flag: Flag) -> list[str]:
    example: dict[str, Any] = flag.example or {}
    engine = Engine(ruleset)
    for earlier in example.get("earlier", []):
        engine.evaluate(earlier)
    assessment = engine.evaluate(example["event"])
    hit = next((found for found in assessment.flags if found.id == flag.id), None)
    if hit is None:
        raise ExampleError(
            f"{ruleset.path}:{flag.line}: the example of {flag.id} does not fire it "
            f"(status {assessment.status}, fired {[f.id for f in assessment.flags]}, "
            f"not evaluable {[n.id for n in assessment.not_evaluable]}, errors {[e.problem for e in assessment.errors]})"
        )
    lines = ["**Example.**", ""]
    if example.get("earlier"):
        lines += ["Earlier events:", "", "```json"] + [json.dumps(event, ensure_ascii=False) for event in example["earlier"]] + ["```", ""]
    lines += ["```json", json.dumps(example["event"], ensure_ascii=False), "```", ""]
    lines += [f"fires {flag.id}: “{hit.message}”", ""]
    lines += ["Evidence: " + ", ".join(f"`{name}` = `{_json(value)}`" for name, value in hit.evidence.items()), ""]
    return lines


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def describe(node: ir.Node) -> str:
    """The condition in words, for the definition line of a flag's section."""
    if isinstance(node, ir.And):
        return " and ".join(_grouped(operand, ir.Or) for operand in node.operands)
    if isinstance(node, ir.Or):
        return " or ".join(_grouped(operand, ir.And) for operand in node.operands)
    if isinstance(node, ir.Not):
        return f"it is not the case that {describe(node.operand)}"
    if isinstance(node, ir.Compare):
        return f"{describe(node.left)} {_WORDS[node.operator]} {describe(node.right)}"
    if isinstance(node, ir.Membership):
        return f"{describe(node.element)} is {'not ' if node.negated else ''}one of {describe(node.container)}"
    if isinstance(node, ir.Presence):
        return f"{describe(node.subject)} is {'known' if node.present else 'missing'}"
    if isinstance(node, ir.Matches):
        return f"{describe(node.subject)} matches the pattern `{node.pattern}`"
    if isinstance(node, ir.Quantifier):
        word = "some item" if node.quantifier == "any" else "every item"
        return f"for {word} `{node.variable}` of {describe(node.source)}, {describe(node.condition)}"
    if isinstance(node, ir.Truth):
        return f"{describe(node.value)} is true"
    if isinstance(node, ir.Name):
        return f"`{node.name}`"
    if isinstance(node, ir.Param):
        return f"the parameter `{node.name}` ({_json(node.value)})"
    if isinstance(node, ir.ItemField):
        return f"`{'.'.join((node.variable,) + node.path)}`"
    if isinstance(node, ir.Literal):
        return _json(node.value if not hasattr(node.value, "isoformat") else node.value.isoformat())
    if isinstance(node, ir.ListLiteral):
        return "[" + ", ".join(describe(item) for item in node.items) + "]"
    if isinstance(node, ir.Arithmetic):
        return f"{describe(node.left)} {node.operator} {describe(node.right)}"
    if isinstance(node, ir.Negate):
        return f"-{describe(node.operand)}"
    if isinstance(node, ir.Call):
        return f"{node.function}({', '.join(describe(argument) for argument in node.arguments)})"
    if isinstance(node, ir.Aggregate):
        return f"{node.function} of {describe(node.body)} over `{node.variable}` in {describe(node.source)}"
    return "?"


def _grouped(node: ir.Node, other: type) -> str:
    text = describe(node)
    return f"({text})" if isinstance(node, other) else text


def write_docs(rulesets: list[Ruleset], out_dir: str | Path) -> list[Path]:
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for ruleset in rulesets:
        page = target / f"{ruleset.id}.md"
        page.write_text(ruleset_markdown(ruleset), encoding="utf-8")
        written.append(page)
    return written
