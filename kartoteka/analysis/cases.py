"""A person's case: names, the life-cycle timeline with every claim, disagreements.

>>> # case = build_case(store, "Tukhachevsky"); case.events[0].predicate
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kartoteka.analysis.conflicts import Conflict, find_conflicts
from kartoteka.errors import NotFound
from kartoteka.model import Claim, Entity, Source
from kartoteka.model import dates as edtf
from kartoteka.model.records import is_entity_id, script_of
from kartoteka.model.vocabulary import LIFECYCLE_ORDER, PREDICATES, EntityKind, Group
from kartoteka.storage import Store


@dataclass(frozen=True)
class Event:
    """One step of the life cycle: a predicate, a date, and the claims for it."""

    predicate: str
    date: str | None
    claims: tuple[Claim, ...]
    conflicted: bool = False

    @property
    def date_texts(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(
                c.date.as_written for c in self.claims if c.date and c.date.as_written
            )
        )


@dataclass(frozen=True)
class RecordText:
    """A registry record resolved into the person, in full."""

    source: str
    ref: str
    text: str


@dataclass
class Case:
    person: Entity
    events: list[Event]
    relations: list[Claim]  # the person's other claims: relations, documents, numbers
    mentions: list[Claim]  # claims about others in which the person takes part
    conflicts: list[Conflict]
    entities: dict[str, Entity] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)  # metadata, no text
    records: list[RecordText] = field(default_factory=list)
    members: list[Entity] = field(default_factory=list)  # records resolved into one

    def label(self, entity_id: str | None) -> str:
        """A short name to show: the preferred name when Latin, else the longest
        Latin spelling (a source's first); the id when the entity is unknown."""
        if entity_id is None:
            return ""
        entity = self.entities.get(entity_id)
        if entity is None:
            return entity_id
        if script_of(entity.name) == "Latn":
            return entity.name
        latin = [n for n in entity.names if n.script == "Latn"]
        sourced = [n.name for n in latin if n.source] or [n.name for n in latin]
        return max(sourced, key=len) if sourced else entity.name

    def conflict_of(self, claim_id: str) -> Conflict | None:
        return next((c for c in self.conflicts if claim_id in c.claims), None)


WORD_MATCHES = 50  # persons read when the query is part of a name


def find_person(store: Store, query: str) -> Entity:
    """The one person whose id, casefile key or any name is the query; failing
    that, the one person with a name holding every word of it ("Уборевич").
    Records merged into one person count as that person."""
    found = store.find_entities(query, EntityKind.PERSON) or _by_words(store, query)
    found = list({store.cluster_of(e.id)[0]: e for e in found}.values())
    if not found:
        raise NotFound(f"no person named {query!r}; try `kartoteka search {query}`")
    if len(found) > 1:
        listed = "; ".join(f"{e.id} {e.name}" for e in found[:10])
        more = "" if len(found) <= 10 else f" and {len(found) - 10} more"
        raise NotFound(
            f"{query!r} names {len(found)} persons: {listed}{more}; give the id"
        )
    return found[0]


def _by_words(store: Store, query: str) -> list[Entity]:
    hits = store.search(query, limit=WORD_MATCHES)
    ids = sorted({h.ref for h in hits if h.kind == "entity"})
    words = query.casefold().split()
    return [
        e
        for e in store.entities(ids).values()  # type: ignore[arg-type]
        if e.kind is EntityKind.PERSON
        and any(
            all(w in name.casefold().split() for w in words)
            for name in (e.name, *(n.name for n in e.names))
        )
    ]


def _group_events(claims: list[Claim], conflicts: list[Conflict]) -> list[Event]:
    """Claims of one predicate and date make an event; an undated claim joins
    the predicate's only dated event, when there is exactly one."""
    by_key: dict[tuple[str, str | None], list[Claim]] = defaultdict(list)
    for c in claims:
        by_key[c.predicate, c.date.value if c.date else None].append(c)
    for predicate in {p for p, _ in by_key}:
        dated = [k for k in by_key if k[0] == predicate and k[1] is not None]
        if len(dated) == 1 and (predicate, None) in by_key:
            by_key[dated[0]].extend(by_key.pop((predicate, None)))
    in_conflict = {cid for c in conflicts for cid in c.claims}
    return [
        Event(p, d, tuple(cs), conflicted=any(c.id in in_conflict for c in cs))
        for (p, d), cs in by_key.items()
    ]


def _order(events: list[Event]) -> list[Event]:
    """Dated events by date; each undated one after the last event before it
    in the life-cycle order."""
    rank = {p: i for i, p in enumerate(LIFECYCLE_ORDER)}
    dated = sorted(
        (e for e in events if e.date),
        key=lambda e: (edtf.sort_key(e.date), rank[e.predicate]),
    )
    for event in sorted(
        (e for e in events if not e.date), key=lambda e: rank[e.predicate]
    ):
        at = max(
            (
                i + 1
                for i, e in enumerate(dated)
                if rank[e.predicate] <= rank[event.predicate]
            ),
            default=0,
        )
        dated.insert(at, event)
    return dated


def merged_person(store: Store, person: Entity) -> tuple[Entity, list[Entity]]:
    """The person as linking resolved them: the canonical member with the
    names of every member, and the members themselves (the person alone
    when unlinked)."""
    member_ids = store.cluster_of(person.id)
    if len(member_ids) == 1:
        return person, [person]
    found = store.entities(member_ids)
    members = [found[m] for m in member_ids]
    head = members[0]
    names = tuple(dict.fromkeys(n for m in members for n in m.names))
    external = tuple(dict.fromkeys(x for m in members for x in m.external_ids))
    merged = Entity(
        id=head.id,
        kind=head.kind,
        name=head.name,
        names=names,
        external_ids=external,
        attributes=head.attributes,
        sex=next((m.sex for m in members if m.sex), None),
    )
    return merged, members


def build_case(store: Store, query: str) -> Case:
    """Everything the store knows about one person, arranged as a case file:
    with every record linking resolved into them."""
    person, members = merged_person(store, find_person(store, query))
    member_ids = {m.id for m in members}
    involved = list(
        {c.id: c for m in members for c in store.claims_involving(m.id)}.values()
    )
    own = [c for c in involved if c.subject in member_ids]
    lifecycle = [c for c in own if PREDICATES[c.predicate].group is Group.LIFECYCLE]
    conflicts = find_conflicts(own)
    ids = set(member_ids)
    for c in involved:
        ids |= {c.subject, c.object, c.asserted_by} - {None}
        ids |= {v for v in c.qualifiers.values() if is_entity_id(v)}
    return Case(
        person=person,
        events=_order(_group_events(lifecycle, conflicts)),
        relations=[c for c in own if c not in lifecycle],
        mentions=[c for c in involved if c.subject not in member_ids],
        conflicts=conflicts,
        entities=store.entities(sorted(ids)),  # type: ignore[arg-type]
        sources={s: store.source_meta(s) for s in sorted({c.source for c in involved})},
        records=[r for m in members for r in _records(store, m)],
        members=members,
    )


def _records(store: Store, person: Entity) -> list[RecordText]:
    record = person.attributes.get("record")
    if not isinstance(record, dict):
        return []
    text = record.get("text") or store.excerpt(
        record["source"], record["start"], record["end"]
    )
    return [RecordText(record["source"], record["ref"], text)]


def person_summary(store: Store, person_id: str) -> str:
    """A few lines to tell a person by: names, life-cycle dates, the records."""
    person = store.entity(person_id)
    names = ", ".join(dict.fromkeys([person.name, *(n.name for n in person.names)]))
    lines = [names]
    for c in sorted(
        store.claims(subject=person_id),
        key=lambda c: (
            LIFECYCLE_ORDER.index(c.predicate) if c.predicate in LIFECYCLE_ORDER else 99
        ),
    ):
        when = c.date.as_written or c.date.value if c.date else ""
        lines.append(f"{c.predicate} {when}".rstrip())
    for record in _records(store, person):
        lines.append(f"{record.ref}: {record.text}")
    return "\n".join(lines)
