"""API keys: bearer tokens stored hashed in a JSON keys file, checked in constant time.

The keys file (``riskengine keys create NAME --keys FILE``)::

    {"format": "riskengine-keys/1",
     "keys": [{"name": "scoring-service", "scope": "evaluate",
               "hash": "sha256:9f2c...", "created": "2026-01-31T09:30:00Z", "revoked": null}]}

A key is ``rk_`` followed by 43 URL-safe characters (32 random bytes, 256 bits) and is shown once,
when it is created; the file keeps only its SHA-256. A fast, unsalted hash is enough here, and is
what lets every request be checked without a noticeable cost: salts and slow hashes (scrypt,
PBKDF2) protect *low-entropy* secrets such as passwords from guessing, whereas a 256-bit random
key cannot be guessed from its hash whatever the hash costs. A stolen keys file therefore gives no
usable key, and a key is compared with every stored hash by ``hmac.compare_digest`` (no early exit,
no timing difference between "unknown" and "almost right").

Scopes: ``evaluate`` (score events, read rulesets and metrics) and ``admin`` (everything, and
reload). The service re-reads the file whenever its modification time, size or inode changes, so a
revoked key stops working on the next request, without a restart. The file is rewritten atomically
(temporary file, fsync, rename) under an exclusive lock, so the service never reads half a file and
two concurrent ``keys`` commands do not lose each other's changes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import hmac
import json
import os
import secrets
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

KEYS_FORMAT = "riskengine-keys/1"
KEY_PREFIX = "rk_"
SCOPES = ("evaluate", "admin")
# What each scope may do: admin includes evaluate.
GRANTS = {"evaluate": frozenset({"evaluate"}), "admin": frozenset({"evaluate", "admin"})}
NAME_MAX = 100


class KeysError(Exception):
    """The keys file cannot be read or changed (the message names the problem, for the operator)."""


@dataclass(frozen=True)
class KeyRecord:
    name: str
    scope: str
    hash: str
    created: str
    revoked: str | None = None

    @property
    def active(self) -> bool:
        return self.revoked is None

    def allows(self, scope: str) -> bool:
        return scope in GRANTS.get(self.scope, frozenset())

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "scope": self.scope, "hash": self.hash, "created": self.created, "revoked": self.revoked}


def hash_key(key: str) -> str:
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_keys(path: str | Path) -> list[KeyRecord]:
    """The records of a keys file; a missing file holds no keys."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as error:
        raise KeysError(f"cannot read the keys file {path}: {error.strerror or error}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise KeysError(f"the keys file {path} is not valid JSON (line {error.lineno}, column {error.colno})") from None
    if not isinstance(document, dict) or document.get("format") != KEYS_FORMAT or not isinstance(document.get("keys"), list):
        raise KeysError(f"{path} is not a riskengine keys file (expected format {KEYS_FORMAT})")
    records = []
    for index, item in enumerate(document["keys"]):
        try:
            record = KeyRecord(
                name=str(item["name"]),
                scope=str(item["scope"]),
                hash=str(item["hash"]),
                created=str(item.get("created", "")),
                revoked=item.get("revoked"),
            )
        except (KeyError, TypeError):
            raise KeysError(f"{path}: key {index + 1} needs name, scope and hash") from None
        if record.scope not in SCOPES:
            raise KeysError(f"{path}: key '{record.name}' has the unknown scope '{record.scope}'")
        if not record.hash.startswith("sha256:"):
            raise KeysError(f"{path}: key '{record.name}' has a hash that is not sha256:<hex>")
        records.append(record)
    return records


def _write_keys(path: Path, records: list[KeyRecord]) -> None:
    document = {"format": KEYS_FORMAT, "keys": [record.as_dict() for record in records]}
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(document, stream, indent=2)
            stream.write("\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock beside the keys file, held while it is read, changed and rewritten."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a+") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def create_key(path: str | Path, name: str, scope: str = "evaluate") -> str:
    """Add a key named ``name`` and return it; only its hash is stored. A name may be reused only
    once its earlier key is revoked."""
    if scope not in SCOPES:
        raise KeysError(f"unknown scope '{scope}'; expected one of: {', '.join(SCOPES)}")
    if not name or len(name) > NAME_MAX or not all(ch.isalnum() or ch in "-_.@" for ch in name):
        raise KeysError(f"a key name is 1 to {NAME_MAX} letters, digits, '-', '_', '.' or '@'")
    target = Path(path)
    with _locked(target):
        records = read_keys(target)
        if any(record.name == name and record.active for record in records):
            raise KeysError(f"a key named '{name}' exists already; revoke it first or choose another name")
        key = new_key()
        records.append(KeyRecord(name=name, scope=scope, hash=hash_key(key), created=_now()))
        _write_keys(target, records)
    return key


def revoke_key(path: str | Path, name: str) -> int:
    """Revoke every active key named ``name``; returns how many were revoked (0: none active)."""
    target = Path(path)
    with _locked(target):
        records = read_keys(target)
        revoked = 0
        now = _now()
        updated = []
        for record in records:
            if record.name == name and record.active:
                record = KeyRecord(record.name, record.scope, record.hash, record.created, now)
                revoked += 1
            updated.append(record)
        if revoked:
            _write_keys(target, updated)
    return revoked


class KeyStore:
    """The service's view of a keys file, re-read when the file changes. Thread-safe."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._signature: tuple[int, int, int] | None = None
        self._active: list[KeyRecord] = []
        self._error: str | None = None
        self._refresh()

    def _refresh(self) -> None:
        try:
            stat = self.path.stat()
            signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        except FileNotFoundError:
            signature = (0, 0, 0)
        except OSError as error:
            signature = (-1, -1, -1)
            self._error = f"cannot read the keys file {self.path}: {error.strerror or error}"
        if signature == self._signature:
            return
        with self._lock:
            if signature == self._signature:
                return
            try:
                records = read_keys(self.path)
            except KeysError as error:
                # Fail closed: a file that cannot be read grants nothing (a revoke must never be undone).
                self._active, self._error = [], str(error)
            else:
                self._active, self._error = [record for record in records if record.active], None
            self._signature = signature

    @property
    def error(self) -> str | None:
        """Why the keys file cannot be used, or None."""
        self._refresh()
        return self._error

    @property
    def active_count(self) -> int:
        self._refresh()
        return len(self._active)

    def authenticate(self, key: str) -> KeyRecord | None:
        """The active record whose hash matches ``key``, or None. Every record is compared."""
        self._refresh()
        presented = hash_key(key).encode("ascii")
        found: KeyRecord | None = None
        for record in self._active:
            if hmac.compare_digest(presented, record.hash.encode("ascii", "replace")):
                found = record
        return found
