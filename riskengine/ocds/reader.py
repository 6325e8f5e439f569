"""Read OCDS data: compiled releases (JSON Lines, as in the OCP Data Registry), release packages and
record packages, one per line or as one JSON document.

Every problem is reported with where it is (file, line, and the release or record index in a
package) and reading goes on: a malformed line never stops the rest of the file. What is yielded
is one compiled release per contracting process:

- a line (or an item of a top-level array) that is a release with a ``compiled`` tag, or with no
  tag at all, is used as it is (Cardinal reads every line as a compiled release);
- a record package gives each record's ``compiledRelease``; a record without one, but with full
  releases, gives the merge of its releases;
- releases of a release package, and individual releases (a tag other than ``compiled``), are
  merged per ``ocid`` in date order (``riskengine.ocds.merge``) once the whole input is read.

Publisher quirks are repaired by ``riskengine.ocds.normalise`` after reading.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from riskengine.ocds.merge import merge_releases

MAX_PROBLEMS_KEPT = 200


@dataclass
class Problem:
    """Something in the input that could not be used, and where it is."""

    source: str
    line: int | None
    message: str

    def render(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


@dataclass
class ReadStats:
    lines: int = 0
    compiled_releases: int = 0
    release_packages: int = 0
    record_packages: int = 0
    records: int = 0
    releases_merged: int = 0
    processes: int = 0
    problem_count: int = 0
    problems: list[Problem] = field(default_factory=list)

    def problem(self, source: str, line: int | None, message: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(Problem(source, line, message))


class OcdsInputError(Exception):
    """The input cannot be read at all (missing file, a directory, unreadable)."""


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


class _Collector:
    """Sorts JSON values into compiled releases (yielded at once) and releases to merge (later)."""

    def __init__(self, stats: ReadStats):
        self.stats = stats
        self.pending: dict[str, list[dict[str, Any]]] = {}

    def values(self, value: Any, source: str, line: int | None, where: str = "") -> Iterator[dict[str, Any]]:
        prefix = f"{where}: " if where else ""
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from self.values(item, source, line, f"{where}item {index}" if not where else f"{where}, item {index}")
            return
        if not isinstance(value, dict):
            self.stats.problem(source, line, f"{prefix}expected a JSON object (a release, a release package or a record package), got {_json_type(value)}")
            return
        if "records" in value:
            yield from self._record_package(value, source, line, prefix)
        elif "releases" in value and "ocid" not in value:
            yield from self._release_package(value, source, line, prefix)
        elif "ocid" in value:
            yield from self._release(value, source, line, prefix, packaged=False)
        else:
            keys = ", ".join(sorted(str(key) for key in value)[:6]) or "no keys"
            self.stats.problem(source, line, f"{prefix}an object without 'ocid', 'releases' or 'records' ({keys}): not OCDS data")

    def _release(self, release: dict[str, Any], source: str, line: int | None, prefix: str, packaged: bool) -> Iterator[dict[str, Any]]:
        tag = release.get("tag")
        tags = tag if isinstance(tag, list) else [tag] if isinstance(tag, str) else []
        if tags and "compiled" not in tags:
            ocid = release.get("ocid")
            if not isinstance(ocid, (str, int)) or isinstance(ocid, bool):
                self.stats.problem(source, line, f"{prefix}a release without a usable 'ocid' ({_json_type(ocid)}): skipped")
                return
            self.pending.setdefault(str(ocid), []).append(release)
            return
        if packaged and not tags:
            # a release package's release without a tag: merge it with the other releases of its process
            ocid = release.get("ocid")
            if isinstance(ocid, (str, int)) and not isinstance(ocid, bool):
                self.pending.setdefault(str(ocid), []).append(release)
                return
        self.stats.compiled_releases += 1
        yield release

    def _package_entries(self, package: dict[str, Any], noun: str, source: str, line: int | None, prefix: str) -> list[Any]:
        """The ``releases`` or ``records`` of a package; an object where an array belongs is read
        as a one-item array, anything else is reported and read as nothing."""
        entries = package.get(f"{noun}s")
        if isinstance(entries, dict):
            entries = [entries]
        if not isinstance(entries, list):
            self.stats.problem(source, line, f"{prefix}a {noun} package whose '{noun}s' is {_json_type(entries)}, not an array: skipped")
            return []
        if not entries:
            self.stats.problem(source, line, f"{prefix}a {noun} package without {noun}s: nothing to read")
        return entries

    def _release_package(self, package: dict[str, Any], source: str, line: int | None, prefix: str) -> Iterator[dict[str, Any]]:
        self.stats.release_packages += 1
        releases = self._package_entries(package, "release", source, line, prefix)
        for index, release in enumerate(releases):
            where = f"{prefix}release {index}: "
            if not isinstance(release, dict):
                self.stats.problem(source, line, f"{where}expected a release object, got {_json_type(release)}")
                continue
            if "ocid" not in release:
                self.stats.problem(source, line, f"{where}a release without 'ocid': skipped")
                continue
            yield from self._release(release, source, line, where, packaged=True)

    def _record_package(self, package: dict[str, Any], source: str, line: int | None, prefix: str) -> Iterator[dict[str, Any]]:
        self.stats.record_packages += 1
        records = self._package_entries(package, "record", source, line, prefix)
        for index, record in enumerate(records):
            where = f"{prefix}record {index}: "
            if not isinstance(record, dict):
                self.stats.problem(source, line, f"{where}expected a record object, got {_json_type(record)}")
                continue
            self.stats.records += 1
            compiled = record.get("compiledRelease")
            if isinstance(compiled, dict):
                if "ocid" not in compiled and "ocid" in record:
                    compiled = {**compiled, "ocid": record["ocid"]}
                self.stats.compiled_releases += 1
                yield compiled
                continue
            releases = record.get("releases")
            if isinstance(releases, dict):
                releases = [releases]
            full = [release for release in (releases if isinstance(releases, list) else []) if isinstance(release, dict) and ("tender" in release or "awards" in release or "buyer" in release or "contracts" in release)]
            if full:
                merged = merge_releases(full)
                merged.setdefault("ocid", record.get("ocid"))
                self.stats.releases_merged += len(full)
                yield merged
                continue
            self.stats.problem(source, line, f"{where}a record without 'compiledRelease' and without full releases (linked releases only): skipped")

    def merged(self) -> Iterator[dict[str, Any]]:
        for ocid, releases in self.pending.items():
            self.stats.releases_merged += len(releases)
            merged = merge_releases(releases)
            merged["ocid"] = merged.get("ocid", ocid)
            yield merged
        self.pending = {}


def _open(path: str | Path) -> tuple[IO[bytes], str]:
    if str(path) == "-":
        return sys.stdin.buffer, "<stdin>"
    target = Path(path)
    if target.is_dir():
        raise OcdsInputError(f"{target} is a directory, not an OCDS file")
    try:
        handle = target.open("rb")
    except FileNotFoundError:
        raise OcdsInputError(f"{target}: no such file") from None
    except OSError as error:
        raise OcdsInputError(f"{target}: cannot read it ({error.strerror or error})") from None
    if target.suffix == ".gz":
        import gzip

        return gzip.open(handle, "rb"), str(target)  # type: ignore[return-value]
    return handle, str(target)


def read_releases(paths: str | Path | Iterable[str | Path], stats: ReadStats | None = None) -> Iterator[dict[str, Any]]:
    """Compiled releases from files ("-" is standard input); problems go to ``stats``."""
    stats = stats if stats is not None else ReadStats()
    if isinstance(paths, (str, Path)):
        paths = [paths]
    collector = _Collector(stats)
    for path in paths:
        handle, source = _open(path)
        try:
            yield from _read_stream(handle, source, collector, stats)
        finally:
            if handle is not sys.stdin.buffer:
                handle.close()
    yield from collector.merged()


def read_text(text: str, source: str = "<text>", stats: ReadStats | None = None) -> Iterator[dict[str, Any]]:
    """Compiled releases from OCDS text (JSON Lines or one JSON document)."""
    stats = stats if stats is not None else ReadStats()
    collector = _Collector(stats)
    yield from _read_stream(io.BytesIO(text.encode("utf-8")), source, collector, stats)
    yield from collector.merged()


def _read_stream(handle: IO[bytes], source: str, collector: _Collector, stats: ReadStats) -> Iterator[dict[str, Any]]:
    first_line: bytes | None = None
    first_number = 0
    for number, raw in enumerate(handle, start=1):
        if not raw.strip():
            continue
        first_line, first_number = raw, number
        break
    if first_line is None:
        stats.problem(source, None, "the input is empty: no OCDS data")
        return
    try:
        first_value = json.loads(first_line)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        stripped = first_line.lstrip()
        if stripped[:1] in (b"{", b"["):
            rest = handle.read()
            if rest.strip():
                # one JSON document over several lines (a pretty-printed package)
                yield from _document(first_line + rest, source, collector, stats, first_number)
                return
            stats.lines += 1
            _parse_line(first_line, source, first_number, stats)
            return
        first_value = _parse_line(first_line, source, first_number, stats)
        if first_value is _BAD:
            yield from _lines(handle, source, collector, stats, first_number)
            return
    stats.lines += 1
    yield from collector.values(first_value, source, first_number)
    yield from _lines(handle, source, collector, stats, first_number)


_BAD = object()


def _parse_line(raw: bytes, source: str, number: int, stats: ReadStats) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        stats.problem(source, number, f"not UTF-8 text (byte 0x{raw[error.start]:02x} at column {error.start + 1}): line skipped")
        return _BAD
    try:
        return json.loads(text.rstrip("\r\n"))
    except json.JSONDecodeError as error:
        stats.problem(source, number, f"invalid JSON at column {error.colno}: {error.msg}: line skipped")
    except RecursionError:
        stats.problem(source, number, "JSON nested too deeply: line skipped")
    return _BAD


def _lines(handle: IO[bytes], source: str, collector: _Collector, stats: ReadStats, after: int) -> Iterator[dict[str, Any]]:
    for number, raw in enumerate(handle, start=after + 1):
        if not raw.strip():
            continue
        stats.lines += 1
        value = _parse_line(raw, source, number, stats)
        if value is _BAD:
            continue
        yield from collector.values(value, source, number)


def _has_json_lines(data: bytes) -> bool:
    """Whether some line after the first is a JSON object on its own (the input is JSON Lines)."""
    for raw in data.splitlines()[1:50]:
        stripped = raw.strip()
        if stripped.startswith(b"{") and stripped.endswith(b"}"):
            try:
                json.loads(stripped)
                return True
            except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
                continue
    return False


def _document(data: bytes, source: str, collector: _Collector, stats: ReadStats, first_number: int) -> Iterator[dict[str, Any]]:
    stats.lines += 1
    try:
        value = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        stats.problem(source, None, f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}): file skipped")
        return
    except json.JSONDecodeError as error:
        if _has_json_lines(data):
            # JSON Lines whose first line is broken: read it line by line
            yield from _lines(io.BytesIO(data), source, collector, stats, first_number - 1)
            return
        stats.problem(source, first_number + error.lineno - 1, f"invalid JSON at column {error.colno}: {error.msg}: the document is skipped")
        return
    except RecursionError:
        stats.problem(source, None, "JSON nested too deeply: file skipped")
        return
    yield from collector.values(value, source, None)
