"""A source as a page shows it: its text in windows, cut where claims begin
and end, so every claimed passage can be marked and its claims found."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from kartoteka.model import Claim, Source
from kartoteka.model.vocabulary import Status
from kartoteka.storage import Store

WINDOW = 20_000  # characters of text a page shows


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str
    claims: tuple[str, ...]  # the claims (not rejected) whose passage covers it


@dataclass(frozen=True)
class SourcePage:
    source: Source  # without its text: the window's is in the segments
    start: int
    end: int
    length: int  # of the whole text
    segments: tuple[Segment, ...]
    claims: tuple[Claim, ...]  # those with a passage in the window

    @property
    def previous(self) -> int | None:
        return max(0, self.start - WINDOW) if self.start > 0 else None

    @property
    def next(self) -> int | None:
        return self.end if self.end < self.length else None


def source_page(store: Store, source_id: str, start: int = 0) -> SourcePage:
    """The window of the source's text from ``start`` (moved back to a line's
    beginning where one is near), cut into segments at every claim's bounds.
    Only the window is read: a registry list is megabytes of text, kept in
    pieces."""
    source = store.source_meta(source_id)
    length = store.source_length(source_id)
    start = max(0, min(start, length))
    # The window, with room to move its start back to a line's beginning.
    before = max(0, start - 500)
    text = store.excerpt(source_id, before, min(length, start + WINDOW))
    line = text.rfind("\n", 0, start - before)
    start = before + line + 1 if start and line >= 0 else start
    end = min(length, start + WINDOW)
    window = text[start - before : end - before]
    if end < length:
        cut = window.rfind("\n", WINDOW // 2)
        end = start + cut + 1 if cut > 0 else end
    window = window[: end - start]
    found = store.claims_in_span(source_id, start, end)
    marked = [c for c in found if c.status is not Status.REJECTED]
    bounds = sorted(
        {start, end}
        | {
            max(start, min(end, b))
            for c in marked
            for b in (c.passage.start, c.passage.end)
        }
    )
    segments = tuple(_segments(window, start, bounds, marked))
    return SourcePage(source, start, end, length, segments, tuple(found))


def _segments(
    text: str, offset: int, bounds: list[int], marked: list[Claim]
) -> list[Segment]:
    """The text between consecutive bounds, each with the claims covering it:
    one sweep in order of the passages' starts (every start is a bound).
    ``text`` begins at character ``offset`` of the source."""
    waiting = sorted(marked, key=lambda c: c.passage.start)
    active: list[Claim] = []
    found, at = [], 0
    for a, b in itertools.pairwise(bounds):
        while at < len(waiting) and waiting[at].passage.start <= a:
            active.append(waiting[at])
            at += 1
        active = [c for c in active if c.passage.end > a]
        if a < b:
            piece = text[a - offset : b - offset]
            found.append(Segment(a, b, piece, tuple(c.id for c in active)))
    return found
