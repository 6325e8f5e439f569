"""The ``riskengine`` command line (DESIGN §5): validate, score, explain and compile rulesets.

    riskengine validate PATH...                      problems as ``path:line:col: error: message``
    riskengine score RULESET [EVENTS] [-o OUT]       assessments as JSON Lines, summary on stderr
    riskengine explain RULESET EVENT_JSON_FILE       one assessment, readable by a person
    riskengine compile RULESET                       the durable_rules ruleset as JSON
    riskengine docs RULESET... [-o DIR]              one reference page per ruleset

``score``, ``explain`` and ``compile`` take ``--set NAME=VALUE`` (repeatable) to override params.

Exit codes: 0 success; 1 a user error (invalid ruleset, missing file, bad ``--set``, unreadable
event file); 2 when an event was rejected (``score``, ``explain``) and for command-line usage
errors reported by typer. User errors are printed as ``error: ...`` lines, never as tracebacks.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import IO, Annotated, Any, NoReturn, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn
from rich.table import Table
from rich.text import Text

from riskengine.engine.baseline import BaselineError, build_baselines, load_baselines, save_baselines
from riskengine.engine.assessment import Assessment, EventError, RulesetRef
from riskengine.engine.backend import BackendError, engine_definition
from riskengine.engine.core import Engine
from riskengine.engine.profiles import EntityProfile
from riskengine.engine.state import StateError
from riskengine.interfaces.docs import ExampleError, ruleset_markdown
from riskengine.ruleset.errors import Diagnostic, RulesetError
from riskengine.ruleset.loader import check_ruleset_file, load_ruleset
from riskengine.ruleset.model import Ruleset
from riskengine.ruleset.params import check_override, coerce_text, parse_assignment
from riskengine.suggest import closest_one

EXIT_OK, EXIT_ERROR, EXIT_REJECTED = 0, 1, 2
RULESET_SUFFIXES = (".yaml", ".yml")
TOP_FLAGS = 10  # rows in the summary's "top flags" table
MAX_REJECTED_SHOWN = 20  # rejected lines reported one by one on stderr before "... and N more"
TOP_ENTITIES = 5  # rows in the summary's "riskiest entities" table
STDIN = "-"

app = typer.Typer(
    name="riskengine",
    help="Corruption-risk rules engine: validate rulesets, score events, explain assessments.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

SetOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--set",
        metavar="NAME=VALUE",
        help="Override a ruleset param (repeatable), e.g. --set releasing_agent_fee_cap=0.08.",
        show_default=False,
    ),
]


# ---------------------------------------------------------------------- shared helpers


def _stdout() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(*messages: str, code: int = EXIT_ERROR) -> NoReturn:
    """Print each message as ``error: ...`` on stderr and stop with ``code``."""
    for message in messages:
        typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _fail_with_diagnostics(diagnostics: Iterable[Diagnostic]) -> NoReturn:
    for diagnostic in diagnostics:
        typer.echo(diagnostic.render(), err=True)
    raise typer.Exit(EXIT_ERROR)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def load_with_overrides(path: Path, assignments: list[str] | None) -> Ruleset:
    """Load a ruleset, applying ``--set NAME=VALUE`` overrides typed by the ruleset's own params.

    The ruleset is loaded once as written to learn each param's type; with overrides it is loaded
    again with ``params=`` so that the loader type-checks and records them (hash, compiled name).
    """
    base, problems = check_ruleset_file(path)
    if base is None:
        _fail_with_diagnostics(problems)
    if not assignments:
        return base
    overrides = _parse_overrides(base, assignments)
    try:
        return load_ruleset(path, params=overrides)
    except RulesetError as error:
        _fail_with_diagnostics(error.diagnostics)


def _parse_overrides(ruleset: Ruleset, assignments: list[str]) -> dict[str, Any]:
    """``--set`` texts -> typed values; every bad assignment is reported before stopping."""
    overrides: dict[str, Any] = {}
    problems: list[str] = []
    for text in assignments:
        try:
            name, raw = parse_assignment(text)
        except ValueError as error:
            problems.append(f"--set {text}: {error}")
            continue
        param = ruleset.params.get(name)
        if param is None:
            problems.append(f"--set {text}: {_unknown_param(name, ruleset)}")
            continue
        try:
            overrides[name] = check_override(coerce_text(raw, param.type), param.type)
        except ValueError as error:
            problems.append(f"--set {text}: {error}")
    if problems:
        _fail(*problems)
    return overrides


def _unknown_param(name: str, ruleset: Ruleset) -> str:
    message = f"unknown param '{name}'"
    if not ruleset.params:
        return f"{message}; the ruleset '{ruleset.id}' has no params"
    suggestion = closest_one(name, list(ruleset.params))
    if suggestion:
        return f"{message}; did you mean '{suggestion}'?"
    return f"{message}; known params: {', '.join(sorted(ruleset.params))}"


def _make_engine(ruleset: Ruleset) -> Engine:
    try:
        return Engine(ruleset)
    except BackendError as error:
        _fail(f"{ruleset.path}: {error}")


def _version(value: bool) -> None:
    if value:
        try:
            version = metadata.version("riskengine")
        except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
            version = "unknown"
        typer.echo(f"riskengine {version}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", help="Show the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Corruption-risk rules engine: validate rulesets, score events, explain assessments."""


