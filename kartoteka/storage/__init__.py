"""The only package that touches the database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kartoteka.lazy_imports import lazy_attributes

if TYPE_CHECKING:
    from kartoteka.storage.store import Store
    from kartoteka.storage.writer import Change, Writer

# Each imported when first asked for (see kartoteka.lazy_imports): the
# registry parsing processes use the row shapes here, not the store.
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

__getattr__ = lazy_attributes(__name__, _HOMES)
