"""YAML loading that keeps the position of every node, so that problems point at ``line:col``.

Two deviations from PyYAML's SafeLoader, both deliberate:
- only ``true``/``false`` are booleans (YAML 1.2). YAML 1.1 reads ``on``, ``yes``, ``no`` and ``off`` as
  booleans, which would turn a flag's ``on:`` key into ``True`` and the country code ``NO`` into ``False``;
- a key repeated in one mapping is an error instead of silently keeping the last value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from riskengine.ruleset.errors import Diagnostic

Loc = tuple[Any, ...]


class _StrictBoolLoader(yaml.SafeLoader):
    pass


_StrictBoolLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictBoolLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a loaded YAML document stands in its file."""

    path: str
    text: str
    values: dict[Loc, yaml.Node] = field(default_factory=dict)
    keys: dict[Loc, yaml.Node] = field(default_factory=dict)

    def _line_col(self, index: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, index)
        line_start = self.text.rfind("\n", 0, index) + 1
        return line + 1, index - line_start + 1

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
        node = self.keys.get(tuple(loc))
        if node is not None:
            return self.node_position(node)
        return self.value_position(loc)

    def offset_position(self, loc: Loc, offset: int) -> tuple[int, int]:
        """Position of character ``offset`` of the scalar string at ``loc`` (e.g. inside ``when:``).

        Plain, quoted, literal (``|``) and folded (``>``) scalars all lay their characters out
        differently in the file; walking the source and the value side by side finds the character
        without re-implementing each style's folding rules.
        """
        node = self.values.get(tuple(loc))
        if not isinstance(node, yaml.ScalarNode):
            return self.value_position(loc)
        value = node.value
        start, end = node.start_mark.index, node.end_mark.index
        if node.style in ("|", ">"):
            start = self.text.index("\n", start) + 1 if "\n" in self.text[start:end] else start
        elif node.style in ("'", '"'):
            start += 1
        cursor = start
        for char in value[: max(0, min(offset, len(value)))]:
            while cursor < end and not _same_char(self.text[cursor], char):
                cursor += 1
            if cursor >= end:
                return self.node_position(node)
            cursor += 1
        while cursor < end and self.text[cursor] in " \t\r\n" and offset < len(value) and value[offset] not in " \t\r\n":
            cursor += 1
        return self._line_col(cursor)


def _same_char(source_char: str, value_char: str) -> bool:
    # A folded or multi-line plain scalar turns a line break of the file into a space of the value.
    return source_char == value_char or (value_char == " " and source_char == "\n")


def load_yaml(text: str, path: str) -> tuple[Any, SourceMap, list[Diagnostic]]:
    """Parse one YAML document; returns the data, where each value stands, and any problems."""
    source = SourceMap(path=path, text=text)
    try:
        root = yaml.compose(text, Loader=_StrictBoolLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or str(error)
        if error.context:
            problem = f"{problem} ({error.context})"
        return None, source, [Diagnostic("yaml_syntax", f"invalid YAML: {problem}", path, line, col)]
    except yaml.YAMLError as error:
        return None, source, [Diagnostic("yaml_syntax", f"invalid YAML: {error}", path, 1, 1)]
    if root is None:
        return None, source, []
    problems: list[Diagnostic] = []
    data = _construct(root, (), source, problems)
    return data, source, problems


_scalar_constructor = _StrictBoolLoader("")


def _construct(node: yaml.Node, loc: Loc, source: SourceMap, problems: list[Diagnostic]) -> Any:
    source.values[loc] = node
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, loc + ("<key>",), source, problems)
            if isinstance(key, (list, dict)):
                line, col = source.node_position(key_node)
                problems.append(Diagnostic("invalid_value", "a mapping key must be a scalar", source.path, line, col, loc))
                continue
            if key in result:
                line, col = source.node_position(key_node)
                problems.append(
                    Diagnostic("duplicate_key", f"duplicate key '{key}'", source.path, line, col, loc + (key,))
                )
                continue
            source.keys[loc + (key,)] = key_node
            result[key] = _construct(value_node, loc + (key,), source, problems)
        source.values.pop(loc + ("<key>",), None)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, loc + (index,), source, problems) for index, item in enumerate(node.value)]
    return _scalar_constructor.construct_object(node, deep=True)
