"""Importers registered by name: `kartoteka import NAME PATHS…`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from kartoteka.ingest.casefile import import_casefile
from kartoteka.storage import Store


class Report(Protocol):
    def summary(self) -> str: ...


Importer = Callable[[Store, Path, str], Report]

IMPORTERS: dict[str, Importer] = {
    "casefile": import_casefile,
}


def run(store: Store, fmt: str, paths: Sequence[Path], actor: str) -> list[Report]:
    """Import each path with the named importer, in order."""
    importer = IMPORTERS[fmt]
    return [importer(store, path, actor) for path in paths]
