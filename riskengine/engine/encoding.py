"""JSON text for durable_rules' C parser.

The parser rejects Python's float spellings without a decimal point before the exponent (``1e-05``,
``1e+16``: error 204) and reads ``1.0e-05`` fine, with ``atof``, so every double round-trips exactly.
"""

from __future__ import annotations

import math
from json.encoder import encode_basestring_ascii  # type: ignore[attr-defined]
from typing import Any


def encode_float(value: float) -> str:
    if not math.isfinite(value):
        raise ValueError("durable_rules cannot hold NaN or infinity")
    text = repr(value)
    mantissa, exponent_mark, exponent = text.partition("e")
    if exponent_mark and "." not in mantissa:
        return f"{mantissa}.0e{exponent}"
    return text


def encode(value: Any) -> str:
    if isinstance(value, str):
        return encode_basestring_ascii(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return encode_float(value)
    if isinstance(value, dict):
        return "{" + ",".join(f"{encode_basestring_ascii(str(key))}:{encode(item)}" for key, item in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(encode(item) for item in value) + "]"
    if value is None:
        return "null"
    raise TypeError(f"cannot encode {type(value).__name__} for durable_rules")
