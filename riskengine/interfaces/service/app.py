"""The HTTP service: FastAPI routes over the engine, the audit trail, API keys and metrics.

    service = Service(ServiceConfig(rulesets=Path("rulesets"), keys=Path("keys.json"), audit=Path("audit.db")))
    app = create_app(service)          # an ASGI app; ``riskengine serve`` runs it with uvicorn

Routes (every one but ``/healthz`` and ``/readyz`` needs ``Authorization: Bearer <key>``):

    POST /v1/rulesets/{id}/assessments        one event in, one assessment out (DESIGN §4)
    POST /v1/rulesets/{id}/assessments:batch  JSON array or NDJSON in, assessments out in order
    GET  /v1/rulesets                         id, version, hash and number of flags of each ruleset
    GET  /v1/rulesets/{id}                    params, event kinds, features, flags, scoring
    POST /v1/admin/reload                     re-read the rulesets folder (admin scope)
    GET  /healthz  /readyz  /metrics  /openapi.json

Evaluation is CPU-bound and synchronous: it runs in the thread pool, never on the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import logging
import re
import signal
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from pydantic.json_schema import models_json_schema
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from riskengine.engine.assessment import Assessment
from riskengine.interfaces.service import models
from riskengine.interfaces.service.audit import SERVICE_STREAM, UNPARSED, AuditError, AuditLog, Pending, assess_input, new_decision_id
from riskengine.interfaces.service.keys import KeyRecord, KeyStore
from riskengine.interfaces.service.metrics import CONTENT_TYPE as METRICS_CONTENT_TYPE
from riskengine.interfaces.service.metrics import MetricsMiddleware, ServiceMetrics
from riskengine.interfaces.service.registry import Entry, Registry, ReloadFailed, ReloadReport

log = logging.getLogger("riskengine.service")

DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024
DEFAULT_MAX_BATCH = 1000
JSON_TYPES = ("application/json", "")
NDJSON_TYPES = ("application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines")
_UNPARSED = UNPARSED


@dataclass
class ServiceConfig:
    rulesets: Path
    keys: Path
    audit: Optional[Path] = None  # None: no audit trail (state then lives in memory only)
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_batch: int = DEFAULT_MAX_BATCH
    snapshot_every: int = 10000
    audit_synchronous: str = "FULL"


class ApiError(Exception):
    """An error response: status, stable code, text for people, and optional extra fields."""

    def __init__(self, status: int, code: str, detail: str, headers: dict[str, str] | None = None, **extra: Any):
        super().__init__(detail)
        self.status, self.code, self.detail, self.headers, self.extra = status, code, detail, headers, extra

    def response(self) -> JSONResponse:
        body = models.Problem(error=self.code, detail=self.detail, **self.extra).model_dump(mode="json", exclude_none=True)
        return JSONResponse(body, status_code=self.status, headers=self.headers)


class Service:
    """The state behind the routes: rulesets, keys, audit trail and metrics."""

    def __init__(self, config: ServiceConfig):
        self.config = config
        self.metrics = ServiceMetrics()
        self.keys = KeyStore(config.keys)
        self.audit = AuditLog(config.audit, stream=SERVICE_STREAM, synchronous=config.audit_synchronous) if config.audit else None
        self.registry = Registry(config.rulesets, self.audit, SERVICE_STREAM, config.snapshot_every)
        self.audit_error: str | None = None
        self._closed = False
        try:
            self.registry.load()
        except BaseException:
            if self.audit is not None:
                self.audit.close()
            raise
        self.metrics.set_rulesets(entry.ruleset for entry in self.registry.entries())

    # ------------------------------------------------------------------ evaluation

    def assess(self, ruleset_id: str, inputs: list[tuple[str, Any]], batch: bool) -> tuple[list[Assessment], list[str]]:
        """Evaluate inputs (text as received, parsed value or ``_UNPARSED``) in order, record them,
        and return once they are committed. Blocks: call it from a worker thread."""
        assessments, _, decision_ids = self.assess_texts(ruleset_id, inputs, batch)
        return assessments, decision_ids

    def assess_texts(self, ruleset_id: str, inputs: list[tuple[str, Any]], batch: bool) -> tuple[list[Assessment], list[str], list[str]]:
        """``assess``, with the assessments' JSON lines too."""
        while True:
            entry = self._entry(ruleset_id)
            with entry.lock:
                if entry.retired and entry.stateful:
                    continue  # reloaded while we waited: its state moved to the new version
                assessments, texts, pending = self._evaluate_and_submit(entry, inputs, batch)
                break
        decision_ids: list[str] = []
        if pending is not None:
            start = time.perf_counter()
            try:
                decision_ids = pending.wait()
            except AuditError as error:
                raise self._audit_failed(error) from None
            self._committed(start)
        self.metrics.observe_assessments(ruleset_id, assessments)
        return assessments, texts, decision_ids

    async def assess_one(self, ruleset_id: str, text: str, event: Any) -> tuple[Assessment, str, str | None]:
        """One event from the event loop: the assessment, its JSON line and its decision id.

        Evaluating one event takes well under a millisecond, less than handing it to a worker
        thread, so it is evaluated right here when the ruleset's lock is free (in a worker thread
        when a batch holds it); the commit to the audit trail is awaited without blocking the loop."""
        entry = self._entry(ruleset_id)
        pending: Pending | None = None
        if entry.lock.acquire(blocking=False):
            try:
                inline = not (entry.retired and entry.stateful)
                if inline:
                    assessments, texts, pending = self._evaluate_and_submit(entry, [(text, event)], False)
            finally:
                entry.lock.release()
        else:
            inline = False
        if not inline:
            assessments, texts, ids = await run_in_threadpool(partial(self.assess_texts, ruleset_id, [(text, event)], False))
            return assessments[0], texts[0], ids[0] if ids else None
        decision_id = None
        if pending is not None:
            start = time.perf_counter()
            try:
                decision_id = (await pending.wait_async())[0]
            except AuditError as error:
                raise self._audit_failed(error) from None
            self._committed(start)
        self.metrics.observe_assessments(ruleset_id, assessments)
        return assessments[0], texts[0], decision_id

    def _entry(self, ruleset_id: str) -> Entry:
        entry = self.registry.get(ruleset_id)
        if entry is None:
            raise _not_found(ruleset_id)
        return entry

    def _evaluate_and_submit(
        self, entry: Entry, inputs: list[tuple[str, Any]], batch: bool
    ) -> tuple[list[Assessment], list[str], Pending | None]:
        """Under ``entry.lock``: evaluate, and queue the decisions in the same order."""
        assessments = self._evaluate(entry, inputs)
        texts = [assessment.to_json() for assessment in assessments]
        if self.audit is None:
            return assessments, texts, None
        ids = None
        if batch:
            prefix = new_decision_id()
            ids = [f"{prefix}.{index}" for index in range(len(inputs))]
        try:
            pending = self.audit.submit(entry.engine, zip((text for text, _ in inputs), assessments), decision_ids=ids, texts=texts)
            self.registry.after_record(entry, len(inputs))
        except AuditError as error:
            raise self._audit_failed(error) from None
        return assessments, texts, pending

    def _committed(self, start: float) -> None:
        self.metrics.audit_commit.observe(time.perf_counter() - start)
        self.audit_error = None

    @staticmethod
    def _evaluate(entry: Entry, inputs: list[tuple[str, Any]]) -> list[Assessment]:
        engine = entry.engine
        return [assess_input(engine, text, value) for text, value in inputs]

    def _audit_failed(self, error: AuditError) -> ApiError:
        self.audit_error = str(error)
        log.error("audit trail: %s", error)
        return ApiError(503, "audit_unavailable", "the decision could not be recorded in the audit trail; see the service log")

    # ------------------------------------------------------------------ reload and shutdown

    def reload(self) -> ReloadReport:
        try:
            report = self.registry.reload()
        except ReloadFailed:
            self.metrics.reloads.labels("failed").inc()
            raise
        self.metrics.reloads.labels("ok").inc()
        self.metrics.set_rulesets(entry.ruleset for entry in report.entries)
        log.info(
            "reloaded rulesets (generation %d): changed %s, removed %s",
            report.generation, ", ".join(report.changed) or "none", ", ".join(report.removed) or "none",
        )
        return report

    def readiness(self) -> models.Readiness:
        problems = []
        if not self.registry.entries():
            problems.append("no rulesets loaded")
        if self.keys.error:
            problems.append("the API keys file cannot be read")
        if self.audit_error:
            problems.append("the audit trail cannot be written")
        if self._closed:
            problems.append("shutting down")
        return models.Readiness(
            status="not_ready" if problems else "ready",
            rulesets=len(self.registry.entries()),
            audit="on" if self.audit is not None else "off",
            problems=problems,
        )

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self.registry.close()
        finally:
            if self.audit is not None:
                self.audit.close()