# ---------------------------------------------------------------------- validate


def ruleset_files(paths: Iterable[Path]) -> Iterator[tuple[Path, Diagnostic | None]]:
    """Each file to check, in order: files as given; folders expanded to their ``*.yaml``/``*.yml``
    files (recursively, sorted, hidden files and folders skipped). A folder holding no ruleset file
    yields a diagnostic instead; a missing path is left to the loader, which reports it."""
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(
                candidate
                for candidate in path.rglob("*")
                if candidate.suffix in RULESET_SUFFIXES
                and candidate.is_file()
                and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
            )
            if not found:
                yield path, Diagnostic("file_not_found", "no ruleset files (*.yaml, *.yml) in this folder", str(path))
            candidates = found
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                yield candidate, None


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="Ruleset files, or folders searched for *.yaml and *.yml.")],
) -> None:
    """Check rulesets; print each problem as path:line:col: error: message. Exit 1 on any problem."""
    checked = valid = errors = 0
    for path, problem in ruleset_files(paths):
        if problem is not None:
            typer.echo(problem.render())
            errors += 1
            continue
        checked += 1
        ruleset, diagnostics = check_ruleset_file(path)
        for diagnostic in diagnostics:
            typer.echo(diagnostic.render())
        if ruleset is not None and not diagnostics:
            valid += 1
            typer.echo(
                f"{path}: ok ({_plural(len(ruleset.flags), 'flag')}, {_plural(len(ruleset.kinds), 'event kind')})"
            )
        else:
            errors += len(diagnostics) or 1
    invalid = checked - valid
    summary = f"{_plural(checked, 'ruleset')} checked: {valid} valid"
    if invalid or errors:
        summary += f", {invalid} invalid ({_plural(errors, 'error')})"
    typer.echo(summary)
    raise typer.Exit(EXIT_OK if errors == 0 else EXIT_ERROR)


# ---------------------------------------------------------------------- score


@dataclass
class ScoreSummary:
    """Counts over one ``score`` run, rendered on standard error."""

    bands: list[str]
    events: int = 0
    rejected: int = 0
    per_band: Counter[str] = field(default_factory=Counter)
    fired: Counter[str] = field(default_factory=Counter)
    titles: dict[str, str] = field(default_factory=dict)
    late_events: int = 0

    def add(self, assessment: Assessment) -> None:
        self.events += 1
        if assessment.status == "rejected":
            self.rejected += 1
            return
        self.per_band[assessment.band or ""] += 1
        for hit in assessment.flags:
            self.fired[hit.id] += 1
            self.titles.setdefault(hit.id, hit.title)

    @property
    def scored(self) -> int:
        return self.events - self.rejected

    def render(self, console: Console) -> None:
        late = f", {self.late_events} late (stateful flags not evaluable)" if self.late_events else ""
        console.print(
            f"{_plural(self.events, 'event')}: {self.scored} scored, {self.rejected} rejected{late}", markup=False
        )
        bands = Table(title="Bands", title_justify="left")
        bands.add_column("band")
        bands.add_column("events", justify="right")
        for band in self.bands + sorted(set(self.per_band) - set(self.bands)):
            bands.add_row(band, str(self.per_band.get(band, 0)))
        console.print(bands)
        if not self.fired:
            console.print("no flags fired")
            return
        shown = f"top {TOP_FLAGS} of {len(self.fired)}" if len(self.fired) > TOP_FLAGS else f"{len(self.fired)}"
        top = Table(title=f"Top flags ({shown} fired)", title_justify="left")
        top.add_column("flag")
        top.add_column("title")
        top.add_column("fired", justify="right")
        for flag_id, count in sorted(self.fired.items(), key=lambda item: (-item[1], item[0]))[:TOP_FLAGS]:
            top.add_row(Text(flag_id), Text(self.titles[flag_id]), str(count))
        console.print(top)


