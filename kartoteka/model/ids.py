"""Stable ids: a short prefix and a hash of the parts that make a thing itself.

>>> make_id("per", "casefile", "tukhachevsky")
'per_100c481adfb38768'
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

import orjson

_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")


def canonical_json_bytes(value: object) -> bytes:
    """One serialization for hashing: sorted keys, no spaces, UTF-8."""
    # NON_STR_KEYS: column names arrive as str subclasses (quoted_name).
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)


def canonical_json(value: object) -> str:
    """``canonical_json_bytes`` as text."""
    return canonical_json_bytes(value).decode()


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


@functools.lru_cache(maxsize=256)
def _scope_hash(scope: str) -> str:
    return hashlib.sha256(scope.encode()).hexdigest()[:8]


def sequential_id(prefix: str, scope: str, number: int) -> str:
    """An id of the same shape as make_id's that sorts in the order written.

    Eight hex digits of the scope's hash, then the number in eight: the
    records of one registry list get neighbouring keys, so their inserts land
    at the end of each index instead of all over indexes of millions of rows.

    >>> sequential_id("per", "memorial-lists-x", 255)
    'per_3356ce32000000ff'
    """
    if not 0 <= number < 16**8:
        raise ValueError(f"sequential id out of range: {number}")
    return f"{prefix}_{_scope_hash(scope)}{number:08x}"
