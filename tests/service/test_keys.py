"""API keys: stored hashed, scoped, revocable, and the keys commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from riskengine.interfaces.service.commands import app as service_cli
from riskengine.interfaces.service.keys import KeysError, KeyStore, create_key, hash_key, read_keys, revoke_key

runner = CliRunner()


def test_only_the_hash_is_stored(tmp_path: Path):
    path = tmp_path / "keys.json"
    key = create_key(path, "scorer")
    text = path.read_text(encoding="utf-8")
    assert key not in text and key[3:] not in text
    document = json.loads(text)
    assert document["format"] == "riskengine-keys/1"
    record = document["keys"][0]
    assert record["name"] == "scorer" and record["scope"] == "evaluate" and record["revoked"] is None
    assert record["hash"] == hash_key(key) and record["hash"].startswith("sha256:")
    assert key.startswith("rk_") and len(key) >= 40
    assert (path.stat().st_mode & 0o777) == 0o600


def test_authenticate_scopes_and_revoke(tmp_path: Path):
    path = tmp_path / "keys.json"
    admin, scorer = create_key(path, "ops", "admin"), create_key(path, "scorer")
    store = KeyStore(path)
    assert store.authenticate(admin).allows("admin") and store.authenticate(admin).allows("evaluate")
    assert store.authenticate(scorer).allows("evaluate") and not store.authenticate(scorer).allows("admin")
    assert store.authenticate("rk_" + "x" * 43) is None
    assert store.authenticate(scorer[:-1]) is None
    assert revoke_key(path, "scorer") == 1
    assert store.authenticate(scorer) is None  # re-read on change
    assert revoke_key(path, "scorer") == 0
    create_key(path, "scorer")  # a revoked name can be used again
    assert [record.name for record in read_keys(path)] == ["ops", "scorer", "scorer"]


def test_invalid_names_scopes_and_duplicates(tmp_path: Path):
    path = tmp_path / "keys.json"
    create_key(path, "scorer")
    with pytest.raises(KeysError, match="exists already"):
        create_key(path, "scorer")
    with pytest.raises(KeysError, match="unknown scope"):
        create_key(path, "x", "root")
    with pytest.raises(KeysError, match="a key name"):
        create_key(path, "has space")


def test_a_broken_keys_file_grants_nothing(tmp_path: Path):
    path = tmp_path / "keys.json"
    key = create_key(path, "scorer")
    store = KeyStore(path)
    assert store.authenticate(key) is not None
    path.write_text(json.dumps({"format": "riskengine-keys/1", "keys": [{"name": "x"}]}), encoding="utf-8")
    assert store.authenticate(key) is None and "needs name, scope and hash" in store.error
    assert KeyStore(tmp_path / "absent.json").active_count == 0


def test_keys_commands(tmp_path: Path):
    path = tmp_path / "keys.json"
    created = runner.invoke(service_cli, ["keys", "create", "ops", "--scope", "admin", "--keys", str(path)])
    assert created.exit_code == 0, created.output
    key = created.stdout.splitlines()[-1]
    assert created.stdout == key + "\n"  # the key alone on the last (only) line of standard output
    assert KeyStore(path).authenticate(key).scope == "admin"
    listed = runner.invoke(service_cli, ["keys", "list", "--keys", str(path)])
    assert "ops" in listed.stdout and "admin" in listed.stdout and "active" in listed.stdout and key not in listed.stdout
    assert runner.invoke(service_cli, ["keys", "create", "ops", "--keys", str(path)]).exit_code == 1
    assert runner.invoke(service_cli, ["keys", "create", "x", "--scope", "root", "--keys", str(path)]).exit_code == 1
    revoked = runner.invoke(service_cli, ["keys", "revoke", "ops", "--keys", str(path)])
    assert revoked.exit_code == 0 and KeyStore(path).authenticate(key) is None
    assert runner.invoke(service_cli, ["keys", "revoke", "ops", "--keys", str(path)]).exit_code == 1
    env = runner.invoke(service_cli, ["keys", "list"], env={"RISKENGINE_KEYS": str(path)})
    assert "revoked" in env.stdout
