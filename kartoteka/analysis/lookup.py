"""Finding entities by any spelling of a name, and searching in any word form.

>>> # [e.name for e in entities_named(store, "Toukhatchevski")]
>>> # ['Тухачевский Михаил Николаевич']
"""

from __future__ import annotations

from kartoteka.errors import NotFound
from kartoteka.model import Entity
from kartoteka.model.vocabulary import EntityKind
from kartoteka.names.compare import compare
from kartoteka.names.keys import lookup_keys, narrow
from kartoteka.names.morphology import word_forms
from kartoteka.storage import Store
from kartoteka.storage.search import Hit

CANDIDATES = 400  # entities sharing a key read at most; a common surname has more
LISTED = 50  # entities a lookup that names many reads to list them
WORD_MATCHES = 50  # entities read when the query is part of a name


def find_person(store: Store, query: str) -> Entity:
    """The one person whose id, casefile key or any name is the query; failing
    that, the one person with a name holding every word of it ("Уборевич");
    failing that, the one whose name the query spells otherwise (Toukhatchevski,
    Тухачевского). Records merged into one person count as that person."""
    return find_entity(store, query, EntityKind.PERSON)


def find_entity(store: Store, query: str, kind: EntityKind | None = None) -> Entity:
    """``find_person`` for an entity of any kind (or of ``kind``): a person,
    an organization, a place, an artifact, an event."""
    found = (
        store.find_entities(query, kind)
        or _by_words(store, query, kind)
        or entities_named(store, query, kind)
    )
    heads = store.heads([e.id for e in found])
    found = list({heads[e.id]: e for e in found}.values())
    if not found:
        raise NotFound(
            f"no {kind or 'entity'} named {query!r} in any spelling; "
            f"try `kartoteka search {query}` for the words in texts"
        )
    if len(found) > 1:
        kinds = {str(e.kind) for e in found}
        what = f"{kinds.pop()}s" if len(kinds) == 1 else "entities"
        listed = "; ".join(f"{e.id} {e.name}" for e in found[:10])
        more = "" if len(found) <= 10 else f" and {len(found) - 10} more"
        if len(found) >= LISTED:
            more += " (at least: a common name; add a given name)"
        raise NotFound(
            f"{query!r} names {len(found)} {what}: {listed}{more}; give the id"
        )
    return found[0]


def _by_words(store: Store, query: str, kind: EntityKind | None) -> list[Entity]:
    hits = store.search(query, limit=WORD_MATCHES)
    ids = sorted({h.ref for h in hits if h.kind == "entity"})
    words = query.casefold().split()
    return [
        e
        for e in store.entities(ids).values()  # type: ignore[arg-type]
        if (kind is None or e.kind is kind)
        and any(
            all(w in name.casefold().split() for w in words)
            for name in (e.name, *(n.name for n in e.names))
        )
    ]


def entities_named(
    store: Store, query: str, kind: EntityKind | None = None, most: int = LISTED
) -> list[Entity]:
    """Entities one of whose names the query can be, in any script, spelling
    or case: Tuchatschewski, Toukhatchevski, Тухачевского → Тухачевский;
    the first ``most`` of them by id.

    Those that agree on the most parts win: "Zeygelman Yefim Markovich" finds
    Зейгельман Ефим Маркович, not every record that gives the surname alone.
    """
    with_given, surname_only = narrow(lookup_keys(query.strip()))
    # A given name narrows a common surname down; records that give the
    # surname alone are read only when nobody of the fuller name is stored.
    agree = _agreeing(store, query, with_given) or _agreeing(store, query, surname_only)
    if not agree:
        return []
    fullest = max(agree.values())
    named = sorted(e for e, parts in agree.items() if parts == fullest)
    kinds = store.kinds(named) if kind is not None else {}
    chosen = [e for e in named if kind is None or kinds.get(e) == str(kind)][:most]
    return list(store.entities(chosen).values()) if chosen else []


def _agreeing(store: Store, query: str, keys: list[str]) -> dict[str, int]:
    """Entities with these keys whose names match the query: how many parts
    each agrees on. Names in another language (Leon for Лев) are asked only
    of entities that no spelling matches: their tables take seconds to load."""
    agree: dict[str, int] = {}
    named = list(store.names_of(store.ids_by_keys(keys, CANDIDATES)))
    for languages in (False, True):
        matched = set(agree)
        for entity_id, name in named:
            if languages and entity_id in matched:
                continue
            result = compare(query, name, languages)
            if result.match:
                agree[entity_id] = max(agree.get(entity_id, 0), result.parts)
    return agree


def search(store: Store, text: str, limit: int = 20) -> list[Hit]:
    """Full-text search in every form of each Russian word, then the entities
    whose names the text is another spelling of."""
    hits = store.search(text, limit, forms=word_forms)
    found = {h.ref for h in hits if h.kind == "entity"}
    for entity in entities_named(store, text):
        if len(hits) >= limit:
            break
        if entity.id not in found:
            spelled = f"{entity.name} (the same name as “{text}”)"
            hits.append(Hit("entity", entity.id, spelled))
    return hits
