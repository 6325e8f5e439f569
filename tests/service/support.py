"""Shared helpers of the service tests: rulesets, events, keys, a test client."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from riskengine.interfaces.service.app import Service, create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx in its test client
    from fastapi.testclient import TestClient

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# A stateful ruleset: PAY-01 fires from the third payment of an agent within 30 days.
PAYMENTS_YAML = """\
ruleset: payments
version: "1"
title: Payments (test)
params:
  max_repeats: 2
  large_amount: 1000
events:
  payment:
    entity: agent_id
    time: paid_on
    fields:
      agent_id: string
      amount: number
      paid_on: date
features:
  payments_30d:
    aggregate: count
    over: payment
    by: agent_id
    window: 30 days
flags:
  - id: PAY-01
    title: Repeated payments
    on: payment
    when: payments_30d >= params.max_repeats
    severity: medium
    weight: 40
    explain: "{payments_30d} earlier payments to {agent_id} in 30 days"
  - id: PAY-02
    title: Large payment
    on: payment
    when: amount > params.large_amount
    severity: high
    weight: 30
    references:
      - "Test reference"
scoring:
  method: sum
  max_score: 100
  bands: {low: 0, medium: 30, high: 60, critical: 80}
"""

SOCCER_EVENT: dict[str, Any] = {
    "kind": "agent_payment",
    "event_id": "e-1",
    "agent_id": "AG-9",
    "client_role": "releasing_club",
    "fee": 1500000,
    "transfer_compensation": 10000000,
    "paid_on": "2025-07-01",
    "country": "PA",
    "annual_remuneration": 100000000,
    "bids": [{"amount": 120, "bidder": "y"}, {"amount": 60, "bidder": "z"}],
    "tags": ["urgent"],
}


def payment(agent: str, day: int, amount: float = 100, event_id: str | None = None) -> dict[str, Any]:
    event: dict[str, Any] = {"kind": "payment", "agent_id": agent, "amount": amount, "paid_on": f"2025-03-{day:02d}"}
    if event_id is not None:
        event["event_id"] = event_id
    return event


def write_rulesets(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "contract_soccer.yaml", directory / "soccer.yaml")
    (directory / "payments.yaml").write_text(PAYMENTS_YAML, encoding="utf-8")
    return directory


@dataclass
class Keys:
    path: Path
    admin: str
    evaluate: str

    def header(self, key: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {key or self.evaluate}"}

    @property
    def admin_header(self) -> dict[str, str]:
        return self.header(self.admin)


def make_client(service: Service) -> TestClient:
    """A test client that turns server errors into 500 responses, as uvicorn does."""
    return TestClient(create_app(service), raise_server_exceptions=False)


# ---------------------------------------------------------------------- a real server process

CLI = [sys.executable, "-c", "from riskengine.interfaces.cli import main; main()"]
_LISTENING = re.compile(r"riskengine: serving .* on (http://\S+)")


class ServerProcess:
    """``riskengine serve`` in a child process on a free loopback port (``--port 0``)."""

    def __init__(self, *args: str, cwd: Path | None = None):
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [*CLI, "serve", "--port", "0", *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=cwd,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        threading.Thread(target=self._drain, daemon=True).start()
        self.url = self._wait_for_url()
        self.wait_ready()

    def _drain(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)
            self.lines.put(line)

    def _wait_for_url(self, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            match = _LISTENING.search(line)
            if match:
                return match.group(1)
        self.process.kill()
        raise AssertionError("the service did not start:\n" + "".join(self.log))

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/readyz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise AssertionError("the service did not become ready:\n" + "".join(self.log))

    def signal(self, number: int) -> None:
        self.process.send_signal(number)

    def kill(self) -> None:
        self.process.kill()  # SIGKILL: no shutdown code runs
        self.process.wait(10)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        return self.process.returncode
