"""The only package that touches the database."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kartoteka.storage.store import Store
    from kartoteka.storage.writer import Change, Writer

# Imported when first asked for, as in the top package: the registry parsing
# processes use the row shapes here, not the store and its migrations.
_HOMES = {
    "Change": "kartoteka.storage.writer",
    "Store": "kartoteka.storage.store",
    "Writer": "kartoteka.storage.writer",
}

__all__ = [
    "Change",
    "Store",
    "Writer",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'kartoteka.storage' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
