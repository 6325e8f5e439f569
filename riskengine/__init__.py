"""riskengine: sector-specific corruption-risk rules, compiled into durable_rules, with explanations.

    from riskengine import Engine, load_ruleset
    ruleset = load_ruleset("rulesets/soccer.yaml", params={"releasing_agent_fee_cap": 0.08})
    assessment = Engine(ruleset).evaluate({"kind": "agent_payment", ...})
"""

from riskengine.engine.assessment import Assessment, EventError, FlagHit, NotEvaluable, RulesetRef
from riskengine.engine.core import Engine
from riskengine.ruleset.errors import Diagnostic, RulesetError
from riskengine.ruleset.loader import check_ruleset_file, load_ruleset, load_ruleset_text
from riskengine.ruleset.model import Ruleset

__all__ = [
    "Assessment",
    "Diagnostic",
    "Engine",
    "EventError",
    "FlagHit",
    "NotEvaluable",
    "Ruleset",
    "RulesetError",
    "RulesetRef",
    "check_ruleset_file",
    "load_ruleset",
    "load_ruleset_text",
]
