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


def encode_float_fast(value: float) -> str:
    """``encode_float`` for the common case: a plain ``repr`` (no exponent, finite) is returned as it
    is; anything else (``1e-05``, ``inf``, ``nan``) goes through ``encode_float``."""
    text = float.__repr__(value)
    if "e" in text or "n" in text:
        return encode_float(value)
    return text


def _encode_bool(value: bool) -> str:
    return "true" if value else "false"


def _encode_dict(value: dict) -> str:
    return "{" + ",".join(f"{encode_basestring_ascii(str(key))}:{encode(item)}" for key, item in value.items()) + "}"


def _encode_list(value: list | tuple) -> str:
    return "[" + ",".join([encode(item) for item in value]) + "]"


# The encoder of each exact type; subclasses (an IntEnum, a str subclass...) take the isinstance chain.
SCALAR_ENCODERS = {
    str: encode_basestring_ascii,
    bool: _encode_bool,
    int: int.__repr__,
    float: encode_float_fast,
    type(None): lambda value: "null",
}
_ENCODERS = {**SCALAR_ENCODERS, dict: _encode_dict, list: _encode_list, tuple: _encode_list}


def encode(value: Any) -> str:
    encoder = _ENCODERS.get(type(value))
    if encoder is not None:
        return encoder(value)
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
        return _encode_dict(value)
    if isinstance(value, (list, tuple)):
        return _encode_list(value)
    raise TypeError(f"cannot encode {type(value).__name__} for durable_rules")
