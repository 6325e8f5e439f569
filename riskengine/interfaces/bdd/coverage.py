"""Flag coverage: which flags of each ruleset the scenarios saw fire, not fire, or not evaluable.

A flag counts as *firing* when some scenario asserted ``Then the flag "X" fires`` (or checked its
explanation) and that step passed; *not firing* when a ``does not fire`` step passed; *not
evaluable* when an ``is not evaluable`` step passed. A flag no passing step asserted is untouched.

The share that ``--min-coverage`` checks is, per ruleset, the flags with a firing scenario over all
flags, rounded down (99.95% is shown and checked as 99.9%, never as 100%). A run in which no scenario
ran fails the check.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from riskengine.ruleset.model import Ruleset

FIRES, NOT_FIRED, NOT_EVALUABLE = "fires", "does_not_fire", "not_evaluable"
OUTCOMES = (FIRES, NOT_FIRED, NOT_EVALUABLE)


def floor_percent(part: int, whole: int) -> float:
    """``part / whole`` as a percentage rounded down to one decimal (100.0 for an empty whole)."""
    if whole == 0:
        return 100.0
    return (part * 1000 // whole) / 10


@dataclass
class FlagCoverage:
    id: str
    title: str
    line: int
    scenarios: dict[str, set[str]] = field(default_factory=lambda: {outcome: set() for outcome in OUTCOMES})

    @property
    def status(self) -> str:
        if self.scenarios[FIRES] and (self.scenarios[NOT_FIRED] or self.scenarios[NOT_EVALUABLE]):
            return "covered"
        if self.scenarios[FIRES]:
            return "fires only"
        if self.scenarios[NOT_FIRED] or self.scenarios[NOT_EVALUABLE]:
            return "never fires"
        return "untouched"


@dataclass
class RulesetCoverage:
    id: str
    version: str
    path: str  # as shown: relative to the current directory when it is below it
    flags: dict[str, FlagCoverage]

    @property
    def firing(self) -> int:
        return sum(1 for flag in self.flags.values() if flag.scenarios[FIRES])

    @property
    def percent(self) -> float:
        return floor_percent(self.firing, len(self.flags))


@dataclass
class CoverageStore:
    """Collected during the session, reported at its end."""

    rulesets: dict[str, RulesetCoverage] = field(default_factory=dict)  # by resolved file path
    scenarios_run: int = 0

    def register(self, ruleset: Ruleset, path: Path) -> str:
        key = str(path.resolve())
        if key not in self.rulesets:
            self.rulesets[key] = RulesetCoverage(
                id=ruleset.id,
                version=ruleset.version,
                path=display_path(path),
                flags={flag.id: FlagCoverage(flag.id, flag.title, flag.line) for flag in ruleset.flags},
            )
        return key

    def record(self, key: str, flag_id: str, outcome: str, scenario: str) -> None:
        coverage = self.rulesets.get(key)
        if coverage is not None and flag_id in coverage.flags:
            coverage.flags[flag_id].scenarios[outcome].add(scenario)

    # ------------------------------------------------------------------ results

    def failures(self, minimum: float | None) -> list[str]:
        """Why the run misses ``minimum`` percent (empty when it does not, or without a minimum)."""
        if minimum is None:
            return []
        if self.scenarios_run == 0:
            return ["no scenario ran"]
        if not self.rulesets:
            return ["no scenario used a ruleset"]
        return [
            f"ruleset '{coverage.id}' ({coverage.path}): {coverage.percent:.1f}% of its flags fire in a scenario, "
            f"below the required {minimum:g}%"
            for coverage in self.ordered()
            if coverage.percent < minimum
        ]

    def ordered(self) -> list[RulesetCoverage]:
        return sorted(self.rulesets.values(), key=lambda coverage: (coverage.id, coverage.path))

    def as_json(self, minimum: float | None) -> dict[str, Any]:
        failures = self.failures(minimum)
        return {
            "scenarios_run": self.scenarios_run,
            "min_coverage": minimum,
            "passed": not failures,
            "failures": failures,
            "rulesets": [
                {
                    "id": coverage.id,
                    "version": coverage.version,
                    "path": coverage.path,
                    "flags_total": len(coverage.flags),
                    "flags_firing": coverage.firing,
                    "percent_firing": coverage.percent,
                    "flags": [
                        {
                            "id": flag.id,
                            "title": flag.title,
                            "line": flag.line,
                            "status": flag.status,
                            **{outcome: sorted(flag.scenarios[outcome]) for outcome in OUTCOMES},
                        }
                        for flag in coverage.flags.values()
                    ],
                }
                for coverage in self.ordered()
            ],
        }

    def write_json(self, path: str | Path, minimum: float | None) -> None:
        target = Path(path)
        if target.parent and not target.parent.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(self.as_json(minimum), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def table_lines(self, minimum: float | None) -> list[str]:
        """The report as text lines for the terminal."""
        lines: list[str] = []
        for coverage in self.ordered():
            lines.append(
                f"ruleset {coverage.id} {coverage.version} ({coverage.path}): {coverage.firing} of "
                f"{len(coverage.flags)} flags fire in some scenario ({coverage.percent:.1f}%)"
            )
            id_width = max([len("flag")] + [len(flag_id) for flag_id in coverage.flags])
            lines.append(f"  {'flag':<{id_width}}  fires  does not fire  not evaluable  status       title")
            for flag in coverage.flags.values():
                counts = [len(flag.scenarios[outcome]) or "-" for outcome in OUTCOMES]
                lines.append(
                    f"  {flag.id:<{id_width}}  {counts[0]!s:<5}  {counts[1]!s:<13}  {counts[2]!s:<13}  "
                    f"{flag.status:<11}  {flag.title}"
                )
            never = [flag for flag in coverage.flags.values() if not flag.scenarios[FIRES]]
            if never:
                lines.append("  no scenario makes these flags fire:")
                for flag in never:
                    lines.append(f"    {coverage.path}:{flag.line}: {flag.id} {flag.title} ({flag.status})")
            lines.append("")
        failures = self.failures(minimum)
        if minimum is not None:
            if failures:
                lines += [f"FAILED flag coverage: {failure}" for failure in failures]
            else:
                lines.append(f"flag coverage: every ruleset reaches the required {minimum:g}%")
        return lines


def display_path(path: Path) -> str:
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(resolved)
