"""Prometheus metrics of the service (``GET /metrics``), in a registry of their own per app.

- ``riskengine_http_requests_total{method,route,status}`` and
  ``riskengine_http_request_duration_seconds{method,route,status}`` (histogram); ``route`` is the
  route template (``/v1/rulesets/{ruleset_id}/assessments``), ``unmatched`` for unknown paths;
- ``riskengine_assessments_total{ruleset,band}``: scored events by band;
- ``riskengine_flags_fired_total{ruleset,flag}``;
- ``riskengine_rejected_events_total{ruleset}``;
- ``riskengine_audit_commit_seconds``: time from enqueueing a decision to its commit;
- ``riskengine_reloads_total{result}`` and ``riskengine_ruleset_info{ruleset,version,hash}`` (1 per
  ruleset served).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from riskengine.engine.assessment import Assessment

LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
CONTENT_TYPE = CONTENT_TYPE_LATEST


class ServiceMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        labels = ["method", "route", "status"]
        self.requests = Counter("riskengine_http_requests", "HTTP requests by route and status.", labels, registry=self.registry)
        self.latency = Histogram(
            "riskengine_http_request_duration_seconds",
            "HTTP request latency by route and status.",
            labels,
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.assessments = Counter(
            "riskengine_assessments", "Scored events by ruleset and band.", ["ruleset", "band"], registry=self.registry
        )
        self.flags = Counter("riskengine_flags_fired", "Red flags fired, by ruleset and flag id.", ["ruleset", "flag"], registry=self.registry)
        self.rejected = Counter("riskengine_rejected_events", "Events rejected by validation.", ["ruleset"], registry=self.registry)
        self.audit_commit = Histogram(
            "riskengine_audit_commit_seconds",
            "Time from enqueueing decisions to their commit in the audit trail.",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.reloads = Counter("riskengine_reloads", "Ruleset reloads by result.", ["result"], registry=self.registry)
        self.ruleset_info = Gauge(
            "riskengine_ruleset_info", "The rulesets served (value 1).", ["ruleset", "version", "hash"], registry=self.registry
        )

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        code = str(status)
        self.requests.labels(method, route, code).inc()
        self.latency.labels(method, route, code).observe(seconds)

    def observe_assessments(self, ruleset_id: str, assessments: Iterable[Assessment]) -> None:
        for assessment in assessments:
            if assessment.status == "rejected":
                self.rejected.labels(ruleset_id).inc()
                continue
            self.assessments.labels(ruleset_id, assessment.band or "").inc()
            for hit in assessment.flags:
                self.flags.labels(ruleset_id, hit.id).inc()

    def set_rulesets(self, rulesets: Iterable[Any]) -> None:
        self.ruleset_info.clear()
        for ruleset in rulesets:
            self.ruleset_info.labels(ruleset.id, ruleset.version, ruleset.hash).set(1)

    def render(self) -> bytes:
        return generate_latest(self.registry)


class MetricsMiddleware:
    """Pure ASGI middleware: counts and times every HTTP request by route template and status."""

    def __init__(self, app: Any, metrics: ServiceMetrics):
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_with_status(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_with_status)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            self.metrics.observe_request(scope.get("method", ""), template, status, time.perf_counter() - start)
