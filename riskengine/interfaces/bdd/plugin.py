"""The pytest plugin that runs ``.feature`` files against riskengine rulesets.

Registered with the ``pytest11`` entry point ``riskengine.interfaces.bdd.plugin``, so that a plain
``pytest path/to/features/`` collects every ``.feature`` file under the path, with the step library of
``steps.py``, and nobody writes Python. What it adds to pytest:

- a collector: each ``.feature`` file becomes a module of pytest-bdd scenarios (Scenario Outlines
  are parametrized by their Examples; Gherkin tags become markers, selectable with ``-m``);
- readable failures: the steps of the scenario with the one that failed, the assessment, and for an
  unknown step the closest phrases of the vocabulary;
- flag coverage per ruleset (``coverage.py``): a table after the run, ``--bdd-coverage-json PATH``,
  and ``--bdd-min-coverage PCT`` to fail the run below PCT percent of flags with a firing scenario;
- ``--bdd-gherkin``: one line per scenario, grouped by feature and rule (``riskengine bdd`` turns
  it on; add ``-v`` for the steps).

Options: ``--bdd-rulesets DIR`` (repeatable) and the ini option ``riskengine_rulesets`` add folders
where ruleset ids are looked up; ``--bdd-cover PATH`` adds rulesets (files or folders) to the
coverage report even when no scenario uses them. The ini option ``riskengine_collect_features =
false`` turns the collector off (for a project that binds its feature files with pytest-bdd's own
``scenarios()``).
"""

from __future__ import annotations

import re
import types
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from _pytest.terminal import TerminalReporter
from pytest_bdd import plugin as pytest_bdd_plugin
from pytest_bdd.exceptions import GherkinParseError, StepDefinitionNotFoundError
from pytest_bdd.parser import FeatureParser, Rule
from pytest_bdd.scenario import _get_scenario_decorator  # pytest-bdd's scenario() without its file lookup

from riskengine.interfaces.bdd.coverage import CoverageStore, display_path
from riskengine.interfaces.bdd.errors import ScenarioError
from riskengine.interfaces.bdd.rulesets import SUFFIXES, RulesetCache, RulesetLocator
from riskengine.interfaces.bdd.vocabulary import unknown_step_message
from riskengine.interfaces.bdd.world import ScenarioWorld

COVERAGE = pytest.StashKey[CoverageStore]()
CACHE = pytest.StashKey[RulesetCache]()
COVER_PROBLEMS = pytest.StashKey[list]()
RUN = pytest.StashKey["ScenarioRun"]()


# ---------------------------------------------------------------------- options


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("riskengine-bdd", "riskengine feature files (BDD)")
    group.addoption(
        "--bdd-rulesets", action="append", default=[], metavar="DIR",
        help="a folder where ruleset ids named in 'Given the \"<ruleset>\" ruleset' are looked up first (repeatable)",
    )
    group.addoption(
        "--bdd-min-coverage", type=float, default=None, metavar="PCT",
        help="fail the run when, for some ruleset, fewer than PCT percent of its flags fire in a scenario",
    )
    group.addoption("--bdd-coverage-json", default=None, metavar="PATH", help="write the flag coverage report as JSON")
    group.addoption(
        "--bdd-cover", action="append", default=[], metavar="PATH",
        help="report the flag coverage of these rulesets (files or folders) even if no scenario uses them",
    )
    group.addoption(
        "--bdd-gherkin", action="store_true", default=False,
        help="show one line per scenario, grouped by feature (-v: with its steps)",
    )
    parser.addini("riskengine_rulesets", type="paths", default=[], help="folders where ruleset ids are looked up")
    parser.addini(
        "riskengine_collect_features", type="bool", default=True,
        help="collect .feature files with riskengine's step library (default true)",
    )


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    config.stash[COVERAGE] = CoverageStore()
    config.stash[CACHE] = RulesetCache()
    config.stash[COVER_PROBLEMS] = []
    minimum = config.getoption("bdd_min_coverage")
    if minimum is not None and not 0 <= minimum <= 100:
        raise pytest.UsageError(f"--bdd-min-coverage must be a percentage from 0 to 100, got {minimum:g}")
    if config.getoption("bdd_gherkin"):
        current = config.pluginmanager.getplugin("terminalreporter")
        if current is not None:
            if type(current) is not TerminalReporter:
                raise pytest.UsageError(
                    "--bdd-gherkin replaces pytest's terminal reporter, which another option or plugin "
                    f"({type(current).__name__}, e.g. --gherkin-terminal-reporter) already replaced"
                )
            config.pluginmanager.unregister(current)
            config.pluginmanager.register(GherkinReporter(config), "terminalreporter")


