"""Load a ruleset file: YAML -> schema -> names and types -> compiled durable_rules rules.

Every stage records problems as ``Diagnostic``s instead of stopping at the first, so that
``riskengine validate`` shows all problems of a file at once, each at its ``line:col``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import string
from pathlib import Path
from typing import Any, Mapping

from pydantic import BaseModel, ValidationError

from riskengine.expressions import ir
from riskengine.expressions.compile_durable import Compiler, RuleTarget, SlotTable, rule_document, FALSE
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
from riskengine.ruleset.schema import DerivedDoc, EventKindSpec, FlagSpec, ParamDoc, ScoringSpec, known_keys
from riskengine.ruleset.types import INTEGER, NUMBER, FieldType, Object, Scalar, TypeSpecError, TYPE_NAMES, is_identifier, walk_fields
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


def load_ruleset(path: str | Path, params: Mapping[str, Any] | None = None) -> Ruleset:
    """Load, check and compile a ruleset file; raises ``RulesetError`` listing every problem."""
    ruleset, problems = check_ruleset_file(path, params)
    if problems or ruleset is None:
        raise RulesetError(problems)
    return ruleset


def check_ruleset_file(path: str | Path, params: Mapping[str, Any] | None = None) -> tuple[Ruleset | None, list[Diagnostic]]:
    display = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return None, [Diagnostic("file_not_found", f"cannot read the ruleset: {error.strerror or error}", display)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Diagnostic("yaml_syntax", f"the file is not UTF-8 text ({error.reason})", display)]
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

    # ------------------------------------------------------------------ reporting

    def error(self, code: str, message: str, loc: tuple[Any, ...], *, key: bool = False, suggestion: str | None = None) -> None:
        line, col = self.source.key_position(loc) if key else self.source.value_position(loc)
        self.problems.append(Diagnostic(code, message, self.source.path, line, col, tuple(loc), suggestion))

    def expression_error(self, error: ExpressionError, loc: tuple[Any, ...]) -> None:
        line, col = self.source.offset_position(loc, error.offset)
        self.problems.append(Diagnostic(error.code, error.message, self.source.path, line, col, tuple(loc), error.suggestion))

    def validate_part(self, model: type[BaseModel], data: Any, loc: tuple[Any, ...]) -> Any:
        """Validate one section with its pydantic model; report each error at its YAML position."""
        try:
            return model.model_validate(data)
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                self._schema_problem(detail, loc)
            return None

    def _schema_problem(self, detail: dict[str, Any], base: tuple[Any, ...]) -> None:
        # pydantic adds union member tags ('int', 'list[str]') to locs; keep only real YAML keys.
        loc = list(base)
        for part in detail["loc"]:
            candidate = tuple(loc) + (part,)
            if candidate in self.source.values or candidate in self.source.keys:
                loc.append(part)
            elif detail["type"] in ("missing", "extra_forbidden") and part == detail["loc"][-1]:
                loc.append(part)
        loc_t = tuple(loc)
        name = loc_t[-1] if loc_t else ""
        if detail["type"] == "extra_forbidden":
            suggestion = closest_one(str(name), known_keys(loc_t[:-1]))
            self.error("unknown_key", f"unknown key '{name}'", loc_t, key=True, suggestion=suggestion)
        elif detail["type"] == "missing":
            self.error("missing_key", f"missing required key '{name}'", loc_t[:-1], key=False)
        else:
            message = str(detail["msg"]).rstrip(".")
            message = message.replace("Value error, ", "")
            message = message[0].lower() + message[1:]
            if detail["type"] == "string_type" and isinstance(detail.get("input"), (int, float)):
                message += f"; quote it: \"{detail['input']}\""
            self.error("invalid_value", f"'{name}': {message}", loc_t)

    # ------------------------------------------------------------------ build

    def build(self, data: Any, overrides: dict[str, Any], content_hash: str) -> Ruleset | None:
        if not isinstance(data, dict):
            self.error("invalid_value", "a ruleset must be a YAML mapping with the keys ruleset, version, title, events, flags", ())
            return None
        allowed = known_keys(())
        for key in data:
            if key not in allowed:
                self.error("unknown_key", f"unknown key '{key}'", (key,), key=True, suggestion=closest_one(str(key), allowed))
        for key in TOP_LEVEL_REQUIRED:
            if key not in data:
                self.error("missing_key", f"missing required key '{key}'", ())
        header = self._header(data)
        params = self._params(data.get("params"), overrides)
        kinds = self._kinds(data.get("events"))
        names = self._name_types(kinds)
        derived = self._derived(data.get("derived"), kinds, names, params)
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
        model = self.validate_part(RulesetHeader, header, ())
        return model.model_dump() if model is not None else None

    # ------------------------------------------------------------------ params

    def _params(self, raw: Any, overrides: dict[str, Any]) -> dict[str, Param]:
        params: dict[str, Param] = {}
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            self.error("invalid_value", "'params' must be a mapping of NAME: value", ("params",))
            raw = {}
        for name, spec in raw.items():
            loc = ("params", name)
            if not isinstance(name, str) or not is_identifier(name):
                self.error("invalid_value", f"param name '{name}' must be letters, digits and underscores", loc, key=True)
                continue
            description = None
            if isinstance(spec, dict):
                doc = self.validate_part(ParamDoc, spec, loc)
                if doc is None:
                    continue
                default, description = doc.default, doc.description
                value_loc = loc + ("default",)
            else:
                default, value_loc = spec, loc
            try:
                value_type = param_values.type_of(default)
            except ValueError as problem:
                self.error("invalid_value", f"param '{name}': {problem}", value_loc)
                continue
            params[name] = Param(name, default, value_type, default, description)
        for name, value in overrides.items():
            if name not in params:
                suggestion = closest_one(str(name), list(params))
                self.error("unknown_param", f"cannot set unknown param '{name}'", ("params",), key=True, suggestion=suggestion)
                continue
            param = params[name]
            try:
                checked = param_values.check_override(value, param.type)
            except ValueError as problem:
                self.error("invalid_param_value", f"cannot set param '{name}': {problem}", ("params", name))
                continue
            params[name] = Param(name, checked, param.type, param.default, param.description)
        return params

    # ------------------------------------------------------------------ events

    def _kinds(self, raw: Any) -> dict[str, EventKind]:
        kinds: dict[str, EventKind] = {}
        if raw is None:
            return kinds
        if not isinstance(raw, dict) or not raw:
            self.error("invalid_value", "'events' must map each event kind to its entity and fields", ("events",))
            return kinds
        for kind_name, spec in raw.items():
            loc = ("events", kind_name)
            if not isinstance(kind_name, str) or not is_identifier(kind_name):
                self.error("invalid_value", f"event kind '{kind_name}' must be letters, digits and underscores", loc, key=True)
                continue
            model = self.validate_part(EventKindSpec, spec, loc)
            if model is None:
                continue
            fields: dict[str, FieldType] = {}
            for field_name, type_spec in model.fields.items():
                field_loc = loc + ("fields", field_name)
                if not isinstance(field_name, str) or not is_identifier(field_name):
                    self.error("invalid_value", f"field name '{field_name}' must be letters, digits and underscores", field_loc, key=True)
                    continue
                if field_name in RESERVED_FIELDS:
                    self.error("reserved_name", f"'{field_name}' is reserved for the event envelope; rename the field", field_loc, key=True)
                    continue
                try:
                    from riskengine.ruleset.types import parse_type

                    fields[field_name] = parse_type(type_spec, field_loc)
                except TypeSpecError as problem:
                    suggestion = closest_one(problem.given, TYPE_NAMES) if problem.given else None
                    self.error("invalid_type_name", str(problem), problem.loc, suggestion=suggestion)
            kind = EventKind(kind_name, model.entity, model.time, fields, model.description)
            self._check_envelope_field(kind, "entity", model.entity, loc, allowed=("string", "integer"))
            if model.time is not None:
                self._check_envelope_field(kind, "time", model.time, loc, allowed=("date", "datetime"))
            kinds[kind_name] = kind
        return kinds

    def _check_envelope_field(self, kind: EventKind, key: str, field_name: str, loc: tuple[Any, ...], allowed: tuple[str, ...]) -> None:
        field_type = kind.fields.get(field_name)
        if field_type is None:
            self.error(
                "unknown_field",
                f"'{key}' names '{field_name}', which is not a field of '{kind.name}'",
                loc + (key,),
                suggestion=closest_one(field_name, list(kind.fields)),
            )
        elif not (isinstance(field_type, Scalar) and field_type.name in allowed):
            self.error("type_mismatch", f"the {key} field '{field_name}' must be of type {' or '.join(allowed)}", loc + (key,))

    def _name_types(self, kinds: dict[str, EventKind]) -> dict[str, FieldType]:
        """One type per field name across kinds (integer and number widen to number)."""
        types: dict[str, FieldType] = {}
        for kind in kinds.values():
            for name, field_type in walk_fields(kind.fields):
                known = types.get(name)
                if known is None or known == field_type:
                    types[name] = field_type
                elif {known, field_type} == {INTEGER, NUMBER}:
                    types[name] = NUMBER
                else:
                    top = name.split(".")[0]
                    self.error(
                        "type_mismatch",
                        f"field '{name}' is declared as {field_type} here and as {known} in another event kind; "
                        "a name must have one type in a ruleset",
                        ("events", kind.name, "fields", top),
                    )
        return types

    # ------------------------------------------------------------------ derived values

    def _derived(self, raw: Any, kinds: dict[str, EventKind], names: dict[str, FieldType], params: dict[str, Param]) -> dict[str, DerivedValue]:
        derived: dict[str, DerivedValue] = {}
        if raw is None:
            return derived
        if not isinstance(raw, dict):
            self.error("invalid_value", "'derived' must map each name to an expression", ("derived",))
            return derived
        kind_names = {kind.name: {name for name, _ in walk_fields(kind.fields)} for kind in kinds.values()}
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
                    continue
                text, description, text_loc = doc.value, doc.description, loc + ("value",)
            elif isinstance(spec, str):
                text = spec
            else:
                self.error("invalid_value", f"derived value '{name}' must be an expression string", loc)
                continue
            scope = self._scope(names, derived, params)
            try:
                expression = parse_value(text, scope)
            except ExpressionError as error:
                self.expression_error(error, text_loc)
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
        model = self.validate_part(ScoringSpec, raw if raw is not None else {}, ("scoring",))
        if model is None:
            return None
        bands = list(model.bands.items())
        if not bands:
            self.error("invalid_bands", "'bands' needs at least one band", ("scoring", "bands"))
            return None
        previous = None
        for name, lower in bands:
            if previous is not None and lower <= previous:
                self.error("invalid_bands", f"band '{name}' starts at {lower}, not above the band before it ({previous}); list bands in ascending order", ("scoring", "bands", name))
            previous = lower
        if bands[0][1] != 0:
            self.error("invalid_bands", f"the lowest band '{bands[0][0]}' must start at 0 so that every score has a band", ("scoring", "bands", bands[0][0]))
        if model.typology_cap is not None and model.method != "sum":
            self.error("invalid_value", "'typology_cap' applies only to the method sum", ("scoring", "typology_cap"))
        return Scoring(model.method, model.max_score, model.typology_cap, tuple(bands))

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
            return flags
        if not isinstance(raw, list):
            self.error("invalid_value", "'flags' must be a list of flags", ("flags",))
            return flags
        seen: dict[str, int] = {}
        band_names = [name for name, _ in scoring.bands] if scoring else []
        for index, spec in enumerate(raw):
            loc = ("flags", index)
            model: FlagSpec | None = self.validate_part(FlagSpec, spec, loc)
            if model is None:
                continue
            if model.id in seen:
                self.error("duplicate_flag_id", f"flag id '{model.id}' is already used by flag {seen[model.id] + 1}", loc + ("id",))
                continue
            seen[model.id] = index
            flag_kinds = model.kinds
            kinds_ok = True
            for position, kind in enumerate(flag_kinds):
                if kind not in kinds:
                    kind_loc = loc + ("on",) if isinstance(model.on, str) else loc + ("on", position)
                    self.error("unknown_event_kind", f"unknown event kind '{kind}'", kind_loc, suggestion=closest_one(kind, list(kinds)))
                    kinds_ok = False
            if not flag_kinds:
                self.error("invalid_value", "'on' needs at least one event kind", loc + ("on",))
                kinds_ok = False
            if model.force_band is not None and band_names and model.force_band not in band_names:
                self.error("unknown_band", f"unknown band '{model.force_band}'; the bands are {', '.join(band_names)}", loc + ("force_band",), suggestion=closest_one(model.force_band, band_names))
            if not kinds_ok:
                continue
            scope = self._flag_scope(flag_kinds, kinds, derived, params, features)
            try:
                condition = parse_condition(model.when, scope)
            except ExpressionError as error:
                self.expression_error(error, loc + ("when",))
                continue
            explain = model.explain if model.explain is not None else model.title
            self._check_placeholders(explain, scope, loc + ("explain",) if model.explain is not None else loc + ("title",))
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
                    explain=explain,
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
            baselines[name] = Baseline(name, of, tuple(on), where, tuple(model.percentiles), model.description)
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
                continue
            feature = self._feature(name, model, loc, kinds, declared, params)
            if feature is not None:
                features[name] = feature
        return features

    def _feature(self, name: str, model: FeatureSpec, loc: tuple[Any, ...], kinds: dict[str, EventKind], declared: dict[str, dict[str, FieldType]], params: dict[str, Param]) -> Feature | None:
        problems_before = len(self.problems)
        over = [model.over] if isinstance(model.over, str) else list(model.over)
        for position, kind in enumerate(over):
            if kind not in kinds:
                kind_loc = loc + ("over",) if isinstance(model.over, str) else loc + ("over", position)
                self.error("unknown_event_kind", f"unknown event kind '{kind}'", kind_loc, suggestion=closest_one(kind, list(kinds)))
        try:
            window = parse_duration(model.window)
        except ValueError as problem:
            self.error("invalid_value", str(problem), loc + ("window",))
            window = 0
        keys = key_fields_by_kind(model.by, declared)
        for kind, fields in keys.items():
            if kind not in kinds:
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
            field=model.field,
            where=where,
            around=model.around,
            include_current=model.include_current,
            unordered=model.unordered,
            unit=model.unit,
            type=feature_type(model.aggregate, field_type),
            description=model.description,
            digest=feature_digest(model.model_dump()),
        )

    def _check_placeholders(self, template: str, scope: Scope, loc: tuple[Any, ...]) -> None:
        try:
            parts = list(string.Formatter().parse(template))
        except ValueError as problem:
            self.error("unknown_placeholder", f"invalid explain template: {problem} (write {{{{ and }}}} for literal braces)", loc)
            return
        offset = 0
        for literal, field_name, format_spec, _ in parts:
            offset += len(literal)
            if field_name is None:
                continue
            name = field_name.strip()
            valid = name in scope.names or (name.startswith("params.") and name[7:] in scope.params)
            if not valid:
                line, col = self.source.offset_position(loc, offset + 1)
                suggestion = closest_one(name, scope.candidates())
                self.problems.append(Diagnostic("unknown_placeholder", f"unknown placeholder '{{{name}}}' in the explanation", self.source.path, line, col, loc, suggestion))
            elif format_spec:
                try:
                    format(1.5, format_spec)
                except ValueError:
                    self.error("unknown_placeholder", f"invalid format '{format_spec}' for placeholder '{{{name}}}'", loc)
            offset += len(field_name) + 2 + (len(format_spec) + 1 if format_spec else 0)

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
            plans[kind] = KindPlan(kind, event_slots, list_slots, tuple(flags_by_kind[kind]))
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
