"""Example data for rulesets/bribery.yaml: a seeded, deterministic stream of bribery-monitoring events.

    python examples/bribery/generate.py [--seed N] [--out DIR]

writes ``events.jsonl`` (about 4,000 events from 2024-01-01 to 2025-12-31, in time order, mostly clean)
and ``labels.jsonl`` (one line per planted (event_id, flag) pair, with the name of the planted pattern).

The stream mixes what a group compliance team and its data providers see:

- third-party management of eight group companies: onboarding of agents, brokers and consultants
  (``third_party_onboarding``), fees and commissions paid to them (``third_party_payment``) and sales
  to distributors (``sales_transaction``);
- payments to individuals from the group's ledgers and a PEP-screened bank feed (``payment``): experts,
  customers' employees under contract, officials paid honoraria by conference organisers;
- the gifts-and-hospitality register (``hospitality``);
- appointment and promotion records of public bodies (``appointment``);
- related-party screening of contract awards, purchases and disposals (``company_deal``);
- asset movements and border exits of monitored officials and executives (``asset_event``).

Clean values are kept away from the thresholds of the ruleset's default params, so every flag that
fires on this stream is one of the planted patterns below; ``make demo`` reports recall and precision.
Standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

START = dt.date(2024, 1, 1)
END = dt.date(2025, 12, 31)
DAYS = (END - START).days

# country: (CPI, TRACE) -- illustrative scores in the range of the published indices
COUNTRIES = {
    "DE": (78, 17), "FR": (71, 21), "ES": (60, 24), "PT": (61, 22), "IT": (56, 32), "PL": (54, 33),
    "NL": (79, 12), "GB": (71, 14), "US": (69, 24), "CL": (66, 30), "MY": (50, 49), "GH": (43, 52),
    "SN": (43, 54), "SA": (52, 53), "CH": (82, 9), "SE": (82, 8), "PE": (33, 51), "ID": (34, 57),
    "NG": (25, 65), "ML": (28, 71), "KE": (31, 60), "EG": (35, 65), "IN": (39, 57), "VN": (41, 58),
}
CLEAN_TP_COUNTRIES = ["DE", "FR", "ES", "PT", "IT", "PL", "NL", "GB", "US", "CL", "MY", "GH", "SN", "SA"]
HIGH_RISK = ["NG", "ML", "KE", "EG", "IN", "ID", "PE"]

GROUP = {
    "CO-01": "Nordhavn Energy Systems", "CO-02": "Castellan Engineering", "CO-03": "Bergstrom Medical",
    "CO-04": "Lumen Diagnostics", "CO-05": "Tagus Rail Components", "CO-06": "Polaris Freight Solutions",
    "CO-07": "Vega Water Technologies", "CO-08": "Arden Industrial Valves",
}

# third-party activity (NACE division): (type, peer median fee rate, specific descriptions, deliverables)
ACTIVITIES = {
    "H52 customs brokerage and freight forwarding": ("customs_broker", 0.030, [
        "Customs clearance of {n} containers of turbine parts, port of entry filings",
        "Import declarations and duty assessment for {n} shipments of pump sets",
        "Bonded warehouse handling and re-export filings for {n} pallets",
    ], ["customs declarations", "duty receipts", "release notes", "warehouse log"]),
    "H49 road freight transport": ("logistics", 0.025, [
        "Road transport of {n} loads of substation equipment to site",
        "Heavy-haul transport of {n} transformer units, escort and permits",
    ], ["waybills", "delivery receipts", "transport permits"]),
    "M70 management consultancy": ("consultant", 0.045, [
        "Market entry study for grid storage, {n}-page report and stakeholder map",
        "Tender documentation review for {n} lots, written gap analysis",
        "Distributor selection study covering {n} candidates, scoring report",
    ], ["study report", "stakeholder map", "gap analysis", "workshop minutes"]),
    "M69 legal and accounting activities": ("law_firm", 0.020, [
        "Local counsel opinion on {n} contract clauses under host-country law",
        "Company registration and tax filings for {n} branch offices",
    ], ["legal opinion", "registration certificate", "tax filing receipts"]),
    "M71 architectural and engineering activities": ("engineering_firm", 0.050, [
        "Site survey and foundation design for {n} pumping stations",
        "Owner's engineer services, {n} monthly inspection reports",
    ], ["design drawings", "inspection reports", "survey data"]),
    "M73 advertising and market research": ("marketing_agency", 0.035, [
        "Trade fair stand design and staffing, {n} days",
        "Customer survey of {n} hospitals on imaging demand",
    ], ["survey dataset", "fair photos", "attendance list"]),
    "J62 computer programming and consultancy": ("it_provider", 0.040, [
        "Integration of SCADA software at {n} substations",
        "Localisation of service software into {n} languages",
    ], ["source code delivery", "acceptance protocol", "test reports"]),
    "F43 specialised construction activities": ("subcontractor", 0.055, [
        "Installation and cabling of {n} switchgear panels",
        "Civil works for {n} valve chambers",
    ], ["as-built drawings", "site acceptance", "progress reports"]),
}
INTRODUCERS_CLEAN = [
    ("own_sales_team", "Regional sales team"), ("tender_portal", "Public tender portal"),
    ("trade_fair", "Industry trade fair"), ("existing_partner_referral", "Existing partner referral"),
    ("industry_association", "Chamber of commerce directory"),
]

SURNAMES = ["Keller", "Moreau", "Rossi", "Nowak", "Silva", "Jansen", "Okafor", "Mensah", "Diallo", "Chen",
            "Wang", "Li", "Zhou", "Nguyen", "Tran", "Quispe", "Garcia", "Lopez", "Haddad", "Farouk", "Kumar",
            "Sharma", "Wibowo", "Santos", "Costa", "Fischer", "Weber", "Dubois", "Martin", "Kowalski", "Novak",
            "Horvat", "Andersen", "Berg", "Otieno", "Kamau", "Traore", "Sow", "Ahmed", "Rahman", "Park", "Kim"]
FIRMS = ["Atlas", "Meridian", "Harbor", "Summit", "Crescent", "Pioneer", "Keystone", "Beacon", "Granite", "Sterling",
         "Cobalt", "Evergreen", "Northstar", "Orion", "Riverside", "Sahara", "Lakeside", "Highland", "Sunrise", "Zenith"]
FIRM_SUFFIX = {"customs_broker": "Customs Services", "logistics": "Logistics", "consultant": "Advisory",
               "law_firm": "Legal", "engineering_firm": "Engineering", "marketing_agency": "Marketing",
               "it_provider": "Systems", "subcontractor": "Installations"}


class Stream:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.events: list[tuple[dt.date, int, dict]] = []
        self.labels: list[tuple[str, str, str]] = []
        self.counters: dict[str, int] = {}
        self.prefix = {"third_party_onboarding": "tpo", "third_party_payment": "tpp", "sales_transaction": "sal",
                       "payment": "pay", "hospitality": "hos", "appointment": "app", "company_deal": "deal",
                       "asset_event": "ast"}
        self.time_field = {"third_party_onboarding": "onboarded_on", "third_party_payment": "paid_on",
                           "sales_transaction": "sold_on", "payment": "paid_on", "hospitality": "given_on",
                           "appointment": "effective_on", "company_deal": "decided_on", "asset_event": "occurred_on"}

    def add(self, kind: str, day: dt.date, fields: dict, flags: tuple[str, ...] = (), pattern: str = "") -> str:
        assert START <= day <= END, (kind, day)
        number = self.counters.get(kind, 0) + 1
        self.counters[kind] = number
        event_id = f"{self.prefix[kind]}-{number:05d}"
        event = {"kind": kind, "event_id": event_id, **fields, self.time_field[kind]: day.isoformat()}
        self.events.append((day, len(self.events), event))
        for flag in flags:
            self.labels.append((event_id, flag, pattern))
        return event_id

    # helpers
    def day(self, low: int = 0, high: int = DAYS) -> dt.date:
        return START + dt.timedelta(days=self.rng.randint(low, high))

    def person(self) -> str:
        return f"{self.rng.choice('ABCDEFGHJKLMNPRSTVWY')}. {self.rng.choice(SURNAMES)}"


def third_party_fields(s: Stream, tp_id: str, name: str, company: str, activity: str, country: str, **over) -> dict:
    kind = ACTIVITIES[activity][0] if activity in ACTIVITIES else "agent"
    fields = {
        "third_party_id": tp_id, "third_party_name": name, "company_id": company, "third_party_type": kind,
        "registered_activity": activity, "service_activity": activity, "country": country,
        "service_country": country, "account_country": country, "employees": s.rng.randint(4, 240),
        "nominee_directors": False, "introduced_by_role": None, "introduced_by_name": None,
        "related_to_official": False,
        "owners": [{"name": s.person(), "pep": False, "soe_officer": False} for _ in range(s.rng.randint(1, 3))],
    }
    role, who = s.rng.choice(INTRODUCERS_CLEAN)
    fields["introduced_by_role"], fields["introduced_by_name"] = role, who
    fields.update(over)
    return fields


def tp_payment_fields(s: Stream, tp: dict, rate_factor: float | None = None, **over) -> dict:
    activity = tp["service_activity"] if tp["service_activity"] in ACTIVITIES else tp["registered_activity"]
    _, median, descriptions, deliverables = ACTIVITIES.get(activity, ACTIVITIES["M70 management consultancy"])
    median = round(median * s.rng.uniform(0.85, 1.15), 4)
    contract_value = float(s.rng.randrange(80_000, 4_000_000, 5_000))
    factor = rate_factor if rate_factor is not None else s.rng.uniform(0.6, 1.4)
    cpi, trace = COUNTRIES[tp["service_country"]]
    fields = {
        "third_party_id": tp["third_party_id"], "third_party_name": tp["third_party_name"],
        "company_id": tp["company_id"], "contract_id": f"K-{s.rng.randint(2023, 2025)}-{s.rng.randint(1, 999):03d}",
        "contract_value": contract_value, "amount": round(contract_value * median * factor, 2),
        "peer_median_rate": median,
        "service_description": s.rng.choice(descriptions).format(n=s.rng.randint(2, 40)),
        "deliverables": s.rng.sample(deliverables, s.rng.randint(1, min(3, len(deliverables)))),
        "country": tp["country"], "service_country": tp["service_country"], "account_country": tp["account_country"],
        "service_country_cpi": cpi, "service_country_trace": trace,
    }
    fields.update(over)
    return fields


def generate(seed: int) -> Stream:
    s = Stream(seed)
    rng = s.rng
    third_parties: list[dict] = []

    # ------------------------------------------------------------------ clean third parties
    for index in range(1, 171):
        tp_id = f"TP-{index:04d}"
        activity = rng.choice(list(ACTIVITIES))
        country = rng.choice(CLEAN_TP_COUNTRIES)
        name = f"{rng.choice(FIRMS)} {FIRM_SUFFIX[ACTIVITIES[activity][0]]} {country}"
        tp = third_party_fields(s, tp_id, name, rng.choice(list(GROUP)), activity, country)
        if rng.random() < 0.15:  # works across the border, paid at home: not offshore
            tp["service_country"] = rng.choice([c for c in CLEAN_TP_COUNTRIES if c != country])
        onboarded = s.day(0, DAYS - 120) if index > 60 else None  # the first 60 were onboarded before 2024
        if onboarded:
            s.add("third_party_onboarding", onboarded, tp)
        first = (onboarded - START).days + 10 if onboarded else 0
        for _ in range(rng.randint(2, 7)):
            s.add("third_party_payment", s.day(first, DAYS), tp_payment_fields(s, tp))
        third_parties.append(tp)

    # ------------------------------------------------------------------ clean distributors
    product_lines = ["imaging systems", "infusion pumps", "pressure valves", "water meters", "rail fasteners",
                     "switchgear", "laboratory analysers", "diesel generators"]
    distributors = []
    for index in range(1, 46):
        country = rng.choice(list(COUNTRIES))
        distributors.append((f"DS-{index:04d}", f"{rng.choice(FIRMS)} Distribution {country}", rng.choice(list(GROUP)), country))
    for _ in range(620):
        ds_id, ds_name, company, country = rng.choice(distributors)
        p95 = round(rng.uniform(0.18, 0.30), 3)
        s.add("sales_transaction", s.day(), {
            "distributor_id": ds_id, "distributor_name": ds_name, "company_id": company,
            "product_line": rng.choice(product_lines), "list_value": float(rng.randrange(15_000, 2_000_000, 500)),
            "discount": round(rng.uniform(0.02, p95), 3), "peer_p95_discount": p95, "country": country,
        })

    # ------------------------------------------------------------------ clean payments to individuals
    experts = [(f"IND-{i:04d}", s.person()) for i in range(1, 121)]
    customers = ["State Grid Operations", "Metro Rail Authority", "City Water Utility", "Regional Health Trust",
                 "Rhine Chemicals AG", "Atlantic Port Terminals", "Andean Copper SA", "Delta Power Co"]
    for _ in range(700):
        company = rng.choice(list(GROUP))
        ind_id, ind_name = rng.choice(experts)
        if rng.random() < 0.7:  # freelance experts
            fields = {"payee_role": rng.choice(["translator", "trainer", "designer", "surveyor", "auditor"]),
                      "payee_employer": "self-employed", "payee_employer_is_customer": False,
                      "payee_function": rng.choice(["translation", "training", "design", "survey", "audit"]),
                      "contract_in_place": rng.random() < 0.9, "purpose": "professional services invoice",
                      "amount": round(rng.uniform(400, 18_000), 2)}
        else:  # customers' staff reimbursed under a contract
            fields = {"payee_role": rng.choice(["engineer", "technician", "quality_inspector", "buyer"]),
                      "payee_employer": rng.choice(customers), "payee_employer_is_customer": True,
                      "payee_function": rng.choice(["engineering", "maintenance", "quality_acceptance", "purchasing"]),
                      "contract_in_place": True,
                      "purpose": rng.choice(["travel for factory acceptance test", "training course travel",
                                             "per diem for commissioning"]),
                      "amount": round(rng.uniform(150, 3_500), 2)}
        s.add("payment", s.day(), {
            "payer_id": company, "payer_name": GROUP[company], "payer_type": "company", "payee_id": ind_id,
            "payee_name": ind_name, "payee_is_official": False, "sector": "industry", "key_project": False, **fields,
        })
    # honoraria to officials from conference organisers: at most two per payer and per official
    organisers = [(f"ORG-{i:03d}", f"{rng.choice(FIRMS)} {rng.choice(['Forum', 'Institute', 'Summit', 'University'])}") for i in range(1, 41)]
    officials = [(f"OF-1{i:03d}", s.person(), rng.choice([
        ("transport_planner", "Ministry of Transport", "transport"), ("energy_policy_advisor", "Energy Agency", "energy"),
        ("statistician", "National Statistics Office", "statistics"), ("urban_planner", "City Planning Office", "urban_planning"),
        ("museum_curator", "National Museum", "culture"), ("trade_promotion_officer", "Trade Promotion Agency", "trade"),
    ])) for i in range(1, 51)]
    received = {}
    for org_id, org_name in organisers:
        for _ in range(rng.randint(0, 2)):
            of_id, of_name, (role, employer, sector) = rng.choice(officials)
            if received.get(of_id, 0) >= 2:
                continue
            received[of_id] = received.get(of_id, 0) + 1
            s.add("payment", s.day(), {
                "payer_id": org_id, "payer_name": org_name, "payer_type": "organisation", "payee_id": of_id,
                "payee_name": of_name, "payee_is_official": True, "payee_role": role, "payee_employer": employer,
                "payee_employer_is_customer": False, "payee_function": "policy", "contract_in_place": True,
                "sector": sector, "key_project": False,
                "purpose": rng.choice(["conference speaker honorarium", "guest lecture fee", "jury member fee"]),
                "amount": float(rng.randrange(300, 1_500, 50)),
            })

    # ------------------------------------------------------------------ clean hospitality
    hosp_officials = [(f"OF-2{i:03d}", s.person(), rng.choice([
        ("procurement_officer", "State Grid Operations"), ("hospital_buyer", "Regional Health Trust"),
        ("project_director", "Metro Rail Authority"), ("head_of_engineering", "City Water Utility"),
        ("ministry_advisor", "Ministry of Energy"),
    ])) for i in range(1, 91)]
    for of_id, of_name, (role, organisation) in hosp_officials:
        day = rng.randint(0, 200)
        while day <= DAYS:  # at least 100 days apart and modest: never more than 4 or 1,000 a year
            s.add("hospitality", START + dt.timedelta(days=day), {
                "recipient_id": of_id, "recipient_name": of_name, "recipient_is_official": True,
                "recipient_role": role, "recipient_organisation": organisation, "giver_id": rng.choice(list(GROUP)),
                "hospitality_type": rng.choice(["business lunch", "dinner", "gift", "conference ticket"]),
                "amount": round(rng.uniform(25, 220), 2),
            })
            day += rng.randint(100, 260)
    for _ in range(330):  # customers' private-sector staff: outside the official-hospitality rule
        ind_id, ind_name = rng.choice(experts[:60])
        s.add("hospitality", s.day(), {
            "recipient_id": ind_id, "recipient_name": ind_name, "recipient_is_official": False,
            "recipient_role": rng.choice(["engineer", "buyer", "plant manager"]), "recipient_organisation": rng.choice(customers[4:]),
            "giver_id": rng.choice(list(GROUP)), "hospitality_type": rng.choice(["business lunch", "dinner", "gift", "site visit"]),
            "amount": round(rng.uniform(20, 400), 2),
        })

    # ------------------------------------------------------------------ clean appointments
    bodies = [("Ministry of Transport", ["deputy director", "head of unit", "section chief"]),
              ("Provincial Health Commission", ["division director", "deputy division director"]),
              ("National Football Association", ["technical director", "referee committee member", "youth coach"]),
              ("State Grid Operations", ["regional manager", "procurement manager", "chief engineer"]),
              ("City Water Utility", ["plant manager", "head of procurement"]),
              ("Customs Administration", ["port director", "deputy port director"])]
    deciders = [(f"OF-D{i:02d}", s.person()) for i in range(1, 31)]
    for i in range(1, 261):
        organisation, posts = rng.choice(bodies)
        decider_id, decider_name = rng.choice(deciders)
        s.add("appointment", s.day(), {
            "person_id": f"PER-{i:04d}", "person_name": s.person(), "organisation": organisation,
            "position": rng.choice(posts),
            "change_type": rng.choices(["appointment", "promotion", "transfer", "secondment", "retirement"], [30, 35, 20, 10, 5])[0],
            "decision_maker_id": decider_id, "decision_maker_name": decider_name,
        })

    # ------------------------------------------------------------------ clean company deals
    approvers = [(f"EMP-{i:04d}", s.person(), rng.choice(list(GROUP))) for i in range(1, 61)]
    vendors = [(f"VN-{i:04d}", f"{rng.choice(FIRMS)} {rng.choice(['Supplies', 'Services', 'Metals', 'Facility Services', 'Packaging'])}") for i in range(1, 141)]
    for _ in range(320):
        emp_id, emp_name, company = rng.choice(approvers)
        vn_id, vn_name = rng.choice(vendors)
        deal_type = rng.choices(["contract_award", "purchase", "asset_sale", "share_sale"], [60, 25, 12, 3])[0]
        valuation = float(rng.randrange(10_000, 3_000_000, 1_000))
        value = round(valuation * rng.uniform(0.92, 1.12), 2)
        related = deal_type == "asset_sale" and rng.random() < 0.15  # e.g. a used car sold to a relative at book value
        if related:
            value = round(valuation * rng.uniform(0.95, 1.05), 2)
        s.add("company_deal", s.day(), {
            "approver_id": emp_id, "approver_name": emp_name, "company_id": company, "deal_type": deal_type,
            "counterparty_id": vn_id, "counterparty_name": vn_name, "value": value, "valuation": valuation,
            "counterparty_related_to_approver": related,
            "relation": "spouse of the approver, sale at book value" if related else "none found",
        })

    # ------------------------------------------------------------------ clean asset events
    subjects = [(f"SUB-{i:04d}", s.person(), float(rng.randrange(400_000, 12_000_000, 10_000)), i <= 14) for i in range(1, 66)]
    for sub_id, sub_name, assets, investigated in subjects:
        day = rng.randint(0, 60)
        while day <= DAYS:
            event_type = rng.choices(["domestic_transfer", "transfer_abroad", "property_sale", "departure"], [40, 20, 10, 30])[0]
            fields = {"subject_id": sub_id, "subject_name": sub_name, "under_investigation": investigated,
                      "event_type": event_type, "known_assets": assets}
            if event_type == "departure":
                fields.update({"destination_country": rng.choice(["FR", "GB", "SG", "US", "TH"]),
                               "exit_authorised": True if investigated else rng.random() < 0.9})
            else:
                share = rng.uniform(0.01, 0.12) if investigated else rng.uniform(0.01, 0.6)
                fields["amount"] = round(assets * share, 2)
                if event_type == "transfer_abroad":
                    fields["destination_country"] = rng.choice(["SG", "CH", "GB", "AU"])
            s.add("asset_event", START + dt.timedelta(days=day), fields)
            day += rng.randint(45, 120)  # at most two transfers abroad in 90 days: below 25% for investigated subjects

    plant(s, third_parties)
    return s


def plant(s: Stream, third_parties: list[dict]) -> None:
    """The planted risk patterns, each labelled with every flag it should raise."""
    rng = s.rng
    d = lambda y, m, day: dt.date(y, m, day)  # noqa: E731

    # ---- intermediary schemes (BRI-05 + BRI-06 + BRI-01 + BRI-02, with variants)
    scheme_a = third_party_fields(s, "TP-0901", "Volta Government Relations", "CO-01", "M70 management consultancy", "GH",
                                  account_country="AE", introduced_by_role="ministry_staff",
                                  introduced_by_name="Deputy director, Ministry of Energy")
    s.add("third_party_onboarding", d(2024, 3, 4), scheme_a, ("BRI-05", "BRI-06"), "agent introduced by ministry, paid in Dubai")
    s.add("third_party_payment", d(2024, 4, 15), tp_payment_fields(s, scheme_a, 3.6, service_description="Government liaison services", deliverables=[]),
          ("BRI-01", "BRI-02", "BRI-06"), "agent introduced by ministry, paid in Dubai")
    s.add("third_party_payment", d(2024, 9, 2), tp_payment_fields(s, scheme_a, 3.2, service_description="Facilitation fee"),
          ("BRI-01", "BRI-02", "BRI-06"), "agent introduced by ministry, paid in Dubai")

    scheme_b = third_party_fields(s, "TP-0902", "Niger Delta Procurement Partners", "CO-02", "M70 management consultancy", "NG",
                                  introduced_by_role="customer_decision_maker", introduced_by_name="Tender committee chair, Delta Power Co")
    s.add("third_party_onboarding", d(2024, 5, 20), scheme_b, ("BRI-05",), "agent requested by customer's tender chair")
    for day, factor in ((d(2024, 7, 1), 2.6), (d(2024, 12, 9), 2.4), (d(2025, 5, 12), 2.8)):
        s.add("third_party_payment", day, tp_payment_fields(s, scheme_b, factor, deliverables=[]),
              ("BRI-01", "BRI-02", "BRI-14"), "agent requested by customer's tender chair")

    scheme_c = third_party_fields(s, "TP-0903", "Kilima Holdings Ltd", "CO-07", "M70 management consultancy", "SC",
                                  service_country="KE", account_country="SC", employees=0, nominee_directors=True,
                                  introduced_by_role="public_official", introduced_by_name="County water commissioner",
                                  owners=[{"name": "Nominee Services SC Ltd", "pep": False, "soe_officer": False}])
    s.add("third_party_onboarding", d(2024, 8, 5), scheme_c, ("BRI-05", "BRI-16", "BRI-06"), "offshore shell introduced by commissioner")
    for day in (d(2024, 10, 14), d(2025, 3, 3)):
        s.add("third_party_payment", day, tp_payment_fields(s, scheme_c, 3.0, service_description="Strategic advisory services"),
              ("BRI-01", "BRI-02", "BRI-06", "BRI-14"), "offshore shell introduced by commissioner")

    # ---- more introductions by officials (BRI-05)
    intro = third_party_fields(s, "TP-0904", "Pacifico Customs Services", "CO-05", "H52 customs brokerage and freight forwarding", "CL",
                               introduced_by_role="customs_official", introduced_by_name="Port customs supervisor, San Antonio")
    s.add("third_party_onboarding", d(2025, 2, 17), intro, ("BRI-05",), "broker recommended by customs supervisor")
    s.add("third_party_payment", d(2025, 4, 7), tp_payment_fields(s, intro))

    # ---- line-of-business mismatch (BRI-03), one also owned by a PEP (BRI-04)
    for tp_id, name, registered, service, country, day, extra, flags in (
        ("TP-0911", "Lagoon Property Holdings", "L68 real estate activities", "H52 customs brokerage and freight forwarding", "GH", d(2024, 2, 12), {}, ("BRI-03",)),
        ("TP-0912", "Casa Bonita Restaurants", "I56 food and beverage service activities", "M70 management consultancy", "PT", d(2024, 11, 18), {}, ("BRI-03",)),
        ("TP-0913", "Silk Road Garments", "C14 manufacture of wearing apparel", "M71 architectural and engineering activities", "MY", d(2025, 6, 23),
         {"owners": [{"name": "Dato' R. Hashim", "pep": True, "soe_officer": False}]}, ("BRI-03", "BRI-04")),
        ("TP-0914", "Green Valley Landscaping", "N81 cleaning and landscaping services", "J62 computer programming and consultancy", "SA", d(2025, 9, 8), {}, ("BRI-03",)),
    ):
        tp = third_party_fields(s, tp_id, name, rng.choice(list(GROUP)), registered, country, service_activity=service, **extra)
        s.add("third_party_onboarding", day, tp, flags, f"{registered[4:]} firm engaged for {service[4:]}")
        s.add("third_party_payment", day + dt.timedelta(days=40), tp_payment_fields(s, dict(tp, service_activity=service)))

    # ---- third parties linked to officials (BRI-04)
    for tp_id, name, activity, country, day, extra in (
        ("TP-0921", "Golden Gate Logistics", "H49 road freight transport", "SN", d(2024, 4, 8),
         {"owners": [{"name": "M. Diallo", "pep": True, "soe_officer": False}, {"name": "A. Sow", "pep": False, "soe_officer": False}]}),
        ("TP-0922", "Andes Ingenieria", "M71 architectural and engineering activities", "CL", d(2024, 10, 21),
         {"owners": [{"name": "J. Lopez", "pep": False, "soe_officer": True}]}),
        ("TP-0923", "Medina Trade Advisory", "M70 management consultancy", "SA", d(2025, 7, 14), {"related_to_official": True}),
    ):
        tp = third_party_fields(s, tp_id, name, rng.choice(list(GROUP)), activity, country, **extra)
        s.add("third_party_onboarding", day, tp, ("BRI-04",), "third party owned by or related to an official")
        s.add("third_party_payment", day + dt.timedelta(days=55), tp_payment_fields(s, tp))

    # ---- shells (BRI-16) and offshore or third-country accounts (BRI-06)
    shell_gb = third_party_fields(s, "TP-0931", "Thameside Consultancy Ltd", "CO-03", "M70 management consultancy", "GB",
                                  service_country="EG", employees=0, nominee_directors=True)
    s.add("third_party_onboarding", d(2024, 6, 10), shell_gb, ("BRI-16",), "UK shell with nominee directors")
    shell_bz = third_party_fields(s, "TP-0932", "Caribe Star Enterprises", "CO-06", "H52 customs brokerage and freight forwarding", "BZ",
                                  service_country="PE", account_country="BZ", employees=0)
    s.add("third_party_onboarding", d(2025, 1, 13), shell_bz, ("BRI-16", "BRI-06"), "Belize shell paid in Belize")
    s.add("third_party_payment", d(2025, 3, 17), tp_payment_fields(s, dict(shell_bz, service_country="PE")),
          ("BRI-06", "BRI-14"), "Belize shell paid in Belize")
    third_country = third_party_fields(s, "TP-0933", "Teranga Freight", "CO-06", "H49 road freight transport", "SN", account_country="CH")
    s.add("third_party_onboarding", d(2024, 9, 30), third_country, ("BRI-06",), "paid to a third-country account")
    for day in (d(2024, 11, 25), d(2025, 4, 28), d(2025, 10, 6)):
        s.add("third_party_payment", day, tp_payment_fields(s, third_country), ("BRI-06",), "paid to a third-country account")
    existing = next(tp for tp in third_parties if tp["country"] == "ES" and tp["service_country"] == "ES")
    s.add("third_party_payment", d(2025, 8, 18), tp_payment_fields(s, dict(existing, account_country="CY")),
          ("BRI-06",), "existing broker switches payment to Cyprus")

    # ---- excessive commissions alone (BRI-01)
    for tp, factor, cap in ((third_parties[10], 1.5, 0.13), (third_parties[20], 2.3, None), (third_parties[30], 1.2, 0.18)):
        fields = tp_payment_fields(s, tp, factor)
        if cap is not None:  # above the 10% cap, close to the peer median multiple
            fields["peer_median_rate"] = round(cap / factor, 4)
            fields["amount"] = round(fields["contract_value"] * cap, 2)
        s.add("third_party_payment", s.day(200, 600), fields, ("BRI-01",), "commission out of line with peers")

    # ---- vague services alone (BRI-02)
    for tp, description, deliverables in ((third_parties[15], "Business support services", ["invoice"]),
                                          (third_parties[25], "Consultancy fee", ["monthly statement"]),
                                          (third_parties[35], "Installation of pump controls at 3 stations", [])):
        s.add("third_party_payment", s.day(300, 700), tp_payment_fields(s, tp, service_description=description, deliverables=deliverables),
              ("BRI-02",), "service not described")

    # ---- intermediaries in high-risk countries (BRI-14 on every payment)
    for tp_id, name, activity, country in (("TP-0941", "Bamako Transit Services", "H49 road freight transport", "ML"),
                                           ("TP-0942", "Nile Valley Customs", "H52 customs brokerage and freight forwarding", "EG"),
                                           ("TP-0943", "Deccan Engineering Services", "M71 architectural and engineering activities", "IN"),
                                           ("TP-0944", "Nusantara Installations", "F43 specialised construction activities", "ID")):
        tp = third_party_fields(s, tp_id, name, rng.choice(list(GROUP)), activity, country)
        start = rng.randint(30, 300)
        s.add("third_party_onboarding", START + dt.timedelta(days=start), tp)
        for _ in range(rng.randint(3, 5)):
            s.add("third_party_payment", s.day(start + 20, DAYS), tp_payment_fields(s, tp), ("BRI-14",),
                  "intermediary working in a high-risk country")

    # ---- distributor discounts (BRI-07)
    for ds_id, name, line, p95, discount, day in (("DS-0901", "Vitalis Medical Supplies", "imaging systems", 0.25, 0.42, d(2024, 5, 27)),
                                                  ("DS-0902", "Saigon Hospital Trading", "infusion pumps", 0.22, 0.38, d(2024, 12, 2)),
                                                  ("DS-0902", "Saigon Hospital Trading", "laboratory analysers", 0.24, 0.45, d(2025, 3, 24)),
                                                  ("DS-0903", "Anatolia Valve Trading", "pressure valves", 0.20, 0.33, d(2025, 8, 11))):
        s.add("sales_transaction", day, {"distributor_id": ds_id, "distributor_name": name, "company_id": "CO-04",
                                         "product_line": line, "list_value": float(rng.randrange(300_000, 1_500_000, 1_000)),
                                         "discount": discount, "peer_p95_discount": p95, "country": "VN" if ds_id == "DS-0902" else "TR"},
              ("BRI-07",), f"{line} sold at a discount far above peers")

    # ---- payments to officials
    def pay(day, payer, payee, role, employer, sector, amount, purpose, flags=(), pattern="", key_project=False, payer_type="company"):
        payer_id, payer_name = payer
        payee_id, payee_name = payee
        return s.add("payment", day, {
            "payer_id": payer_id, "payer_name": payer_name, "payer_type": payer_type, "payee_id": payee_id,
            "payee_name": payee_name, "payee_is_official": True, "payee_role": role, "payee_employer": employer,
            "payee_employer_is_customer": False, "payee_function": "permits", "contract_in_place": False,
            "sector": sector, "key_project": key_project, "purpose": purpose, "amount": amount,
        }, flags, pattern)

    # BRI-08: one payer, several officials or repeated payments
    eastbridge = ("PAY-001", "Eastbridge Construction")
    pay(d(2024, 3, 11), eastbridge, ("OF-3001", "L. Chen"), "planning_officer", "District Planning Bureau", "construction", 8_000.0, "consulting fee")
    pay(d(2024, 8, 19), eastbridge, ("OF-3002", "M. Zhou"), "land_officer", "District Land Resources Bureau", "construction", 12_000.0, "consulting fee")
    pay(d(2025, 1, 27), eastbridge, ("OF-3003", "H. Wang"), "housing_officer", "District Housing Bureau", "construction", 10_000.0, "holiday gift",
        ("BRI-08",), "builder paying three bureau officials")
    harbour = ("PAY-002", "Harbour Dredging Co")
    for day, amount, flags in ((d(2024, 6, 3), 5_000.0, ()), (d(2024, 12, 16), 7_500.0, ()), (d(2025, 6, 9), 9_000.0, ("BRI-08",))):
        pay(day, harbour, ("OF-3011", "S. Haddad"), "port_planning_director", "Port Development Board", "transport", amount, "advisory fee",
            flags, "repeated payments to one port official")
    apex = ("PAY-003", "Apex Billboard Media")
    for day, payee, flags in ((d(2024, 2, 5), ("OF-3021", "R. Kumar"), ()), (d(2024, 7, 22), ("OF-3022", "P. Sharma"), ()),
                              (d(2025, 2, 10), ("OF-3023", "A. Rahman"), ("BRI-08",)), (d(2025, 9, 15), ("OF-3024", "V. Singh"), ("BRI-08",))):
        pay(day, apex, payee, "municipal_licensing_officer", "Municipal Advertising Office", "urban_planning", 3_000.0, "licence support",
            flags, "advertiser paying four licensing officers")

    # BRI-17: one official, many payers (the Chen pattern)
    chen = ("OF-3101", "X. Chen")
    for index, (day, payer, amount) in enumerate(((d(2024, 4, 2), ("PAY-011", "Riverside FC"), 30_000.0),
                                                  (d(2024, 9, 9), ("PAY-012", "Harbour Stadium Builders"), 80_000.0),
                                                  (d(2025, 1, 20), ("PAY-013", "Summit Sports Media"), 50_000.0),
                                                  (d(2025, 7, 7), ("PAY-014", "Lakeside United FC"), 40_000.0))):
        pay(day, payer, chen, "association_official", "Provincial Football Association", "sport", amount, "event support",
            ("BRI-17",) if index >= 2 else (), "association official paid by clubs and contractors")
    pay(d(2024, 5, 13), ("PAY-021", "Sunrise Catering"), ("OF-3111", "B. Otieno"), "county_procurement_officer", "County Government", "public_works", 2_000.0, "gift")
    pay(d(2024, 10, 28), ("PAY-022", "Highland Motors"), ("OF-3111", "B. Otieno"), "county_procurement_officer", "County Government", "public_works", 4_500.0, "gift")
    pay(d(2025, 4, 14), ("PAY-023", "Granite Quarry Ltd"), ("OF-3111", "B. Otieno"), "county_procurement_officer", "County Government", "public_works", 6_000.0, "gift",
        ("BRI-17",), "county procurement officer paid by three suppliers")
    # five payments from two payers: the fifth is also the payer's third (BRI-08)
    kamau = ("OF-3121", "J. Kamau")
    for index, (day, payer) in enumerate(((d(2024, 2, 19), ("PAY-031", "Orion Road Works")), (d(2024, 6, 24), ("PAY-032", "Cobalt Asphalt")),
                                          (d(2024, 11, 4), ("PAY-031", "Orion Road Works")), (d(2025, 3, 10), ("PAY-032", "Cobalt Asphalt")),
                                          (d(2025, 8, 4), ("PAY-031", "Orion Road Works")))):
        pay(day, payer, kamau, "roads_engineer", "Highways Authority", "public_works", 4_000.0, "site visit allowance",
            ("BRI-17", "BRI-08") if index == 4 else (), "roads engineer paid repeatedly by two contractors")

    # BRI-10: enforcement staff, key sectors, key state projects
    pay(d(2024, 3, 25), ("PAY-041", "Northwind Freight"), ("OF-3201", "K. Mensah"), "customs_officer", "Customs Division, Port of Tema", "customs", 2_500.0,
        "inspection facilitation", ("BRI-10",), "payment to a customs officer")
    pay(d(2024, 10, 7), ("PAY-042", "Mirador Developments"), ("OF-3202", "E. Santos"), "judge", "Commercial Court", "justice", 25_000.0,
        "legal opinion", ("BRI-10",), "payment to a judge hearing the payer's case")
    pay(d(2025, 2, 24), ("PAY-043", "MedEquip Trading"), ("OF-3203", "N. Tran"), "hospital_director", "Provincial General Hospital", "medical", 15_000.0,
        "equipment evaluation fee", ("BRI-10",), "payment to a hospital director")
    pay(d(2025, 6, 30), ("PAY-044", "Sterling Rail Contractors"), ("OF-3204", "O. Farouk"), "project_manager", "High-Speed Rail Project Office", "transport", 40_000.0,
        "site coordination", ("BRI-10",), "payment on a key state project", key_project=True)
    pay(d(2025, 10, 20), ("PAY-045", "Keystone Chemicals"), ("OF-3205", "I. Ahmed"), "environmental_inspector", "Environmental Protection Bureau", "environment", 8_000.0,
        "inspection preparation", ("BRI-10",), "payment to an environmental inspector")

    # BRI-09: paying the decision-maker before one's own appointment or promotion
    pay(d(2024, 6, 17), ("PER-9001", "T. Li"), ("OF-D91", "Y. Liu"), "association_official", "National Football Association", "sport", 150_000.0,
        "personal transfer", payer_type="individual")
    s.add("appointment", d(2024, 10, 1), {"person_id": "PER-9001", "person_name": "T. Li", "organisation": "National Football Association",
                                          "position": "national team head coach", "change_type": "appointment",
                                          "decision_maker_id": "OF-D91", "decision_maker_name": "Y. Liu"},
          ("BRI-09",), "paid the secretary-general before being named head coach")
    s.add("hospitality", d(2024, 12, 20), {"recipient_id": "OF-D92", "recipient_name": "G. Weber", "recipient_is_official": True,
                                           "recipient_role": "director_general", "recipient_organisation": "Ministry of Transport",
                                           "giver_id": "PER-9002", "hospitality_type": "luxury watch", "amount": 6_800.0},
          ("BRI-11",), "gave the director-general a watch before promotion")
    s.add("appointment", d(2025, 3, 1), {"person_id": "PER-9002", "person_name": "H. Fischer", "organisation": "Ministry of Transport",
                                         "position": "deputy director", "change_type": "promotion",
                                         "decision_maker_id": "OF-D92", "decision_maker_name": "G. Weber"},
          ("BRI-09",), "gave the director-general a watch before promotion")
    for day in (d(2024, 11, 11), d(2025, 2, 3)):
        pay(day, ("PER-9003", "W. Park"), ("OF-D93", "S. Kim"), "personnel_director", "Provincial Health Commission", "administration", 20_000.0,
            "loan", payer_type="individual")
    s.add("appointment", d(2025, 4, 15), {"person_id": "PER-9003", "person_name": "W. Park", "organisation": "Provincial Health Commission",
                                          "position": "division director", "change_type": "transfer",
                                          "decision_maker_id": "OF-D93", "decision_maker_name": "S. Kim"},
          ("BRI-09",), "lent money to the personnel director before a transfer")
    pay(d(2025, 5, 5), ("PER-9004", "C. Traore"), ("OF-D94", "M. Diallo"), "police_officer", "Regional Police Command", "public_security", 12_000.0,
        "family celebration gift", ("BRI-10",), "bought a police promotion from the commander", payer_type="individual")
    s.add("appointment", d(2025, 9, 1), {"person_id": "PER-9004", "person_name": "C. Traore", "organisation": "Regional Police Command",
                                         "position": "district police chief", "change_type": "promotion",
                                         "decision_maker_id": "OF-D94", "decision_maker_name": "M. Diallo"},
          ("BRI-09",), "bought a police promotion from the commander")

    # ---- gifts and hospitality to one official (BRI-11)
    def hosp(day, official, amount, kind, flags=(), pattern=""):
        of_id, of_name, role, organisation = official
        s.add("hospitality", day, {"recipient_id": of_id, "recipient_name": of_name, "recipient_is_official": True, "recipient_role": role,
                                   "recipient_organisation": organisation, "giver_id": "CO-01", "hospitality_type": kind, "amount": amount}, flags, pattern)
    novak = ("OF-3301", "P. Novak", "procurement_director", "State Rail Company")
    for index, day in enumerate((d(2024, 2, 6), d(2024, 4, 9), d(2024, 6, 11), d(2024, 8, 20), d(2024, 10, 15))):
        hosp(day, novak, 150.0, "dinner", ("BRI-11",) if index == 4 else (), "five dinners in a year for a rail buyer")
    horvat = ("OF-3302", "D. Horvat", "head_of_tenders", "Regional Health Trust")
    hosp(d(2025, 1, 17), horvat, 620.0, "ski weekend")
    hosp(d(2025, 5, 23), horvat, 540.0, "football final tickets", ("BRI-11",), "lavish hospitality to a tender head")
    berg = ("OF-3303", "L. Berg", "ministry_advisor", "Ministry of Energy")
    for index, day in enumerate((d(2025, 1, 8), d(2025, 2, 19), d(2025, 4, 2), d(2025, 5, 14), d(2025, 6, 25), d(2025, 8, 6))):
        hosp(day, berg, 90.0, "business lunch", ("BRI-11",) if index >= 4 else (), "monthly lunches for a ministry advisor")

    # ---- kickbacks to customers' employees (BRI-12)
    for day, payer, payee, role, employer, function, amount, purpose in (
        (d(2024, 4, 22), "CO-08", ("IND-9101", "J. Keller"), "purchasing_manager", "Rhine Chemicals AG", "purchasing", 18_000.0, "market research"),
        (d(2024, 11, 12), "CO-05", ("IND-9102", "R. Costa"), "tender_committee_member", "Metro Rail Authority", "tender_committee", 9_500.0, "technical advice"),
        (d(2025, 7, 21), "CO-07", ("IND-9103", "F. Jansen"), "plant_director", "Atlantic Port Terminals", "management", 30_000.0, "referral bonus"),
    ):
        s.add("payment", day, {"payer_id": payer, "payer_name": GROUP[payer], "payer_type": "company", "payee_id": payee[0], "payee_name": payee[1],
                               "payee_is_official": False, "payee_role": role, "payee_employer": employer, "payee_employer_is_customer": True,
                               "payee_function": function, "contract_in_place": False, "sector": "industry", "key_project": False,
                               "purpose": purpose, "amount": amount}, ("BRI-12",), f"'{purpose}' paid to the customer's {role.replace('_', ' ')}")

    # ---- insider deals with related parties (BRI-13)
    for day, approver, deal_type, counterparty, value, valuation, relation in (
        (d(2024, 3, 27), ("EMP-9001", "D. Moreau", "CO-02"), "contract_award", ("VN-9001", "Moreau Facility Services"), 420_000.0, 395_000.0, "owned by the approver's brother"),
        (d(2024, 9, 16), ("EMP-9002", "K. Nowak", "CO-05"), "purchase", ("VN-9002", "Vistula Steel Trading"), 260_000.0, 210_000.0, "the approver's wife is the managing director"),
        (d(2025, 2, 3), ("EMP-9003", "A. Rossi", "CO-01"), "asset_sale", ("VN-9003", "Rossi Immobiliare"), 900_000.0, 1_800_000.0, "owned by the approver's son"),
        (d(2025, 8, 25), ("EMP-9004", "S. Andersen", "CO-03"), "share_sale", ("VN-9004", "Fjord Capital"), 1_200_000.0, 2_000_000.0, "the approver's brother-in-law is the sole shareholder"),
    ):
        s.add("company_deal", day, {"approver_id": approver[0], "approver_name": approver[1], "company_id": approver[2], "deal_type": deal_type,
                                    "counterparty_id": counterparty[0], "counterparty_name": counterparty[1], "value": value, "valuation": valuation,
                                    "counterparty_related_to_approver": True, "relation": relation}, ("BRI-13",),
              f"{deal_type.replace('_', ' ')} with a company related to the approver ({relation})")

    # ---- flight of people under investigation (BRI-15); nothing more is seen of them afterwards
    def asset(day, subject, event_type, amount=None, destination=None, authorised=None, flags=(), pattern=""):
        sub_id, sub_name, assets = subject
        fields = {"subject_id": sub_id, "subject_name": sub_name, "under_investigation": True, "event_type": event_type, "known_assets": assets}
        if amount is not None:
            fields["amount"] = amount
        if destination is not None:
            fields["destination_country"] = destination
        if authorised is not None:
            fields["exit_authorised"] = authorised
        s.add("asset_event", day, fields, flags, pattern)
    zhang = ("SUB-9001", "F. Zhang", 4_000_000.0)
    asset(d(2024, 8, 5), zhang, "transfer_abroad", 1_200_000.0, "AU")
    asset(d(2024, 9, 23), zhang, "transfer_abroad", 1_100_000.0, "CA", flags=("BRI-15",), pattern="investigated official moving assets abroad")
    garcia = ("SUB-9002", "M. Garcia", 2_500_000.0)
    asset(d(2025, 1, 14), garcia, "departure", destination="FR", authorised=True)
    asset(d(2025, 3, 30), garcia, "departure", destination="AE", authorised=False, flags=("BRI-15",), pattern="investigated executive leaving without authorisation")
    nguyen = ("SUB-9003", "T. Nguyen", 6_000_000.0)
    asset(d(2025, 10, 9), nguyen, "transfer_abroad", 4_200_000.0, "SG", flags=("BRI-15",), pattern="investigated official moving most assets in one transfer")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args()
    stream = generate(args.seed)
    ordered = sorted(stream.events, key=lambda item: (item[0], item[1]))
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "events.jsonl").open("w", encoding="utf-8") as out:
        for _, _, event in ordered:
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
    position = {event["event_id"]: index for index, (_, _, event) in enumerate(ordered)}
    with (args.out / "labels.jsonl").open("w", encoding="utf-8") as out:
        for event_id, flag, pattern in sorted(stream.labels, key=lambda label: (position[label[0]], label[1])):
            out.write(json.dumps({"event_id": event_id, "flag": flag, "pattern": pattern}, ensure_ascii=False) + "\n")
    print(f"wrote {len(ordered)} events and {len(stream.labels)} labels to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
