"""A real ``riskengine serve`` process: SIGKILL under load loses no acknowledged decision, the state
of a stateful ruleset continues after the restart, SIGHUP reloads, SIGTERM stops cleanly."""

from __future__ import annotations

import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from riskengine import Engine, load_ruleset_text
from riskengine.interfaces.service.audit import SERVICE_STREAM, AuditLog

from .support import CLI, PAYMENTS_YAML, SOCCER_EVENT, ServerProcess, payment, write_rulesets

PAYMENTS = "/v1/rulesets/payments/assessments"


def _reference_engine(trail: Path) -> Engine:
    """An engine that saw, in order, every payments decision the service recorded."""
    engine = Engine(load_ruleset_text(PAYMENTS_YAML))
    with AuditLog(trail, create=False) as log:
        for decision in log.decisions(SERVICE_STREAM, "payments"):
            engine.evaluate_json(decision.event)
    return engine


def test_sigkill_restart_sighup_and_sigterm(tmp_path: Path):
    rulesets = write_rulesets(tmp_path / "rulesets")
    keys = tmp_path / "keys.json"
    created = subprocess.run([*CLI, "keys", "create", "client", "--scope", "admin", "--keys", str(keys)], capture_output=True, text=True, check=True)
    key = created.stdout.splitlines()[-1]
    headers = {"Authorization": f"Bearer {key}"}
    trail = tmp_path / "audit.db"
    args = ["--rulesets", str(rulesets), "--keys", str(keys), "--audit", str(trail), "--snapshot-every", "7"]

    server = ServerProcess(*args)
    acknowledged: dict[str, str] = {}  # decision id -> response body
    stop = threading.Event()

    def load(client_number: int) -> None:
        with httpx.Client(base_url=server.url, headers=headers, timeout=10) as client:
            count = 0
            while not stop.is_set():
                count += 1
                if client_number == 0:
                    response = client.post(PAYMENTS, json=payment("A", 1 + count % 28, event_id=f"a-{count}"))
                else:
                    response = client.post("/v1/rulesets/soccer/assessments", json={**SOCCER_EVENT, "event_id": f"s{client_number}-{count}"})
                if response.status_code == 200:
                    acknowledged[response.headers["X-Decision-Id"]] = response.text

    clients = [threading.Thread(target=_quietly, args=(load, number)) for number in range(4)]
    for thread in clients:
        thread.start()
    deadline = time.monotonic() + 20
    while len(acknowledged) < 150 and time.monotonic() < deadline:
        time.sleep(0.02)
    server.kill()  # SIGKILL in the middle of the load
    stop.set()
    for thread in clients:
        thread.join(15)
    assert len(acknowledged) >= 150

    with AuditLog(trail, create=False) as log:
        missing = [decision_id for decision_id in acknowledged if log.get(decision_id) is None]
        assert not missing, f"{len(missing)} acknowledged decisions are missing from the audit trail"
        assert all(log.get(decision_id).assessment == body for decision_id, body in acknowledged.items())

    # Restart: the state of the stateful ruleset continues exactly where the recorded decisions left it.
    server = ServerProcess(*args)
    try:
        reference = _reference_engine(trail)
        with httpx.Client(base_url=server.url, headers=headers, timeout=10) as client:
            for number in range(5):
                event = payment("A", 28, event_id=f"after-{number}")
                response = client.post(PAYMENTS, json=event)
                assert response.status_code == 200
                assert response.text == reference.evaluate(event).to_json()
            assert response.json()["flags"][0]["id"] == "PAY-01"

            # SIGHUP: a new version of the stateful ruleset, with its state carried over.
            path = rulesets / "payments.yaml"
            path.write_text(PAYMENTS_YAML.replace('version: "1"', 'version: "2"').replace("weight: 40", "weight: 45"), encoding="utf-8")
            server.signal(signal.SIGHUP)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                listed = {item["id"]: item["version"] for item in client.get("/v1/rulesets").json()["rulesets"]}
                if listed["payments"] == "2":
                    break
                time.sleep(0.05)
            assert listed["payments"] == "2"
            after = client.post(PAYMENTS, json=payment("A", 28, event_id="after-reload"))
            assert after.json()["ruleset"]["version"] == "2" and after.json()["score"] == 45.0
            decision_id = after.headers["X-Decision-Id"]

            # A broken file on SIGHUP: refused, the service keeps serving version 2.
            path.write_text("ruleset: [", encoding="utf-8")
            server.signal(signal.SIGHUP)
            deadline = time.monotonic() + 20
            while "SIGHUP reload refused" not in "".join(server.log) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert "payments.yaml:1:" in "".join(server.log)  # the diagnostics are logged
            assert client.post(PAYMENTS, json=payment("B", 1)).json()["ruleset"]["version"] == "2"
    finally:
        returncode = server.stop()  # SIGTERM: graceful, snapshots the state
    log_text = "".join(server.log)
    # uvicorn shuts down gracefully, then re-raises SIGTERM so that the parent sees why it ended.
    assert returncode in (0, -signal.SIGTERM), log_text
    assert "Application shutdown complete" in log_text
    assert "SIGHUP reload refused" in log_text
    with AuditLog(trail, create=False) as log:
        last = max(decision.seq for decision in log.decisions(SERVICE_STREAM, "payments"))
        assert log.latest_snapshot(SERVICE_STREAM, "payments").after_seq == last  # snapshot at shutdown

    replay = subprocess.run([*CLI, "replay", decision_id, "--audit", str(trail)], capture_output=True, text=True)
    assert replay.returncode == 0, replay.stdout + replay.stderr
    assert "identical" in replay.stdout


def _quietly(function: Any, *args: Any) -> None:
    """Run a load client; connection errors after the SIGKILL end it."""
    try:
        function(*args)
    except httpx.TransportError:
        pass
