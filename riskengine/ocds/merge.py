"""Compile individual OCDS releases of one contracting process into a compiled release.

A simplified form of the OCDS merge routine (https://standard.open-contracting.org/latest/en/schema/merging/):
releases are applied in date order; objects are merged field by field; arrays of objects that all
carry an ``id`` are merged item by item on that id (identifier merge); other arrays replace the
earlier value; ``null`` removes a field. The schema-driven exceptions of the full routine
(``wholeListMerge``, versioned releases) are not applied: the fields riskengine reads are not
affected by them.
"""

from __future__ import annotations

from typing import Any


def merge_releases(releases: list[dict[str, Any]]) -> dict[str, Any]:
    ordered = sorted(enumerate(releases), key=lambda pair: (str(pair[1].get("date") or ""), pair[0]))
    compiled: dict[str, Any] = {}
    for _, release in ordered:
        _merge_object(compiled, release, top=True)
    ocid = compiled.get("ocid")
    latest = ordered[-1][1].get("date") if ordered else None
    compiled["tag"] = ["compiled"]
    compiled["id"] = f"{ocid}-{latest}" if latest else f"{ocid}-compiled"
    if latest:
        compiled["date"] = latest
    return compiled


def _merge_object(target: dict[str, Any], source: dict[str, Any], top: bool = False) -> None:
    for key, value in source.items():
        if top and key in ("tag", "id"):
            continue
        if value is None:
            target.pop(key, None)
        elif isinstance(value, dict):
            current = target.get(key)
            if not isinstance(current, dict):
                current = {}
                target[key] = current
            _merge_object(current, value)
        elif isinstance(value, list) and value and all(isinstance(item, dict) and "id" in item for item in value):
            current = target.get(key)
            if not (isinstance(current, list) and all(isinstance(item, dict) for item in current)):
                current = []
                target[key] = current
            by_id = {str(item.get("id")): item for item in current}
            for item in value:
                existing = by_id.get(str(item["id"]))
                if existing is None:
                    existing = {}
                    current.append(existing)
                    by_id[str(item["id"])] = existing
                _merge_object(existing, item)
        else:
            target[key] = _copy(value)


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [_copy(item) for item in value]
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    return value
