"""Repair the quirks real OCDS publishers have, before a compiled release is turned into events.

Each repair is counted (``Quirks``) so that the summary says what was changed:

- numeric identifiers (``ocid``, ``buyer.id``, tenderer, supplier, party, award and contract ids)
  become strings, as Cardinal's ``prepare`` does;
- an object where the schema has an array (``awards``, ``suppliers``, ``tenderers``,
  ``bids.details``, ``items``, ``documents``, ``amendments``, ``transactions`` ...) is wrapped in
  an array, as Cardinal's ``prepare`` does for tenderers and suppliers;
- ``bids`` given as an array of bids becomes ``{"details": [...]}``;
- amounts and ``numberOfTenderers`` written as numeric strings become numbers, and a whole-number
  ``numberOfTenderers`` written as a decimal (``2.0``) becomes an integer;
- with Cardinal's ``prepare`` settings (``[defaults]``, ``[codelists.*]``, ``[redactions]``):
  missing bid and award statuses and currencies are filled, local status codes are mapped to OCDS
  codes, and placeholder amounts and organisation ids are removed.

Nothing else is changed: a status that is missing stays missing (the flags that need it are then
not evaluable), and an unparseable date is dropped later with a count.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

# paths (from the release) of arrays that publishers sometimes give as a single object
_ARRAYS_TOP = ("awards", "contracts", "parties")
_ARRAYS_TENDER = ("tenderers", "items", "documents", "amendments", "enquiries", "milestones", "participationFees")
_ARRAYS_AWARD = ("suppliers", "items", "documents", "amendments")
_ARRAYS_CONTRACT = ("items", "documents", "amendments", "milestones")


@dataclass
class PrepareSettings:
    """Cardinal's ``prepare`` settings that riskengine applies (``[defaults]``, ``[codelists]``, ``[redactions]``)."""

    currency: str | None = None
    bid_status: str | None = None
    award_status: str | None = None
    bid_status_codes: dict[str, str] = field(default_factory=dict)
    award_status_codes: dict[str, str] = field(default_factory=dict)
    redacted_amounts: set[float] = field(default_factory=set)
    redacted_organization_ids: set[str] = field(default_factory=set)


@dataclass
class Quirks:
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, what: str, count: int = 1) -> None:
        self.counts[what] += count


def _as_array(container: dict[str, Any], key: str, quirks: Quirks, where: str) -> list[Any] | None:
    value = container.get(key)
    if isinstance(value, dict):
        container[key] = [value]
        quirks.add(f"an object instead of an array in {where}.{key}, wrapped in an array")
        return container[key]
    if isinstance(value, list):
        return value
    return None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _id_to_string(obj: Any, quirks: Quirks, where: str, key: str = "id") -> None:
    if isinstance(obj, dict):
        value = obj.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            obj[key] = _number_text(value)
            quirks.add(f"numeric {where}.{key} converted to a string")


def _number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _amount(value_obj: Any, quirks: Quirks, where: str, prepare: PrepareSettings | None, key: str = "amount") -> None:
    if not isinstance(value_obj, dict):
        return
    amount = value_obj.get(key)
    if isinstance(amount, str):
        text = amount.strip().replace(",", "")
        try:
            number = float(text)
        except ValueError:
            number = None
        if number is not None and number == number and abs(number) != float("inf"):
            value_obj[key] = int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number
            quirks.add(f"{where}.{key} written as text converted to a number")
    if prepare is not None:
        if prepare.redacted_amounts and isinstance(value_obj.get(key), (int, float)) and value_obj[key] in prepare.redacted_amounts:
            del value_obj[key]
            quirks.add(f"placeholder {where}.{key} removed ([redactions] amount)")
        if prepare.currency and "currency" not in value_obj and key in value_obj:
            value_obj["currency"] = prepare.currency
            quirks.add(f"missing {where} currency set to the [defaults] currency")


def _org_ids(array: Any, quirks: Quirks, where: str, prepare: PrepareSettings | None) -> None:
    if not isinstance(array, list):
        return
    for item in array:
        _id_to_string(item, quirks, where)
        if prepare is not None and prepare.redacted_organization_ids and isinstance(item, dict) and item.get("id") in prepare.redacted_organization_ids:
            del item["id"]
            quirks.add(f"placeholder {where}.id removed ([redactions] organization_id)")


def _status(obj: dict[str, Any], default: str | None, codes: dict[str, str], quirks: Quirks, where: str) -> None:
    status = obj.get("status")
    if status is None and default:
        obj["status"] = default
        quirks.add(f"missing {where}.status set to the [defaults] value '{default}'")
    elif isinstance(status, str) and status in codes:
        obj["status"] = codes[status]
        quirks.add(f"{where}.status mapped with [codelists]")


