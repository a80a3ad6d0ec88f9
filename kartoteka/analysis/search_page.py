"""A page of search results: hits labelled, narrowed by facets, in pages.

Full-text hits come a page at a time from the index, however many there are
(counted up to COUNTED); the names the words are another spelling of
(Tuchatschewski → Тухачевский) follow them when the words as written find
fewer than FACETED. The facets — kind, and the
event, year, place and source of the entities' claims — count the first
FACETED hits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from kartoteka.analysis.lookup import entities_named
from kartoteka.model import Claim
from kartoteka.model.vocabulary import LIFECYCLE_ORDER
from kartoteka.names.morphology import word_forms
from kartoteka.storage import Store
from kartoteka.storage.search import Filters, Hit

PER_PAGE = 25
FACETED = 1000  # hits whose facets are counted
COUNTED = 100_000  # hits counted; more are said to be "100,000+"
RANKED = 10_000  # hits ranked best first; more come in the index's order
SHOWN_VALUES = 12  # values shown of a facet with many (places, sources)


@dataclass(frozen=True)
class Result:
    kind: str  # "source", or the entity's kind: person, organization …
    ref: str
    label: str  # the source's title or the entity's preferred name
    snippet: str  # with [brackets] around the words found


@dataclass(frozen=True)
class SearchPage:
    results: tuple[Result, ...]
    filters: Filters
    kinds: dict[str, int]  # facet: hits of each kind (of the first FACETED)
    facets: dict[str, list[tuple[str, str, int]]]  # facet → (value, label, count)
    total: int  # hits, counted up to COUNTED
    page: int
    pages: int
    more: bool  # more than FACETED hits: the facets count the first FACETED
    capped: bool  # COUNTED hits or more: the total is a lower bound
    ranked: bool  # best first; else (over RANKED hits) in the index's order


def _matches(claim: Claim, f: Filters) -> bool:
    place = claim.qualifiers.get("place")
    return (
        (not f.event or claim.predicate == f.event)
        and (
            not f.year or bool(claim.date and str(claim.date.value).startswith(f.year))
        )
        and (not f.place or place == f.place)
        and (not f.source or claim.source == f.source)
    )


def _spelled(store: Store, text: str, found: set[str], f: Filters) -> list[Hit]:
    """Entities whose name the text spells otherwise, within the filters."""
    named = [e for e in entities_named(store, text) if e.id not in found]
    if f.kind:
        named = [e for e in named if str(e.kind) == f.kind]
    if f.on_claims:
        named = [
            e for e in named if any(_matches(c, f) for c in store.claims(subject=e.id))
        ]
    return [Hit("entity", e.id, f"{e.name} (the same name as “{text}”)") for e in named]


def search_page(
    store: Store, text: str, filters: Filters | None = None, page: int = 1
) -> SearchPage:
    """Page ``page`` of the hits for the text (full text, and names in any
    script or spelling), narrowed by the filters, with the facets."""
    f = filters or Filters()
    in_index = store.search_count(text, word_forms, f, COUNTED)
    ranked = in_index <= RANKED
    # The kind facet counts every kind, whichever is chosen; the facets count
    # a set, so the first FACETED in the index's order serve as well as the best.
    everything = replace(f, kind=None)
    first = store.search(
        text, FACETED + 1, word_forms, 0, everything, ranked=False, snippets=False
    )
    # Other spellings of a name, when the words as written find few.
    spelled_all = (
        _spelled(store, text, {h.ref for h in first}, everything)
        if len(first) < FACETED
        else []
    )
    more, first = len(first) > FACETED, first[:FACETED]
    kinds_of = store.kinds(
        [h.ref for h in (*first, *spelled_all) if h.kind == "entity"]
    )

    def kind(hit: Hit) -> str:
        return "source" if hit.kind == "source" else kinds_of.get(hit.ref, "entity")

    kinds = Counter(kind(h) for h in (*first, *spelled_all))
    spelled = [h for h in spelled_all if f.kind in (None, kind(h))]
    offset = (page - 1) * PER_PAGE
    shown = (
        store.search(text, PER_PAGE, word_forms, offset, f, ranked)
        if offset < in_index
        else []
    )
    after = max(0, offset - in_index)
    shown += spelled[after : after + PER_PAGE - len(shown)]
    total = in_index + len(spelled)
    entity_refs = [
        h.ref
        for h in (*first, *spelled_all)
        if h.kind == "entity" and f.kind in (None, kind(h))
    ]
    return SearchPage(
        results=_labelled(store, shown, kind),
        filters=f,
        kinds=dict(kinds),
        facets=_facets(store, entity_refs),
        total=total,
        page=page,
        pages=max(1, -(-total // PER_PAGE)),
        more=more,
        capped=in_index >= COUNTED,
        ranked=ranked,
    )


def _labelled(
    store: Store, hits: list[Hit], kind: Callable[[Hit], str]
) -> tuple[Result, ...]:
    titles = store.source_titles([h.ref for h in hits if h.kind == "source"])
    names = store.entities([h.ref for h in hits if h.kind == "entity"])
    return tuple(
        Result(
            kind(h),
            h.ref,
            titles.get(h.ref, h.ref) if h.kind == "source" else names[h.ref].name,
            h.snippet,
        )
        for h in hits
        if h.kind == "source" or h.ref in names
    )


def _facets(
    store: Store, entity_ids: list[str]
) -> dict[str, list[tuple[str, str, int]]]:
    counted = store.facets(entity_ids, LIFECYCLE_ORDER)
    titles = store.source_titles(list(counted.source))
    order = {p: i for i, p in enumerate(LIFECYCLE_ORDER)}
    return {
        "event": [
            (e, e, n)
            for e, n in sorted(counted.event.items(), key=lambda x: order[x[0]])
        ],
        "year": [(y, y, n) for y, n in sorted(counted.year.items())],
        "place": [(p, p, n) for p, n in counted.place.most_common(SHOWN_VALUES)],
        "source": [
            (s, titles.get(s, s), n)
            for s, n in counted.source.most_common(SHOWN_VALUES)
        ],
    }
