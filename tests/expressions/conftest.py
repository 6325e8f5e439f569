"""A scope with one name of every type, shared by the expression tests."""

from __future__ import annotations

import pytest

from riskengine.expressions.parser import Scope
from riskengine.ruleset.types import BOOLEAN, DATE, DATETIME, INTEGER, NUMBER, STRING, ListOf, Object

BID = Object((("amount", NUMBER), ("bidder", STRING), ("winner", BOOLEAN)))


def make_scope() -> Scope:
    return Scope(
        names={
            "fee": ("field", NUMBER),
            "bidders": ("field", INTEGER),
            "role": ("field", STRING),
            "country": ("field", STRING),
            "paid_on": ("field", DATE),
            "signed_at": ("field", DATETIME),
            "inspected": ("field", BOOLEAN),
            "tags": ("field", ListOf(STRING)),
            "scores": ("field", ListOf(NUMBER)),
            "bids": ("field", ListOf(BID)),
            "buyer": ("field", Object((("id", STRING), ("size", INTEGER)))),
            "buyer.id": ("field", STRING),
            "buyer.size": ("field", INTEGER),
            "bid_count": ("derived", INTEGER),
        },
        params={
            "cap": (0.1, NUMBER),
            "limit": (5, INTEGER),
            "countries": (["PA", "KY"], ListOf(STRING)),
            "amounts": ([100, 200], ListOf(INTEGER)),
            "strict": (True, BOOLEAN),
            "cutoff": (None, DATE),
        },
    )


@pytest.fixture
def scope() -> Scope:
    return make_scope()
