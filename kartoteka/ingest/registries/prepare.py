"""Everything of a registry import that needs no store: parse, rows, digests.

``prepare`` turns list files into a stream of file heads and ready batches.
``prepare_in_workers`` runs the same stream in other processes, so that
parsing goes on while the first process writes, and several files are
parsed at once.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kartoteka.bulk_memory import gc_paused
from kartoteka.errors import InvalidSource
from kartoteka.ingest.registries.records import ParsedList, Skipped
from kartoteka.ingest.registries.rows import record_rows
from kartoteka.model import Source
from kartoteka.model.ids import make_id, sha256_text
from kartoteka.model.vocabulary import SourceKind
from kartoteka.storage.packed_rows import PackedRows
from kartoteka.storage.revisions import BatchDigest
from kartoteka.storage.rows import Row, revision_state

Parser = Callable[[Path], ParsedList]
BATCH = 5000  # records per transaction and revision


@dataclass
class FileHead:
    """One input file: its Source, or why it could not be read."""

    path: Path
    source: Source | None = None
    records: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    failed: str | None = None


@dataclass
class Batch:
    """The rows of up to BATCH consecutive records of one list, ready to insert.

    Rows travel between processes as packed tables: plain tuples with their
    JSON already encoded cost a fraction of dicts to send and to insert.
    """

    label: str
    first: bool  # the first batch of its list
    person_ids: list[str]
    tables: dict[str, PackedRows]  # kind → rows, as TABLES_WITH_REVISIONS names them
    search: list[tuple[str, str, str]]
    keys: list[tuple[str, str]]
    digest: dict[str, Any]  # of all the rows, for when all are new


def list_source(parsed: ParsedList, fmt: str) -> Source:
    """The Source that a list file is: its record texts, verbatim, by their hash."""
    return Source(
        id=make_id(fmt, sha256_text(parsed.text)).replace("_", "-"),
        kind=SourceKind.REGISTRY,
        title=parsed.title,
        text=parsed.text,
        authors=("Memorial",),
        language="ru",
        citation=parsed.citation,
        url=parsed.url,
    )


def batch_digest(rows: dict[str, list[Row]]) -> dict[str, Any]:
    digest = BatchDigest()
    for kind, kind_rows in rows.items():
        for row in kind_rows:
            digest.add(kind, revision_state(kind, row))
    return digest.value()


def prepare_batch(parsed: ParsedList, first: int, source_id: str, fmt: str) -> Batch:
    indices = range(first, min(first + BATCH, len(parsed.records)))
    built = [record_rows(parsed, i, source_id, fmt) for i in indices]
    rows = {
        "entity": [b.entity for b in built],
        "name": [n for b in built for n in b.names],
        "claim": [c for b in built for c in b.claims],
    }
    return Batch(
        label=f"{source_id}:{first}-{indices[-1]}",
        first=first == 0,
        person_ids=[b.person_id for b in built],
        tables={kind: PackedRows.pack(kind, r) for kind, r in rows.items()},
        search=[b.search for b in built],
        keys=[k for b in built for k in b.keys],
        digest=batch_digest(rows),
    )


@dataclass
class FileEnd:
    """The end of one file's heads and batches."""

    path: Path


Item = FileHead | Batch | FileEnd


def prepare(paths: Sequence[Path], fmt: str, parser: Parser) -> Iterator[Item]:
    """For each file its head, its batches and its end; a file that fails is
    a head with the reason and its end."""
    for path in paths:
        yield from _prepare_file(path, fmt, parser)
        yield FileEnd(path)


def _prepare_file(path: Path, fmt: str, parser: Parser) -> Iterator[FileHead | Batch]:
    try:
        parsed = parser(path)
    except InvalidSource as exc:
        yield FileHead(path, failed=str(exc))
        return
    source = list_source(parsed, fmt) if parsed.records else None
    yield FileHead(path, source, len(parsed.records), parsed.skipped)
    if source is None:
        return
    for first in range(0, len(parsed.records), BATCH):
        yield prepare_batch(parsed, first, source.id, fmt)


# -- in other processes ------------------------------------------------------

_DONE = "done"
_ERROR = "error"


def _work(
    out: multiprocessing.Queue,
    taken: Any,
    parent: int,
    paths: Sequence[Path],
    fmt: str,
    parser: Parser,
) -> None:
    def exit_if_orphaned() -> None:
        if os.getppid() == parent:
            return
        # The importer was killed. Exit at once: a normal exit would wait for
        # the queue's feeder thread, blocked for ever on a pipe nobody reads.
        out.cancel_join_thread()
        os._exit(1)

    def put(item: object) -> None:
        while True:
            try:
                out.put(item, timeout=1)
                return
            except queue.Full:
                exit_if_orphaned()

    try:
        with gc_paused():
            for item in prepare(paths, fmt, parser):
                put(item)
        put(_DONE)
    except Exception:
        put((_ERROR, traceback.format_exc()))
    while not taken.wait(1):  # until the importer has read it all
        exit_if_orphaned()


def prepare_in_workers(
    paths: Sequence[Path], fmt: str, parser: Parser, workers: int = 1
) -> Iterator[Item]:
    """``prepare`` run in other processes, each taking every n-th file, its
    items handed over in the order of the files; each keeps a few batches
    ahead."""
    context = multiprocessing.get_context("spawn")
    taken = context.Event()
    count = max(1, min(workers, len(paths)))
    started = []
    for k in range(count):
        out = context.Queue(maxsize=3)
        worker = context.Process(
            target=_work,
            args=(out, taken, os.getpid(), list(paths[k::count]), fmt, parser),
            daemon=True,
        )
        worker.start()
        started.append((worker, out))
    try:
        streams = [_received(worker, out) for worker, out in started]
        for i in range(len(paths)):
            for item in streams[i % count]:
                yield item
                if isinstance(item, FileEnd):
                    break
    finally:
        taken.set()
        for worker, _ in started:
            if worker.is_alive():
                worker.terminate()
            worker.join()


def _received(worker: Any, out: multiprocessing.Queue) -> Iterator[Item]:
    while True:
        try:
            item = out.get(timeout=5)
        except queue.Empty:
            if not worker.is_alive():
                code = worker.exitcode
                raise RuntimeError(
                    f"the parsing process ended unexpectedly (exit {code})"
                ) from None
            continue
        if item == _DONE:
            return
        if isinstance(item, tuple) and item[0] == _ERROR:
            raise RuntimeError(f"parsing failed in the worker:\n{item[1]}")
        yield item
