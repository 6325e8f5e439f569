"""Load a ruleset file: YAML -> schema -> names and types -> compiled durable_rules rules.

Every stage records problems as ``Diagnostic``s instead of stopping at the first, so that
``riskengine validate`` shows all problems of a file at once, each at its ``line:col``.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Mapping

from pydantic import BaseModel, ValidationError

from riskengine.expressions import ir
from riskengine.expressions.compile_durable import Compiler, guard_false, RuleTarget, SlotTable, rule_document, FALSE
from riskengine.expressions.parser import Scope, parse_condition, parse_value
from riskengine.ruleset import params as param_values
from riskengine.ruleset.errors import Diagnostic, ExpressionError, RulesetError
from riskengine.ruleset.model import (
    CompiledRules,
    DerivedValue,
    EventKind,
    Flag,
    KindPlan,
    Param,
    Ruleset,
    Scoring,
)
from riskengine.ruleset.schema import (
    DEFAULT_BANDS,
    EXPECTED,
    DerivedDoc,
    EventKindSpec,
    FlagSpec,
    ParamDoc,
    ScoringSpec,
    known_keys,
)
from riskengine.ruleset.types import (
    INTEGER,
    NUMBER,
    SCALAR_TYPES,
    TYPE_NAMES,
    FieldType,
    Scalar,
    TypeSpecError,
    describe_value,
    is_identifier,
    parse_type,
    walk_fields,
)
from riskengine.ruleset.features import (
    VALUE_AGGREGATES,
    Feature,
    FeatureSpec,
    Settings,
    SettingsSpec,
    digest as feature_digest,
    feature_type,
    is_orderable,
    key_fields_by_kind,
    parse_duration,
)
from riskengine.ruleset.baselines import Baseline, BaselineSpec
from riskengine.ruleset.types import is_numeric
from riskengine.ruleset.yaml_source import SourceMap, load_yaml
from riskengine.suggest import closest_one

TOP_LEVEL_REQUIRED = ("ruleset", "version", "title", "events", "flags")
RESERVED_FIELDS = ("kind", "event_id", "params")
# durable_rules keeps at most 255 properties per fact (rules.h); leave room for kind, id and sid.
MAX_FACT_KEYS = 250
REQUIRED_KEYS_TEXT = "'ruleset', 'version', 'title', 'events' and 'flags'"

# What a pydantic type error says the value should be.
_TYPE_EXPECTATIONS = {
    "string_type": "a string",
    "int_type": "an integer",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}
# A value of each type as the explanation renderer sees it (dates arrive as ISO strings), to check that
# a placeholder's format applies: '{fee:,.2f}' does, '{country:d}' does not.
_FORMAT_SAMPLES: dict[str, Any] = {
    "integer": 1234,
    "number": 1234.5,
    "string": "text",
    "date": "2024-01-31",
    "datetime": "2024-01-31T09:30:00+00:00",
}


def load_ruleset(path: str | Path, params: Mapping[str, Any] | None = None) -> Ruleset:
    """Load, check and compile a ruleset file; raises ``RulesetError`` listing every problem."""
    ruleset, problems = check_ruleset_file(path, params)
    if problems or ruleset is None:
        raise RulesetError(problems)
    return ruleset


def check_ruleset_file(path: str | Path, params: Mapping[str, Any] | None = None) -> tuple[Ruleset | None, list[Diagnostic]]:
    """Load and check a ruleset file: ``(ruleset, [])``, or ``(None, diagnostics)`` sorted by position."""
    display = str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        return None, [Diagnostic("file_not_found", "cannot read the ruleset: it is a folder, not a file", display)]
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        return None, [Diagnostic("file_not_found", f"cannot read the ruleset: {reason}", display)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-8", errors="replace")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        message = f"the file is not UTF-8 text: the byte 0x{data[error.start]:02x} cannot be decoded; save the file as UTF-8"
        return None, [Diagnostic("yaml_syntax", message, display, line, col)]
    text = text.removeprefix("\ufeff")  # a byte order mark is not part of the document
    return check_ruleset_text(text, display, params, content_hash="sha256:" + hashlib.sha256(data).hexdigest())


def load_ruleset_text(text: str, path: str = "<string>", params: Mapping[str, Any] | None = None) -> Ruleset:
    ruleset, problems = check_ruleset_text(text, path, params)
    if problems or ruleset is None:
        raise RulesetError(problems)
    return ruleset


def check_ruleset_text(
    text: str, path: str = "<string>", params: Mapping[str, Any] | None = None, content_hash: str | None = None
) -> tuple[Ruleset | None, list[Diagnostic]]:
    content_hash = content_hash or "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    data, source, problems = load_yaml(text, path)
    if problems and data is None:
        return None, sorted(problems, key=Diagnostic.sort_key)
    builder = _Builder(source, problems)
    ruleset = builder.build(data, dict(params or {}), content_hash)
    return (ruleset if not builder.problems else None), sorted(builder.problems, key=Diagnostic.sort_key)


class _Builder:
    def __init__(self, source: SourceMap, problems: list[Diagnostic]):
        self.source = source
        self.problems = problems
        self.baselines: dict[str, Baseline] = {}
        self.derived: dict[str, DerivedValue] = {}
        # Definitions that have a problem of their own. A later reference to them is not reported
        # again: "unknown name 'fee'" after "'fee' has an unknown type" would only be noise.
        self.events_broken = False  # the events section is missing or unreadable: every kind is unknown
        self.params_broken = False  # the params section is unreadable: every param is unknown
        self.scoring_broken = False  # the bands are unknown
        self.broken_kinds: set[str] = set()
        self.broken_names: set[str] = set()  # fields, derived values, features; params as "params.NAME"
        self.kinds_of_field: dict[str, list[str]] = {}  # field name -> the event kinds that declare it
        self.derived: dict[str, DerivedValue] = {}
        self.derived_broken = False  # the derived section is unreadable: any unknown name may be one

    # ------------------------------------------------------------------ reporting

    def error(self, code: str, message: str, loc: tuple[Any, ...], *, key: bool = False, suggestion: str | None = None) -> None:
        line, col = self.source.key_position(loc) if key else self.source.value_position(loc)
        self.problems.append(Diagnostic(code, message, self.source.path, line, col, tuple(loc), suggestion))

    def error_at(self, code: str, message: str, loc: tuple[Any, ...], offset: int, suggestion: str | None = None) -> None:
        """A problem at character ``offset`` of the string at ``loc`` (a ``when:`` or an explanation)."""
        line, col = self.source.offset_position(loc, offset)
        self.problems.append(Diagnostic(code, message, self.source.path, line, col, tuple(loc), suggestion))

    def expression_error(
        self, error: ExpressionError, loc: tuple[Any, ...], kinds: list[str] | None = None, lenient: bool = False
    ) -> None:
        """Report an expression problem at its sub-expression, unless a broken definition explains it.

        ``kinds``: the event kinds of a flag, to say where an unknown name is declared instead.
        ``lenient``: some event kind could not be read, so any unknown name may be one of its fields.
        """
        if self._is_consequence(error, lenient):
            return
        message = error.message
        if error.code == "unknown_name" and error.name and kinds:
            message = self._unavailable_name(error.name, kinds) or message
        self.error_at(error.code, message, loc, error.offset, error.suggestion)

    def _kind_is_broken(self, kind: Any) -> bool:
        """An unknown event kind that is unknown because its declaration has a problem of its own."""
        return self.events_broken or kind in self.broken_kinds

    def _is_consequence(self, error: ExpressionError, lenient: bool) -> bool:
        name = error.name or ""
        if error.code == "unknown_param":
            return self.params_broken or name in self.broken_names
        if error.code == "unknown_name" and name:
            if lenient or self.events_broken or self.derived_broken:
                return True
            return any(name == broken or name.startswith(broken + ".") for broken in self.broken_names)
        return False

    def _unavailable_name(self, name: str, kinds: list[str]) -> str | None:
        """Why a name that exists elsewhere in the ruleset is unknown for these event kinds."""
        shown = ", ".join(f"'{kind}'" for kind in kinds)
        declared = [kind for kind in self.kinds_of_field.get(name, []) if kind not in kinds]
        if declared:
            others = ", ".join(f"'{kind}'" for kind in declared)
            return f"'{name}' is not a field of event kind {shown}; it is a field of {others}"
        if name in self.derived:
            return (
                f"derived value '{name}' cannot be computed for event kind {shown}: "
                "its inputs are not all fields of that kind"
            )
        return None

    def validate_section(
        self, model: type[BaseModel], data: Any, loc: tuple[Any, ...], what: str | None = None, report_missing: bool = True
    ) -> tuple[Any, set[Any]]:
        """Validate one section with its pydantic model; report each problem at its YAML position.

        Returns the model (None when invalid) and the keys of the section that have a problem
        (``"*"`` when the section as a whole is wrong, e.g. not a mapping), so that the caller can
        go on checking the keys that are fine.
        """
        try:
            return model.model_validate(data), set()
        except ValidationError as error:
            details = error.errors(include_url=False)
            if not report_missing:
                details = [detail for detail in details if detail["type"] != "missing"]
            return None, self._schema_problems(details, loc, what)

    def validate_part(self, model: type[BaseModel], data: Any, loc: tuple[Any, ...]) -> Any:
        """Validate one section with its pydantic model; report each error at its YAML position."""
        return self.validate_section(model, data, loc)[0]

    def _schema_problems(self, details: list[dict[str, Any]], base: tuple[Any, ...], what: str | None) -> set[Any]:
        found = [(*self._yaml_loc(detail, base), detail) for detail in details]
        locs = [loc for loc, _, _ in found]
        # A union (str | list[str], int | float) reports one error per member. A member that got
        # further into the value (an item of the list) is the one the author meant; drop the others.
        found = [
            item for item in found
            if not any(len(other) > len(item[0]) and other[: len(item[0])] == item[0] for other in locs)
        ]
        bad: set[Any] = set()
        for loc, _, _ in found:
            relative = loc[len(base):]
            bad.add(relative[0] if relative else "*")
        # A misspelt key ('serverity') also makes the key it stands for missing: report the misspelling only.
        meant = {
            loc[:-1] + (closest_one(str(loc[-1]), known_keys(loc[:-1])),)
            for loc, _, detail in found if detail["type"] == "extra_forbidden"
        }
        found = [item for item in found if not (item[2]["type"] == "missing" and item[0] in meant)]
        groups: dict[tuple[tuple[Any, ...], bool], list[dict[str, Any]]] = {}
        for loc, on_key, detail in found:
            groups.setdefault((loc, on_key), []).append(detail)
        for (loc, on_key), group in groups.items():
            self._schema_problem(loc, on_key, group, what)
        return bad

    def _yaml_loc(self, detail: dict[str, Any], base: tuple[Any, ...]) -> tuple[tuple[Any, ...], bool]:
        """pydantic's loc as a path of YAML keys: union member tags ('int', 'list[str]') dropped."""
        loc = list(base)
        on_key = False
        parts = detail["loc"]
        for index, part in enumerate(parts):
            if part == "[key]":
                on_key = True
                continue
            candidate = tuple(loc) + (part,)
            if candidate in self.source.values or candidate in self.source.keys:
                loc.append(part)
            elif detail["type"] in ("missing", "extra_forbidden") and index == len(parts) - 1:
                loc.append(part)
        return tuple(loc), on_key

    def _subject(self, loc: tuple[Any, ...]) -> str:
        """How a message names the value at ``loc``: 'weight', item 2 of 'on'."""
        if not loc:
            return "the ruleset"
        last = loc[-1]
        if isinstance(last, int) and not isinstance(last, bool) and len(loc) > 1:
            return f"item {last + 1} of {self._subject(loc[:-1])}"
        return f"'{last}'"

    def _schema_problem(self, loc: tuple[Any, ...], on_key: bool, group: list[dict[str, Any]], what: str | None) -> None:
        detail = group[0]
        kind = detail["type"]
        where = f" in {what}" if what else ""
        if kind == "extra_forbidden":
            name = loc[-1]
            suggestion = closest_one(str(name), known_keys(loc[:-1]))
            self.error("unknown_key", f"unknown key '{name}'{where}", loc, key=True, suggestion=suggestion)
            return
        if kind == "missing":
            # at the key of the mapping that lacks it ('award:'), or at a list item's first key ('- id:')
            self.error("missing_key", f"missing required key '{loc[-1]}'{where}", loc[:-1], key=True)
            return
        value = detail.get("input")
        key_node = self.source.keys.get(loc) if on_key else None
        written = key_node.value if key_node is not None else (None if on_key else self.source.source_text(loc))
        given = describe_value(value, written)
        quote_hint = f'; quote it: "{written}"' if written is not None and not isinstance(value, (str, type(None))) else ""
        if on_key:
            parent = self._subject(loc[:-1])
            self.error("invalid_value", f"the keys of {parent} must be strings, not {given}{quote_hint}", loc, key=True)
            return
        subject = self._subject(loc)
        expectations = [_TYPE_EXPECTATIONS.get(item["type"]) for item in group]
        if all(expectations):
            parts = list(dict.fromkeys(expectations))
            if "a number" in parts and "an integer" in parts:
                parts.remove("an integer")
            expected = (EXPECTED.get(str(loc[-1])) if len(parts) > 1 and loc else None) or " or ".join(parts)
            if value is None:
                message = f"{subject} is empty; it must be {expected}"
            else:
                message = f"{subject} must be {expected}, not {given}"
                if expected == "a string":
                    message += quote_hint
            self.error("invalid_value", message, loc)
            return
        ctx = detail.get("ctx") or {}
        suggestion = None
        if kind == "literal_error":
            choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
            message = f"{subject} must be one of {', '.join(repr(choice) for choice in choices)}, not {given}"
            if isinstance(value, str):
                suggestion = closest_one(value, choices)
        elif kind == "finite_number" or (isinstance(value, float) and value != value):
            message = f"{subject} must be a finite number, not {given}"
        elif kind == "int_too_large":
            message = f"{subject} must fit in 64 bits, not {given}"
        elif kind == "greater_than_equal":
            message = f"{subject} must be at least {ctx.get('ge')}, not {given}"
        elif kind == "greater_than":
            message = f"{subject} must be greater than {ctx.get('gt')}, not {given}"
        elif kind == "less_than_equal":
            message = f"{subject} must be at most {ctx.get('le')}, not {given}"
        elif kind == "string_too_short":
            message = f"{subject} must not be empty"
        elif kind == "string_pattern_mismatch" and loc == ("ruleset",):
            message = f"{subject} must be lower-case letters, digits and underscores, starting with a letter, not {given}"
        else:
            text = str(detail["msg"]).rstrip(".").replace("Value error, ", "")
            message = f"{subject}: {text[:1].lower()}{text[1:]}"
        self.error("invalid_value", message, loc, suggestion=suggestion)

    # ------------------------------------------------------------------ build

    def build(self, data: Any, overrides: dict[str, Any], content_hash: str) -> Ruleset | None:
        if not isinstance(data, dict):
            if data is None:
                message = f"the file is empty; a ruleset is a mapping with the keys {REQUIRED_KEYS_TEXT}"
            else:
                given = describe_value(data, self.source.source_text(()))
                message = f"a ruleset is a mapping with the keys {REQUIRED_KEYS_TEXT}, not {given}"
            self.error("invalid_value", message, ())
            return None
        allowed = known_keys(())
        for key in data:
            if key not in allowed:
                key_node = self.source.keys.get((key,))
                written = key_node.value if key_node is not None else str(key)
                self.error("unknown_key", f"unknown key '{written}'", (key,), key=True, suggestion=closest_one(written, allowed))
        misspelt = {closest_one(str(key), allowed) for key in data if key not in allowed}
        for key in TOP_LEVEL_REQUIRED:
            if key not in data and key not in misspelt:
                self.error("missing_key", f"missing required key '{key}'", ())
        if "events" not in data:
            self.events_broken = True
        header = self._header(data)
        params = self._params(data.get("params"), overrides)
        kinds = self._kinds(data.get("events"))
        names = self._name_types(kinds)
        derived = self._derived(data.get("derived"), kinds, names, params)
        self.derived = derived
        settings = self._settings(data.get("settings"))
        features = self._features(data.get("features"), kinds, names, derived, params)
        self.baselines = self._baselines(data.get("baselines"), kinds, derived, params)
        scoring = self._scoring(data.get("scoring"))
        flags = self._flags(data.get("flags"), kinds, names, derived, params, scoring, features)
        if self.problems or header is None or scoring is None:
            return None
        compiled = self._compile(header["ruleset"], content_hash, params, kinds, flags, features)
        if compiled is None or self.problems:
            return None
        return Ruleset(
            id=header["ruleset"],
            version=header["version"],
            title=header["title"],
            description=header.get("description"),
            path=self.source.path,
            hash=content_hash,
            source_text=self.source.text,
            params=params,
            kinds=kinds,
            derived=derived,
            flags=tuple(flags),
            scoring=scoring,
            compiled=compiled,
            features=features,
            settings=settings,
            baselines=self.baselines,
        )

    def _header(self, data: dict[str, Any]) -> dict[str, Any] | None:
        from riskengine.ruleset.schema import RulesetHeader

        header = {key: data[key] for key in ("ruleset", "version", "title", "description") if key in data}
        # a missing key is reported once, by build()
        model, _ = self.validate_section(RulesetHeader, header, (), report_missing=False)
        return model.model_dump() if model is not None else None

    # ------------------------------------------------------------------ params

    def _params(self, raw: Any, overrides: dict[str, Any]) -> dict[str, Param]:
        params: dict[str, Param] = {}
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            self.error("invalid_value", f"'params' must be a mapping of NAME: value, not {describe_value(raw)}", ("params",))
            self.params_broken = True
            raw = {}
        for name, spec in raw.items():
            loc = ("params", name)
            if not isinstance(name, str) or not is_identifier(name):
                self.error("invalid_value", f"param name '{name}' must be letters, digits and underscores", loc, key=True)
                self.broken_names.add(f"params.{name}")
                continue
            description = None
            if isinstance(spec, dict):
                doc = self.validate_part(ParamDoc, spec, loc)
                if doc is None:
                    self.broken_names.add(f"params.{name}")
                    continue
                default, description = doc.default, doc.description
                value_loc = loc + ("default",)
            else:
                default, value_loc = spec, loc
            try:
                value_type = param_values.type_of(default)
            except ValueError as problem:
                self.error("invalid_value", f"param '{name}': {problem}", value_loc)
                self.broken_names.add(f"params.{name}")
                continue
            params[name] = Param(name, default, value_type, default, description)
        for name, value in overrides.items():
            if name not in params:
                if self.params_broken or f"params.{name}" in self.broken_names:
                    continue
                suggestion = closest_one(str(name), list(params))
                message = f"cannot set unknown param '{name}'"
                if not params and not self.broken_names:
                    message += "; the ruleset has no params"
                self.error("unknown_param", message, ("params",), key=True, suggestion=suggestion)
                continue
            param = params[name]
            if isinstance(value, param_values.TextValue):
                value = param_values.coerce_text(str(value), param.type)
            try:
                checked = param_values.check_override(value, param.type)
            except param_values.OverrideError as problem:
                message = f"cannot set param '{name}' ({param.type}) to {problem.given}"
                if problem.reason:
                    message += f": {problem.reason}"
                self.error("invalid_param_value", message, ("params", name))
                continue
            params[name] = Param(name, checked, param.type, param.default, param.description)
        return params

    # ------------------------------------------------------------------ events

    def _kinds(self, raw: Any) -> dict[str, EventKind]:
        kinds: dict[str, EventKind] = {}
        if raw is None or raw == {} or not isinstance(raw, dict):
            self.events_broken = True
            if raw is None and ("events",) not in self.source.keys:
                return kinds  # reported by build(): missing required key 'events'
            if not isinstance(raw, dict):
                given = "empty" if raw is None else f"not {describe_value(raw)}"
                message = f"'events' must map each event kind to its entity and fields; it is {given}"
            else:
                message = "'events' must declare at least one event kind with its entity and fields"
            self.error("invalid_value", message, ("events",))
            return kinds
        for kind_name, spec in raw.items():
            loc = ("events", kind_name)
            if not isinstance(kind_name, str) or not is_identifier(kind_name):
                self.error("invalid_value", f"event kind '{kind_name}' must be letters, digits and underscores", loc, key=True)
                self.broken_kinds.add(str(kind_name))
                continue
            model, bad = self.validate_section(EventKindSpec, spec, loc, what=f"event kind '{kind_name}'")
            if model is None:
                if not isinstance(spec, dict) or "*" in bad or "fields" in bad:
                    self.broken_kinds.add(kind_name)
                    continue
                model = EventKindSpec.model_construct(
                    **{key: value for key, value in spec.items() if key in EventKindSpec.model_fields and key not in bad}
                )
            if getattr(model, "fields", None) is None:
                self.broken_kinds.add(kind_name)
                continue
            if not model.fields:
                self.error("invalid_value", f"'fields' of event kind '{kind_name}' must declare at least one field", loc + ("fields",))
                self.broken_kinds.add(kind_name)
                continue
            fields: dict[str, FieldType] = {}
            for field_name, type_spec in model.fields.items():
                field_loc = loc + ("fields", field_name)
                if not isinstance(field_name, str) or not is_identifier(field_name):
                    self.error("invalid_value", f"field name '{field_name}' must be letters, digits and underscores", field_loc, key=True)
                    self.broken_names.add(str(field_name))
                    continue
                if field_name in RESERVED_FIELDS:
                    self.error("reserved_name", f"'{field_name}' is reserved for the event envelope; rename the field", field_loc, key=True)
                    self.broken_names.add(field_name)
                    continue
                try:
                    fields[field_name] = parse_type(type_spec, field_loc)
                except TypeSpecError as problem:
                    self.broken_names.add(field_name)
                    self._type_problem(problem, field_name)
            entity = getattr(model, "entity", None)
            time = getattr(model, "time", None)
            kind = EventKind(kind_name, entity, time, fields, getattr(model, "description", None))
            if entity is not None:
                self._check_envelope_field(kind, "entity", entity, loc, allowed=("string", "integer"))
            if time is not None:
                self._check_envelope_field(kind, "time", time, loc, allowed=("date", "datetime"))
            kinds[kind_name] = kind
            for name, _ in walk_fields(fields):
                self.kinds_of_field.setdefault(name, []).append(kind_name)
        return kinds

    def _type_problem(self, problem: TypeSpecError, field_name: str) -> None:
        written = self.source.source_text(problem.loc)
        node = self.source.values.get(tuple(problem.loc))
        if problem.given is not None:
            suggestion = closest_one(problem.given, TYPE_NAMES)
            message = f"unknown type '{problem.given}' for field '{problem.loc[-1]}'"
            if suggestion is None:
                message += f"; the types are {', '.join(SCALAR_TYPES)}, list[...] of them, and objects"
        elif written is not None and node is not None and not isinstance(node.value, list):
            suggestion = None
            value = "null" if written == "" else written
            message = f"field '{problem.loc[-1]}' needs a type such as 'string', 'number' or 'list[string]', not {value}"
        else:
            suggestion = None
            message = str(problem)
        self.error("invalid_type_name", message, problem.loc, suggestion=suggestion)

    def _check_envelope_field(self, kind: EventKind, key: str, field_name: str, loc: tuple[Any, ...], allowed: tuple[str, ...]) -> None:
        if field_name in self.broken_names:
            return
        field_type = dict(walk_fields(kind.fields)).get(field_name)
        if field_type is None:
            self.error(
                "unknown_field",
                f"'{key}' names '{field_name}', which is not a field of '{kind.name}'",
                loc + (key,),
                suggestion=closest_one(field_name, list(kind.fields)),
            )
        elif not (isinstance(field_type, Scalar) and field_type.name in allowed):
            self.error(
                "type_mismatch",
                f"the {key} field '{field_name}' is {field_type}; it must be {' or '.join(allowed)}",
                loc + (key,),
            )

    def _name_types(self, kinds: dict[str, EventKind]) -> dict[str, FieldType]:
        """One type per field name across kinds (integer and number widen to number)."""
        types: dict[str, FieldType] = {}
        first_kind: dict[str, str] = {}
        for kind in kinds.values():
            for name, field_type in walk_fields(kind.fields):
                known = types.get(name)
                if known is None or known == field_type:
                    types[name] = field_type
                    first_kind.setdefault(name, kind.name)
                elif {known, field_type} == {INTEGER, NUMBER}:
                    types[name] = NUMBER
                else:
                    top = name.split(".")[0]
                    self.error(
                        "type_mismatch",
                        f"field '{name}' is {field_type} here but {known} in event kind '{first_kind[name]}'; "
                        "a name has one type in a ruleset",
                        ("events", kind.name, "fields", top),
                    )
                    self.broken_names.add(name)
        return types

    # ------------------------------------------------------------------ derived values

    def _derived(self, raw: Any, kinds: dict[str, EventKind], names: dict[str, FieldType], params: dict[str, Param]) -> dict[str, DerivedValue]:
        derived: dict[str, DerivedValue] = {}
        self.derived = derived
        if raw is None:
            return derived
        if not isinstance(raw, dict):
            self.error("invalid_value", f"'derived' must map each name to an expression, not {describe_value(raw)}", ("derived",))
            self.derived_broken = True
            return derived
        kind_names = {kind.name: {name for name, _ in walk_fields(kind.fields)} for kind in kinds.values()}
        lenient = bool(self.broken_kinds)
        for name, spec in raw.items():
            loc = ("derived", name)
            if not isinstance(name, str) or not is_identifier(name):
                self.error("invalid_value", f"derived name '{name}' must be letters, digits and underscores", loc, key=True)
                continue
            if name in names or name in RESERVED_FIELDS:
                self.error("reserved_name", f"derived value '{name}' has the name of a field; choose another name", loc, key=True)
                continue
            description = None
            text_loc = loc
            if isinstance(spec, dict):
                doc = self.validate_part(DerivedDoc, spec, loc)
                if doc is None:
                    self.broken_names.add(name)
                    continue
                text, description, text_loc = doc.value, doc.description, loc + ("value",)
            elif isinstance(spec, str):
                text = spec
            else:
                written = self.source.source_text(loc)
                self.error("invalid_value", f"derived value '{name}' must be an expression string, not {describe_value(spec, written)}", loc)
                self.broken_names.add(name)
                continue
            scope = self._scope(names, derived, params)
            try:
                expression = parse_value(text, scope)
            except ExpressionError as error:
                self.expression_error(error, text_loc, lenient=lenient)
                self.broken_names.add(name)
                continue
            carried_by = frozenset(
                kind for kind, available in kind_names.items()
                if all(_available(reference, available, derived, kind) for reference in ir.names(expression))
            )
            derived[name] = DerivedValue(name, text, expression, carried_by, description)
        return derived

    def _scope(self, names: dict[str, FieldType], derived: dict[str, DerivedValue], params: dict[str, Param]) -> Scope:
        scope_names: dict[str, tuple[str, FieldType]] = {name: ("field", field_type) for name, field_type in names.items()}
        for name, value in derived.items():
            scope_names[name] = ("derived", value.expression.type)
        return Scope(scope_names, {name: (param.value, param.type) for name, param in params.items()})

    # ------------------------------------------------------------------ scoring

    def _scoring(self, raw: Any) -> Scoring | None:
        model, bad = self.validate_section(ScoringSpec, raw if raw is not None else {}, ("scoring",))
        if model is None:
            self.scoring_broken = True
            if isinstance(raw, dict) and "bands" not in bad and "*" not in bad:
                max_score = raw.get("max_score") if "max_score" not in bad else None
                self._check_bands(list(raw.get("bands", DEFAULT_BANDS).items()), max_score)
            return None
        bands = list(model.bands.items())
        if not self._check_bands(bands, model.max_score):
            self.scoring_broken = True
            return None
        if model.typology_cap is not None and model.method != "sum":
            self.error(
                "invalid_value",
                f"'typology_cap' applies only to the method 'sum', not '{model.method}'",
                ("scoring", "typology_cap"),
            )
        return Scoring(model.method, model.max_score, model.typology_cap, tuple(bands))

    def _check_bands(self, bands: list[tuple[str, Any]], max_score: Any) -> bool:
        """Bands in ascending order, the first at 0, none above max_score; False when any is wrong."""
        problems_before = len(self.problems)
        if not bands:
            self.error("invalid_bands", "'bands' needs at least one band, e.g. low: 0", ("scoring", "bands"))
            return False
        previous: tuple[str, Any] | None = None
        for name, lower in bands:
            if previous is not None and lower <= previous[1]:
                self.error(
                    "invalid_bands",
                    f"band '{name}' starts at {lower}, not above band '{previous[0]}' ({previous[1]}); "
                    "list the bands in ascending order",
                    ("scoring", "bands", name),
                )
            elif isinstance(max_score, (int, float)) and lower > max_score:
                self.error(
                    "invalid_bands",
                    f"band '{name}' starts at {lower}, above max_score {max_score}; no score reaches it",
                    ("scoring", "bands", name),
                )
            previous = (name, lower)
        if bands[0][1] != 0:
            self.error(
                "invalid_bands",
                f"the lowest band '{bands[0][0]}' starts at {bands[0][1]}; it must start at 0 so that every score has a band",
                ("scoring", "bands", bands[0][0]),
            )
        return len(self.problems) == problems_before

    # ------------------------------------------------------------------ flags

    def _flags(
        self,
        raw: Any,
        kinds: dict[str, EventKind],
        names: dict[str, FieldType],
        derived: dict[str, DerivedValue],
        params: dict[str, Param],
        scoring: Scoring | None,
        features: dict[str, Feature],
    ) -> list[Flag]:
        flags: list[Flag] = []
        if raw is None:
            if ("flags",) in self.source.keys:
                self.error("invalid_value", "'flags' is empty; it must be a list of flags", ("flags",))
            return flags
        if not isinstance(raw, list):
            self.error("invalid_value", f"'flags' must be a list of flags, not {describe_value(raw)}", ("flags",))
            return flags
        seen: dict[str, int] = {}
        band_names = [name for name, _ in scoring.bands] if scoring else []
        for index, spec in enumerate(raw):
            loc = ("flags", index)
            flag_id = spec.get("id") if isinstance(spec, dict) else None
            what = f"flag '{flag_id}'" if isinstance(flag_id, str) and flag_id else None
            model, bad = self.validate_section(FlagSpec, spec, loc, what=what)
            valid = model is not None
            if model is None:
                if not isinstance(spec, dict) or "*" in bad:
                    continue
                # go on with the keys that are fine, so that all problems of the flag are reported
                model = FlagSpec.model_construct(
                    **{key: value for key, value in spec.items() if key in FlagSpec.model_fields and key not in bad}
                )
            flag_id = getattr(model, "id", None)
            if flag_id is not None:
                if flag_id in seen:
                    self.error(
                        "duplicate_flag_id",
                        f"flag id '{flag_id}' is already used by the flag on line {seen[flag_id]}",
                        loc + ("id",),
                    )
                    valid = False
                else:
                    seen[flag_id] = self.source.value_position(loc)[0]
            on = getattr(model, "on", None)
            flag_kinds = [] if on is None else ([on] if isinstance(on, str) else list(on))
            kinds_ok = on is not None
            for position, kind in enumerate(flag_kinds):
                if kind not in kinds:
                    kinds_ok = False
                    if self.events_broken or kind in self.broken_kinds:
                        continue
                    kind_loc = loc + ("on",) if isinstance(on, str) else loc + ("on", position)
                    self.error("unknown_event_kind", f"unknown event kind '{kind}'", kind_loc, suggestion=closest_one(kind, list(kinds)))
            if on is not None and not flag_kinds:
                self.error("invalid_value", "'on' needs at least one event kind", loc + ("on",))
                kinds_ok = False
            force_band = getattr(model, "force_band", None)
            if force_band is not None and band_names and force_band not in band_names:
                shown = ", ".join(f"'{band}'" for band in band_names)
                self.error(
                    "unknown_band",
                    f"unknown band '{force_band}'; the bands are {shown}",
                    loc + ("force_band",),
                    suggestion=closest_one(force_band, band_names),
                )
            when = getattr(model, "when", None)
            if not kinds_ok or when is None:
                continue
            scope = self._flag_scope(flag_kinds, kinds, derived, params, features)
            condition = None
            try:
                condition = parse_condition(when, scope)
            except ExpressionError as error:
                self.expression_error(error, loc + ("when",), kinds=flag_kinds)
            explain = getattr(model, "explain", None)
            title = getattr(model, "title", None)
            if explain is not None:
                self._check_placeholders(explain, scope, loc + ("explain",))
            elif title is not None:
                self._check_placeholders(title, scope, loc + ("title",))
            if not valid or condition is None:
                continue
            line, _ = self.source.value_position(loc)
            flags.append(
                Flag(
                    id=model.id,
                    title=model.title,
                    kinds=tuple(flag_kinds),
                    when=model.when,
                    condition=condition,
                    severity=model.severity,
                    weight=model.weight,
                    typology=model.typology,
                    force_band=model.force_band,
                    # a folded (>) scalar ends with a newline that no message should carry
                    explain=(explain if explain is not None else model.title).strip(),
                    references=tuple(model.references),
                    description=model.description,
                    referenced=tuple(ir.references(condition)),
                    line=line,
                    example=model.example.model_dump() if model.example is not None else None,
                )
            )
        return flags

    def _flag_scope(
        self,
        flag_kinds: list[str],
        kinds: dict[str, EventKind],
        derived: dict[str, DerivedValue],
        params: dict[str, Param],
        features: dict[str, Feature],
    ) -> Scope:
        """A flag on several kinds may use a name any of them carries; elsewhere it is unknown."""
        names: dict[str, tuple[str, FieldType]] = {}
        for kind in flag_kinds:
            for name, field_type in walk_fields(kinds[kind].fields):
                known = names.get(name)
                names[name] = ("field", NUMBER if known and known[1] != field_type else field_type)
        for name, value in derived.items():
            if value.kinds & set(flag_kinds):
                names[name] = ("derived", value.expression.type)
        for name, feature in features.items():
            if set(feature.keys) & set(flag_kinds):
                names[name] = ("feature", feature.type)
        for baseline in self.baselines.values():
            for statistic_name in baseline.names():
                names[statistic_name] = ("baseline", INTEGER if statistic_name.endswith(".count") else NUMBER)
        return Scope(names, {name: (param.value, param.type) for name, param in params.items()})

    # ------------------------------------------------------------------ baselines

    def _baselines(self, raw: Any, kinds: dict[str, EventKind], derived: dict[str, DerivedValue], params: dict[str, Param]) -> dict[str, Baseline]:
        baselines: dict[str, Baseline] = {}
        if raw is None:
            return baselines
        if not isinstance(raw, dict):
            self.error("invalid_value", "'baselines' must map each baseline name to its definition", ("baselines",))
            return baselines
        for name, spec in raw.items():
            loc = ("baselines", name)
            if not isinstance(name, str) or not is_identifier(name):
                self.error("invalid_value", f"baseline name '{name}' must be letters, digits and underscores", loc, key=True)
                continue
            model = self.validate_part(BaselineSpec, spec, loc)
            if model is None:
                continue
            on = [model.on] if isinstance(model.on, str) else list(model.on)
            unknown = [kind for kind in on if kind not in kinds]
            for kind in unknown:
                if self._kind_is_broken(kind):
                    continue
                self.error("unknown_event_kind", f"unknown event kind '{kind}'", loc + ("on",), suggestion=closest_one(kind, list(kinds)))
            if unknown:
                continue
            scope = self._flag_scope(on, kinds, derived, params, {})
            try:
                of = parse_value(model.of, scope)
            except ExpressionError as error:
                self.expression_error(error, loc + ("of",))
                continue
            if not isinstance(of, ir.Name) or not is_numeric(of.type):
                self.error("type_mismatch", f"'of' must name a numeric field or derived value; '{model.of}' is {of.type}", loc + ("of",))
                continue
            where = None
            if model.where is not None:
                try:
                    where = parse_condition(model.where, scope)
                except ExpressionError as error:
                    self.expression_error(error, loc + ("where",))
                    continue
            bad = [p for p in model.percentiles if not 0 < p < 100]
            if bad:
                self.error("invalid_value", f"percentiles are whole numbers between 1 and 99, not {bad[0]}", loc + ("percentiles",))
                continue
            baselines[name] = Baseline(name, of, tuple(on), where, tuple(model.percentiles), model.description, model.where)
        return baselines

    # ------------------------------------------------------------------ stateful features

    def _settings(self, raw: Any) -> Settings:
        model = self.validate_part(SettingsSpec, raw if raw is not None else {}, ("settings",))
        if model is None:
            return Settings()
        try:
            lateness = parse_duration(model.allowed_lateness)
        except ValueError as problem:
            self.error("invalid_value", str(problem), ("settings", "allowed_lateness"))
            lateness = 0
        return Settings(lateness, model.evidence_limit)

    def _features(
        self,
        raw: Any,
        kinds: dict[str, EventKind],
        names: dict[str, FieldType],
        derived: dict[str, DerivedValue],
        params: dict[str, Param],
    ) -> dict[str, Feature]:
        features: dict[str, Feature] = {}
        if raw is None:
            return features
        if not isinstance(raw, dict):
            self.error("invalid_value", "'features' must map each feature name to its definition", ("features",))
            self.derived_broken = True  # any unknown name may be one of the features
            return features
        declared = {kind.name: kind.fields for kind in kinds.values()}
        for name, spec in raw.items():
            loc = ("features", name)
            if not isinstance(name, str) or not is_identifier(name):
                self.error("invalid_value", f"feature name '{name}' must be letters, digits and underscores", loc, key=True)
                continue
            if name in names or name in derived or name in RESERVED_FIELDS:
                self.error("reserved_name", f"feature '{name}' has the name of a field or derived value; choose another name", loc, key=True)
                continue
            model = self.validate_part(FeatureSpec, spec, loc)
            if model is None:
                self.broken_names.add(name)
                continue
            feature = self._feature(name, model, loc, kinds, declared, params)
            if feature is not None:
                features[name] = feature
            else:
                self.broken_names.add(name)
        return features

    def _feature(self, name: str, model: FeatureSpec, loc: tuple[Any, ...], kinds: dict[str, EventKind], declared: dict[str, dict[str, FieldType]], params: dict[str, Param]) -> Feature | None:
        problems_before = len(self.problems)
        over = [model.over] if isinstance(model.over, str) else list(model.over)
        for position, kind in enumerate(over):
            if kind not in kinds and not self._kind_is_broken(kind):
                kind_loc = loc + ("over",) if isinstance(model.over, str) else loc + ("over", position)
                self.error("unknown_event_kind", f"unknown event kind '{kind}'", kind_loc, suggestion=closest_one(kind, list(kinds)))
        window_text = model.window
        if window_text.startswith("params."):
            # a window may be a param holding a duration ("30 days"), so that it can be tuned with --set
            param = params.get(window_text[len("params."):])
            if param is None or not isinstance(param.value, str):
                self.error("unknown_param", f"'{window_text}' is not a param holding a duration such as \"30 days\"", loc + ("window",), suggestion=closest_one(window_text[len("params."):], [n for n, p in params.items() if isinstance(p.value, str)]))
                window_text = "0 days"
            else:
                window_text = param.value
        try:
            window = parse_duration(window_text)
        except ValueError as problem:
            self.error("invalid_value", str(problem), loc + ("window",))
            window = 0
        keys = key_fields_by_kind(model.by, declared)
        for kind, fields in keys.items():
            if kind not in kinds:
                if self._kind_is_broken(kind):
                    continue
                self.error("unknown_event_kind", f"unknown event kind '{kind}'", loc + ("by", kind), key=True, suggestion=closest_one(kind, list(kinds)))
                continue
            available = {path for path, _ in walk_fields(kinds[kind].fields)}
            for field_name in fields:
                if field_name not in available:
                    self.error("unknown_field", f"key field '{field_name}' is not a field of '{kind}'", loc + ("by",), suggestion=closest_one(field_name, available))
            if kinds[kind].time is None:
                self.error("invalid_value", f"event kind '{kind}' has no 'time' field, so it cannot take part in a window", loc + ("by",))
        arities = {len(fields) for fields in keys.values()}
        if len(arities) > 1:
            self.error("invalid_value", "the key must have the same number of fields in every kind", loc + ("by",))
        for kind in over:
            if kind in kinds and kind not in keys:
                self.error("unknown_field", f"the key of feature '{name}' is not carried by '{kind}'", loc + ("by",))
        field_type: FieldType | None = None
        if model.aggregate in VALUE_AGGREGATES:
            if model.field is None:
                self.error("missing_key", f"the aggregate '{model.aggregate}' needs a 'field' to aggregate", loc)
            else:
                types = set()
                for kind in over:
                    if kind in kinds:
                        found = dict(walk_fields(kinds[kind].fields)).get(model.field)
                        if found is None:
                            self.error("unknown_field", f"'{model.field}' is not a field of '{kind}'", loc + ("field",), suggestion=closest_one(model.field, [p for p, _ in walk_fields(kinds[kind].fields)]))
                        else:
                            types.add(found)
                field_type = NUMBER if types == {INTEGER, NUMBER} else (types.pop() if len(types) == 1 else None)
                if len(types) > 1:
                    self.error("type_mismatch", f"'{model.field}' has different types in the kinds of 'over'", loc + ("field",))
                numeric_only = model.aggregate in ("sum", "mean")
                if field_type is not None and (numeric_only and not is_numeric(field_type) or model.aggregate in ("min", "max") and not is_orderable(field_type)):
                    self.error("type_mismatch", f"'{model.aggregate}' needs {'numbers' if numeric_only else 'numbers or dates'}; '{model.field}' is {field_type}", loc + ("field",))
                if field_type is not None and not isinstance(field_type, Scalar):
                    self.error("type_mismatch", f"'{model.field}' is {field_type}; a feature aggregates plain values", loc + ("field",))
        elif model.field is not None:
            self.error("invalid_value", f"the aggregate '{model.aggregate}' takes no 'field'", loc + ("field",))
        where = None
        if model.where is not None:
            scope_names: dict[str, tuple[str, FieldType]] = {}
            for kind in over:
                if kind in kinds:
                    for path, path_type in walk_fields(kinds[kind].fields):
                        scope_names[path] = ("field", path_type)
            for derived_name, derived_value in self.derived.items():
                if derived_value.kinds & set(over):
                    scope_names[derived_name] = ("derived", derived_value.expression.type)
            try:
                where = parse_condition(model.where, Scope(scope_names, {n: (p.value, p.type) for n, p in params.items()}))
            except ExpressionError as error:
                self.expression_error(error, loc + ("where",))
        if len(self.problems) > problems_before:
            return None
        return Feature(
            name=name,
            aggregate=model.aggregate,
            over=tuple(over),
            keys={kind: fields for kind, fields in keys.items()},
            window=window,
            window_text=window_text,
            field=model.field,
            where=where,
            around=model.around,
            include_current=model.include_current,
            unordered=model.unordered,
            unit=model.unit,
            type=feature_type(model.aggregate, field_type),
            description=model.description,
            # what the windows were built with: the resolved window (a param may set it) and key types
            digest=feature_digest({
                **model.model_dump(exclude={"description"}),
                "window": window,
                "keys": {kind: list(fields) for kind, fields in keys.items()},
                "field_type": str(field_type),
            }),
        )

    def _check_placeholders(self, template: str, scope: Scope, loc: tuple[Any, ...]) -> None:
        """``{name}`` and ``{name:format}`` in an explanation: each name known, each format usable.

        The scan follows ``string.Formatter`` (``{{`` and ``}}`` are literal braces) but accepts less:
        no conversions (``!r``), no nested fields; so a template accepted here renders as written.
        """
        index, length = 0, len(template)
        while index < length:
            char = template[index]
            if char == "}":
                if template.startswith("}}", index):
                    index += 2
                    continue
                self.error_at("unknown_placeholder", "single '}' in the explanation; write '}}' for a literal brace", loc, index)
                index += 1
                continue
            if char != "{":
                index += 1
                continue
            if template.startswith("{{", index):
                index += 2
                continue
            close = template.find("}", index + 1)
            if close < 0:
                self.error_at("unknown_placeholder", "'{' is never closed; write '{{' for a literal brace", loc, index)
                return
            nested = template.find("{", index + 1, close)
            if nested >= 0:
                self.error_at("unknown_placeholder", "'{' inside a placeholder; write '{{' for a literal brace", loc, nested)
                index = close + 1
                continue
            self._check_placeholder(template[index + 1 : close], index + 1, scope, loc)
            index = close + 1

    def _check_placeholder(self, body: str, start: int, scope: Scope, loc: tuple[Any, ...]) -> None:
        head, colon, format_spec = body.partition(":")
        name_text, bang, _ = head.partition("!")
        name = name_text.strip()
        name_offset = start + len(name_text) - len(name_text.lstrip())
        if not name:
            self.error_at("unknown_placeholder", "empty placeholder '{}'; write a name such as '{fee}'", loc, start - 1)
            return
        if name.startswith("params.") and name[7:] in scope.params:
            name_type: FieldType | None = scope.params[name[7:]][1]
        elif name in scope.names:
            name_type = scope.names[name][1]
        else:
            if self._is_consequence(ExpressionError("unknown_param" if name.startswith("params.") else "unknown_name", "", name=name), False):
                return
            suggestion = closest_one(name, scope.candidates())
            self.error_at("unknown_placeholder", f"unknown placeholder '{{{name}}}' in the explanation", loc, name_offset, suggestion)
            return
        if bang:
            self.error_at(
                "unknown_placeholder",
                f"conversions such as '!{head.partition('!')[2]}' are not supported in placeholders; write '{{{name}}}'",
                loc, start + len(name_text),
            )
            return
        if colon and format_spec:
            sample = _FORMAT_SAMPLES.get(str(name_type))
            try:
                if sample is None:
                    raise ValueError
                format(sample, format_spec)
            except (ValueError, TypeError):
                self.error_at(
                    "unknown_placeholder",
                    f"the format ':{format_spec}' does not apply to '{name}' ({name_type})",
                    loc, start + len(head),
                )

    # ------------------------------------------------------------------ compile

    def _compile(
        self,
        ruleset_id: str,
        content_hash: str,
        params: dict[str, Param],
        kinds: dict[str, EventKind],
        flags: list[Flag],
        features: dict[str, Feature],
    ) -> CompiledRules | None:
        slots = SlotTable()
        rules: dict[str, dict[str, Any]] = {}
        targets: dict[str, RuleTarget] = {}
        plans: dict[str, KindPlan] = {}
        kind_fields = {kind.name: {name for name, _ in walk_fields(kind.fields)} for kind in kinds.values()}
        used_by_kind: dict[str, set[str]] = {kind: set() for kind in kinds}
        flags_by_kind: dict[str, list[int]] = {kind: [] for kind in kinds}
        complete_when_by_kind: dict[str, dict[int, frozenset[str]]] = {kind: {} for kind in kinds}
        for index, flag in enumerate(flags):
            for kind in flag.kinds:
                absent = frozenset(
                    name.name for name in ir.names(flag.condition)
                    if not _carried(name, kind, kind_fields[kind], features)
                )
                compiler = Compiler(slots, absent)
                try:
                    true, false = compiler.truth(flag.condition)
                except ExpressionError as error:
                    self.expression_error(error, ("flags", index, "when"))
                    break
                used_by_kind[kind] |= compiler.used
                flags_by_kind[kind].append(index)
                false, guarded = guard_false(false, compiler.complete_when())
                if guarded:
                    complete_when_by_kind[kind][index] = compiler.complete_when()
                for outcome, condition in ((True, true), (False, false)):
                    if condition == FALSE:
                        continue
                    rule_name = f"r{len(rules)}"
                    rules[rule_name] = rule_document(kind, condition)
                    targets[rule_name] = RuleTarget(index, kind, outcome)
        for kind in kinds:
            used = used_by_kind[kind]
            event_slots = tuple(slot for slot in slots.event_slots.values() if slot.key in used)
            list_slots = tuple(slot for slot in slots.list_slots.values() if slot.key in used)
            if len(event_slots) + len(list_slots) > MAX_FACT_KEYS:
                self.error("limit_exceeded", f"event kind '{kind}' needs {len(event_slots) + len(list_slots)} values in its rules; durable_rules allows {MAX_FACT_KEYS}", ("events", kind), key=True)
            plans[kind] = KindPlan(kind, event_slots, list_slots, tuple(flags_by_kind[kind]), complete_when_by_kind[kind])
        params_digest = hashlib.sha256(
            json.dumps({name: param.value for name, param in params.items()}, sort_keys=True, default=str).encode()
        ).hexdigest()[:8]
        name = f"{ruleset_id}_{content_hash.split(':')[-1][:12]}_{params_digest}"
        return CompiledRules(name, rules, targets, plans)



def _carried(name: ir.Name, kind: str, fields: set[str], features: dict[str, Feature]) -> bool:
    """Whether events of ``kind`` can carry a value for ``name`` at all."""
    if name.origin == "field":
        return name.name in fields
    if name.origin == "feature":
        return kind in features[name.name].keys
    return True  # derived values and baseline statistics  # derived values: unknown at run time when their inputs are


def _available(name: ir.Name, fields: set[str], derived: dict[str, DerivedValue], kind: str) -> bool:
    if name.origin == "derived":
        return kind in derived[name.name].kinds
    return name.name in fields
