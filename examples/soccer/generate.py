"""Example data for rulesets/soccer.yaml: a seeded, deterministic season of football-integrity events.

    python examples/soccer/generate.py [--seed N] [--out DIR]

writes ``events.jsonl`` (about 5,700 events from 1 Jun 2025 to 30 Jun 2026, in time order, mostly
clean) and ``labels.jsonl`` (one line per planted (event_id, flag) pair, with the name of the pattern).

The stream is what a national association's integrity unit sees in the 2025/26 season of a
first-tier league with a salary cap (PD1, 18 clubs) and a third-tier league (D3, 16 clubs):

- the transfer market: TMS transfer records (``transfer``), agent fee payments (``agent_payment``),
  representation agreements (``representation_agreement``), contract clauses declared in TMS
  (``contract_clause``), loans (``loan``), club-to-club payments (``club_payment``);
- club money: payments to players other than the salary (``player_payment``), ownership filings and
  changes of control (``club_ownership``), sponsorship deals (``sponsorship``), season figures
  (``club_season``);
- the competitions: referee appointments (``referee_assignment``), match reports (``match``), the
  betting-integrity feed (``betting_market`` snapshots and account-level ``bet``s);
- the association: payments to referees and officials (``official_payment``), appointments
  (``appointment``) and national-team call-ups (``squad_selection``).

Clean values are kept away from the thresholds of the ruleset's default params, so a flag that
fires on this stream is one of the planted patterns (at least three per flag); ``make demo``
reports recall and precision. Amounts are in EUR. Standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
from collections import Counter, defaultdict
from pathlib import Path

START = dt.date(2025, 6, 1)
END = dt.date(2026, 6, 30)
SEASON = "2025/26"
HOME = "PT"
REGIONS = ["NORTE", "CENTRO", "LISBOA", "SUL"]

# PD1: first tier, salary cap in force. code: (region, revenue EUR)
PD1 = {
    "ARD": ("NORTE", 62e6), "BRV": ("NORTE", 48e6), "CAS": ("CENTRO", 35e6), "DOU": ("NORTE", 40e6),
    "ELV": ("SUL", 52e6), "FAL": ("SUL", 28e6), "GRN": ("CENTRO", 48e6), "HEL": ("LISBOA", 31e6),
    "IRN": ("LISBOA", 60e6), "JUN": ("CENTRO", 30e6), "KEL": ("LISBOA", 45e6), "LUZ": ("LISBOA", 30e6),
    "MAR": ("SUL", 26e6), "NOR": ("NORTE", 44e6), "OLI": ("CENTRO", 33e6), "PAR": ("LISBOA", 38e6),
    "QUI": ("SUL", 29e6), "RIO": ("SUL", 36e6),
}
PD1_CLUBS = [f"CLB-{code}" for code in PD1]
D3_CLUBS = [f"CLB-D3-{n:02d}" for n in range(1, 17)]
FOREIGN = {  # foreign clubs the domestic clubs trade with: id -> country
    "CLB-OUT-ES1": "ES", "CLB-OUT-ES2": "ES", "CLB-OUT-ES3": "ES", "CLB-OUT-FR1": "FR", "CLB-OUT-FR2": "FR",
    "CLB-OUT-IT1": "IT", "CLB-OUT-IT2": "IT", "CLB-OUT-DE1": "DE", "CLB-OUT-DE2": "DE", "CLB-OUT-NL1": "NL",
    "CLB-OUT-BE1": "BE", "CLB-OUT-BE2": "BE", "CLB-OUT-BE3": "BE", "CLB-OUT-GB1": "GB", "CLB-OUT-GB2": "GB",
    "CLB-OUT-BR1": "BR", "CLB-OUT-BR2": "BR", "CLB-OUT-BR3": "BR", "CLB-OUT-AR1": "AR", "CLB-OUT-AR2": "AR",
    "CLB-OUT-UY1": "UY", "CLB-OUT-UY2": "UY", "CLB-OUT-CO1": "CO", "CLB-OUT-NG1": "NG", "CLB-OUT-GH1": "GH",
    "CLB-OUT-SA1": "SA", "CLB-OUT-TR1": "TR", "CLB-OUT-GR1": "GR", "CLB-OUT-CY1": "CY", "CLB-OUT-CH1": "CH",
}
EU = {"ES", "FR", "IT", "DE", "NL", "BE", "GR", "CY", "PT"}
AGENT_COUNTRIES = ["PT"] * 10 + ["ES"] * 3 + ["FR"] * 2 + ["BR"] * 3 + ["AR", "IT", "NL", "GB", "NG", "DE"]
IMAGE_COUNTRIES = ["PT", "PT", "ES", "NL", "GB", "IE"]

KIND_ORDER = [
    "club_season", "club_ownership", "sponsorship", "transfer", "loan", "contract_clause",
    "representation_agreement", "agent_payment", "club_payment", "player_payment", "official_payment",
    "appointment", "squad_selection", "referee_assignment", "bet", "betting_market", "match",
]
PREFIX = {
    "transfer": "tr", "agent_payment": "ap", "representation_agreement": "ra", "contract_clause": "cc",
    "loan": "ln", "player_payment": "pp", "club_ownership": "ow", "sponsorship": "sp", "club_season": "cs",
    "betting_market": "bm", "bet": "bt", "referee_assignment": "as", "match": "mt", "club_payment": "cp",
    "official_payment": "op", "appointment": "apt", "squad_selection": "ss",
}
TIME_FIELD = {
    "transfer": "agreed_on", "agent_payment": "paid_on", "representation_agreement": "signed_on",
    "contract_clause": "signed_on", "loan": "starts_on", "player_payment": "paid_on",
    "club_ownership": "recorded_on", "sponsorship": "signed_on", "club_season": "season_end",
    "betting_market": "observed_at", "bet": "placed_at", "referee_assignment": "assigned_at",
    "match": "reported_at", "club_payment": "paid_on", "official_payment": "paid_on",
    "appointment": "appointed_on", "squad_selection": "announced_on",
}


def iso(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def at(day: dt.date, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute)


def money(value: float, step: int = 1000) -> int:
    return int(round(value / step) * step)


class Stream:
    """Collects events and labels; writes them in event-time order."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.events: list[tuple[dt.datetime, int, int, dict]] = []
        self.labels: list[dict] = []
        self.numbers: Counter[str] = Counter()
        self.sequence = 0

    def add(self, kind: str, **fields) -> str:
        self.numbers[kind] += 1
        event_id = f"{PREFIX[kind]}-{self.numbers[kind]:05d}"
        time_value = fields[TIME_FIELD[kind]]
        moment = time_value if isinstance(time_value, dt.datetime) else at(time_value)
        event = {"kind": kind, "event_id": event_id}
        for name, value in fields.items():
            if value is None:
                continue
            event[name] = iso(value) if isinstance(value, (dt.date, dt.datetime)) else value
        self.sequence += 1
        self.events.append((moment, KIND_ORDER.index(kind), self.sequence, event))
        return event_id

    def label(self, event_id: str, flag: str, pattern: str) -> None:
        self.labels.append({"event_id": event_id, "flag": flag, "pattern": pattern})

    def write(self, out: Path) -> tuple[int, int]:
        out.mkdir(parents=True, exist_ok=True)
        ordered = [event for _, _, _, event in sorted(self.events, key=lambda item: item[:3])]
        with (out / "events.jsonl").open("w", encoding="utf-8") as handle:
            for event in ordered:
                handle.write(json.dumps(event, ensure_ascii=False) + "\n")
        position = {event["event_id"]: index for index, event in enumerate(ordered)}
        labels = sorted(self.labels, key=lambda label: (position[label["event_id"]], label["flag"]))
        with (out / "labels.jsonl").open("w", encoding="utf-8") as handle:
            for label in labels:
                handle.write(json.dumps(label, ensure_ascii=False) + "\n")
        return len(ordered), len(labels)


