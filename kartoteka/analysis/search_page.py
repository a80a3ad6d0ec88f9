"""A page of search results: hits labelled, counted by kind, in pages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kartoteka.analysis.lookup import search
from kartoteka.storage import Store

PER_PAGE = 25
MOST = 1000  # hits counted for the facets; more are said to be "1000+"


@dataclass(frozen=True)
class Result:
    kind: str  # "source", or the entity's kind: person, organization …
    ref: str
    label: str  # the source's title or the entity's preferred name
    snippet: str  # with [brackets] around the words found


@dataclass(frozen=True)
class SearchPage:
    results: tuple[Result, ...]
    kinds: dict[str, int]  # facet: how many hits of each kind (of the first MOST)
    total: int
    page: int
    pages: int
    more: bool  # more than MOST hits: the counts are of the first MOST


def search_page(
    store: Store, text: str, kind: str | None = None, page: int = 1
) -> SearchPage:
    """Hits for the text (full text, and names in any script or spelling),
    those of ``kind`` only when it is given, page ``page`` of them."""
    hits = search(store, text, MOST + 1)
    more, hits = len(hits) > MOST, hits[:MOST]
    entity_kinds = store.kinds([h.ref for h in hits if h.kind == "entity"])
    labelled = [
        (h, "source" if h.kind == "source" else entity_kinds.get(h.ref, "entity"))
        for h in hits
    ]
    kinds = Counter(k for _, k in labelled)
    chosen = [(h, k) for h, k in labelled if kind in (None, "", k)]
    shown = chosen[(page - 1) * PER_PAGE : page * PER_PAGE]
    titles = (
        {s.id: s.title for s, _ in store.source_metas()}
        if any(k == "source" for _, k in shown)
        else {}
    )
    names = store.entities([h.ref for h, k in shown if k != "source"])
    results = tuple(
        Result(
            k,
            h.ref,
            titles.get(h.ref, h.ref) if k == "source" else names[h.ref].name,
            h.snippet,
        )
        for h, k in shown
        if k == "source" or h.ref in names
    )
    pages = max(1, -(-len(chosen) // PER_PAGE))
    return SearchPage(results, dict(kinds), len(chosen), page, pages, more)
