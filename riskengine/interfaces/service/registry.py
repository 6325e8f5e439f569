"""The rulesets the service serves, loaded from one folder, replaced atomically on reload.

``Registry.reload()`` (``POST /v1/admin/reload``, ``SIGHUP``) checks every ruleset file first. When
any file has a problem, nothing changes: the service keeps serving the rulesets it had, and the
caller gets every diagnostic. Otherwise the new set replaces the old one in a single assignment:

- a ruleset whose content hash and params are unchanged keeps its engine (and its state);
- a request holds the ``Entry`` it looked up, so a request in flight finishes on the version it
  started with; the old engine is dropped when the last such request ends;
- a **stateful** ruleset that changed moves its state into the new engine (the windows of
  features whose definition is unchanged are kept, ``Engine.load_state(migrate=True)``). The
  move happens under the old entry's lock, after the request evaluating on it has finished; a
  request still waiting for that lock then finds the entry retired and evaluates on the new one,
  so no event is counted by an engine that is already discarded.

With an audit trail, the state of each stateful ruleset is rebuilt at start from the trail (latest
snapshot, then the decisions after it) and a snapshot is stored at every change of version and at
shutdown (see ``audit.py``); every ``snapshot_every`` decisions a child process stores one rebuilt
from the trail (``audit.checkpoint``), so that a restart after a crash replays few decisions and
serving never stops for a snapshot.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from riskengine.engine.backend import BackendError
from riskengine.engine.core import Engine
from riskengine.engine.state import StateError
from riskengine.interfaces.service.audit import SERVICE_STREAM, AuditLog, encode_params
from riskengine.ruleset.errors import Diagnostic
from riskengine.ruleset.loader import check_ruleset_text
from riskengine.ruleset.model import Ruleset

RULESET_SUFFIXES = (".yaml", ".yml")
log = logging.getLogger("riskengine.service")


@dataclass(eq=False)
class Entry:
    """One served ruleset: its engine and the lock its evaluations and audit records go under."""

    ruleset: Ruleset
    engine: Engine
    file: str  # relative to the rulesets folder
    params: str  # encoded param values (identity of the version together with the hash)
    lock: threading.Lock = field(default_factory=threading.Lock)
    retired: bool = False
    since_snapshot: int = 0
    dirty: bool = False  # decisions recorded since the last snapshot taken in this process

    @property
    def stateful(self) -> bool:
        return bool(self.ruleset.features)

    @property
    def version_key(self) -> tuple[str, str]:
        return (self.ruleset.hash, self.params)


class ReloadFailed(Exception):
    """The rulesets folder has problems; nothing was changed."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__("\n".join(diagnostic.render() for diagnostic in diagnostics))


@dataclass
class ReloadReport:
    generation: int
    entries: list[Entry]
    changed: list[str]
    removed: list[str]


def ruleset_files(directory: Path) -> list[Path]:
    """The ruleset files of a folder: ``*.yaml``/``*.yml``, recursively, hidden ones skipped."""
    return sorted(
        path
        for path in directory.rglob("*")
        if path.suffix in RULESET_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    )


