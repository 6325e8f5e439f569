"""The audit trail: every decision, the ruleset text behind it, and the state it was taken in.

Compliance needs to know, years later, exactly why a decision came out as it did. ``AuditLog``
appends each assessment to a SQLite database (WAL journal, ``synchronous=FULL``) with:

- a decision id (a UUIDv7: unique and ordered by time), the time it was recorded (UTC);
- the ruleset id, version, content hash and the param values in force;
- the input event exactly as it was received (JSON text) and the assessment exactly as it was
  returned (its JSON line, byte for byte);
- the *stream* it belongs to: ``service`` for the HTTP service, ``cli:<uuid>`` for one CLI run.

The text of every ruleset hash ever used is stored once (table ``rulesets``), so any decision can be
re-evaluated with the ruleset it was made with, even after the file changed or was deleted.

**Stateful rulesets.** An assessment that uses stateful features depends on the events before it.
The trail keeps *state snapshots* (table ``snapshots``: the engine's state document, compressed,
with the last decision it includes) at the start of every stream segment, at every hot reload and
at shutdown, and every N decisions a snapshot rebuilt from the trail itself (``checkpoint``, run by
the service in a child process). Replaying a decision restores the latest snapshot of its stream
taken before it, re-evaluates the decisions of the same stream and ruleset recorded after that
snapshot, in order, and then the decision itself: the replay re-creates the state exactly, it does
not trust the feature values in the evidence. The service uses the same procedure to continue its
state after a restart or a crash (``rebuild``).

**Durability.** One writer thread owns the write connection and commits in *groups*: each caller's
rows are queued, the writer commits everything queued in one transaction, and ``record`` returns
only after the commit (``wait=True``). With ``synchronous=FULL`` a returned ``record`` survives a
crash of the process or of the machine; concurrent callers share one fsync. A second thread copies
the WAL into the database every second (a passive checkpoint), so that no commit has to.

The order of decisions in the trail (``seq``) is the order in which they were enqueued; callers that
keep state (the service) enqueue while holding the lock under which they evaluated, so ``seq`` order
is evaluation order.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import os
import queue
import secrets
import sqlite3
import tempfile
import threading
import time
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from riskengine.engine.assessment import Assessment, EventError, RulesetRef
from riskengine.engine.core import Engine
from riskengine.engine.state import decode_value, encode_value
from riskengine.ruleset.errors import RulesetError
from riskengine.ruleset.loader import load_ruleset_text
from riskengine.ruleset.model import Ruleset

AUDIT_FORMAT = "riskengine-audit/1"
SERVICE_STREAM = "service"
MAX_GROUP = 512  # jobs committed in one transaction at most
CHECKPOINT_SECONDS = 1.0  # how often the WAL is copied into the database (in the background)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rulesets (
    hash TEXT PRIMARY KEY,
    ruleset_id TEXT NOT NULL,
    version TEXT NOT NULL,
    text TEXT NOT NULL,
    first_recorded TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS decisions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_id TEXT NOT NULL UNIQUE,
    recorded_at TEXT NOT NULL,
    stream TEXT NOT NULL,
    ruleset_id TEXT NOT NULL,
    ruleset_version TEXT NOT NULL,
    ruleset_hash TEXT NOT NULL,
    params TEXT NOT NULL,
    event TEXT NOT NULL,
    assessment TEXT NOT NULL,
    status TEXT,
    band TEXT,
    event_id TEXT,
    entity TEXT
);
CREATE INDEX IF NOT EXISTS decisions_recorded_at ON decisions (recorded_at);
CREATE INDEX IF NOT EXISTS decisions_stream ON decisions (stream, ruleset_id, seq);
CREATE INDEX IF NOT EXISTS decisions_event_id ON decisions (event_id);
CREATE TABLE IF NOT EXISTS snapshots (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    taken_at TEXT NOT NULL,
    stream TEXT NOT NULL,
    ruleset_id TEXT NOT NULL,
    ruleset_hash TEXT NOT NULL,
    params TEXT NOT NULL,
    after_seq INTEGER NOT NULL,
    document BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_stream ON snapshots (stream, ruleset_id, seq);
"""

