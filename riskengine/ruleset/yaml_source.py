"""YAML loading that keeps the position of every node, so that problems point at ``line:col``.

Deliberate deviations from PyYAML's SafeLoader (YAML 1.1), towards YAML 1.2's core schema:

- only ``true``/``false`` (any case) are booleans. YAML 1.1 reads ``on``, ``yes``, ``no`` and ``off`` as
  booleans, which would turn a flag's ``on:`` key into ``True`` and the country code ``NO`` into ``False``;
- numbers are YAML 1.2 numbers: ``010`` is ten (not octal eight), ``1e3`` is a number (YAML 1.1 needs a
  dot), ``12:30`` is a string (not the base-60 integer 750); ``_`` may group digits (``1_000_000``);
- a key repeated in one mapping is an error instead of silently keeping the last value;
- only the standard tags are accepted (``!!str``, ``!!int``, ``!!float``, ``!!bool``, ``!!null``,
  ``!!timestamp``, ``!!seq``, ``!!map``); merge keys (``<<``) are refused;
- limits: nesting depth (``MAX_DEPTH``) and the number of nodes after expanding aliases
  (``MAX_NODES``, against "billion laughs" documents).

Every problem is a ``Diagnostic``; no exception escapes ``load_yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from riskengine.ruleset.errors import Diagnostic

Loc = tuple[Any, ...]

# Deeper than any sensible ruleset (an object type nested a few levels), shallow enough that PyYAML's
# recursive composer and our constructor stay far from Python's recursion limit.
MAX_DEPTH = 64
# Nodes after expanding aliases; a large ruleset has a few thousand.
MAX_NODES = 200_000

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
SCALAR_TAGS = (_BOOL, _INT, _FLOAT, _STR, _NULL, _TIMESTAMP)
COLLECTION_TAGS = (_SEQ, _MAP)

_INT_PATTERN = re.compile(r"^(?:[-+]?[0-9][0-9_]*|0o[0-7_]+|0x[0-9a-fA-F_]+)$")
_FLOAT_PATTERN = re.compile(
    r"^(?:[-+]?(?:\.[0-9][0-9_]*|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_BOOL_PATTERN = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
# Line breaks as YAML counts them (so that our lines agree with PyYAML's marks).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class RulesetLoader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core scalars described in the module docstring."""


RulesetLoader.yaml_implicit_resolvers = {}
for _first, _resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items():
    _kept = [
        (tag, regexp)
        for tag, regexp in _resolvers
        if tag in (_NULL, _TIMESTAMP)  # bool, int, float: redefined below; merge ('<<'), value ('='): refused
    ]
    if _kept:
        RulesetLoader.yaml_implicit_resolvers[_first] = _kept
# Order matters: the first matching resolver wins, so integers are tried before floats.
RulesetLoader.add_implicit_resolver(_BOOL, _BOOL_PATTERN, list("tTfF"))
RulesetLoader.add_implicit_resolver(_INT, _INT_PATTERN, list("-+0123456789"))
RulesetLoader.add_implicit_resolver(_FLOAT, _FLOAT_PATTERN, list("-+.0123456789"))


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node).replace("_", "")
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = loader.construct_scalar(node).replace("_", "").lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text == ".nan":
        return float("nan")
    return float(text)


RulesetLoader.add_constructor(_INT, _construct_int)
RulesetLoader.add_constructor(_FLOAT, _construct_float)

# Kept for callers of the earlier name (the CLI reads --set values with it).
_StrictBoolLoader = RulesetLoader


