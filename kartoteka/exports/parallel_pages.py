"""A large archive put into words by several processes at once.

Each process opens the store itself and renders a page of a thousand persons
(JSON Lines, CSV rows, FtM entities) or of claims; the pages are written in
order of id, a few in flight at a time, so memory stays flat. A small
archive, or one held in memory, is rendered in this process alone.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TextIO

from kartoteka.analysis.case_batches import BATCH, CaseReader
from kartoteka.bulk_memory import gc_paused
from kartoteka.exports.person_pages import page_records, store_page_starts
from kartoteka.model import Claim
from kartoteka.model.vocabulary import EntityKind
from kartoteka.storage import Store

Render = Callable[[dict[str, Any]], str]
# A page of claims as text, with what every page needs (links, sources).
RenderClaims = Callable[[CaseReader, list[Claim]], str]
# A page rendered from the id after which it begins: (text, records in it).
Page = Callable[..., tuple[str, int]]
PARALLEL_FROM = 20_000  # persons: fewer are written before processes start
CLAIM_PAGE = 5000

_reader: CaseReader | None = None  # each process's own


def write_persons(
    store: Store,
    render: Render,
    out: TextIO,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
    size: int = BATCH,
) -> int:
    """Write every person as ``render`` puts them, in order of id, ``size``
    to a page; return how many."""
    return write_pieces(
        rendered_pages(store, render, workers, parallel_from, size), out
    )


def write_pieces(pieces: Iterable[tuple[str, int]], out: TextIO) -> int:
    """Write each piece of text; return how many records they held."""
    count = 0
    for text, n in pieces:
        out.write(text)
        count += n
    return count


def rendered_pages(
    store: Store,
    render: Render,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
    size: int = BATCH,
) -> Iterator[tuple[str, int]]:
    """The persons as text, a page at a time in order of id, with how many
    persons each page holds."""
    starts = store_page_starts(store, size)
    return _rendered(store, workers, parallel_from, _person_page, starts, render, size)


def rendered_claims(
    store: Store,
    render: RenderClaims,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
    size: int = CLAIM_PAGE,
) -> Iterator[tuple[str, int]]:
    """Every claim as text, a page at a time in order of id, with how many
    lines each page holds (a claim left out, a candidate in FtM, has none)."""
    starts = store.claim_page_starts(size)
    return _rendered(store, workers, parallel_from, _claim_page, starts, render, size)


def _rendered(
    store: Store,
    workers: int | None,
    parallel_from: int,
    page: Page,
    starts: Iterator[str],
    *args: Any,
) -> Iterator[tuple[str, int]]:
    """``page(reader, start, *args)`` for each page start, in order: in worker
    processes, at most 2 × workers in flight; in this process for a small
    archive or a store in memory."""
    workers = workers or os.cpu_count() or 1
    if (
        workers < 2
        or not store.shared
        or store.entity_count(EntityKind.PERSON) < parallel_from
    ):
        reader = CaseReader(store)
        for after in starts:
            yield page(reader, after, *args)
        return
    spawn = multiprocessing.get_context("spawn")  # no connection shared by forking
    with ProcessPoolExecutor(
        workers, mp_context=spawn, initializer=_open, initargs=(store.url,)
    ) as pool:
        pending: deque[Future[tuple[str, int]]] = deque()
        for after in starts:
            pending.append(pool.submit(_in_worker, page, after, *args))
            if len(pending) > 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _open(url: str) -> None:
    global _reader
    _reader = CaseReader(Store.open(url))


def _in_worker(page: Page, after: str, *args: Any) -> tuple[str, int]:
    assert _reader is not None, "a worker opens its store first"
    return page(_reader, after, *args)


def _person_page(
    reader: CaseReader, after: str, render: Render, size: int
) -> tuple[str, int]:
    records = page_records(reader, after, size)
    return "".join(map(render, records)), len(records)


def _claim_page(
    reader: CaseReader, after: str, render: RenderClaims, size: int
) -> tuple[str, int]:
    with gc_paused():  # as for a page of persons (``page_records``)
        page = reader.store.claim_page(after, size)
        text = render(reader, page) if page else ""
    return text, text.count("\n")
