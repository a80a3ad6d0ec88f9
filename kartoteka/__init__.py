"""kartoteka: evidence-grounded case files on political repression and rehabilitation.

>>> from kartoteka import Store, import_casefile, build_case
>>> store = Store.open(":memory:")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kartoteka.lazy_imports import lazy_attributes

if TYPE_CHECKING:
    from kartoteka.analysis.cases import build_case
    from kartoteka.analysis.conflicts import find_conflicts
    from kartoteka.errors import KartotekaError
    from kartoteka.ingest.casefile import import_casefile
    from kartoteka.model import Claim, Entity, Source
    from kartoteka.storage import Store

# Each imported when first asked for (see kartoteka.lazy_imports).
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

__getattr__ = lazy_attributes(__name__, _HOMES)
