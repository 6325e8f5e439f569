"""Commands of the HTTP service and the audit trail, registered on the ``riskengine`` CLI.

    riskengine serve --rulesets DIR [--host 127.0.0.1] [--port 8080] [--keys FILE] [--audit PATH]
                     [--audit-sync full|normal] [--max-body-bytes N] [--max-batch N] [--snapshot-every N]
    riskengine keys create NAME [--scope evaluate|admin] --keys FILE   prints the key once, last line
    riskengine keys revoke NAME --keys FILE
    riskengine keys list --keys FILE
    riskengine replay DECISION_ID [--audit PATH]                       exit 0 when byte-identical
    riskengine audit export [--audit PATH] [--since ...] [--until ...] [-o OUT]
    riskengine audit show DECISION_ID [--audit PATH]
    riskengine audit ruleset HASH [--audit PATH]

``--keys`` defaults to ``$RISKENGINE_KEYS`` or ``riskengine-keys.json``; ``--audit`` to
``$RISKENGINE_AUDIT`` or ``riskengine-audit.db``. Heavy imports (FastAPI, uvicorn) happen inside
``serve`` so that the other commands start fast.
"""

from __future__ import annotations

import dataclasses
import difflib
import ipaddress
import json
import logging
import socket
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

DEFAULT_KEYS = "riskengine-keys.json"
DEFAULT_AUDIT = "riskengine-audit.db"
EXIT_OK, EXIT_ERROR = 0, 1

KeysOption = Annotated[
    Path, typer.Option("--keys", envvar="RISKENGINE_KEYS", metavar="FILE", help="The API keys file (hashes only).")
]
AuditOption = Annotated[
    Path, typer.Option("--audit", envvar="RISKENGINE_AUDIT", metavar="PATH", help="The audit trail (SQLite file).")
]

keys_app = typer.Typer(name="keys", help="Create, revoke and list API keys of the HTTP service.", no_args_is_help=True)
audit_app = typer.Typer(name="audit", help="Read the audit trail: export decisions, show one, print a ruleset.", no_args_is_help=True)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


# ---------------------------------------------------------------------- serve


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        raise _fail(f"cannot resolve the host '{host}': {error.strerror}") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as error:
        sock.close()
        raise _fail(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    sock.set_inheritable(True)
    return sock


def serve(
    rulesets: Annotated[Path, typer.Option("--rulesets", metavar="DIR", help="Folder of ruleset files (*.yaml, *.yml).")],
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on (0: any free port, printed at start).")] = 8080,
    keys: KeysOption = Path(DEFAULT_KEYS),
    audit: AuditOption = Path(DEFAULT_AUDIT),
    audit_sync: Annotated[
        str,
        typer.Option(
            "--audit-sync",
            help="full: fsync every commit (survives a machine crash); normal: survives a crash of the process only.",
        ),
    ] = "full",
    no_audit: Annotated[
        bool, typer.Option("--no-audit", help="Record nothing (benchmarks only): no replay, state kept in memory only.")
    ] = False,
    max_body_bytes: Annotated[int, typer.Option("--max-body-bytes", help="Largest request body accepted (413 above).")] = 4 * 1024 * 1024,
    max_batch: Annotated[int, typer.Option("--max-batch", help="Most events in one batch request (413 above).")] = 1000,
    snapshot_every: Annotated[
        int,
        typer.Option(
            "--snapshot-every",
            help="Every N decisions of a stateful ruleset, store a state snapshot (rebuilt from the audit trail by a child process); a restart replays at most about N decisions.",
        ),
    ] = 10000,
    log_level: Annotated[str, typer.Option("--log-level", help="critical, error, warning, info or debug.")] = "info",
    access_log: Annotated[bool, typer.Option("--access-log/--no-access-log", help="Log every request.")] = False,
) -> None:
    """Serve the rulesets of a folder over HTTP, with API keys, an audit trail, metrics and hot reload.

    SIGHUP or POST /v1/admin/reload reloads the folder; SIGINT or SIGTERM stop the service."""
    import uvicorn

    from riskengine.interfaces.service.app import Service, ServiceConfig, create_app
    from riskengine.interfaces.service.audit import AuditError
    from riskengine.interfaces.service.registry import ReloadFailed

    level = log_level.upper()
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    config = ServiceConfig(
        rulesets=rulesets,
        keys=keys,
        audit=None if no_audit else audit,
        max_body_bytes=max_body_bytes,
        max_batch=max_batch,
        snapshot_every=snapshot_every,
        audit_synchronous=audit_sync.upper(),
    )
    if audit_sync.lower() not in ("full", "normal"):
        raise _fail(f"--audit-sync is full or normal, not '{audit_sync}'")
    try:
        service = Service(config)
    except ReloadFailed as error:
        for diagnostic in error.diagnostics:
            typer.echo(dataclasses.replace(diagnostic, path=str(rulesets / diagnostic.path)).render(), err=True)
        raise typer.Exit(EXIT_ERROR) from None
    except AuditError as error:
        raise _fail(str(error)) from None
    try:
        if service.keys.error:
            raise _fail(service.keys.error)
        if not service.keys.active_count:
            typer.echo(
                f"warning: no API keys in {keys}: every request but /healthz and /readyz gets 401; "
                f"create one with: riskengine keys create NAME --keys {keys}",
                err=True,
            )
        if not _is_loopback(host):
            typer.echo(f"warning: listening on {host}, not on loopback: put TLS in front of the service", err=True)
        if no_audit:
            typer.echo("warning: --no-audit: decisions are not recorded and state does not survive a restart", err=True)
        sock = _bind(host, port)
        bound_port = sock.getsockname()[1]
        app = create_app(service)
        server = uvicorn.Server(
            uvicorn.Config(
                app,
                log_level=log_level.lower(),
                access_log=access_log,
                server_header=False,
                lifespan="on",
                timeout_graceful_shutdown=10,
            )
        )
        shown = f"[{host}]" if ":" in host else host
        names = ", ".join(entry.ruleset.id for entry in service.registry.entries())
        typer.echo(f"riskengine: serving {names} on http://{shown}:{bound_port}", err=True)
        server.run(sockets=[sock])
    finally:
        service.close()


# ---------------------------------------------------------------------- keys


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Argument(help="A name for the key (who or what uses it).")],
    keys: KeysOption = Path(DEFAULT_KEYS),
    scope: Annotated[str, typer.Option("--scope", help="evaluate (score, read) or admin (also reload).")] = "evaluate",
) -> None:
    """Create an API key. It is printed once, alone on the last line of standard output; only its
    hash is stored."""
    from riskengine.interfaces.service.keys import KeysError, create_key

    try:
        key = create_key(keys, name, scope)
    except KeysError as error:
        raise _fail(str(error)) from None
    typer.echo(f"created key '{name}' with scope {scope} in {keys}; store it now, it is not shown again:", err=True)
    typer.echo(key)


