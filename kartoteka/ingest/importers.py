"""Importers registered by name: `kartoteka import NAME PATHS…`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kartoteka.errors import ConfigError
from kartoteka.ingest.casefile import ImportReport, import_casefile
from kartoteka.ingest.registries import csv_list
from kartoteka.ingest.registries.importer import PARSERS, import_registry
from kartoteka.storage import Store


class Report(Protocol):
    @property
    def ok(self) -> bool: ...

    def summary(self) -> str: ...


@dataclass
class ImportOptions:
    """What a long import tells the one watching (records done, files begun),
    and the column mapping a CSV list needs."""

    advance: Callable[[int], None] | None = None
    on_file: Callable[[Path, int], None] | None = None
    mapping: Path | None = None


@dataclass
class CasefilesReport:
    reports: list[ImportReport]

    @property
    def ok(self) -> bool:
        return True  # a casefile with problems raises before anything is written

    def summary(self) -> str:
        return "\n".join(r.summary() for r in self.reports)


def _casefiles(
    store: Store, paths: Sequence[Path], actor: str, _: ImportOptions
) -> Report:
    return CasefilesReport([import_casefile(store, path, actor) for path in paths])


Importer = Callable[[Store, Sequence[Path], str, "ImportOptions"], Report]


def _registry(fmt: str) -> Importer:
    def run(
        store: Store, paths: Sequence[Path], actor: str, options: ImportOptions
    ) -> Report:
        return import_registry(
            store, fmt, paths, actor, options.advance, options.on_file
        )

    return run


def _csv(
    store: Store, paths: Sequence[Path], actor: str, options: ImportOptions
) -> Report:
    if options.mapping is None:
        raise ConfigError(
            "a CSV list needs --mapping FILE.yaml (see docs/csv-mapping.md)"
        )
    mapping = csv_list.load_mapping(options.mapping)
    return import_registry(
        store,
        "csv",
        paths,
        actor,
        options.advance,
        options.on_file,
        parser=csv_list.parser(mapping),
        identifying=mapping.identifying,
    )


IMPORTERS: dict[str, Importer] = {
    "casefile": _casefiles,
    "csv": _csv,
    **{fmt: _registry(fmt) for fmt in PARSERS},
}


def run(
    store: Store,
    fmt: str,
    paths: Sequence[Path],
    actor: str,
    options: ImportOptions | None = None,
) -> Report:
    """Import every path with the named importer."""
    return IMPORTERS[fmt](store, paths, actor, options or ImportOptions())
