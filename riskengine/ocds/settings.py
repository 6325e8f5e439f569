"""Cardinal's settings file (INI), translated into riskengine params and reading options.

Cardinal (``ocdscardinal indicators --settings settings.ini``) runs an indicator if and only if its
section exists; an empty section means its defaults. This module reads the same file, with the
same sections and keys, and refuses unknown ones as Cardinal does (``deny_unknown_fields``):

======================================  ==========================================================
Cardinal setting                        riskengine
======================================  ==========================================================
``currency``                            the main currency (default: the first currency observed)
``no_price_comparison_procurement_methods`` / ``price_comparison_procurement_methods``
                                        deny / allow list of procurementMethodDetails: the
                                        ``price_comparison`` field of ``process`` events
``[exclusions] procurement_method_details``  processes skipped before any event is made
``[R003] threshold``                    param ``min_submission_days``
``[R003] procurement_methods``          params ``short_submission_all_methods`` (false) and ``short_submission_methods``
``[R003.procurement_method_details]``   the ``submission_min_days`` field of ``tender`` events, per procurementMethodDetails
``[R018] procurement_methods``          param ``single_bid_methods``
``[R024] threshold``                    params ``price_gap_low_fixed`` (true) and ``price_gap_low_threshold``
``[R025] percentile`` / ``threshold``   params ``unsuccessful_volume_statistic`` (``p50``, ``p75``, ``p90``) / ``unsuccessful_fixed`` and ``unsuccessful_win_ratio``
``[R035] threshold``                    param ``all_disqualified_min_tenderers`` (at least 1, as Cardinal)
``[R038] threshold``                    params ``disqualification_fixed`` and ``disqualification_threshold``
``[R038] minimum_contracting_processes``  param ``disqualification_min_bids_buyer``
``[R038] minimum_submitted_bids``       param ``disqualification_min_bids_tenderer``
``[R048] digits``                       the number of leading characters of classification ids (``classification_divisions``)
``[R048] threshold``                    params ``heterogeneous_fixed`` and ``heterogeneous_threshold``
``[R048] minimum_contracting_processes``  param ``heterogeneous_min_processes``
``[R058] threshold``                    params ``price_gap_high_fixed`` and ``price_gap_high_threshold``
======================================  ==========================================================

A fixed ``threshold`` replaces the data set's fence, as in Cardinal. ``fence_fallback`` is always
false here: without a fence, Cardinal flags nothing. The sections of Cardinal's ``prepare`` command
(``[defaults]``, ``[codelists.*]``, ``[redactions]``, ``[corrections]``, ``[modifications]``) are
accepted; ``--prepare`` applies ``[defaults]`` (currency, bid and award status), ``[codelists.*]``
and ``[redactions]`` while reading.
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from riskengine.ocds.events import ConvertOptions
from riskengine.ocds.normalise import PrepareSettings

INDICATORS = ("R003", "R018", "R024", "R025", "R028", "R030", "R035", "R036", "R038", "R048", "R058")
UNSUPPORTED = {"R044": "unmerged in Cardinal 0.0.8 (branch r044)", "R055": "unmerged in Cardinal 0.0.8 (branch r055)"}
SUPPORTED_PERCENTILES = (50, 75, 90)
_ROOT = "__root__"

# section: {key: type}; "map:int" / "map:str" sections are maps of any key
_SCHEMA: dict[str, dict[str, str] | str] = {
    _ROOT: {"currency": "str", "no_price_comparison_procurement_methods": "str", "price_comparison_procurement_methods": "str"},
    "defaults": {"currency": "str", "item_classification_scheme": "str", "bid_status": "str", "award_status": "str", "party_roles": "bool"},
    "redactions": {"amount": "str", "organization_id": "str"},
    "corrections": {"award_status_by_contract_status": "bool"},
    "modifications": {"move_auctions": "bool", "prefix_buyer_or_procuring_entity_id": "str", "prefix_tenderer_or_supplier_id": "str", "split_procurement_method_details": "str"},
    "codelists.bid_status": "map:str",
    "codelists.award_status": "map:str",
    "exclusions": {"procurement_method_details": "str"},
    "output": {"info_currency_mismatches": "bool"},
    "R003": {"threshold": "int", "procurement_methods": "str"},
    "R003.procurement_method_details": "map:int",
    "R018": {"procurement_methods": "str"},
    "R024": {"threshold": "float"},
    "R025": {"percentile": "uint", "threshold": "float"},
    "R028": {},
    "R030": {},
    "R035": {"threshold": "uint"},
    "R036": {},
    "R038": {"threshold": "float", "minimum_submitted_bids": "uint", "minimum_contracting_processes": "uint"},
    "R048": {"digits": "uint", "threshold": "uint", "minimum_contracting_processes": "uint"},
    "R058": {"threshold": "float"},
}


class SettingsError(Exception):
    """The settings file cannot be used; the message says where and why."""


@dataclass
class CardinalSettings:
    values: dict[str, dict[str, Any]] = field(default_factory=dict)  # section -> key -> typed value
    source: str = "<defaults>"

    @property
    def indicators(self) -> list[str]:
        """The indicators to run: those with a section (all of them without a settings file)."""
        if self.source == "<defaults>":
            return list(INDICATORS)
        return [code for code in INDICATORS if code in self.values]

    def section(self, name: str) -> dict[str, Any]:
        return self.values.get(name, {})

    # ------------------------------------------------------------------ translation

    def params(self) -> dict[str, Any]:
        """Overrides of rulesets/procurement.yaml's params."""
        params: dict[str, Any] = {"fence_fallback": False}
        r003 = self.section("R003")
        params["min_submission_days"] = r003.get("threshold", 15)
        methods = _pipe(r003.get("procurement_methods"))
        params["short_submission_all_methods"] = not methods
        if methods:
            params["short_submission_methods"] = methods
        r018 = _pipe(self.section("R018").get("procurement_methods", "open|selective"))
        params["single_bid_methods"] = r018 or ["open", "selective", "limited", "direct"]
        for code, fixed, threshold in (("R024", "price_gap_low_fixed", "price_gap_low_threshold"), ("R058", "price_gap_high_fixed", "price_gap_high_threshold")):
            value = self.section(code).get("threshold")
            params[fixed] = value is not None
            if value is not None:
                params[threshold] = float(value)
        r025 = self.section("R025")
        params["unsuccessful_volume_statistic"] = f"p{r025.get('percentile', 75)}"
        params["unsuccessful_fixed"] = "threshold" in r025
        if "threshold" in r025:
            params["unsuccessful_win_ratio"] = float(r025["threshold"])
        params["all_disqualified_min_tenderers"] = max(self.section("R035").get("threshold", 1), 1)
        r038 = self.section("R038")
        params["disqualification_fixed"] = "threshold" in r038
        if "threshold" in r038:
            params["disqualification_threshold"] = float(r038["threshold"])
        params["disqualification_min_bids_buyer"] = r038.get("minimum_contracting_processes", 2)
        params["disqualification_min_bids_tenderer"] = r038.get("minimum_submitted_bids", 2)
        r048 = self.section("R048")
        params["heterogeneous_fixed"] = "threshold" in r048
        if "threshold" in r048:
            params["heterogeneous_threshold"] = int(r048["threshold"])
        params["heterogeneous_min_processes"] = r048.get("minimum_contracting_processes", 20)
        return params

    def options(self, apply_prepare: bool = False) -> ConvertOptions:
        root = self.section(_ROOT)
        indicators = set(self.indicators)
        kinds = set()
        if "R003" in indicators:
            kinds.add("tender")
        if indicators & {"R018", "R024", "R028", "R030", "R035", "R036", "R058"}:
            kinds.add("process")
        if indicators & {"R038"}:
            kinds.update({"buyer", "procuring_entity", "tenderer"})
        if indicators & {"R025", "R048"}:
            kinds.add("tenderer")
        prepare = None
        if apply_prepare:
            defaults, redactions = self.section("defaults"), self.section("redactions")
            amounts = set()
            for text in _pipe(redactions.get("amount")):
                try:
                    amounts.add(float(text))
                except ValueError:
                    raise SettingsError(f"{self.source}: [redactions] amount: '{text}' is not a number") from None
            prepare = PrepareSettings(
                currency=defaults.get("currency"),
                bid_status=defaults.get("bid_status"),
                award_status=defaults.get("award_status"),
                bid_status_codes=dict(self.section("codelists.bid_status")),
                award_status_codes=dict(self.section("codelists.award_status")),
                redacted_amounts=amounts,
                redacted_organization_ids=set(_pipe(redactions.get("organization_id"))),
            )
        return ConvertOptions(
            main_currency=root.get("currency"),
            price_comparison_methods=frozenset(_pipe(root.get("price_comparison_procurement_methods"))),
            no_price_comparison_methods=frozenset(_pipe(root.get("no_price_comparison_procurement_methods"))),
            excluded_method_details=frozenset(_pipe(self.section("exclusions").get("procurement_method_details"))),
            submission_min_days=dict(self.section("R003.procurement_method_details")),
            classification_digits=self.section("R048").get("digits", 2),
            fill_number_of_tenderers=False,
            strict_dates=True,
            cardinal=True,
            cardinal_price_codes=frozenset(indicators & {"R024", "R058", "R036"}),
            kinds=frozenset(kinds),
            prepare=prepare,
        )

    def warnings(self, apply_prepare: bool = False) -> list[str]:
        found = []
        root = self.section(_ROOT)
        if root.get("price_comparison_procurement_methods") and root.get("no_price_comparison_procurement_methods"):
            found.append("no_price_comparison_procurement_methods has no effect if price_comparison_procurement_methods is set.")
        if apply_prepare:
            for name in ("corrections", "modifications"):
                if self.section(name):
                    found.append(f"[{name}] is a setting of Cardinal's prepare command that riskengine does not apply; run `ocdscardinal prepare` first if you need it")
        return found