@keys_app.command("revoke")
def keys_revoke(
    name: Annotated[str, typer.Argument(help="The key's name.")],
    keys: KeysOption = Path(DEFAULT_KEYS),
) -> None:
    """Revoke a key; a running service refuses it from its next request on."""
    from riskengine.interfaces.service.keys import KeysError, revoke_key

    try:
        count = revoke_key(keys, name)
    except KeysError as error:
        raise _fail(str(error)) from None
    if not count:
        raise _fail(f"no active key named '{name}' in {keys}")
    typer.echo(f"revoked key '{name}'")


@keys_app.command("list")
def keys_list(keys: KeysOption = Path(DEFAULT_KEYS)) -> None:
    """List the keys: name, scope, created, revoked (never the keys or their hashes)."""
    from riskengine.interfaces.service.keys import KeysError, read_keys

    try:
        records = read_keys(keys)
    except KeysError as error:
        raise _fail(str(error)) from None
    if not records:
        typer.echo(f"no keys in {keys}")
        return
    width = max(len(record.name) for record in records)
    for record in records:
        state = f"revoked {record.revoked}" if record.revoked else "active"
        typer.echo(f"{record.name:<{width}}  {record.scope:<8}  created {record.created}  {state}")


# ---------------------------------------------------------------------- replay and audit


def _open_audit(path: Path):  # noqa: ANN202 - AuditLog, imported lazily
    from riskengine.interfaces.service.audit import AuditError, AuditLog

    try:
        return AuditLog(path, create=False)
    except AuditError as error:
        raise _fail(str(error)) from None


def _pretty(text: str) -> list[str]:
    try:
        return json.dumps(json.loads(text), indent=2, ensure_ascii=False).splitlines()
    except json.JSONDecodeError:
        return [text]