class Season:
    def __init__(self, seed: int):
        self.s = Stream(seed)
        self.r = self.s.r
        self.player_no = 10000
        self.transfer_no = 0
        self.loan_no = 0
        self.contract_no = 0
        self.deal_no = 0
        self.account_no = 20000
        self.region = {f"CLB-{code}": region for code, (region, _) in PD1.items()}
        self.revenue = {f"CLB-{code}": revenue for code, (_, revenue) in PD1.items()}
        for index, club in enumerate(D3_CLUBS):
            self.region[club] = REGIONS[index % 4]
            self.revenue[club] = money(self.r.uniform(2.5e6, 6e6), 100000)
        self.country = {club: HOME for club in PD1_CLUBS + D3_CLUBS} | dict(FOREIGN)
        self.agents = {f"AG-{n:04d}": self.r.choice(AGENT_COUNTRIES) for n in range(1, 151)}
        self.agent_ids = sorted(self.agents)
        self.controller = {}
        self.matches: list[dict] = []  # scheduled fixtures with their planted modes
        self.noisy_matches: set[str] = set()  # matches with a planted betting anomaly (keep z low)

    # ----------------------------------------------------------------- helpers

    def day(self, first: dt.date, last: dt.date) -> dt.date:
        return first + dt.timedelta(days=self.r.randint(0, (last - first).days))

    def new_player(self, age_low: float, age_high: float, on: dt.date) -> tuple[str, dt.date]:
        self.player_no += 1
        age_days = int(self.r.uniform(age_low, age_high) * 365.25)
        return f"PL-{self.player_no}", on - dt.timedelta(days=age_days)

    def new_transfer_id(self, on: dt.date) -> str:
        self.transfer_no += 1
        return f"TR-{on.year}-{self.transfer_no:04d}"

    def agent(self, exclude: set[str] = frozenset()) -> str:
        while True:
            candidate = self.r.choice(self.agent_ids)
            if candidate not in exclude:
                return candidate

    def label(self, event_id: str, flag: str, pattern: str) -> None:
        self.s.label(event_id, flag, pattern)

    # ================================================================ competitions

    def schedule(self) -> None:
        """Double round robin for both leagues; rounds on weekends, winter break over new year."""
        for competition, clubs, first in (("PD1", PD1_CLUBS, dt.date(2025, 8, 9)), ("D3", D3_CLUBS, dt.date(2025, 8, 16))):
            teams = list(clubs)
            self.r.shuffle(teams)
            n = len(teams)
            rounds = []
            rotation = teams[:]
            for _ in range(n - 1):
                pairs = [(rotation[i], rotation[n - 1 - i]) for i in range(n // 2)]
                rounds.append(pairs)
                rotation = [rotation[0]] + [rotation[-1]] + rotation[1:-1]
            rounds = rounds + [[(away, home) for home, away in pairs] for pairs in rounds]
            saturday = first
            number = 0
            for round_no, pairs in enumerate(rounds, start=1):
                if dt.date(2025, 12, 24) <= saturday <= dt.date(2026, 1, 4):
                    saturday += dt.timedelta(days=14)
                for index, (home, away) in enumerate(pairs if round_no % 2 else [(a, h) for h, a in pairs]):
                    number += 1
                    weekend_day = saturday + dt.timedelta(days=0 if index < len(pairs) // 2 else 1)
                    hour = [15, 18, 20][index % 3]
                    self.matches.append({
                        "match_id": f"M-{competition}-{number:04d}", "competition": competition,
                        "tier": 1 if competition == "PD1" else 3, "round": round_no, "home": home, "away": away,
                        "kickoff": at(weekend_day, hour, 30 if hour == 20 else 0), "mode": set(),
                    })
                saturday += dt.timedelta(days=7)

    def pick_matches(self, competition: str, count: int, used: set[str], after: dt.date, before: dt.date) -> list[dict]:
        pool = [m for m in self.matches if m["competition"] == competition and m["match_id"] not in used
                and after <= m["kickoff"].date() <= before]
        chosen = self.r.sample(pool, count)
        used.update(m["match_id"] for m in chosen)
        return chosen

    def plant_competition_modes(self) -> None:
        used: set[str] = set()
        for m in self.pick_matches("PD1", 2, used, dt.date(2025, 9, 1), dt.date(2026, 4, 30)) + self.pick_matches("D3", 1, used, dt.date(2025, 9, 1), dt.date(2026, 4, 30)):
            m["mode"].add("odds_drift")
        for m in self.pick_matches("D3", 2, used, dt.date(2025, 9, 1), dt.date(2026, 4, 30)) + self.pick_matches("PD1", 1, used, dt.date(2025, 9, 1), dt.date(2026, 4, 30)):
            m["mode"].add("inplay_divergence")
        for m in self.pick_matches("D3", 3, used, dt.date(2025, 9, 1), dt.date(2026, 4, 30)):
            m["mode"].add("turnover")
        for m in self.pick_matches("D3", 2, used, dt.date(2025, 10, 1), dt.date(2026, 4, 30)) + self.pick_matches("PD1", 1, used, dt.date(2025, 10, 1), dt.date(2026, 4, 30)):
            m["mode"].add("referee_decisions")
        for m in self.pick_matches("D3", 2, used, dt.date(2025, 9, 1), dt.date(2026, 4, 30)) + self.pick_matches("PD1", 1, used, dt.date(2025, 9, 1), dt.date(2026, 4, 30)):
            m["mode"].add("betting_ring")
        for m in self.pick_matches("PD1", 2, used, dt.date(2025, 9, 1), dt.date(2026, 4, 30)) + self.pick_matches("D3", 1, used, dt.date(2025, 9, 1), dt.date(2026, 4, 30)):
            m["mode"].add("insider_bet")
        for m in self.pick_matches("PD1", 2, used, dt.date(2025, 9, 1), dt.date(2026, 4, 30)) + self.pick_matches("D3", 1, used, dt.date(2025, 9, 1), dt.date(2026, 4, 30)):
            m["mode"].add("regional_referee")
        for m in self.pick_matches("PD1", 1, used, dt.date(2025, 9, 1), dt.date(2026, 4, 30)):
            m["mode"].add("linked_referee")
        for m in self.pick_matches("PD1", 1, used, dt.date(2025, 9, 1), dt.date(2026, 4, 30)) + self.pick_matches("D3", 2, used, dt.date(2025, 9, 1), dt.date(2026, 4, 30)):
            m["mode"].add("late_reassignment")

    def referees(self) -> dict[str, list[tuple[str, str]]]:
        pools = {}
        number = 0
        for competition, size in (("PD1", 32), ("D3", 32)):
            pool = []
            for index in range(size):
                number += 1
                pool.append((f"REF-{number:03d}", REGIONS[index % 4]))
            pools[competition] = pool
        return pools

    def competitions(self) -> None:
        self.schedule()
        self.plant_competition_modes()
        pools = self.referees()
        self.referee_ids = {competition: [ref for ref, _ in pool] for competition, pool in pools.items()}
        ref_region = {ref: region for pool in pools.values() for ref, region in pool}
        pair_count: Counter[tuple[str, str]] = Counter()
        load: Counter[str] = Counter()

        # SOC-33: three (referee, club) pairs; the club meets the referee three times, the third appointment is planted.
        forced: dict[str, str] = {}
        concentration_third: set[str] = set()
        reserved: dict[str, set[str]] = {}
        for competition, club in (("PD1", "CLB-NOR"), ("PD1", "CLB-JUN"), ("D3", "CLB-D3-05")):
            candidates = [m for m in self.matches if club in (m["home"], m["away"]) and not m["mode"] and m["match_id"] not in forced]
            candidates.sort(key=lambda m: m["kickoff"])
            ref = None
            for shift in range(8):
                picks = [candidates[i + shift] for i in (4, 12, 21)]
                clubs_involved = {club} | {c for m in picks for c in (m["home"], m["away"])}
                regions = {self.region[c] for c in clubs_involved}
                free = [r for r, region in pools[competition] if region not in regions and r not in reserved]
                if free:
                    ref = free[0]
                    break
            if ref is None:
                raise RuntimeError(f"no referee for the concentration pattern on {club}")
            reserved[ref] = clubs_involved
            for m in picks:
                forced[m["match_id"]] = ref
            concentration_third.add(picks[-1]["match_id"])

        by_round: dict[tuple[str, int], list[dict]] = defaultdict(list)
        for m in self.matches:
            by_round[(m["competition"], m["round"])].append(m)
        for (competition, _), fixtures in sorted(by_round.items(), key=lambda item: (item[1][0]["kickoff"], item[0][0])):
            busy: set[str] = {forced[m["match_id"]] for m in fixtures if m["match_id"] in forced}
            for m in fixtures:
                home, away = m["home"], m["away"]
                mode = m["mode"]
                if m["match_id"] in forced:
                    ref = forced[m["match_id"]]
                else:
                    def ok(ref: str) -> bool:
                        if ref in busy or pair_count[(ref, home)] >= 2 or pair_count[(ref, away)] >= 2:
                            return False
                        if ref in reserved and {home, away} & reserved[ref]:
                            return False
                        if "regional_referee" in mode:
                            return ref_region[ref] == self.region[home]
                        return ref_region[ref] not in (self.region[home], self.region[away])
                    candidates = [ref for ref in self.referee_ids[competition] if ok(ref)]
                    if not candidates:
                        raise RuntimeError(f"no referee for {m['match_id']}")
                    least = min(load[ref] for ref in candidates)
                    ref = self.r.choice([ref for ref in candidates if load[ref] == least])
                busy.add(ref)
                pair_count[(ref, home)] += 1
                pair_count[(ref, away)] += 1
                load[ref] += 1
                m["referee"] = ref
                kickoff = m["kickoff"]
                reassigned = "late_reassignment" in mode or self.r.random() < 0.03
                if "late_reassignment" in mode:
                    assigned = kickoff - dt.timedelta(hours=self.r.choice([6, 10, 14]))
                elif reassigned:
                    assigned = kickoff - dt.timedelta(hours=self.r.randint(50, 90))
                else:
                    assigned = at((kickoff - dt.timedelta(days=5)).date(), 10)
                assignment = self.s.add(
                    "referee_assignment", match_id=m["match_id"], referee_id=ref, season=SEASON,
                    competition_id=competition, home_club=home, away_club=away, referee_region=ref_region[ref],
                    home_region=self.region[home], away_region=self.region[away],
                    referee_club_link="linked_referee" in mode, reassigned=reassigned, kickoff_at=kickoff,
                    assigned_at=assigned,
                )
                if m["match_id"] in concentration_third:
                    self.label(assignment, "SOC-33", "referee concentration on one club")
                if "regional_referee" in mode:
                    self.label(assignment, "SOC-43", "referee from a club's region")
                if "linked_referee" in mode:
                    self.label(assignment, "SOC-43", "referee with a financial link to a club")
                if "late_reassignment" in mode:
                    self.label(assignment, "SOC-44", "late referee reassignment")
                self.betting(m)
                z = round(self.r.gauss(0, 1), 2)
                if "referee_decisions" in mode:
                    z = round(self.r.uniform(2.6, 3.8), 2)
                elif mode & {"inplay_divergence", "turnover"}:
                    z = round(min(z, 1.5), 2)
                report = self.s.add(
                    "match", match_id=m["match_id"], season=SEASON, competition_id=competition, league_tier=m["tier"],
                    home_club=home, away_club=away, referee_id=ref, decision_anomaly_z=z, kickoff_at=kickoff,
                    reported_at=kickoff + dt.timedelta(hours=2, minutes=30),
                )
                m["report_event"] = report
                if "referee_decisions" in mode:
                    self.label(report, "SOC-34", "unusual refereeing in a match with betting alerts")

    def betting(self, m: dict) -> None:
        tier, kickoff, mode = m["tier"], m["kickoff"], m["mode"]
        median = 250000 if tier == 1 else 40000
        opening = round(self.r.uniform(0.25, 0.62), 3)
        self.s.add(
            "betting_market", match_id=m["match_id"], league_tier=tier, market="1X2", selection="home", in_play=False,
            implied_prob=opening, books_moved=self.r.randint(0, 2), public_news=False,
            turnover=money(median * min(3.0, math.exp(self.r.gauss(-0.6, 0.35))), 100), tier_median_turnover=median,
            observed_at=kickoff - dt.timedelta(hours=20),
        )
        closing = round(min(0.9, max(0.05, opening + max(-0.04, min(0.04, self.r.gauss(0, 0.015))))), 3)
        books = self.r.randint(0, 6)
        turnover = money(median * min(3.0, math.exp(self.r.gauss(0, 0.35))), 100)
        if "odds_drift" in mode:
            closing, books = round(opening + self.r.uniform(0.12, 0.18), 3), self.r.randint(4, 8)
        if "turnover" in mode:
            turnover = money(median * self.r.uniform(6.5, 9.0), 100)
        closing_id = self.s.add(
            "betting_market", match_id=m["match_id"], league_tier=tier, market="1X2", selection="home", in_play=False,
            implied_prob=closing, books_moved=books, public_news=self.r.random() < 0.15 and "odds_drift" not in mode,
            turnover=turnover, tier_median_turnover=median, observed_at=kickoff - dt.timedelta(hours=1),
        )
        if "odds_drift" in mode:
            self.label(closing_id, "SOC-28", "pre-match odds drift without news")
        if "turnover" in mode:
            self.label(closing_id, "SOC-30", "turnover anomaly on a low-tier match")
        divergent = mode & {"inplay_divergence", "referee_decisions"}
        if divergent or self.r.random() < (0.5 if tier == 1 else 0.3):
            model = round(self.r.uniform(0.2, 0.75), 3)
            sigma = round(self.r.uniform(0.04, 0.06), 3)
            gap = max(-1.8 * sigma, min(1.8 * sigma, self.r.gauss(0, 0.7 * sigma)))
            minutes = self.r.randint(0, 3)
            if divergent:
                gap, minutes = self.r.choice([1, -1]) * self.r.uniform(4.5, 6.0) * sigma, self.r.randint(7, 15)
            inplay = self.s.add(
                "betting_market", match_id=m["match_id"], league_tier=tier, market="total_goals", selection="over_2_5",
                in_play=True, implied_prob=round(min(0.97, max(0.03, model + gap)), 3), books_moved=self.r.randint(0, 5),
                public_news=False, model_prob=model, model_sigma=sigma, divergence_minutes=minutes,
                turnover=money(median * 0.6 * min(3.0, math.exp(self.r.gauss(0, 0.3))), 100), tier_median_turnover=median,
                observed_at=kickoff + dt.timedelta(minutes=self.r.randint(55, 75)),
            )
            if divergent:
                self.label(inplay, "SOC-29", "in-play market diverges from the model")
        self.bets(m)

    def new_account(self, age_days: int) -> tuple[str, str, int]:
        self.account_no += 1
        return f"ACC-{self.account_no}", f"DEV-{self.account_no * 7919 % 1000003:06X}", age_days

    def bets(self, m: dict) -> None:
        kickoff, mode = m["kickoff"], m["mode"]
        if self.r.random() < 0.35:
            for _ in range(self.r.randint(1, 3)):
                account, device, age = self.new_account(self.r.choice([self.r.randint(1, 29), self.r.randint(60, 2500), self.r.randint(60, 2500)]))
                self.s.add(
                    "bet", account_id=account, match_id=m["match_id"], selection=self.r.choice(["home", "draw", "away"]),
                    stake=money(math.exp(self.r.gauss(3.5, 1.0)), 5) + 5, account_age_days=age, device_id=device,
                    bettor_stakeholder_role="none", bettor_competition_linked=False,
                    placed_at=kickoff - dt.timedelta(minutes=self.r.randint(90, 1800)),
                )
        if "betting_ring" in mode:
            ring = self.r.choice([5, 6, 7])
            device = f"DEV-RING-{m['match_id'][-4:]}"
            first = kickoff - dt.timedelta(hours=self.r.randint(6, 12))
            for index in range(ring):
                self.account_no += 1
                bet = self.s.add(
                    "bet", account_id=f"ACC-{self.account_no}", match_id=m["match_id"], selection="away",
                    stake=money(self.r.uniform(700, 1500), 10), account_age_days=self.r.randint(1, 12), device_id=device,
                    bettor_stakeholder_role="none", bettor_competition_linked=False,
                    placed_at=first + dt.timedelta(minutes=25 * index + self.r.randint(0, 10)),
                )
                if index >= 4:
                    self.label(bet, "SOC-31", "coordinated new accounts on one device")
        if "insider_bet" in mode:
            role = {"PD1": self.r.choice(["player", "club_official"]), "D3": "referee"}[m["competition"]]
            account, device, age = self.new_account(self.r.randint(200, 900))
            bet = self.s.add(
                "bet", account_id=account, match_id=m["match_id"], selection=self.r.choice(["home", "away"]),
                stake=money(self.r.uniform(2000, 9000), 50), account_age_days=age, device_id=device,
                bettor_stakeholder_role=role, bettor_competition_linked=True,
                placed_at=kickoff - dt.timedelta(hours=self.r.randint(3, 20)),
            )
            self.label(bet, "SOC-32", f"insider betting by a {role}")

    # ================================================================ transfer market

    def transfers(self) -> None:
        kinds = (
            [("foreign", "PD1")] * 30 + [("PD1", "foreign")] * 20 + [("PD1", "PD1")] * 15 + [("D3", "PD1")] * 10
            + [("PD1", "D3")] * 10 + [("D3", "D3")] * 8 + [("foreign", "D3")] * 7
        )
        windows = [(dt.date(2025, 6, 10), dt.date(2025, 9, 1), 200), (dt.date(2026, 1, 2), dt.date(2026, 2, 2), 70)]
        for first, last, count in windows:
            for _ in range(count):
                origin, destination = self.r.choice(kinds)
                from_club = self.club_of(origin)
                to_club = self.club_of(destination, exclude=from_club)
                on = self.day(first, last)
                self.clean_transfer(from_club, to_club, on)

    def club_of(self, level: str, exclude: str | None = None) -> str:
        pool = {"PD1": PD1_CLUBS, "D3": D3_CLUBS, "foreign": sorted(FOREIGN)}[level]
        while True:
            club = self.r.choice(pool)
            if club != exclude:
                return club

    def value_for(self, from_club: str, to_club: str) -> int:
        if from_club in D3_CLUBS and to_club in D3_CLUBS:
            return money(math.exp(self.r.gauss(math.log(90000), 0.5)), 5000)
        return money(math.exp(self.r.gauss(math.log(1.6e6), 0.8)), 50000)

    def transfer(self, *, player: str, birth: dt.date, from_club: str, to_club: str, on: dt.date, fee: int, reference: int,
                 payee_is_releasing_club: bool = True, payee_country: str | None = None, associated: bool = False,
                 fmv_assessed: bool | None = None, fmv: int | None = None, agents: dict | None = None,
                 art19: str | None = None, approval: bool | None = None) -> tuple[str, str]:
        transfer_id = self.new_transfer_id(on)
        agents = agents or {}
        event_id = self.s.add(
            "transfer", transfer_id=transfer_id, player_id=player, player_birth_date=birth, from_club=from_club,
            to_club=to_club, from_country=self.country[from_club], to_country=self.country[to_club],
            international=self.country[from_club] != self.country[to_club], fee=fee, reference_value=reference,
            payee_is_releasing_club=payee_is_releasing_club if fee > 0 else None,
            payee_account_country=(payee_country or self.country[from_club]) if fee > 0 else None,
            associated_party=associated, fmv_assessed=fmv_assessed, fair_market_value=fmv,
            releasing_agent_id=agents.get("releasing"), player_agent_id=agents.get("player"),
            engaging_agent_id=agents.get("engaging"), dual_representation_consent=agents.get("consent"),
            art19_exception=art19, fifa_minor_approval=approval, agreed_on=on,
        )
        if fee > 0 and self.country[to_club] == HOME:
            self.instalments(transfer_id, from_club, to_club, fee, on)
        return event_id, transfer_id

    def instalments(self, transfer_id: str, from_club: str, to_club: str, fee: int, on: dt.date) -> None:
        parts = [(20, 0.5), (200, 0.5)] if self.country[from_club] == HOME else [(25, 1.0)]
        for delay, share in parts:
            paid = on + dt.timedelta(days=delay)
            if paid <= END:
                self.s.add("club_payment", payer_club=to_club, payee_club=from_club, amount=money(fee * share, 100),
                           purpose="transfer_instalment", tms_reference=transfer_id, paid_on=paid)

    def clean_transfer(self, from_club: str, to_club: str, on: dt.date) -> None:
        player, birth = self.new_player(19, 33, on)
        reference = self.value_for(from_club, to_club)
        fee = 0 if self.r.random() < 0.25 else money(reference * self.r.uniform(0.7, 1.35), 5000)
        associated = self.r.random() < 0.05 and fee > 0
        fmv = money(fee * self.r.uniform(0.95, 1.1), 5000) if associated else None
        agents = self.agent_roles()
        _, transfer_id = self.transfer(player=player, birth=birth, from_club=from_club, to_club=to_club, on=on, fee=fee,
                                       reference=reference, associated=associated, fmv_assessed=True if associated else None,
                                       fmv=fmv, agents=agents)
        self.agent_payments(transfer_id, player, from_club, to_club, fee, on, agents)
        if self.r.random() < 0.45:
            self.clauses(player, from_club, to_club, on, fee)

    def agent_roles(self) -> dict:
        roles: dict = {}
        used: set[str] = set()
        if self.r.random() < 0.7:
            roles["player"] = self.agent()
            used.add(roles["player"])
        if self.r.random() < 0.3:
            roles["releasing"] = self.agent(used)
            used.add(roles["releasing"])
        if "player" in roles and self.r.random() < 0.08:
            roles["engaging"] = roles["player"]
            roles["consent"] = True
        elif self.r.random() < 0.2:
            roles["engaging"] = self.agent(used)
        return roles

    def remuneration(self, to_club: str, foreign: bool) -> int:
        if to_club in D3_CLUBS:
            return money(self.r.uniform(30000, 120000), 1000)
        if foreign:
            return money(self.r.uniform(700000, 2500000), 10000)
        return money(self.r.uniform(150000, 520000), 5000)

    def agent_payments(self, transfer_id: str, player: str, from_club: str, to_club: str, fee: int, on: dt.date,
                       agents: dict, plant: dict | None = None) -> list[str]:
        """Fees for the agents of a transfer; ``plant`` bends one stream into a planted pattern."""
        plant = plant or {}
        made: list[str] = []
        if "releasing" in agents and fee > 0 and self.country[from_club] == HOME:
            agent = agents["releasing"]
            rate = plant.get("releasing_rate", self.r.uniform(0.03, 0.08))
            total = money(fee * rate, 500)
            made.append(self.s.add(
                "agent_payment", agent_id=agent, agent_country=self.agents[agent], transfer_id=transfer_id,
                client_role="releasing_club", client_id=from_club, client_country=HOME, payer_id=from_club,
                pay_on_behalf_consent=False, dual_representation=False, fee=total, agent_fee_total=total,
                transfer_compensation=fee, agent_licensed=plant.get("licensed", True), account_holder_id=agent,
                account_country=plant.get("account_country", self.agents[agent]), paid_on=on + dt.timedelta(days=self.r.randint(10, 30)),
            ))
        if self.country[to_club] != HOME:
            return made
        foreign = plant.get("foreign", self.r.random() < 0.4)
        annual = plant.get("annual", self.remuneration(to_club, foreign))
        years = self.r.choice([2, 3, 4])
        total_pay = annual * years
        start = dt.date(2025, 7, 1) if on < dt.date(2025, 12, 1) else dt.date(2026, 2, 1)
        streams = []
        if "player" in agents:
            dual = agents.get("engaging") == agents["player"]
            streams.append(("player", agents["player"], dual))
        if "engaging" in agents and agents.get("engaging") != agents.get("player"):
            streams.append(("engaging_club", agents["engaging"], False))
        for role, agent, dual in streams:
            if dual:
                cap = 0.06 if annual > 200000 else 0.10
                rate = plant.get("dual_rate", self.r.uniform(0.4, 0.8) * cap)
            else:
                cap = 0.03 if annual > 200000 else 0.05
                rate = plant.get("rate", self.r.uniform(0.45, 0.9) * cap) if role == "player" else self.r.uniform(0.4, 0.9) * cap
            fee_total = money(total_pay * rate, 100)
            quarters = years * 4
            client = player if role == "player" else to_club
            on_behalf = role == "player" and annual <= 200000 and self.r.random() < 0.5
            payer = to_club if on_behalf else client
            if role == "player" and "payer" in plant:
                payer, on_behalf = plant["payer"], False
            paid_quarters = [q for q in range(1, quarters + 1) if start + dt.timedelta(days=round(91.3 * q)) <= END]
            if role == "player" and plant.get("front_loaded"):
                paid_on = on + dt.timedelta(days=self.r.randint(3, 10))
                upfront = money(fee_total * plant["front_loaded"], 100)
                made.append(self.s.add(
                    "agent_payment", agent_id=agent, agent_country=self.agents[agent], transfer_id=transfer_id,
                    client_role=role, client_id=client, client_country=self.country.get(client, HOME), payer_id=payer,
                    pay_on_behalf_consent=on_behalf, dual_representation=dual, fee=upfront, agent_fee_total=fee_total,
                    annual_remuneration=annual, player_remuneration_total=total_pay, agent_fees_paid_to_date=upfront,
                    player_remuneration_paid_to_date=money(annual / 12, 100), agent_licensed=True, account_holder_id=agent,
                    account_country=self.agents[agent], paid_on=paid_on,
                ))
                continue
            for q in paid_quarters:
                paid_on = start + dt.timedelta(days=round(91.3 * q))
                instalment = fee_total / quarters
                made.append(self.s.add(
                    "agent_payment", agent_id=agent, agent_country=self.agents[agent], transfer_id=transfer_id,
                    client_role=role, client_id=client, client_country=self.country.get(client, HOME), payer_id=payer,
                    pay_on_behalf_consent=on_behalf, dual_representation=dual, fee=money(instalment, 10),
                    agent_fee_total=fee_total, annual_remuneration=annual, player_remuneration_total=total_pay,
                    agent_fees_paid_to_date=money(instalment * q, 10), player_remuneration_paid_to_date=money(annual / 4 * q, 10),
                    agent_licensed=True if role != "player" else plant.get("licensed", True),
                    account_holder_id=plant.get("account_holder", agent) if role == "player" else agent,
                    account_country=plant.get("account_country", self.agents[agent]) if role == "player" else self.agents[agent],
                    paid_on=paid_on,
                ))
        return made

    def clauses(self, player: str, from_club: str, to_club: str, on: dt.date, fee: int) -> None:
        self.contract_no += 1
        contract = f"CT-{on.year}-{self.contract_no:04d}"
        options = []
        if fee > 0:
            options.append(("sell_on", from_club, "previous_club", round(self.r.uniform(0.1, 0.25), 2), "none"))
            options.append(("buy_back", from_club, "previous_club", 0, "none"))
        options.append(("release_clause", player, "player", 0, "none"))
        options.append(("appearance_bonus", to_club, "current_club", 0, "none"))
        options.append(("future_transfer_share", player, "player", round(self.r.uniform(0.05, 0.15), 2), "none"))
        for clause_type, beneficiary, beneficiary_type, share, scope in self.r.sample(options, self.r.randint(1, 2)):
            self.s.add("contract_clause", contract_id=contract, club_id=to_club, player_id=player, clause_type=clause_type,
                       beneficiary_id=beneficiary, beneficiary_type=beneficiary_type, future_transfer_share=share,
                       influence_scope=scope, signed_on=on)

    def representation_agreements(self) -> None:
        for _ in range(140):
            signed = self.day(START, dt.date(2026, 6, 15))
            minor = self.r.random() < 0.12
            player, birth = self.new_player(16.2, 17.8, signed) if minor else self.new_player(18.5, 32, signed)
            if minor:
                earliest = birth + dt.timedelta(days=int(15.6 * 365.25))
                contact = max(earliest, signed - dt.timedelta(days=self.r.randint(10, 120)))
            else:
                contact = signed - dt.timedelta(days=self.r.randint(10, 200))
            self.s.add("representation_agreement", agent_id=self.agent(), player_id=player, player_birth_date=birth,
                       first_contact_on=contact, first_pro_contract_age=16,
                       guardian_written_consent=True if minor else None, agent_minors_cpd=True if minor else self.r.random() < 0.5,
                       signed_on=signed)

    def loans(self) -> None:
        """Clean loans: plenty of exempt youngsters; non-exempt loans kept at most 3 per club and 1 per pair."""
        out_count: Counter[str] = Counter()
        in_count: Counter[str] = Counter()
        reserved = {"CLB-OUT-IT1", "CLB-D3-16", "CLB-RIO", "CLB-MAR", "CLB-OLI", "CLB-D3-09", "CLB-D3-10", "CLB-D3-11"}
        lenders = [c for c in PD1_CLUBS + sorted(FOREIGN) if c not in reserved]
        borrowers = [c for c in D3_CLUBS + PD1_CLUBS + sorted(FOREIGN) if c not in reserved]
        pairs: Counter[tuple[str, str]] = Counter()
        for window_first, window_last, count in ((dt.date(2025, 7, 1), dt.date(2025, 8, 31), 80), (dt.date(2026, 1, 5), dt.date(2026, 1, 31), 30)):
            made = 0
            while made < count:
                lender = self.r.choice(lenders)
                borrower = self.r.choice(borrowers)
                if lender == borrower or (self.country[lender] != HOME and self.country[borrower] != HOME):
                    continue
                exempt = self.r.random() < 0.6
                club_trained = exempt and self.r.random() < 0.3
                age = self.r.randint(18, 21) if exempt and not club_trained else self.r.randint(22, 30)
                if not exempt and (out_count[lender] >= 3 or in_count[borrower] >= 3 or pairs[(lender, borrower)] >= 1):
                    continue
                if not exempt:
                    out_count[lender] += 1
                    in_count[borrower] += 1
                    pairs[(lender, borrower)] += 1
                starts = self.day(window_first, window_last)
                self.loan(lender, borrower, age, club_trained, starts, dt.date(2026, 6, 30))
                made += 1

    def loan(self, lender: str, borrower: str, age: int, club_trained: bool, starts: dt.date, ends: dt.date, sub_loan: bool = False) -> str:
        self.loan_no += 1
        self.player_no += 1
        return self.s.add("loan", loan_id=f"LN-{self.loan_no:04d}", player_id=f"PL-{self.player_no}", lending_club=lender,
                          borrowing_club=borrower, season=SEASON, player_age=age, club_trained=club_trained, sub_loan=sub_loan,
                          starts_on=starts, ends_on=ends)

    # ================================================================ club money

    def player_payments(self) -> None:
        # image rights paid by the employer each quarter, well under a fifth of total pay
        for club in PD1_CLUBS:
            for _ in range(3):
                foreign = self.r.random() < 0.6
                self.player_no += 1
                player = f"PL-{self.player_no}"
                salary = money(self.r.uniform(900000, 2600000) if foreign else self.r.uniform(250000, 600000), 5000)
                image = salary * self.r.uniform(0.05, 0.14)
                company, country = f"CO-IMG-{self.player_no}", self.r.choice(IMAGE_COUNTRIES)
                for quarter in (dt.date(2025, 9, 30), dt.date(2025, 12, 31), dt.date(2026, 3, 31), dt.date(2026, 6, 30)):
                    self.s.add("player_payment", player_id=player, employer_club_id=club, payer_id=club, payer_is_employer=True,
                               payer_linked_to_club=True, payee_id=company, payee_country=country, payment_type="image_rights",
                               amount=money(image / 4, 100), annual_contract_salary=salary, foreign_player=foreign,
                               salary_cap_applies=True, paid_on=quarter)
                if self.r.random() < 0.5:
                    self.s.add("player_payment", player_id=player, employer_club_id=club, payer_id=club, payer_is_employer=True,
                               payer_linked_to_club=True, payee_id=player, payee_country=HOME, payment_type="bonus",
                               amount=money(salary * self.r.uniform(0.03, 0.1), 500), annual_contract_salary=salary,
                               foreign_player=foreign, salary_cap_applies=True, paid_on=self.day(dt.date(2025, 9, 1), dt.date(2026, 6, 1)))
        # modest ambassador fees from companies of the clubs' owners, kept under the cap
        for _ in range(30):
            club = self.r.choice(PD1_CLUBS)
            self.player_no += 1
            player = f"PL-{self.player_no}"
            foreign = self.r.random() < 0.3
            salary = money(self.r.uniform(1.2e6, 2.4e6) if foreign else self.r.uniform(150000, 480000), 5000)
            for _ in range(self.r.randint(1, 2)):
                self.s.add("player_payment", player_id=player, employer_club_id=club, payer_id=f"CO-{club[4:]}-MEDIA",
                           payer_is_employer=False, payer_linked_to_club=True, payee_id=player, payee_country=HOME,
                           payment_type="ambassador_fee", amount=money(self.r.uniform(15000, 60000), 500),
                           annual_contract_salary=salary, foreign_player=foreign, salary_cap_applies=True,
                           paid_on=self.day(dt.date(2025, 8, 1), dt.date(2026, 6, 15)))
        # third-tier players: bonuses and appearance money, no cap
        for _ in range(70):
            club = self.r.choice(D3_CLUBS)
            self.player_no += 1
            salary = money(self.r.uniform(25000, 90000), 500)
            self.s.add("player_payment", player_id=f"PL-{self.player_no}", employer_club_id=club, payer_id=club,
                       payer_is_employer=True, payer_linked_to_club=True, payee_id=f"PL-{self.player_no}", payee_country=HOME,
                       payment_type="bonus", amount=money(salary * self.r.uniform(0.02, 0.1), 100), annual_contract_salary=salary,
                       foreign_player=self.r.random() < 0.2, salary_cap_applies=False, paid_on=self.day(dt.date(2025, 9, 1), dt.date(2026, 6, 1)))

    def ownership(self) -> None:
        groups = {}
        for club in PD1_CLUBS + D3_CLUBS:
            groups[club] = f"HOLD-{club[4:]}"
        # a multi-club group with one club in each league is allowed
        groups["CLB-D3-07"] = groups["CLB-KEL"]
        for club in PD1_CLUBS + D3_CLUBS:
            self.controller[club] = groups[club]
            injection = 0 if self.r.random() < 0.7 else money(self.revenue[club] * self.r.uniform(0.02, 0.18), 10000)
            self.s.add("club_ownership", club_id=club, competition_id="PD1" if club in PD1_CLUBS else "D3", season=SEASON,
                       controller_id=groups[club], ubo_identified=True, ownership_layers=self.r.choice([1, 1, 2]),
                       holding_country=self.r.choice([HOME, HOME, HOME, "ES", "LU", "GB", "US"]), owner_is_pep=False,
                       owner_state_linked=False, sanctions_hit=False, corruption_conviction=False, capital_injection=injection,
                       club_revenue=int(self.revenue[club]), source_of_funds_documented=True if injection else None,
                       recorded_on=dt.date(2025, 7, 15))

    def sponsorships(self) -> None:
        for _ in range(95):
            club = self.r.choice(PD1_CLUBS + D3_CLUBS)
            self.deal_no += 1
            revenue = self.revenue[club]
            value = money(revenue * self.r.uniform(0.01, 0.12), 10000)
            associated = self.r.random() < 0.12
            small = value <= min(1000000, 0.05 * revenue)
            assessed = True if associated and not small else (self.r.random() < 0.5 if associated else False)
            fmv = money(value / self.r.uniform(0.85, 1.3), 10000) if assessed else None
            self.s.add("sponsorship", deal_id=f"SP-2025-{self.deal_no:03d}", club_id=club, sponsor_id=f"CO-SPN-{self.r.randint(100, 999)}",
                       annual_value=value, associated_party=associated, fmv_assessed=assessed, fair_market_value=fmv,
                       sponsor_revenue=money(value * self.r.uniform(8, 400), 100000), club_revenue=int(revenue),
                       signed_on=self.day(START, dt.date(2026, 5, 31)))

    def club_seasons(self) -> dict[str, dict]:
        figures = {}
        for season, end in (("2024/25", dt.date(2025, 6, 30)), ("2025/26", dt.date(2026, 6, 30))):
            for club in PD1_CLUBS + D3_CLUBS:
                top = club in PD1_CLUBS
                revenue = self.revenue[club] * self.r.uniform(0.9, 1.1)
                median = 0.10 if top else 0.06
                cash_median = 3.1 if top else 1.8
                attendance = int(self.r.uniform(180000, 420000) if top else self.r.uniform(12000, 40000))
                spend = revenue * self.r.uniform(0.08, 0.3)
                figures[(club, season)] = dict(
                    club_id=club, season=season, competition_id="PD1" if top else "D3", club_revenue=money(revenue, 10000),
                    squad_cost=money(revenue * self.r.uniform(0.45, 0.64), 10000),
                    agent_fees_total=money(spend * median * self.r.uniform(0.6, 1.6), 1000), transfer_spend=money(spend, 10000),
                    league_agent_fee_ratio_median=median, overdue_payables=0,
                    cash_matchday_revenue=money(attendance * cash_median * self.r.uniform(0.7, 1.6), 1000), attendance=attendance,
                    league_cash_per_attendee_median=cash_median, season_end=end,
                )
        return figures

    def club_payments_clean(self) -> None:
        for _ in range(25):
            domestic = self.r.choice(PD1_CLUBS + D3_CLUBS)
            other = self.r.choice(sorted(FOREIGN))
            payer, payee = (domestic, other) if self.r.random() < 0.5 else (other, domestic)
            self.s.add("club_payment", payer_club=payer, payee_club=payee, amount=money(self.r.uniform(20000, 250000), 1000),
                       purpose=self.r.choice(["friendly_match_fee", "youth_tournament", "training_camp"]), paid_on=self.day(START, END))
        for _ in range(10):  # first tier to third tier: the clubs never meet
            self.s.add("club_payment", payer_club=self.r.choice(PD1_CLUBS), payee_club=self.r.choice(D3_CLUBS),
                       amount=money(self.r.uniform(10000, 80000), 1000), purpose="friendly_match_fee", paid_on=self.day(START, END))

    def official_payments_clean(self) -> None:
        month_ends = [dt.date(2025, month + 1, 1) - dt.timedelta(days=1) for month in range(8, 12)]
        month_ends += [dt.date(2025, 12, 31)] + [dt.date(2026, month + 1, 1) - dt.timedelta(days=1) for month in range(1, 6)]
        for month in month_ends:
            for ref in self.referee_ids["PD1"]:
                self.s.add("official_payment", payer_id="ASSOC-FPF", payer_type="association", payee_id=ref, payee_role="referee",
                           channel="association_clearing", purpose="match_fees", amount=money(self.r.uniform(4000, 9000), 50), paid_on=month)
            if month.month in (10, 12, 3, 5):
                for ref in self.referee_ids["D3"]:
                    self.s.add("official_payment", payer_id="ASSOC-FPF", payer_type="association", payee_id=ref,
                               payee_role="referee", channel="association_clearing", purpose="match_fees",
                               amount=money(self.r.uniform(1500, 3500), 50), paid_on=month)
        # salaries of association officials and the national coach
        for payee, role in (("NTC-01", "national_team_coach"), ("OFF-FPF-01", "association_official"), ("OFF-FPF-02", "association_official")):
            for quarter in (dt.date(2025, 9, 30), dt.date(2025, 12, 31), dt.date(2026, 3, 31), dt.date(2026, 6, 30)):
                self.s.add("official_payment", payer_id="ASSOC-FPF", payer_type="association", payee_id=payee, payee_role=role,
                           channel="association_clearing", purpose="salary", amount=money(self.r.uniform(60000, 90000), 500),
                           paid_on=quarter)
        # clubs refunding a referee's travel for a friendly, through the association clearing
        for _ in range(12):
            self.s.add("official_payment", payer_id=self.r.choice(PD1_CLUBS + D3_CLUBS), payer_type="club",
                       payee_id=self.r.choice(self.referee_ids["PD1"] + self.referee_ids["D3"]), payee_role="referee",
                       channel="association_clearing", purpose="travel_expenses", amount=money(self.r.uniform(200, 900), 10),
                       paid_on=self.day(START, END))

    def appointments_clean(self) -> None:
        positions = ["u21_head_coach", "u19_head_coach", "referee_committee_member", "technical_director", "women_head_coach",
                     "futsal_head_coach", "selection_panel_member", "u17_head_coach"]
        for index in range(14):
            self.s.add("appointment", appointee_id=f"COACH-{index + 1:03d}", appointee_club_id=self.r.choice(PD1_CLUBS + D3_CLUBS),
                       decision_maker_id=self.r.choice(["OFF-FPF-01", "OFF-FPF-02"]), position=positions[index % len(positions)],
                       appointed_on=self.day(dt.date(2025, 6, 15), dt.date(2026, 6, 15)))

    def selections(self, planted: dict[dt.date, list[dict]]) -> None:
        # clubs and agents that paid the coach are kept out of the clean call-ups (their call-ups would be flagged too)
        payers = {payer for entries in planted.values() for entry in entries for payer in entry["payers"]}
        clubs = [club for club in PD1_CLUBS * 3 + sorted(FOREIGN) if club not in payers]
        for window in (dt.date(2025, 8, 28), dt.date(2025, 10, 2), dt.date(2025, 11, 6), dt.date(2026, 3, 12)):
            for _ in range(23 - len(planted.get(window, []))):
                self.player_no += 1
                self.s.add("squad_selection", player_id=f"PL-{self.player_no}", player_club_id=self.r.choice(clubs),
                           player_agent_id=self.agent(payers), selector_id="NTC-01", announced_on=window)

    # ================================================================ planted patterns

    def plant_transfer_market(self) -> None:
        r = self.r

        def domestic_transfer_base(on: dt.date, from_club: str | None = None, to_club: str | None = None):
            from_club = from_club or r.choice(PD1_CLUBS)
            to_club = to_club or self.club_of("PD1", exclude=from_club)
            player, birth = self.new_player(21, 30, on)
            reference = money(r.uniform(1.5e6, 6e6), 50000)
            return from_club, to_club, player, birth, reference

        # SOC-01 releasing-club agent fee above 10% of the compensation
        for on in (dt.date(2025, 7, 8), dt.date(2025, 8, 12), dt.date(2026, 1, 20)):
            from_club, to_club, player, birth, reference = domestic_transfer_base(on)
            agents = {"releasing": self.agent()}
            fee = money(reference * r.uniform(0.9, 1.1), 50000)
            _, transfer_id = self.transfer(player=player, birth=birth, from_club=from_club, to_club=to_club, on=on, fee=fee,
                                           reference=reference, agents=agents)
            for event in self.agent_payments(transfer_id, player, from_club, to_club, fee, on, agents, plant={"releasing_rate": r.uniform(0.14, 0.2)}):
                self.label(event, "SOC-01", "releasing-club agent fee above the (suspended) FFAR cap")
        # SOC-02 player agent fee above 3% of a high remuneration
        for on in (dt.date(2025, 6, 25), dt.date(2025, 7, 30), dt.date(2025, 8, 20)):
            from_club, to_club, player, birth, reference = domestic_transfer_base(on)
            agents = {"player": self.agent()}
            fee = money(reference * r.uniform(0.9, 1.1), 50000)
            _, transfer_id = self.transfer(player=player, birth=birth, from_club=from_club, to_club=to_club, on=on, fee=fee,
                                           reference=reference, agents=agents)
            for event in self.agent_payments(transfer_id, player, from_club, to_club, fee, on, agents,
                                             plant={"rate": r.uniform(0.05, 0.08), "foreign": True}):
                self.label(event, "SOC-02", "player agent fee above the (suspended) FFAR cap")
        # SOC-47 dual representation above 6%
        for on in (dt.date(2025, 7, 3), dt.date(2025, 8, 1), dt.date(2025, 8, 26)):
            from_club, to_club, player, birth, reference = domestic_transfer_base(on)
            agent = self.agent()
            agents = {"player": agent, "engaging": agent, "consent": True}
            fee = money(reference * r.uniform(0.9, 1.1), 50000)
            _, transfer_id = self.transfer(player=player, birth=birth, from_club=from_club, to_club=to_club, on=on, fee=fee,
                                           reference=reference, agents=agents)
            for event in self.agent_payments(transfer_id, player, from_club, to_club, fee, on, agents,
                                             plant={"dual_rate": r.uniform(0.08, 0.11), "foreign": True}):
                self.label(event, "SOC-47", "dual-representation fee above the (suspended) FFAR cap")
        # SOC-03 one agent on both sides
        for on, shape in ((dt.date(2025, 7, 16), "releasing=player"), (dt.date(2025, 8, 22), "releasing=engaging"), (dt.date(2026, 1, 14), "no consent")):
            from_club, to_club, player, birth, reference = domestic_transfer_base(on)
            agent = self.agent()
            if shape == "releasing=player":
                agents = {"releasing": agent, "player": agent}
            elif shape == "releasing=engaging":
                agents = {"releasing": agent, "engaging": agent, "player": self.agent({agent})}
            else:
                agents = {"player": agent, "engaging": agent, "consent": False}
            event, _ = self.transfer(player=player, birth=birth, from_club=from_club, to_club=to_club, on=on,
                                     fee=money(reference * r.uniform(0.9, 1.1), 50000), reference=reference, agents=agents)
            self.label(event, "SOC-03", f"multiple representation ({shape})")
        # SOC-04 unlicensed agent; SOC-05 non-client payer or third-party account; SOC-46 offshore account
        plants = [
            ("SOC-04", "unlicensed agent paid", {"licensed": False}),
            ("SOC-04", "unlicensed agent paid", {"licensed": False}),
            ("SOC-04", "unlicensed agent paid", {"licensed": False}),
            ("SOC-05", "agent fee paid by the engaging club without consent", {"payer": "CLUB"}),
            ("SOC-05", "agent fee paid by the engaging club without consent", {"payer": "CLUB"}),
            ("SOC-05", "agent fee paid into a company account", {"account_holder": "CO-AGENCY-HOLD"}),
            ("SOC-46", "agent fee paid to a secrecy jurisdiction", {"account_country": "VG"}),
            ("SOC-46", "agent fee paid to a secrecy jurisdiction", {"account_country": "AE"}),
            ("SOC-46", "agent fee paid to an unconnected country", {"account_country": "CH"}),
        ]
        for index, (flag, pattern, plant) in enumerate(plants):
            on = dt.date(2025, 7, 1) + dt.timedelta(days=7 * index)
            from_club, to_club, player, birth, reference = domestic_transfer_base(on)
            agents = {"player": self.agent()}
            if plant.get("payer") == "CLUB":
                plant = {"payer": to_club}
            if flag == "SOC-46":
                agents = {"player": r.choice([a for a in self.agent_ids if self.agents[a] == HOME])}
            fee = money(reference * r.uniform(0.9, 1.1), 50000)
            _, transfer_id = self.transfer(player=player, birth=birth, from_club=from_club, to_club=to_club, on=on, fee=fee,
                                           reference=reference, agents=agents)
            plant = dict(plant, foreign=True)
            for event in self.agent_payments(transfer_id, player, from_club, to_club, fee, on, agents, plant=plant):
                self.label(event, flag, pattern)
        # compound: an unlicensed agent paid by the engaging club into an account in the Emirates
        for on in (dt.date(2025, 8, 11), dt.date(2026, 1, 23)):
            from_club, to_club, player, birth, reference = domestic_transfer_base(on)
            agents = {"player": r.choice([a for a in self.agent_ids if self.agents[a] == HOME])}
            fee = money(reference * r.uniform(0.9, 1.1), 50000)
            _, transfer_id = self.transfer(player=player, birth=birth, from_club=from_club, to_club=to_club, on=on, fee=fee,
                                           reference=reference, agents=agents)
            for event in self.agent_payments(transfer_id, player, from_club, to_club, fee, on, agents,
                                             plant={"licensed": False, "payer": to_club, "account_country": "AE", "foreign": True}):
                self.label(event, "SOC-04", "agent kickback: unlicensed agent")
                self.label(event, "SOC-05", "agent kickback: paid by the engaging club without consent")
                self.label(event, "SOC-46", "agent kickback: account in a secrecy jurisdiction")
        # SOC-06 front-loaded agent fee
        for on in (dt.date(2025, 7, 21), dt.date(2025, 8, 8), dt.date(2026, 1, 26)):
            from_club, to_club, player, birth, reference = domestic_transfer_base(on)
            agents = {"player": self.agent()}
            fee = money(reference * r.uniform(0.9, 1.1), 50000)
            _, transfer_id = self.transfer(player=player, birth=birth, from_club=from_club, to_club=to_club, on=on, fee=fee,
                                           reference=reference, agents=agents)
            for event in self.agent_payments(transfer_id, player, from_club, to_club, fee, on, agents,
                                             plant={"front_loaded": r.uniform(0.5, 0.7)}):
                self.label(event, "SOC-06", "agent fee paid ahead of the player's remuneration")
        # SOC-08 bridge transfers through a foreign club
        for first, gap, (origin, bridge, destination) in (
            (dt.date(2025, 6, 12), 70, ("CLB-OUT-AR1", "CLB-OUT-UY1", "CLB-ARD")),
            (dt.date(2025, 6, 20), 95, ("CLB-OUT-BR2", "CLB-OUT-CY1", "CLB-ELV")),
            (dt.date(2025, 10, 20), 100, ("CLB-OUT-NG1", "CLB-OUT-BE2", "CLB-D3-03")),
        ):
            player, birth = self.new_player(19, 23, first)
            reference = money(r.uniform(0.8e6, 3e6), 50000)
            self.transfer(player=player, birth=birth, from_club=origin, to_club=bridge, on=first, fee=money(reference * 0.55, 5000),
                          reference=reference)
            event, _ = self.transfer(player=player, birth=birth, from_club=bridge, to_club=destination, on=first + dt.timedelta(days=gap),
                                     fee=money(reference * 1.05, 5000), reference=reference)
            self.label(event, "SOC-08", "bridge transfer within 16 weeks")
        # compound: a bridge club sells on at an inflated price and the money goes to Panama
        first = dt.date(2025, 6, 15)
        player, birth = self.new_player(20, 23, first)
        reference = money(r.uniform(1e6, 2e6), 50000)
        self.transfer(player=player, birth=birth, from_club="CLB-OUT-CO1", to_club="CLB-OUT-UY2", on=first,
                      fee=money(reference * 0.6, 5000), reference=reference)
        event, _ = self.transfer(player=player, birth=birth, from_club="CLB-OUT-UY2", to_club="CLB-RIO", on=first + dt.timedelta(days=52),
                                 fee=money(reference * 2.2, 5000), reference=reference, payee_country="PA")
        self.label(event, "SOC-08", "laundering through a bridge club: bridge transfer")
        self.label(event, "SOC-09", "laundering through a bridge club: inflated fee")
        self.label(event, "SOC-12", "laundering through a bridge club: fee paid to Panama")
        # SOC-09 fee far from the reference value
        for on, ratio in ((dt.date(2025, 7, 11), 2.3), (dt.date(2025, 8, 19), 2.0), (dt.date(2026, 1, 9), 0.3)):
            from_club, to_club, player, birth, reference = domestic_transfer_base(on)
            event, _ = self.transfer(player=player, birth=birth, from_club=from_club, to_club=to_club, on=on,
                                     fee=money(reference * ratio, 50000), reference=reference)
            self.label(event, "SOC-09", "overvalued transfer" if ratio > 1 else "undervalued transfer")
        # SOC-10 round trips: out in the summer, back in the winter at another price
        for out_day, back_day, home, away, change in (
            (dt.date(2025, 7, 2), dt.date(2026, 1, 12), "CLB-JUN", "CLB-D3-12", 1.7),
            (dt.date(2025, 7, 28), dt.date(2026, 1, 22), "CLB-IRN", "CLB-OUT-GR1", 1.6),
            (dt.date(2025, 8, 6), dt.date(2026, 1, 29), "CLB-PAR", "CLB-KEL", 0.5),
        ):
            player, birth = self.new_player(22, 28, out_day)
            reference = money(r.uniform(0.8e6, 2e6), 50000)
            out_fee = money(reference, 5000)
            self.transfer(player=player, birth=birth, from_club=home, to_club=away, on=out_day, fee=out_fee, reference=reference)
            event, _ = self.transfer(player=player, birth=birth, from_club=away, to_club=home, on=back_day,
                                     fee=money(out_fee * change, 5000), reference=money(reference * (1.2 if change > 1 else 0.8), 5000))
            self.label(event, "SOC-10", "round-trip transfer at a different price")
        # SOC-11 associated-party transfers
        for on, assessed in ((dt.date(2025, 7, 9), True), (dt.date(2025, 8, 14), True), (dt.date(2026, 1, 16), False)):
            from_club, to_club, player, birth, reference = domestic_transfer_base(on)
            fmv = reference
            event, _ = self.transfer(player=player, birth=birth, from_club=from_club, to_club=to_club, on=on,
                                     fee=money(fmv * r.uniform(1.3, 1.45), 50000), reference=reference, associated=True,
                                     fmv_assessed=assessed, fmv=fmv if assessed else None)
            self.label(event, "SOC-11", "associated-party transfer above fair market value" if assessed else "associated-party transfer without FMV assessment")
        # SOC-12 transfer fee diverted
        for on, payee_club, country in ((dt.date(2025, 7, 24), False, None), (dt.date(2025, 8, 29), False, None), (dt.date(2026, 1, 30), True, "PA")):
            from_club, _, player, birth, reference = domestic_transfer_base(on)
            to_club = r.choice(["CLB-OUT-TR1", "CLB-OUT-SA1", "CLB-OUT-GB2"])
            event, _ = self.transfer(player=player, birth=birth, from_club=from_club, to_club=to_club, on=on,
                                     fee=money(reference, 50000), reference=reference, payee_is_releasing_club=payee_club,
                                     payee_country=country)
            self.label(event, "SOC-12", "transfer fee paid to a secrecy jurisdiction" if country else "transfer fee paid to a non-club payee")
        # SOC-13 third-party ownership, SOC-14 third-party influence
        for on, beneficiary, kind, share in ((dt.date(2025, 7, 14), "FUND-ATLAS", "investment_fund", 0.3),
                                            (dt.date(2025, 8, 25), "AG-0042", "agent", 0.2),
                                            (dt.date(2026, 1, 21), "CO-GLOBAL-SPORTS", "company", 0.5)):
            club = r.choice(PD1_CLUBS)
            self.player_no += 1
            self.contract_no += 1
            event = self.s.add("contract_clause", contract_id=f"CT-{on.year}-{self.contract_no:04d}", club_id=club,
                               player_id=f"PL-{self.player_no}", clause_type="economic_rights_share", beneficiary_id=beneficiary,
                               beneficiary_type=kind, future_transfer_share=share, influence_scope="none", signed_on=on)
            self.label(event, "SOC-13", "third-party ownership of economic rights")
        for on, beneficiary, kind, clause, scope in ((dt.date(2025, 7, 19), "CLB-OUT-ES2", "previous_club", "minimum_starts", "line_up"),
                                                     (dt.date(2025, 8, 27), "FUND-ATLAS", "investment_fund", "transfer_veto", "transfer_decisions"),
                                                     (dt.date(2026, 1, 27), "CLB-OUT-IT2", "other_club", "no_play_against", "selection")):
            club = r.choice(PD1_CLUBS)
            self.player_no += 1
            self.contract_no += 1
            event = self.s.add("contract_clause", contract_id=f"CT-{on.year}-{self.contract_no:04d}", club_id=club,
                               player_id=f"PL-{self.player_no}", clause_type=clause, beneficiary_id=beneficiary,
                               beneficiary_type=kind, future_transfer_share=0, influence_scope=scope, signed_on=on)
            self.label(event, "SOC-14", "clause giving a counter-club or third party influence")
        # SOC-15 minors moved internationally
        for on, origin, age, exception, approval in ((dt.date(2025, 7, 25), "CLB-OUT-NG1", 16.4, "none", False),
                                                     (dt.date(2025, 8, 18), "CLB-OUT-BR3", 16.9, "none", False),
                                                     (dt.date(2026, 1, 13), "CLB-OUT-ES3", 15.3, "eu_eea_16_18", True)):
            player, birth = self.new_player(age, age, on)
            reference = money(r.uniform(50000, 300000), 5000)
            event, _ = self.transfer(player=player, birth=birth, from_club=origin, to_club=r.choice(PD1_CLUBS), on=on,
                                     fee=reference, reference=reference, art19=exception, approval=approval)
            self.label(event, "SOC-15", "international transfer of a minor without a valid exception")
        # clean minors moving within the EU with the exception and FIFA approval
        for on, origin in ((dt.date(2025, 7, 7), "CLB-OUT-ES1"), (dt.date(2025, 8, 4), "CLB-OUT-FR2"), (dt.date(2026, 1, 19), "CLB-OUT-BE1")):
            player, birth = self.new_player(16.3, 17.7, on)
            reference = money(r.uniform(50000, 300000), 5000)
            self.transfer(player=player, birth=birth, from_club=origin, to_club=r.choice(PD1_CLUBS), on=on, fee=reference,
                          reference=reference, art19="eu_eea_16_18", approval=True)
        # SOC-16 agents and minors
        for signed, contact_age, consent, cpd, pattern in ((dt.date(2025, 9, 3), 14.6, True, True, "approach too early"),
                                                           (dt.date(2025, 11, 12), 15.8, False, True, "no guardian consent"),
                                                           (dt.date(2026, 2, 18), 15.9, True, False, "agent without minors training")):
            player, birth = self.new_player(16.3, 16.9, signed)
            event = self.s.add("representation_agreement", agent_id=self.agent(), player_id=player, player_birth_date=birth,
                               first_contact_on=birth + dt.timedelta(days=int(contact_age * 365.25)), first_pro_contract_age=16,
                               guardian_written_consent=consent, agent_minors_cpd=cpd, signed_on=signed)
            self.label(event, "SOC-16", f"agent and minor: {pattern}")

    def plant_loans(self) -> None:
        r = self.r
        # SOC-17: a foreign club parks eight non-exempt players with eight third-tier clubs; a third-tier club takes seven
        starts = dt.date(2025, 7, 3)
        borrowers = [c for c in D3_CLUBS if c not in ("CLB-D3-16", "CLB-D3-09", "CLB-D3-10", "CLB-D3-11")]
        for index, borrower in enumerate(borrowers[:8]):
            event = self.loan("CLB-OUT-IT1", borrower, r.randint(23, 29), False, starts + dt.timedelta(days=4 * index), dt.date(2026, 6, 30))
            if index >= 6:
                self.label(event, "SOC-17", "more than six players loaned out")
        lenders = ["CLB-OUT-FR1", "CLB-OUT-DE2", "CLB-OUT-NL1", "CLB-OUT-GB1", "CLB-OUT-BR1", "CLB-OUT-TR1", "CLB-OUT-GR1"]
        for index, lender in enumerate(lenders):
            event = self.loan(lender, "CLB-D3-16", r.randint(22, 30), False, dt.date(2025, 7, 10) + dt.timedelta(days=5 * index), dt.date(2026, 6, 30))
            if index >= 6:
                self.label(event, "SOC-17", "more than six players loaned in")
        # SOC-39: four non-exempt loans between the same two clubs
        for lender, borrower, first in (("CLB-RIO", "CLB-D3-09", dt.date(2025, 7, 6)), ("CLB-MAR", "CLB-D3-10", dt.date(2025, 7, 15)),
                                        ("CLB-OLI", "CLB-D3-11", dt.date(2026, 1, 6))):
            for index in range(4):
                event = self.loan(lender, borrower, r.randint(22, 28), False, first + dt.timedelta(days=6 * index), dt.date(2026, 6, 30))
                if index == 3:
                    self.label(event, "SOC-39", "more than three loans between the same clubs")
        # SOC-40: sub-loans and a two-year loan (exempt youngsters, so no count flag)
        for lender, borrower, sub, ends in (("CLB-D3-02", "CLB-OUT-CY1", True, dt.date(2026, 6, 30)),
                                            ("CLB-OUT-SA1", "CLB-D3-06", True, dt.date(2026, 6, 30)),
                                            ("CLB-GRN", "CLB-D3-14", False, dt.date(2027, 6, 30))):
            event = self.loan(lender, borrower, r.randint(19, 21), False, self.day(dt.date(2025, 7, 20), dt.date(2025, 8, 25)), ends, sub_loan=sub)
            self.label(event, "SOC-40", "sub-loan" if sub else "loan longer than one year")

    def plant_club_money(self, seasons: dict) -> None:
        r = self.r
        # SOC-18: linked companies push capped players above the cap
        for club, foreign, salary, payments in (("CLB-ARD", False, 500000, [100000, 100000, 120000]),
                                                ("CLB-ELV", False, 450000, [150000, 150000]),
                                                ("CLB-IRN", True, 2800000, [150000, 150000])):
            self.player_no += 1
            player = f"PL-{self.player_no}"
            paid, cumulative = dt.date(2025, 8, 20), 0
            for amount in payments:
                cumulative += amount
                event = self.s.add("player_payment", player_id=player, employer_club_id=club, payer_id=f"CO-{club[4:]}-TRADING",
                                   payer_is_employer=False, payer_linked_to_club=True, payee_id=f"CO-PL{self.player_no}",
                                   payee_country=HOME, payment_type="consultancy", amount=amount, annual_contract_salary=salary,
                                   foreign_player=foreign, salary_cap_applies=True, paid_on=paid)
                cap = 3000000 if foreign else 650000
                if salary + cumulative > cap:
                    self.label(event, "SOC-18", "salary-cap circumvention through a linked company")
                paid += dt.timedelta(days=r.randint(60, 90))
        # SOC-19: image rights offshore or out of proportion
        for club, salary, amount, country in (("CLB-BRV", 600000, 30000, "KY"), ("CLB-HEL", 350000, 25000, "VG"),
                                              ("CLB-NOR", 500000, 300000, HOME)):
            self.player_no += 1
            event = self.s.add("player_payment", player_id=f"PL-{self.player_no}", employer_club_id=club, payer_id=club,
                               payer_is_employer=True, payer_linked_to_club=True, payee_id=f"CO-IMG-{self.player_no}",
                               payee_country=country, payment_type="image_rights", amount=amount, annual_contract_salary=salary,
                               foreign_player=False, salary_cap_applies=True, paid_on=self.day(dt.date(2025, 9, 1), dt.date(2026, 5, 31)))
            self.label(event, "SOC-19", "image rights paid offshore" if country != HOME else "image rights out of proportion to salary")
        # ownership changes: SOC-20 opaque, SOC-41 injection, SOC-21 PEP, SOC-22 sanctions, SOC-23 multi-club
        base = dict(season=SEASON, ubo_identified=True, ownership_layers=1, holding_country=HOME, owner_is_pep=False,
                    owner_state_linked=False, sanctions_hit=False, corruption_conviction=False, capital_injection=0)
        changes = [
            ("CLB-CAS", "SOC-20", "opaque ownership: owner not identified", dict(ubo_identified=False, ownership_layers=2, holding_country="LU")),
            ("CLB-D3-04", "SOC-20", "opaque ownership: four holding layers", dict(ownership_layers=4, holding_country="NL")),
            ("CLB-QUI", "SOC-20", "opaque ownership: holding in a secrecy jurisdiction", dict(ownership_layers=2, holding_country="BS")),
            ("CLB-DOU", "SOC-41", "capital injection without source of funds", dict(capital_injection="0.45", source_of_funds_documented=False)),
            ("CLB-D3-13", "SOC-41", "capital injection without source of funds", dict(capital_injection="0.6", source_of_funds_documented=False)),
            ("CLB-LUZ", "SOC-41", "capital injection without source of funds", dict(capital_injection="0.35", source_of_funds_documented=False)),
            ("CLB-ELV", "SOC-21", "politically exposed owner", dict(owner_is_pep=True)),
            ("CLB-D3-15", "SOC-21", "politically exposed owner", dict(owner_is_pep=True)),
            ("CLB-FAL", "SOC-21", "state-linked owner", dict(owner_state_linked=True)),
            ("CLB-MAR", "SOC-22", "sanctioned owner", dict(sanctions_hit=True)),
            ("CLB-D3-08", "SOC-22", "owner convicted of corruption", dict(corruption_conviction=True)),
            ("CLB-PAR", "SOC-22", "sanctioned owner", dict(sanctions_hit=True)),
        ]
        for index, (club, flag, pattern, fields) in enumerate(changes):
            record = dict(base, **fields)
            if isinstance(record["capital_injection"], str):
                record["capital_injection"] = money(self.revenue[club] * float(record["capital_injection"]), 10000)
            event = self.s.add("club_ownership", club_id=club, competition_id="PD1" if club in PD1_CLUBS else "D3",
                               controller_id=f"HOLD-NEW-{index + 1:02d}", club_revenue=int(self.revenue[club]),
                               recorded_on=dt.date(2025, 9, 1) + dt.timedelta(days=17 * index), **record)
            self.label(event, flag, pattern)
        for index, (owner_club, target) in enumerate((("CLB-GRN", "CLB-HEL"), ("CLB-BRV", "CLB-OLI"), ("CLB-D3-01", "CLB-D3-02"))):
            event = self.s.add("club_ownership", club_id=target, competition_id="PD1" if target in PD1_CLUBS else "D3",
                               controller_id=self.controller[owner_club], club_revenue=int(self.revenue[target]),
                               recorded_on=dt.date(2025, 10, 6) + dt.timedelta(days=40 * index), **dict(base, ownership_layers=2))
            self.label(event, "SOC-23", "second club under one controller in the same competition")
        # sponsorship: SOC-24 above FMV, SOC-42 threshold deal without FMV, SOC-25 sponsor cannot afford
        for index, (club, flag) in enumerate((("CLB-IRN", "SOC-24"), ("CLB-ARD", "SOC-24"), ("CLB-NOR", "SOC-24"),
                                              ("CLB-JUN", "SOC-42"), ("CLB-KEL", "SOC-42"), ("CLB-GRN", "SOC-42"),
                                              ("CLB-KEL", "SOC-25"), ("CLB-D3-06", "SOC-25"), ("CLB-RIO", "SOC-25"))):
            self.deal_no += 1
            revenue = self.revenue[club]
            on = dt.date(2025, 8, 1) + dt.timedelta(days=29 * index)
            if flag == "SOC-24":
                fmv = money(revenue * r.uniform(0.05, 0.1), 10000)
                fields = dict(annual_value=money(fmv * r.uniform(1.8, 2.5), 10000), associated_party=True, fmv_assessed=True,
                              fair_market_value=fmv, sponsor_revenue=money(revenue * 30, 100000))
                pattern = "associated-party sponsorship above fair market value"
            elif flag == "SOC-42":
                fields = dict(annual_value=money(r.uniform(1.5e6, 3.5e6), 10000), associated_party=True, fmv_assessed=False,
                              sponsor_revenue=money(revenue * 20, 100000))
                pattern = "associated-party threshold deal without fair-market-value assessment"
            else:
                value = money(revenue * r.uniform(0.04, 0.12), 10000)
                fields = dict(annual_value=value, associated_party=False, fmv_assessed=False, sponsor_revenue=money(value * r.uniform(0.6, 1.6), 10000))
                pattern = "sponsor cannot afford the deal"
            event = self.s.add("sponsorship", deal_id=f"SP-2025-{self.deal_no:03d}", club_id=club, sponsor_id=f"CO-SPN-P{index + 1:02d}",
                               club_revenue=int(revenue), signed_on=on, **fields)
            self.label(event, flag, pattern)
        # club seasons: SOC-07, SOC-26, SOC-27 planted in 2025/26
        planted = {("CLB-GRN", "SOC-07"), ("CLB-D3-12", "SOC-07"), ("CLB-PAR", "SOC-07"), ("CLB-LUZ", "SOC-26"),
                   ("CLB-D3-03", "SOC-26"), ("CLB-HEL", "SOC-26"), ("CLB-MAR", "SOC-27"), ("CLB-D3-07", "SOC-27"), ("CLB-QUI", "SOC-27")}
        plans = defaultdict(list)
        for club, flag in planted:
            plans[club].append(flag)
        for (club, season), figures in sorted(seasons.items()):
            flags = plans.get(club, []) if season == "2025/26" else []
            for flag in flags:
                if flag == "SOC-07":
                    figures["agent_fees_total"] = money(figures["transfer_spend"] * figures["league_agent_fee_ratio_median"] * r.uniform(2.6, 3.5), 1000)
                elif flag == "SOC-26" and club != "CLB-HEL":
                    figures["squad_cost"] = money(figures["club_revenue"] * r.uniform(0.74, 0.85), 10000)
                elif flag == "SOC-26":
                    figures["overdue_payables"] = 1250000
                elif flag == "SOC-27":
                    figures["cash_matchday_revenue"] = money(figures["attendance"] * figures["league_cash_per_attendee_median"] * r.uniform(4, 5.5), 1000)
            event = self.s.add("club_season", **figures)
            for flag in sorted(flags):
                self.label(event, flag, {"SOC-07": "club agent-fee intensity", "SOC-26": "squad-cost ratio or overdue payables",
                                         "SOC-27": "cash revenue inconsistent with attendance"}[flag])

    def plant_payments(self) -> dict[dt.date, list[dict]]:
        r = self.r
        # SOC-35 off-channel payments
        for payer, payer_type, payee, role, channel, purpose, amount, on in (
            ("CLB-D3-06", "club", self.referee_ids["D3"][5], "referee", "cash", "gift", 20000, dt.date(2025, 11, 20)),
            ("AG-0077", "agent", "OFF-FPF-03", "association_official", "bank_transfer", "consultancy", 85000, dt.date(2026, 2, 3)),
            ("PL-77001", "player", "ASR-004", "referee_assessor", "third_party", "hospitality", 12000, dt.date(2026, 3, 18)),
        ):
            event = self.s.add("official_payment", payer_id=payer, payer_type=payer_type, payee_id=payee, payee_role=role,
                               channel=channel, purpose=purpose, amount=amount, paid_on=on)
            self.label(event, "SOC-35", "off-channel payment to a referee or official")
        # SOC-45 repeated payments to an association official (the Chen pattern)
        for payer, payee, channel, count, first in (("CO-BUILD-17", "OFF-FPF-04", "association_clearing", 4, dt.date(2025, 7, 10)),
                                                    ("CO-EVENTS-09", "OFF-FPF-05", "bank_transfer", 3, dt.date(2025, 10, 2))):
            for index in range(count):
                event = self.s.add("official_payment", payer_id=payer, payer_type="company", payee_id=payee,
                                   payee_role="association_official", channel=channel, purpose="consultancy",
                                   amount=money(r.uniform(30000, 80000), 1000), paid_on=first + dt.timedelta(days=75 * index))
                if index >= 2:
                    self.label(event, "SOC-45", "repeated payments to an association official")
                if channel not in ("association_clearing", "league_clearing"):
                    self.label(event, "SOC-35", "off-channel payment to an association official")
        # SOC-37 payments before appointments (Li Tie and Liu Yi)
        for appointee, club, decision_maker, position, payer_is_club, paid, appointed in (
            ("COACH-101", "CLB-NOR", "OFF-FPF-06", "national_team_head_coach", False, dt.date(2025, 7, 15), dt.date(2025, 12, 2)),
            ("COACH-102", "CLB-D3-05", "OFF-FPF-07", "selection_panel_member", True, dt.date(2025, 10, 1), dt.date(2026, 2, 10)),
            ("COACH-103", "CLB-ARD", "OFF-FPF-06", "u21_head_coach", False, dt.date(2025, 12, 20), dt.date(2026, 4, 7)),
        ):
            payment = self.s.add("official_payment", payer_id=club if payer_is_club else appointee,
                                 payer_type="club" if payer_is_club else "coach", payee_id=decision_maker,
                                 payee_role="association_official", channel="bank_transfer", purpose="consultancy",
                                 amount=money(r.uniform(100000, 160000), 1000), paid_on=paid)
            self.label(payment, "SOC-35", "off-channel payment to an association official")
            event = self.s.add("appointment", appointee_id=appointee, appointee_club_id=club, decision_maker_id=decision_maker,
                               position=position, appointed_on=appointed)
            self.label(event, "SOC-37", "payment to the decision-maker before an appointment")
        # SOC-38 payments to the national coach before call-ups
        planted: dict[dt.date, list[dict]] = defaultdict(list)
        for window, payer_kind, club, paid in ((dt.date(2025, 10, 2), "club", "CLB-GRN", dt.date(2025, 8, 20)),
                                              (dt.date(2025, 11, 6), "agent", "CLB-FAL", dt.date(2025, 9, 12)),
                                              (dt.date(2026, 3, 12), "player", "CLB-OLI", dt.date(2026, 1, 8))):
            self.player_no += 1
            player, agent = f"PL-{self.player_no}", self.agent()
            payer = {"club": club, "agent": agent, "player": player}[payer_kind]
            payment = self.s.add("official_payment", payer_id=payer, payer_type=payer_kind, payee_id="NTC-01",
                                 payee_role="national_team_coach", channel="bank_transfer", purpose="consultancy",
                                 amount=money(r.uniform(80000, 250000), 1000), paid_on=paid)
            self.label(payment, "SOC-35", "off-channel payment to the national coach")
            event = self.s.add("squad_selection", player_id=player, player_club_id=club, player_agent_id=agent, selector_id="NTC-01",
                               announced_on=window)
            self.label(event, "SOC-38", f"call-up after a payment to the selector by the {payer_kind}")
            planted[window].append({"player": player, "payers": {payer}})
        return planted

    def plant_head_to_head(self) -> None:
        """SOC-36: undocumented payment after a match between the clubs; SOC-48: before it."""
        r = self.r
        pd1 = sorted((m for m in self.matches if m["competition"] == "PD1"), key=lambda m: m["kickoff"])
        first_leg = {}
        for m in pd1:
            pair = frozenset((m["home"], m["away"]))
            first_leg.setdefault(pair, m)
        candidates = [m for m in pd1 if first_leg[frozenset((m["home"], m["away"]))] is m and not m["mode"]
                      and dt.date(2025, 9, 15) <= m["kickoff"].date() <= dt.date(2025, 12, 15)]
        chosen = r.sample(candidates, 6)
        for index, m in enumerate(chosen):
            payer, payee = (m["away"], m["home"]) if index % 2 else (m["home"], m["away"])
            if index < 3:
                paid = (m["kickoff"] + dt.timedelta(days=r.randint(5, 20))).date()
                event = self.s.add("club_payment", payer_club=payer, payee_club=payee, amount=money(r.uniform(150000, 600000), 1000),
                                   purpose=r.choice(["consultancy", "scouting_services", "image_campaign"]), paid_on=paid)
                self.label(event, "SOC-36", "club-to-club payment after a head-to-head match")
            else:
                paid = (m["kickoff"] - dt.timedelta(days=r.randint(5, 20))).date()
                self.s.add("club_payment", payer_club=payer, payee_club=payee, amount=money(r.uniform(150000, 600000), 1000),
                           purpose=r.choice(["consultancy", "scouting_services", "image_campaign"]), paid_on=paid)
                m["mode"].add("h2h_before")

    def label_h2h_matches(self) -> None:
        for m in self.matches:
            if "h2h_before" in m["mode"]:
                self.label(m["report_event"], "SOC-48", "undocumented club-to-club payment before a head-to-head match")

    # ================================================================ everything

    def build(self) -> Stream:
        self.ownership()
        seasons = self.club_seasons()
        self.transfers()
        self.plant_transfer_market()
        self.representation_agreements()
        self.loans()
        self.plant_loans()
        self.player_payments()
        self.sponsorships()
        self.club_payments_clean()
        self.competitions()
        self.plant_head_to_head()
        self.label_h2h_matches()
        self.plant_club_money(seasons)
        self.official_payments_clean()
        self.appointments_clean()
        planted = self.plant_payments()
        self.selections(planted)
        return self.s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args()
    stream = Season(args.seed).build()
    events, labels = stream.write(args.out)
    kinds = Counter(event["kind"] for _, _, _, event in stream.events)
    flags = Counter(label["flag"] for label in stream.labels)
    print(f"wrote {events} events and {labels} labels ({len(flags)} flags planted) to {args.out}")
    print("events by kind: " + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