class Registry:
    def __init__(
        self,
        directory: str | Path,
        audit: AuditLog | None = None,
        stream: str = SERVICE_STREAM,
        snapshot_every: int = 10000,
    ):
        self.directory = Path(directory)
        self.audit = audit
        self.stream = stream
        self.snapshot_every = snapshot_every
        self.generation = 0
        self._entries: dict[str, Entry] = {}
        self._reload_lock = threading.Lock()
        self._checkpoint_lock = threading.Lock()
        self._checkpoints: dict[str, subprocess.Popen[bytes]] = {}

    # ------------------------------------------------------------------ lookups

    def get(self, ruleset_id: str) -> Entry | None:
        return self._entries.get(ruleset_id)

    def entries(self) -> list[Entry]:
        return sorted(self._entries.values(), key=lambda entry: entry.ruleset.id)

    # ------------------------------------------------------------------ loading

    def _scan(self) -> tuple[dict[str, tuple[Ruleset, str]], list[Diagnostic]]:
        problems: list[Diagnostic] = []
        found: dict[str, tuple[Ruleset, str]] = {}
        if not self.directory.is_dir():
            return {}, [Diagnostic("file_not_found", "the rulesets folder does not exist", self.directory.name or ".")]
        files = ruleset_files(self.directory)
        if not files:
            return {}, [Diagnostic("file_not_found", "no ruleset files (*.yaml, *.yml) in the rulesets folder", ".")]
        for path in files:
            display = path.relative_to(self.directory).as_posix()  # never an absolute path in a response
            try:
                data = path.read_bytes()
            except OSError as error:
                problems.append(Diagnostic("file_not_found", f"cannot read the ruleset: {error.strerror or error}", display))
                continue
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as error:
                problems.append(Diagnostic("yaml_syntax", f"the file is not UTF-8 text ({error.reason})", display))
                continue
            ruleset, diagnostics = check_ruleset_text(text, display, None, content_hash="sha256:" + hashlib.sha256(data).hexdigest())
            problems.extend(diagnostics)
            if ruleset is None:
                continue
            if ruleset.id in found:
                problems.append(
                    Diagnostic("invalid_value", f"ruleset id '{ruleset.id}' is used by {found[ruleset.id][1]} too", display)
                )
                continue
            found[ruleset.id] = (ruleset, display)
        return found, problems

    def load(self) -> ReloadReport:
        """The first load: every file must be valid. Stateful rulesets continue from the audit trail."""
        return self.reload(initial=True)

    def reload(self, initial: bool = False) -> ReloadReport:
        """Check the folder and, when every ruleset is valid, swap the new set in (see the module
        docstring). Raises ``ReloadFailed`` and changes nothing otherwise."""
        with self._reload_lock:
            found, problems = self._scan()
            if problems:
                raise ReloadFailed(problems)
            current = self._entries
            fresh: dict[str, Entry] = {}
            changed: list[str] = []
            for ruleset_id, (ruleset, display) in found.items():
                params = encode_params(ruleset)
                old = current.get(ruleset_id)
                if old is not None and old.version_key == (ruleset.hash, params):
                    old.file = display
                    fresh[ruleset_id] = old
                    continue
                try:
                    engine = Engine(ruleset)
                except BackendError as error:
                    problems.append(Diagnostic("invalid_value", str(error), display))
                    continue
                fresh[ruleset_id] = Entry(ruleset, engine, display, params)
                changed.append(ruleset_id)
            if problems:
                raise ReloadFailed(problems)
            if initial:
                for ruleset_id in changed:
                    self._recover(fresh[ruleset_id])
            removed = sorted(set(current) - set(fresh))
            # Old entries that keep state are retired under their locks, in id order.
            retiring = sorted(
                (current[ruleset_id] for ruleset_id in set(changed + removed) if ruleset_id in current),
                key=lambda entry: entry.ruleset.id,
            )
            with contextlib.ExitStack() as stack:
                for entry in retiring:
                    if entry.stateful:
                        stack.enter_context(entry.lock)
                for entry in retiring:
                    replacement = fresh.get(entry.ruleset.id)
                    if entry.stateful and replacement is not None and replacement.stateful:
                        try:
                            replacement.engine.take_state(entry.engine)
                        except StateError as error:  # pragma: no cover - the same process wrote it
                            log.error("%s: state not carried over to the new version: %s", entry.ruleset.id, error)
                if not initial:
                    for ruleset_id in changed:
                        self._begin(fresh[ruleset_id])
                self._entries = fresh
                self.generation += 1
                for entry in retiring:
                    entry.retired = True
            return ReloadReport(self.generation, self.entries(), sorted(changed), removed)

    def _begin(self, entry: Entry, snapshot: bool = True) -> None:
        """Start a segment of the service stream for a new version: snapshot its state."""
        if self.audit is not None and entry.stateful:
            self.audit.begin(entry.engine, self.stream, snapshot=snapshot)
            entry.since_snapshot = 0
            entry.dirty = False

    def _recover(self, entry: Entry) -> None:
        """Continue the state of a stateful ruleset from the audit trail (latest snapshot, then the
        decisions after it), then store a snapshot when anything was replayed or changed."""
        if self.audit is None or not entry.stateful:
            return
        rebuilt = self.audit.rebuild(self.stream, entry.ruleset.id)
        if rebuilt.engine is None:
            self._begin(entry)  # a new stream: its state starts empty
            return
        same_version = rebuilt.engine.ruleset.hash == entry.ruleset.hash and encode_params(rebuilt.engine.ruleset) == entry.params
        entry.engine.take_state(rebuilt.engine)
        log.info(
            "%s: state restored from %s and %d later decision(s)%s",
            entry.ruleset.id,
            f"snapshot {rebuilt.snapshot_seq}" if rebuilt.snapshot_seq else "the start of the trail",
            rebuilt.replayed,
            "" if same_version else f"; migrated to {entry.ruleset.version} ({entry.ruleset.hash})",
        )
        for note in rebuilt.notes:
            log.info("%s: %s", entry.ruleset.id, note)
        if rebuilt.mismatches:
            log.warning(
                "%s: %d replayed decision(s) differ from the recorded assessments (first: %s)",
                entry.ruleset.id, len(rebuilt.mismatches), rebuilt.mismatches[0],
            )
        self._begin(entry, snapshot=bool(rebuilt.replayed) or not same_version)

    # ------------------------------------------------------------------ snapshots

    def after_record(self, entry: Entry, count: int) -> None:
        """Call under ``entry.lock`` after recording ``count`` decisions: every ``snapshot_every``
        decisions, a child process stores a snapshot rebuilt from the trail (``audit.checkpoint``),
        so that serving never waits for one."""
        if self.audit is None or not entry.stateful:
            return
        entry.dirty = True
        entry.since_snapshot += count
        if self.snapshot_every > 0 and entry.since_snapshot >= self.snapshot_every:
            if self._start_checkpoint(entry.ruleset.id):
                entry.since_snapshot = 0

    def _start_checkpoint(self, ruleset_id: str) -> bool:
        assert self.audit is not None
        with self._checkpoint_lock:
            running = self._checkpoints.get(ruleset_id)
            if running is not None and running.poll() is None:
                return False  # the previous one is still at work; try again after the next decision
            if running is not None and running.returncode:
                log.warning("%s: the state checkpoint process ended with code %s", ruleset_id, running.returncode)
            try:
                self._checkpoints[ruleset_id] = subprocess.Popen(
                    [sys.executable, "-m", "riskengine.interfaces.service.checkpoint", str(self.audit.path), self.stream, ruleset_id],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    close_fds=True,
                )
            except OSError as error:
                log.error("%s: cannot start the state checkpoint process: %s", ruleset_id, error)
                return False
            return True

    def close(self) -> None:
        """Wait for running checkpoints, then snapshot the state of every stateful ruleset that
        recorded decisions in this run."""
        with self._checkpoint_lock:
            running = list(self._checkpoints.values())
            self._checkpoints.clear()
        for process in running:
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:  # pragma: no cover - a stuck checkpoint
                process.kill()
                process.wait()
        if self.audit is None:
            return
        for entry in self.entries():
            if entry.stateful:
                with entry.lock:
                    if entry.dirty:
                        self.audit.snapshot(entry.engine, self.stream)
                        entry.dirty = False
                        entry.since_snapshot = 0

    def describe(self) -> dict[str, Any]:
        return {"generation": self.generation, "rulesets": [entry.ruleset.id for entry in self.entries()]}
