"""The Store's reads of a source in part: titles, an excerpt of its text, and
the claims whose passages fall in a span — what a page of a source needs."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import sqlalchemy as sa

from kartoteka.errors import NotFound
from kartoteka.model import Claim
from kartoteka.storage.engine import page_starts
from kartoteka.storage.pieces import unpack, unpack_kept
from kartoteka.storage.rows import claim_from_row
from kartoteka.storage.schema import PIECE, claims, source_pieces, sources


class TextReads:
    """Mixed into the Store; ``_rows`` runs a query."""

    def _rows(self, query: sa.Executable) -> list[sa.Row]:
        raise NotImplementedError

    def source_titles(self, ids: list[str]) -> dict[str, str]:
        """Each source's title by id, nothing else read."""
        query = sa.select(sources.c.id, sources.c.title).where(sources.c.id.in_(ids))
        return {r.id: r.title for r in self._rows(query)}

    def source_length(self, source_id: str) -> int:
        """The length of a source's text in characters, nothing else read."""
        rows = self._rows(sa.select(sources.c.length).where(sources.c.id == source_id))
        if not rows:
            raise NotFound(f"no source {source_id!r}")
        return rows[0][0]

    def text_of(self, source_id: str) -> str:
        """A source's whole text, its pieces joined."""
        p = source_pieces.c
        query = sa.select(p.packed).where(p.source_id == source_id).order_by(p.n)
        return "".join(unpack(r.packed) for r in self._rows(query))

    def excerpts(self, spans: Sequence[tuple[str, int, int]]) -> list[str]:
        """The words of many spans (source, start, end) at once: the pieces
        they stand in read with one query a source, each piece once."""
        return read_excerpts(self._rows, spans)

    def _claims(self, rows: Sequence[sa.Row]) -> list[Claim]:
        """Claims from their rows, each quote read from its source's text."""
        return claims_with_quotes(self._rows, rows)

    def excerpt(self, source_id: str, start: int, end: int) -> str:
        """Characters [start, end) of a source's text: only the pieces that hold
        them are read."""
        start, end = max(0, start), max(0, end)
        if end <= start:
            if not self._rows(sa.select(sources.c.id).where(sources.c.id == source_id)):
                raise NotFound(f"no source {source_id!r}")
            return ""
        (text,) = self.excerpts([(source_id, start, end)])
        if not text and not self._rows(
            sa.select(sources.c.id).where(sources.c.id == source_id)
        ):
            raise NotFound(f"no source {source_id!r}")
        return text

    def claim_pages(self, size: int = 5000) -> Iterator[list[Claim]]:
        """Every claim in order of id, a page at a time: an export of millions
        holds one page in memory, not all."""
        last = ""
        while page := self.claim_page(last, size):
            yield page
            last = page[-1].id

    def claim_page(self, after: str, size: int) -> list[Claim]:
        """The ``size`` claims after the id ``after``, in order of id."""
        query = (
            sa.select(claims).where(claims.c.id > after).order_by(claims.c.id)
        ).limit(size)
        return self._claims(self._rows(query))

    def claim_page_starts(self, size: int) -> Iterator[str]:
        """The id after which each page of ``size`` claims begins ("" for the
        first), read from the index alone."""
        return page_starts(self._rows, claims.c.id, size)

    def claims_in_span(
        self, source_id: str, start: int, end: int, longest: int = 20_000
    ) -> list[Claim]:
        """Claims of the source whose passage overlaps [start, end); a passage
        longer than ``longest`` that begins before ``start`` is left out, so
        that the index reads only the claims near the span."""
        c = claims.c
        query = (
            sa.select(claims)
            .where(
                c.source_id == source_id,
                c.start >= start - longest,
                c.start < end,
                c.end > start,
            )
            .order_by(c.start, c.end)
        )
        return self._claims(self._rows(query))


Run = Callable[[sa.Executable], Sequence[sa.Row]]


def read_excerpts(run: Run, spans: Sequence[tuple[str, int, int]]) -> list[str]:
    """The words of each span (source, start, end), ``run`` reading the
    pieces they stand in: one query a source, each piece once."""
    wanted: dict[str, set[int]] = {}
    for source_id, start, end in spans:
        if end > start:
            wanted.setdefault(source_id, set()).update(_numbers(start, end))
    p = source_pieces.c
    got: dict[tuple[str, int], str] = {}
    for source_id, numbers in wanted.items():
        ordered = sorted(numbers)
        if len(ordered) * 2 > ordered[-1] - ordered[0]:
            # Most pieces of a stretch (a page of a list's persons): read the
            # stretch, one range of the key rather than hundreds of values.
            stretches = [p.n.between(ordered[0], ordered[-1])]
        else:
            stretches = [
                p.n.in_(ordered[at : at + 500]) for at in range(0, len(ordered), 500)
            ]
        for stretch in stretches:
            query = sa.select(p.n, p.packed).where(p.source_id == source_id, stretch)
            got.update({(source_id, r.n): unpack_kept(r.packed) for r in run(query)})
    found = []
    for source_id, start, end in spans:
        first = start // PIECE
        if first == (end - 1) // PIECE:  # nearly every quote: within one piece
            text = got.get((source_id, first), "")
        else:
            text = "".join(got.get((source_id, n), "") for n in _numbers(start, end))
        found.append(text[start - first * PIECE : end - first * PIECE])
    return found


def claims_with_quotes(run: Run, rows: Sequence[sa.Row]) -> list[Claim]:
    """Claims from their rows, the quote of each read from its source."""
    quotes = read_excerpts(run, [(r.source_id, r.start, r.end) for r in rows])
    return [claim_from_row(r, q) for r, q in zip(rows, quotes, strict=True)]


def _numbers(start: int, end: int) -> range:
    """The numbers of the pieces that hold characters [start, end)."""
    return range(start // PIECE, (end - 1) // PIECE + 1)
