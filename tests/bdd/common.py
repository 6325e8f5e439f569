"""A small ruleset for the BDD tests, and helpers to run feature files with pytester."""

from __future__ import annotations

import textwrap

PLUGIN_ARGS = ("-p", "riskengine.interfaces.bdd.plugin", "-W", "ignore::pytest.PytestAssertRewriteWarning")

RULESET = """\
ruleset: payments
version: "1"
title: Payments (BDD tests)
params:
  cap: 100
  risky: [PA, KY]
events:
  payment:
    entity: payer
    time: paid_on
    fields:
      payer: string
      amount: number
      count: integer
      paid_on: date
      at: datetime
      approved: boolean
      tags: list[string]
      shares: list[number]
      payee:
        name: string
        country: string
  refund:
    entity: payer
    time: paid_on
    fields:
      payer: string
      amount: number
      paid_on: date
features:
  payments_30d:
    aggregate: count
    over: payment
    by: payer
    window: 30 days
flags:
  - id: PAY-01
    title: Amount above the cap
    on: payment
    when: amount > params.cap
    severity: medium
    weight: 20
    explain: "Amount {amount} is above the cap {params.cap}"
  - id: PAY-02
    title: Unapproved payment
    on: payment
    when: not approved
    severity: low
    weight: 10
    explain: "Payment by {payer} was not approved"
  - id: PAY-03
    title: Payee in a risky country
    on: payment
    when: payee.country in params.risky
    severity: high
    weight: 50
    force_band: high
    explain: "Payee in {payee.country}"
  - id: PAY-04
    title: Frequent payer
    on: payment
    when: payments_30d >= 2
    severity: medium
    weight: 15
    explain: "{payments_30d} earlier payments in 30 days"
  - id: PAY-05
    title: Large refund
    on: refund
    when: amount > params.cap
    severity: low
    weight: 5
    explain: "Refund {amount}"
scoring:
  method: sum
  max_score: 100
  bands: {low: 0, medium: 30, high: 60}
"""


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def write(pytester, files: dict[str, str]) -> None:
    """Write files (relative path -> text) into pytester's folder."""
    for name, text in files.items():
        path = pytester.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")


def make_project(pytester, features: dict[str, str], ruleset_path: str = "rulesets/payments.yaml") -> None:
    """The test ruleset and feature files (relative path without .feature -> Gherkin text)."""
    write(pytester, {ruleset_path: RULESET})
    write(pytester, {f"{name}.feature": text for name, text in features.items()})


def run(pytester, *args: str):
    return pytester.runpytest(*PLUGIN_ARGS, *args)