def _open_events(events: str) -> tuple[IO[bytes], int | None, str]:
    """The byte stream of an events file or stdin, its size when known, and its display name."""
    if events == STDIN:
        return sys.stdin.buffer, None, "<stdin>"
    path = Path(events)
    try:
        return path.open("rb"), path.stat().st_size, events
    except OSError as error:
        _fail(f"cannot read the events file '{events}': {error.strerror or error}")


def _assess_line(engine: Engine, ruleset: Ruleset, raw: bytes) -> Assessment:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return Assessment(
            status="rejected",
            errors=[EventError(field=None, problem=f"the line is not UTF-8 text (byte {error.start + 1})")],
            ruleset=RulesetRef(id=ruleset.id, version=ruleset.version, hash=ruleset.hash),
        )
    return engine.evaluate_json(text)


def _report_rejected(console: Console, source: str, line_number: int, assessment: Assessment, shown: int) -> None:
    if shown < MAX_REJECTED_SHOWN:
        problems = "; ".join(f"{error.field}: {error.problem}" if error.field else error.problem for error in assessment.errors)
        console.print(f"{source}:{line_number}: rejected: {problems}", markup=False)
    elif shown == MAX_REJECTED_SHOWN:
        console.print(f"{source}: more rejected lines are not listed; see the assessments", markup=False)


