"""Example data for rulesets/procurement.yaml: a seeded, deterministic OCDS data set and its events.

    python examples/procurement/generate.py [--seed N] [--out DIR]

writes, in DIR (this folder by default):

- ``releases.jsonl.gz``: about 600 OCDS compiled releases (OCDS 1.1, EUR) of 24 public buyers in
  2024-2025, with bids, awards, contracts and implementation transactions, mostly clean;
- ``events.jsonl``: the procurement events riskengine.ocds makes of them (``riskengine ocds events``),
  in time order, then the buyer, procuring-entity and tenderer summaries;
- ``labels.jsonl``: one line per planted (event_id, flag) pair, with the name of the planted pattern.

Clean processes are open (or selective above the supplies threshold) procedures with two to six
valid bids, the lowest valid bid winning 12-30% under the runner-up, periods of 30-60 days, prices
80-95% of the estimate, contracts at the award value signed within six weeks and paid in
instalments that stay within it. Suppliers win in turn from each buyer's pool, so no buyer depends
on one supplier. Clean values keep away from the default thresholds, so what fires on this stream
is the planted patterns (``make demo`` reports recall and precision). The dataset-relative flags are
planted beyond their fixed thresholds (used while no data set statistics are loaded, as in
``make demo``) and beyond the fences of this data set (``riskengine score``).

``synthetic_releases(count, seed, planted=False)`` is reused by benchmarks/ocds.py.
Standard library only (plus riskengine for the conversion).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import io
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

START = dt.datetime(2024, 1, 8, 9, 0, tzinfo=dt.timezone.utc)
DAYS = 690
CURRENCY = "EUR"
SUPPLIES_THRESHOLD = 143_000

CPV = {  # division: (category, description)
    "03": ("goods", "Agricultural and forestry products"), "09": ("goods", "Fuels and energy"),
    "15": ("goods", "Food and beverages"), "18": ("goods", "Clothing and uniforms"),
    "22": ("goods", "Printed matter"), "30": ("goods", "Office and computing machinery"),
    "31": ("goods", "Electrical machinery"), "33": ("goods", "Medical equipment"),
    "34": ("goods", "Transport equipment"), "39": ("goods", "Furniture"),
    "42": ("goods", "Industrial machinery"), "44": ("goods", "Construction materials"),
    "45": ("works", "Construction work"), "48": ("goods", "Software packages"),
    "50": ("services", "Repair and maintenance"), "60": ("services", "Transport services"),
    "71": ("services", "Engineering services"), "72": ("services", "IT services"),
    "79": ("services", "Business services"), "80": ("services", "Education and training"),
    "85": ("services", "Health and social work"), "90": ("services", "Cleaning and environmental services"),
}
TOWNS = ["Ashford", "Bramley", "Castleton", "Dunmore", "Eastvale", "Fairport", "Glenhaven", "Hillford", "Ivybridge",
         "Juniper Bay", "Kingsmere", "Lakeside", "Millbrook", "Northwick", "Oakridge", "Pinecrest", "Queensferry",
         "Riverside", "Stonebridge", "Thornbury", "Upton", "Valemont", "Westmarch", "Yarrow"]
BODIES = ["City Council", "Health Trust", "Water Board", "Schools Agency", "Transport Authority", "Police Service"]
FIRM_WORDS = ["Apex", "Beacon", "Cobalt", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Iris", "Juno", "Keystone",
              "Lumen", "Meridian", "Nimbus", "Orion", "Pioneer", "Quarry", "Redwood", "Summit", "Titan", "Unity",
              "Vertex", "Willow", "Zenith"]
FIRM_KINDS = ["Supplies", "Services", "Engineering", "Solutions", "Construction", "Systems", "Logistics", "Partners"]


def iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class World:
    """Buyers, suppliers and the bookkeeping that keeps clean processes clean."""

    def __init__(self, rng: random.Random, buyers: int = 24, suppliers: int = 160):
        self.rng = rng
        self.buyers = []
        for n in range(buyers):
            town, body = TOWNS[n % len(TOWNS)], BODIES[n % len(BODIES)]
            if n >= len(TOWNS):
                town = f"{town} {n // len(TOWNS) + 1}"
            self.buyers.append({
                "id": f"GB-LAC-B{n + 1:03d}", "name": f"{town} {body}",
                "email": f"procurement@{town.lower().replace(' ', '')}-{body.split()[0].lower()}.example",
                "phone": f"+44 1632 {960000 + n * 17:06d}", "street": f"{n + 1} Civic Square", "town": town,
            })
        self.suppliers = []
        for n in range(suppliers):
            name = f"{FIRM_WORDS[n % len(FIRM_WORDS)]} {FIRM_KINDS[(n // len(FIRM_WORDS)) % len(FIRM_KINDS)]} Ltd"
            if n >= len(FIRM_WORDS) * len(FIRM_KINDS):
                name = name.replace(" Ltd", f" {n} Ltd")
            self.suppliers.append(self.firm(f"GB-COH-{10000000 + n * 7919}", name, n))
        # each buyer buys from a pool of 40 suppliers, in turn
        self.pools = {}
        for buyer in self.buyers:
            pool = rng.sample(self.suppliers, 40)
            self.pools[buyer["id"]] = {"pool": pool, "order": [], "used": 0}
        self.tenderer_stats: dict[str, list[int]] = {}  # id -> [submitted, disqualified]
        self.wins: dict[str, int] = {}
        self.losses: dict[str, int] = {}

    def firm(self, firm_id: str, name: str, n: int, country: str = "United Kingdom", founded: str | None = None) -> dict[str, Any]:
        slug = name.lower().replace(" ", "").replace("ltd", "")
        return {
            "id": firm_id, "name": name, "email": f"bids@{slug}.example", "phone": f"+44 20 7946 {n:04d}",
            "street": f"{n + 3} {['Mill', 'Quay', 'Station', 'Market', 'Bridge'][n % 5]} Street", "town": TOWNS[(n * 7) % len(TOWNS)],
            "country": country, "founded": founded or f"{1985 + n % 30}-0{1 + n % 9}-15",
        }

    def next_supplier(self, buyer_id: str) -> dict[str, Any]:
        """Suppliers win from a buyer in turn: none wins twice in a row of 40 awards."""
        state = self.pools[buyer_id]
        if state["used"] >= len(state["order"]):
            state["order"] = self.rng.sample(state["pool"], len(state["pool"]))
            state["used"] = 0
        supplier = state["order"][state["used"]]
        state["used"] += 1
        return supplier

    def losers(self, buyer_id: str, winner: dict[str, Any], count: int) -> list[dict[str, Any]]:
        """Competitors from the buyer's pool; a firm that keeps losing sits out until it wins again."""
        pool = [firm for firm in self.pools[buyer_id]["pool"] if firm["id"] != winner["id"]]
        active = [firm for firm in pool if self.wins.get(firm["id"], 0) * 5 >= self.losses.get(firm["id"], 0)]
        chosen = self.rng.sample(active if len(active) >= count else pool, count)
        for firm in chosen:
            self.losses[firm["id"]] = self.losses.get(firm["id"], 0) + 1
        self.wins[winner["id"]] = self.wins.get(winner["id"], 0) + 1
        return chosen

    def safe_to_disqualify(self, exclude: set[str]) -> dict[str, Any]:
        """A firm with enough bids that one more disqualification keeps it far from PP28T."""
        candidates = [firm for firm in self.suppliers if firm["id"] not in exclude and self.may_disqualify(firm["id"])]
        return self.rng.choice(candidates)

    def may_disqualify(self, firm_id: str) -> bool:
        submitted, disqualified = self.tenderer_stats.get(firm_id, [0, 0])
        return submitted >= 8 and (disqualified + 1) / (submitted + 1) < 0.12

    def count_bid(self, firm_id: str, disqualified: bool) -> None:
        stats = self.tenderer_stats.setdefault(firm_id, [0, 0])
        stats[0] += 1
        stats[1] += int(disqualified)


