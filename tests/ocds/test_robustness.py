"""Malformed OCDS: whatever a publisher puts where, conversion does not crash and every event it
makes fits the ruleset's types (the engine never rejects one)."""

from __future__ import annotations

import copy
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riskengine import Engine, load_ruleset
from riskengine.ocds.events import ConvertOptions, convert_all
from riskengine.ocds.reader import ReadStats, read_text

from .conftest import RULESET, release

ENGINE = Engine(load_ruleset(RULESET))

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10, 10**12), st.floats(allow_nan=True, allow_infinity=True),
                    st.text(max_size=12), st.sampled_from(["2025-01-01T00:00:00Z", "2025-13-45", "active", "valid", "disqualified", "EUR", "USD"]))
JSON = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)), max_leaves=8)
PATHS = [
    ("ocid",), ("buyer",), ("buyer", "id"), ("tender",), ("tender", "value"), ("tender", "value", "amount"), ("tender", "tenderPeriod"),
    ("tender", "tenderPeriod", "endDate"), ("tender", "numberOfTenderers"), ("tender", "procurementMethod"), ("tender", "documents"),
    ("tender", "items"), ("tender", "enquiries"), ("tender", "amendments"), ("bids",), ("bids", "details"), ("bids", "details", 0),
    ("bids", "details", 0, "value"), ("bids", "details", 0, "tenderers"), ("bids", "details", 1, "status"), ("awards",), ("awards", 0),
    ("awards", 0, "suppliers"), ("awards", 0, "value", "amount"), ("awards", 0, "items"), ("contracts",), ("parties",), ("planning",),
]


def mutate(base: dict, path: tuple, value: object) -> dict:
    mutated = copy.deepcopy(base)
    target = mutated
    for step in path[:-1]:
        try:
            target = target[step]
        except (KeyError, IndexError, TypeError):
            return mutated
    try:
        target[path[-1]] = value
    except (IndexError, TypeError):
        pass
    return mutated


FULL = release("ocds-fuzz")
FULL["contracts"] = [{"id": "C1", "awardID": "A1", "value": {"amount": 90000, "currency": "EUR"}, "dateSigned": "2025-03-01T00:00:00Z",
                      "amendments": [{"id": "1", "date": "2025-04-01T00:00:00Z"}],
                      "implementation": {"transactions": [{"id": "T1", "date": "2025-03-05T00:00:00Z", "value": {"amount": 1000, "currency": "EUR"}}]}}]
FULL["parties"] = [{"id": "W", "roles": ["supplier"], "address": {"countryName": "United Kingdom"}, "details": {"foundingDate": "2001-01-01"}}]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), JSON), min_size=1, max_size=4), st.booleans(),
       st.sampled_from(["line", "release package", "record package"]), JSON)
def test_mutated_releases_convert_and_validate(mutations: list, cardinal: bool, wrapper: str, noise: object) -> None:
    item = FULL
    for path, value in mutations:
        item = mutate(item, path, value)
    if wrapper == "release package":
        item = {"uri": "x", "releases": [dict(item, tag=["tender"]), noise]}
    elif wrapper == "record package":
        item = {"records": [{"ocid": "ocds-fuzz", "compiledRelease": item}, {"ocid": "r2", "releases": noise}, noise]}
    text = json.dumps(item, allow_nan=True)
    stats = ReadStats()
    releases = list(read_text(text, "fuzz.jsonl", stats))
    options = ConvertOptions(cardinal=cardinal, strict_dates=cardinal, fill_number_of_tenderers=not cardinal)
    events, _ = convert_all(releases, options)
    for event in events:
        assessment = ENGINE.evaluate(event)
        assert assessment.status == "scored", (event, assessment.errors)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_is_read_without_crashing(text: str) -> None:
    stats = ReadStats()
    releases = list(read_text(text, "noise.txt", stats))
    convert_all(releases)  # no exception, whatever the text
