"""HTTP service load: throughput and latency of single-event requests, with and without the audit trail.

    python benchmarks/service_load.py                    # soccer ruleset, 10 s per run (about 3 minutes)
    python benchmarks/service_load.py --duration 3       # a quick run

For each audit setting (``full``: SQLite WAL with synchronous=FULL, the default of ``serve``;
``normal``: ``--audit-sync normal``, no fsync per commit; ``off``: ``--no-audit``) the script starts
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
on the server's latency; the server's own histogram (``/metrics``) gives, per run, the share of
requests it answered within 10 ms, and ``/proc`` its CPU time per request. The default client is a minimal HTTP/1.1 keep-alive client on asyncio
streams (``--client httpx`` uses httpx, which costs about as much CPU per request as the server). Prints a table and writes ``benchmarks/results/service_load.json``.

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
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
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

    def __init__(self, rulesets: Path, keys: Path, audit_options: list[str]):
        command = [sys.executable, "-c", "from riskengine.interfaces.cli import main; main()", "serve",
                   "--rulesets", str(rulesets), "--keys", str(keys), "--port", "0", "--log-level", "warning"]
        command += audit_options
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

    def cpu_seconds(self) -> float | None:
        """CPU time (user + system) used by the server process so far; None where /proc is missing."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

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


class RawConnections:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams: a pool of ``size`` connections.

    Much lighter than httpx (which costs about as much CPU per request as the server does), so that
    on a 2-core machine the load generator takes as little as possible from the server."""

    def __init__(self, url: str, size: int):
        parsed = urllib.parse.urlsplit(url)
        self.host, self.port, self.size = parsed.hostname, parsed.port, size
        self.idle: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = asyncio.Queue()
        self.opened: list[asyncio.StreamWriter] = []

    async def __aenter__(self) -> "RawConnections":
        for _ in range(self.size):
            reader, writer = await asyncio.open_connection(self.host, self.port)
            writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.opened.append(writer)
            self.idle.put_nowait((reader, writer))
        return self

    async def __aexit__(self, *exc: Any) -> None:
        for writer in self.opened:
            writer.close()

    async def post(self, request: bytes) -> tuple[int, bytes]:
        reader, writer = await self.idle.get()
        try:
            writer.write(request)
            status = int((await reader.readline()).split(b" ", 2)[1])
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b"\n", b""):
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            body = await reader.readexactly(length)
        except BaseException:
            writer.close()
            raise
        self.idle.put_nowait((reader, writer))
        return status, body


class Load:
    def __init__(self, url: str, key: str, path: str, bodies: list[bytes], client: str = "raw"):
        self.url, self.path, self.bodies, self.client_kind = url, path, bodies, client
        self.headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        host = urllib.parse.urlsplit(url).netloc
        self.requests = [
            (
                f"POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode("ascii") + body
            for body in bodies
        ]
        self.sent = 0

    def _next(self) -> int:
        index = self.sent % len(self.bodies)
        self.sent += 1
        return index

    async def _post(self, client: Any) -> None:
        index = self._next()
        if isinstance(client, RawConnections):
            status, body = await client.post(self.requests[index])
        else:
            response = await client.post(self.path, content=self.bodies[index], headers=self.headers)
            status, body = response.status_code, response.content
        if status != 200:
            raise SystemExit(f"unexpected {status}: {body[:500]!r}")

    def _client(self, connections: int) -> Any:
        if self.client_kind == "raw":
            return RawConnections(self.url, connections)
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


def disk_commit_latency(folder: Path, commits: int = 200) -> dict[str, float]:
    """p50/p99 of one small SQLite commit (WAL, synchronous=FULL) in ``folder``: the floor of an
    audited request's latency on this disk, since a decision is acknowledged only once committed."""
    import sqlite3

    connection = sqlite3.connect(folder / "fsync-probe.db", isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, text TEXT)")
    latencies = []
    for _ in range(commits):
        start = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO probe (text) VALUES (?)", ("x" * 2000,))
        connection.execute("COMMIT")
        latencies.append((time.perf_counter() - start) * 1000)
    connection.close()
    return {"p50_ms": round(percentile(latencies, 0.5), 2), "p99_ms": round(percentile(latencies, 0.99), 2)}


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
        "client": arguments.client,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
        },
        "runs": [],
    }
    with tempfile.TemporaryDirectory(prefix="riskengine-bench-") as scratch:
        results["machine"]["sqlite_commit"] = disk_commit_latency(Path(scratch))
    print(
        f"# {os.cpu_count()} CPUs, load average {results['machine']['load_average_at_start']}, "
        f"SQLite commit (WAL, synchronous=FULL) p50 {results['machine']['sqlite_commit']['p50_ms']} ms, "
        f"p99 {results['machine']['sqlite_commit']['p99_ms']} ms",
        flush=True,
    )
    print(HEADER, flush=True)
    for audit in arguments.audit:
        with tempfile.TemporaryDirectory(prefix="riskengine-bench-") as scratch:
            folder = Path(scratch)
            (folder / "rulesets").mkdir()
            shutil.copy(ruleset, folder / "rulesets" / ruleset.name)
            key = create_key(folder / "keys.json")
            options = ["--no-audit"] if audit == "off" else ["--audit", str(folder / "audit.db"), "--audit-sync", audit]
            server = Server(folder / "rulesets", folder / "keys.json", options)
            try:
                load = Load(server.url, key, f"/v1/rulesets/{_ruleset_id(ruleset)}/assessments", bodies, arguments.client)
                asyncio.run(load.warm_up(arguments.warmup))
                for clients in CLIENTS:
                    results["runs"].append(_measured(server, key, audit, lambda: load.closed_loop(clients, arguments.duration)))
                for clients in CLIENTS:
                    results["runs"].append(_measured(server, key, audit, lambda: load.open_loop(clients, arguments.rate, arguments.duration)))
            finally:
                server.stop()
    at_rate = [row for row in results["runs"] if row["mode"] != "closed loop"]
    worst = {audit: max(row["p99_ms"] for row in at_rate if row["audit"] == audit) for audit in arguments.audit}
    results["summary"] = {"target_p99_ms": TARGET_P99_MS, "worst_p99_ms_at_rate": worst}
    results["summary"]["target_met"] = {audit: value < TARGET_P99_MS for audit, value in worst.items()}
    return results


