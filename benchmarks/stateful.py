"""Stateful features: throughput against the same ruleset without them, and peak memory.

    python benchmarks/stateful.py                     # N = 1,000,000 (and 2N for memory): the target run
    python benchmarks/stateful.py --events 100000     # a quick run: N = 100,000

Synthetic payments (seeded) over ``--entities`` customers (default: events / 10, i.e. 100,000 for
1M events) arrive at a constant rate, so a window holds as many events after 2N events as after N:
N events span ``--days`` (365) days and 2N events span twice that. Arrival is slightly out of order
(5% of the events up to 12 hours, within the ruleset's 1-day allowed lateness).

Three rulesets, identical but for the stateful part:

- stateless: four flags on the payment's own fields (the issue's baseline: the same ruleset without
  the stateful features, and so without the two flags that need them);
- stateful: the same four flags, plus per customer a 30-day count window and a 16-week
  previous-event feature (days since the previous payment), and two flags that use them (a burst
  of payments; a dormant customer paying again);
- precomputed: the stateful ruleset's six flags, the two stateful ones reading the same kind of
  values from event fields (as if the sender had computed them): stateful against precomputed is
  the cost of the engine keeping the windows, with the flag count equal.

Every (ruleset, size) pair runs in its own subprocess, so each peak RSS (``ru_maxrss``) is that
run's alone. Events are generated in chunks outside the timed section and never all held at once.
Runs: stateless, precomputed and stateful at N, and stateful at 2N (``--no-double``: not).
Prints a table and writes ``benchmarks/results/stateful.json``.

Two costs of the windows per event: ``microseconds_per_event_for_the_windows`` is stateful minus
precomputed CPU time (all that the stateful ruleset costs more, the flags' different outcomes
included; a difference of two noisy runs), ``microseconds_per_event_in_compute_and_record`` the
time inside the feature computation and bookkeeping, timed in one more stateful run per round (not
the one whose throughput is reported: the timing itself costs a little).

Targets (issue 3): stateful throughput >= 0.7x stateless; stateful peak RSS flat when the event
count doubles at constant window occupancy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "stateful.json"
CHUNK = 10_000

COMMON = """\
ruleset: bench_{name}
version: "1"
title: Stateful feature benchmark ({name})
params:
  large_amount: 9000
  risky_countries: [KY, VG, PA]
  cash_limit: 2000
  burst: 4
  dormant_days: 60
events:
  payment:
    entity: customer_id
    time: paid_on
    fields:
      customer_id: string
      paid_on: datetime
      amount: number
      channel: string
      country: string
settings:
  allowed_lateness: 1 days
flags:
  - id: P-01
    title: Large payment
    on: payment
    when: amount > params.large_amount
    severity: medium
    weight: 20
    explain: "Amount {{amount}} above {{params.large_amount}}"
  - id: P-02
    title: Payment to a secrecy jurisdiction
    on: payment
    when: country in params.risky_countries
    severity: medium
    weight: 20
    explain: "Country {{country}}"
  - id: P-03
    title: Large cash payment
    on: payment
    when: channel == "cash" and amount > params.cash_limit
    severity: high
    weight: 30
    explain: "Cash {{amount}}"
  - id: P-04
    title: Large cross-border transfer
    on: payment
    when: channel == "transfer" and amount >= 5000 and country != "ES"
    severity: low
    weight: 5
    explain: "Transfer of {{amount}} to {{country}}"
{extra}
scoring:
  method: sum
  max_score: 100
  bands: {{low: 0, medium: 30, high: 60, critical: 80}}
"""

STATEFUL_EXTRA = """\
  - id: P-05
    title: Burst of payments in 30 days
    on: payment
    when: payments_30d >= params.burst
    severity: high
    weight: 25
    explain: "{{payments_30d}} payments in the 30 days before"
  - id: P-06
    title: Dormant customer pays again
    on: payment
    when: days_since_previous > params.dormant_days
    severity: medium
    weight: 15
    explain: "First payment in {{days_since_previous}} days"
features:
  payments_30d:
    aggregate: count
    over: payment
    by: customer_id
    window: 30 days
  days_since_previous:
    aggregate: since_previous
    over: payment
    by: customer_id
    window: 16 weeks
    unit: days
