"""The HTTP API in-process (FastAPI test client): routes, auth, limits, errors, metrics, reload."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from riskengine import Engine, load_ruleset
from riskengine.interfaces.service.keys import create_key, revoke_key

from .support import FIXTURES, SOCCER_EVENT, Keys, make_client, payment

ASSESS = "/v1/rulesets/soccer/assessments"
BATCH = "/v1/rulesets/soccer/assessments:batch"
NDJSON = {"Content-Type": "application/x-ndjson"}


def expected(event: Any, ruleset_path: Path = FIXTURES / "contract_soccer.yaml") -> str:
    return Engine(load_ruleset(ruleset_path)).evaluate(event).to_json()


def assert_no_leak(text: str, *paths: Path) -> None:
    assert "Traceback" not in text and 'File "' not in text
    for path in paths:
        assert str(path) not in text


# ---------------------------------------------------------------------- health and auth


def test_health_routes_need_no_key(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "rulesets": 2, "audit": "on", "problems": []}


PROTECTED = [
    ("GET", "/v1/rulesets"),
    ("GET", "/v1/rulesets/soccer"),
    ("POST", ASSESS),
    ("POST", BATCH),
    ("POST", "/v1/admin/reload"),
    ("GET", "/metrics"),
    ("GET", "/openapi.json"),
]


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_every_other_route_needs_a_key(client, method, path):
    missing = client.request(method, path, json=SOCCER_EVENT if method == "POST" else None)
    assert missing.status_code == 401
    assert missing.headers["WWW-Authenticate"].startswith("Bearer")
    assert missing.json()["error"] == "unauthorized"
    wrong = client.request(method, path, headers={"Authorization": "Bearer rk_not-a-key"})
    assert wrong.status_code == 401
    basic = client.request(method, path, headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert basic.status_code == 401


def test_scopes_evaluate_cannot_reload_admin_can_do_everything(client, keys: Keys):
    refused = client.post("/v1/admin/reload", headers=keys.header())
    assert refused.status_code == 403
    assert refused.json()["error"] == "forbidden"
    assert client.post("/v1/admin/reload", headers=keys.admin_header).status_code == 200
    assert client.post(ASSESS, json=SOCCER_EVENT, headers=keys.admin_header).status_code == 200


def test_a_revoked_key_is_refused_without_a_restart(client, keys: Keys):
    key = create_key(keys.path, "temporary")  # created after the service started: also picked up
    assert client.get("/v1/rulesets", headers=keys.header(key)).status_code == 200
    assert revoke_key(keys.path, "temporary") == 1
    assert client.get("/v1/rulesets", headers=keys.header(key)).status_code == 401
    assert client.get("/v1/rulesets", headers=keys.header()).status_code == 200


def test_an_unreadable_keys_file_grants_nothing(client, keys: Keys):
    keys.path.write_text("{not json", encoding="utf-8")
    response = client.get("/v1/rulesets", headers=keys.header())
    assert response.status_code == 503
    assert_no_leak(response.text, keys.path)
    assert client.get("/readyz").status_code == 503


# ---------------------------------------------------------------------- assessments


def test_one_event_gives_the_contract_assessment(client, service, keys: Keys):
    response = client.post(ASSESS, json=SOCCER_EVENT, headers=keys.header())
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.text == expected(SOCCER_EVENT)  # byte-identical to the Python API
    body = response.json()
    assert list(body) == ["event_id", "kind", "entity", "status", "score", "band", "flags", "not_evaluable", "ruleset"]
    assert body["status"] == "scored" and body["flags"]
    decision = service.audit.get(response.headers["X-Decision-Id"])
    assert decision is not None
    assert decision.assessment == response.text
    assert json.loads(decision.event) == SOCCER_EVENT


def test_an_invalid_event_is_422_with_the_rejected_assessment(client, keys: Keys):
    event = {**SOCCER_EVENT, "fee": "1500000"}
    response = client.post(ASSESS, json=event, headers=keys.header())
    assert response.status_code == 422
    body = response.json()
    assert body["status"] == "rejected"
    assert body["errors"] == [{"field": "fee", "problem": 'expected a number, got the string "1500000"'}]
    assert "X-Decision-Id" in response.headers  # rejected events are decisions too
    unknown_kind = client.post(ASSESS, json={"kind": "agent_paymnt"}, headers=keys.header())
    assert unknown_kind.status_code == 422
    assert "did you mean 'agent_payment'" in unknown_kind.json()["errors"][0]["problem"]
    not_an_object = client.post(ASSESS, json=[1, 2], headers=keys.header())
    assert not_an_object.status_code == 422


@pytest.mark.parametrize(
    ("body", "headers", "status", "error"),
    [
        (b'{"kind": "agent_payment",', {}, 400, "invalid_json"),
        (b"", {}, 400, "invalid_json"),
        (b'{"kind": "\xff"}', {}, 400, "invalid_encoding"),
        (b"[" * 100000 + b"]" * 100000, {}, 400, "invalid_json"),
        (b'{"kind": "agent_payment"}', {"Content-Type": "text/csv"}, 415, "unsupported_media_type"),
        (b'{"kind": "agent_payment"}', {"Content-Length": "x"}, 400, "invalid_request"),
        (b'{"kind": "agent_payment", "event_id": "\\ud800"}', {}, 400, "invalid_json"),
        (b'{"kind": "agent_payment", "x": ' + b"[" * 900 + b"]" * 900 + b', "y": "\\ud800"}', {}, 400, "invalid_json"),
    ],
)
def test_malformed_bodies_are_4xx_with_details(client, keys: Keys, body, headers, status, error):
    response = client.post(ASSESS, content=body, headers={**keys.header(), "Content-Type": "application/json", **headers})
    assert response.status_code == status
    assert response.json()["error"] == error
    assert response.json()["detail"]


def test_an_unknown_ruleset_is_404(client, keys: Keys):
    for method, path in [("GET", "/v1/rulesets/nope"), ("POST", "/v1/rulesets/nope/assessments"), ("POST", "/v1/rulesets/nope/assessments:batch")]:
        response = client.request(method, path, json=SOCCER_EVENT, headers=keys.header())
        assert response.status_code == 404
        assert response.json()["error"] == "not_found"
    assert client.get("/nowhere").json()["error"] == "not_found"
    assert client.delete("/healthz").status_code == 405


def test_body_and_batch_size_limits(make_service, keys: Keys):
    with make_client(make_service(max_body_bytes=2000, max_batch=3)) as client:
        big = {**SOCCER_EVENT, "padding": "x" * 3000}
        response = client.post(ASSESS, json=big, headers=keys.header())
        assert response.status_code == 413 and response.json()["error"] == "body_too_large"
        chunked = client.post(ASSESS, content=iter([b"{" + b" " * 1500, b" " * 1500 + b"}"]), headers=keys.header())
        assert chunked.status_code == 413
        batch = client.post(BATCH, json=[SOCCER_EVENT] * 4, headers=keys.header())
        assert batch.status_code == 422 and batch.json()["error"] == "batch_too_large"
        lines = "\n".join(json.dumps({"kind": "agent_payment"}) for _ in range(4))
        assert client.post(BATCH, content=lines, headers={**keys.header(), **NDJSON}).status_code == 422
        assert client.post(BATCH, json=[SOCCER_EVENT] * 3, headers=keys.header()).status_code == 200


def test_a_batch_keeps_order_and_rejected_events_are_assessments(client, service, keys: Keys):
    events = [SOCCER_EVENT, {**SOCCER_EVENT, "event_id": "e-2", "fee": True}, {**SOCCER_EVENT, "event_id": "e-3", "client_role": "player"}, "text"]
    response = client.post(BATCH, json=events, headers=keys.header())
    assert response.status_code == 200
    body = response.json()
    assert [item["status"] for item in body] == ["scored", "rejected", "scored", "rejected"]
    assert [item["event_id"] for item in body] == ["e-1", "e-2", "e-3", None]
    engine = Engine(load_ruleset(FIXTURES / "contract_soccer.yaml"))
    assert response.text == "[" + ",".join(engine.evaluate(event).to_json() for event in events) + "]"
    batch_id = response.headers["X-Batch-Id"]
    for index, item in enumerate(body):
        decision = service.audit.get(f"{batch_id}.{index}")
        assert decision is not None and json.loads(decision.assessment) == item


def test_a_batch_as_ndjson(client, keys: Keys):
    lines = [json.dumps(SOCCER_EVENT), "", '{"kind": "agent_payment", "fee": ', json.dumps({**SOCCER_EVENT, "event_id": "e-9"})]
    response = client.post(BATCH, content="\n".join(lines) + "\n", headers={**keys.header(), **NDJSON})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    out = [json.loads(line) for line in response.text.splitlines()]
    assert [item["status"] for item in out] == ["scored", "rejected", "scored"]
    assert out[1]["errors"][0]["problem"].startswith("invalid JSON")
    assert out[2]["event_id"] == "e-9"


def test_unpaired_surrogates_are_refused_and_other_line_breaks_kept(client, service, keys: Keys):
    array = client.post(BATCH, content='[{"kind": "agent_payment", "x": "\\udc00"}]', headers={**keys.header(), "Content-Type": "application/json"})
    assert array.status_code == 400 and array.json()["error"] == "invalid_json"
    lines = '{"kind": "agent_payment"}\n{"kind": "agent_payment", "event_id": "\\ud800"}\n'
    ndjson = client.post(BATCH, content=lines, headers={**keys.header(), **NDJSON})
    assert ndjson.status_code == 400 and "line 2" in ndjson.json()["detail"]
    paired = client.post(ASSESS, content='{"kind": "agent_payment", "event_id": "\\ud83d\\ude00 \\\\ud800"}', headers={**keys.header(), "Content-Type": "application/json"})
    assert paired.status_code == 200 and paired.json()["event_id"] == "\U0001F600 \\ud800"
    separator = client.post(BATCH, content='{"kind": "agent_payment", "event_id": "a\u2028b"}\r\n', headers={**keys.header(), **NDJSON})
    assert [json.loads(line)["event_id"] for line in separator.text.split("\n") if line] == ["a\u2028b"]
    assert service.audit.replay(separator.headers["X-Batch-Id"] + ".0").identical


def test_numbers_beyond_what_python_reads_are_never_a_500(client, service, keys: Keys):
    digits = "1" * 5000  # more digits than Python converts to an int
    single = client.post(ASSESS, content='{"kind": "agent_payment", "fee": %s}' % digits, headers={**keys.header(), "Content-Type": "application/json"})
    assert single.status_code == 400 and single.json()["error"] == "invalid_json"
    huge = "9" * 400  # an int, but beyond the range of a float
    lines = f'{{"kind": "agent_payment", "fee": {digits}}}\n{{"kind": "agent_payment", "fee": {huge}}}\n{{"kind": "agent_payment"}}\n'
    response = client.post(BATCH, content=lines, headers={**keys.header(), **NDJSON})
    assert response.status_code == 200
    out = [json.loads(line) for line in response.text.split("\n") if line]
    assert [item["status"] for item in out] == ["rejected", "rejected", "scored"]
    for index in range(3):  # whatever the engine made of them, a replay gives the same bytes
        assert service.audit.replay(f"{response.headers['X-Batch-Id']}.{index}").identical


def test_a_batch_that_is_not_an_array_is_400(client, keys: Keys):
    response = client.post(BATCH, json=SOCCER_EVENT, headers=keys.header())
    assert response.status_code == 400 and response.json()["error"] == "invalid_batch"
    assert client.post(BATCH, json=[], headers=keys.header()).json() == []


def test_stateful_rulesets_keep_state_across_requests(client, keys: Keys):
    scores = []
    for day in (1, 2, 3):
        response = client.post("/v1/rulesets/payments/assessments", json=payment("A", day), headers=keys.header())
        scores.append(response.json()["score"])
    assert scores == [0.0, 0.0, 40.0]
    third = response.json()["flags"][0]
    assert third["id"] == "PAY-01" and third["evidence"]["payments_30d"] == 2
    other = client.post("/v1/rulesets/payments/assessments", json=payment("B", 3), headers=keys.header())
    assert other.json()["score"] == 0.0


def test_stateful_rulesets_are_checkpointed_every_n_decisions(make_service, keys: Keys):
    service = make_service(snapshot_every=3)
    with make_client(service) as client:
        for day in range(1, 8):
            client.post("/v1/rulesets/payments/assessments", json=payment("A", day), headers=keys.header())
    # Closing waited for the checkpoint processes and stored a last snapshot.
    connection = sqlite3.connect(service.audit.path)
    try:
        after = [row[0] for row in connection.execute("SELECT after_seq FROM snapshots WHERE ruleset_id = 'payments' ORDER BY seq")]
        last = connection.execute("SELECT MAX(seq) FROM decisions WHERE ruleset_id = 'payments'").fetchone()[0]
    finally:
        connection.close()
    assert after[0] == 0 and after[-1] == last
    assert len(after) >= 3  # start, at least one checkpoint (a child process), shutdown


# ---------------------------------------------------------------------- rulesets


def test_list_and_describe_rulesets(client, keys: Keys):
    listed = client.get("/v1/rulesets", headers=keys.header()).json()["rulesets"]
    ruleset = load_ruleset(FIXTURES / "contract_soccer.yaml")
    assert listed[1] == {
        "id": "soccer", "version": "2026.1", "title": ruleset.title, "hash": ruleset.hash,
        "flag_count": len(ruleset.flags), "stateful": False,
    }
    assert listed[0]["id"] == "payments" and listed[0]["stateful"] is True
    detail = client.get("/v1/rulesets/payments", headers=keys.header()).json()
    assert [flag["id"] for flag in detail["flags"]] == ["PAY-01", "PAY-02"]
    pay2 = detail["flags"][1]
    assert pay2 == {
        "id": "PAY-02", "title": "Large payment", "on": ["payment"], "when": "amount > params.large_amount",
        "severity": "high", "weight": 30, "typology": None, "force_band": None, "explain": pay2["explain"],
        "references": ["Test reference"], "description": None,
    }
    assert detail["params"][0] == {"name": "max_repeats", "type": "integer", "value": 2, "default": 2, "description": None}
    assert detail["events"][0]["fields"] == {"agent_id": "string", "amount": "number", "paid_on": "date"}
    assert detail["features"][0]["name"] == "payments_30d"
    soccer = client.get("/v1/rulesets/soccer", headers=keys.header()).json()
    assert soccer["events"][0]["fields"]["bids"] == [{"amount": "number", "bidder": "string"}]


# ---------------------------------------------------------------------- metrics and OpenAPI


def test_metrics(client, keys: Keys):
    client.post(ASSESS, json=SOCCER_EVENT, headers=keys.header())
    client.post(ASSESS, json={"kind": "agent_payment", "fee": "x"}, headers=keys.header())
    client.get("/v1/rulesets")
    response = client.get("/metrics", headers=keys.header())
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    text = response.text
    route = 'route="/v1/rulesets/{ruleset_id}/assessments"'
    assert f'riskengine_http_requests_total{{method="POST",{route},status="200"}} 1.0' in text
    assert f'riskengine_http_requests_total{{method="POST",{route},status="422"}} 1.0' in text
    assert 'riskengine_http_requests_total{method="GET",route="/v1/rulesets",status="401"} 1.0' in text
    assert f'riskengine_http_request_duration_seconds_bucket{{le="0.01",method="POST",{route},status="200"}}' in text
    band = json.loads(expected(SOCCER_EVENT))["band"]
    assert f'riskengine_assessments_total{{band="{band}",ruleset="soccer"}} 1.0' in text
    assert 'riskengine_flags_fired_total{flag="SOC-01",ruleset="soccer"} 1.0' in text
    assert 'riskengine_rejected_events_total{ruleset="soccer"} 1.0' in text
    assert "riskengine_audit_commit_seconds_count 2.0" in text
    assert 'riskengine_ruleset_info{hash="sha256:' in text


def test_the_openapi_document_has_real_schemas(client, keys: Keys):
    document = client.get("/openapi.json", headers=keys.header()).json()
    assert document["openapi"].startswith("3.")
    paths = document["paths"]
    assert set(paths) == {
        "/healthz", "/readyz", "/metrics", "/v1/rulesets", "/v1/rulesets/{ruleset_id}", "/v1/admin/reload",
        "/v1/rulesets/payments/assessments", "/v1/rulesets/payments/assessments:batch",
        "/v1/rulesets/soccer/assessments", "/v1/rulesets/soccer/assessments:batch",
    }
    schemas = document["components"]["schemas"]
    assert {"Assessment", "FlagHit", "NotEvaluable", "EventError", "RulesetRef", "Problem", "RulesetDetail"} <= set(schemas)
    assert schemas["Assessment"]["properties"]["status"]["enum"] == ["scored", "rejected"]
    assert schemas["soccer.Event"]["anyOf"] == [{"$ref": "#/components/schemas/soccer.agent_payment"}]
    event = schemas["soccer.agent_payment"]
    assert event["properties"]["kind"] == {"type": "string", "enum": ["agent_payment"]}
    assert event["properties"]["fee"] == {"anyOf": [{"type": "number"}, {"type": "null"}]}
    assert event["properties"]["paid_on"]["anyOf"][0]["format"] == "date"
    assert event["properties"]["bids"]["anyOf"][0]["items"]["properties"]["amount"]["anyOf"][0] == {"type": "number"}
    single = paths["/v1/rulesets/soccer/assessments"]["post"]
    assert single["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/soccer.Event"}
    assert single["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Assessment"}
    assert single["responses"]["422"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Assessment"}
    assert {"401", "403", "404", "413", "415", "422"} <= set(single["responses"])
    assert single["security"] == [{"apiKey": []}]
    assert single["operationId"].endswith("_soccer")
    assert document["components"]["securitySchemes"]["apiKey"] == {
        "type": "http", "scheme": "bearer", "description": "An API key: `Authorization: Bearer rk_...`",
    }
    assert paths["/v1/rulesets/{ruleset_id}"]["get"]["parameters"][0]["schema"]["enum"] == ["payments", "soccer"]
    assert "security" not in paths["/healthz"]["get"]
    batch = paths["/v1/rulesets/soccer/assessments:batch"]["post"]
    assert set(batch["requestBody"]["content"]) == {"application/json", "application/x-ndjson"}
    assert batch["responses"]["200"]["content"]["application/json"]["schema"]["items"] == {"$ref": "#/components/schemas/Assessment"}


# ---------------------------------------------------------------------- reload


def _bump_version(rulesets_dir: Path, version: str, weight: int = 99) -> None:
    path = rulesets_dir / "soccer.yaml"
    text = path.read_text(encoding="utf-8").replace('version: "2026.1"', f'version: "{version}"', 1)
    path.write_text(text.replace("weight: 25", f"weight: {weight}", 1), encoding="utf-8")


def test_reload_swaps_in_a_new_version(client, keys: Keys, rulesets_dir: Path):
    before = client.post(ASSESS, json=SOCCER_EVENT, headers=keys.header()).json()
    _bump_version(rulesets_dir, "2026.2")
    response = client.post("/v1/admin/reload", headers=keys.admin_header)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "reloaded" and body["removed"] == []
    changed = {item["id"]: item["changed"] for item in body["rulesets"]}
    assert changed == {"payments": False, "soccer": True}
    after = client.post(ASSESS, json=SOCCER_EVENT, headers=keys.header()).json()
    assert after["ruleset"]["version"] == "2026.2" and after["ruleset"]["hash"] != before["ruleset"]["hash"]
    assert after["score"] > before["score"]


def test_a_failed_reload_keeps_the_old_version_and_reports_the_errors(client, keys: Keys, rulesets_dir: Path):
    path = rulesets_dir / "soccer.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("fee > params.releasing", "fe > params.releasing"), encoding="utf-8")
    response = client.post("/v1/admin/reload", headers=keys.admin_header)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_rulesets"
    problem = body["diagnostics"][0]
    assert problem["file"] == "soccer.yaml" and problem["code"] == "unknown_name" and problem["line"] > 1
    assert problem["suggestion"] == "fee"
    assert_no_leak(response.text, rulesets_dir)
    still = client.post(ASSESS, json=SOCCER_EVENT, headers=keys.header())
    assert still.text == expected(SOCCER_EVENT)


def test_a_request_in_flight_finishes_on_the_version_it_started_with(service, rulesets_dir: Path):
    entry = service.registry.get("soccer")
    started, release = threading.Event(), threading.Event()
    original = entry.engine.evaluate

    def slow(event: Any):
        started.set()
        release.wait(10)
        return original(event)

    entry.engine.evaluate = slow  # type: ignore[method-assign]
    results: list[Any] = []
    worker = threading.Thread(target=lambda: results.append(service.assess("soccer", [(json.dumps(SOCCER_EVENT), SOCCER_EVENT)], False)))
    worker.start()
    assert started.wait(10)
    _bump_version(rulesets_dir, "2026.2")
    service.reload()  # does not wait for the stateless request in flight
    assert service.registry.get("soccer").ruleset.version == "2026.2"
    release.set()
    worker.join(10)
    assessments, _ = results[0]
    assert assessments[0].ruleset.version == "2026.1"


def test_a_reload_moves_the_state_of_a_stateful_ruleset(client, service, keys: Keys, rulesets_dir: Path):
    url = "/v1/rulesets/payments/assessments"
    for day in (1, 2):
        client.post(url, json=payment("A", day), headers=keys.header())
    path = rulesets_dir / "payments.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("weight: 40", "weight: 45").replace('version: "1"', 'version: "2"'), encoding="utf-8")
    assert client.post("/v1/admin/reload", headers=keys.admin_header).status_code == 200
    third = client.post(url, json=payment("A", 3), headers=keys.header()).json()
    assert third["ruleset"]["version"] == "2"
    assert third["score"] == 45.0  # the two payments before the reload still count
    replayed = service.audit.replay(service.audit.get(client.post(url, json=payment("A", 4), headers=keys.header()).headers["X-Decision-Id"]).decision_id)
    assert replayed.identical and replayed.stateful


# ---------------------------------------------------------------------- failures never leak


def test_an_internal_error_is_a_500_without_details(client, service, keys: Keys, monkeypatch):
    def broken(*args: Any, **kwargs: Any):
        raise RuntimeError(f"secret detail in {service.config.rulesets}")

    monkeypatch.setattr(service, "_evaluate", broken)
    response = client.post(ASSESS, json=SOCCER_EVENT, headers=keys.header())
    assert response.status_code == 500
    assert response.json() == {"error": "internal_error", "detail": "internal error; the service log has the details"}
    assert_no_leak(response.text, service.config.rulesets)


def test_an_audit_failure_is_503_and_makes_the_service_unready(client, service, keys: Keys):
    service.audit.close()
    response = client.post(ASSESS, json=SOCCER_EVENT, headers=keys.header())
    assert response.status_code == 503
    assert response.json()["error"] == "audit_unavailable"
    assert client.get("/readyz").status_code == 503


def test_without_an_audit_trail(make_service, keys: Keys):
    with make_client(make_service(audit=None)) as client:
        response = client.post(ASSESS, json=SOCCER_EVENT, headers=keys.header())
        assert response.status_code == 200 and "X-Decision-Id" not in response.headers
        assert client.get("/readyz").json()["audit"] == "off"
