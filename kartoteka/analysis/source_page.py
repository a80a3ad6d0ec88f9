"""A source as a page shows it: its text in windows, cut where claims begin
and end, so every claimed passage can be marked and its claims found."""

from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
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
    Only the window is read: a registry list is megabytes of text."""
    source = store.source_meta(source_id)
    text = _texts.text(store, source)
    length = len(text)
    start = max(0, min(start, length))
    line = text.rfind("\n", max(0, start - 500), start)
    start = line + 1 if start and line >= 0 else start
    end = min(length, start + WINDOW)
    if end < length:
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
    segments = tuple(_segments(text, bounds, marked))
    return SourcePage(source, start, end, length, segments, tuple(found))


def _segments(text: str, bounds: list[int], marked: list[Claim]) -> list[Segment]:
    """The text between consecutive bounds, each with the claims covering it:
    one sweep in order of the passages' starts (every start is a bound)."""
    waiting = sorted(marked, key=lambda c: c.passage.start)
    active: list[Claim] = []
    found, at = [], 0
    for a, b in itertools.pairwise(bounds):
        while at < len(waiting) and waiting[at].passage.start <= a:
            active.append(waiting[at])
            at += 1
        active = [c for c in active if c.passage.end > a]
        if a < b:
            found.append(Segment(a, b, text[a:b], tuple(c.id for c in active)))
    return found


class _Texts:
    """The texts pages were last read from, kept up to CACHED characters.

    A registry list is tens of megabytes; reading it from the database for
    each window of 20,000 characters cost 0.2-0.5 s a page. A text is kept
    under its source's hash, so a changed text is read afresh."""

    def __init__(self, most: int) -> None:
        self.most = most
        self.kept: OrderedDict[tuple[str, str, str], str] = OrderedDict()
        self.lock = threading.Lock()

    def text(self, store: Store, source: Source) -> str:
        key = (str(store.engine.url), source.id, source.sha256)
        with self.lock:
            if key in self.kept:
                self.kept.move_to_end(key)
                return self.kept[key]
        text = store.source(source.id).text
        with self.lock:
            self.kept[key] = text
            while (
                sum(len(t) for t in self.kept.values()) > self.most
                and len(self.kept) > 1
            ):
                self.kept.popitem(last=False)
        return text


CACHED = 100_000_000  # characters: 0.2-0.4 GB of text at most
_texts = _Texts(CACHED)
