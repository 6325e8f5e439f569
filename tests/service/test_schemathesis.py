"""Property-based API testing with schemathesis against the service's own OpenAPI document.

A real uvicorn server runs on a free loopback port; ``schemathesis run`` loads ``/openapi.json``
from it (with an API key) and generates requests from it, valid and invalid, through all its phases
(examples, coverage, fuzzing, stateful). Every check is on: no 5xx, status codes, content types,
headers and bodies as documented, invalid data rejected, valid data accepted, auth enforced. The
run is bounded (``--max-examples``) and prints its seed, so a failure can be reproduced.

The schemathesis CLI is used rather than its pytest plugin, whose lazy loader
(``schemathesis.pytest.from_fixture``) does not work with pytest 9.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from riskengine.interfaces.service.app import Service, ServiceConfig, create_app
from riskengine.interfaces.service.keys import create_key

from .support import write_rulesets

MAX_EXAMPLES = 25


class LiveService:
    """The service under uvicorn in a background thread of this process."""

    def __init__(self, root: Path):
        keys = root / "keys.json"
        self.key = create_key(keys, "schemathesis", "admin")
        self.service = Service(
            ServiceConfig(rulesets=write_rulesets(root / "rulesets"), keys=keys, audit=root / "audit.db", max_batch=20)
        )
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(self.service), log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(30)
        self.service.close()


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveService]:
    service = LiveService(tmp_path_factory.mktemp("schemathesis"))
    yield service
    service.stop()


def _schemathesis() -> list[str]:
    beside = Path(sys.executable).parent / "schemathesis"
    found = str(beside) if beside.exists() else shutil.which("schemathesis")
    return [found] if found else [sys.executable, "-m", "schemathesis.cli"]


def test_schemathesis_finds_no_server_error_and_no_schema_violation(live: LiveService, tmp_path: Path):
    command = [
        *_schemathesis(),
        "run",
        f"{live.url}/openapi.json",
        "--header", f"Authorization: Bearer {live.key}",
        "--checks", "all",
        "--max-examples", str(MAX_EXAMPLES),
        "--generation-database", "none",
        "--request-timeout", "20",
        "--no-color",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=tmp_path, env={**os.environ, "NO_COLOR": "1"})
    report = result.stdout + result.stderr
    assert result.returncode == 0, report[-20000:]
    assert "No issues found" in report
    assert "Operations:       10 selected / 10 total" in report
