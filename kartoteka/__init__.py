"""kartoteka: evidence-grounded case files on political repression and rehabilitation.

>>> from kartoteka import Store, import_casefile, build_case
>>> store = Store.open(":memory:")
"""

from __future__ import annotations

from kartoteka.analysis.cases import build_case
from kartoteka.analysis.conflicts import find_conflicts
from kartoteka.errors import KartotekaError
from kartoteka.ingest.casefile import import_casefile
from kartoteka.model import Claim, Entity, Source
from kartoteka.storage import Store

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