def _pipe(value: Any) -> list[str]:
    """Cardinal's pipe-separated values (``split_terminator('|')``)."""
    if not value:
        return []
    parts = str(value).split("|")
    if parts and parts[-1] == "":
        parts = parts[:-1]
    return parts


def _typed(kind: str, text: str, where: str) -> Any:
    text = text.strip()
    if kind == "str":
        return text
    if kind == "bool":
        if text.lower() in ("true", "1", "yes", "on"):
            return True
        if text.lower() in ("false", "0", "no", "off"):
            return False
        raise SettingsError(f"{where}: expected true or false, got '{text}'")
    if kind in ("int", "uint"):
        try:
            number = int(text)
        except ValueError:
            raise SettingsError(f"{where}: expected a whole number, got '{text}'") from None
        if kind == "uint" and number < 0:
            raise SettingsError(f"{where}: expected a number of 0 or more, got '{text}'")
        return number
    if kind == "float":
        try:
            return float(text)
        except ValueError:
            raise SettingsError(f"{where}: expected a number, got '{text}'") from None
    raise AssertionError(kind)


def parse_settings(text: str, source: str = "<settings>") -> CardinalSettings:
    parser = configparser.ConfigParser(interpolation=None, comment_prefixes=(";", "#"), inline_comment_prefixes=None, strict=True, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    try:
        parser.read_string(f"[{_ROOT}]\n" + text, source=source)
    except configparser.DuplicateSectionError as error:
        raise SettingsError(f"{source}: section [{error.section}] appears twice") from None
    except configparser.DuplicateOptionError as error:
        raise SettingsError(f"{source}: key '{error.option}' appears twice in [{error.section}]") from None
    except configparser.Error as error:
        message = str(error).replace(f"[{_ROOT}]", "").strip()
        raise SettingsError(f"{source}: not a settings file Cardinal can read: {message.splitlines()[0]}") from None
    values: dict[str, dict[str, Any]] = {}
    for section in parser.sections():
        shown = "top level" if section == _ROOT else f"[{section}]"
        if section in UNSUPPORTED:
            raise SettingsError(f"{source}: {shown}: indicator {section} is not supported by riskengine cardinal ({UNSUPPORTED[section]})")
        schema = _SCHEMA.get(section)
        if schema is None:
            known = ", ".join(f"[{name}]" for name in _SCHEMA if name != _ROOT)
            raise SettingsError(f"{source}: unknown section [{section}]; Cardinal's sections are {known}")
        typed: dict[str, Any] = {}
        for key, raw in parser.items(section, raw=True):
            if isinstance(schema, str):
                typed[key] = _typed(schema.split(":")[1], raw, f"{source}: {shown} {key}")
                continue
            kind = schema.get(key)
            if kind is None:
                known = ", ".join(schema) or "none"
                raise SettingsError(f"{source}: {shown}: unknown key '{key}' (known keys: {known})")
            typed[key] = _typed(kind, raw, f"{source}: {shown} {key}")
        if section == "R025" and "percentile" in typed and typed["percentile"] not in SUPPORTED_PERCENTILES:
            raise SettingsError(
                f"{source}: [R025] percentile = {typed['percentile']}: riskengine supports {', '.join(map(str, SUPPORTED_PERCENTILES))} "
                "(rulesets/procurement.yaml declares these percentiles of the bid volume)"
            )
        if section != _ROOT or typed:
            values[section] = typed
    if "R003.procurement_method_details" in values:
        values.setdefault("R003", {})
    return CardinalSettings(values, source)


def read_settings(path: str | Path | None) -> CardinalSettings:
    if path is None:
        return CardinalSettings()
    target = Path(path)
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SettingsError(f"{target}: no such settings file") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{target}: the settings file is not UTF-8 text") from None
    except OSError as error:
        raise SettingsError(f"{target}: cannot read the settings file ({error.strerror or error})") from None
    return parse_settings(text, str(target))


def conformance_settings(name: str) -> str:
    """The settings file Cardinal's test harness uses for a fixture named ``name`` (see the README of
    shared/conformance/cardinal): the indicator's section, the setting encoded in the name, and the
    harness' price-comparison and exclusion settings."""
    parts = name.split("-")
    code, rest = parts[0], parts[1:]
    lines = ["no_price_comparison_procurement_methods = NPC", "", "[exclusions]", "procurement_method_details = EXC", "", f"[{code}]"]
    if len(rest) == 2:
        lines.append(f"{rest[0]} = {rest[1].replace('+', '|')}")
    elif len(rest) > 2:
        lines += ["", f"[{code}.{rest[0]}]"]
        pairs = rest[1:]
        lines += [f"{pairs[i]} = {pairs[i + 1]}" for i in range(0, len(pairs) - 1, 2)]
    return "\n".join(lines) + "\n"
