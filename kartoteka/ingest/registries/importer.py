"""Importing registry lists: prepare each file's batches, then write them.

Each batch is one revision, and a transaction holds whole batches (one, or
the batches of several small files), so an interrupted import leaves whole
batches behind and a re-run writes only what is missing.
Large inputs are parsed in other processes while this one writes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, closing
from dataclasses import dataclass, field
from pathlib import Path

from kartoteka.bulk_memory import gc_paused
from kartoteka.ingest.registries import memorial_lists, memorial_moscow
from kartoteka.ingest.registries.prepare import (
    Batch,
    FileEnd,
    FileHead,
    Item,
    Parser,
    batch_digest,
    prepare,
    prepare_in_workers,
)
from kartoteka.ingest.registries.records import Skipped
from kartoteka.model.identifying import IdentifyingField
from kartoteka.storage import Store
from kartoteka.storage.bulk import BulkWriter

Progress = Callable[[int], None]

PARSERS: dict[str, Parser] = {
    "memorial-lists": memorial_lists.parse,
    "memorial-moscow": memorial_moscow.parse,
}
# The fields each format's records identify a person by, besides names,
# birth and death (kartoteka.linking.identifying).
IDENTIFYING: dict[str, tuple[IdentifyingField, ...]] = {
    "memorial-lists": memorial_lists.IDENTIFYING,
    "memorial-moscow": memorial_moscow.IDENTIFYING,
}
# Below this much input, starting a second process costs more than it saves.
WORKER_FROM_BYTES = 2_000_000
# Records a transaction holds before it commits (each batch of
# prepare.BATCH records stays a revision of its own): every commit rewrites
# the index pages its records touched, scattered over B-trees of millions
# (names, name keys, addresses, full text). At a million list records, a
# commit every 5,000 wrote 16.9 GiB for a 2.6 GiB store in 144.6 s; every
# 20,000, 9.8 GiB in 124.3 s (docs/benchmarks.md). A transaction holds the
# write lock some two seconds: an editor's save waits that long at most.
COMMIT_RECORDS = 20_000
# Files parsed at once, each in a process of its own, while this one writes:
# on two cores the writer needs about half the time of the parsing.
PARSING_PROCESSES = 2


@dataclass
class RegistryReport:
    fmt: str
    files: int = 0
    records: int = 0
    persons_created: int = 0
    persons_present: int = 0
    claims_created: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # whole files, with the reason
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.failed

    def summary(self) -> str:
        rate = self.records / self.seconds if self.seconds else 0
        lines = [
            f"{self.fmt}: {self.files} files, {self.records:,} records read in "
            f"{self.seconds:.1f} s ({rate:,.0f} records/s)",
            f"  persons created: {self.persons_created:,}; already present: "
            f"{self.persons_present:,}; claims created: {self.claims_created:,}",
        ]
        if self.skipped:
            lines.append(f"  records skipped: {len(self.skipped):,}")
            lines += [f"    {s}" for s in self.skipped[:50]]
            if len(self.skipped) > 50:
                lines.append(f"    … and {len(self.skipped) - 50:,} more")
        lines += [f"  file not imported: {f}" for f in self.failed]
        return "\n".join(lines)


# The column of each table that names the record's person.
_PERSON_COLUMN = {"entity": "id", "name": "entity_id", "claim": "subject"}


def _only_new(batch: Batch, new: set[str]) -> Batch:
    """The part of a batch whose persons are not stored yet (a resumed import)."""
    tables = {
        kind: packed.where(_PERSON_COLUMN[kind], new)
        for kind, packed in batch.tables.items()
    }
    return Batch(
        label=batch.label,
        first=batch.first,
        person_ids=[p for p in batch.person_ids if p in new],
        tables=tables,
        search=[s for s in batch.search if s[1] in new],
        keys=[k for k in batch.keys if k[1] in new],
        digest=batch_digest({k: t.unpack() for k, t in tables.items()}),
    )


def _write_batch(
    tx: BulkWriter, batch: Batch, head: FileHead, report: RegistryReport
) -> None:
    if head.source is not None and batch.first:
        # The list's Source goes in with its first batch. Its records are
        # indexed one by one, not the whole list's text.
        tx.put_source(head.source, index_text=False)
    new = tx.missing("entity", batch.person_ids)
    fresh = batch if len(new) == len(batch.person_ids) else _only_new(batch, new)
    tx.write_batch(
        batch.label,
        fresh.tables,
        search=fresh.search,
        keys=fresh.keys,
        digest=fresh.digest,
    )
    report.persons_created += len(fresh.person_ids)
    report.persons_present += len(batch.person_ids) - len(fresh.person_ids)
    report.claims_created += len(fresh.tables["claim"].values)


def _use_worker(paths: Sequence[Path]) -> bool:
    total = sum(p.stat().st_size for p in paths if p.is_file())
    return total >= WORKER_FROM_BYTES


def import_registry(
    store: Store,
    fmt: str,
    paths: Sequence[Path],
    actor: str,
    progress: Progress | None = None,
    on_file: Callable[[Path, int], None] | None = None,
    parser: Parser | None = None,
    worker: bool | None = None,
    identifying: Sequence[IdentifyingField] | None = None,
) -> RegistryReport:
    """Import list files in a registered format; a bad file or record is
    reported with file:line and the rest goes on.

    ``worker``: parse in other processes (None: when the input is large).
    ``identifying``: the fields the list identifies a person by (the
    format's own, unless given), declared to the store for linking.
    """
    fields = IDENTIFYING.get(fmt, ()) if identifying is None else identifying
    store.declare_identifying(fields, f"import {fmt}")
    report = RegistryReport(fmt)
    began = time.perf_counter()
    parse = parser or PARSERS[fmt]
    in_worker = _use_worker(paths) if worker is None else worker
    stream = (
        prepare_in_workers(paths, fmt, parse, PARSING_PROCESSES)
        if in_worker
        else prepare(paths, fmt, parse)
    )
    with gc_paused(), closing(stream):
        write_prepared(stream, store, fmt, actor, report, progress, on_file)
    report.seconds = time.perf_counter() - began
    return report


def write_prepared(
    stream: Iterator[Item],
    store: Store,
    fmt: str,
    actor: str,
    report: RegistryReport,
    progress: Progress | None = None,
    on_file: Callable[[Path, int], None] | None = None,
) -> None:
    """Write what ``prepare`` gave into the store, counting it in ``report``."""
    head = FileHead(Path())
    # Batches share a transaction until it holds COMMIT_RECORDS records: the
    # small files of a list (the Moscow pages, some hundred records each), and
    # the batches of a large one, would otherwise rewrite the same index pages
    # at a commit each.
    with ExitStack() as transaction:
        tx, waiting = None, 0
        for item in stream:
            if isinstance(item, FileEnd):
                continue
            if isinstance(item, FileHead):
                head = item
                first_part = item.part == 0  # a file read in parts counts once
                if item.failed:
                    if first_part:
                        report.failed.append(item.failed)
                    continue
                report.files += int(first_part)
                report.records += item.records
                report.skipped += item.skipped
                if on_file:
                    on_file(item.path, item.records)
                continue
            if tx is None:
                tx = transaction.enter_context(store.writing(actor))
            tx.reason = f"import {fmt} {head.path.name}"
            _write_batch(tx, item, head, report)
            waiting += len(item.person_ids)
            if waiting >= COMMIT_RECORDS:
                transaction.close()  # commit
                tx, waiting = None, 0
            if progress:
                progress(len(item.person_ids))
