"""The audit trail: records, export, replay (stateless and stateful), and its commands."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from riskengine import Engine, load_ruleset, load_ruleset_text
from riskengine.interfaces.service.audit import AuditError, AuditLog, checkpoint, parse_time
from riskengine.interfaces.service.commands import app as service_cli

from .support import FIXTURES, PAYMENTS_YAML, SOCCER_EVENT, payment

runner = CliRunner()


@pytest.fixture
def audit(tmp_path: Path):
    log = AuditLog(tmp_path / "audit.db")
    yield log
    log.close()


def soccer_engine(**params) -> Engine:
    return Engine(load_ruleset(FIXTURES / "contract_soccer.yaml", params=params or None))


def test_a_record_holds_everything_needed_to_explain_the_decision(audit: AuditLog):
    engine = soccer_engine()
    assessment = engine.evaluate(SOCCER_EVENT)
    decision_id = audit.record(engine, SOCCER_EVENT, assessment)
    decision = audit.get(decision_id)
    assert decision.decision_id == decision_id
    assert decision.ruleset_id == "soccer" and decision.ruleset_version == "2026.1"
    assert decision.ruleset_hash == engine.ruleset.hash
    assert decision.param_values == engine.ruleset.param_values
    assert json.loads(decision.event) == SOCCER_EVENT
    assert decision.assessment == assessment.to_json()
    assert audit.ruleset_text(engine.ruleset.hash) == (FIXTURES / "contract_soccer.yaml").read_text(encoding="utf-8")
    assert audit.get("no-such-id") is None


def test_the_trail_is_sqlite_in_wal_mode(audit: AuditLog):
    engine = soccer_engine()
    audit.record(engine, SOCCER_EVENT, engine.evaluate(SOCCER_EVENT))
    connection = sqlite3.connect(audit.path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()


def test_export_writes_one_decision_per_line_within_the_time_range(audit: AuditLog, monkeypatch):
    import riskengine.interfaces.service.audit as audit_module

    engine = soccer_engine()
    ids = []
    for day in range(3):
        monkeypatch.setattr(audit_module, "utc_now", lambda day=day: f"2026-01-0{day + 1}T10:00:00.000000Z")
        event = {**SOCCER_EVENT, "event_id": f"e-{day}"}
        ids.append(audit.record(engine, event, engine.evaluate(event)))
    monkeypatch.undo()
    records = list(audit.export())
    assert [record["decision_id"] for record in records] == ids
    first = records[0]
    assert list(first) == ["decision_id", "recorded_at", "stream", "ruleset", "params", "event", "assessment"]
    assert first["ruleset"] == {"id": "soccer", "version": "2026.1", "hash": engine.ruleset.hash}
    assert first["event"]["event_id"] == "e-0" and first["assessment"]["event_id"] == "e-0"
    assert [r["decision_id"] for r in audit.export(since="2026-01-02")] == ids[1:]
    assert [r["decision_id"] for r in audit.export(until="2026-01-02T10:00:00Z")] == ids[:1]
    assert [r["decision_id"] for r in audit.export(since="2026-01-01T11:00:00+01:00", until="2026-01-03")] == ids[:2]
    with pytest.raises(ValueError):
        parse_time("yesterday")


def test_an_input_that_is_not_json_is_exported_as_text(audit: AuditLog):
    engine = soccer_engine()
    audit.record(engine, "{oops", engine.evaluate_json("{oops"))
    record = next(audit.export())
    assert record["event"] is None and record["event_text"] == "{oops"
    assert record["assessment"]["status"] == "rejected"


def test_replay_is_byte_identical_even_after_the_ruleset_file_changed(audit: AuditLog, tmp_path: Path):
    path = tmp_path / "soccer.yaml"
    path.write_text((FIXTURES / "contract_soccer.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    engine = Engine(load_ruleset(path, params={"releasing_agent_fee_cap": 0.2}))
    event = {**SOCCER_EVENT, "fee": 2500000}
    decision_id = audit.record(engine, event, engine.evaluate(event))
    path.unlink()
    result = audit.replay(decision_id)
    assert result.identical and not result.stateful
    hits = {hit["id"]: hit for hit in json.loads(result.replayed)["flags"]}
    assert hits["SOC-01"]["evidence"]["params.releasing_agent_fee_cap"] == 0.2


def test_replay_reports_a_different_assessment(audit: AuditLog):
    engine = soccer_engine()
    decision_id = audit.record(engine, SOCCER_EVENT, engine.evaluate(SOCCER_EVENT))
    connection = sqlite3.connect(audit.path)
    with connection:
        connection.execute("UPDATE decisions SET assessment = replace(assessment, '\"band\": \"', '\"band\": \"x') WHERE decision_id = ?", (decision_id,))
    connection.close()
    assert not audit.replay(decision_id).identical
    with pytest.raises(AuditError, match="no decision"):
        audit.replay("missing")


def test_replay_of_a_stateful_decision_rebuilds_the_state_from_the_trail(tmp_path: Path):
    engine = Engine(load_ruleset_text(PAYMENTS_YAML))
    ids = []
    with AuditLog(tmp_path / "audit.db", stream="run-1") as log:
        log.begin(engine)
        for day in range(1, 8):
            event = payment("A" if day % 3 else "B", day, event_id=None)
            ids.append(log.record(engine, event, engine.evaluate(event)))
            if day == 4:
                log.snapshot(engine)  # a snapshot mid-stream: replays after it start there
    with AuditLog(tmp_path / "audit.db", create=False) as log:
        for index, decision_id in enumerate(ids):
            result = log.replay(decision_id)
            assert result.identical, (index, result.replayed, result.decision.assessment)
            assert result.stateful
        early, late = log.replay(ids[2]), log.replay(ids[6])
        assert early.prior_events == 2 and late.prior_events == 2
        assert late.snapshot_seq is not None and late.snapshot_seq > early.snapshot_seq
        # The evidence names earlier events by sequence number: the state is really re-created.
        assert json.loads(late.replayed)["flags"][0]["evidence"]["payments_30d.event_ids"]


def test_a_stream_without_begin_snapshots_after_its_first_decision(tmp_path: Path):
    engine = Engine(load_ruleset_text(PAYMENTS_YAML))
    with AuditLog(tmp_path / "audit.db") as log:
        ids = [log.record(engine, payment("A", day), engine.evaluate(payment("A", day))) for day in (1, 2, 3)]
        assert all(log.replay(decision_id).identical for decision_id in ids)


def test_a_checkpoint_stores_the_state_rebuilt_from_the_trail(tmp_path: Path):
    path = tmp_path / "audit.db"
    engine = Engine(load_ruleset_text(PAYMENTS_YAML))
    with AuditLog(path, stream="service") as log:
        log.begin(engine)
        ids = [log.record(engine, payment("A", day), engine.evaluate(payment("A", day))) for day in range(1, 6)]
    rebuilt = checkpoint(path, "service", "payments")
    assert rebuilt.replayed == 5 and not rebuilt.mismatches
    with AuditLog(path, create=False) as log:
        snapshot = log.latest_snapshot("service", "payments")
        assert snapshot.after_seq == log.get(ids[-1]).seq
        assert log.rebuild("service", "payments").replayed == 0
        engine.save_state(tmp_path / "live.json")
        assert json.loads(snapshot.document) == json.loads((tmp_path / "live.json").read_text(encoding="utf-8"))
    assert checkpoint(path, "service", "payments").replayed == 0  # nothing new: nothing stored


def test_concurrent_records_are_all_committed(audit: AuditLog):
    engine = soccer_engine()
    assessment = engine.evaluate(SOCCER_EVENT)
    ids: list[str] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(40):
            decision_id = audit.record(engine, SOCCER_EVENT, assessment)
            with lock:
                ids.append(decision_id)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(ids)) == 320
    assert audit.count() == 320
    assert {record["decision_id"] for record in audit.export()} == set(ids)


def test_a_failed_write_is_reported_to_the_waiter_or_by_flush(audit: AuditLog):
    engine = soccer_engine()
    assessment = engine.evaluate(SOCCER_EVENT)
    audit.record(engine, SOCCER_EVENT, assessment, decision_id="same")
    with pytest.raises(AuditError, match="UNIQUE"):
        audit.record(engine, SOCCER_EVENT, assessment, decision_id="same")
    audit.flush()  # that failure was reported to its waiter, not again here
    audit.record(engine, SOCCER_EVENT, assessment, decision_id="same", wait=False)
    with pytest.raises(AuditError, match="UNIQUE"):
        audit.flush()
    audit.flush()  # reported once
    assert audit.count() == 1


def test_not_an_audit_trail(tmp_path: Path):
    with pytest.raises(AuditError, match="no audit trail"):
        AuditLog(tmp_path / "missing.db", create=False)
    other = tmp_path / "other.db"
    other.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(AuditError, match="not a riskengine audit trail"):
        AuditLog(other)


# ---------------------------------------------------------------------- commands


def test_replay_and_audit_commands(tmp_path: Path):
    trail = tmp_path / "audit.db"
    engine = soccer_engine()
    with AuditLog(trail) as log:
        decision_id = log.record(engine, SOCCER_EVENT, engine.evaluate(SOCCER_EVENT))
    result = runner.invoke(service_cli, ["replay", decision_id, "--audit", str(trail)])
    assert result.exit_code == 0, result.output
    assert "identical" in result.output and engine.ruleset.hash in result.output
    as_json = json.loads(runner.invoke(service_cli, ["replay", decision_id, "--audit", str(trail), "--json"]).stdout)
    assert as_json["identical"] is True and as_json["recorded"] == as_json["replayed"]

    connection = sqlite3.connect(trail)
    with connection:
        connection.execute("UPDATE decisions SET assessment = replace(assessment, '\"score\": ', '\"score\": 1')")
    connection.close()
    different = runner.invoke(service_cli, ["replay", decision_id, "--audit", str(trail)])
    assert different.exit_code == 1 and "DIFFERENT" in different.output and "--- recorded" in different.output
    assert runner.invoke(service_cli, ["replay", "nope", "--audit", str(trail)]).exit_code == 1
    assert runner.invoke(service_cli, ["replay", decision_id, "--audit", str(tmp_path / "none.db")]).exit_code == 1

    out = tmp_path / "export.jsonl"
    exported = runner.invoke(service_cli, ["audit", "export", "--audit", str(trail), "-o", str(out), "--since", "2000-01-01"])
    assert exported.exit_code == 0, exported.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["decision_id"] == decision_id
    to_stdout = runner.invoke(service_cli, ["audit", "export", "--audit", str(trail), "--until", "2000-01-01"])
    assert to_stdout.exit_code == 0 and to_stdout.stdout == ""
    assert runner.invoke(service_cli, ["audit", "export", "--audit", str(trail), "--since", "soon"]).exit_code == 1
    shown = runner.invoke(service_cli, ["audit", "show", decision_id, "--audit", str(trail)])
    assert json.loads(shown.stdout)["decision_id"] == decision_id
    text = runner.invoke(service_cli, ["audit", "ruleset", engine.ruleset.hash, "--audit", str(trail)])
    assert text.stdout == (FIXTURES / "contract_soccer.yaml").read_text(encoding="utf-8")


def test_the_main_cli_has_the_service_commands():
    from riskengine.interfaces.cli import app

    for command in (["serve", "--help"], ["keys", "create", "--help"], ["replay", "--help"], ["audit", "export", "--help"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, (command, result.output)
