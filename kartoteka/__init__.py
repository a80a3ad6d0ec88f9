"""kartoteka: evidence-grounded case files on political repression and rehabilitation.

>>> from kartoteka import Store, import_casefile, build_case
>>> store = Store.open(":memory:")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kartoteka.analysis.cases import build_case
    from kartoteka.analysis.conflicts import find_conflicts
    from kartoteka.errors import KartotekaError
    from kartoteka.ingest.casefile import import_casefile
    from kartoteka.model import Claim, Entity, Source
    from kartoteka.storage import Store

# Imported when first asked for: a process that parses registry lists needs
# none of the store, and importing it all costs a second at every start.
_HOMES = {
    "Claim": "kartoteka.model",
    "Entity": "kartoteka.model",
    "KartotekaError": "kartoteka.errors",
    "Source": "kartoteka.model",
    "Store": "kartoteka.storage",
    "build_case": "kartoteka.analysis.cases",
    "find_conflicts": "kartoteka.analysis.conflicts",
    "import_casefile": "kartoteka.ingest.casefile",
}

__all__ = [
    "Claim",
    "Entity",
    "KartotekaError",
    "Source",
    "Store",
    "build_case",
    "find_conflicts",
    "import_casefile",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'kartoteka' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