def party(firm: dict[str, Any], roles: list[str], debarred: bool = False) -> dict[str, Any]:
    entry = {
        "id": firm["id"], "name": firm["name"], "roles": roles,
        "identifier": {"scheme": firm["id"][:6], "id": firm["id"][7:], "legalName": firm["name"]},
        "address": {"streetAddress": firm["street"], "locality": firm["town"], "countryName": firm.get("country", "United Kingdom")},
        "contactPoint": {"email": firm["email"], "telephone": firm["phone"]},
    }
    if "founded" in firm:
        entry["details"] = {"foundingDate": firm["founded"], "debarred": debarred}
        if debarred:
            entry["details"]["debarmentSource"] = "World Bank listing of ineligible firms and individuals"
    return entry


class Process:
    """One contracting process, built clean; planted patterns change parts of it."""

    def __init__(self, world: World, number: int, buyer: dict[str, Any], start: dt.datetime, value: float | None = None,
                 method: str = "open", division: str | None = None, bidders: int | None = None, winner: dict[str, Any] | None = None,
                 period: int | None = None, decision: int | None = None):
        rng = world.rng
        self.world, self.rng = world, rng
        self.ocid = f"ocds-r1sk01-{number:05d}"
        self.buyer = buyer
        self.division = division or rng.choice(sorted(CPV))
        self.category = CPV[self.division][0]
        self.method = method
        if value is None:
            value = self.clean_value()
        self.estimate = round(value, -2)
        self.start = start
        self.period = period or rng.randint(30, 60)
        self.end = start + dt.timedelta(days=self.period, hours=3)
        self.award_date = self.end + dt.timedelta(days=decision or rng.randint(10, 60), hours=2)
        self.signed = self.award_date + dt.timedelta(days=rng.randint(5, 40))
        self.winner = winner or world.next_supplier(buyer["id"])
        count = bidders if bidders is not None else (1 if method == "direct" else rng.randint(2, 6))
        ratio = rng.uniform(0.80, 0.95)
        self.win_amount = round(self.estimate * ratio, 2)
        gap = rng.uniform(0.12, 0.30)
        self.bids: list[dict[str, Any]] = [self.bid(self.winner, self.win_amount, "valid")]
        if count > 1:
            runner_amount = round(self.win_amount * (1 + gap), 2)
            others = world.losers(buyer["id"], self.winner, count - 1)
            for index, firm in enumerate(others):
                amount = runner_amount if index == 0 else round(runner_amount * rng.uniform(1.01, 1.25), 2)
                status = "valid"
                if index > 0 and count >= 4 and rng.random() < 0.15 and world.may_disqualify(firm["id"]):
                    status = "disqualified"
                self.bids.append(self.bid(firm, amount, status))
        self.rationale = "Only one supplier holds the licence for the installed system" if method in ("limited", "direct") else None
        self.documents = [
            {"id": "notice", "documentType": "tenderNotice", "datePublished": iso(start)},
            {"id": "docs", "documentType": "biddingDocuments", "datePublished": iso(start)},
        ]
        self.award_criteria = "priceOnly"
        self.tender_amendments: list[dict[str, Any]] = []
        self.enquiries = []
        if rng.random() < 0.3:
            asked = start + dt.timedelta(days=rng.randint(2, 10))
            self.enquiries.append({"id": "1", "date": iso(asked), "dateAnswered": iso(asked + dt.timedelta(days=2))})
        if rng.random() < 0.2:
            self.tender_amendments.append({"id": "1", "date": iso(start + dt.timedelta(days=rng.randint(2, self.period // 3))), "rationale": "Clarified the technical specification"})
        self.fee = None
        self.planning_documents = True
        self.contract_value = self.win_amount
        self.contract_amendments: list[dict[str, Any]] = []
        self.payments = self.instalments(self.contract_value)
        self.extra_parties: dict[str, dict[str, Any]] = {}
        self.debarred: set[str] = set()
        self.status = "complete"
        self.award_items_divisions = [self.division]

    def clean_value(self) -> float:
        rng = self.rng
        if self.category == "works":
            return rng.uniform(600_000, 3_500_000)
        if self.method == "selective":
            return rng.uniform(200_000, 900_000)
        value = rng.choice([rng.uniform(40_000, 120_000), rng.uniform(160_000, 900_000)])
        return value

    def bid(self, firm: dict[str, Any], amount: float, status: str, date: dt.datetime | None = None) -> dict[str, Any]:
        self.world.count_bid(firm["id"], status == "disqualified")
        when = date or self.start + dt.timedelta(days=self.rng.randint(3, max(4, self.period - 2)), hours=self.rng.randint(0, 6))
        return {"firm": firm, "amount": amount, "status": status, "date": when}

    def instalments(self, total: float) -> list[tuple[dt.datetime, float]]:
        parts = self.rng.randint(1, 4)
        shares = [self.rng.uniform(0.5, 1.0) for _ in range(parts)]
        scale = self.rng.uniform(0.6, 1.0) / sum(shares)
        return [(self.signed + dt.timedelta(days=30 * (n + 1)), round(total * share * scale, 2)) for n, share in enumerate(shares)]

    def release(self) -> dict[str, Any]:
        buyer = self.buyer
        firms = {bid["firm"]["id"]: bid["firm"] for bid in self.bids}
        parties = [party({"id": buyer["id"], "name": buyer["name"], "email": buyer["email"], "phone": buyer["phone"], "street": buyer["street"], "town": buyer["town"]}, ["buyer", "procuringEntity"])]
        for firm_id, firm in firms.items():
            roles = ["tenderer", "supplier"] if firm_id == self.winner["id"] else ["tenderer"]
            parties.append(party(firm, roles, debarred=firm_id in self.debarred))
        if self.winner["id"] not in firms:
            parties.append(party(self.winner, ["supplier"], debarred=self.winner["id"] in self.debarred))
        for extra in self.extra_parties.values():
            parties.append(extra)
        item = {"id": "1", "description": CPV[self.division][1], "classification": {"scheme": "CPV", "id": f"{self.division}{self.rng.randint(100000, 999999)}"}, "quantity": 1}
        tender: dict[str, Any] = {
            "id": f"{self.ocid}-tender", "title": f"{CPV[self.division][1]} for {buyer['name']}", "status": self.status,
            "procurementMethod": self.method,
            "procurementMethodDetails": {"open": "Open procedure", "selective": "Restricted procedure", "limited": "Negotiated procedure without publication", "direct": "Direct award"}[self.method],
            "mainProcurementCategory": self.category,
            "value": {"amount": self.estimate, "currency": CURRENCY},
            "procuringEntity": {"id": buyer["id"], "name": buyer["name"]},
            "tenderPeriod": {"startDate": iso(self.start), "endDate": iso(self.end)},
            "awardCriteria": self.award_criteria,
            "numberOfTenderers": len(firms),
            "tenderers": [{"id": firm_id, "name": firm["name"]} for firm_id, firm in firms.items()],
            "items": [item],
            "documents": self.documents,
        }
        if self.rationale:
            tender["procurementMethodRationale"] = self.rationale
        if self.tender_amendments:
            tender["amendments"] = self.tender_amendments
        if self.enquiries:
            tender["enquiries"] = self.enquiries
        if self.fee is not None:
            tender["participationFees"] = [{"id": "1", "type": ["document"], "value": {"amount": self.fee, "currency": CURRENCY}}]
        award_items = [{"id": str(n + 1), "description": CPV[div][1], "classification": {"scheme": "CPV", "id": f"{div}{self.rng.randint(100000, 999999)}"}, "quantity": 1}
                       for n, div in enumerate(self.award_items_divisions)]
        contract: dict[str, Any] = {
            "id": f"{self.ocid}-contract-1", "awardID": f"{self.ocid}-award-1", "status": "active",
            "value": {"amount": self.contract_value, "currency": CURRENCY}, "dateSigned": iso(self.signed),
            "documents": [{"id": "signed", "documentType": "contractSigned", "datePublished": iso(self.signed)}],
            "implementation": {"transactions": [
                {"id": f"{self.ocid}-tx-{n + 1}", "date": iso(when), "value": {"amount": amount, "currency": CURRENCY},
                 "payer": {"id": buyer["id"], "name": buyer["name"]}, "payee": {"id": self.winner["id"], "name": self.winner["name"]}}
                for n, (when, amount) in enumerate(self.payments)
            ]},
        }
        if self.contract_amendments:
            contract["amendments"] = self.contract_amendments
        release: dict[str, Any] = {
            "ocid": self.ocid, "id": f"{self.ocid}-compiled", "date": iso(max(self.signed, self.award_date)), "tag": ["compiled"],
            "initiationType": "tender", "language": "en",
            "parties": parties,
            "buyer": {"id": buyer["id"], "name": buyer["name"]},
            "planning": {"budget": {"amount": {"amount": round(self.estimate * 1.1, -2), "currency": CURRENCY}}, "documents": [
                {"id": "plan", "documentType": "procurementPlan", "datePublished": iso(self.start - dt.timedelta(days=60))}] if self.planning_documents else []},
            "tender": tender,
            "bids": {"details": [
                {"id": str(n + 1), "date": iso(bid["date"]), "status": bid["status"], "value": {"amount": bid["amount"], "currency": CURRENCY},
                 "tenderers": [{"id": bid["firm"]["id"], "name": bid["firm"]["name"]}]}
                for n, bid in enumerate(self.bids)
            ]},
            "awards": [{
                "id": f"{self.ocid}-award-1", "status": "active", "date": iso(self.award_date),
                "value": {"amount": self.win_amount, "currency": CURRENCY},
                "suppliers": [{"id": self.winner["id"], "name": self.winner["name"]}], "items": award_items,
            }],
            "contracts": [contract],
        }
        return release

    # event ids, as riskengine.ocds names them
    def eid(self, part: str) -> str:
        return f"{self.ocid}/{part}"

    @property
    def award_eid(self) -> str:
        return self.eid(f"award/{self.ocid}-award-1")

    @property
    def contract_eid(self) -> str:
        return self.eid(f"contract/{self.ocid}-contract-1")


class Generator:
    def __init__(self, seed: int, planted: bool = True, buyers: int = 24, suppliers: int = 160):
        self.rng = random.Random(seed)
        self.world = World(self.rng, buyers, suppliers)
        self.number = 0
        self.processes: list[Process] = []
        self.labels: list[dict[str, Any]] = []
        self.planted = planted

    def new(self, buyer: dict[str, Any] | None = None, start: dt.datetime | None = None, **kwargs: Any) -> Process:
        self.number += 1
        buyer = buyer or self.rng.choice(self.world.buyers)
        start = start or START + dt.timedelta(days=self.rng.randint(0, DAYS), hours=self.rng.randint(0, 6))
        process = Process(self.world, self.number, buyer, start, **kwargs)
        self.processes.append(process)
        return process

    def disqualify(self, process: Process, index: int) -> None:
        """Disqualify bid ``index``, moving it to a firm for which that stays unremarkable."""
        bid = process.bids[index]
        present = {other["firm"]["id"] for other in process.bids}
        firm = self.world.safe_to_disqualify(present)
        self.world.count_bid(firm["id"], True)
        process.bids[index] = dict(bid, firm=firm, status="disqualified")

    def label(self, event_id: str, flag: str, pattern: str) -> None:
        self.labels.append({"event_id": event_id, "flag": flag, "pattern": pattern})

    def clean(self, count: int) -> None:
        for _ in range(count):
            method = "selective" if self.rng.random() < 0.15 else "open"
            self.new(method=method)

    def routine_limited(self, buyers: int) -> None:
        """A few negotiated procedures with a rationale at most buyers: PP04 fires on them (it flags
        every limited or direct procedure), and the buyers' shares spread the fence of PP33."""
        for buyer in self.world.buyers[:buyers]:
            for _ in range(1 + self.rng.randint(0, 1)):
                p = self.new(buyer=buyer, method="limited", value=self.rng.uniform(200_000, 800_000))
                self.label(p.eid("tender"), "PP04", "routine negotiated procedure, with a rationale")

    def cancelled(self, count: int) -> None:
        for _ in range(count):
            self.new().status = "cancelled"

    # ------------------------------------------------------------------ planted patterns

    def plant(self) -> None:
        rng, world = self.rng, self.world
        buyers = world.buyers

        # planning
        for value in (139_000, 136_500):
            p = self.new(value=value, division="30")
            self.label(p.eid("tender"), "PP06", "goods estimate set just under the EUR 143,000 threshold")
        p = self.new(value=5_420_000, division="45")
        self.label(p.eid("tender"), "PP06", "works estimate set just under the EUR 5,538,000 threshold")
        for _ in range(2):
            p = self.new()
            p.planning_documents = False
            self.label(p.eid("tender"), "PP39", "planning section without any planning document")

        # tender
        for days in (8, 11):
            p = self.new()
            p.period = days
            p.tender_amendments = []
            p.end = p.start + dt.timedelta(days=days, hours=2)
            p.bids = [dict(bid, date=p.start + dt.timedelta(days=1 + n % max(1, days - 2))) for n, bid in enumerate(p.bids)]
            p.award_date = p.end + dt.timedelta(days=20)
            p.signed = p.award_date + dt.timedelta(days=10)
            p.payments = p.instalments(p.contract_value)
            self.label(p.eid("tender"), "PP01", f"open tender with a {days}-day submission period")
            self.label(p.eid("tender"), "PP02", f"open tender advertised {days} days before the deadline")
        p = self.new()
        p.period = 21
        p.tender_amendments = []
        p.end = p.start + dt.timedelta(days=21)
        p.bids = [dict(bid, date=p.start + dt.timedelta(days=2 + n)) for n, bid in enumerate(p.bids)]
        p.award_date = p.end + dt.timedelta(days=25)
        p.signed = p.award_date + dt.timedelta(days=10)
        p.payments = p.instalments(p.contract_value)
        self.label(p.eid("tender"), "PP02", "open tender advertised 21 days before the deadline")
        for _ in range(2):
            p = self.new()
            p.documents = [{"id": "docs", "documentType": "biddingDocuments", "datePublished": iso(p.start)}]
            self.label(p.eid("tender"), "PP03", "open tender whose documents include no tender notice")
        p = self.new(method="limited", value=420_000)
        self.label(p.eid("tender"), "PP04", "negotiated procedure without publication")
        p = self.new(method="direct", value=260_000)
        p.rationale = None
        self.label(p.eid("tender"), "PP04", "direct award without a rationale")
        self.label(p.eid("tender"), "PP05", "direct award without a rationale")
        # split purchases: three direct purchases of office machinery by one buyer within three weeks
        buyer = buyers[3]
        first = START + dt.timedelta(days=300)
        for n, value in enumerate((52_000, 48_500, 51_000)):
            p = self.new(buyer=buyer, start=first + dt.timedelta(days=9 * n), method="direct", value=value, division="30")
            self.label(p.eid("tender"), "PP04", "purchase split into three direct awards")
            if n == 2:
                self.label(p.eid("tender"), "PP07", "purchase split into three direct awards")
        p = self.new()
        p.documents = [{"id": "notice", "documentType": "tenderNotice", "datePublished": iso(p.start)},
                       {"id": "docs", "documentType": "biddingDocuments", "datePublished": iso(p.start + dt.timedelta(days=12))}]
        self.label(p.eid("tender"), "PP08", "bidding documents published 12 days into the tender period")
        p = self.new(value=450_000)
        p.fee = 9_000.0
        self.label(p.eid("tender"), "PP09", "participation fee of 2% of the estimate")
        for criteria in ("ratedCriteria", "qualityOnly"):
            p = self.new()
            p.award_criteria = criteria
            self.label(p.eid("tender"), "PP10", f"award criteria {criteria}")
        p = self.new()
        p.tender_amendments = [{"id": "1", "date": iso(p.start + dt.timedelta(days=int(p.period * 0.85))), "rationale": "Changed the technical requirements"}]
        self.label(p.eid("tender"), "PP11", "technical requirements changed in the last days of the submission period")
        p = self.new()
        p.enquiries = [{"id": "1", "date": iso(p.start + dt.timedelta(days=3))}]
        self.label(p.eid("tender"), "PP12", "a bidder's question never answered")

        # award: bids and evaluation
        for _ in range(2):
            p = self.new(bidders=1)
            self.label(p.eid("process"), "PP13", "open tender with a single bid")
        p = self.new(bidders=3)
        for index in (1, 2):
            self.disqualify(p, index)
        self.label(p.eid("process"), "PP14", "both competitors of the winner disqualified")
        p = self.new(bidders=3)
        self.disqualify(p, 2)
        p.bids[2]["amount"] = round(p.win_amount * 0.93, 2)
        self.label(p.eid("process"), "PP15", "the lowest bid disqualified, the contract awarded 7% higher")
        p = self.new(bidders=3)
        p.bids[0]["date"] = p.end + dt.timedelta(days=2)
        self.label(p.eid("process"), "PP16", "the winner's bid arrived two days after the deadline")
        p = self.new(bidders=4)
        p.bids[3]["amount"] = p.bids[2]["amount"]
        self.label(p.eid("process"), "PP17", "two losing bidders quoted exactly the same price")
        for gap in (0.004, 0.011):
            p = self.new(bidders=3)
            p.bids[1]["amount"] = round(p.win_amount * (1 + gap), 2)
            self.label(p.eid("process"), "PP18", f"cover bid {gap:.1%} above the winner")
        for gap in (1.4, 0.95):
            p = self.new(bidders=3)
            p.bids[1]["amount"] = round(p.win_amount * (1 + gap), 2)
            p.bids[2]["amount"] = round(p.win_amount * (1 + gap) * 1.08, 2)
            self.label(p.eid("process"), "PP19", f"winning bid {gap:.0%} below the next valid bid")
        p = self.new()
        p.win_amount = p.bids[0]["amount"] = round(p.estimate * 0.995, 2)
        p.bids[1:] = [dict(bid, amount=round(p.win_amount * (1.15 + 0.05 * n), 2)) for n, bid in enumerate(p.bids[1:])]
        p.contract_value = p.win_amount
        p.payments = p.instalments(p.contract_value)
        self.label(p.award_eid, "PP20", "winning price 99.5% of the confidential estimate")
        p = self.new()
        p.estimate = round(p.win_amount / 1.6, -2)
        self.label(p.award_eid, "PP21", "award 1.6 times the estimate")
        for days in (2, 190):
            p = self.new()
            p.award_date = p.end + dt.timedelta(days=days)
            p.signed = p.award_date + dt.timedelta(days=12)
            p.payments = p.instalments(p.contract_value)
            self.label(p.award_eid, "PP22", f"award {days} days after the deadline")
        # shared contact details: the runner-up bids from the winner's office
        p = self.new(bidders=3)
        shadow = dict(p.bids[1]["firm"], email=p.winner["email"], id=p.bids[1]["firm"]["id"])
        p.bids[1] = dict(p.bids[1], firm=shadow, date=p.bids[0]["date"] + dt.timedelta(hours=1))
        self.label(p.eid("bid/2"), "PP23", "a competing bid sent from the winner's e-mail address")
        p = self.new(bidders=3)
        insider = dict(p.bids[2]["firm"], phone=p.buyer["phone"])
        p.bids[2] = dict(p.bids[2], firm=insider)
        self.label(p.eid("bid/3"), "PP24", "a bidder using the buyer's procurement telephone line")
        p = self.new()
        p.debarred.add(p.winner["id"])
        self.label(p.award_eid, "PP25", "award to a firm on the World Bank debarment list")
        offshore = world.firm("VG-BC-2044871", "Blue Lagoon Holdings Ltd", 900, country="British Virgin Islands")
        p = self.new(winner=offshore)
        self.label(p.award_eid, "PP26", "award to a British Virgin Islands company")
        start = START + dt.timedelta(days=rng.randint(200, DAYS))
        newco = world.firm("GB-COH-15550001", "Swiftbuild Projects Ltd", 901, founded=(start - dt.timedelta(days=120)).date().isoformat())
        p = self.new(winner=newco, start=start)
        self.label(p.award_eid, "PP27", "award to a company founded four months before")
        # a captured buyer: one supplier takes most of the money
        captured = {"id": "GB-LAC-B901", "name": "Ashford Harbour Board", "email": "tenders@ashfordharbour.example", "phone": "+44 1632 961901", "street": "1 Pier Road", "town": "Ashford"}
        favourite = world.firm("GB-COH-17770001", "Harbourside Marine Works Ltd", 902)
        others = rng.sample(world.suppliers, 2)
        world.pools[captured["id"]] = {"pool": world.suppliers[:40], "order": [], "used": 0}
        plan = [(favourite, 900_000), (others[0], 200_000), (favourite, 850_000), (others[1], 180_000), (favourite, 950_000), (favourite, 700_000)]
        for n, (firm, value) in enumerate(plan):
            p = self.new(buyer=captured, start=START + dt.timedelta(days=120 + 30 * n), value=value / 0.9, winner=firm, period=40, decision=20)
            if n >= 4:
                self.label(p.award_eid, "PP31", "Harbourside Marine Works takes most of the harbour board's spending")
        # a dependent supplier: six awards in a year, all from one buyer
        dependent = world.firm("GB-COH-18880001", "Valemont Facility Care Ltd", 903)
        buyer = buyers[7]
        for n in range(6):
            p = self.new(buyer=buyer, start=START + dt.timedelta(days=60 + 40 * n), winner=dependent, value=100_000, period=35, decision=15)
            if n >= 4:
                self.label(p.award_eid, "PP32", "Valemont Facility Care lives off one buyer")
        # repeated direct awards to one supplier adding up above the threshold
        buyer = buyers[11]
        favourite = world.firm("GB-COH-19990001", "Northwick Print Services Ltd", 904)
        for n, value in enumerate((88_000, 86_000)):
            p = self.new(buyer=buyer, start=START + dt.timedelta(days=400 + 110 * n), method="direct", value=value / 0.9, winner=favourite, division="22", period=30, decision=15)
            self.label(p.eid("tender"), "PP04", "two direct awards to one printer within four months")
            if n == 1:
                self.label(p.award_eid, "PP34", "two direct awards to one printer within four months, EUR 161,000 together")

        # award: organisations over the data set
        dq_buyer = {"id": "GB-LAC-B902", "name": "Bramley Estates Department", "email": "estates@bramley.example", "phone": "+44 1632 961902", "street": "2 Estate Row", "town": "Bramley"}
        world.pools[dq_buyer["id"]] = {"pool": world.suppliers[40:80], "order": [], "used": 0}
        for n in range(4):
            p = self.new(buyer=dq_buyer, start=START + dt.timedelta(days=200 + 50 * n), bidders=4)
            p.bids[1]["status"] = "valid"
            for index in (2, 3):
                self.disqualify(p, index)
        self.label("buyer/GB-LAC-B902", "PP28B", "buyer that disqualifies half of the bids it receives")
        self.label("procuring_entity/GB-LAC-B902", "PP28P", "procuring entity that disqualifies half of the bids it receives")
        cover = world.firm("GB-COH-21110001", "Quarry Lane Contractors Ltd", 905)
        for n in range(6):
            p = self.new(start=START + dt.timedelta(days=90 + 80 * n), bidders=3)
            p.bids.append(p.bid(cover, round(p.win_amount * 1.3, 2), "disqualified" if n < 4 else "valid"))
        self.label("tenderer/GB-COH-21110001", "PP28T", "bidder disqualified in four of its six bids")
        loser = world.firm("GB-COH-22220001", "Greyline Contractors Ltd", 906)
        for n in range(24):
            p = self.new(start=START + dt.timedelta(days=20 + 27 * n), bidders=3)
            p.bids.append(p.bid(loser, round(p.bids[-1]["amount"] * 1.02, 2), "valid"))
        self.label("tenderer/GB-COH-22220001", "PP29", "bidder in 24 processes that never wins")
        omnia = world.firm("GB-COH-23330001", "Omnia General Supplies Ltd", 907)
        divisions = sorted(CPV)
        for n in range(21):
            division = divisions[n % 12]
            p = self.new(buyer=buyers[n % len(buyers)], start=START + dt.timedelta(days=20 + 31 * n), winner=omnia, division=division)
        self.label("tenderer/GB-COH-23330001", "PP30", "supplier of 12 unrelated CPV divisions")
        nc_buyer = {"id": "GB-LAC-B903", "name": "Castleton Leisure Trust", "email": "leisure@castleton.example", "phone": "+44 1632 961903", "street": "3 Park Lane", "town": "Castleton"}
        world.pools[nc_buyer["id"]] = {"pool": world.suppliers[80:120], "order": [], "used": 0}
        for n in range(8):
            method = ["limited", "direct", "open", "limited", "direct", "limited", "open", "direct"][n]
            p = self.new(buyer=nc_buyer, start=START + dt.timedelta(days=150 + 60 * n), method=method, value=None if method == "open" else 300_000 + 20_000 * n)
            if method != "open":
                self.label(p.eid("tender"), "PP04", "leisure trust buying mostly without competition")
        self.label("buyer/GB-LAC-B903", "PP33", "leisure trust buying mostly without competition")
        benford = {"id": "GB-LAC-B904", "name": "Dunmore Highways Office", "email": "highways@dunmore.example", "phone": "+44 1632 961904", "street": "4 Depot Road", "town": "Dunmore"}
        world.pools[benford["id"]] = {"pool": world.suppliers[100:140], "order": [], "used": 0}
        for n in range(104):
            self.new(buyer=benford, start=START + dt.timedelta(days=3 + 6 * n), value=rng.uniform(44_500, 52_000), division="50")
        self.label("buyer/GB-LAC-B904", "PP35", "104 award values that almost all start with the digit 4")

        # contract
        p = self.new()
        p.contract_value = round(p.win_amount * 1.35, 2)
        p.payments = p.instalments(p.win_amount)
        self.label(p.contract_eid, "PP36", "contract signed 35% above the award")
        p = self.new()
        p.signed = p.award_date + dt.timedelta(days=95)
        p.payments = p.instalments(p.contract_value)
        self.label(p.contract_eid, "PP37", "contract signed 95 days after the award")
        p = self.new()
        p.signed = p.award_date - dt.timedelta(days=6)
        p.payments = p.instalments(p.contract_value)
        self.label(p.contract_eid, "PP40", "contract signed six days before the award")
        p = self.new(value=700_000)
        p.contract_value = round(p.win_amount * 1.42, 2)
        p.contract_amendments = [{"id": "1", "date": iso(p.signed + dt.timedelta(days=120)), "rationale": "Additional works requested by the buyer"}]
        p.payments = p.instalments(p.win_amount)
        amendment = f"{p.contract_eid}/amendment/1"
        self.label(amendment, "PP41", "change order raising the price by 42%")
        self.label(p.contract_eid, "PP36", "change order raising the price by 42%")
        p = self.new(method="direct", value=110_000)
        p.win_amount = p.bids[0]["amount"] = 100_000.0
        p.contract_value = 150_000.0
        p.contract_amendments = [{"id": "1", "date": iso(p.signed + dt.timedelta(days=90)), "rationale": "Extension of scope"}]
        p.payments = p.instalments(p.win_amount)
        self.label(p.eid("tender"), "PP04", "direct award pushed above the threshold by a change order")
        self.label(p.contract_eid, "PP36", "direct award pushed above the threshold by a change order")
        self.label(f"{p.contract_eid}/amendment/1", "PP41", "direct award pushed above the threshold by a change order")
        self.label(f"{p.contract_eid}/amendment/1", "PP42", "direct award pushed above the threshold by a change order")
        p = self.new()
        p.contract_amendments = [{"id": str(n + 1), "date": iso(p.signed + dt.timedelta(days=60 * (n + 1))), "rationale": "Changed delivery schedule"} for n in range(3)]
        self.label(f"{p.contract_eid}/amendment/3", "PP43", "contract amended three times in six months")

        # implementation
        p = self.new()
        p.payments = [(p.signed + dt.timedelta(days=30), round(p.contract_value * 0.6, 2)), (p.signed + dt.timedelta(days=90), round(p.contract_value * 0.55, 2))]
        self.label(f"{p.contract_eid}/payment/{p.ocid}-tx-2", "PP38", "payments 15% above the contract value")
        p = self.new()
        p.payments = [(p.signed - dt.timedelta(days=9), round(p.contract_value * 0.3, 2)), (p.signed + dt.timedelta(days=60), round(p.contract_value * 0.5, 2))]
        self.label(f"{p.contract_eid}/payment/{p.ocid}-tx-1", "PP44", "advance paid nine days before the contract was signed")

    def releases(self) -> list[dict[str, Any]]:
        return [process.release() for process in self.processes]


def synthetic_releases(count: int, seed: int = 7, planted: bool = False) -> Iterator[dict[str, Any]]:
    """``count`` clean compiled releases (for benchmarks), made in batches to keep memory flat.
    Buyers and suppliers grow with ``count`` (one buyer per 300 processes, one supplier per 50), so
    that each buyer runs about 150 processes a year, as a busy public body does."""
    generator = Generator(seed, planted=planted, buyers=max(24, count // 300), suppliers=max(160, count // 50))
    if planted:
        generator.plant()
    made = 0
    while made < count:
        batch = min(1000, count - made)
        generator.processes = []
        generator.clean(batch)
        for process in generator.processes:
            yield process.release()
        made += batch


def generate(seed: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    from riskengine.ocds.events import convert_all

    generator = Generator(seed)
    generator.clean(430)
    generator.routine_limited(18)
    generator.plant()
    generator.cancelled(6)
    generator.rng.shuffle(generator.processes)
    releases = generator.releases()
    events, _ = convert_all(json.loads(json.dumps(releases)))
    return releases, events, generator.labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args(argv)
    releases, events, labels = generate(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as archive:
        for release in releases:
            archive.write((json.dumps(release, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))
    (args.out / "releases.jsonl.gz").write_bytes(buffer.getvalue())
    with (args.out / "events.jsonl").open("w", encoding="utf-8", newline="\n") as sink:
        for event in events:
            sink.write(json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n")
    with (args.out / "labels.jsonl").open("w", encoding="utf-8", newline="\n") as sink:
        for label in labels:
            sink.write(json.dumps(label, ensure_ascii=False) + "\n")
    print(f"{len(releases)} releases, {len(events)} events, {len(labels)} planted (event, flag) pairs in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
