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
    source: Source  # its text is the window's only
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
    beginning where one is near), cut into segments at every claim's bounds."""
    source = store.source(source_id)
    text = source.text
    start = max(0, min(start, len(text)))
    line = text.rfind("\n", max(0, start - 500), start)
    start = line + 1 if start and line >= 0 else start
    end = min(len(text), start + WINDOW)
    if end < len(text):
        cut = text.rfind("\n", start + WINDOW // 2, end)
        end = cut + 1 if cut > 0 else end
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
    segments = tuple(
        Segment(
            a,
            b,
            text[a:b],
            tuple(c.id for c in marked if c.passage.start < b and c.passage.end > a),
        )
        for a, b in itertools.pairwise(bounds)
        if a < b
    )
    return SourcePage(source, start, end, len(text), segments, tuple(found))