_DECISION_COLUMNS = (
    "seq, decision_id, recorded_at, stream, ruleset_id, ruleset_version, ruleset_hash, params, event, assessment"
)


class AuditError(Exception):
    """The audit trail cannot be read or written (the message says why)."""


# ---------------------------------------------------------------------- records


@dataclass(frozen=True)
class Decision:
    """One recorded decision, as stored."""

    seq: int
    decision_id: str
    recorded_at: str
    stream: str
    ruleset_id: str
    ruleset_version: str
    ruleset_hash: str
    params: str  # JSON of the param values (dates as {"$date": ...})
    event: str  # the input event as received (JSON text)
    assessment: str  # the assessment JSON line as returned

    @property
    def param_values(self) -> dict[str, Any]:
        return decode_params(self.params)

    def export(self) -> dict[str, Any]:
        """The JSON Lines record of ``riskengine audit export``."""
        record: dict[str, Any] = {
            "decision_id": self.decision_id,
            "recorded_at": self.recorded_at,
            "stream": self.stream,
            "ruleset": {"id": self.ruleset_id, "version": self.ruleset_version, "hash": self.ruleset_hash},
            "params": json.loads(self.params),
        }
        try:
            record["event"] = json.loads(self.event)
        except (json.JSONDecodeError, RecursionError):
            record["event"] = None
            record["event_text"] = self.event  # the input was not JSON; kept as received
        record["assessment"] = json.loads(self.assessment)
        return record


@dataclass(frozen=True)
class Snapshot:
    seq: int
    taken_at: str
    stream: str
    ruleset_id: str
    ruleset_hash: str
    params: str
    after_seq: int
    document: bytes  # the state file's bytes (uncompressed)


@dataclass
class ReplayResult:
    """What ``replay`` found: the stored and the re-evaluated assessment, and how state was rebuilt."""

    decision: Decision
    replayed: str
    identical: bool
    stateful: bool
    snapshot_seq: int | None = None
    prior_events: int = 0  # decisions re-evaluated to rebuild the state
    notes: list[str] = field(default_factory=list)


@dataclass
class Rebuilt:
    """An engine whose state was rebuilt from the trail (``AuditLog.rebuild``)."""

    engine: Engine | None
    snapshot_seq: int | None
    replayed: int
    mismatches: list[str]  # decision ids whose re-evaluation differs from the stored assessment
    last_seq: int
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------- helpers


def new_decision_id() -> str:
    """A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits."""
    millis = time.time_ns() // 1_000_000
    random = secrets.randbits(74)
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76 | ((random >> 62) & 0xFFF) << 64
    value |= 0b10 << 62 | (random & ((1 << 62) - 1))
    return str(uuid.UUID(int=value))


