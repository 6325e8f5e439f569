"""Command line of riskengine.ocds, registered by riskengine/interfaces/cli.py:

    riskengine cardinal INPUT... [--settings settings.ini]   Cardinal's output JSON, computed by the ruleset
    riskengine ocds events INPUT... [-o events.jsonl]         OCDS -> procurement events
    riskengine ocds score INPUT... [-o assessments.jsonl]     OCDS -> assessments (two passes, or --baseline)
    riskengine ocds coverage INPUT...                         which flags the data can support

INPUT is OCDS data: compiled releases as JSON Lines (the OCP Data Registry format), release
packages or record packages (one per line, or one JSON document), or - for standard input.
Reading problems (a bad JSON line, an object that is not OCDS, a package without releases) are
reported on standard error with their line, and reading goes on.

Exit codes: 0 success (also when some lines were skipped: they are reported); 1 when nothing can
be done (no such file, a bad settings or rates file, an invalid ruleset).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

import typer
from rich.console import Console
from rich.table import Table

from riskengine.engine.backend import BackendError
from riskengine.engine.baseline import BaselineError, load_baselines, save_baselines
from riskengine.ocds.cardinal import run_cardinal
from riskengine.ocds.coverage import Coverage, coverage_document, render_coverage
from riskengine.ocds.events import ConvertOptions, OcdsConverter
from riskengine.ocds.pipeline import DEFAULT_RULESET, OcdsOptionError, load_id_list, load_rates, ocds_events, score_events
from riskengine.ocds.reader import OcdsInputError, ReadStats, read_releases
from riskengine.ocds.settings import CardinalSettings, SettingsError, read_settings
from riskengine.ruleset.errors import RulesetError
from riskengine.ruleset.loader import load_ruleset
from riskengine.ruleset.model import Ruleset

MAX_PROBLEMS_SHOWN = 10

InputArgument = Annotated[list[str], typer.Argument(metavar="INPUT...", help="OCDS files (JSON Lines of compiled releases, release or record packages), or - for standard input.")]
SettingsOption = Annotated[Optional[Path], typer.Option("--settings", metavar="FILE", help="Cardinal's settings file (INI).")]
RulesetOption = Annotated[Path, typer.Option("--ruleset", metavar="FILE", help="The procurement ruleset.")]
CurrencyOption = Annotated[Optional[str], typer.Option("--currency", metavar="CODE", help="The main currency (default: the settings' currency, or the first one observed).")]
RatesOption = Annotated[Optional[Path], typer.Option("--rates", metavar="FILE", help='Exchange rates as JSON, {"USD": 0.92, ...}: one unit in the main currency. Without a rate, other currencies are skipped and counted.')]
DebarredOption = Annotated[Optional[Path], typer.Option("--debarred", metavar="FILE", help="Debarred or sanctioned organisation ids, one per line (PP25).")]
CancelledOption = Annotated[bool, typer.Option("--include-cancelled", help="Also convert processes whose tender is cancelled (skipped by default, as Cardinal does).")]
SetOption = Annotated[Optional[list[str]], typer.Option("--set", metavar="NAME=VALUE", help="Override a ruleset param (repeatable).", show_default=False)]


def _err() -> Console:
    return _console(stderr=True)


def _console(stderr: bool = False) -> Console:
    """Tables as wide as the terminal, or 160 columns when the output is a file or a pipe."""
    console = Console(stderr=stderr, highlight=False, soft_wrap=True)
    if not console.is_terminal:
        console = Console(stderr=stderr, highlight=False, soft_wrap=True, width=160)
    return console


def _fail(*messages: str) -> NoReturn:
    console = _err()
    for message in messages:
        console.print(f"error: {message}", markup=False)
    raise typer.Exit(1)


# ---------------------------------------------------------------------- shared


def _settings(path: Path | None) -> CardinalSettings:
    try:
        return read_settings(path)
    except SettingsError as error:
        _fail(str(error))


def _reading_options(settings_path: Path | None, currency: str | None, rates: Path | None, debarred: Path | None, include_cancelled: bool) -> tuple[ConvertOptions, dict[str, Any]]:
    """Options for scoring (not Cardinal's strict reading rules) and the params the settings imply."""
    params: dict[str, Any] = {}
    options = ConvertOptions()
    if settings_path is not None:
        settings = _settings(settings_path)
        base = settings.options()
        options = dataclasses.replace(
            base, cardinal=False, strict_dates=False, fill_number_of_tenderers=True, kinds=None,
            cardinal_price_codes=ConvertOptions().cardinal_price_codes,
        )
        params = {name: value for name, value in settings.params().items() if name != "fence_fallback"}
    try:
        if rates is not None:
            options.rates = load_rates(rates)
        if debarred is not None:
            options.debarred_ids = load_id_list(debarred)
    except OcdsOptionError as error:
        _fail(str(error))
    if currency:
        options.main_currency = currency
    options.include_cancelled = include_cancelled
    return options, params


def _ruleset(path: Path, params: dict[str, Any], assignments: list[str] | None) -> Ruleset:
    if assignments:
        from riskengine.interfaces.cli import _parse_overrides, load_with_overrides

        base = load_with_overrides(path, None)
        params = {**params, **_parse_overrides(base, assignments)}
    try:
        return load_ruleset(path, params=params or None)
    except RulesetError as error:
        _fail(*[diagnostic.render() for diagnostic in error.diagnostics])
    except OSError as error:
        _fail(f"cannot read the ruleset '{path}': {error.strerror or error}")


def _convert(inputs: list[str], options: ConvertOptions, sort: bool = True) -> tuple[list[dict[str, Any]], OcdsConverter, ReadStats]:
    try:
        return ocds_events(inputs, options, sort=sort)
    except OcdsInputError as error:
        _fail(str(error))


def render_reading(console: Console, read_stats: ReadStats, converter: OcdsConverter) -> None:
    """What was read, what was skipped and why, and what was repaired."""
    stats = converter.stats
    console.print(
        f"read {read_stats.lines} JSON lines or documents: {read_stats.compiled_releases} compiled releases, "
        f"{read_stats.release_packages} release packages, {read_stats.record_packages} record packages "
        f"({read_stats.records} records), {read_stats.releases_merged} releases merged into compiled releases; "
        f"{read_stats.problem_count} problems",
        markup=False,
    )
    for problem in read_stats.problems[:MAX_PROBLEMS_SHOWN]:
        console.print(f"  {problem.render()}", markup=False)
    if read_stats.problem_count > MAX_PROBLEMS_SHOWN:
        console.print(f"  ... and {read_stats.problem_count - MAX_PROBLEMS_SHOWN} more", markup=False)
    skipped = ", ".join(f"{count} {reason}" for reason, count in stats.skipped.most_common()) or "none"
    console.print(f"{stats.processes} contracting processes: {stats.converted} converted; skipped: {skipped}", markup=False)
    currency = stats.main_currency or "none observed"
    console.print(f"main currency: {currency}", markup=False)
    if stats.amounts_skipped:
        other = ", ".join(f"{count} in {code}" for code, count in stats.amounts_skipped.most_common())
        console.print(f"  amounts in another currency skipped (give --rates to convert them): {other}", markup=False)
    if stats.amounts_converted:
        converted = ", ".join(f"{count} from {code}" for code, count in stats.amounts_converted.most_common())
        console.print(f"  amounts converted with --rates: {converted}", markup=False)
    if stats.amounts_without_currency:
        console.print(f"  amounts without a currency, taken as {currency}: {stats.amounts_without_currency}", markup=False)
    if stats.bad_dates:
        dates = ", ".join(f"{count} in {name}" for name, count in stats.bad_dates.most_common(5))
        console.print(f"  dates that are not RFC 3339 date-times, ignored: {dates}", markup=False)
    if stats.quirks.counts:
        console.print("repaired publisher quirks:", markup=False)
        for what, count in stats.quirks.counts.most_common(MAX_PROBLEMS_SHOWN):
            console.print(f"  {count} x {what}", markup=False)
    kinds = ", ".join(f"{count} {kind}" for kind, count in stats.events.items())
    console.print(f"events: {kinds or 'none'}", markup=False)


# ---------------------------------------------------------------------- riskengine cardinal


def cardinal(
    inputs: InputArgument,
    settings_path: SettingsOption = None,
    ruleset_path: RulesetOption = DEFAULT_RULESET,
    prepare: Annotated[bool, typer.Option("--prepare", help="Apply the [defaults], [codelists.*] and [redactions] sections of Cardinal's prepare command while reading.")] = False,
    no_meta: Annotated[bool, typer.Option("--no-meta", help="Leave out the Meta group (quartiles and fences), as Cardinal's --no-meta.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="OUT", help="Write the JSON here, not to standard output.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No reading summary on standard error.")] = False,
) -> None:
    """Cardinal's indicators (R003 R018 R024 R025 R028 R030 R035 R036 R038 R048 R058) and output JSON,
    computed by rulesets/procurement.yaml through the engine.

    Reads Cardinal's own settings file: an indicator runs if its section is present (all of them
    without --settings), with the same keys and defaults."""
    settings = _settings(settings_path)
    console = _err()
    for warning in settings.warnings(prepare):
        console.print(f"warning: {warning}", markup=False)
    read_stats = ReadStats()
    try:
        run = run_cardinal(read_releases(inputs, read_stats), settings, ruleset_path, apply_prepare=prepare, meta=not no_meta)
    except OcdsInputError as error:
        _fail(str(error))
    except RulesetError as error:
        _fail(*[diagnostic.render() for diagnostic in error.diagnostics])
    except (SettingsError, BackendError) as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"cannot read the ruleset '{ruleset_path}': {error.strerror or error}")
    text = json.dumps(run.output, ensure_ascii=False, separators=(",", ":"))
    if output is None:
        sys.stdout.write(text + "\n")
    else:
        output.write_text(text + "\n", encoding="utf-8")
    if not quiet:
        render_reading(console, read_stats, run.converter)
        flagged = ", ".join(f"{code} {count}" for code, count in sorted(run.flagged.items())) or "none"
        console.print(f"indicators: {', '.join(settings.indicators)}; flagged: {flagged}", markup=False)


# ---------------------------------------------------------------------- riskengine ocds ...

ocds_app = typer.Typer(help="OCDS data: convert it to procurement events, score it, and see which flags it supports.", no_args_is_help=True)


@ocds_app.command("events")
def events_command(
    inputs: InputArgument,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="OUT", help="Write the events here, not to standard output.")] = None,
    settings_path: SettingsOption = None,
    currency: CurrencyOption = None,
    rates: RatesOption = None,
    debarred: DebarredOption = None,
    include_cancelled: CancelledOption = False,
) -> None:
    """Convert OCDS data into the events of rulesets/procurement.yaml (JSON Lines, in time order,
    then the buyer, procuring-entity and tenderer summaries)."""
    options, _ = _reading_options(settings_path, currency, rates, debarred, include_cancelled)
    events, converter, read_stats = _convert(inputs, options)
    try:
        sink = sys.stdout if output is None else output.open("w", encoding="utf-8", newline="\n")
    except OSError as error:
        _fail(f"cannot write '{output}': {error.strerror or error}")
    try:
        for event in events:
            sink.write(json.dumps(event, ensure_ascii=False) + "\n")
    finally:
        if output is not None:
            sink.close()
    render_reading(_err(), read_stats, converter)


