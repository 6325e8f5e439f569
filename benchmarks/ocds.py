"""OCDS throughput: `riskengine cardinal` and `riskengine score` on synthetic compiled releases with bids.

    python benchmarks/ocds.py                      # 100,000 releases: the target run
    python benchmarks/ocds.py --releases 10000     # a quick run

The releases come from examples/procurement/generate.py (``synthetic_releases``, seeded): open and
selective tenders of 24 buyers with 2-6 bids each, one award, one contract and 1-4 payments, about
4 KB of JSON each. They are written to a temporary JSON Lines file first (not timed). Then each
step runs as its own ``riskengine`` process, so each peak RSS (``ru_maxrss``) is that step's alone:

- ``cardinal``: ``riskengine cardinal RELEASES`` with every indicator (no settings file): read,
  convert (Cardinal's reading rules), baselines, and the engine over the process, tender and
  organisation events;
- ``ocds events``: ``riskengine ocds events RELEASES -o EVENTS``, the conversion alone;
- ``score``: ``riskengine score rulesets/procurement.yaml EVENTS``, both passes (baselines, then
  every event through the engine, stateful features included);
- ``ocds score``: ``riskengine ocds score RELEASES``, conversion and both passes in one process.

Wall time depends on what else the machine runs; CPU time (user + system of the step's process) and
the throughput per CPU second are reported too. Prints a table and writes
``benchmarks/results/ocds.json``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def load_generator():
    spec = importlib.util.spec_from_file_location("procurement_generate", ROOT / "examples" / "procurement" / "generate.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    assert spec is not None and spec.loader is not None
    spec.loader.exec_module(module)
    return module


def riskengine() -> list[str]:
    script = Path(sys.executable).with_name("riskengine")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from riskengine.interfaces.cli import main; main()"]


def run(name: str, arguments: list[str], releases: int, events: int | None) -> dict:
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(riskengine() + arguments, stdout=sink, stderr=subprocess.PIPE, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        stderr = process.stderr.read().decode("utf-8", errors="replace") if process.stderr else ""
        process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 2):
        raise SystemExit(f"{name} failed ({process.returncode}):\n{stderr[-3000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    result = {
        "step": name,
        "command": "riskengine " + " ".join(arguments),
        "releases": releases,
        "events": events,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "releases_per_second": round(releases / seconds, 1),
        "releases_per_cpu_second": round(releases / cpu, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
    }
    print(f"{name:12} {seconds:8.1f} s wall {cpu:8.1f} s CPU {result['releases_per_cpu_second']:8.1f} releases/CPU s "
          f"{result['peak_rss_mb']:8.1f} MB peak RSS", flush=True)
    return result


def add_events(result: dict, events: int) -> None:
    result["events"] = events
    result["events_per_second"] = round(events / result["seconds"], 1)
    result["events_per_cpu_second"] = round(events / result["cpu_seconds"], 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="Keep the generated files in this folder.")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="riskengine-ocds-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    releases_path, events_path = folder / "releases.jsonl", folder / "events.jsonl"

    started = time.perf_counter()
    generator = load_generator()
    size = 0
    with releases_path.open("w", encoding="utf-8") as sink:
        for release in generator.synthetic_releases(args.releases, args.seed):
            line = json.dumps(release, separators=(",", ":")) + "\n"
            size += len(line)
            sink.write(line)
    print(f"generated {args.releases} releases ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s: {releases_path}", flush=True)

    results = [run("cardinal", ["cardinal", str(releases_path), "-o", str(folder / "cardinal.json")], args.releases, None)]
    results.append(run("ocds events", ["ocds", "events", str(releases_path), "-o", str(events_path)], args.releases, None))
    with events_path.open("rb") as lines:
        events = sum(1 for _ in lines)
    add_events(results[-1], events)
    results.append(run("score", ["score", "rulesets/procurement.yaml", str(events_path), "-o", os.devnull], args.releases, events))
    add_events(results[-1], events)
    results.append(run("ocds score", ["ocds", "score", str(releases_path), "-o", os.devnull], args.releases, events))
    add_events(results[-1], events)

    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {
        "benchmark": "ocds",
        "releases": args.releases,
        "events": events,
        "input_megabytes": round(size / 1e6, 1),
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores",
        "results": results,
    }
    (RESULTS / "ocds.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"{events} events from {args.releases} releases; written to {RESULTS / 'ocds.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
