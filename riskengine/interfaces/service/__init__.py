"""The HTTP service of riskengine (FastAPI + uvicorn) and the audit trail.

- ``app``: routes, ``Service`` and ``create_app``;
- ``keys``: API keys (hashed, constant-time checks, re-read on change);
- ``audit``: ``AuditLog``, the SQLite audit trail with replay (usable without the service);
- ``registry``: the served rulesets, hot reload, state recovery;
- ``metrics``: Prometheus metrics;
- ``commands``: ``riskengine serve``, ``keys``, ``replay``, ``audit``.

Import the submodules directly; this package imports nothing, so that the CLI can use the audit
trail without loading FastAPI.
"""