@app.command()
def score(
    ruleset_path: Annotated[Path, typer.Argument(metavar="RULESET", help="The ruleset YAML file.")],
    events: Annotated[
        str, typer.Argument(metavar="EVENTS", help="JSON Lines events file, or - for standard input.")
    ] = STDIN,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", metavar="OUT", help="Write the assessments here, not to stdout.")
    ] = None,
    assignments: SetOption = None,
    state: Annotated[
        Optional[Path],
        typer.Option("--state", metavar="FILE", help="Continue from this state file (if it exists) and save the state there at the end."),
    ] = None,
    migrate_state: Annotated[
        bool, typer.Option("--migrate-state", help="Accept a state file from another ruleset version, keeping unchanged features.")
    ] = False,
    profiles: Annotated[
        Optional[Path], typer.Option("--profiles", metavar="OUT", help="Write the entity profiles here as JSON Lines.")
    ] = None,
    baseline: Annotated[
        Optional[Path],
        typer.Option("--baseline", metavar="FILE", help="Dataset statistics from `riskengine baseline build`; without it, a ruleset with baselines is scored in two passes."),
    ] = None,
    audit: Annotated[
        Optional[Path],
        typer.Option("--audit", metavar="PATH", help="Append every decision to this audit trail (SQLite), for `riskengine replay`."),
    ] = None,
) -> None:
    """Score events: one assessment per line as JSON Lines; a summary on standard error.

    Exit 0, or 2 when any event was rejected."""
    ruleset = load_with_overrides(ruleset_path, assignments)
    engine = _make_engine(ruleset)
    if state is not None and state.exists():
        try:
            engine.load_state(state, migrate=migrate_state)
        except StateError as error:
            _fail(str(error))
    late_before = engine.late_events
    if baseline is not None:
        try:
            engine.set_baselines(load_baselines(baseline, ruleset))
        except BaselineError as error:
            _fail(str(error))
    elif ruleset.baselines:
        events = _first_pass(engine, events)
    audit_log = _open_audit(audit, engine)
    stream, size, source = _open_events(events)
    try:
        sink = sys.stdout if output is None else output.open("w", encoding="utf-8", newline="\n")
    except OSError as error:
        if events != STDIN:
            stream.close()
        _fail(f"cannot write '{output}': {error.strerror or error}")
    console = _stderr()
    summary = ScoreSummary(bands=[name for name, _ in ruleset.scoring.bands])
    progress = Progress(
        SpinnerColumn(),
        TextColumn("scoring {task.fields[events]} events"),
        BarColumn(),
        TaskProgressColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    try:
        with progress, (contextlib.nullcontext(stream) if events == STDIN else stream):
            task = progress.add_task("score", total=size, events=0)
            for line_number, raw in enumerate(stream, start=1):
                if raw.strip():
                    assessment = _assess_line(engine, ruleset, raw)
                    if assessment.status == "rejected":
                        _report_rejected(progress.console, source, line_number, assessment, summary.rejected)
                    summary.add(assessment)
                    line = assessment.to_json()
                    if audit_log is not None:
                        audit_log.record(engine, raw.decode("utf-8", errors="replace"), line, wait=False)
                    sink.write(line)
                    sink.write("\n")
                progress.update(task, advance=len(raw), events=summary.events)
    finally:
        if output is not None:
            sink.close()
        else:
            sink.flush()
        if audit_log is not None:
            audit_log.flush()
            audit_log.close()
    if state is not None:
        engine.save_state(state)
    entity_profiles = engine.entity_profiles()
    if profiles is not None:
        with profiles.open("w", encoding="utf-8") as profile_sink:
            for profile in entity_profiles:
                profile_sink.write(json.dumps(profile.model_dump(mode="json"), ensure_ascii=False) + "\n")
    summary.late_events = engine.late_events - late_before
    summary.render(console)
    render_riskiest(console, entity_profiles)
    raise typer.Exit(EXIT_REJECTED if summary.rejected else EXIT_OK)


def _open_audit(path: Path | None, engine: Engine):
    if path is None:
        return None
    from riskengine.interfaces.service.audit import AuditLog

    try:
        log = AuditLog(path)
    except Exception as error:  # sqlite3 and OS errors: say which file and why, no traceback
        _fail(f"cannot open the audit trail '{path}': {error}")
    log.begin(engine)
    return log


def _first_pass(engine: Engine, events: str) -> str:
    """Compute the ruleset's baselines over the events before scoring them (standard input is
    kept in a temporary file for the second pass). Returns where to read the events again."""
    if events == STDIN:
        spool = tempfile.NamedTemporaryFile(prefix="riskengine-events-", suffix=".jsonl", delete=False)
        with spool:
            shutil.copyfileobj(sys.stdin.buffer, spool)
        atexit.register(os.unlink, spool.name)
        events = spool.name
    stream, _, _ = _open_events(events)
    with stream:
        engine.set_baselines(build_baselines(engine, (raw.decode("utf-8", errors="replace") for raw in stream if raw.strip())))
    return events


baseline_app = typer.Typer(help="Dataset-relative statistics (Tukey fences) for rulesets with baselines.", no_args_is_help=True)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("build")
def baseline_build(
    ruleset_path: Annotated[Path, typer.Argument(metavar="RULESET", help="The ruleset YAML file.")],
    events: Annotated[str, typer.Argument(metavar="EVENTS", help="JSON Lines events file, or - for standard input.")] = STDIN,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="Where to write the statistics.")] = Path("baseline.json"),
    assignments: SetOption = None,
) -> None:
    """Compute the ruleset's baselines over EVENTS and store them for `score --baseline`."""
    ruleset = load_with_overrides(ruleset_path, assignments)
    if not ruleset.baselines:
        _fail(f"{ruleset_path} declares no baselines")
    engine = _make_engine(ruleset)
    stream, _, _ = _open_events(events)
    with (contextlib.nullcontext(stream) if events == STDIN else stream):
        statistics = build_baselines(engine, (raw.decode("utf-8", errors="replace") for raw in stream if raw.strip()))
    save_baselines(output, ruleset, statistics)
    table = Table("baseline", "count", "q1", "q3", "lower fence", "upper fence", title=f"Baselines written to {output}", title_justify="left")
    for name, values in statistics.items():
        table.add_row(name, str(values.get("count", 0)), *(_number(values.get(key)) for key in ("q1", "q3", "lower_fence", "upper_fence")))
    _stdout().print(table)


def _number(value: Any) -> str:
    return "-" if value is None else f"{value:.6g}"


def render_riskiest(console: Console, profiles: list[EntityProfile]) -> None:
    """The entities with the highest scores seen, for the score summary."""
    risky = sorted((p for p in profiles if p.max_score > 0), key=lambda p: (-p.max_score, str(p.entity)))[:TOP_ENTITIES]
    if not risky:
        return
    table = Table(title="Riskiest entities", title_justify="left")
    for column in ("entity", "events", "max score", "band", "flags"):
        table.add_column(column, justify="right" if column in ("events", "max score") else "left")
    for profile in risky:
        flags = ", ".join(f"{flag_id}×{count}" for flag_id, count in sorted(profile.flags.items(), key=lambda item: (-item[1], item[0])))
        table.add_row(Text(str(profile.entity)), str(profile.events), f"{profile.max_score:.2f}", profile.max_band, Text(flags))
    console.print(table)


