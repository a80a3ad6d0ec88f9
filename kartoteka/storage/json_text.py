"""JSON as the store writes it."""

from __future__ import annotations

import orjson


def to_json(value: object) -> str:
    # Cyrillic stored as itself, not as \u escapes six bytes a letter.
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()