def _not_found(ruleset_id: str) -> ApiError:
    return ApiError(404, "not_found", f"no ruleset '{ruleset_id[:100]}'; GET /v1/rulesets lists them")


# ---------------------------------------------------------------------- request bodies


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            size = int(declared)
        except ValueError:
            raise ApiError(400, "invalid_request", "the Content-Length header is not a number") from None
        if size > limit:
            raise ApiError(413, "body_too_large", f"the request body is larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "body_too_large", f"the request body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(400, "invalid_encoding", f"the request body is not UTF-8 text (byte {error.start + 1})") from None


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ApiError(
            400, "invalid_json", f"invalid JSON at line {error.lineno} column {error.colno}: {error.msg}",
            errors=[models.ProblemItem(loc=["body", error.lineno, error.colno], message=error.msg)],
        ) from None
    except RecursionError:
        raise ApiError(400, "invalid_json", "the JSON is nested too deeply") from None
    except ValueError as error:  # e.g. an integer of more than 4300 digits
        raise ApiError(400, "invalid_json", f"invalid JSON: {str(error).split(';')[0]}") from None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(value: Any) -> bool:
    """Whether any string (or key) in a parsed JSON value holds a surrogate code point. Iterative:
    JSON nests as deep as the parser allows."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item) is not None:
                return True
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
    return False


def _refuse_surrogates(text: str, value: Any = _UNPARSED, line: int | None = None) -> None:
    """JSON may spell an unpaired UTF-16 surrogate (``"\\ud800"``), which no UTF-8 text can hold:
    such a body is refused like one that is not UTF-8 (RFC 8259 §8.2), before it reaches the engine,
    the response or the audit trail. Cheap: only bodies with such an escape are looked at closely."""
    if _SURROGATE_ESCAPE.search(text) is None:
        return
    if value is _UNPARSED:
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            return  # not JSON: the engine rejects the line, without echoing it
    if _has_surrogate(value):
        where = f" (line {line})" if line is not None else ""
        raise ApiError(400, "invalid_json", f"the JSON holds an unpaired UTF-16 surrogate escape{where}, which is not valid Unicode text")


def _is_json(media_type: str) -> bool:
    return media_type in JSON_TYPES or media_type.endswith("+json")


# ---------------------------------------------------------------------- the app

_PROBLEM = {"model": models.Problem}
_AUTH_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {**_PROBLEM, "description": "No API key, or an unknown or revoked one"},
    403: {**_PROBLEM, "description": "The API key lacks the scope this route needs"},
    503: {**_PROBLEM, "description": "The keys file or the audit trail is unavailable"},
}
_REF = "#/components/schemas/"
_SECURITY: dict[str, Any] = {"security": [{"apiKey": []}]}
SECURITY_SCHEMES = {"apiKey": {"type": "http", "scheme": "bearer", "description": "An API key: `Authorization: Bearer rk_...`"}}


def _assessment_ref() -> dict[str, str]:
    return {"$ref": _REF + "Assessment"}


def create_app(service: Service) -> FastAPI:
    config = service.config

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        hangup = False

        async def reload_on_signal() -> None:
            try:
                await run_in_threadpool(service.reload)
            except ReloadFailed as error:
                log.error("SIGHUP reload refused; still serving the previous rulesets:\n%s", error)

        try:
            loop.add_signal_handler(signal.SIGHUP, lambda: loop.create_task(reload_on_signal()))
            hangup = True
        except (NotImplementedError, RuntimeError, ValueError, AttributeError):
            pass  # not the main thread (e.g. the test client): reload through the admin route
        try:
            yield
        finally:
            if hangup:
                loop.remove_signal_handler(signal.SIGHUP)
            await run_in_threadpool(service.close)

    app = FastAPI(
        title="riskengine",
        version=_version(),
        description=(
            "Corruption-risk rules engine over HTTP. Events go in, assessments come out (score, band, "
            "every red flag that fired with its evidence and legal references, and every flag that could "
            "not be evaluated). Every decision is recorded in an audit trail and can be replayed."
        ),
        lifespan=lifespan,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        separate_input_output_schemas=False,
    )
    app.state.service = service
    app.add_middleware(MetricsMiddleware, metrics=service.metrics)
    def authorize(request: Request, scope: str) -> KeyRecord:
        """The API key of the request (``Authorization: Bearer <key>``), checked for ``scope``.
        A plain call rather than a FastAPI dependency: it runs on every request, and dependency
        resolution costs more than the check itself. The OpenAPI document declares it (``security``)."""
        if service.keys.error:
            log.error("API keys: %s", service.keys.error)
            raise ApiError(503, "keys_unavailable", "the API keys cannot be read; see the service log")
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise ApiError(401, "unauthorized", "an API key is required: Authorization: Bearer <key>", {"WWW-Authenticate": "Bearer"})
        record = service.keys.authenticate(token)
        if record is None:
            raise ApiError(401, "unauthorized", "unknown or revoked API key", {"WWW-Authenticate": 'Bearer error="invalid_token"'})
        if not record.allows(scope):
            raise ApiError(403, "forbidden", f"the API key '{record.name}' lacks the scope '{scope}'")
        return record

    # -------------------------------------------------------------- errors

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError) -> JSONResponse:
        return error.response()

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "http_error")
        detail = error.detail if isinstance(error.detail, str) else "request refused"
        return ApiError(error.status_code, code, detail, dict(error.headers or {})).response()

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        items = [models.ProblemItem(loc=[str(part) for part in item.get("loc", ())], message=str(item.get("msg", ""))) for item in error.errors()]
        return ApiError(422, "invalid_request", "the request is not valid", errors=items).response()

    @app.exception_handler(Exception)
    async def _internal_error(request: Request, error: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return ApiError(500, "internal_error", "internal error; the service log has the details").response()

    # -------------------------------------------------------------- health

    @app.get("/healthz", response_model=models.Health, tags=["health"], summary="Liveness")
    async def healthz() -> models.Health:
        return models.Health(status="ok")

    @app.get(
        "/readyz",
        response_model=models.Readiness,
        tags=["health"],
        summary="Readiness",
        responses={503: {"model": models.Readiness, "description": "Not ready"}},
    )
    async def readyz() -> JSONResponse:
        readiness = service.readiness()
        return JSONResponse(readiness.model_dump(mode="json"), status_code=200 if readiness.status == "ready" else 503)

    @app.get(
        "/metrics",
        tags=["health"],
        summary="Prometheus metrics",
        response_class=Response,
        responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}, "description": "Prometheus text format"}, **_AUTH_RESPONSES},
        openapi_extra=_SECURITY,
    )
    async def metrics(request: Request) -> Response:
        authorize(request, "evaluate")
        return Response(service.metrics.render(), media_type=METRICS_CONTENT_TYPE)

    @app.get("/openapi.json", include_in_schema=False)
    async def openapi_document(request: Request) -> JSONResponse:
        authorize(request, "evaluate")
        return JSONResponse(app.openapi())

    # -------------------------------------------------------------- rulesets

    @app.get(
        "/v1/rulesets",
        response_model=models.RulesetList,
        tags=["rulesets"],
        summary="List the rulesets",
        responses=_AUTH_RESPONSES,
        openapi_extra=_SECURITY,
    )
    async def list_rulesets(request: Request) -> models.RulesetList:
        authorize(request, "evaluate")
        return models.RulesetList(rulesets=[models.summary(entry.ruleset) for entry in service.registry.entries()])

    @app.get(
        "/v1/rulesets/{ruleset_id}",
        response_model=models.RulesetDetail,
        tags=["rulesets"],
        summary="One ruleset: params, event kinds, features, flags, scoring",
        responses={404: _PROBLEM, 422: _PROBLEM, **_AUTH_RESPONSES},
        openapi_extra=_SECURITY,
    )
    async def get_ruleset(ruleset_id: str, request: Request) -> models.RulesetDetail:
        authorize(request, "evaluate")
        entry = service.registry.get(ruleset_id)
        if entry is None:
            raise _not_found(ruleset_id)
        return models.detail(entry.ruleset)

    # -------------------------------------------------------------- assessments

    single_body = {
        **_SECURITY,
        "requestBody": {
            "required": True,
            "description": "One event: `kind`, optional `event_id`, and its fields.",
            "content": {"application/json": {"schema": {"$ref": _REF + "Event"}}},
        }
    }

    @app.post(
        "/v1/rulesets/{ruleset_id}/assessments",
        tags=["assessments"],
        summary="Assess one event",
        response_class=Response,
        openapi_extra=single_body,
        responses={
            200: {
                "description": "The assessment (DESIGN §4); its decision id is in the X-Decision-Id header",
                "content": {"application/json": {"schema": _assessment_ref()}},
                "headers": {"X-Decision-Id": {"schema": {"type": "string"}, "description": "The decision's id in the audit trail"}},
            },
            400: {**_PROBLEM, "description": "The body is not JSON (or not UTF-8)"},
            404: {**_PROBLEM, "description": "No such ruleset"},
            413: {**_PROBLEM, "description": "The body is too large"},
            415: {**_PROBLEM, "description": "The body is not application/json"},
            422: {
                "description": "The event is invalid: a rejected assessment whose errors list each field and problem",
                "content": {"application/json": {"schema": _assessment_ref()}},
            },
            **_AUTH_RESPONSES,
        },
    )
    async def assess(ruleset_id: str, request: Request) -> Response:
        authorize(request, "evaluate")
        if service.registry.get(ruleset_id) is None:
            raise _not_found(ruleset_id)
        media_type = _media_type(request)
        if not _is_json(media_type):
            raise ApiError(415, "unsupported_media_type", "send the event as application/json")
        body = await read_body(request, config.max_body_bytes)
        text = _text(body)
        event = _parse_json(text)
        _refuse_surrogates(text, event)
        assessment, content, decision_id = await service.assess_one(ruleset_id, text, event)
        headers = {"X-Decision-Id": decision_id} if decision_id else None
        status = 200 if assessment.status == "scored" else 422
        return Response(content, status_code=status, media_type="application/json", headers=headers)

    batch_body = {
        **_SECURITY,
        "requestBody": {
            "required": True,
            "description": "Events as a JSON array, or as NDJSON (one JSON event per line).",
            "content": {
                "application/json": {
                    "schema": {
                        "type": "array",
                        "maxItems": config.max_batch,
                        "items": {
                            "description": (
                                "An event (see the ruleset's event schemas). Any JSON value is accepted: "
                                "one that is not a valid event gets an assessment with status rejected."
                            )
                        },
                    }
                },
                "application/x-ndjson": {"schema": {"type": "string", "description": "One JSON event per line"}},
            },
        }
    }

    @app.post(
        "/v1/rulesets/{ruleset_id}/assessments:batch",
        tags=["assessments"],
        summary="Assess a batch of events",
        response_class=Response,
        openapi_extra=batch_body,
        responses={
            200: {
                "description": (
                    "One assessment per event, in order, in the format of the request (JSON array or NDJSON). "
                    "A rejected event is an assessment with status rejected. Decision ids are "
                    "`<X-Batch-Id>.<index>` (index from 0)."
                ),
                "content": {
                    "application/json": {"schema": {"type": "array", "items": _assessment_ref()}},
                    "application/x-ndjson": {"schema": {"type": "string"}},
                },
                "headers": {"X-Batch-Id": {"schema": {"type": "string"}, "description": "Prefix of the decision ids"}},
            },
            400: {**_PROBLEM, "description": "The body is not a JSON array or not UTF-8"},
            404: {**_PROBLEM, "description": "No such ruleset"},
            413: {**_PROBLEM, "description": "The body is too large"},
            415: {**_PROBLEM, "description": "The body is neither application/json nor application/x-ndjson"},
            422: {**_PROBLEM, "description": "The batch holds more events than the service accepts (batch_too_large)"},
            **_AUTH_RESPONSES,
        },
    )
    async def assess_batch(ruleset_id: str, request: Request) -> Response:
        authorize(request, "evaluate")
        if service.registry.get(ruleset_id) is None:
            raise _not_found(ruleset_id)
        media_type = _media_type(request)
        ndjson = media_type in NDJSON_TYPES
        if not ndjson and not _is_json(media_type):
            raise ApiError(415, "unsupported_media_type", "send the events as a JSON array (application/json) or as NDJSON (application/x-ndjson)")
        body = await read_body(request, config.max_body_bytes)
        text = _text(body)
        inputs: list[tuple[str, Any]]
        if ndjson:
            # Lines end at \n (and \r\n); not at the other line breaks str.splitlines() knows, which
            # JSON strings may hold.
            inputs = []
            for number, line in enumerate(text.split("\n"), start=1):
                line = line.removesuffix("\r")
                if line.strip():
                    _refuse_surrogates(line, line=number)
                    inputs.append((line, _UNPARSED))
        else:
            events = _parse_json(text)
            if not isinstance(events, list):
                raise ApiError(400, "invalid_batch", "expected a JSON array of events (or NDJSON with Content-Type application/x-ndjson)")
            _refuse_surrogates(text, events)
            try:
                inputs = [(json.dumps(event, ensure_ascii=False), event) for event in events]
            except (RecursionError, ValueError):
                raise ApiError(400, "invalid_json", "the JSON is nested too deeply") from None
        if len(inputs) > config.max_batch:
            raise ApiError(422, "batch_too_large", f"a batch holds at most {config.max_batch} events; this one has {len(inputs)}")
        _, texts, decision_ids = await run_in_threadpool(partial(service.assess_texts, ruleset_id, inputs, True))
        headers = {"X-Batch-Id": decision_ids[0].rsplit(".", 1)[0]} if decision_ids else None
        if ndjson:
            content = "".join(text + "\n" for text in texts)
            return Response(content, media_type="application/x-ndjson", headers=headers)
        content = "[" + ",".join(texts) + "]"
        return Response(content, media_type="application/json", headers=headers)

    # -------------------------------------------------------------- admin

    @app.post(
        "/v1/admin/reload",
        response_model=models.ReloadResult,
        tags=["admin"],
        summary="Reload the rulesets folder (admin scope)",
        responses={
            422: {**_PROBLEM, "description": "A ruleset has problems: nothing changed; diagnostics lists them"},
            **_AUTH_RESPONSES,
        },
        openapi_extra=_SECURITY,
    )
    async def reload(request: Request) -> models.ReloadResult:
        authorize(request, "admin")
        try:
            report = await run_in_threadpool(service.reload)
        except ReloadFailed as error:
            raise ApiError(
                422,
                "invalid_rulesets",
                f"{len(error.diagnostics)} problem(s) in the rulesets; still serving the previous versions",
                diagnostics=[models.DiagnosticInfo.of(diagnostic) for diagnostic in error.diagnostics],
            ) from None
        changed = set(report.changed)
        return models.ReloadResult(
            status="reloaded",
            generation=report.generation,
            rulesets=[
                models.ReloadedRuleset(**models.summary(entry.ruleset).model_dump(), changed=entry.ruleset.id in changed)
                for entry in report.entries
            ],
            removed=report.removed,
        )

    # -------------------------------------------------------------- the OpenAPI document

    cache: dict[str, Any] = {}

    def openapi() -> dict[str, Any]:
        generation = service.registry.generation
        if cache.get("generation") == generation:
            return cache["document"]
        document = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
            separate_input_output_schemas=False,
        )
        rulesets = [entry.ruleset for entry in service.registry.entries()]
        document.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
        schemas = document["components"].setdefault("schemas", {})
        _, engine_models = models_json_schema([(Assessment, "validation")], ref_template=_REF + "{model}")
        schemas.update(engine_models.get("$defs", {}))
        schemas["Event"] = dict(models.GENERIC_EVENT_SCHEMA)
        schemas.update(models.event_schemas(rulesets))
        document["paths"] = _concrete_paths(document.get("paths", {}), rulesets, schemas)
        cache.update(generation=generation, document=document)
        return document

    app.openapi = openapi  # type: ignore[method-assign]
    return app


ASSESSMENT_PATHS = ("/v1/rulesets/{ruleset_id}/assessments", "/v1/rulesets/{ruleset_id}/assessments:batch")


def _concrete_paths(paths: dict[str, Any], rulesets: list[Any], schemas: dict[str, Any]) -> dict[str, Any]:
    """The assessment routes once per served ruleset (``/v1/rulesets/soccer/assessments``), each with
    the event schemas of that ruleset; the ``ruleset_id`` of the other routes limited to the served ids."""
    if not rulesets:
        return paths
    ids = [ruleset.id for ruleset in rulesets]
    result: dict[str, Any] = {}
    for template, item in paths.items():
        if template not in ASSESSMENT_PATHS:
            for operation in item.values():
                for parameter in operation.get("parameters", []):
                    if parameter.get("name") == "ruleset_id" and parameter.get("in") == "path":
                        parameter["schema"] = {"type": "string", "enum": ids, "title": "Ruleset id"}
            result[template] = item
            continue
        for ruleset in rulesets:
            kinds = [_REF + f"{ruleset.id}.{kind}" for kind in ruleset.kinds]
            event_name = f"{ruleset.id}.Event"
            schemas[event_name] = {
                "title": f"{ruleset.id} event",
                "description": f"An event for ruleset '{ruleset.id}': one of its event kinds ({', '.join(ruleset.kinds)}).",
                "anyOf": [{"$ref": ref} for ref in kinds],
            }
            concrete = copy.deepcopy(item)
            for operation in concrete.values():
                parameters = [p for p in operation.get("parameters", []) if p.get("name") != "ruleset_id"]
                if parameters:
                    operation["parameters"] = parameters
                else:
                    operation.pop("parameters", None)
                operation["operationId"] = f"{operation.get('operationId', 'assess')}_{ruleset.id}"
                operation["summary"] = f"{operation.get('summary', '')} ({ruleset.id})"
                content = operation.get("requestBody", {}).get("content", {})
                single = content.get("application/json", {}).get("schema")
                if single == {"$ref": _REF + "Event"}:
                    content["application/json"]["schema"] = {"$ref": _REF + event_name}
            result[template.replace("{ruleset_id}", ruleset.id)] = concrete
    return result


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("riskengine")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "0"