def normalise_release(release: dict[str, Any], quirks: Quirks, prepare: PrepareSettings | None = None) -> dict[str, Any]:
    """Repair ``release`` in place and return it."""
    _id_to_string(release, quirks, "release", "ocid")
    for key in _ARRAYS_TOP:
        _as_array(release, key, quirks, "release")

    buyer = release.get("buyer")
    if isinstance(buyer, dict):
        _org_ids([buyer], quirks, "buyer", prepare)

    parties = release.get("parties")
    if isinstance(parties, list):
        _org_ids(parties, quirks, "parties", None)
        for party in parties:
            if isinstance(party, dict) and isinstance(party.get("roles"), str):
                party["roles"] = [party["roles"]]
                quirks.add("a string instead of an array in parties.roles, wrapped in an array")

    planning = release.get("planning")
    if isinstance(planning, dict):
        _as_array(planning, "documents", quirks, "planning")
        _amount(planning.get("budget"), quirks, "planning.budget", prepare)

    tender = release.get("tender")
    if isinstance(tender, dict):
        for key in _ARRAYS_TENDER:
            _as_array(tender, key, quirks, "tender")
        _org_ids([tender.get("procuringEntity")] if isinstance(tender.get("procuringEntity"), dict) else None, quirks, "tender.procuringEntity", prepare)
        _org_ids(tender.get("tenderers"), quirks, "tender.tenderers", prepare)
        _amount(tender.get("value"), quirks, "tender.value", prepare)
        for fee in _list(tender.get("participationFees")):
            if isinstance(fee, dict):
                _amount(fee.get("value"), quirks, "tender.participationFees.value", prepare)
        number = tender.get("numberOfTenderers")
        if isinstance(number, str) and number.strip().isdigit():
            tender["numberOfTenderers"] = int(number.strip())
            quirks.add("tender.numberOfTenderers written as text converted to a number")
        elif isinstance(number, float) and number.is_integer():
            tender["numberOfTenderers"] = int(number)
            quirks.add("tender.numberOfTenderers written as a decimal converted to an integer")

    bids = release.get("bids")
    if isinstance(bids, list):
        release["bids"] = bids = {"details": bids}
        quirks.add("bids given as an array of bids, read as bids.details")
    if isinstance(bids, dict):
        details = _as_array(bids, "details", quirks, "bids")
        for bid in _list(details):
            if not isinstance(bid, dict):
                continue
            _id_to_string(bid, quirks, "bids.details")
            tenderers = _as_array(bid, "tenderers", quirks, "bids.details")
            _org_ids(tenderers, quirks, "bids.details.tenderers", prepare)
            _amount(bid.get("value"), quirks, "bids.details.value", prepare)
            if prepare is not None:
                _status(bid, prepare.bid_status, prepare.bid_status_codes, quirks, "bids.details")

    for award in _list(release.get("awards")):
        if not isinstance(award, dict):
            continue
        _id_to_string(award, quirks, "awards")
        for key in _ARRAYS_AWARD:
            _as_array(award, key, quirks, "awards")
        _org_ids(award.get("suppliers"), quirks, "awards.suppliers", prepare)
        _amount(award.get("value"), quirks, "awards.value", prepare)
        if prepare is not None:
            _status(award, prepare.award_status, prepare.award_status_codes, quirks, "awards")

    for contract in _list(release.get("contracts")):
        if not isinstance(contract, dict):
            continue
        _id_to_string(contract, quirks, "contracts")
        _id_to_string(contract, quirks, "contracts", "awardID")
        for key in _ARRAYS_CONTRACT:
            _as_array(contract, key, quirks, "contracts")
        _amount(contract.get("value"), quirks, "contracts.value", prepare)
        implementation = contract.get("implementation")
        if isinstance(implementation, dict):
            transactions = _as_array(implementation, "transactions", quirks, "contracts.implementation")
            for transaction in _list(transactions):
                if not isinstance(transaction, dict):
                    continue
                _id_to_string(transaction, quirks, "contracts.implementation.transactions")
                for role in ("payer", "payee"):
                    _org_ids([transaction.get(role)] if isinstance(transaction.get(role), dict) else None, quirks, f"transactions.{role}", None)
                if "value" in transaction:
                    _amount(transaction.get("value"), quirks, "transactions.value", prepare)
                elif isinstance(transaction.get("amount"), dict):  # OCDS 1.0 name
                    transaction["value"] = transaction.pop("amount")
                    quirks.add("transactions.amount (OCDS 1.0) read as transactions.value")
                    _amount(transaction.get("value"), quirks, "transactions.value", prepare)
    return release
