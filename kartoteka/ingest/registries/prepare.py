"""Everything of a registry import that needs no store: parse, rows, digests.

``prepare`` turns list files into a stream of file heads and ready batches.
``prepare_in_workers`` runs the same stream in other processes, so that
parsing goes on while the first process writes, and several files are
parsed at once.
"""

from __future__ import annotations

import inspect
import multiprocessing
import os
import queue
import sys
import time
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

Parser = Callable[..., ParsedList]  # (path), or (path, part=(k, n)): see reads_parts
BATCH = 5000  # records per transaction and revision


@dataclass
class FileHead:
    """One input file (or a part of it): its Source, or why it could not be
    read."""

    path: Path
    source: Source | None = None
    records: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    failed: str | None = None
    part: int = 0  # of the file, when processes read it side by side


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
    base = parsed.index_base
    rows = {
        "entity": [b.entity for b in built],
        "name": [n for b in built for n in b.names],
        "claim": [c for b in built for c in b.claims],
    }
    return Batch(
        label=f"{source_id}:{base + first}-{base + indices[-1]}",
        first=base + first == 0,
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


def prepare(
    paths: Sequence[Path], fmt: str, parser: Parser, parts: Parts | None = None
) -> Iterator[Item]:
    """For each file its head, its batches and its end; a file that fails is
    a head with the reason and its end. With ``parts``, each path is one
    part of a file (``Parts``)."""
    for path in paths:
        yield from _prepare_file(path, fmt, parser, parts)
        yield FileEnd(path)


@dataclass
class Parts:
    """One file read by several processes, each a part: this process's part
    (k of n) and, shared by them, how many records each part holds (-1 until
    its process has read it) — a part's records are numbered after those of
    the parts before it."""

    k: int
    n: int
    counts: Any  # multiprocessing.Array of n integers
    waiting: Callable[[], None] | None = None  # called while the others read

    def base(self, records: int) -> int:
        """Tell the others this part's count; wait for the counts before it."""
        self.counts[self.k] = records
        while any(self.counts[j] < 0 for j in range(self.k)):
            if self.waiting:
                self.waiting()
            time.sleep(0.005)
        return sum(self.counts[j] for j in range(self.k))


def _prepare_file(
    path: Path, fmt: str, parser: Parser, parts: Parts | None = None
) -> Iterator[FileHead | Batch]:
    part = parts.k if parts else 0
    try:
        parsed = parser(path, part=(parts.k, parts.n)) if parts else parser(path)
    except InvalidSource as exc:
        if parts:
            parts.base(0)
        yield FileHead(path, failed=str(exc), part=part)
        return
    if parts:
        parsed.index_base = parts.base(len(parsed.records))
    source = list_source(parsed, fmt) if parsed.records else None
    # The Source (the whole file's text) goes to the writer once: with the
    # part whose batch is the list's first, where the writer stores it.
    told = source if parsed.index_base == 0 else None
    yield FileHead(path, told, len(parsed.records), parsed.skipped, part=part)
    if source is None:
        return
    for first in range(0, len(parsed.records), BATCH):
        yield prepare_batch(parsed, first, source.id, fmt)


def reads_parts(parser: Parser) -> bool:
    """Can the parser read a part of a file (a ``part`` argument)?"""
    try:
        return "part" in inspect.signature(parser).parameters
    except (TypeError, ValueError):
        return False


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
    parts: Parts | None = None,
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

    if parts is not None:
        parts.waiting = exit_if_orphaned
    try:
        with gc_paused():
            for item in prepare(paths, fmt, parser, parts):
                put(item)
        put(_DONE)
    except Exception:
        put((_ERROR, traceback.format_exc()))
    while not taken.wait(1):  # until the importer has read it all
        exit_if_orphaned()


# Forked, a parsing process starts at once with the parsers already imported
# (spawned, each imported them again: half a second before the first batch,
# a sixth of the Moscow list's import). It never uses SQLite: it opens no
# store (it hands rows over), and it starts with the collector off and ends
# by os._exit, so it never finalizes what it inherited — the importer's open
# connection above all, which SQLite forbids to touch across a fork. Where
# forking is not safe (macOS) or not there (Windows): spawned.
_START_METHOD = "fork" if sys.platform == "linux" else "spawn"


def prepare_in_workers(
    paths: Sequence[Path], fmt: str, parser: Parser, workers: int = 1
) -> Iterator[Item]:
    """``prepare`` run in other processes, each taking every n-th file, its
    items handed over in the order of the files; each keeps a few batches
    ahead. One large file (fewer files than processes) is read by each
    process a part, when its parser can."""
    context = multiprocessing.get_context(_START_METHOD)
    taken = context.Event()
    split = len(paths) == 1 and workers > 1 and reads_parts(parser)
    count = workers if split else max(1, min(workers, len(paths)))
    counts = context.Array("q", [-1] * count) if split else None
    started = []
    for k in range(count):
        out = context.Queue(maxsize=3)
        mine = list(paths) if split else list(paths[k::count])
        parts = Parts(k, count, counts) if split else None
        worker = context.Process(
            target=_work,
            args=(out, taken, os.getpid(), mine, fmt, parser, parts),
            daemon=True,
        )
        with gc_paused():  # a forked worker never runs the collector: see above
            worker.start()
        started.append((worker, out))
    try:
        streams = [_received(worker, out) for worker, out in started]
        for i in range(count if split else len(paths)):
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