# ---------------------------------------------------------------------- explain


def read_one_event(path: str) -> tuple[Any, str | None]:
    """The event in a JSON file (or ``-``) and a note when it came from a JSON Lines file.

    A file holding one JSON value is that event; otherwise the first non-blank line is, if it is
    JSON (JSON Lines). Anything else is a user error."""
    name = "<stdin>" if path == STDIN else path
    try:
        data = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
        text = data.decode("utf-8-sig")
    except OSError as error:
        _fail(f"cannot read the event file '{path}': {error.strerror or error}")
    except UnicodeDecodeError as error:
        _fail(f"{name}: the file is not UTF-8 text (byte {error.start + 1})")
    if not text.strip():
        _fail(f"{name}: the file holds no event")
    try:
        return json.loads(text), None
    except json.JSONDecodeError as whole_error:
        lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
        number, first = lines[0]
        try:
            event = json.loads(first)
        except json.JSONDecodeError:
            _fail(f"{name}:{whole_error.lineno}:{whole_error.colno}: invalid JSON: {whole_error.msg}")
        return event, f"{name} holds {_plural(len(lines), 'JSON line')}; explaining the first event (line {number})"


def _value_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _plain(value: Any, absent: str) -> str:
    """A header value: strings as they are, other values as JSON."""
    if value is None:
        return absent
    return value if isinstance(value, str) else _value_text(value)


def _band_raised_by(assessment: Assessment, ruleset: Ruleset) -> tuple[str, list[str]] | None:
    """When ``force_band`` raised the band: the band of the score alone and the flags that raised it."""
    by_score = None
    for name, lower in ruleset.scoring.bands:
        if assessment.score is not None and lower <= assessment.score:
            by_score = name
    if by_score is None or by_score == assessment.band:
        return None
    raisers = [hit.id for hit in assessment.flags if ruleset.flag(hit.id).force_band == assessment.band]
    return by_score, raisers


def render_assessment(console: Console, assessment: Assessment, ruleset: Ruleset) -> None:
    """The readable report of one assessment."""
    def field_line(label: str, value: str | Text) -> None:
        console.print(Text.assemble((f"{label:<9}", "bold"), value))

    field_line("event", _plain(assessment.event_id, "(no event_id)"))
    field_line("kind", _plain(assessment.kind, "(unknown)"))
    field_line("entity", _plain(assessment.entity, "(unknown)"))
    field_line("ruleset", f"{ruleset.id} {ruleset.version} ({ruleset.hash})")
    overridden = {name: param.value for name, param in ruleset.params.items() if param.value != param.default}
    if overridden:
        field_line("params", ", ".join(f"{name}={_value_text(value)}" for name, value in overridden.items()))
    if assessment.status == "rejected":
        field_line("status", Text("rejected", style="bold red"))
        console.print()
        errors = Table(title="Why the event was rejected", title_justify="left")
        errors.add_column("field")
        errors.add_column("problem")
        for error in assessment.errors:
            errors.add_row(Text(error.field or "(event)"), Text(error.problem))
        console.print(errors)
        return
    band_style = {"low": "green", "medium": "yellow", "high": "red", "critical": "bold red"}.get(assessment.band or "", "")
    field_line("score", Text.assemble(f"{assessment.score:g}  band ", (assessment.band or "", band_style)))
    raised_by = _band_raised_by(assessment, ruleset)
    if raised_by:
        field_line("", f"(the score alone gives band {raised_by[0]}; force_band of {', '.join(raised_by[1])} raises it)")

    console.print()
    console.print(Text(f"Fired flags ({len(assessment.flags)})", style="bold underline"))
    if not assessment.flags:
        console.print("  none")
    for hit in assessment.flags:
        console.print()
        typology = f", typology {hit.typology}" if hit.typology else ""
        console.print(
            Text.assemble(
                ("  " + hit.id, "bold"),
                f"  {hit.title}",
                f"  [{hit.severity}, weight {hit.weight:g}{typology}]",
            )
        )
        console.print(Text(f"    {hit.message}"))
        evidence = Table(show_header=True, padding=(0, 1), box=None, pad_edge=False)
        evidence.add_column("    evidence", style="dim")
        evidence.add_column("value")
        for name, value in hit.evidence.items():
            evidence.add_row(Text(f"    {name}"), Text(_value_text(value)))
        console.print(evidence)
        for reference in hit.references:
            console.print(Text(f"    reference: {reference}"))

    console.print()
    console.print(Text(f"Not evaluable ({len(assessment.not_evaluable)})", style="bold underline"))
    if not assessment.not_evaluable:
        console.print("  none")
    for item in assessment.not_evaluable:
        try:
            title = ruleset.flag(item.id).title
        except KeyError:  # pragma: no cover - the engine only reports the ruleset's flags
            title = ""
        console.print(
            Text.assemble(("  " + item.id, "bold"), f"  {title}  missing: {', '.join(item.missing)}")
        )