"""

CHANNELS = ("card", "card", "card", "transfer", "transfer", "cash")
COUNTRIES = ("ES", "FR", "DE", "IT", "PT", "NL", "BE", "KY", "PA")
START = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


PRECOMPUTED_EXTRA = STATEFUL_EXTRA[: STATEFUL_EXTRA.index("features:")]
PRECOMPUTED_FIELDS = "      payments_30d: integer\n      days_since_previous: number\n"
VARIANTS = ("stateless", "precomputed", "stateful")


def ruleset_text(variant: str) -> str:
    if variant == "stateless":
        return COMMON.format(name=variant, extra="")
    if variant == "stateful":
        return COMMON.format(name=variant, extra=STATEFUL_EXTRA)
    text = COMMON.format(name=variant, extra=PRECOMPUTED_EXTRA)
    return text.replace("      country: string\n", "      country: string\n" + PRECOMPUTED_FIELDS, 1)


def events(count: int, entities: int, seconds_per_event: float, seed: int, precomputed: bool = False) -> Iterator[list[dict[str, Any]]]:
    """Chunks of synthetic payments; the same seed gives the same events (``precomputed`` adds two
    fields from a separate generator, so the other fields stay the same)."""
    rng = random.Random(seed)
    extra = random.Random(seed + 1_000_003)
    made = 0
    while made < count:
        chunk = []
        for index in range(made, min(count, made + CHUNK)):
            jitter = rng.random() * 43_200 if rng.random() < 0.05 else 0.0  # 5% up to 12 h late
            moment = START + dt.timedelta(seconds=index * seconds_per_event - jitter)
            amount = rng.choice((rng.randint(10, 500), rng.randint(10, 3000), rng.randint(1, 20) * 1000))
            event = {
                "kind": "payment",
                "event_id": f"p{index}",
                "customer_id": f"C{rng.randrange(entities):06d}",
                "paid_on": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "amount": amount,
                "channel": rng.choice(CHANNELS),
                "country": rng.choice(COUNTRIES),
            }
            if precomputed:  # values shaped like the features' (rarely a burst, now and then dormant)
                event["payments_30d"] = min(int(extra.expovariate(1.0)), 9)
                if extra.random() < 0.95:
                    event["days_since_previous"] = round(extra.expovariate(1 / 36.5), 2)
            chunk.append(event)
        made += len(chunk)
        yield chunk


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def run_one(variant: str, count: int, entities: int, seconds_per_event: float, seed: int, time_windows: bool = False) -> dict[str, Any]:
    """One measurement, in this process (called in a subprocess by ``main``)."""
    sys.path.insert(0, str(HERE.parent))
    from riskengine import Engine, load_ruleset_text

    precomputed = variant == "precomputed"
    engine = Engine(load_ruleset_text(ruleset_text(variant)))
    engine.evaluate(next(events(1, entities, seconds_per_event, seed + 1, precomputed))[0])  # warm up the backend
    engine = Engine(engine.ruleset)
    in_windows = time_features(engine) if time_windows else None
    baseline = peak_rss_mb()
    elapsed = cpu = 0.0
    scored = flagged = 0
    for chunk in events(count, entities, seconds_per_event, seed, precomputed):
        started, started_cpu = time.perf_counter(), time.process_time()
        for event in chunk:
            assessment = engine.evaluate(event)
            flagged += bool(assessment.flags)
        elapsed += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
        scored += len(chunk)
    state = getattr(engine, "_state", None)
    return {
        "ruleset": variant,
        "events": scored,
        "seconds": round(elapsed, 3),
        "cpu_seconds": round(cpu, 3),
        "events_per_second": round(scored / elapsed, 1),
        "events_per_cpu_second": round(scored / cpu, 1),
        "flagged": flagged,
        "late_events": engine.late_events,
        "state_entries": state.size() if state is not None and hasattr(state, "size") else None,
        "profiles": len(engine.entity_profiles()),
        "baseline_rss_mb": round(baseline, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        **({"windows_seconds": round(in_windows[0], 3)} if in_windows is not None else {}),
    }


def time_features(engine: Any) -> list[float]:
    """Wrap the engine's feature computation and bookkeeping to add up the time spent in them
    (perf_counter: a CPU-time clock costs a system call)."""
    spent = [0.0]
    features = engine._stateful
    compute, record, clock = features.compute, features.record, time.perf_counter

    def timed_compute(*args: Any) -> Any:
        started = clock()
        values = compute(*args)
        spent[0] += clock() - started
        return values

    def timed_record(*args: Any) -> None:
        started = clock()
        record(*args)
        spent[0] += clock() - started

    features.compute, features.record = timed_compute, timed_record
    return spent


def measure(variant: str, count: int, entities: int, seconds_per_event: float, seed: int, time_windows: bool = False) -> dict[str, Any]:
    command = [
        sys.executable, str(Path(__file__).resolve()), "--child", variant,
        "--events", str(count), "--entities", str(entities), "--seconds-per-event", repr(seconds_per_event),
        "--seed", str(seed),
    ] + (["--time-windows"] if time_windows else [])
    completed = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="N: events of the first size (the second is 2N)")
    parser.add_argument("--entities", type=int, default=None, help="distinct customers (default: events / 10)")
    parser.add_argument("--days", type=float, default=365.0, help="event-time span of N events (2N span twice that)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-double", action="store_true", help="skip the stateful 2N run (no flatness check)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of the N runs; ratios are medians over rounds (less noise)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--child", choices=VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument("--seconds-per-event", type=float, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--time-windows", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    entities = args.entities or max(1, args.events // 10)
    seconds_per_event = args.seconds_per_event or args.days * 86_400 / args.events

    if args.child:
        print(json.dumps(run_one(args.child, args.events, entities, seconds_per_event, args.seed, args.time_windows)))
        return

    n = args.events
    # Rounds: each runs every ruleset at N back to back, so the rulesets compared in a round meet
    # the same machine load; the ratios are the medians over the rounds.
    rounds: list[dict[str, dict[str, Any]]] = []
    for round_index in range(args.repeat):
        measured = {}
        for variant in VARIANTS:
            print(f"round {round_index + 1}: {variant} on {n:,} events ...", file=sys.stderr, flush=True)
            measured[variant] = measure(variant, n, entities, seconds_per_event, args.seed)
        print(f"round {round_index + 1}: stateful on {n:,} events, timing the windows ...", file=sys.stderr, flush=True)
        measured["stateful_timed"] = measure("stateful", n, entities, seconds_per_event, args.seed, time_windows=True)
        rounds.append(measured)
    runs = [max((measured[variant] for measured in rounds), key=lambda run: run["events_per_cpu_second"]) for variant in VARIANTS]
    if not args.no_double:
        print(f"stateful on {2 * n:,} events ...", file=sys.stderr, flush=True)
        runs.append(measure("stateful", 2 * n, entities, seconds_per_event, args.seed))

    def median(values: list[float]) -> float:
        ordered = sorted(values)
        middle = len(ordered) // 2
        return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

    def ratio(numerator: str, denominator: str, rate: str = "events_per_cpu_second") -> float:
        return round(median([measured[numerator][rate] / measured[denominator][rate] for measured in rounds]), 3)

    # Ratios are taken on CPU time (process_time): on a shared machine wall time also measures the
    # neighbours. Wall-clock ratios are reported beside them.
    summary: dict[str, Any] = {
        "throughput_ratio": ratio("stateful", "stateless"),
        "throughput_ratio_wall": ratio("stateful", "stateless", "events_per_second"),
        "throughput_ratio_vs_precomputed": ratio("stateful", "precomputed"),
        "throughput_ratio_per_round": [
            round(measured["stateful"]["events_per_cpu_second"] / measured["stateless"]["events_per_cpu_second"], 3) for measured in rounds
        ],
        "microseconds_per_event_for_the_windows": round(
            median([1e6 * (measured["stateful"]["cpu_seconds"] - measured["precomputed"]["cpu_seconds"]) / n for measured in rounds]), 1
        ),
        "microseconds_per_event_in_compute_and_record": round(
            median([1e6 * measured["stateful_timed"]["windows_seconds"] / n for measured in rounds]), 1
        ),
    }
    summary["throughput_target_met"] = summary["throughput_ratio"] >= 0.7
    if not args.no_double:
        growth = runs[-1]["peak_rss_mb"] / max(measured["stateful"]["peak_rss_mb"] for measured in rounds)
        summary["stateful_peak_rss_growth_2n_over_n"] = round(growth, 3)
        summary["rss_flat"] = growth <= 1.10

    document = {
        "benchmark": "stateful",
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "config": {
            "events": n, "entities": entities, "days_for_n": round(seconds_per_event * n / 86_400, 2),
            "seed": args.seed, "repeat": args.repeat, "count_window": "30 days", "previous_window": "16 weeks", "allowed_lateness": "1 days",
        },
        "runs": runs,  # per ruleset at N the fastest round; then stateful at 2N
        "rounds": rounds,
        "summary": summary,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, indent=2) + "\n")

    header = (
        f"{'ruleset':<12} {'events':>10} {'wall s':>8} {'events/s':>9} {'cpu s':>8} {'ev/cpu-s':>9} "
        f"{'state':>9} {'peak RSS MB':>12} {'base RSS MB':>12}"
    )
    print(header)
    print("-" * len(header))
    for run in runs:
        print(
            f"{run['ruleset']:<12} {run['events']:>10,} {run['seconds']:>8.1f} {run['events_per_second']:>9,.0f} "
            f"{run['cpu_seconds']:>8.1f} {run['events_per_cpu_second']:>9,.0f} "
            f"{(run['state_entries'] if run['state_entries'] is not None else 0):>9,} {run['peak_rss_mb']:>12.1f} {run['baseline_rss_mb']:>12.1f}"
        )
    print()
    for name, value in summary.items():
        print(f"{name}: {value}")
    print(f"\nwritten to {args.output}")


if __name__ == "__main__":
    main()
