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


def _part(value: object) -> str:
    if type(value) is str:
        return value
    if value is None or type(value) in (int, float, bool):
        return str(value)
    return canonical_json(value)


def make_id(prefix: str, *parts: object) -> str:
    """A 16-hex-digit hash of the parts, after the prefix and an underscore.

    Parts are joined with the unit separator, which no name or text contains;
    the whole is NFC-normalized, so composed and decomposed letters agree.
    """
    joined = "\x1f".join(map(_part, parts))
    if not joined.isascii() and not unicodedata.is_normalized("NFC", joined):
        joined = unicodedata.normalize("NFC", joined)
    return f"{prefix}_{hashlib.sha256(joined.encode()).hexdigest()[:16]}"


def is_slug(text: str) -> bool:
    """Lower-case letters, digits, dot, dash, underscore: a key a person can type."""
    return bool(_SLUG.match(text))
