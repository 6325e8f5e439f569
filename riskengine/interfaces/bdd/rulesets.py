"""Finding the ruleset a scenario names, and loading it once per session and set of params.

``Given the "soccer" ruleset`` names a ruleset by id or by path:

- a path (it ends in ``.yaml``/``.yml`` or holds a ``/``) is read relative to the feature file, then
  to the current directory, then to pytest's rootdir;
- an id is looked up, in order, in the folders given with ``--bdd-rulesets`` (``riskengine bdd
  --rulesets``) or the ``riskengine_rulesets`` ini option, then in the feature file's folder and in
  a ``rulesets/`` folder next to it or next to any folder above it, then in ``rulesets/`` under the
  current directory and the rootdir. A folder holds the ruleset ``ID`` as ``ID.yaml`` / ``ID.yml``,
  or as any YAML file whose ``ruleset:`` key is ``ID``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from riskengine.interfaces.bdd.errors import ScenarioError
from riskengine.ruleset.errors import RulesetError
from riskengine.ruleset.loader import load_ruleset
from riskengine.ruleset.model import Ruleset
from riskengine.ruleset.params import coerce_text
from riskengine.suggest import closest

SUFFIXES = (".yaml", ".yml")
_ID_LINE = re.compile(r"^ruleset:\s*['\"]?([A-Za-z0-9_]+)['\"]?\s*(?:#.*)?$", re.MULTILINE)


def looks_like_path(name: str) -> bool:
    return name.endswith(SUFFIXES) or "/" in name or "\\" in name


def _declared_id(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    match = _ID_LINE.search(text)
    return match.group(1) if match else None


@dataclass
class RulesetLocator:
    """Where ruleset ids are looked up (see the module docstring)."""

    folders: list[Path]  # --bdd-rulesets and the ini option, in order
    cwd: Path
    rootdir: Path

    def search_folders(self, feature_dir: Path) -> list[Path]:
        folders = list(self.folders)
        folders.append(feature_dir)
        for ancestor in (feature_dir, *feature_dir.parents):
            folders.append(ancestor / "rulesets")
        folders += [self.cwd / "rulesets", self.rootdir / "rulesets"]
        unique: list[Path] = []
        for folder in folders:
            resolved = folder.resolve()
            if resolved not in unique and resolved.is_dir():
                unique.append(resolved)
        return unique

    def find(self, name: str, feature_dir: Path) -> Path:
        """The file of the ruleset ``name`` (an id or a path); ScenarioError when there is none."""
        if looks_like_path(name):
            for base in (feature_dir, self.cwd, self.rootdir):
                candidate = (base / name).resolve()
                if candidate.is_file():
                    return candidate
            raise ScenarioError(
                f"no ruleset file '{name}' (looked next to the feature file, in {self.cwd} and in {self.rootdir})"
            )
        folders = self.search_folders(feature_dir)
        for folder in folders:
            for suffix in SUFFIXES:
                candidate = folder / f"{name}{suffix}"
                if candidate.is_file():
                    return candidate
        known: dict[str, Path] = {}
        for folder in folders:
            for candidate in sorted(folder.iterdir()):
                if candidate.suffix in SUFFIXES and candidate.is_file():
                    declared = _declared_id(candidate)
                    if declared is not None:
                        known.setdefault(declared, candidate)
        if name in known:
            return known[name]
        message = f"no ruleset '{name}'"
        suggestions = closest(name, list(known), 3)
        if suggestions:
            message += "; did you mean " + " or ".join(f"'{item}'" for item in suggestions) + "?"
        elif known:
            message += f"; the rulesets found are: {', '.join(sorted(known))}"
        message += "\nlooked in: " + ", ".join(str(folder) for folder in folders)
        message += "\n(name a YAML file by its path, or give its folder with --rulesets DIR)"
        raise ScenarioError(message)


@dataclass
class RulesetCache:
    """Rulesets loaded in this session, by file content and params (a file edited between runs is
    read again); a ruleset that does not load is remembered as its error."""

    entries: dict[tuple[str, str, tuple[tuple[str, str], ...]], Any] = field(default_factory=dict)

    def load(self, path: Path, params: dict[str, str]) -> Ruleset:
        data = path.read_bytes()
        key = (str(path), hashlib.sha256(data).hexdigest(), tuple(sorted(params.items())))
        entry = self.entries.get(key)
        if entry is None:
            try:
                entry = load_ruleset(path, params=self._typed(path, params))
            except RulesetError as error:
                entry = ScenarioError(f"the ruleset {path} does not load; its problems:\n{error}")
            self.entries[key] = entry
        if isinstance(entry, ScenarioError):
            raise ScenarioError(str(entry))
        return entry

    def _typed(self, path: Path, params: dict[str, str]) -> dict[str, Any]:
        """The params' text read for the type of each param's default (as ``--set`` does)."""
        if not params:
            return {}
        declared = self.load(path, {}).params
        return {
            name: coerce_text(value, declared[name].type) if name in declared else value
            for name, value in params.items()
        }
