"""Memory of the evaluation core (issue 8): flat RSS over many events, and per-event allocations that do
not grow with the number of rulesets loaded.

    python benchmarks/memory.py                    # 1,000,000 events (the target run, about 2-3 minutes)
    python benchmarks/memory.py --events 200000    # a quicker run

Two measurements, each in its own subprocess (so that one's heap never shows in the other's RSS):

1. ``rss``: the 30-flag stateless ruleset of ``throughput.py`` scores ``--events`` seeded events
   (generated in chunks, never all in memory; 1,000 accounts, so the entity profiles, the one
   state a stateless ruleset keeps, are complete within the first sample). The RSS (``/proc/self/statm``) is sampled every ``--every`` (50,000) events; the first
   sample is taken after the first ``--every`` events, once the warm-up (imports, caches, profiles of
   every account) is over. Target: max / min of the samples <= 1.05.
2. ``alloc``: with tracemalloc, the memory allocated while one event is evaluated (the peak above the
   level before the event, averaged over ``--alloc-events`` events) and the memory retained per
   event (after 50,000 warm-up events), with 1 ruleset loaded and with 10 (ten copies of the ruleset under other ids: ten
   durable_rules rulesets and ten engines), the events always scored by the first engine. Target:
   the same with 10 as with 1.

Prints a table and writes ``benchmarks/results/memory.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "memory.json"
CHUNK = 10_000
# Entity profiles (events, flags fired per flag id, scores) are the only state a stateless ruleset
# keeps: they grow with the accounts and the flags each has fired, up to 30 per account. With 1,000
# accounts they are complete within the first sample (50 events and some 150 flags per account).
ACCOUNTS = 1_000
WARMUP = 50_000
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE / 2**20


def run_rss(events: int, every: int, seed: int) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT))
    import throughput
    from riskengine import Engine, load_ruleset_text

    engine = Engine(load_ruleset_text(throughput.ruleset_yaml(throughput.flag_atoms())))
    evaluate = engine.evaluate
    samples: list[dict[str, float]] = []
    started, cpu = time.perf_counter(), time.process_time()
    start_rss = rss_mb()
    done = 0
    flagged = 0
    chunk_seed = seed
    while done < events:
        size = min(CHUNK, events - done)
        chunk = throughput.make_events(size, chunk_seed, accounts=ACCOUNTS)
        chunk_seed += 1
        for event in chunk:
            if evaluate(event).flags:
                flagged += 1
        done += size
        del chunk
        if done % every == 0 or done == events:
            samples.append({"events": done, "rss_mb": round(rss_mb(), 2)})
    values = [sample["rss_mb"] for sample in samples]
    return {
        "events": events,
        "rss_before_mb": round(start_rss, 2),
        "samples": samples,
        "rss_min_mb": min(values),
        "rss_max_mb": max(values),
        "max_over_min": round(max(values) / min(values), 4),
        "flagged": flagged,
        "profiles": len(engine._state.profiles),
        "seconds": round(time.perf_counter() - started, 1),
        "cpu_seconds": round(time.process_time() - cpu, 1),
    }


def run_alloc(rulesets: int, count: int, seed: int) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT))
    import throughput
    from riskengine import Engine, load_ruleset_text

    text = throughput.ruleset_yaml(throughput.flag_atoms())
    engines = [Engine(load_ruleset_text(text.replace("ruleset: bench_throughput", f"ruleset: bench_throughput_{index}", 1)))
               for index in range(rulesets)]
    engine = engines[0]
    events = throughput.make_events(count + WARMUP, seed, accounts=ACCOUNTS)
    for event in events[:WARMUP]:  # warm up: caches, the backend, every account's profile
        engine.evaluate(event)
    events = events[WARMUP:]
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    peaks = []
    for event in events:
        level = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        engine.evaluate(event)
        peaks.append(tracemalloc.get_traced_memory()[1] - level)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return {
        "rulesets_loaded": rulesets,
        "events": len(events),
        "allocated_per_event_bytes": round(statistics.mean(peaks), 1),
        "allocated_per_event_median_bytes": statistics.median(peaks),
        "retained_per_event_bytes": round((after - before) / len(events), 2),
        "rss_mb": round(rss_mb(), 1),
    }


def subprocess_json(arguments: list[str]) -> dict[str, Any]:
    output = subprocess.run([sys.executable, __file__, *arguments], check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--every", type=int, default=50_000, help="sample the RSS every N events")
    parser.add_argument("--alloc-events", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--part", choices=("rss", "alloc"), help=argparse.SUPPRESS)
    parser.add_argument("--rulesets", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part == "rss":
        print(json.dumps(run_rss(args.events, args.every, args.seed)))
        return
    if args.part == "alloc":
        print(json.dumps(run_alloc(args.rulesets, args.alloc_events, args.seed)))
        return

    every = min(args.every, args.events)
    rss = subprocess_json(["--part", "rss", "--events", str(args.events), "--every", str(every), "--seed", str(args.seed)])
    alloc = [
        subprocess_json(["--part", "alloc", "--rulesets", str(count), "--alloc-events", str(args.alloc_events), "--seed", str(args.seed)])
        for count in (1, 10)
    ]
    growth = alloc[1]["allocated_per_event_bytes"] / alloc[0]["allocated_per_event_bytes"]
    print(f"RSS over {rss['events']:,} events (stateless, 30 flags), sampled every {every:,}:")
    print(f"  min {rss['rss_min_mb']} MiB, max {rss['rss_max_mb']} MiB, max/min {rss['max_over_min']}   target <= 1.05"
          f"   ({rss['seconds']} s, {rss['events'] / rss['cpu_seconds']:,.0f} events per CPU-second)")
    print("Allocation per event (tracemalloc):")
    print(f"  {'rulesets loaded':>16} {'allocated B/event':>18} {'median':>8} {'retained B/event':>17} {'RSS MiB':>8}")
    for row in alloc:
        print(f"  {row['rulesets_loaded']:>16} {row['allocated_per_event_bytes']:>18,.0f} {row['allocated_per_event_median_bytes']:>8,}"
              f" {row['retained_per_event_bytes']:>17,.2f} {row['rss_mb']:>8}")
    print(f"  allocated per event, 10 rulesets / 1: {growth:.3f}   target: 1.0 (no growth)")
    document = {
        "benchmark": "memory",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "rss": rss,
        "allocation": alloc,
        "summary": {
            "rss_max_over_min": rss["max_over_min"],
            "rss_flat": rss["max_over_min"] <= 1.05,
            "allocated_per_event_10_over_1": round(growth, 4),
        },
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, indent=2) + "\n")


if __name__ == "__main__":
    main()
