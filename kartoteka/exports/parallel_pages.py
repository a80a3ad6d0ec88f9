"""A large archive put into words by several processes at once.

Each process opens the store itself and renders a page of a thousand persons
(JSON Lines, CSV rows, FtM entities) or of claims; the pages are written in
order of id, a few in flight at a time, so memory stays flat. A small
archive, or one held in memory, is rendered in this process alone.

Written to a file (``write_persons``, ``write_pieces`` of a ``spooled``
iterator), each worker puts its page's bytes in a file of its own and the
system copies them into the output: the text never passes through this
process, which would otherwise decode and encode every page again (a core's
tenth at millions of persons).
"""

from __future__ import annotations

import codecs
import io
import multiprocessing
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
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


@dataclass(frozen=True)
class PageFile:
    """A page a worker wrote: its UTF-8 text in a file of its own."""

    path: Path

    def text(self) -> str:
        """The page's text; the file is gone afterwards."""
        try:
            return self.path.read_bytes().decode("utf-8")  # "\r\n" kept
        finally:
            self.path.unlink()

    def copy_into(self, out: TextIO) -> None:
        """Append the page to ``out``, by the system where ``out`` is a file
        of UTF-8 text; the file is gone afterwards."""
        fd = _utf8_descriptor(out)
        if fd is None:
            out.write(self.text())
            return
        out.flush()
        try:
            with self.path.open("rb") as page:
                size = os.fstat(page.fileno()).st_size
                copied = 0
                while copied < size:
                    copied += _send(fd, page, copied, size - copied)
        finally:
            self.path.unlink()


Piece = tuple[str | PageFile, int]  # text or a page's file; records in it


def piece_text(piece: str | PageFile) -> str:
    """A piece's text, read from its file when a worker wrote one."""
    return piece.text() if isinstance(piece, PageFile) else piece


def _utf8_descriptor(out: TextIO) -> int | None:
    encoding = getattr(out, "encoding", None)
    if not encoding or codecs.lookup(encoding).name != "utf-8":
        return None
    try:
        return out.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):
        return None  # text in memory


def _send(fd: int, page: io.BufferedReader, offset: int, count: int) -> int:
    try:
        sent = os.sendfile(fd, page.fileno(), offset, count)
    except OSError:  # a system without sendfile to this output
        page.seek(offset)
        sent = os.write(fd, page.read(min(count, 1 << 20)))
    if sent <= 0:
        raise OSError(f"could not write the export's page from {page.name}")
    return sent


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
    pages = rendered_pages(store, render, workers, parallel_from, size, spooled=True)
    return write_pieces(pages, out)


def write_pieces(pieces: Iterable[Piece], out: TextIO) -> int:
    """Write each piece (text, or a worker's page file); return how many
    records they held."""
    count = 0
    for piece, n in pieces:
        if isinstance(piece, PageFile):
            piece.copy_into(out)
        else:
            out.write(piece)
        count += n
    return count


def rendered_pages(
    store: Store,
    render: Render,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
    size: int = BATCH,
    spooled: bool = False,
) -> Iterator[Piece]:
    """The persons as text, a page at a time in order of id, with how many
    persons each page holds; ``spooled``: pages rendered by workers come as
    their files (for ``write_pieces``)."""
    starts = store_page_starts(store, size)
    return _rendered(
        store, workers, parallel_from, spooled, _person_page, starts, render, size
    )


def rendered_claims(
    store: Store,
    render: RenderClaims,
    workers: int | None = None,
    parallel_from: int = PARALLEL_FROM,
    size: int = CLAIM_PAGE,
    spooled: bool = False,
) -> Iterator[Piece]:
    """Every claim as text, a page at a time in order of id, with how many
    lines each page holds (a claim left out, a candidate in FtM, has none);
    ``spooled`` as for ``rendered_pages``."""
    starts = store.claim_page_starts(size)
    return _rendered(
        store, workers, parallel_from, spooled, _claim_page, starts, render, size
    )


def _rendered(
    store: Store,
    workers: int | None,
    parallel_from: int,
    spooled: bool,
    page: Page,
    starts: Iterator[str],
    *args: Any,
) -> Iterator[Piece]:
    """``page(reader, start, *args)`` for each page start, in order: in worker
    processes, at most 2 × workers in flight (``spooled``: their pages as
    files); in this process for a small archive or a store in memory."""
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
    with (
        tempfile.TemporaryDirectory(prefix="kartoteka-export-") as spool,
        ProcessPoolExecutor(
            workers, mp_context=spawn, initializer=_open, initargs=(store.url,)
        ) as pool,
    ):
        pending: deque[Future[Piece]] = deque()
        for n, after in enumerate(starts):
            to = Path(spool, f"{n}.page") if spooled else None
            pending.append(pool.submit(_in_worker, to, page, after, *args))
            if len(pending) > 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _open(url: str) -> None:
    global _reader
    _reader = CaseReader(Store.open(url))


def _in_worker(to: Path | None, page: Page, after: str, *args: Any) -> Piece:
    assert _reader is not None, "a worker opens its store first"
    text, n = page(_reader, after, *args)
    if to is None:
        return text, n
    to.write_bytes(text.encode("utf-8"))
    return PageFile(to), n


def _person_page(
    reader: CaseReader, after: str, render: Render, size: int
) -> tuple[str, int]:
    # The collector waits until the page's records are rendered and gone:
    # resumed while they live, it would scan them all again (up to a tenth
    # of a page's time where many persons go through their case).
    with gc_paused():
        records = page_records(reader, after, size)
        text, n = "".join(map(render, records)), len(records)
        del records
    return text, n


def _claim_page(
    reader: CaseReader, after: str, render: RenderClaims, size: int
) -> tuple[str, int]:
    with gc_paused():  # as for a page of persons (``page_records``)
        page = reader.store.claim_page(after, size)
        text = render(reader, page) if page else ""
    return text, text.count("\n")