def utc_now() -> str:
    """Now, in the stored form (``format_time``)."""
    now = time.time_ns()
    seconds, nanoseconds = divmod(now, 1_000_000_000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{nanoseconds // 1000:06d}Z"


def format_time(moment: dt.datetime) -> str:
    """Fixed-width UTC text (``2026-01-31T09:30:00.000000Z``): it sorts as the times do."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> str:
    """A ``--since``/``--until`` value (a date, or a datetime; without an offset it is UTC) in the
    stored form."""
    value = text.strip()
    try:
        if len(value) == 10:
            moment = dt.datetime.combine(dt.date.fromisoformat(value), dt.time(), dt.timezone.utc)
        else:
            moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ValueError(f"'{text}' is not a date (2026-01-31) or a datetime (2026-01-31T09:30:00Z)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return format_time(moment)


def encode_params(ruleset: Ruleset) -> str:
    return json.dumps({name: encode_value(value) for name, value in ruleset.param_values.items()}, ensure_ascii=False)


def decode_params(text: str) -> dict[str, Any]:
    return {name: decode_value(value) for name, value in json.loads(text).items()}


def _event_text(event: Any) -> str:
    if isinstance(event, bytes):
        return event.decode("utf-8", "replace")
    if isinstance(event, str):
        return event
    return json.dumps(event, ensure_ascii=False, default=str)


def _plain_text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


UNPARSED: Any = object()  # ``assess_input``: the input is JSON text still to be parsed
log = logging.getLogger("riskengine.audit")


def assess_input(engine: Engine, text: str, value: Any = UNPARSED) -> Assessment:
    """The decision procedure of the service, shared by replay: ``Engine.evaluate_json(text)`` (or
    ``Engine.evaluate(value)`` when the caller parsed ``text`` already: the same result), except
    that an event the engine fails on with an exception becomes a rejected assessment naming only
    the exception's type. The engine promises never to raise for bad input; should it break that
    promise, one event must not fail its whole request, and a replay must give the same bytes."""
    try:
        return engine.evaluate_json(text) if value is UNPARSED else engine.evaluate(value)
    except Exception as error:  # noqa: BLE001 - see the docstring
        log.error("the engine failed on an event (%s): %s", type(error).__name__, error)
        ruleset = engine.ruleset
        problem = f"the engine could not evaluate this event ({type(error).__name__})"
        return Assessment(
            status="rejected",
            errors=[EventError(field=None, problem=problem)],
            ruleset=RulesetRef(id=ruleset.id, version=ruleset.version, hash=ruleset.hash),
        )


class _Job:
    __slots__ = ("operations", "done", "error", "_callbacks", "_lock")

    def __init__(self, operations: list[Callable[[sqlite3.Connection], None]]):
        self.operations = operations
        self.done = threading.Event()
        self.error: BaseException | None = None
        self._callbacks: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    def add_callback(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` (from the writer thread) once the job is committed or failed."""
        with self._lock:
            if not self.done.is_set():
                self._callbacks.append(callback)
                return
        callback()

    def finish(self) -> None:
        with self._lock:
            self.done.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()


_STOP = object()


class Pending:
    """Decisions queued by ``AuditLog.submit``: their ids, and ``wait()`` for their commit."""

    __slots__ = ("_log", "_job", "ids")

    def __init__(self, log: "AuditLog", job: _Job, ids: list[str]):
        self._log, self._job, self.ids = log, job, ids

    def wait(self) -> list[str]:
        self._log._wait(self._job)
        return self.ids

    async def wait_async(self) -> list[str]:
        """``wait`` for asyncio code: the event loop is not blocked while the commit happens."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()

        def resolve() -> None:
            if not future.done():
                future.set_result(None)

        self._job.add_callback(lambda: loop.call_soon_threadsafe(resolve))
        await future
        self._log._wait(self._job)  # already done: raises the job's error, if any
        return self.ids


# ---------------------------------------------------------------------- the log


class AuditLog:
    """An append-only audit trail in one SQLite file. Thread-safe.

    ``stream`` names the sequence of decisions this instance records (default: ``cli:<uuid>``, one
    per instance); decisions of one stream and ruleset are replayed in order to rebuild state.
    """

    def __init__(self, path: str | Path, *, stream: str | None = None, create: bool = True, synchronous: str = "FULL"):
        self.path = Path(path)
        self.stream = stream or f"cli:{new_decision_id()}"
        if synchronous.upper() not in ("FULL", "NORMAL", "EXTRA"):
            raise ValueError("synchronous is FULL, NORMAL or EXTRA")
        self._synchronous = synchronous.upper()
        if not create and not self.path.is_file():
            raise AuditError(f"no audit trail at {self.path}")
        self._lock = threading.Lock()
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._writer: threading.Thread | None = None
        self._checkpointer: threading.Thread | None = None
        self._stop_checkpoints = threading.Event()
        self._closed = False
        self._first_error: BaseException | None = None
        self._known_hashes: set[str] = set()
        self._encoded_params: dict[int, tuple[Ruleset, str]] = {}
        self._begun: set[tuple[str, str, int]] = set()
        self._tmp = tempfile.TemporaryDirectory(prefix="riskengine-audit-")
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = self._connect(write=create)
            try:
                if create:
                    connection.executescript(_SCHEMA)
                    connection.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('format', ?)", (AUDIT_FORMAT,))
                row = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            finally:
                connection.close()
        except sqlite3.DatabaseError as error:
            self._tmp.cleanup()
            raise AuditError(f"{self.path} is not a riskengine audit trail: {error}") from None
        if row is None or row[0] != AUDIT_FORMAT:
            self._tmp.cleanup()
            raise AuditError(f"{self.path} is not a riskengine audit trail (expected format {AUDIT_FORMAT})")

    # ------------------------------------------------------------------ connections

    def _connect(self, write: bool = False) -> sqlite3.Connection:
        try:
            connection = sqlite3.connect(str(self.path), timeout=30, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise AuditError(f"cannot open the audit trail {self.path}: {error}") from None
        connection.execute("PRAGMA busy_timeout = 30000")
        if write:
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":  # pragma: no cover - file systems without shared memory
                raise AuditError(f"the audit trail {self.path} cannot use a WAL journal (got {mode})")
            connection.execute(f"PRAGMA synchronous = {self._synchronous}")
            connection.execute("PRAGMA wal_autocheckpoint = 0")  # the checkpoint thread does it
        return connection

    # ------------------------------------------------------------------ writing

    def _start_writer(self) -> None:
        with self._lock:
            if self._closed:
                raise AuditError("the audit trail is closed")
            if self._writer is None:
                self._writer = threading.Thread(target=self._write_loop, name="riskengine-audit-writer", daemon=True)
                self._writer.start()
                self._checkpointer = threading.Thread(target=self._checkpoint_loop, name="riskengine-audit-checkpoint", daemon=True)
                self._checkpointer.start()

    def _checkpoint_loop(self) -> None:
        """Copy the WAL into the database in the background (PASSIVE: never blocks the writer), so
        that no commit of a decision has to do it: SQLite's automatic checkpoint would run inside
        the COMMIT that crosses the WAL's size limit and stall every request waiting on it."""
        connection: sqlite3.Connection | None = None
        try:
            while not self._stop_checkpoints.wait(CHECKPOINT_SECONDS):
                try:
                    connection = connection or self._connect()
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                except (sqlite3.Error, AuditError):
                    pass  # busy or unavailable: the next round tries again
        finally:
            if connection is not None:
                connection.close()

    def _write_loop(self) -> None:
        connection = self._connect(write=True)
        try:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    return
                jobs = [item]
                stop = False
                while len(jobs) < MAX_GROUP:
                    try:
                        more = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if more is _STOP:
                        stop = True
                        break
                    jobs.append(more)
                self._commit(connection, jobs)
                if stop:
                    return
        finally:
            connection.close()

    def _commit(self, connection: sqlite3.Connection, jobs: list[_Job]) -> None:
        try:
            self._transaction(connection, [operation for job in jobs for operation in job.operations])
        except Exception as error:  # noqa: BLE001 - one bad job must not fail the others: retry each alone
            if len(jobs) == 1:
                jobs[0].error = AuditError(f"cannot write to the audit trail: {error}")
            else:
                for job in jobs:
                    try:
                        self._transaction(connection, job.operations)
                    except Exception as error:  # noqa: BLE001 - reported to the caller
                        job.error = AuditError(f"cannot write to the audit trail: {error}")
        for job in jobs:
            if job.error is not None and self._first_error is None:
                self._first_error = job.error
            job.finish()

    @staticmethod
    def _transaction(connection: sqlite3.Connection, operations: list[Callable[[sqlite3.Connection], None]]) -> None:
        connection.execute("BEGIN IMMEDIATE")
        try:
            for operation in operations:
                operation(connection)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def _submit(self, operations: list[Callable[[sqlite3.Connection], None]], wait: bool) -> _Job:
        self._start_writer()
        job = _Job(operations)
        self._queue.put(job)
        if wait:
            self._wait(job)
        return job

    def _wait(self, job: _Job) -> None:
        job.done.wait()
        if job.error is not None:
            with self._lock:
                self._known_hashes.clear()  # the ruleset rows may not have been written either
                if self._first_error is job.error:
                    self._first_error = None  # reported here; flush() need not report it again
            raise job.error if isinstance(job.error, AuditError) else AuditError(str(job.error))

    def _params(self, ruleset: Ruleset) -> str:
        cached = self._encoded_params.get(id(ruleset))
        if cached is None or cached[0] is not ruleset:
            cached = (ruleset, encode_params(ruleset))
            with self._lock:
                if len(self._encoded_params) > 1000:
                    self._encoded_params.clear()
                self._encoded_params[id(ruleset)] = cached
        return cached[1]

    def _ruleset_operation(self, ruleset: Ruleset) -> list[Callable[[sqlite3.Connection], None]]:
        with self._lock:
            if ruleset.hash in self._known_hashes:
                return []
            self._known_hashes.add(ruleset.hash)
        row = (ruleset.hash, ruleset.id, ruleset.version, ruleset.source_text, utc_now())

        def store(connection: sqlite3.Connection) -> None:
            connection.execute(
                "INSERT OR IGNORE INTO rulesets (hash, ruleset_id, version, text, first_recorded) VALUES (?, ?, ?, ?, ?)", row
            )

        return [store]

    def _decision_row(
        self, ruleset: Ruleset, params: str, stream: str, event: Any, assessment: Assessment | str, decision_id: str | None, text: str | None = None
    ) -> tuple[Any, ...]:
        if isinstance(assessment, Assessment):
            text = text if text is not None else assessment.to_json()
            status, band, event_id, entity = assessment.status, assessment.band, assessment.event_id, assessment.entity
        else:
            text = assessment
            data = json.loads(text)
            status, band, event_id, entity = data.get("status"), data.get("band"), data.get("event_id"), data.get("entity")
        return (
            decision_id or new_decision_id(),
            utc_now(),
            stream,
            ruleset.id,
            ruleset.version,
            ruleset.hash,
            params,
            _event_text(event),
            text,
            status,
            band,
            _plain_text(event_id),
            _plain_text(entity),
        )

    def record(
        self,
        engine: Engine | Ruleset,
        event: Any,
        assessment: Assessment | str,
        *,
        stream: str | None = None,
        decision_id: str | None = None,
        wait: bool = True,
    ) -> str:
        """Append one decision; returns its decision id. ``event`` is the input as received (JSON
        text, or the mapping given to ``Engine.evaluate``). With ``wait`` (the default) it returns
        once the decision is committed to disk."""
        return self.record_many(engine, [(event, assessment)], stream=stream, decision_ids=[decision_id] if decision_id else None, wait=wait)[0]

    def record_many(
        self,
        engine: Engine | Ruleset,
        items: Iterable[tuple[Any, Assessment | str]],
        *,
        stream: str | None = None,
        decision_ids: list[str] | None = None,
        wait: bool = True,
    ) -> list[str]:
        """Append several decisions of one ruleset in one transaction, in order."""
        pending = self.submit(engine, items, stream=stream, decision_ids=decision_ids)
        if wait:
            pending.wait()
        return pending.ids

    def submit(
        self,
        engine: Engine | Ruleset,
        items: Iterable[tuple[Any, Assessment | str]],
        *,
        stream: str | None = None,
        decision_ids: list[str] | None = None,
        texts: list[str] | None = None,
    ) -> "Pending":
        """Queue decisions (their order in the trail is the order of ``submit`` calls) and return at
        once; ``Pending.wait()`` returns when they are committed. Lets a caller enqueue under its
        evaluation lock and wait for the disk outside it. ``texts``: the assessments' JSON lines,
        when the caller has them already."""
        ruleset = engine.ruleset if isinstance(engine, Engine) else engine
        stream = stream or self.stream
        params = self._params(ruleset)
        rows = []
        for index, (event, assessment) in enumerate(items):
            given = decision_ids[index] if decision_ids else None
            text = texts[index] if texts else None
            rows.append(self._decision_row(ruleset, params, stream, event, assessment, given, text))
        operations = self._ruleset_operation(ruleset)

        def insert(connection: sqlite3.Connection) -> None:
            connection.executemany(
                "INSERT INTO decisions (decision_id, recorded_at, stream, ruleset_id, ruleset_version, ruleset_hash,"
                " params, event, assessment, status, band, event_id, entity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

        operations.append(insert)
        if isinstance(engine, Engine) and engine.ruleset.features and rows:
            key = (stream, ruleset.id, id(engine))
            with self._lock:
                first = key not in self._begun
                self._begun.add(key)
            if first:
                # No snapshot was taken before this stream's first decision (see ``begin``): take
                # one now; it includes these decisions, and earlier state is assumed empty.
                operations.extend(self._snapshot_operations(engine, stream))
        return Pending(self, self._submit(operations, wait=False), [row[0] for row in rows])

    def begin(self, engine: Engine, stream: str | None = None, *, snapshot: bool = True, wait: bool = False) -> None:
        """Mark the start of a stream (or of a new segment of it) for an engine: with ``snapshot``,
        store its state before its first decision, so that replays start from the right state
        (e.g. one loaded with ``--state``). Nothing is stored for a stateless ruleset."""
        stream = stream or self.stream
        with self._lock:
            self._begun.add((stream, engine.ruleset.id, id(engine)))
        if snapshot and engine.ruleset.features:
            self.snapshot(engine, stream, wait=wait)

    def snapshot(self, engine: Engine, stream: str | None = None, wait: bool = False, after_seq: int | None = None) -> None:
        """Store the engine's state, as after the last decision recorded for its stream and ruleset
        (or after decision ``after_seq``, for a state rebuilt from the trail).

        Callers that evaluate concurrently must hold the lock they evaluate and record under."""
        self._submit(self._snapshot_operations(engine, stream or self.stream, after_seq), wait)

    def _snapshot_operations(self, engine: Engine, stream: str, after_seq: int | None = None) -> list[Callable[[sqlite3.Connection], None]]:
        ruleset = engine.ruleset
        handle, temporary = tempfile.mkstemp(suffix=".json", dir=self._tmp.name)
        os.close(handle)
        try:
            engine.save_state(temporary)
            document = zlib.compress(Path(temporary).read_bytes(), 6)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        header = (utc_now(), stream, ruleset.id, ruleset.hash, encode_params(ruleset))

        def insert(connection: sqlite3.Connection) -> None:
            if after_seq is not None:
                connection.execute(
                    "INSERT INTO snapshots (taken_at, stream, ruleset_id, ruleset_hash, params, after_seq, document)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (*header, after_seq, document),
                )
                return
            connection.execute(
                "INSERT INTO snapshots (taken_at, stream, ruleset_id, ruleset_hash, params, after_seq, document)"
                " VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) FROM decisions WHERE stream = ? AND ruleset_id = ?), ?)",
                (*header, stream, ruleset.id, document),
            )

        return self._ruleset_operation(ruleset) + [insert]

    def flush(self) -> None:
        """Wait until everything recorded so far is committed; raise ``AuditError`` if anything
        recorded since the last ``flush`` (with ``wait=False`` too) could not be written."""
        if self._writer is not None:
            self._submit([], wait=True)
        error, self._first_error = self._first_error, None
        if error is not None:
            raise error if isinstance(error, AuditError) else AuditError(str(error))

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            writer = self._writer
        if writer is not None:
            self._queue.put(_STOP)
            writer.join()
            self._stop_checkpoints.set()
            if self._checkpointer is not None:
                self._checkpointer.join()
            try:  # a last passive checkpoint: never waits for, nor blocks, another process writing
                connection = self._connect()
                try:
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                finally:
                    connection.close()
            except (sqlite3.Error, AuditError):
                pass
        self._tmp.cleanup()

    def __enter__(self) -> "AuditLog":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ------------------------------------------------------------------ reading

    @contextlib.contextmanager
    def _reader(self) -> Iterator[sqlite3.Connection]:
        connection = self._connect()
        try:
            yield connection
        except sqlite3.Error as error:
            raise AuditError(f"cannot read the audit trail {self.path}: {error}") from None
        finally:
            connection.close()

    def get(self, decision_id: str) -> Decision | None:
        with self._reader() as connection:
            row = connection.execute(f"SELECT {_DECISION_COLUMNS} FROM decisions WHERE decision_id = ?", (decision_id,)).fetchone()
        return Decision(*row) if row else None

    def count(self) -> int:
        with self._reader() as connection:
            return connection.execute("SELECT COUNT(*) FROM decisions").fetchone()[0]

    def decisions(
        self, stream: str | None = None, ruleset_id: str | None = None, after_seq: int = 0, before_seq: int | None = None
    ) -> Iterator[Decision]:
        """Decisions in ``seq`` order, optionally of one stream and ruleset, with after < seq < before."""
        clauses, args = ["seq > ?"], [after_seq]
        if before_seq is not None:
            clauses.append("seq < ?")
            args.append(before_seq)
        if stream is not None:
            clauses.append("stream = ?")
            args.append(stream)
        if ruleset_id is not None:
            clauses.append("ruleset_id = ?")
            args.append(ruleset_id)
        with self._reader() as connection:
            cursor = connection.execute(f"SELECT {_DECISION_COLUMNS} FROM decisions WHERE {' AND '.join(clauses)} ORDER BY seq", args)
            for row in cursor:
                yield Decision(*row)

    def export(self, since: str | None = None, until: str | None = None) -> Iterator[dict[str, Any]]:
        """One record per decision (``Decision.export``), in order; ``since`` inclusive and ``until``
        exclusive, each a date or datetime (UTC when it has no offset)."""
        clauses, args = [], []
        if since:
            clauses.append("recorded_at >= ?")
            args.append(parse_time(since))
        if until:
            clauses.append("recorded_at < ?")
            args.append(parse_time(until))
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._reader() as connection:
            for row in connection.execute(f"SELECT {_DECISION_COLUMNS} FROM decisions {where} ORDER BY seq", args):
                yield Decision(*row).export()

    def ruleset_text(self, ruleset_hash: str) -> str | None:
        with self._reader() as connection:
            row = connection.execute("SELECT text FROM rulesets WHERE hash = ?", (ruleset_hash,)).fetchone()
        return row[0] if row else None

    def latest_snapshot(self, stream: str, ruleset_id: str, before_seq: int | None = None) -> Snapshot | None:
        """The latest snapshot of a stream and ruleset; with ``before_seq``, the latest one that holds
        only decisions before it."""
        query = (
            "SELECT seq, taken_at, stream, ruleset_id, ruleset_hash, params, after_seq, document FROM snapshots"
            " WHERE stream = ? AND ruleset_id = ?"
        )
        args: list[Any] = [stream, ruleset_id]
        if before_seq is not None:
            query += " AND after_seq < ?"
            args.append(before_seq)
        with self._reader() as connection:
            row = connection.execute(query + " ORDER BY after_seq DESC, seq DESC LIMIT 1", args).fetchone()
        if row is None:
            return None
        return Snapshot(*row[:7], document=zlib.decompress(row[7]))

    # ------------------------------------------------------------------ replay

    def ruleset(self, ruleset_hash: str, params: str) -> Ruleset:
        """The ruleset of a stored hash, loaded with stored params."""
        text = self.ruleset_text(ruleset_hash)
        if text is None:
            raise AuditError(f"the audit trail holds no ruleset text for {ruleset_hash}")
        try:
            ruleset = load_ruleset_text(text, f"<audit {ruleset_hash[:19]}>", params=decode_params(params))
        except RulesetError as error:
            raise AuditError(f"the stored ruleset {ruleset_hash} no longer loads:\n{error}") from None
        if ruleset.hash != ruleset_hash:
            raise AuditError(f"the stored text of {ruleset_hash} hashes to {ruleset.hash}")
        return ruleset

    def _restore(self, engine: Engine, document: bytes, migrate: bool = False) -> None:
        handle, temporary = tempfile.mkstemp(suffix=".json", dir=self._tmp.name)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(document)
            engine.load_state(temporary, migrate=migrate)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def rebuild(
        self,
        stream: str,
        ruleset_id: str,
        before_seq: int | None = None,
        engines: dict[tuple[str, str], Engine] | None = None,
    ) -> Rebuilt:
        """Re-create the state of a stream's engine for ``ruleset_id`` just before ``before_seq``
        (or after its last decision): the latest snapshot, then every later decision re-evaluated
        in order. ``engine`` is None when the stream has neither."""
        cache = engines if engines is not None else {}

        def engine_for(ruleset_hash: str, params: str) -> Engine:
            key = (ruleset_hash, params)
            if key not in cache:
                cache[key] = Engine(self.ruleset(ruleset_hash, params))
            return cache[key]

        snapshot = self.latest_snapshot(stream, ruleset_id, before_seq)
        engine: Engine | None = None
        key: tuple[str, str] | None = None
        notes: list[str] = []
        if snapshot is not None:
            key = (snapshot.ruleset_hash, snapshot.params)
            engine = engine_for(*key)
            self._restore(engine, snapshot.document)
        replayed, mismatches, last = 0, [], snapshot.after_seq if snapshot else 0
        for decision in self.decisions(stream, ruleset_id, last, before_seq):
            if key != (decision.ruleset_hash, decision.params):
                following = engine_for(decision.ruleset_hash, decision.params)
                if engine is not None and following is not engine:
                    following.take_state(engine)
                    notes.append(f"state migrated from {key[0] if key else '?'} to {decision.ruleset_hash} at decision {decision.decision_id}")
                engine, key = following, (decision.ruleset_hash, decision.params)
            if assess_input(engine, decision.event).to_json() != decision.assessment:
                mismatches.append(decision.decision_id)
            replayed += 1
            last = decision.seq
        return Rebuilt(engine, snapshot.seq if snapshot else None, replayed, mismatches, last, notes)

    def replay(self, decision_id: str) -> ReplayResult:
        """Re-evaluate a stored decision with its stored ruleset, params and (for stateful
        rulesets) the state rebuilt from the trail; ``identical`` tells whether the assessment is
        byte-identical to the stored one."""
        decision = self.get(decision_id)
        if decision is None:
            raise AuditError(f"no decision {decision_id} in {self.path}")
        engines: dict[tuple[str, str], Engine] = {}
        target = Engine(self.ruleset(decision.ruleset_hash, decision.params))
        engines[(decision.ruleset_hash, decision.params)] = target
        stateful = bool(target.ruleset.features)
        result = ReplayResult(decision, "", False, stateful)
        if stateful:
            rebuilt = self.rebuild(decision.stream, decision.ruleset_id, decision.seq, engines)
            result.snapshot_seq, result.prior_events, result.notes = rebuilt.snapshot_seq, rebuilt.replayed, rebuilt.notes
            if rebuilt.engine is not None and rebuilt.engine is not target:
                target.take_state(rebuilt.engine)
                result.notes.append("state migrated to the decision's ruleset version")
            if rebuilt.mismatches:
                result.notes.append(f"{len(rebuilt.mismatches)} earlier decision(s) re-evaluated differently")
        result.replayed = assess_input(target, decision.event).to_json()
        result.identical = result.replayed == decision.assessment
        return result


def checkpoint(path: str | Path, stream: str, ruleset_id: str) -> Rebuilt:
    """Store a snapshot of a stream's state for ``ruleset_id``, rebuilt from the trail alone (the
    latest snapshot and the decisions after it). The HTTP service runs this in a child process every
    N decisions, so that a snapshot never stops or slows the evaluations it serves, and a restart
    after a crash replays at most about N decisions. Nothing is stored when nothing new was recorded
    or when a re-evaluation differs from its recorded assessment."""
    with AuditLog(path, stream=stream, create=False) as log:
        rebuilt = log.rebuild(stream, ruleset_id)
        if rebuilt.engine is not None and rebuilt.replayed and not rebuilt.mismatches:
            log.snapshot(rebuilt.engine, stream, wait=True, after_seq=rebuilt.last_seq)
        return rebuilt
