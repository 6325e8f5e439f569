"""The durable_rules backend: the only module that talks to durable_rules.

It drives the C extension (``durable_rules_engine``) directly, in the shape the durable_rules notes
(§9) prove correct: no background threads (nothing is started), one constant session (sid ``"0"``),
each event asserted as a fact, every fired rule collected, then the fact retracted. Skipping the
stock Python wrapper also skips its per-action JSON round trips and state-document updates, and
leaves no action callback in which an exception could be swallowed.

durable_rules is not thread-safe: one process-wide lock serialises every call into it.
"""

from __future__ import annotations

import itertools
import json
import threading
from typing import Any

import durable_rules_engine

from riskengine.engine.encoding import encode
from riskengine.ruleset.model import CompiledRules

_ENGINE_LOCK = threading.RLock()
_HANDLES: dict[str, int] = {}
_SEQUENCE = itertools.count(1)

# Result codes of durable_rules' assert_fact (rules.h).
_HANDLED, _NOT_HANDLED, _OBSERVED = 0, 1, 2


class BackendError(RuntimeError):
    """durable_rules refused a fact or a ruleset; the message names the durable_rules error code."""


class DurableBackend:
    """Evaluates facts against one compiled ruleset and reports which rules fired.

    It holds the compiled rules twice in durable_rules: all of them, and the true rules alone for
    *settled* facts (facts that carry every key settling their kind's flags, see core.py). On a
    settled fact no false rule can fire (each is guarded by the absence of a key the fact carries),
    yet durable_rules would test every one of them: the true rules alone give the same firings for
    about a quarter less C time."""

    def __init__(self, compiled: CompiledRules):
        self.name = compiled.name
        true_rules = {name: rule for name, rule in compiled.rules.items() if compiled.targets[name].outcome}
        self._handle = _registered(compiled.name, compiled.rules)
        # no true rule at all (every condition is constant false): nothing can fire on a settled fact
        self._settled_handle = _registered(compiled.name + "_settled", true_rules) if true_rules else None

    def fire(self, fact_body: str, settled: bool = False) -> list[str]:
        """Assert one fact (a JSON object without its opening brace) and return the fired rule names;
        ``settled``: the fact carries every key that settles its kind's flags."""
        handle = self._settled_handle if settled else self._handle
        if handle is None:
            return []
        with _ENGINE_LOCK:
            fact = '{"id":"%d","sid":"0",%s' % (next(_SEQUENCE), fact_body)
            try:
                code, state_offset = _assert_fact(handle, fact)
            except _EngineError as error:
                raise BackendError(f"durable_rules rejected the fact: {error}") from None
            if code == _NOT_HANDLED:
                return []  # no rule matched; durable_rules did not store the fact
            if code == _OBSERVED:
                raise BackendError("durable_rules reported the fact as already observed")
            fired: list[str] = []
            try:
                action = _start_action_for_state(handle, state_offset)
                # each action's messages are {"<rule name>": {...}}; the rule name is all we need
                messages = action[1] if action else None
                while messages:
                    fired.append(messages[2 : messages.index('"', 2)])
                    messages = _complete_and_start_action(handle, state_offset)
            finally:
                _retract_fact(handle, fact)
            return fired


def _registered(name: str, rules: dict[str, Any]) -> int:
    """The durable_rules handle of a ruleset, created once per process: a name can be registered
    once, and it carries the ruleset's content hash and params, so an identical ruleset reuses it."""
    with _ENGINE_LOCK:
        handle = _HANDLES.get(name)
        if handle is None:
            try:
                handle = durable_rules_engine.create_ruleset(name, encode(rules))
            except durable_rules_engine.error as error:
                raise BackendError(f"durable_rules could not create the ruleset: {error}") from None
            _HANDLES[name] = handle
        return handle


# The C entry points, bound once (fire() runs once per event).
_assert_fact = durable_rules_engine.assert_fact
_start_action_for_state = durable_rules_engine.start_action_for_state
_complete_and_start_action = durable_rules_engine.complete_and_start_action
_retract_fact = durable_rules_engine.retract_fact
_EngineError = durable_rules_engine.error


def engine_definition(compiled: CompiledRules) -> dict[str, Any]:
    """The durable_rules ruleset as JSON (``riskengine compile``)."""
    return json.loads(encode({compiled.name: compiled.rules}))
