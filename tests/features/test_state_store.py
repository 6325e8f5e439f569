"""MemoryStateStore against a plain model: lists in (time, sequence) order without duplicates,
evictions of the added key's list at ``reach - window``, sweeps at each list's longest window, shared
lists shown per feature, and a size kept as it goes that always equals a recount."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from riskengine.engine.state import Entry, MemoryStateStore

FEATURES = ("f", "g", "h")
GROUPS = [("f", "g"), ("h",)]  # f and g share a list, named f
LIST_OF = {"f": "f", "g": "f", "h": "h"}
KEYS = [("a",), ("b",), ("c",)]

operations = st.lists(
    st.one_of(
        st.tuples(
            st.just("add"),
            st.sampled_from(KEYS),
            st.integers(0, 40),  # time
            st.lists(st.tuples(st.sampled_from(FEATURES), st.integers(0, 10)), min_size=1, max_size=3),  # (feature, window)
            st.one_of(st.none(), st.integers(0, 20)),  # how far reach is before the entry's time (never after it)
        ),
        st.tuples(st.just("again"), st.sampled_from(FEATURES)),  # the last entry added, for another feature (restore does that)
        st.tuples(st.just("sweep"), st.dictionaries(st.sampled_from(FEATURES), st.integers(0, 40))),
        st.just(("clear",)),
    ),
    max_size=60,
)


@given(operations)
@settings(max_examples=300, deadline=None)
# one list twice in one add, the second time with a shorter window: the entry is there, the eviction still applies
@example([("add", ("a",), 0, [("f", 0)], None), ("add", ("a",), 1, [("f", 1), ("f", 0)], 0)])
def test_memory_store_matches_a_model(steps: list[tuple[Any, ...]]) -> None:
    store = MemoryStateStore()
    store.share(GROUPS)
    tables = {feature: store.table(feature) for feature in FEATURES}
    model: dict[str, dict[tuple[str, ...], list[tuple[int, int]]]] = {"f": {}, "h": {}}
    sequence = 0
    last: tuple[tuple[str, ...], Entry] | None = None
    for step in steps:
        if step[0] == "add":
            _, key, time, windows, before = step
            reach = None if before is None else time - before
            sequence += 1
            entry = Entry(time, sequence, f"e{sequence}", None)
            store.add(key, entry, windows, reach)
            last = (key, entry)
            for feature, window in windows:
                kept = model[LIST_OF[feature]].setdefault(key, [])
                if (time, sequence) not in kept:
                    kept.append((time, sequence))
                    kept.sort()
                if reach is not None:
                    kept[:] = [item for item in kept if item[0] >= reach - window]
                if not kept:
                    del model[LIST_OF[feature]][key]
        elif step[0] == "again" and last is not None:
            key, entry = last
            store.add(key, entry, ((step[1], 0),))
            kept = model[LIST_OF[step[1]]].setdefault(key, [])
            if (entry.time, entry.sequence) not in kept:
                kept.append((entry.time, entry.sequence))
                kept.sort()
        elif step[0] == "sweep":
            horizons = step[1]
            store.sweep(horizons)
            for name, members in (("f", ("f", "g")), ("h", ("h",))):
                known = [horizons[member] for member in members if member in horizons]
                if known:
                    for key in list(model[name]):
                        model[name][key] = [item for item in model[name][key] if item[0] >= min(known)]
                        if not model[name][key]:
                            del model[name][key]
        elif step[0] == "clear":
            store.clear()
            model = {"f": {}, "h": {}}
            last = None

        for feature in FEATURES:
            held = {key: [(e.time, e.sequence) for e in entries] for key, entries in tables[feature].items()}
            assert held == model[LIST_OF[feature]], (feature, step)
        listed = {(feature, key): [(e.time, e.sequence) for e in entries] for feature, key, entries in store.items()}
        assert listed == {(feature, key): kept for feature in FEATURES for key, kept in model[LIST_OF[feature]].items()}
        assert store.size() == sum(len(kept) for lists in model.values() for kept in lists.values())


def test_share_moves_what_the_store_holds_into_the_shared_lists() -> None:
    store = MemoryStateStore()
    store.add(("a",), Entry(1, 1, "e1", None), (("f", 5),))
    store.add(("a",), Entry(2, 2, "e2", None), (("f", 5), ("g", 5)))
    store.add(("a",), Entry(3, 3, "e3", None), (("g", 5),))
    store.share(GROUPS)
    assert [e.event_id for e in store.table("g")[("a",)]] == ["e1", "e2", "e3"]
    assert store.table("f") is store.table("g")
    assert store.size() == 3
    assert sorted((feature, len(entries)) for feature, _, entries in store.items()) == [("f", 3), ("g", 3)]