def _locator(config: pytest.Config) -> RulesetLocator:
    cwd = Path(config.invocation_params.dir)
    folders = [(cwd / folder).resolve() for folder in config.getoption("bdd_rulesets") or []]
    folders += [Path(folder) for folder in config.getini("riskengine_rulesets") or []]
    return RulesetLocator(folders=folders, cwd=cwd, rootdir=Path(config.rootpath))


def new_world(request: pytest.FixtureRequest) -> ScenarioWorld:
    """The state of a new scenario (the ``riskengine_scenario`` fixture)."""
    config = request.config
    return ScenarioWorld(
        locator=_locator(config),
        cache=config.stash[CACHE],
        coverage=config.stash[COVERAGE],
        feature_dir=Path(request.node.path).parent,
        scenario_id=request.node.nodeid,
    )


# ---------------------------------------------------------------------- collection


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".feature" and parent.config.getini("riskengine_collect_features"):
        return FeatureFile.from_parent(parent, path=file_path)
    return None


def _slug(text: str) -> str:
    slug = re.sub(r"\W+", "_", text.strip().lower()).strip("_")
    return slug or "scenario"


class FeatureFile(pytest.Module):
    """A ``.feature`` file, collected as a module whose functions are its scenarios."""

    def _getobj(self) -> types.ModuleType:
        if not self.config.pluginmanager.is_registered(pytest_bdd_plugin):
            raise self.CollectError(
                f"{self.path}: riskengine's feature files need the pytest-bdd plugin "
                "(it is disabled: remove '-p no:pytest-bdd' or set PYTEST_PLUGINS=pytest_bdd.plugin)"
            )
        from riskengine.interfaces.bdd import steps

        module = types.ModuleType(f"riskengine_feature_{_slug(str(self.path))}")
        module.__file__ = str(self.path)
        self._scenario_names: set[str] = set()
        text = self.path.read_text(encoding="utf-8", errors="replace")
        if not any(line.strip() and not line.strip().startswith("#") for line in text.splitlines()):
            return module  # an empty file (or only comments): nothing to run yet
        try:
            feature = _FeatureParser(str(self.path.parent), self.path.name).parse()
        except GherkinParseError as error:
            raise self.CollectError(
                f"{self.path}:{error.line}: {error.message}\n    {error.line_content.strip()}"
            ) from None
        except Exception as error:  # noqa: BLE001 - the Gherkin parser's own errors, reported as such
            raise self.CollectError(f"{self.path}: cannot read the feature file: {error}") from None
        for name in steps.__all__:
            setattr(module, name, getattr(steps, name))
        for key, template in feature.scenarios.items():
            self._declare_tags(template, feature)
            function = _get_scenario_decorator(
                feature=feature, feature_name=self.path.name, templated_scenario=template, scenario_name=key
            )(_scenario_body)
            function.riskengine_template = template
            name = _slug(template.name)
            number = 1
            while name in self._scenario_names or hasattr(module, name):
                number += 1
                name = f"{_slug(template.name)}_{number}"
            self._scenario_names.add(name)
            setattr(module, name, function)
        return module

    def _declare_tags(self, template: Any, feature: Any) -> None:
        tags = set(template.tags) | set(feature.tags)
        if template.rule is not None:
            tags |= set(template.rule.tags)
        for examples in template.examples:
            tags |= set(examples.tags or ())
        declared = {line.split(":")[0].split("(")[0].strip() for line in self.config.getini("markers")}
        for tag in sorted(tags - declared):
            self.config.addinivalue_line("markers", f"{tag}: Gherkin tag")

    def istestfunction(self, obj: object, name: str) -> bool:
        return name in getattr(self, "_scenario_names", ())

    def istestclass(self, obj: object, name: str) -> bool:
        return False

    def _genfunctions(self, name: str, funcobj: Any) -> Iterator[pytest.Function]:
        for item in super()._genfunctions(name, funcobj):
            item.__class__ = ScenarioItem
            yield item


def _scenario_body() -> None:
    """The test body of a collected scenario: the steps do all the work."""


class _FeatureParser(FeatureParser):
    """pytest-bdd's parser, keeping every scenario even when two share a name (pytest-bdd keys a
    feature's scenarios by name, so a second "Below the threshold" under another Rule would
    silently replace the first)."""

    def _parse_and_add_scenario(self, scenario_data: Any, feature: Any, rule: Any = None) -> None:
        scenario = self.parse_scenario(scenario_data, feature, rule)
        feature.scenarios[_unique_key(feature.scenarios, scenario)] = scenario

    def _parse_and_add_rule(self, rule_data: Any, feature: Any) -> None:
        rule = Rule(
            keyword=rule_data.keyword,
            name=rule_data.name,
            description=rule_data.description,
            tags={tag.name.lstrip("@") for tag in rule_data.tags},
            background=self._extract_rule_background(rule_data),
        )
        for scenario in self._extract_rule_scenarios(rule_data, feature, rule):
            feature.scenarios[_unique_key(feature.scenarios, scenario)] = scenario


