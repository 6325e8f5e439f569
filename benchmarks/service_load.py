"""HTTP service load: throughput and latency of single-event requests, with and without the audit trail.

    python benchmarks/service_load.py                    # soccer ruleset, 10 s per run (about 3 minutes)
    python benchmarks/service_load.py --duration 3       # a quick run

For each audit setting (on: SQLite WAL, synchronous=FULL; off: ``--no-audit``) the script starts
``riskengine serve`` in a child process on a free loopback port, with the ruleset alone in a
temporary folder and a fresh keys file and audit trail, and drives it with an asyncio + httpx load
generator in this process:

- **closed loop** at 1, 8 and 32 concurrent clients: each client sends its next request as soon as
  the previous one is answered; gives the maximum throughput and its latencies;
- **open loop at a fixed rate** (``--rate``, default 200 requests per second, the target of issue 7)
  spread over 1, 8 and 32 connections: requests are sent on a fixed schedule whether or not earlier
  ones were answered, and latency is measured from the *scheduled* send time, so a stalled server
  cannot hide its queueing (no coordinated omission).

Events are the sector's example events (``examples/<ruleset>/events.jsonl``) sent in order, cycled.
Every response must be 200 with an assessment; the run fails otherwise. The load generator shares
the machine with the server (loopback), so the numbers include its CPU use: they are an upper bound
on the server's latency. Prints a table and writes ``benchmarks/results/service_load.json``.

Target (issue 7): p99 under 10 ms at 200 requests per second for the soccer ruleset on a 2-core
machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "service_load.json"
CLIENTS = (1, 8, 32)
TARGET_P99_MS = 10.0
_LISTENING = re.compile(r"riskengine: serving .* on (http://\S+)")


# ---------------------------------------------------------------------- the server


class Server:
    """``riskengine serve`` in a child process; stderr is drained so that it never blocks."""

    def __init__(self, rulesets: Path, keys: Path, audit: Path | None):
        command = [sys.executable, "-c", "from riskengine.interfaces.cli import main; main()", "serve",
                   "--rulesets", str(rulesets), "--keys", str(keys), "--port", "0", "--log-level", "warning"]
        command += ["--audit", str(audit)] if audit else ["--no-audit"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.log: list[str] = []
        self.url: str | None = None
        found = threading.Event()

        def drain() -> None:
            assert self.process.stderr is not None
            for line in self.process.stderr:
                self.log.append(line)
                match = _LISTENING.search(line)
                if match and not found.is_set():
                    self.url = match.group(1)
                    found.set()

        threading.Thread(target=drain, daemon=True).start()
        if not found.wait(60) or self.url is None:
            self.process.kill()
            raise SystemExit("the service did not start:\n" + "".join(self.log))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/readyz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise SystemExit("the service did not become ready:\n" + "".join(self.log))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# ---------------------------------------------------------------------- the load


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, int(round(fraction * len(ordered) + 0.5)) - 1))
    return ordered[index]


class Load:
    def __init__(self, url: str, key: str, path: str, bodies: list[bytes]):
        self.url, self.path, self.bodies = url, path, bodies
        self.headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        self.sent = 0

    def _next(self) -> bytes:
        body = self.bodies[self.sent % len(self.bodies)]
        self.sent += 1
        return body

    async def _post(self, client: httpx.AsyncClient) -> None:
        response = await client.post(self.path, content=self._next(), headers=self.headers)
        if response.status_code != 200:
            raise SystemExit(f"unexpected {response.status_code}: {response.text[:500]}")

    def _client(self, connections: int) -> httpx.AsyncClient:
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        return httpx.AsyncClient(base_url=self.url, limits=limits, timeout=30)

    async def warm_up(self, requests: int) -> None:
        async with self._client(8) as client:
            await asyncio.gather(*(self._post(client) for _ in range(requests)))

    async def closed_loop(self, clients: int, duration: float) -> dict[str, Any]:
        latencies: list[float] = []
        async with self._client(clients) as client:
            end = time.perf_counter() + duration

            async def worker() -> None:
                while time.perf_counter() < end:
                    start = time.perf_counter()
                    await self._post(client)
                    latencies.append(time.perf_counter() - start)

            started = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(clients)))
            elapsed = time.perf_counter() - started
        return _summary("closed loop", clients, latencies, elapsed)

    async def open_loop(self, clients: int, rate: float, duration: float) -> dict[str, Any]:
        latencies: list[float] = []
        count = int(rate * duration)
        interval = 1.0 / rate
        async with self._client(clients) as client:
            slots = asyncio.Semaphore(clients)

            async def one(scheduled: float) -> None:
                async with slots:
                    await self._post(client)
                latencies.append(time.perf_counter() - scheduled)  # from the scheduled send time

            started = time.perf_counter()
            tasks = []
            for number in range(count):
                scheduled = started + number * interval
                delay = scheduled - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                tasks.append(asyncio.create_task(one(scheduled)))
            await asyncio.gather(*tasks)
            elapsed = time.perf_counter() - started
        return _summary(f"{rate:g} req/s", clients, latencies, elapsed)


def _summary(mode: str, clients: int, latencies: list[float], elapsed: float) -> dict[str, Any]:
    milliseconds = [value * 1000 for value in latencies]
    return {
        "mode": mode,
        "clients": clients,
        "requests": len(latencies),
        "throughput_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(milliseconds, 0.50), 2),
        "p90_ms": round(percentile(milliseconds, 0.90), 2),
        "p99_ms": round(percentile(milliseconds, 0.99), 2),
        "max_ms": round(max(milliseconds), 2),
        "mean_ms": round(statistics.fmean(milliseconds), 2),
    }


# ---------------------------------------------------------------------- main


def create_key(keys: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", "from riskengine.interfaces.cli import main; main()", "keys", "create", "bench", "--keys", str(keys)],
        capture_output=True, text=True, check=True,
    )
    return result.stdout.splitlines()[-1]


def run(arguments: argparse.Namespace) -> dict[str, Any]:
    ruleset = Path(arguments.ruleset)
    events = Path(arguments.events or ROOT / "examples" / ruleset.stem / "events.jsonl")
    bodies = [line.encode("utf-8") for line in events.read_text(encoding="utf-8").splitlines() if line.strip()]
    results: dict[str, Any] = {
        "ruleset": str(ruleset.relative_to(ROOT)) if ruleset.is_relative_to(ROOT) else str(ruleset),
        "events": str(events.relative_to(ROOT)) if events.is_relative_to(ROOT) else str(events),
        "duration_s": arguments.duration,
        "rate": arguments.rate,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "runs": [],
    }
    for audit in ("on", "off"):
        with tempfile.TemporaryDirectory(prefix="riskengine-bench-") as scratch:
            folder = Path(scratch)
            (folder / "rulesets").mkdir()
            shutil.copy(ruleset, folder / "rulesets" / ruleset.name)
            key = create_key(folder / "keys.json")
            server = Server(folder / "rulesets", folder / "keys.json", folder / "audit.db" if audit == "on" else None)
            try:
                load = Load(server.url, key, f"/v1/rulesets/{_ruleset_id(ruleset)}/assessments", bodies)
                asyncio.run(load.warm_up(arguments.warmup))
                for clients in CLIENTS:
                    row = asyncio.run(load.closed_loop(clients, arguments.duration))
                    results["runs"].append({"audit": audit, **row})
                    _print_row(results["runs"][-1])
                for clients in CLIENTS:
                    row = asyncio.run(load.open_loop(clients, arguments.rate, arguments.duration))
                    results["runs"].append({"audit": audit, **row})
                    _print_row(results["runs"][-1])
            finally:
                server.stop()
    at_rate = [row for row in results["runs"] if row["mode"] != "closed loop"]
    results["summary"] = {
        "target_p99_ms": TARGET_P99_MS,
        "worst_p99_ms_at_rate_with_audit": max(row["p99_ms"] for row in at_rate if row["audit"] == "on"),
        "worst_p99_ms_at_rate_without_audit": max(row["p99_ms"] for row in at_rate if row["audit"] == "off"),
    }
    results["summary"]["target_met"] = results["summary"]["worst_p99_ms_at_rate_with_audit"] < TARGET_P99_MS
    return results


def _ruleset_id(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("ruleset:"):
            return line.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
    raise SystemExit(f"{path}: no 'ruleset:' line")


HEADER = f"{'audit':<6}{'mode':<14}{'clients':>8}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}"


def _print_row(row: dict[str, Any]) -> None:
    print(
        f"{row['audit']:<6}{row['mode']:<14}{row['clients']:>8}{row['requests']:>10}{row['throughput_per_s']:>9}"
        f"{row['p50_ms']:>9}{row['p90_ms']:>9}{row['p99_ms']:>9}{row['max_ms']:>9}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ruleset", default=str(ROOT / "rulesets" / "soccer.yaml"))
    parser.add_argument("--events", help="JSON Lines events (default: examples/<ruleset>/events.jsonl)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per run (default 10)")
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second of the open-loop runs (default 200)")
    parser.add_argument("--warmup", type=int, default=300, help="requests before measuring (default 300)")
    parser.add_argument("--output", default=str(RESULTS))
    arguments = parser.parse_args()
    print(HEADER, flush=True)
    results = run(arguments)
    summary = results["summary"]
    print(
        f"\nworst p99 at {arguments.rate:g} req/s: {summary['worst_p99_ms_at_rate_with_audit']} ms with the audit trail, "
        f"{summary['worst_p99_ms_at_rate_without_audit']} ms without (target < {TARGET_P99_MS:g} ms: "
        f"{'met' if summary['target_met'] else 'NOT met'})"
    )
    output = Path(arguments.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