@app.command()
def explain(
    ruleset_path: Annotated[Path, typer.Argument(metavar="RULESET", help="The ruleset YAML file.")],
    event_file: Annotated[
        str,
        typer.Argument(
            metavar="EVENT_JSON_FILE",
            help="A JSON file holding one event (the first line of a JSON Lines file), or - for stdin.",
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the assessment as JSON instead.")] = False,
    assignments: SetOption = None,
) -> None:
    """Explain the assessment of one event: score, band, each flag with its evidence.

    Exit 0, or 2 when the event was rejected."""
    ruleset = load_with_overrides(ruleset_path, assignments)
    event, note = read_one_event(event_file)
    if note:
        typer.echo(f"note: {note}", err=True)
    assessment = _make_engine(ruleset).evaluate(event)
    if as_json:
        typer.echo(assessment.to_json())
    else:
        render_assessment(_stdout(), assessment, ruleset)
    raise typer.Exit(EXIT_REJECTED if assessment.status == "rejected" else EXIT_OK)


# ---------------------------------------------------------------------- compile


@app.command("compile")
def compile_ruleset(
    ruleset_path: Annotated[Path, typer.Argument(metavar="RULESET", help="The ruleset YAML file.")],
    assignments: SetOption = None,
) -> None:
    """Print the durable_rules ruleset the YAML compiles to, as JSON."""
    ruleset = load_with_overrides(ruleset_path, assignments)
    typer.echo(json.dumps(engine_definition(ruleset.compiled), indent=2, ensure_ascii=False))


@app.command()
def docs(
    ruleset_paths: Annotated[list[Path], typer.Argument(metavar="RULESET", help="Ruleset files.")],
    out_dir: Annotated[Path, typer.Option("--output", "-o", metavar="DIR", help="Folder for the pages.")] = Path("docs/rulesets"),
    check: Annotated[bool, typer.Option("--check", help="Do not write; exit 1 when a page is missing or out of date.")] = False,
) -> None:
    """Write one Markdown reference page per ruleset: a section per flag, with a worked example."""
    stale: list[str] = []
    for path in ruleset_paths:
        ruleset = load_with_overrides(path, None)
        try:
            page = ruleset_markdown(ruleset)
        except ExampleError as error:
            _fail(str(error))
        target = out_dir / f"{ruleset.id}.md"
        if check:
            current = target.read_text(encoding="utf-8") if target.exists() else None
            if current != page:
                stale.append(str(target))
            continue
        out_dir.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
        _stdout().print(f"wrote {target} ({_plural(len(ruleset.flags), 'flag')})", markup=False)
    if stale:
        _fail(*(f"{name} is out of date; run riskengine docs" for name in stale))


def main() -> None:
    """The console script ``riskengine``."""
    app(prog_name="riskengine")

from riskengine.interfaces.bdd.command import register as _register_bdd  # noqa: E402  (riskengine bdd)
_register_bdd(app)

# The HTTP service and audit trail commands (serve, keys, replay, audit): riskengine/interfaces/service/commands.py
from riskengine.interfaces.service.commands import register as _register_service_commands  # noqa: E402

_register_service_commands(app)

# OCDS data and Cardinal compatibility (cardinal, ocds events/score/coverage): riskengine/ocds/commands.py
from riskengine.ocds.commands import register as _register_ocds_commands  # noqa: E402

_register_ocds_commands(app)


if __name__ == "__main__":  # pragma: no cover
    main()