def _unique_key(existing: dict[str, Any], scenario: Any) -> str:
    key = scenario.name
    if key in existing:
        key = f"{scenario.name} (line {scenario.line_number})"
    return key


# ---------------------------------------------------------------------- running


@dataclass
class ScenarioRun:
    """What happened to the steps of one running scenario."""

    scenario: Any  # pytest_bdd.parser.Scenario, rendered with the example's values
    status: dict[int, str] = field(default_factory=dict)  # id(step) -> passed | failed | unknown
    unknown: str | None = None  # the message for a step no definition matches

    def steps(self) -> list[tuple[Any, str]]:
        return [(step, self.status.get(id(step), "not run")) for step in self.scenario.steps]


class ScenarioItem(pytest.Function):
    """One scenario (or one example of a Scenario Outline) of a feature file."""

    @property
    def template(self) -> Any:
        return getattr(self.obj, "riskengine_template", None)

    def reportinfo(self) -> tuple[Any, int | None, str]:
        template = self.template
        line = template.line_number - 1 if template is not None else 0
        return self.path, line, f"{template.keyword}: {template.name}" if template is not None else self.name

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        run = self.stash.get(RUN, None)
        if run is not None and excinfo.errisinstance((ScenarioError, StepDefinitionNotFoundError)):
            message = run.unknown if excinfo.errisinstance(StepDefinitionNotFoundError) and run.unknown else str(excinfo.value)
            headline, _, details = message.partition("\n")
            text = headline + "\n\n" + "\n".join(scenario_lines(self, run))
            return text + ("\n\n" + details if details else "")
        return super().repr_failure(excinfo, style=style)


def scenario_lines(item: ScenarioItem, run: ScenarioRun) -> list[str]:
    scenario = run.scenario
    feature = scenario.feature
    path = display_path(Path(feature.filename))
    lines = [f"{feature.keyword}: {feature.name}  ({path})"]
    indent = "  "
    if scenario.rule is not None:
        lines.append(f"  {scenario.rule.keyword}: {scenario.rule.name}")
        indent = "    "
    lines.append(f"{indent}{scenario.keyword}: {scenario_title(item, scenario)}  ({path}:{scenario.line_number})")
    for step, status in run.steps():
        failed = status not in ("passed", "not run")
        mark = "" if status == "passed" else f"   <- {status.upper()} (line {step.line_number})" if failed else "   (not run)"
        lines.append(f"{indent}  {step.keyword} {step.name}{mark}")
        if step.datatable is not None and failed:
            for row in step.datatable.raw():
                lines.append(f"{indent}    | " + " | ".join(row) + " |")
    return lines


def scenario_title(item: pytest.Item, scenario: Any) -> str:
    callspec = getattr(item, "callspec", None)
    if callspec is not None and scenario.name == getattr(getattr(item, "template", None), "name", scenario.name):
        return f"{scenario.name} [{callspec.id}]"
    return scenario.name


def _run(request: pytest.FixtureRequest) -> ScenarioRun | None:
    return request.node.stash.get(RUN, None)


@pytest.hookimpl(optionalhook=True)
def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    request.node.stash[RUN] = ScenarioRun(scenario)
    if isinstance(request.node, ScenarioItem):
        request.config.stash[COVERAGE].scenarios_run += 1


@pytest.hookimpl(optionalhook=True)
def pytest_bdd_after_step(request: pytest.FixtureRequest, step: Any) -> None:
    run = _run(request)
    if run is not None:
        run.status[id(step)] = "passed"


@pytest.hookimpl(optionalhook=True)
def pytest_bdd_step_error(request: pytest.FixtureRequest, step: Any) -> None:
    run = _run(request)
    if run is not None:
        run.status[id(step)] = "failed"


@pytest.hookimpl(optionalhook=True)
def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, step: Any) -> None:
    run = _run(request)
    if run is not None:
        run.status[id(step)] = "unknown step"
        run.unknown = unknown_step_message(step.keyword, step.name, step.type)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, Any]:
    report = yield
    if isinstance(item, ScenarioItem):
        run = item.stash.get(RUN, None)
        template = item.template
        scenario = run.scenario if run is not None else template
        if scenario is not None:
            feature = scenario.feature
            report.riskengine_scenario = {
                "feature": f"{feature.keyword}: {feature.name}",
                "path": display_path(Path(feature.filename)),
                "rule": f"{scenario.rule.keyword}: {scenario.rule.name}" if scenario.rule is not None else None,
                "scenario": f"{scenario.keyword}: {scenario_title(item, scenario)}",
                "steps": [
                    [step.keyword, step.name, status] for step, status in (run.steps() if run is not None else [])
                ],
            }
    return report


