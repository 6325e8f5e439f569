"""``python -m riskengine.interfaces.service.checkpoint AUDIT STREAM RULESET_ID``: store a state
snapshot rebuilt from the audit trail (see ``audit.checkpoint``). The service starts it as a child
process every ``--snapshot-every`` decisions of a stateful ruleset."""

from __future__ import annotations

import sys

from riskengine.interfaces.service.audit import AuditError, checkpoint


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python -m riskengine.interfaces.service.checkpoint AUDIT STREAM RULESET_ID", file=sys.stderr)
        return 2
    path, stream, ruleset_id = argv
    try:
        rebuilt = checkpoint(path, stream, ruleset_id)
    except AuditError as error:
        print(f"riskengine checkpoint: {ruleset_id}: {error}", file=sys.stderr)
        return 1
    if rebuilt.mismatches:
        print(
            f"riskengine checkpoint: {ruleset_id}: {len(rebuilt.mismatches)} decision(s) re-evaluated differently "
            f"(first: {rebuilt.mismatches[0]}); no snapshot stored",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
