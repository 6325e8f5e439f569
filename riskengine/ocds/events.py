"""Turn OCDS compiled releases into the events of rulesets/procurement.yaml.

For each contracting process (one compiled release):

- ``tender``: the tender and planning sections;
- ``bid``: one per ``bids.details`` entry, with the contact details of the bidder and of the buyer
  from ``parties``;
- ``process``: Cardinal's per-process measurements of the bids and awards (number of tenderers,
  the relative gap between the two lowest valid bids, identical prices, late winning bids,
  disqualifications, whether the lowest bid was disqualified). Each measurement is computed as
  Cardinal computes it and is **absent when Cardinal would skip the process for it** (an award still
  pending, several active awards, a bid in another currency ...): its flag is then not evaluable;
- ``award``: one per active award (or award without a status), with the tender estimate;
- ``contract``, ``amendment`` and ``payment`` (implementation transactions).

Once the whole input is read, ``finish()`` gives one summary event per ``buyer``,
``procuring_entity`` and ``tenderer`` (bids submitted and disqualified, processes with a valid bid
and won, CPV divisions awarded, procedures by method, Benford deviation of award values), on which
the dataset-relative flags compare with the fences of the data set.

Nothing here decides a flag: the values are measured, and the ruleset's conditions, evaluated by
the engine, decide. Amounts are in the main currency: an amount in another currency is converted
when a rate is given, otherwise skipped and counted. Cancelled tenders and excluded
``procurementMethodDetails`` are skipped and counted, as Cardinal does.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from riskengine.ocds.normalise import PrepareSettings, Quirks, normalise_release

KINDS = ("tender", "bid", "process", "award", "contract", "amendment", "payment", "buyer", "procuring_entity", "tenderer")
TIME_FIELDS = {
    "tender": "tender_date", "bid": "submitted_at", "process": "process_date", "award": "award_date",
    "contract": "date_signed", "amendment": "amended_on", "payment": "paid_on",
}
SUBMITTED_EXCLUDED = ("invited", "withdrawn")  # Cardinal: submitted = pending, valid or disqualified
FINAL_AWARD_IGNORED = ("cancelled", "unsuccessful")
BENFORD = [math.log10(1 + 1 / digit) for digit in range(1, 10)]

# Where each event field comes from, for the coverage summary.
FIELD_SOURCES: dict[str, str] = {
    "ocid": "ocid",
    "buyer_id": "buyer/id",
    "buyer_name": "buyer/name",
    "buyer_country": "parties(buyer)/address/countryName or identifier/scheme",
    "procuring_entity_id": "tender/procuringEntity/id",
    "procurement_method": "tender/procurementMethod",
    "procurement_method_details": "tender/procurementMethodDetails",
    "procurement_method_rationale": "tender/procurementMethodRationale",
    "main_category": "tender/mainProcurementCategory",
    "category_code": "tender/items/classification/id",
    "tender_value": "tender/value/{amount,currency}",
    "tender_date": "tender/tenderPeriod/startDate, tender notice date or release date",
    "tender_start": "tender/tenderPeriod/startDate",
    "tender_end": "tender/tenderPeriod/endDate",
    "submission_min_days": "settings [R003.procurement_method_details]",
    "notice_date": "tender/documents(tenderNotice)/datePublished",
    "call_for_tender_published": "tender/documents/documentType",
    "documents_listed": "tender/documents",
    "bidding_documents_date": "tender/documents(biddingDocuments)/datePublished",
    "participation_fee": "tender/participationFees/value",
    "award_criteria": "tender/awardCriteria",
    "tender_amendments": "tender/amendments",
    "last_tender_amendment": "tender/amendments/date",
    "enquiries": "tender/enquiries/{date,dateAnswered}",
    "planning_documents_published": "planning/documents",
    "bid_id": "bids/details/id",
    "bidder_id": "bids/details/tenderers/id",
    "status": "bids/details/status",
    "amount": "bids/details/value or transactions/value",
    "submitted_at": "bids/details/date",
    "contact_email": "parties(tenderer)/contactPoint/email",
    "contact_phone": "parties(tenderer)/contactPoint/telephone",
    "address_key": "parties(tenderer)/address",
    "buyer_contact_email": "parties(buyer)/contactPoint/email",
    "buyer_contact_phone": "parties(buyer)/contactPoint/telephone",
    "price_comparison": "tender/procurementMethodDetails and the price-comparison settings",
    "number_of_tenderers": "tender/numberOfTenderers (or tender/tenderers, bids/details/tenderers)",
    "submitted_bids": "bids/details/status",
    "relative_price_gap": "bids/details/{status,value,tenderers}, awards/{status,suppliers} (one final award, one supplier)",
    "winner_id": "awards/suppliers/id", "runner_up_id": "bids/details/tenderers/id",
    "identical_bid_prices": "bids/details/{status,value,tenderers}",
    "late_winning_bids": "bids/details/{status,date,tenderers}, tender/tenderPeriod/endDate, awards",
    "valid_tenderers": "bids/details/{status,tenderers}, awards/{status,suppliers} (all awards final)",
    "winner_sole_valid_tenderer": "bids/details/{status,tenderers}, awards/{status,suppliers} (all awards final)",
    "other_disqualified_tenderers": "bids/details/{status,tenderers}, awards/{status,suppliers} (all awards final)",
    "has_active_award": "awards/status",
    "valid_bid_with_amount": "bids/details/{status,value}",
    "lowest_bid_disqualified": "bids/details/{status,value}",
    "award_id": "awards/id",
    "supplier_id": "awards/suppliers/id",
    "supplier_country": "parties(supplier)/address/countryName or identifier/scheme",
    "supplier_founded": "parties(supplier)/details/foundingDate (extension)",
    "supplier_debarred": "--debarred list or parties(supplier)/details/debarred (extension)",
    "award_value": "awards/value",
    "award_date": "awards/date",
    "contract_id": "contracts/id",
    "contract_value": "contracts/value",
    "date_signed": "contracts/dateSigned",
    "amendment_id": "contracts/amendments/id",
    "amended_on": "contracts/amendments/date",
    "original_value": "awards/value of the contract's award",
    "value_after": "contracts/value (last amendment)",
    "paid_on": "contracts/implementation/transactions/date",
    "contract_signed": "contracts/dateSigned",
    "submitted_bids_org": "bids/details/{status,tenderers}",
    "disqualified_bids": "bids/details/status",
    "valid_bid_processes": "bids/details/{status,tenderers}, awards/{status,suppliers}",
    "awarded_processes": "awards/{status,suppliers,items/classification/id}",
    "classification_divisions": "awards/items/classification/id",
    "benford_mad": "awards/value/amount",
}

_RFC3339 = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_LOOSE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$")

# Country names (as in parties/address/countryName) of the secrecy jurisdictions and common
# countries, to ISO codes; other names are used as given.
COUNTRY_CODES = {
    "united kingdom": "GB", "great britain": "GB", "england": "GB", "uk": "GB", "ireland": "IE", "france": "FR",
    "germany": "DE", "spain": "ES", "italy": "IT", "portugal": "PT", "netherlands": "NL", "belgium": "BE",
    "luxembourg": "LU", "switzerland": "CH", "austria": "AT", "poland": "PL", "united states": "US",
    "united states of america": "US", "mexico": "MX", "colombia": "CO", "paraguay": "PY", "ecuador": "EC",
    "dominican republic": "DO", "ukraine": "UA", "moldova": "MD", "nigeria": "NG", "kenya": "KE",
    "cayman islands": "KY", "british virgin islands": "VG", "virgin islands, british": "VG", "panama": "PA",
    "bahamas": "BS", "belize": "BZ", "seychelles": "SC", "marshall islands": "MH", "liechtenstein": "LI",
    "monaco": "MC", "cyprus": "CY", "bermuda": "BM", "jersey": "JE", "guernsey": "GG", "isle of man": "IM",
    "united arab emirates": "AE", "vanuatu": "VU", "samoa": "WS", "liberia": "LR", "antigua and barbuda": "AG",
    "barbados": "BB",
}


def parse_datetime(value: Any, strict: bool) -> dt.datetime | None:
    """An RFC 3339 date-time (Cardinal's parse_from_rfc3339). Not strict: also a date alone or a
    date-time without offset (read as UTC)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _RFC3339.match(text)
    if match is None and not strict:
        loose = _LOOSE.match(text)
        if loose is None:
            return None
        year, month, day, hour, minute, second, fraction, offset = loose.groups()
        text = f"{year}-{month}-{day}T{hour or '00'}:{minute or '00'}:{second or '00'}{fraction or ''}{_offset(offset)}"
        match = _RFC3339.match(text)
    if match is None:
        return None
    fraction = match.group(7) or ""
    base = text[: match.start(7)] if fraction else text[: match.start(8)]
    offset = match.group(8)
    offset = "+00:00" if offset in ("Z", "z") else offset
    try:
        parsed = dt.datetime.fromisoformat(base.replace("t", "T").replace(" ", "T") + offset)
    except ValueError:
        return None
    if fraction:
        parsed = parsed.replace(microsecond=int((fraction[1:] + "000000")[:6]))
    return parsed.astimezone(dt.timezone.utc)


def _offset(offset: str | None) -> str:
    if not offset or offset in ("Z", "z"):
        return "Z"
    if ":" not in offset:
        return offset[:3] + ":" + offset[3:]
    return offset


def format_datetime(value: dt.datetime) -> str:
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += f".{value.microsecond:06d}".rstrip("0")
    return text + "Z"


@dataclass
class ConvertOptions:
    """How riskengine.ocds reads a data set (the Cardinal settings translate into these)."""

    main_currency: str | None = None  # None: the first currency observed
    rates: dict[str, float] = field(default_factory=dict)  # 1 unit of CODE = rate units of the main currency
    price_comparison_methods: frozenset[str] = frozenset()  # allow list of procurementMethodDetails (wins)
    no_price_comparison_methods: frozenset[str] = frozenset()  # deny list
    excluded_method_details: frozenset[str] = frozenset()
    submission_min_days: dict[str, int] = field(default_factory=dict)  # [R003.procurement_method_details]
    classification_digits: int = 2  # [R048] digits
    fill_number_of_tenderers: bool = True  # from tender.tenderers or bid tenderers when numberOfTenderers is absent
    strict_dates: bool = False  # RFC 3339 only, as Cardinal
    cardinal: bool = False  # Cardinal's rules for the main currency and for amounts without a currency
    cardinal_price_codes: frozenset[str] = frozenset({"R024", "R058", "R036"})  # which of them observe the currency
    include_cancelled: bool = False
    debarred_ids: frozenset[str] | None = None
    kinds: frozenset[str] | None = None  # emit only these kinds (None: all)
    prepare: PrepareSettings | None = None


@dataclass
class ConvertStats:
    processes: int = 0
    converted: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    field_counts: dict[str, Counter[str]] = field(default_factory=dict)
    main_currency: str | None = None
    amounts_skipped: Counter[str] = field(default_factory=Counter)
    amounts_converted: Counter[str] = field(default_factory=Counter)
    amounts_without_currency: int = 0
    bad_dates: Counter[str] = field(default_factory=Counter)
    quirks: Quirks = field(default_factory=Quirks)

    def count_event(self, event: dict[str, Any]) -> None:
        kind = event["kind"]
        self.events[kind] += 1
        counts = self.field_counts.setdefault(kind, Counter())
        for name, value in event.items():
            if value is not None and name not in ("kind", "event_id"):
                counts[name] += 1


@dataclass
class _Org:
    name: str | None = None
    processes: int = 0
    methods: Counter[str] = field(default_factory=Counter)
    submitted: int = 0
    disqualified: int = 0
    valid_processes: int = 0
    wins: int = 0
    awarded_processes: int = 0
    codes: set[str] = field(default_factory=set)
    award_amounts: int = 0
    digits: Counter[int] = field(default_factory=Counter)


def _s(value: Any) -> str | None:
    return value if isinstance(value, str) and value != "" else None


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _arr(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


INT64 = 2**63


def _number(value: Any) -> float | int | None:
    """A finite JSON number; integers beyond 64 bits become decimals (the engine's integers are 64-bit)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, int) and not -INT64 <= value < INT64:
        try:
            return float(value)
        except OverflowError:
            return None
    return value


def _id(obj: Any) -> str | None:
    return _s(obj.get("id")) if isinstance(obj, dict) else None


def _submitted(details: list[Any]) -> list[dict[str, Any]]:
    return [bid for bid in details if isinstance(bid, dict) and isinstance(bid.get("status"), str) and bid["status"] not in SUBMITTED_EXCLUDED]


def _complete_awards_if_final(release: dict[str, Any]) -> tuple[list[dict[str, Any]], list[Any]] | None:
    """Cardinal's get_complete_awards_and_bids_if_all_awards_final: the active awards and the bids,
    or None when an award is in another state than active, cancelled or unsuccessful."""
    awards = release.get("awards")
    bids = release.get("bids")
    if not isinstance(awards, list) or not isinstance(bids, dict) or not isinstance(bids.get("details"), list):
        return None
    complete = []
    for award in awards:
        status = award.get("status") if isinstance(award, dict) else None
        if isinstance(status, str):
            if status == "active":
                complete.append(award)
            elif status not in FINAL_AWARD_IGNORED:
                return None
    return complete, bids["details"]


def _contact(party: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    contact = _obj(party.get("contactPoint"))
    email = _s(contact.get("email"))
    phone = _s(contact.get("telephone"))
    address = _obj(party.get("address"))
    parts = [str(address.get(key, "")).strip().lower() for key in ("streetAddress", "locality", "region", "postalCode", "countryName")]
    return (
        email.strip().lower() if email else None,
        re.sub(r"[^0-9+]", "", phone) or None if phone else None,
        "|".join(parts) if _s(address.get("streetAddress")) else None,
    )


def _country(party: dict[str, Any]) -> str | None:
    name = _s(_obj(party.get("address")).get("countryName"))
    if name:
        return COUNTRY_CODES.get(name.strip().lower(), name.strip().upper() if len(name.strip()) == 2 else name.strip())
    scheme = _s(_obj(party.get("identifier")).get("scheme"))
    if scheme and re.match(r"^[A-Z]{2}-", scheme):
        return scheme[:2]
    return None


class OcdsConverter:
    """Turns compiled releases into events, one release at a time; ``finish()`` gives the summaries."""

    def __init__(self, options: ConvertOptions | None = None):
        self.options = options or ConvertOptions()
        self.stats = ConvertStats()
        self.main_currency = self.options.main_currency
        self.stats.main_currency = self.main_currency
        self.buyers: dict[str, _Org] = {}
        self.entities: dict[str, _Org] = {}
        self.tenderers: dict[str, _Org] = {}

    # ------------------------------------------------------------------ helpers

    def _wanted(self, kind: str) -> bool:
        return self.options.kinds is None or kind in self.options.kinds

    def _observe(self, currency: str) -> None:
        if self.main_currency is None:
            self.main_currency = currency
            self.stats.main_currency = currency

    def money(self, value: Any, observe: bool = True, count: bool = True) -> float | int | None:
        """An amount in the main currency, or None (another currency without a rate, no amount)."""
        value = _obj(value)
        amount = _number(value.get("amount"))
        if amount is None:
            return None
        currency = _s(value.get("currency"))
        if currency is None:
            if self.options.cardinal:
                return None
            if count:
                self.stats.amounts_without_currency += 1
            return amount
        if observe and not self.options.cardinal:
            self._observe(currency)
        if currency == self.main_currency:
            return amount
        rate = self.options.rates.get(currency)
        if rate is not None:
            if count:
                self.stats.amounts_converted[currency] += 1
            return amount * rate
        if count and not (self.options.cardinal and self.main_currency is None):
            self.stats.amounts_skipped[currency] += 1
        return None

    def _date(self, value: Any, what: str) -> str | None:
        if value is None:
            return None
        parsed = parse_datetime(value, self.options.strict_dates)
        if parsed is None:
            self.stats.bad_dates[what] += 1
            return None
        return format_datetime(parsed)

    def _org(self, table: dict[str, _Org], org_id: str, name: Any = None) -> _Org:
        org = table.get(org_id)
        if org is None:
            org = table[org_id] = _Org()
        if org.name is None and _s(name):
            org.name = name
        return org

    # ------------------------------------------------------------------ one process

    def convert(self, release: Any) -> list[dict[str, Any]]:
        """The events of one compiled release (an empty list when it is skipped)."""
        self.stats.processes += 1
        if not isinstance(release, dict):
            self.stats.skipped["not a JSON object"] += 1
            return []
        normalise_release(release, self.stats.quirks, self.options.prepare)
        ocid = _s(release.get("ocid"))
        if ocid is None:
            self.stats.skipped["no ocid (or not a string)"] += 1
            return []
        tender = _obj(release.get("tender"))
        if tender.get("status") == "cancelled" and not self.options.include_cancelled:
            self.stats.skipped["cancelled tender"] += 1
            return []
        details = _s(tender.get("procurementMethodDetails"))
        if details is not None and details in self.options.excluded_method_details:
            self.stats.skipped["excluded procurementMethodDetails"] += 1
            return []
        self.stats.converted += 1
        events = _ProcessConversion(self, release, ocid, tender, details).events()
        for event in events:
            self.stats.count_event(event)
        return events

    # ------------------------------------------------------------------ the data set

    def finish(self) -> list[dict[str, Any]]:
        """Summary events of the buyers, procuring entities and tenderers of everything converted."""
        events: list[dict[str, Any]] = []
        if self._wanted("buyer"):
            for org_id, org in self.buyers.items():
                event = {
                    "kind": "buyer", "event_id": f"buyer/{org_id}", "org_id": org_id, "name": org.name,
                    "processes": org.processes,
                    "open_processes": org.methods["open"], "selective_processes": org.methods["selective"],
                    "limited_processes": org.methods["limited"], "direct_processes": org.methods["direct"],
                    **_bids(org),
                    "awards_count": org.award_amounts or None,
                    "benford_mad": _benford_mad(org.digits) if org.award_amounts else None,
                }
                events.append(_clean(event))
        if self._wanted("procuring_entity"):
            for org_id, org in self.entities.items():
                events.append(_clean({
                    "kind": "procuring_entity", "event_id": f"procuring_entity/{org_id}", "org_id": org_id, "name": org.name,
                    "processes": org.processes, **_bids(org),
                }))
        if self._wanted("tenderer"):
            for org_id, org in self.tenderers.items():
                events.append(_clean({
                    "kind": "tenderer", "event_id": f"tenderer/{org_id}", "org_id": org_id, "name": org.name,
                    **_bids(org),
                    # absent, not 0, when the organisation is outside Cardinal's R025 / R048 data
                    "valid_bid_processes": org.valid_processes or None, "valid_bid_wins": org.wins if org.valid_processes else None,
                    "awarded_processes": org.awarded_processes or None, "classification_divisions": len(org.codes) if org.awarded_processes else None,
                }))
        for event in events:
            self.stats.count_event(event)
        return events


def _bids(org: _Org) -> dict[str, Any]:
    """Bids of an organisation's processes: absent (not evaluable) when none was submitted, as
    Cardinal keeps no ratio for it."""
    if not org.submitted:
        return {}
    return {"submitted_bids": org.submitted, "disqualified_bids": org.disqualified}


def _benford_mad(digits: Counter[int]) -> float:
    total = sum(digits.values())
    if not total:
        return 0.0
    return sum(abs(digits[digit] / total - BENFORD[digit - 1]) for digit in range(1, 10)) / 9


def _clean(event: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in event.items() if value is not None}


class _ProcessConversion:
    """The events of one contracting process, and its contribution to the organisation summaries."""

    def __init__(self, converter: OcdsConverter, release: dict[str, Any], ocid: str, tender: dict[str, Any], details: str | None):
        self.c = converter
        self.o = converter.options
        self.release = release
        self.ocid = ocid
        self.tender = tender
        self.details = details
        self.parties = {pid: party for party in _arr(release.get("parties")) if isinstance(party, dict) and (pid := _id(party))}
        buyer = _obj(release.get("buyer"))
        self.buyer_id = _s(buyer.get("id"))
        self.buyer_name = _s(buyer.get("name")) or _s(self.parties.get(self.buyer_id or "", {}).get("name"))
        entity = _obj(tender.get("procuringEntity"))
        self.entity_id = _s(entity.get("id"))
        self.entity_name = _s(entity.get("name"))
        self.method = _s(tender.get("procurementMethod"))
        allow, deny = self.o.price_comparison_methods, self.o.no_price_comparison_methods
        if details is not None:
            self.price_comparison = details in allow if allow else details not in deny
        else:
            self.price_comparison = not allow  # without details it matches only a deny list (Cardinal)
        period = _obj(tender.get("tenderPeriod"))
        self.tender_start = self.c._date(period.get("startDate"), "tender/tenderPeriod/startDate")
        self.tender_end_raw = period.get("endDate")
        self.tender_end = self.c._date(self.tender_end_raw, "tender/tenderPeriod/endDate")
        self.release_date = self.c._date(release.get("date"), "date") if release.get("date") is not None else None
        bids = release.get("bids")
        self.details_list: list[Any] | None = bids.get("details") if isinstance(bids, dict) and isinstance(bids.get("details"), list) else None
        self.awards: list[Any] | None = release.get("awards") if isinstance(release.get("awards"), list) else None
        self.award_by_id = {aid: award for award in self.awards or [] if isinstance(award, dict) and (aid := _id(award))}
        self.tender_value = self.c.money(tender.get("value"))

    # ------------------------------------------------------------------

    def events(self) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        if self.c._wanted("tender") and (self.tender or isinstance(self.release.get("planning"), dict)):
            events.append(self.tender_event())
        if self.c._wanted("bid") and self.details_list is not None:
            events.extend(self.bid_events())
        if self.c._wanted("process"):
            events.append(self.process_event())
        if self.c._wanted("award"):
            events.extend(self.award_events())
        if any(self.c._wanted(kind) for kind in ("contract", "amendment", "payment")):
            events.extend(self.contract_events())
        self.summarise()
        return [_clean(event) for event in events]

    # ------------------------------------------------------------------ tender

    def tender_event(self) -> dict[str, Any]:
        tender = self.tender
        documents = tender.get("documents")
        notice_dates, bidding_dates = [], []
        for document in _arr(documents):
            if not isinstance(document, dict):
                continue
            published = self.c._date(document.get("datePublished"), "tender/documents/datePublished") if document.get("datePublished") is not None else None
            if document.get("documentType") == "tenderNotice":
                notice_dates.append(published or "")
            elif document.get("documentType") == "biddingDocuments" and published:
                bidding_dates.append(published)
        category = None
        for item in _arr(tender.get("items")):
            code = _s(_obj(_obj(item).get("classification")).get("id"))
            if code:
                category = code[: self.o.classification_digits]
                break
        fees = [self.c.money(_obj(fee).get("value")) for fee in _arr(tender.get("participationFees"))]
        fees = [fee for fee in fees if fee is not None]
        amendments = tender.get("amendments")
        amendment_dates = [d for a in _arr(amendments) if (d := self.c._date(_obj(a).get("date"), "tender/amendments/date") if _obj(a).get("date") is not None else None)]
        enquiries = tender.get("enquiries") if isinstance(tender.get("enquiries"), list) else self.release.get("enquiries") if isinstance(self.release.get("enquiries"), list) else None
        planning = self.release.get("planning")
        notice_known = [d for d in notice_dates if d]
        return {
            "kind": "tender",
            "event_id": f"{self.ocid}/tender",
            "ocid": self.ocid,
            "buyer_id": self.buyer_id,
            "buyer_name": self.buyer_name,
            "procuring_entity_id": self.entity_id,
            "title": _s(tender.get("title")),
            "procurement_method": self.method,
            "procurement_method_details": self.details,
            "procurement_method_rationale": tender.get("procurementMethodRationale") if isinstance(tender.get("procurementMethodRationale"), str) else None,
            "main_category": _s(tender.get("mainProcurementCategory")),
            "category_code": category,
            "tender_value": self.tender_value,
            "currency": self.c.main_currency if self.tender_value is not None else None,
            "tender_date": self.tender_start or (min(notice_known) if notice_known else None) or self.release_date,
            "tender_start": self.tender_start,
            "tender_end": self.tender_end,
            "submission_min_days": self.o.submission_min_days.get(self.details) if self.details is not None else None,
            "notice_date": min(notice_known) if notice_known else None,
            "call_for_tender_published": bool(notice_dates) if isinstance(documents, list) and documents else None,
            "documents_listed": bool(documents) if isinstance(documents, list) else None,
            "bidding_documents_date": min(bidding_dates) if bidding_dates else None,
            "participation_fee": sum(fees) if fees else None,
            "award_criteria": _s(tender.get("awardCriteria")),
            "tender_amendments": len(amendments) if isinstance(amendments, list) else None,
            "last_tender_amendment": max(amendment_dates) if amendment_dates else None,
            "enquiries": [
                _clean({
                    "asked_on": self.c._date(_obj(q).get("date"), "tender/enquiries/date") if _obj(q).get("date") is not None else None,
                    "answered_on": self.c._date(_obj(q).get("dateAnswered"), "tender/enquiries/dateAnswered") if _obj(q).get("dateAnswered") is not None else None,
                })
                for q in enquiries if isinstance(q, dict)
            ] if enquiries is not None else None,
            "planning_documents_published": bool(_arr(planning.get("documents"))) if isinstance(planning, dict) else None,
        }

    # ------------------------------------------------------------------ bids

    def bid_events(self) -> list[dict[str, Any]]:
        buyer_party = self.parties.get(self.buyer_id or "", {})
        buyer_email, buyer_phone, _ = _contact(buyer_party) if buyer_party else (None, None, None)
        events = []
        for index, bid in enumerate(self.details_list or []):
            if not isinstance(bid, dict):
                continue
            tenderers = [t for t in _arr(bid.get("tenderers")) if isinstance(t, dict)]
            bidder_id = _id(tenderers[0]) if tenderers else None
            party = self.parties.get(bidder_id or "", {})
            email, phone, address = _contact(party) if party else (None, None, None)
            amount = self.c.money(bid.get("value"))
            bid_id = _s(bid.get("id")) or str(index)
            events.append({
                "kind": "bid",
                "event_id": f"{self.ocid}/bid/{bid_id}",
                "ocid": self.ocid,
                "bid_id": bid_id,
                "bidder_id": bidder_id,
                "bidder_name": _s(tenderers[0].get("name")) if tenderers else None,
                "status": _s(bid.get("status")),
                "amount": amount,
                "currency": self.c.main_currency if amount is not None else None,
                "submitted_at": (self.c._date(bid.get("date"), "bids/details/date") if bid.get("date") is not None else None) or self.tender_end or self.release_date,
                "contact_email": email,
                "contact_phone": phone,
                "address_key": address,
                "buyer_id": self.buyer_id,
                "buyer_contact_email": buyer_email,
                "buyer_contact_phone": buyer_phone,
            })
        return events

    # ------------------------------------------------------------------ process (Cardinal's measurements)

    def process_event(self) -> dict[str, Any]:
        event: dict[str, Any] = {
            "kind": "process",
            "event_id": f"{self.ocid}/process",
            "ocid": self.ocid,
            "buyer_id": self.buyer_id,
            "procuring_entity_id": self.entity_id,
            "procurement_method": self.method,
            "procurement_method_details": self.details,
            "price_comparison": self.price_comparison,
            "number_of_tenderers": self.number_of_tenderers(),
            "tender_end": self.tender_end,
            "process_date": self.first_award_date() or self.tender_end or self.release_date,
        }
        if self.details_list is not None:
            event["submitted_bids"] = len(_submitted(self.details_list))
        event.update(self.price_gap())
        event.update(self.identical_prices())
        event.update(self.late_winning_bids())
        event.update(self.disqualified_others())
        event.update(self.lowest_bid())
        return event

    def number_of_tenderers(self) -> int | None:
        number = self.tender.get("numberOfTenderers")
        if isinstance(number, int) and not isinstance(number, bool):
            return number if -INT64 <= number < INT64 else None
        if number is not None or not self.o.fill_number_of_tenderers:
            return None
        ids = {tid for t in _arr(self.tender.get("tenderers")) if (tid := _id(t))}
        if not ids and self.details_list is not None:
            ids = {tid for bid in _submitted(self.details_list) for t in _arr(bid.get("tenderers")) if (tid := _id(t))}
        return len(ids) if ids else None

    def first_award_date(self) -> str | None:
        for award in self.awards or []:
            if isinstance(award, dict) and award.get("status") in ("active", None) and award.get("date") is not None:
                found = self.c._date(award.get("date"), "awards/date")
                if found:
                    return found
        return None

    def _valid_priced_bids(self, details: list[Any]) -> list[tuple[str, float, str]]:
        """Cardinal's get_tenderer_and_value_of_valid_bids: (tenderer, amount, currency) of valid bids of one tenderer."""
        found = []
        for bid in details:
            if not isinstance(bid, dict) or bid.get("status") != "valid":
                continue
            value = bid.get("value")
            tenderers = bid.get("tenderers")
            if not isinstance(value, dict) or not isinstance(tenderers, list) or len(tenderers) != 1:
                continue
            amount, currency, tenderer = _number(value.get("amount")), _s(value.get("currency")), _id(tenderers[0])
            if amount is None or currency is None or tenderer is None:
                continue
            found.append((tenderer, amount, currency))
        return found

    def _in_main(self, amount: float, currency: str, observe: bool) -> float | None:
        """Cardinal: the first currency observed is the main one; others are skipped (or converted)."""
        if self.o.cardinal:
            if observe:
                self.c._observe(currency)
            if currency == self.c.main_currency:
                return amount
            self.c.stats.amounts_skipped[currency] += 1
            return None
        return self.c.money({"amount": amount, "currency": currency})

    def price_gap(self) -> dict[str, Any]:
        """Cardinal's SecondLowestBidRatio (R024, R058)."""
        if not self.price_comparison:
            return {}
        final = _complete_awards_if_final(self.release)
        if final is None:
            return {}
        complete, details = final
        if len(complete) != 1:
            return {}
        suppliers = complete[0].get("suppliers")
        if not isinstance(suppliers, list) or len(suppliers) != 1 or _id(suppliers[0]) is None:
            return {}
        supplier_id = _id(suppliers[0])
        observe = not self.o.cardinal or bool(self.o.cardinal_price_codes & {"R024", "R058"})
        winner = winner_amount = runner = runner_amount = None
        for tenderer, amount, currency in self._valid_priced_bids(details):
            converted = self._in_main(amount, currency, observe)
            if converted is None:
                continue
            if tenderer == supplier_id:
                if winner_amount is None or converted < winner_amount:
                    winner, winner_amount = tenderer, converted
            elif runner_amount is None or converted < runner_amount:
                runner, runner_amount = tenderer, converted
        if winner is None or runner is None or winner_amount is None or runner_amount is None:
            return {}
        if runner_amount < winner_amount or winner_amount <= 0:
            return {}  # the lowest bid did not win: not a price-only award; or no ratio to a zero bid
        return {
            "relative_price_gap": (runner_amount - winner_amount) / winner_amount,
            "winning_bid": winner_amount,
            "runner_up_bid": runner_amount,
            "winner_id": winner,
            "runner_up_id": runner,
        }

    def identical_prices(self) -> dict[str, Any]:
        """Cardinal's R028: two submitted bids with the same amount and currency from different sets of tenderers."""
        if self.details_list is None:
            return {}
        prices: dict[tuple[float, str], frozenset[str]] = {}
        flagged: list[str] = []
        price: float | None = None
        for bid in _submitted(self.details_list):
            tenderers, value = bid.get("tenderers"), bid.get("value")
            if not isinstance(tenderers, list) or not isinstance(value, dict):
                continue
            amount, currency = _number(value.get("amount")), _s(value.get("currency"))
            if amount is None or currency is None:
                continue
            ids = frozenset(tid for t in tenderers if (tid := _id(t)))
            if not ids:
                continue
            key = (float(amount), currency)
            other = prices.get(key)
            if other is not None and ids != other:
                price = amount if price is None else price
                for tid in sorted(ids) + sorted(other):
                    if tid not in flagged:
                        flagged.append(tid)
            prices[key] = ids
        result: dict[str, Any] = {"identical_bid_prices": bool(flagged)}
        if flagged:
            result["identical_price_tenderers"] = flagged
            result["identical_price"] = price
        return result

    def late_winning_bids(self) -> dict[str, Any]:
        """Cardinal's R030: valid bids dated after the tender period's end from a supplier of an active award."""
        end = self.tender_end_raw
        if not isinstance(end, str) or self.awards is None or self.details_list is None:
            return {}
        end_parsed = parse_datetime(end, self.o.strict_dates)
        suppliers = {sid for award in self.awards if isinstance(award, dict) and award.get("status") == "active"
                     for s in _arr(award.get("suppliers")) if (sid := _id(s))}
        late = 0
        winners: list[str] = []
        for bid in self.details_list:
            if not isinstance(bid, dict) or bid.get("status") != "valid" or not isinstance(bid.get("date"), str) or not isinstance(bid.get("tenderers"), list):
                continue
            date = bid["date"]
            if self.o.cardinal:
                after = date > end  # Cardinal compares the strings
            else:
                bid_parsed = parse_datetime(date, self.o.strict_dates)
                after = bid_parsed > end_parsed if bid_parsed is not None and end_parsed is not None else date > end
            if not after:
                continue
            for tenderer in bid["tenderers"]:
                tid = _id(tenderer)
                if tid is not None and tid in suppliers:
                    late += 1
                    if tid not in winners:
                        winners.append(tid)
        result: dict[str, Any] = {"late_winning_bids": late}
        if winners:
            result["late_winners"] = winners
        return result

    def disqualified_others(self) -> dict[str, Any]:
        """Cardinal's R035 inputs: one valid tenderer, the award's suppliers, other tenderers disqualified."""
        final = _complete_awards_if_final(self.release)
        if final is None:
            return {}
        complete, details = final
        suppliers = {sid for award in complete for s in _arr(award.get("suppliers")) if (sid := _id(s))}
        valid: list[str] = []
        disqualified: set[str] = set()
        for bid in details:
            if not isinstance(bid, dict) or not isinstance(bid.get("status"), str) or not isinstance(bid.get("tenderers"), list):
                continue
            if bid["status"] == "valid":
                for t in bid["tenderers"]:
                    if (tid := _id(t)) and tid not in valid:
                        valid.append(tid)
            elif bid["status"] == "disqualified":
                disqualified.update(tid for t in bid["tenderers"] if (tid := _id(t)))
        result: dict[str, Any] = {
            "valid_tenderers": len(valid),
            "winner_sole_valid_tenderer": set(valid) == suppliers,
            "other_disqualified_tenderers": len(disqualified - set(valid)),
        }
        if len(valid) == 1:
            result["sole_valid_tenderer_id"] = valid[0]
        return result

    def lowest_bid(self) -> dict[str, Any]:
        """Cardinal's R036 inputs: an active award, a valid bid with an amount, the lowest submitted bid disqualified."""
        if self.awards is None:
            return {}
        active = any(isinstance(award, dict) and award.get("status") == "active" for award in self.awards)
        result: dict[str, Any] = {"has_active_award": active}
        if self.details_list is None or (self.o.cardinal and not active) or not self.price_comparison:
            return result
        observe = not self.o.cardinal or "R036" in self.o.cardinal_price_codes
        lowest: float | None = None
        lowest_disqualified = False
        valid_with_amount = False
        for bid in _submitted(self.details_list):
            value = bid.get("value")
            if not isinstance(value, dict):
                continue
            amount, currency = _number(value.get("amount")), _s(value.get("currency"))
            if amount is None or currency is None:
                continue
            converted = self._in_main(amount, currency, observe)
            if converted is None:
                continue
            if lowest is None or converted < lowest:
                lowest = converted
                lowest_disqualified = bid["status"] == "disqualified"
            if bid["status"] == "valid":
                valid_with_amount = True
        result["valid_bid_with_amount"] = valid_with_amount
        if lowest is not None:
            result["lowest_bid"] = lowest
            result["lowest_bid_disqualified"] = lowest_disqualified
        return result

    # ------------------------------------------------------------------ awards, contracts, implementation

    def _party_extras(self, supplier_id: str | None) -> dict[str, Any]:
        party = self.parties.get(supplier_id or "", {})
        extras = _obj(party.get("details"))
        founded = extras.get("foundingDate")
        debarred = extras.get("debarred") if isinstance(extras.get("debarred"), bool) else None
        source = _s(extras.get("debarmentSource"))
        if self.o.debarred_ids is not None and supplier_id is not None:
            listed = supplier_id in self.o.debarred_ids
            debarred = listed or bool(debarred)
            source = source or ("--debarred list" if listed else None)
        founded_date = None
        if isinstance(founded, str):
            parsed = parse_datetime(founded, False)
            founded_date = parsed.date().isoformat() if parsed else None
        return {
            "supplier_name": _s(party.get("name")),
            "supplier_country": _country(party) if party else None,
            "supplier_founded": founded_date,
            "supplier_debarred": debarred,
            "debarment_source": source,
        }

    def award_events(self) -> list[dict[str, Any]]:
        buyer_party = self.parties.get(self.buyer_id or "", {})
        buyer_country = _country(buyer_party) if buyer_party else None
        events = []
        for index, award in enumerate(self.awards or []):
            if not isinstance(award, dict) or award.get("status") not in ("active", None):
                continue
            suppliers = [s for s in _arr(award.get("suppliers")) if isinstance(s, dict)]
            supplier_id = _id(suppliers[0]) if suppliers else None
            extras = self._party_extras(supplier_id)
            if extras["supplier_name"] is None and suppliers:
                extras["supplier_name"] = _s(suppliers[0].get("name"))
            value = self.c.money(award.get("value"))
            award_id = _s(award.get("id")) or str(index)
            events.append({
                "kind": "award",
                "event_id": f"{self.ocid}/award/{award_id}",
                "ocid": self.ocid,
                "award_id": award_id,
                "buyer_id": self.buyer_id,
                "buyer_country": buyer_country,
                "supplier_id": supplier_id,
                **extras,
                "procurement_method": self.method,
                "award_value": value,
                "currency": self.c.main_currency if value is not None or self.tender_value is not None else None,
                "tender_value": self.tender_value,
                "award_date": self.c._date(award.get("date"), "awards/date") if award.get("date") is not None else None,
                "tender_end": self.tender_end,
            })
        return events

    def contract_events(self) -> list[dict[str, Any]]:
        events = []
        for index, contract in enumerate(_arr(self.release.get("contracts"))):
            if not isinstance(contract, dict) or contract.get("status") == "cancelled":
                continue
            contract_id = _s(contract.get("id")) or str(index)
            award = self.award_by_id.get(_s(contract.get("awardID")) or "", {})
            if not award and len([a for a in self.awards or [] if isinstance(a, dict) and a.get("status") in ("active", None)]) == 1:
                award = next(a for a in self.awards or [] if isinstance(a, dict) and a.get("status") in ("active", None))
            suppliers = [s for s in _arr(award.get("suppliers")) if isinstance(s, dict)]
            supplier_id = _id(suppliers[0]) if suppliers else None
            award_value = self.c.money(award.get("value")) if award else None
            contract_value = self.c.money(contract.get("value"))
            award_date = self.c._date(award.get("date"), "awards/date") if award.get("date") is not None else None
            signed = self.c._date(contract.get("dateSigned"), "contracts/dateSigned") if contract.get("dateSigned") is not None else None
            documents = contract.get("documents")
            base = f"{self.ocid}/contract/{contract_id}"
            if self.c._wanted("contract"):
                events.append({
                    "kind": "contract", "event_id": base, "ocid": self.ocid, "contract_id": contract_id,
                    "award_id": _s(contract.get("awardID")) or _s(award.get("id")),
                    "buyer_id": self.buyer_id, "supplier_id": supplier_id,
                    "contract_value": contract_value, "award_value": award_value,
                    "currency": self.c.main_currency if contract_value is not None or award_value is not None else None,
                    "award_date": award_date, "date_signed": signed,
                    "contract_published": any(_obj(d).get("documentType") in ("contractSigned", "contractText") for d in documents) if isinstance(documents, list) else None,
                })
            if self.c._wanted("amendment"):
                amendments = [a for a in _arr(contract.get("amendments")) if isinstance(a, dict)]
                dated = sorted(
                    ((self.c._date(a.get("date"), "contracts/amendments/date") if a.get("date") is not None else None) or "", n, a)
                    for n, a in enumerate(amendments)
                )
                for position, (date, n, amendment) in enumerate(dated):
                    last = position == len(dated) - 1
                    events.append({
                        "kind": "amendment", "event_id": f"{base}/amendment/{_s(amendment.get('id')) or n}",
                        "ocid": self.ocid, "contract_id": contract_id, "amendment_id": _s(amendment.get("id")) or str(n),
                        "procurement_method": self.method,
                        "original_value": award_value,
                        "value_before": _former_value(amendment),
                        "value_after": contract_value if last else None,
                        "amended_on": date or None,
                        "rationale": _s(amendment.get("rationale")) or _s(amendment.get("description")),
                    })
            if self.c._wanted("payment"):
                transactions = _arr(_obj(contract.get("implementation")).get("transactions"))
                for n, transaction in enumerate(transactions):
                    if not isinstance(transaction, dict):
                        continue
                    amount = self.c.money(transaction.get("value"))
                    transaction_id = _s(transaction.get("id")) or str(n)
                    events.append({
                        "kind": "payment", "event_id": f"{base}/payment/{transaction_id}",
                        "ocid": self.ocid, "contract_id": contract_id, "transaction_id": transaction_id,
                        "payer_id": _id(transaction.get("payer")), "payee_id": _id(transaction.get("payee")),
                        "supplier_id": supplier_id, "amount": amount,
                        "currency": self.c.main_currency if amount is not None else None,
                        "paid_on": self.c._date(transaction.get("date"), "transactions/date") if transaction.get("date") is not None else None,
                        "contract_value": contract_value, "contract_signed": signed,
                    })
        return events

    # ------------------------------------------------------------------ organisation summaries

    def summarise(self) -> None:
        c = self.c
        submitted = _submitted(self.details_list) if self.details_list is not None else []
        disqualified = sum(1 for bid in submitted if bid.get("status") == "disqualified")
        # R038 (and the names and counts of the organisations)
        if self.buyer_id is not None:
            buyer = c._org(c.buyers, self.buyer_id, self.buyer_name)
            buyer.processes += 1
            if self.method:
                buyer.methods[self.method] += 1
            if submitted:
                buyer.submitted += len(submitted)
                buyer.disqualified += disqualified
            for award in self.awards or []:
                if isinstance(award, dict) and award.get("status") in ("active", None):
                    amount = c.money(award.get("value"), observe=False, count=False)
                    if amount is not None and amount >= 1:
                        buyer.award_amounts += 1
                        buyer.digits[int(f"{amount:e}"[0])] += 1
        if self.entity_id is not None:
            entity = c._org(c.entities, self.entity_id, self.entity_name)
            entity.processes += 1
            if submitted:
                entity.submitted += len(submitted)
                entity.disqualified += disqualified
        for bid in submitted:
            increment = 1 if bid.get("status") == "disqualified" else 0
            for tenderer in _arr(bid.get("tenderers")):
                tid = _id(tenderer)
                if tid is not None:
                    org = c._org(c.tenderers, tid, _obj(tenderer).get("name"))
                    org.submitted += 1
                    org.disqualified += increment
        # R025
        final = _complete_awards_if_final(self.release)
        if final is not None:
            complete, details = final
            suppliers = complete[0].get("suppliers") if len(complete) == 1 else None
            if isinstance(suppliers, list) and len(suppliers) == 1 and _id(suppliers[0]) is not None:
                supplier_id = _id(suppliers[0])
                valid: list[str] = []
                for bid in details:
                    if isinstance(bid, dict) and bid.get("status") == "valid" and isinstance(bid.get("tenderers"), list) and len(bid["tenderers"]) == 1:
                        tid = _id(bid["tenderers"][0])
                        if tid is not None and tid not in valid:
                            valid.append(tid)
                for tid in valid:
                    org = c._org(c.tenderers, tid)
                    org.valid_processes += 1
                    org.wins += 1 if tid == supplier_id else 0
        # R048
        observed: set[str] = set()
        for award in self.awards or []:
            if not isinstance(award, dict) or award.get("status") != "active":
                continue
            items, suppliers = award.get("items"), award.get("suppliers")
            if not isinstance(items, list) or not isinstance(suppliers, list) or len(suppliers) != 1:
                continue
            supplier_id = _id(suppliers[0])
            if supplier_id is None:
                continue
            for item in items:
                code = _s(_obj(_obj(item).get("classification")).get("id"))
                if code is None:
                    continue
                org = c._org(c.tenderers, supplier_id, _obj(suppliers[0]).get("name"))
                if supplier_id not in observed:
                    observed.add(supplier_id)
                    org.awarded_processes += 1
                org.codes.add(code[: self.o.classification_digits])
        # names of suppliers that only appear in awards
        for award in self.awards or []:
            for supplier in _arr(_obj(award).get("suppliers")):
                sid = _id(supplier)
                if sid is not None and sid in c.tenderers and c.tenderers[sid].name is None:
                    c.tenderers[sid].name = _s(_obj(supplier).get("name"))


def _former_value(amendment: dict[str, Any]) -> float | None:
    """OCDS 1.0 ``amendment.changes`` (deprecated in 1.1): the former contract value, when given."""
    for change in _arr(amendment.get("changes")):
        change = _obj(change)
        if change.get("property") in ("value", "value.amount", "value/amount"):
            former = change.get("former_value")
            if isinstance(former, dict):
                return _number(former.get("amount"))
            return _number(former)
    return None


def event_sort_key(event: dict[str, Any]) -> tuple[str, str]:
    """Events sort by their time (ISO text in UTC sorts as time); events without one sort last."""
    field_name = TIME_FIELDS.get(event.get("kind", ""))
    value = event.get(field_name) if field_name else None
    return (value[:19], value) if isinstance(value, str) else ("~", "")


def convert_all(releases: Iterable[Any], options: ConvertOptions | None = None, sort: bool = True) -> tuple[list[dict[str, Any]], OcdsConverter]:
    """Every event of a data set: per-process events (sorted by time when ``sort``), then the summaries."""
    converter = OcdsConverter(options)
    events: list[dict[str, Any]] = []
    for release in releases:
        events.extend(converter.convert(release))
    if sort:
        events.sort(key=event_sort_key)
    events.extend(converter.finish())
    return events, converter