# ---------------------------------------------------------------------- coverage


def pytest_sessionstart(session: pytest.Session) -> None:
    config = session.config
    store, problems = config.stash[COVERAGE], config.stash[COVER_PROBLEMS]
    cwd = Path(config.invocation_params.dir)
    for given in config.getoption("bdd_cover") or []:
        path = (cwd / given).resolve()
        files = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES) if path.is_dir() else [path]
        if not path.exists():
            problems.append(f"--bdd-cover {given}: no such file or folder")
        for file in files:
            try:
                ruleset = config.stash[CACHE].load(file, {})
            except ScenarioError as error:
                problems.append(f"--bdd-cover {given}: {error}")
                continue
            store.register(ruleset, file)


def _minimum(config: pytest.Config) -> float | None:
    return config.getoption("bdd_min_coverage")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    store = config.stash.get(COVERAGE, None)
    if store is None:
        return
    minimum = _minimum(config)
    target = config.getoption("bdd_coverage_json")
    if target:
        store.write_json(Path(config.invocation_params.dir) / target, minimum)
    failed = bool(store.failures(minimum)) or bool(config.stash[COVER_PROBLEMS])
    if failed and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def _coverage_wanted(config: pytest.Config, store: CoverageStore) -> bool:
    return bool(
        store.rulesets
        or store.scenarios_run
        or _minimum(config) is not None
        or config.getoption("bdd_coverage_json")
        or config.getoption("bdd_cover")
    )


def pytest_terminal_summary(terminalreporter: TerminalReporter, exitstatus: int, config: pytest.Config) -> None:
    store = config.stash.get(COVERAGE, None)
    if store is None or not _coverage_wanted(config, store):
        return
    minimum = _minimum(config)
    terminalreporter.write_sep("=", "flag coverage")
    for problem in config.stash[COVER_PROBLEMS]:
        terminalreporter.write_line(f"ERROR {problem}", red=True)
    if not store.rulesets:
        terminalreporter.write_line("no scenario used a ruleset")
    for line in store.table_lines(minimum):
        if line.startswith("FAILED"):
            terminalreporter.write_line(line, red=True, bold=True)
        else:
            terminalreporter.write_line(line)
    target = config.getoption("bdd_coverage_json")
    if target:
        terminalreporter.write_line(f"coverage report written to {target}")


# ---------------------------------------------------------------------- terminal output


class GherkinReporter(TerminalReporter):
    """pytest's terminal reporter, with scenarios shown by feature, rule and name."""

    def __init__(self, config: pytest.Config) -> None:
        super().__init__(config)
        self._show_progress_info = False
        self._feature: str | None = None
        self._rule: str | None = None

    def pytest_runtest_logstart(self, nodeid: str, location: tuple[str, int | None, str]) -> None:
        if nodeid.split("::")[0].endswith(".feature"):
            return
        super().pytest_runtest_logstart(nodeid, location)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        info = getattr(report, "riskengine_scenario", None)
        if info is None:
            return super().pytest_runtest_logreport(report)
        self._tests_ran = True
        category, letter, word = self.config.hook.pytest_report_teststatus(report=report, config=self.config)
        markup: dict[str, bool]
        if isinstance(word, tuple):
            word, markup = word
        else:
            markup = {"green": True} if report.passed else {"red": True} if report.failed else {"yellow": True}
        if hasattr(self, "_add_stats"):
            self._add_stats(category, [report])
        else:  # pragma: no cover - older pytest
            self.stats.setdefault(category, []).append(report)
        if not letter and not word:
            return
        self._progress_nodeids_reported.add(report.nodeid)
        self.ensure_newline()
        feature_key = f"{info['feature']}  ({info['path']})"
        if feature_key != self._feature:
            self._tw.write("\n" + feature_key + "\n", bold=True)
            self._feature, self._rule = feature_key, None
        indent = "  "
        if info["rule"]:
            indent = "    "
            if info["rule"] != self._rule:
                self._tw.write(f"  {info['rule']}\n", purple=True)
                self._rule = info["rule"]
        self._tw.write(f"{indent}{info['scenario']} ")
        self._tw.write(word, **markup)
        self._tw.write("\n")
        if self.verbosity >= 1:
            for keyword, name, status in info["steps"]:
                suffix = "" if status == "passed" else f"   ({status})"
                self._tw.write(f"{indent}    {keyword} {name}{suffix}\n", red=status not in ("passed", "not run"))
        self.flush()
