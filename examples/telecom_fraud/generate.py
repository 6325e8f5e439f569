"""Generate example events for rulesets/telecom_fraud.yaml: a seeded, deterministic stream of
telecom and payment events over one quarter, mostly clean, with planted fraud patterns.

    python examples/telecom_fraud/generate.py [--seed N] [--out DIR]

writes events.jsonl (JSON Lines, in event-time order) and labels.jsonl (one line per planted
(event_id, flag) pair: {"event_id": ..., "flag": "TEL-01", "pattern": "..."}) next to this file.
Standard library only. Identifiers are synthetic (NID-, ACC-, EMP- prefixes); amounts are in CNY.

Clean traffic is drawn well away from every threshold of the ruleset's default params; each planted
pattern uses its own keys (IDs, outlets, devices, accounts, employees, data holders) so that the
events it should flag can be worked out here exactly, window by window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
START = dt.datetime(2025, 7, 1, tzinfo=dt.timezone.utc)
DAYS = 91  # 1 Jul - 29 Sep 2025
BEIJING = dt.timedelta(hours=8)  # times of day are drawn in Beijing time and written in UTC

OPERATORS = {
    "CMCC": (["134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "182", "183", "187", "188"], "00"),
    "CUCC": (["130", "131", "132", "155", "156", "185", "186"], "01"),
    "CTCC": (["133", "153", "180", "181", "189"], "03"),
    "CBN": (["192"], "15"),
}
OPERATOR_WEIGHTS = [55, 22, 20, 3]
REGIONS = ["GD", "ZJ", "JS", "SD", "HN", "SC", "FJ", "HB", "BJ", "SH", "YN", "GX", "AH", "JX", "HE"]
TRAVEL_COUNTRIES = ["JP", "TH", "SG", "KR", "MY", "VN", "US", "GB", "FR", "AU", "HK", "MO", "ID"]
INTL_RANGES = {"+1212": "US", "+1415": "US", "+4420": "GB", "+4479": "GB", "+8190": "JP", "+8180": "JP", "+6591": "SG",
               "+6598": "SG", "+8529": "HK", "+8536": "MO", "+6681": "TH", "+6012": "MY", "+8210": "KR", "+4915": "DE",
               "+3361": "FR", "+6141": "AU", "+8498": "VN", "+6281": "ID"}
BANKS = ["BANK-ICB", "BANK-CCB", "BANK-ABC", "BANK-BOC", "BANK-CMB", "BANK-BCM", "BANK-SPD", "BANK-CIB", "BANK-PAB", "BANK-CEB"]
PAY = ["PAY-ZFB", "PAY-WXP", "PAY-YSF", "PAY-JDP"]
OCCUPATIONS = ["employee", "employee", "employee", "self_employed", "civil_servant", "retired", "teacher", "worker", "student", "new_graduate"]
PI_TIER1 = ["location", "communication_content", "credit", "property"]
PI_TIER2 = ["lodging", "call_records", "health", "transaction"]
PI_OTHER = ["subscriber_profile", "billing_address", "device_info", "plan_history"]
ROLES = {"customer_service": 40, "billing": 80, "network_ops": 20, "retail_support": 30, "marketing_analyst": 3000}
SECTORS_KEY = ["logistics", "transaction", "loan", "medical", "matchmaking"]
SECTORS_OTHER = ["retail", "education", "travel", "telecom", "real_estate"]
TIME_FIELD = {"sim_activation": "activated_at", "daily_usage": "period_end", "inbound_call": "started_at",
              "outbound_call": "started_at", "range_traffic": "hour_end", "reverification": "closed_at",
              "account_open": "opened_at", "account_txn": "booked_at", "account_login": "login_at",
              "data_access": "accessed_at", "victim_touchpoint": "reported_at"}
ID_PREFIX = {"sim_activation": "act", "daily_usage": "use", "inbound_call": "inc", "outbound_call": "out",
             "range_traffic": "rng", "reverification": "rvf", "account_open": "aop", "account_txn": "txn",
             "account_login": "lgn", "data_access": "pia", "victim_touchpoint": "vic"}


def iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def luhn_digit(digits: str) -> str:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 0:
            value *= 2
            value = value - 9 if value > 9 else value
        total += value
    return str((10 - total % 10) % 10)


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.events: list[dict] = []
        self.labels: list[tuple[dict, str, str]] = []
        self.used: set[str] = set()
        self.people: list[dict] = []
        self.subscribers: list[dict] = []
        self.accounts: list[dict] = []

    # ---------------------------------------------------------------- helpers

    def unique(self, make) -> str:
        while True:
            value = make()
            if value not in self.used:
                self.used.add(value)
                return value

    def digits(self, count: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(count))

    def national_id(self) -> str:
        return self.unique(lambda: "NID-" + self.rng.choice(["11", "31", "32", "33", "35", "37", "41", "42", "43", "44", "45", "51", "53"]) + self.digits(8))

    def msisdn(self, operator: str) -> str:
        prefixes, _ = OPERATORS[operator]
        return self.unique(lambda: "+86" + self.rng.choice(prefixes) + self.digits(8))

    def imsi(self, operator: str) -> str:
        return self.unique(lambda: "460" + OPERATORS[operator][1] + self.digits(10))

    def imei(self, tac: str | None = None) -> str:
        def make() -> str:
            body = (tac or self.rng.choice(["35345610", "35291711", "86123405", "86769304", "35881209", "86498703"])) + self.digits(6)
            return body + luhn_digit(body)
        return self.unique(make)

    def account_id(self) -> str:
        return self.unique(lambda: "ACC-" + self.digits(8))

    def day(self, low: int = 0, high: int = DAYS - 1) -> dt.datetime:
        return START + dt.timedelta(days=self.rng.randint(low, high))

    def at(self, day: dt.datetime, first_hour: int = 8, last_hour: int = 21) -> dt.datetime:
        """A moment of ``day`` between the given hours of Beijing time (UTC+8), as UTC."""
        local = day + dt.timedelta(hours=self.rng.randint(first_hour, last_hour), minutes=self.rng.randint(0, 59), seconds=self.rng.randint(0, 59))
        return local - BEIJING

    def add(self, kind: str, **fields) -> dict:
        event = {"kind": kind, **fields}
        self.events.append(event)
        return event

    def label(self, event: dict, flag: str, pattern: str) -> None:
        self.labels.append((event, flag, pattern))

    def pick_operator(self) -> str:
        return self.rng.choices(list(OPERATORS), OPERATOR_WEIGHTS)[0]

    # ---------------------------------------------------------------- populations

    def populate(self) -> None:
        for _ in range(1400):
            person = {"national_id": self.national_id(), "region": self.rng.choice(REGIONS),
                      "occupation": self.rng.choice(OCCUPATIONS), "devices": [], "ip": None}
            self.people.append(person)
        for person in self.people[:1100]:
            operator = self.pick_operator()
            imei = self.imei()
            subscriber = {"msisdn": self.msisdn(operator), "imsi": self.imsi(operator), "imei": imei, "operator": operator,
                          "person": person, "activated": START - dt.timedelta(days=self.rng.randint(30, 2400), hours=self.rng.randint(0, 23)),
                          "device_class": self.rng.choices(["smartphone", "feature_phone"], [95, 5])[0]}
            self.subscribers.append(subscriber)
            if self.rng.random() < 0.08:  # dual-SIM handset: a second card in the same phone
                second = self.pick_operator()
                self.subscribers.append({**subscriber, "msisdn": self.msisdn(second), "imsi": self.imsi(second), "operator": second})
        self.dealers = [{"dealer_id": f"OUT-{self.rng.choice(REGIONS)}-{self.digits(4)}", "p95": self.rng.randint(8, 25)} for _ in range(60)]
        for person in self.people[:600]:
            account = {"account_id": self.account_id(), "person": person,
                       "opened_on": (START - dt.timedelta(days=self.rng.randint(60, 3000))).date(),
                       "income": self.rng.choice([3500, 4500, 6000, 8000, 10000, 12000, 15000, 20000, 25000]),
                       "employer": "ACC-" + self.digits(8), "merchant": False}
            self.accounts.append(account)
        for account in self.accounts[:15]:
            account["merchant"] = True

    # ---------------------------------------------------------------- clean traffic

    def clean_activations(self, count: int) -> None:
        persons = self.rng.sample(self.people, count)
        for person in persons:
            operator = self.pick_operator()
            dealer = self.rng.choice(self.dealers)
            when = self.at(self.day())
            self.add("sim_activation", msisdn=self.msisdn(operator), imsi=self.imsi(operator), national_id=person["national_id"],
                     operator=operator, dealer_id=dealer["dealer_id"], channel=self.rng.choices(["store", "online", "remote"], [70, 20, 10])[0],
                     card_type=self.rng.choices(["consumer", "iot"], [94, 6])[0], liveness_passed=self.rng.random() > 0.005,
                     **self.card_counts(),
                     dealer_peer_p95_daily=dealer["p95"], activated_at=iso(when))
        # a few people who add a second card a few weeks later (no burst)
        for person in self.rng.sample(self.people, 40):
            first = self.day(0, 60)
            for offset in (0, self.rng.randint(12, 28)):
                operator = self.pick_operator()
                dealer = self.rng.choice(self.dealers)
                self.add("sim_activation", msisdn=self.msisdn(operator), imsi=self.imsi(operator), national_id=person["national_id"],
                         operator=operator, dealer_id=dealer["dealer_id"], channel="store", card_type="consumer", liveness_passed=True,
                         **self.card_counts(),
                         dealer_peer_p95_daily=dealer["p95"], activated_at=iso(self.at(first + dt.timedelta(days=offset))))

    def card_counts(self) -> dict:
        """What the national card-count check reports for an ordinary customer: a few cards in all."""
        at_operator = self.rng.choices([1, 2, 3], [60, 30, 10])[0]
        return {"sims_held_operator": at_operator, "sims_held_all_operators": at_operator + self.rng.choices([0, 1, 2, 3], [45, 30, 17, 8])[0]}

    def usage(self, subscriber: dict, period_day: dt.datetime, **overrides) -> dict:
        period_end = period_day + dt.timedelta(hours=23, minutes=59, seconds=59)
        calls_out = self.rng.randint(0, 35)
        fields = dict(msisdn=subscriber["msisdn"], imsi=subscriber["imsi"], imei=subscriber["imei"], device_class=subscriber["device_class"],
                      card_type="consumer", sim_activated_at=iso(subscriber["activated"]),
                      last_activity_on=(period_day - dt.timedelta(days=self.rng.choices([1, 2, 3, 5, 8, 15, 30, 45], [60, 12, 8, 6, 5, 4, 3, 2])[0])).date().isoformat(),
                      calls_out=calls_out, calls_in=self.rng.randint(2, 35), distinct_b_numbers=calls_out - self.rng.randint(0, calls_out // 3),
                      avg_call_seconds=round(self.rng.uniform(35, 320), 1), sms_out=self.rng.randint(0, 25),
                      data_mb=round(self.rng.uniform(40, 4000), 1), distinct_cells_7d=self.rng.randint(4, 45),
                      region=subscriber["person"]["region"], roaming_country="CN", period_end=iso(period_end))
        if "calls_out" in overrides and "distinct_b_numbers" not in overrides:
            fields["distinct_b_numbers"] = overrides["calls_out"] - self.rng.randint(0, overrides["calls_out"] // 3)
        fields.update(overrides)
        return self.add("daily_usage", **fields)

    def clean_usage(self, count: int) -> None:
        for _ in range(count):
            subscriber = self.rng.choice(self.subscribers)
            day = self.day()
            roll = self.rng.random()
            if roll < 0.04:  # travelling abroad
                self.usage(subscriber, day, roaming_country=self.rng.choice(TRAVEL_COUNTRIES), region="abroad", calls_out=self.rng.randint(0, 8))
            elif roll < 0.07:  # sales or dispatch line: many calls, but two-way, with data and moving
                calls = self.rng.randint(60, 140)
                self.usage(subscriber, day, calls_out=calls, calls_in=self.rng.randint(20, 60), distinct_b_numbers=calls - self.rng.randint(5, 30),
                           avg_call_seconds=round(self.rng.uniform(60, 180), 1), data_mb=round(self.rng.uniform(150, 900), 1))
            elif roll < 0.09:  # card back in use after a long pause, a few calls
                self.usage(subscriber, day, last_activity_on=(day - dt.timedelta(days=self.rng.randint(95, 300))).date().isoformat(),
                           calls_out=self.rng.randint(1, 12))
            else:
                self.usage(subscriber, day)
        # brand-new cards in ordinary use
        for _ in range(60):
            operator = self.pick_operator()
            person = self.rng.choice(self.people)
            day = self.day(1)
            subscriber = {"msisdn": self.msisdn(operator), "imsi": self.imsi(operator), "imei": self.imei(), "operator": operator,
                          "person": person, "activated": self.at(day - dt.timedelta(days=self.rng.randint(0, 2))), "device_class": "smartphone"}
            self.usage(subscriber, day, calls_out=self.rng.randint(0, 25), last_activity_on=(day - dt.timedelta(days=1)).date().isoformat())
        # IoT cards used as declared: smart meters, trackers, POS terminals
        self.iot_cards = []
        for _ in range(40):
            operator = self.pick_operator()
            region = self.rng.choice(REGIONS)
            self.iot_cards.append({"msisdn": self.unique(lambda: "+86" + self.rng.choice(["1440", "1441", "1064"]) + self.digits(9)),
                                   "imsi": self.imsi(operator), "imei": self.imei("86769304"), "region": region,
                                   "data_only": self.rng.random() < 0.8, "activated": START - dt.timedelta(days=self.rng.randint(30, 900))})
        for _ in range(140):
            card = self.rng.choice(self.iot_cards)
            day = self.day()
            voice = 0 if card["data_only"] else self.rng.randint(0, 3)
            self.add("daily_usage", msisdn=card["msisdn"], imsi=card["imsi"], imei=card["imei"], device_class="module", card_type="iot",
                     sim_activated_at=iso(card["activated"]), last_activity_on=(day - dt.timedelta(days=1)).date().isoformat(),
                     calls_out=voice, calls_in=0, distinct_b_numbers=voice, avg_call_seconds=round(self.rng.uniform(20, 60), 1) if voice else 0.0,
                     sms_out=0 if card["data_only"] else self.rng.randint(0, 2), data_mb=round(self.rng.uniform(0.2, 60), 2),
                     distinct_cells_7d=self.rng.randint(1, 6), region=card["region"], roaming_country="CN", iot_data_only=card["data_only"],
                     iot_declared_device_class="module", iot_declared_region=card["region"],
                     period_end=iso(day + dt.timedelta(hours=23, minutes=59, seconds=59)))

    def clean_calls(self, inbound: int, outbound: int, ranges: int) -> None:
        missed: dict[str, list[tuple[dt.datetime, str]]] = {}
        for _ in range(inbound):
            subscriber = self.rng.choice(self.subscribers)
            when = self.at(self.day(), 7, 22)
            roll = self.rng.random()
            if roll < 0.70:
                caller = self.rng.choice(self.subscribers)
                a_number, a_range, trunk, cli_type, roaming = caller["msisdn"], caller["msisdn"][:6], "domestic", "domestic_mobile", None
            elif roll < 0.82:
                a_number = "+86" + self.rng.choice(["10", "21", "20", "755", "571", "25"]) + self.digits(8)
                a_range, trunk, cli_type, roaming = a_number[:6], "domestic", "domestic_fixed", None
            elif roll < 0.95:
                a_range = self.rng.choice(list(INTL_RANGES))
                a_number, trunk, cli_type, roaming = a_range + self.digits(7), "international", "international", None
            else:  # a subscriber roaming abroad calls home: domestic CLI on an international trunk, verified as roaming
                caller = self.rng.choice(self.subscribers)
                a_number, a_range, trunk, cli_type, roaming = caller["msisdn"], caller["msisdn"][:6], "international", "domestic_mobile", True
            answered = self.rng.random() < 0.78
            fields = dict(a_number=a_number, a_range=a_range, msisdn=subscriber["msisdn"], ingress_trunk=trunk, cli_type=cli_type,
                          cli_assigned=True, ring_seconds=round(self.rng.uniform(3, 25), 1), answered=answered, started_at=iso(when))
            if roaming is not None:
                fields["caller_roaming_verified"] = roaming
            self.add("inbound_call", **fields)
            if not answered and trunk == "international":
                missed.setdefault(subscriber["msisdn"], []).append((when, a_range))
        for _ in range(outbound):
            subscriber = self.rng.choice(self.subscribers)
            when = self.at(self.day(), 7, 22)
            if self.rng.random() < 0.85:
                callee = self.rng.choice(self.subscribers)
                self.add("outbound_call", msisdn=subscriber["msisdn"], b_number=callee["msisdn"], b_range=callee["msisdn"][:6], b_country="CN",
                         international=False, duration_seconds=self.rng.randint(10, 900), started_at=iso(when))
            else:
                # a call abroad to a range that has not rung this subscriber unanswered in the last day
                recent = {r for t, r in missed.get(subscriber["msisdn"], []) if dt.timedelta(0) <= when - t <= dt.timedelta(days=2)}
                b_range = self.rng.choice([r for r in INTL_RANGES if r not in recent])
                self.add("outbound_call", msisdn=subscriber["msisdn"], b_number=b_range + self.digits(7), b_range=b_range,
                         b_country=INTL_RANGES[b_range], international=True, duration_seconds=self.rng.randint(20, 2400), started_at=iso(when))
        for _ in range(ranges):
            a_range = self.rng.choice(list(INTL_RANGES))
            calls = self.rng.randint(15, 420)
            answered = int(calls * self.rng.uniform(0.45, 0.8))
            hour_end = self.day() + dt.timedelta(hours=self.rng.randint(1, 23))
            self.add("range_traffic", a_range=a_range, origin_country=INTL_RANGES[a_range], calls=calls, answered_calls=answered,
                     distinct_b_numbers=int(calls * self.rng.uniform(0.7, 0.98)), avg_ring_seconds=round(self.rng.uniform(7, 22), 1),
                     hour_end=iso(hour_end))

    def clean_reverification(self, count: int) -> None:
        for subscriber in self.rng.sample(self.subscribers, count):
            required = self.at(self.day(0, DAYS - 3))
            verified = required + dt.timedelta(minutes=self.rng.randint(40, 20 * 60))
            self.add("reverification", msisdn=subscriber["msisdn"], national_id=subscriber["person"]["national_id"],
                     trigger=self.rng.choice(["one_id_many_cards", "dormant", "hotspot", "warning_model", "fraud_linked"]),
                     required_at=iso(required), verified_at=iso(verified), outcome="passed", closed_at=iso(verified))

    def clean_accounts(self, opens: int, txn_accounts: int, logins: int) -> None:
        for person in self.rng.sample(self.people, opens):
            institution = self.rng.choice(BANKS + PAY)
            when = self.at(self.day(0, DAYS - 6))
            self.add("account_open", account_id=self.account_id(), national_id=person["national_id"], institution_id=institution,
                     institution_type="bank" if institution.startswith("BANK") else "payment_institution",
                     channel=self.rng.choice(["branch", "app", "app", "web"]), over_account_limit=False, opened_at=iso(when))
            if self.rng.random() < 0.15:  # a second account a few days later: payroll bank plus a payment app
                other = self.rng.choice([i for i in BANKS + PAY if i != institution])
                self.add("account_open", account_id=self.account_id(), national_id=person["national_id"], institution_id=other,
                         institution_type="bank" if other.startswith("BANK") else "payment_institution", channel="app",
                         over_account_limit=False, opened_at=iso(when + dt.timedelta(days=self.rng.randint(1, 5), hours=self.rng.randint(0, 5))))
        # transactions: salary in, card payments and transfers out; shops take payments from customers
        for account in self.rng.sample(self.accounts, txn_accounts):
            if account["merchant"]:
                for offset in sorted(self.rng.sample(range(DAYS), self.rng.randint(8, 16))):
                    day = START + dt.timedelta(days=offset)
                    for _ in range(self.rng.randint(2, 4)):
                        self.txn(account, "credit", round(self.rng.uniform(20, 800), 2), "ACC-" + self.digits(8), "individual", self.at(day, 9, 21))
                    if self.rng.random() < 0.3:
                        self.txn(account, "debit", round(self.rng.uniform(200, 900), 2), "ACC-" + self.digits(8), "merchant", self.at(day, 9, 21))
                continue
            for month in range(3):
                payday = START + dt.timedelta(days=30 * month + 9)
                self.txn(account, "credit", float(account["income"]), account["employer"], "employer", payday + dt.timedelta(hours=1, minutes=self.rng.randint(0, 50)))
            for _ in range(self.rng.randint(1, 5)):
                day = self.day()
                kind = self.rng.random()
                if kind < 0.7:
                    self.txn(account, "debit", round(self.rng.uniform(15, account["income"] * 0.25), 2), "ACC-" + self.digits(8), "merchant", self.at(day))
                elif kind < 0.97:
                    self.txn(account, "debit", float(self.rng.choice([200, 500, 800, 1000, 2000])), "ACC-" + self.digits(8), "individual", self.at(day))
                else:  # a legitimate purchase at a licensed exchange, no fraud-linked money involved
                    self.txn(account, "debit", float(self.rng.choice([500, 1000, 3000])), "VASP-" + self.digits(4), "vasp", self.at(day))
        # new accounts in ordinary use
        for person in self.rng.sample(self.people[600:], 25):
            opened = self.day(0, 60)
            account = {"account_id": self.account_id(), "person": person, "opened_on": opened.date(),
                       "income": self.rng.choice([4000, 6000, 9000, 12000]), "employer": "ACC-" + self.digits(8), "merchant": False}
            self.txn(account, "credit", float(account["income"]), account["employer"], "employer", self.at(opened + dt.timedelta(days=self.rng.randint(2, 20))))
            for _ in range(self.rng.randint(1, 4)):
                self.txn(account, "debit", round(self.rng.uniform(30, account["income"] * 0.3), 2), "ACC-" + self.digits(8), "merchant",
                         self.at(opened + dt.timedelta(days=self.rng.randint(3, 28))))
        # logins: own phone, home IP (shared by a household), mostly near home; non-students travel
        households: list[str] = []
        sharing: dict[str, int] = {}
        for person in self.people[:600]:
            person["devices"] = [self.unique(lambda: "DEV-" + self.digits(6)) for _ in range(self.rng.choice([1, 1, 2]))]
            open_households = [ip for ip in households[-20:] if sharing[ip] < 3]
            if open_households and self.rng.random() < 0.3:  # a household of up to three people on one home line
                person["ip"] = self.rng.choice(open_households)
                sharing[person["ip"]] += 1
            else:
                person["ip"] = f"{self.rng.choice([36, 58, 61, 101, 112, 113, 117, 120, 183, 222])}.{self.rng.randint(0, 255)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}"
                households.append(person["ip"])
                sharing[person["ip"]] = 1
        for _ in range(logins):
            account = self.rng.choice(self.accounts)
            person = account["person"]
            travelling = person["occupation"] not in ("student", "new_graduate") and self.rng.random() < 0.08
            km = round(self.rng.uniform(600, 2200), 1) if travelling else round(self.rng.uniform(0, 60) if self.rng.random() < 0.9 else self.rng.uniform(60, 300), 1)
            ip = f"{self.rng.choice([39, 111, 223])}.{self.rng.randint(0, 255)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}" if travelling else person["ip"]
            self.add("account_login", account_id=account["account_id"], national_id=person["national_id"], device_fp=self.rng.choice(person["devices"]),
                     ip=ip, km_from_holder_address=km, device_linked_to_flagged_account=False, holder_occupation=person["occupation"],
                     login_at=iso(self.at(self.day(), 6, 23)))

    def txn(self, account: dict, direction: str, amount: float, counterparty: str, counterparty_type: str, when: dt.datetime,
            victim_linked: bool = False) -> dict:
        return self.add("account_txn", account_id=account["account_id"], direction=direction, amount=amount, counterparty_account=counterparty,
                        counterparty_type=counterparty_type, victim_linked=victim_linked, account_opened_on=account["opened_on"].isoformat(),
                        declared_monthly_income=float(account["income"]), booked_at=iso(when))

    def clean_data_access(self, count: int) -> None:
        self.employees = [{"employee_id": self.unique(lambda: f"EMP-{self.digits(4)}"), "role": role} for role in ROLES for _ in range(12)]
        for _ in range(count):
            employee = self.rng.choice(self.employees)
            role = employee["role"]
            when = self.at(self.day(), 8, 19)
            ticketed = self.rng.random() < 0.85
            if role == "marketing_analyst":
                category, records = self.rng.choice(PI_OTHER), self.rng.randint(2000, 40000)
                ticketed = True  # bulk extracts only run on an approved request
            elif ticketed:
                category = self.rng.choice(PI_TIER1 + PI_TIER2 + PI_OTHER)
                records = self.rng.randint(1, 30)
            else:  # a quick look-up without a ticket: a caller's profile or bill
                category = self.rng.choice(PI_OTHER + ["call_records"])
                records = self.rng.randint(1, 3)
            fields = dict(employee_id=employee["employee_id"], role=role, system=self.rng.choice(["CRM", "BILLING", "BOSS", "DWH"]),
                          record_category=category, records=records, role_p95_daily_records=float(ROLES[role]), accessed_at=iso(when))
            if ticketed:
                fields["ticket_id"] = f"TKT-{self.digits(7)}"
            self.add("data_access", **fields)

    def clean_victims(self, cases: int) -> None:
        holders = [(f"{prefix}-{self.digits(3)}", sector) for sector, prefix in
                   [("logistics", "LOG"), ("transaction", "ECOM"), ("loan", "LOAN"), ("medical", "MED"), ("matchmaking", "DATE"),
                    ("retail", "SHOP"), ("education", "EDU"), ("travel", "TRVL"), ("telecom", "TEL"), ("real_estate", "PROP")]
                   for _ in range(9)]
        last_uses: dict[str, list[dt.datetime]] = {}
        for number in range(cases):
            reported = self.at(self.day(), 8, 20)
            victim = f"VIC-{self.digits(6)}"
            for _ in range(self.rng.randint(1, 2)):
                # spread victims over holders: no clean holder reaches 3 victims in 30 days
                choices = [h for h in holders if sum(1 for t in last_uses.get(h[0], []) if abs((reported - t).days) <= 31) < 2]
                holder, sector = self.rng.choice(choices)
                last_uses.setdefault(holder, []).append(reported)
                self.add("victim_touchpoint", case_id=f"CASE-25-{number:04d}", victim_id=victim, data_holder=holder, holder_sector=sector,
                         reported_at=iso(reported))

    # ---------------------------------------------------------------- planted patterns

    def activation(self, person_id: str, operator: str, dealer_id: str, p95: float, when: dt.datetime, **overrides) -> dict:
        fields = dict(msisdn=self.msisdn(operator), imsi=self.imsi(operator), national_id=person_id, operator=operator, dealer_id=dealer_id,
                      channel="store", card_type="consumer", liveness_passed=True, sims_held_operator=1, sims_held_all_operators=1,
                      dealer_peer_p95_daily=p95, activated_at=iso(when))
        fields.update(overrides)
        return self.add("sim_activation", **fields)

    def plant_sim_abuse(self) -> None:
        # TEL-01: one ID holding more cards than the limit
        for held_op, held_all in [(6, 8), (7, 11), (3, 12), (8, 14)]:
            dealer = self.rng.choice(self.dealers)
            event = self.activation(self.national_id(), self.pick_operator(), dealer["dealer_id"], dealer["p95"], self.at(self.day()),
                                    sims_held_operator=held_op, sims_held_all_operators=held_all)
            self.label(event, "TEL-01", f"ID already holds {held_op} cards at the operator and {held_all} in all")
        # TEL-02: one ID activating cards at several operators within days
        for count, spread_hours in [(3, 100), (4, 60), (3, 150), (5, 120)]:
            person_id = self.national_id()
            start = self.at(self.day(0, DAYS - 8))
            operators = self.rng.sample(list(OPERATORS), min(count, 4)) + ["CMCC"] * max(0, count - 4)
            for position in range(count):
                dealer = self.rng.choice(self.dealers)
                event = self.activation(person_id, operators[position], dealer["dealer_id"], dealer["p95"],
                                        start + dt.timedelta(hours=spread_hours * position / (count - 1)),
                                        sims_held_operator=1 + (position if operators[position] == "CMCC" and position >= 4 else 0),
                                        sims_held_all_operators=position + 1)
                if position + 1 >= 3:
                    self.label(event, "TEL-02", f"{count} cards on one ID within {spread_hours} hours across operators")
        # TEL-03 (volume): a small outlet activating far beyond its peers in one evening
        for p95, burst in [(3, 19), (4, 24), (2.5, 16)]:
            dealer_id = f"OUT-{self.rng.choice(REGIONS)}-{self.digits(4)}"
            start = self.at(self.day(), 13, 16)
            for position in range(burst):
                event = self.activation(self.national_id(), self.pick_operator(), dealer_id, p95, start + dt.timedelta(minutes=9 * position),
                                        channel="remote")
                if position + 1 > 5 * p95:
                    self.label(event, "TEL-03", f"outlet with peer p95 {p95}/day activates {burst} cards in {burst * 9 // 60} hours")
        # TEL-03 (liveness): remote activations where many customers fail the liveness check
        for failures_at, burst in [((3, 8, 12), 24), ((2, 6, 11, 15), 22)]:
            dealer_id = f"OUT-{self.rng.choice(REGIONS)}-{self.digits(4)}"
            start = self.at(self.day(), 9, 10)
            failed = 0
            for position in range(1, burst + 1):
                fails = position in failures_at
                failed += fails
                event = self.activation(self.national_id(), self.pick_operator(), dealer_id, 12, start + dt.timedelta(minutes=23 * position),
                                        channel="remote", liveness_passed=not fails)
                if position >= 20 and failed > 0.10 * position:
                    self.label(event, "TEL-03", f"remote outlet with {len(failures_at)} liveness failures among {burst} activations in a day")

    def card(self, operator: str | None = None, days_old: int = 200, **extra) -> dict:
        operator = operator or self.pick_operator()
        return {"msisdn": self.msisdn(operator), "imsi": self.imsi(operator), "imei": self.imei(), "operator": operator,
                "person": {"region": self.rng.choice(REGIONS)}, "activated": START - dt.timedelta(days=days_old), "device_class": "smartphone", **extra}

    def plant_traffic(self) -> None:
        # TEL-04: SIM-box cards in fixed gateways terminating bypassed international traffic
        for calls, calls_in in [(640, 3), (455, 0), (380, 12), (520, 5)]:
            card = self.card(days_old=self.rng.randint(12, 80))
            card["imei"], card["device_class"] = self.imei("86123405"), "gsm_gateway"
            day = self.day(1)
            event = self.usage(card, day, calls_out=calls, calls_in=calls_in, distinct_b_numbers=calls - self.rng.randint(10, 60),
                               avg_call_seconds=round(self.rng.uniform(60, 140), 1), sms_out=0, data_mb=0.0, distinct_cells_7d=1,
                               last_activity_on=(day - dt.timedelta(days=1)).date().isoformat())
            self.label(event, "TEL-04", f"gateway card, {calls} calls out vs {calls_in} in, no SMS or data, one cell")
        # TEL-20: one gateway handset cycling six cards in a day (each card's own traffic stays modest)
        for _ in range(3):
            imei, region = self.imei("86123405"), self.rng.choice(REGIONS)
            day = self.day(1)
            for position in range(1, 7):
                card = self.card(days_old=self.rng.randint(20, 60))
                card["imei"], card["device_class"] = imei, "gsm_gateway"
                calls = self.rng.randint(60, 95)
                event = self.usage(card, day, calls_out=calls, calls_in=self.rng.randint(2, 6), distinct_b_numbers=calls - self.rng.randint(2, 8), region=region,
                                   avg_call_seconds=round(self.rng.uniform(50, 120), 1), sms_out=0, data_mb=0.0, distinct_cells_7d=1,
                                   last_activity_on=(day - dt.timedelta(days=1)).date().isoformat())
                if position > 4:
                    self.label(event, "TEL-20", "one gateway handset carries 6 SIM cards in a day")
        # TEL-04, TEL-05 and TEL-20 together: a gateway loaded with SIM cards activated the day before
        for _ in range(2):
            imei, region = self.imei("86123405"), self.rng.choice(REGIONS)
            day = self.day(3)
            period_end = day + dt.timedelta(hours=23, minutes=59, seconds=59)
            for position in range(1, 7):
                card = self.card()
                card["imei"], card["device_class"], card["activated"] = imei, "gsm_gateway", period_end - dt.timedelta(hours=self.rng.randint(28, 40))
                calls = self.rng.randint(240, 380)
                event = self.usage(card, day, calls_out=calls, calls_in=self.rng.randint(0, 4), distinct_b_numbers=calls - self.rng.randint(5, 20), region=region,
                                   avg_call_seconds=round(self.rng.uniform(14, 26), 1), sms_out=0, data_mb=0.0, distinct_cells_7d=1,
                                   last_activity_on=(day - dt.timedelta(days=1)).date().isoformat())
                pattern = "SIM farm: gateway with 6 one-day-old cards, each making hundreds of short calls"
                self.label(event, "TEL-04", pattern)
                self.label(event, "TEL-05", pattern)
                if position > 4:
                    self.label(event, "TEL-20", pattern)
        # TEL-05: throw-away numbers a day or two old making hundreds of short calls
        for hours_old, calls, avg in [(34, 212, 17.0), (50, 160, 22.5), (20, 305, 11.0), (66, 130, 26.0)]:
            day = self.day(3)
            period_end = day + dt.timedelta(hours=23, minutes=59, seconds=59)
            card = self.card()
            card["activated"] = period_end - dt.timedelta(hours=hours_old)
            event = self.usage(card, day, calls_out=calls, calls_in=self.rng.randint(3, 15), distinct_b_numbers=calls - self.rng.randint(2, 9),
                               avg_call_seconds=avg, sms_out=self.rng.randint(1, 8), data_mb=round(self.rng.uniform(20, 90), 1),
                               distinct_cells_7d=self.rng.randint(5, 14), last_activity_on=(day - dt.timedelta(days=1)).date().isoformat())
            self.label(event, "TEL-05", f"card {hours_old} hours old, {calls} calls averaging {avg} s")
        # TEL-09: IoT cards outside their declared scenario
        iot_cases = [
            dict(device_class="smartphone", calls_out=64, calls_in=2, distinct_b_numbers=60, sms_out=30, iot_data_only=True, pattern="data-only IoT card in a smartphone making calls and SMS"),
            dict(device_class="gsm_gateway", calls_out=0, calls_in=0, distinct_b_numbers=0, sms_out=0, iot_data_only=True, pattern="IoT card declared for a meter module sits in a GSM gateway"),
            dict(device_class="module", calls_out=0, calls_in=0, distinct_b_numbers=0, sms_out=0, iot_data_only=True, region="YN", pattern="IoT card used outside its declared region"),
            dict(device_class="module", calls_out=0, calls_in=0, distinct_b_numbers=0, sms_out=45, iot_data_only=True, pattern="data-only IoT card sending person-to-person SMS"),
        ]
        for case in iot_cases:
            pattern = case.pop("pattern")
            declared_region = self.rng.choice([r for r in REGIONS if r != "YN"])
            day = self.day()
            operator = self.pick_operator()
            event = self.add("daily_usage", msisdn=self.unique(lambda: "+861440" + self.digits(9)), imsi=self.imsi(operator), imei=self.imei(),
                             card_type="iot", sim_activated_at=iso(START - dt.timedelta(days=self.rng.randint(60, 400))),
                             last_activity_on=(day - dt.timedelta(days=1)).date().isoformat(),
                             avg_call_seconds=48.0 if case["calls_out"] else 0.0, data_mb=round(self.rng.uniform(0.5, 8), 2),
                             distinct_cells_7d=self.rng.randint(2, 5), roaming_country="CN", iot_declared_device_class="module",
                             iot_declared_region=declared_region, period_end=iso(day + dt.timedelta(hours=23, minutes=59, seconds=59)),
                             **{"region": declared_region, **case})
            self.label(event, "TEL-09", pattern)
        # TEL-10: dormant cards revived for bulk calling; cards used in fraud-hotspot countries
        for dormant, calls in [(112, 148), (205, 96)]:
            day = self.day(1)
            event = self.usage(self.card(days_old=900), day, last_activity_on=(day - dt.timedelta(days=dormant)).date().isoformat(), calls_out=calls,
                               calls_in=self.rng.randint(4, 12), distinct_b_numbers=calls - 20, avg_call_seconds=round(self.rng.uniform(60, 110), 1),
                               data_mb=round(self.rng.uniform(10, 60), 1), distinct_cells_7d=self.rng.randint(4, 9))
            self.label(event, "TEL-10", f"card silent {dormant} days, then {calls} calls in a day")
        for country in ["MM", "KH", "LA"]:
            event = self.usage(self.card(days_old=500), self.day(), roaming_country=country, region="abroad", calls_out=self.rng.randint(10, 40))
            self.label(event, "TEL-10", f"card used while roaming in {country}")
        # TEL-11: second verification failed, missed, or passed too late
        for outcome, hours in [("failed", 6), ("no_show", None), ("passed", 30), ("passed", 52), ("failed", 2)]:
            card = self.card()
            required = self.at(self.day(0, DAYS - 4))
            verified = required + dt.timedelta(hours=hours) if hours is not None else None
            fields = dict(msisdn=card["msisdn"], national_id=self.national_id(), trigger=self.rng.choice(["one_id_many_cards", "warning_model", "fraud_linked"]),
                          required_at=iso(required), outcome=outcome, closed_at=iso(verified or required + dt.timedelta(hours=24)))
            if verified is not None:
                fields["verified_at"] = iso(verified)
            event = self.add("reverification", **fields)
            self.label(event, "TEL-11", f"second verification {outcome}" + (f" after {hours} hours" if hours else " (no show)"))

    def plant_calls(self) -> None:
        # TEL-06 and TEL-07: Wangiri campaigns, and subscribers calling the range back
        campaigns = [("+2392", "ST"), ("+22177", "SN"), ("+2693", "KM"), ("+67570", "PG")]
        for a_range, country in campaigns:
            hour_end = self.day(2, DAYS - 3) + dt.timedelta(hours=self.rng.randint(1, 5))
            calls = self.rng.randint(800, 1600)
            event = self.add("range_traffic", a_range=a_range, origin_country=country, calls=calls, answered_calls=self.rng.randint(0, 4),
                             distinct_b_numbers=calls - self.rng.randint(10, 60), avg_ring_seconds=round(self.rng.uniform(1.2, 3.2), 1), hour_end=iso(hour_end))
            self.label(event, "TEL-06", f"one-ring campaign from {a_range}: {calls} calls in an hour")
            for victim in self.rng.sample(self.subscribers, 2):
                ring = hour_end - dt.timedelta(minutes=self.rng.randint(5, 55))
                a_number = a_range + self.digits(11 - len(a_range) + 4)
                self.add("inbound_call", a_number=a_number, a_range=a_range, msisdn=victim["msisdn"], ingress_trunk="international",
                         cli_type="international", cli_assigned=True, ring_seconds=round(self.rng.uniform(0.8, 2.5), 1), answered=False, started_at=iso(ring))
                if victim is not None and self.rng.random() < 0.9:
                    callback = ring + dt.timedelta(hours=self.rng.randint(1, 14), minutes=self.rng.randint(0, 59))
                    event = self.add("outbound_call", msisdn=victim["msisdn"], b_number=a_number, b_range=a_range, b_country=country, international=True,
                                     duration_seconds=self.rng.randint(60, 420), started_at=iso(callback))
                    self.label(event, "TEL-07", f"call-back to Wangiri range {a_range} after a missed call")
        # TEL-07: hacked PBX or subscriber dialling revenue-share ranges
        for b_range, country in [("+88213", "XS"), ("+88237", "XS"), ("+6903", "TK")]:
            subscriber = self.rng.choice(self.subscribers)
            event = self.add("outbound_call", msisdn=subscriber["msisdn"], b_number=b_range + self.digits(6), b_range=b_range, b_country=country,
                             international=True, duration_seconds=self.rng.randint(600, 3600), started_at=iso(self.at(self.day(), 0, 5)))
            self.label(event, "TEL-07", f"call to hot-listed revenue-share range {b_range}")
        # TEL-08: spoofed calling numbers
        spoofs = [("+8601088881234", "+86010", "international", "domestic_fixed", True, "Beijing landline (police impersonation) presented on an international trunk"),
                  ("+8602161234567", "+86021", "international", "domestic_fixed", True, "Shanghai landline presented on an international trunk"),
                  ("+8613800138000", "+86138", "international", "domestic_mobile", True, "domestic mobile number from abroad, caller not roaming"),
                  ("+8617099990000", "+86170", "domestic", "domestic_mobile", False, "calling number from an unassigned block")]
        for a_number, a_range, trunk, cli_type, assigned, pattern in spoofs:
            subscriber = self.rng.choice(self.subscribers)
            fields = dict(a_number=a_number, a_range=a_range, msisdn=subscriber["msisdn"], ingress_trunk=trunk, cli_type=cli_type, cli_assigned=assigned,
                          ring_seconds=round(self.rng.uniform(4, 15), 1), answered=self.rng.random() < 0.6, started_at=iso(self.at(self.day())))
            if trunk == "international":
                fields["caller_roaming_verified"] = False
            event = self.add("inbound_call", **fields)
            self.label(event, "TEL-08", pattern)

    def simulate_account(self, account_events: list[dict]) -> dict[int, set[str]]:
        """Which of TEL-12, TEL-13 and TEL-19 each transaction of a dedicated account raises (default params)."""
        fired: dict[int, set[str]] = {}
        ordered = sorted(account_events, key=lambda e: e["booked_at"])
        times = [dt.datetime.fromisoformat(e["booked_at"].replace("Z", "+00:00")) for e in ordered]
        for index, event in enumerate(ordered):
            now = times[index]
            day = [ordered[j] for j in range(index) if now - times[j] <= dt.timedelta(hours=24)] + [event]
            month = [ordered[j] for j in range(index) if now - times[j] <= dt.timedelta(days=30)] + [event]
            credits = [e for e in day if e["direction"] == "credit"]
            debits = [e for e in day if e["direction"] == "debit"]
            earlier_credits = [times[j] for j in range(index) if ordered[j]["direction"] == "credit" and now - times[j] <= dt.timedelta(hours=24)]
            flags = set()
            if event["direction"] == "debit" and earlier_credits:
                senders = len({e["counterparty_account"] for e in credits})
                recipients = len({e["counterparty_account"] for e in debits})
                since = (now - max(earlier_credits)).total_seconds() / 3600
                if (senders >= 10 or recipients >= 10) and sum(e["amount"] for e in debits) >= 0.8 * sum(e["amount"] for e in credits) and since <= 2:
                    flags.add("TEL-12")
            opened = dt.datetime.fromisoformat(event["account_opened_on"]).replace(tzinfo=dt.timezone.utc)
            if (now - opened).total_seconds() / 86400 < 30 and sum(e["amount"] for e in month) > 20 * event["declared_monthly_income"]:
                flags.add("TEL-13")
            victim = [j for j in range(index) if ordered[j]["direction"] == "credit" and ordered[j]["victim_linked"] and now - times[j] <= dt.timedelta(hours=24)]
            if event["direction"] == "debit" and event["counterparty_type"] in ("vasp", "otc_trader") and victim:
                flags.add("TEL-19")
            fired[id(event)] = flags
        return fired

    def plant_accounts(self) -> None:
        # TEL-14: accounts at three or more institutions within a week; IDs over the account limit
        for count in (3, 4):
            person_id = self.national_id()
            start = self.at(self.day(0, DAYS - 7))
            for position, institution in enumerate(self.rng.sample(BANKS[:5] + PAY[:2], count)):
                event = self.add("account_open", account_id=self.account_id(), national_id=person_id, institution_id=institution,
                                 institution_type="bank" if institution.startswith("BANK") else "payment_institution", channel="app",
                                 over_account_limit=False, opened_at=iso(start + dt.timedelta(hours=30 * position)))
                if position + 1 >= 3:
                    self.label(event, "TEL-14", f"one ID opens accounts at {count} institutions within {30 * (count - 1)} hours")
        for _ in range(2):
            institution = self.rng.choice(BANKS)
            event = self.add("account_open", account_id=self.account_id(), national_id=self.national_id(), institution_id=institution,
                             institution_type="bank", channel="branch", over_account_limit=True, opened_at=iso(self.at(self.day())))
            self.label(event, "TEL-14", "account-count check: ID above the national account limit")

        planted: list[tuple[list[dict], str]] = []

        def mule(opened_days_ago: int, income: float) -> dict:
            return {"account_id": self.account_id(), "opened_on": (START - dt.timedelta(days=opened_days_ago)).date(), "income": income}

        # TEL-12 fan-in: a dozen victims pay one (bought) account, which forwards the money in bulk
        for senders, forward_share in [(12, 0.95), (11, 0.9), (14, 0.85)]:
            account = mule(self.rng.randint(120, 700), float(self.rng.choice([3000, 4500, 6000])))
            start = self.at(self.day(0, DAYS - 2), 9, 11)
            events, total = [], 0.0
            for position in range(senders):
                amount = float(self.rng.choice([1980, 2600, 3000, 4500, 5000, 6800, 8000]))
                total += amount
                events.append(self.txn(account, "credit", amount, "ACC-" + self.digits(8), "individual", start + dt.timedelta(minutes=21 * position)))
            last = start + dt.timedelta(minutes=21 * (senders - 1))
            events.append(self.txn(account, "debit", round(total * forward_share * 0.6, 2), "ACC-" + self.digits(8), "individual", last + dt.timedelta(minutes=25)))
            events.append(self.txn(account, "debit", round(total * forward_share * 0.4, 2), "ACC-" + self.digits(8), "individual", last + dt.timedelta(minutes=70)))
            planted.append((events, f"fan-in mule: {senders} senders, {int(forward_share * 100)}% forwarded within 2 hours"))
        # TEL-12 fan-out: one large credit split at once across many recipients
        account = mule(400, 5000.0)
        start = self.at(self.day(0, DAYS - 2), 10, 12)
        events = [self.txn(account, "credit", 150000.0, "ACC-" + self.digits(8), "individual", start)]
        for position in range(12):
            events.append(self.txn(account, "debit", 12000.0, "ACC-" + self.digits(8), "individual", start + dt.timedelta(minutes=8 * (position + 1))))
        planted.append((events, "fan-out mule: 150,000 in, split to 12 accounts within 2 hours"))
        # TEL-13: new accounts with pass-through volumes many times the declared income
        for income, amounts in [(3000.0, [52000, 51000]), (3500.0, [30000, 29500, 26000]), (4000.0, [88000, 86500]), (2800.0, [40000, 20000, 59000])]:
            opened = self.day(0, DAYS - 30)
            account = {"account_id": self.account_id(), "opened_on": opened.date(), "income": income}
            events = []
            moment = opened + dt.timedelta(days=self.rng.randint(3, 10), hours=10)
            for position, amount in enumerate(amounts):
                direction = "credit" if position % 2 == 0 else "debit"
                events.append(self.txn(account, direction, float(amount), "ACC-" + self.digits(8), "individual", moment))
                moment += dt.timedelta(hours=self.rng.randint(5, 30))
            planted.append((events, f"account under 30 days old, income {income:.0f}, turnover {sum(amounts):,}"))
        # TEL-19: money traced to reported frauds paid on to an OTC trader or crypto exchange
        for payout_type, delay_hours in [("otc_trader", 4), ("vasp", 9), ("otc_trader", 20), ("vasp", 2)]:
            account = mule(self.rng.randint(300, 1500), float(self.rng.choice([6000, 8000, 12000])))
            moment = self.at(self.day(0, DAYS - 2), 8, 14)
            amount = float(self.rng.choice([18000, 28000, 36000, 47000]))
            events = [self.txn(account, "credit", amount, "ACC-" + self.digits(8), "individual", moment, victim_linked=True),
                      self.txn(account, "debit", amount - 500, ("OTC-" if payout_type == "otc_trader" else "VASP-") + self.digits(4), payout_type,
                               moment + dt.timedelta(hours=delay_hours))]
            planted.append((events, f"fraud-linked {amount:,.0f} paid to {payout_type} after {delay_hours} hours"))
        # TEL-12, TEL-13 and TEL-19 together: a fresh account collects victims' money and buys crypto with it at once
        for senders in (10, 13):
            opened = self.day(0, DAYS - 20)
            account = {"account_id": self.account_id(), "opened_on": opened.date(), "income": 3000.0}
            moment = self.at(opened + dt.timedelta(days=self.rng.randint(4, 12)), 9, 11)
            events, total = [], 0.0
            for position in range(senders):
                amount = float(self.rng.choice([3000, 5000, 6000, 9800]))
                total += amount
                events.append(self.txn(account, "credit", amount, "ACC-" + self.digits(8), "individual", moment, victim_linked=position % 3 == 0))
                moment += dt.timedelta(minutes=self.rng.randint(8, 25))
            events.append(self.txn(account, "debit", round(total * 0.97, 2), "OTC-" + self.digits(4), "otc_trader", moment + dt.timedelta(minutes=30)))
            planted.append((events, f"new account: {senders} victims pay in, 97% bought from an OTC trader within the hour"))
        for events, pattern in planted:
            fired = self.simulate_account(events)
            for event in events:
                for flag in sorted(fired[id(event)]):
                    self.label(event, flag, pattern)

        # TEL-15: one device, or one IP, behind many people's accounts
        for shared, holders in [("device", 6), ("device", 5), ("ip", 7), ("ip", 5)]:
            device = "DEV-" + self.digits(6)
            ip = f"{self.rng.choice([103, 45, 154])}.{self.rng.randint(0, 255)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}"
            start = self.at(self.day(0, DAYS - 15))
            for position in range(holders):
                fields = dict(account_id=self.account_id(), national_id=self.national_id(),
                              device_fp=device if shared == "device" else "DEV-" + self.digits(6),
                              ip=ip if shared == "ip" else f"{self.rng.choice([39, 111, 223])}.{self.rng.randint(0, 255)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}",
                              km_from_holder_address=round(self.rng.uniform(2, 40), 1), device_linked_to_flagged_account=False,
                              holder_occupation=self.rng.choice(OCCUPATIONS[:8]), login_at=iso(start + dt.timedelta(hours=47 * position)))
                event = self.add("account_login", **fields)
                if position + 1 >= 5:
                    self.label(event, "TEL-15", f"{holders} account holders on one {'device' if shared == 'device' else 'IP address'} within {47 * (holders - 1) // 24} days")
        # TEL-16: accounts used far away by whoever bought or rented them
        for occupation, km, linked in [("student", 1450.0, False), ("new_graduate", 1980.5, False), ("employee", 820.0, True), ("student", 640.0, True)]:
            event = self.add("account_login", account_id=self.account_id(), national_id=self.national_id(), device_fp="DEV-" + self.digits(6),
                             ip=f"{self.rng.choice([103, 45, 154])}.{self.rng.randint(0, 255)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}",
                             km_from_holder_address=km, device_linked_to_flagged_account=linked, holder_occupation=occupation,
                             login_at=iso(self.at(self.day(), 20, 23)))
            self.label(event, "TEL-16", f"{occupation}'s account used {km:.0f} km away" + (" from a device tied to flagged accounts" if linked else ""))

    def plant_insiders(self) -> None:
        # TEL-17: employees reading personal information in bulk with no ticket
        cases = [
            ("customer_service", [("location", 10), ("location", 10), ("location", 8)], "night-time location look-ups adding up to 28 records"),
            ("billing", [("call_records", 300)], "one export of 300 call records"),
            ("retail_support", [("subscriber_profile", 3000)], "one export of 3,000 subscriber profiles"),
            ("network_ops", [("device_info", 35), ("device_info", 30)], "65 device records against a role norm of 20 a day"),
            ("customer_service", [("credit", 14), ("property", 12)], "26 credit and property records"),
        ]
        for role, accesses, pattern in cases:
            employee_id = self.unique(lambda: f"EMP-{self.digits(4)}")
            moment = self.at(self.day(), 18, 20)
            tier1 = tier2 = other = total = 0
            for category, records in accesses:
                event = self.add("data_access", employee_id=employee_id, role=role, system=self.rng.choice(["CRM", "BOSS"]), record_category=category,
                                 records=records, role_p95_daily_records=float(ROLES[role]), accessed_at=iso(moment))
                tier1 += records if category in PI_TIER1 else 0
                tier2 += records if category in PI_TIER2 else 0
                other += records if category in PI_OTHER else 0
                total += records
                if tier1 >= 25 or tier2 >= 250 or other >= 2500 or total > 3 * ROLES[role]:
                    self.label(event, "TEL-17", pattern)
                moment += dt.timedelta(minutes=self.rng.randint(20, 50))
        # TEL-18: fraud victims who all gave their data to the same logistics, medical or loan company
        for holder, sector, victims in [("LOG-EXPRESS-17", "logistics", 7), ("MED-CLINIC-03", "medical", 6), ("LOAN-APP-09", "loan", 5),
                                        ("EDU-TRAIN-02", "education", 6)]:
            start = self.at(self.day(0, DAYS - 25))
            for position in range(victims):
                event = self.add("victim_touchpoint", case_id=self.unique(lambda: f"CASE-25-{self.rng.randint(5000, 9999):04d}"), victim_id=f"VIC-{self.digits(6)}",
                                 data_holder=holder, holder_sector=sector, reported_at=iso(start + dt.timedelta(days=3 * position, hours=position)))
                if sector in SECTORS_KEY and position + 1 >= 5:
                    self.label(event, "TEL-18", f"{victims} victims in {3 * (victims - 1)} days share {sector} data holder {holder}")

    # ---------------------------------------------------------------- output

    def run(self) -> tuple[list[dict], list[dict]]:
        self.populate()
        self.clean_activations(520)
        self.clean_usage(850)
        self.clean_calls(inbound=520, outbound=380, ranges=230)
        self.clean_reverification(110)
        self.clean_accounts(opens=220, txn_accounts=175, logins=460)
        self.clean_data_access(420)
        self.clean_victims(140)
        self.plant_sim_abuse()
        self.plant_traffic()
        self.plant_calls()
        self.plant_accounts()
        self.plant_insiders()
        order = sorted(range(len(self.events)), key=lambda i: (self.events[i][TIME_FIELD[self.events[i]["kind"]]], i))
        counters: dict[str, int] = {}
        lines = []
        for index in order:
            event = self.events[index]
            counters[event["kind"]] = counters.get(event["kind"], 0) + 1
            event_id = f"{ID_PREFIX[event['kind']]}-{counters[event['kind']]:05d}"
            event["event_id"] = event_id
            lines.append({"kind": event["kind"], "event_id": event_id, **{k: v for k, v in event.items() if k not in ("kind", "event_id")}})
        labels = [{"event_id": event["event_id"], "flag": flag, "pattern": pattern} for event, flag, pattern in self.labels]
        labels.sort(key=lambda label: (label["event_id"], label["flag"]))
        return lines, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20250701)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    events, labels = Generator(args.seed).run()
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "events.jsonl").open("w", encoding="utf-8") as out:
        for event in events:
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
    with (args.out / "labels.jsonl").open("w", encoding="utf-8") as out:
        for label in labels:
            out.write(json.dumps(label, ensure_ascii=False) + "\n")
    kinds: dict[str, int] = {}
    for event in events:
        kinds[event["kind"]] = kinds.get(event["kind"], 0) + 1
    flags = sorted({label["flag"] for label in labels})
    print(f"wrote {len(events)} events ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}) and {len(labels)} labels for {len(flags)} flags")


if __name__ == "__main__":
    main()