@ocds_app.command("score")
def score_command(
    inputs: InputArgument,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="OUT", help="Write the assessments here, not to standard output.")] = None,
    ruleset_path: RulesetOption = DEFAULT_RULESET,
    assignments: SetOption = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", metavar="FILE", help="Use these data set statistics (riskengine baseline build) instead of computing them over INPUT.")] = None,
    save_baseline: Annotated[Optional[Path], typer.Option("--save-baseline", metavar="FILE", help="Also write the statistics computed over INPUT, for scoring a stream later.")] = None,
    coverage_json: Annotated[Optional[Path], typer.Option("--coverage-json", metavar="FILE", help="Write the data coverage summary as JSON.")] = None,
    settings_path: SettingsOption = None,
    currency: CurrencyOption = None,
    rates: RatesOption = None,
    debarred: DebarredOption = None,
    include_cancelled: CancelledOption = False,
) -> None:
    """Score OCDS data with rulesets/procurement.yaml: assessments as JSON Lines, with each flag's
    explanation and evidence (the data set's quartiles and fences for dataset-relative flags); a
    summary and the data coverage on standard error."""
    options, params = _reading_options(settings_path, currency, rates, debarred, include_cancelled)
    ruleset = _ruleset(ruleset_path, params, assignments)
    events, converter, read_stats = _convert(inputs, options)
    statistics = None
    if baseline is not None:
        try:
            statistics = load_baselines(baseline, ruleset)
        except BaselineError as error:
            _fail(str(error))
    try:
        engine, statistics, assessments = score_events(ruleset, events, statistics)
    except BackendError as error:
        _fail(f"{ruleset.path}: {error}")
    if save_baseline is not None:
        save_baselines(save_baseline, ruleset, statistics)
    from riskengine.interfaces.cli import ScoreSummary, render_riskiest

    summary = ScoreSummary(bands=[name for name, _ in ruleset.scoring.bands])
    coverage = Coverage(ruleset)
    try:
        sink = sys.stdout if output is None else output.open("w", encoding="utf-8", newline="\n")
    except OSError as error:
        _fail(f"cannot write '{output}': {error.strerror or error}")
    try:
        for _, assessment in assessments:
            summary.add(assessment)
            coverage.add(assessment)
            sink.write(assessment.to_json() + "\n")
    finally:
        if output is not None:
            sink.close()
        else:
            sink.flush()
    console = _err()
    render_reading(console, read_stats, converter)
    _render_baselines(console, statistics)
    summary.render(console)
    render_riskiest(console, engine.entity_profiles())
    render_coverage(console, coverage, converter.stats)
    if coverage_json is not None:
        coverage_json.write_text(json.dumps(coverage_document(coverage, converter.stats), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    raise typer.Exit(2 if summary.rejected else 0)


@ocds_app.command("coverage")
def coverage_command(
    inputs: InputArgument,
    ruleset_path: RulesetOption = DEFAULT_RULESET,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on standard output.")] = False,
    settings_path: SettingsOption = None,
    currency: CurrencyOption = None,
    rates: RatesOption = None,
) -> None:
    """Which flags the data can support: for each flag, the fields it needs, the share of events
    that have them, and on how many events it could be evaluated."""
    options, params = _reading_options(settings_path, currency, rates, None, False)
    ruleset = _ruleset(ruleset_path, params, None)
    events, converter, read_stats = _convert(inputs, options)
    try:
        _, _, assessments = score_events(ruleset, events)
    except BackendError as error:
        _fail(f"{ruleset.path}: {error}")
    coverage = Coverage(ruleset)
    for _, assessment in assessments:
        coverage.add(assessment)
    if as_json:
        sys.stdout.write(json.dumps(coverage_document(coverage, converter.stats), indent=2, ensure_ascii=False) + "\n")
        render_reading(_err(), read_stats, converter)
        return
    console = _console()
    render_reading(console, read_stats, converter)
    render_coverage(console, coverage, converter.stats)


def _render_baselines(console: Console, statistics: dict[str, dict[str, Any]]) -> None:
    if not statistics:
        return
    table = Table("baseline", "count", "q1", "q3", "lower fence", "upper fence", title="Data set statistics (Tukey fences, type-8 quartiles)", title_justify="left")
    for name, values in statistics.items():
        table.add_row(name, str(values.get("count", 0)), *("-" if values.get(key) is None else f"{values[key]:.6g}" for key in ("q1", "q3", "lower_fence", "upper_fence")))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add ``riskengine cardinal`` and ``riskengine ocds ...`` to the command line."""
    app.command("cardinal")(cardinal)
    app.add_typer(ocds_app, name="ocds")