def read_scalar(text: str, all_strings: bool = False) -> Any:
    """Read one YAML scalar or flow collection (a ``--set`` value) with the ruleset's rules.

    With ``all_strings`` every scalar stays the text it is written as (``[NO, 010]`` is two strings).
    Raises ValueError when the text is not YAML this loader accepts.
    """
    try:
        return yaml.load(text, Loader=yaml.BaseLoader if all_strings else RulesetLoader)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        raise ValueError(f"cannot read '{text}'") from None


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a loaded YAML document stands in its file."""

    path: str
    text: str
    values: dict[Loc, yaml.Node] = field(default_factory=dict)
    keys: dict[Loc, yaml.Node] = field(default_factory=dict)

    def line_col(self, index: int) -> tuple[int, int]:
        """1-based line and column of character ``index`` of the text."""
        line, line_start = 1, 0
        for match in _LINE_BREAK.finditer(self.text, 0, max(0, index)):
            if match.end() > index:
                break
            line += 1
            line_start = match.end()
        return line, index - line_start + 1

    def node_position(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def value_position(self, loc: Loc) -> tuple[int, int]:
        """Position of the value at ``loc``, or of its closest enclosing node that exists."""
        for end in range(len(loc), -1, -1):
            node = self.values.get(tuple(loc[:end]))
            if node is not None:
                return self.node_position(node)
        return 1, 1

    def key_position(self, loc: Loc) -> tuple[int, int]:
        """Position of the key of the entry at ``loc`` (falls back to the value's position)."""
        node = self.keys.get(tuple(loc))
        if node is not None:
            return self.node_position(node)
        return self.value_position(loc)

    def source_text(self, loc: Loc) -> str | None:
        """The scalar at ``loc`` as written in the file (``2026.10``, not the float 2026.1)."""
        node = self.values.get(tuple(loc))
        if isinstance(node, yaml.ScalarNode):
            return node.value
        return None

    def offset_position(self, loc: Loc, offset: int) -> tuple[int, int]:
        """Position of character ``offset`` of the scalar string at ``loc`` (e.g. inside ``when:``).

        Plain, single-quoted, double-quoted, literal (``|``) and folded (``>``) scalars lay their
        characters out differently in the file: indentation, folded line breaks, ``''`` and backslash
        escapes. ``_char_indexes`` walks the source and the value side by side to find, for each
        character of the value, the character of the file it came from.
        """
        node = self.values.get(tuple(loc))
        if not isinstance(node, yaml.ScalarNode) or not isinstance(node.value, str):
            return self.value_position(loc)
        indexes = _char_indexes(self.text, node)
        if not indexes:
            return self.node_position(node)
        if offset < len(indexes):
            return self.line_col(indexes[max(0, offset)])
        return self.line_col(indexes[-1] + 1)


_SIMPLE_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
    "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028",
    "P": "\u2029",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def _char_indexes(text: str, node: yaml.ScalarNode) -> list[int]:
    """For each character of the scalar's value, the index in ``text`` of the character it came from."""
    value: str = node.value
    start, end = node.start_mark.index, node.end_mark.index
    style = node.style
    if style in ("|", ">"):
        header_end = text.find("\n", start, end)
        start = header_end + 1 if header_end >= 0 else end
    elif style in ("'", '"'):
        start, end = start + 1, end - 1
    indexes: list[int] = []
    cursor = start
    for char in value:
        while cursor < end:
            source = text[cursor]
            if style == '"' and source == "\\" and cursor + 1 < end:
                escape = text[cursor + 1]
                if escape in "\r\n":  # line continuation: no character of the value
                    cursor += 2
                    while cursor < end and text[cursor] in " \t\r\n":
                        cursor += 1
                    continue
                length = 2 + _HEX_ESCAPES.get(escape, 0)
                decoded = _SIMPLE_ESCAPES.get(escape)
                if escape in _HEX_ESCAPES:
                    try:
                        decoded = chr(int(text[cursor + 2 : cursor + length], 16))
                    except ValueError:
                        decoded = None
                if decoded == char:
                    indexes.append(cursor)
                    cursor += length
                    break
                cursor += 1
                continue
            if style == "'" and source == "'" and char == "'":
                indexes.append(cursor)
                cursor += 2 if text.startswith("''", cursor) else 1
                break
            if source == char or (char == " " and source in "\r\n"):
                # A folded or multi-line scalar turns a line break of the file into a space.
                indexes.append(cursor)
                cursor += 2 if text.startswith("\r\n", cursor) else 1
                break
            cursor += 1  # indentation, a stripped trailing space, a folded extra line break, '\r'
        else:
            return indexes  # the value does not line up with the source: positions up to here only
    return indexes


@dataclass
class _Budget:
    nodes: int = 0


def load_yaml(text: str, path: str) -> tuple[Any, SourceMap, list[Diagnostic]]:
    """Parse one YAML document; returns the data, where each value stands, and any problems.

    The data is None when the document cannot be read at all (the problems say why) or is empty.
    """
    source = SourceMap(path=path, text=text)
    try:
        depth_problem = _check_depth(text, source)
        if depth_problem is not None:
            return None, source, [depth_problem]
        root = yaml.compose(text, Loader=RulesetLoader)
    except yaml.MarkedYAMLError as error:
        return None, source, [_syntax_problem(error, source)]
    except yaml.reader.ReaderError as error:
        line, col = source.line_col(error.position)
        character = error.character
        shown = f"#x{character:04x}" if isinstance(character, int) else repr(character)
        message = f"the file contains the character {shown}, which YAML does not allow"
        return None, source, [Diagnostic("yaml_syntax", message, path, line, col)]
    except (yaml.YAMLError, RecursionError) as error:
        return None, source, [Diagnostic("yaml_syntax", f"invalid YAML: {error}", path, 1, 1)]
    if root is None:
        return None, source, []
    problems: list[Diagnostic] = []
    data = _construct(root, (), source, problems, _Budget(), ())
    if any(problem.code == "limit_exceeded" for problem in problems):
        return None, source, [problem for problem in problems if problem.code == "limit_exceeded"][:1]
    fatal = [problem for problem in problems if problem.code != "duplicate_key"]
    if fatal:
        # A value that could not be read (an unsupported tag, a bad timestamp) would only cause
        # follow-on errors in the checks that use it; report the YAML problems alone.
        return None, source, problems
    return data, source, problems


def _check_depth(text: str, source: SourceMap) -> Diagnostic | None:
    """Refuse documents nested deeper than MAX_DEPTH before the recursive composer sees them."""
    depth = 0
    for event in yaml.parse(text, Loader=RulesetLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                line, col = event.start_mark.line + 1, event.start_mark.column + 1
                return Diagnostic(
                    "limit_exceeded", f"the YAML is nested more than {MAX_DEPTH} levels deep", source.path, line, col
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return None


def _syntax_problem(error: yaml.MarkedYAMLError, source: SourceMap) -> Diagnostic:
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (error.problem or str(error)).strip()
    if "'\\t'" in problem:
        message = "a tab is not allowed here in YAML; indent and separate with spaces"
    elif "found another document" in problem:
        message = "a ruleset file holds one YAML document; remove the second '---'"
    elif "end of stream" in problem and error.context and "quoted scalar" in error.context and error.context_mark:
        line, col = error.context_mark.line + 1, error.context_mark.column + 1
        message = "invalid YAML: this quoted string is never closed"
    elif "found undefined alias" in problem:
        message = f"invalid YAML: {problem}; define the anchor (&name) before using it (*name)"
    else:
        message = f"invalid YAML: {problem}"
        if error.context:
            message += f" ({error.context.strip()})"
    return Diagnostic("yaml_syntax", message, source.path, line, col)


def _construct(
    node: yaml.Node, loc: Loc, source: SourceMap, problems: list[Diagnostic], budget: _Budget, stack: tuple[int, ...]
) -> Any:
    budget.nodes += 1
    if budget.nodes > MAX_NODES:
        if budget.nodes == MAX_NODES + 1:
            line, col = source.node_position(node)
            problems.append(
                Diagnostic(
                    "limit_exceeded",
                    f"the YAML holds more than {MAX_NODES} values once its aliases are expanded",
                    source.path, line, col, loc,
                )
            )
        return None
    if id(node) in stack:
        line, col = source.node_position(node)
        problems.append(
            Diagnostic("yaml_syntax", "an alias (*name) refers to a node that contains it", source.path, line, col, loc)
        )
        return None
    source.values[loc] = node
    if isinstance(node, yaml.MappingNode):
        if not _tag_allowed(node, source, problems, loc, COLLECTION_TAGS):
            return None
        inner = stack + (id(node),)
        result: dict[Any, Any] = {}
        first_seen: dict[Any, yaml.Node] = {}
        for key_node, value_node in node.value:
            line, col = source.node_position(key_node)
            if isinstance(key_node, yaml.ScalarNode) and key_node.style is None and key_node.value == "<<":
                problems.append(Diagnostic("yaml_syntax", "merge keys (<<) are not supported; write the keys out", source.path, line, col, loc))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                kind = "a list" if isinstance(key_node, yaml.SequenceNode) else "a mapping"
                problems.append(Diagnostic("invalid_value", f"a key must be a name, not {kind}", source.path, line, col, loc))
                continue
            key = _scalar(key_node, loc, source, problems)
            if isinstance(key, float) and key != key:
                key = key_node.value  # NaN never equals itself: keep the text so duplicates are found
            if key in result or key in first_seen:
                first_line = first_seen[key].start_mark.line + 1
                problems.append(
                    Diagnostic(
                        "duplicate_key",
                        f"duplicate key '{key_node.value}' (first on line {first_line})",
                        source.path, line, col, loc + (key,),
                    )
                )
                continue
            first_seen[key] = key_node
            source.keys[loc + (key,)] = key_node
            result[key] = _construct(value_node, loc + (key,), source, problems, budget, inner)
        return result
    if isinstance(node, yaml.SequenceNode):
        if not _tag_allowed(node, source, problems, loc, COLLECTION_TAGS):
            return None
        inner = stack + (id(node),)
        return [
            _construct(item, loc + (index,), source, problems, budget, inner) for index, item in enumerate(node.value)
        ]
    return _scalar(node, loc, source, problems)


def _tag_allowed(node: yaml.Node, source: SourceMap, problems: list[Diagnostic], loc: Loc, allowed: tuple[str, ...]) -> bool:
    if node.tag in allowed:
        return True
    line, col = source.node_position(node)
    shown = node.tag.replace("tag:yaml.org,2002:", "!!")
    problems.append(Diagnostic("yaml_syntax", f"the YAML tag '{shown}' is not supported here", source.path, line, col, loc))
    return False


_scalar_loader = RulesetLoader("")


def _scalar(node: yaml.Node, loc: Loc, source: SourceMap, problems: list[Diagnostic]) -> Any:
    if not _tag_allowed(node, source, problems, loc, SCALAR_TAGS):
        return None
    try:
        # The constructor itself, not construct_object(): that one memoizes every node it has seen
        # on the (shared) loader, which would keep each loaded file alive.
        return RulesetLoader.yaml_constructors[node.tag](_scalar_loader, node)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
        line, col = source.node_position(node)
        shown = node.tag.replace("tag:yaml.org,2002:", "")
        reason = str(error).strip().rstrip(".")
        problems.append(
            Diagnostic("invalid_value", f"'{node.value}' is not a valid {shown} ({reason})", source.path, line, col, loc)
        )
        return None
