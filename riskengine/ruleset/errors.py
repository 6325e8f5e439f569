"""Diagnostics: one record per problem in a ruleset, rendered as ``path:line:col: error: message``.

The record has the shape of pydantic's ``ErrorDetails`` (a stable ``code`` slug for programs, a
``message`` for people) plus the position in the YAML file. Every consumer (CLI, service, BDD steps)
renders these same records; the codes are documented in ``docs/errors.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# The stable codes of Diagnostic.code: each has a section in docs/errors.md (what it means, the smallest
# ruleset that triggers it, what is printed) and a golden file in tests/fixtures/invalid/; the tests in
# tests/ruleset/ keep the three equal. A published code is never renamed or reused.
ErrorCode = Literal[
    "yaml_syntax",
    "duplicate_key",
    "unknown_key",
    "missing_key",
    "invalid_value",
    "invalid_type_name",
    "reserved_name",
    "unknown_field",
    "duplicate_flag_id",
    "unknown_event_kind",
    "unknown_band",
    "invalid_bands",
    "unsupported_syntax",
    "expression_syntax",
    "unknown_name",
    "type_mismatch",
    "invalid_regex",
    "unknown_placeholder",
    "unknown_param",
    "invalid_param_value",
    "file_not_found",
    "limit_exceeded",
]

ERROR_CODES: tuple[str, ...] = ErrorCode.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a ruleset, with its position (1-based line and column)."""

    code: str
    message: str
    path: str = "<string>"
    line: int = 1
    col: int = 1
    loc: tuple[str | int, ...] = ()
    suggestion: str | None = None
    ctx: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def render(self) -> str:
        """``path:line:col: error: message``, always one line (a control character in a quoted value is escaped)."""
        text = self.message
        if self.suggestion:
            text += f"; did you mean '{self.suggestion}'?"
        return f"{self.path}:{self.line}:{self.col}: error: {printable(text)}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "loc": list(self.loc),
            "message": self.message,
            "suggestion": self.suggestion,
        }

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.col, self.message)


def printable(text: str) -> str:
    """``text`` with line breaks and other control characters written as escapes (``\\n``)."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


class RulesetError(Exception):
    """A ruleset could not be loaded; ``diagnostics`` lists every problem found, sorted by position.

    ``str(error)`` is the rendered diagnostics, one ``path:line:col: error: message`` per line.
    """

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(diagnostics, key=Diagnostic.sort_key)
        super().__init__("\n".join(d.render() for d in self.diagnostics))


class ExpressionError(Exception):
    """A problem inside one expression; ``offset`` is the 0-based character offset in the expression text.

    :ivar code: one of ``ErrorCode``
    :ivar message: the text for people (lower case, no final full stop)
    :ivar offset: where the offending sub-expression starts in the expression text
    :ivar suggestion: the closest valid name, for ``unknown_name`` and ``unknown_param``
    :ivar name: the name that could not be resolved (``unknown_name``/``unknown_param``), so that the
        loader can drop an error caused by a definition that is itself broken
    """

    def __init__(
        self, code: str, message: str, offset: int = 0, suggestion: str | None = None, name: str | None = None
    ):
        super().__init__(message)
        self.code = code
        self.message = message
        self.offset = offset
        self.suggestion = suggestion
        self.name = name
