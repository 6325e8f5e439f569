"""Fixtures of the service tests: a rulesets folder, API keys, a service and its test client."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from riskengine.interfaces.service.app import Service, ServiceConfig
from riskengine.interfaces.service.keys import create_key

from .support import Keys, TestClient, make_client, write_rulesets


@pytest.fixture
def rulesets_dir(tmp_path: Path) -> Path:
    return write_rulesets(tmp_path / "rulesets")


@pytest.fixture
def keys(tmp_path: Path) -> Keys:
    path = tmp_path / "keys.json"
    return Keys(path, create_key(path, "ops", "admin"), create_key(path, "scorer", "evaluate"))


@pytest.fixture
def make_service(tmp_path: Path, rulesets_dir: Path, keys: Keys) -> Iterator[Callable[..., Service]]:
    made: list[Service] = []

    def make(**options: Any) -> Service:
        settings: dict[str, Any] = {"rulesets": rulesets_dir, "keys": keys.path, "audit": tmp_path / "audit.db"}
        settings.update(options)
        service = Service(ServiceConfig(**settings))
        made.append(service)
        return service

    yield make
    for service in made:
        service.close()


@pytest.fixture
def service(make_service: Callable[..., Service]) -> Service:
    return make_service()


@pytest.fixture
def client(service: Service) -> Iterator[TestClient]:
    with make_client(service) as test_client:
        yield test_client

