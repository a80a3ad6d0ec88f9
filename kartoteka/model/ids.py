"""Stable ids: a short prefix and a hash of the parts that make a thing itself.

>>> make_id("per", "casefile", "tukhachevsky")
'per_100c481adfb38768'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import orjson

_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")


def canonical_json(value: object) -> str:
    """One serialization for hashing: sorted keys, no spaces, UTF-8 kept."""
    # NON_STR_KEYS: column names arrive as str subclasses (quoted_name).
    return orjson.dumps(
        value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS
    ).decode()


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _nfc(text: str) -> str:
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _part(value: object) -> str:
    if isinstance(value, str):
        return _nfc(value)
    if value is None or isinstance(value, int | float):
        return str(value)
    return _nfc(canonical_json(value))


def make_id(prefix: str, *parts: object) -> str:
    """A 16-hex-digit hash of the parts, after the prefix and an underscore.

    Parts are joined with the unit separator, which no name or text contains.
    """
    joined = "\x1f".join(_part(p) for p in parts)
    return f"{prefix}_{hashlib.sha256(joined.encode()).hexdigest()[:16]}"


def is_slug(text: str) -> bool:
    """Lower-case letters, digits, dot, dash, underscore: a key a person can type."""
    return bool(_SLUG.match(text))
