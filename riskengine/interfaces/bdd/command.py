"""``riskengine bdd [PATH...]``: run feature files through pytest with readable Gherkin output.

    riskengine bdd                                  the features/ folder
    riskengine bdd features/soccer --min-coverage 100
    riskengine bdd my_features/ --rulesets my_rulesets/ --coverage-json coverage.json
    riskengine bdd features/ --junit-xml junit.xml --cucumber-json cucumber.json
    riskengine bdd features/ -- --tb=short          anything after -- goes to pytest as it is

Exit codes are pytest's: 0 every scenario passed (and the coverage is reached), 1 a scenario failed
or the coverage is below --min-coverage, 2 interrupted, 3 internal error, 4 usage error, 5 no
scenario found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

DEFAULT_FOLDER = "features"
PLUGIN = "riskengine.interfaces.bdd.plugin"
CONTEXT_SETTINGS = {"allow_extra_args": True, "ignore_unknown_options": True}


def pytest_arguments(
    paths: list[str],
    rulesets: list[Path] | None = None,
    min_coverage: float | None = None,
    coverage_json: Path | None = None,
    cover: list[Path] | None = None,
    cucumber_json: Path | None = None,
    junit_xml: Path | None = None,
    tags: str | None = None,
    keyword: str | None = None,
    verbose: int = 0,
    exitfirst: bool = False,
) -> list[str]:
    """The pytest command line that ``riskengine bdd`` runs."""
    args = [
        "-p", "pytest-bdd",  # by its entry-point name, so that autoloading does not register it twice
        "-p", PLUGIN,
        "-p", "no:cacheprovider",  # no .pytest_cache in the authors' folders
        "--bdd-gherkin",
        "--no-header",
        # `riskengine` is imported before pytest starts, so pytest cannot rewrite its asserts; it
        # has none to rewrite, the warning would only puzzle the authors
        "-W", "ignore::pytest.PytestAssertRewriteWarning",
    ]
    for folder in rulesets or []:
        args += ["--bdd-rulesets", str(folder)]
    if min_coverage is not None:
        args += ["--bdd-min-coverage", f"{min_coverage:g}"]
    if coverage_json is not None:
        args += ["--bdd-coverage-json", str(coverage_json)]
    for path in cover or []:
        args += ["--bdd-cover", str(path)]
    if cucumber_json is not None:
        args += ["--cucumberjson", str(cucumber_json)]
    if junit_xml is not None:
        args += ["--junitxml", str(junit_xml)]
    if tags:
        args += ["-m", tags]
    if keyword:
        args += ["-k", keyword]
    if verbose:
        args.append("-" + "v" * verbose)
    if exitfirst:
        args.append("-x")
    return args + list(paths)


def bdd(
    paths: Annotated[
        Optional[list[str]],
        typer.Argument(
            help="Feature files or folders (default: features/). Arguments after -- go to pytest.",
            show_default=False,
        ),
    ] = None,
    rulesets: Annotated[
        Optional[list[Path]],
        typer.Option("--rulesets", metavar="DIR", help="Look ruleset ids up in this folder first (repeatable).", show_default=False),
    ] = None,
    min_coverage: Annotated[
        Optional[float],
        typer.Option(
            "--min-coverage", metavar="PCT", min=0, max=100,
            help="Fail when, for some ruleset, fewer than PCT percent of its flags fire in a scenario (rounded down).",
            show_default=False,
        ),
    ] = None,
    coverage_json: Annotated[
        Optional[Path],
        typer.Option("--coverage-json", metavar="PATH", help="Write the flag coverage report as JSON.", show_default=False),
    ] = None,
    cover: Annotated[
        Optional[list[Path]],
        typer.Option(
            "--cover", metavar="PATH",
            help="Report the coverage of these rulesets (files or folders) even if no scenario uses them (repeatable).",
            show_default=False,
        ),
    ] = None,
    cucumber_json: Annotated[
        Optional[Path],
        typer.Option("--cucumber-json", metavar="PATH", help="Write the results as Cucumber JSON.", show_default=False),
    ] = None,
    junit_xml: Annotated[
        Optional[Path],
        typer.Option("--junit-xml", metavar="PATH", help="Write the results as JUnit XML.", show_default=False),
    ] = None,
    tags: Annotated[
        Optional[str],
        typer.Option("--tags", metavar="EXPR", help="Run the scenarios whose tags match, e.g. 'soccer and not slow'.", show_default=False),
    ] = None,
    keyword: Annotated[
        Optional[str],
        typer.Option("-k", metavar="EXPR", help="Run the scenarios whose names match (pytest -k).", show_default=False),
    ] = None,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="Show each scenario's steps.")] = 0,
    exitfirst: Annotated[bool, typer.Option("--exitfirst", "-x", help="Stop at the first failing scenario.")] = False,
) -> None:
    """Run Gherkin scenarios (.feature files) against rulesets, with flag coverage."""
    import pytest

    chosen = list(paths or [])
    if not chosen:
        if not Path(DEFAULT_FOLDER).is_dir():
            typer.echo(f"error: no {DEFAULT_FOLDER}/ folder here; name the feature files or folders to run", err=True)
            raise typer.Exit(4)
        chosen = [DEFAULT_FOLDER]
    for report in (coverage_json, cucumber_json, junit_xml):
        if report is not None:
            report.parent.mkdir(parents=True, exist_ok=True)  # pytest-bdd's Cucumber writer does not
    args = pytest_arguments(
        chosen, rulesets, min_coverage, coverage_json, cover, cucumber_json, junit_xml, tags, keyword, verbose, exitfirst
    )
    raise typer.Exit(int(pytest.main(args)))


def register(app: Any) -> None:
    """Add the ``bdd`` command to the ``riskengine`` typer app."""
    app.command("bdd", context_settings=CONTEXT_SETTINGS)(bdd)