_BUCKET = re.compile(r'riskengine_http_request_duration_seconds_bucket\{le="([^"]+)",method="POST",route="[^"]*/assessments",status="200"\} (\S+)')


def _server_histogram(server: Server, key: str) -> dict[str, float]:
    """The server's own latency histogram of single assessments (cumulative counts by bucket)."""
    text = httpx.get(server.url + "/metrics", headers={"Authorization": f"Bearer {key}"}, timeout=30).text
    return {match.group(1): float(match.group(2)) for match in _BUCKET.finditer(text)}


def _measured(server: Server, key: str, audit: str, run_load: Any) -> dict[str, Any]:
    """One run, with the server's CPU time per request and the share of requests the server itself
    answered within 10 ms (both robust to other load on the machine slowing the load generator)."""
    before, histogram = server.cpu_seconds(), _server_histogram(server, key)
    row = asyncio.run(run_load())
    after, histogram_after = server.cpu_seconds(), _server_histogram(server, key)
    cpu = round((after - before) * 1000 / row["requests"], 3) if before is not None and after is not None else None
    total = histogram_after.get("+Inf", 0) - histogram.get("+Inf", 0)
    within = histogram_after.get("0.01", 0) - histogram.get("0.01", 0)
    row = {
        "audit": audit,
        **row,
        "server_cpu_ms_per_request": cpu,
        "server_share_within_10ms": round(within / total, 4) if total else None,
        "load_average": round(os.getloadavg()[0], 2),
    }
    _print_row(row)
    return row


def _ruleset_id(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("ruleset:"):
            return line.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
    raise SystemExit(f"{path}: no 'ruleset:' line")


HEADER = (
    f"{'audit':<8}{'mode':<14}{'clients':>8}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}"
    f"{'max ms':>9}{'cpu ms/req':>11}{'srv<=10ms':>10}{'load':>6}"
)


def _print_row(row: dict[str, Any]) -> None:
    print(
        f"{row['audit']:<8}{row['mode']:<14}{row['clients']:>8}{row['requests']:>10}{row['throughput_per_s']:>9}"
        f"{row['p50_ms']:>9}{row['p90_ms']:>9}{row['p99_ms']:>9}{row['max_ms']:>9}"
        f"{row['server_cpu_ms_per_request'] if row['server_cpu_ms_per_request'] is not None else '-':>11}"
        f"{row['server_share_within_10ms'] if row['server_share_within_10ms'] is not None else '-':>10}{row['load_average']:>6}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ruleset", default=str(ROOT / "rulesets" / "soccer.yaml"))
    parser.add_argument("--events", help="JSON Lines events (default: examples/<ruleset>/events.jsonl)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per run (default 10)")
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second of the open-loop runs (default 200)")
    parser.add_argument("--warmup", type=int, default=300, help="requests before measuring (default 300)")
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw", help="load generator: raw asyncio HTTP/1.1 (default) or httpx")
    parser.add_argument(
        "--audit",
        nargs="+",
        choices=("full", "normal", "off"),
        default=["full", "normal", "off"],
        help="audit settings to run: full (synchronous=FULL, the default of serve), normal, off (--no-audit)",
    )
    parser.add_argument("--output", default=str(RESULTS))
    arguments = parser.parse_args()
    results = run(arguments)
    summary = results["summary"]
    print(f"\nworst p99 at {arguments.rate:g} req/s (target < {TARGET_P99_MS:g} ms):")
    for audit, value in summary["worst_p99_ms_at_rate"].items():
        print(f"  audit {audit:<7} {value:>8} ms  {'met' if summary['target_met'][audit] else 'NOT met'}")
    output = Path(arguments.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