def replay(
    decision_id: Annotated[str, typer.Argument(metavar="DECISION_ID", help="The decision to re-evaluate.")],
    audit: AuditOption = Path(DEFAULT_AUDIT),
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as one JSON object.")] = False,
) -> None:
    """Re-evaluate a recorded decision with the ruleset text, params and state it was made with.

    Exit 0 when the assessment is byte-identical to the recorded one, 1 otherwise."""
    from riskengine.interfaces.service.audit import AuditError

    log = _open_audit(audit)
    try:
        result = log.replay(decision_id)
    except AuditError as error:
        raise _fail(str(error)) from None
    finally:
        log.close()
    decision = result.decision
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "decision_id": decision.decision_id,
                    "identical": result.identical,
                    "stateful": result.stateful,
                    "prior_events": result.prior_events,
                    "recorded": json.loads(decision.assessment),
                    "replayed": json.loads(result.replayed),
                    "notes": result.notes,
                },
                ensure_ascii=False,
            )
        )
    else:
        typer.echo(f"decision  {decision.decision_id}")
        typer.echo(f"recorded  {decision.recorded_at} (stream {decision.stream})")
        typer.echo(f"ruleset   {decision.ruleset_id} {decision.ruleset_version} ({decision.ruleset_hash})")
        if result.stateful:
            origin = f"snapshot {result.snapshot_seq}" if result.snapshot_seq else "the start of the stream"
            typer.echo(f"state     rebuilt from {origin} and {result.prior_events} earlier decision(s)")
        for note in result.notes:
            typer.echo(f"note      {note}")
        if result.identical:
            typer.echo("result    identical: the replayed assessment is byte-identical to the recorded one")
        else:
            typer.echo("result    DIFFERENT: the replayed assessment differs from the recorded one")
            for line in difflib.unified_diff(
                _pretty(decision.assessment), _pretty(result.replayed), "recorded", "replayed", lineterm=""
            ):
                typer.echo(line)
    raise typer.Exit(EXIT_OK if result.identical else EXIT_ERROR)


@audit_app.command("export")
def audit_export(
    audit: AuditOption = Path(DEFAULT_AUDIT),
    since: Annotated[Optional[str], typer.Option("--since", help="From this date or datetime (UTC unless an offset is given), inclusive.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Up to this date or datetime, exclusive.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="OUT", help="Write here instead of standard output.")] = None,
) -> None:
    """Write decisions as JSON Lines, one per line with its decision_id, ruleset, params, input
    event and assessment."""
    from riskengine.interfaces.service.audit import AuditError, parse_time

    for value in (since, until):
        if value:
            try:
                parse_time(value)
            except ValueError as error:
                raise _fail(str(error)) from None
    log = _open_audit(audit)
    try:
        sink = sys.stdout if output is None else output.open("w", encoding="utf-8", newline="\n")
    except OSError as error:
        log.close()
        raise _fail(f"cannot write '{output}': {error.strerror or error}") from None
    count = 0
    try:
        for record in log.export(since, until):
            sink.write(json.dumps(record, ensure_ascii=False))
            sink.write("\n")
            count += 1
    except AuditError as error:
        raise _fail(str(error)) from None
    finally:
        log.close()
        if output is not None:
            sink.close()
        else:
            sink.flush()
    typer.echo(f"{count} decision(s) exported", err=True)


@audit_app.command("show")
def audit_show(
    decision_id: Annotated[str, typer.Argument(metavar="DECISION_ID")],
    audit: AuditOption = Path(DEFAULT_AUDIT),
) -> None:
    """Print one recorded decision (as ``audit export`` writes it, indented)."""
    log = _open_audit(audit)
    try:
        decision = log.get(decision_id)
    finally:
        log.close()
    if decision is None:
        raise _fail(f"no decision {decision_id} in {audit}")
    typer.echo(json.dumps(decision.export(), indent=2, ensure_ascii=False))


@audit_app.command("ruleset")
def audit_ruleset(
    ruleset_hash: Annotated[str, typer.Argument(metavar="HASH", help="sha256:<hex>, as in an assessment's ruleset.hash.")],
    audit: AuditOption = Path(DEFAULT_AUDIT),
) -> None:
    """Print the text of a ruleset version used by recorded decisions."""
    log = _open_audit(audit)
    try:
        text = log.ruleset_text(ruleset_hash if ruleset_hash.startswith("sha256:") else "sha256:" + ruleset_hash)
    finally:
        log.close()
    if text is None:
        raise _fail(f"no ruleset {ruleset_hash} in {audit}")
    typer.echo(text, nl=not text.endswith("\n"))


# ---------------------------------------------------------------------- registration


def register(app: typer.Typer) -> None:
    """Add serve, keys, replay and audit to a typer app (the ``riskengine`` CLI)."""
    app.command("serve")(serve)
    app.add_typer(keys_app, name="keys")
    app.command("replay")(replay)
    app.add_typer(audit_app, name="audit")


app = typer.Typer(
    name="riskengine",
    help="The riskengine HTTP service and audit trail.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
register(app)
